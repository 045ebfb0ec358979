"""`replylint audit EXPORT...`: lint the agent turns of helpdesk/call-centre transcript exports.

Exit status: 0 when the run completes (or nothing reaches --fail-on), 1 when a finding is at or
above --fail-on, 2 for usage, config or rule-pack errors, or when an input could not be read
at all (the other inputs are still audited and reported). Bad rows never stop the run: they
are counted, listed on stderr (or in --rejects) and skipped.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import NoReturn

import click

from replylint.config import Config, ConfigError, load_config
from replylint.findings import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _selectors(values: tuple[str, ...]) -> list[str] | None:
    items = [item.strip() for value in values for item in value.split(",") if item.strip()]
    return items if values else None


def _config(
    path: str | None, lang: str | None, select: tuple[str, ...], ignore: tuple[str, ...]
) -> Config:
    config = load_config(path).with_overrides(select=_selectors(select), ignore=_selectors(ignore))
    return replace(config, lang=None if lang == "auto" else lang) if lang else config


def _fails(summary: dict, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    severities = summary["totals"]["by_severity"]
    return any(n for s, n in severities.items() if SEVERITY_RANK[s] >= SEVERITY_RANK[fail_on])


@click.command("audit")
@click.argument("paths", nargs=-1, required=True, metavar="EXPORT...")
@click.option(
    "--input-format",
    type=click.Choice(["csv", "tsv", "jsonl", "zendesk"]),
    help="Override detection by extension (.csv .tsv .jsonl .json, each optionally .gz).",
)
@click.option("--encoding", default="utf-8", show_default=True, help="e.g. cp1250, cp1251.")
@click.option("--delimiter", help="CSV delimiter (default: guessed from the header).")
@click.option("--col-conversation", help="Column with the conversation/ticket id.")
@click.option("--col-role", help="Column with the speaker role (agent, customer, bot).")
@click.option("--col-agent", help="Column with the agent's name or id.")
@click.option("--col-timestamp", help="Column with the turn's time (ISO 8601 or epoch).")
@click.option("--col-text", help="Column with the turn's text.")
@click.option(
    "--agent-role",
    "agent_roles",
    multiple=True,
    help="Role value(s) whose turns are linted (default: agent). Repeatable.",
)
@click.option("--lang", type=click.Choice(["pl", "ru", "auto"]), help="Skip language detection.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [all cores].")
@click.option("--findings", "findings_path", help="Write findings to *.jsonl or *.csv (.gz ok).")
@click.option("--summary", "summary_path", help="Write the summary as JSON.")
@click.option("--html", "html_path", help="Write a self-contained HTML report.")
@click.option("--rejects", "rejects_path", help="Write rejected rows (source,row,reason) as CSV.")
@click.option(
    "--conversations", "conversations_path", help="Write every conversation's score (csv/jsonl)."
)
@click.option("--top", default=10, show_default=True, help="Rules/conversations in top lists.")
@click.option("--title", default="replylint audit", show_default=True, help="HTML report title.")
@click.option("--select", multiple=True, help="Only these rule ids/categories (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule ids/categories.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="never",
    show_default=True,
    help="Exit 1 when any finding is at or above this severity.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr [default: only when stderr is a terminal].",
)
def audit(
    paths: tuple[str, ...],
    input_format: str | None,
    encoding: str,
    delimiter: str | None,
    col_conversation: str | None,
    col_role: str | None,
    col_agent: str | None,
    col_timestamp: str | None,
    col_text: str | None,
    agent_roles: tuple[str, ...],
    lang: str | None,
    jobs: int | None,
    findings_path: str | None,
    summary_path: str | None,
    html_path: str | None,
    rejects_path: str | None,
    conversations_path: str | None,
    top: int,
    title: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    fail_on: str,
    progress: bool | None,
) -> None:
    """Audit transcript exports: lint agent turns only, summarise per agent and category."""
    from replylint.audit.outputs import OutputError
    from replylint.audit.pool import LinterStartError, default_jobs
    from replylint.audit.readers import FieldOptions, ReadOptions
    from replylint.audit.runner import AuditOptions, run_audit
    from replylint.audit.terminal import render
    from replylint.engine.packs import PackError

    try:
        config = _config(config_path, lang, select, ignore)
    except ConfigError as exc:
        _die(str(exc))
    _check_encoding(encoding)
    columns = {
        "conversation": col_conversation,
        "role": col_role,
        "agent": col_agent,
        "timestamp": col_timestamp,
        "text": col_text,
    }
    roles = frozenset(r.strip().lower() for r in agent_roles or ("agent",))
    jobs = jobs or default_jobs()
    options = AuditOptions(
        paths=list(paths),
        read=ReadOptions(
            input_format=input_format,
            encoding=encoding,
            delimiter=_delimiter(delimiter),
            fields=FieldOptions(columns={k: v for k, v in columns.items() if v}, agent_roles=roles),
        ),
        config=config,
        lang=config.lang,
        jobs=jobs,
        findings_path=findings_path,
        summary_path=summary_path,
        html_path=html_path,
        rejects_path=rejects_path,
        conversations_path=conversations_path,
        progress=sys.stderr.isatty() if progress is None else progress,
        top=top,
        title=title,
    )
    try:
        run = run_audit(options)
    except (OutputError, PackError, LinterStartError, ConfigError) as exc:
        _die(str(exc))
    _report_rejects(run.summary["rejects"], rejects_path)
    click.echo(render(run.summary, run.elapsed, jobs))
    for label, path in (
        ("findings", findings_path),
        ("summary", summary_path),
        ("conversation scores", conversations_path),
        ("rejects", rejects_path),
        ("HTML report", html_path),
    ):
        if path:
            click.echo(f"Wrote {label}: {path}")
    if run.file_errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if _fails(run.summary, fail_on) else EXIT_OK)


def _report_rejects(rejects: dict, rejects_path: str | None) -> None:
    """One line per rejected row on stderr (the first few), then how many more and where."""
    for line in rejects["first"]:
        click.echo(f"rejected: {line}", err=True)
    more = rejects["count"] - len(rejects["first"])
    if more > 0:
        where = f"all in {rejects_path}" if rejects_path else "use --rejects FILE to keep all"
        click.echo(f"... and {more:,} more rejected rows ({where})", err=True)


def _delimiter(value: str | None) -> str | None:
    """Accept '\\t' and 'tab' for tab, since a literal tab is awkward to type in a shell."""
    if value is None:
        return None
    value = {"\\t": "\t", "tab": "\t"}.get(value, value)
    if len(value) != 1:
        _die(f"--delimiter must be one character, got {value!r}")
    return value


def _check_encoding(encoding: str) -> None:
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError:
        _die(f"--encoding: unknown encoding {encoding!r}")


def _die(message: str) -> NoReturn:
    click.echo(f"replylint audit: error: {message}", err=True)
    sys.exit(EXIT_ERROR)
