#!/usr/bin/env python
"""Benchmark of the lists, the dashboard and the transitions at a national scale, on PostgreSQL
(not a test). Every figure is timed against a floor in the same run and reported as a ratio.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mla_bench_scale \\
        .venv/bin/python scripts/bench_scale.py [--requests 100000] [--runs 5] [--seconds 10]
            [--only inbox,api,dashboard,gunicorn,transitions] [--compare 100000,1000000]
            [--keep | --drop]

What it does, in its own database (created if missing; its name must contain "bench" unless
--force, because the request tables are truncated):

1. migrate, ``treaties_load()``, 20 Kazakh prosecutor offices (the two the rulebooks declare and
   18 more), three users made as the project makes them (a group per role, an office
   membership): a supervisor and a clerk at the central authority (kz-gpo, designated for every
   instrument) and a prosecutor at kz-prosecutor-almaty (about 1/20 of the requests);
2. seeds ``--requests`` requests with one INSERT ... SELECT FROM generate_series (the four
   instruments, both directions, every stage: mostly closed and in execution, few drafts; a
   regional office on the Kazakh side, a foreign authority of the instrument on the other) and
   two deadlines each (open and due ahead, open and past due, missed, met), with the secondary
   indexes dropped and rebuilt around the INSERTs and the foreign-key triggers off (superuser
   only); then ``requests_app.services.inbox.inbox_keys_refresh`` where it exists (the inbox's
   denormalised ordering keys), VACUUM ANALYZE and a CHECKPOINT;
3. measures, median of --runs after a warm-up, each against its floor:
   - inbox ``/requests/`` and ``/api/requests/`` page 1 and a page --deep-rows rows deep, for each
     user (Django test client, signed in). The deep page is reached by following the "next" link
     each page offers (a cursor is followed page by page; a page-number link is jumped to the
     page directly, since any page of it can be asked for). Floor: the same rows from a
     hand-written SQL query (visibility, ORDER BY, LIMIT; keyset for the deep page when the
     ordering keys are columns) plus the rows' next deadline;
   - the inbox and the API list under gunicorn (--workers, --connections keep-alive clients,
     --seconds each): requests/s and p50 against a bare Django view on the same server;
   - the supervisor dashboard against SQL computing the same numbers (``measure_dashboard``);
   - transitions through ``request_transition`` by --processes processes (a clerk asks for and
     records additional information on incoming requests in execution, each process on its own
     requests) against the same state changes in raw SQL (3 statements), and the statements a
     transition runs;
   - not the sweep: ``scripts/bench_sweep.py`` measures it against its floor (it truncates
     the deadline table, so it runs on its own seed);
4. prints the table as Markdown (what | mla | floor | ratio); the ratio is how many times the
   floor's cost the application pays (time / floor time, floor throughput / throughput);
5. truncates the seeded rows (default), keeps them (--keep) or drops the database (--drop).

--compare 100000,1000000 seeds each size in turn, measures the inbox and the API list at each and
prints how they grow from the first size to the last (the ratio column; the lists must stay flat,
and the floors' growth is given alongside). While measuring, a statement running past
--statement-timeout (60 s) is cancelled and its figure reported as such. Exit status 1 if a
sanity check failed (a page other than 200 or without rows, a cancelled statement, a failed
transition, a server error under load).
"""

from __future__ import annotations

import argparse
import enum
import importlib
import inspect
import json
import logging
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs
from urllib.parse import urlencode
from urllib.parse import urljoin
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from scripts.bench_support import Checks  # noqa: E402  (the path above makes it importable)
from scripts.bench_support import add_end_of_run_arguments  # noqa: E402
from scripts.bench_support import bench_database  # noqa: E402
from scripts.bench_support import ensure_database  # noqa: E402  (the path above makes it importable)
from scripts.bench_support import finish_run  # noqa: E402  (the path above makes it importable)
from scripts.bench_support import say  # noqa: E402  (the path above makes it importable)
from scripts.bench_support import section  # noqa: E402  (the path above makes it importable)
from scripts.bench_support import setup_django  # noqa: E402  (the path above makes it importable)

MEASUREMENTS = ("inbox", "api", "dashboard", "statistics", "gunicorn", "transitions")
PAGE_SIZE = 50
INBOX_URL = "/requests/"
API_URL = "/api/requests/"
DASHBOARD_URL = "/dashboard/"
STATISTICS_URL = "/statistics/"
STATISTICS_API_URL = "/api/statistics/"
CENTRAL_AUTHORITY = "kz-gpo"
PROSECUTOR_OFFICE = "kz-prosecutor-almaty"
# The rulebooks declare the Almaty and Astana offices; the others make the country's 20 (17
# regions and 3 cities of republican significance).
MORE_PROSECUTOR_OFFICES = (
    "shymkent", "abai", "akmola", "aktobe", "almaty-region", "atyrau", "east-kazakhstan",
    "zhambyl", "zhetisu", "west-kazakhstan", "karaganda", "kostanay", "kyzylorda", "mangystau",
    "pavlodar", "north-kazakhstan", "turkistan", "ulytau")
# Share of each instrument's requests, by slug (%); the rest of the code takes them in order.
INSTRUMENT_SHARES = {"kz-cz-2017": 20, "kz-sk-2007": 15, "kz-rs-2015": 18, "kz-br-2018": 12,
                     "untoc-2000": 12, "uncac-2003": 10, "vienna-1988": 5, "ets-141": 3,
                     "cis-minsk-1993": 2, "cis-chisinau-2002": 1, "kz-reciprocity": 2}
# Share of each state by direction (%): mostly closed and in execution, few drafts. A state is
# only given to the direction that can reach it.
STATE_SHARES: dict[str, dict[str, int]] = {
    "outgoing": {"closed": 44, "withdrawn": 3, "transmitted": 35, "executed": 6, "refused": 2,
                 "additional_info_requested": 2, "consultation": 1, "conditional_execution": 1,
                 "deferred": 1, "awaiting_return_of_items": 1, "drafting": 2, "under_review": 1,
                 "ready": 1},
    "incoming": {"closed": 44, "withdrawn": 2, "in_execution": 27, "forwarded": 5, "received": 2,
                 "completeness_check": 3, "additional_info_requested": 2, "executed": 4,
                 "results_transmitted": 5, "refused": 2, "consultation": 1,
                 "conditional_execution": 1, "deferred": 1, "awaiting_return_of_items": 1},
}
# Incoming requests in these states were forwarded to an executing (regional) office.
FORWARDED_STATES = ("forwarded", "in_execution", "consultation", "conditional_execution",
                    "deferred", "executed", "results_transmitted", "awaiting_return_of_items",
                    "closed")
DRAFT_STATES = ("drafting", "under_review", "ready")
# Requests in these states were executed (the seed gives them an execution time and outcome).
EXECUTED_STATES = ("closed", "executed", "results_transmitted", "awaiting_return_of_items")
BENCH_ASSISTANCE_TYPES = (["testimony"], ["testimony", "documents_and_evidence"],
                          ["provisional_measures", "bank_information"], ["information_exchange"],
                          ["search_and_seizure"], ["service_of_documents"])
BENCH_OFFENCE_CATEGORIES = ("fraud", "corruption", "drug_trafficking", "money_laundering",
                            "robbery_theft", "tax", "")
FINAL_STATES = ("closed", "withdrawn")
# The two deadlines of each request: the office's execution target and the requesting side's
# date. Categories of an active request's deadline (%): the rest are missed.
DEADLINE_KINDS = ("execution_target", "requested_execution_date")
ACTIVE_DEADLINE_SHARES = {"open_ahead": 55, "open_past_due": 15, "met": 22}
CLOSED_MET_SHARE = 80
# The transition pair repeated by the throughput test, and the deadline the raw floor moves.
TRANSITION_PAIR = ("request_additional_info", "supply_additional_info")
TRANSITION_STATES = ("in_execution", "additional_info_requested")
# The inbox's ordering keys as columns of the request (being added by the inbox work; until
# then the floor computes them as the inbox does).
STAGE_ORDER_FIELD, INBOX_DUE_FIELD = "stage_order", "inbox_due_at"


# --- arguments ------------------------------------------------------------------------------------
def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=100_000,
                        help="requests to seed (default 100,000), two deadlines each")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (median; 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (1)")
    parser.add_argument("--seconds", type=float, default=10.0,
                        help="seconds per throughput figure (gunicorn, transitions; 10)")
    parser.add_argument("--only", type=_measurements, default=MEASUREMENTS,
                        help="comma-separated subset of " + ",".join(MEASUREMENTS))
    parser.add_argument("--deep-rows", type=int, default=10_000,
                        help="how deep the deep page is, in rows (10,000)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--connections", type=int, default=4,
                        help="concurrent keep-alive client connections (4)")
    parser.add_argument("--processes", type=int, default=4,
                        help="client processes running transitions (4)")
    parser.add_argument("--statement-timeout", type=float, default=60.0,
                        help="seconds a statement may run while measuring (60; 0: no limit): a "
                             "page past it fails its check instead of holding the run")
    parser.add_argument("--compare", type=_sizes, default=None,
                        help="seed each size in turn (e.g. 100000,1000000) and compare the "
                             "inbox and API figures")
    add_end_of_run_arguments(parser, kept="seeded rows")
    args = parser.parse_args(argv)
    if args.requests < 1:
        parser.error("--requests must be at least 1")
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")
    if args.statement_timeout < 0:
        parser.error("--statement-timeout must be 0 (no limit) or more")
    if args.seconds <= 0 or min(args.workers, args.connections, args.processes) < 1:
        parser.error("--seconds, --workers, --connections and --processes must be positive")
    if args.deep_rows < PAGE_SIZE:
        parser.error(f"--deep-rows must be at least one page ({PAGE_SIZE})")
    return args


def _measurements(value: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in MEASUREMENTS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown measurement(s) {unknown or [value]}; choose from {','.join(MEASUREMENTS)}")
    return names


def _sizes(value: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "")) for part in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {value!r}") from None
    if len(sizes) < 2 or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give two or more positive sizes, e.g. 100000,1000000")
    return sizes


# --- the report -----------------------------------------------------------------------------------
@dataclass
class Figure:
    """One line of the table. ``ratio`` is the application's cost over the floor's."""

    what: str
    mla: str
    floor: str
    ratio: float | None = None


def format_ratio(ratio: float | None) -> str:
    if ratio is None:
        return "—"
    return f"{ratio:,.0f}×" if ratio >= 100 else f"{ratio:,.1f}×"


def format_ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:,.0f} ms" if ms >= 100 else f"{ms:,.1f} ms"


