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

# (file, line, column, word): a word each finding must cover, located by hand in the file.
# The rules decide how far a span reaches; the adapters decide where it is, which is tested here.
EXPECTED = [
    ("macros.yaml", 5, 61, "czytał"),  # after a {{placeholder}} inside a quoted YAML string
    ("macros.yaml", 10, 22, "przeczytała"),  # inside a `|` block scalar
    ("macros.yaml", 14, 29, "читали"),  # inside a `>` folded scalar, after a %s placeholder
    ("order-delayed.j2", 6, 91, "czytał"),  # after two {{ }} tags on the same line
    ("reset-password.md", 6, 5, "czytała"),  # and not the copy in the fenced code block
    ("ticket-closed.html", 10, 107, "читали"),  # the text node, not the title="" attribute
]


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


def test_findings_cover_the_expected_words_at_exact_line_and_column(findings) -> None:
    for name, line, column, word in EXPECTED:
        covering = [
            f
            for n, f in findings
            if n == name
            and f["line"] == line
            and f["column"] <= column
            and column + len(word) <= f["column"] + len(f["text"])
        ]
        assert covering, f"no finding covers {word!r} at {name}:{line}:{column}"
        text = (TEMPLATES / name).read_text(encoding="utf-8").split("\n")[line - 1]
        assert text[column - 1 : column - 1 + len(word)] == word


def test_no_findings_outside_the_expected_lines(findings) -> None:
    assert {(name, f["line"]) for name, f in findings} == {(n, ln) for n, ln, _, _ in EXPECTED}


def test_markup_comments_attributes_and_code_are_not_linted(findings) -> None:
    lines = {(name, f["line"]) for name, f in findings}
    assert ("reset-password.md", 9) not in lines  # fenced code block
    assert ("reset-password.md", 13) not in lines  # suppressed by disable-next-line
    assert ("macros.yaml", 4) not in lines  # `tags` is not a template key
    assert not {("ticket-closed.html", n) for n in (5, 6, 11)} & lines  # title, style, comment


def test_sarif_report_validates_against_the_official_schema(findings) -> None:
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
    assert {(name, f["line"], f["column"]) for name, f in findings} <= regions
    rule_ids = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in results)
