"""API twins of the rules on decisions about an incoming request and on closing it: refusal,
deferral, conditions, partial execution, return of items, detainee transfers, asset
sharing. Each rule answers 422 with its
rule, citation and message (tests/api/_twins.py)."""

from __future__ import annotations

from datetime import date

import pytest

from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.requests import request_update
from tests.api._twins import POLICE
from tests.api._twins import RS_SECURITY
from tests.api._twins import TODAY
from tests.api._twins import assert_blocked
from tests.api._twins import assert_done
from tests.api._twins import deadlines_of
from tests.api._twins import fresh
from tests.api._twins import ready
from tests.api._twins import run
from tests.factories import answer_params
from tests.factories import detained_person
from tests.factories import incoming_request
from tests.scenarios import results_sent_with_item
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


# --- refusal ----------------------------------------------------------------------------------------
def test_rs_5_3_refusal_without_a_consultation_answers_422(clerk_api):
    request = incoming_request("kz-rs-2015")

    response = run(clerk_api, request, "refuse", ground=RS_SECURITY, reasons="Security")

    violation = assert_blocked(response, "refusal_consultation", "kz-rs-2015 Art 5.3")
    assert violation["field"] == "consultations"
    assert fresh(request).state == RequestState.IN_EXECUTION
    assert not request.decisions.exists()


def _office_policy_violation(response, rule: str) -> dict:
    assert response.status_code == 422, response.json()
    [violation] = [v for v in response.json()["violations"] if v["rule"] == rule]
    assert (violation["basis"], violation["citation"]) == ("office_policy", "")
    return violation


def test_br_refusal_without_a_consultation_answers_422_as_office_policy_not_3_3(clerk_api):
    request = incoming_request("kz-br-2018")

    response = run(clerk_api, request, "refuse", ground="refusal_political_offence",
                   reasons="Political offence")

    _office_policy_violation(response, "office_consultation_before_refusal")


@pytest.mark.parametrize(("params", "rule", "citation", "field"), [
    ({"ground": "refusal_political_offence", "reasons": "x"},  # a BR ground
     "ground_not_listed", "kz-rs-2015 Art 5", "ground"),
    ({"ground": RS_SECURITY, "reasons": "   "}, "refusal_reasons", "kz-rs-2015 Art 5.4",
     "reasons"),
    ({}, "ground_not_listed", "kz-rs-2015 Art 5", "ground"),
])
def test_rs_refusal_needs_a_ground_from_the_art_5_list_and_the_5_4_reasons(clerk_api, params,
                                                                          rule, citation, field):
    request = incoming_request("kz-rs-2015")
    records.consultation_record(actor=clerk_api.user, request_id=request.pk, subject="refusal",
                                held_on=TODAY, counterpart="Serbian MoJ", summary="Grounds")

    response = run(clerk_api, request, "refuse", **params)

    violation = assert_blocked(response, rule, citation)
    assert violation["field"] == field


# --- deferral ---------------------------------------------------------------------------------------
def test_rs_6_3_deferral_before_deciding_on_partial_or_conditional_execution_answers_422(
        clerk_api):
    request = incoming_request("kz-rs-2015")

    response = run(clerk_api, request, "defer", ground="deferral_interferes_with_proceedings",
                   reasons="Our own investigation needs the documents")

    violation = assert_blocked(response, "deferral_after_partial_or_conditional_decision",
                               "kz-rs-2015 Art 6.3")
    assert violation["field"] == "decisions"
    assert fresh(request).state == RequestState.IN_EXECUTION


def test_rs_6_3_deferral_after_that_decision_defers(clerk_api):
    request = incoming_request("kz-rs-2015")
    records.decision_record_partial_or_conditional_considered(
        actor=clerk_api.user, request_id=request.pk, reasons="Needed whole", decided_on=TODAY)

    response = run(clerk_api, request, "defer", ground="deferral_interferes_with_proceedings",
                   reasons="Our own investigation needs the documents")

    assert_done(response, "deferred")
    assert response.json()["log_entry"]["citation"] == "kz-rs-2015 Art 6.2"


