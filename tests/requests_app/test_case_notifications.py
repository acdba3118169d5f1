"""Notifications of case events, written with the change that causes them: submitted (the
office's reviewers), returned (the drafting prosecutor, with the reason), approved (the drafter
and the clerk owner, or the office's clerks), assigned (the new owner), reply received (the
owners); and the e-mailer honouring each recipient's choice per kind."""

from datetime import datetime

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.exceptions import InvalidInput
from requests_app.models import EmailOutcome
from requests_app.models import Notification
from requests_app.models import NotificationKind
from requests_app.models import RequestState
from requests_app.services import transitions as t
from requests_app.services.notifications import notification_preferences
from requests_app.services.notifications import notification_preferences_set
from requests_app.services.notifications import notify_case_event
from requests_app.services.owners import request_owner_change
from requests_app.services.sweep import notifications_email_pending
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor
from treaties.rules.calendar import ALMATY

pytestmark = pytest.mark.django_db
NOW = "2026-03-02 10:00 +05:00"
SENT_AT = datetime(2026, 3, 2, 10, 5, tzinfo=ALMATY)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _recipients(request, kind: str) -> set[int]:
    return set(Notification.objects.filter(request=request, kind=kind)
               .values_list("recipient_id", flat=True))


def test_a_submitted_draft_is_told_to_the_supervisors_of_its_office():
    author, boss, elsewhere = prosecutor(), supervisor(), supervisor()
    elsewhere.office_membership.authority = authority("kz-mvd")
    elsewhere.office_membership.save()
    request = AssistanceRequestFactory(created_by=author, drafting_prosecutor=author)
    t.request_submit_for_review(request_id=request.pk, actor=author)
    assert _recipients(request, NotificationKind.SUBMITTED) == {boss.pk}


def test_a_returned_draft_is_told_to_its_drafting_prosecutor_with_the_reason():
    author, boss = prosecutor(), supervisor()
    request = AssistanceRequestFactory(created_by=author, drafting_prosecutor=author,
                                       state=RequestState.UNDER_REVIEW)
    t.request_return_for_revision(request_id=request.pk, actor=boss,
                                  reason="Name the witness's address")
    (notification,) = Notification.objects.filter(request=request,
                                                   kind=NotificationKind.RETURNED)
    assert notification.recipient_id == author.pk
    assert notification.text == "Name the witness's address"
    assert notification.actor_id == boss.pk


def test_an_approved_draft_is_told_to_the_drafter_and_the_clerk_owner():
    author, desk, other_desk = prosecutor(), clerk(), clerk()
    request = AssistanceRequestFactory(drafting_prosecutor=author, clerk_owner=desk,
                                       state=RequestState.UNDER_REVIEW)
    t.request_approve(request_id=request.pk, actor=supervisor())
    recipients = _recipients(request, NotificationKind.APPROVED)
    assert recipients == {author.pk, desk.pk} and other_desk.pk not in recipients


def test_an_approved_draft_without_a_clerk_owner_is_told_to_the_offices_clerks():
    author, desk, far_desk = prosecutor(), clerk(), clerk("kz-prosecutor-astana")
    request = AssistanceRequestFactory(drafting_prosecutor=author,
                                       state=RequestState.UNDER_REVIEW)
    t.request_approve(request_id=request.pk, actor=supervisor())
    recipients = _recipients(request, NotificationKind.APPROVED)
    assert {author.pk, desk.pk} <= recipients and far_desk.pk not in recipients


def test_the_executing_prosecutor_chosen_on_forwarding_is_told_of_the_assignment():
    executor = prosecutor()
    request = incoming_request(state=RequestState.COMPLETENESS_CHECK, executing_authority=None)
    t.request_forward(request_id=request.pk, actor=clerk(),
                      executing_authority_id=authority("kz-gpo").pk,
                      assigned_prosecutor_id=executor.pk)
    assert _recipients(request, NotificationKind.ASSIGNED) == {executor.pk}


def test_a_new_owner_is_told_of_the_assignment_with_the_reason():
    new = prosecutor()
    request = incoming_request()
    request_owner_change(actor=clerk(), request_id=request.pk, stage="executing",
                         user_id=new.pk, reason="Knows the case")
    (notification,) = Notification.objects.filter(request=request,
                                                   kind=NotificationKind.ASSIGNED)
    assert (notification.recipient_id, notification.text) == (new.pk, "Knows the case")


