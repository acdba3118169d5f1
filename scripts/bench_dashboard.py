#!/usr/bin/env python
"""Benchmark of the supervisors' dashboard on PostgreSQL against a raw-SQL floor (not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mla_dash \\
        .venv/bin/python scripts/bench_dashboard.py [--requests 200000] [--reseed] [--explain]

1. migrate, ``load_treaties``, one supervisor; seeds ``--requests`` requests (copies of one
   factory-made request, states, directions, instruments and creation dates varied) and two
   deadlines each (statuses and due times spread over the past and the next year), with
   INSERT ... SELECT generate_series, only if the table does not already hold that many rows
   (``--reseed`` forces it; the request table is truncated with CASCADE, so use a database of its
   own);
2. times, median of ``--repeat`` runs after one warm-up, the dashboard page through the test
   client (session, roles, figures, the four lists, the workload, the template) and the same
   numbers and rows computed by hand-written SQL over one cursor (the floor), part by part, and
   prints ``what | mla | floor | ratio`` and the query counts. ``--explain`` prints EXPLAIN
   ANALYZE of every query the page runs.

Rough by design: ``scripts/bench_scale.py`` is the full harness.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from scripts.bench_support import database_settings  # noqa: E402  (the path above makes it importable)
from scripts.bench_support import ensure_database  # noqa: E402  (the path above makes it importable)
from scripts.bench_support import say  # noqa: E402  (the path above makes it importable)
from scripts.bench_support import section  # noqa: E402  (the path above makes it importable)
from scripts.bench_support import setup_django  # noqa: E402  (the path above makes it importable)

SUPERVISOR = "bench.dash.supervisor"
LIST_SIZE = 25


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--seed-only", action="store_true")
    return parser.parse_args()


# --- seeding ----------------------------------------------------------------------------------------
def prepare() -> object:
    from django.contrib.auth.models import Group
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from requests_app.roles import Role
    from treaties.models import Instrument

    call_command("migrate", verbosity=0)
    if not Instrument.objects.exists():
        call_command("load_treaties", verbosity=0)
    user, _created = User.objects.get_or_create(username=SUPERVISOR)
    user.groups.add(Group.objects.get_or_create(name=Role.SUPERVISOR.value)[0])
    return user


def _secondary_indexes(cursor, table: str) -> list[tuple[str, str]]:
    cursor.execute("""
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = %s
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                          WHERE c.conindid = (quote_ident(i.schemaname) || '.'
                                              || quote_ident(i.indexname))::regclass)""",
                   [table])
    return cursor.fetchall()


def seed(count: int, now, creator) -> None:
    """Truncate the requests (and, by CASCADE, everything hanging off them) and insert ``count``
    copies of one factory-made request and two deadlines each, indexes dropped and rebuilt
    around the inserts (the schema stays what migrate made)."""
    from django.db import connection
    from django.db import transaction

    from requests_app.models import FINAL_STATES
    from requests_app.models import PROVISIONAL_STATES
    from requests_app.models import AssistanceRequest
    from requests_app.models import Deadline
    from requests_app.models import RequestState
    from tests.factories import AssistanceRequestFactory
    from treaties.models import Instrument

    requests, deadlines = AssistanceRequest._meta.db_table, Deadline._meta.db_table
    active = [s.value for s in RequestState if s not in FINAL_STATES]
    provisional = [s.value for s in PROVISIONAL_STATES]
    instruments = list(Instrument.objects.order_by("pk").values_list("pk", flat=True))
    t0 = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f'TRUNCATE "{requests}" RESTART IDENTITY CASCADE')
        template = AssistanceRequestFactory(reference="BENCH-TEMPLATE", created_by=creator)
        cursor.execute("""SELECT column_name FROM information_schema.columns
                          WHERE table_schema = current_schema() AND table_name = %s
                            AND column_name <> 'id' ORDER BY ordinal_position""", [requests])
        columns = [row[0] for row in cursor.fetchall()]
        overrides = {
            "reference": "'BENCH-' || g",
            "state": ("CASE WHEN g %% 10 < 3 THEN 'closed' WHEN g %% 10 = 3 THEN 'withdrawn' "
                      "ELSE (%(active)s::text[])[1 + (g / 10) %% cardinality(%(active)s::text[])] "
                      "END"),
            "direction": "CASE WHEN g %% 2 = 0 THEN 'incoming' ELSE 'outgoing' END",
            "instrument_id": "(%(instruments)s::bigint[])[1 + (g / 7) %% cardinality(%(instruments)s::bigint[])]",
            "created_at": "%(now)s - (g %% 1500) * interval '1 day' - (g %% 24) * interval '1 hour'",
            "updated_at": "%(now)s - (g %% 20) * interval '1 day'",
        }
        select = ", ".join(overrides.get(c, f't."{c}"') for c in columns)
        with transaction.atomic():
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            indexes = _secondary_indexes(cursor, requests) + _secondary_indexes(cursor, deadlines)
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            cursor.execute(
                f'INSERT INTO "{requests}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)}) '
                f'SELECT {select} FROM "{requests}" t, generate_series(1, %(count)s) g '
                f"WHERE t.id = %(template)s",
                {"active": active, "instruments": instruments, "now": now, "count": count,
                 "template": template.pk})
            t1 = time.perf_counter()
            # Two deadlines a request: due from 200 days before it was created to a year after
            # now; past ones mostly met, some missed (half of those done late), a few still open
            # (the sweep has not marked them); a draft's are provisional.
            cursor.execute(f"""
                INSERT INTO "{deadlines}" (request_id, instrument_id, kind, subject_key, due_at,
                    citation, basis, status, responsible_side, responsible_role,
                    responsible_user_id, met_at, closed_reason, next_action_at, provisional,
                    superseded_reason, created_at, updated_at)
                SELECT s.id, s.instrument_id, 'bench_' || s.k, '', s.due_at, 'bench Art 1',
                       'treaty', s.status, 'kazakhstan', 'Clerk', NULL,
                       CASE WHEN s.status = 'met' OR (s.status = 'missed' AND s.h %% 2 = 0)
                            THEN s.due_at END,
                       '', CASE WHEN s.status = 'open' THEN s.due_at END, s.provisional, '',
                       s.created_at, s.created_at
                FROM (
                    SELECT r.id, r.instrument_id, r.created_at, k.k, d.due_at,
                           (r.id * 2 + k.k) %% 100 AS h,
                           r.direction = 'outgoing' AND r.state = ANY(%(provisional)s) AS provisional,
                           CASE WHEN d.due_at >= %(now)s THEN 'open'
                                WHEN (r.id * 2 + k.k) %% 100 < 75 THEN 'met'
                                WHEN (r.id * 2 + k.k) %% 100 < 95 THEN 'missed'
                                ELSE 'open' END AS status
                    FROM "{requests}" r CROSS JOIN (VALUES (1), (2)) AS k(k)
                    CROSS JOIN LATERAL (SELECT LEAST(
                        r.created_at + ((r.id * 37 + k.k * 101) %% 600 - 200) * interval '1 day',
                        %(now)s + ((r.id * 13 + k.k) %% 365) * interval '1 day'
                                 + (r.id %% 1440) * interval '1 minute') AS due_at) d
                    WHERE r.id <> %(template)s
                ) s""", {"now": now, "provisional": provisional, "template": template.pk})
            t2 = time.perf_counter()
            for _name, definition in indexes:
                cursor.execute(definition)
            t3 = time.perf_counter()
        cursor.execute(f'ANALYZE "{requests}"')
        cursor.execute(f'ANALYZE "{deadlines}"')
        cursor.execute(f'SELECT count(*) FROM "{requests}"')
        n_requests = cursor.fetchone()[0]
        cursor.execute(f'SELECT status, count(*) FROM "{deadlines}" GROUP BY 1 ORDER BY 1')
        by_status = cursor.fetchall()
    say(f"seeded {n_requests:,} requests ({t1 - t0:.1f}s), deadlines ({t2 - t1:.1f}s), "
        f"{len(indexes)} indexes ({t3 - t2:.1f}s), total {time.perf_counter() - t0:.1f}s: "
        + ", ".join(f"{status} {n:,}" for status, n in by_status))


# --- the floor ------------------------------------------------------------------------------------
def floor_statements(now) -> dict[str, list[tuple[str, dict]]]:
    """Hand-written SQL for every number and row the page shows, grouped like the page's parts.
    The conditions are written out here on purpose (a floor must not share the code it checks);
    ``tests`` keep the page's own definitions (``deadline_overdue_q`` ...) right."""
    from django.db.models import Count

    from requests_app.models import AssistanceRequest
    from requests_app.models import Deadline
    from requests_app.selectors.people import stage_owner_case
    from treaties.rules.calendar import local_date
    from treaties.rules.calendar import start_of_day
    from treaties.rules.deadlines import OUTLIVE_THE_REQUEST

    r, d = AssistanceRequest._meta.db_table, Deadline._meta.db_table
    today = local_date(now)
    p = {"now": now, "final": ["closed", "withdrawn"], "outlive": [str(k) for k in OUTLIVE_THE_REQUEST],
         "h24": now + timedelta(hours=24), "d7": now + timedelta(days=7),
         "d30": now + timedelta(days=30), "limit": LIST_SIZE}
    for i, days in enumerate((-1, 30, 90, 180, 365)):
        p[f"age{i}"] = start_of_day(today - timedelta(days=days))
    relevant = ("(x.request_id IS NULL OR x.state IS NULL OR NOT x.state = ANY(%(final)s) "
                "OR x.kind = ANY(%(outlive)s))")
    needing = f"(x.status = 'open' OR (x.status = 'missed' AND x.met_at IS NULL AND {relevant}))"
    overdue = (f"((x.status = 'open' AND x.due_at < %(now)s) OR (x.status = 'missed' AND "
               f"x.met_at IS NULL)) AND NOT x.provisional AND {relevant}")
    joined = (f'(SELECT dd.*, rr.state FROM "{d}" dd LEFT JOIN "{r}" rr '
              f"ON rr.id = dd.request_id) x")
    windows = {"overdue": overdue,
               "h24": "x.status = 'open' AND x.due_at >= %(now)s AND x.due_at <= %(h24)s",
               "d7": "x.status = 'open' AND x.due_at > %(h24)s AND x.due_at <= %(d7)s",
               "d30": "x.status = 'open' AND x.due_at > %(d7)s AND x.due_at <= %(d30)s"}
    def deadline_counts(extra: str = "", group: str = "x.instrument_id") -> str:
        return f"""
        SELECT x.instrument_id,
               count(*) FILTER (WHERE {windows['overdue']}),
               count(*) FILTER (WHERE {windows['h24']}), count(*) FILTER (WHERE {windows['d7']}),
               count(*) FILTER (WHERE {windows['d30']}),
               count(*) FILTER (WHERE x.status = 'open' AND x.due_at > %(d30)s), count(*){extra}
        FROM {joined} WHERE {needing} GROUP BY {group}"""
    counts = deadline_counts()
    ages = ", ".join(
        f"count(*) FILTER (WHERE created_at < %(age{i})s"
        + (f" AND created_at >= %(age{i + 1})s)" if i < 4 else ")") for i in range(5))
    request_counts = (f'SELECT instrument_id, state, direction, count(*), {ages} FROM "{r}" '
                      "GROUP BY 1, 2, 3")
    lists = " UNION ALL ".join(
        f"""(SELECT x.id, x.due_at, x.kind, x.status, x.citation, x.basis, x.responsible_side,
                    x.responsible_role, x.provisional, x.request_id, rr.reference, i.slug,
                    u.username, u.first_name, u.last_name, '{key}'
             FROM {joined} LEFT JOIN "{r}" rr ON rr.id = x.request_id
             JOIN treaties_instrument i ON i.id = x.instrument_id
             LEFT JOIN auth_user u ON u.id = x.responsible_user_id
             WHERE {condition} ORDER BY x.due_at, x.id LIMIT %(limit)s)"""
        for key, condition in windows.items())
    # The stage owners' CASE is the workflow's table, not a figure's definition: taken as Django
    # writes it (one plain GROUP BY over the open requests).
    owned_sql, owned_params = (AssistanceRequest.objects.exclude(state__in=p["final"])
                               .annotate(o=stage_owner_case()).order_by().values("o")
                               .annotate(n=Count("pk")).query.sql_with_params())
    duties = f"""
        SELECT x.responsible_user_id, count(*) FILTER (WHERE {overdue}),
               count(*) FILTER (WHERE x.status = 'open' AND x.due_at >= %(now)s
                                AND x.due_at <= %(d7)s)
        FROM {joined} GROUP BY 1"""
    people = """SELECT DISTINCT u.id, u.username, u.first_name, u.last_name FROM auth_user u
                LEFT JOIN auth_user_groups ug ON ug.user_id = u.id
                LEFT JOIN auth_group g ON g.id = ug.group_id
                WHERE u.is_active AND g.name IN ('Prosecutor', 'Clerk')"""
    # The page as one would write it by hand: the deadline and request counts grouped by owner as
    # well, so that the workload's figures come from the same two scans.
    owner_case, owner_params = _compiled_owner_columns()
    counts_by_owner = deadline_counts(
        ", count(*) FILTER (WHERE x.status = 'open' AND x.due_at >= %(now)s "
        "AND x.due_at <= %(d7)s), x.responsible_user_id",
        "x.instrument_id, x.responsible_user_id")
    requests_by_owner = (f"SELECT instrument_id, state, direction, {owner_case}, count(*), "
                         f'{ages} FROM "{r}" GROUP BY 1, 2, 3, 4, 5')
    return {
        "page": [(counts_by_owner, p), (_inline(requests_by_owner, owner_params, p), p),
                 ("SELECT id, slug FROM treaties_instrument ORDER BY slug", {}),
                 (lists, p), (people, {})],
        "figures": [(counts, p), (request_counts, p),
                    ("SELECT id, slug FROM treaties_instrument ORDER BY slug", {})],
        "lists": [(lists, p)],
        "workload": [(owned_sql, owned_params), (duties, p), (people, {})],
    }


