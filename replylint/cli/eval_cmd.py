"""`replylint eval`: precision/recall per language and category on a labelled corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from replylint.config import ConfigError, load_config


@click.command("eval")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--show", is_flag=True, help="List misses and false alarms with the rule that fired.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Config file.")
@click.option("--min-precision", type=float, help="Exit 1 if any category is below this precision.")
@click.option("--min-recall", type=float, help="Exit 1 if any category is below this recall.")
def eval_cmd(corpora, show, fmt, config_path, min_precision, min_recall) -> None:
    """Score the rules against labelled CORPORA (JSON Lines: id, text, labels, spans)."""
    from replylint.engine.packs import PackError
    from replylint.evaluation import CorpusError, evaluate, read_corpus, table, to_json
    from replylint.evaluation import show as show_mistakes
    from replylint.linter import Linter

    try:
        linter = Linter(load_config(config_path))
    except (ConfigError, PackError) as exc:
        click.echo(f"replylint: {exc}", err=True)
        sys.exit(2)
    records = []
    for path in corpora:
        try:
            records.extend(read_corpus(path))
        except OSError as exc:
            click.echo(f"replylint: {path}: cannot read: {exc.strerror}", err=True)
            sys.exit(2)
        except CorpusError as exc:
            click.echo(f"replylint: {exc}", err=True)
            sys.exit(2)
    findings = [linter.lint(r.text, r.lang if r.lang in ("pl", "ru") else None) for r in records]
    result = evaluate(records, findings)
    if fmt == "json":
        click.echo(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    else:
        if show:
            click.echo(show_mistakes(result))
            click.echo()
        click.echo(table(result))
    below = [
        key
        for key, s in result.scores.items()
        if (min_precision is not None and s.precision < min_precision)
        or (min_recall is not None and s.recall < min_recall)
    ]
    sys.exit(1 if below else 0)
