"""Shared fixtures: one Linter per session (building pipelines is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from replylint import Linter

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter()
