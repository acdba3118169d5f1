"""The correspondence register through its services: letters sent (generated, frozen, hashed,
logged under their article, reminders) and received (attachments, the request moved where the
letter answers our request for additional information)."""

import hashlib
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RequestNotFound
from requests_app.models import AssistanceRequest
from requests_app.models import Attachment
from requests_app.models import AttachmentKind
from requests_app.models import Correspondence
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.models import TreatyDuty
from requests_app.services import transitions as t
from requests_app.services.attachments import attachment_add
from requests_app.services.correspondence import correspondence_register_received
from requests_app.services.correspondence import correspondence_send
from requests_app.services.requests import request_update
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import NOW
from tests.requests_app._support import TODAY
from tests.requests_app._support import fresh

traveller = _support.traveller
desk = _support.desk

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _awaiting(slug="kz-cz-2017"):
    """An incoming request paused for additional information."""
    return incoming_request(slug, state=RequestState.ADDITIONAL_INFO_REQUESTED,
                            executing_authority=None, their_reference="CZ-77/2026")


def _ask(actor, request, **overrides):
    kwargs = {"kind": "additional_info", "language": "en", "channel": "post",
              "missing_items": "Certified copy of the decision to open the case",
              "reply_due_on": TODAY + timedelta(days=30)}
    kwargs.update(overrides)
    return correspondence_send(actor=actor, request_id=request.pk, **kwargs)


# --- sending -----------------------------------------------------------------------------------
def test_a_reply_date_on_the_sending_day_is_refused(desk):
    request = _awaiting()
    with pytest.raises(InvalidInput) as error:
        _ask(desk, request, sent_on=TODAY, reply_due_on=TODAY)
    assert set(error.value.errors) == {"reply_due_on"}
    assert not Correspondence.objects.exists()


def test_a_reply_date_the_day_after_sending_is_accepted(desk):
    letter = _ask(desk, _awaiting(), sent_on=TODAY, reply_due_on=TODAY + timedelta(days=1))
    assert letter.reply_due_on == TODAY + timedelta(days=1)


def test_a_letter_cannot_be_dated_tomorrow(desk):
    with pytest.raises(InvalidInput) as error:
        _ask(desk, _awaiting(), sent_on=TODAY + timedelta(days=1),
             reply_due_on=TODAY + timedelta(days=30))
    assert set(error.value.errors) == {"sent_on"}


def test_a_request_for_additional_information_says_what_is_missing_and_by_when(desk):
    with pytest.raises(InvalidInput) as error:
        _ask(desk, _awaiting(), missing_items=" ", reply_due_on=None)
    assert set(error.value.errors) == {"missing_items", "reply_due_on"}


def test_a_reference_longer_than_its_bound_is_refused(desk):
    with pytest.raises(InvalidInput) as error:
        _ask(desk, _awaiting(), our_reference="X" * 101)
    assert set(error.value.errors) == {"our_reference"}


def test_we_do_not_send_a_status_inquiry_on_a_request_we_received(desk):
    with pytest.raises(InvalidInput) as error:
        _ask(desk, _awaiting(), kind="status_inquiry")
    assert set(error.value.errors) == {"kind"}


def test_the_frozen_pdf_is_the_stored_bytes_and_survives_an_edit_of_the_request(desk):
    request = _awaiting()
    letter = _ask(desk, request)
    stored = letter.document.file.open("rb").read()
    assert hashlib.sha256(stored).hexdigest() == letter.document.sha256
    assert letter.document.kind == AttachmentKind.GENERATED_LETTER
    request_update(actor=desk, request_id=request.pk, their_reference="CZ-CHANGED",
                   purpose="Another purpose")
    letter.refresh_from_db()
    again = Attachment.objects.get(pk=letter.document_id).file.open("rb").read()
    assert again == stored
    assert hashlib.sha256(again).hexdigest() == letter.document.sha256


def test_the_docx_is_frozen_with_its_hash_too(desk):
    letter = _ask(desk, _awaiting())
    stored = letter.document_docx.file.open("rb").read()
    assert hashlib.sha256(stored).hexdigest() == letter.document_docx.sha256
    assert stored.startswith(b"PK\x03\x04")


def test_the_pdf_and_the_docx_are_a4(desk):
    import docx

    letter = _ask(desk, _awaiting(), language="kk")
    pdf = letter.document.file.open("rb").read()
    assert b"/MediaBox [0 0 595.28 841.89]" in pdf
    section = docx.Document(io.BytesIO(letter.document_docx.file.open("rb").read())).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_the_letter_carries_what_is_missing_and_the_reply_date(desk):
    letter = _ask(desk, _awaiting(), missing_items="Witness address")
    assert "Witness address" in letter.body
    assert "CZ-77/2026" in letter.body
    assert letter.their_reference == "CZ-77/2026"


