"""Rule packs: validation errors name file and line; user packs, select/ignore, severities."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from replylint import Config, Linter
from replylint.engine.packs import PackError, builtin_pack_files, load_rules

GOOD_PACK = """\
lang: pl
category: vague_promise
define:
  SOMETHING: "coś|cokolwiek"
rules:
  - id: pl.vague_promise.try-something
    severity: warning
    message: Obietnica bez konkretu.
    suggestion: Podaj działanie i termin.
    patterns:
      - "<postarać> się ( <zrobić> $SOMETHING | $SOMETHING <zrobić> )"
    exceptions:
      - pattern: "do <piątek>"
        scope: sentence
        severity: info
    examples:
      bad: ["Postaramy się coś zrobić."]
      good: ["Wyślemy fakturę jutro."]
"""


def _write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_builtin_packs_ship_inside_the_package():
    files = builtin_pack_files()
    assert files and all(f.suffix == ".yaml" for f in files)
    assert any(f.parent.name == "pl" for f in files)


def test_user_pack_loads_and_matches_inflected_forms(tmp_path):
    pack = _write(tmp_path, GOOD_PACK)
    linter = Linter(Config(packs=[str(pack)], builtin_packs=False))
    assert [r.id for r in linter.rules] == ["pl.vague_promise.try-something"]
    for text in [
        "Postaram się coś zrobić",
        "postaracie sie cos zrobic",
        "Postarała się coś zrobić",
    ]:
        assert linter.lint(text, lang="pl"), text


def test_exception_downgrades_severity_in_the_same_sentence(tmp_path):
    linter = Linter(Config(packs=[str(_write(tmp_path, GOOD_PACK))], builtin_packs=False))
    [hit] = linter.lint("Postaramy się coś zrobić do piątku.", lang="pl")
    assert hit.severity == "info"
    [hit] = linter.lint("Postaramy się coś zrobić. Do piątku mam urlop.", lang="pl")
    assert hit.severity == "warning"


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda s: s.replace(
                "    severity: warning\n", "    severity: warning\n    colour: red\n"
            ),
            ":6: unknown rule key 'colour'",
        ),
        (
            lambda s: s.replace("<postarać> się (", "<postarać tense=later> się ("),
            ":11: bad pattern",
        ),
        (
            lambda s: s.replace("severity: warning", "severity: fatal"),
            ":6: severity must be one of",
        ),
        (
            lambda s: s.replace("  - id: pl.vague_promise.try-something", "  - id: Bad Id"),
            ":6: rule id",
        ),
        (lambda s: s.replace('      - "<postarać>', '    - ["<postarać>'), ": invalid YAML"),
        (lambda s: s.replace("$SOMETHING", "$NOTHING"), "unknown macro $NOTHING"),
        (
            lambda s: s.replace("category: vague_promise", "category: rudeness"),
            "category must be one of",
        ),
        (lambda s: s + "extra: 1\n", ":1: unknown pack key 'extra'"),
    ],
)
def test_broken_pack_is_one_line_with_file_and_line(tmp_path, edit, problem):
    path = _write(tmp_path, edit(GOOD_PACK))
    with pytest.raises(PackError) as info:
        load_rules([path])
    message = str(info.value)
    assert message.startswith(str(path) + ":"), message
    assert problem in message, message
    assert "\n" not in message


def test_duplicate_ids_and_undecodable_pack(tmp_path):
    first = _write(tmp_path, GOOD_PACK, "a.yaml")
    second = _write(tmp_path, GOOD_PACK, "b.yaml")
    with pytest.raises(PackError, match="duplicate rule id"):
        load_rules([first, second])
    binary = tmp_path / "c.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(PackError, match="not UTF-8"):
        load_rules([binary])


def test_select_ignore_and_severity_overrides():
    base = Linter()
    assert base.rules
    only_pl = Linter(Config(select=["pl"]))
    assert only_pl.rules and all(r.lang == "pl" for r in only_pl.rules)
    no_cond = Linter(Config(ignore=["condescending"]))
    assert all(r.category != "condescending" for r in no_cond.rules)
    rule = base.rules[0]
    downgraded = Linter(Config(severity={rule.category: "info", rule.id: "warning"}))
    chosen = {r.id: r.severity for r in downgraded.rules}
    assert chosen[rule.id] == "warning"  # the more specific key wins
    assert all(
        sev == "info"
        for rid, sev in chosen.items()
        if rid != rule.id and rid.split(".")[1] == rule.category
    )
    disabled = Linter(Config(severity={rule.id: "off"}))
    assert rule.id not in {r.id for r in disabled.rules}


ALL_OF_PACK = """\
lang: pl
category: blaming_colleagues
rules:
  - id: pl.blaming_colleagues.test-all-of
    severity: warning
    message: Obwinianie kolegów.
    suggestion: Weź sprawę na siebie.
    patterns:
      - all: ["<magazyn|księgowość|kurier>", "znowu|znów|wiecznie", "<pomylić|zgubić|pomieszać>"]
        within: sentence
    examples:
      bad: ["Magazyn znowu coś pomylił."]
      good: ["Magazyn wysłał paczkę wczoraj."]
"""


def test_all_of_matches_parts_in_any_order_within_one_sentence(tmp_path):
    linter = Linter(Config(packs=[str(_write(tmp_path, ALL_OF_PACK))], builtin_packs=False))
    for text in ["Znowu magazyn pomylił rozmiary", "Pomylili znowu, ten nasz magazyn"]:
        [hit] = linter.lint(text, lang="pl")
        assert hit.rule_id == "pl.blaming_colleagues.test-all-of"
        assert text[hit.start : hit.end] == hit.text
    assert linter.lint("Magazyn wysłał paczkę. Znowu coś pomylił kurier? Nie.", lang="pl")
    assert linter.lint("Magazyn pracuje. Znowu pada deszcz. Kurier pomylił adres.", lang="pl") == []


def test_all_of_needs_two_parts(tmp_path):
    broken = ALL_OF_PACK.replace(
        '["<magazyn|księgowość|kurier>", "znowu|znów|wiecznie", "<pomylić|zgubić|pomieszać>"]',
        '["znowu"]',
    )
    with pytest.raises(PackError, match="at least two"):
        load_rules([_write(tmp_path, broken)])
