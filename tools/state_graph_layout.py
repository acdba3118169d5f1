"""Dev-only: the layered layout behind ``tools.state_graph_svg`` (boxes and routed arrows).

``layout_band`` runs the phases in order: the grid (a column per rank, rows by barycentre), the
boxes (and the summary column's notes), the abstract routes, their channels and tracks, the
coordinates, then the points of every route. ``tools.state_graph_labels`` places the labels.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from typing import NamedTuple

from requests_app.graph import STATE_ORDER
from requests_app.graph import DirectionGraph
from requests_app.graph import Edge
from requests_app.graph import state_kind
from requests_app.graph import wrap_label

__all__ = ("BOX_W", "TRACK_MARGIN", "BandLayout", "Box", "Point", "Rect", "Route", "layout_band")

BOX_W = 172
_STATE_CHARS = 23
_TRACK_STEP, TRACK_MARGIN = 8, 12
_CHANNEL_STEP = 16
_GUTTER_MID = 150  # room between the track groups of a gutter for curves and their labels
_PORT_STEP = 7
_MARGIN = 24

Point = tuple[float, float]
Rect = tuple[float, float, float, float]
TrackGroup = tuple[int, str]  # (gutter, "a" beside its left column or "b" beside its right one)


# --- the pieces of a band ----------------------------------------------------------------------
@dataclass
class Box:
    state: str
    lines: list[str]
    column: int
    row: int
    kind: str  # "initial", "final", "state" or "note"
    x: float = 0.0
    y: float = 0.0
    w: float = BOX_W
    h: float = 0.0

    def rect(self, pad: float = 0.0) -> Rect:
        return (self.x - pad, self.y - pad, self.x + self.w + pad, self.y + self.h + pad)


def _gutter_pos(gutter: int) -> int:
    """Where gutter ``g`` (between columns ``g`` and ``g + 1``) lies along a channel, on a scale
    where column ``c`` is at ``2c + 1``."""
    return 2 * gutter + 2


def _row_pos(row: int) -> int:
    """Where row ``r`` lies along a gutter, on a scale where channel ``c`` (the gap above row
    ``c``) is at ``2c``."""
    return 2 * row + 1


def _channel_pos(channel: int) -> int:
    return 2 * channel


@dataclass
class Route:
    """One drawn arrow (possibly standing for several parallel transitions)."""

    source: str
    target: str
    label: str
    transitions: tuple[str, ...]
    kind: str  # "forward" (next column), "routed", "back" or "summary"
    exit_side: str = "R"
    entry_side: str = "L"
    exit_gutter: int = 0
    entry_gutter: int = 0
    channel: int | None = None
    exit_track: int = 0
    entry_track: int = 0
    channel_track: int = 0
    group: tuple[str, ...] = ()  # (target, entry side, label): the arrows sharing an arrowhead
    points: list[Point] = field(default_factory=list)
    curve: tuple[Point, Point, Point, Point] | None = None  # cubic Bézier for "forward"

    @property
    def exit_group(self) -> TrackGroup:
        return (self.exit_gutter, "a" if self.exit_side == "R" else "b")

    @property
    def entry_group(self) -> TrackGroup:
        return (self.entry_gutter, "a" if self.entry_side == "R" else "b")

    @property
    def gutter_span(self) -> tuple[int, int]:
        """The stretch of a channel between the exit and the entry gutter."""
        lo, hi = sorted((_gutter_pos(self.exit_gutter), _gutter_pos(self.entry_gutter)))
        return lo, hi


class _Note(NamedTuple):
    """The note standing for a summarised transition's many sources, drawn above its target."""

    box: Box
    transition: str
    label: str
    target: str


@dataclass
class _Grid:
    """Where the states reached without a summarised transition sit: a column per rank, rows
    shared by the whole band."""

    main_edges: list[Edge]
    column_of: dict[str, int]
    rows: dict[str, int]
    last_column: int
    rows_count: int  # grows when the summary column needs more rows

    @property
    def summary_column(self) -> int:
        return self.last_column + 1


@dataclass
class _Geometry:
    """Coordinates of the grid: the left edge of every column, the top and height of every
    channel (what routing needs once the boxes are placed), and the size of the band."""

    column_x: dict[int, float]
    channel_y: dict[int, float]
    channel_h: dict[int, float]
    channel_tracks: Mapping[int, int]
    width: float
    height: float

    def track_x(self, group: TrackGroup, track: int) -> float:
        gutter, side = group
        if side == "a":
            return self.column_x[gutter] + BOX_W + TRACK_MARGIN + _TRACK_STEP * track
        return self.column_x[gutter + 1] - TRACK_MARGIN - _TRACK_STEP * track

    def channel_track_y(self, channel: int, track: int) -> float:
        count = self.channel_tracks.get(channel, 1)
        top = self.channel_y[channel] + (self.channel_h[channel] - _CHANNEL_STEP * (count - 1)) / 2
        return top + _CHANNEL_STEP * track


