"""Recording an instrument's dates, and a party's own, through the services: saved with the
instrument's duty rows in one transaction, for administrators (and supervisors) only, with a
specific error for bad input."""

from datetime import date
from datetime import datetime

import pytest

from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import InvalidInput
from requests_app.models import Deadline
from requests_app.services.instruments import instrument_dates_update
from requests_app.services.instruments import instrument_party_dates_update
from tests.factories import UserFactory
from tests.factories import clerk
from tests.factories import instrument
from tests.factories import supervisor
from treaties.models import InstrumentParty
from treaties.rules.calendar import ALMATY
from treaties.rules.lifecycle import InstrumentDates
from treaties.rules.lifecycle import InstrumentStatus
from treaties.rules.lifecycle import PartyDates

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY)


@pytest.fixture
def administrator():
    return UserFactory(is_superuser=True, is_staff=True)


def _dates(slug: str, **changes) -> InstrumentDates:
    current = instrument(slug).dates
    return InstrumentDates(**{**current.__dict__, **changes})


def test_a_termination_notice_is_recorded_and_announces_itself(administrator):
    cz = instrument_dates_update(
        actor=administrator, instrument_id=instrument("kz-cz-2017").pk, now=NOW,
        dates=_dates("kz-cz-2017", termination_notice_received_on=date(2026, 3, 1)))
    assert cz.termination_notice_received_on == date(2026, 3, 1)
    row = Deadline.objects.get(instrument=cz, request__isnull=True, kind="instrument_termination")
    assert row.citation == "kz-cz-2017 Art 18.2"


def test_withdrawing_the_notice_waives_the_announcement(administrator):
    cz = instrument("kz-cz-2017")
    instrument_dates_update(actor=administrator, instrument_id=cz.pk, now=NOW,
                            dates=_dates("kz-cz-2017", termination_notice_received_on=date(2026, 3, 1)))
    instrument_dates_update(actor=administrator, instrument_id=cz.pk, now=NOW,
                            dates=_dates("kz-cz-2017", termination_notice_received_on=None))
    assert Deadline.objects.get(instrument=cz, kind="instrument_termination").status == "waived"


def test_a_supervisor_may_record_dates_too():
    rs = instrument("kz-rs-2015")
    updated = instrument_dates_update(actor=supervisor(), instrument_id=rs.pk, now=NOW,
                                      dates=_dates("kz-rs-2015", entered_into_force_on=date(2017, 1, 1)))
    assert updated.entered_into_force_on == date(2017, 1, 1)


def test_a_clerk_may_not_record_an_instruments_dates():
    with pytest.raises(ActionNotPermitted):
        instrument_dates_update(actor=clerk(), instrument_id=instrument("kz-rs-2015").pk,
                                now=NOW, dates=_dates("kz-rs-2015"))


def test_a_suspension_notice_under_an_instrument_without_a_suspension_clause_is_refused(
        administrator):
    with pytest.raises(InvalidInput) as caught:
        instrument_dates_update(
            actor=administrator, instrument_id=instrument("kz-rs-2015").pk, now=NOW,
            dates=_dates("kz-rs-2015", suspension_notice_received_on=date(2026, 3, 1)))
    assert "suspension_notice_received_on" in caught.value.errors
    assert instrument("kz-rs-2015").suspension_notice_received_on is None


def test_an_unknown_instrument_is_refused(administrator):
    with pytest.raises(InvalidInput) as caught:
        instrument_dates_update(actor=administrator, instrument_id=999_999, now=NOW,
                                dates=InstrumentDates(None))
    assert "instrument" in caught.value.errors


def test_a_partys_withdrawal_notice_is_recorded_and_changes_the_status_between_the_two(
        administrator):
    rs = instrument("kz-rs-2015")
    serbia = rs.party_links.get(state__iso_code="RS")
    instrument_party_dates_update(actor=administrator, party_id=serbia.pk, now=NOW,
                                  dates=PartyDates(withdrawal_notice_received_on=date(2025, 1, 10)))
    serbia.refresh_from_db()
    assert serbia.withdrawal_notice_received_on == date(2025, 1, 10)
    kazakhstan = rs.party_links.get(state__iso_code="KZ")
    verdict = rs.status_between(date(2026, 3, 2), kazakhstan.state_id, serbia.state_id)
    assert verdict.status == InstrumentStatus.TERMINATED
    assert verdict.citation.reference == "Art 22.4"
    assert rs.status_on(date(2026, 3, 2)).in_force  # the instrument as a whole is unchanged


def test_a_clerk_may_not_record_a_partys_dates():
    party = InstrumentParty.objects.filter(instrument__slug="kz-rs-2015").first()
    with pytest.raises(ActionNotPermitted):
        instrument_party_dates_update(actor=clerk(), party_id=party.pk, now=NOW,
                                      dates=PartyDates())


def test_an_unknown_party_is_refused(administrator):
    with pytest.raises(InvalidInput) as caught:
        instrument_party_dates_update(actor=administrator, party_id=999_999, now=NOW,
                                      dates=PartyDates())
    assert "party" in caught.value.errors


def test_a_partys_dates_are_saved_in_the_admin_through_the_service(admin_client):
    party = InstrumentParty.objects.get(instrument__slug="kz-rs-2015", state__iso_code="RS")
    response = admin_client.post(f"/admin/treaties/instrumentparty/{party.pk}/change/", {
        "entered_into_force_on": "2017-02-01", "withdrawal_notice_received_on": ""})
    assert response.status_code == 302, response.content[:2000]
    party.refresh_from_db()
    assert party.entered_into_force_on == date(2017, 2, 1)


def test_a_clerk_with_staff_access_cannot_change_an_instrument_in_the_admin(client):
    desk = clerk()
    desk.is_staff = True
    desk.save(update_fields=["is_staff"])
    client.force_login(desk)
    rs = instrument("kz-rs-2015")
    response = client.post(f"/admin/treaties/instrument/{rs.pk}/change/",
                           {"termination_notice_received_on": "2026-03-01"})
    assert response.status_code == 403
    assert instrument("kz-rs-2015").termination_notice_received_on is None
