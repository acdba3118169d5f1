"""The readings corrected after the treaty audit (``../shared/docs/treaty-audit.md``), each at its
boundary: who is summoned (F4), foreign decisions flagged, not blocked (F5), the RS 6.5 date on an
incoming request (F6), CZ 17 partial suspension (F12), RS 6.3/12.3 occasions for conditions,
RS 4.2 / BR 23.2 answer language, RS 8.2 proof of service, RS 8.3 agreed term."""

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytest
from django.utils import translation

from tests.treaties._guards import BR
from tests.treaties._guards import CZ
from tests.treaties._guards import RS
from tests.treaties._guards import TODAY
from tests.treaties._guards import assert_blocked
from tests.treaties._guards import br
from tests.treaties._guards import ctx
from tests.treaties._guards import cz
from tests.treaties._guards import incoming
from tests.treaties._guards import request
from tests.treaties._guards import rs
from tests.treaties._guards import rs_request
from tests.treaties._guards import rules_of
from tests.treaties._guards import summoned
from treaties.rulebook import get_rulebook
from treaties.rules.breaches import foreign_decision_breaches
from treaties.rules.calendar import ALMATY
from treaties.rules.deadlines import DeadlineKind
from treaties.rules.deadlines import OfficePolicy
from treaties.rules.deadlines import compute_deadlines
from treaties.rules.facts import OUTGOING
from treaties.rules.facts import ConsultationFacts
from treaties.rules.facts import DecisionFacts
from treaties.rules.facts import PersonFacts
from treaties.rules.guards import check_answer_language
from treaties.rules.guards import check_answer_signed_and_sealed
from treaties.rules.guards import check_conditions_occasion
from treaties.rules.guards import check_contents
from treaties.rules.guards import check_service_proof
from treaties.rules.guards import check_summons_lead_time
from treaties.rules.guards import missing_contents
from treaties.rules.lifecycle import InstrumentDates
from treaties.rules.lifecycle import InstrumentStatus
from treaties.rules.lifecycle import instrument_status_on
from treaties.rules.transition_guards import guard_forward


# === F4: only a summons to appear before our authorities counts ===================================
def test_rs_witness_heard_in_serbia_30_days_out_does_not_block_transmission():
    facts = rs_request(persons=(PersonFacts("p1", "to_hear", TODAY + timedelta(days=30)),))
    assert check_summons_lead_time(rs, facts, TODAY) == []


def test_br_videoconference_hearing_30_days_out_is_no_summons_to_brazil():
    facts = request(assistance_types=("videoconference_hearing",), persons=(summoned(30),))
    assert check_summons_lead_time(br, facts, TODAY) == []


def test_rs_person_summoned_to_appear_in_kazakhstan_59_days_out_still_blocks_citing_8_3():
    assert_blocked(check_summons_lead_time(rs, rs_request(persons=(summoned(59),)), TODAY),
                   "summons_lead_time", "Art 8.3")


# === RS 8.3: the shorter term agreed binds as agreed ==============================================
def _agreed(days_ahead: int):
    return rs_request(persons=(summoned(days_ahead),), is_urgent=True,
                      shorter_summons_term_agreed=True, agreed_summons_term_days=30)


def test_rs_agreed_30_day_term_lets_an_appearance_30_days_out_go():
    assert check_summons_lead_time(rs, _agreed(30), TODAY) == []


def test_rs_agreed_30_day_term_holds_an_appearance_29_days_out_citing_8_3():
    assert_blocked(check_summons_lead_time(rs, _agreed(29), TODAY), "summons_lead_time", "Art 8.3")


def test_rs_agreed_term_moves_the_transmission_deadline_to_appearance_minus_the_agreed_days():
    facts = _agreed(45)
    [spec] = [s for s in compute_deadlines(rs, facts)
              if s.kind == DeadlineKind.SUMMONS_TRANSMISSION]
    assert spec.due_at.date() == TODAY + timedelta(days=15)
    assert spec.waived_reason == ""


# === F5: the other side's decisions on our request ================================================
def _flags(book, kind, ground, reasons, consultations=()):
    facts = request(direction=OUTGOING, consultations=consultations)
    return [(v.rule, v.citation.reference) for v in foreign_decision_breaches(
        book, facts, kind=kind, ground=ground, reasons=reasons, decided_on=TODAY)]


def test_serbian_refusal_on_a_ground_off_the_list_without_reasons_or_consultation_is_flagged():
    assert _flags(rs, "refusal", "not_listed", "") == [
        ("breach_ground_not_listed", "Art 5"), ("breach_no_reasons", "Art 5.4"),
        ("breach_no_consultation", "Art 5.3")]


