"""What an input adapter hands to the linter: the file's text and the pieces of it to lint.

Offsets are sacred: a Segment's text is linted as is, and every position in it maps back to
an exact offset in the file, so findings report the line and column the user sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KEEP = frozenset("\n\r")


@dataclass
class Segment:
    """A piece of a file to lint.

    With ``offsets`` None, ``text[i]`` sits at file offset ``start + i`` (blanked copies of the
    file). With ``offsets``, ``offsets[i]`` is the file offset of ``text[i]`` and
    ``offsets[len(text)]`` is one past the end (decoded JSON strings, where ``\\u0105`` is one
    character in the text but six in the file).
    """

    text: str
    start: int = 0
    offsets: list[int] | None = None
    lang: str | None = None  # a language already known for this piece (None: let the linter decide)

    def file_offset(self, pos: int) -> int:
        """File offset of text position `pos` (0..len(text))."""
        if self.offsets is None:
            return self.start + pos
        return self.offsets[pos]

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """File (start, end) of the text span [start, end)."""
        if self.offsets is None or end <= start:
            return self.file_offset(start), self.file_offset(end)
        return self.offsets[start], self.offsets[end - 1] + _width(self.offsets, end - 1)


def _width(offsets: list[int], i: int) -> int:
    return max(1, offsets[i + 1] - offsets[i])


@dataclass
class Source:
    """One input: its display path, its decoded text, the segments to lint, or an error."""

    path: str
    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    error: str | None = None
    kind: str = "text"
    notes: list[str] = field(default_factory=list)


def blank(text: str, start: int, end: int) -> str:
    """`text` with [start, end) replaced by spaces, newlines kept (so lines stay in place)."""
    return text[:start] + blank_str(text[start:end]) + text[end:]


def blank_str(chunk: str) -> str:
    """Spaces of the same length as `chunk`, keeping its line breaks."""
    return "".join(ch if ch in KEEP else " " for ch in chunk)


class Blanker:
    """Collects spans to blank and applies them in one pass (cheap for many spans)."""

    def __init__(self, text: str) -> None:
        self._chars = list(text)

    def blank(self, start: int, end: int) -> None:
        chars = self._chars
        for i in range(start, end):
            if chars[i] not in KEEP:
                chars[i] = " "

    def text(self) -> str:
        return "".join(self._chars)
