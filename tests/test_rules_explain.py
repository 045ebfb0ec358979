"""`replylint rules` and `replylint explain` read the packs without loading NLP pipelines."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from replylint.cli import main
from replylint.engine.packs import builtin_pack_files, load_rules

RULES = load_rules(builtin_pack_files())


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_rules_lists_every_builtin_rule_with_severity_and_message() -> None:
    result = invoke("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(RULES)
    for rule in RULES:
        line = next(line for line in lines if line.split()[0] == rule.id)
        assert line.split()[1] == rule.severity and line.endswith(rule.message)


def test_rules_filters_by_language_and_category() -> None:
    payload = json.loads(invoke("rules", "--lang", "pl", "--category", "condescending",
                                "--format", "json").stdout)  # fmt: skip
    expected = {r.id for r in RULES if r.lang == "pl" and r.category == "condescending"}
    assert {r["id"] for r in payload} == expected and expected
    ru = json.loads(invoke("rules", "--lang", "ru", "--format", "json").stdout)
    assert all(r["lang"] == "ru" for r in ru)
    assert invoke("rules", "--category", "rude").exit_code == 2


def test_rules_select_takes_the_selectors_check_takes() -> None:
    some = sorted(r.id for r in RULES if r.lang == "ru" and r.category == "vague_promise")[:2]
    payload = json.loads(invoke("rules", "--select", ",".join(some), "--format", "json").stdout)
    assert [r["id"] for r in payload] == some
    prefix = json.loads(
        invoke("rules", "--select", "pl.internal_systems", "--format", "json").stdout
    )
    expected = {r.id for r in RULES if r.id.startswith("pl.internal_systems.")}
    assert {r["id"] for r in prefix} == expected and expected
    result = invoke("rules", "--select", "pl.no-such-rule")
    assert result.exit_code == 0 and result.stdout == "" and "No rules match" in result.stderr


def test_explain_prints_message_suggestion_and_examples() -> None:
    rule = RULES[0]
    result = invoke("explain", rule.id)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith(f"{rule.id}  ({rule.severity}, {rule.category}, {rule.lang})")
    assert rule.message in out and rule.suggestion in out
    for example in (*rule.examples_bad, *rule.examples_good):
        assert example in out
    assert f"{Path(rule.source).name}:{rule.line}" in out


def test_explain_unknown_rule_suggests_close_ids() -> None:
    rule = RULES[0]
    result = invoke("explain", rule.id[:-2])
    assert result.exit_code == 2
    assert f"did you mean {rule.id}" in result.stderr


def test_rules_reports_broken_user_pack(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("lang: pl\nrules: [\n")
    (tmp_path / "cfg.toml").write_text(f'packs = ["{tmp_path / "bad.yaml"}"]\n')
    result = invoke("rules", "--config", str(tmp_path / "cfg.toml"))
    assert result.exit_code == 2 and "bad.yaml:" in result.stderr
