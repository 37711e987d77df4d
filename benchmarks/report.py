"""The benchmark results as a Markdown table (docs/benchmarks.md, quoted by the README) and an SVG bar chart."""

from __future__ import annotations

from html import escape

from ._shared import Result

MET = {True: "yes", False: "**no**", None: "-"}


def markdown_table(results: list[Result]) -> str:
    lines = ["| benchmark | imbrace | raw httpx | imbrace ÷ httpx (IQR) | goal | met |", "|---|---|---|---|---|---|"]
    for r in results:
        ratio = "-"
        if r.ratio is not None and r.ratio_iqr is not None:
            ratio = f"{r.ratio:.2f}x ({r.ratio_iqr[0]:.2f}-{r.ratio_iqr[1]:.2f})"
        lines.append(f"| {r.name} | {r.imbrace} | {r.httpx} | {ratio} | {r.goal} | {MET[r.met]} |")
    return "\n".join(lines) + "\n"


def svg_chart(results: list[Result]) -> str:
    """One bar per paired benchmark: the median ratio, its interquartile range, 1.0 (parity) and the goal."""
    rows = [(r.name, r.ratio, r.ratio_iqr, r.goal_ratio, r.met) for r in results if r.ratio and r.ratio_iqr]
    label_width, plot_width, row_height, top = 420, 380, 30, 56
    scale = plot_width / max(2.0, *(iqr[1] * 1.1 for _, _, iqr, _, _ in rows))
    height = top + row_height * len(rows) + 30

    def x(ratio: float) -> float:
        return label_width + ratio * scale

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_width + plot_width + 130}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        '<rect width="100%" height="100%" fill="white"/>',
        '<text x="10" y="20" font-size="14" font-weight="bold">'
        "imbrace ÷ raw httpx: time ratio (lower is better)</text>",
        '<text x="10" y="38">bar: median of paired runs (green: goal met, red: missed, grey: no goal); whisker: '
        "interquartile range; red line: the goal</text>",
    ]
    for n, (name, ratio, iqr, goal_ratio, met) in enumerate(rows):
        y = top + n * row_height
        colour = {True: "#2e7d32", False: "#c62828", None: "#78909c"}[met]
        parts += [
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{escape(name)}</text>',
            f'<rect x="{label_width}" y="{y + 4}" width="{ratio * scale:.1f}" height="16" fill="{colour}" '
            'fill-opacity="0.75"/>',
            f'<line x1="{x(iqr[0]):.1f}" x2="{x(iqr[1]):.1f}" y1="{y + 12}" y2="{y + 12}" stroke="black" '
            'stroke-width="2"/>',
            f'<text x="{label_width + plot_width + 10}" y="{y + 15}">{ratio:.2f}x ({iqr[0]:.2f}-{iqr[1]:.2f})</text>',
        ]
        if goal_ratio is not None:
            parts.append(
                f'<line x1="{x(goal_ratio):.1f}" x2="{x(goal_ratio):.1f}" y1="{y}" y2="{y + 24}" '
                'stroke="#c62828" stroke-width="3"/>'
            )
    bottom = top + row_height * len(rows)
    for tick in range(int(plot_width / scale) + 1):
        parts.append(f'<text x="{x(tick):.1f}" y="{bottom + 16}" text-anchor="middle">{tick}x</text>')
    parts.append(
        f'<line x1="{x(1):.1f}" x2="{x(1):.1f}" y1="{top - 4}" y2="{bottom}" stroke="#555" stroke-dasharray="4 3"/>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
