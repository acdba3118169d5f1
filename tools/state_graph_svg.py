"""Dev-only: draw a request state graph as a standalone SVG, without Graphviz.

This is tooling, not part of the application (see ``tools/__init__.py``): it draws the committed
artefacts ``docs/graphs/<slug>.svg``. ``manage.py draw_state_graphs`` imports it only when Graphviz
``dot`` is not installed; with ``dot`` the command renders its own DOT text instead. The graph
itself (``requests_app.graph``) is computed from the model; nothing here knows a treaty rule.

A deliberately small layered layout. Per direction (one horizontal band):

* one column per rank; the states of a column sit on a grid of rows shared by the band, so the
  gaps between rows ("channels") and between columns ("gutters") are free of boxes;
* an edge to the next column is a curve through the gutter between the two columns; any other
  edge (back, same column, skipping columns) runs orthogonally: along a vertical track in a
  gutter, along a horizontal track in a channel, and along a track in the gutter next to its
  target. Tracks are assigned so that no two segments share one;
* arrows of one transition into one side of a state share an arrowhead and a single label;
* labels are placed greedily where they overlap no box and no other label.

``tools.state_graph_layout`` places the boxes and routes the arrows, ``tools.state_graph_labels``
places the labels, and this module writes the SVG.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr

from requests_app.graph import STATE_FILLS
from requests_app.graph import DirectionGraph
from requests_app.graph import InstrumentGraph

from .state_graph_labels import LABEL_FONT
from .state_graph_labels import LABEL_LINE_H
from .state_graph_labels import Label
from .state_graph_labels import place_labels
from .state_graph_layout import BandLayout
from .state_graph_layout import Box
from .state_graph_layout import Point
from .state_graph_layout import Route
from .state_graph_layout import layout_band

__all__ = ("graph_to_svg",)

_STATE_FONT = 12
_COLOURS = {"forward": "#34495e", "routed": "#1f6fb2", "back": "#b35900", "summary": "#7b5aa6"}


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _rounded_path(points: list[Point], radius: float = 6) -> str:
    parts = [f"M{_fmt(points[0][0])},{_fmt(points[0][1])}"]
    for (x0, y0), (x1, y1), (x2, y2) in zip(points, points[1:], points[2:], strict=False):
        d_in = math.hypot(x1 - x0, y1 - y0)
        d_out = math.hypot(x2 - x1, y2 - y1)
        r = min(radius, d_in / 2, d_out / 2)
        if r < 0.5:
            parts.append(f"L{_fmt(x1)},{_fmt(y1)}")
            continue
        ax, ay = x1 - (x1 - x0) / d_in * r, y1 - (y1 - y0) / d_in * r
        bx, by = x1 + (x2 - x1) / d_out * r, y1 + (y2 - y1) / d_out * r
        parts.append(f"L{_fmt(ax)},{_fmt(ay)} Q{_fmt(x1)},{_fmt(y1)} {_fmt(bx)},{_fmt(by)}")
    parts.append(f"L{_fmt(points[-1][0])},{_fmt(points[-1][1])}")
    return " ".join(parts)


def _text(x: float, y: float, lines: list[str], size: int, line_h: float, **attrs: object) -> str:
    """Centred multi-line text; (x, y) is the centre of the block."""
    extra = "".join(f" {key.replace('_', '-')}={quoteattr(str(value))}"
                    for key, value in attrs.items())
    first = y - line_h * (len(lines) - 1) / 2 + size * 0.35
    spans = "".join(
        f'<tspan x="{_fmt(x)}" y="{_fmt(first + i * line_h)}">{escape(line)}</tspan>'
        for i, line in enumerate(lines))
    return f'<text text-anchor="middle" font-size="{size}"{extra}>{spans}</text>'


def _route_svg(route: Route, graph: DirectionGraph) -> str:
    if route.curve:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = route.curve
        d = (f"M{_fmt(x0)},{_fmt(y0)} C{_fmt(x1)},{_fmt(y1)} {_fmt(x2)},{_fmt(y2)} "
             f"{_fmt(x3)},{_fmt(y3)}")
    else:
        d = _rounded_path(route.points)
    dash = ' stroke-dasharray="6 4"' if route.kind == "summary" else ""
    source = graph.state_labels.get(route.source, "any state")
    return (
        f'<path class="edge edge-{route.kind}" d="{d}" stroke="{_COLOURS[route.kind]}" '
        f'stroke-width="1.3"{dash} marker-end="url(#arrow-{route.kind})" '
        f'data-transition="{escape(" ".join(route.transitions))}" '
        f'data-source="{escape(route.source)}" data-target="{escape(route.target)}">'
        f'<title>{escape(route.label)}: {escape(source)} → '
        f'{escape(graph.state_labels[route.target])}</title></path>')


def _note_svg(box: Box) -> str:
    return (f'<g class="note"><rect x="{_fmt(box.x)}" y="{_fmt(box.y)}" width="{_fmt(box.w)}"'
            f' height="{_fmt(box.h)}" rx="4" fill="#ffffff" stroke="{_COLOURS["summary"]}"'
            f' stroke-dasharray="5 3"/>'
            + _text(box.x + box.w / 2, box.y + box.h / 2, box.lines, 11, 14,
                    fill=_COLOURS["summary"], font_style="italic") + "</g>")


def _state_svg(box: Box, graph: DirectionGraph) -> list[str]:
    """A state's box; a final state's has a double border, an initial state's a thick one."""
    stroke_w = "2.4" if box.kind == "initial" else "1.2"
    label = graph.state_labels[box.state]
    out = [
        f'<g class="state state-{box.kind}" id="{graph.direction}-{box.state}" '
        f'data-state="{box.state}"><title>{escape(label)} ({box.state})</title>'
        f'<rect class="state-box" x="{_fmt(box.x)}" y="{_fmt(box.y)}" width="{_fmt(box.w)}" '
        f'height="{_fmt(box.h)}" rx="8" fill="{STATE_FILLS[box.kind]}" stroke="#2c3e50" '
        f'stroke-width="{stroke_w}"/>']
    if box.kind == "final":
        out.append(f'<rect x="{_fmt(box.x + 3)}" y="{_fmt(box.y + 3)}" '
                   f'width="{_fmt(box.w - 6)}" height="{_fmt(box.h - 6)}" rx="6" '
                   f'fill="none" stroke="#2c3e50" stroke-width="0.8"/>')
    out.append(_text(box.x + box.w / 2, box.y + box.h / 2, box.lines, _STATE_FONT, 15,
                     fill="#1b2631") + "</g>")
    return out


