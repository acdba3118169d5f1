"""``instrument_status_on``: entry into force, CZ 17 suspension and termination, at their
boundaries. Convention (treaties.rules.lifecycle): a term of N days/months after the notice takes
effect on ``notice + N``; the day before, the old status still applies."""

from datetime import date
from datetime import timedelta

import pytest
from django.utils import translation

from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook
from treaties.rules.lifecycle import InstrumentDates
from treaties.rules.lifecycle import InstrumentStatus
from treaties.rules.lifecycle import instrument_status_on
from treaties.rules.lifecycle import suspension_effective_on
from treaties.rules.lifecycle import termination_effective_on

CZ, SK, RS, BR = "kz-cz-2017", "kz-sk-2007", "kz-rs-2015", "kz-br-2018"
SLUGS = tuple(all_rulebooks())  # the generic tests run for every instrument

IN_FORCE_SINCE = date(2020, 1, 1)
NOTICE = date(2026, 3, 10)


def status_on(slug, on, **dates):
    return instrument_status_on(
        get_rulebook(slug), InstrumentDates(entered_into_force_on=IN_FORCE_SINCE, **dates), on)


def days_after(day, n):
    return day + timedelta(days=n)


# --- entry into force ----------------------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_instrument_is_not_in_force_the_day_before_entry_into_force(slug):
    verdict = status_on(slug, IN_FORCE_SINCE - timedelta(days=1))
    assert verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert verdict.in_force is False


@pytest.mark.parametrize("slug", SLUGS)
def test_instrument_is_in_force_on_the_day_of_entry_into_force(slug):
    verdict = status_on(slug, IN_FORCE_SINCE)
    assert verdict.status == InstrumentStatus.IN_FORCE
    assert verdict.since == IN_FORCE_SINCE
    assert verdict.in_force is True


@pytest.mark.parametrize("slug", SLUGS)
def test_instrument_without_an_entry_into_force_date_is_not_in_force(slug):
    verdict = instrument_status_on(get_rulebook(slug), InstrumentDates(None), date(2030, 1, 1))
    assert verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert verdict.since is None


@pytest.mark.parametrize(("slug", "reference"),
                         ((CZ, "Art 18.1"), (SK, "Art 12.1"), (RS, "Art 22.2"), (BR, "Art 30.1")))
def test_not_in_force_verdict_cites_the_entry_into_force_article(slug, reference):
    verdict = status_on(slug, IN_FORCE_SINCE - timedelta(days=1))
    assert verdict.citation.instrument == slug
    assert verdict.citation.reference == reference


def test_cz_is_in_force_from_1_september_2018_the_date_in_its_text():
    cz = get_rulebook(CZ)
    dates = InstrumentDates(entered_into_force_on=cz.entry_into_force_date)
    assert instrument_status_on(cz, dates, date(2018, 8, 31)).status == InstrumentStatus.NOT_IN_FORCE
    assert instrument_status_on(cz, dates, date(2018, 9, 1)).status == InstrumentStatus.IN_FORCE


# --- CZ 17 suspension, RS 22.4 termination after 180 days --------------------------------------
# CZ 17: suspended 15 days after the notice (from notice + 15). RS 22.4 "по истечении 180 суток
# с даты получения": the 180 days run from the day after receipt, so the treaty still applies on
# notice + 180 and has ended from notice + 181 (the day the change applies is given below).
TERMS = [
    pytest.param(CZ, "suspension_notice_received_on", 15, InstrumentStatus.SUSPENDED,
                 id="cz_suspension_after_15_days"),
    pytest.param(RS, "termination_notice_received_on", 181, InstrumentStatus.TERMINATED,
                 id="rs_termination_once_180_days_have_run"),
]


def test_rs_treaty_still_applies_on_the_180th_day_after_the_termination_notice():
    verdict = status_on(RS, days_after(NOTICE, 180), termination_notice_received_on=NOTICE)
    assert verdict.status == InstrumentStatus.IN_FORCE


def test_rs_treaty_has_ended_on_the_181st_day_after_the_termination_notice():
    verdict = status_on(RS, days_after(NOTICE, 181), termination_notice_received_on=NOTICE)
    assert verdict.status == InstrumentStatus.TERMINATED
    assert verdict.citation.reference == "Art 22.4"


@pytest.mark.parametrize(("slug", "notice", "days", "status"), TERMS)
def test_still_in_force_the_day_before_the_term_after_the_notice_ends(slug, notice, days, status):
    verdict = status_on(slug, days_after(NOTICE, days - 1), **{notice: NOTICE})
    assert verdict.status == InstrumentStatus.IN_FORCE


@pytest.mark.parametrize(("slug", "notice", "days", "status"), TERMS)
@pytest.mark.parametrize("later", [pytest.param(0, id="on_the_day"),
                                   pytest.param(1, id="the_day_after")])
def test_new_status_from_the_day_the_term_after_the_notice_ends(slug, notice, days, status, later):
    verdict = status_on(slug, days_after(NOTICE, days + later), **{notice: NOTICE})
    assert verdict.status == status


