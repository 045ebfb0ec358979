"""JSON: one object per input with its path and the Finding fields (stable for tools)."""

from __future__ import annotations

import json

from replylint.findings import SourceResult


def render(results: list[SourceResult], color: bool = False) -> str:
    payload = []
    for result in results:
        entry: dict = {"path": result.path, "findings": [f.to_dict() for f in result.findings]}
        if result.error:
            entry["error"] = result.error
        if result.notes:
            entry["notes"] = result.notes
        payload.append(entry)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
