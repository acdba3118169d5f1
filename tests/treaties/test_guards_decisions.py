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
from treaties.rules.guards import OfficeRules
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


def test_rs_consultation_on_conditions_does_not_stand_for_the_5_3_consultation_on_refusal():
    # RS 5.3 is an unconditional duty to consult before refusing; conditions belong to 6.3.
    facts = incoming(consultations=refusal_consultation(subject="conditions"))
    assert_blocked(check_refusal(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY),
                   "refusal_consultation", "Art 5.3")


def test_rs_refusal_on_a_ground_off_the_list_is_blocked_citing_the_grounds_article_5():
    facts = incoming(consultations=refusal_consultation())
    violation = assert_blocked(
        check_refusal(rs, facts, ground="refusal_political_offence", reasons="r", today=TODAY),
        "ground_not_listed", "Art 5")
    assert violation.field == "ground"


@pytest.mark.parametrize("reasons", ("", "   "))
def test_rs_refusal_without_reasons_is_blocked_citing_5_4(reasons):
    facts = incoming(consultations=refusal_consultation())
    violation = assert_blocked(
        check_refusal(rs, facts, ground="refusal_persecution", reasons=reasons, today=TODAY),
        "refusal_reasons", "Art 5.4")
    assert violation.field == "reasons"


@pytest.mark.parametrize("slug", (RS, BR, CZ, SK))
def test_other_sides_refusal_of_our_request_is_recorded_whatever_its_ground_or_reasons(slug):
    # The treaty's limits bind the requested side; our record of what it did is a fact (F5).
    facts = request(direction=OUTGOING)
    assert check_refusal(get_rulebook(slug), facts, ground="not_listed", reasons="",
                         today=TODAY) == []


def test_br_incoming_refusal_without_consultation_is_blocked_by_office_policy_not_by_3_3():
    violation = the_violation(
        check_refusal(br, incoming(), ground="refusal_military_offence", reasons="r", today=TODAY))
    assert violation.rule == "office_consultation_before_refusal"
    assert violation.basis == "office_policy"
    assert violation.citation is None


def test_br_incoming_refusal_without_consultation_is_allowed_when_the_office_drops_its_rule():
    office = OfficeRules(consultation_before_refusal=frozenset())
    assert check_refusal(br, incoming(), ground="refusal_military_offence", reasons="r",
                         today=TODAY, office=office) == []


def test_br_1_4_discretion_is_a_ground_for_a_request_for_search_and_seizure():
    facts = incoming(assistance_types=("search_and_seizure",),
                     consultations=refusal_consultation())
    assert check_refusal(br, facts, ground="refusal_discretion_coercive_measures", reasons="r",
                         today=TODAY) == []


def test_br_1_4_discretion_is_no_ground_for_a_request_for_testimony():
    facts = incoming(assistance_types=("testimony",), consultations=refusal_consultation())
    violation = assert_blocked(
        check_refusal(br, facts, ground="refusal_discretion_coercive_measures", reasons="r",
                      today=TODAY), "refusal_discretion_coercive_measures", "Art 1.4")
    assert violation.field == "ground"


def test_br_incoming_refusal_after_consultation_is_allowed():
    facts = incoming(consultations=refusal_consultation())
    assert check_refusal(br, facts, ground="refusal_military_offence", reasons="r",
                         today=TODAY) == []


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreements_refusal_needs_no_consultation(slug):
    book = get_rulebook(slug)
    assert check_refusal(book, incoming(), ground="refusal_sovereignty_security_interests",
                         reasons="r", today=TODAY) == []


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.4"), (SK, "Art 7.6")))
def test_police_agreements_refusal_on_a_ground_off_the_list_cites_the_grounds_article(slug,
                                                                                     reference):
    assert_blocked(check_refusal(get_rulebook(slug), incoming(), ground="refusal_persecution",
                                 reasons="r", today=TODAY), "ground_not_listed", reference)


def test_sk_refusal_without_reasons_is_blocked_citing_7_7():
    assert_blocked(check_refusal(sk, incoming(), ground="refusal_contrary_to_law_or_obligations",
                                 reasons="", today=TODAY), "refusal_reasons", "Art 7.7")