def _compiled_owner_columns() -> tuple[str, list]:
    """The owner of each request's stage and whether the workload counts that stage, as SQL:
    the workflow's table of stages and owner fields, taken as Django compiles it."""
    from django.db.models import BooleanField
    from django.db.models import Case
    from django.db.models import Value
    from django.db.models import When

    from requests_app.models import AssistanceRequest
    from requests_app.selectors.people import owned_stage_q
    from requests_app.selectors.people import stage_owner_case

    qs = AssistanceRequest.objects.annotate(
        o=stage_owner_case(), s=Case(When(owned_stage_q(), then=Value(True)),
                                     default=Value(False), output_field=BooleanField()))
    sql, params = qs.values("o", "s").query.sql_with_params()
    select = sql[len("SELECT "):sql.index(' FROM "')]
    return select.replace(' AS "o"', "").replace(' AS "s"', ""), list(params)


def _inline(sql: str, positional: list, named: dict) -> str:
    """``sql`` with its positional parameters written in as literals (the named ones stay)."""
    from django.db import connection

    with connection.cursor() as cursor:
        literals = [cursor.mogrify("%s", [v]).decode() for v in positional]
    parts = sql.split("%s")
    assert len(parts) == len(literals) + 1
    return "".join(part + (literals[i] if i < len(literals) else "")
                   for i, part in enumerate(parts))


