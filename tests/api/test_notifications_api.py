"""The notification inbox over the API: only one's own notifications, newest first, read in
keyset pages (``next``; no page number, no total), an unread filter and count, marking one or
all read; another user's notification answers 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Deadline
from requests_app.models import Notification
from requests_app.models import NotificationEvent
from requests_app.models import ResponsibleSide
from requests_app.models import notification_kind_of_threshold
from requests_app.services.sweep import deadlines_sweep
from tests.api._support import listed_ids
from tests.api.conftest import NOW
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import instrument
from tests.scenarios import urgent_oral_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

URL = "/api/notifications/"
_counter = iter(range(10**6))


def _notify(user, *, minutes_ago: int = 0, read: bool = False, request=None,
            threshold: str = "missed") -> Notification:
    """One notification of ``user`` about a deadline (of ``request``, or of an instrument)."""
    if request is not None:
        deadline = Deadline.objects.create(
            request=request, instrument=request.instrument, kind="summons_transmission",
            subject_key=f"n{next(_counter)}", due_at=NOW - timedelta(hours=1),
            citation="kz-rs-2015 Art 8.3", responsible_side=ResponsibleSide.KAZAKHSTAN,
            responsible_role="Clerk", status="missed")
    else:
        deadline = Deadline.objects.create(
            instrument=instrument("kz-rs-2015"), kind="conviction_report",
            subject_key=f"n{next(_counter)}", due_at=NOW + timedelta(days=3),
            citation="kz-rs-2015 Art 18", responsible_side=ResponsibleSide.KAZAKHSTAN,
            responsible_role="Clerk")
    event = NotificationEvent.objects.create(deadline=deadline, threshold=threshold,
                                             due_at=deadline.due_at)
    notification = Notification.objects.create(
        event=event, recipient=user, kind=notification_kind_of_threshold(threshold),
        request=request)
    Notification.objects.filter(pk=notification.pk).update(
        created_at=NOW - timedelta(minutes=minutes_ago),
        read_at=NOW - timedelta(minutes=minutes_ago) if read else None)
    notification.refresh_from_db()
    return notification


# --- the list -------------------------------------------------------------------------------------
def test_a_notification_names_its_deadline_request_and_rule(clerk_api):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    notification = _notify(clerk_api.user, request=request)

    body = clerk_api.get(URL).json()

    assert (body["next"], body["unread_count"]) == (None, 1)
    [row] = body["results"]
    assert row["id"] == notification.pk
    assert row["unread"] is True and row["read_at"] is None
    assert (row["threshold"], row["instrument"]) == ("missed", "kz-rs-2015")
    assert row["what"]
    assert row["request"] == {"id": request.pk, "reference": request.reference}
    deadline = row["deadline"]
    assert (deadline["kind"], deadline["citation"], deadline["basis"], deadline["status"]) == (
        "summons_transmission", "kz-rs-2015 Art 8.3", "treaty", "missed")
    assert deadline["duty_label"] and deadline["basis_label"]
    assert deadline["due_at"] == "2026-03-02T09:00:00+05:00"


def test_a_notification_about_an_instrument_duty_has_no_request(clerk_api):
    _notify(clerk_api.user, threshold="reminder:72h")

    [row] = clerk_api.get(URL).json()["results"]

    assert row["request"] is None
    assert (row["deadline"]["kind"], row["threshold"]) == ("conviction_report", "reminder:72h")


def test_only_ones_own_notifications_newest_first(clerk_api, prosecutor_api):
    old = _notify(clerk_api.user, minutes_ago=30)
    new = _notify(clerk_api.user, minutes_ago=5)
    _notify(prosecutor_api.user)

    assert listed_ids(clerk_api.get(URL)) == [new.pk, old.pk]


def test_the_unread_filter(clerk_api):
    unread = _notify(clerk_api.user, minutes_ago=1)
    read = _notify(clerk_api.user, minutes_ago=2, read=True)

    assert listed_ids(clerk_api.get(URL, {"unread": "true"})) == [unread.pk]
    assert listed_ids(clerk_api.get(URL, {"unread": "false"})) == [read.pk]
    # The unread count is the inbox's, whatever the filter.
    assert clerk_api.get(URL, {"unread": "false"}).json()["unread_count"] == 1


@pytest.mark.parametrize("params", [{"unread": "yes"}, {"unread": "1"}, {"read": "true"}])
def test_bad_filters_answer_400(clerk_api, params):
    response = clerk_api.get(URL, params)

    assert response.status_code == 400
    assert response.json()["type"] == "validation_error"


def test_an_empty_filter_filters_nothing(clerk_api):
    notifications = [_notify(clerk_api.user, minutes_ago=1),
                     _notify(clerk_api.user, minutes_ago=2, read=True)]

    assert listed_ids(clerk_api.get(URL, {"unread": ""})) == [n.pk for n in notifications]


def test_a_user_without_a_role_has_an_empty_inbox(roleless_api):
    _notify(clerk())

    body = roleless_api.get(URL).json()

    assert body == {"next": None, "unread_count": 0, "results": []}


def test_the_inbox_holds_what_the_sweep_sent(supervisor_api):
    urgent_oral_request(supervisor_api.user)
    deadlines_sweep(now=NOW + timedelta(hours=25))

    rows = supervisor_api.get(URL).json()["results"]

    # The other side missed the 24 hours of SK 7.4: missed and escalated to the supervisors.
    assert sorted((r["threshold"], r["deadline"]["citation"], r["deadline"]["status"])
                  for r in rows) == [("escalated", "kz-sk-2007 Art 7.4", "missed"),
                                     ("missed", "kz-sk-2007 Art 7.4", "missed")]


def _walk(client, url: str = URL, params: dict | None = None) -> list[int]:
    """The ids of every page, following ``next`` from the first (each page must answer 200)."""
    seen, response = [], client.get(url, params)
    while True:
        seen += listed_ids(response)
        url = response.json()["next"]
        if url is None:
            return seen
        response = client.get(url)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL).status_code == 200
    return len(ctx.captured_queries)


def _varied_notifications(user, count: int) -> None:
    """``count`` notifications of ``user``: read and unread, about a request (of one of two
    instruments) or an instrument's own duty."""
    for i in range(count):
        _notify(user, minutes_ago=i, read=bool(i % 2),
                request=AssistanceRequestFactory(instrument_slug="kz-br-2018") if i % 3 else None)


