#!/usr/bin/env python
"""Benchmark of the deadline sweep on PostgreSQL (not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mla_bench \\
        .venv/bin/python scripts/bench_sweep.py [--rows 1000000] [--due 1000] [--keep | --drop]

What it does, in its own database (created if missing; the name must contain "bench" unless
--force, because the deadline and notification tables are truncated):

1. migrate, ``treaties_load()``, a few users (clerks and supervisors at kz-gpo, plus a clerk at
   kz-mvd and a prosecutor who must *not* be notified) so notifications fan out realistically;
2. seeds ``--rows`` instrument-level deadlines (kz-rs-2015 conviction reports) with one
   INSERT ... SELECT FROM generate_series: mostly open rows due in the future, a share of
   met / missed rows (next_action_at NULL), and exactly ``--due`` open rows already due
   (next_action_at <= now, due_at in the past), spread over the whole heap, plus optionally
   ``--reminders`` open rows whose first reminder is due; then ANALYZE. By default the secondary
   indexes are dropped and rebuilt around the INSERT in the same transaction (see ``seed``):
   about 10 s for 1,000,000 rows, 20-25 s with --plain-seed;
3. captures the exact claim SQL of ``requests_app.services.sweep._claim`` (with FOR UPDATE
   SKIP LOCKED) and prints EXPLAIN (ANALYZE, BUFFERS) of it in a rolled-back transaction, and
   checks the plan reads ``deadline_sweep_idx`` with an ordered Index Scan (no Sort, no Seq
   Scan; the ordered scan is required only from 200,000 rows, see ``check_plan``);
4. times ``deadlines_sweep(now=now)`` (batches, rows examined, events and notifications made,
   queries per batch), then a second sweep at the same ``now`` (must find nothing), and the claim
   plan again after the sweep;
5. compares the sweep with its raw-SQL floor: the same writes (the same events, notifications and
   status / next_action_at / updated_at of the same due rows, in batches of the same size, one
   transaction each) by one hand-written statement per batch (``FLOOR_SQL``: claim, update and
   both inserts in writable CTEs, knowing the seeded shape in advance). Before every run the
   seeded state is restored (events and notifications truncated, the due rows put back as they
   were); ``--runs`` runs of each (5), in alternating order; the md5 of what each run wrote must
   be the same for both; prints ``| what | mla | floor | ratio |`` with the medians;
6. truncates the seeded rows (default), keeps them (--keep) or drops the database (--drop).

Exit status 1 if a check failed (plan, constant queries per batch, expected counts, the floor
writing other rows than the sweep).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

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

SWEEP_INDEX = "deadline_sweep_idx"
INSTRUMENT = "kz-rs-2015"
KIND = "conviction_report"
OFFICE = "kz-gpo"
STRICT_PLAN_ROWS = 200_000


# --- arguments and database -----------------------------------------------------------------------
def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000,
                        help="deadline rows to seed (default 1,000,000)")
    parser.add_argument("--due", type=int, default=1000,
                        help="open rows already due (next_action_at <= now), part of --rows")
    parser.add_argument("--reminders", type=int, default=0,
                        help="extra open rows whose first reminder is due (due_at still ahead), "
                             "swept with the --due rows (default 0)")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="sweep batch size (default settings.MLA_SWEEP_BATCH_SIZE)")
    parser.add_argument("--met-pct", type=int, default=20, help="share of met rows, %% (20)")
    parser.add_argument("--missed-pct", type=int, default=8, help="share of missed rows, %% (8)")
    parser.add_argument("--clerks", type=int, default=3, help="clerks at kz-gpo (3)")
    parser.add_argument("--supervisors", type=int, default=2, help="supervisors at kz-gpo (2)")
    add_end_of_run_arguments(parser, kept="seeded and swept rows")
    parser.add_argument("--plain-seed", action="store_true",
                        help="seed into the live table (indexes and FK triggers on)")
    parser.add_argument("--runs", type=int, default=5,
                        help="timed runs of the sweep and of its raw-SQL floor, median (5)")
    args = parser.parse_args(argv)
    if args.due < 0 or args.reminders < 0 or args.due + args.reminders > args.rows:
        parser.error("--due + --reminders must be between 0 and --rows")
    if args.met_pct < 0 or args.missed_pct < 0 or args.met_pct + args.missed_pct > 100:
        parser.error("--met-pct + --missed-pct must be within 0..100")
    return args


def prepare_schema_and_users(args) -> dict:
    from django.contrib.auth.models import Group
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from requests_app.models import OfficeMembership
    from requests_app.roles import Role
    from treaties.models import Authority
    from treaties.services import treaties_load

    t0 = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    loaded = treaties_load()
    groups = {role: Group.objects.get_or_create(name=role.value)[0] for role in Role}

    def user(username, role, office):
        obj, _ = User.objects.get_or_create(username=username, defaults={
            "email": f"{username}@bench.example", "is_active": True})
        obj.groups.set([groups[role]])
        OfficeMembership.objects.update_or_create(
            user=obj, defaults={"authority": Authority.objects.get(code=office)})
        return obj

    clerks = [user(f"bench.clerk{i}", Role.CLERK, OFFICE) for i in range(1, args.clerks + 1)]
    supervisors = [user(f"bench.supervisor{i}", Role.SUPERVISOR, OFFICE)
                   for i in range(1, args.supervisors + 1)]
    # Noise: must not receive conviction-report notifications (kz-mvd is not designated for
    # kz-rs-2015; the responsible role is Clerk).
    others = [user("bench.clerk.mvd", Role.CLERK, "kz-mvd"),
              user("bench.prosecutor", Role.PROSECUTOR, OFFICE)]
    say(f"migrate + treaties_load ({loaded}) + users: {time.perf_counter() - t0:.1f}s; "
        f"{len(clerks)} clerks and {len(supervisors)} supervisors at {OFFICE}, "
        f"{len(others)} users who must not be notified")
    return {"clerks": clerks, "supervisors": supervisors, "others": others}


def tables():
    from requests_app.models import Deadline
    from requests_app.models import Notification
    from requests_app.models import NotificationEvent

    return Deadline._meta.db_table, NotificationEvent._meta.db_table, Notification._meta.db_table


def truncate(cursor) -> None:
    deadline, event, notification = tables()
    cursor.execute(f'TRUNCATE "{notification}", "{event}", "{deadline}" RESTART IDENTITY')


SEED_COLUMNS = ("request_id", "instrument_id", "kind", "subject_key", "due_at", "citation", "basis",
                "status", "responsible_side", "responsible_role", "responsible_user_id", "met_at",
                "closed_reason", "next_action_at", "created_at", "updated_at", "provisional",
                "superseded_reason")

# One row per g; ``cat`` decides its shape. Due rows (and --reminders rows) are spread evenly over
# the heap (every ``step``-th row) so the claim touches scattered pages, like real rows created
# over years. Conviction reports are reminded 14 and 3 days ahead (DEFAULT_REMINDER_LEADS).
SEED_SQL = """
INSERT INTO "{table}" ({columns})
SELECT NULL, %(instrument)s, %(kind)s, 'bench:' || s.g, s.due_at, %(citation)s, 'treaty',
       CASE WHEN s.cat IN ('due', 'remind', 'open') THEN 'open' ELSE s.cat END,
       'kazakhstan', 'Clerk', NULL,
       CASE WHEN s.cat = 'met' THEN s.due_at - s.r2 * interval '20 days' END,
       '',
       CASE WHEN s.cat = 'due' THEN s.due_at
            WHEN s.cat IN ('remind', 'open') THEN s.due_at - interval '14 days' END,
       LEAST(s.due_at, %(now)s) - interval '200 days' * (1 + s.r2),
       CASE WHEN s.cat IN ('remind', 'open') THEN %(now)s - s.r2 * interval '30 days'
            ELSE LEAST(s.due_at, %(now)s) END,
       false, ''
