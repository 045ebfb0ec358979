"""Opening an export: gzip detection by magic bytes, format from the extension, progress.

Readers get a binary stream; the progress bar asks `position()` how many bytes of the file on
disk (compressed, for gzip) have been consumed, which gives an honest ETA for both.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

FORMATS = ("csv", "tsv", "jsonl", "zendesk")
EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "zendesk",
}
GZIP_MAGIC = b"\x1f\x8b"


class SourceError(ValueError):
    """A whole input cannot be read; the message is one line naming the file."""


def detect_format(path: str, override: str | None = None) -> str:
    """The format named by --input-format, else by the extension (a trailing .gz is ignored)."""
    if override:
        return override
    name = Path(path).name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    raise SourceError(
        f"{path}: cannot tell the format from the extension '{suffix or '(none)'}'; "
        f"use --input-format {'|'.join(FORMATS)}"
    )


@dataclass
class OpenedSource:
    """A binary stream of the decompressed export plus what progress reporting needs."""

    name: str
    stream: BinaryIO
    raw: BinaryIO
    size: int | None

    def position(self) -> int:
        try:
            return self.raw.tell()
        except (OSError, ValueError):
            return 0

    def close(self) -> None:
        self.stream.close()
        if self.raw is not self.stream:
            self.raw.close()


def open_source(path: str) -> OpenedSource:
    """Open a file (or '-' for stdin), transparently un-gzipping it when it starts like gzip."""
    if path == "-":
        raw: BinaryIO = sys.stdin.buffer
        size = None
    else:
        try:
            raw = open(path, "rb")  # noqa: SIM115 - closed by OpenedSource.close
        except FileNotFoundError as exc:
            raise SourceError(f"{path}: no such file") from exc
        except IsADirectoryError as exc:
            raise SourceError(f"{path}: is a directory, not an export file") from exc
        except OSError as exc:
            raise SourceError(f"{path}: cannot open: {exc.strerror}") from exc
        size = os.fstat(raw.fileno()).st_size
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    if buffered.peek(2)[:2] == GZIP_MAGIC:
        stream: BinaryIO = gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[assignment]
        return OpenedSource(path, io.BufferedReader(stream), buffered, size)  # type: ignore[arg-type]
    return OpenedSource(path, buffered, buffered, size)
