"""Named owners per stage: set by the workflow (creation, registration, submission,
transmission, forwarding), changed by clerks and supervisors with a logged reason, validated
against the stage's role and office; deadlines address the owner, the sweep tells the owner
first and the role only where nobody is named."""

from datetime import timedelta

import pytest
import time_machine

from requests_app import clock
from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import ConcurrentModification
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RequestNotFound
from requests_app.models import Notification
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import transitions as t
from requests_app.services.deadlines import deadlines_sync
from requests_app.services.owners import OWNER_REASON_MAX_LENGTH
from requests_app.services.owners import request_owner_change
from requests_app.services.requests import request_create_draft
from requests_app.services.sweep import deadlines_sweep
from tests.factories import COUNTERPARTS
from tests.factories import DEFAULT_TYPES
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import instrument
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.scenarios import urgent_oral_request

pytestmark = pytest.mark.django_db
NOW = "2026-03-02 10:00 +05:00"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _reason(length: int = 20) -> str:
    return "x" * length


# --- set by the workflow ---------------------------------------------------------------------------
def test_the_prosecutor_who_opens_a_draft_is_its_drafting_prosecutor():
    author = prosecutor()
    draft = request_create_draft(actor=author, instrument_id=instrument("kz-rs-2015").pk,
                                 requested_authority_id=authority(COUNTERPARTS["kz-rs-2015"][0]).pk,
                                 assistance_types=DEFAULT_TYPES["kz-rs-2015"])
    assert draft.drafting_prosecutor_id == author.pk


def test_a_draft_opened_by_a_clerk_has_no_drafting_prosecutor_yet():
    draft = request_create_draft(actor=clerk(), instrument_id=instrument("kz-rs-2015").pk,
                                 requested_authority_id=authority(COUNTERPARTS["kz-rs-2015"][0]).pk,
                                 assistance_types=DEFAULT_TYPES["kz-rs-2015"])
    assert draft.drafting_prosecutor_id is None


def test_the_clerk_who_registers_an_incoming_request_is_its_clerk_owner():
    desk = clerk("kz-mvd")
    assert urgent_oral_request(desk).clerk_owner_id == desk.pk


def test_submitting_a_draft_without_owner_makes_the_submitter_its_drafting_prosecutor():
    author = prosecutor()
    request = AssistanceRequestFactory(created_by=author)
    request = t.request_submit_for_review(request_id=request.pk, actor=author)
    assert request.drafting_prosecutor_id == author.pk


def test_the_clerk_who_transmits_becomes_the_clerk_owner_if_none_was_named():
    desk = clerk()
    request = AssistanceRequestFactory(state=RequestState.READY)
    request = t.request_transmit(request_id=request.pk, actor=desk)
    assert request.clerk_owner_id == desk.pk


def test_transmission_keeps_a_clerk_owner_already_named():
    named, desk = clerk(), clerk()
    request = AssistanceRequestFactory(state=RequestState.READY, clerk_owner=named)
    request = t.request_transmit(request_id=request.pk, actor=desk)
    assert request.clerk_owner_id == named.pk


def test_forwarding_names_the_executing_prosecutor_chosen():
    desk, executor = clerk(), prosecutor()
    request = incoming_request(state=RequestState.COMPLETENESS_CHECK, executing_authority=None)
    request = t.request_forward(request_id=request.pk, actor=desk,
                                executing_authority_id=authority("kz-gpo").pk,
                                assigned_prosecutor_id=executor.pk)
    assert request.assigned_prosecutor_id == executor.pk


# --- changing an owner --------------------------------------------------------------------------------
def test_a_clerk_changes_the_executing_prosecutor_and_the_log_says_from_and_to():
    before, after = prosecutor(), prosecutor()
    request = incoming_request(assigned_prosecutor=before)
    request_owner_change(actor=clerk(), request_id=request.pk, stage="executing",
                         user_id=after.pk, reason="Before is on leave")
    entry = TransitionLog.objects.get(request=request, action="owner_changed")
    assert entry.details["stage"] == "executing"
    assert (entry.details["from"], entry.details["to"]) == (before.pk, after.pk)
    assert entry.reason == "Before is on leave"
    assert not entry.basis.is_treaty and entry.citation == ""
    request.refresh_from_db()
    assert request.assigned_prosecutor_id == after.pk


def test_a_supervisor_may_change_an_owner():
    new = prosecutor()
    request = AssistanceRequestFactory()
    request = request_owner_change(actor=supervisor(), request_id=request.pk, stage="drafting",
                                   user_id=new.pk, reason=_reason())
    assert request.drafting_prosecutor_id == new.pk


def test_a_prosecutor_may_not_change_an_owner():
    author = prosecutor()
    request = AssistanceRequestFactory(created_by=author)
    with pytest.raises(ActionNotPermitted):
        request_owner_change(actor=author, request_id=request.pk, stage="drafting",
                             user_id=prosecutor().pk, reason=_reason())


def test_an_owner_change_needs_a_reason():
    request = AssistanceRequestFactory()
    with pytest.raises(InvalidInput) as raised:
        request_owner_change(actor=clerk(), request_id=request.pk, stage="drafting",
                             user_id=prosecutor().pk, reason="   ")
    assert "reason" in raised.value.errors


def test_an_owner_change_reason_is_bounded():
    request = AssistanceRequestFactory()
    with pytest.raises(InvalidInput) as raised:
        request_owner_change(actor=clerk(), request_id=request.pk, stage="drafting",
                             user_id=prosecutor().pk,
                             reason=_reason(OWNER_REASON_MAX_LENGTH + 1))
    assert "reason" in raised.value.errors