FROM (
    SELECT c.g, c.cat, c.r2,
           CASE c.cat
               -- already due: the due time passed between 1 minute and 2 days ago
               WHEN 'due' THEN %(now)s - interval '1 minute' - c.r1 * interval '2 days'
               -- first reminder (due - 14 days) passed, second (due - 3 days) still ahead
               WHEN 'remind' THEN %(now)s + interval '4 days' + c.r1 * interval '9 days'
               -- open: due 15 days to 2 years ahead, so the first reminder is still ahead
               WHEN 'open' THEN %(now)s + interval '15 days' + c.r1 * interval '730 days'
               -- history: due in the last ten years
               ELSE %(now)s - interval '1 day' - c.r1 * interval '3650 days'
           END AS due_at
    FROM (
        SELECT g, random() AS r1, random() AS r2,
               CASE WHEN %(picked)s > 0 AND g %% %(step)s = 0 AND g / %(step)s <= %(due)s
                        THEN 'due'
                    WHEN %(picked)s > 0 AND g %% %(step)s = 0 AND g / %(step)s <= %(picked)s
                        THEN 'remind'
                    WHEN g %% 100 < %(met_pct)s THEN 'met'
                    WHEN g %% 100 < %(met_pct)s + %(missed_pct)s THEN 'missed'
                    ELSE 'open'
               END AS cat
        FROM generate_series(1, %(rows)s) AS g
    ) AS c
) AS s
"""


def check_seed_columns(cursor, table: str) -> None:
    """Fail early if someone added a NOT NULL column without a default that the seed misses."""
    cursor.execute("""
        SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = %s AND is_nullable = 'NO'
          AND column_default IS NULL AND is_identity = 'NO'""", [table])
    missing = sorted({row[0] for row in cursor.fetchall()} - set(SEED_COLUMNS))
    if missing:
        sys.exit(f"{table} has NOT NULL columns the seed does not fill: {missing}; "
                 "update SEED_SQL in scripts/bench_sweep.py")


def _bulk_load_allowed(cursor) -> bool:
    cursor.execute("SELECT current_setting('is_superuser') = 'on'")
    return cursor.fetchone()[0]


def seed(args, now) -> None:
    """Truncate and seed. Fast path (default, needs a superuser such as postgres): one
    transaction that drops the secondary indexes not backing a constraint, inserts with the
    foreign-key triggers off (session_replication_role = replica: the only FK set is the real
    kz-rs-2015 id), and recreates the indexes from their own definitions, so the schema is
    exactly what migrate made, or untouched if anything fails. --plain-seed inserts into the
    live table instead (about 2.5 times slower)."""
    from django.db import connection
    from django.db import transaction

    from treaties.models import Instrument

    deadline_table = tables()[0]
    instrument = Instrument.objects.get(slug=INSTRUMENT)
    picked = args.due + args.reminders
    step = args.rows // picked if picked else 1
    params = {"instrument": instrument.pk, "kind": KIND, "citation": f"{INSTRUMENT} Art 18",
              "now": now, "rows": args.rows, "due": args.due, "picked": picked, "step": step,
              "met_pct": args.met_pct, "missed_pct": args.missed_pct}
    timings = []
    with connection.cursor() as cursor:
        check_seed_columns(cursor, deadline_table)
        fast = not args.plain_seed and _bulk_load_allowed(cursor)
        t0 = time.perf_counter()
        with transaction.atomic():
            truncate(cursor)
            indexes = []
            if fast:
                cursor.execute("SET LOCAL session_replication_role = replica")
                cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
                cursor.execute("""
                    SELECT i.indexname, i.indexdef FROM pg_indexes i
                    WHERE i.schemaname = current_schema() AND i.tablename = %s
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                                      WHERE c.conindid = (quote_ident(i.schemaname) || '.'
                                                          || quote_ident(i.indexname))::regclass)
                    ORDER BY i.indexname""", [deadline_table])
                indexes = cursor.fetchall()
                for name, _ in indexes:
                    cursor.execute(f'DROP INDEX "{name}"')
            cursor.execute("SELECT setseed(0.42)")
            t1 = time.perf_counter()
            cursor.execute(SEED_SQL.format(table=deadline_table,
                                           columns=", ".join(SEED_COLUMNS)), params)
            inserted = cursor.rowcount
            t2 = time.perf_counter()
            timings.append(f"INSERT ... SELECT generate_series {t2 - t1:.1f}s")
            for _, definition in indexes:
                cursor.execute(definition)
            if indexes:
                t3 = time.perf_counter()
                timings.append(f"recreate {len(indexes)} indexes {t3 - t2:.1f}s")
        t4 = time.perf_counter()
        cursor.execute(f'ANALYZE "{deadline_table}"')
        t5 = time.perf_counter()
        timings.append(f"ANALYZE {t5 - t4:.1f}s")
        cursor.execute(f"""SELECT status, count(*), count(next_action_at),
                                  count(*) FILTER (WHERE next_action_at <= %s)
                           FROM "{deadline_table}" GROUP BY status ORDER BY status""", [now])
        by_status = cursor.fetchall()
        cursor.execute("""SELECT pg_size_pretty(pg_table_size(%s)),
                                 pg_size_pretty(pg_indexes_size(%s)),
                                 pg_size_pretty(pg_relation_size(%s))""",
                       [deadline_table, deadline_table, SWEEP_INDEX])
        table_size, indexes_size, sweep_index_size = cursor.fetchone()
    say(f"seeded {inserted:,} rows in {t5 - t0:.1f}s "
        f"({'fast path' if fast else 'plain INSERT into the live table'}): " + ", ".join(timings))
    for status, count, with_next, due in by_status:
        say(f"  status={status:<7} rows={count:>10,}  next_action_at set={with_next:>10,}  "
            f"due (next_action_at <= now)={due:>7,}")
    say(f"  table {table_size}, all indexes {indexes_size}, {SWEEP_INDEX} {sweep_index_size}")


# --- the claim query ------------------------------------------------------------------------------
def capture_claim_sql(now, batch_size) -> str:
    from django.db import connection
    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    from requests_app.services.sweep import _claim

    with CaptureQueriesContext(connection) as ctx, transaction.atomic():
        _claim(now, batch_size)
        transaction.set_rollback(True)
    claims = [q["sql"] for q in ctx.captured_queries if "FOR UPDATE" in q["sql"].upper()]
    if len(claims) != 1:
        sys.exit(f"expected one SELECT ... FOR UPDATE from _claim, captured: "
                 f"{[q['sql'][:120] for q in ctx.captured_queries]}")
    return claims[0]


def explain(sql: str) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) in a transaction that is rolled back (it takes the row locks)."""
    from django.db import connection
    from django.db import transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        lines = [row[0] for row in cursor.fetchall()]
        transaction.set_rollback(True)
    return lines