def test_cz_refusal_without_reasons_is_blocked_by_office_policy_not_by_9_5():
    # CZ 9.5 asks for a written notice, not for reasons (F2).
    violation = the_violation(check_refusal(
        cz, incoming(), ground="refusal_contrary_to_law_or_obligations", reasons="", today=TODAY))
    assert (violation.rule, violation.basis, violation.citation) == (
        "office_reasons_given", "office_policy", None)


def test_cz_refusal_without_reasons_is_allowed_when_the_office_drops_its_rule():
    assert check_refusal(cz, incoming(), ground="refusal_contrary_to_law_or_obligations",
                         reasons="", today=TODAY,
                         office=OfficeRules(reasons_always_given=False)) == []


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


def test_rs_refusal_ground_used_as_deferral_ground_is_blocked_citing_the_grounds_article_6_2():
    facts = incoming(decisions=considered())
    violation = assert_blocked(
        check_deferral(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY),
        "ground_not_listed", "Art 6.2")
    assert violation.field == "ground"


def test_rs_deferral_without_reasons_is_blocked_citing_6_4():
    facts = incoming(decisions=considered())
    assert_blocked(check_deferral(rs, facts, ground=RS_DEFERRAL, reasons=" ", today=TODAY),
                   "deferral_reasons", "Art 6.4")


def test_rs_outgoing_deferral_by_the_other_side_needs_no_prior_decision():
    assert check_deferral(rs, request(), ground=RS_DEFERRAL, reasons="r", today=TODAY) == []


def test_br_incoming_deferral_without_consultation_is_blocked_by_office_policy_not_by_3_3():
    violation = the_violation(
        check_deferral(br, incoming(), ground="deferral_endangers_person", reasons="r",
                       today=TODAY))
    assert (violation.rule, violation.basis, violation.field) == (
        "office_consultation_before_refusal", "office_policy", "consultations")


@pytest.mark.parametrize("subject", ("deferral", "conditions"))
def test_br_incoming_deferral_after_consultation_is_allowed(subject):
    facts = incoming(consultations=(ConsultationFacts(subject, TODAY),))
    assert check_deferral(br, facts, ground="deferral_endangers_person", reasons="r",
                          today=TODAY) == []


@pytest.mark.parametrize("consultation", (
    pytest.param(ConsultationFacts("refusal", TODAY), id="on_refusal"),
    pytest.param(ConsultationFacts("deferral", TODAY + timedelta(days=1)), id="dated_after_today"),
))
def test_br_consultation_that_does_not_count_for_deferral_leaves_the_office_rule_unmet(
        consultation):
    facts = incoming(consultations=(consultation,))
    assert rules_of(check_deferral(br, facts, ground="deferral_endangers_person", reasons="r",
                                   today=TODAY)) == ["office_consultation_before_refusal"]


def test_br_deferral_ground_not_in_the_list_is_blocked_citing_the_grounds_article_3_2():
    facts = incoming(consultations=(ConsultationFacts("deferral", TODAY),))
    assert_blocked(check_deferral(br, facts, ground="refusal_military_offence", reasons="r",
                                  today=TODAY), "ground_not_listed", "Art 3.2")


@pytest.mark.parametrize("slug", (RS, BR))
def test_other_sides_deferral_of_our_request_is_recorded_whatever_its_ground_or_reasons(slug):
    assert check_deferral(get_rulebook(slug), request(direction=OUTGOING), ground="not_listed",
                          reasons="", today=TODAY) == []


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


def test_sk_incoming_partial_execution_without_reasons_is_blocked_citing_7_7():
    assert_blocked(check_partial_execution(sk, incoming(), outcome="partial", reasons=""),
                   "refusal_reasons", "Art 7.7")


@pytest.mark.parametrize("slug", (CZ, BR))
def test_partial_execution_without_reasons_is_blocked_by_office_policy_where_the_text_is_silent(
        slug):
    # CZ 9.5 asks for a written notice of partial fulfilment, not its reasons (F2); BR 3.4 asks
    # reasons for refusal and deferral only.
    violation = the_violation(check_partial_execution(get_rulebook(slug), incoming(),
                                                      outcome="partial", reasons=""))
    assert (violation.basis, violation.citation) == ("office_policy", None)


def test_other_sides_partial_execution_of_our_request_is_recorded_without_reasons():
    assert check_partial_execution(cz, request(direction=OUTGOING), outcome="partial",
                                   reasons="") == []


def test_full_execution_needs_no_reasons():
    assert check_partial_execution(rs, incoming(), outcome="full", reasons="") == []
