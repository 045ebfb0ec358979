"""Scoring rules against a labelled corpus (JSON Lines as in shared/corpus).

Text level: a text's predicted categories are the categories of its findings. Span agreement:
the share of gold spans overlapped by a finding of the same category. lintscore follows
proselint: TP * precision², which rewards recall but punishes false alarms hard.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from replylint.engine.rule import CATEGORIES
from replylint.findings import Finding


class CorpusError(ValueError):
    """A corpus line that cannot be used; str() is `file:line: problem`."""


@dataclass
class Record:
    id: str
    text: str
    labels: list[str]
    spans: list[dict]
    lang: str | None
    source: str


@dataclass
class Score:
    n: int = 0  # gold texts with the category
    tp: int = 0
    fp: int = 0
    fn: int = 0
    gold_spans: int = 0
    spans_hit: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def span_agreement(self) -> float:
        return self.spans_hit / self.gold_spans if self.gold_spans else 1.0

    @property
    def lintscore(self) -> float:
        return self.tp * self.precision**2

    def as_dict(self) -> dict:
        return {
            "n": self.n,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "span_agreement": round(self.span_agreement, 4),
            "lintscore": round(self.lintscore, 2),
        }


@dataclass
class Mistake:
    kind: str  # "miss" | "false_alarm"
    record: Record
    category: str
    findings: list[Finding]


@dataclass
class Evaluation:
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)
    mistakes: list[Mistake] = field(default_factory=list)
    clean_texts: dict[str, int] = field(default_factory=dict)
    clean_with_error: dict[str, list[str]] = field(default_factory=dict)
    texts: int = 0


def read_corpus(path: Path) -> list[Record]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                text, labels = raw["text"], list(raw.get("labels", []))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise CorpusError(f"{path}:{number}: not a corpus record ({exc})") from exc
            rid = str(raw.get("id", f"{path.name}:{number}"))
            lang = raw.get("lang") or (rid[:2] if rid[:3] in ("pl-", "ru-") else None)
            records.append(Record(rid, text, labels, list(raw.get("spans", [])), lang, str(path)))
    return records


def evaluate(records: Iterable[Record], findings_per_record: Iterable[list[Finding]]) -> Evaluation:
    result = Evaluation()
    for record, findings in zip(records, findings_per_record, strict=True):
        result.texts += 1
        lang = record.lang or (findings[0].lang if findings else "?")
        if not record.labels:
            result.clean_texts[lang] = result.clean_texts.get(lang, 0) + 1
            if any(f.severity == "error" for f in findings):
                result.clean_with_error.setdefault(lang, []).append(record.id)
        for category in CATEGORIES:
            score = result.scores.setdefault((lang, category), Score())
            gold = category in record.labels
            mine = [f for f in findings if f.category == category]
            score.n += gold
            if gold and mine:
                score.tp += 1
            elif gold:
                score.fn += 1
                result.mistakes.append(Mistake("miss", record, category, findings))
            elif mine:
                score.fp += 1
                result.mistakes.append(Mistake("false_alarm", record, category, mine))
            for span in record.spans:
                if span.get("label") != category:
                    continue
                score.gold_spans += 1
                if any(f.start < span["end"] and f.end > span["start"] for f in mine):
                    score.spans_hit += 1
    return result


def table(evaluation: Evaluation) -> str:
    header = f"{'lang':4} {'category':19} {'n':>4} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6} {'span':>6} {'lint':>7}"
    lines = [header, "-" * len(header)]
    for (lang, category), s in sorted(evaluation.scores.items()):
        lines.append(
            f"{lang:4} {category:19} {s.n:4d} {s.tp:4d} {s.fp:4d} {s.fn:4d} "
            f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.span_agreement:6.3f} {s.lintscore:7.1f}"
        )
    for lang, count in sorted(evaluation.clean_texts.items()):
        bad = evaluation.clean_with_error.get(lang, [])
        lines.append(f"{lang}: {count} clean texts, {len(bad)} with an error-severity finding")
    return "\n".join(lines)


def to_json(evaluation: Evaluation) -> dict:
    return {
        "texts": evaluation.texts,
        "scores": [
            {"lang": lang, "category": category, **score.as_dict()}
            for (lang, category), score in sorted(evaluation.scores.items())
        ],
        "clean_texts": evaluation.clean_texts,
        "clean_with_error": evaluation.clean_with_error,
        "mistakes": [
            {
                "kind": m.kind,
                "id": m.record.id,
                "category": m.category,
                "text": m.record.text,
                "gold": m.record.labels,
                "findings": [
                    {"rule_id": f.rule_id, "text": f.text, "severity": f.severity}
                    for f in m.findings
                ],
            }
            for m in evaluation.mistakes
        ],
    }


def show(evaluation: Evaluation) -> str:
    lines = []
    for m in sorted(evaluation.mistakes, key=lambda m: (m.kind, m.category, m.record.id)):
        label = "MISS" if m.kind == "miss" else "FALSE ALARM"
        lines.append(f"{label} {m.category} {m.record.id}: {m.record.text}")
        if m.kind == "miss":
            gold = [
                m.record.text[s["start"] : s["end"]]
                for s in m.record.spans
                if s.get("label") == m.category
            ]
            lines.append(f"    gold: {' | '.join(gold)}")
        for f in m.findings:
            lines.append(f"    {f.rule_id} ({f.severity}): {f.text!r}")
    return "\n".join(lines)
