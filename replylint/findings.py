"""The one record every front end consumes: a rule hit pinned to exact character offsets."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Finding:
    """A rule hit. ``text == source[start:end]`` always holds for the linted string."""

    rule_id: str
    category: str
    severity: str
    message: str
    suggestion: str
    start: int
    end: int
    line: int
    column: int
    text: str
    lang: str = field(default="", compare=False)

    def to_dict(self) -> dict:
        return asdict(self)

    def at_least(self, severity: str) -> bool:
        return SEVERITY_RANK[self.severity] >= SEVERITY_RANK[severity]


class LineIndex:
    """Maps character offsets to 1-based (line, column) in O(log n)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self._starts.append(i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping or touching (start, end) spans."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


@dataclass
class SourceResult:
    """Findings for one input (a file, stdin, a draft), or the error that stopped reading it."""

    path: str
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)
