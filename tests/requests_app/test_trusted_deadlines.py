"""Deadlines people trust (office policy): a draft's deadlines are provisional (shown, never
swept); a missed term whose basis changes is superseded, not left missed; a supervisor waives a
missed deadline with a reason, logged as office procedure."""

from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import translation

from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import ConcurrentModification
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RequestNotFound
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import Direction
from requests_app.models import LogBasisKind
from requests_app.models import Notification
from requests_app.models import NotificationEvent
from requests_app.models import PersonRole
from requests_app.models import RequestState
from requests_app.models import SupersededReason
from requests_app.models import TransitionLog
from requests_app.models import deadlines_provisional_for
from requests_app.selectors.dashboard import Filters
from requests_app.selectors.dashboard import dashboard_figures
from requests_app.services import transitions as t
from requests_app.services.calendar import deadline_event
from requests_app.services.deadlines import deadlines_sync
from requests_app.services.deadlines import instrument_deadlines_sync
from requests_app.services.requests import person_add
from requests_app.services.requests import person_set_appearance_date
from requests_app.services.sweep import deadlines_sweep
from requests_app.services.sweep import notifications_email_pending
from requests_app.services.waivers import deadline_waive
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import instrument
from tests.factories import prosecutor
from tests.factories import summoned_person
from tests.factories import supervisor
from tests.requests_app._support import to_ready
from treaties.rules.calendar import ALMATY
from treaties.rules.calendar import end_of_day

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=ALMATY)
TODAY = date(2026, 3, 2)


def _summons_row(request) -> Deadline:
    return Deadline.objects.get(request=request, kind="summons_transmission")


def _overdue_on_dashboard(now: datetime) -> int:
    figures = dashboard_figures(user=supervisor(), filters=Filters(), now=now, today=now.date())
    return figures["deadline_totals"]["overdue"]


# --- provisional: a draft's deadlines ------------------------------------------------------------
def _rs_draft(appearance: date, **fields):
    """An outgoing Serbian summons request, drafted at NOON (RS 8.3: 60 days' lead time)."""
    author = prosecutor()
    with time_machine.travel(NOON, tick=False):
        request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author,
                                           **fields)
        person = summoned_person(request, appearance)
        person_set_appearance_date(actor=author, person_id=person.pk,
                                   appearance_date=appearance)
    return request, person, author


@pytest.mark.parametrize("state", [RequestState.DRAFTING, RequestState.UNDER_REVIEW,
                                   RequestState.READY])
def test_an_outgoing_requests_deadlines_are_provisional_while_drafted_reviewed_or_ready(state):
    assert deadlines_provisional_for(direction=Direction.OUTGOING, state=state)


@pytest.mark.parametrize(("direction", "state"), [
    (Direction.OUTGOING, RequestState.TRANSMITTED),
    (Direction.OUTGOING, RequestState.ORAL_PENDING_CONFIRMATION),
    (Direction.INCOMING, RequestState.RECEIVED),
])
def test_deadlines_are_normal_once_the_request_has_left_drafting(direction, state):
    assert not deadlines_provisional_for(direction=direction, state=state)


def test_a_drafts_deadline_is_shown_as_provisional_and_has_no_next_action():
    request, _, _ = _rs_draft(date(2026, 6, 30))

    row = _summons_row(request)

    assert (row.status, row.provisional, row.next_action_at) == (DeadlineStatus.OPEN, True, None)
    assert row.due_at == end_of_day(date(2026, 5, 1))


def test_a_provisional_deadline_says_so_in_the_calendar_feed():
    request, _, _ = _rs_draft(date(2026, 6, 30))

    with translation.override("en"):
        event = deadline_event(_summons_row(request))

    assert "Provisional: computed on a draft" in event.description


