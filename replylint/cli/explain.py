"""`replylint explain RULE_ID`: everything a reader needs to understand and fix a finding."""

from __future__ import annotations

import difflib
import sys

import click

from replylint.cli._packs import rules_from_config
from replylint.engine.rule import Rule


def format_rule(rule: Rule) -> str:
    """ruff's shape: what it flags, why it hurts, example, use instead."""
    out = [f"{rule.id}  ({rule.severity}, {rule.category}, {rule.lang})", ""]
    out += ["What it flags / why it hurts:", f"  {rule.message}"]
    if rule.explanation:
        out += ["", *(f"  {line}" for line in rule.explanation.strip().splitlines())]
    out += ["", "Use instead:", f"  {rule.suggestion}"]
    if rule.examples_bad:
        out += ["", "Flagged:", *(f"  ✗ {text}" for text in rule.examples_bad)]
    if rule.examples_good:
        out += ["", "Fine:", *(f"  ✓ {text}" for text in rule.examples_good)]
    if rule.link:
        out += ["", f"More: {rule.link}"]
    if rule.source:
        out += ["", f"Defined in {rule.source}:{rule.line}"]
    return "\n".join(out)


@click.command()
@click.argument("rule_id")
@click.option("--config", "config_path", default=None, metavar="FILE", help="Config file.")
def explain(rule_id: str, config_path: str | None) -> None:
    """Explain a rule: message, explanation, suggestion, link and examples."""
    rules = {r.id: r for r in rules_from_config(config_path, include_disabled=True)}
    rule = rules.get(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, list(rules), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `replylint rules`"
        click.echo(f"unknown rule '{rule_id}'{hint}", err=True)
        sys.exit(2)
    click.echo(format_rule(rule))
