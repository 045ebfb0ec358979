"""A cache of validated rule packs and their compiled patterns, so a cold `replylint check`
skips YAML parsing, pattern validation and pattern expansion (most of its start-up after
importing spaCy).

An entry is keyed by the bytes of every pack file and of the modules that parse and compile
packs, so an edited pack, a new pack or a changed pattern syntax never meets a stale entry.
The cache is an optimisation only: any failure to read or write it falls back to loading the
packs normally. `REPLYLINT_CACHE_DIR` moves it, `REPLYLINT_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

from replylint.engine.patterns import compile_pattern, preload_compiled
from replylint.engine.rule import PatternSpec, Rule

_FORMAT = b"replylint-packcache-2"
_KEEP = 8  # entries kept; older ones are pruned when a new one is written
_ENGINE_MODULES = ("packs.py", "patterns.py", "rule.py", "packcache.py")


def cache_dir() -> Path | None:
    """Where entries live, or None when caching is turned off."""
    if os.environ.get("REPLYLINT_NO_CACHE"):
        return None
    if os.environ.get("REPLYLINT_CACHE_DIR"):
        return Path(os.environ["REPLYLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "replylint"


def cached_rules(files: list[Path], load: Callable[[list[Path]], list[Rule]]) -> list[Rule]:
    """`load(files)`, or its result from an earlier run with byte-identical inputs."""
    where = cache_dir()
    key = _key(files) if where is not None else None
    if where is None or key is None:
        return load(files)
    entry = where / f"packs-{key}.pickle"
    try:
        rules, compiled = pickle.loads(entry.read_bytes())  # noqa: S301 - our own cache file
        if (
            isinstance(rules, list)
            and all(isinstance(rule, Rule) for rule in rules)
            and isinstance(compiled, dict)
        ):
            preload_compiled(compiled)
            return rules
    except Exception:  # noqa: BLE001, S110 - missing, truncated or foreign entry: rebuild it
        pass
    rules = load(files)
    _store(where, entry, (rules, _compiled(rules)))
    return rules


def _compiled(rules: list[Rule]) -> dict[str, list[list[dict]]]:
    """The Matcher patterns of every token pattern the rules use (already compiled, and
    memoised, by validation, so this costs lookups only)."""
    specs: list[PatternSpec] = []
    for rule in rules:
        specs.extend(rule.patterns)
        specs.extend(exception.pattern for exception in rule.exceptions)
    sources = {spec.source for spec in specs if spec.kind == "tokens"}
    sources.update(part for spec in specs if spec.kind == "all" for part in spec.parts)
    compiled = {}
    interned: dict[str, dict] = {}
    for source in sources:
        try:
            patterns = compile_pattern(source)
        except Exception:  # noqa: BLE001, S112 - leave it to the engine to compile (and report)
            continue
        # Expansions repeat the same token dicts many times over; one shared object per
        # distinct dict lets pickle store each once (a ~10x smaller entry, loaded ~10x faster).
        compiled[source] = [
            [interned.setdefault(repr(token), token) for token in pattern] for pattern in patterns
        ]
    return compiled


def _key(files: list[Path]) -> str | None:
    digest = hashlib.sha256(_FORMAT)
    engine = Path(__file__).parent
    try:
        for name in _ENGINE_MODULES:
            digest.update((engine / name).read_bytes())
        for path in files:
            data = path.read_bytes()
            digest.update(f"\0{path}\0{len(data)}\0".encode())
            digest.update(data)
    except OSError:
        return None  # let the normal loader report the unreadable file
    return digest.hexdigest()[:32]


def _store(where: Path, entry: Path, value: object) -> None:
    """Write atomically (a parallel run never reads half an entry) and keep the newest few."""
    tmp = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=".packs-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
        tmp = None
        old = sorted(where.glob("packs-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[_KEEP:]:
            stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass  # read-only or full disk: run uncached
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
