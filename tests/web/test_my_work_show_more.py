""""My work" read 50 at a time with "Show more" (keyset pages in the inbox's due order): each
page starts where the previous one ended, skips and repeats nothing, and costs what the first
costs (the API's pages: tests/api/test_my_work_api_pages.py)."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.selectors import people as people_selectors
from tests.factories import drafts_owned_by

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

ROW = re.compile(r'data-request="(\d+)"')
MORE = re.compile(r'id="my-work-more".*?href="\?([^"]+)"', re.S)


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def page_of_two(monkeypatch):
    monkeypatch.setattr(people_selectors, "MY_WORK_PAGE_SIZE", 2)


def _more(body: str) -> str | None:
    found = MORE.search(body)
    return html.unescape(found.group(1)) if found else None


def test_show_more_walks_my_work_in_order_without_gaps(prosecutor_client, frozen_now,
                                                      page_of_two):
    expected = drafts_owned_by(prosecutor_client.user, 5, frozen_now)
    seen, query = [], ""
    for _ in range(5):
        body = prosecutor_client.get(f"/my-work/?{query}").content.decode()
        seen += [int(pk) for pk in ROW.findall(body)]
        query = _more(body)
        if query is None:
            break
    assert seen == expected


def test_show_more_by_htmx_answers_with_the_rows_and_the_next_button(prosecutor_client,
                                                                    frozen_now, page_of_two):
    expected = drafts_owned_by(prosecutor_client.user, 5, frozen_now)
    query = _more(prosecutor_client.get("/my-work/").content.decode())
    body = prosecutor_client.get(f"/my-work/?{query}", HTTP_HX_REQUEST="true",
                                 HTTP_HX_TARGET="my-work-more").content.decode()
    assert "<h1>" not in body
    assert [int(pk) for pk in ROW.findall(body)] == expected[2:4]
    assert _more(body) is not None


def test_a_deep_page_of_my_work_costs_the_queries_of_the_first(prosecutor_client, frozen_now,
                                                              page_of_two):
    drafts_owned_by(prosecutor_client.user, 5, frozen_now)
    with CaptureQueriesContext(connection) as first:
        body = prosecutor_client.get("/my-work/").content.decode()
    second = prosecutor_client.get(f"/my-work/?{_more(body)}").content.decode()
    query = _more(second)
    with CaptureQueriesContext(connection) as deeper:
        prosecutor_client.get(f"/my-work/?{query}")
    assert len(deeper) == len(first)


def test_a_changed_cursor_is_a_400_page_that_says_so(prosecutor_client):
    response = prosecutor_client.get("/my-work/?cursor=bm90LWEtY3Vyc29y")
    assert response.status_code == 400
    assert "This link to the next page is not valid" in response.content.decode()
