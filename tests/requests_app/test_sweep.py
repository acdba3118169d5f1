"""The deadline sweep driven with a controlled clock: reminder thresholds, missed deadlines,
escalation, exactly-once notifications, recomputation when facts move, e-mails and the inbox."""

from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import Notification
from requests_app.models import NotificationEvent
from requests_app.models import RequestState
from requests_app.services import transitions as t
from requests_app.services.requests import person_set_appearance_date
from requests_app.services.sweep import deadlines_sweep
from requests_app.services.sweep import notification_mark_read
from requests_app.services.sweep import notifications_email_pending
from requests_app.services.sweep import notifications_mark_all_read
from requests_app.services.sweep import notifications_unread_count
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import instrument
from tests.factories import prosecutor
from tests.factories import summoned_person
from tests.factories import supervisor
from tests.scenarios import urgent_oral_request
from treaties.rules.calendar import ALMATY
from treaties.rules.calendar import end_of_day

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=ALMATY)


def _oral_slovak_request(desk):
    with time_machine.travel(NOON, tick=False):
        return urgent_oral_request(desk)


def _thresholds(deadline):
    return list(NotificationEvent.objects.filter(deadline=deadline)
                .order_by("id").values_list("threshold", flat=True))


@pytest.fixture
def people():
    return {"desk": clerk("kz-mvd"), "boss": supervisor(), "other_desk": clerk("kz-prosecutor-astana")}


def test_new_24_hour_deadline_is_first_looked_at_6_hours_before_it_is_due(people):
    request = _oral_slovak_request(people["desk"])
    deadline = request.deadlines.get(kind="oral_confirmation")
    assert deadline.next_action_at == NOON + timedelta(hours=18)


def test_nothing_is_sent_before_the_first_threshold(people):
    request = _oral_slovak_request(people["desk"])
    result = deadlines_sweep(now=NOON + timedelta(hours=17, minutes=59))
    assert result.examined == 0
    assert not NotificationEvent.objects.filter(deadline__request=request).exists()


def test_six_hour_reminder_goes_to_the_clerks_who_must_act(people):
    request = _oral_slovak_request(people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=18))
    deadline = request.deadlines.get(kind="oral_confirmation")
    assert _thresholds(deadline) == ["reminder:6h"]
    recipients = set(Notification.objects.filter(event__deadline=deadline)
                     .values_list("recipient_id", flat=True))
    assert recipients == {people["desk"].pk}


def test_a_second_sweep_at_the_same_moment_sends_nothing_again(people):
    request = _oral_slovak_request(people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=18))
    deadlines_sweep(now=NOON + timedelta(hours=18))
    assert Notification.objects.filter(event__deadline__request=request).count() == 1


def test_one_hour_reminder_follows_the_six_hour_one(people):
    request = _oral_slovak_request(people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=18))
    deadlines_sweep(now=NOON + timedelta(hours=23))
    deadline = request.deadlines.get(kind="oral_confirmation")
    assert _thresholds(deadline) == ["reminder:6h", "reminder:1h"]
    assert deadline.next_action_at == NOON + timedelta(hours=24)


def test_deadline_still_open_at_hour_23(people):
    request = _oral_slovak_request(people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=23))
    assert request.deadlines.get(kind="oral_confirmation").status == DeadlineStatus.OPEN


def test_deadline_unmet_at_hour_25_is_missed_and_escalated(people):
    request = _oral_slovak_request(people["desk"])
    result = deadlines_sweep(now=NOON + timedelta(hours=25))
    deadline = request.deadlines.get(kind="oral_confirmation")
    assert (deadline.status, deadline.next_action_at) == (DeadlineStatus.MISSED, None)
    assert result.missed == 1
    assert set(_thresholds(deadline)) == {"missed", "escalated"}
    escalated = Notification.objects.filter(event__deadline=deadline, event__threshold="escalated")
    assert set(escalated.values_list("recipient_id", flat=True)) == {people["boss"].pk}


def test_a_late_sweep_sends_only_the_most_recent_threshold(people):
    request = _oral_slovak_request(people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=23, minutes=30))
    assert _thresholds(request.deadlines.get(kind="oral_confirmation")) == ["reminder:1h"]


def test_deadline_met_before_its_threshold_sends_no_reminder(people):
    request = _oral_slovak_request(people["desk"])
    with time_machine.travel(NOON + timedelta(hours=2), tick=False):
        t.request_confirm_in_writing(request_id=request.pk, actor=people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=30))
    deadline = request.deadlines.get(kind="oral_confirmation")
    assert (deadline.status, deadline.next_action_at) == (DeadlineStatus.MET, None)
    assert _thresholds(deadline) == []


def test_users_of_an_unrelated_office_are_not_notified(people):
    request = _oral_slovak_request(people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=25))
    recipients = set(Notification.objects.filter(event__deadline__request=request)
                     .values_list("recipient_id", flat=True))
    assert people["other_desk"].pk not in recipients


# --- a summons deadline whose appearance date moves --------------------------------------------
def _serbian_summons(appearance: date):
    """A summons request sent orally and awaiting its written confirmation: no longer a draft,
    so its summons term is swept (on a draft it would be provisional)."""
    author = prosecutor()
    with time_machine.travel(NOON, tick=False):
        request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author,
                                           state=RequestState.ORAL_PENDING_CONFIRMATION)
        person = summoned_person(request, appearance)
        person_set_appearance_date(actor=author, person_id=person.pk,
                                   appearance_date=appearance)
    return request, person, author


