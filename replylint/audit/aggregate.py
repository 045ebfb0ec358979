"""Streaming aggregation of audit results into the summary every report is drawn from.

Memory grows with the number of agents, rules, weeks and conversations, never with the
number of turns. The summary is a plain, deterministically ordered dict (JSON-ready) so the
terminal table, the JSON file and the HTML report show the very same figures.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from replylint.audit import scoring
from replylint.audit.model import Reject, TurnResult
from replylint.audit.timeweek import iso_week
from replylint.engine.rule import CATEGORIES
from replylint.findings import SEVERITIES, SEVERITY_RANK, Finding

EXAMPLES_PER_RULE = 5
CONTEXT_CHARS = 160  # characters kept on each side of an example span
FIRST_REJECTS = 20
UNKNOWN_AGENT = "(unknown)"


@dataclass(slots=True)
class _AgentStats:
    turns: int = 0
    findings: int = 0
    by_category: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    conversations: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _ConversationStats:
    source: str
    row: int
    agent_turns: int = 0
    findings: int = 0
    errors: int = 0
    penalty: int = 0
    agents: list[str] = field(default_factory=list)
    first_timestamp: str = ""

    @property
    def score(self) -> int:
        return scoring.score(self.penalty)


@dataclass(slots=True)
class _WeekStats:
    agent_turns: int = 0
    by_category: Counter[str] = field(default_factory=Counter)


def _rate(count: int, turns: int) -> float:
    return round(100.0 * count / turns, 2) if turns else 0.0


def _by_count(counter: Counter[str]) -> list[tuple[str, int]]:
    """Most frequent first, ties by name, so reports are stable run to run."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def _reason_kind(reason: str) -> str:
    """Group rejects by what went wrong, not by the row's particulars."""
    head = re.split(r"[:(]", reason, maxsplit=1)[0]
    return re.sub(r"\d+", "N", head).strip()


def example_context(text: str, start: int, end: int) -> dict[str, Any]:
    """A window of the turn around the span, with the span's offsets inside the window."""
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    return {
        "before": ("…" if left else "") + text[left:start],
        "match": text[start:end],
        "after": text[end:right] + ("…" if right < len(text) else ""),
    }


