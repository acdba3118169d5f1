"""The registers where people work: the request page shows use conditions, onward transfers,
costs and the personal-data duties with their articles; the record forms go through the services
(a treaty rule answers 422 with its citation); the dashboard lists the terms they run."""

from datetime import date
from datetime import timedelta

import pytest

from requests_app.models import MaterialUse
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import registers
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)


def test_br_request_page_shows_use_conditions_and_costs_with_their_articles(clerk_client,
                                                                          frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018", state="transmitted")
    registers.use_condition_record(actor=clerk_client.user, request_id=request.pk,
                                   flow="received", kind="use_limitation",
                                   conditions="Only for case 2026-0001", set_by="DRCI",
                                   set_on=TODAY)

    body = clerk_client.get(f"/requests/{request.pk}/").content.decode()

    section = body[body.index('id="use-conditions"'):]
    assert "kz-br-2018 Art 5.2" in section and "Only for case 2026-0001" in section
    assert "kz-br-2018 Art 27.4" in body[body.index('id="costs"'):]


def test_br_use_without_consent_through_the_record_form_answers_422_citing_art_5_2(
        clerk_client, frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018", state="transmitted")

    response = clerk_client.post(f"/requests/{request.pk}/records/material-use/", {
        "version": request.version, "kind": "other_proceedings",
        "description": "Case 2026-0042", "used_on": "2026-03-02"})

    body = response.content.decode()
    assert response.status_code == 422
    assert "kz-br-2018 Art 5.2" in body[body.index('id="violations"'):]
    assert not MaterialUse.objects.exists()


def test_sk_onward_transfer_form_records_data_to_the_organised_crime_body(police_clerk_client,
                                                                          frozen_now):
    request = incoming_request("kz-sk-2007", state=RequestState.IN_EXECUTION)

    response = police_clerk_client.post(f"/requests/{request.pk}/records/onward-material/", {
        "version": request.version, "material": "personal_data",
        "recipient_kind": "domestic_body", "recipient": "Department against organised crime",
        "recipient_fights_organised_crime": "on"})

    assert response.status_code == 302
    page = police_clerk_client.get(f"/requests/{request.pk}/").content.decode()
    assert "Department against organised crime" in page[page.index('id="onward-transfers"'):]


def test_a_correction_target_appears_on_the_dashboard_as_office_policy(police_clerk_client,
                                                                       supervisor_client,
                                                                       frozen_now):
    request = incoming_request("kz-cz-2017", state=RequestState.IN_EXECUTION)
    entry = records.personal_data_record(
        actor=police_clerk_client.user, request_id=request.pk, flow="received",
        transferred_on=TODAY, purpose="Identify", data_categories="Name",
        bodies_involved="MVD", deletion_due_on=TODAY + timedelta(days=60))
    registers.personal_data_notice_record(actor=police_clerk_client.user, entry_id=entry.pk,
                                          kind="inaccurate", received_on=TODAY,
                                          details="Wrong name spelling")

    body = supervisor_client.get("/dashboard/").content.decode()

    assert "Correction or destruction of personal data after a notice of inaccuracy" in body
    assert "kz-cz-2017 Art 10.4" in body
