"""`replylint eval`: text-level scores, span agreement, lintscore, error lines."""

from __future__ import annotations

import json

from click.testing import CliRunner

from replylint.cli import main
from replylint.evaluation import Record, evaluate
from replylint.findings import Finding


def _finding(category: str, start: int, end: int, severity: str = "warning") -> Finding:
    return Finding("pl.x.y", category, severity, "m", "s", start, end, 1, start + 1, "t", "pl")


def _record(rid: str, labels: list[str], spans: list[dict]) -> Record:
    return Record(rid, "x" * 40, labels, spans, "pl", "mem")


def test_scores_per_category():
    records = [
        _record("a", ["condescending"], [{"start": 0, "end": 10, "label": "condescending"}]),
        _record("b", ["condescending"], [{"start": 0, "end": 10, "label": "condescending"}]),
        _record("c", [], []),
        _record("d", [], []),
    ]
    findings = [
        [_finding("condescending", 5, 12)],  # TP, span overlapped
        [],  # FN
        [_finding("condescending", 0, 3, "error")],  # FP on a clean text, error severity
        [],
    ]
    result = evaluate(records, findings)
    score = result.scores[("pl", "condescending")]
    assert (score.n, score.tp, score.fp, score.fn) == (2, 1, 1, 1)
    assert score.precision == 0.5 and score.recall == 0.5
    assert score.span_agreement == 0.5
    assert score.lintscore == 0.25
    assert result.clean_with_error == {"pl": ["c"]}
    assert {m.kind for m in result.mistakes} == {"miss", "false_alarm"}


def test_cli_prints_table_and_json(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [
        {
            "id": "pl-1",
            "text": "Nie czytała pani instrukcji?",
            "labels": ["condescending"],
            "spans": [{"start": 0, "end": 27, "label": "condescending"}],
        },
        {"id": "pl-2", "text": "Instrukcja jest na str. 12.", "labels": [], "spans": []},
    ]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["eval", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "pl   condescending" in result.output
    result = runner.invoke(main, ["eval", str(corpus), "--format", "json"])
    data = json.loads(result.output)
    cond = next(s for s in data["scores"] if s["category"] == "condescending")
    assert cond["tp"] == 1 and cond["fp"] == 0
    result = runner.invoke(main, ["eval", str(corpus), "--min-recall", "1.01"])
    assert result.exit_code == 1


def test_cli_reports_bad_corpus_line(tmp_path):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"id": "x", "text": "a", "labels": []}\n{not json\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(corpus)])
    assert result.exit_code == 2
    assert f"{corpus}:2: not a corpus record" in result.output
