"""`replylint check` end to end: through click's runner and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from replylint.cli import main

BAD_PL = "Nie czytala pani instrukcji?\n"
POLITE_PL = "Dzień dobry, opis parowania znajdzie Pani w instrukcji na str. 12.\n"


def run(args: list[str], stdin: str | bytes | None = None, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, args, input=stdin)
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, args, input=stdin)
    finally:
        os.chdir(old)


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    """An empty directory with a config file, so the developer's own config never leaks in."""
    (tmp_path / ".replylint.toml").write_text("")
    return tmp_path


def test_stdin_condescending_text_report(workdir: Path) -> None:
    result = run(["check", "-"], stdin=BAD_PL, cwd=workdir)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("<stdin>:1:1: error pl.condescending.")
    assert lines[1] == "  | Nie czytala pani instrukcji?"
    assert lines[2].startswith("  | ^^^^")
    assert lines[3].startswith("  = suggestion: ")


def test_polite_reply_exits_zero(workdir: Path) -> None:
    result = run(["check", "-"], stdin=POLITE_PL, cwd=workdir)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_json_format_has_finding_fields_and_offsets(workdir: Path) -> None:
    text = "Dzień dobry.\nCzy w ogóle czytali Państwo umowę? Pozdrawiam\n"
    (workdir / "reply.txt").write_text(text, encoding="utf-8")
    result = run(["check", "--format", "json", "reply.txt"], cwd=workdir)
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload[0]["path"] == "reply.txt"
    finding = payload[0]["findings"][0]
    assert finding["category"] == "condescending"
    assert text[finding["start"] : finding["end"]] == finding["text"]
    assert (finding["line"], finding["column"]) == (2, 1)


def test_fail_on_and_select_ignore(workdir: Path) -> None:
    (workdir / "r.txt").write_text(BAD_PL, encoding="utf-8")
    assert run(["check", "--fail-on", "never", "r.txt"], cwd=workdir).exit_code == 0
    assert run(["check", "--fail-on", "error", "r.txt"], cwd=workdir).exit_code == 1
    ignored = run(["check", "--ignore", "condescending", "r.txt"], cwd=workdir)
    assert ignored.exit_code == 0 and ignored.stdout == ""
    by_prefix = run(["check", "--ignore", "pl.condescending,ru", "r.txt"], cwd=workdir)
    assert by_prefix.exit_code == 0
    selected = run(["check", "--select", "pl.condescending", "r.txt"], cwd=workdir)
    assert selected.exit_code == 1
    other = run(["check", "--select", "vague_promise", "--select", "ru", "r.txt"], cwd=workdir)
    assert "pl.condescending" not in other.stdout


def test_unknown_selector_is_a_usage_error(workdir: Path) -> None:
    result = run(["check", "--select", "pl.condescendign", "-"], stdin=BAD_PL, cwd=workdir)
    assert result.exit_code == 2
    assert "pl.condescendign" in result.stderr


def test_config_file_and_cli_override(workdir: Path) -> None:
    (workdir / "pyproject.toml").write_text('[tool.replylint]\nfail-on = "never"\n')
    (workdir / ".replylint.toml").unlink()
    sub = workdir / "replies"
    sub.mkdir()
    (sub / "r.txt").write_text(BAD_PL, encoding="utf-8")
    assert run(["check", "r.txt"], cwd=sub).exit_code == 0  # found upward
    assert run(["check", "--fail-on", "warning", "r.txt"], cwd=sub).exit_code == 1


def test_broken_config_exits_2_with_one_line(workdir: Path) -> None:
    (workdir / ".replylint.toml").write_text('selcet = ["x"]\n')
    result = run(["check", "-"], stdin=BAD_PL, cwd=workdir)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert ".replylint.toml: unknown key 'selcet'" in result.stderr


@pytest.mark.parametrize(
    "pack, problem",
    [
        ("lang: pl\ncategory: condescending\nrules:\n  - id: [unclosed\n", "bad.yaml:"),
        (
            "lang: pl\ncategory: condescending\nrules:\n  - id: pl.condescending.x\n"
            "    severity: error\n    message: m\n    suggestion: s\n    patterns: ['nie <czytać>']\n"
            "    colour: red\n",
            "bad.yaml:4:",
        ),
    ],
)
def test_broken_rule_pack_exits_2_with_file_line(workdir: Path, pack: str, problem: str) -> None:
    packs = workdir / "packs"
    packs.mkdir()
    (packs / "bad.yaml").write_text(pack, encoding="utf-8")
    (workdir / ".replylint.toml").write_text('packs = ["packs"]\n')
    result = run(["check", "-"], stdin=BAD_PL, cwd=workdir)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert problem in result.stderr


