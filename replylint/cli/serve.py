"""`replylint serve`: keep the pipelines loaded so hooks and webhooks answer in milliseconds."""

from __future__ import annotations

import ipaddress
import os
import sys
import time

import click

from replylint.client import DEFAULT_PORT


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=int, default=DEFAULT_PORT, show_default=True, help="TCP port.")
@click.option(
    "--socket",
    "socket_path",
    type=click.Path(dir_okay=False),
    help="Listen on this Unix socket instead of TCP (clients use --server unix:PATH).",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow binding a non-loopback address (the API has no authentication).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=1_000_000,
    show_default=True,
    help="Largest request body accepted.",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option("-v", "--verbose", is_flag=True, help="Log every request to stderr.")
def serve(
    host: str,
    port: int,
    socket_path: str | None,
    allow_remote: bool,
    max_bytes: int,
    config_path: str | None,
    verbose: bool,
) -> None:
    """Answer POST /v1/lint and GET /v1/health (see docs/openapi.yaml) with warm pipelines."""
    from replylint.config import ConfigError, load_config
    from replylint.server import make_server, serve_until_stopped, server_url

    if not socket_path and not _is_loopback(host) and not allow_remote:
        raise click.UsageError(
            f"{host} is not a loopback address; the API is unauthenticated, "
            "pass --allow-remote if you really want that"
        )
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc

    started = time.perf_counter()
    from replylint import Linter

    linter = Linter(config).warm()  # load both pipelines now, not on the first request
    info = {"rules": len(linter.rules), "config": config.source}
    try:
        server = make_server(
            linter,
            host=host,
            port=port,
            socket_path=socket_path,
            info=info,
            max_bytes=max_bytes,
            verbose=verbose,
        )
    except OSError as exc:
        where = socket_path or f"{host}:{port}"
        raise click.ClickException(f"cannot listen on {where}: {exc.strerror or exc}") from exc
    click.echo(
        f"replylint serve: {len(linter.rules)} rules loaded in "
        f"{time.perf_counter() - started:.1f}s; listening on {server_url(server)} "
        f"(pid {os.getpid()})",
        err=True,
    )
    sys.stderr.flush()

    def cleanup() -> None:
        if socket_path and os.path.exists(socket_path):
            os.unlink(socket_path)
        click.echo("replylint serve: stopped", err=True)

    serve_until_stopped(server, cleanup)
