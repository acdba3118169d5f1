"""POST /api/requests/incoming/: the clerk's *Register incoming* page, through the API."""

import pytest

from tests.factories import COUNTERPARTS
from tests.factories import authority

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

URL = "/api/requests/incoming/"


def _body(slug="kz-rs-2015", **changes):
    foreign, home = COUNTERPARTS[slug]
    return {"instrument": slug, "requesting_authority": authority(foreign).pk,
            "requested_authority": authority(home).pk, "channel": "post",
            "assistance_types": ["testimony"], "purpose": "Hear a witness", **changes}


def test_clerk_registers_a_request_received_from_serbia(clerk_api):
    response = clerk_api.post(URL, _body(), format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["direction"], body["state"]) == ("incoming", "received")
    assert response["Location"].endswith(f"/api/requests/{body['id']}/")


def test_urgent_serbian_request_to_locate_a_person_may_come_through_interpol(clerk_api):
    response = clerk_api.post(URL, _body(channel="interpol", is_urgent=True,
                                         assistance_types=["locating_persons"]), format="json")
    assert response.status_code == 201, response.json()


def test_serbian_request_through_interpol_that_is_not_urgent_answers_422_citing_10_3(clerk_api):
    response = clerk_api.post(URL, _body(channel="interpol",
                                         assistance_types=["locating_persons"]), format="json")
    assert response.status_code == 422
    [violation] = response.json()["violations"]
    assert violation["citation"] == "kz-rs-2015 Art 10.3"


def test_a_prosecutor_may_not_register_incoming_requests(prosecutor_api):
    assert prosecutor_api.post(URL, _body(), format="json").status_code == 403


def test_an_unknown_field_is_400(clerk_api):
    response = clerk_api.post(URL, _body(state="executed"), format="json")
    assert response.status_code == 400
    assert "state" in response.json()["errors"]
