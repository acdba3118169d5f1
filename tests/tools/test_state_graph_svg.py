"""The dev-only SVG drawing of the state graphs (tools/state_graph_svg.py; no database)."""

import itertools
import xml.etree.ElementTree as ET

import pytest

from requests_app.graph import all_instrument_graphs
from tools.state_graph_svg import graph_to_svg

SVG = "{http://www.w3.org/2000/svg}"
CZ, SK, RS, BR = "kz-cz-2017", "kz-sk-2007", "kz-rs-2015", "kz-br-2018"
SLUGS = (CZ, SK, RS, BR)


@pytest.fixture(scope="module")
def graphs():
    return all_instrument_graphs()


@pytest.mark.parametrize("slug", SLUGS)
def test_svg_is_well_formed_and_shows_every_state(graphs, slug):
    graph = graphs[slug]
    root = ET.fromstring(graph_to_svg(graph).encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    text = ET.tostring(root, encoding="unicode")
    assert slug in text and graph.short_title in text
    for dgraph in graph.directions:
        band = root.find(f".//{SVG}g[@id='band-{dgraph.direction}']")
        assert band is not None
        drawn = {g.get("data-state") for g in band.iter(f"{SVG}g") if g.get("data-state")}
        assert drawn == set(dgraph.states)
        for state in dgraph.states:
            assert dgraph.state_labels[state] in text


@pytest.mark.parametrize("slug", SLUGS)
def test_svg_boxes_do_not_overlap(graphs, slug):
    root = ET.fromstring(graph_to_svg(graphs[slug]).encode("utf-8"))
    for band in root.iter(f"{SVG}g"):
        if band.get("class") != "band":
            continue
        rects = [tuple(float(r.get(k)) for k in ("x", "y", "width", "height"))
                 for r in band.iter(f"{SVG}rect") if r.get("class") == "state-box"]
        assert rects
        for (x1, y1, w1, h1), (x2, y2, w2, h2) in itertools.combinations(rects, 2):
            apart = x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
            assert apart, ((x1, y1, w1, h1), (x2, y2, w2, h2))
