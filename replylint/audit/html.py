"""The self-contained HTML report: one file, inline CSS/SVG/JS, opens offline.

A Content-Security-Policy forbids loading anything from outside the page, so a stray external
asset would show up as a console error in the browser test rather than go unnoticed. All text
that came from an export is escaped; highlighted spans are built from escaped pieces.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from replylint.audit.charts import (
    CATEGORY_COLORS,
    SEVERITY_COLORS,
    legend,
    line_chart,
    stacked_bars,
)
from replylint.audit.outputs import OutputError

MAX_AGENTS_CHARTED = 25
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#1f2933;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;color:#cbd2d9}main{padding:18px 28px;max-width:1200px}
section{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:14px 18px;margin:14px 0}
h2{font-size:17px;margin:0 0 10px}.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:10px 14px;min-width:150px}
.card b{display:block;font-size:22px}.card span{color:#52606d;font-size:12px}
table{border-collapse:collapse;width:100%}th,td{padding:5px 8px;border-bottom:1px solid #eee;
text-align:left;vertical-align:top}th{background:#f0f2f5;cursor:pointer;user-select:none}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
mark{background:#ffd6d6;padding:0 2px;border-radius:3px}
.sev-error{color:#c0392b;font-weight:600}.sev-warning{color:#d35400}.sev-info{color:#2e86c1}
.legend{margin:6px 0}.key{margin-right:14px;white-space:nowrap}
.key i{display:inline-block;width:11px;height:11px;margin-right:5px;border-radius:2px}
.empty{color:#7b8794;font-style:italic}.ctx{white-space:pre-wrap}.crit{color:#c0392b;font-weight:600}
svg.chart{max-width:100%;height:auto}.grid{display:grid;grid-template-columns:1fr 1fr;gap:14px}
@media(max-width:900px){.grid{grid-template-columns:1fr}}
"""

# Click a header to sort its table; numbers sort numerically (data-v holds the raw value).
SCRIPT = """
document.querySelectorAll("table.sortable th").forEach(function (th, index) {
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var desc = th.dataset.dir !== "desc";
    th.dataset.dir = desc ? "desc" : "asc";
    rows.sort(function (a, b) {
      var x = a.cells[index].dataset.v || a.cells[index].textContent;
      var y = b.cells[index].dataset.v || b.cells[index].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return desc ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
document.body.dataset.ready = "1";
"""


def _num(value: float | int | None, digits: int = 0) -> str:
    if value is None:
        return '<td class="n">-</td>'
    shown = f"{value:,.{digits}f}"
    return f'<td class="n" data-v="{value}">{shown}</td>'


def _severity(severity: str) -> str:
    return f'<span class="sev-{escape(severity)}">{escape(severity)}</span>'


def _cards(summary: dict[str, Any]) -> str:
    t = summary["totals"]
    share = 100 * t["share_conversations_with_error"]
    cards = [
        (f"{t['agent_turns']:,}", "agent turns linted"),
        (f"{t['conversations']:,}", "conversations"),
        (f"{t['agents']:,}", "agents"),
        (f"{t['findings']:,}", "findings"),
        (f"{t['findings_per_100_turns']:.1f}", "findings per 100 agent turns"),
        (f"{share:.1f}%", "conversations with an error"),
        (f"{t['mean_score'] if t['mean_score'] is not None else '-'}", "mean conversation score"),
        (f"{t['rejected_rows']:,}", "rejected rows"),
    ]
    body = "".join(f'<div class="card"><b>{v}</b><span>{escape(k)}</span></div>' for v, k in cards)
    return f'<div class="cards">{body}</div>'


def _category_section(summary: dict[str, Any]) -> str:
    rows = [(name, dict(v["by_severity"])) for name, v in summary["by_category"].items()]
    chart = stacked_bars(
        rows, ["error", "warning", "info"], SEVERITY_COLORS, "Findings by category"
    )
    return (
        '<section id="categories"><h2>Findings by category and severity</h2>'
        f"{legend(['error', 'warning', 'info'], SEVERITY_COLORS)}{chart}</section>"
    )


def _agents_section(summary: dict[str, Any]) -> str:
    categories = list(summary["by_category"])
    agents = sorted(summary["agents"], key=lambda a: (-a["rate_per_100_turns"], a["agent"]))
    charted = agents[:MAX_AGENTS_CHARTED]
    rows = [
        (
            a["agent"],
            {
                c: round(100 * a["by_category"][c] / a["turns"], 2) if a["turns"] else 0
                for c in categories
            },
        )
        for a in charted
    ]
    chart = stacked_bars(
        rows, categories, CATEGORY_COLORS, "Findings per 100 agent turns by agent", ""
    )
    note = (
        f'<p class="empty">Chart shows the {len(charted)} agents with the highest rate.</p>'
        if len(agents) > len(charted)
        else ""
    )
    head = "".join(f'<th class="n">{escape(c)}</th>' for c in categories)
    body = "".join(
        "<tr>"
        f"<td>{escape(a['agent'])}</td>{_num(a['turns'])}{_num(a['conversations'])}"
        f"{_num(a['findings'])}{_num(a['rate_per_100_turns'], 2)}"
        + "".join(_num(a["by_category"][c]) for c in categories)
        + f"{_num(a['critical_conversations'])}{_num(a['mean_score'], 1)}</tr>"
        for a in agents
    )
    table = (
        '<table class="sortable" id="agents-table"><thead><tr><th>agent</th>'
        '<th class="n">turns</th><th class="n">conversations</th><th class="n">findings</th>'
        f'<th class="n">per 100 turns</th>{head}<th class="n">critical</th>'
        f'<th class="n">mean score</th></tr></thead><tbody>{body}</tbody></table>'
    )
    return (
        '<section id="agents"><h2>Agents: findings per 100 agent turns</h2>'
        f"{legend(categories, CATEGORY_COLORS)}{chart}{note}{table}</section>"
    )


