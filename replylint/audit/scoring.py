"""The per-conversation quality score QA leads sort by.

100 minus a penalty per finding, weighted by severity, floored at 0. Any `error` finding marks
the conversation critical whatever its score, because one always-wrong phrase can lose a
customer on its own. The weights are deliberately simple so a score can be explained aloud.
"""

from __future__ import annotations

SEVERITY_PENALTY: dict[str, int] = {"info": 2, "warning": 10, "error": 25}
MAX_SCORE = 100


def penalty(severity: str) -> int:
    return SEVERITY_PENALTY.get(severity, 0)


def score(total_penalty: int) -> int:
    return max(0, MAX_SCORE - total_penalty)


def is_critical(errors: int) -> bool:
    return errors > 0