def test_the_letter_is_logged_under_the_article_of_the_instrument(desk):
    request = _awaiting("kz-cz-2017")
    letter = _ask(desk, request)
    entry = TransitionLog.objects.filter(request=request, action="letter_sent").get()
    assert entry.citation == "kz-cz-2017 Art 9.2"
    assert entry.details["sha256"] == letter.document.sha256
    assert fresh(request).version == request.version + 1


def test_where_the_instrument_is_silent_the_letter_is_office_procedure(desk):
    request = _awaiting("kz-rs-2015")
    _ask(desk, request)
    entry = TransitionLog.objects.filter(request=request, action="letter_sent").get()
    assert entry.citation == ""
    assert entry.basis.kind == "office_procedure"


def test_a_reply_date_sets_a_reminder_row_of_office_policy(desk):
    letter = _ask(desk, _awaiting())
    row = Deadline.objects.get(request=letter.request, kind="reply_due")
    assert row.subject_key == f"letter:{letter.pk}"
    assert row.basis == "office_policy"
    assert row.responsible_side == "other_side"
    assert row.status == DeadlineStatus.OPEN
    assert row.next_action_at is not None


def test_attachments_of_another_request_cannot_go_with_the_letter(desk):
    other = AssistanceRequestFactory()
    foreign = attachment_add(actor=desk, request_id=other.pk, kind="other",
                             uploaded_file=SimpleUploadedFile("x.pdf", PDF))
    with pytest.raises(InvalidInput) as error:
        _ask(desk, _awaiting(), attachment_ids=[foreign.pk])
    assert set(error.value.errors) == {"attachment_ids"}


def test_attachments_of_the_request_go_with_the_letter(desk):
    request = _awaiting()
    own = attachment_add(actor=desk, request_id=request.pk, kind="evidence",
                         uploaded_file=SimpleUploadedFile("x.pdf", PDF))
    letter = _ask(desk, request, attachment_ids=[own.pk])
    assert list(letter.attachments.all()) == [own]


def test_another_office_cannot_send_a_letter_on_the_request():
    outsider = prosecutor("kz-prosecutor-astana")
    with pytest.raises(RequestNotFound):
        _ask(outsider, _awaiting())


def test_a_supervisor_steps_in_to_send_a_letter():
    assert _ask(supervisor(), _awaiting()).pk


def test_a_refusal_notice_fulfils_the_duty_to_notify_the_refusal(desk):
    request = incoming_request("kz-cz-2017", state=RequestState.IN_EXECUTION)
    t.request_refuse(request_id=request.pk, actor=desk, ground=request.rulebook.refusal_grounds[0].code,
                     reasons="The act is not an offence under our law")
    duty = TreatyDuty.objects.get(request=request, event="refusal")
    assert duty.fulfilled_at is None
    letter = correspondence_send(actor=desk, request_id=request.pk, kind="refusal_notice",
                                 language="ru", channel="post")
    duty.refresh_from_db()
    assert duty.fulfilled_at == NOW
    assert "The act is not an offence under our law" in letter.body


def test_a_notice_of_refusal_needs_the_refusal_recorded_first(desk):
    with pytest.raises(InvalidInput) as error:
        correspondence_send(actor=desk, request_id=incoming_request("kz-cz-2017").pk,
                            kind="refusal_notice", language="en")
    assert set(error.value.errors) == {"kind"}


def test_a_status_inquiry_sets_its_own_reply_date_by_default(desk, settings):
    settings.MLA_STATUS_INQUIRY_REPLY_DAYS = 21
    request = AssistanceRequestFactory(state=RequestState.TRANSMITTED, transmitted_at=NOW)
    letter = correspondence_send(actor=desk, request_id=request.pk, kind="status_inquiry",
                                 language="en")
    assert letter.reply_due_on == TODAY + timedelta(days=21)
    assert Deadline.objects.filter(request=request, kind="reply_due").exists()


# --- receiving ---------------------------------------------------------------------------------
def test_a_reply_to_our_request_for_information_resumes_the_request(desk):
    request = _awaiting()
    asked = _ask(desk, request)
    outcome = correspondence_register_received(
        actor=desk, request_id=request.pk, kind="reply", in_reply_to_id=asked.pk,
        their_reference="CZ-77/2026-2", sender="Czech Ministry of Justice",
        uploaded_files=[SimpleUploadedFile("reply.pdf", PDF)])
    assert outcome.moved == "supply_additional_info"
    assert fresh(request).state == RequestState.COMPLETENESS_CHECK
    actions = list(TransitionLog.objects.filter(request=request).order_by("id")
                   .values_list("action", flat=True))
    assert actions[-2:] == ["letter_received", "supply_additional_info"]
    reply = outcome.correspondence
    assert [a.kind for a in reply.attachments.all()] == [AttachmentKind.CORRESPONDENCE]