def test_the_new_owner_must_hold_the_stages_role():
    request = AssistanceRequestFactory()
    with pytest.raises(InvalidInput) as raised:
        request_owner_change(actor=clerk(), request_id=request.pk, stage="drafting",
                             user_id=clerk().pk, reason=_reason())
    assert "user" in raised.value.errors


def test_the_new_owner_must_work_in_an_office_of_the_request():
    request = AssistanceRequestFactory()  # drafted by kz-gpo
    with pytest.raises(InvalidInput) as raised:
        request_owner_change(actor=clerk(), request_id=request.pk, stage="drafting",
                             user_id=prosecutor("kz-prosecutor-astana").pk, reason=_reason())
    assert "user" in raised.value.errors


def test_an_inactive_user_cannot_become_an_owner():
    gone = prosecutor()
    gone.is_active = False
    gone.save()
    request = AssistanceRequestFactory()
    with pytest.raises(InvalidInput) as raised:
        request_owner_change(actor=clerk(), request_id=request.pk, stage="drafting",
                             user_id=gone.pk, reason=_reason())
    assert "user" in raised.value.errors


def test_an_outgoing_request_has_no_executing_stage_to_own():
    request = AssistanceRequestFactory()
    with pytest.raises(InvalidInput) as raised:
        request_owner_change(actor=clerk(), request_id=request.pk, stage="executing",
                             user_id=prosecutor().pk, reason=_reason())
    assert "stage" in raised.value.errors


def test_an_owner_may_be_removed_so_that_the_role_acts():
    owner = prosecutor()
    request = AssistanceRequestFactory(drafting_prosecutor=owner)
    request = request_owner_change(actor=clerk(), request_id=request.pk, stage="drafting",
                                   user_id=None, reason=_reason())
    assert request.drafting_prosecutor_id is None


def test_an_owner_change_on_a_stale_version_is_refused():
    request = AssistanceRequestFactory()
    with pytest.raises(ConcurrentModification):
        request_owner_change(actor=clerk(), request_id=request.pk, stage="drafting",
                             user_id=prosecutor().pk, reason=_reason(),
                             expected_version=request.version + 1)


def test_an_owner_change_of_a_request_one_cannot_see_is_not_found():
    request = AssistanceRequestFactory()
    with pytest.raises(RequestNotFound):
        request_owner_change(actor=clerk("kz-prosecutor-astana"), request_id=request.pk,
                             stage="drafting", user_id=prosecutor().pk, reason=_reason())


# --- deadlines and the sweep follow the owner --------------------------------------------------------
def _execution_target(request):
    return request.deadlines.get(kind="execution_target")


def test_the_execution_target_addresses_the_executing_prosecutor():
    executor = prosecutor()
    request = incoming_request()
    request_owner_change(actor=clerk(), request_id=request.pk, stage="executing",
                         user_id=executor.pk, reason=_reason())
    assert _execution_target(request).responsible_user_id == executor.pk


def test_a_clerks_deadline_addresses_the_clerk_owner():
    desk = clerk("kz-mvd")
    request = urgent_oral_request(desk)
    assert request.deadlines.get(kind="oral_confirmation").responsible_user_id == desk.pk


def test_a_new_owner_takes_over_the_deadlines_of_the_stage():
    first, second = clerk("kz-mvd"), clerk("kz-mvd")
    request = urgent_oral_request(first)
    request_owner_change(actor=supervisor(), request_id=request.pk, stage="clerk",
                         user_id=second.pk, reason=_reason())
    assert request.deadlines.get(kind="oral_confirmation").responsible_user_id == second.pk


def _reminder_recipients(request) -> set[int]:
    due = _execution_target(request).due_at
    deadlines_sweep(now=due - timedelta(days=7))
    return set(Notification.objects.filter(event__deadline__request=request)
               .values_list("recipient_id", flat=True))


def test_the_sweep_reminds_the_owner_alone():
    executor, colleague = prosecutor(), prosecutor()
    request = incoming_request()
    request_owner_change(actor=clerk(), request_id=request.pk, stage="executing",
                         user_id=executor.pk, reason=_reason())
    recipients = _reminder_recipients(request)
    assert recipients == {executor.pk} and colleague.pk not in recipients


def test_without_an_owner_the_sweep_reminds_the_role_in_the_office():
    colleague = prosecutor()
    request = incoming_request()
    deadlines_sync(request=request, now=clock.now())
    assert colleague.pk in _reminder_recipients(request)


def test_an_owner_who_left_is_replaced_by_the_role_in_the_sweep():
    executor, colleague = prosecutor(), prosecutor()
    request = incoming_request()
    request_owner_change(actor=clerk(), request_id=request.pk, stage="executing",
                         user_id=executor.pk, reason=_reason())
    executor.is_active = False
    executor.save()
    recipients = _reminder_recipients(request)
    assert colleague.pk in recipients and executor.pk not in recipients


def test_escalation_still_goes_to_the_supervisors():
    executor, boss = prosecutor(), supervisor()
    request = incoming_request()
    request_owner_change(actor=clerk(), request_id=request.pk, stage="executing",
                         user_id=executor.pk, reason=_reason())
    deadlines_sweep(now=_execution_target(request).due_at + timedelta(minutes=1))
    escalated = Notification.objects.filter(event__deadline__request=request,
                                            kind="escalated")
    missed = Notification.objects.filter(event__deadline__request=request, kind="missed")
    assert set(escalated.values_list("recipient_id", flat=True)) == {boss.pk}
    assert set(missed.values_list("recipient_id", flat=True)) == {executor.pk}

