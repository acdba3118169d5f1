"""How the sweep writes its plan: set-based statements, a fixed number per batch, every row of a
mixed batch marked as its own plan says, and the same rows when SQLite's parameter limit splits
a batch's statements."""

from datetime import datetime
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import Notification
from requests_app.models import NotificationEvent
from requests_app.services import sweep
from requests_app.services.sweep import deadlines_sweep
from tests.factories import clerk
from tests.factories import instrument
from tests.factories import supervisor
from treaties.rules.calendar import ALMATY
from treaties.rules.deadlines import reminder_key

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=ALMATY)


def _conviction_report(key: str, due: datetime, next_action_at: datetime) -> Deadline:
    """An RS Art 18 duty of the instrument itself (no request): clerks of kz-gpo must act."""
    return Deadline.objects.create(
        instrument=instrument("kz-rs-2015"), kind="conviction_report", subject_key=key,
        due_at=due, citation="kz-rs-2015 Art 18", responsible_side="kazakhstan",
        responsible_role="Clerk", next_action_at=next_action_at)


def _written() -> tuple[set, set]:
    events = set(NotificationEvent.objects.values_list("deadline__subject_key", "threshold"))
    notifications = set(Notification.objects.values_list(
        "event__deadline__subject_key", "event__threshold", "recipient_id", "kind"))
    return events, notifications


@pytest.fixture
def staff():
    return {"clerks": {clerk("kz-gpo").pk, clerk("kz-gpo").pk}, "boss": supervisor().pk}


def test_a_batch_runs_the_claim_and_five_writes_or_reads(staff):
    for i in range(3):
        _conviction_report(f"due-{i}", NOON - timedelta(days=1), NOON - timedelta(days=1))
    with CaptureQueriesContext(connection) as queries:
        deadlines_sweep(now=NOON, batch_size=500)
    statements = [q["sql"] for q in queries.captured_queries
                  if not q["sql"].upper().startswith(("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT"))]
    # Claim, mark, events, two reads of who works where, notifications.
    assert len(statements) == 6, statements


def test_one_batch_marks_a_missed_row_and_a_reminded_row_each_as_planned(staff):
    missed = _conviction_report("missed", NOON - timedelta(hours=1), NOON - timedelta(hours=1))
    due_in_ten_days = NOON + timedelta(days=10)
    reminded = _conviction_report("reminded", due_in_ten_days,
                                  due_in_ten_days - timedelta(days=14))
    result = deadlines_sweep(now=NOON)
    missed.refresh_from_db()
    reminded.refresh_from_db()
    assert (result.batches, result.missed, result.reminders) == (1, 1, 1)
    assert (missed.status, missed.next_action_at, missed.updated_at) == (
        DeadlineStatus.MISSED, None, NOON)
    assert (reminded.status, reminded.next_action_at) == (
        DeadlineStatus.OPEN, due_in_ten_days - timedelta(days=3))
    assert _written()[0] == {("missed", "missed"), ("missed", "escalated"),
                             ("reminded", reminder_key(timedelta(days=14)))}


def test_a_batch_split_by_the_parameter_limit_writes_the_same_rows_once(staff, monkeypatch):
    for i in range(12):
        _conviction_report(f"due-{i}", NOON - timedelta(days=1), NOON - timedelta(days=1))
    # Room for two or three rows per statement: every write of the batch is split.
    monkeypatch.setattr(sweep, "_max_params", lambda: 20)
    with CaptureQueriesContext(connection) as queries:
        result = deadlines_sweep(now=NOON, batch_size=500)
    events, notifications = _written()
    assert result.missed == 12 and len(queries) > 12
    assert len(events) == NotificationEvent.objects.count() == 24
    assert notifications == (
        {(f"due-{i}", "missed", user, "missed") for i in range(12) for user in staff["clerks"]}
        | {(f"due-{i}", "escalated", staff["boss"], "escalated") for i in range(12)})
    assert Notification.objects.count() == len(notifications)
