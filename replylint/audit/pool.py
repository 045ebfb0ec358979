"""Lint agent turns in ordered chunks, in-process (--jobs 1) or in a pool of worker processes.

Each worker builds one Linter in its initializer and lints whole chunks, so per-turn cost is
only the text's own work. Chunks are submitted through a bounded window and collected in
submission order: memory stays flat in the input size and output is identical for any N.
Findings travel back as plain tuples, which pickle several times faster than dataclasses.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from replylint.audit.model import Reject, Turn, TurnResult
from replylint.config import Config
from replylint.findings import Finding

CHUNK_SIZE = 128  # rows per task: large enough to amortise IPC, small enough to balance
WINDOW_PER_JOB = 4  # chunks in flight per worker

FindingTuple = tuple[Any, ...]
# Per text: (findings as tuples, paragraphs skipped as neither pl nor ru), or the error
# message when linting that text failed.
ChunkResult = list[tuple[list[FindingTuple], int] | str]

_linter: Any = None
_init_error: str | None = None


class LinterStartError(RuntimeError):
    """A worker could not build its Linter (bad config or pack); the whole run must stop."""


def default_jobs() -> int:
    """All cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _build_linter(config: Config | None) -> Any:
    from replylint.linter import Linter

    return Linter(config)


def _init_worker(config: Config | None, factory: Callable[[Config | None], Any]) -> None:
    # An exception here would make the pool respawn workers forever; keep it for the first task.
    global _linter, _init_error
    try:
        _linter = factory(config)
    except Exception as exc:  # noqa: BLE001
        _init_error = f"{type(exc).__name__}: {exc}"


def _as_tuple(finding: Finding) -> FindingTuple:
    return (
        finding.rule_id,
        finding.category,
        finding.severity,
        finding.message,
        finding.suggestion,
        finding.start,
        finding.end,
        finding.line,
        finding.column,
        finding.text,
        finding.lang,
    )


def lint_texts(linter: Any, texts: list[str], lang: str | None) -> ChunkResult:
    """Lint a chunk text by text, so a text that crashes the linter costs only its own row."""
    results: ChunkResult = []
    for text in texts:
        try:
            outcome = linter.check_text(text, lang)
        except Exception as exc:  # noqa: BLE001 - reported as a reject, the run goes on
            results.append(f"linter failed on this turn: {type(exc).__name__}: {exc}")
            continue
        results.append(([_as_tuple(f) for f in outcome.findings], len(outcome.notes)))
    return results


def _lint_in_worker(task: tuple[list[str], str | None]) -> ChunkResult:
    texts, lang = task
    if _init_error is not None:
        raise LinterStartError(_init_error)
    return lint_texts(_linter, texts, lang)


def _start_method() -> str:
    # fork shares the imported modules with the children, so workers start in a fraction of
    # a second; elsewhere fall back to spawn.
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class TurnLinter:
    """Turns rows (Turn or Reject, in file order) into TurnResult or Reject, in the same order."""

    def __init__(
        self,
        config: Config | None = None,
        lang: str | None = None,
        jobs: int = 1,
        chunk_size: int = CHUNK_SIZE,
        factory: Callable[[Config | None], Any] = _build_linter,
    ) -> None:
        self.config = config
        self.lang = lang
        self.jobs = max(1, jobs)
        self.chunk_size = chunk_size
        self.factory = factory

    def run(self, rows: Iterable[Turn | Reject]) -> Iterator[TurnResult | Reject]:
        chunks = _chunks(rows, self.chunk_size)
        if self.jobs == 1:
            linter = self.factory(self.config)
            for chunk in chunks:
                texts = [row.text for row in chunk if isinstance(row, Turn) and row.is_agent]
                yield from _merge(chunk, lint_texts(linter, texts, self.lang) if texts else [])
            return
        context = multiprocessing.get_context(_start_method())
        with context.Pool(
            self.jobs, initializer=_init_worker, initargs=(self.config, self.factory)
        ) as pool:
            window: deque[tuple[list[Turn | Reject], Any]] = deque()
            limit = self.jobs * WINDOW_PER_JOB
            for chunk in chunks:
                texts = [row.text for row in chunk if isinstance(row, Turn) and row.is_agent]
                pending = None
                if texts:
                    pending = pool.apply_async(_lint_in_worker, ((texts, self.lang),))
                window.append((chunk, pending))
                while len(window) >= limit:
                    yield from _collect(window.popleft())
            while window:
                yield from _collect(window.popleft())


def _chunks(rows: Iterable[Turn | Reject], size: int) -> Iterator[list[Turn | Reject]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _collect(entry: tuple[list[Turn | Reject], Any]) -> Iterator[TurnResult | Reject]:
    chunk, pending = entry
    return _merge(chunk, pending.get() if pending is not None else [])


def _merge(chunk: list[Turn | Reject], results: ChunkResult) -> Iterator[TurnResult | Reject]:
    """Put each agent turn's findings back next to its turn; other rows pass through."""
    linted = iter(results)
    for row in chunk:
        if isinstance(row, Reject):
            yield row
        elif not row.is_agent:
            yield TurnResult(row)
        else:
            found = next(linted)
            if isinstance(found, str):
                yield Reject(row.source, row.row, found)
            else:
                tuples, skipped = found
                yield TurnResult(row, [Finding(*values) for values in tuples], skipped)