def markdown_table(figures: Sequence[Figure]) -> str:
    lines = ["| what | mla | floor | ratio |", "|---|---|---|---|"]
    for figure in figures:
        cells = (figure.what, figure.mla, figure.floor, format_ratio(figure.ratio))
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def latency_figure(what: str, mla: float, floor: float, mla_note: str = "",
                   floor_note: str = "") -> Figure:
    return Figure(what, format_ms(mla) + (f", {mla_note}" if mla_note else ""),
                  format_ms(floor) + (f", {floor_note}" if floor_note else ""),
                  mla / floor if floor > 0 else None)


def median_of(fn: Callable[[], object], runs: int, warmup: int) -> float:
    """Median wall-clock seconds of ``fn`` over ``runs`` calls after ``warmup`` untimed ones."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def timed_out(check: Checks, what: str, error: Exception) -> Figure:
    """A measurement a cancelled statement stopped: a failed check and a line of the table."""
    check(False, f"{what}: did not finish within --statement-timeout "
                 f"({str(error).splitlines()[0]})")
    seconds = os.environ.get("PGOPTIONS", "").rpartition("=")[2]
    limit = f"{int(seconds) / 1000:g} s" if seconds.isdigit() else "the limit"
    return Figure(what, f"a statement ran past {limit} (cancelled)", "—", None)


def limit_statements(seconds: float) -> None:
    """Every connection opened from now on (this process's next one, gunicorn's, the
    transition clients') cancels a statement after ``seconds`` (0: no limit)."""
    from django.db import connection

    if seconds:
        os.environ["PGOPTIONS"] = f"-c statement_timeout={int(seconds * 1000)}"
    else:
        os.environ.pop("PGOPTIONS", None)
    connection.close()


# --- following a list's pagination ------------------------------------------------------------------
CURSOR_PARAMS = ("cursor", "after")


class _Links(HTMLParser):
    """The links of a page: ``<a href>``, and htmx ``hx-get`` on links and buttons."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("a", "button"):
            return
        values = {name: value or "" for name, value in attrs}
        target = values.get("href") or values.get("hx-get")
        if target:
            self.links.append((target, values.get("rel", "").split()))


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def _page_number(url: str) -> int:
    try:
        return int(_query(url).get("page", ["1"])[0])
    except ValueError:
        return 1


def next_link(html: str, current_url: str) -> str | None:
    """The "next"/"show more" link of an HTML page, as an absolute path: a link marked
    ``rel="next"``; else the last link carrying a cursor (a "show more" link follows any
    "back" link); else the page-number link to the page after this one."""
    parser = _Links()
    parser.feed(html)
    cursors, pages = [], []
    for href, rel in parser.links:
        url = urljoin(current_url, href)
        if "next" in rel:
            return url
        query = _query(url)
        if any(name in query for name in CURSOR_PARAMS):
            cursors.append(url)
        elif "page" in query:
            pages.append(url)
    if cursors:
        return cursors[-1]
    following = _page_number(current_url) + 1
    return next((url for url in pages if _page_number(url) == following), None)


def next_link_json(data: Any, current_url: str) -> str | None:
    """The ``next`` URL of a paginated API answer (DRF's page-number and cursor paginations)."""
    nxt = data.get("next") if isinstance(data, dict) else None
    return urljoin(current_url, nxt) if nxt else None


def local_path(url: str) -> str:
    """Path and query of a URL, for the test client and the load generator."""
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path, parts.query, ""))


def is_page_number_link(url: str) -> bool:
    query = _query(url)
    return "page" in query and not any(name in query for name in CURSOR_PARAMS)


def with_page(url: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qs(parts.query, keep_blank_values=True).items()
             if k != "page"]
    flat = [(k, value) for k, values in query for value in values] + [("page", str(page))]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(flat), ""))


