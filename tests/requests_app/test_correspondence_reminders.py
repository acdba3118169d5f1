"""The reminders of the correspondence register, swept by the beat like every deadline: the
status inquiry after the office's silence (day N-1: nothing; day N: the clerk is told) and the
reply to our letter (reminded at the office's interval, met by the reply)."""

from datetime import datetime
from datetime import timedelta

import pytest
import time_machine

from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import NotificationEvent
from requests_app.models import RequestState
from requests_app.services.correspondence import correspondence_register_received
from requests_app.services.correspondence import correspondence_send
from requests_app.services.deadlines import deadlines_sync
from requests_app.services.deadlines import reminder_leads
from requests_app.services.sweep import deadlines_sweep
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from treaties.rules.calendar import ALMATY

pytestmark = pytest.mark.django_db

TRANSMITTED = datetime(2026, 1, 10, 11, 0, tzinfo=ALMATY)


def _transmitted(settings, days=60):
    settings.MLA_STATUS_INQUIRY_AFTER_DAYS = days
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018",
                                       state=RequestState.TRANSMITTED, transmitted_at=TRANSMITTED)
    with time_machine.travel(TRANSMITTED, tick=False):
        deadlines_sync(request=request, now=TRANSMITTED)
    return request


def _noon_of_silence_day(n: int) -> datetime:
    return datetime(2026, 1, 10, 12, 0, tzinfo=ALMATY) + timedelta(days=n)


def _inquiry_events(request):
    return NotificationEvent.objects.filter(deadline__request=request,
                                            deadline__kind="status_inquiry_due")


def test_no_status_inquiry_is_prompted_on_silence_day_n_minus_one(settings):
    request = _transmitted(settings)
    deadlines_sweep(now=_noon_of_silence_day(59))
    assert not _inquiry_events(request).exists()


def test_the_status_inquiry_is_prompted_on_silence_day_n(settings):
    request = _transmitted(settings)
    deadlines_sweep(now=_noon_of_silence_day(60))
    assert list(_inquiry_events(request).values_list("threshold", flat=True)) == [
        "reminder:24h"]
    row = Deadline.objects.get(request=request, kind="status_inquiry_due")
    assert row.status == DeadlineStatus.OPEN and row.basis == "office_policy"


def test_sending_the_status_inquiry_meets_it_and_sets_the_reply_reminder(settings):
    request = _transmitted(settings)
    with time_machine.travel(_noon_of_silence_day(60), tick=False):
        correspondence_send(actor=clerk(), request_id=request.pk, kind="status_inquiry",
                            language="en")
    rows = {row.kind: row for row in Deadline.objects.filter(request=request)}
    assert rows["status_inquiry_due"].status == DeadlineStatus.MET
    assert rows["reply_due"].status == DeadlineStatus.OPEN


def test_the_reply_to_the_status_inquiry_closes_its_reminder(settings):
    request = _transmitted(settings)
    desk = clerk()
    with time_machine.travel(_noon_of_silence_day(60), tick=False):
        inquiry = correspondence_send(actor=desk, request_id=request.pk, kind="status_inquiry",
                                      language="en")
    with time_machine.travel(_noon_of_silence_day(70), tick=False):
        correspondence_register_received(actor=desk, request_id=request.pk, kind="reply",
                                         in_reply_to_id=inquiry.pk)
    row = Deadline.objects.get(request=request, kind="reply_due")
    assert row.status == DeadlineStatus.MET
    assert row.next_action_at is None


def test_the_reply_reminder_runs_at_the_office_interval(settings):
    settings.MLA_REPLY_REMINDER_DAYS = 10
    assert reminder_leads("reply_due") == (timedelta(days=10), timedelta(days=1))


def test_a_late_reply_is_missed_and_the_clerks_are_told(settings):
    now = datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY)
    request = incoming_request("kz-cz-2017", state=RequestState.ADDITIONAL_INFO_REQUESTED,
                               received_at=now, executing_authority=None)
    with time_machine.travel(now, tick=False):
        letter = correspondence_send(actor=clerk(), request_id=request.pk,
                                     kind="additional_info", language="en",
                                     missing_items="Copy of the judgment",
                                     reply_due_on=now.date() + timedelta(days=14))
    deadlines_sweep(now=now + timedelta(days=16))
    row = Deadline.objects.get(request=request, kind="reply_due",
                               subject_key=f"letter:{letter.pk}")
    assert row.status == DeadlineStatus.MISSED
    assert row.events.filter(threshold="missed").exists()


