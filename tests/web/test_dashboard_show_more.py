"""The dashboard's lists, 25 rows at a time: "Show more" (htmx, or a page of its own without
JavaScript) continues each list after the last row shown (a keyset cursor), in order, with no row
repeated or skipped; a cursor edited by hand is refused with a clear message."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import deadline_needing_action_q
from requests_app.selectors.dashboard import BUCKETS
from requests_app.selectors.dashboard import LIST_PAGE_SIZE
from requests_app.selectors.dashboard import bucket_q
from tests.factories import AssistanceRequestFactory
from tests.web.conftest import NOW
from tests.web.test_dashboard import make_deadline
from tests.web.test_dashboard import section

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
HTMX = {"HTTP_HX_REQUEST": "true", **EN}
_ROW = re.compile(r'data-deadline="(\d+)"')
_MORE = re.compile(r'hx-get="([^"]+)"')


def _overdue(count: int, *, same_due_every: int = 1) -> list[int]:
    """``count`` overdue deadlines on one request, in the list's order (due time, then id);
    ``same_due_every`` rows share a due time so that the id decides between them."""
    request = AssistanceRequestFactory()
    for i in range(count):
        make_deadline(request, due_in=-timedelta(days=400) + timedelta(hours=i // same_due_every))
    return list(Deadline.objects.order_by("due_at", "pk").values_list("pk", flat=True))


def _rows_and_more(html: str) -> tuple[list[int], str | None]:
    more = _MORE.search(html)
    return [int(pk) for pk in _ROW.findall(html)], (
        more[1].replace("&amp;", "&") if more else None)


def _walk(client) -> tuple[list[int], list[int]]:
    """Every row of the overdue list, page by page; and the size of each page."""
    first, more = _rows_and_more(section(client.get("/dashboard/", **EN).content.decode(),
                                         "overdue"))
    seen, sizes = list(first), [len(first)]
    while more:
        response = client.get(more, **HTMX)
        assert response.status_code == 200
        rows, more = _rows_and_more(response.content.decode())
        seen += rows
        sizes.append(len(rows))
    return seen, sizes


@pytest.mark.parametrize(("count", "sizes"), [
    pytest.param(LIST_PAGE_SIZE, [25], id="exactly_25_one_page_no_show_more"),
    pytest.param(LIST_PAGE_SIZE + 1, [25, 1], id="26_a_second_page_of_one"),
    pytest.param(2 * LIST_PAGE_SIZE, [25, 25], id="50_two_full_pages"),
    pytest.param(2 * LIST_PAGE_SIZE + 3, [25, 25, 3], id="53_three_pages"),
])
def test_show_more_continues_the_list_in_order_without_repeats_or_gaps(
        supervisor_client, frozen_now, count, sizes):
    expected = _overdue(count, same_due_every=4)

    seen, page_sizes = _walk(supervisor_client)

    assert seen == expected
    assert page_sizes == sizes


def test_first_page_of_a_list_shows_25_rows(supervisor_client, frozen_now):
    _overdue(30)
    body = supervisor_client.get("/dashboard/", **EN).content.decode()
    assert len(_ROW.findall(section(body, "overdue"))) == LIST_PAGE_SIZE


def test_show_more_keeps_the_filters(supervisor_client, frozen_now):
    _overdue(LIST_PAGE_SIZE + 1)
    body = supervisor_client.get("/dashboard/", {"direction": "outgoing"}, **EN).content.decode()
    _rows, more = _rows_and_more(section(body, "overdue"))
    assert more is not None and "direction=outgoing" in more and "after=" in more


def test_show_more_without_javascript_is_a_page_with_the_next_rows(supervisor_client,
                                                                    frozen_now):
    expected = _overdue(LIST_PAGE_SIZE + 2)
    _rows, more = _rows_and_more(section(
        supervisor_client.get("/dashboard/", **EN).content.decode(), "overdue"))

    response = supervisor_client.get(more, **EN)

    body = response.content.decode()
    assert response.status_code == 200 and "<html" in body
    assert [int(pk) for pk in _ROW.findall(body)] == expected[LIST_PAGE_SIZE:]


def test_show_more_of_the_upcoming_lists(supervisor_client, frozen_now):
    request = AssistanceRequestFactory()
    for i in range(LIST_PAGE_SIZE + 1):
        make_deadline(request, due_in=timedelta(days=10, minutes=i))
    body = section(supervisor_client.get("/dashboard/", **EN).content.decode(), "d30")
    _rows, more = _rows_and_more(body)
    rows, next_more = _rows_and_more(supervisor_client.get(more, **HTMX).content.decode())
    assert len(rows) == 1 and next_more is None


@pytest.mark.parametrize("cursor", [
    "abc", "12_", "_12", "1.5_2", "99999999999999999999_1", "999999999999999999_1",
    "1_2_3", "-1_-2", "1_2 ", "١٢_١"])
def test_a_cursor_edited_by_hand_is_refused_with_a_clear_message(supervisor_client,
                                                                  frozen_now, cursor):
    response = supervisor_client.get("/dashboard/more/overdue/", {"after": cursor}, **EN)
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_show_more_of_an_unknown_list_is_not_found(supervisor_client, frozen_now):
    assert supervisor_client.get("/dashboard/more/nonsense/", **EN).status_code == 404


@pytest.mark.parametrize("client_name", ["prosecutor_client", "clerk_client"])
def test_show_more_is_forbidden_to_everyone_but_supervisors(request, client_name, frozen_now):
    response = request.getfixturevalue(client_name).get("/dashboard/more/overdue/")
    assert response.status_code == 403


def test_show_more_runs_the_same_queries_for_26_and_80_rows(supervisor_client, frozen_now):
    def count() -> int:
        _rows, more = _rows_and_more(section(
            supervisor_client.get("/dashboard/", **EN).content.decode(), "overdue"))
        with CaptureQueriesContext(connection) as captured:
            assert supervisor_client.get(more, **HTMX).status_code == 200
        return len(captured)

    _overdue(LIST_PAGE_SIZE + 1)
    few = count()
    _overdue(80 - LIST_PAGE_SIZE - 1)
    assert count() == few


def test_every_list_lies_within_needing_action(frozen_now):
    """The lists leave the default "needing action" filter out (``deadlines_for_lists``):
    sound only while every list's condition implies it."""
    request = AssistanceRequestFactory()
    for status in DeadlineStatus.values:
        for due_in in (timedelta(days=-3), timedelta(hours=2), timedelta(days=3),
                       timedelta(days=20)):
            make_deadline(request, due_in=due_in, status=status)
            make_deadline(request, due_in=due_in, status=status, met_at=NOW)
    for key, _label in BUCKETS:
        listed = Deadline.objects.filter(bucket_q(key, NOW))
        assert listed.exists()
        assert not listed.exclude(deadline_needing_action_q()).exists(), key