@dataclass
class BandLayout:
    """One direction's graph laid out: boxes on the grid and routed arrows, no labels yet."""

    graph: DirectionGraph
    boxes: dict[str, Box]
    routes: list[Route]
    width: float
    height: float


def _intervals_to_tracks(intervals: Iterable[tuple[float, float, object]]) -> dict[object, int]:
    """Interval-graph colouring: the lowest track whose last interval ended before this one."""
    ends: list[float] = []
    result = {}
    for start, end, key in sorted(intervals, key=lambda item: (item[0], item[1])):
        for track, last_end in enumerate(ends):
            if last_end < start:
                ends[track] = end
                result[key] = track
                break
        else:
            ends.append(end)
            result[key] = len(ends) - 1
    return result


# --- the grid and the boxes --------------------------------------------------------------------
def _order_columns(columns: dict[int, list[str]], edges: list[Edge],
                   ranks: Mapping[str, int]) -> dict[str, int]:
    """Rows for the states: barycentre ordering, then each column's states on the shared rows
    nearest the rows of their neighbours (order kept)."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        if edge.source != edge.target:
            neighbours[edge.source].add(edge.target)
            neighbours[edge.target].add(edge.source)
    _sort_by_barycentre(columns, neighbours, ranks)
    return _nearest_rows(columns, neighbours)


def _sort_by_barycentre(columns: dict[int, list[str]], neighbours: Mapping[str, set[str]],
                        ranks: Mapping[str, int]) -> None:
    """Sort each column in place by the mean position of its neighbours in the columns before
    it (even sweeps, left to right) or after it (odd sweeps, right to left); six sweeps."""
    position = {state: index for states in columns.values() for index, state in enumerate(states)}
    order = sorted(columns)
    for sweep in range(6):
        for column in (order if sweep % 2 == 0 else reversed(order)):
            def barycentre(state: str, column: int = column, sweep: int = sweep) -> float:
                near = [position[other] for other in neighbours[state] if other in position and (
                    ranks[other] < column if sweep % 2 == 0 else ranks[other] > column)]
                return sum(near) / len(near) if near else position[state]
            columns[column].sort(key=lambda state: (barycentre(state), STATE_ORDER[state]))
            for index, state in enumerate(columns[column]):
                position[state] = index


def _nearest_rows(columns: dict[int, list[str]],
                  neighbours: Mapping[str, set[str]]) -> dict[str, int]:
    """Column by column, the rows (order kept) nearest the rows of the neighbours placed so far;
    a state without placed neighbours wants its place in the column, centred."""
    rows_count = max(len(states) for states in columns.values())
    rows: dict[str, int] = {}
    for column in sorted(columns):
        states = columns[column]
        wanted = []
        for index, state in enumerate(states):
            near = [rows[other] for other in neighbours[state] if other in rows]
            wanted.append(sum(near) / len(near) if near
                          else index + (rows_count - len(states)) / 2)
        best = min(itertools.combinations(range(rows_count), len(states)),
                   key=lambda choice: (sum(abs(r - w) for r, w in zip(choice, wanted, strict=True)),
                                       sum(choice)))
        rows.update(zip(states, best, strict=True))
    return rows


def _grid(graph: DirectionGraph) -> _Grid:
    main_states = graph.main_states
    main = set(main_states)
    by_rank: dict[int, list[str]] = defaultdict(list)
    for state in main_states:
        by_rank[graph.ranks[state]].append(state)
    # make the columns consecutive even if a rank were empty
    renumber = {rank: index for index, rank in enumerate(sorted(by_rank))}
    column_of = {state: renumber[graph.ranks[state]] for state in main_states}
    columns = {renumber[rank]: states for rank, states in sorted(by_rank.items())}
    main_edges = [edge for edge in graph.main_edges if edge.target in main]
    rows = _order_columns(columns, main_edges, column_of)
    rows_count = max([len(states) for states in columns.values()] + [1])
    if graph.summaries():
        rows_count = max(rows_count, 2)
    return _Grid(main_edges, column_of, rows, max(columns) if columns else 0, rows_count)


def _state_box(graph: DirectionGraph, state: str, column: int, row: int) -> Box:
    return Box(state, wrap_label(graph.state_labels[state], _STATE_CHARS), column, row,
               state_kind(graph, state))


def _boxes(graph: DirectionGraph, grid: _Grid) -> tuple[dict[str, Box], list[_Note]]:
    """A box per main state on the grid; then, in the summary column right of the last one, a
    note per summarised transition above its target, and any state reached only otherwise (not
    in this model). Grows ``grid.rows_count`` to what the summary column needs."""
    boxes = {state: _state_box(graph, state, grid.column_of[state], grid.rows[state])
             for state in graph.main_states}
    notes: list[_Note] = []
    next_row = 0
    for index, (name, label, target, sources) in enumerate(graph.summaries()):
        note = Box(f"__note_{index}", wrap_label(graph.summary_note(sources), _STATE_CHARS + 2),
                   grid.summary_column, next_row, "note")
        boxes[note.state] = note
        next_row += 1
        if target not in boxes:
            boxes[target] = _state_box(graph, target, grid.summary_column, next_row)
            next_row += 1
        notes.append(_Note(note, name, label, target))
    grid.rows_count = max(grid.rows_count, next_row)
    for state in graph.states:
        if state not in boxes:
            boxes[state] = _state_box(graph, state, grid.summary_column, grid.rows_count)
            grid.rows_count += 1
    return boxes, notes


# --- routes, channels and tracks ---------------------------------------------------------------
def _route_shape(cs: int, ct: int) -> tuple[str, str, str, int, int]:
    """(kind, exit side, entry side, exit gutter, entry gutter) of a route from column ``cs`` to
    column ``ct``."""
    if ct == cs + 1:
        return "forward", "R", "L", 0, 0  # a curve: no gutter tracks
    if ct > cs + 1:
        return "routed", "R", "L", cs, ct - 1
    if ct < cs:
        return "back", "L", "R", cs - 1, ct
    return "back", "R", "R", cs, cs  # within one column: out and back in on the right


def _routes(grid: _Grid) -> list[Route]:
    """One route per (source, target), parallel transitions merged under one label."""
    merged: dict[tuple[str, str], list[Edge]] = defaultdict(list)
    for edge in grid.main_edges:
        merged[(edge.source, edge.target)].append(edge)
    routes: list[Route] = []
    for (source, target), edges in merged.items():
        label = " / ".join(dict.fromkeys(edge.label for edge in edges))
        kind, exit_side, entry_side, exit_gutter, entry_gutter = _route_shape(
            grid.column_of[source], grid.column_of[target])
        routes.append(Route(source, target, label, tuple(edge.transition for edge in edges), kind,
                            exit_side=exit_side, entry_side=entry_side, exit_gutter=exit_gutter,
                            entry_gutter=entry_gutter, group=(target, entry_side, label)))
    return routes


def _assign_channels(routes: list[Route], rows: Mapping[str, int]) -> None:
    """A channel for every route that changes gutter (shortest spans first): of the channels
    between its source's and target's rows, the one its span crosses fewest others in."""
    channel_load: dict[int, list[tuple[int, int]]] = defaultdict(list)
    changing = [r for r in routes if r.kind != "forward" and r.exit_gutter != r.entry_gutter]
    for route in sorted(changing, key=lambda r: abs(r.exit_gutter - r.entry_gutter)):
        rs, rt = rows[route.source], rows[route.target]
        candidates = ([rs, rs + 1] if rs == rt
                      else list(range(min(rs, rt) + 1, max(rs, rt) + 1)))
        lo, hi = route.gutter_span

        def cost(channel: int, rs: int = rs, lo: int = lo, hi: int = hi) -> tuple[int, float]:
            crossed = sum(1 for a, b in channel_load[channel] if a <= hi and lo <= b)
            return crossed, abs(channel - rs - 0.5)
        route.channel = min(candidates, key=cost)
        channel_load[route.channel].append((lo, hi))


def _gutter_intervals(routes: list[Route], rows: Mapping[str, int]
                      ) -> dict[TrackGroup, list[tuple[int, int, object]]]:
    """The vertical extent of the segments in each track group: every exit segment (from its
    source to its channel) on its own; the entry segments of one arrowhead group together."""
    intervals: dict[TrackGroup, list[tuple[int, int, object]]] = defaultdict(list)
    group_spans: dict[tuple[str, TrackGroup, tuple[str, ...]], list[int]] = defaultdict(list)
    for index, route in enumerate(routes):
        if route.kind == "forward":
            continue
        rs, rt = _row_pos(rows[route.source]), _row_pos(rows[route.target])
        key = ("group", route.entry_group, route.group)
        if route.channel is None:  # vertical only, in one gutter
            group_spans[key] += [rs, rt]
        else:
            ch = _channel_pos(route.channel)
            intervals[route.exit_group].append((min(rs, ch), max(rs, ch), ("exit", index)))
            group_spans[key] += [ch, rt]
    for key, span in group_spans.items():
        intervals[key[1]].append((min(span), max(span), key))
    return intervals


def _assign_gutter_tracks(routes: list[Route], rows: Mapping[str, int]) -> dict[TrackGroup, int]:
    """Give every route that is not a curve its exit and entry track; return the number of
    tracks of each track group."""
    tracks: dict[object, int] = {}
    tracks_per_group: dict[TrackGroup, int] = {}
    for group, intervals in _gutter_intervals(routes, rows).items():
        assigned = _intervals_to_tracks(intervals)
        tracks.update(assigned)
        tracks_per_group[group] = max(assigned.values()) + 1
    for index, route in enumerate(routes):
        if route.kind == "forward":
            continue
        route.entry_track = tracks[("group", route.entry_group, route.group)]
        route.exit_track = tracks.get(("exit", index), route.entry_track)
    return tracks_per_group


def _assign_channel_tracks(routes: list[Route]) -> dict[int, int]:
    """Give every route through a channel its track there; return the tracks per channel."""
    channel_intervals: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for index, route in enumerate(routes):
        if route.channel is not None:
            lo, hi = route.gutter_span
            channel_intervals[route.channel].append((lo, hi, index))
    channel_tracks: dict[int, int] = {}
    for channel, intervals in channel_intervals.items():
        assigned = _intervals_to_tracks([(lo - 0.5, hi + 0.5, key) for lo, hi, key in intervals])
        for index, track in assigned.items():
            routes[index].channel_track = track
        channel_tracks[channel] = max(assigned.values()) + 1
    return channel_tracks


# --- coordinates -------------------------------------------------------------------------------
Ports = dict[tuple[str, str], list[tuple[float, tuple[object, ...]]]]


def _ports(routes: list[Route], grid: _Grid) -> Ports:
    """The arrows meeting each (state, side), with where their other end lies (to stack them
    without crossings): one per route leaving, one per arrowhead group arriving."""
    ports: Ports = defaultdict(list)
    for index, route in enumerate(routes):
        other_t = grid.rows[route.target] + grid.column_of[route.target] * 0.01
        other_s = grid.rows[route.source] + grid.column_of[route.source] * 0.01
        if route.channel is not None:
            other_t = other_s = route.channel - 0.5
        ports[(route.source, route.exit_side)].append((other_t, ("out", index)))
        key = ("in", route.group)
        arriving = ports[(route.target, route.entry_side)]
        if all(existing != key for _, existing in arriving):
            arriving.append((other_s, key))
    return ports


def _gutter_width(gutter: int, last_column: int, tracks_per_group: Mapping[TrackGroup, int]
                  ) -> float:
    a, b = tracks_per_group.get((gutter, "a"), 0), tracks_per_group.get((gutter, "b"), 0)
    inner = 0 <= gutter < last_column
    if not inner and not a and not b:
        return _MARGIN if gutter >= 0 else 0
    mid = _GUTTER_MID if inner else 90
    return 2 * TRACK_MARGIN + _TRACK_STEP * (a + b) + mid


def _columns_x(grid: _Grid, tracks_per_group: Mapping[TrackGroup, int], *,
               has_notes: bool) -> tuple[dict[int, float], float]:
    """The left edge of every column and the band's width (without the summary column when
    there is no note)."""
    def gutter_width(gutter: int) -> float:
        return _gutter_width(gutter, grid.last_column, tracks_per_group)

    column_x: dict[int, float] = {}
    x = _MARGIN + gutter_width(-1)
    for column in range(grid.summary_column + 1):
        column_x[column] = x
        x += BOX_W + gutter_width(column)
    if not has_notes:
        x -= BOX_W + gutter_width(grid.summary_column)
    return column_x, x + _MARGIN


def _channel_heights(rows_count: int, channel_tracks: Mapping[int, int]) -> dict[int, float]:
    """Each channel tall enough for its tracks; the inner ones also for a label, the first one
    for the band's title."""
    channel_h = {c: (_CHANNEL_STEP * channel_tracks.get(c, 0) + 20) for c in range(rows_count + 1)}
    channel_h[0] = max(channel_h[0], 26) if channel_tracks.get(0) else 30
    channel_h[rows_count] = (_CHANNEL_STEP * channel_tracks.get(rows_count, 0) + 20
                             if channel_tracks.get(rows_count) else 12)
    for c in range(1, rows_count):
        channel_h[c] = max(channel_h[c], 46)
    return channel_h


