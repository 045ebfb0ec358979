"""replylint: a phrase-quality linter for Polish and Russian customer-support replies.

Heavy names (Linter pulls in spaCy) are imported on first use so that thin clients such as
`replylint hook` with a warm server start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replylint.config import Config
from replylint.findings import Finding

if TYPE_CHECKING:
    from replylint.linter import Linter, LintOutcome

__all__ = ["Config", "Finding", "Linter", "LintOutcome"]


def __getattr__(name: str):
    if name in ("Linter", "LintOutcome"):
        from replylint import linter

        return getattr(linter, name)
    raise AttributeError(f"module 'replylint' has no attribute {name!r}")
