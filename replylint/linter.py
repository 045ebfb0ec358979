"""The library entry point: load packs and pipelines once, lint many texts."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from replylint.config import Config
from replylint.engine.matcher import CompiledRules
from replylint.engine.rule import Rule
from replylint.engine.selection import configured_rules, load_configured_rules
from replylint.findings import SEVERITY_RANK, Finding, LineIndex
from replylint.nlp import langid
from replylint.nlp.normalize import normalize
from replylint.nlp.pipeline import LANGS, build_pipeline, resolve_trained


@dataclass
class LintOutcome:
    """Findings for one text plus notes (e.g. paragraphs skipped as neither pl nor ru)."""

    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)


class Linter:
    """Holds compiled rule packs and spaCy pipelines; cheap to call, costly to build."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.all_rules: list[Rule] = load_configured_rules(self.config)
        self.rules: list[Rule] = configured_rules(self.all_rules, self.config)
        self._pipelines: dict = {}
        self._compiled: dict[str, CompiledRules] = {}

    def _engine(self, lang: str):
        if lang not in self._compiled:
            trained = resolve_trained(
                lang, self.config.pipelines.get(lang), self.config.use_trained_pipelines
            )
            nlp = build_pipeline(lang, trained)
            self._pipelines[lang] = nlp
            self._compiled[lang] = CompiledRules(
                nlp.vocab, [r for r in self.rules if r.lang == lang]
            )
        return self._pipelines[lang], self._compiled[lang]

    def warm(self) -> Linter:
        """Build every pipeline now (servers call this so the first request is fast)."""
        for lang in LANGS:
            nlp, compiled = self._engine(lang)
            compiled.build(nlp.vocab)
            nlp("rozgrzewka" if lang == "pl" else "разогрев")
        return self

    def check_text(
        self, text: str, lang: str | None = None, keep_overlaps: bool = False
    ) -> LintOutcome:
        """Lint `text`; findings carry offsets into `text` itself. Overlapping findings of
        one category are reduced to the surest one unless `keep_overlaps` (rule tests)."""
        lang = lang or self.config.lang
        if lang not in (None, *LANGS):
            raise ValueError(f"unsupported language {lang!r} (use pl, ru or auto)")
        outcome = LintOutcome()
        segments = [(0, len(text), lang)] if lang else _language_segments(text)
        lines: LineIndex | None = None
        for start, end, seg_lang in segments:
            if seg_lang is None:
                line = text.count("\n", 0, start) + 1
                outcome.notes.append(
                    f"line {line}: paragraph skipped: language not recognised as Polish or Russian"
                )
                continue
            if seg_lang not in outcome.langs:
                outcome.langs.append(seg_lang)
            nlp, compiled = self._engine(seg_lang)
            norm = normalize(text[start:end])
            doc = nlp(norm.text)
            for hit in compiled.find(doc):
                s, e = norm.to_original(hit.start, hit.end)
                s, e = s + start, e + start
                lines = lines or LineIndex(text)
                line, column = lines.position(s)
                outcome.findings.append(
                    Finding(
                        rule_id=hit.rule.id,
                        category=hit.rule.category,
                        severity=hit.severity,
                        message=hit.rule.message,
                        suggestion=hit.rule.suggestion,
                        start=s,
                        end=e,
                        line=line,
                        column=column,
                        text=text[s:e],
                        lang=seg_lang,
                    )
                )
        if keep_overlaps:
            outcome.findings.sort(key=lambda f: (f.start, f.end, f.rule_id))
        else:
            outcome.findings = _one_finding_per_phrase(outcome.findings)
        return outcome

    def lint(
        self, text: str, lang: str | None = None, keep_overlaps: bool = False
    ) -> list[Finding]:
        return self.check_text(text, lang, keep_overlaps).findings

    def lint_many(
        self, texts: Iterable[str], lang: str | None = None, n_process: int = 1, chunksize: int = 32
    ) -> Iterator[list[Finding]]:
        """Lint texts in order; with n_process > 1, worker processes each build one Linter."""
        if n_process <= 1:
            for text in texts:
                yield self.lint(text, lang)
            return
        global _worker_linter
        if "fork" in multiprocessing.get_all_start_methods():
            # Forked workers inherit this warm Linter (pipelines, caches) copy-on-write.
            self.warm()
            _worker_linter = self
            pool = multiprocessing.get_context("fork").Pool(n_process)
        else:
            pool = multiprocessing.get_context("spawn").Pool(
                n_process, initializer=_init_worker, initargs=(self.config,)
            )
        with pool:
            yield from pool.imap(_worker_lint, ((t, lang) for t in texts), chunksize=chunksize)


def _one_finding_per_phrase(findings: list[Finding]) -> list[Finding]:
    """Where rules of one category overlap on the same words, report only the surest one
    (highest severity, then the narrowest span): one phrase, one message."""
    ranked = sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.end - f.start, f.start))
    kept: list[Finding] = []
    for finding in ranked:
        if not any(
            k.category == finding.category and k.start < finding.end and finding.start < k.end
            for k in kept
        ):
            kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule_id))


def _language_segments(text: str) -> list[tuple[int, int, str | None]]:
    """Merge neighbouring paragraphs of one language so sentences are never cut apart."""
    segments: list[tuple[int, int, str | None]] = []
    for start, end, lang in langid.detect_paragraphs(text):
        if segments and segments[-1][2] == lang:
            segments[-1] = (segments[-1][0], end, lang)
        else:
            segments.append((start, end, lang))
    return segments


_worker_linter: Linter | None = None


def _init_worker(config: Config) -> None:
    global _worker_linter
    _worker_linter = Linter(config)


def _worker_lint(item: tuple[str, str | None]) -> list[Finding]:
    assert _worker_linter is not None
    return _worker_linter.lint(*item)