def check_plan(lines: list[str], check: Checks, expect_rows: int | None, label: str,
               strict: bool) -> None:
    """The claim must read the partial index, never the whole table. On a large table it must be
    an ordered Index Scan (no Sort): the LIMIT then stops after one batch. On a small table, or
    when a large share of the open rows is due, a Bitmap Index Scan on the same index plus a
    Sort is the planner's cheaper choice and only reported (strict=False)."""
    plan = "\n".join(lines)
    deadline_table = tables()[0]
    check(bool(re.search(rf"(Bitmap )?Index (Only )?Scan (using|on) {SWEEP_INDEX}\b", plan)),
          f"{label}: plan reads {SWEEP_INDEX}")
    check(not re.search(rf"Seq Scan on {deadline_table}\b", plan),
          f"{label}: no Seq Scan on {deadline_table}")
    ordered = (re.search(rf"Index (Only )?Scan using {SWEEP_INDEX}\b", plan)
               and not re.search(r"^\s*(->\s*)?(Incremental )?Sort\b", plan, re.M))
    what = f"{label}: ordered Index Scan using {SWEEP_INDEX}, no Sort node"
    if strict:
        check(bool(ordered), what)
    else:
        say(f"[{'OK' if ordered else 'NOTE'}] {what}"
            + ("" if ordered else " (not required on a small table: the planner prefers a bitmap "
               "scan + sort when a large share of the open rows is due)"))
    if expect_rows is not None:
        top = re.search(r"actual time=[\d.]+\.\.[\d.]+ rows=(\d+)", plan)
        got = int(top.group(1)) if top else -1
        check(got == expect_rows, f"{label}: claim returns {expect_rows} rows (got {got})")


