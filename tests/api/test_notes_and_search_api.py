"""API: internal notes (GET/POST /api/requests/{id}/notes/), the criminal case number read and
written through PATCH, and the search box of GET /api/requests/?q= (the inbox's function)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import NOTE_MAX_LENGTH
from requests_app.models import PersonRole
from requests_app.models import RequestNote
from requests_app.models import RequestPerson
from requests_app.models import TransitionLog
from requests_app.services.notes import note_add
from tests.api.test_requests_create import _draft_body
from tests.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db


def _notes_url(request) -> str:
    return f"/api/requests/{request.pk}/notes/"


# --- notes ------------------------------------------------------------------------------------
def test_posting_a_note_answers_201_with_author_and_time(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_api.post(_notes_url(draft), {"text": "Ask for the bank records"},
                                   format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["text"] == "Ask for the bank records"
    assert body["author"] == prosecutor_api.user.username
    assert body["created_at"].startswith("2026-03-02T")
    assert TransitionLog.objects.filter(request=draft, action="note_added").count() == 1


def test_the_notes_are_listed_newest_first(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    note_add(actor=prosecutor_api.user, request_id=draft.pk, text="older")
    frozen_now.shift(timedelta(minutes=1))
    note_add(actor=prosecutor_api.user, request_id=draft.pk, text="newer")
    response = prosecutor_api.get(_notes_url(draft))
    assert response.status_code == 200
    assert [n["text"] for n in response.json()["results"]] == ["newer", "older"]


def test_another_office_gets_a_404_for_the_notes_and_adds_none(other_office_api, frozen_now):
    draft = AssistanceRequestFactory()
    assert other_office_api.get(_notes_url(draft)).status_code == 404
    response = other_office_api.post(_notes_url(draft), {"text": "x"}, format="json")
    assert response.status_code == 404
    assert not RequestNote.objects.exists()


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": "   "}, {"text": 12},
                                  {"text": "a\x00b"}, {"text": "x" * (NOTE_MAX_LENGTH + 1)},
                                  {"text": "ok", "author": "someone"}])
def test_a_bad_note_is_a_400_naming_the_field(prosecutor_api, frozen_now, body):
    draft = AssistanceRequestFactory()
    response = prosecutor_api.post(_notes_url(draft), body, format="json")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "text" in errors or "author" in errors
    assert not RequestNote.objects.exists()


def test_the_request_links_to_its_notes(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    links = prosecutor_api.get(f"/api/requests/{draft.pk}/").json()["links"]
    assert links["notes"].endswith(_notes_url(draft))


def test_notes_are_not_part_of_the_request_shown_to_the_api(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    note_add(actor=prosecutor_api.user, request_id=draft.pk, text="Internal only")
    assert "Internal only" not in prosecutor_api.get(f"/api/requests/{draft.pk}/").content.decode()


# --- the criminal case number --------------------------------------------------------------------
def test_the_case_number_round_trips_through_patch_and_get(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_api.patch(f"/api/requests/{draft.pk}/",
                                    {"version": 1, "case_number": "2026-0001"}, format="json")
    assert response.status_code == 200
    assert response.json()["contents"]["case_number"] == "2026-0001"
    again = prosecutor_api.get(f"/api/requests/{draft.pk}/").json()
    assert again["contents"]["case_number"] == "2026-0001" and again["version"] == 2


def test_a_case_number_longer_than_60_characters_is_a_400(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_api.patch(f"/api/requests/{draft.pk}/",
                                    {"version": 1, "case_number": "9" * 61}, format="json")
    assert response.status_code == 400 and "case_number" in response.json()["errors"]


def test_a_new_draft_may_carry_its_case_number(prosecutor_api, frozen_now):
    response = prosecutor_api.post("/api/requests/", _draft_body(case_number="2026-0500"),
                                   format="json")
    assert response.status_code == 201, response.content
    assert response.json()["contents"]["case_number"] == "2026-0500"


# --- the search box ------------------------------------------------------------------------------
def test_the_api_search_finds_a_persons_name_and_the_case_number(supervisor_api, frozen_now):
    by_person = AssistanceRequestFactory()
    RequestPerson.objects.create(request=by_person, role=PersonRole.TO_HEAR,
                                 full_name="Jana Dvořáková")
    by_case = AssistanceRequestFactory(case_number="2026-0314")
    AssistanceRequestFactory()
    ids = [r["id"] for r in supervisor_api.get("/api/requests/", {"q": "Dvořák"})
           .json()["results"]]
    assert ids == [by_person.pk]
    ids = [r["id"] for r in supervisor_api.get("/api/requests/", {"q": "2026-0314"})
           .json()["results"]]
    assert ids == [by_case.pk]


def test_the_api_search_never_lists_another_offices_request(other_office_api, frozen_now):
    AssistanceRequestFactory(case_number="2026-0314")
    response = other_office_api.get("/api/requests/", {"q": "2026-0314"})
    assert response.status_code == 200 and response.json()["results"] == []


def _searched(count: int) -> None:
    for number in range(count):
        request = AssistanceRequestFactory(offence_description=f"Fraud {number}")
        RequestPerson.objects.create(request=request, role=PersonRole.TO_HEAR,
                                     full_name=f"Novak {number}")


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/api/requests/", {"q": "Novak"}).status_code == 200
    return len(captured.captured_queries)


def test_the_api_search_runs_the_same_number_of_queries_for_2_and_20_results(
        supervisor_api, frozen_now, pages_rendered_afresh):
    _searched(2)
    few = _queries(supervisor_api)
    _searched(18)
    assert len(supervisor_api.get("/api/requests/", {"q": "Novak"}).json()["results"]) == 20
    assert _queries(supervisor_api) == few


def test_the_list_shows_each_requests_case_number(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory(case_number="2026-0271")
    items = prosecutor_api.get("/api/requests/").json()["results"]
    assert [(i["id"], i["case_number"]) for i in items] == [(draft.pk, "2026-0271")]
