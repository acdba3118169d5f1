"""API: listing, opening, reading and editing requests. Every read goes through the access
function (another office's request answers like a missing one) and every write through the
services; the API never writes ``state``."""

from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import Direction
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.models import Translation
from requests_app.services.requests import EDITABLE_FIELDS
from requests_app.services.requests import person_add
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import incoming_request
from treaties.rules.calendar import ALMATY

from .conftest import NOW

pytestmark = pytest.mark.django_db

OTHER_SIDE = ["other_office_api", "roleless_api"]


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def _draft_body(**overrides) -> dict:
    body = {"instrument": "kz-rs-2015", "requested_authority": authority("rs-justice").pk,
            "assistance_types": ["testimony"], "purpose": "Hear the witness",
            "channel": "post", "request_language": "en"}
    body.update(overrides)
    return body


def _deadline(request, *, due_at, status=DeadlineStatus.OPEN, met_at=None,
              kind="summons_transmission"):
    return Deadline.objects.create(request=request, instrument=request.instrument, kind=kind,
                                   due_at=due_at, citation="kz-rs-2015 Art 8.3",
                                   status=status, met_at=met_at, responsible_side="kazakhstan")


# --- list: who sees what ----------------------------------------------------------------------
def test_a_prosecutor_lists_the_requests_of_their_office(prosecutor_api, frozen_now):
    ours = AssistanceRequestFactory()
    police = AssistanceRequestFactory(instrument_slug="kz-cz-2017")
    ids = _ids(prosecutor_api.get("/api/requests/"))
    assert ours.pk in ids and police.pk not in ids


def test_a_supervisor_lists_every_request(supervisor_api, frozen_now):
    ours = AssistanceRequestFactory()
    police = AssistanceRequestFactory(instrument_slug="kz-cz-2017")
    assert set(_ids(supervisor_api.get("/api/requests/"))) >= {ours.pk, police.pk}


def test_a_police_clerk_lists_police_requests_but_not_the_prosecutors(police_clerk_api,
                                                                      frozen_now):
    ours = AssistanceRequestFactory()
    police = AssistanceRequestFactory(instrument_slug="kz-cz-2017")
    ids = _ids(police_clerk_api.get("/api/requests/"))
    assert police.pk in ids and ours.pk not in ids


def test_a_clerk_lists_the_requests_of_their_office(clerk_api, frozen_now):
    ours = AssistanceRequestFactory()
    assert ours.pk in _ids(clerk_api.get("/api/requests/"))


@pytest.mark.parametrize("role", OTHER_SIDE)
def test_another_office_and_a_roleless_user_get_an_empty_list(role, request, frozen_now):
    AssistanceRequestFactory()
    incoming_request()
    response = request.getfixturevalue(role).get("/api/requests/")
    assert _ids(response) == []
    assert response.json()["count"] == 0


def test_anonymous_users_get_401_on_the_list(anonymous_api):
    assert anonymous_api.get("/api/requests/").status_code == 401


