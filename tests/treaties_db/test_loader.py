"""``treaties_load`` turns the rulebooks into rows: every state, authority and instrument their
parties declare, one ``InstrumentParty`` per party with its declarations, the designations. It is
idempotent and never overwrites what the office recorded."""

import dataclasses
from datetime import date

import pytest
from django.forms.models import model_to_dict

from tests.treaties._convention import CZECH_REPUBLIC_JOINED
from tests.treaties._convention import KAZAKHSTAN_JOINED
from tests.treaties._convention import RULEBOOK as CONVENTION
from treaties.models import Authority
from treaties.models import Instrument
from treaties.models import InstrumentParty
from treaties.models import State
from treaties.rulebook import all_rulebooks
from treaties.rulebook.registry import all_authorities
from treaties.rulebook.registry import all_states
from treaties.rulebook.registry import rulebook_registered
from treaties.services import treaties_load

pytestmark = pytest.mark.django_db


def _rows() -> dict:
    return {
        "states": [model_to_dict(s) for s in State.objects.order_by("pk")],
        "authorities": [model_to_dict(a) for a in Authority.objects.order_by("pk")],
        "instruments": [model_to_dict(i) for i in Instrument.objects.order_by("pk")],
        "parties": [model_to_dict(p) for p in InstrumentParty.objects.order_by("pk")],
    }


@pytest.mark.parametrize("slug", list(all_rulebooks()))
def test_every_party_of_every_rulebook_has_its_row(slug):
    book = all_rulebooks()[slug]
    instrument = Instrument.objects.get(slug=slug)
    assert sorted(instrument.parties.values_list("iso_code", flat=True)) == sorted(book.party_codes)


@pytest.mark.parametrize("slug", list(all_rulebooks()))
def test_every_designated_authority_is_linked(slug):
    designated = {code for party in all_rulebooks()[slug].parties
                  for code in party.designated_codes}
    linked = set(Instrument.objects.get(slug=slug).authorities.values_list("code", flat=True))
    assert designated <= linked


def test_every_declared_state_and_authority_has_its_row():
    assert set(State.objects.values_list("iso_code", flat=True)) >= set(all_states())
    loaded = {a.code: a for a in Authority.objects.select_related("state")}
    for code, declared in all_authorities().items():
        row = loaded[code]
        assert (row.state.iso_code, row.kind, row.name_en, row.name_ru, row.name_kk) == (
            declared.state, declared.info.kind, declared.info.name.en, declared.info.name.ru,
            declared.info.name.kk)


def test_a_central_authority_named_in_the_text_is_recorded_with_its_article():
    serbia = InstrumentParty.objects.get(instrument__slug="kz-rs-2015", state__iso_code="RS")
    assert serbia.central_authority.code == "rs-justice"
    assert serbia.declarations["central_authority"] == {
        "authority": "rs-justice", "citation": "kz-rs-2015 Art 2.2", "office_policy": False}


# The four bilateral instruments: a convention's parties carry their own dates (UNTOC 38.2).
BILATERAL = ("kz-br-2018", "kz-cz-2017", "kz-rs-2015", "kz-sk-2007")


def test_bilateral_parties_have_no_dates_of_their_own():
    assert not InstrumentParty.objects.filter(instrument__slug__in=BILATERAL,
                                              entered_into_force_on__isnull=False).exists()


def test_loading_again_changes_nothing():
    before = _rows()
    treaties_load()
    assert _rows() == before


def test_loading_never_overwrites_the_dates_the_office_recorded():
    rs = Instrument.objects.get(slug="kz-rs-2015")
    rs.entered_into_force_on = date(2017, 1, 15)
    rs.save(update_fields=["entered_into_force_on"])
    serbia = rs.party_links.get(state__iso_code="RS")
    serbia.withdrawal_notice_received_on = date(2026, 1, 5)
    serbia.save(update_fields=["withdrawal_notice_received_on"])
    treaties_load()
    rs.refresh_from_db()
    serbia.refresh_from_db()
    assert rs.entered_into_force_on == date(2017, 1, 15)
    assert serbia.withdrawal_notice_received_on == date(2026, 1, 5)


def test_a_convention_gets_one_row_per_party_with_its_own_dates_and_declarations(convention):
    parties = {p.state.iso_code: p for p in convention.party_links.select_related(
        "state", "central_authority")}
    assert set(parties) == {"KZ", "CZ", "RS"}
    kazakhstan, czechia = parties["KZ"], parties["CZ"]
    assert kazakhstan.entered_into_force_on == KAZAKHSTAN_JOINED
    assert czechia.entered_into_force_on == CZECH_REPUBLIC_JOINED
    assert kazakhstan.language_codes == ("kk", "ru", "en")
    assert kazakhstan.oral_requests_accepted is True
    assert czechia.oral_requests_accepted is None
    assert czechia.central_authority.code == "cz-interior"
    assert kazakhstan.declarations["accepted_languages"]["citation"] == "test-untoc-2000 Art 18.14"
    [reservation] = czechia.declarations["reservations"]
    assert reservation["office_policy"] is True and reservation["citation"] is None
    assert reservation["summary"]["en"].startswith("Recorded by the office")


def test_a_state_no_longer_party_loses_its_row_on_the_next_load():
    with rulebook_registered(CONVENTION):
        treaties_load()
    without_serbia = dataclasses.replace(
        CONVENTION, parties=tuple(p for p in CONVENTION.parties if p.code != "RS"))
    with rulebook_registered(without_serbia):
        treaties_load()
    parties = Instrument.objects.get(slug=CONVENTION.slug).parties
    assert set(parties.values_list("iso_code", flat=True)) == {"KZ", "CZ"}


def test_the_convention_is_gone_after_the_test():
    assert not Instrument.objects.filter(slug=CONVENTION.slug).exists()
    assert CONVENTION.slug not in all_rulebooks()
