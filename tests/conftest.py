"""Shared fixtures: one Linter per session (building pipelines is the slow part)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from replylint import Linter

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session", autouse=True)
def _private_pack_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests (and the CLI processes they start) keep their pack cache out of the user's home."""
    os.environ["REPLYLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("packcache"))


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter()
