"""The national-scale benchmark's own parts (``scripts/bench_scale.py``): its options, its table,
how it follows a list's pagination, and its seed on PostgreSQL with a handful of rows. The
benchmark itself is not run here."""

from datetime import UTC
from datetime import datetime

import pytest
from django.db import connection

from scripts import bench_scale as bench
from tests._fuzz import on_postgresql

INBOX = "http://testserver/requests/"


# --- options --------------------------------------------------------------------------------------
def test_defaults_measure_everything_on_100000_requests():
    args = bench.parse_args([])
    assert (args.requests, args.only, args.compare) == (100_000, bench.MEASUREMENTS, None)


def test_only_takes_a_comma_separated_subset():
    assert bench.parse_args(["--only", "inbox, api"]).only == ("inbox", "api")


def test_only_refuses_an_unknown_measurement(capsys):
    with pytest.raises(SystemExit):
        bench.parse_args(["--only", "inbox,sweep"])
    assert "unknown measurement" in capsys.readouterr().err


def test_compare_takes_two_or_more_sizes():
    assert bench.parse_args(["--compare", "100000,1_000_000"]).compare == (100_000, 1_000_000)


def test_compare_refuses_a_single_size(capsys):
    with pytest.raises(SystemExit):
        bench.parse_args(["--compare", "100000"])
    assert "two or more" in capsys.readouterr().err


def test_keep_and_drop_exclude_each_other():
    with pytest.raises(SystemExit):
        bench.parse_args(["--keep", "--drop"])


# --- the table ------------------------------------------------------------------------------------
def test_the_table_is_markdown_with_one_row_per_figure():
    table = bench.markdown_table([
        bench.latency_figure("inbox page 1", 0.412, 0.0031, "7 queries"),
        bench.Figure("transitions", "66/s", "1,276/s", 19.33),
        bench.Figure("sweep", "—", "—", None)])
    assert table.splitlines() == [
        "| what | mla | floor | ratio |",
        "|---|---|---|---|",
        "| inbox page 1 | 412 ms, 7 queries | 3.1 ms | 133× |",
        "| transitions | 66/s | 1,276/s | 19.3× |",
        "| sweep | — | — | — |"]


def test_a_pipe_in_a_cell_does_not_break_the_table():
    row = bench.markdown_table([bench.Figure("a | b", "1", "2", 2.0)]).splitlines()[-1]
    assert row == "| a \\| b | 1 | 2 | 2.0× |"


# --- following the pagination ---------------------------------------------------------------------
def test_a_page_number_link_to_the_next_page_is_followed():
    html = ('<a href="?stage=open">Tab</a><nav><a href="?stage=open&amp;page=1">Назад</a> 2 / 9 '
            '<a href="?stage=open&amp;page=3">Далее</a></nav>')
    assert bench.next_link(html, INBOX + "?stage=open&page=2") == INBOX + "?stage=open&page=3"


def test_a_cursor_show_more_link_is_followed():
    html = '<a href="?page=1">first</a><a hx-get="/requests/?cursor=abc" href="?cursor=abc">More</a>'
    assert bench.next_link(html, INBOX) == INBOX + "?cursor=abc"


def test_a_link_marked_rel_next_wins():
    html = '<a href="?cursor=back">Back</a><a rel="next" href="?after=xyz">Next</a><a href="?cursor=z">'
    assert bench.next_link(html, INBOX) == INBOX + "?after=xyz"


def test_the_last_page_has_no_next_link():
    html = '<nav><a href="?page=8">Previous</a> 9 / 9</nav>'
    assert bench.next_link(html, INBOX + "?page=9") is None


def test_the_api_next_url_is_followed():
    assert bench.next_link_json({"next": "http://testserver/api/requests/?page=2"},
                                "http://testserver/api/requests/") == (
        "http://testserver/api/requests/?page=2")
    assert bench.next_link_json({"next": None, "results": []}, INBOX) is None


def _pages(link_for):
    """A fake list: ``fetch`` answers 200 and a page whose next link ``link_for`` makes."""
    fetched = []

    def fetch(url):
        fetched.append(url)
        return 200, link_for(len(fetched))

    return fetched, fetch


