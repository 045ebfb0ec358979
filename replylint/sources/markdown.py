"""Markdown macros: prose is linted; code, link targets, HTML tags and comments are blanked.

Markup characters (``**``, ``#``, ``>``) stay: they are punctuation to the tokenizer and keep
the text byte-for-byte aligned with the file.
"""

from __future__ import annotations

import re

from replylint.sources.base import Blanker

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_INLINE = re.compile(
    r"""
      (?P<code>(?P<ticks>`+).+?(?P=ticks))        # inline code
    | \]\((?P<target>[^)\s]*(?:\s+"[^"]*")?)\)  # link/image target after ](
    | <!--.*?-->                                # HTML comment
    | </?[A-Za-z][^<>\n]*>                      # inline HTML tag or autolink
    | ^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$          # reference definition
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE,
)


def prose_only(text: str) -> str:
    """`text` with code blocks, inline code, URLs and HTML blanked (same length and lines)."""
    blanker = Blanker(text)
    offset = 0
    fence: str | None = None
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            blanker.blank(offset, offset + len(line))
        elif fence is not None:
            blanker.blank(offset, offset + len(line))
            if line.strip().startswith(fence):
                fence = None
        offset += len(line)
    for match in _INLINE.finditer(text):
        if match.group("target") is not None:
            blanker.blank(match.start("target"), match.end("target"))
        else:
            blanker.blank(match.start(), match.end())
    return blanker.text()