def test_serbian_refusal_on_a_listed_ground_with_reasons_after_consultation_is_not_flagged():
    consulted = (ConsultationFacts("refusal", TODAY - timedelta(days=1)),)
    assert _flags(rs, "refusal", "refusal_persecution", "r", consulted) == []


def test_czech_refusal_without_reasons_is_no_breach_of_9_5():
    assert _flags(cz, "refusal", "refusal_contrary_to_law_or_obligations", "") == []


def test_brazilian_deferral_on_a_ground_off_the_list_is_flagged_citing_3_2():
    assert _flags(br, "deferral", "not_listed", "r") == [("breach_ground_not_listed", "Art 3.2")]


def test_our_own_decisions_are_never_flagged_as_the_other_sides_breach():
    assert foreign_decision_breaches(rs, incoming(), kind="refusal", ground="not_listed",
                                     reasons="", decided_on=TODAY) == []


# === F6: RS 6.5 on an incoming request ===========================================================
def test_incoming_rs_request_with_an_unreasoned_date_may_be_forwarded():
    facts = incoming(filled_contents=frozenset({
        "signed_and_sealed", "requesting_authority", "purpose", "assistance_description",
        "offence_description", "legal_qualification", "applicable_law", "reasons_for_measures"}),
        request_language="sr", translation_languages=frozenset({"ru"}),
        requested_state_languages=("kk", "ru"),
        requested_execution_date=TODAY + timedelta(days=10))
    assert guard_forward(rs, facts, ctx(rs)) == []


def test_incoming_rs_unreasoned_date_gives_a_row_that_does_not_bind():
    facts = incoming(requested_execution_date=TODAY + timedelta(days=10))
    [spec] = [s for s in compute_deadlines(rs, facts)
              if s.kind == DeadlineKind.REQUESTED_EXECUTION_DATE]
    assert spec.waived_reason


def test_incoming_rs_reasoned_date_binds():
    facts = incoming(requested_execution_date=TODAY + timedelta(days=10),
                     requested_execution_reason_given=True)
    [spec] = [s for s in compute_deadlines(rs, facts)
              if s.kind == DeadlineKind.REQUESTED_EXECUTION_DATE]
    assert spec.waived_reason == ""


# === F12: CZ 17 partial suspension ================================================================
NOTICE = date(2026, 1, 10)
PARTIAL = InstrumentDates(entered_into_force_on=date(2018, 9, 1),
                          suspension_notice_received_on=NOTICE,
                          suspended_assistance_types=("controlled_delivery",))


def test_cz_partial_suspension_stops_the_form_of_cooperation_it_names_from_day_15():
    verdict = instrument_status_on(cz, PARTIAL, NOTICE + timedelta(days=15),
                                   ("controlled_delivery",))
    assert verdict.status == InstrumentStatus.SUSPENDED
    assert verdict.partially_suspended


def test_cz_partial_suspension_leaves_the_form_it_names_open_on_day_14():
    verdict = instrument_status_on(cz, PARTIAL, NOTICE + timedelta(days=14),
                                   ("controlled_delivery",))
    assert verdict.status == InstrumentStatus.IN_FORCE


def test_cz_partial_suspension_leaves_other_forms_of_cooperation_in_force():
    verdict = instrument_status_on(cz, PARTIAL, NOTICE + timedelta(days=15),
                                   ("information_exchange",))
    assert verdict.status == InstrumentStatus.IN_FORCE


def test_cz_partially_suspended_agreement_as_a_whole_reads_partially_suspended():
    verdict = instrument_status_on(cz, PARTIAL, NOTICE + timedelta(days=15))
    with translation.override("en"):
        assert (verdict.status, verdict.label) == (InstrumentStatus.SUSPENDED,
                                                   "partially suspended")


# === RS 6.3 / 12.3: when conditions may be set ====================================================
def test_rs_conditions_at_any_point_of_execution_are_blocked_citing_6_3():
    assert_blocked(check_conditions_occasion(rs, incoming(), TODAY), "conditions_occasions",
                   "Art 6.3")


def test_rs_conditions_after_deciding_instead_of_deferring_are_allowed():
    facts = incoming(decisions=(DecisionFacts("partial_or_conditional_considered", "", TODAY),))
    assert check_conditions_occasion(rs, facts, TODAY) == []


def test_rs_conditions_on_handing_over_seized_items_are_allowed():
    facts = incoming(assistance_types=("search_and_seizure",))
    assert check_conditions_occasion(rs, facts, TODAY) == []


@pytest.mark.parametrize("slug", (CZ, BR))
def test_instruments_without_occasions_allow_conditions_during_execution(slug):
    assert check_conditions_occasion(get_rulebook(slug), incoming(), TODAY) == []


# === RS 4.2 / BR 23.2: the language of our answer ================================================
def test_rs_answer_in_russian_with_an_english_translation_meets_4_2():
    facts = incoming(requested_state_languages=("kk", "ru"))
    assert check_answer_language(rs, facts, language="ru", translated_into=frozenset({"en"})) == []


