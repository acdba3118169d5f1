"""The notifications inbox: one's own notifications newest first, read 50 at a time with "Show
more" (keyset pages: each starts where the previous one ended, skips and repeats nothing, and
costs what the first costs), marking read; the API's pages: tests/api/test_notifications_api.py."""

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Notification
from requests_app.services.sweep import deadlines_sweep
from tests.factories import notifications_for
from tests.scenarios import urgent_oral_request
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db

ROW = re.compile(r'data-notification="(\d+)"')
MORE = re.compile(r'id="notifications-more".*?href="\?([^"]+)"', re.S)
HTMX_MORE = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "notifications-more"}


@pytest.fixture
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _rows(body: str) -> list[int]:
    return [int(pk) for pk in ROW.findall(body)]


def _more(body: str) -> str | None:
    """The query of the "Show more" link, None when there is none."""
    found = MORE.search(body)
    return html.unescape(found.group(1)) if found else None


def _missed_oral_request(actor):
    request = urgent_oral_request(actor)
    deadlines_sweep(now=NOW + timedelta(hours=25))
    return request


def test_inbox_lists_the_users_notification_with_its_citation(police_clerk_client, frozen_now):
    request = _missed_oral_request(police_clerk_client.user)
    response = police_clerk_client.get("/notifications/")
    assert response.status_code == 200
    body = response.content.decode()
    assert request.reference in body and "kz-sk-2007 Art 7.4" in body


def test_unread_count_shows_in_the_navigation(police_clerk_client, frozen_now):
    _missed_oral_request(police_clerk_client.user)
    response = police_clerk_client.get("/notifications/")
    assert '<span class="badge"' in response.content.decode()


def test_marking_read_clears_the_notification(police_clerk_client, frozen_now):
    _missed_oral_request(police_clerk_client.user)
    (notification,) = Notification.objects.filter(recipient=police_clerk_client.user)
    response = police_clerk_client.post(f"/notifications/{notification.pk}/read/")
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_another_users_notification_cannot_be_marked_read(police_clerk_client, clerk_client,
                                                          frozen_now):
    _missed_oral_request(police_clerk_client.user)
    (notification,) = Notification.objects.filter(recipient=police_clerk_client.user)
    clerk_client.post(f"/notifications/{notification.pk}/read/")
    notification.refresh_from_db()
    assert notification.read_at is None


def test_inbox_needs_sign_in(client):
    response = client.get("/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- pages ----------------------------------------------------------------------------------------
def test_show_more_lists_every_notification_once_newest_first(clerk_client, frozen_now):
    expected = notifications_for(clerk_client.user, 120, NOW)
    seen, query = [], ""
    while query is not None:
        body = clerk_client.get(f"/notifications/?{query}").content.decode()
        seen += _rows(body)
        query = _more(body)
    assert seen == expected


def test_the_first_page_shows_the_newest_fifty(clerk_client, frozen_now):
    expected = notifications_for(clerk_client.user, 51, NOW)
    body = clerk_client.get("/notifications/").content.decode()
    assert _rows(body) == expected[:50]


def test_a_short_inbox_has_no_show_more(clerk_client, frozen_now):
    notifications_for(clerk_client.user, 3, NOW)
    body = clerk_client.get("/notifications/").content.decode()
    assert 'id="notifications-more"' not in body


def test_show_more_without_javascript_opens_the_next_page_whole(clerk_client, frozen_now,
                                                                english):
    expected = notifications_for(clerk_client.user, 60, NOW)
    query = _more(clerk_client.get("/notifications/").content.decode())
    body = clerk_client.get(f"/notifications/?{query}").content.decode()
    assert "<h1>" in body and _rows(body) == expected[50:]
    assert 'href="?">Back to the newest notifications</a>' in body


def test_show_more_by_htmx_answers_with_the_rows_and_the_next_button(clerk_client, frozen_now):
    expected = notifications_for(clerk_client.user, 120, NOW)
    query = _more(clerk_client.get("/notifications/").content.decode())
    body = clerk_client.get(f"/notifications/?{query}", **HTMX_MORE).content.decode()
    assert "<h1>" not in body and "<table" not in body
    assert _rows(body) == expected[50:100]
    last = clerk_client.get(f"/notifications/?{_more(body)}", **HTMX_MORE).content.decode()
    assert _rows(last) == expected[100:] and _more(last) is None


def test_a_page_runs_the_same_queries_for_5_and_60_notifications(clerk_client, frozen_now,
                                                                 pages_rendered_afresh):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert clerk_client.get("/notifications/").status_code == 200
        return len(captured)

    notifications_for(clerk_client.user, 5, NOW)
    clerk_client.get("/notifications/")  # signs in, fills the per-process caches
    few = queries()
    notifications_for(clerk_client.user, 55, NOW - timedelta(days=1))
    assert queries() == few


def test_a_deep_page_costs_the_queries_of_the_first(clerk_client, frozen_now,
                                                    pages_rendered_afresh):
    notifications_for(clerk_client.user, 120, NOW)
    clerk_client.get("/notifications/")  # signs in, fills the per-process caches
    with CaptureQueriesContext(connection) as first:
        body = clerk_client.get("/notifications/").content.decode()
    second = clerk_client.get(f"/notifications/?{_more(body)}").content.decode()
    with CaptureQueriesContext(connection) as deeper:
        clerk_client.get(f"/notifications/?{_more(second)}")
    assert len(deeper) == len(first)


@pytest.mark.parametrize("cursor", ["bm90LWEtY3Vyc29y", "x", "a" * 400])
def test_a_changed_cursor_is_a_400_page_that_says_so(clerk_client, frozen_now, english, cursor):
    notifications_for(clerk_client.user, 3, NOW)
    response = clerk_client.get("/notifications/", {"cursor": cursor})
    assert response.status_code == 400
    body = response.content.decode()
    assert "This link to the next page is not valid" in body and _rows(body) == []
