"""The inbox: only visible requests, grouped by stage, filtered, paginated, in a constant number
of queries."""

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Direction
from requests_app.models import RequestState
from requests_app.services.deadlines import deadlines_sync
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.scenarios import urgent_oral_request
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _inbox(client, query: str = "") -> str:
    response = client.get(f"/requests/{query}")
    assert response.status_code == 200
    return response.content.decode()


def _rows(body: str) -> int:
    return body.count('class="request-row"')


def _sk_oral(actor):
    return urgent_oral_request(actor, their_reference="SK-URG-1")


# --- visibility -----------------------------------------------------------------------------------
def test_inbox_lists_the_requests_of_the_users_office(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    assert request.reference in _inbox(clerk_client)


def test_another_offices_user_sees_none_of_them(other_office_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    AssistanceRequestFactory(instrument_slug="kz-br-2018")
    body = _inbox(other_office_client)
    assert request.reference not in body and _rows(body) == 0


def test_supervisor_sees_the_requests_of_every_office(supervisor_client, prosecutor_client,
                                                      frozen_now):
    police = incoming_request("kz-cz-2017", state=RequestState.RECEIVED)  # kz-mvd's
    assert police.reference in _inbox(supervisor_client)
    assert police.reference not in _inbox(prosecutor_client)


def test_inbox_needs_sign_in(client):
    response = client.get("/requests/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- stages ---------------------------------------------------------------------------------------
def test_open_work_is_grouped_by_stage_in_workflow_order(clerk_client, frozen_now):
    executing = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    drafting = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    registering = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK)
    body = _inbox(clerk_client)
    headings = [body.index(f'id="stage-{key}"') for key in ("drafting", "registration",
                                                             "execution")]
    assert headings == sorted(headings)
    assert (body.index(drafting.reference) < body.index(registering.reference)
            < body.index(executing.reference))


def test_a_stage_tab_shows_only_its_requests(clerk_client, frozen_now):
    ready = AssistanceRequestFactory(instrument_slug="kz-rs-2015", state=RequestState.READY)
    drafting = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    body = _inbox(clerk_client, "?stage=to_transmit")
    assert ready.reference in body and drafting.reference not in body


def test_closed_requests_have_their_own_tab_outside_open_work(clerk_client, frozen_now):
    closed = incoming_request("kz-rs-2015", state=RequestState.CLOSED)
    assert closed.reference not in _inbox(clerk_client)
    assert closed.reference in _inbox(clerk_client, "?stage=closed")


def test_tabs_count_the_requests_of_each_stage(clerk_client, frozen_now):
    incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    incoming_request("kz-rs-2015", state=RequestState.FORWARDED)
    body = _inbox(clerk_client)
    tab = body[body.index("?stage=execution"):]
    assert "(2)" in tab[:tab.index("</a>")]


# --- filters --------------------------------------------------------------------------------------
def test_direction_filter(clerk_client, frozen_now):
    incoming = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    outgoing = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    body = _inbox(clerk_client, f"?direction={Direction.INCOMING}")
    assert incoming.reference in body and outgoing.reference not in body


def test_instrument_filter(clerk_client, frozen_now):
    serbian = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    brazilian = AssistanceRequestFactory(instrument_slug="kz-br-2018")
    body = _inbox(clerk_client, "?instrument=kz-br-2018")
    assert brazilian.reference in body and serbian.reference not in body


def test_state_filter_looks_through_every_stage(clerk_client, frozen_now):
    closed = incoming_request("kz-rs-2015", state=RequestState.CLOSED)
    received = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    body = _inbox(clerk_client, "?state=closed")
    assert closed.reference in body and received.reference not in body


def test_text_search_matches_their_reference_and_the_offence(clerk_client, frozen_now):
    by_reference = incoming_request("kz-rs-2015", state=RequestState.RECEIVED,
                                    their_reference="BEOGRAD-7781")
    by_offence = incoming_request("kz-rs-2015", state=RequestState.RECEIVED,
                                  offence_description="Smuggling of cigarettes")
    other = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    body = _inbox(clerk_client, "?q=beograd-77")
    assert by_reference.reference in body and other.reference not in body
    body = _inbox(clerk_client, "?q=cigarettes")
    assert by_offence.reference in body and other.reference not in body
    assert by_offence.reference in _inbox(clerk_client, f"?q={by_offence.reference}")


def test_overdue_filter_keeps_requests_with_a_deadline_past_due(police_clerk_client, frozen_now):
    late = _sk_oral(police_clerk_client.user)
    frozen_now.move_to(NOW + timedelta(hours=23))
    on_time = _sk_oral(police_clerk_client.user)
    frozen_now.move_to(NOW + timedelta(hours=25))
    body = _inbox(police_clerk_client, "?overdue=1")
    assert late.reference in body and on_time.reference not in body


# --- rows -----------------------------------------------------------------------------------------
def test_a_row_shows_the_next_deadline_in_almaty_time_with_its_citation(police_clerk_client,
                                                                       frozen_now):
    request = _sk_oral(police_clerk_client.user)
    body = _inbox(police_clerk_client)
    row = body[body.index(request.reference):]
    row = row[:row.index("</tr>")]
    assert "SK-URG-1" in row and "kz-sk-2007" in row
    assert "Presidium of the Police Force of the Slovak Republic" in row
    assert "03.03.2026 10:00" in row and "kz-sk-2007 Art 7.4" in row
    assert "urgent" in row and "overdue" not in row


def test_a_row_marks_an_overdue_deadline(police_clerk_client, frozen_now):
    request = _sk_oral(police_clerk_client.user)
    frozen_now.move_to(NOW + timedelta(hours=25))
    body = _inbox(police_clerk_client)
    row = body[body.index(request.reference):]
    assert "overdue" in row[:row.index("</tr>")]


def test_a_row_flags_a_confidential_request(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED, is_confidential=True)
    body = _inbox(clerk_client)
    row = body[body.index(request.reference):]
    assert "confidential" in row[:row.index("</tr>")]


def test_inbox_shows_fifty_rows_then_show_more(clerk_client, frozen_now):
    AssistanceRequestFactory.create_batch(51, instrument_slug="kz-rs-2015")
    first = _inbox(clerk_client)
    assert _rows(first) == 50
    more = re.search(r'id="inbox-more".*?href="\?([^"]+)"', first, re.S).group(1)
    assert _rows(_inbox(clerk_client, "?" + html.unescape(more))) == 1


def test_htmx_filtering_answers_with_the_results_only(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    response = clerk_client.get("/requests/?direction=incoming", HTTP_HX_REQUEST="true",
                                HTTP_HX_TARGET="inbox-results")
    body = response.content.decode()
    assert "<html" not in body and request.reference in body


def _requests_with_deadlines(count: int):
    for _ in range(count):
        request = incoming_request("kz-sk-2007", state=RequestState.ORAL_PENDING_CONFIRMATION,
                                   channel="oral", is_urgent=True, oral_request_at=NOW,
                                   executing_authority=None)
        deadlines_sync(request=request, now=NOW)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/requests/?stage=all").status_code == 200
    return len(captured.captured_queries)


def test_inbox_runs_the_same_number_of_queries_for_2_and_20_rows(police_clerk_client,
                                                                 frozen_now,
                                                                 pages_rendered_afresh):
    _requests_with_deadlines(2)
    _inbox(police_clerk_client)  # sign in
    few = _queries(police_clerk_client)
    _requests_with_deadlines(18)
    assert _rows(_inbox(police_clerk_client, "?stage=all")) == 20
    assert _queries(police_clerk_client) == few
