"""What the PostgreSQL benchmarks share (not a test): their own database, created and dropped
around a run, Django set up against it, and the way they report (sections, checks that fail the
run)."""

from __future__ import annotations

import os
import sys


def database_settings() -> dict:
    import dj_database_url

    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("DATABASE_URL is not set, e.g. postgres://postgres@127.0.0.1:5432/mla_bench")
    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        sys.exit(f"the benchmark needs PostgreSQL, DATABASE_URL gives {config['ENGINE']}")
    return config


def _server_connection(config: dict):
    import psycopg2

    conn = psycopg2.connect(dbname="postgres", user=config.get("USER") or None,
                            password=config.get("PASSWORD") or None,
                            host=config.get("HOST") or None, port=config.get("PORT") or None)
    conn.autocommit = True
    return conn


def ensure_database(config: dict) -> bool:
    from psycopg2 import sql

    conn = _server_connection(config)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
            if cur.fetchone():
                return False
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
            return True
    finally:
        conn.close()


def drop_database(config: dict) -> None:
    from psycopg2 import sql

    conn = _server_connection(config)
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(config["NAME"])))
    finally:
        conn.close()


def add_end_of_run_arguments(parser, *, kept: str) -> None:
    """--keep / --drop (what ``finish_run`` does at the end) and --force (``bench_database``)."""
    end = parser.add_mutually_exclusive_group()
    end.add_argument("--keep", action="store_true", help=f"keep the {kept}")
    end.add_argument("--drop", action="store_true", help="drop the bench database at the end")
    parser.add_argument("--force", action="store_true",
                        help="allow a database whose name does not contain 'bench'")


def bench_database(*, force: bool, truncated: str) -> dict:
    """The configured database's settings, refusing (exit) one whose name does not say it is
    a bench database unless ``force``: its ``truncated`` tables are emptied."""
    config = database_settings()
    if "bench" not in config["NAME"] and not force:
        sys.exit(f"refusing to use database {config['NAME']!r}: its {truncated} tables are "
                 "truncated; use a name containing 'bench' or pass --force")
    return config


def finish_run(*, drop: bool, keep: bool, config: dict, truncate, what: str) -> None:
    """The end of a benchmark: drop its database (--drop), keep its rows (--keep), or empty
    ``what`` with ``truncate(cursor)``."""
    from django.db import connection

    if drop:
        connection.close()
        drop_database(config)
        say(f"dropped database {config['NAME']}")
    elif keep:
        say("kept the seeded rows (--keep)")
    else:
        with connection.cursor() as cursor:
            truncate(cursor)
        say(f"truncated {what}")


# --- output helpers -------------------------------------------------------------------------------
def say(message: str = "") -> None:
    print(message, flush=True)


def section(title: str) -> None:
    say()
    say(f"=== {title} " + "=" * max(0, 90 - len(title)))


class Checks:
    def __init__(self):
        self.failed: list[str] = []

    def __call__(self, ok: bool, what: str) -> bool:
        say(f"[{'OK' if ok else 'FAIL'}] {what}")
        if not ok:
            self.failed.append(what)
        return ok


# --- set-up ---------------------------------------------------------------------------------------
def setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "mla.settings"
    import django

    django.setup()
