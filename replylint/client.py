"""Thin client for a warm `replylint serve`: stdlib HTTP only, never imports spaCy.

Used by `replylint hook`; helpdesk webhooks can use it too. Addresses are
``http://host:port`` or ``unix:/path/to/socket``.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from replylint.findings import Finding

DEFAULT_PORT = 7461
DEFAULT_URL = f"http://127.0.0.1:{DEFAULT_PORT}"
ENV_VAR = "REPLYLINT_SERVER"


class ServerUnavailable(ConnectionError):
    """No server answered at the address (refused, missing socket, timeout): fall back."""


class ServerError(RuntimeError):
    """A server answered but refused or failed the request; the message is its own."""


@dataclass
class LintReply:
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)


class _UnixHTTPConnection(http.client.HTTPConnection):
    """HTTP over a Unix domain socket (no third-party transport needed)."""

    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._socket_path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        try:
            sock.connect(self._socket_path)
        except OSError:
            sock.close()
            raise
        self.sock = sock


def resolve_url(explicit: str | None = None, configured: str | None = None) -> str:
    """Pick the server address: flag, then $REPLYLINT_SERVER, then config, then the default."""
    return explicit or os.environ.get(ENV_VAR) or configured or DEFAULT_URL


def _connection(url: str, timeout: float) -> http.client.HTTPConnection:
    if url.startswith("unix:"):
        return _UnixHTTPConnection(url[len("unix:") :], timeout)
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(f"server address must be http://host:port or unix:/path, not {url!r}")
    return http.client.HTTPConnection(parts.hostname, parts.port or DEFAULT_PORT, timeout=timeout)


def _request(url: str, method: str, path: str, payload: dict | None, timeout: float) -> dict:
    conn = _connection(url, timeout)
    body = None if payload is None else json.dumps(payload, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json"} if body is not None else {}
    try:
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            raw = response.read()
        except (ConnectionError, FileNotFoundError, TimeoutError) as exc:
            raise ServerUnavailable(f"no replylint server at {url}: {exc}") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise ServerUnavailable(f"replylint server at {url} failed: {exc}") from exc
    finally:
        conn.close()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ServerError(f"{url}: answer is not JSON (HTTP {response.status})") from exc
    if response.status != 200:
        error = data.get("error", {}) if isinstance(data, dict) else {}
        raise ServerError(f"{url}: HTTP {response.status}: {error.get('message', data)}")
    return data


def health(url: str, timeout: float = 1.0) -> dict:
    """GET /v1/health; raises ServerUnavailable when nothing listens."""
    return _request(url, "GET", "/v1/health", None, timeout)


def lint(url: str, text: str, lang: str | None = None, timeout: float = 10.0) -> LintReply:
    """POST /v1/lint and rebuild Finding objects from the answer."""
    payload: dict = {"text": text}
    if lang:
        payload["lang"] = lang
    data = _request(url, "POST", "/v1/lint", payload, timeout)
    try:
        findings = [Finding(**item) for item in data["findings"]]
        notes = [str(note) for note in data.get("notes", [])]
    except (KeyError, TypeError) as exc:
        raise ServerError(f"{url}: unexpected answer shape: {exc}") from exc
    return LintReply(findings=findings, notes=notes)