def test_a_provisional_deadline_past_its_due_time_is_not_overdue():
    request, _, _ = _rs_draft(date(2026, 3, 31))  # cut-off: end of 30 January, already past
    row = _summons_row(request)

    assert not row.is_overdue(NOON, request_state=request.state)
    assert not Deadline.objects.overdue(NOON).filter(pk=row.pk).exists()
    assert Deadline.objects.needing_action().filter(pk=row.pk).exists()


def test_the_sweep_never_claims_a_provisional_deadline_however_late_it_runs():
    request, _, _ = _rs_draft(date(2026, 3, 31))

    for later in (timedelta(minutes=1), timedelta(days=1), timedelta(days=400)):
        assert deadlines_sweep(now=NOON + later).examined == 0

    assert _summons_row(request).status == DeadlineStatus.OPEN
    assert not NotificationEvent.objects.filter(deadline__request=request).exists()


def test_a_provisional_deadline_gets_its_next_action_when_the_request_leaves_drafting():
    request, _, _ = _rs_draft(date(2026, 6, 30))
    AssistanceRequest.objects.filter(pk=request.pk).update(
        state=RequestState.ORAL_PENDING_CONFIRMATION)
    request.refresh_from_db()

    deadlines_sync(request=request, now=NOON)

    row = _summons_row(request)
    cut_off = end_of_day(date(2026, 5, 1))
    assert (row.provisional, row.next_action_at) == (False, cut_off - timedelta(days=7))


def test_a_term_past_due_when_the_request_leaves_drafting_is_missed_by_the_next_sweep():
    request, _, _ = _rs_draft(date(2026, 3, 31))
    AssistanceRequest.objects.filter(pk=request.pk).update(
        state=RequestState.ORAL_PENDING_CONFIRMATION)
    request.refresh_from_db()
    deadlines_sync(request=request, now=NOON)

    result = deadlines_sweep(now=NOON + timedelta(minutes=1))

    assert result.missed == 1
    assert _summons_row(request).status == DeadlineStatus.MISSED


def test_ux_review_story_a_mistyped_draft_date_raises_no_alarm_and_nothing_is_overdue():
    """BR 6.2: 90 days' lead time. The appearance date is mistyped (30 days ahead, so the last
    day to transmit is two months past); the sweep runs for days; the date is fixed and the
    request transmitted in time."""
    author, boss, desk = prosecutor(), supervisor(), clerk()
    with time_machine.travel(NOON, tick=False):
        request = AssistanceRequestFactory(instrument_slug="kz-br-2018", created_by=author,
                                           request_language="pt")
        person = person_add(actor=author, request_id=request.pk, role=PersonRole.TO_SERVE,
                            full_name="João Silva", appearance_date=TODAY + timedelta(days=30))
    for later in (timedelta(minutes=1), timedelta(hours=1), timedelta(days=1),
                  timedelta(days=2)):
        deadlines_sweep(now=NOON + later)
    notifications_email_pending(now=NOON + timedelta(days=2))

    assert not NotificationEvent.objects.filter(deadline__request=request).exists()
    assert not Notification.objects.exists()
    assert mail.outbox == []
    assert not Deadline.objects.filter(request=request, status=DeadlineStatus.MISSED).exists()
    assert _overdue_on_dashboard(NOON + timedelta(days=2)) == 0

    fixed_at = NOON + timedelta(days=2, hours=1)
    with time_machine.travel(fixed_at, tick=False):
        person_set_appearance_date(actor=author, person_id=person.pk,
                                   appearance_date=TODAY + timedelta(days=120))
        to_ready(request, author, boss)
        t.request_transmit(request_id=request.pk, actor=desk)
    deadlines_sweep(now=fixed_at + timedelta(days=1))

    row = _summons_row(request)
    assert (row.status, row.provisional) == (DeadlineStatus.MET, False)
    assert not Deadline.objects.overdue(fixed_at + timedelta(days=1)).filter(
        request=request).exists()
    assert _overdue_on_dashboard(fixed_at + timedelta(days=1)) == 0
    assert not NotificationEvent.objects.filter(deadline__request=request).exists()


