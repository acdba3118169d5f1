"""Schemathesis against our own OpenAPI schema: generated requests for every operation, run
through the WSGI app inside the test transaction, must never produce a server error and every
response must match the schema (status code documented, body and content type conform).

Bounded: ``MLA_FUZZ_EXAMPLES`` examples per operation and generation mode (default
``DEFAULT_EXAMPLES``, chosen so that this file stays within about 90 s on PostgreSQL with
``-n 2``; raise it for a longer run), derandomised, so it stops by itself and is reproducible.
The coverage phase (boundary values) only with ``MLA_FUZZ_COVERAGE=1``: it alone takes about
twice the budget. Generated strings may hold NUL
(``allow_x00``): PostgreSQL cannot store or compare such a string, SQLite can, so a NUL that
reaches the database is a 500 on one and not the other (issue 12, defect 2).

Beside the generated cases a deterministic sweep (``test_every_string_input_refuses_*``) sets every
string query parameter and every string property of every JSON body, one at a time, to a value
holding NUL and to one of 30,000 characters (past ``mla.limits.TEXT_MAX_LENGTH``): each must be
answered 4xx, never 5xx, and nothing may be stored."""

from __future__ import annotations

import json
import os
import time
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
import time_machine
from django.apps import apps
from django.core.signals import request_finished
from django.core.signals import request_started
from django.db import close_old_connections
from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck
from hypothesis import Phase
from hypothesis import find
from hypothesis import settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import content_type_conformance
from schemathesis.specs.openapi.checks import response_schema_conformance
from schemathesis.specs.openapi.checks import status_code_conformance

from mla.limits import TEXT_MAX_LENGTH
from mla.wsgi import application
from requests_app.models import AssistanceRequest
from requests_app.models import PersonRole
from requests_app.models import RequestPerson
from requests_app.services.sweep import deadlines_sweep
from tests._fuzz import on_postgresql
from tests.factories import AssistanceRequestFactory
from tests.factories import supervisor
from tests.scenarios import urgent_oral_request
from tests.web.conftest import NOW

# The fuzzing that matters runs on PostgreSQL (it refuses what SQLite stores: NUL, over-long
# varchar); the SQLite run keeps a smaller sample so that CI stays within its time.
DEFAULT_EXAMPLES = 20 if on_postgresql() else 6
MAX_EXAMPLES = int(os.environ.get("MLA_FUZZ_EXAMPLES", DEFAULT_EXAMPLES))
# The coverage phase (boundary values of every parameter, about 8,800 cases, none with NUL)
# takes about 160 s on PostgreSQL with -n 2; a longer run turns it on with MLA_FUZZ_COVERAGE=1.
COVERAGE = os.environ.get("MLA_FUZZ_COVERAGE", "") == "1"
NUL = "\x00"
OVER_LONG = "x" * 30_000

# Loaded through the app itself; the schema endpoint needs no database and no sign-in.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
# Both modes (valid and invalid input), NUL allowed in every generated string (the default of
# schemathesis 4, said here so that a change of default cannot silently drop it).
schema.config.generation.update(modes=list(GenerationMode), allow_x00=True)
schema.config.phases.coverage.enabled = COVERAGE


@pytest.fixture(scope="module")
def api_world(django_db_setup, django_db_blocker):
    """A supervisor (sees everything) and a few requests, deadlines, notifications and a person,
    so that generated ids sometimes hit real rows. Built once for the module inside a
    transaction rolled back at its end; each test runs in its own savepoint (pytest-django), so
    what a generated request writes is undone after its operation."""
    with django_db_blocker.unblock(), time_machine.travel(NOW, tick=False), override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            MLA_API_TOKEN_HOURS=24 * 365):
        atomic = transaction.atomic()
        atomic.__enter__()
        # The WSGI app closes "old" connections around each request; inside the test
        # transaction that would close the test's own connection (PostgreSQL), so keep it open
        # as Django's test client does.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            boss = supervisor()
            drafts = [AssistanceRequestFactory(instrument_slug=slug, created_by=boss)
                      for slug in ("kz-rs-2015", "kz-br-2018", "kz-cz-2017")]
            urgent_oral_request(boss)
            deadlines_sweep(now=NOW + timedelta(hours=25))
            person = RequestPerson.objects.create(request=drafts[0], role=PersonRole.TO_SERVE,
                                                  full_name="Fuzz Person")
            token, _ = Token.objects.get_or_create(user=boss)
            yield {"token": token.key, "request": drafts[0], "person": person}
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_matches_its_schema(case, api_world, db):
    started = time.perf_counter()
    with time_machine.travel(NOW, tick=False):
        case.call_and_validate(
            headers={"Authorization": f"Token {api_world['token']}"},
            checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                    response_schema_conformance])
    _report(case, time.perf_counter() - started)


def _report(case, seconds: float) -> None:
    """With ``MLA_FUZZ_REPORT=<file>``, one line per case (operation, seconds, whether it held
    NUL, its phase): the figures of a run (how many cases, how many with NUL, where the time
    goes)."""
    if path := os.environ.get("MLA_FUZZ_REPORT"):
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{case.operation.label}\t{seconds:.3f}\t{int(_holds_nul(case))}\t"
                      f"{case.meta.phase.name.value if case.meta else '-'}\n")


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _holds_nul(case) -> bool:
    return any(NUL in s for s in _strings([case.body, case.query, case.path_parameters]))


@pytest.mark.parametrize("method,path", [("POST", "/api/requests/{request_id}/notes/"),
                                         ("GET", "/api/requests/")])
