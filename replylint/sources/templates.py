"""Neutralise template syntax (Jinja, Liquid, Handlebars, printf/format placeholders).

Each tag is replaced by spaces of the same length, so "Dzień dobry {{ name }}," is linted as
"Dzień dobry          ," and every finding still points at the real line and column.
"""

from __future__ import annotations

import re

from replylint.sources.base import Blanker

# Block tags and comments of Jinja/Liquid/Handlebars; comments' bodies are never linted.
_TEMPLATE_TAGS = re.compile(
    r"""
      \{\{!--.*?--\}\}                                   # handlebars long comment
    | \{\{\{.*?\}\}\}                                    # handlebars raw output
    | \{\{.*?\}\}                                        # output, {{#if}}, {{! }}
    | \{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}  # liquid comment block
    | \{%.*?%\}                                          # jinja/liquid statements
    | \{\#.*?\#\}                                        # jinja comments
    """,
    re.DOTALL | re.VERBOSE,
)

# Placeholders that may appear in any reply text, templated or not.
_PLACEHOLDERS = re.compile(
    r"""
      \$\{[^{}\n]+\}              # ${name}
    | \{[A-Za-z_][\w.\-]*\}       # {name}, {customer.name}
    | \{\d*\}                     # {0}, {}
    | %\([A-Za-z_]\w*\)[sdif]     # %(name)s
    | %[sdif](?![\w])             # %s, %d
    | \[\[[^\[\]\n]+\]\]          # [[name]]
    """,
    re.VERBOSE,
)


def neutralise(text: str, template_tags: bool = True) -> str:
    """Blank placeholders (and, with `template_tags`, Jinja/Liquid/Handlebars tags)."""
    blanker = Blanker(text)
    if template_tags:
        for match in _TEMPLATE_TAGS.finditer(text):
            blanker.blank(match.start(), match.end())
    for match in _PLACEHOLDERS.finditer(text):
        blanker.blank(match.start(), match.end())
    return blanker.text()
