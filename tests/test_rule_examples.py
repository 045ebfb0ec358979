"""Every rule's own examples run as tests: each `bad` is flagged by that rule, each `good`
by no rule at all (LanguageTool's habit: untested exceptions are the commonest rule bug)."""

from __future__ import annotations

import pytest

from replylint import Linter

LINTER = Linter()
BAD = [(rule.id, text) for rule in LINTER.all_rules for text in rule.examples_bad]
GOOD = [(rule.id, text) for rule in LINTER.all_rules for text in rule.examples_good]


def test_every_rule_has_examples():
    for rule in LINTER.all_rules:
        assert rule.examples_bad, f"{rule.id} has no bad examples"
        assert rule.examples_good, f"{rule.id} has no good examples"


@pytest.mark.parametrize(
    ("rule_id", "text"), BAD, ids=[f"{r}:bad{i}" for i, (r, _) in enumerate(BAD)]
)
def test_bad_example_is_flagged_by_its_rule(rule_id: str, text: str):
    rule = next(r for r in LINTER.all_rules if r.id == rule_id)
    found = {f.rule_id for f in LINTER.lint(text, lang=rule.lang, keep_overlaps=True)}
    assert rule_id in found, f"{rule_id} missed its bad example {text!r} (found: {sorted(found)})"


@pytest.mark.parametrize(
    ("rule_id", "text"), GOOD, ids=[f"{r}:good{i}" for i, (r, _) in enumerate(GOOD)]
)
def test_good_example_is_not_flagged(rule_id: str, text: str):
    rule = next(r for r in LINTER.all_rules if r.id == rule_id)
    found = [(f.rule_id, f.text) for f in LINTER.lint(text, lang=rule.lang)]
    assert not found, f"good example of {rule_id} {text!r} was flagged: {found}"