def show_plan(title: str, sql: str, check: Checks, expect_rows: int | None,
              label: str, strict: bool) -> list[str]:
    section(title)
    lines = explain(sql)
    for line in lines:
        say("  " + line)
    check_plan(lines, check, expect_rows, label, strict)
    return lines


# --- the sweep ------------------------------------------------------------------------------------
# The sweep's statements start ``WITH v (...) AS (VALUES ...)``: matched by what follows.
QUERY_KINDS = (
    ("claim (SELECT ... FOR UPDATE SKIP LOCKED)", r"^SELECT .* FOR UPDATE"),
    ("UPDATE deadline ... FROM (VALUES ...)", r'\bUPDATE "requests_app_deadline"'),
    ("INSERT notificationevent ... SELECT", r'\bINSERT INTO "requests_app_notificationevent"'),
    ("SELECT notificationevent", r'^SELECT .* FROM "requests_app_notificationevent"'),
    ("SELECT users/groups/offices (directory)", r'^SELECT .* FROM "auth_user"'),
    ("SELECT instrument authorities (directory)", r'^SELECT .* FROM "treaties_instrument_authorities"'),
    ("INSERT notification ... SELECT", r'\bINSERT INTO "requests_app_notification" '),
)


def query_kind(sql: str) -> str:
    flat = " ".join(sql.split())
    for name, pattern in QUERY_KINDS:
        if re.search(pattern, flat, re.I):
            return name
    return "other: " + flat[:80]


