"""API twins of the rules checked when a request goes out: scope (CZ 1.2), channels, oral requests
and their written confirmation, contents and translation, originals, summons lead times (59/60/61
days, 89/90/91), the reasoned requested execution date. Each rule answers 422 with its rule,
citation and message (tests/api/_twins.py)."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.requests import request_record_shorter_summons_term
from tests._roles import NOW
from tests.api._twins import TODAY
from tests.api._twins import assert_blocked
from tests.api._twins import assert_done
from tests.api._twins import deadlines_of
from tests.api._twins import draft_body
from tests.api._twins import fresh
from tests.api._twins import ready
from tests.api._twins import run
from tests.factories import supervisor
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


# --- scope: CZ 1.2 and the instrument's list of assistance types ------------------------------------
def test_cz_1_2_a_draft_asking_for_legal_assistance_answers_422(police_clerk_api):
    response = police_clerk_api.post("/api/requests/", draft_body(
        "kz-cz-2017", assistance_types=["testimony"]), format="json")

    violation = assert_blocked(response, "excludes_legal_assistance", "kz-cz-2017 Art 1.2")
    assert violation["field"] == "assistance_types"
    assert not AssistanceRequest.objects.exists()


def test_cz_1_2_transmitting_a_request_for_legal_assistance_answers_422(police_clerk_api):
    request = ready("kz-cz-2017", assistance_types=["testimony"])

    response = run(police_clerk_api, request, "transmit")

    assert_blocked(response, "excludes_legal_assistance", "kz-cz-2017 Art 1.2")
    assert fresh(request).state == RequestState.READY


def test_rs_1_2_a_type_the_instrument_does_not_cover_answers_422(clerk_api):
    request = ready("kz-rs-2015", assistance_types=["samples"])

    response = run(clerk_api, request, "transmit")

    assert_blocked(response, "assistance_type_not_covered", "kz-rs-2015 Art 1.2")
    assert fresh(request).state == RequestState.READY


# --- channels ---------------------------------------------------------------------------------------
def test_br_a_channel_the_instrument_does_not_provide_blocks_transmission(clerk_api):
    request = ready("kz-br-2018", channel="fax")

    response = run(clerk_api, request, "transmit")

    violation = assert_blocked(response, "communication", "kz-br-2018 Art 22.1")
    assert violation["field"] == "channel"


def test_sk_7_2_a_written_confirmation_on_a_channel_sk_does_not_provide_answers_422(
        police_clerk_api):
    request = ready("kz-sk-2007", is_urgent=True)
    t.request_transmit_orally(request_id=request.pk, actor=supervisor())

    response = run(police_clerk_api, request, "confirm_in_writing", channel="electronic")

    assert_blocked(response, "communication", "kz-sk-2007 Art 7.2")
    assert fresh(request).state == RequestState.ORAL_PENDING_CONFIRMATION


# --- oral requests ----------------------------------------------------------------------------------
def test_sk_7_4_an_oral_request_that_is_not_urgent_answers_422(police_clerk_api):
    request = ready("kz-sk-2007", is_urgent=False)

    response = run(police_clerk_api, request, "transmit_orally")

    violation = assert_blocked(response, "oral_requests", "kz-sk-2007 Art 7.4")
    assert violation["field"] == "is_urgent"
    assert fresh(request).state == RequestState.READY


def test_sk_7_4_an_urgent_oral_request_goes(police_clerk_api):
    request = ready("kz-sk-2007", is_urgent=True, urgency_reason="Suspect leaves tonight")

    assert_done(run(police_clerk_api, request, "transmit_orally"), "oral_pending_confirmation")


def test_rs_3_1_oral_requests_are_not_in_the_rs_graph_409(clerk_api):
    request = ready("kz-rs-2015", is_urgent=True)

    response = run(clerk_api, request, "transmit_orally")

    assert response.status_code == 409
    assert response.json()["type"] == "transition_not_available"


# --- written confirmation of an oral request: SK 7.4 (treaty), CZ 9.1 (office policy) --------------
@pytest.mark.parametrize(("hours", "status"), [(23, "met"), (25, "missed")])
def test_sk_7_4_written_confirmation_at_hour_23_meets_and_at_hour_25_misses_the_24_hours(
        police_clerk_api, frozen_now, hours, status):
    request = ready("kz-sk-2007", is_urgent=True)
    assert_done(run(police_clerk_api, request, "transmit_orally"), "oral_pending_confirmation")
    [deadline] = deadlines_of(police_clerk_api, request, "oral_confirmation")
    assert (deadline["citation"], deadline["basis"], deadline["status"]) == (
        "kz-sk-2007 Art 7.4", "treaty", "open")
    assert deadline["due_at"] == "2026-03-03T10:00:00+05:00"
    frozen_now.shift(timedelta(hours=hours))

    assert_done(run(police_clerk_api, request, "confirm_in_writing", channel="fax"),
                "transmitted")

    [deadline] = deadlines_of(police_clerk_api, request, "oral_confirmation")
    assert deadline["status"] == status
    assert deadline["met_at"] == (NOW + timedelta(hours=hours)).isoformat()


def test_cz_9_1_an_oral_request_gets_the_office_policy_target_not_a_treaty_term(
        police_clerk_api, settings):
    request = ready("kz-cz-2017", is_urgent=True)

    assert_done(run(police_clerk_api, request, "transmit_orally"), "oral_pending_confirmation")

    [deadline] = deadlines_of(police_clerk_api, request, "oral_confirmation")
    assert (deadline["citation"], deadline["basis"]) == ("kz-cz-2017 Art 9.1", "office_policy")
    hours = settings.MLA_ORAL_CONFIRMATION_TARGET_HOURS
    assert deadline["due_at"] == (NOW + timedelta(hours=hours)).isoformat()


# --- contents and translation -----------------------------------------------------------------------
def test_rs_3_2_c_missing_content_answers_422(clerk_api):
    request = ready("kz-rs-2015", legal_qualification="   ")

    response = run(clerk_api, request, "transmit")

    violation = assert_blocked(response, "content_legal_qualification", "kz-rs-2015 Art 3.2(c)")
    assert violation["field"] == "legal_qualification"
    assert fresh(request).state == RequestState.READY


def test_rs_4_1_missing_translation_answers_422(clerk_api):
    request = ready("kz-rs-2015", request_language="ru")

    response = run(clerk_api, request, "transmit")

    assert_blocked(response, "language", "kz-rs-2015 Art 4.1")


def test_rs_4_1_a_completed_serbian_translation_lets_it_go(clerk_api):
    request = ready("kz-rs-2015", request_language="ru")
    records.translation_record(actor=clerk_api.user, request_id=request.pk, language="sr",
                               completed_on=TODAY)

    assert_done(run(clerk_api, request, "transmit"), "transmitted")


# --- originals --------------------------------------------------------------------------------------
def test_rs_3_4_electronic_transmission_without_the_original_by_post_answers_422(clerk_api):
    request = ready("kz-rs-2015", channel="electronic")

    response = run(clerk_api, request, "transmit")

    assert_blocked(response, "originals", "kz-rs-2015 Art 3.4")
    assert fresh(request).state == RequestState.READY


def test_rs_3_4_with_the_original_posted_today_it_goes_and_the_term_is_met(clerk_api):
    request = ready("kz-rs-2015", channel="electronic")
    records.original_record(actor=clerk_api.user, request_id=request.pk, dispatched_on=TODAY,
                            dispatch_channel="post")

    assert_done(run(clerk_api, request, "transmit"), "transmitted")

    [deadline] = deadlines_of(clerk_api, request, "original_by_post")
    assert (deadline["citation"], deadline["status"]) == ("kz-rs-2015 Art 3.4", "met")


def test_br_22_1_the_original_is_due_30_days_after_the_requested_side_asked(clerk_api):
    request = ready("kz-br-2018", channel="electronic")
    assert_done(run(clerk_api, request, "transmit"), "transmitted")
    records.original_record(actor=clerk_api.user, request_id=request.pk,
                            asked_for_on=date(2026, 3, 1))

    [deadline] = deadlines_of(clerk_api, request, "original_on_request")

    assert (deadline["citation"], deadline["basis"], deadline["status"]) == (
        "kz-br-2018 Art 22.1", "treaty", "open")
    assert deadline["due_at"] == end_of_day(date(2026, 3, 31)).isoformat()


# --- summons lead times -----------------------------------------------------------------------------
def test_rs_8_3_a_summons_59_days_ahead_answers_422(clerk_api):
    request = ready("kz-rs-2015", summons_in=59)

    response = run(clerk_api, request, "transmit")

    violation = assert_blocked(response, "summons_lead_time", "kz-rs-2015 Art 8.3")
    assert violation["field"] == "appearance_date"
    assert fresh(request).state == RequestState.READY


@pytest.mark.parametrize("days", [60, 61])
def test_rs_8_3_a_summons_60_or_more_days_ahead_goes(clerk_api, days):
    request = ready("kz-rs-2015", summons_in=days)

    assert_done(run(clerk_api, request, "transmit"), "transmitted")

    [deadline] = deadlines_of(clerk_api, request, "summons_transmission")
    assert (deadline["citation"], deadline["status"]) == ("kz-rs-2015 Art 8.3", "met")


def test_rs_8_3_an_urgent_request_with_an_agreed_shorter_term_goes_30_days_ahead(clerk_api):
    request = ready("kz-rs-2015", summons_in=30, is_urgent=True)
    request_record_shorter_summons_term(actor=clerk_api.user, request_id=request.pk,
                                        agreed_on=TODAY, term_days=30,
                                        agreement="Call with the Serbian MoJ")

    assert_done(run(clerk_api, request, "transmit"), "transmitted")


def test_br_6_2_a_summons_89_days_ahead_answers_422(clerk_api):
    request = ready("kz-br-2018", summons_in=89)

    response = run(clerk_api, request, "transmit")

    assert_blocked(response, "summons_lead_time", "kz-br-2018 Art 6.2")


@pytest.mark.parametrize("days", [90, 91])
def test_br_6_2_a_summons_90_or_more_days_ahead_goes(clerk_api, days):
    request = ready("kz-br-2018", summons_in=days)

    assert_done(run(clerk_api, request, "transmit"), "transmitted")


# --- requested execution date -----------------------------------------------------------------------
def test_rs_6_5_a_requested_execution_date_without_its_reason_answers_422(clerk_api):
    request = ready("kz-rs-2015", requested_execution_date=TODAY + timedelta(days=30))

    response = run(clerk_api, request, "transmit")

    violation = assert_blocked(response, "requested_execution_date_reasoned",
                               "kz-rs-2015 Art 6.5")
    assert violation["field"] == "requested_execution_reason"
