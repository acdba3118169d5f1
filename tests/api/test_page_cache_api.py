"""``GET /api/requests/`` served again while the database has not changed
(``requests_app.page_cache``): PostgreSQL only, per token, after DRF has authenticated it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from requests_app.models import RequestState
from requests_app.services import transitions as t
from tests._fuzz import on_postgresql
from tests.factories import clerk
from tests.factories import incoming_request

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(not on_postgresql(),
                                 reason="PostgreSQL's WAL position keys the pages")]
# What kept data costs: the token with its user, and the database's position.
LOOKUP_QUERIES = 2



def _list(api, path: str = "/api/requests/", **headers):
    with CaptureQueriesContext(connection) as captured:
        response = api.get(path, **headers)
    return response, len(captured.captured_queries)


def test_an_unchanged_list_is_served_again_for_its_lookup_alone(supervisor_api, frozen_now,
                                                                quiet_cluster):
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    first, rendered = _list(supervisor_api)

    again, looked_up = _list(supervisor_api)

    assert again.json() == first.json() and len(first.json()["results"]) == 1
    assert looked_up == LOOKUP_QUERIES < rendered


def test_a_step_taken_in_between_shows_at_once(supervisor_api, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    _list(supervisor_api)

    t.request_transition(request_id=request.pk, actor=clerk(), name="start_completeness_check")

    assert _list(supervisor_api)[0].json()["results"][0]["state"] == "completeness_check"


def test_another_token_gets_its_own_list(supervisor_api, other_office_api, frozen_now,
                                         quiet_cluster):
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    _list(supervisor_api)

    assert _list(other_office_api)[0].json()["results"] == []


def test_a_revoked_token_is_refused_though_its_list_was_kept(supervisor_api, frozen_now,
                                                             quiet_cluster):
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    _list(supervisor_api)

    Token.objects.filter(user=supervisor_api.user).delete()

    assert _list(supervisor_api)[0].status_code == 401


def test_the_browsable_api_is_rendered_afresh(supervisor_api, frozen_now, quiet_cluster):
    # Its pages carry forms with the session's CSRF token.
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    _list(supervisor_api, HTTP_ACCEPT="text/html")

    response, queries = _list(supervisor_api, HTTP_ACCEPT="text/html")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert queries > LOOKUP_QUERIES
