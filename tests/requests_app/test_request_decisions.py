"""Decisions on incoming requests: refusal, deferral, conditions, partial execution; requests
that outlive their instrument; forwarding to the executing authority."""

from datetime import date
from datetime import timedelta

import pytest

from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.exceptions import TransitionNotAvailable
from requests_app.models import AssistanceRequest
from requests_app.models import Decision
from requests_app.models import DecisionKind
from requests_app.models import ExecutionOutcome
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.requests_app import _support
from tests.requests_app._support import NOW
from tests.requests_app._support import TODAY
from tests.requests_app._support import cited
from tests.requests_app._support import fresh
from tests.requests_app._support import only_violation
from tests.requests_app._support import rules_of
from tests.scenarios import set_instrument

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk


RS_SECURITY = "refusal_sovereignty_security_public_order"


def _consult(request, actor, subject, held_on=TODAY):
    return records.consultation_record(actor=actor, request_id=request.pk, subject=subject,
                                       held_on=held_on, counterpart="Serbian MoJ, Ms Petrović",
                                       summary="Discussed the grounds")


def _refuse(request, actor, ground=RS_SECURITY, reasons="Would prejudice national security"):
    return t.request_refuse(request_id=request.pk, actor=actor, ground=ground, reasons=reasons)


def test_incoming_factory_puts_the_kazakh_authority_on_the_requested_side():
    request = incoming_request("kz-cz-2017")

    assert request.requesting_authority.code == "cz-police-presidium"
    assert request.requested_authority.code == "kz-mvd"
    assert request.executing_authority.code == "kz-mvd"
    assert request.opened_on == TODAY


# --- refusal ------------------------------------------------------------------------------------
def test_rs_refusal_without_a_consultation_is_blocked_citing_art_5_3(desk):
    request = incoming_request("kz-rs-2015")

    with pytest.raises(RuleViolation) as exc:
        _refuse(request, desk)

    violation = only_violation(exc)
    assert violation.rule == "refusal_consultation"
    assert violation.citation.reference == "Art 5.3"
    assert fresh(request).state == RequestState.IN_EXECUTION
    assert not Decision.objects.exists()


def test_rs_consultation_on_another_subject_does_not_allow_refusal(desk):
    request = incoming_request("kz-rs-2015")
    _consult(request, desk, "costs")

    with pytest.raises(RuleViolation) as exc:
        _refuse(request, desk)

    assert only_violation(exc).citation.reference == "Art 5.3"


def test_rs_refusal_after_consultation_records_the_decision_with_the_grounds_article(desk):
    request = incoming_request("kz-rs-2015")
    _consult(request, desk, "refusal")

    request = _refuse(request, desk, reasons="Would prejudice national security")

    assert request.state == RequestState.REFUSED
    decision = Decision.objects.get(request=request)
    assert decision.kind == DecisionKind.REFUSAL
    assert decision.ground == RS_SECURITY
    assert decision.reasons == "Would prejudice national security"
    assert decision.citation == "kz-rs-2015 Art 5.2(b)"
    assert decision.decided_on == TODAY
    assert decision.decided_by == desk
    log = request.log.last()
    assert (log.action, log.from_state, log.to_state) == (
        "refuse", RequestState.IN_EXECUTION, RequestState.REFUSED)
    assert log.citation == "kz-rs-2015 Art 5.2(b)"
    assert log.reason == "Would prejudice national security"
    assert log.details["ground"] == RS_SECURITY


def test_rs_consultation_dated_in_the_future_cannot_be_recorded(desk):
    request = incoming_request("kz-rs-2015")

    with pytest.raises(InvalidInput) as exc:
        _consult(request, desk, "refusal", held_on=TODAY + timedelta(days=1))

    assert set(exc.value.errors) == {"held_on"}


def test_refusal_on_a_ground_outside_the_instruments_list_is_blocked(desk):
    request = incoming_request("kz-rs-2015")
    _consult(request, desk, "refusal")

    with pytest.raises(RuleViolation) as exc:
        _refuse(request, desk, ground="refusal_political_offence")  # a BR ground, not RS

    assert cited(exc) == ("ground_not_listed", "Art 5", "ground")
    assert fresh(request).state == RequestState.IN_EXECUTION


def test_refusal_with_empty_reasons_is_a_rule_violation_not_invalid_input(desk):
    request = incoming_request("kz-rs-2015")
    _consult(request, desk, "refusal")

    with pytest.raises(RuleViolation) as exc:
        _refuse(request, desk, reasons="   ")

    assert cited(exc) == ("refusal_reasons", "Art 5.4", "reasons")


def test_outgoing_refusal_by_the_other_side_needs_no_consultation_record():
    # RS 5.3 binds the requested side; when Serbia refuses our request we only record it.
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", state="transmitted")

    assert _refuse(request, clerk()).state == RequestState.REFUSED


