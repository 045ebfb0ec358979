"""`replylint hook`: draft checking, the sendmail wrapper (byte-for-byte, fail-open), the client."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
from email.message import EmailMessage
from pathlib import Path

import pytest

BAD_LINE = "Nie czytała pani instrukcji? Wszystko tam jest."
DRAFT = (
    "Dzień dobry,\n"
    "\n"
    f"{BAD_LINE}\n"
    "\n"
    "W dniu 12.03.2024 o 10:15, Jan Kowalski pisze:\n"
    "> Nie czytała pani instrukcji?\n"
    "\n"
    "-- \n"
    "Anna\n"
)
POLITE = "Dzień dobry,\n\ndziękujemy za wiadomość, zwrot wyślemy jutro.\n\n> Nie czytała pani instrukcji?\n"


def run_hook(*args: str, stdin: bytes = b"", env: dict | None = None, cwd: Path | None = None):
    """Run the real console entry point the way a mail client does."""
    return subprocess.run(
        [sys.executable, "-c", "from replylint.cli import main; main()", "hook", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, "REPLYLINT_SERVER": "unix:/nonexistent/replylint.sock", **(env or {})},
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture
def sendmail(tmp_path: Path) -> tuple[list[str], Path, Path]:
    """A fake downstream sendmail that records its stdin and argv."""
    script = tmp_path / "fake-sendmail"
    received, argv = tmp_path / "received.eml", tmp_path / "argv.txt"
    script.write_text(
        textwrap.dedent(
            f"""\
            #!/bin/sh
            printf '%s\\n' "$@" > {argv}
            cat > {received}
            exit "${{FAKE_SENDMAIL_STATUS:-0}}"
            """
        )
    )
    script.chmod(0o755)
    return [str(script)], received, argv


def test_draft_findings_point_into_the_agents_own_text(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = run_hook(str(draft), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    [entry] = json.loads(proc.stdout)
    assert entry["findings"], "the condescending question in the agent's text is found"
    for finding in entry["findings"]:
        assert finding["line"] == 3  # never the quoted copy on line 6
        assert DRAFT[finding["start"] : finding["end"]] == finding["text"]
        assert finding["column"] == BAD_LINE.index(finding["text"]) + 1
    text = run_hook(str(draft))
    assert text.returncode == 1
    assert f"{draft}:3:1: error pl.condescending" in text.stdout.decode()


def test_html_draft_is_linted_as_the_text_the_agent_saw(tmp_path: Path) -> None:
    html = (
        "<div>Dzień dobry,</div><div><br></div><div>Nie czytała pani instrukcji? Wszystko"
        " tam jest.</div>\n<div class='gmail_quote'><blockquote>Nie czytała pani instrukcji?"
        "</blockquote></div>"
    )
    msg = EmailMessage()
    msg["From"] = "anna@example.com"
    msg.set_content(html, subtype="html", cte="quoted-printable")
    draft = tmp_path / "reply.eml"
    draft.write_bytes(msg.as_bytes())
    proc = run_hook(str(draft))
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert f"{draft} (HTML shown as text):3:1: error pl.condescending" in out
    assert "  | Nie czytała pani instrukcji? Wszystko tam jest." in out
    assert out.count("error pl.condescending") == 1  # the quoted copy is skipped


def test_exit_codes_follow_fail_on_and_warn_only(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    warn = run_hook(str(draft), "--warn-only")
    assert warn.returncode == 0
    assert "pl.condescending" in warn.stdout.decode()
    assert run_hook(str(draft), "--fail-on", "never").returncode == 0
    assert run_hook("-", stdin=POLITE.encode()).returncode == 0


def test_input_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = run_hook(str(tmp_path / "nope.txt"))
    assert missing.returncode == 2
    assert (
        missing.stderr.decode().strip()
        == f"{tmp_path / 'nope.txt'}: cannot read: No such file or directory"
    )
    latin = tmp_path / "latin2.txt"
    latin.write_bytes("Dzień dobry".encode("iso-8859-2"))
    bad = run_hook(str(latin))
    assert bad.returncode == 2
    assert bad.stderr.decode().startswith(f"replylint: {latin}: not UTF-8 text (byte 4")
    assert len(bad.stderr.decode().strip().splitlines()) == 1


def _message(body: str, charset: str = "utf-8", cte: str = "8bit") -> bytes:
    msg = EmailMessage()
    msg["From"] = "Anna <anna@example.com>"
    msg["To"] = "klient@example.com"
    msg["Subject"] = "Re: drukarka"
    msg.set_content(body, charset=charset, cte=cte)
    return msg.as_bytes()


# Bytes a wrapper must not touch: CRLF, 8-bit koi8-r, a stray NUL, no final newline.
AWKWARD = (
    b"From: anna@example.com\r\nTo: k@example.com\r\nSubject: =?utf-8?q?Re=3A_zam=C3=B3wienie?=\r\n"
    b"Content-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    + "Спасибо, посылка уже в пути.\r\n".encode("koi8-r")
    + b"\x00trailing\tbytes  \r\n> quoted\r\nno final newline"
)


def test_wrapper_passes_clean_mail_byte_for_byte_with_args(sendmail) -> None:
    command, received, argv = sendmail
    args = ["-oem", "-oi", "--", "--fail-on", "klient@example.com"]
    proc = run_hook("--then", *command, *args, stdin=AWKWARD)
    assert proc.returncode == 0, proc.stderr
    assert received.read_bytes() == AWKWARD
    assert argv.read_text().splitlines() == args


def test_wrapper_returns_the_downstream_status(sendmail) -> None:
    command, received, _ = sendmail
    proc = run_hook("--then", *command, stdin=POLITE.encode(), env={"FAKE_SENDMAIL_STATUS": "75"})
    assert proc.returncode == 75
    assert received.read_bytes() == POLITE.encode()


def test_wrapper_blocks_condescending_mail_and_sends_nothing(sendmail) -> None:
    command, received, _ = sendmail
    message = _message(DRAFT, charset="iso-8859-2", cte="quoted-printable")
    proc = run_hook("--then", *command, stdin=message)
    assert proc.returncode == 1
    assert not received.exists()
    err = proc.stderr.decode()
    assert "message:3:1: error pl.condescending" in err
    assert "message NOT sent" in err
    assert proc.stdout == b""


def test_wrapper_warn_only_reports_and_sends(sendmail) -> None:
    command, received, _ = sendmail
    message = _message(DRAFT)
    proc = run_hook("--warn-only", "--then", *command, stdin=message)
    assert proc.returncode == 0
    assert received.read_bytes() == message
    assert "pl.condescending" in proc.stderr.decode()


def test_wrapper_fails_open_on_bad_config_unless_strict(sendmail, tmp_path: Path) -> None:
    command, received, _ = sendmail
    config = tmp_path / ".replylint.toml"
    config.write_text("select = [unterminated\n")
    message = _message(DRAFT)
    proc = run_hook("--config", str(config), "--then", *command, stdin=message)
    assert proc.returncode == 0
    assert received.read_bytes() == message
    assert "invalid TOML" in proc.stderr.decode()
    assert "sending the message unchecked (fail-open)" in proc.stderr.decode()
    received.unlink()
    strict = run_hook("--config", str(config), "--strict", "--then", *command, stdin=message)
    assert strict.returncode == 2
    assert not received.exists()
    assert "NOT sent (--strict)" in strict.stderr.decode()


def test_wrapper_fails_open_when_the_linter_crashes(sendmail, tmp_path: Path) -> None:
    command, received, _ = sendmail
    pack = tmp_path / "broken.yaml"
    pack.write_text("rules: [this is: not: valid yaml\n")
    (tmp_path / ".replylint.toml").write_text('packs = ["broken.yaml"]\n')
    message = _message(DRAFT)
    proc = run_hook("--no-server", "--then", *command, stdin=message, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert received.read_bytes() == message
    assert "fail-open" in proc.stderr.decode()


def test_wrapper_fails_open_when_the_server_hangs(sendmail) -> None:
    command, received, _ = sendmail
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        proc = run_hook(
            "--server", url, "--timeout", "0.5", "--then", *command, stdin=POLITE.encode()
        )
    assert proc.returncode == 0
    assert received.read_bytes() == POLITE.encode()
    assert "longer than 0.5s" in proc.stderr.decode()


def test_wrapper_reports_a_missing_downstream_command() -> None:
    proc = run_hook("--then", "/nonexistent/sendmail", stdin=POLITE.encode())
    assert proc.returncode == 2
    assert "cannot run /nonexistent/sendmail" in proc.stderr.decode()


def test_then_reads_stdin_only(tmp_path: Path) -> None:
    proc = run_hook(str(tmp_path / "x.txt"), "--then", "true")
    assert proc.returncode == 2
    assert "drop FILE" in proc.stderr.decode()


@pytest.fixture(scope="module")
def warm_server(tmp_path_factory):
    """A real `replylint serve` on a Unix socket, as the hook would find it."""
    sock = tmp_path_factory.mktemp("srv") / "replylint.sock"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from replylint.cli import main; main()",
            "serve",
            "--socket",
            str(sock),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    ready = threading.Event()
    banner: list[str] = []

    def watch() -> None:
        for line in proc.stderr:
            banner.append(line)
            if "listening on" in line:
                ready.set()

    threading.Thread(target=watch, daemon=True).start()
    assert ready.wait(120), f"server did not start: {banner}"
    yield f"unix:{sock}"
    proc.terminate()
    proc.wait(30)
    assert not sock.exists(), "the server removes its socket on SIGTERM"


def test_hook_through_the_warm_server_gives_the_in_process_answer(warm_server, tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    served = run_hook("--server", warm_server, "--format", "json", str(draft))
    local = run_hook("--no-server", "--format", "json", str(draft))
    assert served.returncode == local.returncode == 1
    assert json.loads(served.stdout) == json.loads(local.stdout)


HEAVY = "spacy,morfeusz2,pymorphy3,thinc,numpy"
PROBE = """
import sys
url, draft, heavy = sys.argv[1:]
sys.argv = ["replylint", "hook", "--server", url, draft]
from replylint.cli import main
try:
    main()
except SystemExit as exit:
    code = exit.code
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(heavy.split(",")))
print("HEAVY=" + ",".join(loaded), f"EXIT={code}")
"""


def test_thin_client_path_never_imports_nlp_libraries(warm_server, tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, warm_server, str(draft), HEAVY],
        capture_output=True,
        text=True,
    )
    assert proc.stdout.strip().endswith("HEAVY= EXIT=1"), proc.stdout + proc.stderr
    assert "pl.condescending" in proc.stdout  # the findings did come from the server
