"""False-alarm regression check (issue 3, item 6).

tests/data/polite_pl.txt and tests/data/polite_ru.txt hold ordinary, polite support replies
written for this test (one reply per paragraph, blank-line separated, 2,000+ words each),
packed with hard negatives: manual references with a page or section, hand-offs with a
ticket number or deadline, honest ownership, concrete dates and times, outage notices with
a time window and workaround, neutral mentions of the CRM/app/system, bounded durations,
"I don't know yet, but I'll reply by 12:00".

Bounds, per language:
  * no finding of severity `error` at all (a pre-send hook with `--fail-on error` must
    never block a polite reply);
  * at most 3% of paragraphs (FALSE_ALARM_BOUND) with any finding of any severity.
The clean texts of ../shared/corpus/*.jsonl (labels == []) must also give no `error`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from replylint import Linter
from replylint.findings import Finding

DATA = Path(__file__).resolve().parent / "data"
CORPUS = Path(__file__).parents[1] / ".." / "shared" / "corpus"
FALSE_ALARM_BOUND = 0.03
MIN_WORDS = 2000
LANGS = ("pl", "ru")


@cache
def _linter() -> Linter:
    return Linter()


def paragraphs(lang: str) -> list[str]:
    text = (DATA / f"polite_{lang}.txt").read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


@cache
def _linted(lang: str) -> tuple[tuple[str, tuple[Finding, ...]], ...]:
    linter = _linter()
    return tuple((p, tuple(linter.lint(p, lang=lang))) for p in paragraphs(lang))


def _describe(items: list[tuple[str, tuple[Finding, ...]]]) -> str:
    lines = []
    for text, findings in items:
        hits = "; ".join(f"{f.rule_id} [{f.severity}] on {f.text!r}" for f in findings)
        lines.append(f"  - {text}\n    -> {hits}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", LANGS)
def test_polite_text_is_big_enough(lang: str):
    paras = paragraphs(lang)
    words = sum(len(p.split()) for p in paras)
    assert words >= MIN_WORDS, f"polite_{lang}.txt has only {words} words"
    assert len(paras) >= 60, f"polite_{lang}.txt has only {len(paras)} paragraphs"


@pytest.mark.parametrize("lang", LANGS)
def test_polite_text_has_no_error_finding(lang: str):
    """No `error`-severity finding anywhere in the polite prose."""
    offending = [
        (text, tuple(f for f in findings if f.severity == "error"))
        for text, findings in _linted(lang)
        if any(f.severity == "error" for f in findings)
    ]
    assert not offending, (
        f"{len(offending)} polite {lang} paragraph(s) got an `error` finding:\n"
        + _describe(offending)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_polite_text_false_alarm_rate(lang: str):
    """At most 3% of polite paragraphs may get any finding (any severity)."""
    linted = _linted(lang)
    offending = [(text, findings) for text, findings in linted if findings]
    rate = len(offending) / len(linted)
    assert rate <= FALSE_ALARM_BOUND, (
        f"{len(offending)}/{len(linted)} polite {lang} paragraphs flagged ({rate:.1%}), "
        f"bound {FALSE_ALARM_BOUND:.0%}:\n" + _describe(offending)
    )


def _clean_corpus_texts(lang: str) -> list[tuple[str, str]]:
    path = CORPUS / f"{lang}.jsonl"
    if not path.is_file():
        pytest.skip(f"shared corpus not found at {path.resolve()}")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(r["id"], r["text"]) for r in records if r["labels"] == []]


@pytest.mark.parametrize("lang", LANGS)
def test_clean_corpus_texts_have_no_error_finding(lang: str):
    """The corpus's clean texts (labels == []) never get an `error` finding."""
    linter = _linter()
    offending = []
    for record_id, text in _clean_corpus_texts(lang):
        errors = [f for f in linter.lint(text, lang=lang) if f.severity == "error"]
        if errors:
            hits = "; ".join(f"{f.rule_id} on {f.text!r}" for f in errors)
            offending.append(f"  - {record_id}: {text!r}\n    -> {hits}")
    assert not offending, (
        f"{len(offending)} clean {lang} corpus text(s) got an `error` finding:\n"
        + "\n".join(offending)
    )
