"""The effective state graphs computed from the model (no database)."""

import subprocess
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.core.management import call_command

from requests_app.graph import all_instrument_graphs
from requests_app.graph import direction_graph
from requests_app.graph import graph_to_dot
from requests_app.graph import instrument_graph
from requests_app.management.commands import draw_state_graphs
from requests_app.models import WITHDRAWABLE_STATES
from tools.state_graph_svg import graph_to_svg
from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook

CZ, SK, RS, BR = "kz-cz-2017", "kz-sk-2007", "kz-rs-2015", "kz-br-2018"
SLUGS = tuple(all_rulebooks())  # the generic tests run for every instrument


@pytest.fixture(scope="module")
def graphs():
    return all_instrument_graphs()


def test_every_instrument_has_a_graph(graphs):
    assert set(graphs) == set(SLUGS)


@pytest.mark.parametrize("slug", (CZ, SK))
def test_oral_request_edge_where_provided(graphs, slug):
    outgoing = graphs[slug].outgoing
    assert outgoing.has_edge("ready", "oral_pending_confirmation", "transmit_orally")
    assert outgoing.has_edge("oral_pending_confirmation", "transmitted", "confirm_in_writing")
    assert "oral_pending_confirmation" in graphs[slug].incoming.initial_states
    assert graphs[slug].incoming.has_edge("oral_pending_confirmation", "received",
                                          "confirm_in_writing")


@pytest.mark.parametrize("slug", (RS, BR))
def test_no_oral_request_edge_where_not_provided(graphs, slug):
    outgoing = graphs[slug].outgoing
    assert not outgoing.has_edge("ready", "oral_pending_confirmation")
    assert "transmit_orally" not in outgoing.transitions()
    assert "oral_pending_confirmation" not in outgoing.states
    assert "oral_pending_confirmation" not in graphs[slug].incoming.states


@pytest.mark.parametrize("slug", (RS, BR))
def test_deferral_where_provided(graphs, slug):
    for dgraph in graphs[slug].directions:
        assert "defer" in dgraph.transitions()
        assert "deferred" in dgraph.states
    assert graphs[slug].outgoing.has_edge("transmitted", "deferred", "defer")
    assert graphs[slug].incoming.has_edge("in_execution", "deferred", "defer")
    # resuming returns to where execution happens, per direction (RETURN_VALUE)
    assert graphs[slug].outgoing.has_edge("deferred", "transmitted", "resume_execution")
    assert graphs[slug].incoming.has_edge("deferred", "in_execution", "resume_execution")


@pytest.mark.parametrize("slug", (CZ, SK))
def test_no_deferral_where_not_provided(graphs, slug):
    for dgraph in graphs[slug].directions:
        assert "defer" not in dgraph.transitions()
        assert "deferred" not in dgraph.states
        assert "deferred" in dgraph.unreachable_states


def test_slovak_agreement_has_no_conditional_execution(graphs):
    for dgraph in graphs[SK].directions:
        assert "set_conditions" not in dgraph.transitions()
        assert "conditional_execution" not in dgraph.states
    for slug in (CZ, RS, BR):
        assert "set_conditions" in graphs[slug].incoming.transitions()


@pytest.mark.parametrize("slug", SLUGS)
def test_incoming_graph_forwards_and_executes(graphs, slug):
    incoming = graphs[slug].incoming
    assert incoming.has_edge("completeness_check", "forwarded", "forward")
    assert incoming.has_edge("forwarded", "in_execution", "start_execution")
    assert incoming.has_edge("additional_info_requested", "completeness_check",
                             "supply_additional_info")
    assert incoming.has_edge("executed", "results_transmitted", "transmit_results")
    assert "received" in incoming.initial_states
    assert not {"drafting", "under_review", "ready", "transmitted"} & set(incoming.states)


@pytest.mark.parametrize("slug", SLUGS)
def test_outgoing_graph_is_the_outgoing_half(graphs, slug):
    outgoing = graphs[slug].outgoing
    assert outgoing.initial_states == ("drafting",)
    assert outgoing.has_edge("additional_info_requested", "transmitted", "supply_additional_info")
    assert not {"received", "completeness_check", "forwarded", "in_execution",
                "results_transmitted"} & set(outgoing.states)
    assert {"forward", "start_execution", "transmit_results"}.isdisjoint(outgoing.transitions())


@pytest.mark.parametrize("slug", SLUGS)
def test_every_state_is_reachable_and_withdraw_is_summarised(graphs, slug):
    for dgraph in graphs[slug].directions:
        reached = set(dgraph.initial_states) | {edge.target for edge in dgraph.edges}
        assert reached == set(dgraph.states)
        assert {edge.source for edge in dgraph.edges} <= set(dgraph.states)
        assert "withdrawn" in dgraph.states
        ((name, label, target, sources),) = dgraph.summaries()
        assert (name, label, target) == ("withdraw", "Withdraw", "withdrawn")
        assert set(sources) == set(dgraph.states) & {str(s) for s in WITHDRAWABLE_STATES}
        assert all(edge.transition != "withdraw" for edge in dgraph.main_edges)


