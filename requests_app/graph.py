"""The effective state graph of requests under each instrument, and its Graphviz DOT text.

``AssistanceRequest`` declares one state graph for every instrument; the conditions on its
transitions ask the instrument's rulebook (and the request's direction) whether a transition
exists. This module evaluates those conditions against an unsaved stand-in request, so the graph
it returns is the one the model really allows: nothing here re-codes the conditions, and nothing
touches the database.

* ``instrument_graph(rulebook)`` / ``all_instrument_graphs()`` compute the graphs;
* ``graph_to_dot(graph)`` writes Graphviz DOT text (two clusters: outgoing and incoming).

``python manage.py draw_state_graphs`` writes the DOT text of every instrument and an SVG drawing
of it: Graphviz's own when ``dot`` is installed, else the dev-only layout in
``tools/state_graph_svg.py``, which also reads ``state_kind``, ``STATE_FILLS``, ``STATE_ORDER``
and ``wrap_label`` from here so that both drawings agree.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections import deque
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils import translation
from django_fsm import GET_STATE
from django_fsm import State as ComputedTarget

from treaties.models import Instrument
from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook
from treaties.rulebook.schema import Rulebook

from .models import FINAL_STATES
from .models import AssistanceRequest
from .models import Direction
from .models import RequestState
from .workflow.graph import graph_transitions
from .workflow.specs import CATALOGUE

__all__ = (
    "STATE_FILLS",
    "STATE_ORDER",
    "SUMMARISED_TRANSITIONS",
    "DirectionGraph",
    "Edge",
    "InstrumentGraph",
    "all_instrument_graphs",
    "direction_graph",
    "graph_to_dot",
    "initial_states",
    "instrument_graph",
    "stand_in_request",
    "state_kind",
    "wrap_label",
)

# Transitions that leave (nearly) every state. Drawing one arrow per source would bury the rest of
# the picture, so both renderers draw them once, from a note naming the states they leave.
SUMMARISED_TRANSITIONS = frozenset({"withdraw"})

# Declaration order of the states on the model: the tie-break wherever states are listed.
STATE_ORDER: Mapping[str, int] = {state.value: index for index, state in enumerate(RequestState)}
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
        states = tuple(sorted(reachable, key=lambda state: (ranks[state], STATE_ORDER[state])))
        kept = sorted((edge for edge in edges if edge.source in reachable),
                      key=lambda edge: (ranks[edge.source], STATE_ORDER[edge.source],
                                        ranks[edge.target], STATE_ORDER[edge.target],
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


# --- what every drawing of the graph shares ----------------------------------------------------
def wrap_label(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters; an empty text is one empty line."""
    return textwrap.wrap(text, width=width, break_long_words=True) or [""]


# Fill colour of a state box by ``state_kind``; the SVG drawing uses the same colours.
STATE_FILLS: Mapping[str, str] = {"initial": "#e3f4e1", "final": "#e8e8e8", "state": "#eef3fb"}


def state_kind(graph: DirectionGraph, state: str) -> str:
    """"initial" (a request starts there), "final" (a closed request's state) or "state"."""
    if state in graph.initial_states:
        return "initial"
    return "final" if state in _FINAL else "state"


# --- Graphviz DOT ------------------------------------------------------------------------------
def _dot_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot_label(text: str, width: int) -> str:
    """``text`` wrapped at ``width`` characters, as a DOT string (Graphviz breaks it at ``\\n``)."""
    return _dot_string("\n".join(wrap_label(text, width)))


def graph_to_dot(graph: InstrumentGraph) -> str:
    """Graphviz DOT text: one cluster per direction; summarised transitions (withdraw) are drawn
    once, as a dashed arrow from a note."""
    lines = [
        f"digraph {_dot_string(graph.slug)} {{",
        f"  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", labelloc=t, fontsize=18,"
        f" label={_dot_string(f'{graph.slug} — {graph.short_title}')}];",
        f"  node [shape=box, style=\"rounded,filled\", fillcolor=\"{STATE_FILLS['state']}\","
        " fontname=\"Helvetica\", fontsize=11];",
        "  edge [fontname=\"Helvetica\", fontsize=9];",
    ]
    for dgraph in graph.directions:
        prefix = dgraph.direction
        lines.append(f"  subgraph cluster_{prefix} {{")
        lines.append(f"    label={_dot_string(dgraph.title)}; style=rounded; color=\"#9aa5b1\";")
        for state in dgraph.states:
            attrs = [f"label={_dot_label(dgraph.state_labels[state], 24)}",
                     f"fillcolor=\"{STATE_FILLS[state_kind(dgraph, state)]}\"",
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
                f"[label={_dot_label(edge.label, 22)}, "
                f"tooltip={_dot_string(edge.transition)}];")
        for index, (name, label, target, sources) in enumerate(dgraph.summaries()):
            note = f"{prefix}:{name}-note-{index}"
            lines.append(
                f"    {_dot_string(note)} [shape=note, style=dashed, fillcolor=white,"
                f" label={_dot_label(dgraph.summary_note(sources), 26)}];")
            lines.append(f"    {_dot_string(note)} -> {_dot_string(f'{prefix}:{target}')} "
                         f"[style=dashed, label={_dot_string(label)}, "
                         f"tooltip={_dot_string(name)}];")
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"
