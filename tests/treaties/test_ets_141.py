"""ETS 141 (Council of Europe Convention on Laundering, Search, Seizure and Confiscation of the
Proceeds from Crime, Strasbourg 1990), chapter III: the rulebook read by the pure rule functions.
One behaviour per test; boundaries where the text sets a number (36.4: first day of the month
following three months after deposit; 43.2: three months after the notice, as the engine counts
it)."""

from datetime import date
from datetime import timedelta

import pytest

from treaties.rulebook import get_rulebook
from treaties.rulebook.ets_141 import CONVENTION_IN_FORCE
from treaties.rules.facts import DecisionFacts
from treaties.rules.guards import DECISION_PARTIAL_OR_CONDITIONAL_CONSIDERED
from treaties.rules.guards import check_channel
from treaties.rules.guards import check_conditions
from treaties.rules.guards import check_contents
from treaties.rules.guards import check_deferral
from treaties.rules.guards import check_partial_execution
from treaties.rules.guards import check_refusal
from treaties.rules.guards import check_translation
from treaties.rules.lifecycle import InstrumentDates
from treaties.rules.lifecycle import InstrumentStatus
from treaties.rules.lifecycle import PartyDates
from treaties.rules.lifecycle import parties_status_on

from ._guards import TODAY
from ._guards import assert_blocked
from ._guards import incoming
from ._guards import request

SLUG = "ets-141"
ets = get_rulebook(SLUG)

CONVENTION = InstrumentDates(CONVENTION_IN_FORCE)
# Kazakhstan's own date is not recorded (the rulebook's comment): a test value, bound from the
# convention's first day, so that these tests look at the other party's dates alone.
HOME = PartyDates(date(1993, 9, 1))
GERMANY_IN_FORCE = date(1999, 1, 1)  # deposited 16 September 1998 (36.4)

COMMON_CONTENTS = frozenset({"requesting_authority", "proceedings_authority",
                             "assistance_description", "purpose", "facts_summary"})
CONSIDERED = (DecisionFacts(DECISION_PARTIAL_OR_CONDITIONAL_CONSIDERED, "", TODAY),)


def _germany(**dates) -> list[PartyDates]:
    return [HOME, PartyDates(entered_into_force_on=GERMANY_IN_FORCE, **dates)]


def _refuse(ground, types, reasons="Reasons stated."):
    return check_refusal(ets, incoming(assistance_types=types), ground=ground, reasons=reasons,
                         today=TODAY)


def _defer(reasons="Reasons stated.", **facts):
    return check_deferral(ets, incoming(**facts), ground="deferral_prejudice_own_proceedings",
                          reasons=reasons, today=TODAY)


# --- life of the instrument (Art 36, 43) -------------------------------------------------------------
def test_ets_141_entered_into_force_on_1_september_1993_citing_36_3():
    assert ets.entry_into_force_date == date(1993, 9, 1)
    assert ets.entry_into_force.citation.reference == "Art 36.3"


def test_ets_141_germany_is_recorded_as_bound_from_the_first_of_the_month_after_three_months():
    assert ets.party("DE").entered_into_force_on == GERMANY_IN_FORCE


def test_ets_141_does_not_bind_germany_the_day_before_citing_36_4():
    verdict = parties_status_on(ets, CONVENTION, _germany(), GERMANY_IN_FORCE - timedelta(days=1))
    assert verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert verdict.citation.reference == "Art 36.4"


def test_ets_141_binds_germany_from_its_day():
    verdict = parties_status_on(ets, CONVENTION, _germany(), GERMANY_IN_FORCE)
    assert verdict.in_force and verdict.since == GERMANY_IN_FORCE


# 43.2 says the first day of the month following three months; the engine counts three months
# from receipt (``TermRule`` has days or months only), so a notice of 15 January takes effect on
# 15 April in the engine (1 May by the text).
@pytest.mark.parametrize(("on", "status"), [
    (date(2026, 4, 14), InstrumentStatus.IN_FORCE),
    (date(2026, 4, 15), InstrumentStatus.TERMINATED),
])
def test_ets_141_denunciation_takes_effect_for_the_party_three_months_after_the_notice(on, status):
    parties = _germany(withdrawal_notice_received_on=date(2026, 1, 15))
    assert parties_status_on(ets, CONVENTION, parties, on).status == status


def test_ets_141_denunciation_is_cited_to_43_2():
    parties = _germany(withdrawal_notice_received_on=date(2026, 1, 15))
    verdict = parties_status_on(ets, CONVENTION, parties, date(2026, 4, 15))
    assert verdict.citation.reference == "Art 43.2"