def _geometry(grid: _Grid, boxes: dict[str, Box], ports: Ports,
              tracks_per_group: Mapping[TrackGroup, int], channel_tracks: Mapping[int, int], *,
              has_notes: bool) -> _Geometry:
    """The coordinates of the grid; sizes and places every box on it."""
    most_ports = max([len(v) for v in ports.values()] + [1])
    line_count = max(len(box.lines) for box in boxes.values())
    box_h = max(20 + 15 * line_count, 12 + _PORT_STEP * most_ports)
    column_x, width = _columns_x(grid, tracks_per_group, has_notes=has_notes)
    channel_h = _channel_heights(grid.rows_count, channel_tracks)
    row_y: dict[int, float] = {}
    channel_y: dict[int, float] = {}
    y = 34.0  # band title
    for row in range(grid.rows_count + 1):
        channel_y[row] = y
        y += channel_h[row]
        if row < grid.rows_count:
            row_y[row] = y
            y += box_h
    for box in boxes.values():
        box.x, box.y, box.h = column_x[box.column], row_y[box.row], box_h
    return _Geometry(column_x, channel_y, channel_h, channel_tracks, width, y + 6)


def _port_y(ports: Ports, boxes: Mapping[str, Box]) -> dict[tuple[str, str, object], float]:
    """Where each arrow meets its side of its box: evenly spaced, ordered by their other ends."""
    port_y: dict[tuple[str, str, object], float] = {}
    for (state, side), users in ports.items():
        box = boxes[state]
        users.sort(key=lambda item: item[0])
        for i, (_, key) in enumerate(users):
            port_y[(state, side, key)] = box.y + box.h * (i + 1) / (len(users) + 1)
    return port_y


