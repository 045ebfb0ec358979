"""Aggregation arithmetic: rates, scores, critical conversations, weeks, examples, rejects."""

from __future__ import annotations

from replylint.audit.aggregate import Aggregator, example_context
from replylint.audit.model import Reject, Turn, TurnResult
from replylint.audit.timeweek import iso_week
from replylint.findings import Finding


def turn(cid: str, agent: str, text: str, ts: str = "", role: str = "agent", row: int = 1) -> Turn:
    return Turn("x.csv", row, cid, role, agent, ts, text, role == "agent")


def finding(text: str, phrase: str, category: str, severity: str) -> Finding:
    start = text.index(phrase)
    return Finding(
        f"pl.{category}.r",
        category,
        severity,
        "msg",
        "sug",
        start,
        start + len(phrase),
        1,
        start + 1,
        phrase,
        "pl",
    )


def test_summary_counts_rates_scores_and_examples() -> None:
    agg = Aggregator()
    t1 = "Nie czytał pan instrukcji?"
    agg.add(
        TurnResult(
            turn("c1", "Anna", t1, "2025-03-03T10:00:00Z"),
            [finding(t1, "Nie czytał pan", "condescending", "error")],
        )
    )
    t2 = "Postaramy się coś zrobić."
    agg.add(
        TurnResult(
            turn("c1", "Anna", t2, "2025-03-04T10:00:00Z", row=3),
            [finding(t2, "Postaramy się", "vague_promise", "warning")],
        )
    )
    agg.add(TurnResult(turn("c2", "Ola", "Dziękuję, zwrot zlecony.", "2025-03-11")))
    agg.add(TurnResult(turn("c2", "", "Idioci!", role="customer")))
    agg.add(Reject("x.csv", 9, "3 fields, header has 5 (unquoted delimiter?)"))
    agg.add(Reject("x.csv", 12, "4 fields, header has 5 (unquoted delimiter?)"))
    s = agg.summary()
    t = s["totals"]
    assert (t["rows"], t["agent_turns"], t["conversations"], t["agents"]) == (6, 3, 2, 2)
    assert t["turns_by_role"] == {"agent": 3, "customer": 1}
    assert t["findings"] == 2 and t["findings_per_100_turns"] == 66.67
    assert t["conversations_with_error"] == 1 and t["share_conversations_with_error"] == 0.5
    assert t["critical_conversations"] == 1
    assert t["mean_score"] == (65 + 100) / 2  # c1: 100 - 25 (error) - 10 (warning)
    assert s["by_category"]["condescending"]["by_severity"]["error"] == 1
    assert s["by_category"]["internal_systems"]["findings"] == 0
    anna, ola = s["agents"]
    assert (anna["agent"], anna["turns"], anna["rate_per_100_turns"], anna["mean_score"]) == (
        "Anna",
        2,
        100.0,
        65.0,
    )
    assert (ola["findings"], ola["critical_conversations"]) == (0, 0)
    assert [w["week"] for w in s["trend"]["weeks"]] == ["2025-W10", "2025-W11"]
    assert s["trend"]["weeks"][0]["rate_per_100_turns"] == 100.0
    assert s["worst_conversations"][0]["conversation_id"] == "c1"
    assert s["worst_conversations"][0]["critical"] is True
    assert len(s["worst_conversations"]) == 1  # clean conversations are not "worst"
    example = s["examples"]["pl.condescending.r"][0]
    assert (example["before"], example["match"], example["after"]) == (
        "",
        "Nie czytał pan",
        " instrukcji?",
    )
    assert s["rejects"]["by_reason"] == {"N fields, header has N": 2}
    assert agg.conversation_rows()[-1]["conversation_id"] == "c2"


def test_example_context_is_trimmed_around_the_span() -> None:
    text = "a" * 500 + "ZŁE" + "b" * 500
    ctx = example_context(text, 500, 503)
    assert ctx["match"] == "ZŁE"
    assert ctx["before"].startswith("…") and ctx["after"].endswith("…")
    assert len(ctx["before"]) == 161


def test_iso_week_formats() -> None:
    assert iso_week("2025-03-03T10:00:00+01:00") == "2025-W10"
    assert iso_week("2024-12-30 08:00") == "2025-W01"
    assert iso_week("1741000000") == iso_week("1741000000000") == "2025-W10"
    assert iso_week("yesterday") is None and iso_week("") is None
