"""The repo's `.pre-commit-hooks.yaml`, used by a real `pre-commit` in a throwaway git repo:
a commit adding a condescending template is blocked, a polite one goes through.

pre-commit builds the hook's own virtualenv from a snapshot of this checkout (pip install
from PyPI, cached by pip), so this test takes a while on a cold cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() or shutil.which("git") is None,
    reason="pre-commit (the test extra) and git are needed",
)


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("precommit-home")
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home / "cache"),
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }  # fmt: skip


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """A committed snapshot of this working tree (pre-commit installs hooks from a rev)."""
    snapshot = tmp_path_factory.mktemp("hookrepo") / "replylint"
    shutil.copytree(
        REPO,
        snapshot,
        ignore=shutil.ignore_patterns(".git", "*.egg-info", "__pycache__", ".*_cache", ".venv",
                                      "build", "dist", "tests", "benchmarks"),
    )  # fmt: skip
    for args in (("init", "-q"), ("add", "-A"), ("commit", "-q", "-m", "snapshot")):
        subprocess.run(["git", *args], cwd=snapshot, env=env, check=True, capture_output=True)
    rev = git(snapshot, "rev-parse", "HEAD").stdout.strip()
    return snapshot, rev


def test_manifest_is_valid() -> None:
    proc = subprocess.run([str(PRE_COMMIT), "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
                          capture_output=True, text=True)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_commit_of_bad_template_is_blocked_good_one_passes(
    tmp_path: Path, hook_repo: tuple[Path, str], env: dict[str, str]
) -> None:
    snapshot, rev = hook_repo
    target = tmp_path / "templates-repo"
    target.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=target, env=env, check=True)
    (target / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {snapshot}\n    rev: {rev}\n    hooks:\n      - id: replylint\n"
    )
    subprocess.run([str(PRE_COMMIT), "install"], cwd=target, env=env, check=True,
                   capture_output=True)  # fmt: skip

    (target / "welcome.md").write_text(
        "# Powitanie\n\nDzień dobry {name}, opis parowania znajdzie Pani w instrukcji na str. 12.\n",
        encoding="utf-8",
    )
    subprocess.run(["git", "add", "-A"], cwd=target, env=env, check=True)
    good = subprocess.run(["git", "commit", "-m", "good"], cwd=target, env=env,
                          capture_output=True, text=True, timeout=900)  # fmt: skip
    assert good.returncode == 0, good.stdout + good.stderr
    hook_output = good.stdout + good.stderr  # git prints the hook's output on stderr
    assert "replylint (reply phrase quality)" in hook_output and "Passed" in hook_output

    (target / "macro.html").write_text(
        "<p>Dzień dobry {{ name }},</p>\n<p>nie czytała pani instrukcji?</p>\n", encoding="utf-8"
    )
    subprocess.run(["git", "add", "macro.html"], cwd=target, env=env, check=True)
    bad = subprocess.run(["git", "commit", "-m", "bad"], cwd=target, env=env,
                         capture_output=True, text=True, timeout=900)  # fmt: skip
    assert bad.returncode != 0
    hook_output = bad.stdout + bad.stderr
    assert "Failed" in hook_output
    assert "macro.html:2:4: error pl.condescending." in hook_output
    log = git(target, "log", "--format=%s").stdout.split()
    assert log == ["good"]  # the bad commit never happened
