"""Small helpers shared by the machine-readable reporters."""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata

from replylint.findings import Finding, LineIndex, SourceResult


@lru_cache(maxsize=1)
def tool_version() -> str:
    try:
        return metadata.version("replylint")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        return "0+unknown"


def end_position(
    result: SourceResult, finding: Finding, index: LineIndex | None
) -> tuple[int, int]:
    """1-based (line, column) just past the finding, from the source text when we have it."""
    if index is not None and finding.end <= len(result.text):
        return index.position(finding.end)
    return finding.line, finding.column + len(finding.text)