def reachable_depth(visible: int, wanted: int, page_size: int = PAGE_SIZE) -> int:
    """How many rows deep the deep page starts: ``wanted``, or the start of the last page of a
    list of ``visible`` rows when it is shorter."""
    last_page_start = max(0, (visible - 1) // page_size) * page_size
    return min(wanted - wanted % page_size, last_page_start)


@dataclass
class Walk:
    url: str
    depth: int  # rows before the page at ``url``
    followed: int  # links followed one by one
    jumped: bool  # a page-number link, jumped to directly


def walk_to_depth(fetch: Callable[[str], tuple[int, Any]], start: str, depth: int,
                  find_next: Callable[[Any, str], str | None],
                  page_size: int = PAGE_SIZE) -> Walk:
    """Follow the list's "next" links from ``start`` until ``depth`` rows lie before the page.
    ``fetch(url)`` returns (status, body). Page-number links are jumped to directly."""
    url, reached, followed = start, 0, 0
    while reached < depth:
        status, body = fetch(url)
        if status != 200:
            raise RuntimeError(f"{url} answered {status} while following the pagination")
        nxt = find_next(body, url)
        if nxt is None:
            raise RuntimeError(f"{url} offers no next link at {reached:,} rows deep")
        if is_page_number_link(nxt):
            return Walk(with_page(nxt, depth // page_size + 1), depth, followed, True)
        url, reached, followed = nxt, reached + page_size, followed + 1
    return Walk(url, reached, followed, False)


# --- SQL helpers ------------------------------------------------------------------------------------
def sql_literal(value: object) -> str:
    """A constant as SQL text inside a statement that also takes %(named)s parameters (so a %
    is doubled)."""
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict | list | tuple):
        return sql_literal(json.dumps(value)) + "::jsonb"
    if isinstance(value, str):
        return "'" + value.replace("'", "''").replace("%", "%%") + "'"
    raise TypeError(f"no SQL literal for {value!r}")


def column_values(model, explicit: dict[str, str]) -> tuple[list[str], list[str]]:
    """Columns and SQL expressions for an INSERT into ``model``'s table: ``explicit`` (by column
    name), else NULL for a nullable field, the field's default, or ``%(now)s`` for a date-time
    stamped on save (a blank text field: ''). A NOT NULL column with none of these stops the run with its name, so a
    field added to the model later is noticed here."""
    from django.db.models import NOT_PROVIDED
    from django.db.models import DateTimeField

    columns, values = [], []
    unknown = set(explicit) - {f.column for f in model._meta.concrete_fields}
    if unknown:
        sys.exit(f"{model.__name__} has no column(s) {sorted(unknown)}")
    for f in model._meta.concrete_fields:
        if f.column in explicit:
            columns.append(f.column)
            values.append(explicit[f.column])
        elif (f.primary_key or getattr(f, "db_default", NOT_PROVIDED) is not NOT_PROVIDED
              or getattr(f, "generated", False)):
            # The database fills these (a generated column such as ``stage_order``).
            continue
        elif f.null:
            columns.append(f.column)
            values.append("NULL")
        elif isinstance(f, DateTimeField) and (f.auto_now or f.auto_now_add or f.has_default()):
            columns.append(f.column)
            values.append("%(now)s")
        elif f.has_default() or (f.empty_strings_allowed and f.blank):
            # A blank text field without a default is saved as '' (``Field.get_default``).
            columns.append(f.column)
            values.append(sql_literal(f.get_default()))
        else:
            sys.exit(f"{model._meta.db_table}.{f.column} is NOT NULL without a default and the "
                     "seed does not fill it: add it to the seed in scripts/bench_scale.py")
    return columns, values


def weighted_case(expression: str, shares: dict[str, int], random_column: str) -> str:
    """``CASE WHEN r < p1 THEN 'a' WHEN r < p2 THEN 'b' ... END`` over shares in % (sum 100)."""
    if sum(shares.values()) != 100:
        raise ValueError(f"shares of {expression} sum to {sum(shares.values())}, not 100")
    whens, bound = [], 0
    for value, share in shares.items():
        bound += share
        whens.append(f"WHEN {random_column} < {bound / 100!r} THEN {sql_literal(value)}")
    return "CASE " + " ".join(whens[:-1]) + f" ELSE {sql_literal(list(shares)[-1])} END"


def _in_list(values: Sequence[str]) -> str:
    return "(" + ", ".join(sql_literal(v) for v in values) + ")"


def table(model) -> str:
    return '"' + model._meta.db_table + '"'


def has_field(model, name: str) -> bool:
    from django.core.exceptions import FieldDoesNotExist

    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


# --- set-up -----------------------------------------------------------------------------------------
@dataclass
class World:
    """What the seed and the measurements share: ids, users, sizes."""

    instruments: dict[str, int]
    foreign_authorities: dict[str, list[int]]
    designated: dict[int, list[int]]  # office id -> instrument ids it is designated for
    offices: list[int]
    central: int
    users: dict[str, Any]  # "supervisor", "clerk", "prosecutor"
    requests: int = 0
    deadlines: int = 0
    seed_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    cancelled: list[Figure] = field(default_factory=list)  # lists a statement timeout stopped


def prepare_world() -> World:
    """The schema, the instruments (``treaties_load``), the offices and the users."""
    from django.core.management import call_command

    from treaties.services import treaties_load

    t0 = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    loaded = treaties_load()
    world = build_world()
    say(f"migrate + treaties_load ({loaded}) + {len(world.offices)} prosecutor offices + users: "
        f"{time.perf_counter() - t0:.1f}s")
    return world


def build_world() -> World:
    """The 20 prosecutor offices and the three users (idempotent), with the ids the seed and
    the floors use; the instruments must be loaded."""
    from django.contrib.auth.models import Group
    from django.contrib.auth.models import User

    from requests_app.models import OfficeMembership
    from requests_app.roles import Role
    from treaties.models import Authority
    from treaties.models import Instrument

    model_office = Authority.objects.get(code=PROSECUTOR_OFFICE)
    for slug in MORE_PROSECUTOR_OFFICES:
        title = slug.replace("-", " ").title()
        Authority.objects.get_or_create(code=f"kz-prosecutor-{slug}", defaults={
            "state": model_office.state, "kind": model_office.kind,
            "name_en": f"Prosecutor's Office of {title}", "name_ru": f"Прокуратура ({title})",
            "name_kk": f"Прокуратурасы ({title})"})
    offices = list(Authority.objects.filter(code__startswith="kz-prosecutor-")
                   .order_by("code").values_list("pk", flat=True))
    central = Authority.objects.get(code=CENTRAL_AUTHORITY)
    instruments = dict(Instrument.objects.values_list("slug", "pk"))
    if set(instruments) != set(INSTRUMENT_SHARES):
        sys.exit(f"the seed spreads requests over {sorted(INSTRUMENT_SHARES)}, the rulebooks "
                 f"load {sorted(instruments)}: update INSTRUMENT_SHARES")
    foreign = {slug: list(Authority.objects.filter(instruments__slug=slug)
                          .exclude(state=central.state).order_by("pk")
                          .values_list("pk", flat=True)) for slug in instruments}
    # Reciprocity designates no foreign authority: it binds Kazakhstan with any state.
    anyone = list(Authority.objects.exclude(state=central.state).order_by("pk")
                  .values_list("pk", flat=True))
    foreign = {slug: ids or anyone for slug, ids in foreign.items()}
    link = Instrument.authorities.through
    designated: dict[int, list[int]] = {}
    for authority_id, instrument_id in link.objects.values_list("authority_id", "instrument_id"):
        designated.setdefault(authority_id, []).append(instrument_id)
    groups = {role: Group.objects.get_or_create(name=role.value)[0] for role in Role}

    def user(username: str, role: Role, office: Authority) -> User:
        obj, _ = User.objects.get_or_create(username=username, defaults={
            "email": f"{username}@bench.example", "is_active": True,
            "first_name": "Bench", "last_name": role.value})
        obj.groups.set([groups[role]])
        OfficeMembership.objects.update_or_create(user=obj, defaults={"authority": office})
        return obj

    users = {"supervisor": user("bench.supervisor", Role.SUPERVISOR, central),
             "clerk": user("bench.clerk", Role.CLERK, central),
             "prosecutor": user("bench.prosecutor", Role.PROSECUTOR, model_office)}
    return World(instruments=instruments, foreign_authorities=foreign, designated=designated,
                 offices=offices, central=central.pk, users=users)


# --- the seed ---------------------------------------------------------------------------------------
def _stage_order_sql(state_column: str) -> str:
    """The inbox's stage position of a state (the tab order), as the inbox sorts."""
    from requests_app.selectors.requests import STAGES

    whens = " ".join(f"WHEN {state_column} IN {_in_list(stage.states)} THEN {position}"
                     for position, stage in enumerate(STAGES))
    return f"CASE {whens} ELSE {len(STAGES)} END"


def request_seed_sql(world: World) -> str:
    """One INSERT ... SELECT FROM generate_series for all the requests. ``b``: one row per g with
    its random draws; ``s``: the direction, instrument and state drawn from them."""
    from requests_app.models import AssistanceRequest

    instruments = ", ".join(
        f"({index}, {world.instruments[slug]}, ARRAY{world.foreign_authorities[slug]}::bigint[])"
        for index, slug in enumerate(INSTRUMENT_SHARES, 1))
    instrument_pick = weighted_case("instrument", {str(i): share for i, share in enumerate(
        INSTRUMENT_SHARES.values(), 1)}, "b.r_instrument")
    state = (f"CASE b.direction WHEN 'outgoing' THEN "
             f"{weighted_case('outgoing', STATE_SHARES['outgoing'], 'b.r_state')} "
             f"ELSE {weighted_case('incoming', STATE_SHARES['incoming'], 'b.r_state')} END")
    regional = "(%(offices)s::bigint[])[1 + ((s.g / 2) %% %(office_count)s)]"
    kazakh_requesting = f"CASE WHEN s.r_office < 0.15 THEN %(central)s ELSE {regional} END"
    foreign = "s.foreign_ids[1 + (s.g %% array_length(s.foreign_ids, 1))]"
    explicit = {
        "reference": "'BENCH-' || lpad(s.g::text, 8, '0')",
        "their_reference": "CASE WHEN s.direction = 'incoming' THEN 'T-' || s.g ELSE '' END",
        "case_number": "'B-' || s.g",
        "direction": "s.direction",
        "instrument_id": "s.instrument_id",
        "requesting_authority_id": (f"CASE WHEN s.direction = 'outgoing' THEN "
                                    f"{kazakh_requesting} ELSE {foreign} END"),
        "requested_authority_id": (f"CASE WHEN s.direction = 'outgoing' THEN {foreign} "
                                   f"ELSE %(central)s END"),
        "executing_authority_id": (f"CASE WHEN s.direction = 'incoming' AND s.state IN "
                                   f"{_in_list(FORWARDED_STATES)} THEN {regional} END"),
        "created_by_id": "%(author)s",
        "state": "s.state",
        # Statistics (``statistics_app``): the types, the offence's category, the day the
        # request was sent or received and, once executed, when and how.
        "assistance_types": (f"(ARRAY{[json.dumps(t) for t in BENCH_ASSISTANCE_TYPES]})"
                             f"[1 + (s.g %% {len(BENCH_ASSISTANCE_TYPES)})]::jsonb"),
        "offence_category": (f"(ARRAY{list(BENCH_OFFENCE_CATEGORIES)})"
                             f"[1 + ((s.g / 7) %% {len(BENCH_OFFENCE_CATEGORIES)})]"),
        "opened_on": (f"CASE WHEN s.direction = 'incoming' THEN "
                      f"(s.created_at AT TIME ZONE 'Asia/Almaty')::date "
                      f"WHEN s.state NOT IN {_in_list(DRAFT_STATES)} THEN "
                      f"((s.created_at + interval '3 days') AT TIME ZONE 'Asia/Almaty')::date END"),
        "executed_at": (f"CASE WHEN s.state IN {_in_list(EXECUTED_STATES)} THEN "
                        f"LEAST(s.created_at + ((s.g::bigint * 7919) %% 240 + 5) * interval '1 day', "
                        f"%(now)s) END"),
        "execution_outcome": (f"CASE WHEN s.state IN {_in_list(EXECUTED_STATES)} THEN "
                              f"CASE WHEN s.g %% 10 = 0 THEN 'partial' ELSE 'full' END "
                              f"ELSE '' END"),
        "offence_description": "'Bench offence ' || s.g",
        "is_urgent": "s.r_flags < 0.03",
        "is_confidential": "s.r_flags > 0.98",
        "received_at": "CASE WHEN s.direction = 'incoming' THEN s.created_at END",
        "transmitted_at": (f"CASE WHEN s.direction = 'outgoing' AND s.state NOT IN "
                           f"{_in_list(DRAFT_STATES)} THEN s.created_at + interval '3 days' END"),
        "closed_at": (f"CASE WHEN s.state IN {_in_list(FINAL_STATES)} THEN "
                      f"LEAST(s.created_at + interval '200 days', %(now)s) END"),
        "created_at": "s.created_at",
        "updated_at": "LEAST(s.created_at + interval '20 days', %(now)s)",
    }
    if has_field(AssistanceRequest, INBOX_DUE_FIELD):
        # A stand-in value: ``inbox_keys_refresh`` computes the inbox's sort time once the
        # deadlines are in (the stage's position is generated by the database).
        explicit[AssistanceRequest._meta.get_field(INBOX_DUE_FIELD).column] = "s.created_at"
    columns, values = column_values(AssistanceRequest, explicit)
    return f"""
INSERT INTO {table(AssistanceRequest)} ({", ".join(columns)})
SELECT {", ".join(values)}
FROM (
    SELECT b.*, i.instrument_id, i.foreign_ids, st.state,
           -- closed requests are older (up to 5 years), active ones younger (up to 400 days)
           CASE WHEN st.state IN {_in_list(FINAL_STATES)}
                THEN %(now)s - interval '30 days' - b.r_age * interval '1795 days'
                ELSE %(now)s - b.r_age * interval '400 days' END AS created_at
    FROM (
        SELECT g, random() AS r_instrument, random() AS r_state, random() AS r_office,
               random() AS r_age, random() AS r_flags,
               CASE WHEN g %% 2 = 0 THEN 'outgoing' ELSE 'incoming' END AS direction
        FROM generate_series(1, %(n)s) AS g
    ) AS b
    JOIN (VALUES {instruments}) AS i(position, instrument_id, foreign_ids)
      ON i.position = ({instrument_pick})::int
    CROSS JOIN LATERAL (SELECT {state} AS state) AS st
) AS s
"""


def deadline_seed_sql() -> str:
    """Two deadlines per request from the requests themselves: an active request's are open
    and due ahead, open and past due (the sweep has not run), met or missed; a closed one's met
    or missed. Deadlines of outgoing drafts are provisional."""
    from requests_app.models import AssistanceRequest
    from requests_app.models import Deadline

    active = weighted_case("deadline", {**ACTIVE_DEADLINE_SHARES, "missed": 100 - sum(
        ACTIVE_DEADLINE_SHARES.values())}, "k.r_status")
    closed = weighted_case("closed deadline", {"met": CLOSED_MET_SHARE,
                                               "missed": 100 - CLOSED_MET_SHARE}, "k.r_status")
    explicit = {
        "request_id": "d.request_id",
        "instrument_id": "d.instrument_id",
        "kind": f"(ARRAY{list(DEADLINE_KINDS)})[d.n]",
        "subject_key": "''",
        "due_at": "d.due_at",
        "citation": "CASE d.n WHEN 1 THEN 'office policy' ELSE 'requesting side' END",
        "basis": "CASE d.n WHEN 1 THEN 'office_policy' ELSE 'requesting_side' END",
        "status": "CASE WHEN d.cat LIKE 'open%%' THEN 'open' ELSE d.cat END",
        "responsible_side": ("CASE WHEN d.direction = 'incoming' THEN 'kazakhstan' "
                             "ELSE 'other_side' END"),
        "responsible_role": "CASE WHEN d.direction = 'incoming' THEN 'Prosecutor' ELSE '' END",
        "met_at": "CASE WHEN d.cat = 'met' THEN d.due_at - d.r_when * interval '10 days' END",
        "next_action_at": "CASE WHEN d.cat LIKE 'open%%' AND NOT d.provisional THEN d.due_at END",
        "provisional": "d.provisional",
        "created_at": "d.created_at",
        "updated_at": "d.created_at",
    }
    columns, values = column_values(Deadline, explicit)
    return f"""
INSERT INTO {table(Deadline)} ({", ".join(columns)})
SELECT {", ".join(values)}
FROM (
    SELECT k.*,
           CASE k.cat
               WHEN 'open_ahead' THEN %(now)s + interval '1 day' + k.r_when * interval '120 days'
               WHEN 'open_past_due' THEN %(now)s - interval '1 hour' - k.r_when * interval '60 days'
               ELSE LEAST(k.created_at + interval '30 days' + k.r_when * interval '90 days',
                          %(now)s - interval '1 day')
           END AS due_at
    FROM (
        SELECT k.*,
               CASE WHEN k.state IN {_in_list(FINAL_STATES)} THEN {closed} ELSE {active} END
                   AS cat
        FROM (
            SELECT r.id AS request_id, r.instrument_id, r.direction, r.state, r.created_at, n.n,
                   r.direction = 'outgoing' AND r.state IN {_in_list(DRAFT_STATES)}
                       AS provisional,
                   random() AS r_when, random() AS r_status
            FROM {table(AssistanceRequest)} AS r
            CROSS JOIN (VALUES (1), (2)) AS n(n)
        ) AS k
    ) AS k
) AS d
"""


def _secondary_indexes(cursor, table_name: str) -> list[tuple[str, str]]:
    cursor.execute("""
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = %s
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                          WHERE c.conindid = (quote_ident(i.schemaname) || '.'
                                              || quote_ident(i.indexname))::regclass)
        ORDER BY i.indexname""", [table_name])
    return cursor.fetchall()


def truncate(cursor) -> None:
    """Empties the request table and, by CASCADE, every table that refers to it (deadlines, log,
    persons, notifications...)."""
    from requests_app.models import AssistanceRequest

    cursor.execute(f"TRUNCATE {table(AssistanceRequest)} RESTART IDENTITY CASCADE")


def seed(world: World, n: int, now: datetime) -> None:
    """Truncate and seed in one transaction: the secondary indexes of the two tables are
    dropped, the rows inserted with the foreign-key triggers off (all ids are real) and the
    indexes recreated from their own definitions, so the schema is exactly what migrate made,
    or untouched if anything fails. Without superuser rights, a plain INSERT into the live
    tables. Then the inbox keys are refreshed and both tables vacuumed and analysed."""
    from django.db import connection
    from django.db import transaction

    from requests_app.models import AssistanceRequest
    from requests_app.models import Deadline

    params = {"n": n, "now": now, "offices": world.offices, "office_count": len(world.offices),
              "central": world.central, "author": world.users["clerk"].pk}
    timings = []
    t0 = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
        fast = cursor.fetchone()[0]
        with transaction.atomic():
            truncate(cursor)
            indexes = []
            if fast:
                cursor.execute("SET LOCAL session_replication_role = replica")
                cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
                for model in (AssistanceRequest, Deadline):
                    indexes += [(model, name, definition) for name, definition
                                in _secondary_indexes(cursor, model._meta.db_table)]
                for _model, name, _definition in indexes:
                    cursor.execute(f'DROP INDEX "{name}"')
            cursor.execute("SELECT setseed(0.42)")
            t1 = time.perf_counter()
            cursor.execute(request_seed_sql(world), params)
            world.requests = cursor.rowcount
            t2 = time.perf_counter()
            cursor.execute(deadline_seed_sql(), params)
            world.deadlines = cursor.rowcount
            t3 = time.perf_counter()
            timings += [f"requests {t2 - t1:.1f}s", f"deadlines {t3 - t2:.1f}s"]
            # The deadline indexes first, and statistics: the refresh reads each request's
            # deadlines by request; the request table's own indexes come after its UPDATE.
            for model, _name, definition in indexes:
                if model is Deadline:
                    cursor.execute(definition)
            for model in (AssistanceRequest, Deadline):
                cursor.execute(f"ANALYZE {table(model)}")
            refreshed = refresh_inbox_keys(world)
            if refreshed is not None:
                timings.append(f"inbox_keys_refresh {refreshed:.1f}s")
            t3b = time.perf_counter()
            for model, _name, definition in indexes:
                if model is not Deadline:
                    cursor.execute(definition)
            if indexes:
                timings.append(f"recreate {len(indexes)} indexes {time.perf_counter() - t3b:.1f}s")
        t4 = time.perf_counter()
        rebuilt = rebuild_statistics()
        if rebuilt is not None:
            timings.append(f"statistics rows {rebuilt:.1f}s")
        t5 = time.perf_counter()
        for model in (AssistanceRequest, Deadline, *statistics_models()):
            cursor.execute(f"VACUUM (ANALYZE) {table(model)}")
        timings.append(f"VACUUM ANALYZE {time.perf_counter() - t5:.1f}s")
        # The seed's gigabytes of dirty pages written now, not by the checkpointer while the
        # pages are timed (a run measured just after seeding was a third slower than the same
        # pages measured by a fresh process minutes later).
        t6 = time.perf_counter()
        cursor.execute("CHECKPOINT")
        timings.append(f"CHECKPOINT {time.perf_counter() - t6:.1f}s")
        world.seed_seconds = time.perf_counter() - t0
        say(f"seeded {world.requests:,} requests and {world.deadlines:,} deadlines in "
            f"{world.seed_seconds:.1f}s ({'fast path' if fast else 'plain INSERT'}): "
            + ", ".join(timings) + f" (transaction {t4 - t0:.1f}s)")
        report_seed(cursor)


def statistics_models() -> list:
    try:
        from statistics_app.models import RequestStatistics
    except ImportError:
        return []
    return [RequestStatistics]


def rebuild_statistics() -> float | None:
    """The statistics' row of every seeded request, computed by the function the services use
    (``statistics_app.rows.statistics_rebuild``, in batches); its duration, or None before the
    statistics existed."""
    try:
        from statistics_app.rows import statistics_rebuild
    except ImportError:
        return None
    from statistics_app.aggregates import statistics_aggregates_refresh

    started = time.perf_counter()
    statistics_rebuild(batch_size=20000)
    rows = time.perf_counter() - started
    # The aggregates the page reads, as beat rebuilds them.
    say(f"  statistics rows {rows:.1f}s, aggregates {statistics_aggregates_refresh().seconds:.1f}s")
    return time.perf_counter() - started


def refresh_inbox_keys(world: World) -> float | None:
    """Recompute the inbox's denormalised ordering keys of the seeded rows with the service
    that maintains them, where it exists (``requests_app.services.inbox.inbox_keys_refresh``,
    taking a queryset). Returns its duration, or None (with a warning) when it is absent."""
    from requests_app.models import AssistanceRequest

    try:
        module = importlib.import_module("requests_app.services.inbox")
    except ModuleNotFoundError:
        module = None
    refresh = getattr(module, "inbox_keys_refresh", None)
    if refresh is None:
        message = ("WARNING: requests_app.services.inbox.inbox_keys_refresh is absent: the "
                   "inbox ordering keys (if any) keep the seed's values")
        say(message)
        world.notes.append(message)
        return None
    queryset = AssistanceRequest.objects.all()
    parameters = list(inspect.signature(refresh).parameters.values())
    t0 = time.perf_counter()
    if parameters and parameters[0].kind is inspect.Parameter.KEYWORD_ONLY:
        refresh(**{parameters[0].name: queryset})
    else:
        refresh(queryset)
    return time.perf_counter() - t0


def report_seed(cursor) -> None:
    from requests_app.models import AssistanceRequest
    from requests_app.models import Deadline

    cursor.execute(f"""SELECT direction, state, count(*) FROM {table(AssistanceRequest)}
                       GROUP BY 1, 2 ORDER BY 1, 3 DESC""")
    by_state: dict[str, list[str]] = {}
    for direction, state, count in cursor.fetchall():
        by_state.setdefault(direction, []).append(f"{state} {count:,}")
    for direction, states in by_state.items():
        say(f"  {direction}: " + ", ".join(states))
    cursor.execute(f"""SELECT status, count(*), count(*) FILTER (WHERE due_at < now())
                       FROM {table(Deadline)} GROUP BY 1 ORDER BY 1""")
    say("  deadlines: " + ", ".join(f"{status} {count:,} ({past:,} past due)"
                                    for status, count, past in cursor.fetchall()))
    cursor.execute("SELECT pg_size_pretty(pg_total_relation_size(%s)), "
                   "pg_size_pretty(pg_total_relation_size(%s))",
                   [AssistanceRequest._meta.db_table, Deadline._meta.db_table])
    sizes = cursor.fetchone()
    say(f"  sizes with indexes: requests {sizes[0]}, deadlines {sizes[1]}")


# --- the floors' SQL: visibility and the lists ----------------------------------------------------
def visibility_sql(world: World, who: str) -> tuple[str, dict[str, Any]]:
    """The rows ``who`` may see (``requests_app.access.requests_visible_to``), hand-written:
    supervisors everything; others their office's requests, and a clerk those under the
    instruments the office is designated for."""
    from requests_app.access import user_office_id

    if who == "supervisor":
        return "TRUE", {}
    office = user_office_id(world.users[who])
    if office is None:
        return "FALSE", {}
    own = ["r.requesting_authority_id = %(office)s", "r.requested_authority_id = %(office)s",
           "r.executing_authority_id = %(office)s"]
    params: dict[str, Any] = {"office": office}
    if who == "clerk":
        own.append("r.instrument_id = ANY(%(designated)s::bigint[])")
        params["designated"] = world.designated.get(office, [])
    return "(" + " OR ".join(own) + ")", params


@dataclass(frozen=True)
class ListSpec:
    """How a list orders its rows, for the floor: columns (SQL), directions and, for the
    keyset, whether each key may be NULL (sorted last)."""

    where: str
    order: tuple[tuple[str, str, bool], ...]  # (expression, "ASC"/"DESC", nullable)
    keyset: bool  # the keys are plain columns: the deep page reads after the previous row


def inbox_spec() -> tuple[ListSpec, str]:
    """The inbox's order (stage, next due date, newest first): from the denormalised columns
    when the model has them, otherwise computed on the fly as the inbox does today (then the
    deep floor uses OFFSET, and says so)."""
    from requests_app.models import AssistanceRequest
    from requests_app.models import Deadline

    open_work = f"r.state NOT IN {_in_list(FINAL_STATES)}"
    if has_field(AssistanceRequest, STAGE_ORDER_FIELD) and has_field(AssistanceRequest,
                                                                      INBOX_DUE_FIELD):
        stage = "r." + AssistanceRequest._meta.get_field(STAGE_ORDER_FIELD).column
        due = "r." + AssistanceRequest._meta.get_field(INBOX_DUE_FIELD).column
        # ``selectors.requests.INBOX_ORDER``: one ascending run of NOT NULL keys.
        return ListSpec(open_work, ((stage, "ASC", False), (due, "ASC", False),
                                    ("r.id", "ASC", False)),
                        keyset=True), "ordering keys as columns (keyset)"
    next_due = (f"(SELECT min(d.due_at) FROM {table(Deadline)} d WHERE d.request_id = r.id AND "
                f"{needing_action_sql('d', 'r')})")
    return ListSpec(open_work, ((_stage_order_sql("r.state"), "ASC", False),
                                (next_due, "ASC", True), ("r.created_at", "DESC", False),
                                ("r.id", "DESC", False)), keyset=False), \
        "ordering keys computed (no denormalised columns yet; OFFSET for the deep page)"


def api_spec() -> ListSpec:
    return ListSpec("TRUE", (("r.created_at", "DESC", False), ("r.id", "DESC", False)),
                    keyset=True)


def relevant_sql(d: str, r: str) -> str:
    """``deadline_relevant_q``: the request is in progress, or the duty outlives it."""
    from treaties.rules.deadlines import OUTLIVE_THE_REQUEST

    outlive = _in_list(sorted(str(k) for k in OUTLIVE_THE_REQUEST))
    return (f"({d}.request_id IS NULL OR {r}.state NOT IN {_in_list(FINAL_STATES)} "
            f"OR {d}.kind IN {outlive})")


def needing_action_sql(d: str, r: str) -> str:
    """``deadline_needing_action_q``: open, or missed and not done since where it matters."""
    return (f"({d}.status = 'open' OR ({d}.status = 'missed' AND {d}.met_at IS NULL AND "
            f"{relevant_sql(d, r)}))")


def order_by_sql(spec: ListSpec) -> str:
    return ", ".join(f"{expr} {direction}" + (" NULLS LAST" if nullable else "")
                     for expr, direction, nullable in spec.order)


def keyset_sql(spec: ListSpec, last: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """Rows after ``last`` (the previous page's last row's keys) in ``spec``'s order, NULLs
    last, written so an index on the keys can start its range there: a row comparison for a
    run of keys sorted the same way with no NULL (``(created_at, id) < (%s, %s)``), an OR of
    "equal on the first keys, after on the next one" otherwise, bounded on the first key."""
    params = {f"k{i}": value for i, value in enumerate(last)}
    order = spec.order
    alternatives = []
    for i, (expr, direction, nullable) in enumerate(order):
        equal_before = [f"{e} = %(k{j})s" if last[j] is not None else f"{e} IS NULL"
                        for j, (e, _d, _n) in enumerate(order[:i])]
        rest = order[i:]
        if len(rest) > 1 and all(d == direction and not n and last[i + k] is not None
                                 for k, (_e, d, n) in enumerate(rest)):
            op = ">" if direction == "ASC" else "<"
            keys = ", ".join(e for e, _d, _n in rest)
            values = ", ".join(f"%(k{i + k})s" for k in range(len(rest)))
            alternatives.append(" AND ".join([*equal_before, f"({keys}) {op} ({values})"]))
            break
        if last[i] is None:
            continue  # nothing sorts after NULL (NULLS LAST) on this key
        after = f"{expr} {'>' if direction == 'ASC' else '<'} %(k{i})s"
        if nullable:
            after = f"({after} OR {expr} IS NULL)"
        alternatives.append(" AND ".join([*equal_before, after]))
    if len(alternatives) == 1:
        return f"({alternatives[0]})", params
    first, direction, nullable = order[0]
    bound = ("" if nullable or last[0] is None
             else f"{first} {'>=' if direction == 'ASC' else '<='} %(k0)s AND ")
    ored = " OR ".join(f"({a})" for a in alternatives) or "FALSE"
    return f"({bound}({ored}))", params


def list_floor_sql(world: World, who: str, spec: ListSpec, after: str = "", offset: int = 0,
                   limit: int = PAGE_SIZE) -> tuple[str, dict[str, Any]]:
    """The page's request rows: what the list shows of each, with the ids of its instrument and
    authorities (a few dozen reference rows a hand-written server would hold in memory, so
    not joined: joining them costs more to plan than to run)."""
    from requests_app.models import AssistanceRequest

    visible, params = visibility_sql(world, who)
    keys = ", ".join(f"{expr} AS k{i}" for i, (expr, _d, _n) in enumerate(spec.order))
    where = " AND ".join(part for part in (visible, spec.where, after) if part)
    return (f"""SELECT r.id, r.reference, r.their_reference, r.case_number, r.direction,
                       r.state, r.version, r.is_urgent, r.is_confidential, r.instrument_id,
                       r.requesting_authority_id, r.requested_authority_id,
                       r.executing_authority_id, r.offence_description, r.assistance_types,
                       r.created_at, r.updated_at, {keys}
                FROM {table(AssistanceRequest)} r
                WHERE {where}
                ORDER BY {order_by_sql(spec)}
                LIMIT {int(limit)} OFFSET {int(offset)}""", params)


def next_deadlines_sql() -> str:
    """The page's rows' deadlines still needing action, soonest first (what the rows show)."""
    from requests_app.models import AssistanceRequest
    from requests_app.models import Deadline

    return (f"""SELECT d.request_id, d.id, d.kind, d.due_at, d.status, d.citation
                FROM {table(Deadline)} d JOIN {table(AssistanceRequest)} r ON r.id = d.request_id
                WHERE d.request_id = ANY(%(ids)s) AND {needing_action_sql('d', 'r')}
                ORDER BY d.request_id, d.due_at, d.id""")


def visible_count(world: World, who: str, spec: ListSpec) -> int:
    from django.db import connection

    from requests_app.models import AssistanceRequest

    visible, params = visibility_sql(world, who)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table(AssistanceRequest)} r "
                       f"WHERE {visible} AND {spec.where}", params)
        return cursor.fetchone()[0]


class ListFloor:
    """The floor of one list page for one user: the page's rows by hand-written SQL, then their
    deadlines. For a deep page in keyset order, the previous row's keys are read once (not
    timed) and the timed query reads after them."""

    def __init__(self, world: World, who: str, spec: ListSpec, depth: int):
        from django.db import connection

        self.sql, self.params = list_floor_sql(world, who, spec)
        if depth and spec.keyset:
            sql, params = list_floor_sql(world, who, spec, offset=depth - 1, limit=1)
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                row = cursor.fetchone()
            last = row[-len(spec.order):]
            after, after_params = keyset_sql(spec, last)
            self.sql, params = list_floor_sql(world, who, spec, after=after)
            self.params = {**params, **after_params}
        elif depth:
            self.sql, self.params = list_floor_sql(world, who, spec, offset=depth)
        self.deadlines_sql = next_deadlines_sql()

    def __call__(self) -> int:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
            rows = cursor.fetchall()
            cursor.execute(self.deadlines_sql, {"ids": [row[0] for row in rows]})
            cursor.fetchall()
        return len(rows)


# --- the lists through the test client ------------------------------------------------------------
@dataclass
class ListResult:
    who: str
    page1: float
    page1_floor: float
    page1_queries: int
    deep: float | None = None
    deep_floor: float | None = None
    deep_queries: int = 0
    walk: Walk | None = None


def html_rows(body: str) -> int:
    return body.count('class="request-row"')


def _client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def measure_list(world: World, args, check: Checks, who: str, kind: str) -> ListResult:
    """Page 1 and the deep page of the inbox (``kind`` "inbox") or the API list ("api") for
    ``who``, each against its floor: every page rendered afresh (``MLA_PAGE_CACHE`` off here;
    the pages kept while nothing changes are measured under gunicorn)."""
    from django.test.utils import override_settings

    with override_settings(MLA_PAGE_CACHE=False):
        return _measure_list(world, args, check, who, kind)


def _measure_list(world: World, args, check: Checks, who: str, kind: str) -> ListResult:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client_for(world.users[who])
    if kind == "inbox":
        start, spec = INBOX_URL, inbox_spec()[0]
        find_next: Callable[[Any, str], str | None] = next_link

        def fetch(url: str) -> tuple[int, Any]:
            response = client.get(url)
            return response.status_code, response.content.decode()

        def rows_of(body: Any) -> int:
            return html_rows(body)
    else:
        start, spec = API_URL, api_spec()
        find_next = next_link_json

        def fetch(url: str) -> tuple[int, Any]:
            response = client.get(local_path(url), HTTP_ACCEPT="application/json")
            return response.status_code, (response.json() if response.status_code == 200
                                          else None)

        def rows_of(body: Any) -> int:
            return len(body.get("results", [])) if isinstance(body, dict) else 0

    def timed_page(url: str, label: str) -> tuple[float, int]:
        status, body = fetch(url)
        check(status == 200 and rows_of(body) > 0,
              f"{kind} {label} for {who}: {status}, {rows_of(body) if status == 200 else 0} rows")
        with CaptureQueriesContext(connection) as ctx:
            fetch(url)
        # Read now: the next request clears the connection's query log.
        queries = len(ctx.captured_queries)
        # The two requests above warmed the page up already.
        return median_of(lambda: fetch(url), args.runs, max(0, args.warmup - 2)), queries

    page1, queries1 = timed_page(start, "page 1")
    floor1 = median_of(ListFloor(world, who, spec, 0), args.runs, args.warmup)
    result = ListResult(who, page1, floor1, queries1)
    depth = reachable_depth(visible_count(world, who, spec), args.deep_rows)
    if depth < PAGE_SIZE:
        say(f"  {kind} {who}: the list has a single page; no deep page")
        return result
    try:
        walk = walk_to_depth(fetch, start, depth, find_next)
    except RuntimeError as error:
        check(False, f"{kind} {who}: {error}")
        return result
    result.walk = walk
    result.deep, result.deep_queries = timed_page(walk.url, f"{walk.depth:,} rows deep")
    result.deep_floor = median_of(ListFloor(world, who, spec, walk.depth), args.runs,
                                  args.warmup)
    return result


def list_figures(kind: str, results: Sequence[ListResult], floor_note: str) -> list[Figure]:
    label = "inbox `/requests/`" if kind == "inbox" else "`/api/requests/`"
    figures = []
    for r in results:
        figures.append(latency_figure(f"{label} page 1, {r.who} (test client)", r.page1,
                                      r.page1_floor, f"{r.page1_queries} queries"))
    for r in results:
        if r.deep is None or r.deep_floor is None or r.walk is None:
            continue
        how = ("page-number link jumped to" if r.walk.jumped
               else f"{r.walk.followed} links followed")
        figures.append(latency_figure(
            f"{label} {r.walk.depth:,} rows deep, {r.who} ({how})", r.deep, r.deep_floor,
            f"{r.deep_queries} queries", floor_note))
    return figures


def measure_lists(world: World, args, check: Checks, kind: str) -> list[ListResult]:
    section(f"{kind}: page 1 and {args.deep_rows:,} rows deep, per user")
    from django.db import OperationalError

    results = []
    for who in ("supervisor", "clerk", "prosecutor"):
        try:
            r = measure_list(world, args, check, who, kind)
        except OperationalError as error:  # the statement timeout cancelled a query
            world.cancelled.append(timed_out(check, f"{kind} for {who}", error))
            continue
        deep = (f"; {r.walk.depth:,} deep {format_ms(r.deep)} vs {format_ms(r.deep_floor)}"
                if r.deep is not None and r.deep_floor is not None and r.walk else "")
        say(f"  {who}: page 1 {format_ms(r.page1)} ({r.page1_queries} queries) vs floor "
            f"{format_ms(r.page1_floor)}{deep}")
        results.append(r)
    return results


# --- the dashboard ----------------------------------------------------------------------------------
def dashboard_floor_statements(now: datetime) -> list[tuple[str, dict[str, Any]]]:
    """The dashboard's numbers in hand-written SQL (``requests_app.selectors.dashboard`` and the
    workload of ``selectors.people``): the deadline figures per instrument, the request counts
    per instrument, state and direction with the ageing buckets, the four lists (100 each) and
    the workload per person. Adapt here when the dashboard changes."""
    from django.contrib.auth.models import User

    from requests_app.models import AssistanceRequest
    from requests_app.models import Deadline
    from requests_app.selectors.dashboard import LIST_PAGE_SIZE as LIST_LIMIT
    from treaties.models import Instrument

    req, dl = table(AssistanceRequest), table(Deadline)
    relevant = relevant_sql("d", "r")
    overdue = (f"(((d.status = 'open' AND d.due_at < %(now)s) OR (d.status = 'missed' AND "
               f"d.met_at IS NULL)) AND NOT d.provisional AND {relevant})")
    windows = {"h24": ("%(now)s", "%(h24)s", ">="), "d7": ("%(h24)s", "%(d7)s", ">"),
               "d30": ("%(d7)s", "%(d30)s", ">")}
    bucket = {key: f"(d.status = 'open' AND d.due_at {op} {start} AND d.due_at <= {end})"
              for key, (start, end, op) in windows.items()}
    bucket["overdue"] = overdue
    params = {"now": now, "h24": now + timedelta(hours=24), "d7": now + timedelta(days=7),
              "d30": now + timedelta(days=30)}
    ages = [(0, 30), (31, 90), (91, 180), (181, 365), (366, None)]
    age_counts = ", ".join(
        f"count(*) FILTER (WHERE r.created_at < %(now)s - interval '{young - 1} days'"
        + (f" AND r.created_at >= %(now)s - interval '{old} days')" if old else ")")
        for young, old in ages)
    needing = needing_action_sql("d", "r")
    statements = [
        (f"""SELECT d.instrument_id, {", ".join(f"count(*) FILTER (WHERE {bucket[k]})"
                                               for k in ("overdue", "h24", "d7", "d30"))},
                    count(*) FILTER (WHERE d.status = 'open' AND d.due_at > %(d30)s), count(*)
             FROM {dl} d LEFT JOIN {req} r ON r.id = d.request_id
             WHERE {needing} GROUP BY d.instrument_id""", params),
        (f"""SELECT r.instrument_id, r.state, r.direction, count(*), {age_counts}
             FROM {req} r GROUP BY 1, 2, 3""", params),
    ]
    for key in ("overdue", "h24", "d7", "d30"):
        statements.append((f"""
            SELECT d.id, d.kind, d.due_at, d.status, d.citation, r.reference, i.slug, u.username
            FROM {dl} d LEFT JOIN {req} r ON r.id = d.request_id
            JOIN {table(Instrument)} i ON i.id = d.instrument_id
            LEFT JOIN {table(User)} u ON u.id = d.responsible_user_id
            WHERE {needing} AND {bucket[key]} ORDER BY d.due_at, d.id LIMIT {LIST_LIMIT}""",
                           params))
    statements += [
        (f"""SELECT coalesce(r.assigned_prosecutor_id, r.clerk_owner_id), count(*) FROM {req} r
             WHERE r.state NOT IN {_in_list(FINAL_STATES)} GROUP BY 1""", params),
        (f"""SELECT d.responsible_user_id, count(*) FILTER (WHERE {overdue}),
                    count(*) FILTER (WHERE d.status = 'open' AND d.due_at >= %(now)s
                                     AND d.due_at <= %(d7)s)
             FROM {dl} d LEFT JOIN {req} r ON r.id = d.request_id GROUP BY 1""", params),
    ]
    return statements


def run_statements(statements: Sequence[tuple[str, dict[str, Any]]]) -> None:
    """A floor: the statements run and their rows fetched, one after the other."""
    from django.db import connection

    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            cursor.fetchall()


def measure_dashboard(world: World, args, check: Checks, now: datetime) -> list[Figure]:
    """The supervisor's dashboard page against the raw SQL of the same numbers. The dashboard
    is being rewritten: this function and ``dashboard_floor_statements`` are all that change."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    section("supervisor dashboard")
    client = _client_for(world.users["supervisor"])
    status = client.get(DASHBOARD_URL).status_code
    check(status == 200, f"dashboard for the supervisor: {status}")
    with CaptureQueriesContext(connection) as ctx:
        client.get(DASHBOARD_URL)
    queries = len(ctx.captured_queries)  # read now: the next request clears the query log
    # The two requests above warmed the page up already.
    mla = median_of(lambda: client.get(DASHBOARD_URL), args.runs, max(0, args.warmup - 2))
    statements = dashboard_floor_statements(now)
    floor_time = median_of(lambda: run_statements(statements), args.runs, args.warmup)
    say(f"  dashboard {format_ms(mla)} ({queries} queries) vs floor "
        f"{format_ms(floor_time)} ({len(statements)} statements)")
    return [latency_figure("supervisor dashboard (test client)", mla, floor_time,
                           f"{queries} queries", f"{len(statements)} statements")]


def statistics_floor_statements(start: date, end: date, now: datetime,
                                partner_state: str = "") -> list[tuple[str, dict[str, Any]]]:
    """The statistics' figures for a period in hand-written SQL over the same rows
    (``statistics_app.figures.statistics_report``): the grouped counts, the two histograms of
    days, the pending requests by day, the months, the asset sums and the duties by how they were
    met. Adapt here when the report changes."""
    from requests_app.models import AssetMeasure
    from requests_app.models import Deadline
    from statistics_app.models import RequestStatistics
    from treaties.rules.calendar import end_of_day
    from treaties.rules.calendar import start_of_day

    st, dl, am = table(RequestStatistics), table(Deadline), table(AssetMeasure)
    params: dict[str, Any] = {"start": start, "end": end, "now": now,
                              "from": start_of_day(start), "to": end_of_day(end)}
    period = "s.opened_on >= %(start)s AND s.opened_on <= %(end)s"
    duties_of = ""
    if partner_state:
        from treaties.models import State

        params["state"] = State.objects.get(iso_code=partner_state).pk
        period += " AND s.partner_state_id = %(state)s"
        duties_of = (f"AND d.request_id IN (SELECT s.request_id FROM {st} s "
                     f"WHERE s.partner_state_id = %(state)s)")
    return [
        (f"""SELECT s.direction, s.partner_state_id, s.instrument_id, s.offence_category,
                    s.assistance_types_mask, s.outcome, s.refusal_ground, s.deferred,
                    s.asset_recovery, count(*) FROM {st} s WHERE {period}
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9""", params),
        (f"""SELECT s.direction, s.days_to_answer, count(*) FROM {st} s
             WHERE {period} AND s.days_to_answer IS NOT NULL GROUP BY 1, 2""", params),
        (f"""SELECT s.direction, s.days_to_execution, count(*) FROM {st} s
             WHERE {period} AND s.days_to_execution IS NOT NULL GROUP BY 1, 2""", params),
        (f"""SELECT s.direction, s.opened_on, count(*) FROM {st} s
             WHERE {period} AND s.outcome = 'pending' GROUP BY 1, 2""", params),
        (f"""SELECT date_trunc('month', s.opened_on), s.direction, count(*) FROM {st} s
             WHERE {period} GROUP BY 1, 2""", params),
        (f"""SELECT s.direction, a.kind, a.currency, sum(a.amount) FROM {am} a
             JOIN {st} s ON s.request_id = a.request_id
             WHERE a.taken_on >= %(start)s AND a.taken_on <= %(end)s
               {"AND s.partner_state_id = %(state)s" if partner_state else ""}
             GROUP BY 1, 2, 3""", params),
        (f"""SELECT d.kind, d.basis, CASE WHEN d.met_at <= d.due_at THEN 'in_time'
                    WHEN d.met_at IS NOT NULL THEN 'late' WHEN d.due_at < %(now)s THEN 'not_done'
                    ELSE 'not_yet_due' END, count(*) FROM {dl} d
             WHERE d.request_id IS NOT NULL AND d.due_at >= %(from)s AND d.due_at <= %(to)s
               AND NOT d.provisional AND d.basis IN ('treaty', 'office_policy')
               AND d.status NOT IN ('waived', 'superseded') {duties_of}
             GROUP BY 1, 2, 3""", params),
    ]


def measure_statistics(world: World, args, check: Checks, now: datetime) -> list[Figure]:
    """The statistics page (the last 12 months, and every year since 2000) and its API against
    the same figures in raw SQL."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from treaties.rules.calendar import local_date

    section("statistics")
    client = _client_for(world.users["supervisor"])
    today = local_date(now)
    periods = [("the last 12 months", STATISTICS_URL, today.replace(year=today.year - 1)
                + timedelta(days=1)),
               ("since 2000", f"{STATISTICS_URL}?start=2000-01-01&end={today.isoformat()}",
                date(2000, 1, 1)),
               # A dimension the aggregates of days, ages and duties do not keep: those
               # figures are read from the rows.
               ("the last 12 months, one partner state", f"{STATISTICS_URL}?partner_state=RS",
                today.replace(year=today.year - 1) + timedelta(days=1))]
    figures = []
    for label, url, start in periods:
        for kind, target in (("page", url), ("API", url.replace(STATISTICS_URL,
                                                               STATISTICS_API_URL))):
            status = client.get(target).status_code
            check(status == 200, f"statistics {kind} {label}: {status}")
            with CaptureQueriesContext(connection) as ctx:
                client.get(target)
            queries = len(ctx.captured_queries)
            mla = median_of(lambda target=target: client.get(target), args.runs,
                            max(0, args.warmup - 2))
            statements = statistics_floor_statements(
                start, today, now, "RS" if "partner_state=RS" in url else "")
            floor_time = median_of(lambda statements=statements: run_statements(statements),
                                   args.runs, args.warmup)
            say(f"  statistics {kind} {label}: {format_ms(mla)} ({queries} queries) vs floor "
                f"{format_ms(floor_time)}")
            figures.append(latency_figure(f"statistics {kind}, {label} (test client)", mla,
                                          floor_time, f"{queries} queries",
                                          f"{len(statements)} statements"))
    return figures


# --- gunicorn ---------------------------------------------------------------------------------------
@dataclass
class Load:
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) if self.latencies else 0.0


