"""API: attachments. Uploads go through ``attachment_add`` (the same size and type limits as the
web app, errors named after the field), downloads through the access function."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Attachment
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from tests.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
OTHER_SIDE = ["other_office_api", "roleless_api", "police_clerk_api"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _upload(client, request, name="decision.pdf", content=PDF, **fields):
    data = {"kind": "request", **fields}
    if name is not None:
        data["file"] = SimpleUploadedFile(name, content)
    return client.post(f"/api/requests/{request.pk}/attachments/", data, format="multipart")


def _attached(client, request, **kwargs) -> dict:
    response = _upload(client, request, **kwargs)
    assert response.status_code == 201, response.content
    return response.json()


# --- upload ------------------------------------------------------------------------------------
def test_a_prosecutor_attaches_a_pdf_and_it_is_logged(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    body = _attached(prosecutor_api, draft, version=1)
    attachment = Attachment.objects.get(request=draft)
    assert body["id"] == attachment.pk
    assert (body["original_name"], body["content_type"], body["size"], body["kind"]) == (
        "decision.pdf", "application/pdf", len(PDF), "request")
    assert body["sha256"] == attachment.sha256
    assert body["uploaded_by"] == prosecutor_api.user.username
    assert body["download_url"].endswith(f"/api/attachments/{attachment.pk}/download/")
    assert TransitionLog.objects.filter(request=draft, action="attachment_added").exists()
    draft.refresh_from_db()
    assert draft.version == 2


@pytest.mark.parametrize("role", ["clerk_api", "supervisor_api"])
def test_a_clerk_and_a_supervisor_attach_files_too(role, request, frozen_now):
    draft = AssistanceRequestFactory()
    _attached(request.getfixturevalue(role), draft, name="scan.png", content=PNG,
              kind="signed_scan")


def test_the_version_is_optional_but_a_stale_one_is_a_409(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    _attached(prosecutor_api, draft)
    response = _upload(prosecutor_api, draft, version=1)
    assert response.status_code == 409
    assert response.json()["current_version"] == 2
    assert Attachment.objects.filter(request=draft).count() == 1


def test_a_file_over_the_size_limit_is_a_400_on_the_file_field(prosecutor_api, settings,
                                                               frozen_now):
    settings.MLA_ATTACHMENT_MAX_BYTES = 1024
    draft = AssistanceRequestFactory()
    response = prosecutor_api.post(
        f"/api/requests/{draft.pk}/attachments/",
        {"kind": "request", "file": SimpleUploadedFile("big.pdf", PDF + b"0" * 2048)},
        format="multipart", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == ["The file is 2.0\xa0KB; the limit is 1.0\xa0KB."]
    assert not Attachment.objects.exists()


def test_a_file_at_the_size_limit_is_accepted(prosecutor_api, settings, frozen_now):
    content = PDF + b"0" * (1024 - len(PDF))
    settings.MLA_ATTACHMENT_MAX_BYTES = len(content)
    _attached(prosecutor_api, AssistanceRequestFactory(), content=content)


@pytest.mark.parametrize("name, content", [
    ("tool.exe", b"MZ\x90\x00"),
    ("renamed.pdf", b"MZ\x90\x00 not a pdf"),
    ("archive.docx", b"PK\x03\x04 not really a zip"),
    ("notes.txt", b"plain text"),
    ("no-extension", PDF),
    ("empty.pdf", b""),
])
def test_refused_files_are_a_400_on_the_file_field(prosecutor_api, name, content, frozen_now):
    draft = AssistanceRequestFactory()
    response = _upload(prosecutor_api, draft, name=name, content=content)
    assert response.status_code == 400, response.content
    assert set(response.json()["errors"]) == {"file"}
    assert not Attachment.objects.exists()


def test_a_zip_that_is_not_a_word_document_is_refused_as_docx(prosecutor_api, frozen_now):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a document")
    response = _upload(prosecutor_api, AssistanceRequestFactory(), name="x.docx",
                       content=buffer.getvalue())
    assert response.status_code == 400
    assert "file" in response.json()["errors"]


def test_a_missing_file_is_a_400(prosecutor_api, frozen_now):
    response = _upload(prosecutor_api, AssistanceRequestFactory(), name=None)
    assert response.status_code == 400
    assert "file" in response.json()["errors"]


@pytest.mark.parametrize("fields, field", [
    ({"kind": "selfie"}, "kind"),
    ({"version": "one"}, "version"),
    ({"version": "0"}, "version"),
    ({"state": "closed"}, "state"),
])
def test_bad_upload_fields_are_a_400_naming_them(prosecutor_api, fields, field, frozen_now):
    response = _upload(prosecutor_api, AssistanceRequestFactory(), **fields)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_json_upload_is_refused(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_api.post(f"/api/requests/{draft.pk}/attachments/",
                                   {"kind": "request", "file": "JVBERi0="}, format="json")
    assert response.status_code == 415


def test_a_closed_request_takes_no_more_attachments(prosecutor_api, frozen_now):
    closed = AssistanceRequestFactory(state=RequestState.CLOSED)
    response = _upload(prosecutor_api, closed)
    assert response.status_code == 400
    assert "state" in response.json()["errors"]


@pytest.mark.parametrize("role", OTHER_SIDE)
def test_those_who_may_not_see_the_request_get_404_on_upload(role, request, frozen_now):
    draft = AssistanceRequestFactory()
    response = _upload(request.getfixturevalue(role), draft)
    assert response.status_code == 404
    assert not Attachment.objects.exists()


def test_anonymous_users_get_401_on_upload(anonymous_api, frozen_now):
    assert _upload(anonymous_api, AssistanceRequestFactory()).status_code == 401


# --- list --------------------------------------------------------------------------------------
def test_the_attachments_are_listed_oldest_first(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    first = _attached(prosecutor_api, draft)
    second = _attached(prosecutor_api, draft, name="scan.png", content=PNG, kind="signed_scan")
    response = prosecutor_api.get(f"/api/requests/{draft.pk}/attachments/")
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [first["id"], second["id"]]
    assert response.json()["results"][1]["kind_label"]


@pytest.fixture
def attached_draft(prosecutor_api, frozen_now):
    """A draft of kz-gpo to which its prosecutor has attached decision.pdf."""
    draft = AssistanceRequestFactory()
    _attached(prosecutor_api, draft)
    return draft


@pytest.mark.parametrize("role", ["clerk_api", "supervisor_api"])
def test_the_office_and_supervisors_list_the_attachments(role, request, attached_draft):
    response = request.getfixturevalue(role).get(f"/api/requests/{attached_draft.pk}/attachments/")
    assert response.status_code == 200
    assert response.json()["count"] == 1


@pytest.mark.parametrize("role", OTHER_SIDE)
def test_those_who_may_not_see_the_request_get_404_on_the_list(role, request, attached_draft):
    response = request.getfixturevalue(role).get(f"/api/requests/{attached_draft.pk}/attachments/")
    assert response.status_code == 404
    assert "decision.pdf" not in response.content.decode()


def test_anonymous_users_get_401_on_the_attachment_list(anonymous_api, frozen_now):
    draft = AssistanceRequestFactory()
    assert anonymous_api.get(f"/api/requests/{draft.pk}/attachments/").status_code == 401


def test_the_attachment_list_costs_the_same_queries_for_2_and_20_files(prosecutor_api,
                                                                        supervisor_api,
                                                                        frozen_now):
    draft = AssistanceRequestFactory()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert prosecutor_api.get(f"/api/requests/{draft.pk}/attachments/").status_code == 200
        return len(queries)

    for client in (prosecutor_api, supervisor_api):
        _attached(client, draft)
    two = count()
    for i in range(18):
        _attached(prosecutor_api if i % 2 else supervisor_api, draft)
    assert count() == two


# --- download ----------------------------------------------------------------------------------
def _download(client, attachment_id: int, **headers):
    return client.get(f"/api/attachments/{attachment_id}/download/", **headers)


def test_the_file_downloads_as_an_attachment(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    attached = _attached(prosecutor_api, draft)
    response = _download(prosecutor_api, attached["id"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "decision.pdf" in response["Content-Disposition"]


def test_the_download_ignores_what_the_client_accepts(prosecutor_api, frozen_now):
    attached = _attached(prosecutor_api, AssistanceRequestFactory())
    response = _download(prosecutor_api, attached["id"], HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["clerk_api", "supervisor_api"])
def test_the_office_and_supervisors_download(role, request, prosecutor_api, frozen_now):
    attached = _attached(prosecutor_api, AssistanceRequestFactory())
    assert _download(request.getfixturevalue(role), attached["id"]).status_code == 200


@pytest.mark.parametrize("role", OTHER_SIDE)
def test_those_who_may_not_see_the_request_get_404_on_download(role, request, prosecutor_api,
                                                               frozen_now):
    attached = _attached(prosecutor_api, AssistanceRequestFactory())
    forbidden = _download(request.getfixturevalue(role), attached["id"])
    missing = _download(request.getfixturevalue(role), attached["id"] + 1000)
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json()
    assert PDF not in forbidden.content


def test_anonymous_users_get_401_on_download(anonymous_api, prosecutor_api, frozen_now):
    attached = _attached(prosecutor_api, AssistanceRequestFactory())
    assert _download(anonymous_api, attached["id"]).status_code == 401


def test_a_file_missing_from_storage_is_a_404(prosecutor_api, frozen_now):
    attached = _attached(prosecutor_api, AssistanceRequestFactory())
    Attachment.objects.get(pk=attached["id"]).file.delete(save=False)
    assert _download(prosecutor_api, attached["id"]).status_code == 404


def test_a_huge_attachment_id_is_a_404(prosecutor_api):
    assert _download(prosecutor_api, 2**70).status_code == 404


@pytest.mark.parametrize("segment", ["abc", "0", "null,null", str(2**64)])
def test_impossible_ids_are_the_apis_json_404(prosecutor_api, segment):
    for url in (f"/api/requests/{segment}/attachments/", f"/api/attachments/{segment}/download/"):
        response = prosecutor_api.get(url)
        assert response.status_code == 404
        assert response.json()["type"] == "not_found"
