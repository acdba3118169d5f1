"""GET /api/requests/{id}/readiness/: the same answer as the transmit action, with citations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import AssistanceRequest
from requests_app.models import RequestState
from requests_app.services import records
from tests.api.conftest import NOW
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import summoned_person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

TODAY = NOW.date()


def _readiness(client, request):
    response = client.get(f"/api/requests/{request.pk}/readiness/")
    assert response.status_code == 200, response.content
    return response.json()


def _transmit(client, request):
    version = AssistanceRequest.objects.values_list("version", flat=True).get(pk=request.pk)
    return client.post(f"/api/requests/{request.pk}/transitions/transmit/",
                       {"version": version}, format="json")


def _ready_rs(**fields) -> AssistanceRequest:
    return AssistanceRequestFactory(instrument_slug="kz-rs-2015", state=RequestState.READY,
                                    **fields)


def test_a_complete_draft_is_ready_for_transmission(clerk_api):
    body = _readiness(clerk_api, _ready_rs())
    assert (body["step"], body["complete"], body["blocked_by"]) == ("transmission", True, [])
    assert body["on"] == TODAY.isoformat()
    assert {c["status"] for c in body["contents"]} <= {"ok", "not_needed"}


def test_a_summons_59_days_ahead_is_blocked_with_rs_art_8_3(clerk_api):
    request = _ready_rs()
    summoned_person(request, TODAY + timedelta(days=59))
    body = _readiness(clerk_api, request)
    assert not body["complete"]
    assert [(v["rule"], v["citation"]) for v in body["blocked_by"]] == [
        ("summons_lead_time", "kz-rs-2015 Art 8.3")]
    (summons,) = body["summonses"]
    assert (summons["days_left"], summons["required_days"], summons["ok"]) == (59, 60, False)


def test_a_summons_60_days_ahead_is_ready(clerk_api):
    request = _ready_rs()
    summoned_person(request, TODAY + timedelta(days=60))
    body = _readiness(clerk_api, request)
    assert body["complete"] and body["summonses"][0]["ok"]


def test_readiness_and_transmission_agree_on_the_original_sent_by_post(clerk_api):
    """RS 3.4: sent electronically, the original goes by post at the same time. The checklist
    used to leave this rule out, so "complete" and "transmittable" disagreed."""
    request = _ready_rs(channel="electronic")
    body = _readiness(clerk_api, request)
    assert [(v["rule"], v["citation"]) for v in body["blocked_by"]] == [
        ("originals", "kz-rs-2015 Art 3.4")]
    refused = _transmit(clerk_api, request)
    assert refused.status_code == 422
    assert refused.json()["violations"] == body["blocked_by"]
    records.original_record(actor=clerk("kz-gpo"), request_id=request.pk, dispatched_on=TODAY,
                            dispatch_channel="post")
    assert _readiness(clerk_api, request)["complete"]
    assert _transmit(clerk_api, request).status_code == 200


def test_a_missing_mandatory_content_is_listed_with_its_article(clerk_api):
    body = _readiness(clerk_api, _ready_rs(legal_qualification=""))
    missing = [c for c in body["contents"] if c["status"] == "missing"]
    assert [(c["field"], c["citation"]) for c in missing] == [
        ("legal_qualification", body["blocked_by"][0]["citation"])]


def test_an_incoming_request_is_checked_for_execution(clerk_api):
    body = _readiness(clerk_api, incoming_request("kz-rs-2015",
                                                  state=RequestState.COMPLETENESS_CHECK))
    assert body["step"] == "execution" and body["summonses"] == []


def test_another_offices_request_answers_404_without_data(other_office_api):
    response = other_office_api.get(f"/api/requests/{_ready_rs().pk}/readiness/")
    assert response.status_code == 404 and "reference" not in response.json()


@pytest.mark.parametrize("raw", ["abc", "0", "-1", str(2**63)])
def test_a_malformed_id_answers_404(clerk_api, raw):
    assert clerk_api.get(f"/api/requests/{raw}/readiness/").status_code == 404


def test_the_query_count_does_not_grow_with_the_persons(clerk_api):
    request = _ready_rs()
    summoned_person(request, TODAY + timedelta(days=70))
    _readiness(clerk_api, request)
    with CaptureQueriesContext(connection) as few:
        _readiness(clerk_api, request)
    for days in range(71, 76):
        summoned_person(request, TODAY + timedelta(days=days))
    with CaptureQueriesContext(connection) as many:
        _readiness(clerk_api, request)
    assert len(many) == len(few)