def generate_load(port: int, path: str, cookie: str, connections: int, seconds: float,
                  warmup: int = 1) -> Load:
    """``connections`` threads, each on its own keep-alive connection, GET ``path`` until
    ``seconds`` have passed (after ``warmup`` untimed requests each)."""
    import http.client

    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    barrier = threading.Barrier(connections + 1)
    headers = {"Cookie": cookie, "Accept": "text/html,application/json"}

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)

        def one() -> int:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            return response.status

        for _ in range(warmup):
            one()
        barrier.wait()
        end = time.perf_counter() + seconds
        mine, bad = [], 0
        while time.perf_counter() < end:
            t0 = time.perf_counter()
            status = one()
            mine.append(time.perf_counter() - t0)
            bad += status != 200
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    barrier.wait()
    t0 = time.perf_counter()
    for thread in threads:
        thread.join()
    return Load(len(latencies), errors[0], time.perf_counter() - t0, latencies)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    import http.client

    from scripts.bench_scale_urls import BARE_PATH

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", BARE_PATH)
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on port {port} within {timeout:.0f}s")


def _gunicorn_loads(args, check: Checks, cookie: str, paths: Sequence[tuple[str, str]],
                    page_cache: bool) -> dict[str, Load]:
    """One gunicorn (``args.workers`` workers) under ``paths`` in turn, with the pages kept
    while nothing changes (``requests_app.page_cache``) or every page rendered afresh."""
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "scripts.bench_scale_settings",
           "MLA_PAGE_CACHE": "true" if page_cache else "false"}
    command = [str(BASE_DIR / ".venv" / "bin" / "gunicorn"), "--workers", str(args.workers),
               "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "300",
               "--keep-alive", "30", "mla.wsgi:application"]
    if not Path(command[0]).exists():
        command[0] = "gunicorn"
    process = subprocess.Popen(command, cwd=BASE_DIR, env=env)
    loads: dict[str, Load] = {}
    try:
        _wait_until_up(port, process)
        for name, path in paths:
            load = generate_load(port, path, cookie, args.connections, args.seconds)
            check(load.errors == 0 and load.requests > 0,
                  f"gunicorn {path}: {load.requests} requests, {load.errors} not 200")
            say(f"  {path} ({'pages kept' if page_cache else 'rendered afresh'}): "
                f"{load.per_second:,.1f} req/s, p50 {format_ms(load.p50)} "
                f"({load.requests} requests in {load.seconds:.1f}s)")
            loads[name] = load
    except RuntimeError as error:
        check(False, f"gunicorn: {error}")
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    return loads


