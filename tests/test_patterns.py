"""The readable pattern syntax and what it compiles to."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from replylint.engine.patterns import PatternError, compile_pattern
from replylint.nlp.pipeline import build_pipeline


@pytest.fixture(scope="module")
def pl():
    return build_pipeline("pl")


def _matches(nlp, pattern: str, text: str, defines=None) -> list[str]:
    matcher = Matcher(nlp.vocab, validate=True)
    matcher.add("p", compile_pattern(pattern, defines))
    doc = nlp(text)
    return [doc[s:e].text for _id, s, e in matcher(doc)]


def test_literal_words_ignore_case_and_diacritics():
    assert compile_pattern("Żółć") == [[{"NORM": "zolc"}]]
    assert compile_pattern("nie|nigdy") == [[{"NORM": {"IN": ["nie", "nigdy"]}}]]


def test_lemma_and_features():
    [[token]] = compile_pattern("<czytać|przeczytać tense=past person=2|3>")
    assert token == {
        "_": {
            "lemmas": {"INTERSECTS": ["czytac", "przeczytac"]},
            "tense": {"INTERSECTS": ["past"]},
            "person": {"INTERSECTS": ["2", "3"]},
        }
    }


def test_groups_expand_and_optional_elements():
    assert len(compile_pattern("( jak już | jak wcześniej ) <pisać>")) == 2
    assert len(compile_pattern("a ( b | c d )? e")) == 3
    assert compile_pattern("a ,? b")[0][1] == {"NORM": ",", "OP": "?"}


def test_bounded_gap():
    [[_a, gap, _b]] = compile_pattern("a _{0,3} b")
    assert gap["OP"] == "{0,3}"


def test_one_rule_catches_gender_person_number_and_aspect(pl):
    pattern = "nie <czytać|przeczytać tense=past> <pan|pani|państwo>? <instrukcja|regulamin>"
    for text in [
        "Nie czytał pan instrukcji?",
        "Pani chyba nie przeczytała regulaminu",
        "Nie przeczytaliście instrukcji?",
        "nie czytala pani instrukcji",
    ]:
        assert _matches(pl, pattern, text), text
    assert not _matches(pl, pattern, "Proszę przeczytać instrukcję na str. 4")


def test_gap_does_not_cross_sentences(pl):
    assert _matches(pl, "nie _{0,3} instrukcji", "Nie mam tu instrukcji")
    assert not _matches(pl, "nie _{0,3} instrukcji", "Nie. Brak instrukcji")


def test_macros(pl):
    defines = {"ADDR": "pan|pani|państwo"}
    assert _matches(pl, "$ADDR nie <wiedzieć>", "Pani nie wie", defines)
    with pytest.raises(PatternError, match="unknown macro"):
        compile_pattern("$NOPE x")


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("", "empty pattern"),
        ("<>", "empty token"),
        ("<czytać tense=later>", "unknown tense value"),
        ("<czytać colour=red>", "unknown token constraint"),
        ("( a | b", "unbalanced"),
        ("a )", "unbalanced"),
        ("a _{0,}", "unbounded"),
        ("_ a", "may not start or end with a gap"),
        ("a? b?", "at least one token"),
        ("/(unclosed/", "bad token regex"),
        ("a | b", r"inside \( \)"),
    ],
)
def test_bad_patterns_say_what_is_wrong(pattern, problem):
    with pytest.raises(PatternError, match=problem):
        compile_pattern(pattern)


def test_negated_gap_skips_words_except_the_excluded(pl):
    pattern = "<system> !nie{0,3} <działać>"
    assert _matches(pl, pattern, "System wreszcie znowu działa")
    assert not _matches(pl, pattern, "System chyba nie działa")


def test_acronyms_stand_for_themselves():
    from replylint.nlp import morph_pl, morph_ru

    assert "it" in morph_pl.analyse("IT").lemmas
    assert "crm" in morph_ru.analyse("CRM").lemmas