# --- deferral -----------------------------------------------------------------------------------
def test_rs_deferral_before_considering_partial_or_conditional_execution_cites_art_6_3(desk):
    request = incoming_request("kz-rs-2015")

    with pytest.raises(RuleViolation) as exc:
        t.request_defer(request_id=request.pk, actor=desk,
                        ground="deferral_interferes_with_proceedings",
                        reasons="Our own investigation needs the documents")

    violation = only_violation(exc)
    assert violation.rule == "deferral_after_partial_or_conditional_decision"
    assert violation.citation.reference == "Art 6.3"


def test_rs_deferral_after_considering_partial_or_conditional_execution_defers(desk):
    request = incoming_request("kz-rs-2015")
    considered = records.decision_record_partial_or_conditional_considered(
        actor=desk, request_id=request.pk, reasons="Documents are needed whole", decided_on=TODAY)
    assert considered.citation == "kz-rs-2015 Art 6.3"

    request = t.request_defer(request_id=request.pk, actor=desk,
                              ground="deferral_interferes_with_proceedings",
                              reasons="Our own investigation needs the documents",
                              deferred_until=TODAY + timedelta(days=90))

    assert request.state == RequestState.DEFERRED
    deferral = Decision.objects.get(request=request, kind=DecisionKind.DEFERRAL)
    assert deferral.citation == "kz-rs-2015 Art 6.2"
    assert deferral.deferred_until == TODAY + timedelta(days=90)


def test_br_deferral_without_consultation_is_blocked_by_office_policy_not_by_art_3_3(desk):
    request = incoming_request("kz-br-2018")

    with pytest.raises(RuleViolation) as exc:
        t.request_defer(request_id=request.pk, actor=desk,
                        ground="deferral_interferes_with_proceedings", reasons="Ongoing trial")

    violation = only_violation(exc)
    assert (violation.rule, violation.basis, violation.citation) == (
        "office_consultation_before_refusal", "office_policy", None)


def test_br_deferral_after_consultation_defers(desk):
    request = incoming_request("kz-br-2018")
    _consult(request, desk, "deferral")

    request = t.request_defer(request_id=request.pk, actor=desk,
                              ground="deferral_endangers_person", reasons="Witness at risk")

    assert request.state == RequestState.DEFERRED


@pytest.mark.parametrize("slug", ["kz-cz-2017", "kz-sk-2007"])
def test_police_agreements_have_no_deferral_in_the_graph(desk, slug):
    request = incoming_request(slug)

    with pytest.raises(TransitionNotAvailable):
        t.request_defer(request_id=request.pk, actor=desk, ground="any", reasons="any")

    assert fresh(request).state == RequestState.IN_EXECUTION


# --- conditions --------------------------------------------------------------------------------
def test_sk_has_no_conditional_execution_in_the_graph(desk):
    request = incoming_request("kz-sk-2007")

    with pytest.raises(TransitionNotAvailable):
        t.request_set_conditions(request_id=request.pk, actor=desk, conditions="Use limited")


def test_br_conditions_without_the_requesting_sides_acceptance_are_blocked_citing_art_3_3(desk):
    request = incoming_request("kz-br-2018")

    with pytest.raises(RuleViolation) as exc:
        t.request_set_conditions(request_id=request.pk, actor=desk,
                                 conditions="Evidence used only in case 123")

    assert cited(exc) == ("conditions", "Art 3.3", "accepted_by_requesting_side_on")


def test_br_conditions_accepted_by_the_requesting_side_are_recorded(desk):
    request = incoming_request("kz-br-2018")

    request = t.request_set_conditions(request_id=request.pk, actor=desk,
                                       conditions="Evidence used only in case 123",
                                       accepted_on=TODAY)

    assert request.state == RequestState.CONDITIONAL_EXECUTION
    decision = Decision.objects.get(request=request)
    assert (decision.kind, decision.citation, decision.accepted_by_requesting_side_on) == (
        DecisionKind.CONDITIONS, "kz-br-2018 Art 3.3", TODAY)


def test_cz_conditions_need_no_acceptance(desk):
    request = incoming_request("kz-cz-2017")

    request = t.request_set_conditions(request_id=request.pk, actor=desk,
                                       conditions="Not to be passed to third states")

    assert request.state == RequestState.CONDITIONAL_EXECUTION


# --- execution outcome -------------------------------------------------------------------------
def test_cz_partial_execution_without_reasons_is_blocked_by_office_policy_not_by_art_9_5(desk):
    request = incoming_request("kz-cz-2017")

    with pytest.raises(RuleViolation) as exc:
        t.request_record_execution(request_id=request.pk, actor=desk,
                                   outcome=ExecutionOutcome.PARTIAL)

    violation = only_violation(exc)
    assert (violation.rule, violation.basis, violation.citation, violation.field) == (
        "office_reasons_given", "office_policy", None, "reasons")
    assert fresh(request).state == RequestState.IN_EXECUTION


