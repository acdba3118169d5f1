"""UNTOC 2000 (Art 18, with Art 2, 3, 13, 38, 40): the rulebook read by the pure guards, deadline
and lifecycle functions. One behaviour per test; boundaries where the text sets a number."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from treaties.rulebook import get_rulebook
from treaties.rulebook.offences import CORRUPTION
from treaties.rulebook.offences import MONEY_LAUNDERING
from treaties.rulebook.offences import OBSTRUCTION_OF_JUSTICE
from treaties.rulebook.offences import PARTICIPATION_IN_ORGANISED_GROUP
from treaties.rulebook.schema import MLA_TREATY_KINDS
from treaties.rulebook.schema import CostBearer
from treaties.rulebook.schema import InstrumentKind
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
from treaties.rules.facts import DutyFacts
from treaties.rules.guards import check_assistance_types
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

from ._guards import TODAY
from ._guards import assert_blocked
from ._guards import incoming
from ._guards import refusal_consultation
from ._guards import request

SLUG = "untoc-2000"
untoc = get_rulebook(SLUG)

ALMATY = ZoneInfo("Asia/Almaty")
EVENT_AT = datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY)
POLICY = OfficePolicy()
IN_FORCE = InstrumentDates(date(2003, 9, 29))
GERMANY_BOUND = date(2006, 7, 14)  # Trb. 2007, 70
KAZAKHSTAN_BOUND = date(2008, 8, 30)  # the office's record

# Everything Art 18.15 asks of a request for testimony.
CONTENTS = frozenset({"requesting_authority", "offence_description", "proceedings_authority",
                      "facts_summary", "assistance_description", "purpose"})


def _between_kazakhstan_and_germany(on: date, germany: PartyDates | None = None):
    return parties_status_on(untoc, IN_FORCE, [PartyDates(untoc.party("KZ").entered_into_force_on),
                                               germany or PartyDates(GERMANY_BOUND)],
                             on)


def _duty(code: str, direction: str, fulfilled_at=None):
    facts = request(direction=direction, duties=(DutyFacts("1", code, EVENT_AT, fulfilled_at),))
    (spec,) = duty_deadlines(untoc, facts, POLICY)
    return spec


def _refuse(ground: str, *, consulted: bool = True, reasons: str = "Reasons given.",
            **facts):
    consultations = refusal_consultation() if consulted else ()
    return check_refusal(untoc, incoming(consultations=consultations, **facts), ground=ground,
                         reasons=reasons, today=TODAY)


# --- the instrument ------------------------------------------------------------------------------
def test_untoc_is_a_convention_with_kazakhstan_first():
    assert untoc.kind == InstrumentKind.CONVENTION
    assert untoc.party_codes[0] == "KZ"


def test_convention_is_not_in_force_the_day_before_29_september_2003_citing_38_1():
    verdict = instrument_status_on(untoc, IN_FORCE, date(2003, 9, 28))
    assert verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert verdict.citation.reference == "Art 38.1"


def test_convention_is_in_force_on_29_september_2003():
    assert instrument_status_on(untoc, IN_FORCE, date(2003, 9, 29)).in_force


def test_between_kazakhstan_and_germany_not_in_force_the_day_before_germany_was_bound_citing_38_2():
    verdict = _between_kazakhstan_and_germany(GERMANY_BOUND - timedelta(days=1))
    assert verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert verdict.citation.reference == "Art 38.2"


def test_between_kazakhstan_and_germany_not_in_force_the_day_before_kazakhstan_was_bound():
    verdict = _between_kazakhstan_and_germany(KAZAKHSTAN_BOUND - timedelta(days=1))
    assert verdict.status == InstrumentStatus.NOT_IN_FORCE
    assert verdict.citation.reference == "Art 38.2"


def test_between_kazakhstan_and_germany_in_force_from_the_later_of_their_two_dates():
    verdict = _between_kazakhstan_and_germany(KAZAKHSTAN_BOUND)
    assert verdict.in_force
    assert verdict.since == KAZAKHSTAN_BOUND  # Germany was bound first, on 14 July 2006


def test_germanys_entry_into_force_is_the_one_the_party_table_gives():
    assert untoc.party("DE").entered_into_force_on == GERMANY_BOUND


def test_austrias_entry_into_force_is_the_thirtieth_day_after_its_deposit_by_38_2():
    # The depositary gives the deposit (23 September 2004), not the date of entry into force.
    assert untoc.party("AT").entered_into_force_on == add_term(date(2004, 9, 23), days=30)


def test_kazakhstans_own_date_is_the_offices_record_marked_as_such():
    kazakhstan = untoc.party("KZ")
    assert kazakhstan.entered_into_force_on == date(2008, 8, 30)
    assert kazakhstan.entry_into_force_recorded_by_office


def test_a_party_with_no_date_recorded_is_not_known_to_be_bound():
    verdict = parties_status_on(untoc, IN_FORCE, [PartyDates(date(2008, 8, 30)), PartyDates()],
                                date(2026, 3, 2))
    assert verdict.status == InstrumentStatus.PARTY_DATE_UNKNOWN
    assert verdict.citation.reference == "Art 38.2"


def test_denunciation_takes_effect_twelve_calendar_months_after_the_notice():
    assert withdrawal_effective_on(untoc, date(2026, 3, 2)) == date(2027, 3, 2)


def test_a_party_that_denounced_is_still_bound_the_day_before_the_year_runs_out():
    germany = PartyDates(GERMANY_BOUND, withdrawal_notice_received_on=date(2026, 3, 2))
    assert _between_kazakhstan_and_germany(date(2027, 3, 1), germany).in_force


def test_a_party_that_denounced_is_no_longer_bound_once_the_year_has_run_citing_40_1():
    germany = PartyDates(GERMANY_BOUND, withdrawal_notice_received_on=date(2026, 3, 2))
    verdict = _between_kazakhstan_and_germany(date(2027, 3, 2), germany)
    assert verdict.status == InstrumentStatus.TERMINATED
    assert verdict.citation.reference == "Art 40.1"
    assert verdict.since == date(2027, 3, 2)


def test_kazakhstans_denunciation_ends_the_convention_for_it_a_year_after_the_notice():
    dates = InstrumentDates(date(2003, 9, 29), termination_notice_received_on=date(2026, 3, 2))
    assert instrument_status_on(untoc, dates, date(2027, 3, 1)).in_force
    verdict = instrument_status_on(untoc, dates, date(2027, 3, 2))
    assert verdict.status == InstrumentStatus.TERMINATED
    assert verdict.citation.reference == "Art 40.1"


# --- precedence and scope ------------------------------------------------------------------------
def test_a_treaty_of_mutual_legal_assistance_displaces_paragraphs_9_to_29_citing_18_7():
    assert untoc.displaced_by == MLA_TREATY_KINDS
    assert untoc.precedence.citation.reference == "Art 18.7"


def test_rank_among_the_conventions_is_office_policy_after_the_bilateral_treaties():
    assert untoc.precedence_rank == 50
    assert untoc.precedence.rank_office_policy is not None
    assert "specific" in untoc.precedence.rank_office_policy.en


def test_offence_scope_names_the_four_convention_offences_citing_art_3_1():
    scope = untoc.offence_scope
    assert scope.categories == {PARTICIPATION_IN_ORGANISED_GROUP, MONEY_LAUNDERING, CORRUPTION,
                                OBSTRUCTION_OF_JUSTICE}
    assert scope.citation.reference == "Art 3.1"


def test_serious_crime_is_four_years_or_more_citing_art_2_b():
    scope = untoc.offence_scope
    assert scope.serious_crime_min_years == 4
    assert scope.serious_crime_citation.reference == "Art 2(b)"


def test_an_organised_criminal_group_must_be_involved_or_suspected_citing_18_1():
    scope = untoc.offence_scope
    assert scope.organised_group_required is True
    assert scope.organised_group_citation.reference == "Art 18.1"


def test_a_type_of_assistance_outside_18_3_is_blocked_citing_18_3():
    assert_blocked(check_assistance_types(untoc, ("controlled_delivery",)),
                   "assistance_type_not_covered", "Art 18.3")


@pytest.mark.parametrize(("code", "reference"), [
    ("testimony", "Art 18.3(a)"), ("service_of_documents", "Art 18.3(b)"),
    ("search_and_seizure", "Art 18.3(c)"), ("examination_of_objects", "Art 18.3(d)"),
    ("documents_and_evidence", "Art 18.3(e)"), ("expert_examination", "Art 18.3(e)"),
    ("official_documents", "Art 18.3(f)"), ("bank_information", "Art 18.3(f)"),
    ("provisional_measures", "Art 18.3(g)"), ("other_legal_assistance", "Art 18.3(i)"),
    ("transfer_of_detainees", "Art 18.10"), ("videoconference_hearing", "Art 18.18"),
    ("confiscation", "Art 13.1")])
def test_each_type_of_assistance_cites_its_paragraph(code, reference):
    assert check_assistance_types(untoc, (code,)) == []
    assert untoc.assistance_type(code).citation.reference == reference


# --- channels, languages, oral requests ---------------------------------------------------------
@pytest.mark.parametrize("channel", ["post", "courier", "electronic", "fax", "diplomatic"])
def test_written_channels_and_diplomatic_channels_are_allowed(channel):
    assert check_channel(untoc, channel, is_urgent=False) == []


def test_urgent_request_may_go_through_interpol():
    assert check_channel(untoc, "interpol", is_urgent=True) == []


def test_request_that_is_not_urgent_may_not_go_through_interpol_citing_18_13():
    assert_blocked(check_channel(untoc, "interpol", is_urgent=False), "urgent_via_interpol",
                   "Art 18.13")


def test_urgent_oral_request_is_allowed():
    assert check_channel(untoc, "oral", is_urgent=True) == []


def test_oral_request_that_is_not_urgent_is_blocked_citing_18_14():
    assert_blocked(check_channel(untoc, "oral", is_urgent=False), "oral_requests", "Art 18.14")


def test_oral_request_is_confirmed_forthwith_by_the_office_target_not_a_treaty_figure():
    facts = request(oral_request_at=EVENT_AT)
    (spec,) = oral_confirmation_deadlines(untoc, facts, POLICY)
    assert spec.basis == Basis.OFFICE_POLICY
    assert spec.due_at == EVENT_AT + timedelta(hours=POLICY.oral_confirmation_hours)
    assert spec.citation.reference == "Art 18.14"


def test_russian_request_with_no_translation_into_a_language_germany_accepts_is_blocked_citing_18_14():
    facts = request(request_language="ru", requested_state_languages=("de",))
    assert_blocked(check_translation(untoc, facts), "language", "Art 18.14")


def test_request_translated_into_the_requested_partys_language_passes_the_translation_guard():
    # No party's 18.14 notification is recorded: the resolver is to accept the requested state's
    # official languages and say so.
    facts = request(request_language="ru", translation_languages=frozenset({"de"}),
                    requested_state_languages=("de",))
    assert check_translation(untoc, facts) == []


def test_only_poland_declares_languages_and_no_party_oral_requests_without_a_source():
    # Poland's 18.14 notification is in its Government statement (Dz.U. 2005 No. 18 item 159).
    declared = {p.code: p.accepted_languages for p in untoc.parties if p.accepted_languages}
    assert list(declared) == ["PL"]
    assert (declared["PL"].languages, declared["PL"].citation.reference) == (("pl", "en"),
                                                                             "Art 18.14")
    assert "159" in untoc.party("PL").source.title
    assert all(p.oral_requests is None for p in untoc.parties)


US_BOUND = date(2005, 12, 3)  # State Department: deposited 3 November 2005, party 30 days later


def _between_kazakhstan_and_the_united_states(on: date):
    return parties_status_on(untoc, IN_FORCE,
                             [PartyDates(untoc.party("KZ").entered_into_force_on),
                              PartyDates(untoc.party("US").entered_into_force_on)], on)


def test_the_united_states_is_bound_from_its_sourced_date_the_thirtieth_day_after_deposit():
    assert untoc.party("US").entered_into_force_on == US_BOUND == add_term(date(2005, 11, 3),
                                                                            days=30)
    assert "State" in untoc.party("US").source.title


def test_between_kazakhstan_and_the_united_states_not_in_force_the_day_before_kazakhstan_was_bound():
    verdict = _between_kazakhstan_and_the_united_states(KAZAKHSTAN_BOUND - timedelta(days=1))
    assert verdict.status == InstrumentStatus.NOT_IN_FORCE


def test_between_kazakhstan_and_the_united_states_in_force_from_kazakhstans_later_date():
    verdict = _between_kazakhstan_and_the_united_states(KAZAKHSTAN_BOUND)
    assert verdict.in_force and verdict.since == KAZAKHSTAN_BOUND


def test_the_united_states_alone_is_not_bound_the_day_before_its_date_and_is_on_it():
    # With Kazakhstan's date before it, the later date is the United States' own.
    early = PartyDates(date(2004, 1, 1))
    before = parties_status_on(untoc, IN_FORCE, [early, PartyDates(US_BOUND)],
                               US_BOUND - timedelta(days=1))
    assert (before.status, before.citation.reference) == (InstrumentStatus.NOT_IN_FORCE,
                                                          "Art 38.2")
    on = parties_status_on(untoc, IN_FORCE, [early, PartyDates(US_BOUND)], US_BOUND)
    assert on.in_force and on.since == US_BOUND


# --- contents (18.15, 13.3) ----------------------------------------------------------------------
def test_request_with_every_18_15_item_passes_the_contents_guard():
    assert check_contents(untoc, request(assistance_types=("testimony",),
                                         filled_contents=CONTENTS)) == []


def test_request_without_the_requesting_authority_is_blocked_citing_18_15_a():
    facts = request(assistance_types=("testimony",),
                    filled_contents=CONTENTS - {"requesting_authority"})
    assert_blocked(check_contents(untoc, facts), "content_requesting_authority", "Art 18.15(a)")


def test_request_for_testimony_without_the_facts_is_blocked_citing_18_15_c():
    facts = request(assistance_types=("testimony",), filled_contents=CONTENTS - {"facts_summary"})
    assert_blocked(check_contents(untoc, facts), "content_facts_summary", "Art 18.15(c)")


def test_request_only_for_service_of_judicial_documents_needs_no_facts():
    facts = request(assistance_types=("service_of_documents",),
                    filled_contents=CONTENTS - {"facts_summary"})
    assert check_contents(untoc, facts) == []


def test_request_to_enforce_a_confiscation_order_without_the_order_is_blocked_citing_13_3_b():
    facts = request(assistance_types=("confiscation",), filled_contents=CONTENTS)
    assert_blocked(check_contents(untoc, facts), "content_confiscation_order", "Art 13.3(b)")


def test_persons_concerned_are_asked_for_only_where_possible():
    assert "persons" not in {rule.field for rule in untoc.mandatory_contents}
    assert untoc.rule("optional_persons").citation.reference == "Art 18.15(e)"


# --- refusal, deferral, conditions (18.21-18.26) --------------------------------------------------
def test_refusal_on_an_18_21_ground_after_a_consultation_is_allowed():
    assert _refuse("refusal_essential_interests") == []


def test_refusal_on_an_18_21_ground_without_a_consultation_is_blocked_citing_18_26():
    assert_blocked(_refuse("refusal_essential_interests", consulted=False),
                   "refusal_consultation", "Art 18.26")


def test_refusal_on_a_ground_off_the_list_is_blocked_citing_18_21():
    assert_blocked(_refuse("refusal_political_offence"), "ground_not_listed", "Art 18.21")


def test_refusal_without_reasons_is_blocked_citing_18_23():
    assert_blocked(_refuse("refusal_essential_interests", reasons=""), "refusal_reasons",
                   "Art 18.23")


def test_refusal_for_absence_of_dual_criminality_is_allowed_citing_18_9():
    assert _refuse("refusal_no_dual_criminality") == []
    assert untoc.refusal_ground("refusal_no_dual_criminality").citation.reference == "Art 18.9"


def test_offence_not_covered_is_no_ground_for_a_request_for_testimony_citing_13_7():
    assert_blocked(_refuse("refusal_offence_not_covered", assistance_types=("testimony",)),
                   "refusal_offence_not_covered", "Art 13.7")


def test_offence_not_covered_is_a_ground_for_a_request_for_confiscation():
    assert _refuse("refusal_offence_not_covered", assistance_types=("confiscation",)) == []


def test_refusal_for_bank_secrecy_is_blocked():
    assert _refuse("refusal_bank_secrecy")


def test_refusal_for_bank_secrecy_is_blocked_citing_18_8():
    assert_blocked(_refuse("refusal_bank_secrecy"), "refusal_bank_secrecy", "Art 18.8")


@pytest.mark.parametrize(("code", "reference"), [("refusal_bank_secrecy", "Art 18.8"),
                                                 ("refusal_fiscal_matters", "Art 18.22")])
def test_grounds_the_text_rules_out_cite_their_own_paragraph(code, reference):
    assert untoc.excluded_refusal_ground(code).citation.reference == reference
    assert untoc.refusal_ground(code) is None


def test_postponement_for_interference_with_proceedings_after_a_consultation_is_allowed():
    facts = incoming(consultations=refusal_consultation(subject="deferral"))
    assert check_deferral(untoc, facts, ground="deferral_interferes_with_proceedings",
                          reasons="An investigation is under way.", today=TODAY) == []


def test_postponement_without_a_consultation_is_blocked_citing_18_26():
    assert_blocked(check_deferral(untoc, incoming(), ground="deferral_interferes_with_proceedings",
                                  reasons="An investigation is under way.", today=TODAY),
                   "deferral_consultation", "Art 18.26")


def test_postponement_on_a_ground_off_the_list_is_blocked_citing_18_25():
    facts = incoming(consultations=refusal_consultation(subject="deferral"))
    assert_blocked(check_deferral(untoc, facts, ground="deferral_endangers_person",
                                  reasons="Risk.", today=TODAY), "ground_not_listed", "Art 18.25")


def test_conditions_not_accepted_by_the_requesting_state_are_blocked_citing_18_26():
    assert_blocked(check_conditions(untoc, conditions="Use only in case 1.", accepted_on=None),
                   "conditions", "Art 18.26")


def test_conditions_accepted_by_the_requesting_state_are_allowed():
    assert check_conditions(untoc, conditions="Use only in case 1.", accepted_on=TODAY) == []


# --- duties and terms ----------------------------------------------------------------------------
def test_safe_conduct_ends_at_the_end_of_the_15th_day_after_the_notice_citing_18_27():
    spec = _duty("duty_safe_conduct_ends", "outgoing")
    assert (spec.kind, spec.due_at, spec.basis, spec.citation.reference,
            spec.responsible_side) == (DeadlineKind.SAFE_CONDUCT_ENDS,
                                       end_of_day(date(2026, 3, 17)), Basis.TREATY, "Art 18.27",
                                       Side.KAZAKHSTAN)


@pytest.mark.parametrize(("left_on", "in_time"), [(date(2026, 3, 16), True),
                                                  (date(2026, 3, 17), True),
                                                  (date(2026, 3, 18), False)])
def test_person_leaving_on_day_14_or_15_is_in_time_and_on_day_16_late(left_on, in_time):
    spec = _duty("duty_safe_conduct_ends", "outgoing",
                 fulfilled_at=start_of_day(left_on) + timedelta(hours=9))
    assert (spec.satisfied_at <= spec.due_at) is in_time


def test_progress_asked_is_answered_by_the_office_target_citing_18_24():
    spec = _duty("duty_progress_information", "incoming")
    assert (spec.kind, spec.basis, spec.citation.reference, spec.responsible_side) == (
        DeadlineKind.PROGRESS_INFORMATION, Basis.OFFICE_POLICY, "Art 18.24", Side.KAZAKHSTAN)


def test_confidentiality_impossible_is_told_promptly_by_the_office_target_citing_18_20():
    spec = _duty("duty_confidentiality_impossible", "incoming")
    assert (spec.due_at, spec.basis, spec.citation.reference) == (
        EVENT_AT + timedelta(hours=POLICY.notice_target_hours), Basis.OFFICE_POLICY, "Art 18.20")


def test_exculpatory_disclosure_notice_falls_on_kazakhstan_as_requesting_state_citing_18_19():
    spec = _duty("duty_notice_of_exculpatory_disclosure", "outgoing")
    assert (spec.responsible_side, spec.citation.reference) == (Side.KAZAKHSTAN, "Art 18.19")


def test_execution_as_soon_as_possible_runs_the_office_target_citing_18_24():
    facts = incoming(received_at=EVENT_AT)
    (spec,) = execution_target_deadlines(untoc, facts, POLICY)
    assert (spec.basis, spec.citation.reference) == (Basis.OFFICE_POLICY, "Art 18.24")


# --- registers -----------------------------------------------------------------------------------
def test_ordinary_costs_are_borne_by_the_requested_state_citing_18_28():
    head = untoc.costs.head("cost_ordinary")
    assert head.borne_by == CostBearer.REQUESTED_SIDE
    assert head.citation.reference == "Art 18.28"


def test_extraordinary_costs_call_for_a_consultation_citing_18_28():
    assert untoc.costs.consultation_mandatory is True
    assert untoc.costs.extraordinary.reference == "Art 18.28"


def test_use_limitation_with_exculpatory_disclosure_notified_and_confidentiality_inability():
    use = untoc.use_conditions
    assert use.consent_always_needed is True
    assert (use.citation.reference, use.disclosure_notice.reference,
            use.confidentiality_inability.reference) == ("Art 18.19", "Art 18.19", "Art 18.20")


def test_spontaneous_information_is_bound_by_the_senders_conditions_citing_18_4_and_18_5():
    register = untoc.spontaneous_information_register
    assert (register.citation.reference, register.conditions.reference) == ("Art 18.4",
                                                                             "Art 18.5")


def test_detainee_transfer_needs_the_persons_consent_citing_18_10_a():
    assert untoc.detainee_transfer.consent_citation.reference == "Art 18.10(a)"


# --- parties -------------------------------------------------------------------------------------
def test_kazakhstans_central_authority_is_office_policy():
    declaration = untoc.party("KZ").central_authority
    assert declaration.authority == "kz-gpo"
    assert declaration.office_policy


def test_every_foreign_party_designates_its_central_authority_under_18_13_with_a_source():
    for party in untoc.parties[1:]:
        assert party.central_authority.citation.reference == "Art 18.13"
        assert party.source is not None and party.source.url
        assert party.source.accessed == date(2026, 12, 4)
        assert party.entered_into_force_on is not None
