"""Inline suppression: next-line, same-line and block directives in any comment syntax."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from replylint.cli import main
from replylint.findings import Finding, LineIndex
from replylint.suppress import UNUSED_RULE_ID, Suppressions

RULE = "pl.condescending.didnt-read-manual"


def finding_at(text: str, needle: str, rule_id: str = RULE, category: str = "condescending"):
    start = text.index(needle)
    line, column = LineIndex(text).position(start)
    return Finding(rule_id, category, "error", "m", "s", start, start + len(needle), line, column,
                   needle)  # fmt: skip


def test_directives_in_every_comment_syntax() -> None:
    text = (
        "# replylint: disable-next-line pl.condescending\n"
        "A1\n"
        "<!-- replylint: disable-next-line condescending -->\n"
        "A2\n"
        "{# replylint: disable-next-line " + RULE + " #}\n"
        "A3\n"
        "{{! replylint: disable-next-line }}\n"
        "A4\n"
        "replylint: disable-next-line internal_systems\n"
        "B5\n"
        "B6 <!-- replylint: disable-line condescending -->\n"
        "B7\n"
    )
    sup = Suppressions.parse(text)
    found = [finding_at(text, n) for n in ("A1", "A2", "A3", "A4", "B5", "B6", "B7")]
    kept = [f.text for f in sup.filter(found)]
    assert kept == ["B5", "B7"]
    unused = sup.unused([(RULE, "condescending"), ("pl.internal_systems.x", "internal_systems")])
    assert [u.line for u in unused] == [9]  # the internal_systems one silenced nothing
    assert unused[0].rule_id == UNUSED_RULE_ID
    assert text[unused[0].start : unused[0].end] == unused[0].text


def test_block_disable_enable_and_reason() -> None:
    text = (
        "X1\n"
        "<!-- replylint: disable condescending, vague_promise -- legal text, approved -->\n"
        "X2\n"
        "X3\n"
        "<!-- replylint: enable -->\n"
        "X4\n"
    )
    sup = Suppressions.parse(text)
    assert sup.directives[0].selectors == ("condescending", "vague_promise")
    kept = [f.text for f in sup.filter(finding_at(text, n) for n in ("X1", "X2", "X3", "X4"))]
    assert kept == ["X1", "X4"]


def test_unknown_rule_in_directive_is_reported() -> None:
    text = "# replylint: disable-next-line pl.condescending.no-such-rule\nA\n"
    sup = Suppressions.parse(text)
    unused = sup.unused([(RULE, "condescending")])
    assert "no-such-rule" in unused[0].message


def test_check_applies_suppressions_and_reports_unused(tmp_path: Path) -> None:
    (tmp_path / ".replylint.toml").write_text("")
    reply = tmp_path / "reply.md"
    reply.write_text(
        "<!-- replylint: disable-next-line pl.condescending -->\n"
        "Nie czytała pani instrukcji?\n"
        "<!-- replylint: disable-next-line pl.condescending -->\n"
        "Dzień dobry, w czym mogę pomóc?\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    clean = runner.invoke(main, ["check", "--config", str(tmp_path / ".replylint.toml"),
                                 str(reply)])  # fmt: skip
    assert clean.exit_code == 0, clean.output
    strict = runner.invoke(
        main,
        ["check", "--config", str(tmp_path / ".replylint.toml"), "--report-unused-suppressions",
         str(reply)],
    )  # fmt: skip
    assert strict.exit_code == 1
    assert f"reply.md:3:6: warning {UNUSED_RULE_ID} unused suppression" in strict.stdout