def test_missing_and_binary_inputs_do_not_stop_the_run(workdir: Path) -> None:
    (workdir / "bad.txt").write_text(BAD_PL, encoding="utf-8")
    (workdir / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (workdir / "cp1250.txt").write_bytes("Zażółć gęślą jaźń".encode("cp1250"))
    result = run(["check", "missing.txt", "logo.txt", "cp1250.txt", "bad.txt"], cwd=workdir)
    assert result.exit_code == 2  # input errors win over findings
    errors = result.stderr.splitlines()
    assert errors == [
        "missing.txt: no such file or directory",
        "logo.txt: binary file (contains NUL bytes), skipped",
        "cp1250.txt:1:3: not valid UTF-8 (byte 0xbf); save the file as UTF-8",
    ]
    assert "bad.txt:1:1: error pl.condescending." in result.stdout


def test_lang_flag_forces_language(workdir: Path) -> None:
    result = run(["check", "--lang", "ru", "-"], stdin=BAD_PL, cwd=workdir)
    assert "pl.condescending" not in result.stdout


def test_output_file_and_github_format(workdir: Path) -> None:
    (workdir / "r.txt").write_text("Dzień dobry,\n" + BAD_PL, encoding="utf-8")
    result = run(["check", "--format", "github", "-o", "out.txt", "r.txt"], cwd=workdir)
    assert result.exit_code == 1 and result.stdout == ""
    line = (workdir / "out.txt").read_text(encoding="utf-8").splitlines()[0]
    assert line.startswith("::error file=r.txt,line=2,col=1,endLine=2,endColumn=")
    assert ",title=pl.condescending." in line


def test_subprocess_from_another_directory(tmp_path: Path) -> None:
    """The installed console script, run where no config exists, reads stdin."""
    exe = Path(sys.executable).with_name("replylint")
    proc = subprocess.run(
        [str(exe), "check", "-"], input=BAD_PL, capture_output=True, text=True, cwd=tmp_path,
        timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("<stdin>:1:1: error pl.condescending.")
    assert "^^^" in proc.stdout
    polite = subprocess.run(
        [str(exe), "check", "-"], input=POLITE_PL, capture_output=True, text=True, cwd=tmp_path,
        timeout=120,
    )  # fmt: skip
    assert polite.returncode == 0, polite.stdout + polite.stderr


def test_subprocess_usage_error_exits_2(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("replylint")
    proc = subprocess.run(
        [str(exe), "check", "--format", "xml", "-"], input="x", capture_output=True, text=True,
        cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "xml" in proc.stderr


def test_crash_on_one_input_is_reported_and_the_rest_checked(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from replylint.linter import Linter

    real = Linter.check_text

    def flaky(self, text, lang=None):
        if "BOOM" in text:
            raise RuntimeError("simulated engine bug")
        return real(self, text, lang)

    monkeypatch.setattr(Linter, "check_text", flaky)
    (workdir / "a.txt").write_text("BOOM\n", encoding="utf-8")
    (workdir / "b.txt").write_text(BAD_PL, encoding="utf-8")
    result = run(["check", "a.txt", "b.txt"], cwd=workdir)
    assert result.exit_code == 2
    assert result.stderr == (
        "a.txt: internal error while linting: RuntimeError: simulated engine bug\n"
    )
    assert "b.txt:1:1: error pl.condescending." in result.stdout


def test_directory_walk_uses_gitignore_and_config_exclude(workdir: Path) -> None:
    (workdir / ".replylint.toml").write_text('exclude = ["drafts/"]\n')
    (workdir / ".gitignore").write_text("generated/\n")
    for name in ("macros/a.md", "drafts/b.md", "generated/c.html", "notes/d.txt"):
        (workdir / name).parent.mkdir(parents=True, exist_ok=True)
        (workdir / name).write_text(BAD_PL, encoding="utf-8")
    (workdir / "macros" / "image.png").write_bytes(b"\x89PNG\0")  # not a template: not read
    result = run(["check", "--format", "json", "."], cwd=workdir)
    assert result.exit_code == 1, result.output
    paths = sorted(Path(entry["path"]).as_posix() for entry in json.loads(result.stdout))
    assert paths == ["macros/a.md", "notes/d.txt"]
