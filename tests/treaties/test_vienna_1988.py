"""Vienna 1988 (UN Convention against Illicit Traffic in Narcotic Drugs and Psychotropic
Substances), mutual legal assistance under Art 7 with confiscation under Art 5: the rulebook read
by the pure rule functions. One behaviour per test; boundaries where the text sets a number
(29.2: the 90th day after deposit; 30.2: one year after the notice; 7.18: 15 days)."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from treaties.rulebook import get_rulebook
from treaties.rulebook.offences import DRUG_TRAFFICKING
from treaties.rulebook.schema import MLA_TREATY_KINDS
from treaties.rulebook.schema import CostBearer
from treaties.rulebook.vienna_1988 import CONVENTION_IN_FORCE
from treaties.rulebook.vienna_1988 import in_force_for
from treaties.rules.calendar import end_of_day
from treaties.rules.calendar import start_of_day
from treaties.rules.deadlines import Basis
from treaties.rules.deadlines import DeadlineKind
from treaties.rules.deadlines import OfficePolicy
from treaties.rules.deadlines import Side
from treaties.rules.deadlines import compute_deadlines
from treaties.rules.deadlines import duty_deadlines
from treaties.rules.facts import OUTGOING
from treaties.rules.facts import ConsultationFacts
from treaties.rules.facts import DutyFacts
from treaties.rules.facts import RequestFacts
from treaties.rules.guards import check_channel
from treaties.rules.guards import check_contents
from treaties.rules.guards import check_deferral
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

SLUG = "vienna-1988"
vienna = get_rulebook(SLUG)
ALMATY = ZoneInfo("Asia/Almaty")
EVENT_AT = datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY)

CONVENTION = InstrumentDates(CONVENTION_IN_FORCE)
# Kazakhstan's own date is not recorded (the rulebook's comment): a test value, bound from the
# convention's first day, so that these tests look at the other party's dates alone.
HOME = PartyDates(date(1990, 11, 11))
AUSTRIA_IN_FORCE = date(1997, 10, 9)  # deposited 11 July 1997 (29.2: the 90th day after)

ALL_CONTENTS = frozenset({"requesting_authority", "offence_description", "proceedings_authority",
                          "facts_summary", "assistance_description", "purpose"})


def _austria(**dates) -> list[PartyDates]:
    return [HOME, PartyDates(entered_into_force_on=AUSTRIA_IN_FORCE, **dates)]


def _refuse(ground, reasons="Reasons stated.", **facts):
    return check_refusal(vienna, incoming(**facts), ground=ground, reasons=reasons, today=TODAY)


# --- life of the instrument (Art 29, 30) -----------------------------------------------------------
def test_vienna_entered_into_force_on_11_november_1990_citing_29_1():
    assert vienna.entry_into_force_date == date(1990, 11, 11)
    assert vienna.entry_into_force.citation.reference == "Art 29.1"


def test_vienna_austria_is_recorded_as_bound_from_the_90th_day_after_its_deposit():
    assert vienna.party("AT").entered_into_force_on == AUSTRIA_IN_FORCE


def test_vienna_does_not_bind_austria_the_day_before_its_90th_day_citing_29_2():
    verdict = parties_status_on(vienna, CONVENTION, _austria(),
                                AUSTRIA_IN_FORCE - timedelta(days=1))
    assert verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert verdict.citation.reference == "Art 29.2"


def test_vienna_binds_austria_on_its_90th_day():
    verdict = parties_status_on(vienna, CONVENTION, _austria(), AUSTRIA_IN_FORCE)
    assert verdict.in_force
    assert verdict.since == AUSTRIA_IN_FORCE


@pytest.mark.parametrize(("deposited_on", "in_force_on"), [
    (date(1990, 8, 13), date(1990, 11, 11)),   # the 20th instrument's day: 29.1
    (date(1990, 8, 14), date(1990, 11, 12)),   # the day after: 29.2, 90th day
    (date(1989, 10, 25), date(1990, 11, 11)),  # an early deposit waits for 29.1
])
def test_vienna_a_deposit_binds_from_the_90th_day_and_never_before_11_november_1990(
        deposited_on, in_force_on):
    assert in_force_for(deposited_on) == in_force_on


@pytest.mark.parametrize(("on", "status"), [
    (date(2027, 3, 9), InstrumentStatus.IN_FORCE),
    (date(2027, 3, 10), InstrumentStatus.TERMINATED),
])
def test_vienna_denunciation_takes_effect_for_the_party_one_year_after_the_notice(on, status):
    parties = _austria(withdrawal_notice_received_on=date(2026, 3, 10))
    verdict = parties_status_on(vienna, CONVENTION, parties, on)
    assert verdict.status == status


def test_vienna_denunciation_is_cited_to_30_2():
    parties = _austria(withdrawal_notice_received_on=date(2026, 3, 10))
    verdict = parties_status_on(vienna, CONVENTION, parties, date(2027, 3, 10))
    assert verdict.citation.reference == "Art 30.2"


def test_vienna_gives_way_to_a_treaty_of_mutual_legal_assistance_citing_7_7():
    precedence = vienna.precedence
    assert (precedence.rank, precedence.displaced_by, precedence.citation.reference) == (
        30, MLA_TREATY_KINDS, "Art 7.7")
    assert precedence.rank_office_policy is not None


# --- offences ----------------------------------------------------------------------------------------
def test_vienna_covers_drug_trafficking_and_laundering_of_its_proceeds_only():
    scope = vienna.offence_scope
    assert (scope.categories, scope.laundering_predicates, scope.any_offence) == (
        frozenset({DRUG_TRAFFICKING}), frozenset({DRUG_TRAFFICKING}), False)
    assert scope.citation.reference == "Art 7.1"
    assert vienna.rule("laundering_of_drug_proceeds").citation.reference == "Art 3.1(b)"


# --- channels, oral requests, languages --------------------------------------------------------------
def test_vienna_urgent_request_may_go_through_interpol():
    assert check_channel(vienna, "interpol", is_urgent=True) == []


def test_vienna_request_that_is_not_urgent_may_not_go_through_interpol_citing_7_8():
    assert_blocked(check_channel(vienna, "interpol", is_urgent=False), "urgent_interpol",
                   "Art 7.8")


def test_vienna_request_may_go_through_diplomatic_channels():
    assert check_channel(vienna, "diplomatic", is_urgent=False) == []


def test_vienna_oral_request_that_is_not_urgent_is_blocked_citing_7_9():
    assert_blocked(check_channel(vienna, "oral", is_urgent=False), "oral_requests", "Art 7.9")


def test_vienna_oral_confirmation_forthwith_gets_the_office_policy_target():
    facts = RequestFacts(direction=OUTGOING, channel="oral", is_urgent=True,
                         assistance_types=("testimony",), oral_request_at=EVENT_AT)
    [spec] = [s for s in compute_deadlines(vienna, facts) if s.kind == DeadlineKind.ORAL_CONFIRMATION]
    assert (spec.basis, spec.citation.reference, spec.due_at) == (
        Basis.OFFICE_POLICY, "Art 7.9", EVENT_AT + timedelta(hours=OfficePolicy().oral_confirmation_hours))


def test_vienna_request_translated_into_the_requested_partys_language_passes():
    facts = request(request_language="ru", requested_state_languages=("de",),
                    translation_languages=frozenset({"de"}))
    assert check_translation(vienna, facts) == []


def test_vienna_untranslated_request_to_a_party_is_blocked_citing_7_9():
    facts = request(request_language="ru", requested_state_languages=("de",))
    assert_blocked(check_translation(vienna, facts), "language", "Art 7.9")


# --- contents (Art 7.10) ---------------------------------------------------------------------------
def test_vienna_request_for_testimony_without_the_facts_is_blocked_citing_7_10_c():
    facts = request(assistance_types=("testimony",), filled_contents=ALL_CONTENTS - {"facts_summary"})
    assert_blocked(check_contents(vienna, facts), "content_facts_summary", "Art 7.10(c)")


def test_vienna_request_only_to_serve_documents_needs_no_summary_of_facts():
    facts = request(assistance_types=("service_of_documents",),
                    filled_contents=ALL_CONTENTS - {"facts_summary"})
    assert check_contents(vienna, facts) == []


def test_vienna_request_without_its_purpose_is_blocked_citing_7_10_f():
    facts = request(assistance_types=("testimony",), filled_contents=ALL_CONTENTS - {"purpose"})
    assert_blocked(check_contents(vienna, facts), "content_purpose", "Art 7.10(f)")


# --- refusal (Art 7.15, 7.16; 7.5) ------------------------------------------------------------------
def test_vienna_refusal_on_a_listed_ground_with_reasons_is_allowed():
    assert _refuse("refusal_sovereignty_security_public_order") == []


def test_vienna_refusal_on_a_ground_off_the_list_is_blocked_citing_7_15():
    assert_blocked(_refuse("refusal_political_offence"), "ground_not_listed", "Art 7.15")


def test_vienna_refusal_without_reasons_is_blocked_citing_7_16():
    assert_blocked(_refuse("refusal_contrary_to_legal_system", reasons=""), "refusal_reasons",
                   "Art 7.16")


def test_vienna_refusal_on_bank_secrecy_is_blocked():
    violations = _refuse("refusal_bank_secrecy", assistance_types=("bank_information",))
    assert [v.field for v in violations] == ["ground"]


def test_vienna_bank_secrecy_is_ruled_out_by_7_5_and_for_confiscation_by_5_3():
    assert vienna.excluded_refusal_ground("refusal_bank_secrecy").citation.reference == "Art 7.5"
    confiscation = vienna.excluded_refusal_ground("refusal_bank_secrecy_confiscation")
    assert confiscation.citation.reference == "Art 5.3"
    assert confiscation.applies_to(("confiscation",))


# --- postponement (Art 7.17) -----------------------------------------------------------------------
def test_vienna_postponement_without_a_consultation_is_blocked_citing_7_17():
    assert_blocked(check_deferral(vienna, incoming(), ground="deferral_interferes_with_proceedings",
                                  reasons="r", today=TODAY), "deferral_consultation", "Art 7.17")


def test_vienna_postponement_after_consulting_on_conditions_is_allowed():
    facts = incoming(consultations=(ConsultationFacts("conditions", TODAY),))
    assert check_deferral(vienna, facts, ground="deferral_interferes_with_proceedings",
                          reasons="r", today=TODAY) == []


def test_vienna_postponement_on_a_ground_off_the_list_is_blocked_citing_7_17():
    facts = incoming(consultations=(ConsultationFacts("deferral", TODAY),))
    assert_blocked(check_deferral(vienna, facts, ground="deferral_endangers_person", reasons="r",
                                  today=TODAY), "ground_not_listed", "Art 7.17")


# --- safe conduct (Art 7.18) -------------------------------------------------------------------------
def _safe_conduct(fulfilled_at=None):
    facts = RequestFacts(direction=OUTGOING, duties=(DutyFacts(
        "d1", "duty_safe_conduct_ends", EVENT_AT, fulfilled_at),))
    [spec] = duty_deadlines(vienna, facts, OfficePolicy())
    return spec


def test_vienna_safe_conduct_ends_at_the_end_of_the_15th_day_citing_7_18():
    spec = _safe_conduct()
    assert (spec.kind, spec.due_at, spec.basis, spec.citation.reference,
            spec.responsible_side) == (DeadlineKind.SAFE_CONDUCT_ENDS, end_of_day(date(2026, 3, 17)),
                                       Basis.TREATY, "Art 7.18", Side.KAZAKHSTAN)


@pytest.mark.parametrize(("left_on", "in_time"), [(date(2026, 3, 17), True),
                                                  (date(2026, 3, 18), False)])
def test_vienna_person_leaving_on_day_15_is_in_time_and_on_day_16_late(left_on, in_time):
    spec = _safe_conduct(start_of_day(left_on) + timedelta(hours=9))
    assert (spec.satisfied_at <= spec.due_at) is in_time


# --- use, confidentiality, costs ---------------------------------------------------------------------
def test_vienna_other_use_always_needs_the_requested_partys_prior_consent_citing_7_13():
    register = vienna.use_conditions
    assert register.consent_always_needed is True
    assert register.other_use_consent.reference == "Art 7.13"
    assert register.confidentiality_inability.reference == "Art 7.14"


def test_vienna_ordinary_costs_fall_on_the_requested_party_and_extraordinary_ones_are_consulted():
    costs = vienna.costs
    assert costs.heads[0].borne_by == CostBearer.REQUESTED_SIDE
    assert (costs.citation.reference, costs.consultation_mandatory) == ("Art 7.19", True)


# --- parties ----------------------------------------------------------------------------------------
def test_vienna_kazakhstans_central_authority_is_office_policy():
    kazakhstan = vienna.parties[0]
    assert kazakhstan.code == "KZ"
    assert kazakhstan.central_authority.office_policy


def test_vienna_every_foreign_party_has_its_source_and_date():
    foreign = vienna.parties[1:]
    assert foreign
    assert all(p.source and p.source.url and p.source.accessed and p.entered_into_force_on
               for p in foreign)


def test_with_kazakhstans_own_date_unrecorded_the_engine_says_it_is_not_known():
    kazakhstan = vienna.party("KZ")
    assert kazakhstan.entered_into_force_on is None
    verdict = parties_status_on(vienna, InstrumentDates(date(1990, 11, 11)),
                                [PartyDates(), PartyDates(date(2000, 1, 1))], date(2026, 3, 2))
    assert verdict.status == InstrumentStatus.PARTY_DATE_UNKNOWN


# --- Switzerland (RS 0.812.121.03) -----------------------------------------------------------------
SWITZERLAND_IN_FORCE = date(2005, 12, 13)  # deposited 14 September 2005 (29.2: the 90th day)


def _switzerland() -> list[PartyDates]:
    return [HOME, PartyDates(vienna.party("CH").entered_into_force_on)]


def test_vienna_switzerland_is_recorded_from_the_date_its_compilation_gives():
    assert vienna.party("CH").entered_into_force_on == SWITZERLAND_IN_FORCE
    assert "0.812.121.03" in vienna.party("CH").source.title


def test_vienna_does_not_bind_switzerland_the_day_before_its_date_citing_29_2():
    verdict = parties_status_on(vienna, CONVENTION, _switzerland(),
                                SWITZERLAND_IN_FORCE - timedelta(days=1))
    assert (verdict.status, verdict.citation.reference) == (InstrumentStatus.NOT_IN_FORCE,
                                                            "Art 29.2")


def test_vienna_binds_switzerland_from_its_date():
    verdict = parties_status_on(vienna, CONVENTION, _switzerland(), SWITZERLAND_IN_FORCE)
    assert verdict.in_force and verdict.since == SWITZERLAND_IN_FORCE


def test_vienna_with_kazakhstans_rulebook_date_the_switzerland_pair_is_not_known_to_be_bound():
    kazakhstan = PartyDates(vienna.party("KZ").entered_into_force_on)
    verdict = parties_status_on(vienna, CONVENTION,
                                [kazakhstan, PartyDates(SWITZERLAND_IN_FORCE)],
                                SWITZERLAND_IN_FORCE)
    assert verdict.status == InstrumentStatus.PARTY_DATE_UNKNOWN
