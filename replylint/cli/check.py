"""`replylint check PATH... | -`: lint files, template folders and stdin.

Exit status: 0 when no finding is at or above --fail-on, 1 when some are, 2 for usage, config,
rule-pack or input errors (unreadable inputs are reported one line each on stderr; the other
inputs are still checked and reported).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from replylint.config import Config, ConfigError, load_config
from replylint.findings import SEVERITY_RANK, Finding, LineIndex, SourceResult
from replylint.reporters import REPORTERS, render
from replylint.sources import Segment, Source, iter_sources
from replylint.suppress import Suppressions

if TYPE_CHECKING:
    from replylint.linter import Linter

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")
_NOTE_LINE = re.compile(r"^line (\d+):")


def split_selectors(values: Iterable[str]) -> list[str] | None:
    """`--select a,b --select c` → [a, b, c]; no flag at all → None (keep the config's)."""
    items = [item.strip() for value in values for item in value.split(",") if item.strip()]
    return items if values else None


def build_config(
    config_path: str | None,
    lang: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
) -> Config:
    """Config file (given or discovered upward from cwd) with the CLI flags on top."""
    config = load_config(config_path)
    config = config.with_overrides(
        select=split_selectors(select), ignore=split_selectors(ignore), fail_on=fail_on
    )
    if lang is not None:
        config = replace(config, lang=None if lang == "auto" else lang)
    return config


def unknown_selectors(linter: Linter, selectors: Iterable[str]) -> list[str]:
    """Selectors that match no rule, category or language: almost always a typo."""
    from replylint.engine.rule import CATEGORIES
    from replylint.engine.selection import selector_matches

    return [
        s
        for s in selectors
        if s not in (*CATEGORIES, "pl", "ru")
        and not any(selector_matches(s, r) for r in linter.all_rules)
    ]


def lint_source(linter: Linter, source: Source, report_unused: bool = False) -> SourceResult:
    """Lint every segment of `source` and express findings in the file's own coordinates."""
    result = SourceResult(source.path, text=source.text, error=source.error, notes=[*source.notes])
    if source.error:
        return result
    suppressions = Suppressions.parse(source.text)
    file_index = LineIndex(source.text)
    segments = [s for s in source.segments if s.text.strip()]
    fallback_lang = _fallback_lang(linter, segments)
    findings: list[Finding] = []
    for segment in segments:
        text = _blank_directives(segment, suppressions.spans())
        lang = linter.config.lang or segment.lang
        if lang is None and fallback_lang and _detect(text) is None:
            lang = fallback_lang
        outcome = linter.check_text(text, lang)
        findings.extend(_to_file(f, segment, source.text, file_index) for f in outcome.findings)
        for note in outcome.notes:
            note = _note_to_file(note, segment, text, file_index)
            if note not in result.notes:
                result.notes.append(note)
    findings = suppressions.filter(findings)
    if report_unused:
        from replylint.engine.rule import CATEGORIES

        known = [(r.id, r.category) for r in linter.all_rules] + [("", c) for c in CATEGORIES]
        findings.extend(suppressions.unused(known))
    findings.sort(key=lambda f: (f.start, f.end, f.rule_id))
    result.findings = findings
    return result


def _detect(text: str) -> str | None:
    from replylint.nlp.langid import detect

    return detect(text)


def _fallback_lang(linter: Linter, segments: list[Segment]) -> str | None:
    """For many small pieces (macro collections) the file's language decides short ones."""
    if linter.config.lang or len(segments) < 2:
        return None
    return _detect("\n\n".join(s.text for s in segments))


def _blank_directives(segment: Segment, spans: list[tuple[int, int]]) -> str:
    """Directive comments are instructions to replylint, not reply text: blank them."""
    if not spans or segment.offsets is not None:
        return segment.text
    text = segment.text
    lo, hi = segment.start, segment.start + len(text)
    for start, end in spans:
        if start < hi and end > lo:
            s, e = max(start, lo) - lo, min(end, hi) - lo
            text = text[:s] + " " * (e - s) + text[e:]
    return text


def _to_file(finding: Finding, segment: Segment, file_text: str, index: LineIndex) -> Finding:
    start, end = segment.file_span(finding.start, finding.end)
    if segment.offsets is None and segment.start == 0 and file_text[start:end] == finding.text:
        return finding
    line, column = index.position(start)
    return replace(
        finding, start=start, end=end, line=line, column=column, text=file_text[start:end]
    )


def _note_to_file(note: str, segment: Segment, text: str, index: LineIndex) -> str:
    """Rewrite a linter note's `line N:` (relative to the segment) to the file's line."""
    match = _NOTE_LINE.match(note)
    if not match or (segment.start == 0 and segment.offsets is None):
        return note
    seg_line = int(match.group(1))
    pos = 0
    for _ in range(seg_line - 1):
        pos = text.index("\n", pos) + 1
    file_line = index.position(segment.file_offset(pos))[0]
    return f"line {file_line}:{note[match.end() :]}"


def exit_code(results: list[SourceResult], fail_on: str) -> int:
    if any(r.error for r in results):
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = SEVERITY_RANK[fail_on]
    blocking = any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings)
    return EXIT_FINDINGS if blocking else EXIT_CLEAN


