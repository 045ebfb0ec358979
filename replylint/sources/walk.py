"""Find the files to check under a directory, honouring .gitignore files and `exclude` globs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pathspec

_VCS_DIRS = frozenset({".git", ".hg", ".svn"})


def _load_gitignore(directory: Path) -> pathspec.GitIgnoreSpec | None:
    path = directory / ".gitignore"
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ancestor_specs(root: Path) -> list[tuple[Path, pathspec.GitIgnoreSpec]]:
    """.gitignore files above `root`, up to the repository top (the directory holding .git)."""
    specs = []
    for directory in root.parents:
        spec = _load_gitignore(directory)
        if spec is not None:
            specs.append((directory, spec))
        if (directory / ".git").exists():
            break
    else:
        return []  # not inside a repository: outer .gitignore files do not apply
    return list(reversed(specs))


class Excluder:
    """Decides whether a path is ignored: `exclude` globs (gitignore syntax, relative to
    `base`) first, then the nearest .gitignore with an opinion, as git does."""

    def __init__(self, exclude: list[str], base: Path) -> None:
        self._exclude = pathspec.GitIgnoreSpec.from_lines(exclude) if exclude else None
        self._base = base.resolve()

    def excluded(self, path: Path, is_dir: bool) -> bool:
        if self._exclude is None:
            return False
        resolved = path.resolve()
        try:
            rel = resolved.relative_to(self._base).as_posix()
        except ValueError:
            rel = path.as_posix().lstrip("/")
        return self._exclude.match_file(rel + "/" if is_dir else rel)

    @staticmethod
    def ignored(path: Path, is_dir: bool, specs: list[tuple[Path, pathspec.GitIgnoreSpec]]) -> bool:
        verdict = False
        for base, spec in specs:
            try:
                rel = path.relative_to(base).as_posix()
            except ValueError:
                continue
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                verdict = result.include
        return verdict


def walk(root: Path, suffixes: frozenset[str], excluder: Excluder) -> Iterator[Path]:
    """Files under `root` with a known suffix, sorted, skipping ignored files and folders."""
    root_abs = root.resolve()
    inherited = _ancestor_specs(root_abs)
    specs_by_dir: dict[str, list[tuple[Path, pathspec.GitIgnoreSpec]]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        here_abs = here.resolve()
        parent_specs = specs_by_dir.get(os.path.dirname(dirpath), inherited)
        own = _load_gitignore(here)
        specs = [*parent_specs, (here_abs, own)] if own is not None else parent_specs
        specs_by_dir[dirpath] = specs
        kept = []
        for name in sorted(dirnames):
            child = here / name
            if name in _VCS_DIRS or excluder.excluded(child, True):
                continue
            if Excluder.ignored(here_abs / name, True, specs):
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            child = here / name
            if not _has_suffix(name, suffixes):
                continue
            if excluder.excluded(child, False) or Excluder.ignored(here_abs / name, False, specs):
                continue
            yield child


def _has_suffix(name: str, suffixes: frozenset[str]) -> bool:
    return Path(name).suffix.lower() in suffixes
