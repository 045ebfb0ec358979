"""The in-memory form of one rule from a pack (the YAML is validated into this)."""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = ("condescending", "blaming_colleagues", "vague_promise", "internal_systems")


@dataclass(frozen=True)
class PatternSpec:
    """One pattern as written in the pack: token syntax, a raw regex, or `all` of several
    token patterns anywhere in one sentence, in any order."""

    source: str
    kind: str = "tokens"  # "tokens" | "regex" | "all"
    line: int = 0
    parts: tuple[str, ...] = ()  # for kind "all": the token patterns that must all match


@dataclass(frozen=True)
class ExceptionSpec:
    """An antipattern: where it matches (within `scope`), the rule's hit is dropped or,
    when `severity` is set, downgraded to it."""

    pattern: PatternSpec
    scope: str = "match"  # "match" (overlaps the hit) | "sentence" | "text"
    severity: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    lang: str
    category: str
    severity: str
    message: str
    suggestion: str
    patterns: tuple[PatternSpec, ...]
    exceptions: tuple[ExceptionSpec, ...] = ()
    explanation: str = ""
    link: str = ""
    examples_bad: tuple[str, ...] = ()
    examples_good: tuple[str, ...] = ()
    source: str = ""  # pack file path
    line: int = 0  # line of the rule in the pack
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def examples(self) -> dict[str, list[str]]:
        return {"bad": list(self.examples_bad), "good": list(self.examples_good)}