def measure_gunicorn(world: World, args, check: Checks) -> list[Figure]:
    """Requests per second and p50 of the inbox and the API list (the supervisor signed in, as a
    browser that holds its session and CSRF cookies) against a bare Django view, on one
    gunicorn with --workers workers: with the pages kept while nothing changes (the default),
    and with every page rendered afresh (``MLA_PAGE_CACHE=false``)."""
    from django.conf import settings

    from scripts.bench_scale_urls import BARE_PATH

    section(f"gunicorn: {args.workers} workers, {args.connections} connections, "
            f"{args.seconds:g} s each")
    client = _client_for(world.users["supervisor"])
    client.get(INBOX_URL)  # a browser's first page: it receives its CSRF cookie
    cookie = "; ".join(f"{name}={client.cookies[name].value}"
                       for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME))
    lists = (("inbox", INBOX_URL), ("api", API_URL))
    kept = _gunicorn_loads(args, check, cookie, (("bare", BARE_PATH), *lists), page_cache=True)
    afresh = _gunicorn_loads(args, check, cookie, lists, page_cache=False)
    bare = kept.get("bare")
    if bare is None:
        return []
    label = f"under gunicorn ({args.workers} workers, {args.connections} connections)"
    floor = f"bare Django view {bare.per_second:,.0f} req/s, p50 {format_ms(bare.p50)}"
    figures = []
    for loads, how in ((kept, "pages kept while nothing changes"), (afresh, "rendered afresh")):
        for key, what in (("inbox", "inbox `/requests/`"), ("api", "`/api/requests/`")):
            if key in loads:
                load = loads[key]
                figures.append(Figure(
                    f"{what} {label}, {how}",
                    f"{load.per_second:,.1f} req/s, p50 {format_ms(load.p50)}", floor,
                    bare.per_second / load.per_second if load.per_second else None))
    return figures


