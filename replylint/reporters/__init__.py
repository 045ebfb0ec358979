"""Output formats. Each reporter turns a list of SourceResult into one string."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable

from replylint.findings import SourceResult

# format name -> "module:function(results: list[SourceResult], color: bool) -> str"
REPORTERS: dict[str, str] = {
    "text": "replylint.reporters.text:render",
    "json": "replylint.reporters.json_report:render",
    "sarif": "replylint.reporters.sarif:render",
    "github": "replylint.reporters.github:render",
    "junit": "replylint.reporters.junit:render",
}

Reporter = Callable[..., str]


def available_formats() -> list[str]:
    found = []
    for name, target in REPORTERS.items():
        if importlib.util.find_spec(target.split(":")[0]) is not None:
            found.append(name)
    return found


def get_reporter(name: str) -> Reporter:
    module_name, attr = REPORTERS[name].split(":")
    return getattr(importlib.import_module(module_name), attr)


def render(name: str, results: list[SourceResult], color: bool = False) -> str:
    return get_reporter(name)(results, color=color)
