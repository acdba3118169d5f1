"""The effective state graph of requests under each instrument, and two ways to draw it.

``AssistanceRequest`` declares one state graph for every instrument; the conditions on its
transitions ask the instrument's rulebook (and the request's direction) whether a transition
exists. This module evaluates those conditions against an unsaved stand-in request, so the graph
it returns is the one the model really allows: nothing here re-codes the conditions, and nothing
touches the database.

* ``instrument_graph(rulebook)`` / ``all_instrument_graphs()`` compute the graphs;
* ``graph_to_dot(graph)`` writes Graphviz DOT text (two clusters: outgoing and incoming);
* ``graph_to_svg(graph)`` draws the graph as SVG without any external tool (a small layered
  layout: one column per BFS rank, one horizontal band per direction).

``python manage.py draw_state_graphs`` writes both for every instrument.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from django.utils import translation
from django_fsm import GET_STATE
from django_fsm import State as ComputedTarget

from treaties.models import Instrument
from treaties.rulebook import all_rulebooks, get_rulebook
from treaties.rulebook.schema import Rulebook

from .models import FINAL_STATES, AssistanceRequest, Direction, RequestState
from .workflow.graph import graph_transitions
from .workflow.specs import CATALOGUE

__all__ = (
    "SUMMARISED_TRANSITIONS",
    "DirectionGraph",
    "Edge",
    "InstrumentGraph",
    "all_instrument_graphs",
    "direction_graph",
    "graph_to_dot",
    "graph_to_svg",
    "initial_states",
    "instrument_graph",
    "stand_in_request",
)

# Transitions that leave (nearly) every state. Drawing one arrow per source would bury the rest of
# the picture, so both renderers draw them once, from a note naming the states they leave.
SUMMARISED_TRANSITIONS = frozenset({"withdraw"})

_STATE_ORDER = {state.value: index for index, state in enumerate(RequestState)}
_FINAL = frozenset(str(state) for state in FINAL_STATES)
_ANY_STATE, _ANY_OTHER_STATE = "*", "+"


# --- the graph -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    transition: str  # the model method's name
    label: str  # English label of the transition
    roles: tuple[str, ...] = ()

    @property
    def summarised(self) -> bool:
        return self.transition in SUMMARISED_TRANSITIONS


@dataclass(frozen=True)
class DirectionGraph:
    """The states a request of one direction can reach under one instrument, and the transitions
    between them (only those whose conditions hold)."""

    direction: str  # Direction value: "outgoing" or "incoming"
    title: str
    initial_states: tuple[str, ...]
    states: tuple[str, ...]  # reachable states, by rank then by declaration order
    state_labels: Mapping[str, str]
    # Breadth-first distance from the initial states, not counting summarised transitions; states
    # reached only through a summarised transition (withdrawn) rank one past the last.
    ranks: Mapping[str, int]
    edges: tuple[Edge, ...]  # every effective edge between reachable states, summarised ones too
    unreachable_states: tuple[str, ...]  # states of the model this direction never reaches

    @property
    def main_edges(self) -> tuple[Edge, ...]:
        return tuple(edge for edge in self.edges if not edge.summarised)

    @property
    def summarised_edges(self) -> tuple[Edge, ...]:
        return tuple(edge for edge in self.edges if edge.summarised)

    @property
    def main_states(self) -> tuple[str, ...]:
        """States reached without a summarised transition."""
        reached = set(self.initial_states) | {edge.target for edge in self.main_edges}
        return tuple(state for state in self.states if state in reached)

    def transitions(self) -> set[str]:
        return {edge.transition for edge in self.edges}

    def has_edge(self, source: str, target: str, transition: str | None = None) -> bool:
        return any(edge.source == source and edge.target == target
                   and (transition is None or edge.transition == transition)
                   for edge in self.edges)

    def summaries(self) -> list[tuple[str, str, str, tuple[str, ...]]]:
        """(transition, label, target, sources) for each summarised transition and target."""
        grouped: dict[tuple[str, str], list[Edge]] = defaultdict(list)
        for edge in self.summarised_edges:
            grouped[(edge.transition, edge.target)].append(edge)
        return [(name, edges[0].label, target, tuple(edge.source for edge in edges))
                for (name, target), edges in grouped.items()]

    def summary_note(self, sources: Iterable[str]) -> str:
        """"from every state except: closed", or the list of sources when that is shorter."""
        sources = set(sources)
        others = [state for state in self.states if state not in sources]
        excluded = [self.state_labels[state] for state in others
                    if not any(edge.target == state and edge.summarised for edge in self.edges)]
        if not excluded:
            return "from every state"
        if len(excluded) <= len(sources):
            return "from every state except: " + ", ".join(excluded)
        return "from: " + ", ".join(self.state_labels[state] for state in self.states
                                    if state in sources)


@dataclass(frozen=True)
class InstrumentGraph:
    slug: str
    short_title: str
    outgoing: DirectionGraph
    incoming: DirectionGraph

    @property
    def directions(self) -> tuple[DirectionGraph, DirectionGraph]:
        return (self.outgoing, self.incoming)

    def direction(self, direction: str) -> DirectionGraph:
        return self.outgoing if Direction(direction) == Direction.OUTGOING else self.incoming


def initial_states(rulebook: Rulebook, direction: str) -> tuple[str, ...]:
    """The states a request starts in (see ``services.requests``): outgoing requests are drafted;
    incoming ones are registered as received, or, when the instrument provides oral requests,
    as oral requests awaiting their written confirmation."""
    if Direction(direction) == Direction.OUTGOING:
        return (RequestState.DRAFTING.value,)
    states = [RequestState.RECEIVED.value]
    if rulebook.provides_oral_requests:
        states.append(RequestState.ORAL_PENDING_CONFIRMATION.value)
    return tuple(states)


def stand_in_request(rulebook: Rulebook, direction: str,
                     state: str = RequestState.DRAFTING.value) -> AssistanceRequest:
    """An unsaved request of ``direction`` under the instrument of ``rulebook``, in ``state``.

    ``Instrument.rulebook`` looks the rulebook up by slug, so the conditions of the model read the
    real rulebook. The stand-in must never be saved."""
    instrument = Instrument(slug=rulebook.slug, short_title_en=rulebook.short_title.en)
    return AssistanceRequest(direction=Direction(direction).value, instrument=instrument,
                             state=state)


def _transitions() -> list:
    return graph_transitions()


def _sources(transition) -> list[str]:
    if transition.source == _ANY_STATE:
        return [state.value for state in RequestState]
    if transition.source == _ANY_OTHER_STATE:
        return [state.value for state in RequestState if state.value != str(transition.target)]
    return [str(transition.source)]


def _target(transition, request: AssistanceRequest, direction: str) -> str:
    """The state ``transition`` leads to for ``request``.

    A computed target (``RETURN_VALUE``, ``GET_STATE``) is resolved by calling the transition's
    own function on the stand-in: ``Transition.method`` is the undecorated method, so this runs
    the body only (no state change, no save, no signals). Should the body need arguments, the
    model's convention for two-state targets applies: outgoing requests take the first, incoming
    ones the second."""
    target = transition.target
    if target is None:  # "stays where it is"
        return str(transition.source)
    if not isinstance(target, ComputedTarget):
        return str(target)
    allowed = [str(state) for state in target.allowed_states]
    try:
        if isinstance(target, GET_STATE):
            result = target.func(request)
        else:
            result = transition.method(request)
    except TypeError:  # the body needs arguments we cannot invent
        result = None
    if result is not None and (not allowed or str(result) in allowed):
        return str(result)
    if len(allowed) == 2:
        return allowed[0] if Direction(direction) == Direction.OUTGOING else allowed[1]
    raise ValueError(f"Cannot resolve the target of {transition.name!r} for {direction} requests")


def _effective_edges(rulebook: Rulebook, direction: str) -> list[Edge]:
    edges = []
    for transition in _transitions():
        for source in _sources(transition):
            request = stand_in_request(rulebook, direction, source)
            if not all(condition(request) for condition in transition.conditions):
                continue
            targets = {_target(transition, request, direction)}
            if isinstance(transition.target, ComputedTarget):
                # Incoming requests go back to execution once forwarded, else to the
                # completeness check: draw both.
                forwarded = stand_in_request(rulebook, direction, source)
                forwarded.executing_authority_id = -1
                targets.add(_target(transition, forwarded, direction))
            for target in sorted(targets):
                spec = CATALOGUE[transition.name]
                edges.append(Edge(
                    source=source, target=target, transition=transition.name,
                    label=str(spec.label), roles=tuple(str(role) for role in spec.roles)))
    return edges


def _bfs(starts: Iterable[str], edges: Iterable[Edge]) -> dict[str, int]:
    successors: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        successors[edge.source].append(edge.target)
    distance = {state: 0 for state in starts}
    queue = deque(distance)
    while queue:
        state = queue.popleft()
        for target in successors[state]:
            if target not in distance:
                distance[target] = distance[state] + 1
                queue.append(target)
    return distance


def direction_graph(rulebook: Rulebook, direction: str) -> DirectionGraph:
    """The effective graph of requests of ``direction`` under ``rulebook``'s instrument."""
    direction = Direction(direction).value
    try:
        registered = get_rulebook(rulebook.slug)
    except LookupError:
        registered = None
    if registered is not rulebook and registered != rulebook:
        # the model's conditions read ``instrument.rulebook``, i.e. the registry's rulebook
        raise ValueError(f"Rulebook {rulebook.slug!r} is not the one registered under its slug")
    with translation.override("en"):
        starts = initial_states(rulebook, direction)
        edges = _effective_edges(rulebook, direction)
        reachable = _bfs(starts, edges)
        ranks = _bfs(starts, [edge for edge in edges if not edge.summarised])
        last = max(ranks.values(), default=0)
        for state in reachable:
            ranks.setdefault(state, last + 1)
        states = tuple(sorted(reachable, key=lambda state: (ranks[state], _STATE_ORDER[state])))
        kept = sorted((edge for edge in edges if edge.source in reachable),
                      key=lambda edge: (ranks[edge.source], _STATE_ORDER[edge.source],
                                        ranks[edge.target], _STATE_ORDER[edge.target],
                                        edge.transition))
        label = str(Direction(direction).label)
        return DirectionGraph(
            direction=direction,
            title=label[:1].upper() + label[1:],
            initial_states=starts,
            states=states,
            state_labels={state: str(RequestState(state).label) for state in states},
            ranks={state: ranks[state] for state in states},
            edges=tuple(kept),
            unreachable_states=tuple(state.value for state in RequestState
                                     if state.value not in reachable),
        )


