"""API: reading a request (``GET /api/requests/<id>/``) and editing its contents (``PATCH``,
with the version last seen). Every read goes through
the access function (another office's request answers like a missing one) and every write through
the services; the API never writes ``state``."""

from datetime import date
from datetime import datetime

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.models import Translation
from requests_app.services.requests import EDITABLE_FIELDS
from requests_app.services.requests import person_add
from tests.api._support import OTHER_SIDE
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from treaties.rules.calendar import ALMATY

from .conftest import NOW

pytestmark = pytest.mark.django_db


# --- detail ------------------------------------------------------------------------------------
def test_the_detail_has_contents_parties_milestones_persons_and_deadlines(prosecutor_api,
                                                                           frozen_now):
    draft = AssistanceRequestFactory(their_reference="RS-1")
    person_add(actor=prosecutor_api.user, request_id=draft.pk, role="to_serve",
               full_name="Petar Petrović", appearance_date=date(2026, 6, 1))
    Translation.objects.create(request=draft, language="sr", completed_on=date(2026, 3, 1))
    response = prosecutor_api.get(f"/api/requests/{draft.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == draft.reference
    assert (body["state"], body["version"]) == ("drafting", 2)
    assert body["state_label"]
    assert body["instrument"]["slug"] == "kz-rs-2015"
    assert body["requesting_authority"]["code"] == "kz-gpo"
    assert body["requested_authority"]["code"] == "rs-justice"
    assert body["created_by"] == draft.created_by.username
    assert body["assigned_prosecutor"] is None
    assert set(body["contents"]) == EDITABLE_FIELDS
    assert body["contents"]["legal_qualification"] == draft.legal_qualification
    assert body["contents"]["signed_and_sealed"] is True
    assert body["milestones"]["transmitted_at"] is None
    assert [p["full_name"] for p in body["persons"]] == ["Petar Petrović"]
    assert body["persons"][0]["appearance_date"] == "2026-06-01"
    assert body["translations"][0]["language"] == "sr"
    assert body["originals"] == []
    deadline = body["deadlines"][0]
    assert deadline["kind"] == "summons_transmission"
    assert deadline["citation"] == "kz-rs-2015 Art 8.3"
    assert (deadline["basis"], deadline["status"]) == ("treaty", "open")
    assert deadline["label"]


def test_the_detail_links_to_the_request_its_attachments_instrument_and_page(prosecutor_api,
                                                                            frozen_now):
    draft = AssistanceRequestFactory()
    links = prosecutor_api.get(f"/api/requests/{draft.pk}/").json()["links"]
    assert links["self"].endswith(f"/api/requests/{draft.pk}/")
    assert links["attachments"].endswith(f"/api/requests/{draft.pk}/attachments/")
    assert links["instrument"].endswith("/api/instruments/kz-rs-2015/")
    assert links["html"].endswith(f"/requests/{draft.pk}/")


def test_the_detail_of_an_incoming_request_shows_its_executing_authority(clerk_api, frozen_now):
    incoming = incoming_request("kz-br-2018")
    body = clerk_api.get(f"/api/requests/{incoming.pk}/").json()
    assert body["direction"] == "incoming"
    assert body["executing_authority"]["code"] == "kz-gpo"
    assert body["milestones"]["received_at"] == NOW.isoformat()
    assert body["milestones"]["opened_on"] == "2026-03-02"


@pytest.mark.parametrize("role", ["prosecutor_api", "clerk_api", "supervisor_api"])
def test_the_detail_is_readable_by_the_office_and_supervisors(role, request, frozen_now):
    draft = AssistanceRequestFactory()
    assert request.getfixturevalue(role).get(f"/api/requests/{draft.pk}/").status_code == 200


@pytest.mark.parametrize("role", OTHER_SIDE + ["police_clerk_api"])
def test_the_detail_is_a_404_for_those_who_may_not_see_it(role, request, frozen_now):
    draft = AssistanceRequestFactory()
    response = request.getfixturevalue(role).get(f"/api/requests/{draft.pk}/")
    assert response.status_code == 404
    assert response.json() == {"type": "not_found", "detail": response.json()["detail"],
                               "errors": {}, "violations": []}
    assert draft.reference not in response.content.decode()


def test_a_missing_request_and_a_forbidden_one_answer_alike(other_office_api, frozen_now):
    draft = AssistanceRequestFactory()
    forbidden = other_office_api.get(f"/api/requests/{draft.pk}/")
    missing = other_office_api.get(f"/api/requests/{draft.pk + 1000}/")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json()


def test_a_huge_id_is_a_404_not_a_crash(supervisor_api):
    assert supervisor_api.get(f"/api/requests/{2**70}/").status_code == 404


def test_anonymous_users_get_401_on_the_detail(anonymous_api, frozen_now):
    draft = AssistanceRequestFactory()
    assert anonymous_api.get(f"/api/requests/{draft.pk}/").status_code == 401


def test_the_collection_and_detail_refuse_put_and_delete(supervisor_api, frozen_now):
    draft = AssistanceRequestFactory()
    assert supervisor_api.delete(f"/api/requests/{draft.pk}/").status_code == 405
    assert supervisor_api.put(f"/api/requests/{draft.pk}/", {}, format="json").status_code == 405
    assert AssistanceRequest.objects.filter(pk=draft.pk).exists()


# --- edit --------------------------------------------------------------------------------------
def _patch(client, request, **body):
    return client.patch(f"/api/requests/{request.pk}/", body, format="json")


def test_a_prosecutor_edits_a_drafts_contents_with_the_version_they_saw(prosecutor_api,
                                                                        frozen_now):
    draft = AssistanceRequestFactory()
    response = _patch(prosecutor_api, draft, version=1, purpose="New purpose",
                      requested_execution_date="2026-07-01", is_urgent=True,
                      assistance_types=["testimony", "service_of_documents"])
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.purpose == "New purpose"
    assert draft.requested_execution_date == date(2026, 7, 1)
    assert draft.is_urgent is True
    assert draft.assistance_types == ["testimony", "service_of_documents"]
    assert draft.version == 2
    assert response.json()["version"] == 2
    assert response.json()["contents"]["purpose"] == "New purpose"
    log = TransitionLog.objects.get(request=draft, action="update")
    assert log.actor == prosecutor_api.user
    assert log.details["fields"] == ["assistance_types", "is_urgent", "purpose",
                                     "requested_execution_date"]


def test_a_date_can_be_cleared_with_null(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory(requested_execution_date=date(2026, 7, 1))
    assert _patch(prosecutor_api, draft, version=1,
                  requested_execution_date=None).status_code == 200
    draft.refresh_from_db()
    assert draft.requested_execution_date is None


def test_a_stale_version_is_a_409_with_the_current_version(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    assert _patch(prosecutor_api, draft, version=1, purpose="first").status_code == 200
    response = _patch(prosecutor_api, draft, version=1, purpose="second")
    assert response.status_code == 409
    assert response.json()["type"] == "conflict"
    assert response.json()["current_version"] == 2
    draft.refresh_from_db()
    assert draft.purpose == "first"


def test_the_version_is_required(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    response = _patch(prosecutor_api, draft, purpose="x")
    assert response.status_code == 400
    assert "version" in response.json()["errors"]


@pytest.mark.parametrize("version", ["one", 0, -1, None, 2**70])
def test_a_badly_typed_version_is_a_400(prosecutor_api, version, frozen_now):
    draft = AssistanceRequestFactory()
    response = _patch(prosecutor_api, draft, version=version, purpose="x")
    assert response.status_code == 400
    assert "version" in response.json()["errors"]


def test_a_patch_with_nothing_to_change_is_a_400(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    response = _patch(prosecutor_api, draft, version=1)
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.version == 1


@pytest.mark.parametrize("field, value", [("state", "closed"), ("reference", "X"),
                                          ("direction", "incoming"), ("transmitted_at", None),
                                          ("requesting_authority", 1), ("instrument", "kz-br-2018"),
                                          ("id", 5)])
def test_a_patch_never_writes_state_or_other_fields_outside_the_contents(
        prosecutor_api, field, value, frozen_now):
    draft = AssistanceRequestFactory()
    response = _patch(prosecutor_api, draft, version=1, purpose="x", **{field: value})
    assert response.status_code == 400
    assert field in response.json()["errors"]
    draft.refresh_from_db()
    assert (draft.state, draft.version, draft.purpose) == (
        RequestState.DRAFTING, 1, AssistanceRequestFactory.purpose)


def test_contents_of_a_transmitted_request_cannot_change(prosecutor_api, frozen_now):
    sent = AssistanceRequestFactory(state=RequestState.TRANSMITTED)
    response = _patch(prosecutor_api, sent, version=1, purpose="changed")
    assert response.status_code == 400
    assert "purpose" in response.json()["errors"]
    sent.refresh_from_db()
    assert sent.purpose != "changed"


def test_their_reference_may_change_after_transmission(prosecutor_api, frozen_now):
    sent = AssistanceRequestFactory(state=RequestState.TRANSMITTED)
    response = _patch(prosecutor_api, sent, version=1, their_reference="RS-2026-15")
    assert response.status_code == 200
    assert response.json()["their_reference"] == "RS-2026-15"


def test_an_assistance_type_the_instrument_does_not_cover_is_a_422(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    response = _patch(prosecutor_api, draft, version=1, assistance_types=["controlled_delivery"])
    assert response.status_code == 422
    assert response.json()["violations"][0]["field"] == "assistance_types"


@pytest.mark.parametrize("body, field", [
    ({"purpose": 5}, "purpose"),
    ({"channel": "pigeon"}, "channel"),
    ({"signed_and_sealed": "sure"}, "signed_and_sealed"),
    ({"requested_execution_date": "2026-02-30"}, "requested_execution_date"),
    ({"assistance_types": [None]}, "assistance_types"),
])
def test_badly_typed_edits_are_a_400(prosecutor_api, body, field, frozen_now):
    draft = AssistanceRequestFactory()
    response = _patch(prosecutor_api, draft, version=1, **body)
    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize("role", OTHER_SIDE + ["police_clerk_api"])
def test_a_patch_by_someone_who_may_not_see_the_request_is_a_404(role, request, frozen_now):
    draft = AssistanceRequestFactory()
    response = _patch(request.getfixturevalue(role), draft, version=1, purpose="hijacked")
    assert response.status_code == 404
    # Whatever they send, they learn nothing: a bad body is a 404 too.
    assert _patch(request.getfixturevalue(role), draft, state="closed").status_code == 404
    draft.refresh_from_db()
    assert draft.purpose != "hijacked" and draft.version == 1


def test_a_clerk_and_a_supervisor_may_edit_a_draft(clerk_api, supervisor_api, frozen_now):
    draft = AssistanceRequestFactory()
    assert _patch(clerk_api, draft, version=1, purpose="by clerk").status_code == 200
    assert _patch(supervisor_api, draft, version=2, purpose="by supervisor").status_code == 200


def test_anonymous_users_get_401_on_patch(anonymous_api, frozen_now):
    draft = AssistanceRequestFactory()
    assert _patch(anonymous_api, draft, version=1, purpose="x").status_code == 401


def test_every_editable_field_is_accepted_and_nothing_else(prosecutor_api):
    from requests_app.api.requests import RequestCreateInputSerializer
    from requests_app.api.requests import RequestPatchInputSerializer

    assert set(RequestPatchInputSerializer().fields) == EDITABLE_FIELDS | {"version"}
    assert set(RequestCreateInputSerializer().fields) == EDITABLE_FIELDS | {
        "instrument", "requested_authority", "requesting_authority", "instrument_choice_reason"}


def test_times_in_the_detail_are_iso_8601_with_an_offset(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    created = prosecutor_api.get(f"/api/requests/{draft.pk}/").json()["created_at"]
    assert datetime.fromisoformat(created).astimezone(ALMATY) == NOW


@pytest.mark.parametrize("segment", ["abc", "0", "-1", "1.5", "null,null", "%C2%B2", "%00",
                                     str(2**64)])
def test_an_impossible_request_id_is_the_apis_json_404(supervisor_api, segment):
    for method in ("get", "patch"):
        response = getattr(supervisor_api, method)(f"/api/requests/{segment}/", {},
                                                   format="json")
        assert response.status_code == 404
        assert response.json()["type"] == "not_found"
