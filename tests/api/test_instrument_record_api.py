"""PUT /api/instruments/{slug}/record/: the dates, notices and agreed channels the office records
about an instrument (until now admin-only), through the same service as the admin."""

from datetime import date

import pytest

from treaties.models import Instrument

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

NOTHING = {"entered_into_force_on": "2018-09-01", "termination_notice_received_on": None,
           "suspension_notice_received_on": None, "suspension_lift_notice_received_on": None,
           "suspended_assistance_types": [], "agreed_channels": [],
           "agreed_channels_reference": ""}


def _put(client, slug, **changes):
    return client.put(f"/api/instruments/{slug}/record/", {**NOTHING, **changes}, format="json")


def test_supervisor_records_a_partial_czech_suspension(supervisor_api):
    response = _put(supervisor_api, "kz-cz-2017", suspension_notice_received_on="2026-02-01",
                    suspended_assistance_types=["controlled_delivery"])

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["dates"]["suspended_assistance_types"] == ["controlled_delivery"]
    assert body["status"]["status"] == "suspended"
    assert body["status"]["suspended_assistance_types"] == ["controlled_delivery"]
    cz = Instrument.objects.get(slug="kz-cz-2017")
    assert cz.suspension_notice_received_on == date(2026, 2, 1)


def test_supervisor_records_a_channel_agreed_with_the_slovak_side(supervisor_api):
    response = _put(supervisor_api, "kz-sk-2007", entered_into_force_on="2009-01-01",
                    agreed_channels=["electronic"],
                    agreed_channels_reference="Protocol of 1 May 2024")

    assert response.status_code == 200, response.json()
    assert response.json()["dates"]["agreed_channels"] == ["electronic"]


def test_a_suspension_notice_under_an_instrument_without_suspension_is_400(supervisor_api):
    response = _put(supervisor_api, "kz-rs-2015", entered_into_force_on="2016-12-01",
                    suspension_notice_received_on="2026-02-01")

    assert response.status_code == 400
    assert "suspension_notice_received_on" in response.json()["errors"]


def test_an_agreed_channel_under_an_instrument_that_names_its_channels_is_400(supervisor_api):
    response = _put(supervisor_api, "kz-rs-2015", entered_into_force_on="2016-12-01",
                    agreed_channels=["fax"], agreed_channels_reference="Letter")

    assert response.status_code == 400
    assert "agreed_channels" in response.json()["errors"]


def test_a_clerk_may_not_record_an_instruments_notices(clerk_api):
    assert _put(clerk_api, "kz-cz-2017").status_code == 403


def test_an_unknown_field_is_400(supervisor_api):
    response = _put(supervisor_api, "kz-cz-2017", status="terminated")
    assert response.status_code == 400
    assert "status" in response.json()["errors"]


def test_an_unknown_instrument_is_404(supervisor_api):
    assert _put(supervisor_api, "kz-xx-1999").status_code == 404
