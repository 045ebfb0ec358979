"""The library API: offsets that slice the input exactly, batch order, notes, merging."""

from __future__ import annotations

import textwrap

import pytest

from replylint import Config, Finding, Linter

PACK = """\
lang: ru
category: condescending
rules:
  - id: ru.condescending.test-did-not-read
    severity: error
    message: Упрёк клиенту.
    suggestion: Укажите пункт инструкции.
    patterns:
      - "<вы> что ,? <инструкция|договор> не <читать|прочитать>"
      - "не <читать|прочитать|прочесть tense=past> <инструкция>"
    examples:
      bad: ["Вы что, инструкцию не читали?"]
      good: ["Инструкция на стр. 5."]
"""


@pytest.fixture(scope="module")
def own(tmp_path_factory) -> Linter:
    path = tmp_path_factory.mktemp("packs") / "ru.yaml"
    path.write_text(textwrap.dedent(PACK), encoding="utf-8")
    return Linter(Config(packs=[str(path)], builtin_packs=False))


def test_builtin_russian_rule_catches_the_brief_example(linter):
    text = "Вы что, инструкцию не читали?"
    findings = linter.lint(text)
    assert any(f.category == "condescending" for f in findings)
    for f in findings:
        assert text[f.start : f.end] == f.text


def test_offsets_line_and_column_point_into_the_exact_input(own):
    text = "Здравствуйте!\n\nВы  что,\nинструкцию не читали? Ещё раз: не читали  инструкцию."
    findings = own.lint(text)
    assert [f.text for f in findings] == ["Вы  что,\nинструкцию не читали", "не читали  инструкцию"]
    first = findings[0]
    assert (first.line, first.column) == (3, 1)
    assert findings[1].line == 4
    for f in findings:
        assert isinstance(f, Finding) and text[f.start : f.end] == f.text


def test_overlapping_matches_of_one_rule_are_merged(own):
    text = "Вы что, инструкцию не читали?"
    assert len(own.lint(text)) == 1


def test_yo_spelling_does_not_matter(own):
    spans = [
        [(f.rule_id, f.start, f.end) for f in own.lint(t)]
        for t in ("не прочёл инструкцию", "не прочел инструкцию")
    ]
    assert spans[0] == spans[1] != []


def test_unknown_language_paragraph_is_skipped_with_a_note(own):
    outcome = own.check_text(
        "Thank you for the message, we will check it.\n\nНе читали инструкцию?"
    )
    assert outcome.langs == ["ru"]
    assert len(outcome.findings) == 1
    assert outcome.notes and "line 1" in outcome.notes[0]


def test_lang_override_and_invalid_lang(own):
    assert own.lint("не читали инструкцию", lang="pl") == []
    with pytest.raises(ValueError, match="unsupported language"):
        own.lint("x", lang="de")


def test_lint_many_preserves_order_in_one_and_two_processes(own):
    texts = ["не читали инструкцию", "Спасибо!", "Вы что, инструкцию не читали?", ""] * 10
    serial = list(own.lint_many(texts))
    parallel = list(own.lint_many(texts, n_process=2, chunksize=3))
    assert serial == parallel
    assert [bool(f) for f in serial[:4]] == [True, False, True, False]


def test_empty_and_whitespace_texts(own):
    assert own.lint("") == []
    assert own.lint(" \n\n ") == []


TWO_RULES = """\
lang: pl
category: vague_promise
rules:
  - id: pl.vague_promise.test-soon
    severity: warning
    message: Bez terminu.
    suggestion: Podaj datę.
    patterns: ["w najbliższym czasie"]
    examples: {bad: ["Odpiszemy w najbliższym czasie."], good: ["Odpiszemy jutro."]}
  - id: pl.vague_promise.test-deal-soon
    severity: info
    message: Ogólnik.
    suggestion: Konkret.
    patterns: ["<zająć> się _{0,2} w najbliższym czasie"]
    examples: {bad: ["Zajmiemy się tym w najbliższym czasie."], good: ["Zajmiemy się tym jutro."]}
"""


def test_overlapping_rules_of_one_category_give_one_finding(tmp_path):
    path = tmp_path / "two.yaml"
    path.write_text(TWO_RULES, encoding="utf-8")
    linter = Linter(Config(packs=[str(path)], builtin_packs=False))
    [finding] = linter.lint("Zajmiemy się tym w najbliższym czasie.", lang="pl")
    assert finding.rule_id == "pl.vague_promise.test-soon"  # the surer (warning) one wins
