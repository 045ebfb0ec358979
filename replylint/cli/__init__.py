"""`replylint` command group.

Subcommands live in their own modules and are imported only when invoked, so that
`replylint hook` talking to a warm server never pays for importing spaCy.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

# name -> "module:function"; each module defines one click command.
SUBCOMMANDS: dict[str, str] = {
    "check": "replylint.cli.check:check",
    "rules": "replylint.cli.rules_cmd:rules",
    "explain": "replylint.cli.explain:explain",
    "eval": "replylint.cli.eval_cmd:eval_cmd",
    "hook": "replylint.cli.hook:hook",
    "serve": "replylint.cli.serve:serve",
    "audit": "replylint.cli.audit:audit",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in SUBCOMMANDS if self._module_exists(name))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        return getattr(module, attr)

    @staticmethod
    def _module_exists(name: str) -> bool:
        module_name = SUBCOMMANDS[name].split(":")[0]
        return importlib.util.find_spec(module_name) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="replylint")
def main() -> None:
    """Phrase-quality linter for Polish and Russian customer-support replies."""
