"""Guards (treaties.rules.guards) on the decisions taken on an incoming request: refusal
(consultation, listed grounds, reasons), deferral, conditions, the execution outcome. Each
violation is checked for its rule code and the article it cites."""

from datetime import timedelta

import pytest

from tests.treaties._guards import BR
from tests.treaties._guards import CZ
from tests.treaties._guards import RS
from tests.treaties._guards import SK
from tests.treaties._guards import TODAY
from tests.treaties._guards import assert_blocked
from tests.treaties._guards import br
from tests.treaties._guards import cz
from tests.treaties._guards import incoming
from tests.treaties._guards import refusal_consultation
from tests.treaties._guards import request
from tests.treaties._guards import rs
from tests.treaties._guards import rules_of
from tests.treaties._guards import sk
from tests.treaties._guards import the_violation
from treaties.rulebook import get_rulebook
from treaties.rules.facts import OUTGOING
from treaties.rules.facts import ConsultationFacts
from treaties.rules.facts import DecisionFacts
from treaties.rules.guards import check_conditions
from treaties.rules.guards import check_deferral
from treaties.rules.guards import check_partial_execution
from treaties.rules.guards import check_refusal


# === refusal ====================================================================================
def test_rs_incoming_refusal_without_consultation_is_blocked_by_5_3():
    violation = assert_blocked(
        check_refusal(rs, incoming(), ground="refusal_persecution", reasons="r", today=TODAY),
        "refusal_consultation", "Art 5.3")
    assert violation.field == "consultations"


@pytest.mark.parametrize("held_on", (TODAY, TODAY - timedelta(days=1)))
def test_rs_incoming_refusal_after_consultation_held_on_or_before_today_is_allowed(held_on):
    facts = incoming(consultations=refusal_consultation(held_on))
    assert check_refusal(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY) == []


@pytest.mark.parametrize("consultation", (
    pytest.param(refusal_consultation(held_on=TODAY + timedelta(days=1)), id="dated_after_today"),
    pytest.param(refusal_consultation(subject="deferral"), id="on_deferral"),
))
def test_rs_consultation_that_does_not_count_for_refusal_leaves_it_blocked_by_5_3(consultation):
    facts = incoming(consultations=consultation)
    assert_blocked(check_refusal(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY),
                   "refusal_consultation", "Art 5.3")


@pytest.mark.parametrize(("ground", "reasons", "field"), (
    pytest.param("refusal_political_offence", "r", "ground", id="ground_not_in_the_list"),
    pytest.param("refusal_persecution", "", "reasons", id="no_reasons"),
    pytest.param("refusal_persecution", "   ", "reasons", id="blank_reasons"),
))
def test_rs_refusal_needs_a_ground_from_the_list_and_reasons_citing_5_4(ground, reasons, field):
    facts = incoming(consultations=refusal_consultation())
    violation = assert_blocked(
        check_refusal(rs, facts, ground=ground, reasons=reasons, today=TODAY),
        "refusal_reasons", "Art 5.4")
    assert violation.field == field


def test_rs_outgoing_refusal_by_the_other_side_needs_no_consultation():
    facts = request(direction=OUTGOING)
    assert check_refusal(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY) == []


def test_br_incoming_refusal_without_consultation_is_blocked_by_3_3():
    assert_blocked(
        check_refusal(br, incoming(), ground="refusal_military_offence", reasons="r", today=TODAY),
        "refusal_consultation", "Art 3.3")


def test_br_incoming_refusal_after_consultation_is_allowed():
    facts = incoming(consultations=refusal_consultation())
    assert check_refusal(br, facts, ground="refusal_military_offence", reasons="r",
                         today=TODAY) == []


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreements_refusal_needs_no_consultation(slug):
    book = get_rulebook(slug)
    assert check_refusal(book, incoming(), ground="refusal_sovereignty_security_interests",
                         reasons="r", today=TODAY) == []


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.5"), (SK, "Art 7.7")))
def test_police_agreements_refusal_needs_a_listed_ground(slug, reference):
    assert_blocked(check_refusal(get_rulebook(slug), incoming(), ground="refusal_persecution",
                                 reasons="r", today=TODAY), "refusal_reasons", reference)


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.5"), (SK, "Art 7.7")))
def test_police_agreements_refusal_needs_reasons(slug, reference):
    assert_blocked(check_refusal(get_rulebook(slug), incoming(),
                                 ground="refusal_contrary_to_law_or_obligations", reasons="",
                                 today=TODAY), "refusal_reasons", reference)


# === deferral ===================================================================================
def considered(kind="partial_or_conditional_considered", on=TODAY):
    return (DecisionFacts(kind, "", on),)


RS_DEFERRAL = "deferral_interferes_with_proceedings"


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreements_provide_no_deferral(slug):
    book = get_rulebook(slug)
    violation = the_violation(
        check_deferral(book, incoming(), ground="deferral_interferes_with_proceedings",
                       reasons="r", today=TODAY))
    assert violation.rule == "deferral_not_provided"
    assert violation.citation.instrument == slug


def test_rs_incoming_deferral_without_prior_partial_or_conditional_decision_is_blocked_by_6_3():
    violation = assert_blocked(
        check_deferral(rs, incoming(), ground=RS_DEFERRAL, reasons="r", today=TODAY),
        "deferral_after_partial_or_conditional_decision", "Art 6.3")
    assert violation.field == "decisions"