TRANSACTION_CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)\b", re.I)


def split_batches(queries: list[dict]) -> list[list[dict]]:
    """Group captured SQL statements by batch (one transaction each, starting with its claim).
    Django logs BEGIN/COMMIT too; they are left out of the counts."""
    batches: list[list[dict]] = []
    for query in queries:
        if TRANSACTION_CONTROL.match(query["sql"]):
            continue
        if query_kind(query["sql"]).startswith("claim") or not batches:
            batches.append([])
        batches[-1].append(query)
    return batches


def statements(queries: list[dict]) -> list[dict]:
    return [q for q in queries if not TRANSACTION_CONTROL.match(q["sql"])]


def timed_sweep(now, batch_size):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from requests_app.services.sweep import deadlines_sweep

    with CaptureQueriesContext(connection) as ctx:
        t0 = time.perf_counter()
        result = deadlines_sweep(now=now, batch_size=batch_size)
        elapsed = time.perf_counter() - t0
    return result, elapsed, list(ctx.captured_queries)


def report_sweep(result, elapsed, queries, batch_size) -> list[int]:
    batches = split_batches(queries)
    per_batch = [len(b) for b in batches]
    say(f"sweep wall clock {elapsed * 1000:,.0f} ms; result {result}")
    say(f"  {len(statements(queries))} SQL statements (+ {len(queries) - len(statements(queries))} "
        f"BEGIN/COMMIT); {len(batches)} claims (the last one may come back empty); "
        f"statements per batch: {per_batch}")
    db_time = sum(float(q["time"]) for q in queries)
    say(f"  time in the database (sum of query times) {db_time * 1000:,.0f} ms, "
        f"in Python {max(0.0, elapsed - db_time) * 1000:,.0f} ms")
    if result.examined:
        say(f"  {elapsed * 1000 / result.examined:.2f} ms per deadline, "
            f"{elapsed * 1000 / max(1, result.batches):,.0f} ms per batch of {batch_size}")
    totals: dict[str, list[float]] = {}
    for query in queries:
        totals.setdefault(query_kind(query["sql"]), []).append(float(query["time"]))
    say("  by statement (count, total ms, max ms):")
    for name, times in totals.items():
        say(f"    {name:<46} {len(times):>4}  {sum(times) * 1000:>9,.1f}  {max(times) * 1000:>8,.1f}")
    return per_batch


def count_outcome(now, users) -> dict:
    from django.db.models import F

    from requests_app.models import Deadline
    from requests_app.models import Notification
    from requests_app.models import NotificationEvent

    noise = {u.pk for u in users["others"]}
    return {
        "events": NotificationEvent.objects.count(),
        "events_by_threshold": dict(Counter(NotificationEvent.objects.values_list("threshold",
                                                                                  flat=True))),
        "notifications": Notification.objects.count(),
        "notifications_to_noise": Notification.objects.filter(recipient_id__in=noise).count(),
        "still_due": Deadline.objects.filter(status="open", next_action_at__lte=now).count(),
        "missed": Deadline.objects.filter(status="missed", updated_at=now).count(),
        "reminded": Deadline.objects.filter(status="open", updated_at=now,
                                            next_action_at=F("due_at") - timedelta(days=3)).count(),
    }