# --- transitions ------------------------------------------------------------------------------------
def transition_candidates(count: int) -> list[int]:
    """Incoming requests in execution at an executing office (a clerk at kz-gpo sees them all):
    the pair (ask for additional information, record it) brings each back where it was."""
    from requests_app.models import AssistanceRequest

    return list(AssistanceRequest.objects.filter(
        direction="incoming", state=TRANSITION_STATES[0], executing_authority__isnull=False,
        is_confidential=False).order_by("pk").values_list("pk", flat=True)[:count])


def service_step(request_id: int, actor, step: int) -> None:
    """One transition of the pair through the service, as a clerk's click would run it."""
    from requests_app.services.transitions import request_transition

    reason = "Bench: the witness's address is missing." if step == 0 else ""
    request_transition(request_id=request_id, actor=actor, name=TRANSITION_PAIR[step],
                       reason=reason)


def service_pair(request_id: int, actor) -> None:
    service_step(request_id, actor, 0)
    service_step(request_id, actor, 1)


def raw_transition_statements() -> list[str]:
    """The floor of one transition: the request row, the log row (chained to the request's
    previous one, hashed in the database) and the deadline it moves, in one transaction."""
    from requests_app.models import AssistanceRequest
    from requests_app.models import Deadline
    from requests_app.models import TransitionLog

    log = table(TransitionLog)
    columns, values = column_values(TransitionLog, {
        "request_id": "%(id)s", "actor_id": "%(actor)s", "at": "%(now)s",
        "action": "%(action)s", "from_state": "%(from)s", "to_state": "%(to)s",
        "reason": "%(reason)s", "citation": "''", "details": "'{}'::jsonb",
        "prev_hash": "p.h",
        "row_hash": "encode(sha256(convert_to(p.h || %(action)s || %(to)s || %(now)s::text, "
                    "'UTF8')), 'hex')"})
    return [
        f"""UPDATE {table(AssistanceRequest)} SET state = %(to)s, version = version + 1,
                   updated_at = %(now)s WHERE id = %(id)s AND state = %(from)s""",
        f"""INSERT INTO {log} ({", ".join(columns)}) SELECT {", ".join(values)}
            FROM (SELECT coalesce((SELECT row_hash FROM {log} WHERE request_id = %(id)s
                                   ORDER BY id DESC LIMIT 1), '') AS h) AS p""",
        f"""UPDATE {table(Deadline)} SET due_at = %(now)s + interval '30 days',
                   next_action_at = %(now)s + interval '30 days', updated_at = %(now)s
            WHERE request_id = %(id)s AND kind = '{DEADLINE_KINDS[0]}'""",
    ]