def test_page_number_links_are_jumped_to_the_deep_page():
    fetched, fetch = _pages(lambda n: f'<a href="?page={n + 1}">next</a>')
    walk = bench.walk_to_depth(fetch, INBOX, 10_000, bench.next_link)
    assert (walk.url, walk.depth, walk.jumped, len(fetched)) == (
        INBOX + "?page=201", 10_000, True, 1)


def test_cursor_links_are_followed_one_page_at_a_time():
    fetched, fetch = _pages(lambda n: f'<a href="?cursor=c{n}">more</a>')
    walk = bench.walk_to_depth(fetch, INBOX, 200, bench.next_link)
    assert (walk.url, walk.depth, walk.followed, walk.jumped) == (
        INBOX + "?cursor=c4", 200, 4, False)


def test_a_list_that_ends_early_stops_the_walk():
    _fetched, fetch = _pages(lambda n: "" if n > 2 else f'<a href="?cursor=c{n}">more</a>')
    with pytest.raises(RuntimeError, match="no next link at 100 rows deep"):
        bench.walk_to_depth(fetch, INBOX, 1_000, bench.next_link)


@pytest.mark.parametrize(("visible", "wanted", "depth"), [
    (100_000, 10_000, 10_000), (2_730, 10_000, 2_700), (2_750, 10_000, 2_700), (40, 10_000, 0)])
def test_the_deep_page_is_as_deep_as_the_list_allows(visible, wanted, depth):
    assert bench.reachable_depth(visible, wanted) == depth


# --- SQL helpers ----------------------------------------------------------------------------------
def test_literals_are_quoted_and_percent_signs_doubled():
    assert bench.sql_literal("it's 5%") == "'it''s 5%%'"
    assert bench.sql_literal(["a"]) == "'[\"a\"]'::jsonb"
    assert (bench.sql_literal(True), bench.sql_literal(None), bench.sql_literal(3)) == (
        "true", "NULL", "3")


def test_every_share_table_sums_to_100():
    for shares in (bench.INSTRUMENT_SHARES, *bench.STATE_SHARES.values()):
        bench.weighted_case("x", shares, "r")  # raises otherwise


def test_keyset_reads_after_the_previous_row_with_nulls_last():
    spec = bench.ListSpec("TRUE", (("s", "ASC", False), ("due", "ASC", True),
                                   ("id", "DESC", False)), keyset=True)
    sql, params = bench.keyset_sql(spec, [1, None, 7])
    assert sql == "(s >= %(k0)s AND ((s > %(k0)s) OR (s = %(k0)s AND due IS NULL AND id < %(k2)s)))"
    assert params == {"k0": 1, "k1": None, "k2": 7}


def test_keyset_on_keys_sorted_the_same_way_is_a_row_comparison():
    spec = bench.ListSpec("TRUE", (("created_at", "DESC", False), ("id", "DESC", False)),
                          keyset=True)
    assert bench.keyset_sql(spec, ["2026-12-01", 9])[0] == (
        "((created_at, id) < (%(k0)s, %(k1)s))")


# --- the seed on PostgreSQL -----------------------------------------------------------------------
@pytest.mark.skipif(not on_postgresql(), reason="the seed is PostgreSQL SQL (generate_series)")
@pytest.mark.django_db
def test_the_seed_makes_requests_with_two_deadlines_each():
    from requests_app.models import AssistanceRequest
    from requests_app.models import Deadline

    world = bench.build_world()
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.42)")
        cursor.execute(bench.request_seed_sql(world), {
            "n": 400, "now": datetime.now(UTC), "offices": world.offices,
            "office_count": len(world.offices), "central": world.central,
            "author": world.users["clerk"].pk})
        cursor.execute(bench.deadline_seed_sql(), {"now": datetime.now(UTC)})
    assert AssistanceRequest.objects.count() == 400
    assert Deadline.objects.count() == 800
    assert set(AssistanceRequest.objects.values_list("direction", flat=True)) == {
        "incoming", "outgoing"}
    for direction, shares in bench.STATE_SHARES.items():
        states = set(AssistanceRequest.objects.filter(direction=direction)
                     .values_list("state", flat=True))
        assert states <= set(shares)
    assert set(Deadline.objects.values_list("status", flat=True)) == {"open", "met", "missed"}