def instrument_graph(rulebook: Rulebook) -> InstrumentGraph:
    return InstrumentGraph(
        slug=rulebook.slug,
        short_title=rulebook.short_title.en,
        outgoing=direction_graph(rulebook, Direction.OUTGOING),
        incoming=direction_graph(rulebook, Direction.INCOMING),
    )


def all_instrument_graphs() -> dict[str, InstrumentGraph]:
    """{slug: graph} for every instrument the engine has a rulebook for."""
    return {slug: instrument_graph(book) for slug, book in all_rulebooks().items()}


# --- Graphviz DOT ------------------------------------------------------------------------------
def _dot_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=True) or [""]


_FILL_INITIAL, _FILL_FINAL, _FILL_STATE = "#e3f4e1", "#e8e8e8", "#eef3fb"


def _state_fill(graph: DirectionGraph, state: str) -> str:
    if state in graph.initial_states:
        return _FILL_INITIAL
    if state in _FINAL:
        return _FILL_FINAL
    return _FILL_STATE


def graph_to_dot(graph: InstrumentGraph) -> str:
    """Graphviz DOT text: one cluster per direction; summarised transitions (withdraw) are drawn
    once, as a dashed arrow from a note."""
    lines = [
        f"digraph {_dot_string(graph.slug)} {{",
        f"  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", labelloc=t, fontsize=18,"
        f" label={_dot_string(f'{graph.slug} — {graph.short_title}')}];",
        f"  node [shape=box, style=\"rounded,filled\", fillcolor=\"{_FILL_STATE}\","
        " fontname=\"Helvetica\", fontsize=11];",
        "  edge [fontname=\"Helvetica\", fontsize=9];",
    ]
    for dgraph in graph.directions:
        prefix = dgraph.direction
        lines.append(f"  subgraph cluster_{prefix} {{")
        lines.append(f"    label={_dot_string(dgraph.title)}; style=rounded; color=\"#9aa5b1\";")
        for state in dgraph.states:
            attrs = [f"label={_dot_string(chr(10).join(_wrap(dgraph.state_labels[state], 24)))}",
                     f"fillcolor=\"{_state_fill(dgraph, state)}\"",
                     f"tooltip={_dot_string(state)}"]
            if state in dgraph.initial_states:
                attrs.append("penwidth=2")
            if state in _FINAL:
                attrs.append("peripheries=2")
            lines.append(f"    {_dot_string(f'{prefix}:{state}')} [{', '.join(attrs)}];")
        for edge in dgraph.main_edges:
            lines.append(
                f"    {_dot_string(f'{prefix}:{edge.source}')} -> "
                f"{_dot_string(f'{prefix}:{edge.target}')} "
                f"[label={_dot_string(chr(10).join(_wrap(edge.label, 22)))}, "
                f"tooltip={_dot_string(edge.transition)}];")
        for index, (name, label, target, sources) in enumerate(dgraph.summaries()):
            note = f"{prefix}:{name}-note-{index}"
            lines.append(
                f"    {_dot_string(note)} [shape=note, style=dashed, fillcolor=white,"
                f" label={_dot_string(chr(10).join(_wrap(dgraph.summary_note(sources), 26)))}];")
            lines.append(f"    {_dot_string(note)} -> {_dot_string(f'{prefix}:{target}')} "
                         f"[style=dashed, label={_dot_string(label)}, "
                         f"tooltip={_dot_string(name)}];")
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


