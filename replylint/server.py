"""The warm server's HTTP API: one loaded Linter answering small JSON requests.

Stdlib `http.server` is enough for a loopback service with two endpoints; it keeps the
server dependency-free. Linting is serialised with a lock because spaCy pipelines are not
meant to be shared between threads; health checks still answer while a lint runs.
The API is described in docs/openapi.yaml.
"""

from __future__ import annotations

import json
import os
import socketserver
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

API_VERSION = "1"
DEFAULT_MAX_BYTES = 1_000_000
LANGS = ("pl", "ru")


class _Outcome(Protocol):
    findings: list
    notes: list


class LintBackend(Protocol):
    def check_text(self, text: str, lang: str | None = None) -> _Outcome: ...


class ApiError(Exception):
    """An error answered to the client as ``{"error": {"code", "message"}}``."""

    def __init__(self, status: HTTPStatus, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def parse_lint_request(raw: bytes) -> tuple[str, str | None]:
    """Validate a POST /v1/lint body; every problem becomes a precise 400."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ApiError(HTTPStatus.BAD_REQUEST, "bad_encoding", f"body is not UTF-8: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ApiError(
            HTTPStatus.BAD_REQUEST,
            "bad_json",
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
        ) from exc
    if not isinstance(data, dict):
        raise ApiError(HTTPStatus.BAD_REQUEST, "bad_request", "body must be a JSON object")
    unknown = sorted(set(data) - {"text", "lang"})
    if unknown:
        raise ApiError(
            HTTPStatus.BAD_REQUEST, "bad_request", f"unknown field(s): {', '.join(unknown)}"
        )
    text = data.get("text")
    if not isinstance(text, str):
        raise ApiError(HTTPStatus.BAD_REQUEST, "bad_request", "'text' must be a string")
    lang = data.get("lang")
    if lang == "auto":
        lang = None
    if lang is not None and lang not in LANGS:
        raise ApiError(
            HTTPStatus.BAD_REQUEST, "bad_request", "'lang' must be 'pl', 'ru', 'auto' or null"
        )
    return text, lang


class ReplylintHandler(BaseHTTPRequestHandler):
    """Routes the two endpoints; settings come from the server object."""

    server: Any  # LintHTTPServer or LintUnixServer (both mix in _LintServerMixin)
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may take to send its request (slow clients are cut off)

    def do_GET(self) -> None:  # noqa: N802 - name fixed by http.server
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        path = self.path.split("?", 1)[0]
        routes = {"/v1/health": ("GET", self._health), "/v1/lint": ("POST", self._lint)}
        try:
            if path not in routes:
                raise ApiError(HTTPStatus.NOT_FOUND, "not_found", f"no endpoint {path}")
            allowed, handler = routes[path]
            if method != allowed:
                raise ApiError(
                    HTTPStatus.METHOD_NOT_ALLOWED, "method_not_allowed", f"use {allowed} {path}"
                )
            self._send(HTTPStatus.OK, handler())
        except ApiError as exc:
            self._send(exc.status, {"error": {"code": exc.code, "message": exc.message}})
        except Exception as exc:  # the server must outlive one bad request
            self.log_error("lint failed: %r", exc)
            self._send(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                {"error": {"code": "internal", "message": f"{type(exc).__name__}: {exc}"}},
            )

    def _health(self) -> dict:
        return self.server.health()

    def _lint(self) -> dict:
        text, lang = parse_lint_request(self._read_body())
        outcome = self.server.check_text(text, lang)
        return {
            "findings": [f.to_dict() for f in outcome.findings],
            "notes": list(outcome.notes),
        }

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            raise ApiError(HTTPStatus.LENGTH_REQUIRED, "length_required", "send Content-Length")
        try:
            size = int(length)
        except ValueError as exc:
            raise ApiError(
                HTTPStatus.BAD_REQUEST, "bad_request", "Content-Length is not a number"
            ) from exc
        if size < 0 or size > self.server.max_bytes:
            self.close_connection = True  # do not read an oversized body
            raise ApiError(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                "too_large",
                f"request body is {size} bytes; the limit is {self.server.max_bytes}",
            )
        return self.rfile.read(size)

    def _send(self, status: HTTPStatus, payload: dict) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def address_string(self) -> str:  # Unix sockets have no (host, port)
        return self.client_address[0] if isinstance(self.client_address, tuple) else "unix"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if self.server.verbose:
            sys.stderr.write(f"replylint serve: {self.address_string()} {format % args}\n")

    def log_error(self, format: str, *args: Any) -> None:  # noqa: A002
        sys.stderr.write(f"replylint serve: {format % args}\n")


class _LintServerMixin:
    """State shared by the TCP and Unix-socket servers: the linter and its lock."""

    daemon_threads = True

    def setup_linter(self, backend: LintBackend, info: dict, max_bytes: int, verbose: bool) -> None:
        self.backend = backend
        self.info = info
        self.max_bytes = max_bytes
        self.verbose = verbose
        self._lock = threading.Lock()

    def check_text(self, text: str, lang: str | None) -> _Outcome:
        with self._lock:
            return self.backend.check_text(text, lang)

    def health(self) -> dict:
        return {"status": "ok", "api": API_VERSION, "pid": os.getpid(), **self.info}


class LintHTTPServer(_LintServerMixin, ThreadingHTTPServer):
    pass


class LintUnixServer(_LintServerMixin, socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    pass


def make_server(
    backend: LintBackend,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    socket_path: str | None = None,
    info: dict | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    verbose: bool = False,
) -> LintHTTPServer | LintUnixServer:
    """Bind (but do not start) a server; port 0 picks a free port, see `server_address`."""
    server: LintHTTPServer | LintUnixServer
    if socket_path:
        _remove_stale_socket(socket_path)
        old_umask = os.umask(0o177)  # the socket is the owner's only
        try:
            server = LintUnixServer(socket_path, ReplylintHandler)
        finally:
            os.umask(old_umask)
    else:
        server = LintHTTPServer((host, port), ReplylintHandler)
    server.setup_linter(backend, info or {}, max_bytes, verbose)
    return server


def server_url(server: LintHTTPServer | LintUnixServer) -> str:
    """The address a client passes as --server."""
    if isinstance(server, LintUnixServer):
        return f"unix:{server.server_address}"
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


def _remove_stale_socket(path: str) -> None:
    """Refuse to steal a live server's socket, but clean up after a crashed one."""
    import socket

    if not os.path.exists(path):
        return
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(path)
    except OSError:
        os.unlink(path)
        return
    finally:
        probe.close()
    raise OSError(f"{path}: another server is already listening on this socket")


def serve_until_stopped(
    server: LintHTTPServer | LintUnixServer, on_stop: Callable[[], None]
) -> None:
    """Serve until SIGINT/SIGTERM, then close the socket and run `on_stop`."""
    import signal

    def stop(signum: int, frame: object) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        on_stop()
