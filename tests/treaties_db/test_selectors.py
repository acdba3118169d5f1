"""``instruments_applicable``: the instruments binding Kazakhstan and a state on a day, in order
of precedence, each with its status for the two of them and the reason it applies or is
displaced (UNTOC 18.7); and what the drafting form makes of it."""

from datetime import date
from datetime import timedelta

import pytest
from django.utils import translation

from requests_app.forms.drafting import RequestCreateForm
from tests.treaties._convention import CZECH_REPUBLIC_JOINED
from treaties.models import Instrument
from treaties.models import InstrumentParty
from treaties.rulebook import all_rulebooks
from treaties.rulebook.catalogue import HOME_STATE
from treaties.rules.lifecycle import InstrumentStatus
from treaties.selectors import designated_authorities
from treaties.selectors import instrument_proposed
from treaties.selectors import instruments_applicable
from treaties.selectors import requested_states

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)
BILATERAL = {slug: next(code for code in book.party_codes if code != HOME_STATE)
             for slug, book in all_rulebooks().items() if len(book.parties) == 2}


def _slugs(options) -> list[str]:
    return [option.instrument.slug for option in options]


def _only(options, *slugs):
    """The options of these instruments, in their order: a test about the bilateral instruments
    and the test convention leaves aside the real conventions binding the same states."""
    return [option for option in options if option.instrument.slug in slugs]


@pytest.mark.parametrize(("slug", "state"), BILATERAL.items())
def test_the_bilateral_instrument_with_a_state_applies_and_is_proposed(slug, state):
    options = instruments_applicable(state, TODAY)
    # A convention binding the same two states (UNTOC with Serbia and Brazil) ranks after it.
    assert _slugs(options)[0] == slug
    option = options[0]
    assert option.applies and option.displaced_by is None
    assert option.verdict == option.instrument.status_on(TODAY)
    assert instrument_proposed(options) is option


@pytest.mark.parametrize(("slug", "state"), BILATERAL.items())
def test_before_entry_into_force_nothing_applies_and_the_article_is_given(slug, state):
    instrument = Instrument.objects.get(slug=slug)
    [option] = _only(instruments_applicable(state,
                                            instrument.entered_into_force_on - timedelta(days=1)),
                     slug)
    assert option.verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert not option.applies
    assert option.citation == instrument.rulebook.entry_into_force.citation
    assert instrument_proposed([option]) is None


@pytest.mark.parametrize("state", ["", HOME_STATE, "XX"])
def test_no_instrument_for_no_state_kazakhstan_itself_or_an_unknown_state(state):
    assert instruments_applicable(state, TODAY) == []


def test_the_list_takes_two_queries(django_assert_num_queries):
    with django_assert_num_queries(2):
        instruments_applicable("RS", TODAY)


def test_requested_states_are_the_other_parties():
    others = {code for book in all_rulebooks().values() for code in book.party_codes
              if code != HOME_STATE}
    assert list(requested_states().values_list("iso_code", flat=True)) == sorted(others)


def test_designated_authorities_are_those_of_the_state_under_the_instrument():
    rs = Instrument.objects.get(slug="kz-rs-2015")
    assert [a.code for a in designated_authorities(rs, "RS")] == ["rs-justice"]
    assert [a.code for a in designated_authorities(rs, "BR")] == []


# --- a convention next to the bilateral instruments ---------------------------------------------
def test_a_bilateral_agreement_ranks_before_a_convention_and_is_proposed(convention):
    options = _only(instruments_applicable("CZ", TODAY), "kz-cz-2017", convention.slug)
    assert _slugs(options) == ["kz-cz-2017", convention.slug]
    assert all(option.applies for option in options)
    assert instrument_proposed(options).instrument.slug == "kz-cz-2017"


def test_a_police_agreement_does_not_displace_the_convention(convention):
    option = _only(instruments_applicable("CZ", TODAY), "kz-cz-2017", convention.slug)[1]
    assert option.displaced_by is None


def test_before_the_partner_joined_the_convention_does_not_bind_the_two(convention):
    option = _only(instruments_applicable("CZ", CZECH_REPUBLIC_JOINED - timedelta(days=1)),
                   "kz-cz-2017", convention.slug)[1]
    assert option.verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert option.citation.reference == "Art 38.2"
    assert convention.status_on(CZECH_REPUBLIC_JOINED - timedelta(days=1)).in_force


def test_an_mla_treaty_in_force_displaces_the_convention_citing_18_7(convention):
    treaty, displaced = _only(instruments_applicable("RS", TODAY), "kz-rs-2015",
                              convention.slug)
    assert treaty.instrument.slug == "kz-rs-2015" and treaty.applies
    assert displaced.in_force and not displaced.applies
    assert displaced.displaced_by == treaty.instrument
    assert displaced.citation.reference == "Art 18.7"
    with translation.override("en"):
        assert "kz-rs-2015" in displaced.reason


def test_once_the_mla_treaty_has_ended_the_convention_applies(convention):
    rs = Instrument.objects.get(slug="kz-rs-2015")
    rs.termination_notice_received_on = date(2025, 1, 10)  # ended 180 days later (RS 22.4)
    rs.save(update_fields=["termination_notice_received_on"])
    treaty, after = _only(instruments_applicable("RS", TODAY), "kz-rs-2015", convention.slug)
    assert not treaty.applies and after.applies and after.displaced_by is None
    assert instrument_proposed([treaty, after]) is after


def test_the_drafting_form_proposes_the_treaty_and_offers_the_displaced_convention(convention):
    form = RequestCreateForm(today=TODAY, state_code="RS")
    # UNTOC 18.7: the parties may agree to apply the convention instead; chosen with a reason.
    assert [label for _value, label in form.fields["instrument"].choices][:2] == [
        Instrument.objects.get(slug="kz-rs-2015").short_title, convention.short_title]
    assert form.chosen.instrument.slug == "kz-rs-2015"
    assert [o.instrument.slug for o in _only(form.options, "kz-rs-2015", convention.slug)] == [
        "kz-rs-2015", convention.slug]


def test_the_drafting_form_lets_the_user_choose_the_convention_where_both_apply(convention):
    form = RequestCreateForm({"requested_state": "CZ", "instrument": str(convention.pk)},
                             today=TODAY)
    assert form.chosen.instrument == convention
    assert [a.code for a in designated_authorities(convention, "CZ")] == ["cz-interior"]
    assert form.fields["requested_authority"].choices == [
        (str(a.pk), a.name) for a in designated_authorities(convention, "CZ")]


# --- the CIS conventions, known with their parties, rules not yet encoded ------------------------
def test_minsk_is_listed_for_russia_but_not_known_to_bind_until_kazakhstans_date_is_recorded():
    minsk = next(o for o in instruments_applicable("RU", TODAY)
                 if o.instrument.slug == "cis-minsk-1993")
    assert minsk.verdict.status == InstrumentStatus.PARTY_DATE_UNKNOWN
    assert not minsk.applies and not minsk.rulebook.rules_encoded


def test_once_the_office_records_kazakhstans_date_minsk_is_proposed_for_russia():
    link = InstrumentParty.objects.get(instrument__slug="cis-minsk-1993", state__iso_code="KZ")
    link.entered_into_force_on = date(1994, 5, 19)
    link.save(update_fields=["entered_into_force_on"])
    options = instruments_applicable("RU", TODAY)
    proposed = instrument_proposed(options)
    assert proposed.instrument.slug == "cis-minsk-1993"
    with translation.override("en"):
        assert any("not yet encoded" in reason.text for reason in proposed.reasons)
    assert options[-1].instrument.slug == "kz-reciprocity"