# --- SVG -----------------------------------------------------------------------------------------
# A deliberately small layered layout. Per direction (one horizontal band):
# * one column per rank; the states of a column sit on a grid of rows shared by the band, so the
#   gaps between rows ("channels") and between columns ("gutters") are free of boxes;
# * an edge to the next column is a curve through the gutter between the two columns; any other
#   edge (back, same column, skipping columns) runs orthogonally: along a vertical track in a
#   gutter, along a horizontal track in a channel, and along a track in the gutter next to its
#   target. Tracks are assigned so that no two segments share one;
# * arrows of one transition into one side of a state share an arrowhead and a single label;
# * labels are placed greedily where they overlap no box and no other label.

_BOX_W = 172
_STATE_FONT, _STATE_CHARS = 12, 23
_LABEL_FONT, _LABEL_CHAR_W, _LABEL_LINE_H = 10, 5.7, 12
_TRACK_STEP, _TRACK_MARGIN = 8, 12
_CHANNEL_STEP = 16
_GUTTER_MID = 150  # room between the track groups of a gutter for curves and their labels
_PORT_STEP = 7
_MARGIN = 24
_COLOURS = {"forward": "#34495e", "routed": "#1f6fb2", "back": "#b35900", "summary": "#7b5aa6"}


@dataclass
class _Box:
    state: str
    lines: list[str]
    column: int
    row: int
    kind: str  # "initial", "final", "state" or "note"
    x: float = 0.0
    y: float = 0.0
    w: float = _BOX_W
    h: float = 0.0

    def rect(self, pad: float = 0.0) -> tuple[float, float, float, float]:
        return (self.x - pad, self.y - pad, self.x + self.w + pad, self.y + self.h + pad)