@pytest.mark.parametrize("kind", ("conditions", "partial_or_conditional_considered"))
def test_rs_incoming_deferral_after_partial_or_conditional_decision_is_allowed(kind):
    facts = incoming(decisions=considered(kind))
    assert check_deferral(rs, facts, ground=RS_DEFERRAL, reasons="r", today=TODAY) == []


@pytest.mark.parametrize("decision", (
    pytest.param(considered("refusal"), id="decision_of_another_kind"),
    pytest.param(considered(on=TODAY + timedelta(days=1)), id="considered_after_today"),
))
def test_rs_decision_that_does_not_count_for_deferral_leaves_it_blocked_by_6_3(decision):
    facts = incoming(decisions=decision)
    assert_blocked(check_deferral(rs, facts, ground=RS_DEFERRAL, reasons="r", today=TODAY),
                   "deferral_after_partial_or_conditional_decision", "Art 6.3")


def test_rs_refusal_ground_used_as_deferral_ground_is_blocked_citing_6_4():
    facts = incoming(decisions=considered())
    violation = assert_blocked(
        check_deferral(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY),
        "deferral_reasons", "Art 6.4")
    assert violation.field == "ground"


def test_rs_deferral_without_reasons_is_blocked_citing_6_4():
    facts = incoming(decisions=considered())
    assert_blocked(check_deferral(rs, facts, ground=RS_DEFERRAL, reasons=" ", today=TODAY),
                   "deferral_reasons", "Art 6.4")


def test_rs_outgoing_deferral_by_the_other_side_needs_no_prior_decision():
    assert check_deferral(rs, request(), ground=RS_DEFERRAL, reasons="r", today=TODAY) == []


def test_br_incoming_deferral_without_consultation_is_blocked_by_3_3():
    violation = assert_blocked(
        check_deferral(br, incoming(), ground="deferral_endangers_person", reasons="r",
                       today=TODAY), "deferral_consultation", "Art 3.3")
    assert violation.field == "consultations"


@pytest.mark.parametrize("subject", ("deferral", "conditions"))
def test_br_incoming_deferral_after_consultation_is_allowed(subject):
    facts = incoming(consultations=(ConsultationFacts(subject, TODAY),))
    assert check_deferral(br, facts, ground="deferral_endangers_person", reasons="r",
                          today=TODAY) == []


@pytest.mark.parametrize("consultation", (
    pytest.param(ConsultationFacts("refusal", TODAY), id="on_refusal"),
    pytest.param(ConsultationFacts("deferral", TODAY + timedelta(days=1)), id="dated_after_today"),
))
def test_br_consultation_that_does_not_count_for_deferral_leaves_it_blocked_by_3_3(consultation):
    facts = incoming(consultations=(consultation,))
    assert_blocked(check_deferral(br, facts, ground="deferral_endangers_person", reasons="r",
                                  today=TODAY), "deferral_consultation", "Art 3.3")


def test_br_deferral_ground_not_in_the_list_is_blocked_citing_3_4():
    facts = incoming(consultations=(ConsultationFacts("deferral", TODAY),))
    assert_blocked(check_deferral(br, facts, ground="refusal_military_offence", reasons="r",
                                  today=TODAY), "deferral_reasons", "Art 3.4")


# === conditions =================================================================================
def test_sk_provides_no_conditional_execution():
    violation = the_violation(check_conditions(sk, conditions="c", accepted_on=TODAY))
    assert violation.rule == "conditions_not_provided"
    assert violation.citation.instrument == SK


def test_br_conditions_without_acceptance_are_blocked_by_3_3():
    violation = assert_blocked(check_conditions(br, conditions="c", accepted_on=None),
                               "conditions", "Art 3.3")
    assert violation.field == "accepted_by_requesting_side_on"


def test_br_conditions_accepted_by_the_requesting_side_are_allowed():
    assert check_conditions(br, conditions="c", accepted_on=TODAY) == []


def test_cz_conditions_need_no_acceptance():
    assert check_conditions(cz, conditions="c", accepted_on=None) == []


def test_rs_conditions_need_no_acceptance():
    assert check_conditions(rs, conditions="c", accepted_on=None) == []


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.4"), (RS, "Art 6.3"), (BR, "Art 3.3")))
def test_empty_conditions_text_is_blocked(slug, reference):
    violation = assert_blocked(check_conditions(get_rulebook(slug), conditions="  ",
                                                accepted_on=TODAY), "conditions", reference)
    assert violation.field == "conditions"


# === execution outcome ==========================================================================
@pytest.mark.parametrize("outcome", ("", "nothing"))
def test_execution_outcome_must_be_full_or_partial(outcome):
    assert rules_of(check_partial_execution(rs, incoming(), outcome=outcome, reasons="r")) == [
        "execution_outcome"]


def test_rs_incoming_partial_execution_without_reasons_is_blocked_citing_5_4():
    assert_blocked(check_partial_execution(rs, incoming(), outcome="partial", reasons=""),
                   "refusal_reasons", "Art 5.4")


def test_full_execution_needs_no_reasons():
    assert check_partial_execution(rs, incoming(), outcome="full", reasons="") == []
