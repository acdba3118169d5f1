"""The request letter frozen at submission, approval and transmission (``LetterVersion``), and
what the clerk records on transmission (dispatch date, outgoing letter number)."""

import dataclasses
import hashlib
from datetime import timedelta

import pytest

from requests_app.documents.letters import letter_default_language
from requests_app.exceptions import InvalidInput
from requests_app.models import AppendOnlyError
from requests_app.models import Attachment
from requests_app.models import AttachmentKind
from requests_app.models import LetterEvent
from requests_app.models import LetterVersion
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import transitions as t
from requests_app.services.documents import request_letter_language
from requests_app.services.requests import request_update
from tests.factories import AssistanceRequestFactory
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import NOW
from tests.requests_app._support import TODAY
from tests.requests_app._support import fresh
from tests.requests_app._support import to_ready
from treaties.rulebook.registry import get_rulebook

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk
author = _support.author
boss = _support.boss


def _stored_bytes(attachment: Attachment) -> bytes:
    with attachment.file.open("rb") as handle:
        return handle.read()


def _ready(author, boss, **fields):
    request = AssistanceRequestFactory(created_by=author, **fields)
    to_ready(request, author, boss)
    return request


def test_submission_freezes_version_1_of_the_letter_as_pdf_and_docx(author):
    request = AssistanceRequestFactory(created_by=author, request_language="en")
    version_before = request.version

    t.request_submit_for_review(request_id=request.pk, actor=author)

    version = LetterVersion.objects.get(request=request)
    assert (version.number, version.event, version.language) == (1, LetterEvent.SUBMITTED, "en")
    assert version.request_version == version_before
    assert (version.created_by, version.created_at) == (author, NOW)
    assert (version.pdf.kind, version.docx.kind) == (AttachmentKind.GENERATED_LETTER,
                                                     AttachmentKind.GENERATED_LETTER)
    assert _stored_bytes(version.pdf).startswith(b"%PDF-")
    assert _stored_bytes(version.docx).startswith(b"PK\x03\x04")


def test_a_frozen_version_records_the_sha256_of_the_files_stored(author):
    request = AssistanceRequestFactory(created_by=author)

    t.request_submit_for_review(request_id=request.pk, actor=author)

    version = LetterVersion.objects.get(request=request)
    assert version.pdf_sha256 == version.pdf.sha256 == hashlib.sha256(
        _stored_bytes(version.pdf)).hexdigest()
    assert version.docx_sha256 == version.docx.sha256 == hashlib.sha256(
        _stored_bytes(version.docx)).hexdigest()


def test_the_log_entry_of_the_step_names_the_frozen_version(author):
    request = AssistanceRequestFactory(created_by=author)

    t.request_submit_for_review(request_id=request.pk, actor=author)

    entry = TransitionLog.objects.get(request=request, action="submit_for_review")
    version = LetterVersion.objects.get(request=request)
    assert entry.details["letter_version"]["number"] == 1
    assert entry.details["letter_version"]["pdf_sha256"] == version.pdf_sha256


def test_approval_and_transmission_freeze_versions_2_and_3(author, boss, desk):
    request = _ready(author, boss)

    t.request_transmit(request_id=request.pk, actor=desk)

    versions = list(LetterVersion.objects.filter(request=request).order_by("number"))
    assert [(v.number, v.event) for v in versions] == [
        (1, LetterEvent.SUBMITTED), (2, LetterEvent.APPROVED), (3, LetterEvent.TRANSMITTED)]
    assert [v.created_by for v in versions] == [author, boss, desk]


def test_a_later_edit_does_not_change_a_frozen_version(author, boss):
    request = AssistanceRequestFactory(created_by=author)
    t.request_submit_for_review(request_id=request.pk, actor=author)
    frozen = LetterVersion.objects.get(request=request, number=1)
    pdf_bytes, docx_bytes = _stored_bytes(frozen.pdf), _stored_bytes(frozen.docx)

    t.request_return_for_revision(request_id=request.pk, actor=boss, reason="Say more")
    request_update(actor=author, request_id=request.pk, purpose="A purpose rewritten in full")
    t.request_submit_for_review(request_id=request.pk, actor=author)

    frozen = LetterVersion.objects.get(pk=frozen.pk)
    assert (_stored_bytes(frozen.pdf), _stored_bytes(frozen.docx)) == (pdf_bytes, docx_bytes)
    assert frozen.pdf_sha256 == hashlib.sha256(pdf_bytes).hexdigest()
    second = LetterVersion.objects.get(request=request, number=2)
    assert second.pdf_sha256 != frozen.pdf_sha256


def test_a_frozen_version_is_never_saved_again(author):
    request = AssistanceRequestFactory(created_by=author)
    t.request_submit_for_review(request_id=request.pk, actor=author)
    version = LetterVersion.objects.get(request=request)

    version.language = "kk"
    with pytest.raises(AppendOnlyError):
        version.save()
    with pytest.raises(AppendOnlyError):
        LetterVersion.objects.filter(pk=version.pk).update(language="kk")


@pytest.mark.parametrize("slug", ["kz-rs-2015", "kz-br-2018", "kz-cz-2017", "kz-sk-2007"])
@pytest.mark.parametrize("request_language", ["kk", "ru", "en", "pt"])
def test_the_letter_is_frozen_in_english_where_the_instrument_works_in_english(
        slug, request_language):
    # RS 4.1 accepts English, BR 23.2 makes it the central authorities' language, CZ 9.6 and SK
    # work in it: none accepts Kazakh or Russian as such.
    request = AssistanceRequestFactory(instrument_slug=slug, request_language=request_language)

    assert request_letter_language(request) == "en"


