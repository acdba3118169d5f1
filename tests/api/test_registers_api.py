"""Registers API: use conditions, consents and uses on a request (BR 5.2 refusal answers 422 with
its citation), onward transfers of material, costs, personal-data notices and reports, the
spontaneous-information register by state (clerks and supervisors only) and counterpart
notices."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import MaterialUse
from requests_app.services import records
from requests_app.services import registers
from tests.api._support import assert_as_many_queries_for_20_rows_as_for_2
from tests.api._support import only_violation
from tests.api._support import version_of
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

TODAY = date(2026, 3, 2)


def _br(state="transmitted") -> AssistanceRequest:
    return AssistanceRequestFactory(instrument_slug="kz-br-2018", state=state)


def _post(client, url, request, body):
    return client.post(url, {"version": version_of(request), **body}, format="json")


def test_br_use_for_other_proceedings_without_consent_answers_422_citing_art_5_2(clerk_api):
    request = _br()
    before = version_of(request)

    response = _post(clerk_api, f"/api/requests/{request.pk}/material-uses/", request,
                     {"kind": "other_proceedings", "description": "Case 2026-0042",
                      "used_on": "2026-03-02"})

    assert response.status_code == 422
    violation = only_violation(response)
    assert (violation["article"], violation["field"]) == ("Art 5.2", "consent")
    assert version_of(request) == before
    assert not MaterialUse.objects.exists()


def test_br_use_with_a_consent_given_is_recorded_and_listed_with_its_citation(clerk_api):
    request = _br()
    consent = _post(clerk_api, f"/api/requests/{request.pk}/use-consents/", request,
                    {"scope": "Use in case 2026-0042", "asked_on": "2026-02-20",
                     "status": "given", "answered_on": "2026-03-01", "in_writing": True,
                     "reference": "MJ 12"})
    assert consent.status_code == 201, consent.json()

    created = _post(clerk_api, f"/api/requests/{request.pk}/material-uses/", request,
                    {"kind": "other_proceedings", "description": "Case 2026-0042",
                     "used_on": "2026-03-02", "consent": consent.json()["id"]})

    assert created.status_code == 201, created.json()
    listed = clerk_api.get(f"/api/requests/{request.pk}/material-uses/").json()["results"]
    assert [(r["kind"], r["citation"]) for r in listed] == [
        ("other_proceedings", "kz-br-2018 Art 5.2")]


def test_answering_a_consent_through_the_api(clerk_api):
    request = _br()
    asked = _post(clerk_api, f"/api/requests/{request.pk}/use-consents/", request,
                  {"scope": "Use in case 9", "asked_on": "2026-03-01"}).json()

    answered = _post(clerk_api, f"/api/use-consents/{asked['id']}/answer/", request,
                     {"status": "given", "answered_on": "2026-03-02", "in_writing": True})

    assert answered.status_code == 200, answered.json()
    assert (answered.json()["status"], answered.json()["answered_on"]) == ("given", "2026-03-02")


def test_an_unknown_use_kind_is_a_400_naming_the_field(clerk_api):
    request = _br()

    response = _post(clerk_api, f"/api/requests/{request.pk}/material-uses/", request,
                     {"kind": "anything", "description": "x", "used_on": "2026-03-02"})

    assert response.status_code == 400
    assert "kind" in response.json()["errors"]


def test_another_offices_user_gets_404_for_a_requests_use_conditions(other_office_api):
    request = _br()

    assert other_office_api.get(f"/api/requests/{request.pk}/use-conditions/").status_code == 404


def test_use_conditions_list_costs_as_many_queries_for_20_rows_as_for_2(clerk_api):
    actor = clerk()
    urls = []
    for count in (2, 20):
        request = _br()
        for _ in range(count):
            registers.use_condition_record(actor=actor, request_id=request.pk, flow="received",
                                           kind="other", conditions="c", set_by="MJ",
                                           set_on=TODAY)
        urls.append(f"/api/requests/{request.pk}/use-conditions/")

    assert_as_many_queries_for_20_rows_as_for_2(clerk_api, *urls)


def test_sk_onward_transfer_to_another_kazakh_body_without_consent_answers_422_art_5_3(
        police_clerk_api):
    request = incoming_request("kz-sk-2007")

    response = _post(police_clerk_api, f"/api/requests/{request.pk}/onward-transfers/", request,
                     {"material": "personal_data", "recipient_kind": "domestic_body",
                      "recipient": "Tax Committee", "consent_given_on": "2026-03-01"})

    assert response.status_code == 422
    assert only_violation(response)["article"] == "Art 5.3"


def test_rs_expert_cost_is_recorded_as_borne_by_the_requesting_side(clerk_api):
    request = incoming_request("kz-rs-2015")

    response = _post(clerk_api, f"/api/requests/{request.pk}/costs/", request,
                     {"head": "cost_experts", "description": "Handwriting examination",
                      "amount": "900.00", "currency": "EUR"})

    assert response.status_code == 201, response.json()
    assert (response.json()["borne_by"], response.json()["citation"]) == (
        "requesting_side", "kz-rs-2015 Art 17.1(d)")


def test_a_notice_of_inaccuracy_is_recorded_under_its_entry_and_opens_a_target(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    entry = records.personal_data_record(
        actor=clerk("kz-mvd"), request_id=request.pk, flow="received", transferred_on=TODAY,
        purpose="Identify", data_categories="Name", bodies_involved="MVD",
        deletion_due_on=TODAY + timedelta(days=30))

    response = _post(police_clerk_api, f"/api/personal-data/{entry.pk}/notices/", request,
                     {"kind": "inaccurate", "received_on": "2026-03-02",
                      "details": "Wrong date of birth"})

    assert response.status_code == 201, response.json()
    assert response.json()["citation"] == "kz-cz-2017 Art 10.4"
    assert Deadline.objects.filter(request=request, kind="personal_data_correction").exists()


# --- spontaneous information ---------------------------------------------------------------------
SPONTANEOUS = {"flow": "received", "exchanged_on": "2026-03-01", "partner_state": "BR",
               "instrument": "kz-br-2018", "channel": "electronic",
               "summary": "Accounts of a shell company", "conditions": "Intelligence only",
               "kazakh_authority": "GPO", "foreign_authority": "Ministry of Justice"}


def test_clerk_registers_spontaneous_information_and_lists_it_by_state(clerk_api):
    created = clerk_api.post("/api/spontaneous-information/", SPONTANEOUS, format="json")
    assert created.status_code == 201, created.json()
    entry = created.json()

    by_state = clerk_api.get("/api/spontaneous-information/?state=BR").json()["results"]
    other = clerk_api.get("/api/spontaneous-information/?state=RS").json()["results"]
    conditions = clerk_api.get(f"/api/spontaneous-information/{entry['id']}/use-conditions/")

    assert [e["id"] for e in by_state] == [entry["id"]] and other == []
    assert entry["citation"] == "kz-br-2018 Art 25.1"
    assert [c["citation"] for c in conditions.json()] == ["kz-br-2018 Art 25.2"]


def test_spontaneous_information_of_a_state_outside_the_instrument_answers_422(clerk_api):
    response = clerk_api.post("/api/spontaneous-information/",
                              {**SPONTANEOUS, "partner_state": "RS"}, format="json")

    assert response.status_code == 422
    assert only_violation(response)["field"] == "partner_state"


def test_a_prosecutor_may_not_see_the_spontaneous_information_register(prosecutor_api):
    assert prosecutor_api.get("/api/spontaneous-information/").status_code == 403


def test_use_of_spontaneous_information_without_consent_answers_422(clerk_api):
    entry = clerk_api.post("/api/spontaneous-information/", SPONTANEOUS, format="json").json()

    response = clerk_api.post(f"/api/spontaneous-information/{entry['id']}/material-uses/",
                              {"kind": "other_proceedings", "description": "Case 1",
                               "used_on": "2026-03-02"}, format="json")

    assert response.status_code == 422
    assert only_violation(response)["article"] == "Art 5.2"


# --- counterpart notices -------------------------------------------------------------------------
def test_counterpart_notice_is_recorded_and_listed_by_instrument(clerk_api):
    created = clerk_api.post("/api/counterpart-notices/", {
        "instrument": "kz-cz-2017", "flow": "received", "state": "CZ",
        "kind": "contacts_changed", "notified_on": "2026-03-01", "channel": "electronic",
        "authority": "Police Presidium", "contact_details": "+420 974 834 210"}, format="json")
    assert created.status_code == 201, created.json()

    listed = clerk_api.get("/api/counterpart-notices/?instrument=kz-cz-2017").json()["results"]

    assert [(n["kind"], n["citation"]) for n in listed] == [
        ("contacts_changed", "kz-cz-2017 Art 13.3")]