def test_cz_partial_execution_with_reasons_is_recorded(desk):
    request = incoming_request("kz-cz-2017")

    request = t.request_record_execution(request_id=request.pk, actor=desk,
                                         outcome=ExecutionOutcome.PARTIAL,
                                         reasons="Vehicle records older than 2015 destroyed")

    assert request.state == RequestState.EXECUTED
    assert request.execution_outcome == ExecutionOutcome.PARTIAL
    assert request.executed_at == NOW


def test_unknown_execution_outcome_is_blocked(desk):
    request = incoming_request("kz-cz-2017")

    with pytest.raises(RuleViolation) as exc:
        t.request_record_execution(request_id=request.pk, actor=desk, outcome="most")

    assert only_violation(exc).rule == "execution_outcome"


# --- requests that outlive their instrument ---------------------------------------------------
RS_NOTICE = TODAY - timedelta(days=181)  # RS 22.4: 180 days ran out yesterday; ended today


def test_rs_request_opened_before_termination_may_still_be_executed(desk):
    request = incoming_request("kz-rs-2015", opened_on=TODAY - timedelta(days=200))
    set_instrument("kz-rs-2015", termination_notice_received_on=RS_NOTICE)

    request = t.request_record_execution(request_id=request.pk, actor=desk)

    assert request.state == RequestState.EXECUTED


def test_rs_request_opened_before_termination_may_still_be_refused(desk):
    request = incoming_request("kz-rs-2015", opened_on=TODAY - timedelta(days=200))
    set_instrument("kz-rs-2015", termination_notice_received_on=RS_NOTICE)
    _consult(request, desk, "refusal")

    assert _refuse(request, desk).state == RequestState.REFUSED


def test_rs_request_opened_on_the_day_termination_took_effect_cannot_be_executed(desk):
    request = incoming_request("kz-rs-2015", opened_on=TODAY)
    set_instrument("kz-rs-2015", termination_notice_received_on=RS_NOTICE)

    with pytest.raises(RuleViolation) as exc:
        t.request_record_execution(request_id=request.pk, actor=desk)

    assert cited(exc)[:2] == ("instrument_terminated", "Art 22.4")


def test_cz_request_cannot_start_execution_after_termination(desk):
    request = incoming_request("kz-cz-2017", state=RequestState.FORWARDED,
                               opened_on=TODAY - timedelta(days=365))
    set_instrument("kz-cz-2017", termination_notice_received_on=date(2025, 9, 2))

    with pytest.raises(RuleViolation) as exc:
        t.request_transition(request_id=request.pk, actor=desk, name="start_execution")

    violation = only_violation(exc)
    assert violation.rule == "instrument_terminated"
    assert violation.citation.instrument == "kz-cz-2017"
    assert violation.citation.reference == "Art 18.2"
    assert fresh(request).state == RequestState.FORWARDED


def test_cz_request_may_start_execution_the_day_before_termination_takes_effect(desk):
    request = incoming_request("kz-cz-2017", state=RequestState.FORWARDED)
    set_instrument("kz-cz-2017", termination_notice_received_on=date(2025, 9, 3))

    request = t.request_transition(request_id=request.pk, actor=desk, name="start_execution")

    assert request.state == RequestState.IN_EXECUTION


def test_cz_execution_waits_while_the_agreement_is_suspended(desk):
    request = incoming_request("kz-cz-2017")
    set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=15))

    with pytest.raises(RuleViolation) as exc:
        t.request_record_execution(request_id=request.pk, actor=desk)

    assert rules_of(exc) == {("instrument_suspended", "Art 17")}


# --- forwarding ----------------------------------------------------------------------------------
def test_forwarding_sets_the_executing_authority_and_prosecutor(desk):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)
    executor = prosecutor(office="kz-prosecutor-almaty")

    request = t.request_forward(request_id=request.pk, actor=desk,
                                executing_authority_id=authority("kz-prosecutor-almaty").pk,
                                assigned_prosecutor_id=executor.pk)

    assert request.state == RequestState.FORWARDED
    assert request.executing_authority.code == "kz-prosecutor-almaty"
    assert request.assigned_prosecutor == executor


def test_forwarding_without_an_executing_authority_is_invalid_input(desk):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK)

    with pytest.raises(InvalidInput) as exc:
        t.request_forward(request_id=request.pk, actor=desk, executing_authority_id=None)

    assert set(exc.value.errors) == {"executing_authority_id"}


# --- bugs ----------------------------------------------------------------------------------------
def test_forwarding_to_a_foreign_authority_is_invalid_input(desk):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)

    with pytest.raises(InvalidInput):
        t.request_forward(request_id=request.pk, actor=desk,
                          executing_authority_id=authority("rs-justice").pk)


def test_forwarding_to_an_unknown_authority_is_invalid_input(desk):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)
    try:
        with pytest.raises(InvalidInput):
            t.request_forward(request_id=request.pk, actor=desk, executing_authority_id=999_999)
    finally:
        # The dangling key would otherwise fail the test database's constraint check.
        AssistanceRequest.objects.filter(pk=request.pk).update(executing_authority=None)
