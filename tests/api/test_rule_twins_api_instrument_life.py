"""API twins of the rules on the instrument's life: entry into force, suspension, termination at
their boundaries for drafts and transmissions, and requests opened before termination. Each rule
answers 422 with its rule, citation and message (tests/api/_twins.py)."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import RequestState
from requests_app.services import records
from tests.api._twins import RS_SECURITY
from tests.api._twins import TODAY
from tests.api._twins import assert_blocked
from tests.api._twins import assert_done
from tests.api._twins import clerk_of
from tests.api._twins import draft_body
from tests.api._twins import fresh
from tests.api._twins import ready
from tests.api._twins import run
from tests.factories import incoming_request
from tests.scenarios import set_instrument

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


# --- the instrument's life --------------------------------------------------------------------------
# Each rule on the instrument's life at its boundary: the first day it takes no new request...
CLOSED = [
    pytest.param("kz-cz-2017", {"entered_into_force_on": TODAY + timedelta(days=1)},
                 "instrument_not_in_force", "kz-cz-2017 Art 18.1",
                 id="cz_18_1_before_entry_into_force"),
    pytest.param("kz-cz-2017", {"suspension_notice_received_on": TODAY - timedelta(days=15)},
                 "instrument_suspended", "kz-cz-2017 Art 17",
                 id="cz_17_15_days_after_a_suspension_notice"),
    pytest.param("kz-rs-2015", {"termination_notice_received_on": TODAY - timedelta(days=181)},
                 "instrument_terminated", "kz-rs-2015 Art 22.4",
                 id="rs_22_4_181_days_after_a_termination_notice"),
    pytest.param("kz-br-2018", {"termination_notice_received_on": date(2025, 9, 2)},
                 "instrument_terminated", "kz-br-2018 Art 30.2",
                 id="br_30_2_six_calendar_months_after_a_termination_notice"),
]
# ...and the last day it still takes one.
OPEN = [
    pytest.param("kz-cz-2017", {"entered_into_force_on": TODAY},
                 id="cz_18_1_day_of_entry_into_force"),
    pytest.param("kz-cz-2017", {"suspension_notice_received_on": TODAY - timedelta(days=14)},
                 id="cz_17_14_days_after_a_suspension_notice"),
    pytest.param("kz-rs-2015", {"termination_notice_received_on": TODAY - timedelta(days=180)},
                 id="rs_22_4_180_days_after_a_termination_notice"),
    pytest.param("kz-br-2018", {"termination_notice_received_on": date(2025, 9, 3)},
                 id="br_30_2_the_day_before_six_calendar_months_after_a_termination_notice"),
]


@pytest.mark.parametrize(("slug", "dates", "rule", "citation"), CLOSED)
def test_a_draft_once_the_instrument_takes_no_new_request_answers_422(request, slug, dates, rule,
                                                                      citation):
    set_instrument(slug, **dates)

    response = clerk_of(request, slug).post("/api/requests/", draft_body(slug), format="json")

    assert_blocked(response, rule, citation)
    assert not AssistanceRequest.objects.exists()


@pytest.mark.parametrize(("slug", "dates"), OPEN)
def test_a_draft_while_the_instrument_takes_new_requests_is_created(request, slug, dates):
    set_instrument(slug, **dates)

    response = clerk_of(request, slug).post("/api/requests/", draft_body(slug), format="json")

    assert response.status_code == 201, response.json()


@pytest.mark.parametrize(("slug", "dates", "rule", "citation"), CLOSED)
def test_transmission_once_the_instrument_takes_no_new_request_answers_422(request, slug, dates,
                                                                           rule, citation):
    outgoing = ready(slug)
    set_instrument(slug, **dates)

    response = run(clerk_of(request, slug), outgoing, "transmit")

    assert_blocked(response, rule, citation)
    assert fresh(outgoing).state == RequestState.READY


@pytest.mark.parametrize(("slug", "dates"), OPEN)
def test_transmission_while_the_instrument_takes_new_requests_goes(request, slug, dates):
    outgoing = ready(slug)
    set_instrument(slug, **dates)

    assert_done(run(clerk_of(request, slug), outgoing, "transmit"), "transmitted")


def test_cz_17_execution_waits_while_the_agreement_is_suspended(police_clerk_api):
    request = incoming_request("kz-cz-2017")
    set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=15))

    response = run(police_clerk_api, request, "record_execution", outcome="full")

    assert_blocked(response, "instrument_suspended", "kz-cz-2017 Art 17")


# --- requests opened before termination (RS 22.5, BR 30.4; none in CZ, SK) -------------------------
RS_NOTICE = TODAY - timedelta(days=181)  # RS 22.4: 180 days ran out yesterday; ended today


def test_rs_22_5_a_request_opened_before_termination_may_still_be_refused(clerk_api):
    request = incoming_request("kz-rs-2015", opened_on=TODAY - timedelta(days=200))
    set_instrument("kz-rs-2015", termination_notice_received_on=RS_NOTICE)
    records.consultation_record(actor=clerk_api.user, request_id=request.pk, subject="refusal",
                                held_on=TODAY, counterpart="Serbian MoJ", summary="Grounds")

    response = run(clerk_api, request, "refuse", ground=RS_SECURITY, reasons="Security")

    assert_done(response, "refused")


def test_rs_22_5_a_request_opened_before_termination_may_still_be_executed(clerk_api):
    request = incoming_request("kz-rs-2015", opened_on=TODAY - timedelta(days=200))
    set_instrument("kz-rs-2015", termination_notice_received_on=RS_NOTICE)

    assert_done(run(clerk_api, request, "record_execution"), "executed")


def test_rs_22_4_a_request_opened_the_day_termination_took_effect_cannot_be_executed(clerk_api):
    request = incoming_request("kz-rs-2015", opened_on=TODAY)
    set_instrument("kz-rs-2015", termination_notice_received_on=RS_NOTICE)

    response = run(clerk_api, request, "record_execution")

    assert_blocked(response, "instrument_terminated", "kz-rs-2015 Art 22.4")


def test_cz_18_2_execution_cannot_start_after_termination(police_clerk_api):
    request = incoming_request("kz-cz-2017", state=RequestState.FORWARDED,
                               opened_on=TODAY - timedelta(days=365))
    set_instrument("kz-cz-2017", termination_notice_received_on=date(2025, 9, 2))

    response = run(police_clerk_api, request, "start_execution")

    assert_blocked(response, "instrument_terminated", "kz-cz-2017 Art 18.2")
    assert fresh(request).state == RequestState.FORWARDED
