"""The NLP layer: morphology per token, diacritics, ё/е, language per paragraph, offsets."""

from __future__ import annotations

import pytest

from replylint.nlp import langid, morph_pl, morph_ru
from replylint.nlp.normalize import fold, normalize
from replylint.nlp.pipeline import build_pipeline


@pytest.fixture(scope="module")
def pl():
    return build_pipeline("pl")


@pytest.fixture(scope="module")
def ru():
    return build_pipeline("ru")


def test_polish_without_diacritics_gets_dictionary_lemmas(pl):
    doc = pl("nie czytala pani instrukcji")
    assert "czytac" in doc[1]._.lemmas
    assert "past" in doc[1]._.tense and "f" in doc[1]._.gender
    assert "instrukcja" in doc[3]._.lemmas


def test_polish_features_cover_person_number_aspect(pl):
    doc = pl("Nie przeczytaliście instrukcji?")
    token = doc[1]
    assert token._.lemmas == ("przeczytac",)
    assert token._.person == ("2",) and token._.number == ("pl",) and token._.aspect == ("perf",)


def test_polish_conditional_is_not_past():
    analysis = morph_pl.analyse("przeczytałaby")
    assert analysis.values("mood") == ("cond",)
    assert "past" not in analysis.values("tense")


def test_russian_yo_and_ye_analyse_alike():
    assert morph_ru.analyse("ещё").lemmas == morph_ru.analyse("еще").lemmas
    assert fold("Ёлка") == "елка"


def test_russian_features(ru):
    doc = ru("Вы что, инструкцию не читали?")
    assert doc[0]._.person == ("2",)
    reading = doc[5]
    assert "читать" in reading._.lemmas and "past" in reading._.tense and "pl" in reading._.number


def test_hyphenated_words_stay_one_token(ru, pl):
    assert [t.text for t in ru("как-нибудь решим")] == ["как-нибудь", "решим"]
    assert "crm" in pl("CRM-u")[0]._.lemmas


def test_unknown_words_use_their_own_form_as_lemma():
    assert "битрикс24" in morph_ru.analyse("Битрикс24").lemmas


def test_sentence_breaks_ignore_abbreviation_dots(pl):
    doc = pl("Na str. 12 jest opis. Dziękuję!")
    breaks = [t.text for t in doc if t._.brk]
    assert breaks == [".", "!"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nie czytala pani instrukcji?", "pl"),
        ("Dzień dobry, zamówienie zostało wysłane.", "pl"),
        ("Вы что, инструкцию не читали?", "ru"),
        ("Thank you for your message, we will reply soon.", None),
        ("Дякуємо за звернення, ми відповімо найближчим часом.", None),
        ("ok", None),
    ],
)
def test_language_detection(text, expected):
    assert langid.detect(text) == expected


def test_mixed_text_gets_language_per_paragraph():
    text = "Dzień dobry, dziękujemy za zgłoszenie.\n\nЗдравствуйте, спасибо за обращение.\n\nThank you for contacting our team today."
    assert [lang for _s, _e, lang in langid.detect_paragraphs(text)] == ["pl", "ru", None]


def test_normalize_keeps_a_map_to_original_offsets():
    text = "Nie  czytała\npani\n\n  instrukcji"
    norm = normalize(text)
    assert norm.text == "Nie czytała pani\n\ninstrukcji"
    start = norm.text.index("pani")
    s, e = norm.to_original(start, start + 4)
    assert text[s:e] == "pani"
    s, e = norm.to_original(0, len(norm.text))
    assert text[s:e] == text.strip()


def test_polish_abbreviations_split_by_the_tokenizer_still_analyse(pl):
    doc = pl("Opis jest na str. 12, godz. 14:00")
    assert "strona" in doc[3]._.lemmas
    assert "16:00" in morph_pl.analyse("16:00").lemmas


def test_whole_word_reading_beats_agglutinate_split():
    assert morph_pl.analyse("kiedyś").lemmas == ("kiedys",)
