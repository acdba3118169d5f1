"""Personal-data register API (CZ 10-11, SK 5-6): entries nested under a request, their deletion
and their onward transfers, through the same services as the web app's register forms.

The police agreements' requests belong to the Ministry of Internal Affairs (kz-mvd); the General
Prosecutor's Office clerks see them too (their office is designated for every instrument), its
prosecutors do not. Rules answer 422 with their citation.
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import OnwardTransferConsent
from requests_app.models import PersonalDataTransfer
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from tests.api._support import assert_as_many_queries_for_20_rows_as_for_2
from tests.api._support import only_violation
from tests.api._support import version_of
from tests.factories import answer_params
from tests.factories import clerk
from tests.factories import incoming_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

TODAY = date(2026, 3, 2)
DUE = TODAY + timedelta(days=30)


# role fixture -> expected answer for a request of kz-mvd (None: the endpoint's success code)
ROLES = {
    "police_clerk_api": None,
    "police_prosecutor_api": None,
    "clerk_api": None,  # kz-gpo is designated for every instrument
    "supervisor_api": None,
    "prosecutor_api": 404,  # kz-gpo prosecutors see only their office's requests
    "other_office_api": 404,
    "roleless_api": 404,
    "anonymous_api": 401,
}


def _entry(request, flow="received", deletion_due_on=DUE, **kwargs) -> PersonalDataTransfer:
    return records.personal_data_record(
        actor=clerk(), request_id=request.pk, flow=flow, transferred_on=TODAY,
        purpose="Identify the owner of vehicle 123ABC02", data_categories="Name, date of birth",
        bodies_involved="MVD KZ; Police Presidium", deletion_due_on=deletion_due_on, **kwargs)


def _consent(entry) -> OnwardTransferConsent:
    return records.onward_transfer_record(actor=clerk(), entry_id=entry.pk, recipient="Europol",
                                          consent_reference="PP 77/2026", consent_given_on=TODAY)


def _create_body(**changes) -> dict:
    body = {"flow": "supplied", "transferred_on": "2026-03-02",
            "purpose": "Identify the owner of vehicle 123ABC02",
            "data_categories": "Name, date of birth, address",
            "bodies_involved": "MVD KZ; Police Presidium CZ", "deletion_due_on": "2026-06-30"}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


def _post(client, url: str, request: AssistanceRequest, body: dict, version=None):
    return client.post(url, {"version": version_of(request) if version is None else version,
                             **body}, format="json")


# --- every endpoint x every role ------------------------------------------------------------------
def _scenario(name: str):
    """(method, url, request, body, success code) of one endpoint on a fresh CZ request."""
    request = incoming_request("kz-cz-2017")
    if name == "list":
        _entry(request)
        return "get", f"/api/requests/{request.pk}/personal-data/", request, None, 200
    if name == "create":
        return "post", f"/api/requests/{request.pk}/personal-data/", request, _create_body(), 201
    entry = _entry(request)
    if name == "deletion":
        return ("post", f"/api/personal-data/{entry.pk}/deletion/", request,
                {"deleted_on": "2026-03-02", "reason": "No longer needed"}, 200)
    if name == "onward-list":
        _consent(entry)
        return "get", f"/api/personal-data/{entry.pk}/onward-transfers/", request, None, 200
    assert name == "onward-create"
    return ("post", f"/api/personal-data/{entry.pk}/onward-transfers/", request,
            {"recipient": "Europol", "consent_reference": "PP 77/2026",
             "consent_given_on": "2026-03-02", "onward_transferred_on": "2026-03-02"}, 201)


ENDPOINTS = ("list", "create", "deletion", "onward-list", "onward-create")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_register_endpoints_answer_whoever_sees_the_request_and_nobody_else(
        request, endpoint, role):
    method, url, obj, body, ok = _scenario(endpoint)
    client = request.getfixturevalue(role)
    before = version_of(obj)

    response = client.get(url) if method == "get" else _post(client, url, obj, body)

    expected = ROLES[role] or ok
    assert response.status_code == expected, response.content
    data = response.json()
    if expected == 200 and method == "get":
        assert data["count"] == 1
        assert data["results"][0]["request_version"] == before
    elif expected in {200, 201}:
        assert data["request_version"] == before + 1 == version_of(obj)
    else:
        assert "results" not in data and "id" not in data
        assert data["type"] == ("not_authenticated" if expected == 401 else "not_found")
        assert version_of(obj) == before


@pytest.mark.parametrize("url", ["/api/personal-data/{entry}/deletion/",
                                 "/api/personal-data/{entry}/onward-transfers/"])
def test_another_offices_register_entry_is_not_found_before_its_body_is_read(
        other_office_api, url):
    entry = _entry(incoming_request("kz-cz-2017"))
    missing = other_office_api.post(url.format(entry=999_999), {"bogus": True}, format="json")

    hidden = other_office_api.post(url.format(entry=entry.pk), {"bogus": True}, format="json")

    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


# --- what is recorded -----------------------------------------------------------------------------
def test_data_received_with_a_deletion_term_is_listed_and_opens_a_deletion_deadline(
        police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = _post(police_clerk_api, f"/api/requests/{request.pk}/personal-data/", request,
                     _create_body(flow="received"))

    assert response.status_code == 201
    entry = response.json()
    assert (entry["flow"], entry["deletion_due_on"], entry["deleted_on"],
            entry["onward_transfers"]) == ("received", "2026-06-30", None, 0)
    deadline = Deadline.objects.get(request=request, kind="personal_data_deletion")
    assert (deadline.citation, deadline.status) == ("kz-cz-2017 Art 10.5", DeadlineStatus.OPEN)


def test_cz_deletion_on_the_due_day_meets_the_deadline(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    entry = _entry(request)

    response = _post(police_clerk_api, f"/api/personal-data/{entry.pk}/deletion/", request,
                     {"deleted_on": "2026-03-02", "reason": "Purpose achieved"})

    assert response.status_code == 200
    assert (response.json()["deleted_on"], response.json()["deletion_reason"]) == (
        "2026-03-02", "Purpose achieved")
    assert Deadline.objects.get(request=request,
                                kind="personal_data_deletion").status == DeadlineStatus.MET


def test_deletion_is_recorded_after_the_request_is_closed(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    entry = _entry(request)
    desk = clerk("kz-mvd")
    t.request_record_execution(request_id=request.pk, actor=desk)
    t.request_transition(request_id=request.pk, actor=desk, name="transmit_results",
                         params=answer_params(request))
    t.request_close(request_id=request.pk, actor=desk)

    response = _post(police_clerk_api, f"/api/personal-data/{entry.pk}/deletion/", request,
                     {"deleted_on": "2026-03-02", "reason": "Purpose achieved"})

    assert response.status_code == 200
    assert AssistanceRequest.objects.get(pk=request.pk).state == RequestState.CLOSED


def test_deletion_cannot_be_recorded_twice(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    entry = _entry(request)
    url = f"/api/personal-data/{entry.pk}/deletion/"
    body = {"deleted_on": "2026-03-02", "reason": "Done"}
    assert _post(police_clerk_api, url, request, body).status_code == 200

    again = _post(police_clerk_api, url, request, body)

    assert again.status_code == 400
    assert set(again.json()["errors"]) == {"entry"}


def test_onward_transfers_are_listed_under_their_entry(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    entry = _entry(request)
    _consent(entry)

    listed = police_clerk_api.get(f"/api/personal-data/{entry.pk}/onward-transfers/").json()
    register = police_clerk_api.get(f"/api/requests/{request.pk}/personal-data/").json()

    assert [(c["entry"], c["recipient"], c["consent_reference"]) for c in listed["results"]] == [
        (entry.pk, "Europol", "PP 77/2026")]
    assert register["results"][0]["onward_transfers"] == 1


# --- treaty rules: 422 with the citation ----------------------------------------------------------
def test_cz_data_supplied_without_a_deletion_term_is_blocked_citing_art_10_5(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    before = version_of(request)

    response = _post(police_clerk_api, f"/api/requests/{request.pk}/personal-data/", request,
                     _create_body(deletion_due_on=...))

    violation = only_violation(response)
    assert (violation["rule"], violation["citation"], violation["article"], violation["field"]) == (
        "personal_data", "kz-cz-2017 Art 10.5", "Art 10.5", "deletion_due_on")
    assert not PersonalDataTransfer.objects.exists()
    assert version_of(request) == before


def test_cz_data_supplied_with_a_deletion_term_is_registered(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = _post(police_clerk_api, f"/api/requests/{request.pk}/personal-data/", request,
                     _create_body())

    assert response.status_code == 201
    assert response.json()["deletion_due_on"] == "2026-06-30"


def test_cz_sensitive_data_without_a_justification_are_blocked_citing_art_10_2(
        police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = _post(police_clerk_api, f"/api/requests/{request.pk}/personal-data/", request,
                     _create_body(sensitive=True))

    violation = only_violation(response)
    assert (violation["citation"], violation["field"]) == ("kz-cz-2017 Art 10.2",
                                                           "sensitive_justification")


def test_sk_deletion_without_informing_the_supplier_is_blocked_citing_art_5_6(police_clerk_api):
    request = incoming_request("kz-sk-2007")
    entry = _entry(request)
    before = version_of(request)

    response = _post(police_clerk_api, f"/api/personal-data/{entry.pk}/deletion/", request,
                     {"deleted_on": "2026-03-02", "reason": "No longer needed"})

    violation = only_violation(response)
    assert (violation["citation"], violation["instrument"], violation["article"],
            violation["field"]) == ("kz-sk-2007 Art 5.6", "kz-sk-2007", "Art 5.6",
                                    "supplier_informed_on")
    entry.refresh_from_db()
    assert entry.deleted_on is None
    assert version_of(request) == before


def test_sk_deletion_with_the_supplier_informed_is_recorded(police_clerk_api):
    request = incoming_request("kz-sk-2007")
    entry = _entry(request)

    response = _post(police_clerk_api, f"/api/personal-data/{entry.pk}/deletion/", request,
                     {"deleted_on": "2026-03-02", "reason": "No longer needed",
                      "supplier_informed_on": "2026-03-02"})

    assert response.status_code == 200
    assert response.json()["supplier_informed_on"] == "2026-03-02"


@pytest.mark.parametrize("consent", [{"consent_reference": ""}, {"consent_given_on": None},
                                     {"consent_reference": "   "}])
def test_cz_onward_transfer_without_written_consent_is_blocked_citing_art_11_2(
        police_clerk_api, consent):
    request = incoming_request("kz-cz-2017")
    entry = _entry(request)
    body = {"recipient": "Europol", "consent_reference": "PP 77/2026",
            "consent_given_on": "2026-03-02", **consent}

    response = _post(police_clerk_api, f"/api/personal-data/{entry.pk}/onward-transfers/",
                     request, body)

    violation = only_violation(response)
    assert (violation["citation"], violation["article"]) == ("kz-cz-2017 Art 11.2", "Art 11.2")
    assert not OnwardTransferConsent.objects.exists()


def test_cz_onward_transfer_with_written_consent_is_recorded(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    entry = _entry(request)

    response = _post(police_clerk_api, f"/api/personal-data/{entry.pk}/onward-transfers/",
                     request, {"recipient": "Europol", "consent_reference": "PP 77/2026",
                               "consent_given_on": "2026-03-02"})

    assert response.status_code == 201
    assert OnwardTransferConsent.objects.get().personal_data_id == entry.pk


def test_onward_transfer_before_the_consent_is_blocked(police_clerk_api):
    request = incoming_request("kz-sk-2007")
    entry = _entry(request)

    response = _post(police_clerk_api, f"/api/personal-data/{entry.pk}/onward-transfers/",
                     request, {"recipient": "Europol", "consent_reference": "PP 77/2026",
                               "consent_given_on": "2026-03-02",
                               "onward_transferred_on": "2026-03-01"})

    violation = only_violation(response)
    assert (violation["citation"], violation["field"]) == ("kz-sk-2007 Art 6.2",
                                                           "onward_transferred_on")


# --- concurrency and input ------------------------------------------------------------------------
@pytest.mark.parametrize("endpoint", ["create", "deletion", "onward-create"])
def test_register_write_with_a_stale_version_is_a_conflict(police_clerk_api, endpoint):
    _, url, request, body, _ = _scenario(endpoint)
    seen = version_of(request)
    records.translation_record(actor=clerk("kz-mvd"), request_id=request.pk, language="cs")

    response = _post(police_clerk_api, url, request, body, version=seen)

    assert response.status_code == 409
    assert response.json()["current_version"] == seen + 1 == version_of(request)


@pytest.mark.parametrize(("name", "value"), [
    ("flow", "borrowed"),
    ("flow", None),
    ("transferred_on", "2026/03/02"),
    ("deletion_due_on", "tomorrow"),
    ("sensitive", "yes"),
    ("sensitive", 0),
    ("purpose", ""),
    ("purpose", ["a"]),
    ("data_categories", ...),
    ("version", "v1"),
    ("register", "x"),
])
def test_register_entry_input_is_strict(police_clerk_api, name, value):
    request = incoming_request("kz-cz-2017")
    body = _create_body(**{name: value})
    if name == "version":
        response = police_clerk_api.post(f"/api/requests/{request.pk}/personal-data/",
                                         {**body, "version": value}, format="json")
    else:
        response = _post(police_clerk_api, f"/api/requests/{request.pk}/personal-data/", request,
                         body)

    assert response.status_code == 400, response.content
    assert name in response.json()["errors"]
    assert not PersonalDataTransfer.objects.exists()


def test_deletion_term_before_the_transfer_is_invalid_input(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = _post(police_clerk_api, f"/api/requests/{request.pk}/personal-data/", request,
                     _create_body(deletion_due_on="2026-03-01"))

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"deletion_due_on"}


@pytest.mark.parametrize(("name", "value"), [("recipient", "x" * 301),
                                             ("consent_reference", "x" * 201),
                                             ("consent_given_on", "02/03/2026"),
                                             ("recipient", "")])
def test_onward_transfer_input_is_strict(police_clerk_api, name, value):
    request = incoming_request("kz-cz-2017")
    entry = _entry(request)
    body = {"recipient": "Europol", "consent_reference": "PP 77/2026",
            "consent_given_on": "2026-03-02", name: value}

    response = _post(police_clerk_api, f"/api/personal-data/{entry.pk}/onward-transfers/",
                     request, body)

    assert response.status_code == 400
    assert name in response.json()["errors"]


# --- constant queries -----------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["police_clerk_api", "clerk_api", "supervisor_api"])
def test_register_list_reads_as_many_queries_for_20_entries_as_for_2(request, role):
    small, large = incoming_request("kz-cz-2017"), incoming_request("kz-cz-2017")
    for obj, n in ((small, 2), (large, 20)):
        for _ in range(n):
            _consent(_entry(obj))

    assert_as_many_queries_for_20_rows_as_for_2(
        request.getfixturevalue(role), f"/api/requests/{small.pk}/personal-data/",
        f"/api/requests/{large.pk}/personal-data/")


@pytest.mark.parametrize("role", ["police_clerk_api", "clerk_api", "supervisor_api"])
def test_onward_transfer_list_reads_as_many_queries_for_20_as_for_2(request, role):
    request_ = incoming_request("kz-cz-2017")
    small, large = _entry(request_), _entry(request_)
    for entry, n in ((small, 2), (large, 20)):
        for _ in range(n):
            _consent(entry)

    assert_as_many_queries_for_20_rows_as_for_2(
        request.getfixturevalue(role), f"/api/personal-data/{small.pk}/onward-transfers/",
        f"/api/personal-data/{large.pk}/onward-transfers/")
