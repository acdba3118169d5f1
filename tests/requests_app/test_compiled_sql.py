"""SQL compiled once (``requests_app.compiled_sql``) gives what the ORM gives: the request a
user may see, with the same related rows; the columns a change writes; the deadline rows."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.db import transaction

from requests_app.access import access_request_by_id
from requests_app.access import requests_visible_to
from requests_app.compiled_sql import CompiledInsert
from requests_app.compiled_sql import Slot
from requests_app.compiled_sql import compiled_update
from requests_app.exceptions import ConcurrentModification
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RequestNotFound
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import transitions as t
from requests_app.services.changes import save_with_version
from tests._roles import NOW
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor

pytestmark = pytest.mark.django_db

WITH_REQUEST = ("instrument", "requesting_authority__state", "requested_authority__state")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _row(obj) -> dict[str, object]:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


@pytest.mark.parametrize("user", [clerk, prosecutor, supervisor])
@pytest.mark.parametrize("for_update", [False, True])
def test_the_compiled_lookup_reads_what_the_orm_reads(user, for_update):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    actor = user()
    expected = requests_visible_to(actor).select_related(*WITH_REQUEST).get(pk=request.pk)

    with transaction.atomic():
        found = access_request_by_id(user=actor, request_id=request.pk, for_update=for_update)

    assert _row(found) == _row(expected)
    assert _row(found.instrument) == _row(expected.instrument)
    assert _row(found.requested_authority.state) == _row(expected.requested_authority.state)
    assert _row(found.requesting_authority.state) == _row(expected.requesting_authority.state)
    assert found._state.db == expected._state.db and not found._state.adding


def test_the_compiled_lookup_keeps_each_office_to_its_own_requests():
    # The office is a slot of the statement: a second office reuses it with its own id.
    cz = incoming_request("kz-cz-2017")
    gpo, almaty = clerk(office="kz-gpo"), clerk(office="kz-prosecutor-almaty")

    assert access_request_by_id(user=gpo, request_id=cz.pk).pk == cz.pk
    with pytest.raises(RequestNotFound):
        access_request_by_id(user=almaty, request_id=cz.pk)


@pytest.mark.django_db(transaction=True)
def test_a_row_lock_outside_a_transaction_is_refused_as_the_orm_refuses_it():
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    actor = clerk()
    with transaction.atomic():
        access_request_by_id(user=actor, request_id=request.pk, for_update=True)

    if connection.features.has_select_for_update:
        with pytest.raises(transaction.TransactionManagementError):
            access_request_by_id(user=actor, request_id=request.pk, for_update=True)


def test_a_compiled_update_writes_what_queryset_update_writes():
    desk = clerk()
    for _ in range(2):
        request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
        t.request_transition(request_id=request.pk, actor=desk, name="start_completeness_check")
    first, second = Deadline.objects.filter(request__isnull=False).order_by("pk")[:2]
    due = NOW + timedelta(days=9)
    statement = compiled_update(
        Deadline._base_manager.filter(pk=Slot("where_id", Deadline._meta.pk)),
        ("due_at", "closed_reason", "closed_by"))

    statement.execute(where_id=first.pk, due_at=due, closed_reason="x", closed_by_id=None)
    Deadline.objects.filter(pk=second.pk).update(due_at=due, closed_reason="x", closed_by=None)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.due_at, first.closed_reason, first.closed_by_id) == (
        second.due_at, second.closed_reason, second.closed_by_id)


def test_a_change_writes_only_the_columns_it_moved_and_the_row_holds_them():
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    with transaction.atomic():
        locked = access_request_by_id(user=clerk(), request_id=request.pk, for_update=True)
        locked.remember_row()
        # A column the change does not move is left as the database holds it.
        AssistanceRequest.objects.filter(pk=request.pk).update(purpose="Written elsewhere")
        locked.questions = "Moved"

        save_with_version(locked)

    stored = AssistanceRequest.objects.get(pk=request.pk)
    assert (stored.purpose, stored.questions, stored.version) == (
        "Written elsewhere", "Moved", request.version + 1)
    assert {**_row(stored), "purpose": None} == {**_row(locked), "purpose": None}


def test_the_write_refuses_a_row_whose_version_moved():
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    with transaction.atomic():
        locked = access_request_by_id(user=clerk(), request_id=request.pk, for_update=True)
        locked.remember_row()
        AssistanceRequest.objects.filter(pk=request.pk).update(version=7)
        locked.purpose = "Moved"

        with pytest.raises(ConcurrentModification):
            save_with_version(locked)

    assert AssistanceRequest.objects.get(pk=request.pk).purpose != "Moved"


def test_a_request_not_read_for_a_change_is_written_whole():
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    request.purpose = "Whole"

    save_with_version(request)

    assert AssistanceRequest.objects.get(pk=request.pk).purpose == "Whole"


def test_the_compiled_insert_writes_the_row_the_orm_writes():
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    fields = {"request": request, "actor": clerk(), "at": NOW, "action": "note",
              "reason": "Why", "details": {"basis": "office"}, "row_hash": "h"}
    entry = TransitionLog(**fields)

    CompiledInsert.of(TransitionLog, "default").insert(entry)

    orm = TransitionLog.objects.create(**fields)
    assert entry.pk is not None and not entry._state.adding
    stored = {**_row(TransitionLog.objects.get(pk=entry.pk)), "id": None}
    assert stored == {**_row(orm), "id": None}


def test_the_compiled_insert_keeps_the_save_signals():
    # ``text_bounds``: the last line against an over-long reason is a pre_save receiver.
    entry = TransitionLog(request=AssistanceRequestFactory(instrument_slug="kz-rs-2015"),
                          at=NOW, action="note", reason="x" * 100_000)

    with pytest.raises(InvalidInput):
        CompiledInsert.of(TransitionLog, "default").insert(entry)

    assert not TransitionLog.objects.filter(action="note").exists()


@pytest.mark.django_db(transaction=True)
def test_a_statement_prepared_on_postgresql_runs_again_on_a_new_connection():
    # Prepared on its second run, by connection of the driver: a new one prepares it again.
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    actor = clerk()
    for _ in range(3):
        access_request_by_id(user=actor, request_id=request.pk)
    connection.close()

    found = [access_request_by_id(user=actor, request_id=request.pk).pk for _ in range(3)]

    assert found == [request.pk] * 3


def test_a_statement_run_again_gives_what_it_gave_first():
    # On PostgreSQL the first run sends the text, the next ones the prepared statement.
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    actor = clerk()

    rows = [_row(access_request_by_id(user=actor, request_id=request.pk)) for _ in range(3)]

    assert rows[0] == rows[1] == rows[2]