# --- superseded: a missed term whose basis changes ---------------------------------------------
def _missed_rs_summons():
    """A Serbian summons request sent orally (no longer a draft) whose summons term (cut-off:
    end of 1 May) the sweep marked missed on 2 May."""
    request, person, author = _rs_draft(date(2026, 6, 30),
                                        state=RequestState.ORAL_PENDING_CONFIRMATION)
    deadlines_sweep(now=end_of_day(date(2026, 5, 2)))
    assert _summons_row(request).status == DeadlineStatus.MISSED
    return request, person, author


MAY_3 = datetime(2026, 5, 3, 9, 0, tzinfo=ALMATY)


def test_a_missed_term_whose_due_time_moves_is_superseded_and_runs_to_its_new_due_time():
    request, person, author = _missed_rs_summons()

    with time_machine.travel(MAY_3, tick=False):
        person_set_appearance_date(actor=author, person_id=person.pk,
                                   appearance_date=date(2026, 8, 30))

    row = _summons_row(request)
    assert (row.status, row.due_at) == (DeadlineStatus.OPEN, end_of_day(date(2026, 7, 1)))
    assert (row.superseded_at, row.superseded_due_at, row.superseded_reason) == (
        MAY_3, end_of_day(date(2026, 5, 1)), SupersededReason.DUE_MOVED)
    assert row.next_action_at == end_of_day(date(2026, 7, 1)) - timedelta(days=7)


def test_a_superseded_miss_is_no_longer_counted_overdue_on_the_dashboard():
    request, person, author = _missed_rs_summons()
    assert _overdue_on_dashboard(MAY_3) == 1

    with time_machine.travel(MAY_3, tick=False):
        person_set_appearance_date(actor=author, person_id=person.pk,
                                   appearance_date=date(2026, 8, 30))

    assert _overdue_on_dashboard(MAY_3) == 0


def test_a_missed_term_moved_to_a_due_time_still_past_is_missed_anew_notified_once():
    request, person, author = _missed_rs_summons()
    with time_machine.travel(MAY_3, tick=False):
        person_set_appearance_date(actor=author, person_id=person.pk,
                                   appearance_date=date(2026, 7, 1))  # cut-off: end of 2 May
    assert _summons_row(request).status == DeadlineStatus.OPEN

    deadlines_sweep(now=MAY_3 + timedelta(minutes=1))
    deadlines_sweep(now=MAY_3 + timedelta(minutes=2))

    row = _summons_row(request)
    assert row.status == DeadlineStatus.MISSED
    new_events = NotificationEvent.objects.filter(deadline=row, due_at=row.due_at)
    assert sorted(new_events.values_list("threshold", flat=True)) == ["escalated", "missed"]
    assert NotificationEvent.objects.filter(deadline=row).count() == 4


def test_a_missed_term_whose_basis_is_gone_is_closed_as_superseded():
    request, person, author = _missed_rs_summons()
    person.delete()

    deadlines_sync(request=request, now=MAY_3)

    row = _summons_row(request)
    assert (row.status, row.superseded_reason, row.superseded_at) == (
        DeadlineStatus.SUPERSEDED, SupersededReason.NO_LONGER_APPLIES, MAY_3)
    assert row.next_action_at is None
    assert not Deadline.objects.overdue(MAY_3).filter(pk=row.pk).exists()


def test_a_superseded_term_whose_basis_returns_runs_again():
    request, _, _ = _missed_rs_summons()
    Deadline.objects.filter(request=request, kind="summons_transmission").update(
        status=DeadlineStatus.SUPERSEDED, superseded_reason=SupersededReason.NO_LONGER_APPLIES)

    deadlines_sync(request=request, now=MAY_3)

    row = _summons_row(request)
    # Its due time is past: the next sweep looks at it straight away.
    assert (row.status, row.next_action_at) == (DeadlineStatus.OPEN, row.due_at)


