"""Core speed figures (a script, not a timed test).

    python benchmarks/bench_core.py [--corpus ../shared/corpus] [--words 200000]

1. Throughput: words per second of `Linter.lint_many` over the corpus texts repeated to at
   least --words words, with n_process=1 (per core) and n_process=2.
2. Latency: `Linter.lint` on one ~100-word reply, warm, median and p95 over --calls calls.
3. Cold start: wall time of `replylint check FILE` in a fresh process, median of --cold runs.

Repeating a small corpus keeps the per-word-form analysis cache warm, as it is in a long
audit of real transcripts (support vocabulary is small); the figure is the steady state.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPLY_100_WORDS = (
    "Dzień dobry Pani Anno, dziękuję za wiadomość i przepraszam za kłopot z zamówieniem "
    "numer 558201. Sprawdziłam historię przesyłki: paczka utknęła w sortowni przewoźnika "
    "w Strykowie, złożyłam już u nich reklamację i poprosiłam o priorytetowe doręczenie. "
    "Kurier powinien przyjechać jutro między 10 a 14; numer śledzenia to 6200451187. "
    "Nie czytała Pani instrukcji? Jeśli paczka nie dotrze do piątku do 16:00, wyślemy nowy "
    "egzemplarz na nasz koszt albo zwrócimy pieniądze, jak Pani woli. Gdyby coś było "
    "niejasne, proszę odpisać na tę wiadomość albo zadzwonić pod numer 22 100 20 30 od "
    "poniedziałku do piątku w godzinach 8–18. Pozdrawiam serdecznie, Katarzyna z działu obsługi."
)


def corpus_texts(corpus: Path) -> list[str]:
    texts = []
    for path in sorted(corpus.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    return texts


def throughput(texts: list[str], target_words: int, n_process: int) -> dict:
    from replylint import Linter

    linter = Linter()
    linter.warm()
    batch: list[str] = []
    words = 0
    while words < target_words:
        for text in texts:
            batch.append(text)
            words += len(text.split())
    start = time.perf_counter()
    findings = sum(len(f) for f in linter.lint_many(batch, n_process=n_process, chunksize=64))
    elapsed = time.perf_counter() - start
    return {
        "n_process": n_process,
        "texts": len(batch),
        "words": words,
        "findings": findings,
        "seconds": round(elapsed, 2),
        "words_per_second": round(words / elapsed),
        "words_per_second_per_core": round(words / elapsed / n_process),
    }


def latency(calls: int) -> dict:
    from replylint import Linter

    linter = Linter()
    linter.lint(REPLY_100_WORDS)  # warm: pipelines built, caches filled
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        linter.lint(REPLY_100_WORDS)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "words": len(REPLY_100_WORDS.split()),
        "calls": calls,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
    }


def cold_start(runs: int) -> dict:
    exe = Path(sys.executable).with_name("replylint")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "replylint.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        reply = Path(tmp) / "reply.txt"
        reply.write_text(REPLY_100_WORDS, encoding="utf-8")
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run([*command, "check", str(reply)], capture_output=True, cwd=tmp)
            times.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                raise SystemExit(f"replylint check failed: {done.stderr.decode()}")
    return {
        "runs": runs,
        "median_s": round(statistics.median(times), 3),
        "max_s": round(max(times), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--cold", type=int, default=5)
    args = parser.parse_args()
    texts = corpus_texts(args.corpus)
    if not texts:
        raise SystemExit(f"no corpus texts under {args.corpus}")
    results = {
        "throughput_1": throughput(texts, args.words, 1),
        "throughput_2": throughput(texts, args.words, 2),
        "latency_100_words": latency(args.calls),
        "cold_check": cold_start(args.cold),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
