"""Schemathesis against our own OpenAPI schema: generated requests for every operation, run
through the WSGI app inside the test transaction, must never produce a server error and every
response must match the schema (status code documented, body and content type conform).

Bounded: a fixed number of examples per operation, derandomised, so it stops by itself and is
reproducible."""

from datetime import timedelta

import pytest
import schemathesis
from django.core.signals import request_finished
from django.core.signals import request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance
from schemathesis.specs.openapi.checks import response_schema_conformance
from schemathesis.specs.openapi.checks import status_code_conformance

from mla.wsgi import application
from requests_app.services.sweep import deadlines_sweep
from tests.factories import AssistanceRequestFactory
from tests.factories import supervisor
from tests.scenarios import urgent_oral_request

MAX_EXAMPLES = 12


# Loaded through the app itself; the schema endpoint needs no database and no sign-in.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def api_world(db, frozen_now):
    """A supervisor (sees everything) and a few requests, deadlines and notifications, so that
    generated ids sometimes hit real rows."""
    boss = supervisor()
    for slug in ("kz-rs-2015", "kz-br-2018", "kz-cz-2017"):
        AssistanceRequestFactory(instrument_slug=slug, created_by=boss)
    urgent_oral_request(boss)
    from tests.api.conftest import NOW

    deadlines_sweep(now=NOW + timedelta(hours=25))
    token, _ = Token.objects.get_or_create(user=boss)
    # The WSGI app closes "old" connections around each request; inside the test transaction
    # that would close the test's own connection (PostgreSQL), so keep it open as Django's test
    # client does.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield token.key
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_matches_its_schema(case, api_world):
    case.call_and_validate(
        headers={"Authorization": f"Token {api_world}"},
        checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                response_schema_conformance])


def test_an_unknown_api_path_answers_json_404(client):
    response = client.get("/api/items/not-a-number/returned/")
    assert response.status_code == 404
    assert response.json()["type"] == "not_found"


def test_an_unknown_page_outside_the_api_stays_html(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
