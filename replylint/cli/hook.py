"""`replylint hook`: check an email draft before it is sent; optionally wrap sendmail.

Two modes:

* ``replylint hook [FILE|-]`` prints findings for the agent's own new text and exits like
  ``check`` (0 clean, 1 findings at/above --fail-on, 2 input or usage error).
* ``replylint hook [OPTIONS] --then CMD ARGS...`` is a sendmail wrapper: the message on stdin
  goes to CMD byte for byte when it passes; when it fails nothing is sent, the findings go to
  stderr and the exit status is 1 so the mail client keeps the draft. If replylint itself
  breaks, the message is still sent (fail-open) unless --strict.

A warm ``replylint serve`` is used when reachable (no spaCy import here); otherwise the
draft is linted in-process.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import click

from replylint.findings import Finding, SourceResult

THEN = "--then"
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
T = TypeVar("T")


class HookFailure(Exception):
    """replylint could not judge the draft (bad input, bad config, crash, timeout)."""


@dataclass
class Verdict:
    """What the hook decided about one draft."""

    result: SourceResult
    blocking: list[Finding] = field(default_factory=list)


class _HookCommand(click.Command):
    """Everything after ``--then`` is the downstream command, untouched by option parsing."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if THEN in args:
            index = args.index(THEN)
            ctx.meta["replylint.then"] = args[index + 1 :]
            if not ctx.meta["replylint.then"]:
                raise click.UsageError("--then needs a command to pass the message to", ctx)
            args = args[:index]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPTIONS] [FILE|-] [--then CMD ARGS...]")


