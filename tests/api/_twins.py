"""API twins of the rule table (docs/rule-table.md), shared helpers (not a test module).

For every rule row, the same rule is seen through the API on at least one instrument (the
modules test_rule_twins_api_*.py). A rule that blocks an action answers 422 with
``violations[i].rule``, ``.citation`` and a non-empty ``.message`` (each test asserts all three,
and that nothing changed); at its boundary the other side answers 200. A rule that computes a
deadline is shown through ``GET /api/deadlines/`` with its citation and basis.

State is built with factories and services; only the action under test goes through the API:
the transition endpoints for most rules, ``POST /api/requests/`` for the rules checked when a
draft is opened (CZ 1.2, entry into force, termination), and the record endpoints of
``requests_app/api/records/`` for the rules their services enforce (transfer terms, the
personal-data register, onward transfer).
"""

from __future__ import annotations

from datetime import timedelta

from requests_app.models import AssistanceRequest
from requests_app.services import transitions as t
from tests._roles import NOW
from tests.factories import COUNTERPARTS
from tests.factories import DEFAULT_TYPES
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import prosecutor
from tests.factories import summoned_person
from tests.factories import supervisor

TODAY = NOW.date()
POLICE = ("kz-cz-2017", "kz-sk-2007")
RS_SECURITY = "refusal_sovereignty_security_public_order"


# --- helpers --------------------------------------------------------------------------------------
def _office(slug: str) -> str:
    return COUNTERPARTS[slug][1]


OVERRIDE = {"override_incomplete": True,
            "override_reason": "Left incomplete to meet the transmit guard."}


def ready(slug="kz-rs-2015", *, summons_in: int | None = None, **fields) -> AssistanceRequest:
    """An outgoing request drafted, reviewed and approved through the services; a BR request is
    written in Portuguese, so that it needs no translation (BR 23.1)."""
    if slug == "kz-br-2018":
        fields.setdefault("request_language", "pt")
    author = prosecutor(_office(slug))
    request = AssistanceRequestFactory(instrument_slug=slug, created_by=author, **fields)
    if summons_in is not None:
        summoned_person(request, TODAY + timedelta(days=summons_in))
    # Drafts left incomplete on purpose (to meet the transmit guard) go to review on the
    # office's override; a complete one needs none.
    t.request_submit_for_review(request_id=request.pk, actor=author, params=OVERRIDE)
    t.request_approve(request_id=request.pk, actor=supervisor())
    return request


def fresh(request) -> AssistanceRequest:
    """The request as stored now."""
    return AssistanceRequest.objects.get(pk=request.pk)


def run(client, request, name, **params):
    """Run the transition ``name`` through the API, with the request's current version."""
    body = {"version": fresh(request).version, **params}
    return client.post(f"/api/requests/{request.pk}/transitions/{name}/", body, format="json")


def assert_blocked(response, rule: str, citation: str) -> dict:
    """422 naming ``rule`` with ``citation`` and a message; returns that violation."""
    assert response.status_code == 422, response.json()
    body = response.json()
    assert body["type"] == "rule_violation"
    assert body["detail"]
    matching = [v for v in body["violations"]
                if v["rule"] == rule and v["citation"] == citation]
    assert matching, body["violations"]
    violation = matching[0]
    assert violation["message"].strip()
    instrument_slug, article = citation.split(" ", 1)
    assert (violation["instrument"], violation["article"]) == (instrument_slug, article)
    return violation


def assert_done(response, state: str) -> None:
    assert response.status_code == 200, response.json()
    assert response.json()["state"] == state


def deadlines_of(client, request, kind: str) -> list[dict]:
    response = client.get("/api/deadlines/", {"request": request.pk, "kind": kind})
    assert response.status_code == 200, response.json()
    return response.json()["results"]


def draft_body(slug: str, **overrides) -> dict:
    """What ``POST /api/requests/`` needs to open a draft under ``slug``."""
    return {"instrument": slug, "requested_authority": authority(COUNTERPARTS[slug][0]).pk,
            "assistance_types": DEFAULT_TYPES[slug], **overrides}



def clerk_of(request, slug: str):
    """The API client of a clerk who works on ``slug``'s requests (the MVD's for the police
    agreements)."""
    return request.getfixturevalue("police_clerk_api" if slug in POLICE else "clerk_api")