# --- the raw-SQL floor ----------------------------------------------------------------------------
# The same writes as the sweep, for the same due rows in the same batches (one transaction each),
# by one hand-written statement per batch that knows the seeded shape in advance: a due row is
# missed (missed + escalated events, status missed, no next action), a reminder row gets its
# first reminder (14 days ahead) and looks again 3 days before it is due; clerks are told of a
# miss or a reminder, supervisors of an escalation. No Python between the claim and the writes.
FLOOR_SQL = """
WITH claimed AS (
    SELECT id, due_at, request_id FROM {deadline}
    WHERE status IN ('open', 'missed') AND next_action_at <= %(now)s
    ORDER BY next_action_at LIMIT %(batch)s
    FOR UPDATE SKIP LOCKED
), marked AS (
    UPDATE {deadline} AS d
    SET status = CASE WHEN c.due_at <= %(now)s THEN 'missed' ELSE d.status END,
        next_action_at = CASE WHEN c.due_at <= %(now)s THEN NULL
                              ELSE c.due_at - interval '3 days' END,
        updated_at = %(now)s
    FROM claimed AS c WHERE d.id = c.id
    RETURNING d.id
), events AS (
    INSERT INTO {event} (deadline_id, threshold, due_at, created_at)
    SELECT c.id, t.threshold, c.due_at, %(created)s
    FROM claimed AS c
    CROSS JOIN LATERAL unnest(CASE WHEN c.due_at <= %(now)s THEN ARRAY['missed', 'escalated']
                                   ELSE ARRAY[%(reminder)s] END) AS t(threshold)
    WHERE true
    ON CONFLICT DO NOTHING
    RETURNING id, deadline_id, threshold
), notified AS (
    INSERT INTO {notification} (kind, event_id, request_id, recipient_id, text, created_at,
                                email_outcome)
    SELECT CASE WHEN e.threshold IN ('missed', 'escalated') THEN e.threshold ELSE 'reminder' END,
           e.id, c.request_id, r.user_id, '', %(created)s, ''
    FROM events AS e JOIN claimed AS c ON c.id = e.deadline_id
    CROSS JOIN LATERAL unnest(CASE WHEN e.threshold = 'escalated' THEN %(supervisors)s::bigint[]
                                   ELSE %(clerks)s::bigint[] END) AS r(user_id)
    WHERE true
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT (SELECT count(*) FROM marked), (SELECT count(*) FROM notified)
"""


def timed_floor(now, batch_size, users) -> tuple[float, int]:
    """Run the floor like the sweep runs: a batch per transaction until a claim comes back short.
    Returns the wall clock and the number of statements."""
    from django.db import connection
    from django.db import transaction
    from django.utils import timezone

    from treaties.rules.deadlines import reminder_key

    deadline, event, notification = tables()
    sql = FLOOR_SQL.format(deadline=f'"{deadline}"', event=f'"{event}"',
                           notification=f'"{notification}"')
    params = {"now": now, "batch": batch_size, "created": timezone.now(),
              "reminder": reminder_key(timedelta(days=14)),
              "clerks": [u.pk for u in users["clerks"]],
              "supervisors": [u.pk for u in users["supervisors"]]}
    count = 0
    t0 = time.perf_counter()
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
            marked, _ = cursor.fetchone()
        count += 1
        if marked < batch_size:
            break
    return time.perf_counter() - t0, count


# --- same state for every run, and the same writes ------------------------------------------------
def snapshot_due(now) -> None:
    """Keep the seeded state of the rows due at ``now`` (temporary table of this session), so
    that every run starts from it."""
    from django.db import connection

    deadline = tables()[0]
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_due_before")
        cursor.execute(f"""
            CREATE TEMPORARY TABLE bench_due_before AS
            SELECT id, status, next_action_at, met_at, updated_at FROM "{deadline}"
            WHERE status IN ('open', 'missed') AND next_action_at <= %s""", [now])


def restore_due() -> None:
    """Back to the seeded state: no events or notifications, the due rows as they were."""
    from django.db import connection

    deadline, event, notification = tables()
    with connection.cursor() as cursor:
        cursor.execute(f'TRUNCATE "{notification}", "{event}" RESTART IDENTITY')
        cursor.execute(f"""
            UPDATE "{deadline}" AS d SET status = b.status, next_action_at = b.next_action_at,
                   met_at = b.met_at, updated_at = b.updated_at
            FROM bench_due_before AS b WHERE d.id = b.id""")


