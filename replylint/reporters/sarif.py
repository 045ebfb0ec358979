"""SARIF 2.1.0, the format code-scanning UIs (GitHub, GitLab, VS Code) ingest.

Columns count Unicode code points (``columnKind``), matching Finding.column; unreadable inputs
become tool execution notifications rather than being dropped.
"""

from __future__ import annotations

import json
from pathlib import PurePath

from replylint.findings import LineIndex, SourceResult
from replylint.reporters._common import end_position, tool_version

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/replylint/replylint"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    if path.startswith("<"):  # <stdin>
        return path.strip("<>")
    return PurePath(path).as_posix()


def render(results: list[SourceResult], color: bool = False) -> str:
    rules: list[dict] = []
    rule_index: dict[str, int] = {}
    sarif_results: list[dict] = []
    notifications: list[dict] = []
    for result in results:
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": result.error},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}
                    ],
                }
            )
            continue
        index = LineIndex(result.text) if result.text else None
        for f in result.findings:
            if f.rule_id not in rule_index:
                rule_index[f.rule_id] = len(rules)
                rules.append(
                    {
                        "id": f.rule_id,
                        "shortDescription": {"text": f.message},
                        "help": {"text": f.suggestion},
                        "defaultConfiguration": {"level": _LEVELS[f.severity]},
                        "properties": {"category": f.category, "tags": [f.category]},
                    }
                )
            end_line, end_column = end_position(result, f, index)
            sarif_results.append(
                {
                    "ruleId": f.rule_id,
                    "ruleIndex": rule_index[f.rule_id],
                    "level": _LEVELS[f.severity],
                    "message": {"text": f"{f.message} Suggestion: {f.suggestion}"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": _uri(result.path)},
                                "region": {
                                    "startLine": f.line,
                                    "startColumn": f.column,
                                    "endLine": end_line,
                                    "endColumn": end_column,
                                    "charOffset": f.start,
                                    "charLength": f.end - f.start,
                                    "snippet": {"text": f.text},
                                },
                            }
                        }
                    ],
                    "properties": {"category": f.category, "lang": f.lang},
                }
            )
    run = {
        "tool": {
            "driver": {
                "name": "replylint",
                "version": tool_version(),
                "informationUri": INFO_URI,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "results": sarif_results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
