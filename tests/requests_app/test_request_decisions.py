"""Decisions on incoming requests: refusal, deferral, conditions, partial execution; items and
detainee transfers that hold closure back; requests that outlive their instrument."""

from datetime import date
from datetime import timedelta

import pytest

from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.exceptions import TransitionNotAvailable
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import Decision
from requests_app.models import DecisionKind
from requests_app.models import ExecutionOutcome
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import detained_person
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.requests_app import _support
from tests.requests_app._support import NOW
from tests.requests_app._support import TODAY
from tests.requests_app._support import only_violation
from tests.requests_app._support import rules_of
from tests.scenarios import results_sent_with_item
from tests.scenarios import set_instrument
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller

RS_SECURITY = "refusal_sovereignty_security_public_order"


@pytest.fixture
def desk():
    return clerk()


def _fresh(request) -> AssistanceRequest:
    return AssistanceRequest.objects.get(pk=request.pk)


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
    assert _fresh(request).state == RequestState.IN_EXECUTION
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

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference, violation.field) == (
        "refusal_reasons", "Art 5.4", "ground")
    assert _fresh(request).state == RequestState.IN_EXECUTION


def test_refusal_with_empty_reasons_is_a_rule_violation_not_invalid_input(desk):
    request = incoming_request("kz-rs-2015")
    _consult(request, desk, "refusal")

    with pytest.raises(RuleViolation) as exc:
        _refuse(request, desk, reasons="   ")

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference, violation.field) == (
        "refusal_reasons", "Art 5.4", "reasons")


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


def test_br_deferral_without_consultation_is_blocked_citing_art_3_3(desk):
    request = incoming_request("kz-br-2018")

    with pytest.raises(RuleViolation) as exc:
        t.request_defer(request_id=request.pk, actor=desk,
                        ground="deferral_interferes_with_proceedings", reasons="Ongoing trial")

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference) == ("deferral_consultation", "Art 3.3")


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

    assert _fresh(request).state == RequestState.IN_EXECUTION


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

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference, violation.field) == (
        "conditions", "Art 3.3", "accepted_by_requesting_side_on")


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
def test_cz_partial_execution_without_reasons_is_blocked_citing_art_9_5(desk):
    request = incoming_request("kz-cz-2017")

    with pytest.raises(RuleViolation) as exc:
        t.request_record_execution(request_id=request.pk, actor=desk,
                                   outcome=ExecutionOutcome.PARTIAL)

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference, violation.field) == (
        "refusal_reasons", "Art 9.5", "reasons")
    assert _fresh(request).state == RequestState.IN_EXECUTION


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


# --- return of items ----------------------------------------------------------------------------
@pytest.mark.parametrize(("slug", "reference"), [("kz-rs-2015", "Art 15"),
                                                 ("kz-br-2018", "Art 14")])
def test_closure_is_blocked_while_a_handed_over_item_is_held(desk, slug, reference):
    request, _ = results_sent_with_item(slug, desk)

    with pytest.raises(RuleViolation) as exc:
        t.request_close(request_id=request.pk, actor=desk)

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference, violation.field) == (
        "return_of_items", reference, "items")
    assert _fresh(request).state == RequestState.RESULTS_TRANSMITTED


@pytest.mark.parametrize("slug", ["kz-rs-2015", "kz-br-2018"])
def test_closure_is_allowed_once_the_item_is_returned(desk, slug):
    request, item = results_sent_with_item(slug, desk)
    records.item_mark_returned(actor=desk, item_id=item.pk, returned_on=TODAY)

    assert t.request_close(request_id=request.pk, actor=desk).state == RequestState.CLOSED


def test_closure_is_allowed_once_the_return_is_waived(desk):
    request, item = results_sent_with_item("kz-rs-2015", desk)
    records.item_waive_return(actor=desk, item_id=item.pk, waived_on=TODAY,
                              waiver_reference="Serbian MoJ letter 12/2026")

    assert t.request_close(request_id=request.pk, actor=desk).state == RequestState.CLOSED


def test_awaiting_return_of_items_needs_an_item_held(desk):
    request = incoming_request("kz-rs-2015", state=RequestState.EXECUTED)

    with pytest.raises(RuleViolation) as exc:
        t.request_transition(request_id=request.pk, actor=desk, name="await_return_of_items")

    assert only_violation(exc).citation.reference == "Art 15"