def test_a_page_costs_the_same_queries_for_5_notifications_as_for_60(clerk_api,
                                                                     pages_rendered_afresh):
    _varied_notifications(clerk_api.user, 5)
    clerk_api.get(URL)  # the per-process caches
    few = _queries(clerk_api)
    _varied_notifications(clerk_api.user, 55)

    assert _queries(clerk_api) == few


def test_a_deep_page_costs_the_queries_of_the_first(clerk_api, pages_rendered_afresh):
    _varied_notifications(clerk_api.user, 110)
    first = _queries(clerk_api)
    third = clerk_api.get(clerk_api.get(URL).json()["next"]).json()["next"]

    with CaptureQueriesContext(connection) as deeper:
        assert clerk_api.get(third).status_code == 200

    assert len(deeper) == first


def test_fifty_a_page_and_next_to_the_rest(clerk_api):
    for i in range(51):
        _notify(clerk_api.user, minutes_ago=i)

    first = clerk_api.get(URL).json()
    second = clerk_api.get(first["next"]).json()

    assert (len(first["results"]), len(second["results"])) == (50, 1)
    assert (first["unread_count"], second["unread_count"], second["next"]) == (51, 51, None)


def test_following_next_lists_every_notification_once_newest_first(clerk_api):
    # Pairs share a moment (the sweep notifies many at once): the id orders them.
    made = [_notify(clerk_api.user, minutes_ago=i // 2) for i in range(120)]
    newest_first = sorted(made, key=lambda n: (n.created_at, n.pk), reverse=True)

    assert _walk(clerk_api) == [n.pk for n in newest_first]


def test_next_keeps_the_unread_filter(clerk_api):
    unread = [_notify(clerk_api.user, minutes_ago=2 * i) for i in range(55)]
    for i in range(55):
        _notify(clerk_api.user, minutes_ago=2 * i + 1, read=True)

    first = clerk_api.get(URL, {"unread": "true"}).json()

    assert "unread=true" in first["next"]
    assert _walk(clerk_api, URL, {"unread": "true"}) == [n.pk for n in unread]


@pytest.mark.parametrize("cursor", ["bm90LWEtY3Vyc29y", "x", "W10", "a" * 400])
def test_a_changed_cursor_answers_400_naming_it(clerk_api, cursor):
    _notify(clerk_api.user)

    response = clerk_api.get(URL, {"cursor": cursor})

    assert response.status_code == 400
    assert response.json()["type"] == "validation_error"
    assert list(response.json()["errors"]) == ["cursor"]


def test_a_page_number_answers_400_naming_it(clerk_api):
    _notify(clerk_api.user)

    response = clerk_api.get(URL, {"page": "2"})

    assert response.status_code == 400
    assert "page" in response.json()["errors"]


def test_unread_count_alone(clerk_api):
    _notify(clerk_api.user)
    _notify(clerk_api.user, read=True)
    _notify(clerk())

    response = clerk_api.get(URL + "unread-count/")

    assert response.status_code == 200
    assert response.json() == {"unread_count": 1}


# --- marking read ---------------------------------------------------------------------------------
def test_marking_one_read(clerk_api):
    notification = _notify(clerk_api.user)
    other = _notify(clerk_api.user)

    response = clerk_api.post(f"{URL}{notification.pk}/read/")

    assert response.status_code == 200
    assert response.json()["id"] == notification.pk
    assert response.json()["unread"] is False
    assert response.json()["read_at"] == "2026-03-02T10:00:00+05:00"
    notification.refresh_from_db()
    other.refresh_from_db()
    assert (notification.read_at, other.read_at) == (NOW, None)


def test_marking_read_twice_keeps_the_first_read_time(clerk_api, frozen_now):
    notification = _notify(clerk_api.user)
    clerk_api.post(f"{URL}{notification.pk}/read/")
    frozen_now.shift(timedelta(hours=1))

    response = clerk_api.post(f"{URL}{notification.pk}/read/")

    assert response.status_code == 200
    assert response.json()["read_at"] == "2026-03-02T10:00:00+05:00"


def test_another_users_notification_answers_404_and_stays_unread(clerk_api):
    theirs = _notify(clerk())

    response = clerk_api.post(f"{URL}{theirs.pk}/read/")

    assert response.status_code == 404
    assert response.json()["type"] == "not_found"
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.parametrize("raw_id", ["999999", "0", "-2", "x", "99999999999999999999999"])
def test_a_missing_or_malformed_notification_id_answers_404(clerk_api, raw_id):
    assert clerk_api.post(f"{URL}{raw_id}/read/").status_code == 404


def test_marking_all_read_touches_only_ones_own(clerk_api):
    mine = [_notify(clerk_api.user), _notify(clerk_api.user), _notify(clerk_api.user, read=True)]
    theirs = _notify(clerk())

    response = clerk_api.post(URL + "read-all/")

    assert response.status_code == 200
    assert response.json() == {"marked": 2, "unread_count": 0}
    assert not Notification.objects.filter(pk__in=[n.pk for n in mine], read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.parametrize(("method", "path"), [
    ("get", ""), ("get", "unread-count/"), ("post", "read-all/"), ("post", "{id}/read/")])
def test_the_inbox_needs_a_signed_in_caller(anonymous_api, method, path):
    notification = _notify(clerk())

    response = getattr(anonymous_api, method)(URL + path.format(id=notification.pk))

    assert response.status_code == 401
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.parametrize("client_name", ["other_office_api", "supervisor_api",
                                         "police_clerk_api"])
def test_no_role_or_office_reads_anothers_inbox(request, client_name, clerk_api):
    client = request.getfixturevalue(client_name)
    theirs = _notify(clerk_api.user)

    assert theirs.pk not in listed_ids(client.get(URL))
    assert client.post(f"{URL}{theirs.pk}/read/").status_code == 404
    assert client.post(URL + "read-all/").json()["marked"] == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None
