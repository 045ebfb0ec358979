"""Human output: `path:line:col: severity rule-id message`, the source line, a caret, the fix."""

from __future__ import annotations

import click

from replylint.findings import SourceResult

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render(results: list[SourceResult], color: bool = False) -> str:
    out: list[str] = []
    total = 0
    for result in results:
        if result.error:
            continue  # errors go to stderr from the command itself
        lines = result.text.split("\n")
        for f in result.findings:
            total += 1
            severity = (
                click.style(f.severity, fg=_COLORS[f.severity], bold=True) if color else f.severity
            )
            rule = click.style(f.rule_id, bold=True) if color else f.rule_id
            out.append(f"{result.path}:{f.line}:{f.column}: {severity} {rule} {f.message}")
            source_line = lines[f.line - 1] if f.line - 1 < len(lines) else ""
            width = max(1, min(f.end - f.start, len(source_line) - (f.column - 1)))
            out.append(f"  | {source_line.rstrip()}")
            caret = " " * (f.column - 1) + "^" * width
            out.append(f"  | {click.style(caret, fg=_COLORS[f.severity]) if color else caret}")
            out.append(f"  = suggestion: {f.suggestion}")
            out.append("")
        for note in result.notes:
            out.append(f"{result.path}: note: {note}")
    if total:
        files = sum(1 for r in results if r.findings)
        out.append(
            f"Found {total} finding{'s' if total != 1 else ''} in {files} input{'s' if files != 1 else ''}."
        )
    return "\n".join(out) + ("\n" if out else "")
