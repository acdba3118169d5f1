"""API twins of the rule table (docs/rule-table.md): for every rule row, the same rule seen
through the API on at least one instrument.

A rule that blocks an action answers 422 with ``violations[i].rule``, ``.citation`` and a
non-empty ``.message`` (each test asserts all three, and that nothing changed); at its boundary
the other side answers 200. A rule that computes a deadline is shown through
``GET /api/deadlines/`` with its citation and basis.

State is built with factories and services; only the action under test goes through the API:
the transition endpoints for most rules, ``POST /api/requests/`` for the rules checked when a
draft is opened (CZ 1.2, entry into force, termination), and the record endpoints of
``requests_app/api/records/`` for the rules their services enforce (transfer terms, the
personal-data register, onward transfer).
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.requests import request_record_shorter_summons_term
from requests_app.services.requests import request_update
from tests.api.conftest import NOW
from tests.factories import COUNTERPARTS
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import detained_person
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import summoned_person
from tests.factories import supervisor
from tests.scenarios import results_sent_with_item
from tests.scenarios import set_instrument
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

TODAY = NOW.date()
POLICE = ("kz-cz-2017", "kz-sk-2007")
RS_SECURITY = "refusal_sovereignty_security_public_order"


# --- helpers --------------------------------------------------------------------------------------
def _office(slug: str) -> str:
    return COUNTERPARTS[slug][1]


def _ready(slug="kz-rs-2015", *, summons_in: int | None = None, **fields) -> AssistanceRequest:
    """An outgoing request drafted, reviewed and approved through the services."""
    author = prosecutor(_office(slug))
    request = AssistanceRequestFactory(instrument_slug=slug, created_by=author, **fields)
    if summons_in is not None:
        summoned_person(request, TODAY + timedelta(days=summons_in))
    t.request_submit_for_review(request_id=request.pk, actor=author)
    t.request_approve(request_id=request.pk, actor=supervisor())
    return request


def _fresh(request) -> AssistanceRequest:
    return AssistanceRequest.objects.get(pk=request.pk)


def _run(client, request, name, **params):
    body = {"version": _fresh(request).version, **params}
    return client.post(f"/api/requests/{request.pk}/transitions/{name}/", body, format="json")


def assert_blocked(response, rule: str, citation: str) -> dict:
    """422 naming ``rule`` with ``citation`` and a message; returns that violation."""
    assert response.status_code == 422, response.json()
    body = response.json()
    assert body["type"] == "rule_violation"
    assert body["detail"]
    matching = [v for v in body["violations"]
                if v["rule"] == rule and v["citation"] == citation]
    assert matching, body["violations"]
    violation = matching[0]
    assert violation["message"].strip()
    instrument_slug, article = citation.split(" ", 1)
    assert (violation["instrument"], violation["article"]) == (instrument_slug, article)
    return violation


def assert_done(response, state: str) -> None:
    assert response.status_code == 200, response.json()
    assert response.json()["state"] == state


def _deadlines(client, request, kind: str) -> list[dict]:
    response = client.get("/api/deadlines/", {"request": request.pk, "kind": kind})
    assert response.status_code == 200, response.json()
    return response.json()["results"]


def _draft_body(slug: str, **overrides) -> dict:
    return {"instrument": slug, "requested_authority": authority(COUNTERPARTS[slug][0]).pk,
            "assistance_types": ["information_exchange"], **overrides}


# --- scope: CZ 1.2 and the instrument's list of assistance types ------------------------------------
def test_cz_1_2_a_draft_asking_for_legal_assistance_answers_422(police_clerk_api):
    response = police_clerk_api.post("/api/requests/", _draft_body(
        "kz-cz-2017", assistance_types=["testimony"]), format="json")

    violation = assert_blocked(response, "excludes_legal_assistance", "kz-cz-2017 Art 1.2")
    assert violation["field"] == "assistance_types"
    assert not AssistanceRequest.objects.exists()


def test_cz_1_2_transmitting_a_request_for_legal_assistance_answers_422(police_clerk_api):
    request = _ready("kz-cz-2017", assistance_types=["testimony"])

    response = _run(police_clerk_api, request, "transmit")

    assert_blocked(response, "excludes_legal_assistance", "kz-cz-2017 Art 1.2")
    assert _fresh(request).state == RequestState.READY


def test_rs_1_2_a_type_the_instrument_does_not_cover_answers_422(clerk_api):
    request = _ready("kz-rs-2015", assistance_types=["samples"])

    response = _run(clerk_api, request, "transmit")

    assert_blocked(response, "assistance_type_not_covered", "kz-rs-2015 Art 1.2")
    assert _fresh(request).state == RequestState.READY


# --- channels ---------------------------------------------------------------------------------------
def test_br_a_channel_the_instrument_does_not_provide_blocks_transmission(clerk_api):
    request = _ready("kz-br-2018", channel="fax", request_language="pt")

    response = _run(clerk_api, request, "transmit")

    violation = assert_blocked(response, "communication", "kz-br-2018 Art 2")
    assert violation["field"] == "channel"


def test_sk_7_2_a_written_confirmation_on_a_channel_sk_does_not_provide_answers_422(
        police_clerk_api):
    request = _ready("kz-sk-2007", is_urgent=True)
    t.request_transmit_orally(request_id=request.pk, actor=supervisor())

    response = _run(police_clerk_api, request, "confirm_in_writing", channel="electronic")

    assert_blocked(response, "communication", "kz-sk-2007 Art 7.2")
    assert _fresh(request).state == RequestState.ORAL_PENDING_CONFIRMATION


# --- oral requests ----------------------------------------------------------------------------------
def test_sk_7_4_an_oral_request_that_is_not_urgent_answers_422(police_clerk_api):
    request = _ready("kz-sk-2007", is_urgent=False)

    response = _run(police_clerk_api, request, "transmit_orally")

    violation = assert_blocked(response, "oral_requests", "kz-sk-2007 Art 7.4")
    assert violation["field"] == "is_urgent"
    assert _fresh(request).state == RequestState.READY


def test_sk_7_4_an_urgent_oral_request_goes(police_clerk_api):
    request = _ready("kz-sk-2007", is_urgent=True, urgency_reason="Suspect leaves tonight")

    assert_done(_run(police_clerk_api, request, "transmit_orally"), "oral_pending_confirmation")


def test_rs_3_1_oral_requests_are_not_in_the_rs_graph_409(clerk_api):
    request = _ready("kz-rs-2015", is_urgent=True)

    response = _run(clerk_api, request, "transmit_orally")

    assert response.status_code == 409
    assert response.json()["type"] == "transition_not_available"


# --- written confirmation of an oral request: SK 7.4 (treaty), CZ 9.1 (office policy) --------------
@pytest.mark.parametrize(("hours", "status"), [(23, "met"), (25, "missed")])
def test_sk_7_4_written_confirmation_at_hour_23_meets_and_at_hour_25_misses_the_24_hours(
        police_clerk_api, frozen_now, hours, status):
    request = _ready("kz-sk-2007", is_urgent=True)
    assert_done(_run(police_clerk_api, request, "transmit_orally"), "oral_pending_confirmation")
    [deadline] = _deadlines(police_clerk_api, request, "oral_confirmation")
    assert (deadline["citation"], deadline["basis"], deadline["status"]) == (
        "kz-sk-2007 Art 7.4", "treaty", "open")
    assert deadline["due_at"] == "2026-03-03T10:00:00+05:00"
    frozen_now.shift(timedelta(hours=hours))

    assert_done(_run(police_clerk_api, request, "confirm_in_writing", channel="fax"),
                "transmitted")

    [deadline] = _deadlines(police_clerk_api, request, "oral_confirmation")
    assert deadline["status"] == status
    assert deadline["met_at"] == (NOW + timedelta(hours=hours)).isoformat()


def test_cz_9_1_an_oral_request_gets_the_office_policy_target_not_a_treaty_term(
        police_clerk_api, settings):
    request = _ready("kz-cz-2017", is_urgent=True)

    assert_done(_run(police_clerk_api, request, "transmit_orally"), "oral_pending_confirmation")

    [deadline] = _deadlines(police_clerk_api, request, "oral_confirmation")
    assert (deadline["citation"], deadline["basis"]) == ("kz-cz-2017 Art 9.1", "office_policy")
    hours = settings.MLA_ORAL_CONFIRMATION_TARGET_HOURS
    assert deadline["due_at"] == (NOW + timedelta(hours=hours)).isoformat()


# --- contents and translation -----------------------------------------------------------------------
def test_rs_3_2_c_missing_content_answers_422(clerk_api):
    request = _ready("kz-rs-2015", legal_qualification="   ")

    response = _run(clerk_api, request, "transmit")

    violation = assert_blocked(response, "content_legal_qualification", "kz-rs-2015 Art 3.2(c)")
    assert violation["field"] == "legal_qualification"
    assert _fresh(request).state == RequestState.READY


def test_rs_4_1_missing_translation_answers_422(clerk_api):
    request = _ready("kz-rs-2015", request_language="ru")

    response = _run(clerk_api, request, "transmit")

    assert_blocked(response, "language", "kz-rs-2015 Art 4.1")


def test_rs_4_1_a_completed_serbian_translation_lets_it_go(clerk_api):
    request = _ready("kz-rs-2015", request_language="ru")
    records.translation_record(actor=clerk_api.user, request_id=request.pk, language="sr",
                               completed_on=TODAY)

    assert_done(_run(clerk_api, request, "transmit"), "transmitted")


# --- originals --------------------------------------------------------------------------------------
def test_rs_3_4_electronic_transmission_without_the_original_by_post_answers_422(clerk_api):
    request = _ready("kz-rs-2015", channel="electronic")

    response = _run(clerk_api, request, "transmit")

    assert_blocked(response, "originals", "kz-rs-2015 Art 3.4")
    assert _fresh(request).state == RequestState.READY


def test_rs_3_4_with_the_original_posted_today_it_goes_and_the_term_is_met(clerk_api):
    request = _ready("kz-rs-2015", channel="electronic")
    records.original_record(actor=clerk_api.user, request_id=request.pk, dispatched_on=TODAY,
                            dispatch_channel="post")

    assert_done(_run(clerk_api, request, "transmit"), "transmitted")

    [deadline] = _deadlines(clerk_api, request, "original_by_post")
    assert (deadline["citation"], deadline["status"]) == ("kz-rs-2015 Art 3.4", "met")


def test_br_22_1_the_original_is_due_30_days_after_the_requested_side_asked(clerk_api):
    request = _ready("kz-br-2018", channel="electronic", request_language="pt")
    assert_done(_run(clerk_api, request, "transmit"), "transmitted")
    records.original_record(actor=clerk_api.user, request_id=request.pk,
                            asked_for_on=date(2026, 3, 1))

    [deadline] = _deadlines(clerk_api, request, "original_on_request")

    assert (deadline["citation"], deadline["basis"], deadline["status"]) == (
        "kz-br-2018 Art 22.1", "treaty", "open")
    assert deadline["due_at"] == end_of_day(date(2026, 3, 31)).isoformat()


# --- summons lead times -----------------------------------------------------------------------------
def test_rs_8_3_a_summons_59_days_ahead_answers_422(clerk_api):
    request = _ready("kz-rs-2015", summons_in=59)

    response = _run(clerk_api, request, "transmit")

    violation = assert_blocked(response, "summons_lead_time", "kz-rs-2015 Art 8.3")
    assert violation["field"] == "appearance_date"
    assert _fresh(request).state == RequestState.READY


@pytest.mark.parametrize("days", [60, 61])
def test_rs_8_3_a_summons_60_or_more_days_ahead_goes(clerk_api, days):
    request = _ready("kz-rs-2015", summons_in=days)

    assert_done(_run(clerk_api, request, "transmit"), "transmitted")

    [deadline] = _deadlines(clerk_api, request, "summons_transmission")
    assert (deadline["citation"], deadline["status"]) == ("kz-rs-2015 Art 8.3", "met")


def test_rs_8_3_an_urgent_request_with_an_agreed_shorter_term_goes_30_days_ahead(clerk_api):
    request = _ready("kz-rs-2015", summons_in=30, is_urgent=True)
    request_record_shorter_summons_term(actor=clerk_api.user, request_id=request.pk,
                                        agreed_on=TODAY, agreement="Call with the Serbian MoJ")

    assert_done(_run(clerk_api, request, "transmit"), "transmitted")


def test_br_6_2_a_summons_89_days_ahead_answers_422(clerk_api):
    request = _ready("kz-br-2018", summons_in=89, request_language="pt")

    response = _run(clerk_api, request, "transmit")

    assert_blocked(response, "summons_lead_time", "kz-br-2018 Art 6.2")


@pytest.mark.parametrize("days", [90, 91])
def test_br_6_2_a_summons_90_or_more_days_ahead_goes(clerk_api, days):
    request = _ready("kz-br-2018", summons_in=days, request_language="pt")

    assert_done(_run(clerk_api, request, "transmit"), "transmitted")


# --- requested execution date -----------------------------------------------------------------------
def test_rs_6_5_a_requested_execution_date_without_its_reason_answers_422(clerk_api):
    request = _ready("kz-rs-2015", requested_execution_date=TODAY + timedelta(days=30))

    response = _run(clerk_api, request, "transmit")

    violation = assert_blocked(response, "requested_execution_date_reasoned",
                               "kz-rs-2015 Art 6.5")
    assert violation["field"] == "requested_execution_reason"


# --- the instrument's life --------------------------------------------------------------------------
def test_cz_18_1_a_draft_before_entry_into_force_answers_422(police_clerk_api):
    set_instrument("kz-cz-2017", entered_into_force_on=TODAY + timedelta(days=1))

    response = police_clerk_api.post("/api/requests/", _draft_body("kz-cz-2017"), format="json")

    assert_blocked(response, "instrument_not_in_force", "kz-cz-2017 Art 18.1")
    assert not AssistanceRequest.objects.exists()


def test_cz_18_1_a_draft_on_the_day_of_entry_into_force_is_created(police_clerk_api):
    set_instrument("kz-cz-2017", entered_into_force_on=TODAY)

    response = police_clerk_api.post("/api/requests/", _draft_body("kz-cz-2017"), format="json")

    assert response.status_code == 201, response.json()


def test_cz_18_1_transmission_before_entry_into_force_answers_422(police_clerk_api):
    request = _ready("kz-cz-2017")
    set_instrument("kz-cz-2017", entered_into_force_on=TODAY + timedelta(days=1))

    response = _run(police_clerk_api, request, "transmit")

    assert_blocked(response, "instrument_not_in_force", "kz-cz-2017 Art 18.1")


def test_cz_17_transmission_15_days_after_a_suspension_notice_answers_422(police_clerk_api):
    request = _ready("kz-cz-2017")
    set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=15))

    response = _run(police_clerk_api, request, "transmit")

    assert_blocked(response, "instrument_suspended", "kz-cz-2017 Art 17")
    assert _fresh(request).state == RequestState.READY


def test_cz_17_transmission_14_days_after_a_suspension_notice_goes(police_clerk_api):
    request = _ready("kz-cz-2017")
    set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=14))

    assert_done(_run(police_clerk_api, request, "transmit"), "transmitted")


def test_cz_17_execution_waits_while_the_agreement_is_suspended(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=15))

    response = _run(police_clerk_api, request, "record_execution", outcome="full")

    assert_blocked(response, "instrument_suspended", "kz-cz-2017 Art 17")


def test_rs_22_4_transmission_180_days_after_a_termination_notice_answers_422(clerk_api):
    request = _ready("kz-rs-2015")
    set_instrument("kz-rs-2015", termination_notice_received_on=TODAY - timedelta(days=180))

    response = _run(clerk_api, request, "transmit")

    assert_blocked(response, "instrument_terminated", "kz-rs-2015 Art 22.4")


def test_rs_22_4_transmission_179_days_after_a_termination_notice_goes(clerk_api):
    request = _ready("kz-rs-2015")
    set_instrument("kz-rs-2015", termination_notice_received_on=TODAY - timedelta(days=179))

    assert_done(_run(clerk_api, request, "transmit"), "transmitted")


def test_br_30_2_a_draft_six_calendar_months_after_a_termination_notice_answers_422(clerk_api):
    set_instrument("kz-br-2018", termination_notice_received_on=date(2025, 9, 2))

    response = clerk_api.post("/api/requests/", _draft_body(
        "kz-br-2018", assistance_types=["testimony"]), format="json")

    assert_blocked(response, "instrument_terminated", "kz-br-2018 Art 30.2")


def test_br_30_2_transmission_six_months_after_a_termination_notice_answers_422(clerk_api):
    request = _ready("kz-br-2018", request_language="pt")
    set_instrument("kz-br-2018", termination_notice_received_on=date(2025, 9, 2))

    response = _run(clerk_api, request, "transmit")

    assert_blocked(response, "instrument_terminated", "kz-br-2018 Art 30.2")


# --- requests opened before termination (RS 22.5, BR 30.4; none in CZ, SK) -------------------------
RS_NOTICE = TODAY - timedelta(days=180)  # RS 22.4: ceased to have effect today


def test_rs_22_5_a_request_opened_before_termination_may_still_be_refused(clerk_api):
    request = incoming_request("kz-rs-2015", opened_on=TODAY - timedelta(days=200))
    set_instrument("kz-rs-2015", termination_notice_received_on=RS_NOTICE)
    records.consultation_record(actor=clerk_api.user, request_id=request.pk, subject="refusal",
                                held_on=TODAY, counterpart="Serbian MoJ", summary="Grounds")

    response = _run(clerk_api, request, "refuse", ground=RS_SECURITY, reasons="Security")

    assert_done(response, "refused")


def test_rs_22_5_a_request_opened_before_termination_may_still_be_executed(clerk_api):
    request = incoming_request("kz-rs-2015", opened_on=TODAY - timedelta(days=200))
    set_instrument("kz-rs-2015", termination_notice_received_on=RS_NOTICE)

    assert_done(_run(clerk_api, request, "record_execution"), "executed")


def test_rs_22_4_a_request_opened_the_day_termination_took_effect_cannot_be_executed(clerk_api):
    request = incoming_request("kz-rs-2015", opened_on=TODAY)
    set_instrument("kz-rs-2015", termination_notice_received_on=RS_NOTICE)

    response = _run(clerk_api, request, "record_execution")

    assert_blocked(response, "instrument_terminated", "kz-rs-2015 Art 22.4")


def test_cz_18_2_execution_cannot_start_after_termination(police_clerk_api):
    request = incoming_request("kz-cz-2017", state=RequestState.FORWARDED,
                               opened_on=TODAY - timedelta(days=365))
    set_instrument("kz-cz-2017", termination_notice_received_on=date(2025, 9, 2))

    response = _run(police_clerk_api, request, "start_execution")

    assert_blocked(response, "instrument_terminated", "kz-cz-2017 Art 18.2")
    assert _fresh(request).state == RequestState.FORWARDED


# --- refusal ----------------------------------------------------------------------------------------
def test_rs_5_3_refusal_without_a_consultation_answers_422(clerk_api):
    request = incoming_request("kz-rs-2015")

    response = _run(clerk_api, request, "refuse", ground=RS_SECURITY, reasons="Security")

    violation = assert_blocked(response, "refusal_consultation", "kz-rs-2015 Art 5.3")
    assert violation["field"] == "consultations"
    assert _fresh(request).state == RequestState.IN_EXECUTION
    assert not request.decisions.exists()


def test_br_3_3_refusal_without_a_consultation_answers_422(clerk_api):
    request = incoming_request("kz-br-2018")

    response = _run(clerk_api, request, "refuse", ground="refusal_political_offence",
                    reasons="Political offence")

    assert_blocked(response, "refusal_consultation", "kz-br-2018 Art 3.3")


@pytest.mark.parametrize(("params", "field"), [
    ({"ground": "refusal_political_offence", "reasons": "x"}, "ground"),  # a BR ground
    ({"ground": RS_SECURITY, "reasons": "   "}, "reasons"),
    ({}, "ground"),
])
def test_rs_5_4_refusal_needs_a_ground_from_the_list_and_reasons(clerk_api, params, field):
    request = incoming_request("kz-rs-2015")
    records.consultation_record(actor=clerk_api.user, request_id=request.pk, subject="refusal",
                                held_on=TODAY, counterpart="Serbian MoJ", summary="Grounds")

    response = _run(clerk_api, request, "refuse", **params)

    violation = assert_blocked(response, "refusal_reasons", "kz-rs-2015 Art 5.4")
    assert {v["field"] for v in response.json()["violations"]} >= {field}
    assert violation["field"] in ("ground", "reasons")


# --- deferral ---------------------------------------------------------------------------------------
def test_rs_6_3_deferral_before_deciding_on_partial_or_conditional_execution_answers_422(
        clerk_api):
    request = incoming_request("kz-rs-2015")

    response = _run(clerk_api, request, "defer", ground="deferral_interferes_with_proceedings",
                    reasons="Our own investigation needs the documents")

    violation = assert_blocked(response, "deferral_after_partial_or_conditional_decision",
                               "kz-rs-2015 Art 6.3")
    assert violation["field"] == "decisions"
    assert _fresh(request).state == RequestState.IN_EXECUTION


def test_rs_6_3_deferral_after_that_decision_defers(clerk_api):
    request = incoming_request("kz-rs-2015")
    records.decision_record_partial_or_conditional_considered(
        actor=clerk_api.user, request_id=request.pk, reasons="Needed whole", decided_on=TODAY)

    response = _run(clerk_api, request, "defer", ground="deferral_interferes_with_proceedings",
                    reasons="Our own investigation needs the documents")

    assert_done(response, "deferred")
    assert response.json()["log_entry"]["citation"] == "kz-rs-2015 Art 6.2"


def test_br_3_3_deferral_without_a_consultation_answers_422(clerk_api):
    request = incoming_request("kz-br-2018")

    response = _run(clerk_api, request, "defer", ground="deferral_interferes_with_proceedings",
                    reasons="Ongoing trial")

    assert_blocked(response, "deferral_consultation", "kz-br-2018 Art 3.3")
    assert _fresh(request).state == RequestState.IN_EXECUTION


def test_rs_6_4_deferral_needs_a_ground_from_the_list(clerk_api):
    request = incoming_request("kz-rs-2015")
    records.decision_record_partial_or_conditional_considered(
        actor=clerk_api.user, request_id=request.pk, reasons="Needed whole", decided_on=TODAY)

    response = _run(clerk_api, request, "defer", ground="no_such_ground", reasons="Because")

    violation = assert_blocked(response, "deferral_reasons", "kz-rs-2015 Art 6.4")
    assert violation["field"] == "ground"


@pytest.mark.parametrize("slug", POLICE)
def test_police_agreements_provide_no_deferral_409(police_clerk_api, slug):
    request = incoming_request(slug)

    response = _run(police_clerk_api, request, "defer", ground="x", reasons="y")

    assert response.status_code == 409
    assert response.json()["type"] == "transition_not_available"


# --- conditions -------------------------------------------------------------------------------------
def test_br_3_3_conditions_without_the_requesting_sides_acceptance_answer_422(clerk_api):
    request = incoming_request("kz-br-2018")

    response = _run(clerk_api, request, "set_conditions",
                    conditions="Evidence used only in case 123")

    violation = assert_blocked(response, "conditions", "kz-br-2018 Art 3.3")
    assert violation["field"] == "accepted_by_requesting_side_on"
    assert _fresh(request).state == RequestState.IN_EXECUTION


def test_br_3_3_conditions_accepted_by_the_requesting_side_are_recorded(clerk_api):
    request = incoming_request("kz-br-2018")

    response = _run(clerk_api, request, "set_conditions",
                    conditions="Evidence used only in case 123", accepted_on="2026-03-01")

    assert_done(response, "conditional_execution")
    assert response.json()["log_entry"]["citation"] == "kz-br-2018 Art 3.3"


def test_cz_9_4_conditions_without_stating_them_answer_422(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = _run(police_clerk_api, request, "set_conditions", conditions=" ")

    assert_blocked(response, "conditions", "kz-cz-2017 Art 9.4")


def test_sk_provides_no_conditional_execution_409(police_clerk_api):
    request = incoming_request("kz-sk-2007")

    response = _run(police_clerk_api, request, "set_conditions", conditions="Use limited")

    assert response.status_code == 409


# --- partial execution ------------------------------------------------------------------------------
def test_cz_9_5_partial_execution_without_reasons_answers_422(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = _run(police_clerk_api, request, "record_execution", outcome="partial")

    violation = assert_blocked(response, "refusal_reasons", "kz-cz-2017 Art 9.5")
    assert violation["field"] == "reasons"
    assert _fresh(request).state == RequestState.IN_EXECUTION


def test_sk_7_7_partial_execution_without_reasons_answers_422(police_clerk_api):
    request = incoming_request("kz-sk-2007")

    response = _run(police_clerk_api, request, "record_execution", outcome="partial",
                    reasons="")

    assert_blocked(response, "refusal_reasons", "kz-sk-2007 Art 7.7")


def test_cz_9_5_partial_execution_with_reasons_is_recorded(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = _run(police_clerk_api, request, "record_execution", outcome="partial",
                    reasons="Records older than 2015 destroyed")

    assert_done(response, "executed")
    assert response.json()["log_entry"]["reason"] == "Records older than 2015 destroyed"


# --- return of items --------------------------------------------------------------------------------
@pytest.mark.parametrize(("slug", "citation"), [("kz-rs-2015", "kz-rs-2015 Art 15"),
                                                ("kz-br-2018", "kz-br-2018 Art 14")])
def test_closure_with_a_held_item_answers_422(clerk_api, slug, citation):
    request, _ = results_sent_with_item(slug, clerk_api.user)

    response = _run(clerk_api, request, "close")

    violation = assert_blocked(response, "return_of_items", citation)
    assert violation["field"] == "items"
    assert _fresh(request).state == RequestState.RESULTS_TRANSMITTED


def test_rs_15_closure_once_the_return_is_waived_closes(clerk_api):
    request, item = results_sent_with_item("kz-rs-2015", clerk_api.user)
    records.item_waive_return(actor=clerk_api.user, item_id=item.pk, waived_on=TODAY,
                              waiver_reference="Serbian MoJ letter 12/2026")

    assert_done(_run(clerk_api, request, "close"), "closed")


def test_rs_15_awaiting_return_of_items_needs_an_item_held(clerk_api):
    request = incoming_request("kz-rs-2015", state=RequestState.EXECUTED)

    response = _run(clerk_api, request, "await_return_of_items")

    assert_blocked(response, "return_of_items", "kz-rs-2015 Art 15")


# --- detainee transfers -----------------------------------------------------------------------------
def test_rs_11_1_closure_while_a_transferred_person_is_not_returned_answers_422(clerk_api):
    request = incoming_request("kz-rs-2015")
    records.transfer_record(actor=clerk_api.user, request_id=request.pk,
                            person_id=detained_person(request).pk, transferred_on=TODAY,
                            return_due_on=date(2026, 9, 2))  # exactly six months: allowed
    t.request_record_execution(request_id=request.pk, actor=clerk_api.user)
    t.request_transition(request_id=request.pk, actor=clerk_api.user, name="transmit_results")

    response = _run(clerk_api, request, "close")

    violation = assert_blocked(response, "detainee_transfer", "kz-rs-2015 Art 11.1")
    assert violation["field"] == "transfers"
    [deadline] = _deadlines(clerk_api, request, "detainee_return")
    assert (deadline["citation"], deadline["due_at"]) == (
        "kz-rs-2015 Art 11.1", end_of_day(date(2026, 9, 2)).isoformat())


def test_br_9_2_b_closure_before_the_person_is_back_answers_422_and_the_release_date_binds(
        clerk_api):
    request = incoming_request("kz-br-2018")
    records.transfer_record(actor=clerk_api.user, request_id=request.pk,
                            person_id=detained_person(request).pk, transferred_on=TODAY,
                            release_date=date(2026, 12, 1), person_consented=True)
    t.request_record_execution(request_id=request.pk, actor=clerk_api.user)
    t.request_transition(request_id=request.pk, actor=clerk_api.user, name="transmit_results")

    response = _run(clerk_api, request, "close")

    assert_blocked(response, "detainee_transfer", "kz-br-2018 Art 9.2(b)")
    [deadline] = _deadlines(clerk_api, request, "detainee_return")
    assert (deadline["citation"], deadline["due_at"]) == (
        "kz-br-2018 Art 9.2(b)", end_of_day(date(2026, 12, 1)).isoformat())


# --- asset sharing ----------------------------------------------------------------------------------
def test_br_18_2_asset_sharing_is_due_a_year_after_the_final_confiscation(clerk_api):
    request = _ready("kz-br-2018", request_language="pt")
    assert_done(_run(clerk_api, request, "transmit"), "transmitted")
    request_update(actor=clerk_api.user, request_id=request.pk,
                   final_confiscation_effective_on=date(2026, 2, 10))

    [deadline] = _deadlines(clerk_api, request, "asset_sharing_request")

    assert (deadline["citation"], deadline["basis"], deadline["status"]) == (
        "kz-br-2018 Art 18.2", "treaty", "open")
    assert deadline["due_at"] == end_of_day(date(2027, 2, 10)).isoformat()


# --- personal data (CZ 10-11, SK 5-6) ---------------------------------------------------------------
@pytest.mark.parametrize(("slug", "citation"), [("kz-cz-2017", "kz-cz-2017 Art 10.5"),
                                                ("kz-sk-2007", "kz-sk-2007 Art 5.6")])
def test_received_personal_data_are_due_for_deletion_by_the_suppliers_term(
        police_clerk_api, slug, citation):
    request = incoming_request(slug)
    records.personal_data_record(
        actor=police_clerk_api.user, request_id=request.pk, flow="received",
        transferred_on=TODAY, purpose="Identify a vehicle owner", data_categories="Name",
        bodies_involved="MVD KZ", deletion_due_on=TODAY + timedelta(days=30))

    [deadline] = _deadlines(police_clerk_api, request, "personal_data_deletion")

    assert (deadline["citation"], deadline["status"]) == (citation, "open")
    assert deadline["due_at"] == end_of_day(TODAY + timedelta(days=30)).isoformat()


# --- record endpoints (requests_app/api/records/): the rules their services enforce ---------------
def _record(client, request, url: str, **body):
    return client.post(url, {"version": _fresh(request).version, **body}, format="json")


@pytest.mark.parametrize(("return_due_on", "status"), [("2026-09-03", 422), ("2026-09-02", 201)])
def test_rs_11_1_a_transfer_for_more_than_six_months_answers_422(clerk_api, return_due_on,
                                                                 status):
    request = incoming_request("kz-rs-2015")
    person = detained_person(request)

    response = _record(clerk_api, request, f"/api/requests/{request.pk}/transfers/",
                       person=person.pk, transferred_on="2026-03-02",
                       return_due_on=return_due_on)

    if status == 422:
        violation = assert_blocked(response, "detainee_transfer", "kz-rs-2015 Art 11.1")
        assert violation["field"] == "return_due_on"
        assert not request.transfers.exists()
    else:
        assert response.status_code == 201, response.json()


def test_rs_11_1_a_second_extension_answers_422(clerk_api):
    request = incoming_request("kz-rs-2015")
    transfer = records.transfer_record(actor=clerk_api.user, request_id=request.pk,
                                       person_id=detained_person(request).pk,
                                       transferred_on=TODAY, return_due_on=date(2026, 6, 1))
    records.transfer_extend(actor=clerk_api.user, transfer_id=transfer.pk,
                            return_due_on=date(2026, 7, 1))

    response = _record(clerk_api, request, f"/api/transfers/{transfer.pk}/extend/",
                       return_due_on="2026-08-01")

    violation = assert_blocked(response, "detainee_transfer", "kz-rs-2015 Art 11.1")
    assert violation["field"] == "extension_count"


def test_br_9_1_a_transfer_without_the_persons_consent_answers_422(clerk_api):
    request = incoming_request("kz-br-2018")

    response = _record(clerk_api, request, f"/api/requests/{request.pk}/transfers/",
                       person=detained_person(request).pk, transferred_on="2026-03-02",
                       release_date="2026-12-01", person_consented=False)

    violation = assert_blocked(response, "detainee_transfer", "kz-br-2018 Art 9.1")
    assert violation["field"] == "person_consented"
    assert not request.transfers.exists()


def _register_body(**overrides) -> dict:
    return {"flow": "received", "transferred_on": "2026-03-02",
            "purpose": "Identify the owner of vehicle 123ABC02", "data_categories": "Name",
            "bodies_involved": "MVD KZ; Police Presidium", **overrides}


@pytest.mark.parametrize(("slug", "citation"), [("kz-cz-2017", "kz-cz-2017 Art 10.5"),
                                                ("kz-sk-2007", "kz-sk-2007 Art 5.6")])
def test_data_supplied_without_a_deletion_term_answer_422(police_clerk_api, slug, citation):
    request = incoming_request(slug)

    response = _record(police_clerk_api, request, f"/api/requests/{request.pk}/personal-data/",
                       **_register_body(flow="supplied"))

    violation = assert_blocked(response, "personal_data", citation)
    assert violation["field"] == "deletion_due_on"
    assert not request.personal_data_transfers.exists()


def test_cz_10_2_sensitive_data_without_a_justification_answer_422(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    response = _record(police_clerk_api, request, f"/api/requests/{request.pk}/personal-data/",
                       **_register_body(sensitive=True, deletion_due_on="2026-04-01"))

    violation = assert_blocked(response, "personal_data", "kz-cz-2017 Art 10.2")
    assert violation["field"] == "sensitive_justification"


def test_cz_10_6_the_register_records_receipt_and_deletion(police_clerk_api):
    request = incoming_request("kz-cz-2017")

    created = _record(police_clerk_api, request, f"/api/requests/{request.pk}/personal-data/",
                      **_register_body(deletion_due_on="2026-04-01"))
    assert created.status_code == 201, created.json()
    entry = created.json()["id"]
    deleted = _record(police_clerk_api, request, f"/api/personal-data/{entry}/deletion/",
                      deleted_on="2026-03-02", reason="Purpose achieved")

    assert deleted.status_code == 200, deleted.json()
    assert deleted.json()["deleted_on"] == "2026-03-02"
    log = request.log.order_by("id")
    assert [(e.action, e.citation) for e in log] == [
        ("personal_data_recorded", "kz-cz-2017 Art 10.6"),
        ("personal_data_deleted", "kz-cz-2017 Art 10.6")]
    [deadline] = _deadlines(police_clerk_api, request, "personal_data_deletion")
    assert (deadline["citation"], deadline["status"]) == ("kz-cz-2017 Art 10.5", "met")


def test_sk_5_6_deletion_without_telling_the_supplier_answers_422(police_clerk_api):
    request = incoming_request("kz-sk-2007")
    entry = records.personal_data_record(
        actor=police_clerk_api.user, request_id=request.pk, flow="received",
        transferred_on=TODAY, purpose="Identify a vehicle owner", data_categories="Name",
        bodies_involved="MVD KZ", deletion_due_on=TODAY + timedelta(days=30))

    response = _record(police_clerk_api, request, f"/api/personal-data/{entry.pk}/deletion/",
                       deleted_on="2026-03-02", reason="Purpose achieved")

    violation = assert_blocked(response, "personal_data", "kz-sk-2007 Art 5.6")
    assert violation["field"] == "supplier_informed_on"
    entry.refresh_from_db()
    assert entry.deleted_on is None


@pytest.mark.parametrize(("slug", "citation"), [("kz-cz-2017", "kz-cz-2017 Art 11.2"),
                                                ("kz-sk-2007", "kz-sk-2007 Art 6.2")])
def test_onward_transfer_without_written_consent_answers_422(police_clerk_api, slug, citation):
    request = incoming_request(slug)
    entry = records.personal_data_record(
        actor=police_clerk_api.user, request_id=request.pk, flow="received",
        transferred_on=TODAY, purpose="Identify a vehicle owner", data_categories="Name",
        bodies_involved="MVD KZ", deletion_due_on=TODAY + timedelta(days=30))

    response = _record(police_clerk_api, request,
                       f"/api/personal-data/{entry.pk}/onward-transfers/",
                       recipient="Europol")

    violation = assert_blocked(response, "personal_data", citation)
    assert violation["field"] == "consent_reference"
    assert not entry.consents.exists()
