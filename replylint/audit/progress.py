"""Progress bar on a terminal (rows, rows/s, ETA), silent otherwise.

The bar's total is the input size in bytes, because that is known up front and reading
position is cheap; the shown figures are rows and rows/s, which is what QA leads think in.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from tqdm import tqdm

REFRESH_SECONDS = 0.25


class Progress:
    """Call `update(rows, position)` often; it redraws at most four times a second."""

    def __init__(self, total_bytes: int | None, enabled: bool, stream: TextIO | None = None):
        self._stream = stream or sys.stderr
        self._started = time.monotonic()
        self._last = 0.0
        self._bar: tqdm | None = None
        if enabled:
            columns, lines = shutil.get_terminal_size((100, 20))
            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self._bar = tqdm(
                total=total_bytes or None,
                file=self._stream,
                unit="B",
                unit_scale=True,
                bar_format="{percentage:3.0f}%|{bar:20}| {postfix} [{elapsed}<{remaining}]",
                leave=False,
                # a pty may report a 0x0 size; tqdm would then draw nothing at all
                ncols=min(columns or 100, 120),
                nrows=max(lines, 20),
            )

    def update(self, rows: int, position: int) -> None:
        if self._bar is None:
            return
        now = time.monotonic()
        if now - self._last < REFRESH_SECONDS:
            return
        self._last = now
        rate = rows / max(now - self._started, 1e-9)
        self._bar.n = min(position, self._bar.total or position)
        self._bar.set_postfix_str(f"{rows:,} rows, {rate:,.0f} rows/s", refresh=False)
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
