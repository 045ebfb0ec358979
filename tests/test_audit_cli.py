"""`replylint audit` end to end with the real Linter: outputs, bad data, customers, --jobs."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from replylint.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "examples" / "transcripts"
FLAGGED_PL = "Nie czytał pan instrukcji?"  # the core's must-show phrase: always flagged
HEADER = "conversation_id,role,agent,timestamp,text\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["audit", "--no-progress", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_sample_csv_gives_all_outputs(tmp_path: Path) -> None:
    out = {name: tmp_path / name for name in ("f.jsonl", "s.json", "r.html", "conv.csv")}
    code, stdout, stderr = run(
        str(SAMPLES / "sample.csv"),
        "--jobs", "1",
        "--findings", str(out["f.jsonl"]),
        "--summary", str(out["s.json"]),
        "--html", str(out["r.html"]),
        "--conversations", str(out["conv.csv"]),
    )  # fmt: skip
    assert code == 0, stderr
    assert "Agent turns linted: 38 in 32 conversations by 6 agents" in stdout
    summary = json.loads(out["s.json"].read_text(encoding="utf-8"))
    assert summary["totals"]["turns_by_role"] == {"agent": 38, "bot": 2, "customer": 53}
    assert summary["totals"]["rejected_rows"] == 0
    findings = read_jsonl(out["f.jsonl"])
    assert summary["totals"]["findings"] == len(findings) >= 1
    with (SAMPLES / "sample.csv").open(encoding="utf-8", newline="") as handle:
        agent_texts = {r["text"] for r in csv.DictReader(handle) if r["role"] == "agent"}
    for row in findings:
        assert row["turn_text"] in agent_texts  # only agent turns are ever flagged
        assert row["turn_text"][row["start"] : row["end"]] == row["matched_text"]
    assert any(f["rule_id"] == "pl.condescending.didnt-read-manual" for f in findings)
    conversations = list(csv.DictReader(out["conv.csv"].open(encoding="utf-8")))
    assert len(conversations) == 32
    scores = [int(c["score"]) for c in conversations]
    assert scores == sorted(scores) and scores[0] < 100  # worst first
    flagged = {f["conversation_id"] for f in findings}
    assert {c["conversation_id"] for c in conversations if int(c["score"]) < 100} == flagged
    html = out["r.html"].read_text(encoding="utf-8")
    assert "<svg" in html and "<mark>Nie czytał pan instrukcji</mark>" in html


def test_broken_rows_are_reported_and_customers_never_flagged(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(
        HEADER.encode()
        + f'c1,customer,,2025-03-03T10:00:00,"{FLAGGED_PL} Idioci, złodzieje!"\n'.encode()
        + f'c1,agent,Anna,2025-03-03T10:05:00,"{FLAGGED_PL}"\n'.encode()
        + b'c2,agent,Anna,2025-03-03T11:00:00,"broken "quoting" here\n'
        + "c3,agent,Ola,2025-03-03T12:00:00,Przepraszam za zwłokę\n".encode("cp1250")
        + b"c4,agent,Ola,2025-03-03T13:00:00,Dziekuje za cierpliwosc.\n"
    )
    findings, rejects = tmp_path / "f.csv", tmp_path / "rejects.csv"
    code, stdout, stderr = run(
        str(path), "--jobs", "1", "--findings", str(findings), "--rejects", str(rejects)
    )
    assert code == 0
    assert f"rejected: {path}:4: malformed CSV" in stderr
    assert f"rejected: {path}:5: undecodable bytes in text" in stderr
    assert "Rejected rows: 2" in stdout
    rows = list(csv.DictReader(findings.open(encoding="utf-8")))
    assert [(r["conversation_id"], r["row"], r["agent"]) for r in rows] == [("c1", "3", "Anna")]
    assert all("Idioci" not in r["turn_text"] for r in rows)
    assert [r["row"] for r in csv.DictReader(rejects.open(encoding="utf-8"))] == ["4", "5"]
    assert "Agent turns linted: 2 in 2 conversations" in stdout  # c1 and c4


def test_jobs_1_and_2_write_byte_identical_findings(tmp_path: Path) -> None:
    source = (SAMPLES / "sample.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as handle:
        handle.write(source[0])
        for copy in range(8):  # ~750 rows: several chunks per worker
            handle.writelines(f"{copy}-{line}" for line in source[1:])
    outputs = {}
    for jobs in ("1", "2"):
        for ext in ("jsonl", "csv"):
            out = tmp_path / f"f{jobs}.{ext}"
            code, _, stderr = run(str(big), "--jobs", jobs, "--findings", str(out))
            assert code == 0, stderr
            outputs[jobs, ext] = out.read_bytes()
    assert outputs["1", "jsonl"] == outputs["2", "jsonl"]
    assert outputs["1", "csv"] == outputs["2", "csv"]
    assert outputs["1", "jsonl"].count(b"\n") >= 8


def test_jsonl_and_zendesk_samples(tmp_path: Path) -> None:
    csv_summary, jsonl_summary = tmp_path / "a.json", tmp_path / "b.json"
    assert run(str(SAMPLES / "sample.csv"), "-j", "1", "--summary", str(csv_summary))[0] == 0
    assert run(str(SAMPLES / "sample.jsonl"), "-j", "1", "--summary", str(jsonl_summary))[0] == 0
    a = json.loads(csv_summary.read_text(encoding="utf-8"))
    b = json.loads(jsonl_summary.read_text(encoding="utf-8"))
    assert a["totals"] == b["totals"] and a["agents"] == b["agents"]
    findings = tmp_path / "z.jsonl"
    code, stdout, _ = run(
        str(SAMPLES / "sample-zendesk.json"), "-j", "1", "--findings", str(findings)
    )
    assert code == 0
    assert "in 8 conversations" in stdout
    rows = read_jsonl(findings)
    assert all("nieznośny" not in r["turn_text"] for r in rows)  # private note not linted
    assert any(r["rule_id"] == "pl.condescending.didnt-read-manual" for r in rows)


def test_unreadable_input_exits_2_and_other_inputs_are_audited(tmp_path: Path) -> None:
    code, stdout, stderr = run(
        str(tmp_path / "missing.csv"), str(SAMPLES / "sample.csv"), "-j", "1"
    )
    assert code == 2
    assert f"replylint audit: error: {tmp_path / 'missing.csv'}: no such file" in stderr
    assert "Agent turns linted: 38" in stdout


def test_fail_on_and_bad_output_path(tmp_path: Path) -> None:
    assert run(str(SAMPLES / "sample.csv"), "-j", "1", "--fail-on", "error")[0] == 1
    code, _, stderr = run(
        str(SAMPLES / "sample.csv"), "-j", "1", "--findings", str(tmp_path / "x.txt")
    )
    assert code == 2 and "*.jsonl or *.csv" in stderr


def test_html_escapes_export_text(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    text = f"{FLAGGED_PL} <script>alert('x')</script> & <b>"
    path.write_text(
        json.dumps(
            {"conversation_id": "<i>c1</i>", "role": "agent", "agent": "<img src=x>", "text": text}
        )
        + "\n",
        encoding="utf-8",
    )
    html_path = tmp_path / "r.html"
    assert run(str(path), "-j", "1", "--html", str(html_path))[0] == 0
    html = html_path.read_text(encoding="utf-8")
    assert (
        "<script>alert" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    )
    assert "<img src=x>" not in html and "<i>c1</i>" not in html


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_subprocess_from_another_directory(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("replylint")
    report = tmp_path / "report.html"
    result = subprocess.run(
        [str(exe), "audit", str(SAMPLES / "sample.csv"), "--html", str(report), "-j", "1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # not a TTY: no progress bar noise
    assert report.stat().st_size > 5000 and f"Wrote HTML report: {report}" in result.stdout
