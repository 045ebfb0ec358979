"""Mapping export columns to turn fields, and turning one row's values into a Turn or Reject.

Shared by every reader so that CSV, JSON Lines and Zendesk rows obey the same rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from replylint.audit.model import Reject, Turn

FIELDS = ("conversation", "role", "agent", "timestamp", "text")
REQUIRED = ("role", "text")

# Names tried, in order, when the user did not name a column; compared case-insensitively.
ALIASES: dict[str, tuple[str, ...]] = {
    "conversation": ("conversation_id", "conversation", "ticket_id", "chat_id", "thread_id"),
    "role": ("role", "speaker", "speaker_role", "author_role", "sender"),
    "agent": ("agent", "agent_name", "agent_id", "operator"),
    "timestamp": ("timestamp", "time", "created_at", "datetime", "date"),
    "text": ("text", "message", "body", "content"),
}

DEFAULT_AGENT_ROLES = frozenset({"agent"})


class HeaderError(ValueError):
    """The export lacks a column the audit needs; the message names the file and the fix."""


@dataclass(frozen=True)
class FieldOptions:
    """Column names chosen by the user (None: use ALIASES) and which roles count as agents."""

    columns: Mapping[str, str | None] = field(default_factory=dict)
    agent_roles: frozenset[str] = DEFAULT_AGENT_ROLES

    def candidates(self, name: str) -> tuple[str, ...]:
        chosen = self.columns.get(name)
        return (chosen.strip().lower(),) if chosen else ALIASES[name]


def resolve_header(header: list[str], options: FieldOptions, source: str) -> dict[str, int]:
    """Find each field's column index; missing required columns are a one-line error."""
    normalised = [name.strip().lower() for name in header]
    found: dict[str, int] = {}
    for name in FIELDS:
        for candidate in options.candidates(name):
            if candidate in normalised:
                found[name] = normalised.index(candidate)
                break
        else:
            if name in REQUIRED or options.columns.get(name):
                raise HeaderError(
                    f"{source}: no {name} column (tried {', '.join(options.candidates(name))}; "
                    f"columns are: {', '.join(header)}); name it with --col-{name}"
                )
    return found


def has_surrogates(value: str) -> bool:
    """True when the value holds bytes that did not decode (kept as lone surrogates).

    Encoding is the fastest check in CPython: it runs in C and fails only on surrogates.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def build_turn(
    source: str, row: int, values: Mapping[str, str | None], options: FieldOptions, encoding: str
) -> Turn | Reject:
    """Validate one row's values; anything unusable becomes a Reject with a plain reason."""
    text = values.get("text")
    role = values.get("role")
    if text is None:
        return Reject(source, row, "missing text value")
    if role is None:
        return Reject(source, row, "missing role value")
    for key in FIELDS:
        value = values.get(key)
        if value is not None and has_surrogates(value):
            return Reject(
                source,
                row,
                f"undecodable bytes in {key} (not valid {encoding}; try --encoding cp1250/cp1251)",
            )
    role = role.strip().lower()
    if not role:
        return Reject(source, row, "empty role")
    if not text.strip():
        return Reject(source, row, "empty text")
    conversation = values.get("conversation")
    return Turn(
        source=source,
        row=row,
        conversation_id=(conversation or "").strip() or f"{source}:{row}",
        role=role,
        agent=(values.get("agent") or "").strip(),
        timestamp=(values.get("timestamp") or "").strip(),
        text=text,
        is_agent=role in options.agent_roles,
    )
