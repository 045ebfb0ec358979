"""The terminal summary printed after every audit: the figures a QA lead reads first."""

from __future__ import annotations

from typing import Any

MAX_AGENTS = 20
SHORT = {
    "condescending": "cond",
    "blaming_colleagues": "blame",
    "vague_promise": "vague",
    "internal_systems": "systems",
}


def _table(headers: list[str], rows: list[list[str]], left: int = 1) -> list[str]:
    """Columns padded to their widest cell; the first `left` columns left-aligned."""
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def fmt(row: list[str]) -> str:
        cells = [
            str(c).ljust(w) if i < left else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    return [fmt(headers), *(fmt(r) for r in rows)]


def render(summary: dict[str, Any], elapsed: float, jobs: int) -> str:
    totals = summary["totals"]
    roles = ", ".join(f"{n:,} {role}" for role, n in totals["turns_by_role"].items())
    rate = totals["rows"] / elapsed if elapsed > 0 else 0.0
    sev = totals["by_severity"]
    lines = [
        f"Audited {len(summary['inputs'])} input(s): {totals['rows']:,} rows ({roles or 'none'})"
        f" in {elapsed:.1f} s, {rate:,.0f} rows/s, {jobs} job(s)",
        f"Agent turns linted: {totals['agent_turns']:,} in {totals['conversations']:,} "
        f"conversations by {totals['agents']:,} agents",
        f"Findings: {totals['findings']:,} ({totals['findings_per_100_turns']} per 100 agent "
        f"turns): {sev['error']:,} error, {sev['warning']:,} warning, {sev['info']:,} info",
        f"Conversations with an error: {totals['conversations_with_error']:,} "
        f"({100 * totals['share_conversations_with_error']:.1f}%); mean score "
        f"{totals['mean_score'] if totals['mean_score'] is not None else '-'} / 100",
    ]
    if totals["agent_turns_language_unknown"]:
        lines.append(
            f"Agent turns with text in neither Polish nor Russian (not linted there): "
            f"{totals['agent_turns_language_unknown']:,}"
        )
    if totals["rejected_rows"]:
        lines.append(f"Rejected rows: {totals['rejected_rows']:,} (reasons on stderr)")
    lines += [
        "",
        *_table(
            ["Category", "Findings", "per 100 turns", "error", "warning", "info"],
            [
                [
                    c,
                    f"{v['findings']:,}",
                    f"{v['rate_per_100_turns']:.2f}",
                    *(f"{v['by_severity'][s]:,}" for s in ("error", "warning", "info")),
                ]
                for c, v in summary["by_category"].items()
            ],
        ),
    ]
    agents = sorted(summary["agents"], key=lambda a: (-a["rate_per_100_turns"], a["agent"]))
    if agents:
        categories = list(summary["by_category"])
        lines += [
            "",
            *_table(
                [
                    "Agent",
                    "Turns",
                    "Convs",
                    "Findings",
                    "/100",
                    *(SHORT.get(c, c) for c in categories),
                    "Critical",
                    "Score",
                ],
                [
                    [
                        a["agent"],
                        f"{a['turns']:,}",
                        f"{a['conversations']:,}",
                        f"{a['findings']:,}",
                        f"{a['rate_per_100_turns']:.1f}",
                        *(f"{a['by_category'][c]:,}" for c in categories),
                        f"{a['critical_conversations']:,}",
                        f"{a['mean_score']:.1f}" if a["mean_score"] is not None else "-",
                    ]
                    for a in agents[:MAX_AGENTS]
                ],
            ),
        ]
        if len(agents) > MAX_AGENTS:
            lines.append(f"... {len(agents) - MAX_AGENTS} more agents in --summary / --html")
    if summary["top_rules"]:
        lines += ["", "Top rules:"]
        lines += [
            f"  {r['count']:>6,}  {r['rule_id']} ({r['severity']})" for r in summary["top_rules"]
        ]
    if summary["worst_conversations"]:
        lines += ["", "Worst conversations:"]
        lines += [
            f"  {c['conversation_id']}: score {c['score']}{' CRITICAL' if c['critical'] else ''}, "
            f"{c['findings']} finding(s), agents: {', '.join(c['agents'])} "
            f"({c['source']}:{c['row']})"
            for c in summary["worst_conversations"]
        ]
    weeks = summary["trend"]["weeks"]
    if weeks:
        lines += ["", "Trend (findings per 100 agent turns, by ISO week):"]
        lines += [
            f"  {w['week']}  {w['rate_per_100_turns']:>7.2f}  ({w['findings']:,} in "
            f"{w['agent_turns']:,} turns)"
            for w in weeks
        ]
    return "\n".join(lines)
