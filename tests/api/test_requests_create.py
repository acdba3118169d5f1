"""API: opening a draft (``POST /api/requests/``): who may, in whose name, under which
instrument, and the strict input it takes. Every read goes through
the access function (another office's request answers like a missing one) and every write through
the services; the API never writes ``state``."""

from datetime import date

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import Direction
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from tests.api._support import listed_ids
from tests.factories import authority

pytestmark = pytest.mark.django_db


def _draft_body(**overrides) -> dict:
    body = {"instrument": "kz-rs-2015", "requested_authority": authority("rs-justice").pk,
            "assistance_types": ["testimony"], "purpose": "Hear the witness",
            "channel": "post", "request_language": "en"}
    body.update(overrides)
    return body



# --- create ------------------------------------------------------------------------------------
def test_a_prosecutor_opens_an_outgoing_draft(prosecutor_api, frozen_now):
    response = prosecutor_api.post("/api/requests/", _draft_body(
        offence_description="Fraud", requested_execution_date="2026-06-01",
        officials_wish_to_attend=True), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    draft = AssistanceRequest.objects.get(pk=body["id"])
    assert response["Location"].endswith(f"/api/requests/{draft.pk}/")
    assert (draft.direction, draft.state, draft.instrument.slug) == (
        Direction.OUTGOING, RequestState.DRAFTING, "kz-rs-2015")
    assert draft.requesting_authority.code == "kz-gpo"
    assert draft.created_by == prosecutor_api.user
    assert draft.reference.startswith("OUT-2026-")
    assert draft.requested_execution_date == date(2026, 6, 1)
    assert draft.officials_wish_to_attend is True
    assert body["state"] == "drafting" and body["version"] == 1
    assert body["contents"]["purpose"] == "Hear the witness"
    assert body["contents"]["assistance_types"] == ["testimony"]
    assert TransitionLog.objects.filter(request=draft, action="create").exists()


def test_a_clerk_opens_a_draft_too(clerk_api, frozen_now):
    assert clerk_api.post("/api/requests/", _draft_body(), format="json").status_code == 201


def test_a_supervisor_may_draft_in_another_offices_name(supervisor_api, frozen_now):
    response = supervisor_api.post("/api/requests/", _draft_body(
        requesting_authority=authority("kz-prosecutor-almaty").pk), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["requesting_authority"]["code"] == "kz-prosecutor-almaty"


def test_a_prosecutor_may_not_draft_in_another_offices_name(prosecutor_api, frozen_now):
    response = prosecutor_api.post("/api/requests/", _draft_body(
        requesting_authority=authority("kz-prosecutor-almaty").pk), format="json")
    assert response.status_code == 400
    assert "requesting_authority" in response.json()["errors"]


def test_a_police_clerk_opens_a_czech_police_cooperation_draft(police_clerk_api, frozen_now):
    response = police_clerk_api.post("/api/requests/", _draft_body(
        instrument="kz-cz-2017", requested_authority=authority("cz-police-presidium").pk,
        assistance_types=["information_exchange"]), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["requesting_authority"]["code"] == "kz-mvd"


def test_a_draft_of_another_office_stays_out_of_sight_of_ours(other_office_api, prosecutor_api,
                                                            frozen_now):
    response = other_office_api.post("/api/requests/", _draft_body(), format="json")
    assert response.status_code == 201, response.content
    theirs = response.json()["id"]
    assert response.json()["requesting_authority"]["code"] == "kz-prosecutor-astana"
    assert listed_ids(other_office_api.get("/api/requests/")) == [theirs]
    assert theirs not in listed_ids(prosecutor_api.get("/api/requests/"))
    assert prosecutor_api.get(f"/api/requests/{theirs}/").status_code == 404


def test_a_roleless_user_may_not_open_a_draft(roleless_api, frozen_now):
    response = roleless_api.post("/api/requests/", _draft_body(), format="json")
    assert response.status_code == 403
    assert response.json()["type"] == "forbidden"
    assert not AssistanceRequest.objects.exists()


def test_anonymous_users_get_401_on_create(anonymous_api):
    assert anonymous_api.post("/api/requests/", {}, format="json").status_code == 401


def test_legal_assistance_under_the_czech_police_agreement_is_a_422_citing_art_1_2(
        police_clerk_api, frozen_now):
    response = police_clerk_api.post("/api/requests/", _draft_body(
        instrument="kz-cz-2017", requested_authority=authority("cz-police-presidium").pk,
        assistance_types=["testimony"]), format="json")
    assert response.status_code == 422
    violation = response.json()["violations"][0]
    assert violation["citation"] == "kz-cz-2017 Art 1.2"
    assert violation["field"] == "assistance_types"
    assert not AssistanceRequest.objects.exists()


@pytest.mark.parametrize("requested_authority", [
    pytest.param(lambda: authority("br-justice").pk, id="of_the_wrong_state"),
    pytest.param(lambda: 999999, id="missing"),
])
def test_a_requested_authority_of_the_wrong_state_or_missing_is_a_400(prosecutor_api,
                                                                      requested_authority,
                                                                      frozen_now):
    body = _draft_body(requested_authority=requested_authority())

    response = prosecutor_api.post("/api/requests/", body, format="json")

    assert response.status_code == 400
    assert "requested_authority" in response.json()["errors"]


@pytest.mark.parametrize("field", ["state", "version", "reference", "direction", "created_by",
                                   "transmitted_at", "persons", "bogus"])
def test_fields_the_api_does_not_write_are_refused_on_create(prosecutor_api, field, frozen_now):
    response = prosecutor_api.post("/api/requests/", _draft_body(**{field: "closed"}),
                                   format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not AssistanceRequest.objects.exists()


@pytest.mark.parametrize("overrides, field", [
    ({"instrument": "kz-xx-2000"}, "instrument"),
    ({"instrument": 3}, "instrument"),
    ({"requested_authority": "rs-justice"}, "requested_authority"),
    ({"requested_authority": None}, "requested_authority"),
    ({"requested_authority": 2**70}, "requested_authority"),
    ({"assistance_types": "testimony"}, "assistance_types"),
    ({"assistance_types": [1, 2]}, "assistance_types"),
    ({"purpose": 12}, "purpose"),
    ({"purpose": None}, "purpose"),
    ({"purpose": "nul\x00byte"}, "purpose"),
    ({"channel": "pigeon"}, "channel"),
    ({"request_language": "english"}, "request_language"),
    ({"requested_execution_date": "tomorrow"}, "requested_execution_date"),
    ({"their_reference": "x" * 101}, "their_reference"),
    ({"is_urgent": "perhaps"}, "is_urgent"),
])
def test_badly_typed_input_is_a_400_naming_the_field(prosecutor_api, overrides, field,
                                                     frozen_now):
    response = prosecutor_api.post("/api/requests/", _draft_body(**overrides), format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]


@pytest.mark.parametrize("missing", ["instrument", "requested_authority", "assistance_types"])
def test_required_fields_are_required(prosecutor_api, missing, frozen_now):
    body = _draft_body()
    del body[missing]
    response = prosecutor_api.post("/api/requests/", body, format="json")
    assert response.status_code == 400
    assert missing in response.json()["errors"]


def test_a_body_that_is_not_an_object_is_a_400(prosecutor_api):
    response = prosecutor_api.post("/api/requests/", [1, 2], format="json")
    assert response.status_code == 400
    assert response.json()["type"] == "validation_error"


def test_form_encoded_bodies_are_refused(prosecutor_api):
    response = prosecutor_api.post("/api/requests/", {"instrument": "kz-rs-2015"})
    assert response.status_code == 415


def test_malformed_json_is_a_400(prosecutor_api):
    response = prosecutor_api.post("/api/requests/", "{not json",
                                   content_type="application/json")
    assert response.status_code == 400


def test_a_draft_is_blocked_before_the_instrument_enters_into_force(prosecutor_api, frozen_now):
    from treaties.models import Instrument

    Instrument.objects.filter(slug="kz-rs-2015").update(entered_into_force_on=date(2026, 3, 3))
    response = prosecutor_api.post("/api/requests/", _draft_body(), format="json")
    assert response.status_code == 422
    assert response.json()["violations"][0]["citation"] == "kz-rs-2015 Art 22.2"
