"""The UN Convention against Corruption (``uncac-2003``): Art 46 with 43, chapter V and the final
clauses, read by the pure rule functions. One behaviour per test; boundaries where the text gives
a number (68.2: 30 days after deposit; 70.1: a year after the notice; 46.27: 15 days)."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.treaties._guards import TODAY
from tests.treaties._guards import assert_blocked
from tests.treaties._guards import incoming
from tests.treaties._guards import refusal_consultation
from tests.treaties._guards import request
from treaties.rulebook import get_rulebook
from treaties.rulebook.home import GENERAL_PROSECUTOR
from treaties.rulebook.offences import CORRUPTION
from treaties.rulebook.offences import MONEY_LAUNDERING
from treaties.rulebook.offences import OBSTRUCTION_OF_JUSTICE
from treaties.rulebook.schema import DEFAULT_PRECEDENCE_RANK
from treaties.rulebook.schema import MLA_TREATY_KINDS
from treaties.rulebook.schema import DutyEvent
from treaties.rulebook.schema import InstrumentKind
from treaties.rulebook.states import central_authority_of
from treaties.rules.calendar import add_term
from treaties.rules.calendar import end_of_day
from treaties.rules.calendar import start_of_day
from treaties.rules.deadlines import Basis
from treaties.rules.deadlines import DeadlineKind
from treaties.rules.deadlines import OfficePolicy
from treaties.rules.deadlines import Side
from treaties.rules.deadlines import duty_deadlines
from treaties.rules.deadlines import execution_target_deadlines
from treaties.rules.deadlines import oral_confirmation_deadlines
from treaties.rules.facts import ConsultationFacts
from treaties.rules.facts import DutyFacts
from treaties.rules.facts import RequestFacts
from treaties.rules.guards import check_channel
from treaties.rules.guards import check_conditions
from treaties.rules.guards import check_contents
from treaties.rules.guards import check_deferral
from treaties.rules.guards import check_refusal
from treaties.rules.guards import check_translation
from treaties.rules.lifecycle import InstrumentDates
from treaties.rules.lifecycle import InstrumentStatus
from treaties.rules.lifecycle import PartyDates
from treaties.rules.lifecycle import instrument_status_on
from treaties.rules.lifecycle import parties_status_on
from treaties.rules.lifecycle import withdrawal_effective_on

SLUG = "uncac-2003"
uncac = get_rulebook(SLUG)

IN_FORCE = InstrumentDates(entered_into_force_on=date(2005, 12, 14))
KAZAKHSTAN = PartyDates(date(2008, 7, 18))  # the office's record (see the rulebook's comment)
BELGIUM_JOINED = date(2008, 10, 25)  # Trb. 2011, 32: ratified 25 Sep 2008, in force 25 Oct 2008
EVENT_AT = datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Asia/Almaty"))

# Every field 46.15 makes mandatory for a request for testimony.
TESTIMONY_CONTENTS = frozenset({"requesting_authority", "offence_description",
                                "proceedings_authority", "facts_summary",
                                "assistance_description", "persons", "purpose"})


def _belgium(**dates) -> PartyDates:
    return PartyDates(entered_into_force_on=BELGIUM_JOINED, **dates)


def _refuse(ground, *, consulted=True, assistance_types=("testimony",)):
    facts = incoming(assistance_types=assistance_types,
                     consultations=refusal_consultation() if consulted else ())
    return check_refusal(uncac, facts, ground=ground, reasons="reasons given", today=TODAY)


# --- the instrument and its parties ---------------------------------------------------------------
def test_uncac_is_a_convention():
    assert uncac.kind == InstrumentKind.CONVENTION


def test_uncac_is_not_in_force_on_13_december_2005_citing_68_1():
    verdict = instrument_status_on(uncac, IN_FORCE, date(2005, 12, 13))
    assert (verdict.status, verdict.citation.reference) == (InstrumentStatus.NOT_IN_FORCE,
                                                            "Art 68.1")


def test_uncac_is_in_force_on_14_december_2005():
    assert instrument_status_on(uncac, IN_FORCE, date(2005, 12, 14)).in_force


def test_belgium_entered_into_force_on_the_30th_day_after_its_deposit_68_2():
    assert add_term(date(2008, 9, 25), days=30) == uncac.party("BE").entered_into_force_on


def test_the_day_before_belgium_joined_uncac_does_not_bind_kazakhstan_and_belgium_citing_68_2():
    verdict = parties_status_on(uncac, IN_FORCE, (KAZAKHSTAN, _belgium()),
                                BELGIUM_JOINED - timedelta(days=1))
    assert (verdict.status, verdict.citation.reference) == (InstrumentStatus.NOT_IN_FORCE,
                                                            "Art 68.2")


def test_on_the_day_belgium_joined_uncac_binds_kazakhstan_and_belgium_since_that_day():
    verdict = parties_status_on(uncac, IN_FORCE, (KAZAKHSTAN, _belgium()), BELGIUM_JOINED)
    assert (verdict.status, verdict.since) == (InstrumentStatus.IN_FORCE, BELGIUM_JOINED)


def test_a_denunciation_takes_effect_one_year_after_the_notice_70_1():
    assert withdrawal_effective_on(uncac, date(2026, 3, 2)) == date(2027, 3, 2)


def test_the_day_before_a_denunciation_takes_effect_uncac_still_binds_the_two():
    belgium = _belgium(withdrawal_notice_received_on=date(2026, 3, 2))
    assert parties_status_on(uncac, IN_FORCE, (KAZAKHSTAN, belgium), date(2027, 3, 1)).in_force


def test_on_the_day_a_denunciation_takes_effect_uncac_no_longer_binds_the_two_citing_70_1():
    belgium = _belgium(withdrawal_notice_received_on=date(2026, 3, 2))
    verdict = parties_status_on(uncac, IN_FORCE, (KAZAKHSTAN, belgium), date(2027, 3, 2))
    assert (verdict.status, verdict.citation.reference) == (InstrumentStatus.TERMINATED,
                                                            "Art 70.1")


def test_kazakhstan_accepts_requests_in_kazakh_or_russian_by_its_46_14_declaration():
    declared = uncac.party("KZ").accepted_languages
    assert (declared.languages, declared.citation.reference) == (("kk", "ru"), "Art 46.14")


def test_kazakhstans_central_authority_is_office_policy_its_notification_not_being_known():
    declared = uncac.party("KZ").central_authority
    assert (declared.authority, declared.office_policy) == (GENERAL_PROSECUTOR, True)


def test_every_foreign_party_has_a_source_a_date_and_its_46_13_central_authority():
    for party in uncac.parties[1:]:
        assert party.source is not None and party.source.url
        assert party.entered_into_force_on is not None
        assert party.central_authority.authority == central_authority_of(party.state).code
        assert party.central_authority.citation.reference == "Art 46.13"


def test_a_mla_treaty_displaces_uncac_citing_46_7():
    precedence = uncac.precedence
    assert (precedence.displaced_by, precedence.citation.reference) == (MLA_TREATY_KINDS,
                                                                        "Art 46.7")


def test_uncac_is_tried_after_the_bilateral_instruments_by_office_policy():
    assert uncac.precedence_rank > DEFAULT_PRECEDENCE_RANK
    assert uncac.precedence.rank_office_policy is not None


def test_uncac_covers_corruption_laundering_and_obstruction_of_justice_citing_46_1():
    scope = uncac.offence_scope
    assert scope.categories == {CORRUPTION, MONEY_LAUNDERING, OBSTRUCTION_OF_JUSTICE}
    assert scope.citation.reference == "Art 46.1"


# --- assistance, channels, contents, languages ----------------------------------------------------
@pytest.mark.parametrize(("code", "reference"), [
    ("provisional_measures", "Art 46.3(j)"), ("asset_return", "Art 46.3(k)"),
    ("videoconference_hearing", "Art 46.18"), ("confiscation", "Art 55.1"),
    ("transfer_of_detainees", "Art 46.10")])
def test_uncac_provides_the_assistance_with_its_article(code, reference):
    assert uncac.assistance_type(code).citation.reference == reference


def test_uncac_sets_no_asset_sharing_term():
    assert uncac.asset_sharing is None


def test_an_urgent_request_may_go_through_interpol():
    assert check_channel(uncac, "interpol", is_urgent=True) == []


def test_a_request_that_is_not_urgent_may_not_go_through_interpol_citing_46_13():
    assert_blocked(check_channel(uncac, "interpol", is_urgent=False), "urgent_via_interpol",
                   "Art 46.13")


def test_a_request_may_go_through_diplomatic_channels():
    assert check_channel(uncac, "diplomatic", is_urgent=False) == []


def test_an_urgent_oral_request_is_allowed():
    assert check_channel(uncac, "oral", is_urgent=True) == []


def test_an_oral_request_that_is_not_urgent_is_blocked_citing_46_14():
    assert_blocked(check_channel(uncac, "oral", is_urgent=False), "oral_requests", "Art 46.14")


def test_the_written_confirmation_of_an_oral_request_has_no_figure_in_the_text():
    assert uncac.oral_requests.confirmation_hours is None


def test_an_oral_request_is_confirmed_by_the_office_target_citing_46_14():
    facts = RequestFacts(direction="outgoing", channel="oral", is_urgent=True,
                         oral_request_at=EVENT_AT)
    (spec,) = oral_confirmation_deadlines(uncac, facts, OfficePolicy())
    assert (spec.due_at, spec.basis, spec.citation.reference) == (
        EVENT_AT + timedelta(hours=48), Basis.OFFICE_POLICY, "Art 46.14")


def test_a_request_for_testimony_with_every_46_15_item_is_complete():
    facts = request(assistance_types=("testimony",), filled_contents=TESTIMONY_CONTENTS)
    assert check_contents(uncac, facts) == []


def test_a_request_for_testimony_without_the_facts_is_blocked_citing_46_15_c():
    facts = request(assistance_types=("testimony",),
                    filled_contents=TESTIMONY_CONTENTS - {"facts_summary"})
    assert_blocked(check_contents(uncac, facts), "content_facts_summary", "Art 46.15(c)")


def test_a_request_only_for_service_needs_no_summary_of_the_facts():
    facts = request(assistance_types=("service_of_documents",),
                    filled_contents=TESTIMONY_CONTENTS - {"facts_summary"})
    assert check_contents(uncac, facts) == []


def test_a_request_without_its_purpose_is_blocked_citing_46_15_f():
    facts = request(assistance_types=("testimony",),
                    filled_contents=TESTIMONY_CONTENTS - {"purpose"})
    assert_blocked(check_contents(uncac, facts), "content_purpose", "Art 46.15(f)")


def test_a_request_without_a_translation_into_a_language_the_party_accepts_is_blocked_46_14():
    facts = request(request_language="ru", requested_state_languages=("zh",))
    assert_blocked(check_translation(uncac, facts), "language", "Art 46.14")


def test_a_request_translated_into_the_requested_states_language_is_accepted_without_a_declaration():
    facts = request(request_language="ru", requested_state_languages=("zh",),
                    translation_languages=frozenset({"zh"}))
    assert check_translation(uncac, facts) == []


# --- refusal, postponement, conditions ------------------------------------------------------------
def test_a_refusal_on_essential_interests_after_the_46_26_consultation_is_allowed():
    assert _refuse("refusal_essential_interests") == []


def test_a_refusal_on_essential_interests_without_consultation_is_blocked_citing_46_26():
    assert_blocked(_refuse("refusal_essential_interests", consulted=False),
                   "refusal_consultation", "Art 46.26")


def test_a_refusal_on_a_ground_off_the_list_is_blocked_citing_46_21():
    assert_blocked(_refuse("refusal_political_offence"), "ground_not_listed", "Art 46.21")


def test_absence_of_dual_criminality_is_a_ground_to_refuse_a_search_and_seizure():
    assert _refuse("refusal_no_dual_criminality",
                   assistance_types=("search_and_seizure",)) == []


def test_absence_of_dual_criminality_is_no_ground_to_refuse_testimony_citing_46_9_b():
    assert_blocked(_refuse("refusal_no_dual_criminality", assistance_types=("testimony",)),
                   "refusal_no_dual_criminality", "Art 46.9(b)")


def test_insufficient_evidence_is_a_ground_to_refuse_confiscation_55_7():
    assert _refuse("refusal_insufficient_evidence_or_de_minimis_value",
                   assistance_types=("confiscation",)) == []


def test_a_transfer_without_the_persons_consent_may_be_refused_46_10_a():
    assert _refuse("refusal_transfer_no_consent",
                   assistance_types=("transfer_of_detainees",)) == []


def test_a_refusal_for_bank_secrecy_is_blocked():
    assert _refuse("refusal_bank_secrecy")


def test_a_refusal_for_bank_secrecy_is_blocked_citing_46_8():
    assert_blocked(_refuse("refusal_bank_secrecy"), "refusal_bank_secrecy", "Art 46.8")


@pytest.mark.parametrize(("code", "reference"), [("refusal_bank_secrecy", "Art 46.8"),
                                                 ("refusal_fiscal_matters", "Art 46.22")])
def test_uncac_rules_out_a_refusal_ground_in_its_own_article(code, reference):
    assert uncac.excluded_refusal_ground(code).citation.reference == reference


def test_a_postponement_for_ongoing_proceedings_after_consultation_is_allowed():
    facts = incoming(consultations=(ConsultationFacts("deferral", TODAY),))
    assert check_deferral(uncac, facts, ground="deferral_interferes_with_proceedings",
                          reasons="r", today=TODAY) == []


def test_a_postponement_without_consultation_is_blocked_citing_46_26():
    assert_blocked(check_deferral(uncac, incoming(), ground="deferral_interferes_with_proceedings",
                                  reasons="r", today=TODAY), "deferral_consultation", "Art 46.26")


def test_conditions_the_requesting_party_has_not_accepted_are_blocked_citing_46_26():
    assert_blocked(check_conditions(uncac, conditions="used only in case 1", accepted_on=None),
                   "conditions", "Art 46.26")


# --- duties ---------------------------------------------------------------------------------------
def _duty(code, direction="incoming", fulfilled_at=None):
    facts = RequestFacts(direction=direction,
                         duties=(DutyFacts("1", code, EVENT_AT, fulfilled_at),))
    (spec,) = duty_deadlines(uncac, facts, OfficePolicy())
    return spec


def test_safe_conduct_ends_at_the_end_of_the_15th_day_after_the_notice_citing_46_27():
    spec = _duty("duty_safe_conduct_ends", direction="outgoing")
    assert (spec.kind, spec.due_at, spec.basis, spec.citation.reference, spec.responsible_side) == (
        DeadlineKind.SAFE_CONDUCT_ENDS, end_of_day(date(2026, 3, 17)), Basis.TREATY, "Art 46.27",
        Side.KAZAKHSTAN)


@pytest.mark.parametrize(("left_on", "in_time"), [(date(2026, 3, 17), True),
                                                  (date(2026, 3, 18), False)])
def test_a_person_leaving_on_day_15_keeps_safe_conduct_and_on_day_16_does_not(left_on, in_time):
    spec = _duty("duty_safe_conduct_ends", direction="outgoing",
                 fulfilled_at=start_of_day(left_on) + timedelta(hours=9))
    assert (spec.satisfied_at <= spec.due_at) is in_time


def test_a_question_on_progress_is_answered_by_kazakhstan_as_requested_party_citing_46_24():
    spec = _duty("duty_progress_information")
    assert (spec.kind, spec.responsible_side, spec.basis, spec.citation.reference) == (
        DeadlineKind.PROGRESS_INFORMATION, Side.KAZAKHSTAN, Basis.OFFICE_POLICY, "Art 46.24")


def test_a_request_we_received_is_executed_by_the_office_target_cited_to_46_24():
    facts = RequestFacts(direction="incoming", received_at=EVENT_AT)
    (spec,) = execution_target_deadlines(uncac, facts, OfficePolicy())
    assert (spec.due_at, spec.basis, spec.citation.reference) == (
        end_of_day(date(2026, 4, 1)), Basis.OFFICE_POLICY, "Art 46.24")


def test_confidentiality_that_cannot_be_kept_is_told_promptly_citing_46_20():
    rule = uncac.duty_for_event(DutyEvent.CONFIDENTIALITY_IMPOSSIBLE)
    assert (rule.immediate, rule.citation.reference) == (True, "Art 46.20")


def test_use_for_other_proceedings_always_needs_prior_consent_citing_46_19():
    use = uncac.use_conditions
    assert (use.consent_always_needed, use.other_use_consent.reference) == (True, "Art 46.19")


def test_the_requested_party_bears_the_ordinary_costs_and_consults_on_extraordinary_ones_46_28():
    costs = uncac.costs
    assert costs.heads[0].borne_by == "requested_side"
    assert (costs.consultation_mandatory, costs.extraordinary.reference) == (True, "Art 46.28")


@pytest.mark.parametrize(("code", "reference"), [
    ("hearing_before_lifting_measure", "Art 55.8"), ("asset_return_public_funds", "Art 57.3(a)"),
    ("asset_return_other_proceeds", "Art 57.3(b)"),
    ("asset_return_priority_consideration", "Art 57.3(c)"),
    ("asset_return_expenses", "Art 57.4"), ("asset_disposal_agreements", "Art 57.5"),
    ("spontaneous_information_on_proceeds", "Art 56")])
def test_chapter_v_provisions_are_shown_with_their_article(code, reference):
    assert uncac.rule(code).citation.reference == reference


# --- parties added from national records -----------------------------------------------------------
SWITZERLAND_JOINED = date(2009, 10, 24)  # Swiss Federal Office of Justice: deposited 24 Sep 2009


def _kazakhstan_and_switzerland(on: date):
    kazakhstan = PartyDates(uncac.party("KZ").entered_into_force_on)
    switzerland = PartyDates(uncac.party("CH").entered_into_force_on)
    return parties_status_on(uncac, IN_FORCE, (kazakhstan, switzerland), on)


def test_switzerland_is_recorded_from_its_sourced_date_the_30th_day_after_its_deposit_68_2():
    assert uncac.party("CH").entered_into_force_on == SWITZERLAND_JOINED
    assert add_term(date(2009, 9, 24), days=30) == SWITZERLAND_JOINED
    assert "admin.ch" in uncac.party("CH").source.url


def test_the_day_before_switzerland_joined_uncac_does_not_bind_kazakhstan_and_switzerland():
    verdict = _kazakhstan_and_switzerland(SWITZERLAND_JOINED - timedelta(days=1))
    assert (verdict.status, verdict.citation.reference) == (InstrumentStatus.NOT_IN_FORCE,
                                                            "Art 68.2")


def test_on_the_day_switzerland_joined_uncac_binds_kazakhstan_and_switzerland_since_that_day():
    verdict = _kazakhstan_and_switzerland(SWITZERLAND_JOINED)
    assert (verdict.status, verdict.since) == (InstrumentStatus.IN_FORCE, SWITZERLAND_JOINED)


def test_polands_46_14_languages_and_date_come_from_its_government_statement():
    poland = uncac.party("PL")
    assert poland.entered_into_force_on == date(2006, 10, 15)
    declared = poland.accepted_languages
    assert (declared.languages, declared.citation.reference) == (("pl", "en"), "Art 46.14")


def test_the_united_states_is_a_party_from_29_november_2006():
    assert uncac.party("US").entered_into_force_on == date(2006, 11, 29)
