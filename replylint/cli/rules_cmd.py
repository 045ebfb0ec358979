"""`replylint rules`: list the rules that can fire, filterable by language, category and the
same selectors `check --select` takes (so a config or CI line can be previewed)."""

from __future__ import annotations

import json

import click

from replylint.cli._packs import rules_from_config
from replylint.cli.check import split_selectors
from replylint.engine.rule import CATEGORIES
from replylint.engine.selection import selector_matches


@click.command()
@click.option("--lang", type=click.Choice(["pl", "ru"]), default=None, help="Only this language.")
@click.option("--category", type=click.Choice(CATEGORIES), default=None, help="Only this category.")
@click.option(
    "--select",
    multiple=True,
    metavar="SELECTORS",
    help="Only rules matching these ids, id prefixes, categories or languages (comma-separated).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_path", default=None, metavar="FILE", help="Config file.")
def rules(
    lang: str | None,
    category: str | None,
    select: tuple[str, ...],
    fmt: str,
    config_path: str | None,
) -> None:
    """List rules: id, severity and message (as defined in the packs)."""
    selectors = split_selectors(select) or []
    chosen = [
        r
        for r in rules_from_config(config_path)
        if (lang is None or r.lang == lang)
        and (category is None or r.category == category)
        and (not selectors or any(selector_matches(s, r) for s in selectors))
    ]
    chosen.sort(key=lambda r: (r.lang, r.category, r.id))
    if fmt == "json":
        payload = [
            {
                "id": r.id,
                "lang": r.lang,
                "category": r.category,
                "severity": r.severity,
                "message": r.message,
                "suggestion": r.suggestion,
                "link": r.link,
            }
            for r in chosen
        ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not chosen:
        click.echo("No rules match.", err=True)
        return
    width = max(len(r.id) for r in chosen)
    for r in chosen:
        click.echo(f"{r.id:<{width}}  {r.severity:<7}  {r.message}")
    click.echo(f"\n{len(chosen)} rule{'s' if len(chosen) != 1 else ''}.", err=True)