def _trend_section(summary: dict[str, Any]) -> str:
    weeks = summary["trend"]["weeks"]
    categories = list(summary["by_category"])
    points = [w["week"] for w in weeks]
    series = {
        c: [
            round(100 * w["by_category"][c] / w["agent_turns"], 2) if w["agent_turns"] else 0.0
            for w in weeks
        ]
        for c in categories
    }
    chart = line_chart(points, series, CATEGORY_COLORS, "Findings per 100 agent turns by week")
    missing = summary["trend"]["agent_turns_without_timestamp"]
    note = (
        f'<p class="empty">{missing:,} agent turns had no usable timestamp.</p>' if missing else ""
    )
    return (
        '<section id="trend"><h2>Trend: findings per 100 agent turns by ISO week</h2>'
        f"{legend(categories, CATEGORY_COLORS) if points else ''}{chart}{note}</section>"
    )


def _rules_section(summary: dict[str, Any]) -> str:
    info = {r["rule_id"]: r for r in summary["rules"]}
    blocks = []
    for rule_id, examples in summary["examples"].items():
        meta = info.get(rule_id)
        title = f"<code>{escape(rule_id)}</code>"
        if meta:
            title += f" · {meta['count']:,} × · {_severity(meta['severity'])}"
        rows = "".join(
            "<tr>"
            f"<td>{escape(e['conversation_id'])}<br><small>{escape(e['source'])}:{e['row']}</small></td>"
            f"<td>{escape(e['agent'])}</td><td>{_severity(e['severity'])}</td>"
            f'<td class="ctx">{escape(e["before"])}<mark>{escape(e["match"])}</mark>'
            f"{escape(e['after'])}</td></tr>"
            for e in examples
        )
        message = f"<p>{escape(meta['message'])}</p>" if meta else ""
        blocks.append(
            f'<details class="rule"{" open" if len(blocks) < 3 else ""}><summary>{title}</summary>'
            f"{message}<table><thead><tr><th>conversation</th><th>agent</th><th>severity</th>"
            f"<th>in context</th></tr></thead><tbody>{rows}</tbody></table></details>"
        )
    body = "".join(blocks) or '<p class="empty">No findings.</p>'
    return f'<section id="examples"><h2>Examples per rule</h2>{body}</section>'


def _worst_section(summary: dict[str, Any]) -> str:
    rows = "".join(
        "<tr>"
        f"<td>{escape(c['conversation_id'])}</td><td>{escape(', '.join(c['agents']))}</td>"
        f"{_num(c['score'])}<td>{'<span class=crit>critical</span>' if c['critical'] else ''}</td>"
        f"{_num(c['findings'])}{_num(c['agent_turns'])}"
        f"<td>{escape(c['source'])}:{c['row']}</td></tr>"
        for c in summary["worst_conversations"]
    )
    if not rows:
        return (
            '<section id="worst"><h2>Worst conversations</h2><p class="empty">None.</p></section>'
        )
    return (
        '<section id="worst"><h2>Worst conversations</h2><table class="sortable"><thead><tr>'
        '<th>conversation</th><th>agents</th><th class="n">score</th><th></th>'
        '<th class="n">findings</th><th class="n">agent turns</th><th>first row</th></tr>'
        f"</thead><tbody>{rows}</tbody></table></section>"
    )


def _rejects_section(summary: dict[str, Any]) -> str:
    rejects = summary["rejects"]
    if not rejects["count"]:
        return ""
    reasons = "".join(
        f"<tr><td>{escape(k)}</td>{_num(v)}</tr>" for k, v in rejects["by_reason"].items()
    )
    first = "".join(f"<li><code>{escape(line)}</code></li>" for line in rejects["first"])
    return (
        f'<section id="rejects"><h2>Rejected rows ({rejects["count"]:,})</h2>'
        f"<table><tbody>{reasons}</tbody></table><ul>{first}</ul></section>"
    )


def render_html(summary: dict[str, Any], title: str = "replylint audit") -> str:
    """The full page as a string."""
    inputs = ", ".join(summary.get("inputs", []))
    data = json.dumps(summary["totals"], ensure_ascii=False).replace("<", "\\u003c")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{escape(title)}</h1><p>{escape(inputs)}</p></header><main>"
        f"{_cards(summary)}"
        f'<div class="grid">{_category_section(summary)}{_trend_section(summary)}</div>'
        f"{_agents_section(summary)}{_worst_section(summary)}{_rules_section(summary)}"
        f"{_rejects_section(summary)}</main>"
        f'<script type="application/json" id="totals">{data}</script>'
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def write_html(path: str, summary: dict[str, Any], title: str = "replylint audit") -> None:
    try:
        Path(path).write_text(render_html(summary, title), encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from exc
