"""Dev-only: greedy placement of the arrow labels of a laid-out band (``tools.state_graph_svg``).

A label goes where it overlaps no box and no label placed before it, trying spots along its
route; the labels of the longer, more constrained routes are placed first.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from requests_app.graph import wrap_label

from .state_graph_layout import TRACK_MARGIN
from .state_graph_layout import Box
from .state_graph_layout import Point
from .state_graph_layout import Rect
from .state_graph_layout import Route

__all__ = ("LABEL_FONT", "LABEL_LINE_H", "Label", "place_labels")

LABEL_FONT, _LABEL_CHAR_W, LABEL_LINE_H = 10, 5.7, 12
_LABEL_SPOTS = (0.5, 0.35, 0.65, 0.2, 0.8)  # along a segment, the middle first


@dataclass
class Label:
    lines: list[str]
    kind: str  # the kind of route it names, which gives its colour
    x: float = 0.0  # centre
    y: float = 0.0  # centre
    w: float = 0.0
    h: float = 0.0
    title: str = ""

    def rect(self, pad: float = 0.0) -> Rect:
        return (self.x - self.w / 2 - pad, self.y - self.h / 2 - pad,
                self.x + self.w / 2 + pad, self.y + self.h / 2 + pad)


def _overlap(a: Rect, b: Rect) -> float:
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0


def _label_size(lines: list[str]) -> tuple[float, float]:
    return (max(len(line) for line in lines) * _LABEL_CHAR_W + 8, len(lines) * LABEL_LINE_H + 3)


def _bezier(curve: tuple[Point, Point, Point, Point], t: float) -> Point:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve
    u = 1 - t
    return (u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3,
            u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3)


def _new_label(lines: list[str], kind: str, title: str) -> Label:
    w, h = _label_size(lines)
    return Label(lines, kind, w=w, h=h, title=title)


class _LabelPlacer:
    """Greedy placement: each label goes to the first candidate spot where it overlaps nothing,
    else to the spot of least overlap (a box weighs four times a label placed before)."""

    def __init__(self, boxes: Mapping[str, Box]) -> None:
        self.obstacles = [box.rect(3) for box in boxes.values()]
        self.placed: list[Label] = []

    def cost(self, label: Label) -> float:
        rect = label.rect(1)
        return (sum(_overlap(rect, box) for box in self.obstacles) * 4
                + sum(_overlap(rect, other.rect(1)) for other in self.placed))

    def place(self, label: Label, candidates: list[Point]) -> None:
        best, best_cost = candidates[0], math.inf
        # the preferred spots first, then the same spots nudged up and down
        candidates = candidates + [(x, y + dy) for dy in (-12, 12, -24, 24, -36, 36)
                                   for x, y in candidates]
        for x, y in candidates:
            label.x, label.y = x, y
            cost = self.cost(label)
            if cost < best_cost:
                best, best_cost = (x, y), cost
            if cost == 0:
                break
        label.x, label.y = best
        self.placed.append(label)


def _group_label(route: Route, routes: list[Route]) -> tuple[Label, list[Point]]:
    """One label for the arrows sharing ``route``'s arrowhead, beside the arrowhead."""
    members = [r for r in routes if r.kind != "summary" and r.group == route.group]
    names = dict.fromkeys(name for member in members for name in member.transitions)
    label = _new_label(wrap_label(route.label, 24), route.kind, ", ".join(names))
    first = members[0]
    end = first.curve[3] if first.curve else first.points[-1]
    direction = -1 if route.entry_side == "L" else 1
    x0 = end[0] + direction * (12 + label.w / 2)
    candidates = [(x0, end[1] + dy) for dy in (0, -14, 14, -28, 28, -42, 42)]
    candidates += [(x0 + direction * 30, end[1] + dy) for dy in (-14, 14, 0, -28, 28)]
    return label, candidates


def _forward_label(route: Route) -> tuple[Label, list[Point]]:
    """On the curve, as wide as the gutter allows, the middle of the curve first."""
    assert route.curve is not None
    (sx, _), _, _, (tx, _) = route.curve
    max_chars = max(10, int((tx - sx - 2 * TRACK_MARGIN - 10) / _LABEL_CHAR_W))
    label = _new_label(wrap_label(route.label, min(26, max_chars)), route.kind,
                       ", ".join(route.transitions))
    spots = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2, 0.8)
    return label, [_bezier(route.curve, t) for t in spots]


def _orthogonal_spots(route: Route, width: float) -> list[Point]:
    """Where the label (``width`` wide) of a route drawn with straight segments may go."""
    points = route.points
    if route.kind == "summary":
        (x0, y0), (x1, y1) = points[0], points[-1]
        return [((x0 + x1) / 2 + width / 2 + 6, (y0 + y1) / 2), ((x0 + x1) / 2, (y0 + y1) / 2)]
    if len(points) == 6:  # along the channel segment
        (x0, y0), (x1, _) = points[2], points[3]
        return [(x0 + (x1 - x0) * t, y0) for t in _LABEL_SPOTS]
    # vertical only: beside the track, or on it
    (xa, ya), (_, yb) = points[1], points[2]
    side = 1 if route.entry_side == "R" else -1
    spots: list[Point] = []
    for t in _LABEL_SPOTS:
        spots.append((xa + side * (width / 2 + 4), ya + (yb - ya) * t))
        spots.append((xa, ya + (yb - ya) * t))
    return spots


def _orthogonal_label(route: Route) -> tuple[Label, list[Point]]:
    """Along the channel segment or beside the vertical track, then on any long horizontal."""
    label = _new_label(wrap_label(route.label, 30 if route.kind != "summary" else 20),
                       route.kind, ", ".join(route.transitions))
    candidates = _orthogonal_spots(route, label.w)
    for (x0, y0), (x1, y1) in zip(route.points, route.points[1:], strict=False):
        if abs(y0 - y1) < 0.5 and abs(x0 - x1) > 40:
            candidates.append(((x0 + x1) / 2, y0))
    return label, candidates


def _label_priority(route: Route) -> tuple[int, int]:
    # labels on the longer, more constrained routes first
    return ({"summary": 0, "routed": 1, "back": 1, "forward": 2}[route.kind], -len(route.label))


def place_labels(routes: list[Route], boxes: Mapping[str, Box]) -> list[Label]:
    """A label per route, or one per arrowhead shared by several routes."""
    placer = _LabelPlacer(boxes)
    group_sizes = Counter(route.group for route in routes if route.kind != "summary")
    done_groups: set[tuple[str, ...]] = set()
    for route in sorted(routes, key=_label_priority):
        if route.kind != "summary" and group_sizes[route.group] > 1:
            if route.group in done_groups:
                continue
            done_groups.add(route.group)
            placer.place(*_group_label(route, routes))
        elif route.kind == "forward":
            placer.place(*_forward_label(route))
        else:
            placer.place(*_orthogonal_label(route))
    return placer.placed