def test_generated_cases_hold_nul_characters(method, path):
    """The generation option is on and takes effect: schemathesis finds a case with NUL in its
    body or query for a JSON body and for a query filter (a search, not a sample: it fails if
    NUL is ever excluded from the alphabet)."""
    operation = schema[path][method]
    assert schema.config.generation_for(operation=operation).allow_x00
    found = find(operation.as_strategy(), _holds_nul,
                 settings=settings(max_examples=2000, database=None, derandomize=True,
                                   phases=[Phase.generate],
                                   suppress_health_check=list(HealthCheck)))
    assert _holds_nul(found)


# --- the deterministic sweep ----------------------------------------------------------------
RAW = schema.raw_schema


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its ``$ref`` and single ``allOf`` followed (components only)."""
    while True:
        if "$ref" in node:
            node = {**RAW["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]],
                    **{k: v for k, v in node.items() if k != "$ref"}}
        elif len(node.get("allOf", ())) == 1:
            node = {**_resolve(node["allOf"][0]),
                    **{k: v for k, v in node.items() if k != "allOf"}}
        else:
            return node


def _is_string(node: dict[str, Any]) -> bool:
    node = _resolve(node)
    if node.get("type") == "string":
        return node.get("format") != "binary"
    return bool(node.get("enum")) and all(isinstance(v, str) for v in node["enum"] if v)


def _plausible(name: str, node: dict[str, Any], world: dict) -> Any:
    """A value that passes the type check, so that the fault under test is the only one."""
    node = _resolve(node)
    if name == "version":
        return world["request"].version
    if node.get("enum"):
        return next((v for v in node["enum"] if v not in ("", None)), node["enum"][0])
    kind, fmt = node.get("type"), node.get("format")
    if kind == "string":
        return {"date": "2026-03-02", "date-time": "2026-03-02T10:00:00+05:00"}.get(
            fmt, "fuzz")
    return {"integer": 1, "number": 1, "boolean": False, "array": [], "object": {}}.get(
        kind, "fuzz")


def _sweep_cases() -> list[tuple[str, str, str, str]]:
    """(method, path, "query" or "body", parameter) for every string input of the schema."""
    cases = []
    for path, methods in RAW["paths"].items():
        for method, operation in methods.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            for parameter in operation.get("parameters", ()):
                if parameter["in"] == "query" and _is_string(parameter.get("schema", {})):
                    cases.append((method.upper(), path, "query", parameter["name"]))
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                for name, node in _resolve(body["schema"]).get("properties", {}).items():
                    if _is_string(node) and not _resolve(node).get("readOnly"):
                        cases.append((method.upper(), path, "body", name))
    return cases


SWEEP = _sweep_cases()


def test_the_sweep_covers_the_schema():
    """A guard on the sweep itself: the schema's string inputs are found."""
    assert len(SWEEP) > 150
    assert ("GET", "/api/requests/", "query", "q") in SWEEP
    assert ("POST", "/api/requests/{request_id}/notes/", "body", "text") in SWEEP
    assert ("POST", "/api/auth/token/", "body", "username") in SWEEP


def _path_for(path: str, world: dict) -> str:
    ids = {"request_id": world["request"].pk, "person_id": world["person"].pk,
           "slug": "kz-rs-2015", "name": "withdraw"}
    for name in [p.strip("{}") for p in path.split("/") if p.startswith("{")]:
        path = path.replace("{" + name + "}", str(ids.get(name, 1)))
    return path


def _stored() -> dict[str, Any]:
    """Row counts of every table of the app, and every request's version."""
    counts: dict[str, Any] = {model._meta.label: model._base_manager.count()
                              for model in apps.get_app_config("requests_app").get_models()}
    counts["versions"] = list(AssistanceRequest.objects.order_by("pk").values_list("version"))
    return counts


def _body_for(method: str, path: str, world: dict) -> dict[str, Any]:
    node = RAW["paths"][path][method.lower()]["requestBody"]["content"]["application/json"]
    properties = _resolve(node["schema"]).get("properties", {})
    return {name: _plausible(name, prop, world) for name, prop in properties.items()
            if not _resolve(prop).get("readOnly")}


@pytest.mark.parametrize("value", [pytest.param(f"a{NUL}b", id="nul"),
                                   pytest.param(OVER_LONG, id="over-long")])
def test_every_string_input_refuses_the_value_and_stores_nothing(value, api_world, db):
    """One test per value over the whole sweep (one API client, one world), listing every
    input that answered anything but 4xx or stored something."""
    assert len(OVER_LONG) > TEXT_MAX_LENGTH
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_world['token']}")
    problems, before = [], _stored()
    with time_machine.travel(NOW, tick=False):
        for method, path, where, name in SWEEP:
            url = _path_for(path, api_world)
            if where == "query":
                response = client.generic(method, f"{url}?{_encode({name: value})}")
            else:
                body = {**_body_for(method, path, api_world), name: value}
                response = client.generic(method, url, json.dumps(body),
                                          content_type="application/json")
            if not 400 <= response.status_code < 500:
                problems.append(f"{method} {path} {where} {name}: {response.status_code}")
            after = _stored()
            if after != before:
                changed = sorted(k for k in after if after[k] != before.get(k))
                problems.append(f"{method} {path} {where} {name}: stored {changed}")
                before = after
    assert not problems, f"{len(problems)} of {len(SWEEP)} inputs:\n  " + "\n  ".join(problems)


def _encode(params: dict[str, str]) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


def test_an_unknown_api_path_answers_json_404(client):
    response = client.get("/api/items/not-a-number/returned/")
    assert response.status_code == 404
    assert response.json()["type"] == "not_found"


def test_an_unknown_page_outside_the_api_stays_html(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