def test_ets_141_is_not_displaced_by_an_mla_treaty_citing_39_3():
    precedence = ets.precedence
    assert (precedence.rank, precedence.displaced_by, precedence.citation.reference) == (
        20, (), "Art 39.3")
    assert precedence.rank_office_policy is not None


def test_ets_141_covers_any_predicate_offence_citing_1_e():
    scope = ets.offence_scope
    assert scope.any_offence is True
    assert scope.citation.reference == "Art 1(e)"


# --- channels and languages (Art 24, 25) -----------------------------------------------------------
def test_ets_141_request_may_go_through_interpol_without_urgency():
    assert check_channel(ets, "interpol", is_urgent=False) == []


def test_ets_141_oral_request_is_blocked_citing_25_1():
    assert_blocked(check_channel(ets, "oral", is_urgent=True), "oral_requests_not_provided",
                   "Art 25.1")


def test_ets_141_request_to_kazakhstan_in_russian_needs_no_translation():
    facts = incoming(request_language="ru", requested_state_languages=("kk", "ru"))
    assert check_translation(ets, facts) == []


def test_ets_141_request_to_kazakhstan_in_english_without_a_translation_is_blocked_citing_25_3():
    facts = incoming(request_language="en", requested_state_languages=("kk", "ru"))
    assert_blocked(check_translation(ets, facts), "language", "Art 25.3")


def test_ets_141_kazakhstan_declared_kazakh_and_russian_under_25_3():
    declared = ets.party("KZ").accepted_languages
    assert (declared.languages, declared.citation.reference) == (("kk", "ru"), "Art 25.3")


# --- contents (Art 27) -------------------------------------------------------------------------------
def test_ets_141_provisional_measures_without_the_applicable_law_are_blocked_citing_27_1_d():
    facts = request(assistance_types=("provisional_measures",), filled_contents=COMMON_CONTENTS)
    assert_blocked(check_contents(ets, facts), "content_applicable_law", "Art 27.1(d)")


def test_ets_141_non_coercive_request_for_documents_needs_no_statement_of_law():
    facts = request(assistance_types=("documents_and_evidence",), filled_contents=COMMON_CONTENTS)
    assert check_contents(ets, facts) == []


def test_ets_141_request_for_notification_needs_no_facts():
    facts = request(assistance_types=("service_of_documents",),
                    filled_contents=COMMON_CONTENTS - {"facts_summary"})
    assert check_contents(ets, facts) == []


# --- refusal (Art 18, 30) ----------------------------------------------------------------------------
def test_ets_141_refusal_on_a_listed_ground_is_allowed_without_a_consultation():
    assert _refuse("refusal_sovereignty_security_public_order", ("bank_information",)) == []


def test_ets_141_refusal_on_a_ground_off_the_list_is_blocked_citing_art_18():
    assert_blocked(_refuse("refusal_military_offence", ("bank_information",)),
                   "ground_not_listed", "Art 18")


def test_ets_141_refusal_without_reasons_is_blocked_citing_30():
    assert_blocked(_refuse("refusal_ne_bis_in_idem", ("confiscation",), reasons=""),
                   "refusal_reasons", "Art 30")


def test_ets_141_ground_limited_to_coercive_measures_is_no_ground_for_testimony_citing_18_2():
    assert_blocked(_refuse("refusal_measure_not_available_domestically", ("testimony",)),
                   "refusal_measure_not_available_domestically", "Art 18.2")


def test_ets_141_ground_limited_to_coercive_measures_is_a_ground_for_provisional_measures():
    assert _refuse("refusal_measure_not_available_domestically", ("provisional_measures",)) == []


def test_ets_141_dual_criminality_is_no_ground_for_non_coercive_investigative_assistance():
    assert_blocked(_refuse("refusal_no_dual_criminality", ("documents_and_evidence",)),
                   "refusal_no_dual_criminality", "Art 18.1(f)")


def test_ets_141_dual_criminality_is_a_ground_for_confiscation():
    assert _refuse("refusal_no_dual_criminality", ("confiscation",)) == []


def test_ets_141_confiscation_ground_is_no_ground_for_provisional_measures_citing_18_4_a():
    assert_blocked(_refuse("refusal_confiscation_not_provided", ("provisional_measures",)),
                   "refusal_confiscation_not_provided", "Art 18.4(a)")


def test_ets_141_refusal_on_bank_secrecy_is_blocked():
    violations = _refuse("refusal_bank_secrecy", ("bank_information",))
    assert [v.field for v in violations] == ["ground"]


def test_ets_141_bank_secrecy_is_ruled_out_by_18_7():
    assert ets.excluded_refusal_ground("refusal_bank_secrecy").citation.reference == "Art 18.7"


