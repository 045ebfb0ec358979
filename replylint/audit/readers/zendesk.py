"""Zendesk-style ticket export (JSON): ``{"users": [...], "tickets": [{"comments": [...]}]}``.

Only public comments by users whose role is agent or admin are agent turns; end-user
comments are read as customer turns (counted, never linted) and private notes are skipped.
The document is parsed incrementally with ijson in two passes (users, then tickets), so
memory holds the users table and one ticket at a time, whatever the file size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import ijson

from replylint.audit.model import Reject, Turn
from replylint.audit.readers.fields import FieldOptions, build_turn

AGENT_ROLES = frozenset({"agent", "admin"})


def _ident(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value)


def load_users(stream: BinaryIO) -> dict[str, tuple[str, str]]:
    """user id -> (role, name) from the export's users list."""
    users: dict[str, tuple[str, str]] = {}
    for user in ijson.items(stream, "users.item", use_float=True):
        if isinstance(user, dict) and "id" in user:
            role = str(user.get("role") or "").strip().lower()
            users[_ident(user["id"])] = (role, str(user.get("name") or ""))
    return users


def read_zendesk(
    reopen: Callable[[], BinaryIO], source: str, options: FieldOptions
) -> Iterator[Turn | Reject]:
    """Yield turns for every comment of every ticket; `row` is the ticket's position (1-based)."""
    with reopen() as stream:
        users = load_users(stream)
    agent_options = FieldOptions(columns=options.columns, agent_roles=frozenset({"agent"}))
    with reopen() as stream:
        for number, ticket in enumerate(ijson.items(stream, "tickets.item", use_float=True), 1):
            if not isinstance(ticket, dict):
                yield Reject(source, number, f"ticket is a {type(ticket).__name__}, not an object")
                continue
            ticket_id = _ident(ticket.get("id")) or f"#{number}"
            comments = ticket.get("comments")
            if comments is None:
                comments = []
            if not isinstance(comments, list):
                yield Reject(source, number, f"ticket {ticket_id}: 'comments' is not a list")
                continue
            for position, comment in enumerate(comments, 1):
                where = f"ticket {ticket_id} comment {position}"
                if not isinstance(comment, dict):
                    yield Reject(source, number, f"{where}: not an object")
                    continue
                if comment.get("public", True) is False:
                    continue  # internal note: the customer never sees it
                author = _ident(comment.get("author_id"))
                if author not in users:
                    yield Reject(
                        source,
                        number,
                        f"{where}: author_id {author or '(none)'} is not in the users list",
                    )
                    continue
                role, name = users[author]
                body = comment.get("plain_body", comment.get("body"))
                values = {
                    "conversation": ticket_id,
                    "role": "agent" if role in AGENT_ROLES else (role or "end-user"),
                    "agent": name or author,
                    "timestamp": _ident(comment.get("created_at")),
                    "text": body if isinstance(body, str) else None,
                }
                result = build_turn(source, number, values, agent_options, "utf-8")
                if isinstance(result, Reject):
                    result = Reject(source, number, f"{where}: {result.reason}")
                yield result
