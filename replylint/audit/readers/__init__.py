"""Readers for transcript exports. `Export(path, options)` yields Turn or Reject in file order.

A file that cannot be opened raises SourceError before any row is read; damage found later
(a truncated gzip, broken JSON structure) ends that file with a final Reject naming the row
reached, so the run continues with the next file.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import ijson

from replylint.audit.model import Reject, Turn
from replylint.audit.readers.csv_reader import read_csv
from replylint.audit.readers.fields import FieldOptions, HeaderError
from replylint.audit.readers.jsonl_reader import read_jsonl
from replylint.audit.readers.sources import (
    FORMATS,
    OpenedSource,
    SourceError,
    detect_format,
    open_source,
)
from replylint.audit.readers.zendesk import read_zendesk

__all__ = ["FORMATS", "Export", "FieldOptions", "ReadOptions", "SourceError"]


@dataclass(frozen=True)
class ReadOptions:
    """How to read exports: format override, encoding, CSV delimiter and column mapping."""

    input_format: str | None = None
    encoding: str = "utf-8"
    delimiter: str | None = None
    fields: FieldOptions = field(default_factory=FieldOptions)


class Export:
    """One transcript export, opened lazily for streaming."""

    def __init__(self, path: str, options: ReadOptions) -> None:
        self.path = path
        self.options = options
        self.format = detect_format(path, options.input_format)
        if self.format == "zendesk" and path == "-":
            raise SourceError("-: a Zendesk JSON export must be a file (it is read twice)")
        self._opened: OpenedSource = open_source(path)
        self.size = self._opened.size

    def position(self) -> int:
        """Bytes of the file on disk consumed so far (for progress and ETA)."""
        return self._opened.position()

    def close(self) -> None:
        self._opened.close()

    def _reopen(self):  # noqa: ANN202 - a BinaryIO context manager
        self._opened.close()
        self._opened = open_source(self.path)
        return self._opened.stream

    def _rows(self) -> Iterator[Turn | Reject]:
        stream = self._opened.stream
        opts = self.options
        if self.format == "csv":
            return read_csv(stream, self.path, opts.fields, opts.encoding, opts.delimiter)
        if self.format == "tsv":
            return read_csv(stream, self.path, opts.fields, opts.encoding, opts.delimiter or "\t")
        if self.format == "jsonl":
            return read_jsonl(stream, self.path, opts.fields, opts.encoding)
        return read_zendesk(self._reopen, self.path, opts.fields)

    def __iter__(self) -> Iterator[Turn | Reject]:
        last_row = 0
        try:
            for item in self._rows():
                last_row = item.row
                yield item
        except HeaderError as exc:
            raise SourceError(str(exc)) from exc
        except (EOFError, zlib.error, OSError) as exc:
            yield Reject(self.path, last_row + 1, f"file is truncated or corrupt, stopped: {exc}")
        except ijson.JSONError as exc:
            yield Reject(self.path, last_row + 1, f"invalid JSON, stopped reading: {exc}")
        finally:
            self.close()