@dataclass
class _Route:
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
    group: tuple = ()
    points: list[tuple[float, float]] = field(default_factory=list)
    curve: tuple | None = None  # cubic Bézier control points for "forward"


@dataclass
class _Label:
    lines: list[str]
    colour: str
    x: float = 0.0  # centre
    y: float = 0.0  # centre
    w: float = 0.0
    h: float = 0.0
    title: str = ""

    def rect(self, pad: float = 0.0) -> tuple[float, float, float, float]:
        return (self.x - self.w / 2 - pad, self.y - self.h / 2 - pad,
                self.x + self.w / 2 + pad, self.y + self.h / 2 + pad)


@dataclass
class _Band:
    graph: DirectionGraph
    boxes: dict[str, _Box]
    routes: list[_Route]
    labels: list[_Label]
    width: float
    height: float


def _overlap(a, b) -> float:
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0


def _label_size(lines: list[str]) -> tuple[float, float]:
    return (max(len(line) for line in lines) * _LABEL_CHAR_W + 8, len(lines) * _LABEL_LINE_H + 3)


def _intervals_to_tracks(intervals: list[tuple[float, float, object]]) -> dict[object, int]:
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


def _order_columns(columns: dict[int, list[str]], edges: list[Edge],
                   ranks: Mapping[str, int]) -> dict[str, int]:
    """Rows for the states: barycentre ordering, then each column's states on the shared rows
    nearest the rows of their neighbours (order kept)."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        if edge.source != edge.target:
            neighbours[edge.source].add(edge.target)
            neighbours[edge.target].add(edge.source)
    position = {state: index for states in columns.values() for index, state in enumerate(states)}
    order = sorted(columns)
    for sweep in range(6):
        for column in (order if sweep % 2 == 0 else reversed(order)):
            def barycentre(state, column=column, sweep=sweep):
                near = [position[other] for other in neighbours[state] if other in position and (
                    ranks[other] < column if sweep % 2 == 0 else ranks[other] > column)]
                return sum(near) / len(near) if near else position[state]
            columns[column].sort(key=lambda state: (barycentre(state), _STATE_ORDER[state]))
            for index, state in enumerate(columns[column]):
                position[state] = index
    rows_count = max(len(states) for states in columns.values())
    rows: dict[str, int] = {}
    for column in order:
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


def _layout_band(graph: DirectionGraph) -> _Band:
    main_states = graph.main_states
    main = set(main_states)
    main_edges = [edge for edge in graph.main_edges if edge.target in main]
    ranks = graph.ranks
    columns: dict[int, list[str]] = defaultdict(list)
    for state in main_states:
        columns[ranks[state]].append(state)
    columns = dict(sorted(columns.items()))
    # make the columns consecutive even if a rank were empty
    renumber = {rank: index for index, rank in enumerate(columns)}
    column_of = {state: renumber[ranks[state]] for state in main_states}
    columns = {renumber[rank]: states for rank, states in columns.items()}
    rows = _order_columns(columns, main_edges, {s: column_of[s] for s in main_states})
    last_column = max(columns) if columns else 0
    summaries = graph.summaries()
    rows_count = max([len(states) for states in columns.values()] + [1])
    if summaries:
        rows_count = max(rows_count, 2)

    def kind_of(state: str) -> str:
        if state in graph.initial_states:
            return "initial"
        return "final" if state in _FINAL else "state"

    boxes = {state: _Box(state, _wrap(graph.state_labels[state], _STATE_CHARS), column_of[state],
                         rows[state], kind_of(state)) for state in main_states}
    # the summary column: a note per summarised transition above its target
    summary_column = last_column + 1
    notes: list[tuple[_Box, str, str, tuple[str, ...]]] = []
    next_row = 0
    for index, (name, label, target, sources) in enumerate(summaries):
        note = _Box(f"__note_{index}", _wrap(graph.summary_note(sources), _STATE_CHARS + 2),
                    summary_column, next_row, "note")
        boxes[note.state] = note
        if target not in boxes:
            boxes[target] = _Box(target, _wrap(graph.state_labels[target], _STATE_CHARS),
                                 summary_column, next_row + 1, kind_of(target))
            next_row += 2
        else:
            next_row += 1
        notes.append((note, name, label, target))
    rows_count = max(rows_count, next_row)
    for state in graph.states:  # anything reached only otherwise (not in this model)
        if state not in boxes:
            boxes[state] = _Box(state, _wrap(graph.state_labels[state], _STATE_CHARS),
                                summary_column, rows_count, kind_of(state))
            rows_count += 1

    # --- routes (abstract) ---
    merged: dict[tuple[str, str], list[Edge]] = defaultdict(list)
    for edge in main_edges:
        merged[(edge.source, edge.target)].append(edge)
    routes: list[_Route] = []
    for (source, target), edges in merged.items():
        label = " / ".join(dict.fromkeys(edge.label for edge in edges))
        cs, ct = column_of[source], column_of[target]
        route = _Route(source, target, label, tuple(edge.transition for edge in edges),
                       "forward" if ct == cs + 1 else ("back" if ct <= cs else "routed"))
        if ct == cs + 1:
            route.exit_side, route.entry_side = "R", "L"
        elif ct > cs + 1:
            route.exit_side, route.entry_side = "R", "L"
            route.exit_gutter, route.entry_gutter = cs, ct - 1
        elif ct < cs:
            route.exit_side, route.entry_side = "L", "R"
            route.exit_gutter, route.entry_gutter = cs - 1, ct
        else:
            route.exit_side, route.entry_side = "R", "R"
            route.exit_gutter, route.entry_gutter = cs, cs
        route.group = (target, route.entry_side, label)
        routes.append(route)

    # channels for routes that change gutter
    def gutter_pos(g: int) -> int:
        return 2 * g + 2

    channel_load: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for route in sorted((r for r in routes if r.kind != "forward"
                         and r.exit_gutter != r.entry_gutter),
                        key=lambda r: abs(r.exit_gutter - r.entry_gutter)):
        rs, rt = rows[route.source], rows[route.target]
        candidates = ([rs, rs + 1] if rs == rt
                      else list(range(min(rs, rt) + 1, max(rs, rt) + 1)))
        lo, hi = sorted((gutter_pos(route.exit_gutter), gutter_pos(route.entry_gutter)))

        def load(channel, lo=lo, hi=hi):
            return sum(1 for a, b in channel_load[channel] if a <= hi and lo <= b)
        route.channel = min(candidates, key=lambda c: (load(c), abs(c - rs - 0.5)))
        channel_load[route.channel].append((lo, hi))

    # vertical tracks: per gutter, a group next to the left column ("a") and one next to the
    # right column ("b"); the entry segments of one arrowhead group share a track
    def row_pos(row: int) -> int:
        return 2 * row + 1

    def channel_pos(channel: int) -> int:
        return 2 * channel

    track_intervals: dict[tuple[int, str], list] = defaultdict(list)
    group_spans: dict[tuple, list[int]] = defaultdict(list)
    for index, route in enumerate(routes):
        if route.kind == "forward":
            continue
        rs, rt = row_pos(rows[route.source]), row_pos(rows[route.target])
        exit_group = (route.exit_gutter, "a" if route.exit_side == "R" else "b")
        entry_group = (route.entry_gutter, "a" if route.entry_side == "R" else "b")
        if route.channel is None:  # vertical only, in one gutter
            key = ("group", entry_group, route.group)
            group_spans[key] += [rs, rt]
        else:
            ch = channel_pos(route.channel)
            track_intervals[exit_group].append((min(rs, ch), max(rs, ch), ("exit", index)))
            key = ("group", entry_group, route.group)
            group_spans[key] += [ch, rt]
    for key, span in group_spans.items():
        track_intervals[key[1]].append((min(span), max(span), key))
    tracks: dict[object, int] = {}
    tracks_per_group: dict[tuple[int, str], int] = defaultdict(int)
    for group, intervals in track_intervals.items():
        assigned = _intervals_to_tracks(intervals)
        tracks.update(assigned)
        tracks_per_group[group] = max(assigned.values()) + 1
    for index, route in enumerate(routes):
        if route.kind == "forward":
            continue
        entry_group = (route.entry_gutter, "a" if route.entry_side == "R" else "b")
        route.entry_track = tracks[("group", entry_group, route.group)]
        route.exit_track = tracks.get(("exit", index), route.entry_track)
    channel_intervals: dict[int, list] = defaultdict(list)
    for index, route in enumerate(routes):
        if route.channel is not None:
            lo, hi = sorted((gutter_pos(route.exit_gutter), gutter_pos(route.entry_gutter)))
            channel_intervals[route.channel].append((lo, hi, index))
    channel_tracks: dict[int, int] = defaultdict(int)
    for channel, intervals in channel_intervals.items():
        assigned = _intervals_to_tracks([(lo - 0.5, hi + 0.5, key) for lo, hi, key in intervals])
        for index, track in assigned.items():
            routes[index].channel_track = track
        channel_tracks[channel] = max(assigned.values()) + 1

    # --- geometry ---
    ports: dict[tuple[str, str], list[tuple[float, object]]] = defaultdict(list)
    for index, route in enumerate(routes):
        other_t = rows[route.target] + column_of[route.target] * 0.01
        other_s = rows[route.source] + column_of[route.source] * 0.01
        if route.channel is not None:
            other_t = other_s = route.channel - 0.5
        ports[(route.source, route.exit_side)].append((other_t, ("out", index)))
        key = ("in", route.group)
        if all(existing != key for _, existing in ports[(route.target, route.entry_side)]):
            ports[(route.target, route.entry_side)].append((other_s, key))
    most_ports = max([len(v) for v in ports.values()] + [1])
    line_count = max(len(box.lines) for box in boxes.values())
    box_h = max(20 + 15 * line_count, 12 + _PORT_STEP * most_ports)
    for box in boxes.values():
        box.h = box_h

    def gutter_width(g: int) -> float:
        a, b = tracks_per_group.get((g, "a"), 0), tracks_per_group.get((g, "b"), 0)
        inner = 0 <= g < last_column
        if not inner and not a and not b:
            return _MARGIN if g >= 0 else 0
        mid = _GUTTER_MID if inner else 90
        return 2 * _TRACK_MARGIN + _TRACK_STEP * (a + b) + mid

    column_x: dict[int, float] = {}
    x = _MARGIN + gutter_width(-1)
    for column in range(summary_column + 1):
        column_x[column] = x
        x += _BOX_W + gutter_width(column)
    if not notes:
        x -= _BOX_W + gutter_width(summary_column)
    width = x + _MARGIN

    channel_h = {c: (_CHANNEL_STEP * channel_tracks.get(c, 0) + 20) for c in range(rows_count + 1)}
    channel_h[0] = max(channel_h[0], 26) if channel_tracks.get(0) else 30
    channel_h[rows_count] = (_CHANNEL_STEP * channel_tracks.get(rows_count, 0) + 20
                             if channel_tracks.get(rows_count) else 12)
    for c in range(1, rows_count):
        channel_h[c] = max(channel_h[c], 46)
    row_y: dict[int, float] = {}
    channel_y: dict[int, float] = {}
    y = 34.0  # band title
    for row in range(rows_count + 1):
        channel_y[row] = y
        y += channel_h[row]
        if row < rows_count:
            row_y[row] = y
            y += box_h
    height = y + 6
    for box in boxes.values():
        box.x, box.y = column_x[box.column], row_y[box.row]
        if box.kind == "note":
            box.h = box_h

    def track_x(gutter: int, group: str, track: int) -> float:
        if group == "a":
            return column_x[gutter] + _BOX_W + _TRACK_MARGIN + _TRACK_STEP * track
        return column_x[gutter + 1] - _TRACK_MARGIN - _TRACK_STEP * track

    def channel_track_y(channel: int, track: int) -> float:
        count = channel_tracks.get(channel, 1)
        top = channel_y[channel] + (channel_h[channel] - _CHANNEL_STEP * (count - 1)) / 2
        return top + _CHANNEL_STEP * track

    port_y: dict[tuple[str, str, object], float] = {}
    for (state, side), users in ports.items():
        box = boxes[state]
        users.sort(key=lambda item: item[0])
        for i, (_, key) in enumerate(users):
            port_y[(state, side, key)] = box.y + box.h * (i + 1) / (len(users) + 1)

    for index, route in enumerate(routes):
        source, target = boxes[route.source], boxes[route.target]
        sy = port_y[(route.source, route.exit_side, ("out", index))]
        ty = port_y[(route.target, route.entry_side, ("in", route.group))]
        sx = source.x + (source.w if route.exit_side == "R" else 0)
        tx = target.x + (target.w if route.entry_side == "R" else 0)
        if route.kind == "forward":
            dx = (tx - sx) / 2
            route.curve = ((sx, sy), (sx + dx, sy), (tx - dx, ty), (tx, ty))
            continue
        exit_group = "a" if route.exit_side == "R" else "b"
        entry_group = "a" if route.entry_side == "R" else "b"
        xi = track_x(route.entry_gutter, entry_group, route.entry_track)
        if route.channel is None:
            route.points = [(sx, sy), (xi, sy), (xi, ty), (tx, ty)]
        else:
            xe = track_x(route.exit_gutter, exit_group, route.exit_track)
            yc = channel_track_y(route.channel, route.channel_track)
            route.points = [(sx, sy), (xe, sy), (xe, yc), (xi, yc), (xi, ty), (tx, ty)]

    for note, name, label, target in notes:
        box = boxes[target]
        route = _Route(note.state, target, label, (name,), "summary")
        if box.column == note.column:
            cx = note.x + note.w / 2
            route.points = [(cx, note.y + note.h), (cx, box.y)]
        else:
            route.points = [(note.x, note.y + note.h / 2), (box.x + box.w, box.y + box.h / 2)]
        routes.append(route)

    labels = _place_labels(routes, boxes, column_x)
    return _Band(graph, boxes, routes, labels, width, height)


def _bezier(curve, t: float) -> tuple[float, float]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve
    u = 1 - t
    return (u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3,
            u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3)


def _place_labels(routes: list[_Route], boxes: dict[str, _Box],
                  column_x: Mapping[int, float]) -> list[_Label]:
    obstacles = [box.rect(3) for box in boxes.values()]
    placed: list[_Label] = []
    group_sizes: dict[tuple, int] = defaultdict(int)
    for route in routes:
        if route.kind != "summary":
            group_sizes[route.group] += 1
    done_groups: set[tuple] = set()

    def place(label: _Label, candidates: list[tuple[float, float]]) -> None:
        best, best_cost = None, math.inf
        # the preferred spots first, then the same spots nudged up and down
        candidates = candidates + [(x, y + dy) for dy in (-12, 12, -24, 24, -36, 36)
                                   for x, y in candidates]
        for x, y in candidates:
            label.x, label.y = x, y
            rect = label.rect(1)
            cost = (sum(_overlap(rect, box) for box in obstacles) * 4
                    + sum(_overlap(rect, other.rect(1)) for other in placed))
            if cost < best_cost:
                best, best_cost = (x, y), cost
            if cost == 0:
                break
        label.x, label.y = best
        placed.append(label)

    # labels on the longer, more constrained routes first
    def priority(route: _Route) -> tuple:
        return ({"summary": 0, "routed": 1, "back": 1, "forward": 2}[route.kind],
                -len(route.label))

    for route in sorted(routes, key=priority):
        colour = _COLOURS[route.kind]
        title = ", ".join(route.transitions)
        if route.kind != "summary" and group_sizes[route.group] > 1:
            if route.group in done_groups:
                continue
            done_groups.add(route.group)
            members = [r for r in routes if r.kind != "summary" and r.group == route.group]
            lines = _wrap(route.label, 24)
            names = dict.fromkeys(name for member in members for name in member.transitions)
            label = _Label(lines, colour, w=_label_size(lines)[0], h=_label_size(lines)[1],
                           title=", ".join(names))
            end = (members[0].curve[3] if members[0].curve else members[0].points[-1])
            direction = -1 if route.entry_side == "L" else 1
            x0 = end[0] + direction * (12 + label.w / 2)
            candidates = [(x0, end[1] + dy) for dy in (0, -14, 14, -28, 28, -42, 42)]
            candidates += [(x0 + direction * 30, end[1] + dy) for dy in (-14, 14, 0, -28, 28)]
            place(label, candidates)
            continue
        if route.kind == "forward":
            (sx, _), _, _, (tx, _) = route.curve
            max_chars = max(10, int((tx - sx - 2 * _TRACK_MARGIN - 10) / _LABEL_CHAR_W))
            lines = _wrap(route.label, min(26, max_chars))
            w, h = _label_size(lines)
            label = _Label(lines, colour, w=w, h=h, title=title)
            candidates = [_bezier(route.curve, t)
                          for t in (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2, 0.8)]
        else:
            points = route.points
            segments = list(zip(points, points[1:], strict=False))
            horizontal = [s for s in segments if abs(s[0][1] - s[1][1]) < 0.5
                          and abs(s[0][0] - s[1][0]) > 40]
            lines = _wrap(route.label, 30 if route.kind != "summary" else 20)
            w, h = _label_size(lines)
            label = _Label(lines, colour, w=w, h=h, title=title)
            candidates = []
            if route.kind == "summary":
                (x0, y0), (x1, y1) = points[0], points[-1]
                candidates = [((x0 + x1) / 2 + w / 2 + 6, (y0 + y1) / 2),
                              ((x0 + x1) / 2, (y0 + y1) / 2)]
            elif len(points) == 6:  # along the channel segment
                (x0, y0), (x1, _) = points[2], points[3]
                for t in (0.5, 0.35, 0.65, 0.2, 0.8):
                    candidates.append((x0 + (x1 - x0) * t, y0))
            else:  # vertical only: beside the track
                (xa, ya), (_, yb) = points[1], points[2]
                side = 1 if route.entry_side == "R" else -1
                for t in (0.5, 0.35, 0.65, 0.2, 0.8):
                    candidates.append((xa + side * (w / 2 + 4), ya + (yb - ya) * t))
                    candidates.append((xa, ya + (yb - ya) * t))
            for s in horizontal:
                (x0, y0), (x1, _) = s
                candidates.append(((x0 + x1) / 2, y0))
        place(label, candidates)
    return placed


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _rounded_path(points: list[tuple[float, float]], radius: float = 6) -> str:
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


def _text(x: float, y: float, lines: list[str], size: int, line_h: float, **attrs) -> str:
    """Centred multi-line text; (x, y) is the centre of the block."""
    extra = "".join(f" {key.replace('_', '-')}={quoteattr(str(value))}"
                    for key, value in attrs.items())
    first = y - line_h * (len(lines) - 1) / 2 + size * 0.35
    spans = "".join(
        f'<tspan x="{_fmt(x)}" y="{_fmt(first + i * line_h)}">{escape(line)}</tspan>'
        for i, line in enumerate(lines))
    return f'<text text-anchor="middle" font-size="{size}"{extra}>{spans}</text>'


def _band_svg(band: _Band, top: float, width: float) -> list[str]:
    g = band.graph
    out = [f'<g class="band" id="band-{g.direction}" data-direction="{g.direction}" '
           f'transform="translate(0,{_fmt(top)})">',
           f'<rect class="band-frame" x="8" y="0" width="{_fmt(width - 16)}" '
           f'height="{_fmt(band.height)}" rx="10" fill="#fbfcfe" stroke="#c9d2dc"/>',
           f'<text x="22" y="24" font-size="15" font-weight="bold" fill="#2c3e50">'
           f'{escape(g.title)}</text>']
    out.append('<g class="edges" fill="none">')
    for route in band.routes:
        colour = _COLOURS[route.kind]
        if route.curve:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = route.curve
            d = (f"M{_fmt(x0)},{_fmt(y0)} C{_fmt(x1)},{_fmt(y1)} {_fmt(x2)},{_fmt(y2)} "
                 f"{_fmt(x3)},{_fmt(y3)}")
        else:
            d = _rounded_path(route.points)
        dash = ' stroke-dasharray="6 4"' if route.kind == "summary" else ""
        source = g.state_labels.get(route.source, "any state")
        out.append(
            f'<path class="edge edge-{route.kind}" d="{d}" stroke="{colour}" stroke-width="1.3"'
            f'{dash} marker-end="url(#arrow-{route.kind})" '
            f'data-transition="{escape(" ".join(route.transitions))}" '
            f'data-source="{escape(route.source)}" data-target="{escape(route.target)}">'
            f'<title>{escape(route.label)}: {escape(source)} → '
            f'{escape(g.state_labels[route.target])}</title></path>')
    out.append("</g>")
    out.append('<g class="states">')
    for box in band.boxes.values():
        if box.kind == "note":
            out.append(
                f'<g class="note"><rect x="{_fmt(box.x)}" y="{_fmt(box.y)}" width="{_fmt(box.w)}"'
                f' height="{_fmt(box.h)}" rx="4" fill="#ffffff" stroke="{_COLOURS["summary"]}"'
                f' stroke-dasharray="5 3"/>'
                + _text(box.x + box.w / 2, box.y + box.h / 2, box.lines, 11, 14,
                        fill=_COLOURS["summary"], font_style="italic") + "</g>")
            continue
        fill = {"initial": _FILL_INITIAL, "final": _FILL_FINAL}.get(box.kind, _FILL_STATE)
        stroke_w = "2.4" if box.kind == "initial" else "1.2"
        label = g.state_labels[box.state]
        out.append(
            f'<g class="state state-{box.kind}" id="{g.direction}-{box.state}" '
            f'data-state="{box.state}"><title>{escape(label)} ({box.state})</title>'
            f'<rect class="state-box" x="{_fmt(box.x)}" y="{_fmt(box.y)}" width="{_fmt(box.w)}" '
            f'height="{_fmt(box.h)}" rx="8" fill="{fill}" stroke="#2c3e50" '
            f'stroke-width="{stroke_w}"/>')
        if box.kind == "final":
            out.append(f'<rect x="{_fmt(box.x + 3)}" y="{_fmt(box.y + 3)}" '
                       f'width="{_fmt(box.w - 6)}" height="{_fmt(box.h - 6)}" rx="6" '
                       f'fill="none" stroke="#2c3e50" stroke-width="0.8"/>')
        out.append(_text(box.x + box.w / 2, box.y + box.h / 2, box.lines, _STATE_FONT, 15,
                         fill="#1b2631") + "</g>")
    out.append("</g>")
    out.append(f'<g class="edge-labels" font-size="{_LABEL_FONT}">')
    for label in band.labels:
        x0, y0, x1, y1 = label.rect()
        out.append(
            f'<g class="edge-label"><title>{escape(label.title)}</title>'
            f'<rect x="{_fmt(x0)}" y="{_fmt(y0)}" width="{_fmt(x1 - x0)}" '
            f'height="{_fmt(y1 - y0)}" rx="3" fill="#ffffff" fill-opacity="0.9"/>'
            + _text(label.x, label.y, label.lines, _LABEL_FONT, _LABEL_LINE_H, fill=label.colour)
            + "</g>")
    out.append("</g>")
    out.append("</g>")
    return out


def graph_to_svg(graph: InstrumentGraph) -> str:
    """A standalone SVG drawing of ``graph``: a title, then the outgoing and the incoming graph as
    two horizontal bands, then a legend. Needs no external tool."""
    bands = [_layout_band(dgraph) for dgraph in graph.directions]
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
    for band in bands:
        out.extend(_band_svg(band, top, width))
        top += band.height + 18
    legend = [
        ("forward", "to the next column"),
        ("routed", "skipping columns"),
        ("back", "backwards or within a column"),
        ("summary", "available from many states, drawn once"),
    ]
    drawn = {route.kind for band in bands for route in band.routes}
    x = 16.0
    y = top + 16
    out.append('<g class="legend" font-size="11" fill="#34495e">')
    for kind, text in legend:
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
               f'Hover an arrow or label for the transition name.</text>')
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"
