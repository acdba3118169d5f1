"""The people pages: "My work" in the header for everyone, the request page's Owners block and
its change form, the reason of a return on the draft and the request page, the e-mail settings
of the inbox, and the dashboard's person against every duty and workload table."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app import clock
from requests_app.models import Deadline
from requests_app.models import NotificationKind
from requests_app.models import NotificationPreference
from requests_app.models import RequestState
from requests_app.models import ResponsibleSide
from requests_app.services import transitions as t
from requests_app.services.notifications import notify_case_event
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_my_work_is_in_the_header_for_every_role(roleless_client):
    body = roleless_client.get("/requests/").content.decode()
    assert 'href="/my-work/"' in body


def test_my_work_lists_my_draft_and_marks_an_unassigned_one(prosecutor_client):
    mine = AssistanceRequestFactory(drafting_prosecutor=prosecutor_client.user)
    unassigned = AssistanceRequestFactory()
    body = prosecutor_client.get("/my-work/").content.decode()
    assert f'data-request="{mine.pk}" data-stage="drafting">' in body
    assert f'data-request="{unassigned.pk}" data-stage="drafting" data-unassigned="1"' in body


def test_my_work_needs_sign_in(client):
    response = client.get("/my-work/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_my_work_page_runs_the_same_queries_for_few_and_many(prosecutor_client):
    def queries(count: int) -> int:
        for _ in range(count):
            AssistanceRequestFactory(drafting_prosecutor=prosecutor_client.user)
        with CaptureQueriesContext(connection) as captured:
            assert prosecutor_client.get("/my-work/").status_code == 200
        return len(captured)

    queries(1)  # signs in
    assert queries(2) == queries(12)


# --- the Owners block ------------------------------------------------------------------------------
def test_the_request_page_names_each_stages_owner(clerk_client):
    author = prosecutor()
    request = AssistanceRequestFactory(drafting_prosecutor=author)
    body = clerk_client.get(f"/requests/{request.pk}/").content.decode()
    assert f'data-owner-stage="drafting" data-owner="{author.pk}"' in body
    assert 'data-owner-stage="clerk">' in body  # nobody named: the role acts
    assert 'data-current-stage="drafting"' in body


def test_a_clerk_changes_an_owner_from_the_request_page(clerk_client):
    new = prosecutor()
    request = incoming_request()
    response = clerk_client.post(f"/requests/{request.pk}/owners/", {
        "version": request.version, "stage": "executing", "user": new.pk,
        "reason": "Takes over"})
    assert response.status_code == 302 and response["Location"].endswith("#owners")
    request.refresh_from_db()
    assert request.assigned_prosecutor_id == new.pk


def test_a_prosecutor_sees_no_owner_change_form(prosecutor_client):
    request = AssistanceRequestFactory()
    body = prosecutor_client.get(f"/requests/{request.pk}/").content.decode()
    assert f'action="/requests/{request.pk}/owners/"' not in body


def test_a_prosecutor_posting_an_owner_change_is_forbidden(prosecutor_client):
    request = AssistanceRequestFactory()
    response = prosecutor_client.post(f"/requests/{request.pk}/owners/", {
        "version": request.version, "stage": "drafting",
        "user": prosecutor_client.user.pk, "reason": "Mine"})
    assert response.status_code == 403


def test_an_owner_change_without_a_reason_shows_the_error_by_the_field(clerk_client):
    request = incoming_request()
    response = clerk_client.post(f"/requests/{request.pk}/owners/", {
        "version": request.version, "stage": "executing", "user": prosecutor().pk,
        "reason": ""})
    assert response.status_code == 400
    assert response.context["owner_form"].errors["reason"]


def test_a_stale_owner_change_answers_409(clerk_client):
    request = incoming_request()
    response = clerk_client.post(f"/requests/{request.pk}/owners/", {
        "version": request.version + 1, "stage": "executing", "user": prosecutor().pk,
        "reason": "Takes over"})
    assert response.status_code == 409


def test_an_owner_change_of_another_offices_request_is_404(other_office_client):
    request = incoming_request()
    response = other_office_client.post(f"/requests/{request.pk}/owners/", {
        "version": request.version, "stage": "executing", "user": prosecutor().pk,
        "reason": "Takes over"})
    assert response.status_code == 404


# --- a return's reason -----------------------------------------------------------------------------
def _returned(author):
    request = AssistanceRequestFactory(created_by=author, drafting_prosecutor=author,
                                       state=RequestState.UNDER_REVIEW)
    t.request_return_for_revision(request_id=request.pk, actor=supervisor(),
                                  reason="Add the witness's address")
    return request


def test_the_draft_page_shows_why_the_draft_was_returned(prosecutor_client):
    request = _returned(prosecutor_client.user)
    body = prosecutor_client.get(f"/requests/{request.pk}/edit/", follow=True).content.decode()
    assert "data-returned-reason" in body and "Add the witness&#x27;s address" in body


def test_the_request_page_shows_why_the_draft_was_returned(prosecutor_client):
    request = _returned(prosecutor_client.user)
    body = prosecutor_client.get(f"/requests/{request.pk}/").content.decode()
    assert "Add the witness&#x27;s address" in body


def test_the_reason_goes_once_the_draft_is_submitted_again(prosecutor_client):
    request = _returned(prosecutor_client.user)
    t.request_submit_for_review(request_id=request.pk, actor=prosecutor_client.user)
    body = prosecutor_client.get(f"/requests/{request.pk}/").content.decode()
    assert "data-returned-reason" not in body


# --- the inbox and its e-mail settings -------------------------------------------------------------
def test_the_inbox_shows_a_case_event_with_a_link_to_the_request(prosecutor_client):
    request = _returned(prosecutor_client.user)
    body = prosecutor_client.get("/notifications/").content.decode()
    assert 'data-kind="returned"' in body and f'href="/requests/{request.pk}/"' in body
    assert 'href="/notifications/settings/"' in body


def test_the_settings_page_keeps_a_kind_to_the_inbox(prosecutor_client):
    kept = {kind.value: "on" for kind in NotificationKind if kind != NotificationKind.ASSIGNED}
    response = prosecutor_client.post("/notifications/settings/", kept)
    assert response.status_code == 302
    choice = NotificationPreference.objects.get(user=prosecutor_client.user,
                                                kind=NotificationKind.ASSIGNED)
    assert choice.email is False


def test_a_reply_received_reaches_the_inbox_of_the_owner(clerk_client):
    request = AssistanceRequestFactory(clerk_owner=clerk_client.user,
                                       state=RequestState.TRANSMITTED)
    notify_case_event(kind=NotificationKind.REPLY_RECEIVED, request=request, actor=None)
    assert 'data-kind="reply_received"' in clerk_client.get("/notifications/").content.decode()


# --- the dashboard ---------------------------------------------------------------------------------
def test_the_dashboard_names_the_person_who_must_act(supervisor_client):
    owner = prosecutor()
    owner.first_name, owner.last_name = "Aigerim", "Sadykova"
    owner.save()
    request = AssistanceRequestFactory(drafting_prosecutor=owner, state=RequestState.TRANSMITTED)
    Deadline.objects.create(
        request=request, instrument=request.instrument, kind="summons_transmission",
        due_at=clock.now() - timedelta(hours=1), citation="kz-rs-2015 Art 8.3",
        responsible_side=ResponsibleSide.KAZAKHSTAN, responsible_role="Prosecutor",
        responsible_user=owner)
    body = supervisor_client.get("/dashboard/").content.decode()
    assert f'data-responsible-user="{owner.pk}">Aigerim Sadykova' in body


def test_the_dashboard_shows_the_workload_per_person(supervisor_client):
    owner = prosecutor()
    AssistanceRequestFactory(drafting_prosecutor=owner)
    body = supervisor_client.get("/dashboard/").content.decode()
    assert 'id="workload"' in body and f'data-person="{owner.pk}"' in body