def _run_with_timeout(func: Callable[[], T], timeout: float) -> T:
    """Run `func` in a daemon thread so a stuck linter cannot hold the mail client hostage."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = func()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, name="replylint-hook", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise HookFailure(f"linting took longer than {timeout:g}s (--timeout)")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def _lint(
    text: str, lang: str | None, config, server: str | None, timeout: float
) -> tuple[list[Finding], list[str], str]:
    """Lint via the warm server when one answers, else in-process."""
    if server is not None:
        from replylint import client

        try:
            reply = client.lint(server, text, lang, timeout=timeout)
            return reply.findings, reply.notes, f"server {server}"
        except client.ServerUnavailable:
            pass  # nothing listening: the normal case without `replylint serve`
        except (client.ServerError, ValueError) as exc:
            click.echo(f"replylint: {exc}; linting in-process instead", err=True)
    from replylint import Linter

    outcome = Linter(config).check_text(text, lang)
    return list(outcome.findings), list(outcome.notes), "in-process"


def judge(
    data: bytes,
    name: str,
    *,
    config_path: str | None,
    lang: str | None,
    fail_on: str | None,
    server: str | None,
    use_server: bool,
    timeout: float,
    verbose: bool = False,
) -> Verdict:
    """Parse and lint one draft; raise HookFailure when that is impossible."""
    from replylint.client import resolve_url
    from replylint.config import ConfigError, load_config
    from replylint.email_draft import DraftError, parse_draft

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise HookFailure(str(exc)) from exc
    try:
        draft = parse_draft(data, name)
    except DraftError as exc:
        raise HookFailure(str(exc)) from exc
    url = resolve_url(server, config.server) if use_server else None
    lang = config.lang if lang is None else (None if lang == "auto" else lang)
    try:
        findings, notes, via = _run_with_timeout(
            lambda: _lint(draft.text, lang, config, url, timeout), timeout
        )
    except HookFailure:
        raise
    except Exception as exc:
        raise HookFailure(f"{name}: linter failed: {type(exc).__name__}: {exc}") from exc
    if verbose:
        click.echo(f"replylint: {name}: {draft.kind} draft linted via {via}", err=True)
    threshold = fail_on or config.fail_on
    blocking = [] if threshold == "never" else [f for f in findings if f.at_least(threshold)]
    label = f"{name} (HTML shown as text)" if draft.kind == "html" else name
    result = SourceResult(label, draft.body, findings, notes=[*draft.notes, *notes])
    return Verdict(result=result, blocking=blocking)


def _read(file: str) -> bytes:
    if file == "-":
        return sys.stdin.buffer.read()
    with open(file, "rb") as handle:
        return handle.read()


def _send(command: list[str], data: bytes) -> int:
    """Hand the untouched bytes to the downstream sendmail and return its status."""
    try:
        return subprocess.run(command, input=data, check=False).returncode
    except OSError as exc:
        click.echo(
            f"replylint: cannot run {command[0]}: {exc.strerror or exc}; message NOT sent", err=True
        )
        return EXIT_ERROR


@click.command(cls=_HookCommand)
@click.argument("file", default="-", metavar="[FILE|-]")
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error", "never"]),
    help="Lowest severity that fails the draft (default: config fail_on, else warning).",
)
@click.option("--warn-only", is_flag=True, help="Print findings but always pass (exit 0, send).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--lang", type=click.Choice(["pl", "ru", "auto"]), help="Language of the reply.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option(
    "--server",
    metavar="URL",
    help="Warm server (http://host:port or unix:PATH); default $REPLYLINT_SERVER, config "
    "`server`, else http://127.0.0.1:7461. Falls back to in-process linting.",
)
@click.option("--no-server", is_flag=True, help="Always lint in-process.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds replylint may take before it gives up (then fail-open with --then).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="With --then: do not send when replylint itself fails (default: send anyway).",
)
@click.option("-v", "--verbose", is_flag=True, help="Say on stderr how the draft was linted.")
@click.pass_context
def hook(
    ctx: click.Context,
    file: str,
    fail_on: str | None,
    warn_only: bool,
    fmt: str,
    lang: str | None,
    config_path: str | None,
    server: str | None,
    no_server: bool,
    timeout: float,
    strict: bool,
    verbose: bool,
) -> None:
    """Lint the agent's own text in an email draft (quotes and signature are skipped).

    With `--then CMD ARGS...` (last on the line) act as a sendmail wrapper: read the message
    from stdin and pass it unchanged to CMD only if it passes.
    """
    then: list[str] | None = ctx.meta.get("replylint.then")
    if then is not None and file != "-":
        raise click.UsageError("with --then the message is read from stdin; drop FILE", ctx)
    name = "<stdin>" if file == "-" else file
    try:
        data = _read(file)
    except OSError as exc:
        click.echo(f"{name}: cannot read: {exc.strerror or exc}", err=True)
        ctx.exit(EXIT_ERROR)
    options = dict(
        verbose=verbose,
        config_path=config_path,
        lang=lang,
        fail_on=fail_on,
        server=server,
        use_server=not no_server,
        timeout=timeout,
    )
    if then is None:
        try:
            verdict = judge(data, name, **options)
        except HookFailure as exc:
            click.echo(f"replylint: {exc}", err=True)
            ctx.exit(EXIT_ERROR)
        _report(verdict, fmt, err=False)
        ctx.exit(EXIT_FINDINGS if verdict.blocking and not warn_only else EXIT_CLEAN)
    ctx.exit(_wrap(data, then, fmt=fmt, warn_only=warn_only, strict=strict, options=options))


def _report(verdict: Verdict, fmt: str, err: bool) -> None:
    from replylint.reporters import render

    output = render(fmt, [verdict.result], color=False)
    if output:
        click.echo(output, nl=False, err=err)


def _wrap(
    data: bytes, then: list[str], *, fmt: str, warn_only: bool, strict: bool, options: dict
) -> int:
    """Sendmail-wrapper mode: block on findings, fail open when replylint itself fails."""
    try:
        verdict = judge(data, "message", **options)
    except HookFailure as exc:
        if strict:
            click.echo(f"replylint: {exc}; message NOT sent (--strict)", err=True)
            return EXIT_ERROR
        click.echo(f"replylint: {exc}; sending the message unchecked (fail-open)", err=True)
        return _send(then, data)
    except Exception as exc:  # a crash must not eat the user's mail either
        if strict:
            click.echo(f"replylint: crashed ({type(exc).__name__}: {exc}); NOT sent", err=True)
            return EXIT_ERROR
        click.echo(
            f"replylint: crashed ({type(exc).__name__}: {exc}); sending unchecked (fail-open)",
            err=True,
        )
        return _send(then, data)
    if verdict.result.findings:
        _report(verdict, fmt, err=True)
    if verdict.blocking and not warn_only:
        count = len(verdict.blocking)
        click.echo(
            f"replylint: message NOT sent: {count} finding{'s' if count != 1 else ''} to fix "
            "first. The draft is unchanged; edit it and send again.",
            err=True,
        )
        return EXIT_FINDINGS
    return _send(then, data)