def test_labels_are_english_whatever_the_active_language():
    from django.utils import translation

    with translation.override("ru"):
        dgraph = direction_graph(get_rulebook(CZ), "outgoing")
    labels = {edge.transition: edge.label for edge in dgraph.edges}
    assert labels["close"] == "Close"
    assert labels["submit_for_review"] == "Submit for review"
    assert dgraph.state_labels["ready"] == "ready to transmit"


@pytest.mark.parametrize("slug", SLUGS)
def test_dot_has_two_clusters_and_every_edge(graphs, slug):
    graph = graphs[slug]
    dot = graph_to_dot(graph)
    assert dot.startswith(f'digraph "{slug}"') and dot.rstrip().endswith("}")
    assert "subgraph cluster_outgoing" in dot and "subgraph cluster_incoming" in dot
    for dgraph in graph.directions:
        for edge in dgraph.main_edges:
            assert (f'"{dgraph.direction}:{edge.source}" -> "{dgraph.direction}:{edge.target}"'
                    in dot)
    assert dot.count("style=dashed, label=\"Withdraw\"") == 2


def test_graph_of_one_rulebook_matches_the_registry():
    book = all_rulebooks()[RS]
    graph = instrument_graph(book)
    assert (graph.slug, graph.short_title) == (RS, book.short_title.en)


def test_command_writes_svg_and_dot_per_instrument(tmp_path):
    out = StringIO()
    target = tmp_path / "graphs"
    call_command("draw_state_graphs", output=str(target), no_png=True, stdout=out)
    assert sorted(p.name for p in target.glob("*.svg")) == sorted(f"{s}.svg" for s in SLUGS)
    assert sorted(p.name for p in target.glob("*.dot")) == sorted(f"{s}.dot" for s in SLUGS)
    for path in target.glob("*.svg"):
        ET.parse(path)
        assert str(path) in out.getvalue()


class FakeDot(list):
    """A stand-in for Graphviz ``dot``: records the argument list of every call and writes the
    output file; with ``fails`` set it exits with an error instead."""

    fails = False

    def run(self, args, **kwargs):
        self.append(args)
        if self.fails:
            return subprocess.CompletedProcess(args, 1, "", "syntax error")
        with open(args[args.index("-o") + 1], "w", encoding="utf-8") as out:
            out.write(f"drawn by dot {args[1]}")
        return subprocess.CompletedProcess(args, 0, "", "")


@pytest.fixture
def graphviz(monkeypatch):
    dot = FakeDot()
    monkeypatch.setattr(draw_state_graphs.shutil, "which",
                        lambda name: "/opt/graphviz/dot" if name == "dot" else None)
    monkeypatch.setattr(draw_state_graphs.subprocess, "run", dot.run)
    return dot


def test_command_renders_svg_and_png_with_graphviz_when_installed(tmp_path, graphviz):
    call_command("draw_state_graphs", output=str(tmp_path), stdout=StringIO())
    assert sorted(args[1] for args in graphviz) == ["-Tpng"] * len(SLUGS) + ["-Tsvg"] * len(SLUGS)
    assert {args[2] for args in graphviz} == {str(tmp_path / f"{slug}.dot") for slug in SLUGS}
    for slug in SLUGS:
        assert (tmp_path / f"{slug}.svg").read_text(encoding="utf-8") == "drawn by dot -Tsvg"


def test_command_draws_the_svg_itself_when_graphviz_fails(tmp_path, graphviz, graphs):
    graphviz.fails = True
    err = StringIO()
    call_command("draw_state_graphs", output=str(tmp_path), no_png=True, stdout=StringIO(),
                 stderr=err)
    assert [args[1] for args in graphviz] == ["-Tsvg"] * len(SLUGS)
    assert "dot could not render" in err.getvalue() and "syntax error" in err.getvalue()
    for slug in SLUGS:
        assert (tmp_path / f"{slug}.svg").read_text(encoding="utf-8") == graph_to_svg(graphs[slug])


def test_command_draws_the_svg_itself_without_graphviz(tmp_path, monkeypatch, graphs):
    monkeypatch.setattr(draw_state_graphs.shutil, "which", lambda name: None)
    call_command("draw_state_graphs", output=str(tmp_path), stdout=StringIO())
    assert not list(tmp_path.glob("*.png"))
    for slug in SLUGS:
        assert (tmp_path / f"{slug}.svg").read_text(encoding="utf-8") == graph_to_svg(graphs[slug])


def test_a_rulebook_the_model_does_not_read_is_refused():
    import dataclasses

    book = dataclasses.replace(get_rulebook(RS), signed_at="elsewhere")
    with pytest.raises(ValueError, match="not the one registered"):
        direction_graph(book, "incoming")