def test_the_reply_meets_the_reminder_of_the_letter_it_answers(desk):
    request = _awaiting()
    asked = _ask(desk, request)
    correspondence_register_received(actor=desk, request_id=request.pk, kind="reply",
                                     in_reply_to_id=asked.pk)
    row = Deadline.objects.get(request=request, kind="reply_due")
    assert row.status == DeadlineStatus.MET


def test_a_reply_while_the_request_no_longer_awaits_information_leaves_it_and_says_so(desk):
    request = incoming_request("kz-cz-2017", state=RequestState.IN_EXECUTION)
    asked = _ask(desk, request)
    outcome = correspondence_register_received(actor=desk, request_id=request.pk, kind="reply",
                                               in_reply_to_id=asked.pk)
    assert outcome.moved == ""
    assert outcome.not_moved
    assert fresh(request).state == RequestState.IN_EXECUTION
    assert Correspondence.objects.filter(direction="received").count() == 1


def test_a_prosecutor_registers_the_reply_but_a_clerk_resumes_the_request(desk):
    request = _awaiting()
    asked = _ask(desk, request)
    outcome = correspondence_register_received(actor=prosecutor("kz-mvd"), request_id=request.pk,
                                               kind="reply", in_reply_to_id=asked.pk)
    assert outcome.not_moved
    assert fresh(request).state == RequestState.ADDITIONAL_INFO_REQUESTED


def test_a_refused_file_registers_nothing(desk):
    request = _awaiting()
    with pytest.raises(InvalidInput) as error:
        correspondence_register_received(
            actor=desk, request_id=request.pk, kind="other",
            uploaded_files=[SimpleUploadedFile("virus.pdf", b"MZ\x90\x00")])
    assert set(error.value.errors) == {"uploaded_files"}
    assert not Correspondence.objects.exists()
    assert not Attachment.objects.exists()


def test_a_letter_cannot_be_received_tomorrow(desk):
    with pytest.raises(InvalidInput) as error:
        correspondence_register_received(actor=desk, request_id=_awaiting().pk, kind="other",
                                         received_on=TODAY + timedelta(days=1))
    assert set(error.value.errors) == {"received_on"}


def test_a_reply_cannot_answer_a_letter_of_another_request(desk):
    asked = _ask(desk, _awaiting())
    with pytest.raises(InvalidInput) as error:
        correspondence_register_received(actor=desk, request_id=_awaiting().pk, kind="reply",
                                         in_reply_to_id=asked.pk)
    assert set(error.value.errors) == {"in_reply_to_id"}


def test_a_registered_reply_tells_the_clerk_who_owns_the_request_but_not_the_one_registering_it(
        desk):
    from requests_app.models import Notification
    from requests_app.models import NotificationKind

    owner = clerk("kz-mvd")
    request = _awaiting()
    AssistanceRequest.objects.filter(pk=request.pk).update(clerk_owner=owner)
    asked = _ask(desk, request)
    correspondence_register_received(actor=desk, request_id=request.pk, kind="reply",
                                     in_reply_to_id=asked.pk, subject="Certified copy enclosed")
    told = Notification.objects.filter(request=request, kind=NotificationKind.REPLY_RECEIVED)
    assert [(n.recipient_id, n.text) for n in told] == [(owner.pk, "Certified copy enclosed")]


def test_a_clerk_of_another_office_cannot_register_a_letter():
    with pytest.raises(RequestNotFound):
        correspondence_register_received(actor=prosecutor("kz-prosecutor-astana"),
                                         request_id=_awaiting().pk, kind="other")


def test_a_user_without_a_role_cannot_send(desk):
    from tests.factories import UserFactory

    roleless = UserFactory(office="kz-gpo")
    with pytest.raises((ActionNotPermitted, RequestNotFound)):
        _ask(roleless, _awaiting())


def test_there_is_no_correspondence_on_a_draft(desk):
    draft = AssistanceRequestFactory()
    with pytest.raises(InvalidInput) as error:
        correspondence_register_received(actor=desk, request_id=draft.pk, kind="other")
    assert set(error.value.errors) == {"kind"}


def test_the_addressee_is_named_in_the_language_of_the_letter(desk):
    from django.utils import translation

    request = _awaiting("kz-rs-2015")
    letter = _ask(desk, request, language="en")
    with translation.override("en"):
        assert letter.correspondent == request.requesting_authority.name