def run_floor(statements: list[tuple[str, object]]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            cursor.fetchall()


# --- timing ----------------------------------------------------------------------------------------
def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        action()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def count_queries(action: Callable[[], object]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def explain(action: Callable[[], object]) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        action()
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = [row[0] for row in cursor.fetchall()]
            say(f"--- {query['time']}s {sql[:300]}")
            say("\n".join(plan))


def main() -> None:
    args = parse_args()
    ensure_database(database_settings())
    setup_django()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment

    from requests_app import clock
    from requests_app.models import AssistanceRequest

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    user = prepare()
    now = clock.now()
    if args.reseed or AssistanceRequest.objects.count() != args.requests + 1:
        section(f"seeding {args.requests:,} requests")
        seed(args.requests, now, user)
    if args.seed_only:
        return
    from requests_app.selectors.dashboard import Filters
    from requests_app.selectors.dashboard import dashboard_figures
    from requests_app.selectors.dashboard import dashboard_lists
    from requests_app.selectors.people import workload
    from treaties.rules.calendar import local_date
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)

    def page() -> None:
        response = client.get("/dashboard/")
        assert response.status_code == 200, response.status_code

    def more() -> None:
        response = client.get("/dashboard/more/overdue/", {"after": cursor_value},
                              HTTP_HX_REQUEST="true")
        assert response.status_code == 200, response.status_code

    filters = Filters()
    first = dashboard_lists(user=user, filters=filters, now=now)[0]
    cursor_value = first.next_cursor or ""
    floor = floor_statements(now)
    parts = [
        ("figures (counts by instrument, state, age)",
         lambda: dashboard_figures(user=user, filters=filters, now=now, today=local_date(now)),
         floor["figures"]),
        ("four lists of 25", lambda: dashboard_lists(user=user, filters=filters, now=now),
         floor["lists"]),
        ("workload", lambda: workload(user=user, now=now), floor["workload"]),
    ]
    if args.explain:
        section("EXPLAIN ANALYZE of the page's queries")
        explain(page)
    section(f"dashboard, {AssistanceRequest.objects.count():,} requests, median of {args.repeat}")
    say("| what | mla | floor | ratio | queries (mla / floor) |")
    say("|---|---|---|---|---|")
    for what, action, statements in parts:
        mla = median_ms(action, args.repeat)
        base = median_ms(lambda s=statements: run_floor(s), args.repeat)
        say(f"| {what} | {mla:,.0f} ms | {base:,.0f} ms | {mla / base:.2f}x | "
            f"{count_queries(action)} / {len(statements)} |")
    every = floor["page"]
    mla = median_ms(page, args.repeat)
    base = median_ms(lambda: run_floor(every), args.repeat)
    say(f"| page /dashboard/ (test client, incl. session and template) | {mla:,.0f} ms | "
        f"{base:,.0f} ms | {mla / base:.2f}x | {count_queries(page)} / {len(every)} |")
    if cursor_value:
        mla = median_ms(more, args.repeat)
        say(f"| show more (next 25 overdue, htmx) | {mla:,.0f} ms | — | — | "
            f"{count_queries(more)} |")


if __name__ == "__main__":
    main()
