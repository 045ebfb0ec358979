"""File outputs: findings (JSONL or CSV, optionally .gz), rejects, conversation scores, summary.

Everything is written in input order with fixed field order, so the same input gives
byte-identical files for any --jobs.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path
from typing import Any, TextIO

from replylint.audit.model import Reject, TurnResult

FINDING_FIELDS = (
    "source",
    "row",
    "conversation_id",
    "agent",
    "timestamp",
    "lang",
    "rule_id",
    "category",
    "severity",
    "start",
    "end",
    "line",
    "column",
    "matched_text",
    "message",
    "suggestion",
    "turn_text",
)
CONVERSATION_FIELDS = (
    "conversation_id",
    "source",
    "row",
    "agents",
    "agent_turns",
    "findings",
    "errors",
    "score",
    "critical",
    "first_timestamp",
)


class OutputError(ValueError):
    """An output path that cannot be used; one line naming the path."""


def table_format(path: str) -> str:
    """'jsonl' or 'csv' from the file name (a trailing .gz is allowed)."""
    name = path.lower().removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    raise OutputError(f"{path}: cannot tell the format; name it *.jsonl or *.csv (optionally .gz)")


def open_text(path: str) -> TextIO:
    """Open for writing as UTF-8; .gz is compressed with a zero mtime so bytes are stable."""
    try:
        if path.lower().endswith(".gz"):
            raw = gzip.GzipFile(path, mode="wb", mtime=0)
            return io.TextIOWrapper(raw, encoding="utf-8", newline="")  # type: ignore[arg-type]
        return open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - caller closes
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from exc


class TableWriter:
    """Rows of a fixed set of fields to JSONL or CSV."""

    def __init__(self, path: str, fields: tuple[str, ...]) -> None:
        self.format = table_format(path)
        self.fields = fields
        self._file = open_text(path)
        self._csv = None
        if self.format == "csv":
            self._csv = csv.writer(self._file, lineterminator="\n")
            self._csv.writerow(fields)

    def write(self, row: dict[str, Any]) -> None:
        if self._csv is not None:
            self._csv.writerow(
                ";".join(v) if isinstance(v := row[f], list) else v for f in self.fields
            )
        else:
            self._file.write(json.dumps({f: row[f] for f in self.fields}, ensure_ascii=False))
            self._file.write("\n")

    def close(self) -> None:
        self._file.close()


class FindingsWriter(TableWriter):
    """One row per finding, with the turn's context so the file stands on its own."""

    def __init__(self, path: str) -> None:
        super().__init__(path, FINDING_FIELDS)

    def write_result(self, result: TurnResult) -> None:
        turn = result.turn
        for finding in result.findings:
            self.write(
                {
                    "source": turn.source,
                    "row": turn.row,
                    "conversation_id": turn.conversation_id,
                    "agent": turn.agent,
                    "timestamp": turn.timestamp,
                    "lang": finding.lang,
                    "rule_id": finding.rule_id,
                    "category": finding.category,
                    "severity": finding.severity,
                    "start": finding.start,
                    "end": finding.end,
                    "line": finding.line,
                    "column": finding.column,
                    "matched_text": finding.text,
                    "message": finding.message,
                    "suggestion": finding.suggestion,
                    "turn_text": turn.text,
                }
            )


class RejectsWriter:
    """source,row,reason as CSV, for fixing the export and re-running only what failed."""

    def __init__(self, path: str) -> None:
        self._file = open_text(path)
        self._csv = csv.writer(self._file, lineterminator="\n")
        self._csv.writerow(("source", "row", "reason"))

    def write(self, reject: Reject) -> None:
        self._csv.writerow((reject.source, reject.row, reject.reason))

    def close(self) -> None:
        self._file.close()


def write_conversations(path: str, rows: list[dict[str, Any]]) -> None:
    writer = TableWriter(path, CONVERSATION_FIELDS)
    try:
        for row in rows:
            writer.write(row)
    finally:
        writer.close()


def write_json(path: str, data: dict[str, Any]) -> None:
    try:
        Path(path).write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from exc
