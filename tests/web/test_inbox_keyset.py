"""The inbox read 50 at a time with "Show more": each page starts where the previous one ended
(keyset pagination on the inbox's order), costs what the first costs, and skips or repeats
nothing; the tabs count up to a cap and then say "1000+"."""

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app import clock
from requests_app.models import RequestState
from requests_app.selectors import requests as request_selectors
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request

pytestmark = pytest.mark.django_db

ROW = re.compile(r'class="request-row".*?href="/requests/(\d+)/"', re.S)
MORE = re.compile(r'id="inbox-more".*?href="\?([^"]+)"', re.S)


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def page_of_three(monkeypatch):
    monkeypatch.setattr(request_selectors, "PAGE_SIZE", 3)


def _get(client, query: str = "", **headers):
    return client.get(f"/requests/?{query}", **headers)


def _ids(body: str) -> list[int]:
    return [int(pk) for pk in ROW.findall(body)]


def _more(body: str) -> str | None:
    found = MORE.search(body)
    return html.unescape(found.group(1)) if found else None


def _mixed_inbox(frozen_now) -> list[int]:
    """Eight requests over three stages, two of them created at the same instant."""
    made = []
    for state in (RequestState.DRAFTING, RequestState.RECEIVED, RequestState.IN_EXECUTION):
        for _ in range(2):
            made.append(incoming_request("kz-rs-2015", state=state).pk
                        if state != RequestState.DRAFTING else AssistanceRequestFactory().pk)
            frozen_now.shift(timedelta(seconds=1))
    made += [incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION).pk
             for _ in range(2)]
    return made


def test_show_more_walks_the_whole_inbox_in_order_without_gaps(clerk_client, frozen_now,
                                                               page_of_three):
    made = _mixed_inbox(frozen_now)
    body = _get(clerk_client).content.decode()
    seen = _ids(body)
    while (query := _more(body)) is not None:
        body = _get(clerk_client, query).content.decode()
        seen += _ids(body)
    whole = _ids(_get(clerk_client, "stage=open").content.decode())
    assert sorted(seen) == sorted(made) and len(seen) == len(set(seen)) == 8
    assert seen[:3] == whole[:3]


def test_the_last_page_offers_no_more(clerk_client, frozen_now, page_of_three):
    for _ in range(3):
        AssistanceRequestFactory()
    assert _more(_get(clerk_client).content.decode()) is None


def test_four_requests_give_a_second_page_of_one(clerk_client, frozen_now, page_of_three):
    for _ in range(4):
        AssistanceRequestFactory()
    query = _more(_get(clerk_client).content.decode())
    assert len(_ids(_get(clerk_client, query).content.decode())) == 1


def test_show_more_by_htmx_answers_with_the_rows_and_the_next_button(clerk_client, frozen_now,
                                                                     page_of_three):
    _mixed_inbox(frozen_now)
    query = _more(_get(clerk_client).content.decode())
    response = _get(clerk_client, query, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="inbox-more")
    body = response.content.decode()
    assert "<html" not in body and "<nav" not in body
    assert len(_ids(body)) == 3 and 'id="inbox-more"' in body


def test_a_page_that_continues_a_stage_repeats_no_heading(clerk_client, frozen_now,
                                                          page_of_three):
    for _ in range(4):
        incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    query = _more(_get(clerk_client).content.decode())
    body = _get(clerk_client, query, HTTP_HX_REQUEST="true",
                HTTP_HX_TARGET="inbox-more").content.decode()
    assert 'class="stage-heading"' not in body


def test_a_changed_cursor_is_a_400_page_that_says_so(clerk_client, frozen_now):
    AssistanceRequestFactory()
    response = _get(clerk_client, "cursor=bm90LWEtY3Vyc29y")
    assert response.status_code == 400
    assert "start again from the first page" in response.content.decode()


def test_a_deep_page_costs_the_queries_of_the_first(clerk_client, frozen_now, page_of_three):
    _mixed_inbox(frozen_now)
    first_body = _get(clerk_client).content.decode()
    query = _more(first_body)
    with CaptureQueriesContext(connection) as first:
        _get(clerk_client)
    with CaptureQueriesContext(connection) as deeper:
        _get(clerk_client, query)
    assert len(deeper) == len(first)


def test_tabs_count_up_to_the_cap_and_then_say_more(clerk_client, frozen_now, monkeypatch):
    monkeypatch.setattr(request_selectors, "STAGE_COUNT_CAP", 3)
    for _ in range(4):
        AssistanceRequestFactory()
    for _ in range(3):
        incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    body = _get(clerk_client).content.decode()
    assert re.search(r"Drafting and review\s*<span class=\"muted\">\(3\+\)", body)
    assert re.search(r"In execution\s*<span class=\"muted\">\(3\)", body)
    # The open work adds the stages up: more than 3 drafts and 3 in execution.
    assert "More than 6 requests" in body


def test_the_counts_of_every_tab_are_one_query(clerk_client, frozen_now):
    AssistanceRequestFactory()
    with CaptureQueriesContext(connection) as captured:
        counts = request_selectors.inbox_stage_counts(
            user=clerk_client.user, filters=request_selectors.InboxFilters(), now=clock.now())
    assert sum("COUNT(*)" in query["sql"] for query in captured) == 1
    assert counts["drafting"] == request_selectors.StageCount(1)