def test_br_deferral_without_a_consultation_answers_422_as_office_policy_not_3_3(clerk_api):
    request = incoming_request("kz-br-2018")

    response = run(clerk_api, request, "defer", ground="deferral_interferes_with_proceedings",
                   reasons="Ongoing trial")

    _office_policy_violation(response, "office_consultation_before_refusal")
    assert fresh(request).state == RequestState.IN_EXECUTION


def test_rs_deferral_needs_a_ground_from_the_6_2_list(clerk_api):
    request = incoming_request("kz-rs-2015")
    records.decision_record_partial_or_conditional_considered(
        actor=clerk_api.user, request_id=request.pk, reasons="Needed whole", decided_on=TODAY)

    response = run(clerk_api, request, "defer", ground="no_such_ground", reasons="Because")

    violation = assert_blocked(response, "ground_not_listed", "kz-rs-2015 Art 6.2")
    assert violation["field"] == "ground"


@pytest.mark.parametrize("slug", POLICE)
def test_police_agreements_provide_no_deferral_409(police_clerk_api, slug):
    request = incoming_request(slug)

    response = run(police_clerk_api, request, "defer", ground="x", reasons="y")

    assert response.status_code == 409
    assert response.json()["type"] == "transition_not_available"


# --- conditions -------------------------------------------------------------------------------------
def test_br_3_3_conditions_without_the_requesting_sides_acceptance_answer_422(clerk_api):
    request = incoming_request("kz-br-2018")

    response = run(clerk_api, request, "set_conditions",
                   conditions="Evidence used only in case 123")

    violation = assert_blocked(response, "conditions", "kz-br-2018 Art 3.3")
    assert violation["field"] == "accepted_by_requesting_side_on"
    assert fresh(request).state == RequestState.IN_EXECUTION


def test_br_3_3_conditions_accepted_by_the_requesting_side_are_recorded(clerk_api):
    request = incoming_request("kz-br-2018")

    response = run(clerk_api, request, "set_conditions",
                   conditions="Evidence used only in case 123", accepted_on="2026-03-01")

    assert_done(response, "conditional_execution")
    assert response.json()["log_entry"]["citation"] == "kz-br-2018 Art 3.3"


