"""Which rules run, at what severity: --select/--ignore and per-rule severity overrides.

Kept free of spaCy so that `replylint rules` and `explain` show the configured view instantly.
"""

from __future__ import annotations

from dataclasses import replace

from replylint.config import Config
from replylint.engine.packs import builtin_pack_files, load_rules, pack_files
from replylint.engine.rule import Rule


def selector_matches(selector: str, rule: Rule) -> bool:
    """A selector is a rule id, a category, a language, or a dotted id prefix."""
    return selector in (rule.id, rule.category, rule.lang) or rule.id.startswith(selector + ".")


def load_configured_rules(config: Config) -> list[Rule]:
    """Every rule of the built-in and configured packs (raises PackError on a broken pack)."""
    files = builtin_pack_files() if config.builtin_packs else []
    return load_rules([*files, *pack_files(config.packs)])


def configured_rules(rules: list[Rule], config: Config) -> list[Rule]:
    """Apply select, ignore and severity overrides; severity "off" disables a rule."""
    chosen = []
    for rule in rules:
        if config.select and not any(selector_matches(s, rule) for s in config.select):
            continue
        if any(selector_matches(s, rule) for s in config.ignore):
            continue
        severity = severity_override(rule, config)
        if severity == "off":
            continue
        chosen.append(replace(rule, severity=severity) if severity != rule.severity else rule)
    return chosen


def severity_override(rule: Rule, config: Config) -> str:
    """The most specific matching key wins: rule id over prefix over category or language."""
    best, best_len = rule.severity, -1
    for key, value in config.severity.items():
        if selector_matches(key, rule) and len(key) > best_len:
            best, best_len = value, len(key)
    return best
