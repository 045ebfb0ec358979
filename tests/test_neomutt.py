"""End to end with a real mail client: neomutt in batch mode sends through the hook.

neomutt's $sendmail is a tiny script that tees what neomutt pipes into a file and hands the
stream to `replylint hook --then fake-sendmail`; the fake sendmail writes what it receives to
another file, so the test compares the two byte for byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NEOMUTT = shutil.which("neomutt")
pytestmark = pytest.mark.skipif(
    NEOMUTT is None, reason="neomutt is not installed (apt-get install neomutt; .ci/run does)"
)

POLITE_REPLY = (
    "Dzień dobry,\n"
    "\n"
    "dziękujemy za cierpliwość, zwrot wysłaliśmy dziś rano.\n"
    "\n"
    "W dniu 12.03.2024 o 10:15, Jan Kowalski pisze:\n"
    "> Nie czytała pani instrukcji? Bo ja tak.\n"
)
CONDESCENDING_REPLY = "Dzień dobry,\n\nNie czytała pani instrukcji? Wszystko tam jest.\n"


class Mutt:
    """A throwaway neomutt setup in `home` whose $sendmail goes through the hook."""

    def __init__(self, home: Path, hook_args: str = "", send_charset: str = "utf-8") -> None:
        self.home = home
        self.piped, self.received = home / "piped.eml", home / "received.eml"
        python = sys.executable
        fake = home / "fake-sendmail"
        fake.write_text(f'#!/bin/sh\ncat > "{self.received}"\n')
        wrapper = home / "sendmail-via-replylint"
        wrapper.write_text(
            "#!/bin/sh\n"
            f'tee "{self.piped}" | "{python}" -c "from replylint.cli import main; main()" '
            f'hook --no-server {hook_args} --then "{fake}" "$@"\n'
        )
        for script in (fake, wrapper):
            script.chmod(0o755)
        (home / "muttrc").write_text(
            f'set sendmail="{wrapper}"\n'
            'set from="Anna Agent <anna@example.com>"\n'
            "set use_from=yes\n"
            'set charset="utf-8"\n'
            f'set send_charset="{send_charset}"\n'
            "set allow_8bit=no\n"  # forces quoted-printable: the hook must decode it
            'set record=""\n'
            "set copy=no\n"
            f'set folder="{home}"\n'
            f'set spoolfile="{home}/inbox"\n'
        )

    def send(self, body: str) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MAIL", "EMAIL"))}
        env.update(HOME=str(self.home), REPLYLINT_SERVER=f"unix:{self.home}/none.sock")
        return subprocess.run(
            [
                NEOMUTT,
                "-n",
                "-F",
                str(self.home / "muttrc"),
                "-s",
                "Re: zwrot",
                "klient@example.com",
            ],
            input=body.encode("utf-8"),
            capture_output=True,
            env=env,
            cwd=self.home,
            timeout=120,
        )


def test_polite_reply_arrives_unchanged(tmp_path: Path) -> None:
    mutt = Mutt(tmp_path)
    proc = mutt.send(POLITE_REPLY)
    assert proc.returncode == 0, proc.stderr.decode()
    sent = mutt.received.read_bytes()
    assert sent == mutt.piped.read_bytes()  # byte for byte what neomutt produced
    assert b"Subject: Re: zwrot" in sent
    assert b"Nie czyta=C5=82a pani instrukcji" in sent  # the quote travelled, untouched


def test_condescending_reply_is_blocked_with_a_readable_message(tmp_path: Path) -> None:
    mutt = Mutt(tmp_path, send_charset="iso-8859-2")
    proc = mutt.send(CONDESCENDING_REPLY)
    assert proc.returncode != 0
    assert not mutt.received.exists()
    err = proc.stderr.decode()
    assert "message:3:1: error pl.condescending" in err
    assert "| Nie czytała pani instrukcji? Wszystko tam jest." in err
    assert "message NOT sent" in err
    assert b"charset=iso-8859-2" in mutt.piped.read_bytes()


def test_broken_config_fails_open_and_says_so(tmp_path: Path) -> None:
    (tmp_path / ".replylint.toml").write_text("fail_on = 'sometimes'\n")
    mutt = Mutt(tmp_path)
    proc = mutt.send(CONDESCENDING_REPLY)
    assert proc.returncode == 0, proc.stderr.decode()
    assert mutt.received.read_bytes() == mutt.piped.read_bytes()
    assert "sending the message unchecked (fail-open)" in proc.stderr.decode()


def test_warn_only_sends_unchanged_and_prints_the_findings(tmp_path: Path) -> None:
    mutt = Mutt(tmp_path, hook_args="--warn-only")
    proc = mutt.send(CONDESCENDING_REPLY)
    assert proc.returncode == 0, proc.stderr.decode()
    assert mutt.received.read_bytes() == mutt.piped.read_bytes()
    assert "pl.condescending" in proc.stderr.decode()
