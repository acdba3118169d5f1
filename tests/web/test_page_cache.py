"""The inbox served again while the database has not changed (``requests_app.page_cache``): on
PostgreSQL only, for the same sign-in, language, address and minute, and never across a change."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.messages import constants as message_levels
from django.contrib.messages.storage import default_storage
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from requests_app.models import RequestState
from requests_app.page_cache import _lookup_key
from requests_app.page_cache import database_position
from requests_app.services import transitions as t
from tests._fuzz import on_postgresql
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import supervisor

pytestmark = pytest.mark.django_db
only_on_postgresql = pytest.mark.skipif(not on_postgresql(),
                                        reason="PostgreSQL's WAL position keys the pages")
# What a kept page costs: the session, the user and the database's position.
LOOKUP_QUERIES = 3



def _get(client, path: str = "/requests/", **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200
    return response.content.decode(), len(captured.captured_queries)


def _signed_in(client):
    """The browser's first page: it signs in and receives its CSRF cookie (a page that sets the
    cookie is not kept)."""
    _get(client, "/requests/?stage=all")
    return client


@only_on_postgresql
def test_an_unchanged_inbox_is_served_again_for_its_lookup_alone(supervisor_client, frozen_now,
                                                                  quiet_cluster):
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    first, rendered = _get(_signed_in(supervisor_client))

    again, looked_up = _get(supervisor_client)

    assert again == first
    assert looked_up == LOOKUP_QUERIES < rendered


@only_on_postgresql
def test_a_step_taken_in_between_shows_at_once(supervisor_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    label = str(RequestState.COMPLETENESS_CHECK.label)
    before, _ = _get(_signed_in(supervisor_client))

    t.request_transition(request_id=request.pk, actor=clerk(), name="start_completeness_check")
    after, queries = _get(supervisor_client)

    assert after.count(label) == before.count(label) + 1
    assert queries > LOOKUP_QUERIES


@only_on_postgresql
def test_another_user_at_the_same_address_gets_a_page_of_their_own(supervisor_client,
                                                                    other_office_client,
                                                                    frozen_now, quiet_cluster):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    assert request.reference in _get(_signed_in(supervisor_client))[0]

    body, queries = _get(_signed_in(other_office_client))

    assert request.reference not in body
    assert queries > LOOKUP_QUERIES


@only_on_postgresql
def test_each_language_has_its_own_page(supervisor_client, frozen_now, quiet_cluster):
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    supervisor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english, _ = _get(_signed_in(supervisor_client))
    supervisor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"

    kazakh, queries = _get(supervisor_client)

    assert kazakh != english and 'lang="kk"' in kazakh
    assert queries > LOOKUP_QUERIES


@only_on_postgresql
def test_each_filter_and_each_htmx_target_has_its_own_page(supervisor_client, frozen_now,
                                                          quiet_cluster):
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    _get(_signed_in(supervisor_client))

    assert _get(supervisor_client, "/requests/?direction=outgoing")[1] > LOOKUP_QUERIES
    assert _get(supervisor_client, headers={"HX-Request": "true",
                                            "HX-Target": "inbox-results"})[1] > LOOKUP_QUERIES


@only_on_postgresql
def test_the_next_minute_renders_the_page_afresh(supervisor_client, frozen_now, quiet_cluster):
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    _get(_signed_in(supervisor_client))

    frozen_now.shift(timedelta(minutes=1))

    assert _get(supervisor_client)[1] > LOOKUP_QUERIES


@only_on_postgresql
def test_nothing_is_kept_when_the_office_turns_it_off(supervisor_client, frozen_now, settings,
                                                     quiet_cluster):
    settings.MLA_PAGE_CACHE = False
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    _, rendered = _get(_signed_in(supervisor_client))

    assert _get(supervisor_client)[1] == rendered


@only_on_postgresql
def test_any_write_moves_the_position_pages_are_kept_under():
    before = database_position()

    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)

    assert database_position() != before


@only_on_postgresql
def test_a_page_with_a_message_waiting_is_not_looked_up():
    request = RequestFactory().get("/requests/")
    request.user = supervisor()
    request.session = SessionStore()
    request._messages = default_storage(request)
    assert _lookup_key(request) is not None

    request._messages.add(message_levels.SUCCESS, "Registered.")

    assert _lookup_key(request) is None


@only_on_postgresql
def test_a_post_is_not_looked_up():
    request = RequestFactory().post("/requests/")
    request.user = supervisor()

    assert _lookup_key(request) is None


@pytest.mark.skipif(on_postgresql(), reason="the embedded default only")
def test_on_sqlite_every_page_is_rendered_afresh(supervisor_client, frozen_now):
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    _, rendered = _get(_signed_in(supervisor_client))

    assert database_position() is None
    assert _get(supervisor_client)[1] == rendered


@only_on_postgresql
def test_a_browsers_first_page_is_not_kept(supervisor_client, frozen_now, quiet_cluster):
    # Its form token belongs to the CSRF cookie that only this response sets.
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    _, rendered = _get(supervisor_client)
    del supervisor_client.cookies[settings.CSRF_COOKIE_NAME]

    assert _get(supervisor_client)[1] > LOOKUP_QUERIES