def test_summons_reminders_come_7_days_and_1_day_before_the_cut_off(people):
    request, _, _ = _serbian_summons(date(2026, 6, 30))  # cut-off: end of 1 May
    cut_off = end_of_day(date(2026, 5, 1))
    deadlines_sweep(now=cut_off - timedelta(days=7))
    deadlines_sweep(now=cut_off - timedelta(days=1))
    deadline = request.deadlines.get(kind="summons_transmission")
    assert _thresholds(deadline) == ["reminder:168h", "reminder:24h"]


def test_moving_the_appearance_date_later_restarts_the_reminders_for_the_new_cut_off(people):
    request, person, author = _serbian_summons(date(2026, 6, 30))
    old_cut_off = end_of_day(date(2026, 5, 1))
    deadlines_sweep(now=old_cut_off - timedelta(days=7))
    with time_machine.travel(old_cut_off - timedelta(days=6), tick=False):
        person_set_appearance_date(actor=author, person_id=person.pk,
                                   appearance_date=date(2026, 7, 30))
    deadline = request.deadlines.get(kind="summons_transmission")
    new_cut_off = end_of_day(date(2026, 5, 31))
    assert (deadline.due_at, deadline.next_action_at) == (new_cut_off,
                                                          new_cut_off - timedelta(days=7))
    deadlines_sweep(now=new_cut_off - timedelta(days=7))
    assert _thresholds(deadline) == ["reminder:168h", "reminder:168h"]
    assert NotificationEvent.objects.filter(deadline=deadline).values("due_at").distinct().count() == 2


def test_moving_the_appearance_date_later_reopens_a_missed_summons_deadline(people):
    request, person, author = _serbian_summons(date(2026, 6, 30))
    deadlines_sweep(now=end_of_day(date(2026, 5, 2)))
    assert request.deadlines.get(kind="summons_transmission").status == DeadlineStatus.MISSED
    with time_machine.travel(datetime(2026, 5, 3, 9, 0, tzinfo=ALMATY), tick=False):
        person_set_appearance_date(actor=author, person_id=person.pk,
                                   appearance_date=date(2026, 8, 30))
    deadline = request.deadlines.get(kind="summons_transmission")
    assert deadline.status == DeadlineStatus.OPEN and deadline.next_action_at is not None


# --- batches, queries, e-mail and inbox ---------------------------------------------------------
def _instrument_duties(count: int, due: datetime) -> None:
    rs = instrument("kz-rs-2015")
    Deadline.objects.bulk_create([
        Deadline(instrument=rs, kind="conviction_report", subject_key=f"bench-{count}-{i}",
                 due_at=due, citation="kz-rs-2015 Art 18", responsible_side="kazakhstan",
                 responsible_role="Clerk", next_action_at=due)
        for i in range(count)])


def _sweep_queries(count: int) -> int:
    due = NOON - timedelta(days=1)
    _instrument_duties(count, due)
    with CaptureQueriesContext(connection) as queries:
        deadlines_sweep(now=NOON, batch_size=500)
    return len(queries)


def test_sweep_runs_a_constant_number_of_queries_whatever_the_number_of_due_rows(people):
    clerk("kz-gpo")
    assert _sweep_queries(3) == _sweep_queries(40)


def test_rows_beyond_one_batch_are_swept_in_further_batches(people):
    _instrument_duties(25, NOON - timedelta(days=1))
    result = deadlines_sweep(now=NOON, batch_size=10)
    assert (result.examined, result.batches, result.missed) == (25, 3, 25)


def test_each_notification_is_e_mailed_once_with_its_duty_due_time_and_citation(people):
    people["desk"].email = "desk@mla.example"
    people["desk"].save()
    _oral_slovak_request(people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=18))
    assert notifications_email_pending(now=NOON + timedelta(hours=18)) == 1
    assert notifications_email_pending(now=NOON + timedelta(hours=18, minutes=1)) == 0
    (message,) = mail.outbox
    assert message.to == ["desk@mla.example"]
    assert "ст. 7.4" in message.body  # the citation in the recipient's language (ru)
    assert "12:00" in message.body  # due 24 hours after the oral request, Almaty time
    assert "IN-" in message.subject


def test_notifications_without_an_address_are_marked_done_without_mail(people):
    _oral_slovak_request(people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=18))
    assert notifications_email_pending(now=NOON + timedelta(hours=18)) == 0
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_inbox_counts_unread_and_marks_read(people):
    _oral_slovak_request(people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=25))
    desk = people["desk"]
    assert notifications_unread_count(user=desk) == 1
    (notification,) = Notification.objects.filter(recipient=desk)
    assert notification_mark_read(user=people["boss"], notification_id=notification.pk,
                                  now=NOON) == 0
    assert notification_mark_read(user=desk, notification_id=notification.pk, now=NOON) == 1
    assert notifications_unread_count(user=desk) == 0


def test_mark_all_read_touches_only_the_users_own_notifications(people):
    _oral_slovak_request(people["desk"])
    deadlines_sweep(now=NOON + timedelta(hours=25))
    notifications_mark_all_read(user=people["desk"], now=NOON)
    assert notifications_unread_count(user=people["boss"]) == 1