def test_a_reply_received_is_told_to_the_requests_owners():
    author, desk = prosecutor(), clerk()
    request = AssistanceRequestFactory(drafting_prosecutor=author, clerk_owner=desk,
                                       state=RequestState.TRANSMITTED)
    notify_case_event(kind=NotificationKind.REPLY_RECEIVED, request=request, actor=None)
    assert _recipients(request, NotificationKind.REPLY_RECEIVED) == {author.pk, desk.pk}


def test_the_actor_is_not_told_of_their_own_act():
    desk = clerk()
    request = AssistanceRequestFactory(clerk_owner=desk, state=RequestState.TRANSMITTED)
    notify_case_event(kind=NotificationKind.REPLY_RECEIVED, request=request, actor=desk)
    assert _recipients(request, NotificationKind.REPLY_RECEIVED) == set()


def test_a_deadline_kind_is_not_a_case_event():
    with pytest.raises(ValueError, match="deadline notification"):
        notify_case_event(kind=NotificationKind.MISSED, request=AssistanceRequestFactory(),
                          actor=None)


def test_a_refused_transition_tells_nobody():
    author = prosecutor()
    request = AssistanceRequestFactory(created_by=author, drafting_prosecutor=author,
                                       state=RequestState.UNDER_REVIEW)
    with pytest.raises(InvalidInput):
        t.request_return_for_revision(request_id=request.pk, actor=supervisor(), reason="")
    assert not Notification.objects.filter(request=request).exists()


# --- e-mail or inbox only --------------------------------------------------------------------------
def _returned_to(author, reason: str = "Fix the dates"):
    request = AssistanceRequestFactory(created_by=author, drafting_prosecutor=author,
                                       state=RequestState.UNDER_REVIEW)
    t.request_return_for_revision(request_id=request.pk, actor=supervisor(), reason=reason)
    return request


def test_a_case_event_is_e_mailed_by_default_with_its_reason():
    author = prosecutor()
    author.email = "author@mla.example"
    author.save()
    request = _returned_to(author)
    assert notifications_email_pending(now=SENT_AT) == 1
    (message,) = mail.outbox
    assert message.to == ["author@mla.example"]
    assert request.reference in message.subject and "Fix the dates" in message.body


def test_a_kind_kept_to_the_inbox_is_not_e_mailed_and_not_tried_again():
    author = prosecutor()
    author.email = "author@mla.example"
    author.save()
    notification_preferences_set(actor=author, email={NotificationKind.RETURNED.value: False})
    _returned_to(author)
    assert notifications_email_pending(now=SENT_AT) == 0
    assert mail.outbox == []
    (notification,) = Notification.objects.filter(recipient=author)
    assert notification.emailed_at is not None
    assert notification.email_outcome == EmailOutcome.NOT_WANTED


def test_the_choice_of_one_kind_leaves_the_others_e_mailed():
    author = prosecutor()
    author.email = "author@mla.example"
    author.save()
    notification_preferences_set(actor=author, email={NotificationKind.APPROVED.value: False})
    _returned_to(author)
    assert notifications_email_pending(now=SENT_AT) == 1


def test_preferences_default_to_e_mail_for_every_kind():
    assert set(notification_preferences(user=prosecutor()).values()) == {True}


def test_an_unknown_kind_of_preference_is_refused():
    with pytest.raises(InvalidInput) as raised:
        notification_preferences_set(actor=prosecutor(), email={"gossip": False})
    assert "gossip" in raised.value.errors


def test_the_e_mailer_runs_a_constant_number_of_queries_plus_two_per_e_mail_handed_over():
    def run(count: int) -> int:
        for _ in range(count):
            author = prosecutor()
            author.email = f"{author.username}@mla.example"
            author.save()
            notification_preferences_set(actor=author,
                                         email={NotificationKind.RETURNED.value: count > 2})
            _returned_to(author)
        with CaptureQueriesContext(connection) as queries:
            notifications_email_pending(now=SENT_AT)
        return len(queries)

    # run(2): both kept to the inbox, stamped in the claim; run(12): twelve handed over, each
    # marked "handing over" and "sent" in its own statement (the outbox's exactly-once price).
    assert run(12) == run(2) + 2 * 12