# --- waiver by a supervisor --------------------------------------------------------------------
def test_a_supervisor_waives_a_missed_deadline_with_a_reason_logged_as_office_procedure():
    request, _, _ = _missed_rs_summons()
    boss = supervisor()
    row = _summons_row(request)

    with time_machine.travel(MAY_3, tick=False):
        waived = deadline_waive(actor=boss, deadline_id=row.pk,
                                reason="Witness heard by videoconference instead")

    assert (waived.status, waived.closed_reason, waived.closed_by, waived.closed_at) == (
        DeadlineStatus.WAIVED, "Witness heard by videoconference instead", boss, MAY_3)
    entry = TransitionLog.objects.filter(request=request).latest("id")
    assert (entry.action, entry.actor, entry.reason) == (
        "deadline_waived", boss, "Witness heard by videoconference instead")
    assert entry.basis.kind == LogBasisKind.OFFICE_PROCEDURE
    assert entry.details["deadline"] == row.pk
    assert not Deadline.objects.overdue(MAY_3).filter(pk=row.pk).exists()


def test_a_waived_deadline_stays_waived_when_the_request_is_recomputed():
    request, _, _ = _missed_rs_summons()
    row = _summons_row(request)
    deadline_waive(actor=supervisor(), deadline_id=row.pk, reason="Not pursued")

    deadlines_sync(request=request, now=MAY_3)

    assert _summons_row(request).status == DeadlineStatus.WAIVED


@pytest.mark.parametrize("reason", ["", "   "])
def test_waiving_without_a_reason_is_refused_naming_the_field(reason):
    request, _, _ = _missed_rs_summons()

    with pytest.raises(InvalidInput) as exc:
        deadline_waive(actor=supervisor(), deadline_id=_summons_row(request).pk, reason=reason)

    assert "reason" in exc.value.errors
    assert _summons_row(request).status == DeadlineStatus.MISSED


@pytest.mark.parametrize("make_user", [clerk, prosecutor])
def test_only_a_supervisor_may_waive_a_missed_deadline(make_user):
    request, _, _ = _missed_rs_summons()

    with pytest.raises(ActionNotPermitted):
        deadline_waive(actor=make_user(), deadline_id=_summons_row(request).pk, reason="No")


def test_an_open_deadline_cannot_be_waived():
    request, _, _ = _rs_draft(date(2026, 6, 30), state=RequestState.ORAL_PENDING_CONFIRMATION)

    with pytest.raises(InvalidInput) as exc:
        deadline_waive(actor=supervisor(), deadline_id=_summons_row(request).pk, reason="No")

    assert "deadline" in exc.value.errors


def test_waiving_with_a_stale_request_version_is_refused():
    request, _, _ = _missed_rs_summons()
    request.refresh_from_db()

    with pytest.raises(ConcurrentModification):
        deadline_waive(actor=supervisor(), deadline_id=_summons_row(request).pk, reason="No",
                       expected_version=request.version - 1)


def test_waiving_an_unknown_deadline_is_not_found():
    with pytest.raises(RequestNotFound):
        deadline_waive(actor=supervisor(), deadline_id=987654, reason="No")


def test_a_supervisor_waives_a_missed_duty_of_an_instrument_recording_who_and_why():
    rs = instrument("kz-rs-2015")
    instrument_deadlines_sync(instrument=rs, now=NOON)
    row = Deadline.objects.filter(instrument=rs, request__isnull=True).first()
    assert row is not None
    Deadline.objects.filter(pk=row.pk).update(status=DeadlineStatus.MISSED, next_action_at=None)
    boss = supervisor()

    with time_machine.travel(NOON, tick=False):
        waived = deadline_waive(actor=boss, deadline_id=row.pk, reason="Report sent by hand")

    assert (waived.status, waived.closed_by, waived.closed_reason, waived.closed_at) == (
        DeadlineStatus.WAIVED, boss, "Report sent by hand", NOON)
