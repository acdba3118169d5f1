"""The audit log protected in the database and tamper-evident (issue 12): PostgreSQL itself
refuses UPDATE and DELETE on the transition log (a trigger made by a migration), and each
request's rows form a SHA-256 chain that ``manage.py verify_audit_log`` checks."""

from __future__ import annotations

from contextlib import contextmanager
from importlib import import_module
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.db import connection
from django.db import transaction
from django.db.migrations.loader import MigrationLoader

from requests_app.models import TransitionLog
from requests_app.services.notes import note_add
from requests_app.services.transitions import request_submit_for_review
from tests.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db

TABLE = "requests_app_transitionlog"
TRIGGER = "requests_app_transitionlog_append_only"
postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'",
                                   reason="the trigger is PostgreSQL's")


@contextmanager
def trigger_off():
    """What someone with the table owner's rights could do: switch the trigger off."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The test's inserts left deferred foreign-key checks pending; ALTER TABLE needs
            # them done.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER {TRIGGER}")
    try:
        yield
    finally:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER {TRIGGER}")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _logged_request():
    request = AssistanceRequestFactory()
    note_add(actor=request.created_by, request_id=request.pk, text="First note")
    note_add(actor=request.created_by, request_id=request.pk, text="Second note")
    request_submit_for_review(request_id=request.pk, actor=request.created_by)
    return request


def _verify(**options):
    out = StringIO()
    call_command("verify_audit_log", stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def test_each_row_names_the_hash_of_the_row_before_it():
    request = _logged_request()
    rows = list(TransitionLog.objects.filter(request=request).order_by("id"))
    assert rows[0].prev_hash == ""
    assert all(len(row.row_hash) == 64 for row in rows)
    assert [row.prev_hash for row in rows[1:]] == [row.row_hash for row in rows[:-1]]


def test_an_untouched_log_verifies():
    _logged_request()
    assert "intact" in _verify()


def test_a_row_changed_behind_the_application_breaks_the_chain_from_there():
    request = _logged_request()
    changed = TransitionLog.objects.filter(request=request, action="note_added").first()
    with trigger_off(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET reason = 'rewritten' WHERE id = %s", [changed.pk])
    with pytest.raises(CommandError) as error:
        _verify()
    assert "1 request log(s) broken" in str(error.value)


def test_a_row_removed_behind_the_application_breaks_the_chain():
    request = _logged_request()
    removed = TransitionLog.objects.filter(request=request, action="note_added").first()
    with trigger_off(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [removed.pk])
    with pytest.raises(CommandError):
        _verify(request=request.pk)


def test_another_requests_log_is_not_blamed_for_a_broken_one():
    intact, tampered = _logged_request(), _logged_request()
    row = TransitionLog.objects.filter(request=tampered).last()
    with trigger_off(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET citation = 'x' WHERE id = %s", [row.pk])
    assert "intact" in _verify(request=intact.pk)


@postgres_only
@pytest.mark.parametrize("statement", [f"UPDATE {TABLE} SET reason = 'x'",
                                       f"DELETE FROM {TABLE}"])
def test_postgresql_itself_refuses_to_change_or_remove_a_log_row(statement):
    _logged_request()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute(statement)
    assert TransitionLog.objects.exclude(reason="x").count() == TransitionLog.objects.count()


def test_the_migration_chains_rows_written_before_the_chain_existed():
    _logged_request()
    with trigger_off(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET prev_hash = '', row_hash = ''")
    # The models as the migration sees them (Django's plain manager, as in a real migration).
    state = MigrationLoader(connection).project_state(("requests_app", "0016_audit_log_hash_chain"))
    with trigger_off():
        import_module("requests_app.migrations.0016_audit_log_hash_chain") \
            .log_chain_backfill(state.apps, None)
    assert "intact" in _verify()
