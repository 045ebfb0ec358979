"""The validated-pack cache: reused only for byte-identical inputs, never required."""

from __future__ import annotations

from pathlib import Path

import pytest

from replylint.engine import packcache
from replylint.engine.packs import _parse_and_validate, load_rules

PACK = """\
lang: pl
category: condescending
rules:
  - id: pl.condescending.cache-probe
    severity: warning
    message: m
    suggestion: s
    patterns: ["<czytać> _{0,2} <instrukcja>"]
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(where))
    monkeypatch.delenv("REPLYLINT_NO_CACHE", raising=False)
    return where


class CountingLoader:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, files: list[Path]) -> list:
        self.calls += 1
        return _parse_and_validate(files)


def test_second_load_reuses_the_entry(pack: Path, cache: Path) -> None:
    loader = CountingLoader()
    first = packcache.cached_rules([pack], loader)
    second = packcache.cached_rules([pack], loader)
    assert loader.calls == 1
    assert second == first
    assert [r.id for r in second] == ["pl.condescending.cache-probe"]
    assert len(list(cache.glob("packs-*.pickle"))) == 1


def test_the_entry_carries_compiled_patterns(pack: Path, cache: Path, monkeypatch) -> None:
    from replylint.engine import patterns

    monkeypatch.setattr(patterns, "_PRECOMPILED", {})
    loader = CountingLoader()
    packcache.cached_rules([pack], loader)
    assert patterns._PRECOMPILED == {}  # a fresh load compiles as usual
    (rule,) = packcache.cached_rules([pack], loader)
    source = rule.patterns[0].source
    assert patterns._PRECOMPILED[source] == patterns._compile_expanded.__wrapped__(source)
    assert patterns.compile_pattern(source) is patterns._PRECOMPILED[source]


def test_an_edited_pack_is_loaded_afresh(pack: Path, cache: Path) -> None:
    loader = CountingLoader()
    packcache.cached_rules([pack], loader)
    pack.write_text(PACK.replace("severity: warning", "severity: error"), encoding="utf-8")
    rules = packcache.cached_rules([pack], loader)
    assert loader.calls == 2
    assert rules[0].severity == "error"


def test_a_corrupt_entry_is_rebuilt(pack: Path, cache: Path) -> None:
    loader = CountingLoader()
    packcache.cached_rules([pack], loader)
    (entry,) = cache.glob("packs-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert [r.id for r in packcache.cached_rules([pack], loader)] == [
        "pl.condescending.cache-probe"
    ]
    assert loader.calls == 2


def test_no_cache_writes_nothing(pack: Path, cache: Path, monkeypatch) -> None:
    monkeypatch.setenv("REPLYLINT_NO_CACHE", "1")
    loader = CountingLoader()
    packcache.cached_rules([pack], loader)
    packcache.cached_rules([pack], loader)
    assert loader.calls == 2
    assert not cache.exists()


def test_an_unwritable_cache_only_costs_time(pack: Path, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("REPLYLINT_NO_CACHE", raising=False)
    assert [r.id for r in load_rules([pack])] == ["pl.condescending.cache-probe"]


def test_old_entries_are_pruned(pack: Path, cache: Path) -> None:
    loader = CountingLoader()
    for severity in ("info", "warning", "error") * 4:
        pack.write_text(
            PACK.replace("severity: warning", f"severity: {severity}") + f"# {loader.calls}\n"
        )
        packcache.cached_rules([pack], loader)
    assert len(list(cache.glob("packs-*.pickle"))) <= packcache._KEEP
