"""Inline suppression directives, in any comment syntax or on a bare line.

    replylint: disable-next-line pl.condescending.didnt-read-manual
    replylint: disable-line vague_promise            (on the line itself)
    replylint: disable condescending, internal_systems
    ...
    replylint: enable

A directive names rule ids, id prefixes (``pl.vague_promise``) or categories; with none it
covers every rule. Text after ``--`` is a free-form reason. Directives that silence nothing
can be reported, so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from replylint.findings import Finding, LineIndex

UNUSED_RULE_ID = "replylint.unused-suppression"

_DIRECTIVE = re.compile(
    r"replylint:[ \t]*(?P<action>disable-next-line|disable-line|disable|enable)\b"
    r"(?P<rules>(?:[ \t]*,?[ \t]*[A-Za-z_][\w.\-]*)*)"
)
_SELECTOR = re.compile(r"[A-Za-z_][\w.\-]*")


def selector_matches(selector: str, rule_id: str, category: str) -> bool:
    """A rule id, an id prefix at a dot boundary, a category, or `all`."""
    return (
        selector in ("all", rule_id, category)
        or rule_id.startswith(selector + ".")
        or rule_id.startswith(selector.rstrip(".") + ".")
    )


@dataclass
class Directive:
    action: str
    selectors: tuple[str, ...]
    start: int
    end: int
    line: int
    column: int
    first_line: int = 0  # lines covered, inclusive
    last_line: int = 0
    used: bool = False

    @property
    def source(self) -> str:
        return f"replylint: {self.action} {', '.join(self.selectors)}".rstrip()

    def covers(self, finding: Finding) -> bool:
        if not self.first_line <= finding.line <= self.last_line:
            return False
        return not self.selectors or any(
            selector_matches(s, finding.rule_id, finding.category) for s in self.selectors
        )


@dataclass
class Suppressions:
    """The directives of one file and which findings they silence."""

    text: str
    directives: list[Directive] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str) -> Suppressions:
        if "replylint:" not in text:  # the common case costs one substring search
            return cls(text)
        index = LineIndex(text)
        last_line = text.count("\n") + 1
        directives: list[Directive] = []
        open_blocks: list[Directive] = []
        for match in _DIRECTIVE.finditer(text):
            line, column = index.position(match.start())
            selectors = tuple(_SELECTOR.findall(match.group("rules")))
            directive = Directive(
                match.group("action"), selectors, match.start(), match.end(), line, column
            )
            if directive.action == "disable-next-line":
                directive.first_line = directive.last_line = line + 1
            elif directive.action == "disable-line":
                directive.first_line = directive.last_line = line
            elif directive.action == "disable":
                directive.first_line, directive.last_line = line, last_line
                open_blocks.append(directive)
            else:  # enable: closes the open blocks it names (all of them when it names none)
                for block in list(open_blocks):
                    if not selectors or set(block.selectors) & set(selectors):
                        block.last_line = line
                        open_blocks.remove(block)
                continue
            directives.append(directive)
        return cls(text, directives)

    def spans(self) -> list[tuple[int, int]]:
        """Where the directives are, so they can be blanked before linting."""
        return [(d.start, d.end) for d in self.directives]

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings no directive covers; covering directives are marked used."""
        kept = []
        for finding in findings:
            covering = [d for d in self.directives if d.covers(finding)]
            for directive in covering:
                directive.used = True
            if not covering:
                kept.append(finding)
        return kept

    def unused(self, known_rules: Iterable[tuple[str, str]] = ()) -> list[Finding]:
        """Findings for directives that silenced nothing or name no known rule."""
        known = list(known_rules)
        out = []
        for directive in self.directives:
            unknown = [
                s for s in directive.selectors
                if known and not any(selector_matches(s, rid, cat) for rid, cat in known)
            ]  # fmt: skip
            if directive.used and not unknown:
                continue
            if unknown:
                message = f"suppression names no known rule or category: {', '.join(unknown)}"
            else:
                message = f"unused suppression: '{directive.source}' silences no finding"
            out.append(
                Finding(
                    rule_id=UNUSED_RULE_ID,
                    category="suppression",
                    severity="warning",
                    message=message,
                    suggestion="Remove the directive or correct the rule id.",
                    start=directive.start,
                    end=directive.end,
                    line=directive.line,
                    column=directive.column,
                    text=self.text[directive.start : directive.end],
                )
            )
        return out