def test_ets_141_partial_execution_without_reasons_is_blocked_citing_30():
    assert_blocked(check_partial_execution(ets, incoming(), outcome="partial", reasons=""),
                   "refusal_reasons", "Art 30")


# --- postponement and conditions (Art 19, 20) -----------------------------------------------------
def test_ets_141_postponement_before_considering_partial_or_conditional_granting_cites_20():
    assert_blocked(_defer(), "consider_partial_or_conditional", "Art 20")


def test_ets_141_postponement_after_considering_partial_or_conditional_granting_needs_no_consultation():
    assert _defer(decisions=CONSIDERED) == []


def test_ets_141_postponement_without_reasons_is_blocked_citing_30():
    assert_blocked(_defer(reasons="", decisions=CONSIDERED), "deferral_reasons", "Art 30")


def test_ets_141_consultation_is_no_treaty_precondition_of_refusing_or_postponing():
    assert (ets.refusal_consultation, ets.deferral_consultation) == (None, None)


def test_ets_141_conditions_need_no_acceptance_by_the_requesting_party():
    assert check_conditions(ets, conditions="Use only in case 12.", accepted_on=None) == []


# --- notices (Art 31, 33) ----------------------------------------------------------------------------
@pytest.mark.parametrize(("code", "reference"), [
    ("duty_notice_of_refusal", "Art 31.1(c)"), ("duty_notice_of_deferral", "Art 31.1(c)"),
    ("duty_notice_of_results", "Art 31.1(b)"), ("duty_notice_of_obstacle", "Art 31.1(d)"),
    ("duty_notice_confidentiality_impossible", "Art 33.1")])
def test_ets_141_notices_are_owed_promptly(code, reference):
    duty = ets.duty(code)
    assert (duty.immediate, duty.citation.reference) == (True, reference)


# --- use limitation and Kazakhstan's reservations (Art 32) -----------------------------------------
def test_ets_141_other_use_needs_consent_only_where_the_requested_party_set_the_condition():
    register = ets.use_conditions
    assert (register.consent_always_needed, register.other_use_consent.reference) == (
        False, "Art 32.1")


def test_ets_141_kazakhstan_declared_the_32_2_use_limitation():
    reservations = {r.code: r.citation.reference for r in ets.party("KZ").reservations}
    assert reservations["reservation_use_limitation"] == "Art 32.2"


def test_ets_141_kazakhstans_reservations_come_from_its_ratification_law():
    kazakhstan = ets.party("KZ")
    assert "431-IV" in kazakhstan.source.title
    assert kazakhstan.central_authority.office_policy


def test_ets_141_every_foreign_party_has_its_source_and_date():
    foreign = ets.parties[1:]
    assert foreign
    assert all(p.source and p.source.url and p.source.accessed and p.entered_into_force_on
               for p in foreign)


# --- parties added from national records (36.4) ----------------------------------------------------
SLOVAKIA_IN_FORCE = date(2001, 9, 1)  # 109/2002 Z.z.: deposited 7 May 2001


def _slovakia() -> list[PartyDates]:
    return [HOME, PartyDates(ets.party("SK").entered_into_force_on)]


@pytest.mark.parametrize(("code", "in_force"), [
    ("SK", SLOVAKIA_IN_FORCE), ("CZ", date(1997, 3, 1)), ("EE", date(2000, 9, 1)),
    ("CH", CONVENTION_IN_FORCE)])
def test_ets_141_added_parties_are_recorded_from_their_sourced_dates(code, in_force):
    assert ets.party(code).entered_into_force_on == in_force


def test_ets_141_does_not_bind_slovakia_the_day_before_its_date_citing_36_4():
    verdict = parties_status_on(ets, CONVENTION, _slovakia(),
                                SLOVAKIA_IN_FORCE - timedelta(days=1))
    assert (verdict.status, verdict.citation.reference) == (InstrumentStatus.NOT_IN_FORCE,
                                                            "Art 36.4")


def test_ets_141_binds_slovakia_from_its_date():
    verdict = parties_status_on(ets, CONVENTION, _slovakia(), SLOVAKIA_IN_FORCE)
    assert verdict.in_force and verdict.since == SLOVAKIA_IN_FORCE


def test_ets_141_with_kazakhstans_rulebook_date_the_slovakia_pair_is_not_known_to_be_bound():
    kazakhstan = PartyDates(ets.party("KZ").entered_into_force_on)
    verdict = parties_status_on(ets, CONVENTION, [kazakhstan, PartyDates(SLOVAKIA_IN_FORCE)],
                                SLOVAKIA_IN_FORCE)
    assert verdict.status == InstrumentStatus.PARTY_DATE_UNKNOWN