def _use_color(color: bool | None, output: str | None) -> bool:
    if color is not None:
        return color
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH... | -")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(REPORTERS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--lang",
    type=click.Choice(["pl", "ru", "auto"]),
    default=None,
    help="Language of the inputs (default: from config, else detected per paragraph).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rule ids, id prefixes or categories (comma-separated, repeatable).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Skip these rule ids, id prefixes or categories (comma-separated, repeatable).",
)
@click.option(
    "--config",
    "config_path",
    default=None,
    metavar="FILE",
    help="Config file (default: .replylint.toml or pyproject.toml found upward).",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Lowest severity that makes the exit status 1 (default: config, else warning).",
)
@click.option("--color/--no-color", default=None, help="Colour text output (default: on a TTY).")
@click.option(
    "--report-unused-suppressions",
    is_flag=True,
    help="Report `replylint: disable…` directives that silence nothing.",
)
@click.option(
    "--stdin-filename",
    default=None,
    metavar="NAME",
    help="Name (and so format, e.g. macro.md) to use for input read from stdin.",
)
@click.option(
    "--output",
    "-o",
    default=None,
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file instead of stdout.",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    lang: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    fail_on: str | None,
    color: bool | None,
    report_unused_suppressions: bool,
    stdin_filename: str | None,
    output: str | None,
) -> None:
    """Check reply texts and templates (.txt .md .html .j2 .liquid .hbs .yaml .json).

    Directories are walked (honouring .gitignore and `exclude`); `-` reads stdin.
    """
    from replylint.engine.packs import PackError

    try:
        config = build_config(config_path, lang, select, ignore, fail_on)
        from replylint.linter import Linter

        linter = Linter(config)
    except (ConfigError, PackError) as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_ERROR)
    unknown = unknown_selectors(linter, [*config.select, *config.ignore])
    if unknown:
        raise click.UsageError(f"no rule, prefix or category matches: {', '.join(unknown)}")

    def read_stdin() -> bytes:
        return sys.stdin.buffer.read()

    results = []
    for source in iter_sources(list(paths), config, read_stdin, stdin_filename):
        try:
            result = lint_source(linter, source, report_unused_suppressions)
        except Exception as exc:  # a bug on one input must not lose the report on the rest
            result = SourceResult(
                source.path,
                text=source.text,
                error=f"{source.path}: internal error while linting: {type(exc).__name__}: {exc}",
            )
        if result.error:
            click.echo(result.error, err=True)
        results.append(result)

    report = render(fmt, results, color=_use_color(color, output))
    if fmt not in ("text", "json"):
        for result in results:
            for note in result.notes:
                click.echo(f"{result.path}: note: {note}", err=True)
    if output:
        Path(output).write_text(report, encoding="utf-8")
    else:
        click.echo(report, nl=False)
    sys.exit(exit_code(results, config.fail_on))