def test_item_cannot_be_returned_before_it_was_handed_over(desk):
    _, item = results_sent_with_item("kz-rs-2015", desk)

    with pytest.raises(InvalidInput):
        records.item_mark_returned(actor=desk, item_id=item.pk,
                                   returned_on=TODAY - timedelta(days=1))


# --- detainee transfers ------------------------------------------------------------------------
def _rs_transfer(actor, return_due_on, transferred_on=TODAY):
    request = incoming_request("kz-rs-2015")
    person = detained_person(request)
    transfer = records.transfer_record(actor=actor, request_id=request.pk, person_id=person.pk,
                                       transferred_on=transferred_on,
                                       return_due_on=return_due_on)
    return request, transfer


def test_rs_transfer_for_more_than_six_months_is_blocked_citing_art_11_1(desk):
    request = incoming_request("kz-rs-2015")
    person = detained_person(request)

    with pytest.raises(RuleViolation) as exc:
        records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                transferred_on=TODAY, return_due_on=date(2026, 9, 3))

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference, violation.field) == (
        "detainee_transfer", "Art 11.1", "return_due_on")
    assert not request.transfers.exists()


def test_rs_transfer_for_exactly_six_months_is_recorded(desk):
    _, transfer = _rs_transfer(desk, date(2026, 9, 2))

    assert transfer.return_due_on == date(2026, 9, 2)


def test_rs_transfer_without_a_return_term_is_blocked(desk):
    request = incoming_request("kz-rs-2015")
    person = detained_person(request)

    with pytest.raises(RuleViolation) as exc:
        records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                transferred_on=TODAY)

    assert only_violation(exc).field == "return_due_on"


def test_rs_transfer_may_be_extended_once(desk):
    _, transfer = _rs_transfer(desk, date(2026, 6, 1))

    transfer = records.transfer_extend(actor=desk, transfer_id=transfer.pk,
                                       return_due_on=date(2026, 8, 1))

    assert (transfer.return_due_on, transfer.extension_count) == (date(2026, 8, 1), 1)


def test_rs_transfer_may_not_be_extended_twice(desk):
    _, transfer = _rs_transfer(desk, date(2026, 6, 1))
    records.transfer_extend(actor=desk, transfer_id=transfer.pk, return_due_on=date(2026, 7, 1))

    with pytest.raises(RuleViolation) as exc:
        records.transfer_extend(actor=desk, transfer_id=transfer.pk,
                                return_due_on=date(2026, 8, 1))

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference, violation.field) == (
        "detainee_transfer", "Art 11.1", "extension_count")
    transfer.refresh_from_db()
    assert (transfer.return_due_on, transfer.extension_count) == (date(2026, 7, 1), 1)


def test_extension_must_move_the_return_term_later(desk):
    _, transfer = _rs_transfer(desk, date(2026, 6, 1))

    with pytest.raises(InvalidInput):
        records.transfer_extend(actor=desk, transfer_id=transfer.pk,
                                return_due_on=date(2026, 6, 1))


def test_detainee_return_deadline_follows_the_extension(desk):
    request, transfer = _rs_transfer(desk, date(2026, 6, 1))
    deadline = Deadline.objects.get(request=request, kind="detainee_return")
    assert deadline.due_at == end_of_day(date(2026, 6, 1))
    assert deadline.citation == "kz-rs-2015 Art 11.1"
    assert deadline.responsible_side == "other_side"  # Serbia holds the person and returns them

    records.transfer_extend(actor=desk, transfer_id=transfer.pk, return_due_on=date(2026, 8, 1))

    deadline.refresh_from_db()
    assert deadline.due_at == end_of_day(date(2026, 8, 1))
    assert deadline.status == DeadlineStatus.OPEN


def test_returning_the_person_meets_the_detainee_return_deadline(desk):
    request, transfer = _rs_transfer(desk, date(2026, 6, 1))

    records.transfer_mark_returned(actor=desk, transfer_id=transfer.pk,
                                   returned_on=date(2026, 6, 1))

    deadline = Deadline.objects.get(request=request, kind="detainee_return")
    assert deadline.status == DeadlineStatus.MET


def test_closure_is_blocked_while_a_transferred_person_is_not_returned(desk):
    request, _ = _rs_transfer(desk, date(2026, 6, 1))
    t.request_record_execution(request_id=request.pk, actor=desk)
    t.request_transition(request_id=request.pk, actor=desk, name="transmit_results")

    with pytest.raises(RuleViolation) as exc:
        t.request_close(request_id=request.pk, actor=desk)

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference, violation.field) == (
        "detainee_transfer", "Art 11.1", "transfers")


