"""Internal notes through their service: author and time, the log entry (office procedure),
the request's version untouched, bounded text, access."""

import pytest

from requests_app import clock
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RequestNotFound
from requests_app.models import NOTE_MAX_LENGTH
from requests_app.models import LogBasisKind
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services.notes import note_add
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor

pytestmark = pytest.mark.django_db


def test_a_note_records_its_author_and_the_time():
    request = AssistanceRequestFactory()
    author = prosecutor()
    note = note_add(actor=author, request_id=request.pk, text="  Check the translation.  ")
    assert (note.author, note.text) == (author, "Check the translation.")
    assert abs((clock.now() - note.created_at).total_seconds()) < 5
    assert note.created_at == TransitionLog.objects.get(action="note_added").at


def test_a_note_is_logged_as_note_added_under_office_procedure():
    request = AssistanceRequestFactory()
    author = prosecutor()
    note = note_add(actor=author, request_id=request.pk, text="Remark")
    entry = TransitionLog.objects.get(request=request, action="note_added")
    assert entry.actor == author and entry.citation == ""
    assert entry.basis.kind == LogBasisKind.OFFICE_PROCEDURE
    assert entry.details["note"] == note.pk
    assert entry.from_state == entry.to_state == RequestState.DRAFTING


def test_a_note_leaves_the_requests_version_as_it_was():
    request = AssistanceRequestFactory()
    note_add(actor=prosecutor(), request_id=request.pk, text="Remark")
    request.refresh_from_db()
    assert request.version == 1


def test_anyone_who_may_see_the_request_may_add_a_note_even_when_it_is_closed():
    request = incoming_request("kz-rs-2015", state=RequestState.CLOSED)
    assert note_add(actor=clerk(), request_id=request.pk, text="Archived in box 12").pk


def test_another_office_cannot_add_a_note():
    request = AssistanceRequestFactory()
    with pytest.raises(RequestNotFound):
        note_add(actor=prosecutor("kz-prosecutor-astana"), request_id=request.pk, text="x")


@pytest.mark.parametrize("text", ["", "   ", "a\x00b", "x" * (NOTE_MAX_LENGTH + 1)])
def test_an_empty_nul_or_overlong_note_is_refused_naming_text(text):
    request = AssistanceRequestFactory()
    with pytest.raises(InvalidInput) as refused:
        note_add(actor=prosecutor(), request_id=request.pk, text=text)
    assert "text" in refused.value.errors
    assert not TransitionLog.objects.filter(action="note_added").exists()


def test_a_note_at_the_length_limit_is_accepted():
    request = AssistanceRequestFactory()
    note = note_add(actor=prosecutor(), request_id=request.pk, text="x" * NOTE_MAX_LENGTH)
    assert len(note.text) == NOTE_MAX_LENGTH
