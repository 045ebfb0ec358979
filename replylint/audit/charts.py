"""Inline SVG charts for the HTML report, drawn in Python so the page needs no library.

Every label passes through `html.escape`; numbers are formatted here, so the SVG is inert.
Each bar or point carries a <title> for a native tooltip without any script.
"""

from __future__ import annotations

from html import escape

CATEGORY_COLORS = {
    "condescending": "#d64545",
    "blaming_colleagues": "#e8912d",
    "vague_promise": "#3a8fd6",
    "internal_systems": "#7a55c9",
}
SEVERITY_COLORS = {"error": "#c0392b", "warning": "#e67e22", "info": "#2e86c1"}
EXTRA_COLORS = ("#2a9d8f", "#8d6e63", "#607d8b")
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def color_for(name: str, palette: dict[str, str]) -> str:
    if name in palette:
        return palette[name]
    return EXTRA_COLORS[sum(map(ord, name)) % len(EXTRA_COLORS)]


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _svg_open(label: str, width: float, height: float) -> str:
    """Fixed pixel size so text stays 12px; CSS max-width lets it shrink on narrow screens."""
    return (
        f'<svg class="chart" role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" {FONT}>'
    )


def legend(names: list[str], palette: dict[str, str]) -> str:
    """An HTML legend (wraps nicely, unlike SVG text)."""
    items = "".join(
        f'<span class="key"><i style="background:{color_for(n, palette)}"></i>{escape(n)}</span>'
        for n in names
    )
    return f'<div class="legend">{items}</div>'


def stacked_bars(
    rows: list[tuple[str, dict[str, float]]],
    series: list[str],
    palette: dict[str, str],
    label: str,
    unit: str = "",
    label_width: int = 190,
    bar_width: int = 460,
) -> str:
    """Horizontal bars, one per row, each stacked by series; value totals at the bar end."""
    if not rows:
        return '<p class="empty">Nothing to chart.</p>'
    row_height = 24
    height = row_height * len(rows) + 10
    biggest = max(sum(values.values()) for _, values in rows) or 1
    parts = [_svg_open(label, label_width + bar_width + 80, height)]
    for index, (name, values) in enumerate(rows):
        y = 5 + index * row_height
        shown = name if len(name) <= 28 else name[:27] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{escape(shown)}'
            f"<title>{escape(name)}</title></text>"
        )
        x = float(label_width)
        for serie in series:
            value = values.get(serie, 0)
            if not value:
                continue
            width = bar_width * value / biggest
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{max(width, 1):.1f}" height="{row_height - 8}"'
                f' fill="{color_for(serie, palette)}"><title>{escape(name)} · {escape(serie)}: '
                f"{_fmt(value)}{escape(unit)}</title></rect>"
            )
            x += width
        total = sum(values.values())
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{_fmt(total)}{escape(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    points: list[str], series: dict[str, list[float]], palette: dict[str, str], label: str
) -> str:
    """One line per series over ordered x labels (weeks); single weeks show as dots."""
    if not points:
        return '<p class="empty">No timestamps in the input, so there is no trend to show.</p>'
    left, top, width, height = 44, 10, 420, 200
    biggest = max((max(values) for values in series.values() if values), default=0) or 1
    step = width / max(len(points) - 1, 1)

    def xy(i: int, value: float) -> tuple[float, float]:
        return left + i * step, top + height - height * value / biggest

    parts = [_svg_open(label, left + width + 30, top + height + 40)]
    for tick in range(5):
        value = biggest * tick / 4
        _, y = xy(0, value)
        parts.append(
            f'<line x1="{left}" x2="{left + width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_fmt(round(value, 1))}</text>'
        )
    every = max(1, len(points) // 10)
    for i, point in enumerate(points):
        if i % every == 0 or i == len(points) - 1:
            x, _ = xy(i, 0)
            parts.append(
                f'<text x="{x:.1f}" y="{top + height + 18}" text-anchor="middle">'
                f"{escape(point)}</text>"
            )
    for name, values in series.items():
        color = color_for(name, palette)
        coords = [xy(i, v) for i, v in enumerate(values)]
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            parts.append(
                f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{path}"/>'
            )
        for (x, y), point, value in zip(coords, points, values, strict=True):
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"><title>{escape(name)} '
                f"{escape(point)}: {_fmt(value)}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)