def test_closure_is_allowed_once_the_transferred_person_is_returned(desk):
    request, transfer = _rs_transfer(desk, date(2026, 6, 1))
    t.request_record_execution(request_id=request.pk, actor=desk)
    t.request_transition(request_id=request.pk, actor=desk, name="transmit_results")
    records.transfer_mark_returned(actor=desk, transfer_id=transfer.pk, returned_on=TODAY)

    assert t.request_close(request_id=request.pk, actor=desk).state == RequestState.CLOSED


def test_br_transfer_without_the_persons_consent_is_blocked(desk):
    request = incoming_request("kz-br-2018")
    person = detained_person(request)

    with pytest.raises(RuleViolation) as exc:
        records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                transferred_on=TODAY, release_date=date(2026, 12, 1),
                                person_consented=False)

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference, violation.field) == (
        "detainee_transfer", "Art 9.1", "person_consented")
    assert not request.transfers.exists()


def test_br_transfer_without_a_release_date_is_blocked(desk):
    request = incoming_request("kz-br-2018")
    person = detained_person(request)

    with pytest.raises(RuleViolation) as exc:
        records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                transferred_on=TODAY, person_consented=True)

    assert only_violation(exc).field == "release_date"


def test_br_transfer_with_consent_is_due_back_by_the_release_date(desk):
    request = incoming_request("kz-br-2018")
    person = detained_person(request)

    records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                            transferred_on=TODAY, release_date=date(2026, 12, 1),
                            person_consented=True)

    deadline = Deadline.objects.get(request=request, kind="detainee_return")
    assert deadline.due_at == end_of_day(date(2026, 12, 1))
    assert deadline.citation == "kz-br-2018 Art 9.2(b)"


def test_br_transfer_cannot_be_extended(desk):
    request = incoming_request("kz-br-2018")
    person = detained_person(request)
    transfer = records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                       transferred_on=TODAY, release_date=date(2026, 12, 1),
                                       person_consented=True)

    with pytest.raises(RuleViolation) as exc:
        records.transfer_extend(actor=desk, transfer_id=transfer.pk,
                                return_due_on=date(2027, 1, 1))

    assert only_violation(exc).citation.reference == "Art 9.2(b)"


# --- requests that outlive their instrument ---------------------------------------------------
RS_NOTICE = TODAY - timedelta(days=180)  # RS 22.4: ceased to have effect today


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

    violation = only_violation(exc)
    assert (violation.rule, violation.citation.reference) == ("instrument_terminated", "Art 22.4")


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
    assert _fresh(request).state == RequestState.FORWARDED


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


def test_rs_return_term_before_the_transfer_is_rejected(desk):
    request = incoming_request("kz-rs-2015")
    person = detained_person(request)

    with pytest.raises((InvalidInput, RuleViolation)):
        records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                transferred_on=TODAY, return_due_on=TODAY - timedelta(days=10))


def _br_transfer(actor, release_date):
    request = incoming_request("kz-br-2018")
    person = detained_person(request)
    transfer = records.transfer_record(actor=actor, request_id=request.pk, person_id=person.pk,
                                       transferred_on=TODAY, release_date=release_date,
                                       person_consented=True)
    return request, transfer


def test_br_earlier_release_date_moves_the_return_deadline_in_the_same_call(desk):
    request, transfer = _br_transfer(desk, date(2026, 12, 1))

    records.transfer_set_release_date(actor=desk, transfer_id=transfer.pk,
                                      release_date=date(2026, 9, 1))

    deadline = Deadline.objects.get(request=request, kind="detainee_return")
    assert deadline.due_at == end_of_day(date(2026, 9, 1))


def test_br_later_release_date_moves_a_return_term_that_followed_it(desk):
    request, transfer = _br_transfer(desk, date(2026, 12, 1))

    records.transfer_set_release_date(actor=desk, transfer_id=transfer.pk,
                                      release_date=date(2027, 2, 1))

    deadline = Deadline.objects.get(request=request, kind="detainee_return")
    assert deadline.due_at == end_of_day(date(2027, 2, 1))


def test_rs_transfer_has_no_release_date_to_move(desk):
    _, transfer = _rs_transfer(desk, date(2026, 6, 1))

    with pytest.raises(InvalidInput):
        records.transfer_set_release_date(actor=desk, transfer_id=transfer.pk,
                                          release_date=date(2026, 5, 1))
