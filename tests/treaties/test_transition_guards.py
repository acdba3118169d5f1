"""Transition guards (treaties.rules.transition_guards): each transition runs the guards it
needs, with the parameters it is given, and reports every missing piece at once; a
violation as a dict carries its instrument and article."""

from datetime import date

import pytest

from tests.treaties._guards import RS
from tests.treaties._guards import RS_CONTENTS
from tests.treaties._guards import TODAY
from tests.treaties._guards import br
from tests.treaties._guards import ctx
from tests.treaties._guards import cz
from tests.treaties._guards import incoming
from tests.treaties._guards import refusal_consultation
from tests.treaties._guards import request
from tests.treaties._guards import rs
from tests.treaties._guards import rs_request
from tests.treaties._guards import rules_of
from tests.treaties._guards import sk
from tests.treaties._guards import summoned
from tests.treaties._guards import the_violation
from tests.treaties._guards import verdict
from treaties.rules.guards import GuardContext
from treaties.rules.guards import check_registration
from treaties.rules.guards import check_requested_execution_date
from treaties.rules.lifecycle import InstrumentStatus
from treaties.rules.transition_guards import guard_close
from treaties.rules.transition_guards import guard_refuse
from treaties.rules.transition_guards import guard_set_conditions
from treaties.rules.transition_guards import guard_submit_for_review
from treaties.rules.transition_guards import guard_transmit
from treaties.rules.transition_guards import guard_transmit_orally


# === transitions ================================================================================
def test_rs_transmit_of_a_complete_request_passes_every_guard():
    facts = rs_request(persons=(summoned(60),),
                       filled_contents=RS_CONTENTS | {"summoned_person_allowances"})
    assert guard_transmit(rs, facts, ctx(rs)) == []


@pytest.mark.parametrize(("overrides", "rule"), (
    ({"assistance_types": ()}, "assistance_types_required"),
    ({"assistance_types": ("information_exchange",)}, "assistance_type_not_covered"),
    ({"channel": "diplomatic"}, "communication"),
    ({"filled_contents": RS_CONTENTS - {"purpose"}}, "content_purpose"),
    ({"translation_languages": frozenset()}, "language"),
    ({"persons": (summoned(59),), "filled_contents": RS_CONTENTS | {"summoned_person_allowances"}},
     "summons_lead_time"),
    ({"persons": (summoned(60),)}, "content_summoned_person_allowances"),
    ({"channel": "electronic"}, "originals"),
    ({"requested_execution_date": date(2026, 5, 1)}, "requested_execution_date_reasoned"),
))
def test_rs_transmit_reports_each_missing_piece(overrides, rule):
    assert rules_of(guard_transmit(rs, rs_request(**overrides), ctx(rs))) == [rule]


def test_rs_transmit_reports_every_missing_piece_at_once():
    facts = rs_request(channel="electronic", translation_languages=frozenset(),
                       filled_contents=RS_CONTENTS - {"legal_qualification"},
                       persons=(summoned(30),))
    assert set(rules_of(guard_transmit(rs, facts, ctx(rs)))) == {
        "content_legal_qualification", "content_summoned_person_allowances", "language",
        "summons_lead_time", "originals"}


def test_rs_transmit_blocked_while_instrument_not_in_force():
    context = GuardContext(today=TODAY, status=verdict(rs, InstrumentStatus.NOT_IN_FORCE, None))
    assert rules_of(guard_transmit(rs, rs_request(), context)) == [
        "instrument_not_in_force"]


def test_rs_transmit_orally_is_blocked():
    facts = rs_request(channel="oral", is_urgent=True)
    assert rules_of(guard_transmit_orally(rs, facts, ctx(rs))) == [
        "oral_requests_not_provided"]


def test_sk_urgent_transmit_orally_is_allowed():
    facts = request(channel="oral", is_urgent=True, assistance_types=("information_exchange",))
    assert guard_transmit_orally(sk, facts, ctx(sk)) == []


def test_refuse_transition_reads_ground_and_reasons_from_params():
    context = ctx(rs, ground="refusal_persecution", reasons="r")
    facts = incoming(consultations=refusal_consultation())
    assert guard_refuse(rs, facts, context) == []
    assert rules_of(guard_refuse(rs, facts, ctx(rs))) == [
        "ground_not_listed", "refusal_reasons"]


def test_br_set_conditions_transition_reads_acceptance_from_params():
    facts = incoming()
    assert guard_set_conditions(br, facts,
                               ctx(br, conditions="c", accepted_on=TODAY)) == []
    assert rules_of(guard_set_conditions(br, facts, ctx(br, conditions="c"))) == [
        "conditions"]


def test_close_transition_checks_items_outstanding():
    assert rules_of(guard_close(br, incoming(items_outstanding=1), ctx(br))) == [
        "return_of_items"]


def test_registration_of_incoming_request_checks_status_channel_and_types():
    facts = incoming(channel="oral", assistance_types=("testimony",))
    assert rules_of(check_registration(cz, facts, verdict(cz, InstrumentStatus.SUSPENDED, TODAY))) == [
        "instrument_suspended", "oral_requests", "excludes_legal_assistance"]


def test_violation_as_dict_carries_instrument_and_article():
    violation = the_violation(check_requested_execution_date(
        rs, rs_request(requested_execution_date=date(2026, 5, 1))))
    data = violation.as_dict()
    assert data["rule"] == "requested_execution_date_reasoned"
    assert data["instrument"] == RS
    assert data["article"] == "Art 6.5"
    assert data["citation"] == "kz-rs-2015 Art 6.5"
    assert data["field"] == "requested_execution_reason"
    assert data["message"]


# === submit for review (office policy) ==========================================================
def test_a_complete_draft_goes_to_review():
    assert guard_submit_for_review(rs, rs_request(), ctx(rs)) == []


def test_a_draft_with_a_content_missing_is_held_with_it_and_the_office_rule():
    violations = guard_submit_for_review(rs, rs_request(filled_contents=RS_CONTENTS - {"purpose"}),
                                         ctx(rs))
    assert rules_of(violations) == ["content_purpose", "office_submit_complete"]
    assert (violations[-1].basis, violations[-1].citation) == ("office_policy", None)


def test_the_summons_lead_time_is_not_the_reviews_business():
    facts = rs_request(persons=(summoned(59),),
                       filled_contents=RS_CONTENTS | {"summoned_person_allowances"})
    assert guard_submit_for_review(rs, facts, ctx(rs)) == []


@pytest.mark.parametrize(("params", "held"), (
    ({"override_incomplete": True, "override_reason": "Follows."}, False),
    ({"override_incomplete": True, "override_reason": "  "}, True),
    ({"override_incomplete": False, "override_reason": "Follows."}, True),
))
def test_the_override_lets_an_incomplete_draft_through_only_with_a_reason(params, held):
    facts = rs_request(translation_languages=frozenset())
    assert bool(guard_submit_for_review(rs, facts, ctx(rs, **params))) is held