# --- a late reply is chased at the office's interval until it comes (office policy) ------------
ASKED = datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY)


def _asked_with_reply_due_in_14_days(settings, interval_days=7):
    """Our request for additional information, reply due at the end of day 14; the office
    chases a late reply every ``interval_days``."""
    settings.MLA_REPLY_REMINDER_DAYS = interval_days
    request = incoming_request("kz-cz-2017", state=RequestState.ADDITIONAL_INFO_REQUESTED,
                               received_at=ASKED, executing_authority=None)
    desk = clerk()
    with time_machine.travel(ASKED, tick=False):
        letter = correspondence_send(actor=desk, request_id=request.pk, kind="additional_info",
                                     language="en", missing_items="Copy of the judgment",
                                     reply_due_on=ASKED.date() + timedelta(days=14))
    row = Deadline.objects.get(request=request, kind="reply_due")
    deadlines_sweep(now=row.due_at + timedelta(minutes=1))  # missed and escalated
    return request, desk, letter, Deadline.objects.get(pk=row.pk)


def _chases(row):
    return list(row.events.filter(threshold__startswith="overdue:")
                .values_list("threshold", flat=True))


def test_a_missed_reply_is_chased_one_interval_after_its_due_time(settings):
    request, desk, letter, row = _asked_with_reply_due_in_14_days(settings)
    assert row.next_action_at == row.due_at + timedelta(days=7)


def test_no_chase_an_hour_before_the_interval_has_passed(settings):
    request, desk, letter, row = _asked_with_reply_due_in_14_days(settings)
    deadlines_sweep(now=row.due_at + timedelta(days=7) - timedelta(hours=1))
    assert _chases(row) == []


def test_the_chase_comes_when_the_interval_has_passed_and_the_next_is_set(settings):
    request, desk, letter, row = _asked_with_reply_due_in_14_days(settings)
    deadlines_sweep(now=row.due_at + timedelta(days=7))
    assert _chases(row) == ["overdue:168h"]
    row.refresh_from_db()
    assert (row.status, row.next_action_at) == (DeadlineStatus.MISSED,
                                                row.due_at + timedelta(days=14))


def test_the_chase_is_told_to_the_clerk_who_owns_the_request_as_a_reminder(settings):
    from requests_app.models import AssistanceRequest
    from requests_app.models import Notification
    from requests_app.models import NotificationKind

    request, desk, letter, row = _asked_with_reply_due_in_14_days(settings)
    AssistanceRequest.objects.filter(pk=request.pk).update(clerk_owner=desk)
    with time_machine.travel(row.due_at + timedelta(days=1), tick=False):
        deadlines_sync(request=AssistanceRequest.objects.get(pk=request.pk),
                       now=row.due_at + timedelta(days=1))
    deadlines_sweep(now=row.due_at + timedelta(days=7))
    told = Notification.objects.filter(event__threshold="overdue:168h")
    assert [(n.recipient_id, n.kind) for n in told] == [(desk.pk, NotificationKind.REMINDER)]


def test_a_sweep_after_two_intervals_sends_one_chase_naming_the_latest(settings):
    request, desk, letter, row = _asked_with_reply_due_in_14_days(settings)
    deadlines_sweep(now=row.due_at + timedelta(days=15))
    assert _chases(row) == ["overdue:336h"]


def test_the_reply_stops_the_chase(settings):
    request, desk, letter, row = _asked_with_reply_due_in_14_days(settings)
    with time_machine.travel(row.due_at + timedelta(days=3), tick=False):
        correspondence_register_received(actor=desk, request_id=request.pk, kind="reply",
                                         in_reply_to_id=letter.pk)
    row.refresh_from_db()
    assert row.next_action_at is None
    deadlines_sweep(now=row.due_at + timedelta(days=30))
    assert _chases(row) == []


def test_a_withdrawn_request_is_not_chased(settings):
    from requests_app.services.transitions import request_transition

    request, desk, letter, row = _asked_with_reply_due_in_14_days(settings)
    with time_machine.travel(row.due_at + timedelta(days=1), tick=False):
        request_transition(request_id=request.pk, actor=desk, name="withdraw",
                           reason="The Czech side withdrew the request.")
    row.refresh_from_db()
    assert row.next_action_at is None
