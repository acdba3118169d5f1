"""Attachments: size and type limits (by extension and by content), errors next to the field,
downloads only through the access-checked view, never to another office."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from requests_app.models import Attachment
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from tests.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _docx_bytes() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def _zip_bytes() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a document")
    return buffer.getvalue()


def _upload(client, request, name: str, content: bytes, kind: str = "request"):
    return client.post(f"/requests/{request.pk}/attachments/", {
        "attachment-kind": kind, "attachment-version": request.version,
        "attachment-uploaded_file": SimpleUploadedFile(name, content)})


def _file_errors(response) -> str:
    match = re.search(r'id="id_attachment-uploaded_file_error" role="alert">(.*?)</ul>',
                      response.content.decode(), re.S)
    return match.group(1) if match else ""


def test_an_allowed_pdf_is_attached_and_logged(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    response = _upload(prosecutor_client, draft, "decision.pdf", PDF)
    assert response.status_code == 302
    attachment = Attachment.objects.get(request=draft)
    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "decision.pdf", "application/pdf", len(PDF))
    assert TransitionLog.objects.filter(request=draft, action="attachment_added").exists()


def test_the_attached_pdf_downloads_as_an_attachment_for_an_authorised_user(
        prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    _upload(prosecutor_client, draft, "decision.pdf", PDF)
    attachment = Attachment.objects.get(request=draft)
    response = prosecutor_client.get(f"/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert "decision.pdf" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"


def test_another_offices_prosecutor_cannot_download_it(prosecutor_client, other_office_client,
                                                      frozen_now):
    draft = AssistanceRequestFactory()
    _upload(prosecutor_client, draft, "decision.pdf", PDF)
    attachment = Attachment.objects.get(request=draft)
    assert other_office_client.get(f"/attachments/{attachment.pk}/").status_code == 404


def test_a_missing_attachment_answers_404(prosecutor_client):
    assert prosecutor_client.get("/attachments/999999/").status_code == 404


def test_a_file_over_the_limit_is_refused_next_to_the_field(prosecutor_client, frozen_now,
                                                           settings):
    settings.MLA_ATTACHMENT_MAX_BYTES = 1024
    draft = AssistanceRequestFactory()
    response = _upload(prosecutor_client, draft, "big.pdf", PDF + b"0" * 1024)
    assert response.status_code == 400 and _file_errors(response)
    assert not Attachment.objects.exists()


def test_the_default_limit_is_10_mb(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    response = _upload(prosecutor_client, draft, "big.pdf",
                       PDF + b"0" * (10 * 1024 * 1024 + 1 - len(PDF)))
    assert _file_errors(response) and not Attachment.objects.exists()


def test_a_file_of_a_type_not_allowed_is_refused(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    response = _upload(prosecutor_client, draft, "tool.exe", b"MZ\x90\x00" + b"\x00" * 64)
    assert "PDF, DOCX" in _file_errors(response)
    assert not Attachment.objects.exists()


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(prosecutor_client,
                                                                  frozen_now):
    draft = AssistanceRequestFactory()
    response = _upload(prosecutor_client, draft, "scan.pdf", PNG)
    assert _file_errors(response) and not Attachment.objects.exists()


def test_a_zip_renamed_to_docx_is_refused(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    response = _upload(prosecutor_client, draft, "letter.docx", _zip_bytes())
    assert _file_errors(response) and not Attachment.objects.exists()


@pytest.mark.parametrize("name, content, kind", [
    ("letter.docx", _docx_bytes(), "translation"),
    ("scan.png", PNG, "signed_scan"),
    ("scan.tiff", b"II*\x00" + b"\x00" * 32, "signed_scan"),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 32, "other"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, "request"),
])
def test_allowed_types_are_accepted(prosecutor_client, frozen_now, name, content, kind):
    draft = AssistanceRequestFactory()
    assert _upload(prosecutor_client, draft, name, content, kind).status_code == 302
    assert Attachment.objects.get(request=draft).kind == kind


def test_the_stored_file_name_is_not_the_uploaded_one(prosecutor_client, frozen_now, media_root):
    draft = AssistanceRequestFactory()
    _upload(prosecutor_client, draft, "../../etc/passwd.pdf", PDF)
    attachment = Attachment.objects.get(request=draft)
    assert attachment.original_name == "passwd.pdf"
    assert "passwd" not in attachment.file.name
    assert (media_root / attachment.file.name).is_file()


def test_a_closed_request_accepts_no_attachment(prosecutor_client, frozen_now):
    closed = AssistanceRequestFactory(state=RequestState.CLOSED)
    response = _upload(prosecutor_client, closed, "late.pdf", PDF)
    assert response.status_code == 400
    assert not Attachment.objects.exists()


def test_another_offices_prosecutor_cannot_attach(other_office_client, frozen_now):
    draft = AssistanceRequestFactory()
    assert _upload(other_office_client, draft, "x.pdf", PDF).status_code == 404
    assert not Attachment.objects.exists()


def test_a_stale_version_refuses_the_upload_and_leaves_no_file(prosecutor_client, frozen_now,
                                                              media_root):
    draft = AssistanceRequestFactory()
    draft.version = 7  # what an old page would send
    response = _upload(prosecutor_client, draft, "decision.pdf", PDF)
    assert response.status_code == 409
    assert not Attachment.objects.exists()
    assert not [p for p in media_root.rglob("*") if p.is_file()]
