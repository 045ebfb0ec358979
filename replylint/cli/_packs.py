"""Rule loading for commands that only read rules (`rules`, `explain`): no spaCy import,
so they answer instantly."""

from __future__ import annotations

import sys

import click

from replylint.config import ConfigError, load_config
from replylint.engine.packs import PackError
from replylint.engine.rule import Rule
from replylint.engine.selection import configured_rules, load_configured_rules


def rules_from_config(config_path: str | None, include_disabled: bool = False) -> list[Rule]:
    """The configured rules (select/ignore/severity applied); errors exit 2 in one line.

    With `include_disabled`, rules the config turns off follow, as written in their pack
    (so `explain` can still describe them)."""
    try:
        config = load_config(config_path)
        every = load_configured_rules(config)
        chosen = configured_rules(every, config)
        if include_disabled:
            enabled = {r.id for r in chosen}
            chosen += [r for r in every if r.id not in enabled]
        return chosen
    except (ConfigError, PackError) as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
