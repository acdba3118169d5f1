"""Status between two parties (``parties_status_on``): for the bilateral instruments the same as
the instrument's own status, whatever the day and the notices; for a convention that enters into
force and is denounced separately for each party (UNTOC 38.2, 40.1), only while both are bound."""

from datetime import date
from datetime import timedelta

import pytest

from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook
from treaties.rules.lifecycle import InstrumentDates
from treaties.rules.lifecycle import InstrumentStatus
from treaties.rules.lifecycle import PartyDates
from treaties.rules.lifecycle import instrument_status_on
from treaties.rules.lifecycle import parties_status_on

from ._convention import CONVENTION_IN_FORCE
from ._convention import CZECH_REPUBLIC_JOINED
from ._convention import KAZAKHSTAN_JOINED
from ._convention import RULEBOOK as CONVENTION

BILATERAL = [slug for slug, book in all_rulebooks().items() if len(book.parties) == 2]
IN_FORCE = date(2020, 1, 1)
DATES = [
    InstrumentDates(None),
    InstrumentDates(IN_FORCE),
    InstrumentDates(IN_FORCE, termination_notice_received_on=date(2026, 3, 10)),
    InstrumentDates(IN_FORCE, suspension_notice_received_on=date(2026, 3, 10)),
    InstrumentDates(IN_FORCE, suspension_notice_received_on=date(2026, 3, 10),
                    suspension_lift_notice_received_on=date(2026, 5, 1)),
]
DAYS = [IN_FORCE - timedelta(days=1), IN_FORCE, date(2026, 3, 24), date(2026, 3, 25),
        date(2026, 5, 20), date(2026, 9, 9), date(2026, 9, 10), date(2027, 1, 1)]
HOME, OTHER = PartyDates(), PartyDates()


@pytest.mark.parametrize("slug", BILATERAL)
@pytest.mark.parametrize("dates", DATES, ids=range(len(DATES)))
def test_between_the_two_parties_of_a_bilateral_instrument_the_status_is_the_instruments(
        slug, dates):
    book = get_rulebook(slug)
    for day in DAYS:
        assert parties_status_on(book, dates, [HOME, OTHER], day) == instrument_status_on(
            book, dates, day), day


def _between(on: date, kazakhstan: PartyDates | None = None, other: PartyDates | None = None):
    return parties_status_on(
        CONVENTION, InstrumentDates(CONVENTION_IN_FORCE),
        [kazakhstan or PartyDates(KAZAKHSTAN_JOINED), other or PartyDates(CZECH_REPUBLIC_JOINED)],
        on)


def test_a_convention_is_not_in_force_between_two_parties_before_the_later_joined():
    verdict = _between(CZECH_REPUBLIC_JOINED - timedelta(days=1))
    assert verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert verdict.citation.reference == "Art 38.2"


def test_a_convention_is_in_force_between_two_parties_from_the_day_the_later_joined():
    verdict = _between(CZECH_REPUBLIC_JOINED)
    assert verdict.in_force
    assert verdict.since == CZECH_REPUBLIC_JOINED
    assert verdict.citation.reference == "Art 38.2"


def test_the_instrument_as_a_whole_is_in_force_before_either_party_joined():
    dates = InstrumentDates(CONVENTION_IN_FORCE)
    assert instrument_status_on(CONVENTION, dates, date(2005, 1, 1)).in_force
    assert not _between(date(2005, 1, 1)).in_force


def test_a_convention_party_with_no_entry_into_force_recorded_is_not_known_to_be_bound():
    verdict = _between(date(2026, 3, 2), other=PartyDates())
    assert verdict.status == InstrumentStatus.PARTY_DATE_UNKNOWN
    assert not verdict.in_force
    assert verdict.citation.reference == "Art 38.2"


def test_a_bilateral_partys_empty_dates_follow_the_instrument():
    rs = get_rulebook("kz-rs-2015")
    dates = InstrumentDates(date(2016, 1, 1))
    verdict = parties_status_on(rs, dates, [PartyDates(), PartyDates()], date(2026, 3, 2))
    assert verdict.in_force and verdict.since == date(2016, 1, 1)


def test_a_denunciation_takes_effect_for_that_party_one_year_after_the_notice():
    notice = date(2026, 3, 2)
    leaving = PartyDates(CZECH_REPUBLIC_JOINED, withdrawal_notice_received_on=notice)
    assert _between(date(2027, 3, 1), other=leaving).in_force
    verdict = _between(date(2027, 3, 2), other=leaving)
    assert verdict.status == InstrumentStatus.TERMINATED
    assert verdict.since == date(2027, 3, 2)
    assert verdict.citation.reference == "Art 40.1"


def test_a_state_that_is_not_a_party_is_not_bound_and_nothing_is_cited():
    verdict = parties_status_on(CONVENTION, InstrumentDates(CONVENTION_IN_FORCE),
                                [PartyDates(KAZAKHSTAN_JOINED), None], date(2026, 3, 2))
    assert verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert verdict.citation is None


def test_the_instruments_own_status_comes_first():
    dates = InstrumentDates(None)
    verdict = parties_status_on(CONVENTION, dates, [PartyDates(), PartyDates()], date(2026, 3, 2))
    assert verdict == instrument_status_on(CONVENTION, dates, date(2026, 3, 2))
