"""Helpers for the real-worker integration tests (not a test module): bounded waiting, the staff
and the due deadlines the sweep works on, and the exactly-once check of what it produced."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import Notification
from requests_app.models import NotificationEvent
from requests_app.models import OfficeMembership
from treaties.models import Authority
from treaties.models import Instrument
from treaties.rules.deadlines import ESCALATED
from treaties.rules.deadlines import MISSED

KIND = "conviction_report"  # RS Art 18: an instrument duty, no request needed

# Mark of every real-worker test. On PostgreSQL the workers use the test database, so the test
# must commit what it seeds: a transactional test (the mark also makes pytest-django create the
# test database). On SQLite the ``worker_db`` fixture gives the test a file database of its own
# and the in-memory test database is not used at all.
SHARED_DB = (pytest.mark.django_db(transaction=True) if connection.vendor == "postgresql"
             else pytest.mark.usefixtures("worker_db"))


def wait_until(predicate, *, timeout: float, interval: float = 0.2, what: str,
               diagnostics=lambda: ""):
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}\n"
                                 f"{diagnostics()}")
        time.sleep(interval)


@dataclass(frozen=True)
class Staff:
    clerks: frozenset[int]       # get the "missed" notice (clerks of kz-gpo, designated for RS)
    supervisors: frozenset[int]  # get the escalation
    bystanders: frozenset[int]   # must get nothing

    @property
    def per_deadline(self) -> int:
        return len(self.clerks) + len(self.supervisors)


def seed_staff() -> Staff:
    groups = {name: Group.objects.get_or_create(name=name)[0]
              for name in ("Clerk", "Supervisor", "Prosecutor")}
    offices = {code: Authority.objects.get(code=code) for code in ("kz-gpo", "kz-mvd")}

    def user(username, role, office, *, active=True) -> int:
        person = User.objects.create(username=username, is_active=active)
        person.groups.add(groups[role])
        if office:
            OfficeMembership.objects.create(user=person, authority=offices[office])
        return person.pk

    clerks = {user("it-clerk-gpo-1", "Clerk", "kz-gpo"), user("it-clerk-gpo-2", "Clerk", "kz-gpo"),
              user("it-clerk-gpo-3", "Clerk", "kz-gpo")}
    supervisors = {user("it-supervisor-gpo", "Supervisor", "kz-gpo"),
                   user("it-supervisor-no-office", "Supervisor", None)}
    bystanders = {
        user("it-clerk-mvd", "Clerk", "kz-mvd"),  # MVD is not designated for kz-rs-2015
        user("it-prosecutor-gpo", "Prosecutor", "kz-gpo"),
        user("it-clerk-gpo-gone", "Clerk", "kz-gpo", active=False),
    }
    return Staff(frozenset(clerks), frozenset(supervisors), frozenset(bystanders))


def seed_due_deadlines(prefix: str, count: int) -> set[int]:
    """``count`` open kz-rs-2015 conviction-report duties, due yesterday and not yet looked at."""
    instrument = Instrument.objects.get(slug="kz-rs-2015")
    past = timezone.now() - timedelta(days=1)
    Deadline.objects.bulk_create([
        Deadline(instrument=instrument, kind=KIND, subject_key=f"{prefix}-{i}", due_at=past,
                 citation="kz-rs-2015 Art 18", responsible_side="kazakhstan",
                 responsible_role="Clerk", next_action_at=past)
        for i in range(count)
    ], batch_size=500)
    ids = set(ours(prefix).values_list("pk", flat=True))
    assert len(ids) == count
    return ids


def ours(prefix: str):
    return Deadline.objects.filter(kind=KIND, subject_key__startswith=f"{prefix}-")


def open_due(prefix: str) -> int:
    return ours(prefix).filter(status=DeadlineStatus.OPEN,
                               next_action_at__lte=timezone.now()).count()


def swept(prefix: str) -> int:
    return ours(prefix).filter(status=DeadlineStatus.MISSED).count()


def _sample(counter: Counter, n: int = 5) -> list:
    return list(counter.items())[:n]


def assert_exactly_once(prefix: str, expected_ids: set[int], staff: Staff, *,
                        only_swept: bool = False) -> dict:
    """Every swept deadline has exactly one "missed" and one "escalated" event and each event one
    notification per recipient it is meant for, nobody else; rows still open have none.
    ``only_swept`` allows open rows (a sweep was cut short); otherwise all must be swept."""
    rows = dict(ours(prefix).values_list("pk", "status"))
    assert set(rows) == expected_ids
    done = {pk for pk, status in rows.items() if status == DeadlineStatus.MISSED}
    still_open = {pk for pk, status in rows.items() if status == DeadlineStatus.OPEN}
    assert done | still_open == expected_ids, Counter(rows.values())
    if not only_swept:
        assert not still_open, f"{len(still_open)} of {len(expected_ids)} deadlines never swept"
    assert not ours(prefix).filter(status=DeadlineStatus.MISSED,
                                   next_action_at__isnull=False).exists()

    events = list(NotificationEvent.objects.filter(deadline__in=expected_ids)
                  .values_list("pk", "deadline_id", "threshold"))
    got = Counter((deadline, threshold) for _, deadline, threshold in events)
    want = Counter({(pk, threshold): 1 for pk in done for threshold in (MISSED, ESCALATED)})
    missing, extra = want - got, got - want
    assert not missing and not extra, (
        f"events: {len(missing)} missing e.g. {_sample(missing)}; "
        f"{len(extra)} extra or duplicated e.g. {_sample(extra)}")

    notes = Counter(Notification.objects.filter(event__deadline__in=expected_ids)
                    .values_list("event_id", "recipient_id"))
    recipients = {MISSED: staff.clerks, ESCALATED: staff.supervisors}
    want_notes = Counter({(event, user): 1 for event, _, threshold in events
                          for user in recipients[threshold]})
    missing, extra = want_notes - notes, notes - want_notes
    assert not missing and not extra, (
        f"notifications: {len(missing)} missing e.g. {_sample(missing)}; "
        f"{len(extra)} extra or duplicated e.g. {_sample(extra)}")
    assert sum(notes.values()) == len(done) * staff.per_deadline
    assert not Notification.objects.filter(recipient__in=staff.bystanders).exists()
    return {"swept": len(done), "open": len(still_open), "events": len(events),
            "notifications": sum(notes.values())}