def _russian_speaking_instrument(slug: str):
    book = get_rulebook(slug)
    return dataclasses.replace(
        book, answer_language=None,
        language=dataclasses.replace(book.language, accepted_languages=("requested_state",)))


@pytest.mark.parametrize(("request_language", "letter_language"),
                         [("ru", "ru"), ("kk", "kk"), ("en", "en"), ("pt", "ru")])
def test_without_english_as_working_language_the_letter_is_in_the_request_language_or_russian(
        request_language, letter_language):
    book = _russian_speaking_instrument("kz-rs-2015")

    assert letter_default_language(book, request_language=request_language,
                                   requested_state_languages=("ru",)) == letter_language


def test_a_transition_that_fails_after_freezing_leaves_no_version_and_no_file(
        author, monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    request = AssistanceRequestFactory(created_by=author)

    def fail(*args, **kwargs):
        raise RuntimeError("the step fails after the letter was frozen")

    monkeypatch.setattr(t, "duties_after_transition", fail)
    with pytest.raises(RuntimeError):
        t.request_submit_for_review(request_id=request.pk, actor=author)

    assert not LetterVersion.objects.filter(request=request).exists()
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]
    assert fresh(request).state == RequestState.DRAFTING


def test_a_written_confirmation_of_our_oral_request_freezes_the_version_transmitted(desk):
    author = prosecutor(office="kz-mvd")
    request = _ready(author, supervisor(), instrument_slug="kz-sk-2007", is_urgent=True,
                     urgency_reason="Suspect leaves tomorrow")
    t.request_transmit_orally(request_id=request.pk, actor=desk)
    assert LetterVersion.objects.filter(request=request).count() == 2

    t.request_confirm_in_writing(request_id=request.pk, actor=desk, channel="fax")

    last = LetterVersion.objects.filter(request=request).order_by("-number").first()
    assert (last.number, last.event) == (3, LetterEvent.TRANSMITTED)


# --- the transmission record -------------------------------------------------------------------
def test_transmission_records_the_dispatch_date_and_outgoing_number(author, boss, desk):
    request = _ready(author, boss)

    done = t.request_transmit(request_id=request.pk, actor=desk, dispatched_on=TODAY,
                              dispatch_reference="  2-15-26/1234  ")

    assert (done.dispatched_on, done.dispatch_reference) == (TODAY, "2-15-26/1234")
    stored = fresh(request)
    assert (stored.dispatched_on, stored.dispatch_reference) == (TODAY, "2-15-26/1234")
    entry = TransitionLog.objects.get(request=request, action="transmit")
    assert entry.details["dispatched_on"] == TODAY.isoformat()


def test_transmission_without_dispatch_details_records_none(author, boss, desk):
    request = _ready(author, boss)

    done = t.request_transmit(request_id=request.pk, actor=desk)

    assert (done.dispatched_on, done.dispatch_reference, done.state) == (
        None, "", RequestState.TRANSMITTED)


def test_a_dispatch_date_in_the_future_is_refused_on_its_field(author, boss, desk):
    request = _ready(author, boss)

    with pytest.raises(InvalidInput) as exc:
        t.request_transmit(request_id=request.pk, actor=desk,
                           dispatched_on=TODAY + timedelta(days=1))

    assert set(exc.value.errors) == {"dispatched_on"}
    assert fresh(request).state == RequestState.READY
    assert LetterVersion.objects.filter(request=request).count() == 2


def test_a_dispatch_date_before_the_approval_is_refused_on_its_field(author, boss, desk,
                                                                    traveller):
    request = AssistanceRequestFactory(created_by=author)
    t.request_submit_for_review(request_id=request.pk, actor=author)
    traveller.shift(timedelta(days=2))
    t.request_approve(request_id=request.pk, actor=boss)

    with pytest.raises(InvalidInput) as exc:
        t.request_transmit(request_id=request.pk, actor=desk,
                           dispatched_on=TODAY + timedelta(days=1))

    assert set(exc.value.errors) == {"dispatched_on"}
    assert fresh(request).state == RequestState.READY


def test_a_dispatch_date_on_the_day_of_approval_is_accepted(author, boss, desk, traveller):
    request = AssistanceRequestFactory(created_by=author)
    t.request_submit_for_review(request_id=request.pk, actor=author)
    traveller.shift(timedelta(days=2))
    t.request_approve(request_id=request.pk, actor=boss)
    traveller.shift(timedelta(days=1))

    done = t.request_transmit(request_id=request.pk, actor=desk,
                              dispatched_on=TODAY + timedelta(days=2))

    assert done.dispatched_on == TODAY + timedelta(days=2)


def test_an_outgoing_number_too_long_is_refused_on_its_field(author, boss, desk):
    request = _ready(author, boss)

    with pytest.raises(InvalidInput) as exc:
        t.request_transmit(request_id=request.pk, actor=desk, dispatch_reference="9" * 61)

    assert set(exc.value.errors) == {"dispatch_reference"}



def test_the_transmitted_letter_is_the_first_sent_letter_of_the_correspondence_register(
        author, boss, desk):
    from requests_app.models import Correspondence
    from requests_app.models import CorrespondenceKind
    from requests_app.models import LetterDirection

    request = _ready(author, boss)
    t.request_transmit(request_id=request.pk, actor=desk, dispatched_on=TODAY,
                       dispatch_reference="2-15-26/77")
    version = LetterVersion.objects.get(request=request, event=LetterEvent.TRANSMITTED)
    letter = Correspondence.objects.get(request=request)
    assert (letter.kind, letter.direction) == (CorrespondenceKind.REQUEST, LetterDirection.SENT)
    assert (letter.document_id, letter.document_docx_id) == (version.pdf_id, version.docx_id)
    assert (letter.our_reference, letter.dated_on) == ("2-15-26/77", TODAY)
