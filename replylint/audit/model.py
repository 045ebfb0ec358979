"""Records passed between audit stages; plain and picklable so worker pools stay cheap."""

from __future__ import annotations

from dataclasses import dataclass, field

from replylint.findings import Finding


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of a conversation as read from an export.

    `row` is where the turn starts in its file (CSV/JSONL line number, or the ticket and
    comment position for Zendesk JSON), so every finding and reject points back to the source.
    """

    source: str
    row: int
    conversation_id: str
    role: str
    agent: str
    timestamp: str
    text: str
    is_agent: bool


@dataclass(frozen=True, slots=True)
class Reject:
    """A row that could not be used, with the reason shown to the user in one line."""

    source: str
    row: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.row}: {self.reason}"


@dataclass(slots=True)
class TurnResult:
    """An agent turn together with the findings the linter produced for it."""

    turn: Turn
    findings: list[Finding] = field(default_factory=list)
    skipped_paragraphs: int = 0  # paragraphs not linted: language neither Polish nor Russian