def _label_svg(label: Label) -> str:
    x0, y0, x1, y1 = label.rect()
    return (f'<g class="edge-label"><title>{escape(label.title)}</title>'
            f'<rect x="{_fmt(x0)}" y="{_fmt(y0)}" width="{_fmt(x1 - x0)}" '
            f'height="{_fmt(y1 - y0)}" rx="3" fill="#ffffff" fill-opacity="0.9"/>'
            + _text(label.x, label.y, label.lines, LABEL_FONT, LABEL_LINE_H,
                    fill=_COLOURS[label.kind])
            + "</g>")


def _band_svg(band: BandLayout, labels: list[Label], top: float, width: float) -> list[str]:
    g = band.graph
    out = [f'<g class="band" id="band-{g.direction}" data-direction="{g.direction}" '
           f'transform="translate(0,{_fmt(top)})">',
           f'<rect class="band-frame" x="8" y="0" width="{_fmt(width - 16)}" '
           f'height="{_fmt(band.height)}" rx="10" fill="#fbfcfe" stroke="#c9d2dc"/>',
           f'<text x="22" y="24" font-size="15" font-weight="bold" fill="#2c3e50">'
           f'{escape(g.title)}</text>']
    out.append('<g class="edges" fill="none">')
    out.extend(_route_svg(route, g) for route in band.routes)
    out.append("</g>")
    out.append('<g class="states">')
    for box in band.boxes.values():
        if box.kind == "note":
            out.append(_note_svg(box))
        else:
            out.extend(_state_svg(box, g))
    out.append("</g>")
    out.append(f'<g class="edge-labels" font-size="{LABEL_FONT}">')
    out.extend(_label_svg(label) for label in labels)
    out.append("</g>")
    out.append("</g>")
    return out


_LEGEND = (
    ("forward", "to the next column"),
    ("routed", "skipping columns"),
    ("back", "backwards or within a column"),
    ("summary", "available from many states, drawn once"),
)


def _legend_svg(bands: list[BandLayout], top: float) -> list[str]:
    """The kinds of arrow drawn, then how to read the boxes."""
    drawn = {route.kind for band in bands for route in band.routes}
    x = 16.0
    y = top + 16
    out = ['<g class="legend" font-size="11" fill="#34495e">']
    for kind, text in _LEGEND:
        if kind not in drawn:
            continue
        dash = ' stroke-dasharray="6 4"' if kind == "summary" else ""
        out.append(f'<path d="M{_fmt(x)},{_fmt(y)} L{_fmt(x + 34)},{_fmt(y)}" '
                   f'stroke="{_COLOURS[kind]}" stroke-width="1.3"{dash} '
                   f'marker-end="url(#arrow-{kind})"/>')
        out.append(f'<text x="{_fmt(x + 42)}" y="{_fmt(y + 4)}">{escape(text)}</text>')
        x += 42 + len(text) * 6.2 + 30
    y += 24
    out.append(f'<text x="16" y="{_fmt(y)}">Thick border: initial state. Double border: final '
               'state. Arrows of one transition into one state share an arrowhead and a label. '
               'Hover an arrow or label for the transition name.</text>')
    out.append("</g>")
    return out


def graph_to_svg(graph: InstrumentGraph) -> str:
    """A standalone SVG drawing of ``graph``: a title, then the outgoing and the incoming graph as
    two horizontal bands, then a legend. Needs no external tool."""
    bands = [layout_band(dgraph) for dgraph in graph.directions]
    labels = [place_labels(band.routes, band.boxes) for band in bands]
    width = max(max(band.width for band in bands), 900)
    header = 64
    legend_h = 58
    height = header + sum(band.height + 18 for band in bands) + legend_h
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_fmt(width)}" height="{_fmt(height)}" '
        f'viewBox="0 0 {_fmt(width)} {_fmt(height)}" '
        'font-family="Helvetica, Arial, sans-serif">',
        f"<title>{escape(graph.slug)} — {escape(graph.short_title)}: request states</title>",
        "<defs>",
    ]
    for kind, colour in _COLOURS.items():
        out.append(
            f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" '
            f'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>')
    out.append("</defs>")
    out.append(f'<rect width="{_fmt(width)}" height="{_fmt(height)}" fill="#ffffff"/>')
    out.append(f'<text x="16" y="30" font-size="20" font-weight="bold" fill="#1b2631">'
               f'{escape(graph.slug)} — {escape(graph.short_title)}</text>')
    out.append('<text x="16" y="50" font-size="12" fill="#566573">Effective request state graph '
               '(transitions whose conditions hold under this instrument; generated from the '
               'model by draw_state_graphs)</text>')
    top = header
    for band, band_labels in zip(bands, labels, strict=True):
        out.extend(_band_svg(band, band_labels, top, width))
        top += band.height + 18
    out.extend(_legend_svg(bands, top))
    out.append("</svg>")
    return "\n".join(out) + "\n"
