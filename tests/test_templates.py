"""The shipped templates folder: a Jinja e-mail, a Markdown macro, an HTML template and a YAML
macro collection. Findings must point at the real file line and column, through placeholders,
markup, YAML quoting and suppression comments; the SARIF report must validate."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from replylint.cli import main

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "examples" / "templates"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

# (file, line, column, matched text) of the Polish condescending findings, counted by hand.
EXPECTED_PL = [
    ("macros.yaml", 5, 57, "nie czytał pan instrukcji"),  # after a {{placeholder}} in quotes
    ("macros.yaml", 10, 18, "nie przeczytała regulaminu"),  # inside a `|` block scalar
    ("order-delayed.j2", 6, 87, "nie czytał pan instrukcji"),  # after two {{ }} on the line
    ("reset-password.md", 6, 1, "Nie czytała pani instrukcji"),  # not the one in the code block
]
# Russian findings: line only (the span is the rule's business); the slice must hold the verb.
EXPECTED_RU_LINES = [("macros.yaml", 13), ("ticket-closed.html", 10)]


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def findings() -> list[tuple[str, dict]]:
    code, out = _check("--format", "json", "--select", "condescending", str(TEMPLATES))
    assert code == 1
    return [(Path(e["path"]).name, f) for e in json.loads(out) for f in e["findings"]]


def test_every_finding_points_at_its_text_in_the_real_file(findings) -> None:
    assert findings
    for name, f in findings:
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        line = text.split("\n")[f["line"] - 1]
        assert line[f["column"] - 1 :].startswith(f["text"].split("\n")[0]), (name, f)
        assert text[f["start"] : f["end"]] == f["text"]


def test_polish_findings_at_exact_line_and_column(findings) -> None:
    got = {(name, f["line"], f["column"], f["text"]) for name, f in findings if f["lang"] == "pl"}
    assert got == set(EXPECTED_PL)


def test_russian_findings_on_the_right_lines(findings) -> None:
    got = {(name, f["line"]) for name, f in findings if f["lang"] == "ru"}
    assert got == set(EXPECTED_RU_LINES)
    for _name, f in findings:
        if f["lang"] == "ru":
            assert "читали" in f["text"] or "инструкци" in f["text"]


def test_markup_comments_attributes_and_code_are_not_linted(findings) -> None:
    lines = {(name, f["line"]) for name, f in findings}
    assert ("reset-password.md", 9) not in lines  # fenced code block
    assert ("reset-password.md", 13) not in lines  # suppressed by disable-next-line
    assert ("macros.yaml", 4) not in lines  # `tags` is not a template key
    assert not {("ticket-closed.html", n) for n in (5, 6, 11)} & lines  # title, style, comment


def test_sarif_report_validates_against_the_official_schema() -> None:
    code, out = _check("--format", "sarif", str(TEMPLATES))
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    regions = {
        (Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name,
         r["locations"][0]["physicalLocation"]["region"]["startLine"],
         r["locations"][0]["physicalLocation"]["region"]["startColumn"])
        for r in results
    }  # fmt: skip
    assert {(name, line, col) for name, line, col, _ in EXPECTED_PL} <= regions
    rule_ids = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in results)
