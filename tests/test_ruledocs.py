"""docs/rules.md is generated from the rule packs and must stay in sync with them."""

from __future__ import annotations

from pathlib import Path

from replylint import ruledocs
from replylint.engine.rule import PatternSpec, Rule

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date():
    expected = ruledocs.generate()
    current = DOCS.read_text(encoding="utf-8") if DOCS.is_file() else None
    assert current is not None, f"{DOCS} is missing; run: {ruledocs.REGENERATE}"
    assert current == expected, f"docs/rules.md is stale; run: {ruledocs.REGENERATE}"


def _rule(**overrides) -> Rule:
    fields = dict(
        id="pl.vague_promise.someday",
        lang="pl",
        category="vague_promise",
        severity="warning",
        message="„Kiedyś” nie mówi klientowi, kiedy dostanie odpowiedź. Brzmi jak zbywanie.",
        suggestion="Podaj termin: „Odpiszę do piątku do 14:00”.",
        patterns=(PatternSpec("kiedyś"),),
        explanation="",
        link="https://example.org/vague",
        examples_bad=("Ktoś się kiedyś odezwie.", "Zrobimy to *kiedyś* <na pewno>"),
        examples_good=("Odezwę się w czwartek do 12:00.",),
        source="/somewhere/rules/pl/vague_promise.yaml",
        line=3,
    )
    fields.update(overrides)
    return Rule(**fields)


def test_render_rule_has_ruff_shape():
    text = ruledocs.render_rule(_rule())
    lines = text.splitlines()
    assert "### `pl.vague_promise.someday`" in lines
    assert "Language: **pl** · Category: **vague_promise** · Severity: **warning**" in text
    sections = ["**What it flags**", "**Why it hurts**", "**Example**", "**Use instead**"]
    positions = [lines.index(s) for s in sections]
    assert positions == sorted(positions), "sections out of order"
    # message split: lead sentence says what is flagged, the rest why it hurts
    flags = lines[positions[0] + 2]
    why = lines[positions[1] + 2]
    assert flags.endswith("„Kiedyś” nie mówi klientowi, kiedy dostanie odpowiedź.")
    assert why == "Brzmi jak zbywanie."
    # bad examples under Example, Markdown specials escaped; good ones as "Fine as is"
    assert "- ✗ Ktoś się kiedyś odezwie." in lines
    assert "- ✗ Zrobimy to \\*kiedyś\\* &lt;na pewno&gt;" in lines
    assert lines[positions[3] + 2] == "Podaj termin: „Odpiszę do piątku do 14:00”."
    assert "Fine as is:" in lines
    assert "- ✓ Odezwę się w czwartek do 12:00." in lines
    assert "**More:** <https://example.org/vague>" in lines
    assert "Defined in `rules/pl/vague_promise.yaml`." in lines


def test_render_uses_explanation_and_never_repeats_a_single_sentence_message():
    with_expl = ruledocs.render_rule(
        _rule(
            message="„Kiedyś” zbywa klienta. Nie daje terminu.",
            explanation="Klient nie może niczego zaplanować. Podaj datę.",
            link="",
        )
    )
    assert "): „Kiedyś” zbywa klienta.\n" in with_expl
    assert (
        "**Why it hurts**\n\nNie daje terminu.\n\nKlient nie może niczego zaplanować. Podaj datę."
        in with_expl
    )
    assert "**More:**" not in with_expl
    single = ruledocs.render_rule(_rule(message="Zbywa klienta.", explanation="Podaj datę."))
    assert "): Zbywa klienta.\n\n**Why it hurts**\n\nPodaj datę.\n" in single
    bare = ruledocs.render_rule(_rule(message="Zbywa klienta.", explanation=""))
    assert bare.count("Zbywa klienta.") == 1


def test_render_is_sorted_with_counted_contents():
    rules = [
        _rule(id="ru.condescending.b", lang="ru", category="condescending"),
        _rule(id="pl.vague_promise.b"),
        _rule(id="pl.condescending.a", category="condescending", severity="error"),
        _rule(id="pl.vague_promise.a"),
    ]
    text = ruledocs.render(rules)
    assert text == ruledocs.render(list(reversed(rules))), "output depends on input order"
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "4 rules in total (1 error, 3 warning)." in text
    assert "- **Polish (`pl`)**: 3 rules" in text
    assert "  - [vague_promise](#pl-vague-promise): 2 rules" in text
    assert "- **Russian (`ru`)**: 1 rule" in text
    order = [
        text.index(f"#### `{rid}`")
        for rid in (
            "pl.condescending.a",
            "pl.vague_promise.a",
            "pl.vague_promise.b",
            "ru.condescending.b",
        )
    ]
    assert order == sorted(order)


def test_check_flag_reports_stale_file(tmp_path, capsys):
    stale = tmp_path / "rules.md"
    stale.write_text("# old\n", encoding="utf-8")
    assert ruledocs.main(["--check", str(stale)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and ruledocs.REGENERATE in err
    stale.write_text(ruledocs.generate(), encoding="utf-8")
    assert ruledocs.main(["--check", str(stale)]) == 0
