"""People over the API: owners on the request detail and their change (reason, role, version,
access), My work, the workload (supervisors only), case events in the notifications and the
e-mail choices per kind."""

import pytest

from requests_app.models import NotificationKind
from requests_app.models import RequestState
from requests_app.services import transitions as t
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def _owners(body) -> dict:
    return {o["stage"]: (o["user"]["id"] if o["user"] else None) for o in body["owners"]}


def test_the_request_detail_names_the_owners_and_the_current_stage(clerk_api):
    author = prosecutor()
    request = AssistanceRequestFactory(drafting_prosecutor=author)
    body = clerk_api.get(f"/api/requests/{request.pk}/").json()
    assert _owners(body) == {"drafting": author.pk, "clerk": None}
    assert body["current_stage"] == "drafting"


def test_a_clerk_changes_the_executing_prosecutor(clerk_api):
    new = prosecutor()
    request = incoming_request()
    response = clerk_api.post(f"/api/requests/{request.pk}/owners/", {
        "stage": "executing", "user": new.pk, "reason": "Takes over",
        "version": request.version}, format="json")
    assert response.status_code == 200
    assert _owners(response.json())["executing"] == new.pk


def test_an_owner_change_on_a_stale_version_answers_409(clerk_api):
    request = incoming_request()
    response = clerk_api.post(f"/api/requests/{request.pk}/owners/", {
        "stage": "executing", "user": prosecutor().pk, "reason": "Takes over",
        "version": request.version + 1}, format="json")
    assert response.status_code == 409
    assert response.json()["current_version"] == request.version


def test_a_prosecutor_may_not_change_an_owner(prosecutor_api):
    request = AssistanceRequestFactory()
    response = prosecutor_api.post(f"/api/requests/{request.pk}/owners/", {
        "stage": "drafting", "user": prosecutor_api.user.pk, "reason": "Mine",
        "version": request.version}, format="json")
    assert response.status_code == 403


def test_an_owner_without_the_stages_role_is_a_field_error(clerk_api):
    request = AssistanceRequestFactory()
    response = clerk_api.post(f"/api/requests/{request.pk}/owners/", {
        "stage": "drafting", "user": clerk_api.user.pk, "reason": "Why not",
        "version": request.version}, format="json")
    assert response.status_code == 400 and "user" in response.json()["errors"]


def test_an_owner_change_reason_longer_than_allowed_is_refused(clerk_api):
    request = AssistanceRequestFactory()
    response = clerk_api.post(f"/api/requests/{request.pk}/owners/", {
        "stage": "drafting", "user": prosecutor().pk, "reason": "x" * 501,
        "version": request.version}, format="json")
    assert response.status_code == 400 and "reason" in response.json()["errors"]


def test_an_owner_change_of_a_request_one_cannot_see_is_404(other_office_api):
    request = AssistanceRequestFactory()
    response = other_office_api.post(f"/api/requests/{request.pk}/owners/", {
        "stage": "drafting", "user": prosecutor().pk, "reason": "Mine",
        "version": request.version}, format="json")
    assert response.status_code == 404


def test_my_work_lists_what_i_own_and_what_is_unassigned(prosecutor_api):
    mine = AssistanceRequestFactory(drafting_prosecutor=prosecutor_api.user)
    unassigned = AssistanceRequestFactory()
    AssistanceRequestFactory(drafting_prosecutor=prosecutor())
    rows = prosecutor_api.get("/api/my-work/").json()["results"]
    assert {(r["id"], r["stage"], r["assigned"]) for r in rows} == {
        (mine.pk, "drafting", True), (unassigned.pk, "drafting", False)}


def test_my_work_refuses_unknown_parameters(prosecutor_api):
    assert prosecutor_api.get("/api/my-work/", {"mine": "yes"}).status_code == 400


def test_the_workload_is_for_supervisors(supervisor_api, clerk_api):
    owner = prosecutor()
    AssistanceRequestFactory(drafting_prosecutor=owner)
    rows = supervisor_api.get("/api/workload/").json()["results"]
    assert rows[0]["user"] is None
    assert next(r for r in rows if r["user"] and r["user"]["id"] == owner.pk)[
        "open_requests"] == 1
    assert clerk_api.get("/api/workload/").status_code == 403


def test_a_returned_draft_reaches_the_drafters_notifications_with_the_reason(prosecutor_api):
    request = AssistanceRequestFactory(drafting_prosecutor=prosecutor_api.user,
                                       state=RequestState.UNDER_REVIEW)
    t.request_return_for_revision(request_id=request.pk, actor=supervisor(),
                                  reason="Add the address")
    (row,) = prosecutor_api.get("/api/notifications/").json()["results"]
    assert (row["kind"], row["text"], row["deadline"], row["threshold"]) == (
        "returned", "Add the address", None, "")
    assert row["request"] == {"id": request.pk, "reference": request.reference}


def test_preferences_are_read_and_set_per_kind(prosecutor_api):
    response = prosecutor_api.put("/api/notifications/preferences/",
                                  {"email": {"approved": False}}, format="json")
    assert response.status_code == 200
    choices = {p["kind"]: p["email"] for p in
               prosecutor_api.get("/api/notifications/preferences/").json()["preferences"]}
    assert choices["approved"] is False and choices["returned"] is True
    assert set(choices) == set(NotificationKind.values)


def test_a_preference_that_is_not_a_boolean_is_refused(prosecutor_api):
    response = prosecutor_api.put("/api/notifications/preferences/",
                                  {"email": {"approved": "no"}}, format="json")
    assert response.status_code == 400


def test_an_unknown_kind_of_preference_is_refused(prosecutor_api):
    response = prosecutor_api.put("/api/notifications/preferences/",
                                  {"email": {"gossip": False}}, format="json")
    assert response.status_code == 400 and "gossip" in response.json()["errors"]