def test_cz_9_4_conditions_without_stating_them_answer_422(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = run(police_clerk_api, request, "set_conditions", conditions=" ")

    assert_blocked(response, "conditions", "kz-cz-2017 Art 9.4")


def test_sk_provides_no_conditional_execution_409(police_clerk_api):
    request = incoming_request("kz-sk-2007")

    response = run(police_clerk_api, request, "set_conditions", conditions="Use limited")

    assert response.status_code == 409


# --- partial execution ------------------------------------------------------------------------------
def test_cz_partial_execution_without_reasons_answers_422_as_office_policy_not_9_5(
        police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = run(police_clerk_api, request, "record_execution", outcome="partial")

    violation = _office_policy_violation(response, "office_reasons_given")
    assert violation["field"] == "reasons"
    assert fresh(request).state == RequestState.IN_EXECUTION


def test_sk_7_7_partial_execution_without_reasons_answers_422(police_clerk_api):
    request = incoming_request("kz-sk-2007")

    response = run(police_clerk_api, request, "record_execution", outcome="partial",
                   reasons="")

    assert_blocked(response, "refusal_reasons", "kz-sk-2007 Art 7.7")


def test_cz_9_5_partial_execution_with_reasons_is_recorded(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = run(police_clerk_api, request, "record_execution", outcome="partial",
                   reasons="Records older than 2015 destroyed")

    assert_done(response, "executed")
    assert response.json()["log_entry"]["reason"] == "Records older than 2015 destroyed"


# --- return of items --------------------------------------------------------------------------------
@pytest.mark.parametrize(("slug", "citation"), [("kz-rs-2015", "kz-rs-2015 Art 15"),
                                                ("kz-br-2018", "kz-br-2018 Art 14")])
def test_closure_with_a_held_item_answers_422(clerk_api, slug, citation):
    request, _ = results_sent_with_item(slug, clerk_api.user)

    response = run(clerk_api, request, "close")

    violation = assert_blocked(response, "return_of_items", citation)
    assert violation["field"] == "items"
    assert fresh(request).state == RequestState.RESULTS_TRANSMITTED


def test_rs_15_closure_once_the_return_is_waived_closes(clerk_api):
    request, item = results_sent_with_item("kz-rs-2015", clerk_api.user)
    records.item_waive_return(actor=clerk_api.user, item_id=item.pk, waived_on=TODAY,
                              waiver_reference="Serbian MoJ letter 12/2026")

    assert_done(run(clerk_api, request, "close"), "closed")


def test_rs_15_awaiting_return_of_items_needs_an_item_held(clerk_api):
    request = incoming_request("kz-rs-2015", state=RequestState.EXECUTED)

    response = run(clerk_api, request, "await_return_of_items")

    assert_blocked(response, "return_of_items", "kz-rs-2015 Art 15")


# --- detainee transfers -----------------------------------------------------------------------------
def test_rs_11_1_closure_while_a_transferred_person_is_not_returned_answers_422(clerk_api):
    request = incoming_request("kz-rs-2015")
    records.transfer_record(actor=clerk_api.user, request_id=request.pk,
                            person_id=detained_person(request).pk, transferred_on=TODAY,
                            return_due_on=date(2026, 9, 2))  # exactly six months: allowed
    t.request_record_execution(request_id=request.pk, actor=clerk_api.user)
    t.request_transition(request_id=request.pk, actor=clerk_api.user, name="transmit_results",
                         params=answer_params(request))

    response = run(clerk_api, request, "close")

    violation = assert_blocked(response, "detainee_transfer", "kz-rs-2015 Art 11.1")
    assert violation["field"] == "transfers"
    [deadline] = deadlines_of(clerk_api, request, "detainee_return")
    assert (deadline["citation"], deadline["due_at"]) == (
        "kz-rs-2015 Art 11.1", end_of_day(date(2026, 9, 2)).isoformat())


def test_br_9_2_b_closure_before_the_person_is_back_answers_422_and_the_release_date_binds(
        clerk_api):
    request = incoming_request("kz-br-2018")
    records.transfer_record(actor=clerk_api.user, request_id=request.pk,
                            person_id=detained_person(request).pk, transferred_on=TODAY,
                            release_date=date(2026, 12, 1), person_consented=True)
    t.request_record_execution(request_id=request.pk, actor=clerk_api.user)
    t.request_transition(request_id=request.pk, actor=clerk_api.user, name="transmit_results",
                         params=answer_params(request))

    response = run(clerk_api, request, "close")

    assert_blocked(response, "detainee_transfer", "kz-br-2018 Art 9.2(b)")
    [deadline] = deadlines_of(clerk_api, request, "detainee_return")
    assert (deadline["citation"], deadline["due_at"]) == (
        "kz-br-2018 Art 9.2(b)", end_of_day(date(2026, 12, 1)).isoformat())


# --- asset sharing ----------------------------------------------------------------------------------
def test_br_18_2_asset_sharing_is_due_a_year_after_the_final_confiscation(clerk_api):
    request = ready("kz-br-2018")
    assert_done(run(clerk_api, request, "transmit"), "transmitted")
    request_update(actor=clerk_api.user, request_id=request.pk,
                   final_confiscation_effective_on=date(2026, 2, 10))

    [deadline] = deadlines_of(clerk_api, request, "asset_sharing_request")

    assert (deadline["citation"], deadline["basis"], deadline["status"]) == (
        "kz-br-2018 Art 18.2", "treaty", "open")
    assert deadline["due_at"] == end_of_day(date(2027, 2, 10)).isoformat()
