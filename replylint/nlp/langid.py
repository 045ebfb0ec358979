"""Which language a paragraph is in: "pl", "ru" or None. Cheap and conservative by design:
an unknown paragraph is skipped with a note rather than linted with the wrong rules."""

from __future__ import annotations

import regex

_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_LATIN = regex.compile(r"\p{Latin}")
_NON_RUSSIAN_CYRILLIC = regex.compile(r"[іїєґўІЇЄҐЎ]")
_POLISH_LETTERS = regex.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
_WORD = regex.compile(r"\p{L}+")
# Frequent Polish function and support words, written without diacritics so that
# Polish typed on an English keyboard is still recognised.
_POLISH_WORDS = frozenset(
    [
        "nie",
        "sie",
        "to",
        "jest",
        "na",
        "w",
        "z",
        "do",
        "ze",
        "ze",
        "za",
        "po",
        "od",
        "dla",
        "czy",
        "jak",
        "juz",
        "tak",
        "ale",
        "i",
        "a",
        "o",
        "u",
        "pan",
        "pani",
        "panstwo",
        "pana",
        "panu",
        "prosze",
        "dzien",
        "dobry",
        "dziekuje",
        "dziekujemy",
        "zamowienie",
        "tego",
        "tym",
        "jestem",
        "mamy",
        "moze",
        "bedzie",
        "byc",
        "mi",
        "mnie",
        "nas",
        "wam",
        "panie",
        "jesli",
        "gdy",
        "tylko",
        "sa",
    ]
)
MIN_LETTERS = 8


def detect(text: str) -> str | None:
    """Return "pl", "ru", or None when the text is too short or neither language."""
    cyr = len(_CYRILLIC.findall(text))
    lat = len(_LATIN.findall(text))
    if cyr + lat < MIN_LETTERS:
        return None
    if cyr > lat:
        if len(_NON_RUSSIAN_CYRILLIC.findall(text)) > 0.01 * cyr:
            return None
        return "ru"
    if _POLISH_LETTERS.search(text):
        return "pl"
    words = [w.lower() for w in _WORD.findall(text)]
    polish = sum(1 for w in words if w in _POLISH_WORDS)
    return "pl" if words and polish / len(words) >= 0.12 else None


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of paragraphs separated by blank lines, covering all non-blank text."""
    spans = []
    for m in regex.finditer(r"\S(?:.*?\S)?(?=\n[^\S\n]*\n|\s*\Z)", text, flags=regex.S):
        spans.append((m.start(), m.end()))
    return spans


def detect_paragraphs(text: str) -> list[tuple[int, int, str | None]]:
    """Language per paragraph; short paragraphs inherit the language of the whole text."""
    overall = detect(text)
    result = []
    for start, end in split_paragraphs(text):
        lang = detect(text[start:end])
        if lang is None and len(_WORD.findall(text[start:end])) <= 6:
            lang = overall
        result.append((start, end, lang))
    return result
