"""The inbox search box (persons, case number, authorities; refused input; constant queries),
the criminal case number on the request page, the edit form and the letter, and internal notes
on the request page."""

import io
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from requests_app.models import PersonRole
from requests_app.models import RequestNote
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services.notes import note_add
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.web.test_drafting import _contents

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _inbox(client, query: str) -> str:
    response = client.get(f"/requests/{query}", **EN)
    assert response.status_code == 200
    return response.content.decode()


def _rows(body: str) -> int:
    return body.count('class="request-row"')


def _person(request, name: str) -> RequestPerson:
    return RequestPerson.objects.create(request=request, role=PersonRole.TO_HEAR, full_name=name)


# --- the search box ---------------------------------------------------------------------------
def test_inbox_search_finds_a_request_by_a_persons_name(clerk_client, frozen_now):
    wanted = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    _person(wanted, "Milena Jovanović")
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    body = _inbox(clerk_client, "?q=Jovanovi")
    assert _rows(body) == 1 and wanted.reference in body


def test_inbox_search_finds_a_request_by_its_criminal_case_number(clerk_client, frozen_now):
    wanted = incoming_request("kz-rs-2015", state=RequestState.RECEIVED,
                              case_number="2026-0001")
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED, case_number="2026-0002")
    body = _inbox(clerk_client, "?q=2026-0001")
    assert _rows(body) == 1 and wanted.reference in body


def test_inbox_search_never_shows_another_offices_request(other_office_client, frozen_now):
    hidden = incoming_request("kz-rs-2015", state=RequestState.RECEIVED, case_number="2026-0009")
    body = _inbox(other_office_client, "?q=2026-0009")
    assert _rows(body) == 0 and hidden.reference not in body


def test_inbox_search_with_a_nul_character_is_a_400_naming_the_search(clerk_client, frozen_now):
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    response = clerk_client.get("/requests/?q=a%00b", **EN)
    assert response.status_code == 400
    # Refused before any view runs (mla.middleware), naming the parameter.
    assert response.context["field"] == "q"
    assert "NUL" in response.content.decode() and _rows(response.content.decode()) == 0


def test_inbox_search_longer_than_the_limit_is_a_400_not_a_cut_search(clerk_client, frozen_now):
    response = clerk_client.get("/requests/?q=" + "x" * 201, **EN)
    assert response.status_code == 400
    assert "at most 200 characters" in response.content.decode()


def test_the_search_box_says_what_it_searches_and_is_bounded(clerk_client, frozen_now):
    body = _inbox(clerk_client, "")
    assert 'maxlength="200"' in body and "criminal case number" in body


def _searched_requests(count: int) -> None:
    for number in range(count):
        request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED,
                                   offence_description=f"Fraud scheme {number}")
        _person(request, f"Witness Novak {number}")
        _person(request, f"Suspect Novak {number}")


def _search_queries(client, term: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/requests/?stage=all&q={term}", **EN).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("term", ["Novak", "Fraud", "Ministry"])
def test_a_search_runs_the_same_number_of_queries_for_2_and_20_results(
        clerk_client, frozen_now, term, pages_rendered_afresh):
    _searched_requests(2)
    _inbox(clerk_client, "")  # sign in
    few = _search_queries(clerk_client, term)
    _searched_requests(18)
    assert _rows(_inbox(clerk_client, f"?stage=all&q={term}")) == 20
    assert _search_queries(clerk_client, term) == few


# --- the criminal case number -------------------------------------------------------------------
def test_the_request_page_shows_the_criminal_case_number(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED,
                               case_number="2026-0001")
    body = clerk_client.get(f"/requests/{request.pk}/", **EN).content.decode()
    assert re.search(r"<dd data-case-number>2026-0001</dd>", body)


def test_the_drafter_sets_the_case_number_on_the_edit_page(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/",
                                      _contents(draft, case_number="2026-0042"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.case_number == "2026-0042"
    assert TransitionLog.objects.get(request=draft, action="update").details["fields"] == [
        "case_number"]


def test_the_letter_names_the_criminal_case_number(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory(case_number="2026-0042")
    response = prosecutor_client.get(f"/requests/{draft.pk}/letter.docx?lang=en")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Criminal case number: 2026-0042" in text


# --- internal notes ------------------------------------------------------------------------------
def test_a_clerk_adds_a_note_from_the_request_page(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    response = clerk_client.post(f"/requests/{request.pk}/notes/",
                                 {"text": "Called the Serbian desk; reply promised Friday."})
    assert response.status_code == 302 and response["Location"].endswith("#notes")
    note = RequestNote.objects.get(request=request)
    assert note.author == clerk_client.user and note.text.startswith("Called the Serbian")


def test_the_request_page_lists_notes_newest_first_with_author_and_time(
        clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    note_add(actor=clerk_client.user, request_id=request.pk, text="First remark")
    frozen_now.shift(timedelta(minutes=5))
    note_add(actor=clerk_client.user, request_id=request.pk, text="Second remark")
    body = clerk_client.get(f"/requests/{request.pk}/", **EN).content.decode()
    notes = body[body.index('id="notes"'):]
    assert notes.index("Second remark") < notes.index("First remark")
    assert clerk_client.user.username in notes and "02.03.2026 10:05" in notes


def test_an_empty_note_shows_the_page_again_with_the_error_and_saves_nothing(clerk_client,
                                                                            frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    response = clerk_client.post(f"/requests/{request.pk}/notes/", {"text": "  "}, **EN)
    assert response.status_code == 400
    assert 'id="id_text_error"' in response.content.decode()
    assert not RequestNote.objects.exists()


def test_another_office_cannot_add_a_note_and_gets_a_404(other_office_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    response = other_office_client.post(f"/requests/{request.pk}/notes/", {"text": "x"})
    assert response.status_code == 404
    assert not RequestNote.objects.exists()


def test_notes_never_reach_the_letter_to_the_other_side(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    note_add(actor=prosecutor("kz-gpo"), request_id=draft.pk, text="Internal only: weak case")
    response = prosecutor_client.get(f"/requests/{draft.pk}/letter.docx?lang=en")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "weak case" not in text


# --- references on the request page ---------------------------------------------------------------
def test_a_clerk_records_their_reference_on_a_request_in_execution(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    response = clerk_client.post(f"/requests/{request.pk}/references/",
                                 {"version": request.version, "their_reference": "RS-77/2026"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.their_reference == "RS-77/2026"
    entry = TransitionLog.objects.get(request=request, action="update")
    assert entry.details["fields"] == ["their_reference"] and entry.actor == clerk_client.user


def test_the_case_number_is_offered_only_while_the_contents_may_change(clerk_client,
                                                                       frozen_now):
    received = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    executing = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    assert 'name="case_number"' in clerk_client.get(f"/requests/{received.pk}/").content.decode()
    body = clerk_client.get(f"/requests/{executing.pk}/").content.decode()
    assert 'name="their_reference"' in body and 'name="case_number"' not in body


def test_a_stale_references_form_changes_nothing_and_says_so(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    response = clerk_client.post(f"/requests/{request.pk}/references/",
                                 {"version": request.version + 1, "their_reference": "X"}, **EN)
    assert response.status_code == 409
    request.refresh_from_db()
    assert request.their_reference == ""


def test_a_closed_request_offers_no_references_form(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.CLOSED)
    assert 'id="references"' not in clerk_client.get(f"/requests/{request.pk}/").content.decode()
    response = clerk_client.post(f"/requests/{request.pk}/references/",
                                 {"version": request.version, "their_reference": "X"})
    assert response.status_code == 403
