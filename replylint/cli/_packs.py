"""Rule loading for commands that only read rules (`rules`, `explain`): no spaCy import,
so they answer instantly."""

from __future__ import annotations

import sys

import click

from replylint.config import ConfigError, load_config
from replylint.engine.packs import PackError, builtin_pack_files, load_rules, pack_files
from replylint.engine.rule import Rule


def rules_from_config(config_path: str | None) -> list[Rule]:
    """Every rule of the built-in and configured packs; config/pack errors exit 2 in one line."""
    try:
        config = load_config(config_path)
        files = builtin_pack_files() if config.builtin_packs else []
        return load_rules([*files, *pack_files(config.packs)])
    except (ConfigError, PackError) as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
