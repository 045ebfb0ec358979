"""YAML/JSON collections of helpdesk macros: lint the string values of configured keys.

Each value becomes its own Segment whose positions map to the exact line and column in the
file: YAML values are taken raw from the file (quotes, block headers and escapes blanked),
JSON strings are decoded with a per-character offset map (``\\u0105`` is one letter).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

import yaml

from replylint.sources.base import Blanker, Segment


class StructuredError(ValueError):
    """A YAML/JSON syntax problem, phrased as `line:col: problem`."""


# ----------------------------------------------------------------------------- YAML

_YAML_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_YAML_HEX = {"x": 2, "u": 4, "U": 8}


def yaml_segments(text: str, keys: list[str]) -> list[Segment]:
    """Segments for every string under one of `keys`, in every document of the stream."""
    try:
        documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{mark.line + 1}:{mark.column + 1}: " if mark else ""
        raise StructuredError(f"{where}invalid YAML: {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise StructuredError(f"invalid YAML: {exc}") from exc
    wanted = set(keys)
    segments = []
    for document in documents:
        for node in _yaml_values(document, wanted, selected=False):
            segments.append(_yaml_segment(text, node))
    return segments


def _yaml_values(node: yaml.Node | None, keys: set[str], selected: bool) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.ScalarNode):
        if selected and node.tag == "tag:yaml.org,2002:str":
            yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _yaml_values(item, keys, selected)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            is_key = isinstance(key, yaml.ScalarNode) and key.value in keys
            yield from _yaml_values(value, keys, selected or is_key)


def _yaml_segment(text: str, node: yaml.ScalarNode) -> Segment:
    start, end = node.start_mark.index, node.end_mark.index
    if node.style == '"':
        return _decode_yaml_double(text, start + 1, end - 1)
    raw = text[start:end]
    blanker = Blanker(raw)
    if node.style == "'":
        blanker.blank(0, 1)
        blanker.blank(len(raw) - 1, len(raw))
    elif node.style in ("|", ">"):
        header_end = raw.find("\n")
        blanker.blank(0, header_end if header_end >= 0 else len(raw))
    return Segment(blanker.text(), start=start)


def _decode_with_offsets(
    text: str, start: int, end: int, escape: Callable[[str, int], tuple[str, int]]
) -> Segment:
    """Decode a quoted string body text[start:end], keeping each character's file offset.
    `escape(text, i)` reads the escape at text[i] == "\\" and returns (decoded, width);
    an empty `decoded` consumes the escape without producing a character."""
    chars: list[str] = []
    offsets: list[int] = []
    i = start
    while i < end:
        if text[i] != "\\":
            chars.append(text[i])
            offsets.append(i)
            i += 1
            continue
        decoded, width = escape(text, i)
        if decoded:
            chars.append(decoded)
            offsets.append(i)
        i += width
    offsets.append(end)
    return Segment("".join(chars), start=start, offsets=offsets)


def _yaml_escape(text: str, i: int) -> tuple[str, int]:
    kind = text[i + 1]
    if kind in _YAML_HEX:
        width = 2 + _YAML_HEX[kind]
        return chr(int(text[i + 2 : i + width], 16)), width
    if kind in "\r\n":  # escaped line break: the line continues without a space
        return "", 2
    return _YAML_ESCAPES[kind], 2


def _decode_yaml_double(text: str, start: int, end: int) -> Segment:
    """Decode escapes of a double-quoted YAML body with an offset map; raw line breaks and
    indentation are kept (whitespace to the linter), so no folding logic is needed."""
    return _decode_with_offsets(text, start, end, _yaml_escape)


# ----------------------------------------------------------------------------- JSON

_SIMPLE_ESCAPES = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}
_WS = re.compile(r"[ \t\n\r]*")


def json_segments(text: str, keys: list[str]) -> list[Segment]:
    """Segments for every string under one of `keys` (the document is validated first)."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise StructuredError(f"{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from exc
    except RecursionError as exc:
        raise StructuredError("invalid JSON: nested too deeply") from exc
    segments: list[Segment] = []
    _JsonWalker(text, set(keys), segments).value(0, selected=False)
    return segments


class _JsonWalker:
    """Walks a document already known to be valid JSON, recording string positions."""

    def __init__(self, text: str, keys: set[str], out: list[Segment]) -> None:
        self.text, self.keys, self.out = text, keys, out
        self._decoder = json.JSONDecoder()

    def ws(self, i: int) -> int:
        return _WS.match(self.text, i).end()  # type: ignore[union-attr]

    def value(self, i: int, selected: bool) -> int:
        text = self.text
        i = self.ws(i)
        ch = text[i]
        if ch == "{":
            i = self.ws(i + 1)
            if text[i] == "}":
                return i + 1
            while True:
                key, i = json.decoder.scanstring(text, self.ws(i) + 1)
                i = self.ws(i) + 1  # the colon
                i = self.ws(self.value(i, selected or key in self.keys))
                if text[i] == "}":
                    return i + 1
                i += 1  # the comma
        if ch == "[":
            i = self.ws(i + 1)
            if text[i] == "]":
                return i + 1
            while True:
                i = self.ws(self.value(i, selected))
                if text[i] == "]":
                    return i + 1
                i += 1
        if ch == '"':
            _, end = json.decoder.scanstring(text, i + 1)
            if selected:
                self.out.append(decode_json_string(text, i + 1, end - 1))
            return end
        _, end = self._decoder.raw_decode(text, i)
        return end


def _json_escape(text: str, i: int) -> tuple[str, int]:
    kind = text[i + 1]
    if kind != "u":
        return _SIMPLE_ESCAPES[kind], 2
    code = int(text[i + 2 : i + 6], 16)
    if 0xD800 <= code < 0xDC00 and text[i + 6 : i + 8] == "\\u":
        low = int(text[i + 8 : i + 12], 16)
        if 0xDC00 <= low < 0xE000:
            return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 12
    return chr(code), 6


def decode_json_string(text: str, start: int, end: int) -> Segment:
    """Decode the raw JSON string body text[start:end], keeping each character's file offset."""
    return _decode_with_offsets(text, start, end, _json_escape)
