"""Records API: persons, handed-over items, consultations, decisions, translations, originals,
proofs of service and detainee transfers, nested under a request.

Every endpoint is walked by every role: clerks, prosecutors (where the service lets them),
supervisors, another office and a user without a role (404, never data) and an anonymous caller
(401). Treaty rules answer 422 with their citation, a stale version 409, bad input 400; lists cost
the same number of queries for 2 rows as for 20.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import AssistanceRequest
from requests_app.models import Consultation
from requests_app.models import Decision
from requests_app.models import DetaineeTransfer
from requests_app.models import HandedOverItem
from requests_app.models import OriginalDocument
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.models import ServiceProof
from requests_app.services import records
from requests_app.services import transitions as t
from tests.factories import clerk
from tests.factories import detained_person
from tests.factories import incoming_request
from tests.factories import summoned_person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

TODAY = date(2026, 3, 2)
RS_SECURITY = "refusal_sovereignty_security_public_order"
ROLES = ("clerk_api", "prosecutor_api", "supervisor_api", "other_office_api", "roleless_api",
         "anonymous_api")


def _iso(day: date) -> str:
    return day.isoformat()


def _version(request: AssistanceRequest) -> int:
    return AssistanceRequest.objects.values_list("version", flat=True).get(pk=request.pk)


# --- scenarios: a request visible to kz-gpo and the rows an endpoint needs --------------------------
@dataclass
class Case:
    url: str
    request: AssistanceRequest
    body: dict = field(default_factory=dict)


def _rs(state=RequestState.IN_EXECUTION) -> AssistanceRequest:
    return incoming_request("kz-rs-2015", state=state)


def _rs_with_transfer(return_due_on=TODAY + timedelta(days=90)):
    request = _rs()
    person = detained_person(request)
    transfer = records.transfer_record(actor=clerk(), request_id=request.pk, person_id=person.pk,
                                       transferred_on=TODAY, return_due_on=return_due_on)
    return request, transfer


def _br_with_transfer():
    request = incoming_request("kz-br-2018")
    person = detained_person(request)
    transfer = records.transfer_record(
        actor=clerk(), request_id=request.pk, person_id=person.pk, transferred_on=TODAY,
        release_date=TODAY + timedelta(days=200), person_consented=True)
    return request, transfer


def _item(request) -> HandedOverItem:
    return records.item_record(actor=clerk(), request_id=request.pk,
                               description="Bank statements, 12 pages", holder="kazakhstan",
                               handed_over_on=TODAY)


def _consultation(request, subject="refusal") -> Consultation:
    return records.consultation_record(actor=clerk(), request_id=request.pk, subject=subject,
                                       held_on=TODAY, counterpart="Serbian MoJ, Ms Petrović",
                                       summary="Discussed the grounds")


def _original(request) -> OriginalDocument:
    return records.original_record(actor=clerk(), request_id=request.pk, asked_for_on=TODAY)


def _refused(request) -> AssistanceRequest:
    _consultation(request)
    return t.request_refuse(request_id=request.pk, actor=clerk(), ground=RS_SECURITY,
                            reasons="Would prejudice national security")


def persons_list():
    request = _rs()
    summoned_person(request, TODAY + timedelta(days=100))
    return Case(f"/api/requests/{request.pk}/persons/", request)


def persons_create():
    request = _rs()
    return Case(f"/api/requests/{request.pk}/persons/", request,
                {"role": "to_hear", "full_name": "Jovan Jovanović", "nationality": "Serbian",
                 "appearance_date": _iso(TODAY + timedelta(days=90))})


def appearance_date():
    request = _rs()
    person = summoned_person(request, TODAY + timedelta(days=100))
    return Case(f"/api/requests/{request.pk}/persons/{person.pk}/appearance-date/", request,
                {"appearance_date": _iso(TODAY + timedelta(days=120))})


def items_list():
    request = _rs()
    _item(request)
    return Case(f"/api/requests/{request.pk}/items/", request)


def items_create():
    request = _rs()
    return Case(f"/api/requests/{request.pk}/items/", request,
                {"description": "Laptop, serial 123", "holder": "other_side",
                 "handed_over_on": _iso(TODAY)})


def item_returned():
    request = _rs()
    item = _item(request)
    return Case(f"/api/items/{item.pk}/returned/", request, {"returned_on": _iso(TODAY)})


def item_waive():
    request = _rs()
    item = _item(request)
    return Case(f"/api/items/{item.pk}/waive/", request,
                {"waived_on": _iso(TODAY), "waiver_reference": "RS MoJ letter 12/2026"})


def consultations_list():
    request = _rs()
    _consultation(request)
    return Case(f"/api/requests/{request.pk}/consultations/", request)


def consultations_create():
    request = _rs()
    return Case(f"/api/requests/{request.pk}/consultations/", request,
                {"subject": "conditions", "held_on": _iso(TODAY), "counterpart": "RS MoJ",
                 "summary": "Partial execution discussed", "channel": "electronic"})


def decisions_list():
    request = _refused(_rs())
    return Case(f"/api/requests/{request.pk}/decisions/", request)


def decisions_create():
    request = _rs()
    return Case(f"/api/requests/{request.pk}/decisions/", request,
                {"kind": "partial_or_conditional_considered", "decided_on": _iso(TODAY),
                 "reasons": "The witness cannot be heard in part"})


def translations_list():
    request = _rs()
    records.translation_record(actor=clerk(), request_id=request.pk, language="sr",
                               completed_on=TODAY)
    return Case(f"/api/requests/{request.pk}/translations/", request)


def translations_create():
    request = _rs()
    return Case(f"/api/requests/{request.pk}/translations/", request,
                {"language": "SR", "translated_by": "Court interpreter",
                 "completed_on": _iso(TODAY)})


def originals_list():
    request = _rs()
    _original(request)
    return Case(f"/api/requests/{request.pk}/originals/", request)


def originals_create():
    request = _rs()
    return Case(f"/api/requests/{request.pk}/originals/", request,
                {"dispatched_on": _iso(TODAY), "dispatch_channel": "post",
                 "tracking_number": "RR123456789KZ"})


def original_update():
    request = _rs()
    original = _original(request)
    return Case(f"/api/originals/{original.pk}/", request, {"received_on": _iso(TODAY)})


def service_proofs_list():
    request = _rs()
    person = summoned_person(request, TODAY + timedelta(days=100))
    records.service_proof_record(actor=clerk(), request_id=request.pk, person_id=person.pk,
                                 not_served_reason="Unknown at the address")
    return Case(f"/api/requests/{request.pk}/service-proofs/", request)


def service_proofs_create():
    request = _rs()
    person = summoned_person(request, TODAY + timedelta(days=100))
    return Case(f"/api/requests/{request.pk}/service-proofs/", request,
                {"person": person.pk, "served_at": "2026-03-01T15:30", "place": "Almaty",
                 "manner": "in person", "received_by": "the person", "signed_and_sealed": True})


def transfers_list():
    request, _ = _rs_with_transfer()
    return Case(f"/api/requests/{request.pk}/transfers/", request)


def transfers_create():
    request = _rs()
    person = detained_person(request)
    return Case(f"/api/requests/{request.pk}/transfers/", request,
                {"person": person.pk, "transferred_on": _iso(TODAY),
                 "return_due_on": _iso(TODAY + timedelta(days=60))})


def transfer_extend():
    request, transfer = _rs_with_transfer()
    return Case(f"/api/transfers/{transfer.pk}/extend/", request,
                {"return_due_on": _iso(TODAY + timedelta(days=150))})


def transfer_returned():
    request, transfer = _rs_with_transfer()
    return Case(f"/api/transfers/{transfer.pk}/returned/", request, {"returned_on": _iso(TODAY)})


def transfer_release_date():
    request, transfer = _br_with_transfer()
    return Case(f"/api/transfers/{transfer.pk}/release-date/", request,
                {"release_date": _iso(TODAY + timedelta(days=150))})


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    scenario: Callable[[], Case]
    ok: int = 200
    clerks_only: bool = False

    def __str__(self) -> str:
        return self.name


LISTS = (
    Endpoint("persons", "get", persons_list),
    Endpoint("items", "get", items_list),
    Endpoint("consultations", "get", consultations_list),
    Endpoint("decisions", "get", decisions_list),
    Endpoint("translations", "get", translations_list),
    Endpoint("originals", "get", originals_list),
    Endpoint("service-proofs", "get", service_proofs_list),
    Endpoint("transfers", "get", transfers_list),
)
WRITES = (
    Endpoint("persons-create", "post", persons_create, 201),
    Endpoint("appearance-date", "post", appearance_date),
    Endpoint("items-create", "post", items_create, 201),
    Endpoint("item-returned", "post", item_returned),
    Endpoint("item-waive", "post", item_waive),
    Endpoint("consultations-create", "post", consultations_create, 201),
    Endpoint("decisions-create", "post", decisions_create, 201, clerks_only=True),
    Endpoint("translations-create", "post", translations_create, 201),
    Endpoint("originals-create", "post", originals_create, 201, clerks_only=True),
    Endpoint("original-update", "patch", original_update, clerks_only=True),
    Endpoint("service-proofs-create", "post", service_proofs_create, 201),
    Endpoint("transfers-create", "post", transfers_create, 201, clerks_only=True),
    Endpoint("transfer-extend", "post", transfer_extend, clerks_only=True),
    Endpoint("transfer-returned", "post", transfer_returned, clerks_only=True),
    Endpoint("transfer-release-date", "post", transfer_release_date, clerks_only=True),
)


def _expected(endpoint: Endpoint, role: str) -> int:
    if role == "anonymous_api":
        return 401
    if role in {"other_office_api", "roleless_api"}:
        return 404
    if role == "prosecutor_api" and endpoint.clerks_only:
        return 403
    return endpoint.ok


def _send(client, method: str, url: str, body: dict | None = None):
    if method == "get":
        return client.get(url)
    return getattr(client, method)(url, body, format="json")


def _write(client, case: Case, method: str = "post", **changes):
    body = {"version": _version(case.request), **case.body, **changes}
    return _send(client, method, case.url, {k: v for k, v in body.items() if v is not ...})


# --- every endpoint x every role ------------------------------------------------------------------
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", LISTS, ids=str)
def test_list_answers_everyone_who_sees_the_request_and_nobody_else(request, endpoint, role):
    case = endpoint.scenario()
    client = request.getfixturevalue(role)

    response = client.get(case.url)

    assert response.status_code == _expected(endpoint, role), response.content
    body = response.json()
    if response.status_code == 200:
        assert body["count"] == 1
        assert body["results"][0]["request_version"] == _version(case.request)
    else:
        assert "results" not in body
        assert body["type"] == ("not_authenticated" if role == "anonymous_api" else "not_found")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", WRITES, ids=str)
def test_write_is_allowed_to_the_roles_the_service_allows_and_hidden_from_others(
        request, endpoint, role):
    case = endpoint.scenario()
    client = request.getfixturevalue(role)
    before = _version(case.request)

    response = _write(client, case, endpoint.method)

    expected = _expected(endpoint, role)
    assert response.status_code == expected, response.content
    body = response.json()
    if expected in {200, 201}:
        assert body["request_version"] == before + 1 == _version(case.request)
        assert body["id"]
    else:
        assert _version(case.request) == before
        assert set(body) >= {"type", "detail"} and "id" not in body
        assert body["type"] == {401: "not_authenticated", 403: "forbidden",
                                404: "not_found"}[expected]


def test_other_office_gets_exactly_the_answer_of_a_missing_request(other_office_api):
    case = items_list()
    missing = other_office_api.get("/api/requests/999999/items/")

    hidden = other_office_api.get(case.url)

    assert (hidden.status_code, hidden.json()) == (missing.status_code, missing.json())


@pytest.mark.parametrize("url", ["/api/items/{item}/returned/", "/api/items/{item}/waive/"])
def test_another_offices_item_is_not_found_before_its_body_is_even_read(other_office_api, url):
    case = item_returned()
    item = HandedOverItem.objects.get(request=case.request)

    response = other_office_api.post(url.format(item=item.pk), {"bogus": 1}, format="json")

    assert response.status_code == 404
    assert response.json()["errors"] == {}


@pytest.mark.parametrize("url", [
    "/api/items/999999/returned/", "/api/items/99999999999999999999/waive/",
    "/api/transfers/999999/extend/", "/api/originals/999999/",
    "/api/requests/99999999999999999999/items/",
])
def test_missing_or_oversized_ids_are_not_found(clerk_api, url):
    method = "patch" if url.startswith("/api/originals/") else "post"

    response = getattr(clerk_api, method)(url, {"version": 1}, format="json")

    assert response.status_code == 404


def test_a_person_of_another_request_is_not_found_under_this_one(clerk_api):
    case = appearance_date()
    other = _rs()
    person = RequestPerson.objects.get(request=case.request)

    response = clerk_api.post(f"/api/requests/{other.pk}/persons/{person.pk}/appearance-date/",
                              {"version": _version(other), "appearance_date": "2026-07-01"},
                              format="json")

    assert response.status_code == 404


# --- what the writes record -----------------------------------------------------------------------
def test_person_added_is_listed_with_its_appearance_date(clerk_api):
    case = persons_create()

    created = _write(clerk_api, case)

    assert created.status_code == 201
    listed = clerk_api.get(case.url).json()["results"]
    assert [(p["full_name"], p["role"], p["appearance_date"]) for p in listed] == [
        ("Jovan Jovanović", "to_hear", "2026-05-31")]


def test_appearance_date_may_be_cleared_with_null(prosecutor_api):
    case = appearance_date()

    response = _write(prosecutor_api, case, appearance_date=None)

    assert response.status_code == 200
    assert response.json()["appearance_date"] is None
    assert RequestPerson.objects.get(request=case.request).appearance_date is None


def test_appearance_date_in_the_past_is_invalid_input(clerk_api):
    response = _write(clerk_api, appearance_date(), appearance_date="2026-03-01")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"appearance_date"}


def test_item_returned_then_cannot_be_waived(clerk_api):
    case = item_returned()
    item = HandedOverItem.objects.get(request=case.request)

    assert _write(clerk_api, case).json()["return_status"] == "returned"
    again = clerk_api.post(f"/api/items/{item.pk}/waive/",
                           {"version": _version(case.request), "waived_on": "2026-03-02",
                            "waiver_reference": "x"}, format="json")

    assert again.status_code == 400
    assert set(again.json()["errors"]) == {"item"}


def test_item_return_before_the_hand_over_names_the_date_field(clerk_api):
    response = _write(clerk_api, item_returned(), returned_on="2026-03-01")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"returned_on"}


def test_consultation_in_the_future_is_invalid_input(clerk_api):
    response = _write(clerk_api, consultations_create(), held_on="2026-03-03")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"held_on"}


def test_refusal_is_listed_with_its_ground_code_citation_and_reasons(prosecutor_api):
    case = decisions_list()

    decision = prosecutor_api.get(case.url).json()["results"][0]

    assert decision["kind"] == "refusal"
    assert decision["ground"] == RS_SECURITY
    assert decision["ground_citation"] == "kz-rs-2015 Art 5.2(b)"
    assert decision["ground_summary"]
    assert decision["reasons"] == "Would prejudice national security"


def test_partial_or_conditional_considered_is_recorded_citing_rs_art_6_3(clerk_api):
    case = decisions_create()

    response = _write(clerk_api, case)

    assert response.status_code == 201
    body = response.json()
    assert (body["kind"], body["citation"], body["ground"], body["ground_citation"]) == (
        "partial_or_conditional_considered", "kz-rs-2015 Art 6.3", "", "")


@pytest.mark.parametrize("kind", ["refusal", "deferral", "conditions", ""])
def test_refusal_deferral_and_conditions_are_not_recorded_here(clerk_api, kind):
    case = decisions_create()

    response = _write(clerk_api, case, kind=kind)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"kind"}
    assert not Decision.objects.filter(request=case.request).exists()


def test_translation_language_is_stored_lower_case_with_the_default_document(clerk_api):
    response = _write(clerk_api, translations_create())

    assert response.status_code == 201
    assert (response.json()["language"], response.json()["document"]) == ("sr", "request")


def test_original_update_changes_only_the_fields_sent(clerk_api):
    case = original_update()

    response = _write(clerk_api, case, "patch", tracking_number="RR1KZ")

    assert response.status_code == 200
    original = OriginalDocument.objects.get(request=case.request)
    assert (original.asked_for_on, original.received_on, original.tracking_number) == (
        TODAY, TODAY, "RR1KZ")


def test_original_update_with_nothing_to_change_is_invalid_input(clerk_api):
    case = original_update()
    before = _version(case.request)

    response = clerk_api.patch(case.url, {"version": before}, format="json")

    assert response.status_code == 400
    assert _version(case.request) == before


def test_original_dispatched_without_saying_how_is_invalid_input(clerk_api):
    response = _write(clerk_api, originals_create(), dispatch_channel=...)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"dispatch_channel"}


def test_service_proof_time_without_an_offset_is_almaty_time(clerk_api):
    case = service_proofs_create()

    response = _write(clerk_api, case)

    assert response.status_code == 201
    assert response.json()["served_at"] == "2026-03-01T15:30:00+05:00"
    assert response.json()["person_name"] == "Petar Petrović"


def test_service_proof_needs_a_time_or_the_reason_it_was_not_served(clerk_api):
    response = _write(clerk_api, service_proofs_create(), served_at=...)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"served_at"}


def test_service_proof_for_a_person_of_another_request_is_invalid_input(clerk_api):
    stranger = summoned_person(_rs(), TODAY + timedelta(days=100))

    response = _write(clerk_api, service_proofs_create(), person=stranger.pk)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"person"}


def test_br_release_date_moves_the_return_term(clerk_api):
    case = transfer_release_date()

    body = _write(clerk_api, case).json()

    assert (body["release_date"], body["return_due_on"]) == ("2026-07-30", "2026-07-30")


def test_rs_transfer_has_no_release_date_to_change(clerk_api):
    request, transfer = _rs_with_transfer()

    response = clerk_api.post(f"/api/transfers/{transfer.pk}/release-date/",
                              {"version": _version(request), "release_date": "2026-07-01"},
                              format="json")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"release_date"}


# --- treaty rules: 422 with the citation ----------------------------------------------------------
def _only_violation(response) -> dict:
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["type"] == "rule_violation"
    assert len(body["violations"]) == 1, body["violations"]
    return body["violations"][0]


def test_rs_transfer_for_more_than_six_months_is_blocked_citing_art_11_1(clerk_api):
    case = transfers_create()
    before = _version(case.request)

    response = _write(clerk_api, case, return_due_on="2026-09-03")

    violation = _only_violation(response)
    assert (violation["citation"], violation["instrument"], violation["article"],
            violation["field"]) == ("kz-rs-2015 Art 11.1", "kz-rs-2015", "Art 11.1",
                                    "return_due_on")
    assert violation["message"]
    assert not DetaineeTransfer.objects.filter(request=case.request).exists()
    assert _version(case.request) == before


def test_rs_transfer_for_exactly_six_months_is_recorded(clerk_api):
    response = _write(clerk_api, transfers_create(), return_due_on="2026-09-02")

    assert response.status_code == 201
    assert response.json()["return_due_on"] == "2026-09-02"


def test_rs_transfer_may_not_be_extended_twice_citing_art_11_1(clerk_api):
    case = transfer_extend()
    assert _write(clerk_api, case).status_code == 200

    response = _write(clerk_api, case, return_due_on="2026-09-01")

    violation = _only_violation(response)
    assert (violation["citation"], violation["field"]) == ("kz-rs-2015 Art 11.1",
                                                           "extension_count")


def test_br_transfer_without_the_persons_consent_is_blocked_citing_art_9_1(clerk_api):
    request = incoming_request("kz-br-2018")
    person = detained_person(request)
    case = Case(f"/api/requests/{request.pk}/transfers/", request,
                {"person": person.pk, "transferred_on": "2026-03-02",
                 "release_date": "2026-09-30"})

    violation = _only_violation(_write(clerk_api, case))

    assert (violation["citation"], violation["article"]) == ("kz-br-2018 Art 9.1", "Art 9.1")
    assert not DetaineeTransfer.objects.filter(request=request).exists()


def test_br_transfer_with_the_persons_consent_is_due_back_by_the_release_date(clerk_api):
    request = incoming_request("kz-br-2018")
    person = detained_person(request)
    case = Case(f"/api/requests/{request.pk}/transfers/", request,
                {"person": person.pk, "transferred_on": "2026-03-02",
                 "release_date": "2026-09-30", "person_consented": True})

    response = _write(clerk_api, case)

    assert response.status_code == 201
    assert response.json()["return_due_on"] == "2026-09-30"


def test_transfer_under_a_police_agreement_is_blocked_with_the_scope_article(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    person = detained_person(request)
    case = Case(f"/api/requests/{request.pk}/transfers/", request,
                {"person": person.pk, "transferred_on": "2026-03-02",
                 "return_due_on": "2026-04-02"})

    violation = _only_violation(_write(police_clerk_api, case))

    assert violation["instrument"] == "kz-cz-2017"
    assert violation["rule"] == "detainee_transfer_not_provided"


# --- concurrency ----------------------------------------------------------------------------------
@pytest.mark.parametrize("endpoint", WRITES, ids=str)
def test_write_with_a_stale_version_is_a_conflict_and_changes_nothing(clerk_api, endpoint):
    case = endpoint.scenario()
    seen = _version(case.request)
    # Someone else records something on the request meanwhile.
    records.translation_record(actor=clerk(), request_id=case.request.pk, language="en")
    current = _version(case.request)

    response = _write(clerk_api, case, endpoint.method, version=seen)

    assert response.status_code == 409, response.content
    assert response.json()["type"] == "conflict"
    assert response.json()["current_version"] == current
    assert _version(case.request) == current


def test_two_clients_with_the_same_version_one_wins_the_other_gets_409(clerk_api,
                                                                      supervisor_api):
    case = items_create()
    version = _version(case.request)

    first = _write(clerk_api, case, version=version)
    second = _write(supervisor_api, case, version=version, description="Phone")

    assert (first.status_code, second.status_code) == (201, 409)
    assert second.json()["current_version"] == first.json()["request_version"]
    assert HandedOverItem.objects.filter(request=case.request).count() == 1


def test_closed_request_takes_no_new_records(clerk_api):
    request = _rs(state=RequestState.CLOSED)
    case = Case(f"/api/requests/{request.pk}/items/", request, items_create().body)

    response = _write(clerk_api, case)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"state"}


# --- strict input ---------------------------------------------------------------------------------
BAD_INPUT = [
    ("version", ...),
    ("version", "abc"),
    ("version", True),
    ("version", 1.5),
    ("version", "1.0"),
    ("version", None),
    ("version", 0),
    ("version", 2**63),  # MAX_ID + 1: ids and versions are 64-bit
    ("version", [1]),
    ("handed_over_on", "02.03.2026"),
    ("handed_over_on", "2026-02-30"),
    ("handed_over_on", 20260302),
    ("handed_over_on", "2026-03-02T10:00"),
    ("handed_over_on", "9999-12-31"),
    ("handed_over_on", "0001-01-01"),
    ("handed_over_on", None),
    ("holder", "nobody"),
    ("holder", 1),
    ("holder", ["kazakhstan"]),
    ("description", 12),
    ("description", ""),
    ("description", {"text": "x"}),
    ("description", "nul\x00byte"),
    ("colour", "blue"),
    ("status", "returned"),
]


@pytest.mark.parametrize(("name", "value"), BAD_INPUT, ids=repr)
def test_bad_input_is_a_400_naming_the_field(clerk_api, name, value):
    case = items_create()

    response = _write(clerk_api, case, **{name: value})

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["type"] == "validation_error"
    assert name in body["errors"]
    assert not HandedOverItem.objects.filter(request=case.request).exists()


@pytest.mark.parametrize("payload", [[], "text", 3, None])
def test_a_body_that_is_not_an_object_is_a_400(clerk_api, payload):
    case = items_create()

    response = clerk_api.post(case.url, payload, format="json")

    assert response.status_code == 400


def test_malformed_json_is_a_400(clerk_api):
    case = items_create()

    response = clerk_api.post(case.url, "{not json", content_type="application/json")

    assert response.status_code == 400


@pytest.mark.parametrize(("endpoint", "name", "value"), [
    ("persons", "full_name", "x" * 301),
    ("persons", "role", "witness"),
    ("persons", "birth_date", "1899-12-31"),
    ("transfers", "person", 2**63),
    ("transfers", "person", "7a"),
    ("transfers", "person_consented", "yes"),
    ("transfers", "person_consented", 1),
    ("service-proofs", "served_at", "yesterday"),
    ("service-proofs", "served_at", "9999-12-31T23:59:59-12:00"),
    ("service-proofs", "signed_and_sealed", "maybe"),
    ("translations", "language", "serbian"),
    ("translations", "language", "s1"),
    ("consultations", "subject", "weather"),
    ("consultations", "channel", "pigeon"),
    ("originals", "dispatch_channel", "telepathy"),
    ("originals", "tracking_number", "x" * 101),
    ("decisions", "decided_on", "soon"),
])
def test_strict_types_enums_and_limits_on_every_input(clerk_api, endpoint, name, value):
    scenario = {"persons": persons_create, "transfers": transfers_create,
                "service-proofs": service_proofs_create, "translations": translations_create,
                "consultations": consultations_create, "originals": originals_create,
                "decisions": decisions_create}[endpoint]

    response = _write(clerk_api, scenario(), **{name: value})

    assert response.status_code == 400, response.content
    assert name in response.json()["errors"]


def test_form_encoded_posts_are_read_with_the_same_rules(clerk_api):
    case = items_create()

    response = clerk_api.post(case.url, {"version": str(_version(case.request)),
                                         "description": "Phone", "holder": "kazakhstan",
                                         "handed_over_on": "2026-03-02"})

    assert response.status_code == 201


@pytest.mark.parametrize("page", ["abc", "999", "-1"])
def test_an_invalid_page_is_not_found_not_an_error(clerk_api, page):
    case = items_list()

    response = clerk_api.get(case.url, {"page": page})

    assert response.status_code == 404


# --- constant queries on the lists ----------------------------------------------------------------
def _fill(name: str, request: AssistanceRequest, n: int) -> None:
    desk = clerk()
    for i in range(n):
        if name == "persons":
            summoned_person(request, TODAY + timedelta(days=100 + i))
        elif name == "items":
            _item(request)
        elif name == "consultations":
            _consultation(request, subject="other")
        elif name == "decisions":
            records.decision_record_partial_or_conditional_considered(
                actor=desk, request_id=request.pk, reasons=f"Reason {i}", decided_on=TODAY)
        elif name == "translations":
            records.translation_record(actor=desk, request_id=request.pk, language="en")
        elif name == "originals":
            _original(request)
        elif name == "service-proofs":
            person = summoned_person(request, TODAY + timedelta(days=100))
            records.service_proof_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                         not_served_reason="Moved away")
        elif name == "transfers":
            person = detained_person(request)
            records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                    transferred_on=TODAY, return_due_on=TODAY + timedelta(days=30))


def _queries(client, url: str, expected_count: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.json()["count"] == expected_count
    return len(queries)


@pytest.mark.parametrize("role", ["clerk_api", "prosecutor_api", "supervisor_api"])
@pytest.mark.parametrize("name", [e.name for e in LISTS])
def test_list_reads_as_many_queries_for_20_rows_as_for_2(request, name, role):
    client = request.getfixturevalue(role)
    small, large = _rs(), _rs()
    _fill(name, small, 2)
    _fill(name, large, 20)
    client.get(f"/api/requests/{small.pk}/{name}/")  # warm the per-process caches

    assert (_queries(client, f"/api/requests/{small.pk}/{name}/", 2)
            == _queries(client, f"/api/requests/{large.pk}/{name}/", 20))


def test_lists_come_in_the_order_they_were_recorded(clerk_api):
    request = _rs()
    _fill("items", request, 3)

    results = clerk_api.get(f"/api/requests/{request.pk}/items/").json()["results"]

    assert [r["id"] for r in results] == sorted(
        HandedOverItem.objects.filter(request=request).values_list("id", flat=True))


def test_service_proof_without_a_person_lists_no_person(clerk_api):
    request = _rs()
    records.service_proof_record(actor=clerk(), request_id=request.pk,
                                 not_served_reason="No such address")

    proof = clerk_api.get(f"/api/requests/{request.pk}/service-proofs/").json()["results"][0]

    assert (proof["person"], proof["person_name"]) == (None, None)
    assert ServiceProof.objects.filter(request=request).count() == 1
