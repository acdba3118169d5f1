import pytest

from requests_app.services import transitions as t
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.scenarios import urgent_oral_request

pytestmark = pytest.mark.django_db


def test_shorter_summons_term_on_a_request_that_is_not_urgent_is_422_citing_rs_8_3(
        prosecutor_api, frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015",
                                       created_by=prosecutor_api.user)
    response = prosecutor_api.post(f"/api/requests/{request.pk}/shorter-summons-term/", {
        "version": request.version, "agreed_on": "2026-03-01", "term_days": 30,
        "agreement": "Phone call"},
        format="json")
    assert response.status_code == 422
    (violation,) = response.json()["violations"]
    assert violation["citation"] == "kz-rs-2015 Art 8.3" and violation["message"]


def test_shorter_summons_term_on_an_urgent_request_is_recorded(prosecutor_api, frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", is_urgent=True,
                                       created_by=prosecutor_api.user)
    response = prosecutor_api.post(f"/api/requests/{request.pk}/shorter-summons-term/", {
        "version": request.version, "agreed_on": "2026-03-01", "term_days": 30,
        "agreement": "Phone call"},
        format="json")
    assert response.status_code == 200
    assert response.json()["shorter_summons_term_agreed_on"] == "2026-03-01"


def test_written_confirmation_of_a_forwarded_oral_request_is_recorded(police_clerk_api,
                                                                      frozen_now):
    desk = police_clerk_api.user
    request = urgent_oral_request(desk)
    request = t.request_forward(request_id=request.pk, actor=desk,
                                executing_authority_id=authority("kz-mvd").pk)
    response = police_clerk_api.post(f"/api/requests/{request.pk}/written-confirmation/",
                                     {"version": request.version}, format="json")
    assert response.status_code == 200 and response.json()["written_confirmation_at"]


def test_another_offices_user_gets_404_for_request_facts(other_office_api, frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", is_urgent=True)
    response = other_office_api.post(f"/api/requests/{request.pk}/shorter-summons-term/", {
        "version": request.version, "agreed_on": "2026-03-01", "agreement": "x"}, format="json")
    assert response.status_code == 404
