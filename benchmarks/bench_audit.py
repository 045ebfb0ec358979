"""Benchmark `replylint audit`: turns/s and words/s for --jobs 1 and --jobs 2, and peak RSS.

Generates a transcript CSV (default 1,000,000 turns, half of them agent turns) from the texts
of ../shared/corpus, runs the real CLI on it per --jobs value, checks that the findings files
are byte-identical, and prints a table. Not a timed test: run it by hand on a quiet machine.

    python benchmarks/bench_audit.py                 # 1,000,000 turns
    python benchmarks/bench_audit.py --turns 20000   # quick look
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
AGENTS = [f"agent-{i:02d}" for i in range(12)]


def corpus_texts() -> list[str]:
    texts = []
    for name in ("pl.jsonl", "ru.jsonl"):
        with (CORPUS / name).open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


def generate(path: Path, turns: int, seed: int = 7) -> tuple[int, int]:
    """Write the CSV; return (agent turns, words in agent turns)."""
    rng = random.Random(seed)
    texts = corpus_texts()
    start = datetime(2025, 1, 6, 8, 0)
    agent_turns = agent_words = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["conversation_id", "timestamp", "role", "agent", "text"])
        row = 0
        conversation = 0
        while row < turns:
            conversation += 1
            agent = rng.choice(AGENTS)
            opened = start + timedelta(minutes=3 * conversation)
            for index in range(min(rng.randint(2, 8), turns - row)):
                role = "customer" if index % 2 == 0 else "agent"
                text = rng.choice(texts)
                if role == "agent":
                    agent_turns += 1
                    agent_words += len(text.split())
                writer.writerow(
                    [
                        f"C{conversation:07d}",
                        (opened + timedelta(minutes=index)).isoformat(),
                        role,
                        agent if role == "agent" else "",
                        text,
                    ]
                )
                row += 1
    return agent_turns, agent_words


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(
                next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run(csv_path: Path, jobs: int, out_dir: Path) -> dict:
    findings = out_dir / f"findings-j{jobs}.jsonl"
    exe = Path(sys.executable).with_name("replylint")
    command = [
        str(exe),
        "audit",
        str(csv_path),
        "--jobs",
        str(jobs),
        "--no-progress",
        "--findings",
        str(findings),
        "--summary",
        str(out_dir / f"summary-j{jobs}.json"),
    ]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_tree = 0
    while process.poll() is None:
        peak_tree = max(peak_tree, _tree_rss_kib(process.pid))
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        sys.exit(f"audit failed ({process.returncode}): {stderr.strip()}")
    return {
        "jobs": jobs,
        "seconds": elapsed,
        "peak_tree_rss_mib": peak_tree / 1024,
        "sha256": hashlib.sha256(findings.read_bytes()).hexdigest(),
        "findings_lines": sum(1 for _ in findings.open(encoding="utf-8")),
        "summary": stdout.splitlines()[:3],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", help="directory to keep the CSV and outputs in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(args.keep or tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        csv_path = out_dir / "transcripts.csv"
        t0 = time.monotonic()
        agent_turns, agent_words = generate(csv_path, args.turns)
        size = csv_path.stat().st_size / 2**20
        print(
            f"generated {args.turns:,} turns ({agent_turns:,} agent turns, {agent_words:,} agent "
            f"words, {size:.0f} MiB) in {time.monotonic() - t0:.1f} s; {os.cpu_count()} cores"
        )
        results = [run(csv_path, jobs, out_dir) for jobs in args.jobs]
        base = results[0]["seconds"]
        print(
            f"{'jobs':>4} {'seconds':>8} {'turns/s':>9} {'agent turns/s':>14} {'words/s':>9} "
            f"{'speed-up':>8} {'peak RSS (all procs)':>21}  findings"
        )
        for r in results:
            s = r["seconds"]
            print(
                f"{r['jobs']:>4} {s:>8.1f} {args.turns / s:>9,.0f} {agent_turns / s:>14,.0f} "
                f"{agent_words / s:>9,.0f} {base / s:>7.2f}x {r['peak_tree_rss_mib']:>17.0f} MiB"
                f"  {r['findings_lines']:,} ({r['sha256'][:12]})"
            )
        identical = len({r["sha256"] for r in results}) == 1
        print(f"findings files byte-identical across --jobs: {'yes' if identical else 'NO'}")
        if not identical:
            sys.exit(1)


if __name__ == "__main__":
    main()