@pytest.mark.parametrize(("slug", "notice", "days", "status"), TERMS)
def test_new_status_is_dated_from_the_day_the_term_after_the_notice_ends(slug, notice, days,
                                                                         status):
    verdict = status_on(slug, days_after(NOTICE, days), **{notice: NOTICE})
    assert verdict.since == days_after(NOTICE, days)


def test_cz_suspension_verdict_cites_art_17():
    verdict = status_on(CZ, days_after(NOTICE, 15), suspension_notice_received_on=NOTICE)
    assert verdict.citation.reference == "Art 17"
    assert verdict.citation.instrument == CZ


def test_cz_still_suspended_14_days_after_the_lifting_notice():
    lift = days_after(NOTICE, 40)
    verdict = status_on(CZ, days_after(lift, 14), suspension_notice_received_on=NOTICE,
                        suspension_lift_notice_received_on=lift)
    assert verdict.status == InstrumentStatus.SUSPENDED


def test_cz_back_in_force_15_days_after_the_lifting_notice():
    lift = days_after(NOTICE, 40)
    verdict = status_on(CZ, days_after(lift, 15), suspension_notice_received_on=NOTICE,
                        suspension_lift_notice_received_on=lift)
    assert verdict.status == InstrumentStatus.IN_FORCE


def test_cz_lifting_notice_older_than_the_suspension_notice_does_not_lift_it():
    verdict = status_on(CZ, days_after(NOTICE, 100), suspension_notice_received_on=NOTICE,
                        suspension_lift_notice_received_on=NOTICE - timedelta(days=1))
    assert verdict.status == InstrumentStatus.SUSPENDED


def test_cz_suspension_takes_effect_15_days_after_notice():
    assert suspension_effective_on(get_rulebook(CZ), NOTICE) == days_after(NOTICE, 15)


@pytest.mark.parametrize("slug", (SK, RS, BR))
def test_suspension_notice_is_ignored_for_an_instrument_without_suspension_clause(slug):
    verdict = status_on(slug, days_after(NOTICE, 30), suspension_notice_received_on=NOTICE)
    assert verdict.status == InstrumentStatus.IN_FORCE


@pytest.mark.parametrize("slug", (SK, RS, BR))
def test_suspension_effective_on_refuses_an_instrument_without_suspension_clause(slug):
    with pytest.raises(ValueError):
        suspension_effective_on(get_rulebook(slug), NOTICE)


def test_cz_termination_prevails_over_suspension():
    verdict = status_on(CZ, date(2026, 9, 10), suspension_notice_received_on=NOTICE,
                        termination_notice_received_on=NOTICE)
    assert verdict.status == InstrumentStatus.TERMINATED


# --- termination: CZ, SK, BR six calendar months -------------------------------------------------
@pytest.mark.parametrize("slug", (CZ, SK, BR))
@pytest.mark.parametrize(("notice", "ends_on"), (
    (date(2026, 1, 31), date(2026, 7, 31)),
    (date(2026, 8, 31), date(2027, 2, 28)),  # no 31 February: the last day of the month
    (date(2027, 8, 31), date(2028, 2, 29)),  # leap year
    (date(2026, 3, 10), date(2026, 9, 10)),
))
def test_termination_takes_effect_6_calendar_months_after_notice(slug, notice, ends_on):
    assert termination_effective_on(get_rulebook(slug), notice) == ends_on


@pytest.mark.parametrize("slug", (CZ, SK, BR))
@pytest.mark.parametrize(("notice", "ends_on"), (
    (date(2026, 1, 31), date(2026, 7, 31)),
    (date(2026, 8, 31), date(2027, 2, 28)),
))
def test_in_force_the_day_before_six_months_after_termination_notice(slug, notice, ends_on):
    verdict = status_on(slug, ends_on - timedelta(days=1), termination_notice_received_on=notice)
    assert verdict.status == InstrumentStatus.IN_FORCE


@pytest.mark.parametrize("slug", (CZ, SK, BR))
@pytest.mark.parametrize(("notice", "ends_on"), (
    (date(2026, 1, 31), date(2026, 7, 31)),
    (date(2026, 8, 31), date(2027, 2, 28)),
))
def test_terminated_from_six_months_after_termination_notice(slug, notice, ends_on):
    verdict = status_on(slug, ends_on, termination_notice_received_on=notice)
    assert verdict.status == InstrumentStatus.TERMINATED
    assert verdict.since == ends_on


@pytest.mark.parametrize(("slug", "reference"),
                         ((RS, "Art 22.4"), (BR, "Art 30.2"), (CZ, "Art 18.2"), (SK, "Art 12.2")))
def test_termination_verdict_cites_the_termination_article(slug, reference):
    verdict = status_on(slug, date(2030, 1, 1), termination_notice_received_on=NOTICE)
    assert verdict.status == InstrumentStatus.TERMINATED
    assert verdict.citation.instrument == slug
    assert verdict.citation.reference == reference


@pytest.mark.parametrize("slug", SLUGS)
def test_status_label_is_human_readable(slug):
    with translation.override("en"):
        assert status_on(slug, IN_FORCE_SINCE).label == "in force"
