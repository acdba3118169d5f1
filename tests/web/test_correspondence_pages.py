"""The correspondence section of the request page: the letters out and in with their documents
and hashes, sending a letter (with a preview), registering a received one with its files, who
may do what, and a constant number of queries whatever the number of letters."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Correspondence
from requests_app.models import RequestState
from requests_app.services.correspondence import correspondence_register_received
from requests_app.services.correspondence import correspondence_send
from tests.factories import clerk
from tests.factories import incoming_request
from tests.web.conftest import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

TODAY = NOW.date()
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _awaiting():
    """An incoming RS request addressed to kz-gpo, paused for additional information."""
    return incoming_request("kz-rs-2015", state=RequestState.ADDITIONAL_INFO_REQUESTED,
                            executing_authority=None, their_reference="RS-12/2026")


def _send_data(obj, **overrides):
    data = {"version": obj.version, "kind": "additional_info", "language": "ru",
            "channel": "post", "missing_items": "Copy of the indictment",
            "reply_due_on": (TODAY + timedelta(days=30)).isoformat()}
    data.update(overrides)
    return data


def _ask(obj):
    return correspondence_send(actor=clerk(), request_id=obj.pk, kind="additional_info",
                               language="en", missing_items="Copy of the indictment",
                               reply_due_on=TODAY + timedelta(days=30))


def test_the_page_lists_the_letters_with_the_document_and_its_hash(clerk_client):
    obj = _awaiting()
    letter = _ask(obj)
    response = clerk_client.get(f"/requests/{obj.pk}/", **EN)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="correspondence"' in body
    assert f'data-letter="{letter.pk}"' in body
    assert letter.document.sha256 in body
    assert f"/attachments/{letter.document.pk}/" in body


def test_a_prosecutor_of_another_office_does_not_see_the_letters(other_office_client):
    obj = _awaiting()
    _ask(obj)
    assert other_office_client.get(f"/requests/{obj.pk}/").status_code == 404


def test_the_page_prompts_the_additional_information_letter_while_none_was_sent(clerk_client):
    obj = _awaiting()
    response = clerk_client.get(f"/requests/{obj.pk}/", **EN)
    assert response.context["correspondence"]["prompt_additional_info"]
    assert response.context["correspondence"]["send_form"].initial["kind"] == "additional_info"


def test_a_clerk_sends_the_letter_from_the_page(clerk_client):
    obj = _awaiting()
    response = clerk_client.post(f"/requests/{obj.pk}/correspondence/send/", _send_data(obj))
    assert response.status_code == 302
    assert response["Location"].endswith("#correspondence")
    letter = Correspondence.objects.get(request=obj)
    assert letter.kind == "additional_info" and letter.document is not None
    assert letter.language == "ru"


def test_a_reply_date_on_the_sending_day_is_shown_next_to_the_field(clerk_client):
    obj = _awaiting()
    response = clerk_client.post(f"/requests/{obj.pk}/correspondence/send/",
                                 _send_data(obj, sent_on=TODAY.isoformat(),
                                            reply_due_on=TODAY.isoformat()))
    assert response.status_code == 400
    assert response.context["correspondence"]["send_form"].errors["reply_due_on"]
    assert not Correspondence.objects.exists()


def test_the_preview_shows_the_text_and_records_nothing(clerk_client):
    obj = _awaiting()
    response = clerk_client.post(f"/requests/{obj.pk}/correspondence/send/",
                                 {**_send_data(obj, language="en"), "preview": "1"})
    assert response.status_code == 200
    preview = response.context["correspondence"]["preview"]
    assert "Copy of the indictment" in preview.body
    assert "Copy of the indictment" in response.content.decode()
    assert not Correspondence.objects.exists()


def test_a_stale_version_sends_nothing(clerk_client):
    obj = _awaiting()
    response = clerk_client.post(f"/requests/{obj.pk}/correspondence/send/",
                                 _send_data(obj, version=obj.version - 1 or 999))
    assert response.status_code == 409
    assert not Correspondence.objects.exists()


def test_a_clerk_registers_the_reply_with_its_file_and_the_request_resumes(clerk_client):
    obj = _awaiting()
    asked = _ask(obj)
    obj.refresh_from_db()
    response = clerk_client.post(f"/requests/{obj.pk}/correspondence/received/", {
        "version": obj.version, "kind": "reply", "in_reply_to": asked.pk,
        "their_reference": "RS-12/2026-3", "sender": "Serbian Ministry of Justice",
        "files": [SimpleUploadedFile("reply.pdf", PDF), SimpleUploadedFile("annex.pdf", PDF)]})
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.state == RequestState.COMPLETENESS_CHECK
    reply = Correspondence.objects.get(request=obj, direction="received")
    assert sorted(a.original_name for a in reply.attachments.all()) == ["annex.pdf", "reply.pdf"]


def test_a_file_that_is_not_what_it_claims_is_refused_on_the_page(clerk_client):
    obj = _awaiting()
    response = clerk_client.post(f"/requests/{obj.pk}/correspondence/received/", {
        "version": obj.version, "kind": "other",
        "files": [SimpleUploadedFile("evil.pdf", b"MZ\x90\x00")]})
    assert response.status_code == 400
    assert response.context["correspondence"]["receive_form"].errors["files"]
    assert not Correspondence.objects.exists()


def test_another_office_cannot_post_a_letter(other_office_client):
    obj = _awaiting()
    response = other_office_client.post(f"/requests/{obj.pk}/correspondence/send/",
                                        _send_data(obj))
    assert response.status_code == 404
    assert not Correspondence.objects.exists()


def test_a_user_without_a_role_sees_no_forms_and_cannot_post(roleless_client):
    obj = _awaiting()
    response = roleless_client.post(f"/requests/{obj.pk}/correspondence/send/",
                                    _send_data(obj))
    assert response.status_code == 404


def test_the_overdue_reply_is_marked_on_the_page(clerk_client, frozen_now):
    obj = _awaiting()
    _ask(obj)
    from requests_app.services.sweep import deadlines_sweep

    frozen_now.shift(timedelta(days=32))
    deadlines_sweep(now=NOW + timedelta(days=32))
    response = clerk_client.get(f"/requests/{obj.pk}/", **EN)
    [row] = response.context["correspondence"]["letters"]
    assert row.reply_overdue
    assert "reply overdue" in response.content.decode()


def _page_queries(client, obj) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/requests/{obj.pk}/").status_code == 200
    return len(queries)


def test_the_page_runs_as_many_queries_for_many_letters_as_for_few(clerk_client):
    obj = _awaiting()
    desk = clerk()
    _ask(obj)
    _page_queries(clerk_client, obj)  # the first page of a session also signs in
    few = _page_queries(clerk_client, obj)
    for number in range(6):
        correspondence_register_received(
            actor=desk, request_id=obj.pk, kind="other", their_reference=f"RS-{number}",
            uploaded_files=[SimpleUploadedFile(f"scan{number}.pdf", PDF)])
        correspondence_send(actor=desk, request_id=obj.pk, kind="reply", language="kk",
                            reply_due_on=TODAY + timedelta(days=10))
    assert _page_queries(clerk_client, obj) == few

