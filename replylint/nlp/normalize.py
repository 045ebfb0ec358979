"""Matching-friendly views of a text that keep an exact way back to the original offsets."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

_WHITESPACE_RUN = regex.compile(r"\s+")
_PARAGRAPH_BREAK = regex.compile(r"\n[^\S\n]*\n")


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """Lowercase, drop diacritics (ł→l, ё→е), always exactly one character."""
    low = ch.lower()
    if len(low) != 1:
        low = ch
    special = {"ł": "l", "ё": "е", "й": "й"}
    if low in special:
        return special[low]
    if low.isascii() or "\u0400" <= low <= "\u04ff":
        return low
    base = unicodedata.normalize("NFD", low)[0]
    return base if len(base) == 1 else low


class _FoldTable(dict):
    """str.translate table filled on first sight of each character (C-speed afterwards)."""

    def __missing__(self, codepoint: int) -> str:
        value = self[codepoint] = fold_char(chr(codepoint))
        return value


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Per-character fold: same length as `text`, so offsets carry over unchanged."""
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=100_000)
def fold_word(word: str) -> str:
    """`fold` for token texts, which repeat endlessly."""
    return word.translate(_FOLD_TABLE)


@dataclass(frozen=True)
class Normalized:
    """`text` with whitespace runs collapsed; `offsets[i]` is where text[i] was in the input.

    A run containing a blank line becomes "\\n\\n" (a paragraph break that patterns never
    cross); any other run becomes one space, so hard-wrapped email lines still match.
    """

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` back to the input string."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _WHITESPACE_RUN.finditer(text):
        chunk = text[pos : m.start()]
        pieces.append(chunk)
        offsets.extend(range(pos, m.start()))
        run = m.group()
        replacement = "\n\n" if _PARAGRAPH_BREAK.search(run) or run.count("\n") >= 2 else " "
        pieces.append(replacement)
        offsets.extend([m.start()] * len(replacement))
        pos = m.end()
    pieces.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return Normalized("".join(pieces), tuple(offsets), len(text))