def test_a_list_item_shows_the_request_at_a_glance(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory(their_reference="RS-77")
    item = prosecutor_api.get("/api/requests/").json()["results"][0]
    assert item["id"] == draft.pk
    assert item["reference"] == draft.reference
    assert item["their_reference"] == "RS-77"
    assert (item["direction"], item["state"], item["version"]) == ("outgoing", "drafting", 1)
    assert item["state_label"]
    assert item["instrument"]["slug"] == "kz-rs-2015"
    assert item["instrument"]["url"].endswith("/api/instruments/kz-rs-2015/")
    assert item["requesting_authority"]["code"] == "kz-gpo"
    assert item["requested_authority"] == {
        "id": authority("rs-justice").pk, "code": "rs-justice", "state": "RS",
        "name": authority("rs-justice").name}
    assert item["executing_authority"] is None
    assert item["is_overdue"] is False and item["next_due_at"] is None
    assert item["url"].endswith(f"/api/requests/{draft.pk}/")


# --- list: filters -----------------------------------------------------------------------------
def test_the_list_filters_by_instrument_slug(supervisor_api, frozen_now):
    rs = AssistanceRequestFactory()
    cz = AssistanceRequestFactory(instrument_slug="kz-cz-2017")
    assert _ids(supervisor_api.get("/api/requests/", {"instrument": "kz-cz-2017"})) == [cz.pk]
    assert _ids(supervisor_api.get("/api/requests/", {"instrument": "kz-rs-2015"})) == [rs.pk]


def test_the_list_filters_by_direction_and_state(supervisor_api, frozen_now):
    draft = AssistanceRequestFactory()
    incoming = incoming_request()
    assert _ids(supervisor_api.get("/api/requests/", {"direction": "incoming"})) == [incoming.pk]
    assert _ids(supervisor_api.get("/api/requests/", {"direction": "outgoing"})) == [draft.pk]
    assert _ids(supervisor_api.get("/api/requests/", {"state": "in_execution"})) == [incoming.pk]
    assert _ids(supervisor_api.get("/api/requests/", {"state": "closed"})) == []


def test_the_list_filters_by_an_authority_in_any_role(supervisor_api, frozen_now):
    outgoing = AssistanceRequestFactory()  # kz-gpo requests, rs-justice requested
    incoming = incoming_request("kz-br-2018")  # br-justice requests, kz-gpo executes
    police = AssistanceRequestFactory(instrument_slug="kz-cz-2017")
    assert set(_ids(supervisor_api.get("/api/requests/", {
        "authority": authority("kz-gpo").pk}))) == {outgoing.pk, incoming.pk}
    assert _ids(supervisor_api.get("/api/requests/", {
        "authority": authority("rs-justice").pk})) == [outgoing.pk]
    assert _ids(supervisor_api.get("/api/requests/", {
        "authority": authority("br-justice").pk})) == [incoming.pk]
    assert _ids(supervisor_api.get("/api/requests/", {
        "authority": authority("kz-mvd").pk})) == [police.pk]


def test_the_authority_filter_also_matches_the_executing_authority(supervisor_api, frozen_now):
    forwarded = incoming_request(executing_authority=authority("kz-prosecutor-almaty"))
    assert _ids(supervisor_api.get("/api/requests/", {
        "authority": authority("kz-prosecutor-almaty").pk})) == [forwarded.pk]


def test_the_authority_filter_never_widens_what_you_see(other_office_api, frozen_now):
    AssistanceRequestFactory()
    assert _ids(other_office_api.get("/api/requests/", {
        "authority": authority("kz-gpo").pk})) == []


def test_the_overdue_filter_finds_past_due_and_missed_deadlines(supervisor_api, frozen_now):
    past_due = AssistanceRequestFactory()
    _deadline(past_due, due_at=NOW - timedelta(hours=1))
    missed = AssistanceRequestFactory()
    _deadline(missed, due_at=NOW - timedelta(days=3), status=DeadlineStatus.MISSED)
    missed_then_met = AssistanceRequestFactory()
    _deadline(missed_then_met, due_at=NOW - timedelta(days=3), status=DeadlineStatus.MISSED,
              met_at=NOW - timedelta(days=1))
    in_time = AssistanceRequestFactory()
    _deadline(in_time, due_at=NOW + timedelta(days=1))
    none = AssistanceRequestFactory()
    overdue = set(_ids(supervisor_api.get("/api/requests/", {"overdue": "true"})))
    assert overdue == {past_due.pk, missed.pk}
    not_overdue = set(_ids(supervisor_api.get("/api/requests/", {"overdue": "false"})))
    assert not_overdue == {missed_then_met.pk, in_time.pk, none.pk}
    items = {item["id"]: item for item in
             supervisor_api.get("/api/requests/").json()["results"]}
    assert items[past_due.pk]["is_overdue"] is True
    assert items[in_time.pk]["is_overdue"] is False
    assert items[in_time.pk]["next_due_at"] is not None


def test_the_text_search_looks_in_both_references_and_the_offence(supervisor_api, frozen_now):
    by_ours = AssistanceRequestFactory(reference="OUT-2026-123456")
    by_theirs = AssistanceRequestFactory(their_reference="BEOGRAD-9")
    by_offence = AssistanceRequestFactory(offence_description="Smuggling of cigarettes")
    AssistanceRequestFactory()
    assert _ids(supervisor_api.get("/api/requests/", {"q": "123456"})) == [by_ours.pk]
    assert _ids(supervisor_api.get("/api/requests/", {"q": "beograd"})) == [by_theirs.pk]
    assert _ids(supervisor_api.get("/api/requests/", {"q": "CIGARETTES"})) == [by_offence.pk]


def test_the_list_is_ordered_newest_first_by_default_and_on_request(supervisor_api, frozen_now):
    first = AssistanceRequestFactory(reference="B-2")
    frozen_now.shift(timedelta(minutes=1))
    second = AssistanceRequestFactory(reference="A-1")
    assert _ids(supervisor_api.get("/api/requests/")) == [second.pk, first.pk]
    assert _ids(supervisor_api.get("/api/requests/", {"ordering": "created_at"})) == [
        first.pk, second.pk]
    assert _ids(supervisor_api.get("/api/requests/", {"ordering": "reference"})) == [
        second.pk, first.pk]
    assert _ids(supervisor_api.get("/api/requests/", {"ordering": "-reference"})) == [
        first.pk, second.pk]
    frozen_now.shift(timedelta(minutes=1))
    first.their_reference = "touched"
    first.save()
    assert _ids(supervisor_api.get("/api/requests/", {"ordering": "-updated_at"})) == [
        first.pk, second.pk]


def test_the_list_is_paginated(supervisor_api, frozen_now, monkeypatch):
    from requests_app.api.requests import RequestListCreateApi

    monkeypatch.setattr(RequestListCreateApi.pagination_class, "page_size", 2)
    made = []
    for _ in range(3):
        made.append(AssistanceRequestFactory().pk)
        frozen_now.shift(timedelta(seconds=1))
    first = supervisor_api.get("/api/requests/").json()
    assert first["count"] == 3
    assert first["previous"] is None and first["next"].endswith("page=2")
    second = supervisor_api.get("/api/requests/", {"page": 2}).json()
    assert [item["id"] for item in first["results"] + second["results"]] == made[::-1]


@pytest.mark.parametrize("query, field", [
    ({"state": "lost"}, "state"),
    ({"direction": "sideways"}, "direction"),
    ({"instrument": "kz-xx-2000"}, "instrument"),
    ({"authority": "gpo"}, "authority"),
    ({"authority": "0"}, "authority"),
    ({"authority": str(2**64)}, "authority"),
    ({"overdue": "maybe"}, "overdue"),
    ({"ordering": "state"}, "ordering"),
    ({"ordering": "password"}, "ordering"),
    ({"q": "x" * 201}, "q"),
    ({"q": "a\x00b"}, "q"),
    ({"stage": "drafting"}, "stage"),
])
def test_bad_list_filters_are_a_400_naming_the_parameter(prosecutor_api, query, field):
    response = prosecutor_api.get("/api/requests/", query)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_page_past_the_end_is_a_404_not_a_crash(prosecutor_api, frozen_now):
    AssistanceRequestFactory()
    assert prosecutor_api.get("/api/requests/", {"page": "9"}).status_code == 404
    assert prosecutor_api.get("/api/requests/", {"page": "abc"}).status_code == 404


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/requests/").status_code == 200
    return len(queries)


def test_the_list_costs_the_same_number_of_queries_for_2_and_20_requests(supervisor_api,
                                                                          frozen_now):
    def make(n):
        for i in range(n):
            request = (incoming_request(executing_authority=authority("kz-prosecutor-almaty"))
                       if i % 2 else AssistanceRequestFactory())
            _deadline(request, due_at=NOW + timedelta(days=i + 1))
    make(2)
    supervisor_api.get("/api/requests/")
    two = _list_queries(supervisor_api)
    make(18)
    twenty = _list_queries(supervisor_api)
    assert supervisor_api.get("/api/requests/").json()["count"] == 20
    assert two == twenty


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
    assert _ids(other_office_api.get("/api/requests/")) == [theirs]
    assert theirs not in _ids(prosecutor_api.get("/api/requests/"))
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


def test_a_requested_authority_of_the_wrong_state_is_a_400(prosecutor_api, frozen_now):
    response = prosecutor_api.post("/api/requests/", _draft_body(
        requested_authority=authority("br-justice").pk), format="json")
    assert response.status_code == 400
    assert "requested_authority" in response.json()["errors"]


def test_a_missing_requested_authority_is_a_400(prosecutor_api, frozen_now):
    response = prosecutor_api.post("/api/requests/", _draft_body(requested_authority=999999),
                                   format="json")
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
        "instrument", "requested_authority", "requesting_authority"}


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
