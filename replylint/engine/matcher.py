"""Running compiled rules over a parsed text: Matcher hits, regex hits, exceptions, merging."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from replylint.engine.patterns import compile_pattern
from replylint.engine.rule import PatternSpec, Rule
from replylint.findings import SEVERITY_RANK, merge_spans
from replylint.nlp.normalize import fold, fold_char

REGEX_TIMEOUT_SECONDS = 0.25


@dataclass(frozen=True)
class Hit:
    """A rule match in the *normalised* text, before mapping back to the input."""

    rule: Rule
    start: int
    end: int
    severity: str


class RegexTimeout(RuntimeError):
    pass


class CompiledRules:
    """All rules of one language compiled into one Matcher plus a list of regexes."""

    def __init__(self, vocab: Vocab, rules: list[Rule]) -> None:
        self.rules = {rule.id: rule for rule in rules}
        self.matcher = Matcher(vocab, validate=True)
        self.exception_matcher = Matcher(vocab, validate=True)
        self.regexes: list[tuple[Rule, regex.Pattern]] = []
        self.exception_regexes: dict[str, regex.Pattern] = {}
        for rule in rules:
            token_patterns = [p for p in rule.patterns if p.kind == "tokens"]
            if token_patterns:
                self.matcher.add(
                    rule.id, [t for p in token_patterns for t in compile_pattern(p.source)]
                )
            self.regexes.extend(
                (rule, _compile_regex(p)) for p in rule.patterns if p.kind == "regex"
            )
            for index, exc in enumerate(rule.exceptions):
                key = _exception_key(rule.id, index)
                if exc.pattern.kind == "tokens":
                    self.exception_matcher.add(key, compile_pattern(exc.pattern.source))
                else:
                    self.exception_regexes[key] = _compile_regex(exc.pattern)

    def find(self, doc: Doc) -> list[Hit]:
        text = doc.text
        folded: str | None = None
        raw: list[tuple[str, int, int]] = []
        strings = doc.vocab.strings
        for match_id, start, end in self.matcher(doc) if len(self.matcher) else []:
            span = doc[start:end]
            raw.append((strings[match_id], span.start_char, span.end_char))
        if self.regexes:
            folded = fold(text)
            for rule, pattern in self.regexes:
                raw.extend((rule.id, s, e) for s, e in _regex_spans(pattern, folded))
        if not raw:
            return []
        exceptions = self._exceptions(doc, folded)
        sentence_starts = _sentence_starts(doc)
        hits: list[Hit] = []
        by_rule: dict[str, list[tuple[int, int]]] = {}
        for rule_id, start, end in raw:
            by_rule.setdefault(rule_id, []).append((start, end))
        for rule_id, spans in by_rule.items():
            rule = self.rules[rule_id]
            for start, end in merge_spans(spans):
                severity = _apply_exceptions(
                    rule, start, end, exceptions, sentence_starts, len(text)
                )
                if severity is not None:
                    hits.append(Hit(rule, start, end, severity))
        return sorted(hits, key=lambda h: (h.start, h.end, h.rule.id))

    def _exceptions(self, doc: Doc, folded: str | None) -> dict[str, list[tuple[int, int]]]:
        found: dict[str, list[tuple[int, int]]] = {}
        strings = doc.vocab.strings
        matches = self.exception_matcher(doc) if len(self.exception_matcher) else []
        for match_id, start, end in matches:
            span = doc[start:end]
            found.setdefault(strings[match_id], []).append((span.start_char, span.end_char))
        if self.exception_regexes:
            folded = folded if folded is not None else fold(doc.text)
            for key, pattern in self.exception_regexes.items():
                found.setdefault(key, []).extend(_regex_spans(pattern, folded))
        return found


def _exception_key(rule_id: str, index: int) -> str:
    return f"{rule_id}#except{index}"


def _compile_regex(spec: PatternSpec) -> regex.Pattern:
    """Regexes run on the folded text, so fold the pattern's own letters the same way."""
    source = "".join(ch if ch.isascii() else fold_char(ch) for ch in spec.source)
    return regex.compile(source, flags=regex.IGNORECASE | regex.V1)


def _regex_spans(pattern: regex.Pattern, folded: str) -> list[tuple[int, int]]:
    """Run a user-supplied regex with a timeout so a pathological pattern cannot hang a run."""
    try:
        return [
            m.span()
            for m in pattern.finditer(folded, timeout=REGEX_TIMEOUT_SECONDS)
            if m.end() > m.start()
        ]
    except TimeoutError as exc:
        raise RegexTimeout(f"regex {pattern.pattern!r} timed out") from exc


def _sentence_starts(doc: Doc) -> list[int]:
    starts = [0]
    breaks = doc.user_data.get("replylint_breaks", [])
    for token, is_break in zip(doc, breaks, strict=False):
        if is_break:
            starts.append(token.idx + len(token.text))
    return starts


def _sentence_of(offset: int, starts: list[int]) -> tuple[int, int]:
    i = bisect.bisect_right(starts, offset) - 1
    end = starts[i + 1] if i + 1 < len(starts) else 10**12
    return starts[i], end


def _apply_exceptions(
    rule: Rule,
    start: int,
    end: int,
    exceptions: dict[str, list[tuple[int, int]]],
    sentence_starts: list[int],
    text_length: int,
) -> str | None:
    """The hit's severity after its rule's exceptions, or None when an exception drops it."""
    severity = rule.severity
    for index, exc in enumerate(rule.exceptions):
        spans = exceptions.get(_exception_key(rule.id, index))
        if not spans:
            continue
        if exc.scope == "match":
            lo, hi = start, end
        elif exc.scope == "sentence":
            lo, hi = _sentence_of(start, sentence_starts)
            hi = max(hi, end)
        else:
            lo, hi = 0, text_length
        if any(s < hi and e > lo for s, e in spans):
            if exc.severity is None:
                return None
            if SEVERITY_RANK[exc.severity] < SEVERITY_RANK[severity]:
                severity = exc.severity
    return severity
