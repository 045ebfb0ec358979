"""Input adapters for `replylint check`: files, stdin, template formats and directory walks.

Every adapter yields a Source whose segments map back to exact file offsets; an unreadable
input becomes a Source with a one-line `path: problem` error and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from replylint.config import Config
from replylint.sources.base import Segment, Source
from replylint.sources.files import InputError, decode, read_bytes
from replylint.sources.html import text_nodes_only
from replylint.sources.markdown import prose_only
from replylint.sources.structured import StructuredError, json_segments, yaml_segments
from replylint.sources.templates import neutralise
from replylint.sources.walk import Excluder, walk

__all__ = ["Segment", "Source", "extract", "iter_sources", "read_source", "source_from_bytes"]

TEMPLATE_SUFFIXES = frozenset({".j2", ".jinja", ".jinja2", ".liquid", ".hbs", ".handlebars"})
_MARKUP: dict[str, tuple[str, Callable[[str], str]]] = {
    ".html": ("html", text_nodes_only),
    ".htm": ("html", text_nodes_only),
    ".md": ("markdown", prose_only),
    ".markdown": ("markdown", prose_only),
    ".txt": ("text", lambda text: text),
}
_STRUCTURED = {".yaml": yaml_segments, ".yml": yaml_segments, ".json": json_segments}
# Suffixes picked up when walking a directory (explicitly named files are always read).
WALKED_SUFFIXES = frozenset({*TEMPLATE_SUFFIXES, *_MARKUP, *_STRUCTURED})


def kind_of(name: str) -> tuple[str, str]:
    """(format suffix, template suffix or "") from a file name: `mail.html.j2` → (.html, .j2)."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    template = ""
    if suffixes and suffixes[-1] in TEMPLATE_SUFFIXES:
        template = suffixes.pop()
    return (suffixes[-1] if suffixes else ""), template


def extract(name: str, text: str, config: Config) -> tuple[str, list[Segment]]:
    """The format name and segments to lint for a file called `name` holding `text`."""
    suffix, template = kind_of(name)
    if suffix in _STRUCTURED:
        segments = _STRUCTURED[suffix](text, config.template_keys)
        for segment in segments:
            segment.text = neutralise(segment.text)
        return suffix.lstrip(".").replace("yml", "yaml"), segments
    kind, prose = _MARKUP.get(suffix, ("text", lambda t: t))
    if template:
        kind = f"{kind}+{template.lstrip('.')}"
    return kind, [Segment(prose(neutralise(text)))]


def source_from_bytes(data: bytes, display: str, name: str | None, config: Config) -> Source:
    """Build a Source from raw bytes; `name` (default `display`) picks the format."""
    try:
        text = decode(data, display)
        kind, segments = extract(name or display, text, config)
    except InputError as exc:
        return Source(display, error=str(exc))
    except StructuredError as exc:
        return Source(display, text=text, error=f"{display}:{exc}")
    return Source(display, text=text, segments=segments, kind=kind)


def read_source(path: Path, config: Config, display: str | None = None) -> Source:
    """Read and extract one file; problems come back as Source.error, never as exceptions."""
    display = display or str(path)
    try:
        data = read_bytes(path, display)
    except InputError as exc:
        return Source(display, error=str(exc))
    return source_from_bytes(data, display, path.name, config)


def iter_sources(
    paths: list[str], config: Config, read_stdin: Callable[[], bytes], stdin_name: str | None = None
) -> Iterator[Source]:
    """Sources for command-line arguments: files, directories (walked) and `-` for stdin."""
    base = Path(config.source).parent if config.source else Path.cwd()
    excluder = Excluder(config.exclude, base)
    for arg in paths:
        if arg == "-":
            yield source_from_bytes(read_stdin(), stdin_name or "<stdin>", stdin_name, config)
            continue
        path = Path(arg)
        if path.is_dir():
            found = False
            for file in walk(path, WALKED_SUFFIXES, excluder):
                found = True
                yield read_source(file, config)
            if not found:
                yield Source(arg, notes=["no files to check in this directory"])
            continue
        yield read_source(path, config, display=arg)
