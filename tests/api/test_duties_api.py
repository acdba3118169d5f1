"""The API of the notices and duties the treaties oblige (CZ 9.5, SK 7.7, RS 5.4-9.2,
BR 3.4-27.4): listed on the request with citation, term and deadline; an event recorded by hand;
the notice recorded; the BR 18.2 agreed exception; all in the OpenAPI schema."""

from datetime import date
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import AssistanceRequest
from requests_app.models import RequestState
from requests_app.models import TreatyDuty
from requests_app.services import duties
from requests_app.services import transitions as t
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.web.conftest import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def _version(request):
    return AssistanceRequest.objects.get(pk=request.pk).version


def _br_obstacles(n=1):
    request = incoming_request("kz-br-2018")
    for index in range(n):
        duties.duty_record_event(actor=clerk(), request_id=request.pk,
                                 rule_code="duty_notice_of_obstacle", note=f"Obstacle {index}")
    return request


def test_duties_of_a_request_are_listed_with_citation_due_time_and_office_policy_basis(clerk_api):
    request = _br_obstacles()

    response = clerk_api.get(f"/api/requests/{request.pk}/duties/")

    assert response.status_code == 200
    (row,) = response.json()["results"]
    assert (row["rule_code"], row["citation"], row["owed_by"], row["basis"],
            row["deadline_status"], row["event"], row["trigger"]) == (
        "duty_notice_of_obstacle", "kz-br-2018 Art 24.8", "kazakhstan", "office_policy", "open",
        "obstacle", "by_hand")
    assert row["due_at"] == (NOW + timedelta(hours=24)).isoformat()
    assert "незамедлительно" in row["summary"]  # the API speaks Russian by default


def test_the_duty_list_reads_a_constant_number_of_queries(clerk_api):
    one, five = _br_obstacles(1), _br_obstacles(5)
    counts = []
    for request in (one, five):
        with CaptureQueriesContext(connection) as queries:
            assert clerk_api.get(f"/api/requests/{request.pk}/duties/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_an_event_recorded_through_the_api_opens_the_duty_201(clerk_api):
    request = incoming_request("kz-rs-2015")

    response = clerk_api.post(f"/api/requests/{request.pk}/duties/", {
        "version": _version(request), "rule_code": "duty_notice_confidentiality_impossible",
        "note": "The court hearing is public"}, format="json")

    assert response.status_code == 201
    assert (response.json()["citation"], response.json()["basis"]) == (
        "kz-rs-2015 Art 7.1", "office_policy")


def test_an_unknown_duty_is_a_400_naming_the_field(clerk_api):
    request = incoming_request("kz-rs-2015")
    response = clerk_api.post(f"/api/requests/{request.pk}/duties/", {
        "version": _version(request), "rule_code": "duty_notice_of_results"}, format="json")
    assert response.status_code == 400
    assert "rule_code" in response.json()["errors"]


def test_the_notice_recorded_through_the_api_meets_the_duty(clerk_api):
    request = _br_obstacles()
    duty = TreatyDuty.objects.get(request=request)

    response = clerk_api.post(f"/api/duties/{duty.pk}/notice/", {
        "version": _version(request), "channel": "electronic", "our_reference": "GPO-1",
        "notice_text": "The witness died"}, format="json")

    assert response.status_code == 200
    assert (response.json()["deadline_status"], response.json()["our_reference"]) == (
        "met", "GPO-1")


def test_a_cz_notice_given_orally_is_a_422_citing_art_9_5(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    t.request_refuse(request_id=request.pk, actor=clerk("kz-mvd"),
                     ground="refusal_sovereignty_security_interests", reasons="Security")
    duty = TreatyDuty.objects.get(request=request)

    response = police_clerk_api.post(f"/api/duties/{duty.pk}/notice/", {
        "version": _version(request), "channel": "oral"}, format="json")

    assert response.status_code == 422
    assert "Art 9.5" in response.content.decode()


def test_another_offices_duty_answers_404(other_office_api):
    request = _br_obstacles()
    duty = TreatyDuty.objects.get(request=request)
    assert other_office_api.get(f"/api/requests/{request.pk}/duties/").status_code == 404
    response = other_office_api.post(f"/api/duties/{duty.pk}/notice/", {
        "version": _version(request), "channel": "post"}, format="json")
    assert response.status_code == 404


def test_the_br_agreed_exception_is_recorded_through_the_api(clerk_api):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018",
                                       state=RequestState.TRANSMITTED,
                                       final_confiscation_effective_on=date(2026, 1, 10))

    response = clerk_api.post(f"/api/requests/{request.pk}/asset-sharing-extension/", {
        "version": _version(request), "extended_to": "2027-06-30", "agreed_on": "2026-03-01",
        "agreement": "Brazilian MoJ note 4/2026"}, format="json")

    assert response.status_code == 200
    assert response.json()["asset_sharing_term_extended_to"] == "2027-06-30"


def test_the_duty_operations_are_in_the_openapi_schema(clerk_api):
    schema = clerk_api.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    for operation in ("records_duties_list", "records_duties_create", "records_duties_notice",
                      "records_asset_sharing_extension"):
        assert operation in schema


def test_the_instrument_lists_its_duties_with_the_term_basis(clerk_api):
    rules = clerk_api.get("/api/instruments/kz-cz-2017/").json()["rules"]
    (refusal,) = [r for r in rules if r["code"] == "duty_notice_of_refusal"]
    assert (refusal["kind"], refusal["rule_type"], refusal["citation"]["article"],
            refusal["citation"]["paragraph"]) == ("duties", "DutyRule", "9", "5")
    parameters = refusal["parameters"]
    assert (parameters["event"], parameters["in_writing"], parameters["term_basis"],
            parameters["office_target_hours"]) == ("refusal", True, "office_policy", 24)
