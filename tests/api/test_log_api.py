"""GET /api/requests/{id}/log/ and the log entry of a run action: every step with its basis, the
article of the request's instrument or office procedure, never an empty one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from tests.api._support import version_of
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.factories import supervisor

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _log(client, request, **headers):
    return client.get(f"/api/requests/{request.pk}/log/", **headers)


def test_the_log_gives_each_step_its_article_or_office_procedure(prosecutor_api, frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015",
                                       created_by=prosecutor_api.user)
    t.request_submit_for_review(request_id=request.pk, actor=prosecutor_api.user)
    records.translation_record(actor=prosecutor_api.user, request_id=request.pk, language="sr")

    response = _log(prosecutor_api, request, **EN)

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["request"], body["reference"]) == (request.pk, request.reference)
    submitted, translated = body["entries"]
    assert (submitted["action"], submitted["citation"], submitted["actor"]) == (
        "submit_for_review", "", prosecutor_api.user.username)
    assert submitted["basis"] == {
        "kind": "office_procedure", "label": "office procedure", "text": "office procedure",
        "citation": "", "instrument": None, "article": None, "localized_reference": None}
    assert translated["citation"] == "kz-rs-2015 Art 4.1"
    assert translated["basis"] == {
        "kind": "treaty", "label": "treaty provision", "text": "kz-rs-2015 Art 4.1",
        "citation": "kz-rs-2015 Art 4.1", "instrument": "kz-rs-2015", "article": "Art 4.1",
        "localized_reference": "Art 4.1"}


def test_the_logs_article_reads_in_the_callers_language(clerk_api, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.FORWARDED)
    t.request_transition(request_id=request.pk, actor=clerk_api.user, name="start_execution")

    [entry] = _log(clerk_api, request, HTTP_ACCEPT_LANGUAGE="ru").json()["entries"]

    assert entry["citation"] == "kz-rs-2015 Art 6.1"
    assert (entry["basis"]["text"], entry["basis"]["localized_reference"]) == (
        "kz-rs-2015 ст. 6.1", "ст. 6.1")


def test_the_log_of_a_request_you_may_not_see_is_a_404(other_office_api, frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    assert _log(other_office_api, request).status_code == 404
    assert other_office_api.get("/api/requests/abc/log/").status_code == 404


def test_the_log_costs_the_same_number_of_queries_for_2_and_20_steps(supervisor_api,
                                                                     frozen_now):
    boss = supervisor()
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")

    def steps(n):
        for _ in range(n // 2):
            t.request_submit_for_review(request_id=request.pk, actor=request.created_by)
            t.request_return_for_revision(request_id=request.pk, actor=boss, reason="Again")

    def queries(count):
        with CaptureQueriesContext(connection) as captured:
            response = _log(supervisor_api, request)
        assert len(response.json()["entries"]) == count
        return len(captured)

    steps(2)
    _log(supervisor_api, request)
    two = queries(2)
    steps(18)
    assert queries(20) == two


def test_a_run_office_step_answers_its_log_entry_with_the_office_procedure_basis(
        police_clerk_api, frozen_now):
    request = incoming_request("kz-cz-2017", state=RequestState.RECEIVED)

    response = police_clerk_api.post(
        f"/api/requests/{request.pk}/transitions/start_completeness_check/",
        {"version": version_of(request)}, format="json", **EN)

    assert response.status_code == 200, response.json()
    entry = response.json()["log_entry"]
    assert (entry["citation"], entry["basis"]["kind"], entry["basis"]["text"]) == (
        "", "office_procedure", "office procedure")


def test_a_run_action_citing_an_article_answers_the_treaty_basis(police_clerk_api, frozen_now):
    request = incoming_request("kz-cz-2017", state=RequestState.COMPLETENESS_CHECK,
                               request_language="en")

    response = police_clerk_api.post(
        f"/api/requests/{request.pk}/transitions/forward/",
        {"version": version_of(request),
         "executing_authority_id": request.requested_authority_id}, format="json", **EN)

    assert response.status_code == 200, response.json()
    entry = response.json()["log_entry"]
    assert (entry["citation"], entry["basis"]["kind"], entry["basis"]["article"]) == (
        "kz-cz-2017 Art 9.2", "treaty", "Art 9.2")
    assert entry["actor"] == police_clerk_api.user.username