def _connect(route: Route, index: int, boxes: Mapping[str, Box],
             port_y: Mapping[tuple[str, str, object], float], geometry: _Geometry) -> None:
    """Set the curve of a forward route, the points of any other."""
    source, target = boxes[route.source], boxes[route.target]
    sy = port_y[(route.source, route.exit_side, ("out", index))]
    ty = port_y[(route.target, route.entry_side, ("in", route.group))]
    sx = source.x + (source.w if route.exit_side == "R" else 0)
    tx = target.x + (target.w if route.entry_side == "R" else 0)
    if route.kind == "forward":
        dx = (tx - sx) / 2
        route.curve = ((sx, sy), (sx + dx, sy), (tx - dx, ty), (tx, ty))
        return
    xi = geometry.track_x(route.entry_group, route.entry_track)
    if route.channel is None:
        route.points = [(sx, sy), (xi, sy), (xi, ty), (tx, ty)]
        return
    xe = geometry.track_x(route.exit_group, route.exit_track)
    yc = geometry.channel_track_y(route.channel, route.channel_track)
    route.points = [(sx, sy), (xe, sy), (xe, yc), (xi, yc), (xi, ty), (tx, ty)]


def _note_route(note: _Note, boxes: Mapping[str, Box]) -> Route:
    """The dashed arrow from a note down to its target, or across to it in another column."""
    box, target = note.box, boxes[note.target]
    route = Route(box.state, note.target, note.label, (note.transition,), "summary")
    if target.column == box.column:
        cx = box.x + box.w / 2
        route.points = [(cx, box.y + box.h), (cx, target.y)]
    else:
        route.points = [(box.x, box.y + box.h / 2),
                        (target.x + target.w, target.y + target.h / 2)]
    return route


def layout_band(graph: DirectionGraph) -> BandLayout:
    """Lay out the graph of one direction: a box per state, a route per arrow; the labels are
    placed afterwards (``tools.state_graph_labels``)."""
    grid = _grid(graph)
    boxes, notes = _boxes(graph, grid)
    routes = _routes(grid)
    _assign_channels(routes, grid.rows)
    tracks_per_group = _assign_gutter_tracks(routes, grid.rows)
    channel_tracks = _assign_channel_tracks(routes)
    ports = _ports(routes, grid)
    geometry = _geometry(grid, boxes, ports, tracks_per_group, channel_tracks,
                         has_notes=bool(notes))
    port_y = _port_y(ports, boxes)
    for index, route in enumerate(routes):
        _connect(route, index, boxes, port_y, geometry)
    routes.extend(_note_route(note, boxes) for note in notes)
    return BandLayout(graph, boxes, routes, geometry.width, geometry.height)