def raw_pair(request_id: int, actor_id: int, statements: Sequence[str]) -> None:
    from django.db import connection
    from django.db import transaction
    from django.utils import timezone

    steps = ((TRANSITION_PAIR[0], TRANSITION_STATES[0], TRANSITION_STATES[1]),
             (TRANSITION_PAIR[1], TRANSITION_STATES[1], TRANSITION_STATES[0]))
    for action, source, target in steps:
        params = {"id": request_id, "actor": actor_id, "now": timezone.now(), "action": action,
                  "from": source, "to": target, "reason": "Bench"}
        with transaction.atomic(), connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql, params)


def transition_worker(mode: str, ids: list[int], actor_id: int, seconds: float, ready,
                      start, results) -> None:
    """One client process (spawned: its own interpreter, Django and connection): runs the
    transition pair on its own requests, round robin, for ``seconds`` after ``start``."""
    setup_django()
    from django.contrib.auth.models import User
    from django.db import connection

    actor = User.objects.get(pk=actor_id)
    statements = raw_transition_statements()
    connection.ensure_connection()
    ready.put(os.getpid())
    start.wait()
    pairs, error, index = 0, "", 0
    t0 = time.perf_counter()
    end = t0 + seconds
    while time.perf_counter() < end:
        request_id = ids[index % len(ids)]
        index += 1
        try:
            if mode == "service":
                service_pair(request_id, actor)
            else:
                raw_pair(request_id, actor_id, statements)
        except Exception as exc:  # reported to the parent, which fails the check
            error = f"request {request_id}: {exc!r}"
            break
        pairs += 1
    results.put((2 * pairs, time.perf_counter() - t0, error))
    connection.close()


