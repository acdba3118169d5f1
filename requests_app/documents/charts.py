"""Server-side SVG charts: pure functions from data to an SVG string. No JavaScript, no CDN.

The charts are accessible on their own: the root has ``role="img"`` and is labelled by its
``<title>`` and ``<desc>``; every bar carries its value as visible text and a ``<title>`` (the
tooltip a pointer or screen reader announces), and every colour has a text legend, so nothing is
said by colour alone. Pages still show the same figures in a table next to the chart.

Every piece of text is XML-escaped, so the result is well-formed XML that can be inlined in HTML.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr

# Light to dark: older buckets are darker. Adjacent colours differ enough in lightness to be told
# apart in greyscale as well; the legend and the value labels carry the meaning anyway.
SEQUENTIAL_PALETTE = ("#9ecae1", "#4292c6", "#2171b5", "#08519c", "#08306b")


@dataclass(frozen=True)
class Series:
    """One series of a grouped bar chart: its legend label and one value per category."""

    label: str
    values: Sequence[int]


def _nice_step(maximum: int, ticks: int = 4) -> int:
    """A round grid step (1, 2, 5 × 10ⁿ) giving about ``ticks`` lines up to ``maximum``."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return int(factor * magnitude)
    return int(10 * magnitude)  # pragma: no cover - the loop always returns


def _fmt(value: float) -> str:
    """Coordinates with at most one decimal, without a trailing ``.0``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def grouped_bar_chart_svg(*, title: str, description: str, categories: Sequence[str],
                          series: Sequence[Series], element_id: str = "chart",
                          value_axis_label: str = "", palette: Sequence[str] = SEQUENTIAL_PALETTE,
                          group_width: int = 150, height: int = 260) -> str:
    """A vertical grouped bar chart: one group per category, one bar per series in each group.

    ``series[i].values[j]`` is the bar of series ``i`` in category ``j``. Returns a standalone
    ``<svg>`` element (with its namespace) labelled by ``<title>``/``<desc>``; ids inside it are
    prefixed by ``element_id`` so several charts can share a page.
    """
    for s in series:
        if len(s.values) != len(categories):
            raise ValueError(f"series {s.label!r} has {len(s.values)} values for "
                             f"{len(categories)} categories")
    left, right, top = 48, 16, 16
    plot_height = height
    legend_row = 22
    axis_labels = 44  # category names under the axis
    legend_top = top + plot_height + axis_labels
    legend_height = legend_row * len(series)
    width = left + right + max(1, len(categories)) * group_width
    total_height = legend_top + legend_height + 8
    baseline = top + plot_height

    maximum = max((v for s in series for v in s.values), default=0)
    step = _nice_step(maximum)
    axis_max = max(step, math.ceil(maximum / step) * step) if maximum else step * 4
    scale = (plot_height - 16) / axis_max  # keep room above the tallest bar for its label

    title_id, desc_id = f"{element_id}-title", f"{element_id}-desc"
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id={quoteattr(element_id)} role="img" '
        f'aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {width} {total_height}" '
        f'width="{width}" height="{total_height}" class="chart" '
        f'font-family="DejaVu Sans, sans-serif" font-size="12">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    # Grid lines and their values.
    out.append('<g class="grid" aria-hidden="true">')
    tick = 0
    while tick <= axis_max:
        y = baseline - tick * scale
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{_fmt(y)}" y2="{_fmt(y)}" '
                   f'stroke="#d7dbe3" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{_fmt(y + 4)}" text-anchor="end" '
                   f'fill="#5b6475">{tick}</text>')
        tick += step
    out.append("</g>")
    if value_axis_label:
        out.append(f'<text x="12" y="{_fmt(top + plot_height / 2)}" text-anchor="middle" '
                   f'transform="rotate(-90 12 {_fmt(top + plot_height / 2)})" fill="#5b6475">'
                   f'{escape(value_axis_label)}</text>')

    bars = max(1, len(series))
    inner = group_width - 24
    bar_width = inner / bars
    for j, category in enumerate(categories):
        group_left = left + j * group_width + 12
        out.append(f'<g class="group"><title>{escape(category)}</title>')
        for i, s in enumerate(series):
            value = s.values[j]
            bar_height = value * scale
            x = group_left + i * bar_width
            y = baseline - bar_height
            colour = palette[i % len(palette)]
            out.append(
                f'<rect x="{_fmt(x + 1)}" y="{_fmt(y)}" width="{_fmt(bar_width - 2)}" '
                f'height="{_fmt(bar_height)}" fill="{colour}">'
                f'<title>{escape(f"{category}, {s.label}: {value}")}</title></rect>')
            out.append(f'<text x="{_fmt(x + bar_width / 2)}" y="{_fmt(y - 3)}" '
                       f'text-anchor="middle" font-size="11" fill="#1d2433">{value}</text>')
        out.append(f'<text x="{_fmt(group_left + inner / 2)}" y="{baseline + 18}" '
                   f'text-anchor="middle" fill="#1d2433">{escape(category)}</text>')
        out.append("</g>")
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{baseline}" y2="{baseline}" '
               f'stroke="#1d2433" stroke-width="1" aria-hidden="true"/>')

    out.append('<g class="legend">')
    for i, s in enumerate(series):
        y = legend_top + i * legend_row
        colour = palette[i % len(palette)]
        out.append(f'<rect x="{left}" y="{y}" width="14" height="14" fill="{colour}"/>')
        out.append(f'<text x="{left + 20}" y="{y + 11}" fill="#1d2433">{escape(s.label)}</text>')
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
