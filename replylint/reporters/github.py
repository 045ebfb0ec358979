"""GitHub Actions workflow commands: each finding annotates the pull request diff.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from replylint.findings import LineIndex, SourceResult
from replylint.reporters._common import end_position

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(results: list[SourceResult], color: bool = False) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(
                f"::error file={_prop(result.path)},title=replylint::{_data(result.error)}"
            )
            continue
        index = LineIndex(result.text) if result.text else None
        for f in result.findings:
            end_line, end_column = end_position(result, f, index)
            props = [f"file={_prop(result.path)}", f"line={f.line}", f"col={f.column}"]
            if end_line == f.line:  # GitHub accepts endColumn only on single-line spans
                props += [f"endLine={end_line}", f"endColumn={end_column}"]
            else:
                props.append(f"endLine={end_line}")
            props.append(f"title={_prop(f.rule_id)}")
            message = f"{f.message}\nSuggestion: {f.suggestion}"
            lines.append(f"::{_COMMANDS[f.severity]} {','.join(props)}::{_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