def run_transition_clients(mode: str, groups: list[list[int]], actor_id: int,
                           seconds: float) -> tuple[float, list[str]]:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    ready, results, start = context.Queue(), context.Queue(), context.Event()
    processes = [context.Process(target=transition_worker,
                                 args=(mode, ids, actor_id, seconds, ready, start, results))
                 for ids in groups]
    for process in processes:
        process.start()
    for _ in processes:
        ready.get(timeout=120)
    start.set()
    outcomes = [results.get(timeout=seconds + 300) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    done = sum(count for count, _elapsed, _error in outcomes)
    elapsed = max(elapsed for _count, elapsed, _error in outcomes)
    return done / elapsed, [error for _c, _e, error in outcomes if error]


def count_statements(fn: Callable[[], object]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fn()
    control = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)\b", re.I)
    return sum(1 for q in ctx.captured_queries if not control.match(q["sql"]))


def measure_transitions(world: World, args, check: Checks) -> list[Figure]:
    from django.db import connection

    section(f"transitions: {args.processes} processes, {args.seconds:g} s each "
            f"({' + '.join(TRANSITION_PAIR)} by a clerk)")
    per_process = 50
    ids = transition_candidates(2 * args.processes * per_process + 1)
    if len(ids) < 2 * args.processes + 1:
        check(False, f"transitions: only {len(ids)} incoming requests in execution")
        return []
    clerk = world.users["clerk"]
    probe, rest = ids[0], ids[1:]
    try:
        # Counted on the second pair: the first brings the seeded deadline rows in step with
        # the rules (a write the seed leaves to the first change of each request).
        service_pair(probe, clerk)
        first = count_statements(lambda: service_step(probe, clerk, 0))
        second = count_statements(lambda: service_step(probe, clerk, 1))
    except Exception as error:  # a guard, a permission: the pair cannot run here
        check(False, f"transitions: {TRANSITION_PAIR} failed on request {probe}: {error!r}")
        return []
    statements = raw_transition_statements()
    raw = count_statements(lambda: raw_pair(probe, clerk.pk, statements)) // 2
    say(f"  statements per transition: {TRANSITION_PAIR[0]} {first}, {TRANSITION_PAIR[1]} "
        f"{second}; raw floor {raw}")
    half = len(rest) // 2
    service_ids, raw_ids = rest[:half], rest[half:]
    connection.close()  # the clients open their own
    rates, errors = {}, {}
    for mode, pool in (("service", service_ids), ("raw", raw_ids)):
        groups = [pool[i::args.processes] for i in range(args.processes)]
        rates[mode], errors[mode] = run_transition_clients(mode, groups, clerk.pk, args.seconds)
        check(not errors[mode], f"transitions ({mode}): " + ("; ".join(errors[mode]) or "no error"))
        say(f"  {mode}: {rates[mode]:,.1f} transitions/s")
    return [Figure(f"transitions, {args.processes} processes (`request_transition`: "
                   f"{' / '.join(TRANSITION_PAIR)})",
                   f"{rates['service']:,.1f}/s, {first} / {second} statements",
                   f"raw SQL {rates['raw']:,.0f}/s, {raw} statements",
                   rates["raw"] / rates["service"] if rates["service"] else None)]


# --- main -------------------------------------------------------------------------------------------
def bench_environment() -> dict[str, str]:
    """Production-like settings for the test client and gunicorn alike (DEBUG off, plain HTTP
    on localhost), with a secret made for this run."""
    return {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
            "MLA_SSL_REDIRECT": "false", "MLA_SECURE_COOKIES": "false", "MLA_HSTS_SECONDS": "0"}


def measure(world: World, args, check: Checks, now: datetime,
            only: Sequence[str]) -> tuple[list[Figure], dict[str, list[ListResult]]]:
    from django.db import OperationalError

    figures: list[Figure] = []
    lists: dict[str, list[ListResult]] = {}
    if "inbox" in only:
        lists["inbox"] = measure_lists(world, args, check, "inbox")
        note = inbox_spec()[1]
        say(f"  inbox floor: {note}")
        figures += list_figures("inbox", lists["inbox"], "" if inbox_spec()[0].keyset
                                else "OFFSET")
    if "api" in only:
        lists["api"] = measure_lists(world, args, check, "api")
        figures += list_figures("api", lists["api"], "")
    if "gunicorn" in only:
        figures += measure_gunicorn(world, args, check)
    if "dashboard" in only:
        try:
            figures += measure_dashboard(world, args, check, now)
        except OperationalError as error:  # the statement timeout cancelled a query
            figures.append(timed_out(check, "supervisor dashboard", error))
    if "statistics" in only:
        try:
            figures += measure_statistics(world, args, check, now)
        except OperationalError as error:
            figures.append(timed_out(check, "statistics", error))
    if "transitions" in only:
        figures += measure_transitions(world, args, check)
    figures += world.cancelled
    world.cancelled = []
    return figures, lists


def compare_figures(sizes: Sequence[int],
                    runs: Sequence[dict[str, list[ListResult]]]) -> list[Figure]:
    """The inbox and API figures at each size, the floor's alongside, and how much the
    application's grew from the first size to the last (the ratio column)."""
    figures = []
    for kind in ("inbox", "api"):
        if kind not in runs[0]:
            continue
        for first in runs[0][kind]:
            results = [r for run in runs for r in run.get(kind, []) if r.who == first.who]
            if len(results) != len(runs):
                continue  # timed out at one of the sizes
            for page, floor in (("page1", "page1_floor"), ("deep", "deep_floor")):
                mla = [getattr(r, page) for r in results]
                floors = [getattr(r, floor) for r in results]
                if any(v is None for v in [*mla, *floors]):
                    continue
                where = ("page 1" if page == "page1" else "deep page (" + " / ".join(
                    f"{r.walk.depth:,}" if r.walk else "?" for r in results) + " rows)")
                what = f"{'inbox' if kind == 'inbox' else 'API'} {where}, {first.who}"
                floor_growth = floors[-1] / floors[0] if floors[0] else 0.0
                figures.append(Figure(
                    f"{what}: {' → '.join(f'{n:,}' for n in sizes)} requests",
                    " → ".join(format_ms(v) for v in mla),
                    " → ".join(format_ms(v) for v in floors) + f" ({format_ratio(floor_growth)})",
                    mla[-1] / mla[0] if mla[0] else None))
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # Stopped with SIGTERM, still stop gunicorn and clean up (the ``finally`` blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    config = bench_database(force=args.force, truncated="request")
    created = ensure_database(config)
    os.environ.update(bench_environment())
    setup_django()
    # Each test-client sign-in would log a django-axes banner; a page whose statement was
    # cancelled raises in the test client, which reports it (no second traceback).
    logging.getLogger("axes").setLevel(logging.WARNING)
    logging.getLogger("django.request").setLevel(logging.CRITICAL)

    from django.db import connection
    from django.utils import timezone

    check = Checks()
    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), current_setting('shared_buffers'), "
                       "current_setting('work_mem')")
        version, shared_buffers, work_mem = cursor.fetchone()
    say(f"database {config['NAME']} ({'created' if created else 'exists'}); "
        f"{version.split(' on ')[0]}; shared_buffers={shared_buffers} work_mem={work_mem}; "
        f"{os.cpu_count()} CPUs")
    section("set-up")
    world = prepare_world()
    sizes = args.compare or (args.requests,)
    only = [m for m in args.only if m in ("inbox", "api")] if args.compare else args.only
    runs: list[dict[str, list[ListResult]]] = []
    figures: list[Figure] = []
    try:
        for size in sizes:
            now = timezone.now().replace(microsecond=0)
            section(f"seed {size:,} requests")
            limit_statements(0)  # the seed's statements take minutes at 10M rows
            seed(world, size, now)
            limit_statements(args.statement_timeout)
            figures, lists = measure(world, args, check, now, only)
            runs.append(lists)
            if args.compare:
                section(f"{size:,} requests")
                say(markdown_table(figures))
        section("results")
        say(f"PostgreSQL {version.split()[1]}, {world.requests:,} requests and "
            f"{world.deadlines:,} deadlines (seeded in {world.seed_seconds:.0f} s); median of "
            f"{args.runs} runs after {args.warmup} warm-up; {os.cpu_count()} CPUs")
        for note in dict.fromkeys(world.notes):
            say(note)
        say()
        say(markdown_table(compare_figures(sizes, runs) if args.compare else figures))
        say()
        say("FAILED: " + "; ".join(check.failed) if check.failed else "all checks passed")
    finally:
        finish(args, config)
    return 1 if check.failed else 0


def finish(args, config) -> None:
    limit_statements(0)  # dropping or truncating a large database is no measurement
    finish_run(drop=args.drop, keep=args.keep, config=config, truncate=truncate,
               what="the seeded requests and everything that refers to them")


if __name__ == "__main__":
    sys.exit(main())
