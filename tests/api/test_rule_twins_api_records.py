"""API twins of the rules the record endpoints enforce (requests_app/api/records/): transfer
terms (RS 11.1, BR 9.1), the personal-data register and its deletion terms (CZ 10-11,
SK 5-6), onward transfer with written consent. Each rule answers 422 with its
rule, citation and message (tests/api/_twins.py)."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

import pytest

from requests_app.services import records
from tests.api._twins import TODAY
from tests.api._twins import assert_blocked
from tests.api._twins import deadlines_of
from tests.api._twins import fresh
from tests.factories import detained_person
from tests.factories import incoming_request
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


# --- personal data (CZ 10-11, SK 5-6) ---------------------------------------------------------------
@pytest.mark.parametrize(("slug", "citation"), [("kz-cz-2017", "kz-cz-2017 Art 10.5"),
                                                ("kz-sk-2007", "kz-sk-2007 Art 5.6")])
def test_received_personal_data_are_due_for_deletion_by_the_suppliers_term(
        police_clerk_api, slug, citation):
    request = incoming_request(slug)
    records.personal_data_record(
        actor=police_clerk_api.user, request_id=request.pk, flow="received",
        transferred_on=TODAY, purpose="Identify a vehicle owner", data_categories="Name",
        bodies_involved="MVD KZ", deletion_due_on=TODAY + timedelta(days=30))

    [deadline] = deadlines_of(police_clerk_api, request, "personal_data_deletion")

    assert (deadline["citation"], deadline["status"]) == (citation, "open")
    assert deadline["due_at"] == end_of_day(TODAY + timedelta(days=30)).isoformat()


# --- record endpoints (requests_app/api/records/): the rules their services enforce ---------------
def _record(client, request, url: str, **body):
    return client.post(url, {"version": fresh(request).version, **body}, format="json")


@pytest.mark.parametrize(("return_due_on", "status"), [("2026-09-03", 422), ("2026-09-02", 201)])
def test_rs_11_1_a_transfer_for_more_than_six_months_answers_422(clerk_api, return_due_on,
                                                                 status):
    request = incoming_request("kz-rs-2015")
    person = detained_person(request)

    response = _record(clerk_api, request, f"/api/requests/{request.pk}/transfers/",
                       person=person.pk, transferred_on="2026-03-02",
                       return_due_on=return_due_on)

    if status == 422:
        violation = assert_blocked(response, "detainee_transfer", "kz-rs-2015 Art 11.1")
        assert violation["field"] == "return_due_on"
        assert not request.transfers.exists()
    else:
        assert response.status_code == 201, response.json()


def test_rs_11_1_a_second_extension_answers_422(clerk_api):
    request = incoming_request("kz-rs-2015")
    transfer = records.transfer_record(actor=clerk_api.user, request_id=request.pk,
                                       person_id=detained_person(request).pk,
                                       transferred_on=TODAY, return_due_on=date(2026, 6, 1))
    records.transfer_extend(actor=clerk_api.user, transfer_id=transfer.pk,
                            return_due_on=date(2026, 7, 1))

    response = _record(clerk_api, request, f"/api/transfers/{transfer.pk}/extend/",
                       return_due_on="2026-08-01")

    violation = assert_blocked(response, "detainee_transfer", "kz-rs-2015 Art 11.1")
    assert violation["field"] == "extension_count"


def test_br_9_1_a_transfer_without_the_persons_consent_answers_422(clerk_api):
    request = incoming_request("kz-br-2018")

    response = _record(clerk_api, request, f"/api/requests/{request.pk}/transfers/",
                       person=detained_person(request).pk, transferred_on="2026-03-02",
                       release_date="2026-12-01", person_consented=False)

    violation = assert_blocked(response, "detainee_transfer", "kz-br-2018 Art 9.1")
    assert violation["field"] == "person_consented"
    assert not request.transfers.exists()


def _register_body(**overrides) -> dict:
    return {"flow": "received", "transferred_on": "2026-03-02",
            "purpose": "Identify the owner of vehicle 123ABC02", "data_categories": "Name",
            "bodies_involved": "MVD KZ; Police Presidium", **overrides}


@pytest.mark.parametrize(("slug", "citation"), [("kz-cz-2017", "kz-cz-2017 Art 10.5"),
                                                ("kz-sk-2007", "kz-sk-2007 Art 5.6")])
def test_data_supplied_without_a_deletion_term_answer_422(police_clerk_api, slug, citation):
    request = incoming_request(slug)

    response = _record(police_clerk_api, request, f"/api/requests/{request.pk}/personal-data/",
                       **_register_body(flow="supplied"))

    violation = assert_blocked(response, "personal_data", citation)
    assert violation["field"] == "deletion_due_on"
    assert not request.personal_data_transfers.exists()


def test_cz_10_2_sensitive_data_without_a_justification_answer_422(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = _record(police_clerk_api, request, f"/api/requests/{request.pk}/personal-data/",
                       **_register_body(sensitive=True, deletion_due_on="2026-04-01"))

    violation = assert_blocked(response, "personal_data", "kz-cz-2017 Art 10.2")
    assert violation["field"] == "sensitive_justification"


def test_cz_10_6_the_register_records_receipt_and_deletion(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    created = _record(police_clerk_api, request, f"/api/requests/{request.pk}/personal-data/",
                      **_register_body(deletion_due_on="2026-04-01"))
    assert created.status_code == 201, created.json()
    entry = created.json()["id"]
    deleted = _record(police_clerk_api, request, f"/api/personal-data/{entry}/deletion/",
                      deleted_on="2026-03-02", reason="Purpose achieved")

    assert deleted.status_code == 200, deleted.json()
    assert deleted.json()["deleted_on"] == "2026-03-02"
    log = request.log.order_by("id")
    assert [(e.action, e.citation) for e in log] == [
        ("personal_data_recorded", "kz-cz-2017 Art 10.6"),
        ("personal_data_deleted", "kz-cz-2017 Art 10.6")]
    [deadline] = deadlines_of(police_clerk_api, request, "personal_data_deletion")
    assert (deadline["citation"], deadline["status"]) == ("kz-cz-2017 Art 10.5", "met")


def test_sk_5_6_deletion_without_telling_the_supplier_answers_422(police_clerk_api):
    request = incoming_request("kz-sk-2007")
    entry = records.personal_data_record(
        actor=police_clerk_api.user, request_id=request.pk, flow="received",
        transferred_on=TODAY, purpose="Identify a vehicle owner", data_categories="Name",
        bodies_involved="MVD KZ", deletion_due_on=TODAY + timedelta(days=30))

    response = _record(police_clerk_api, request, f"/api/personal-data/{entry.pk}/deletion/",
                       deleted_on="2026-03-02", reason="Purpose achieved")

    violation = assert_blocked(response, "personal_data", "kz-sk-2007 Art 5.6")
    assert violation["field"] == "supplier_informed_on"
    entry.refresh_from_db()
    assert entry.deleted_on is None


@pytest.mark.parametrize(("slug", "citation"), [("kz-cz-2017", "kz-cz-2017 Art 11.2"),
                                                ("kz-sk-2007", "kz-sk-2007 Art 6.2")])
def test_onward_transfer_without_written_consent_answers_422(police_clerk_api, slug, citation):
    request = incoming_request(slug)
    entry = records.personal_data_record(
        actor=police_clerk_api.user, request_id=request.pk, flow="received",
        transferred_on=TODAY, purpose="Identify a vehicle owner", data_categories="Name",
        bodies_involved="MVD KZ", deletion_due_on=TODAY + timedelta(days=30))

    response = _record(police_clerk_api, request,
                       f"/api/personal-data/{entry.pk}/onward-transfers/",
                       recipient="Europol")

    violation = assert_blocked(response, "personal_data", citation)
    assert violation["field"] == "consent_reference"
    assert not entry.consents.exists()
