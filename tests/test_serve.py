"""`replylint serve`: the JSON API over a real Linter, its limits and its errors."""

from __future__ import annotations

import http.client
import json
import threading
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from replylint import Linter, client
from replylint.cli.serve import serve
from replylint.server import make_server, server_url

OPENAPI = yaml.safe_load((Path(__file__).parents[1] / "docs" / "openapi.yaml").read_text())


def conforms(data: object, schema: str) -> None:
    """Answers must match docs/openapi.yaml, so the published contract cannot drift."""
    root = {"components": OPENAPI["components"], "$ref": f"#/components/schemas/{schema}"}
    jsonschema.Draft202012Validator(root).validate(data)


TEXT = "Dzień dobry,\nNie czytała pani instrukcji? Wszystko tam jest.\n"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter().warm()


@pytest.fixture(scope="module")
def server(linter):
    srv = make_server(linter, port=0, info={"rules": len(linter.rules)}, max_bytes=4096)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def raw_request(srv, method: str, path: str, body: bytes | None = None, headers=None):
    host, port = srv.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = json.loads(response.read())
    conn.close()
    return response.status, data


def test_lint_answers_what_the_library_answers(server, linter) -> None:
    status, data = raw_request(server, "POST", "/v1/lint", json.dumps({"text": TEXT}).encode())
    assert status == 200
    conforms(data, "LintResponse")
    conforms({"text": TEXT, "lang": "pl"}, "LintRequest")
    reply = client.lint(server_url(server), TEXT, "pl")
    expected = linter.check_text(TEXT, "pl")
    assert reply.findings == expected.findings
    assert reply.findings, "the condescending question is found"
    finding = reply.findings[0]
    assert TEXT[finding.start : finding.end] == finding.text
    assert (finding.line, finding.column) == (2, 1)


def test_language_is_detected_when_not_given(server) -> None:
    reply = client.lint(server_url(server), TEXT)
    assert [f.lang for f in reply.findings] == ["pl"] * len(reply.findings)
    status, data = raw_request(
        server, "POST", "/v1/lint", json.dumps({"text": "Hello there, all good."}).encode()
    )
    assert status == 200
    conforms(data, "LintResponse")
    assert data["findings"] == []
    assert any("not recognised" in note for note in data["notes"])


def test_health(server, linter) -> None:
    data = client.health(server_url(server))
    conforms(data, "Health")
    assert data["status"] == "ok"
    assert data["rules"] == len(linter.rules)


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        (b'{"text": ', "bad_json", "invalid JSON at line 1 column 10"),
        (b"[1, 2]", "bad_request", "body must be a JSON object"),
        (b'{"text": 5}', "bad_request", "'text' must be a string"),
        (b'{"text": "x", "lang": "de"}', "bad_request", "'lang' must be"),
        (b'{"text": "x", "extra": 1}', "bad_request", "unknown field(s): extra"),
        (b'{"text": "\xff"}', "bad_encoding", "not UTF-8"),
    ],
)
def test_bad_requests_get_clear_json_errors(server, body, code, message) -> None:
    status, data = raw_request(server, "POST", "/v1/lint", body)
    assert status == 400
    conforms(data, "Error")
    assert data["error"]["code"] == code
    assert message in data["error"]["message"]


def test_request_size_is_bounded(server) -> None:
    body = json.dumps({"text": "a" * 5000}).encode()
    status, data = raw_request(server, "POST", "/v1/lint", body)
    assert status == 413
    conforms(data, "Error")
    assert data["error"]["message"] == f"request body is {len(body)} bytes; the limit is 4096"


def test_length_is_required(server) -> None:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.putrequest("POST", "/v1/lint")
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 411
    assert json.loads(response.read())["error"]["code"] == "length_required"


def test_unknown_paths_and_methods(server) -> None:
    assert raw_request(server, "GET", "/v2/lint")[0] == 404
    status, data = raw_request(server, "GET", "/v1/lint")
    assert (status, data["error"]["message"]) == (405, "use POST /v1/lint")


def test_client_reports_a_missing_server_as_unavailable(tmp_path) -> None:
    with pytest.raises(client.ServerUnavailable):
        client.health(f"unix:{tmp_path / 'none.sock'}")
    with pytest.raises(ValueError, match="http://host:port or unix:/path"):
        client.health("ftp://example.com")


def test_non_loopback_bind_needs_allow_remote() -> None:
    result = CliRunner().invoke(serve, ["--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "not a loopback address" in result.output


def test_unix_socket_server_over_the_thin_client(linter, tmp_path) -> None:
    sock = tmp_path / "s.sock"
    srv = make_server(linter, socket_path=str(sock))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        assert (sock.stat().st_mode & 0o777) == 0o600
        reply = client.lint(server_url(srv), TEXT, "pl")
        assert reply.findings == linter.lint(TEXT, "pl")
        with pytest.raises(OSError, match="already listening"):
            make_server(linter, socket_path=str(sock))
    finally:
        srv.shutdown()
        srv.server_close()


def test_stale_socket_left_by_a_crashed_server_is_replaced(linter, tmp_path) -> None:
    import socket

    sock = tmp_path / "stale.sock"
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(sock))
    dead.close()  # the file stays, nobody listens
    srv = make_server(linter, socket_path=str(sock))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        assert client.health(server_url(srv))["status"] == "ok"
    finally:
        srv.shutdown()
        srv.server_close()
