"""SARIF, GitHub and JUnit reporters on hand-made results (the CLI tests cover real runs)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

from replylint.findings import Finding, SourceResult
from replylint.reporters import render

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
TEXT = "Dzień dobry,\nnie czytał pan instrukcji?\n"


def results() -> list[SourceResult]:
    start = TEXT.index("nie")
    end = TEXT.index("?")
    finding = Finding("pl.condescending.didnt-read-manual", "condescending", "error",
                      "Brzmi jak zarzut: 50%, a, b", "Wskaż stronę:\ninstrukcji", start, end, 2,
                      1, TEXT[start:end], "pl")  # fmt: skip
    note = Finding("pl.vague_promise.soon", "vague_promise", "info", "Kiedy?", "Podaj datę.",
                   0, 5, 1, 1, TEXT[0:5], "pl")  # fmt: skip
    return [
        SourceResult("replies/a, b.txt", TEXT, [finding, note]),
        SourceResult("clean.txt", "Dzień dobry", []),
        SourceResult("gone.txt", error="gone.txt: no such file or directory"),
    ]


def test_sarif_validates_and_reports_unreadable_inputs() -> None:
    log = json.loads(render("sarif", results()))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    run = log["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "note"]
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
        2, 1, 2, 26)  # fmt: skip
    assert run["columnKind"] == "unicodeCodePoints"
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["message"]["text"] == "gone.txt: no such file or directory"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_github_workflow_commands_escape_properties_and_data() -> None:
    lines = render("github", results()).splitlines()
    assert lines[0] == (
        "::error file=replies/a%2C b.txt,line=2,col=1,endLine=2,endColumn=26,"
        "title=pl.condescending.didnt-read-manual::Brzmi jak zarzut: 50%25, a, b%0A"
        "Suggestion: Wskaż stronę:%0Ainstrukcji"
    )
    assert lines[1].startswith("::notice file=replies/a%2C b.txt,line=1,col=1,")
    assert lines[2] == "::error file=gone.txt,title=replylint::gone.txt: no such file or directory"


def test_junit_has_one_case_per_finding_and_clean_file() -> None:
    root = ET.fromstring(render("junit", results()).encode("utf-8"))
    suite = root.find("testsuite")
    assert suite.get("tests") == "4" and suite.get("failures") == "2" and suite.get("errors") == "1"
    cases = suite.findall("testcase")
    assert cases[0].get("name") == "pl.condescending.didnt-read-manual at 2:1"
    assert cases[0].find("failure").get("type") == "error"
    assert cases[2].get("classname") == "clean.txt" and not list(cases[2])
    assert cases[3].find("error").get("message") == "gone.txt: no such file or directory"
