"""Wires the audit stages: readers -> pool -> aggregator and writers -> reports.

Library use: ``run_audit(AuditOptions(paths=[...]))`` returns the summary; the CLI adds only
argument parsing and exit codes.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from replylint.audit.aggregate import Aggregator
from replylint.audit.model import Reject, Turn, TurnResult
from replylint.audit.outputs import (
    FindingsWriter,
    RejectsWriter,
    write_conversations,
    write_json,
)
from replylint.audit.pool import TurnLinter, default_jobs
from replylint.audit.progress import Progress
from replylint.audit.readers import Export, ReadOptions, SourceError
from replylint.config import Config


@dataclass
class AuditOptions:
    """What to read, how to lint it and where to write the results."""

    paths: list[str]
    read: ReadOptions = field(default_factory=ReadOptions)
    config: Config | None = None
    lang: str | None = None
    jobs: int = field(default_factory=default_jobs)
    findings_path: str | None = None
    summary_path: str | None = None
    html_path: str | None = None
    rejects_path: str | None = None
    conversations_path: str | None = None
    progress: bool = False
    top: int = 10
    title: str = "replylint audit"


@dataclass
class AuditRun:
    """The outcome: the summary plus what the CLI needs for messages and exit codes."""

    summary: dict[str, Any]
    file_errors: list[str]
    elapsed: float
    rows: int


class _Inputs:
    """Streams rows from every input in turn, reporting files that cannot be read at all."""

    def __init__(self, paths: list[str], options: ReadOptions, err: TextIO) -> None:
        self.paths = paths
        self.options = options
        self.err = err
        self.errors: list[str] = []
        self.done_bytes = 0
        self.current: Export | None = None

    def total_bytes(self) -> int:
        return sum(os.path.getsize(p) for p in self.paths if p != "-" and os.path.isfile(p))

    def position(self) -> int:
        return self.done_bytes + (self.current.position() if self.current else 0)

    def _fail(self, message: str) -> None:
        self.errors.append(message)
        print(f"replylint audit: error: {message}", file=self.err)

    def __iter__(self) -> Iterator[Turn | Reject]:
        for path in self.paths:
            try:
                self.current = Export(path, self.options)
                yield from self.current
            except SourceError as exc:
                self._fail(str(exc))
            finally:
                if self.current is not None and self.current.size:
                    self.done_bytes += self.current.size
                self.current = None


def run_audit(options: AuditOptions, err: TextIO | None = None) -> AuditRun:
    """Run the whole audit; output files are complete when this returns."""
    err = err or sys.stderr
    started = time.monotonic()
    findings = FindingsWriter(options.findings_path) if options.findings_path else None
    rejects = RejectsWriter(options.rejects_path) if options.rejects_path else None
    inputs = _Inputs(options.paths, options.read, err)
    progress = Progress(inputs.total_bytes(), options.progress, err)
    aggregator = Aggregator()
    linter = TurnLinter(options.config, options.lang, options.jobs)
    try:
        for rows, item in enumerate(linter.run(inputs), 1):
            aggregator.add(item)
            if isinstance(item, TurnResult):
                if findings is not None and item.findings:
                    findings.write_result(item)
            elif rejects is not None:
                rejects.write(item)
            progress.update(rows, inputs.position())
    finally:
        progress.close()
        for writer in (findings, rejects):
            if writer is not None:
                writer.close()
    summary = {"inputs": list(options.paths), **aggregator.summary(options.top)}
    if options.summary_path:
        write_json(options.summary_path, summary)
    if options.conversations_path:
        write_conversations(options.conversations_path, aggregator.conversation_rows())
    if options.html_path:
        from replylint.audit.html import write_html

        write_html(options.html_path, summary, title=options.title)
    return AuditRun(summary, inputs.errors, time.monotonic() - started, aggregator.rows)
