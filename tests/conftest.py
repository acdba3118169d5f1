import pytest

from treaties.services import treaties_load


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The four instruments, their parties and authorities, loaded once for the session."""
    with django_db_blocker.unblock():
        treaties_load()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Factories set a password on every user; the production hasher costs ~0.25 s each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def stray_connections_closed(django_db_setup, django_db_blocker):
    """Worker processes, live-server and race-test threads may leave a PostgreSQL session open
    on the test database; end them so the database can be dropped at the end of the run."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")


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