def test_rs_answer_in_russian_without_an_english_translation_is_blocked_citing_4_2():
    facts = incoming(requested_state_languages=("kk", "ru"))
    violation = assert_blocked(check_answer_language(rs, facts, language="ru",
                                                     translated_into=frozenset()),
                               "answer_language", "Art 4.2")
    assert violation.field == "answer_translated_into_english"


def test_rs_answer_in_english_alone_is_blocked_citing_4_2():
    facts = incoming(requested_state_languages=("kk", "ru"))
    assert rules_of(check_answer_language(rs, facts, language="en",
                                          translated_into=frozenset())) == ["answer_language"]


@pytest.mark.parametrize(("language", "expected"), (("en", []),
                                                    ("ru", ["english_between_central_authorities"])))
def test_br_answer_goes_in_english_citing_23_2(language, expected):
    assert rules_of(check_answer_language(br, incoming(), language=language,
                                          translated_into=frozenset())) == expected


def test_answer_language_of_the_other_side_is_not_ours_to_check():
    assert check_answer_language(rs, request(), language="", translated_into=frozenset()) == []


# === RS 8.2: our proof of service ================================================================
FULL_PROOF = {"served": True, "place": "Almaty", "manner": "in person",
              "received_by": "Petar Petrović", "signed_and_sealed": True, "not_served_reason": ""}


def test_rs_complete_proof_of_service_meets_8_2():
    assert check_service_proof(rs, incoming(), **FULL_PROOF) == []


@pytest.mark.parametrize("missing", ("place", "manner", "received_by", "signed_and_sealed"))
def test_rs_proof_of_service_without_an_element_is_blocked_citing_8_2(missing):
    proof = {**FULL_PROOF, missing: False if missing == "signed_and_sealed" else ""}
    violation = assert_blocked(check_service_proof(rs, incoming(), **proof), "proof_of_service",
                               "Art 8.2")
    assert violation.field == missing


def test_rs_failed_service_needs_its_reasons_citing_8_2():
    proof = {**FULL_PROOF, "served": False}
    assert_blocked(check_service_proof(rs, incoming(), **proof), "proof_of_service", "Art 8.2")


def test_serbian_proof_of_our_request_is_recorded_as_it_comes():
    assert check_service_proof(rs, request(), served=True, place="", manner="", received_by="",
                               signed_and_sealed=False, not_served_reason="") == []


# === M2: executing a request we received: the office's target, cited to the article it serves ====
def _execution_target(book, received_on, executed_at=None):
    facts = incoming(received_at=datetime.combine(received_on, time(10), tzinfo=ALMATY),
                     executed_at=executed_at)
    [spec] = [s for s in compute_deadlines(book, facts, OfficePolicy(execution_target_days=30))
              if s.kind == DeadlineKind.EXECUTION_TARGET]
    return spec


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.2"), ("kz-sk-2007", "Art 7.5"),
                                                 (RS, "Art 6.5"), (BR, "Art 24.1")))
def test_execution_target_is_office_policy_cited_to_the_article_it_serves(slug, reference):
    spec = _execution_target(get_rulebook(slug), TODAY)
    assert (spec.basis, spec.citation.reference) == ("office_policy", reference)


def test_execution_target_falls_due_at_the_end_of_day_30_after_receipt():
    spec = _execution_target(br, TODAY)
    assert spec.due_at.date() == TODAY + timedelta(days=30)
    assert (spec.due_at.hour, spec.due_at.minute) == (23, 59)


def test_our_outgoing_requests_carry_no_execution_target():
    assert not [s for s in compute_deadlines(br, request())
                if s.kind == DeadlineKind.EXECUTION_TARGET]


# === M16, M27: contents of particular requests, the form of our answer ============================
def test_rs_search_request_needs_the_competent_authoritys_decision_citing_12_2():
    facts = rs_request(assistance_types=("search_and_seizure",))
    assert_blocked(check_contents(rs, facts), "content_special_decision_for_search", "Art 12.2")


def test_rs_request_for_testimony_needs_no_search_decision():
    assert check_contents(rs, rs_request(assistance_types=("testimony",))) == []


def test_br_videoconference_request_names_the_participants_citing_11_3():
    facts = request(assistance_types=("videoconference_hearing",))
    assert "content_videoconference_participants" in [r.code for r in missing_contents(br, facts)]


def test_rs_answer_without_signature_and_seal_is_blocked_citing_19():
    assert_blocked(check_answer_signed_and_sealed(rs, incoming(), signed_and_sealed=False),
                   "no_legalisation", "Art 19")
    assert check_answer_signed_and_sealed(rs, incoming(), signed_and_sealed=True) == []