def fingerprint() -> tuple[str, str, str]:
    """md5 of what a run wrote (creation times aside): the swept rows, the events, the
    notifications with their event's key. The sweep and the floor must give the same three."""
    from django.db import connection

    deadline, event, notification = tables()
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT
              (SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
                 SELECT concat_ws('|', d.id, d.status, d.next_action_at, d.met_at, d.updated_at)
                 FROM "{deadline}" AS d JOIN bench_due_before AS b ON b.id = d.id) AS s(x)),
              (SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
                 SELECT concat_ws('|', deadline_id, threshold, due_at)
                 FROM "{event}") AS s(x)),
              (SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
                 SELECT concat_ws('|', e.deadline_id, e.threshold, e.due_at, n.recipient_id,
                                  n.kind, n.request_id, n.actor_id, n.text, n.email_outcome,
                                  n.read_at, n.emailed_at)
                 FROM "{notification}" AS n JOIN "{event}" AS e ON e.id = n.event_id) AS s(x))""")
        return cursor.fetchone()


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def compare_with_floor(args, now, batch_size, users, check: Checks) -> dict:
    """``--runs`` runs of each from the same seeded state (restored before every run), in
    alternating order so that neither always runs on a freshly restored table; median times."""
    times: dict[str, list[float]] = {"mla": [], "floor": []}
    db_times: list[float] = []
    statements_run: dict[str, int] = {}
    prints: dict[str, set] = {"mla": set(), "floor": set()}
    for run in range(args.runs):
        order = ("floor", "mla") if run % 2 == 0 else ("mla", "floor")
        for who in order:
            restore_due()
            if who == "floor":
                elapsed, count = timed_floor(now, batch_size, users)
            else:
                result, elapsed, queries = timed_sweep(now, batch_size)
                count = len(statements(queries))
                db_times.append(sum(float(q["time"]) for q in statements(queries)))
            times[who].append(elapsed)
            statements_run[who] = count
            prints[who].add(fingerprint())
    for who in ("mla", "floor"):
        say(f"  {who:<5} runs (ms): " + ", ".join(f"{t * 1000:,.0f}" for t in times[who])
            + f"; {statements_run[who]} statements")
    check(len(prints["floor"]) == 1 and prints["floor"] == prints["mla"],
          "the sweep and the floor write the same rows (md5 of deadlines, events, notifications)")
    return {"mla": median(times["mla"]), "floor": median(times["floor"]),
            "mla_db": median(db_times), "statements": statements_run}


# --- main -----------------------------------------------------------------------------------------
def main(argv=None) -> int:
    args = parse_args(argv)
    config = bench_database(force=args.force, truncated="deadline and notification")
    created = ensure_database(config)
    say(f"database {config['NAME']} on {config.get('HOST')}:{config.get('PORT')} "
        f"({'created' if created else 'exists'})")
    setup_django()

    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    batch_size = args.batch_size or settings.MLA_SWEEP_BATCH_SIZE
    check = Checks()
    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), current_setting('shared_buffers'), "
                       "current_setting('work_mem'), current_setting('random_page_cost')")
        version, shared_buffers, work_mem, random_page_cost = cursor.fetchone()
    say(f"{version.split(' on ')[0]}; shared_buffers={shared_buffers} work_mem={work_mem} "
        f"random_page_cost={random_page_cost}; driver psycopg2; batch size {batch_size}")

    section("set-up")
    users = prepare_schema_and_users(args)
    now = timezone.now().replace(microsecond=0)
    say(f"now = {now.isoformat()}")

    section(f"seed {args.rows:,} deadlines, {args.due:,} due"
            + (f", {args.reminders:,} with a reminder due" if args.reminders else ""))
    seed(args, now)
    snapshot_due(now)  # the state every timed run of the sweep and of its floor starts from

    # Below this size the planner may rightly prefer a bitmap scan + sort on the same index.
    strict = args.rows >= STRICT_PLAN_ROWS
    try:
        claim_sql = capture_claim_sql(now, batch_size)
        section("claim query (captured from _claim inside transaction.atomic)")
        say("  " + claim_sql)
        show_plan("EXPLAIN (ANALYZE, BUFFERS) of the claim before the sweep", claim_sql, check,
                  min(batch_size, args.due + args.reminders), "claim before the sweep",
                  strict)

        swept = args.due + args.reminders
        section(f"sweep of {args.due:,} due (missed) + {args.reminders:,} reminder deadlines")
        result, elapsed, queries = timed_sweep(now, batch_size)
        per_batch = report_sweep(result, elapsed, queries, batch_size)
        full = per_batch[:result.batches]  # the batches that did work (not the final empty claim)
        check(result.examined == swept, f"examined {result.examined:,} == {swept:,}")
        check(result.missed == args.due and result.reminders == args.reminders,
              f"missed {result.missed:,} == {args.due:,}, reminders {result.reminders:,} == "
              f"{args.reminders:,}")
        expected_batches = -(-swept // batch_size)
        check(result.batches == expected_batches,
              f"{result.batches} batches == ceil({swept:,} / {batch_size}) = {expected_batches}")
        check(len(set(full)) <= 1,
              f"constant number of statements per batch ({sorted(set(full))})")
        outcome = count_outcome(now, users)
        clerks, supervisors = len(users["clerks"]), len(users["supervisors"])
        say(f"  outcome: {outcome}")
        check(outcome["still_due"] == 0, "no due open row left")
        check(outcome["missed"] == args.due, f"{outcome['missed']:,} rows marked missed")
        check(outcome["reminded"] == args.reminders,
              f"{outcome['reminded']:,} rows reminded and rescheduled (due - 3 days)")
        check(outcome["events"] == 2 * args.due + args.reminders,
              f"{outcome['events']:,} events == 2 x {args.due:,} (missed + escalated) + "
              f"{args.reminders:,} reminders")
        expected = args.due * (clerks + supervisors) + args.reminders * clerks
        check(outcome["notifications"] == expected,
              f"{outcome['notifications']:,} notifications == {expected:,} ({clerks} clerks for "
              f"missed and reminders, {supervisors} supervisors for escalated)")
        check(outcome["notifications_to_noise"] == 0,
              "no notification to the kz-mvd clerk or the prosecutor")

        section("second sweep at the same now (nothing due)")
        result2, elapsed2, queries2 = timed_sweep(now, batch_size)
        report_sweep(result2, elapsed2, queries2, batch_size)
        check(result2.examined == 0, "second sweep examines nothing")
        check(len(statements(queries2)) == 1,
              f"second sweep is a single (empty) claim ({len(statements(queries2))} statements)")
        show_plan("EXPLAIN (ANALYZE, BUFFERS) of the claim after the sweep", claim_sql, check, 0,
                  "claim after the sweep", strict)

        section(f"sweep against its raw-SQL floor: median of {args.runs} runs each, "
                "same state restored before every run")
        compared = compare_with_floor(args, now, batch_size, users, check)
        ratio = compared["mla"] / compared["floor"]
        what = f"sweep, {swept:,} due among {args.rows:,} deadlines (batches of {batch_size})"
        say("")
        say("| what | mla | floor | ratio |")
        say("|---|---|---|---|")
        say(f"| {what} | {compared['mla'] * 1000:,.0f} ms | {compared['floor'] * 1000:,.0f} ms | "
            f"{ratio:.2f}x |")
        say(f"| statements (batches + the final empty claim) | {compared['statements']['mla']} | "
            f"{compared['statements']['floor']} | |")
        say(f"  mla: {compared['mla_db'] * 1000:,.0f} ms of it in the database (sum of query "
            f"times, without BEGIN/COMMIT)")

        section("summary")
        say(f"rows={args.rows:,} due={args.due:,} reminders={args.reminders:,} batch={batch_size} "
            f"sweep={elapsed * 1000:,.0f} ms ({result.batches} batches, "
            f"statements/batch={sorted(set(full))}) second sweep={elapsed2 * 1000:,.1f} ms; "
            f"median of {args.runs}: mla {compared['mla'] * 1000:,.0f} ms, floor "
            f"{compared['floor'] * 1000:,.0f} ms, ratio {ratio:.2f}x")
        if check.failed:
            say("FAILED: " + "; ".join(check.failed))
        else:
            say("all checks passed")
    finally:
        finish_run(drop=args.drop, keep=args.keep, config=config, truncate=truncate,
                   what="the seeded deadline and notification rows")
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
