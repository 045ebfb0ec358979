"""JSON Lines transcripts: one JSON object per line, decoded line by line.

Decoding per line means a line in the wrong encoding rejects that line only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from replylint.audit.model import Reject, Turn
from replylint.audit.readers.fields import FIELDS, FieldOptions, build_turn

BOM = b"\xef\xbb\xbf"


def _as_text(value: object) -> str | None:
    """JSON scalars become strings (ids are often numbers); containers are not text."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    raise TypeError(type(value).__name__)


def read_jsonl(
    stream: BinaryIO, source: str, options: FieldOptions, encoding: str = "utf-8"
) -> Iterator[Turn | Reject]:
    """Yield a Turn or a Reject for each non-blank line, in file order."""
    keys = {name: options.candidates(name) for name in FIELDS}
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(BOM):
            raw = raw[len(BOM) :]
        if not raw.strip():
            continue
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            yield Reject(
                source,
                number,
                f"undecodable bytes at column {exc.start + 1} (not valid {encoding}; "
                "try --encoding cp1250/cp1251)",
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(source, number, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(record, dict):
            yield Reject(source, number, f"expected a JSON object, got {type(record).__name__}")
            continue
        lowered = {str(k).strip().lower(): v for k, v in record.items()}
        values: dict[str, str | None] = {}
        try:
            for name, candidates in keys.items():
                for key in candidates:
                    if key in lowered:
                        values[name] = _as_text(lowered[key])
                        break
        except TypeError as exc:
            yield Reject(source, number, f"field {name!r} holds a {exc}, not text")
            continue
        yield build_turn(source, number, values, options, encoding)
