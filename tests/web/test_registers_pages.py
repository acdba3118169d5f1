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

    body = supervisor_client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Correction or destruction of personal data after a notice of inaccuracy" in body
    assert "kz-cz-2017 Art 10.4" in body


def test_clerk_registers_spontaneous_information_and_filters_by_state(clerk_client, frozen_now):
    response = clerk_client.post("/spontaneous-information/", {
        "flow": "received", "exchanged_on": "2026-03-01", "instrument": "kz-rs-2015",
        "partner_state": "RS", "channel": "post", "summary": "Ship manifest of MV Danube",
        "conditions": "Only for the investigation of smuggling", "kazakh_authority": "GPO",
        "foreign_authority": "Ministry of Justice"})
    assert response.status_code == 302

    serbia = clerk_client.get("/spontaneous-information/?state=RS").content.decode()
    brazil = clerk_client.get("/spontaneous-information/?state=BR").content.decode()

    table = serbia[serbia.index('id="spontaneous"'):]
    assert "Ship manifest of MV Danube" in table and "kz-rs-2015 Art 16.2" in table
    assert "Ship manifest" not in brazil[brazil.index('id="spontaneous"'):]


def test_spontaneous_information_outside_the_instrument_is_refused_with_its_article(
        clerk_client, frozen_now):
    response = clerk_client.post("/spontaneous-information/", {
        "flow": "received", "exchanged_on": "2026-03-01", "instrument": "kz-rs-2015",
        "partner_state": "BR", "channel": "post", "summary": "x", "kazakh_authority": "GPO",
        "foreign_authority": "MJ"})

    assert response.status_code == 422
    assert "kz-rs-2015 Art 16.1" in response.content.decode()


def test_a_prosecutor_may_not_open_the_spontaneous_information_register(prosecutor_client,
                                                                      frozen_now):
    assert prosecutor_client.get("/spontaneous-information/").status_code == 403


def test_counterpart_notice_is_recorded_and_shown_on_the_instrument_page(clerk_client,
                                                                         frozen_now):
    response = clerk_client.post("/instruments/kz-sk-2007/counterpart-notices/", {
        "flow": "received", "state": "SK", "kind": "contacts_changed",
        "notified_on": "2026-03-01", "channel": "diplomatic",
        "authority": "Police Presidium, Bratislava", "contact_details": "+421 2 0000"})
    assert response.status_code == 302

    page = clerk_client.get("/instruments/kz-sk-2007/counterpart-notices/").content.decode()

    table = page[page.index('id="counterpart-notices"'):]
    assert "Police Presidium, Bratislava" in table and "kz-sk-2007 Art 8.2" in table
