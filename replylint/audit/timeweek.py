"""Timestamps to ISO weeks for the trend chart; parsing is cached because exports repeat dates."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import lru_cache

_DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=4096)
def _week_of_date(date_text: str) -> str | None:
    try:
        year, week, _ = datetime.fromisoformat(date_text).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def iso_week(timestamp: str) -> str | None:
    """'2024-03-05T10:00:00Z' -> '2024-W10'; epoch seconds/milliseconds too; None if unknown.

    Only the calendar date matters for a weekly trend, so ISO timestamps are keyed by their
    date part and the time zone is ignored.
    """
    timestamp = timestamp.strip()
    if not timestamp:
        return None
    if _DATE_PREFIX.match(timestamp):
        return _week_of_date(timestamp[:10])
    try:
        seconds = float(timestamp)
    except ValueError:
        return None
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"
