"""HTML templates: only text nodes are linted; tags, attributes, comments, scripts and styles
are blanked in place, so a finding's line and column are those of the real file."""

from __future__ import annotations

from html.parser import HTMLParser

from replylint.sources.base import blank_str

_SKIP_CONTENT = frozenset({"script", "style", "template", "code", "pre"})


class _TextNodes(HTMLParser):
    """Collects (offset, raw text) of every text node outside script/style/code."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)  # keep data as the exact raw slice
        self._line_starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self._line_starts.append(i + 1)
        self._skip_depth = 0
        self.nodes: list[tuple[int, str]] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_CONTENT:
            self._skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_CONTENT and self._skip_depth:
            self._skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip_depth and data.strip():
            self.nodes.append((self._offset(), data))


def text_nodes_only(text: str) -> str:
    """`text` with everything but HTML text nodes blanked (same length, same lines)."""
    parser = _TextNodes(text)
    parser.feed(text)
    parser.close()
    out = list(blank_str(text))
    for offset, data in parser.nodes:
        out[offset : offset + len(data)] = data
    return "".join(out)
