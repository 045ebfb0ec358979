"""CSV/TSV transcripts: any delimiter, quoted multi-line cells, BOM, any single-byte encoding.

Python's `csv` parses; this module only adds what a damaged export needs:
- bytes that do not decode are kept as surrogates (``surrogateescape``), so one bad line
  rejects one row instead of stopping the file;
- every record remembers the physical lines it used, so a malformed record that swallowed
  later lines (an unbalanced quote) rejects only its first line and the rest are re-read.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import deque
from collections.abc import Iterator
from typing import BinaryIO

from replylint.audit.model import Reject, Turn
from replylint.audit.readers.fields import FieldOptions, build_turn, resolve_header

DELIMITER_CANDIDATES = (",", ";", "\t", "|")


class _LineFeed:
    """Feeds lines to csv.reader, numbering them and allowing lines to be pushed back."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._pending: deque[tuple[int, str]] = deque()
        self._next_number = 1
        self.taken: list[tuple[int, str]] = []

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        if self._pending:
            item = self._pending.popleft()
        else:
            item = (self._next_number, next(self._lines))
            self._next_number += 1
        self.taken.append(item)
        return item[1]

    def start_record(self) -> None:
        self.taken = []

    def push_back(self, items: list[tuple[int, str]]) -> None:
        self._pending.extendleft(reversed(items))


def text_encoding(encoding: str) -> str:
    """utf-8 input may start with a BOM; 'utf-8-sig' strips it and is otherwise identical."""
    return "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding


def guess_delimiter(header_line: str) -> str:
    """The candidate that occurs most often in the header (headers are rarely quoted)."""
    counts = {d: header_line.count(d) for d in DELIMITER_CANDIDATES}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(
    stream: BinaryIO,
    source: str,
    options: FieldOptions,
    encoding: str = "utf-8",
    delimiter: str | None = None,
) -> Iterator[Turn | Reject]:
    """Yield a Turn or a Reject for each record after the header, in file order."""
    text = io.TextIOWrapper(
        stream, encoding=text_encoding(encoding), errors="surrogateescape", newline=""
    )
    first = text.readline()
    if not first.strip():
        yield Reject(source, 1, "no header row (the file is empty)")
        return
    delimiter = delimiter or guess_delimiter(first)

    def lines() -> Iterator[str]:
        yield first
        yield from text

    feed = _LineFeed(lines())
    reader = csv.reader(feed, delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        yield Reject(source, 1, f"malformed CSV header: {exc}")
        return
    columns = resolve_header(header, options, source)
    width = len(header)
    while True:
        feed.start_record()
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _reject_and_rewind(feed, source, f"malformed CSV: {exc}")
            if not feed.taken:
                return  # the error consumed no line: nothing left to re-read
            continue
        if not record:
            continue  # blank line
        if len(record) != width:
            yield _reject_and_rewind(
                feed,
                source,
                f"{len(record)} fields, header has {width} "
                "(unquoted delimiter or unbalanced quote?)",
            )
            continue
        row = feed.taken[0][0]
        values = {name: record[index] for name, index in columns.items()}
        yield build_turn(source, row, values, options, encoding)


def _reject_and_rewind(feed: _LineFeed, source: str, reason: str) -> Reject:
    """Reject the record's first line; re-read the lines it swallowed as new records."""
    taken = feed.taken
    if not taken:
        return Reject(source, 0, reason)
    feed.push_back(taken[1:])
    return Reject(source, taken[0][0], reason)