class Aggregator:
    """Feed every TurnResult and Reject in file order; ask for `summary()` at the end."""

    def __init__(self) -> None:
        self.rows = 0
        self.turns_by_role: Counter[str] = Counter()
        self.agent_turns = 0
        self.findings = 0
        self.by_category: Counter[str] = Counter()
        self.category_severity: dict[str, Counter[str]] = {c: Counter() for c in CATEGORIES}
        self.by_severity: Counter[str] = Counter()
        self.by_rule: Counter[str] = Counter()
        self.rule_info: dict[str, dict[str, str]] = {}
        self.agents: dict[str, _AgentStats] = {}
        self.conversations: dict[str, _ConversationStats] = {}
        self.weeks: dict[str, _WeekStats] = {}
        self.turns_without_week = 0
        self.turns_language_unknown = 0
        self.examples: dict[str, list[dict[str, Any]]] = {}
        self.rejects = 0
        self.reject_kinds: Counter[str] = Counter()
        self.first_rejects: list[str] = []

    def add(self, item: TurnResult | Reject) -> None:
        self.rows += 1
        if isinstance(item, Reject):
            self.rejects += 1
            self.reject_kinds[_reason_kind(item.reason)] += 1
            if len(self.first_rejects) < FIRST_REJECTS:
                self.first_rejects.append(str(item))
            return
        turn = item.turn
        self.turns_by_role[turn.role] += 1
        if not turn.is_agent:
            return
        self.agent_turns += 1
        if item.skipped_paragraphs:
            self.turns_language_unknown += 1
        agent_name = turn.agent or UNKNOWN_AGENT
        agent = self.agents.get(agent_name)
        if agent is None:
            agent = self.agents[agent_name] = _AgentStats()
        agent.turns += 1
        agent.conversations.add(turn.conversation_id)
        conversation = self.conversations.get(turn.conversation_id)
        if conversation is None:
            conversation = _ConversationStats(turn.source, turn.row)
            self.conversations[turn.conversation_id] = conversation
        conversation.agent_turns += 1
        if agent_name not in conversation.agents:
            conversation.agents.append(agent_name)
        if turn.timestamp and not conversation.first_timestamp:
            conversation.first_timestamp = turn.timestamp
        week_key = iso_week(turn.timestamp)
        week = None
        if week_key is None:
            self.turns_without_week += 1
        else:
            week = self.weeks.get(week_key)
            if week is None:
                week = self.weeks[week_key] = _WeekStats()
            week.agent_turns += 1
        for finding in item.findings:
            self._add_finding(finding, item, agent, conversation, week)

    def _add_finding(
        self,
        finding: Finding,
        item: TurnResult,
        agent: _AgentStats,
        conversation: _ConversationStats,
        week: _WeekStats | None,
    ) -> None:
        self.findings += 1
        self.by_category[finding.category] += 1
        self.category_severity.setdefault(finding.category, Counter())[finding.severity] += 1
        self.by_severity[finding.severity] += 1
        self.by_rule[finding.rule_id] += 1
        info = self.rule_info.get(finding.rule_id)
        if info is None:
            info = self.rule_info[finding.rule_id] = {
                "category": finding.category,
                "severity": finding.severity,
                "message": finding.message,
            }
        elif SEVERITY_RANK[finding.severity] > SEVERITY_RANK[info["severity"]]:
            info["severity"] = finding.severity  # exceptions may downgrade; show the highest
        agent.findings += 1
        agent.by_category[finding.category] += 1
        agent.by_severity[finding.severity] += 1
        conversation.findings += 1
        conversation.penalty += scoring.penalty(finding.severity)
        if finding.severity == "error":
            conversation.errors += 1
        if week is not None:
            week.by_category[finding.category] += 1
        examples = self.examples.setdefault(finding.rule_id, [])
        if len(examples) < EXAMPLES_PER_RULE:
            turn = item.turn
            examples.append(
                {
                    "conversation_id": turn.conversation_id,
                    "agent": turn.agent or UNKNOWN_AGENT,
                    "source": turn.source,
                    "row": turn.row,
                    "severity": finding.severity,
                    **example_context(turn.text, finding.start, finding.end),
                }
            )

    def summary(self, top: int = 10) -> dict[str, Any]:
        """Everything the reports show, computed from the counters."""
        conversations = self.conversations
        with_error = sum(1 for c in conversations.values() if c.errors)
        scores = [c.score for c in conversations.values()]
        categories = list(CATEGORIES) + sorted(set(self.by_category) - set(CATEGORIES))
        rules = [
            {"rule_id": rule_id, "count": count, **self.rule_info[rule_id]}
            for rule_id, count in _by_count(self.by_rule)
        ]
        return {
            "totals": {
                "rows": self.rows,
                "turns_by_role": dict(sorted(self.turns_by_role.items())),
                "agent_turns": self.agent_turns,
                "agent_turns_language_unknown": self.turns_language_unknown,
                "agents": len(self.agents),
                "conversations": len(conversations),
                "findings": self.findings,
                "findings_per_100_turns": _rate(self.findings, self.agent_turns),
                "by_severity": {s: self.by_severity[s] for s in SEVERITIES},
                "conversations_with_error": with_error,
                "share_conversations_with_error": round(with_error / len(conversations), 4)
                if conversations
                else 0.0,
                "critical_conversations": sum(
                    1 for c in conversations.values() if scoring.is_critical(c.errors)
                ),
                "mean_score": round(sum(scores) / len(scores), 1) if scores else None,
                "rejected_rows": self.rejects,
            },
            "by_category": {
                category: {
                    "findings": self.by_category[category],
                    "rate_per_100_turns": _rate(self.by_category[category], self.agent_turns),
                    "by_severity": {
                        s: self.category_severity.get(category, Counter())[s] for s in SEVERITIES
                    },
                }
                for category in categories
            },
            "agents": self._agents(categories),
            "rules": rules,
            "top_rules": rules[:top],
            "worst_conversations": self._worst(top),
            "trend": self._trend(categories),
            "examples": {rule_id: self.examples[rule_id] for rule_id, _ in _by_count(self.by_rule)},
            "rejects": {
                "count": self.rejects,
                "by_reason": dict(_by_count(self.reject_kinds)),
                "first": list(self.first_rejects),
            },
        }

    def conversation_rows(self) -> list[dict[str, Any]]:
        """Every conversation with its score, worst first (for --conversations)."""
        return [self._conversation_row(cid, c) for cid, c in self._ranked()]

    def _ranked(self) -> list[tuple[str, _ConversationStats]]:
        return sorted(
            self.conversations.items(),
            key=lambda kv: (kv[1].score, -kv[1].errors, -kv[1].findings, kv[0]),
        )

    @staticmethod
    def _conversation_row(cid: str, c: _ConversationStats) -> dict[str, Any]:
        return {
            "conversation_id": cid,
            "source": c.source,
            "row": c.row,
            "agents": list(c.agents),
            "agent_turns": c.agent_turns,
            "findings": c.findings,
            "errors": c.errors,
            "score": c.score,
            "critical": scoring.is_critical(c.errors),
            "first_timestamp": c.first_timestamp,
        }

    def _worst(self, top: int) -> list[dict[str, Any]]:
        ranked = [kv for kv in self._ranked() if kv[1].findings]
        return [self._conversation_row(cid, c) for cid, c in ranked[:top]]

    def _agents(self, categories: list[str]) -> list[dict[str, Any]]:
        score_sum: Counter[str] = Counter()
        critical: Counter[str] = Counter()
        for conversation in self.conversations.values():
            for name in conversation.agents:
                score_sum[name] += conversation.score
                critical[name] += scoring.is_critical(conversation.errors)
        rows = []
        for name in sorted(self.agents):
            stats = self.agents[name]
            count = len(stats.conversations)
            rows.append(
                {
                    "agent": name,
                    "turns": stats.turns,
                    "conversations": count,
                    "findings": stats.findings,
                    "rate_per_100_turns": _rate(stats.findings, stats.turns),
                    "by_category": {c: stats.by_category[c] for c in categories},
                    "by_severity": {s: stats.by_severity[s] for s in SEVERITIES},
                    "critical_conversations": critical[name],
                    "mean_score": round(score_sum[name] / count, 1) if count else None,
                }
            )
        return rows

    def _trend(self, categories: list[str]) -> dict[str, Any]:
        weeks = []
        for key in sorted(self.weeks):
            week = self.weeks[key]
            total = sum(week.by_category.values())
            weeks.append(
                {
                    "week": key,
                    "agent_turns": week.agent_turns,
                    "findings": total,
                    "rate_per_100_turns": _rate(total, week.agent_turns),
                    "by_category": {c: week.by_category[c] for c in categories},
                }
            )
        return {
            "granularity": "iso-week",
            "weeks": weeks,
            "agent_turns_without_timestamp": self.turns_without_week,
        }
