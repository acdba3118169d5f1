"""Session set-up shared by every test folder.

The tests never touch a real database:
- ``pytest_configure`` points the configured ``default`` database at a test-only name before any
  test runs (SQLite: a private in-memory database instead of ``var/db.sqlite3``; PostgreSQL:
  ``test_<name>`` instead of ``DATABASE_URL``'s own database), so even a stray query outside the
  test database cannot reach a developer's data;
- pytest-django creates the test database only when a collected test needs one, and only then is
  ``django_db_setup`` (below) set up: the treaties are loaded into that database, never into the
  configured one. ``pytest tests/treaties`` (pure tests) therefore touches no database at all.
"""

import pytest
from django.db import connection

from treaties.services import treaties_load


def pytest_configure(config):
    _point_databases_at_test_only_names()


def _point_databases_at_test_only_names() -> None:
    from django.conf import settings

    for db in settings.DATABASES.values():
        test = db.setdefault("TEST", {})
        if db["ENGINE"].endswith("sqlite3"):
            # Django's SQLite test database lives in memory whatever NAME says; NAME is only what
            # a query outside the test database would open.
            db["NAME"] = ":memory:"
            continue
        # Explicit, so Django does not derive "test_test_<name>" from the NAME set next;
        # pytest-xdist's suffix (_gw0, _gw1...) is added to it by pytest-django.
        # (Django may already have filled TEST with NAME=None.)
        test["NAME"] = test.get("NAME") or f"test_{db['NAME']}"
        db["NAME"] = test["NAME"]
        if "postgresql" in db["ENGINE"]:
            # The test database is thrown away: a commit need not wait for its WAL to reach the
            # disk (what other sessions see, and when, is unchanged). Added to libpq's options,
            # keeping any already set.
            options = db.setdefault("OPTIONS", {})
            options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


def _on_the_test_database() -> bool:
    """Whether the default connection points at the database pytest-django created for the
    session (after creation its NAME is the test name Django derives)."""
    return connection.settings_dict["NAME"] == connection.creation._get_test_db_name()


@pytest.fixture(scope="session")
def stray_connections_closed(django_db_blocker):
    """Worker processes, live-server and race-test threads may leave a PostgreSQL session open
    on the test database; end them so the database can be dropped at the end of the run.

    Set up only with the test database (``django_db_setup`` below asks for it), so its teardown
    runs after the last test and before the database is dropped, and a run without database
    tests never gets here."""
    yield
    if connection.vendor != "postgresql" or not _on_the_test_database():
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, stray_connections_closed):
    """The instruments, their parties and authorities, loaded once for the session into the test
    database pytest-django has just created (set up only when a database test runs)."""
    with django_db_blocker.unblock():
        if not _on_the_test_database():
            raise RuntimeError(f"refusing to load the treaties into {connection.settings_dict['NAME']!r}: "
                               "not the test database")
        treaties_load()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Factories set a password on every user; the production hasher costs ~0.25 s each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _flushes_database(item) -> bool:
    """Transactional tests (``transaction=True``, ``transactional_db``, ``live_server``) end with
    Django flushing every table, the treaties loaded once per session included."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """Reload the treaties right after a transactional test's flush, so that whatever test runs
    next on this worker (tests of different modules interleave under xdist) finds them."""
    yield
    # After the last test the session's fixtures, the test database included, are gone.
    if nextitem is None or not _flushes_database(item):
        return
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        treaties_load()


@pytest.fixture(scope="session", autouse=True)
def media_root_private(tmp_path_factory):
    """Files the tests store (attachments, letters frozen by transitions) go to a temporary
    folder of the session, never to the developer's ``var/media``. A test or module may still
    point MEDIA_ROOT elsewhere (``settings`` fixture, ``override_settings``)."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture
def pages_rendered_afresh(settings):
    """For tests that count what rendering a list costs: no page is served again from
    ``requests_app.page_cache`` (a repeated request would cost only its look-up)."""
    settings.MLA_PAGE_CACHE = False


@pytest.fixture
def quiet_cluster(monkeypatch):
    """The other test workers write to the same PostgreSQL cluster, which moves its WAL
    position (``requests_app.page_cache``) at any moment; here it stands still unless nothing
    is there to read (the query still runs, and is counted)."""
    from requests_app import page_cache

    real = page_cache.database_position
    monkeypatch.setattr(page_cache, "database_position", lambda: real() and "0/1")
