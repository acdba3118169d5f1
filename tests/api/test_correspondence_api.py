"""API of the correspondence register: list, send, register a received letter (multipart),
download the document sent (access-checked, its hash), and the office's letter templates."""

import hashlib
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Correspondence
from requests_app.models import RequestState
from requests_app.services.correspondence import correspondence_register_received
from requests_app.services.correspondence import correspondence_send
from tests.api.conftest import NOW
from tests.factories import clerk
from tests.factories import incoming_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

TODAY = NOW.date()
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _awaiting():
    return incoming_request("kz-rs-2015", state=RequestState.ADDITIONAL_INFO_REQUESTED,
                            executing_authority=None, their_reference="RS-12/2026")


def _ask_body(**overrides):
    body = {"kind": "additional_info", "language": "en", "channel": "electronic",
            "missing_items": "Certified copy of the judgment",
            "reply_due_on": (TODAY + timedelta(days=30)).isoformat()}
    body.update(overrides)
    return body


def _url(obj, suffix=""):
    return f"/api/requests/{obj.pk}/correspondence/{suffix}"


def _download(client, url):
    response = client.get(url)
    return response, b"".join(response.streaming_content) if response.status_code == 200 else b""


def test_a_letter_sent_through_the_api_is_listed_and_its_document_hashes_as_shown(clerk_api):
    obj = _awaiting()
    response = clerk_api.post(_url(obj), _ask_body(), format="json")
    assert response.status_code == 201, response.json()
    sent = response.json()
    assert sent["kind"] == "additional_info" and sent["direction"] == "sent"
    assert sent["reply_due_on"] == (TODAY + timedelta(days=30)).isoformat()
    listed = clerk_api.get(_url(obj)).json()
    assert [letter["id"] for letter in listed["results"]] == [sent["id"]]
    download, content = _download(clerk_api, sent["document_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert hashlib.sha256(content).hexdigest() == sent["document"]["sha256"]


def test_the_docx_is_downloaded_with_its_own_hash(clerk_api):
    obj = _awaiting()
    sent = clerk_api.post(_url(obj), _ask_body(), format="json").json()
    download, content = _download(clerk_api, f"/api/correspondence/{sent['id']}/document/"
                                             "?file=docx")
    assert download.status_code == 200
    assert hashlib.sha256(content).hexdigest() == sent["document_docx"]["sha256"]


def test_a_reply_date_on_the_sending_day_is_400_naming_the_field(clerk_api):
    obj = _awaiting()
    response = clerk_api.post(_url(obj), _ask_body(sent_on=TODAY.isoformat(),
                                                   reply_due_on=TODAY.isoformat()),
                              format="json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"reply_due_on"}


def test_an_unknown_field_is_400(clerk_api):
    response = clerk_api.post(_url(_awaiting()), _ask_body(state="closed"), format="json")
    assert response.status_code == 400
    assert "state" in response.json()["errors"]


def test_the_request_letter_itself_is_not_sent_through_this_endpoint(clerk_api):
    response = clerk_api.post(_url(_awaiting()), _ask_body(kind="request"), format="json")
    assert response.status_code == 400
    assert "kind" in response.json()["errors"]


def test_a_stale_version_is_409(clerk_api):
    obj = _awaiting()
    response = clerk_api.post(_url(obj), _ask_body(version=obj.version + 5), format="json")
    assert response.status_code == 409


def test_a_received_reply_with_files_resumes_the_request(clerk_api):
    obj = _awaiting()
    asked = correspondence_send(actor=clerk(), request_id=obj.pk, kind="additional_info",
                                language="en", missing_items="Judgment",
                                reply_due_on=TODAY + timedelta(days=30))
    response = clerk_api.post(_url(obj, "received/"), {
        "kind": "reply", "in_reply_to_id": str(asked.pk), "their_reference": "RS-12/2026-4",
        "sender": "Ministry of Justice of Serbia",
        "files": [SimpleUploadedFile("reply.pdf", PDF), SimpleUploadedFile("annex.pdf", PDF)]},
        format="multipart")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["moved"] == "supply_additional_info" and body["not_moved"] == ""
    assert body["correspondence"]["in_reply_to"] == asked.pk
    assert len(body["correspondence"]["attachments"]) == 2
    obj.refresh_from_db()
    assert obj.state == RequestState.COMPLETENESS_CHECK


def test_a_refused_file_is_400_on_files(clerk_api):
    response = clerk_api.post(_url(_awaiting(), "received/"), {
        "kind": "other", "files": [SimpleUploadedFile("x.pdf", b"MZ\x90\x00")]},
        format="multipart")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"files"}
    assert not Correspondence.objects.exists()


def test_another_office_cannot_list_send_or_download(other_office_api):
    obj = _awaiting()
    letter = correspondence_send(actor=clerk(), request_id=obj.pk, kind="acknowledgement",
                                 language="ru")
    assert other_office_api.get(_url(obj)).status_code == 404
    assert other_office_api.post(_url(obj), _ask_body(), format="json").status_code == 404
    assert other_office_api.get(f"/api/correspondence/{letter.pk}/document/").status_code == 404
    assert Correspondence.objects.count() == 1


def test_a_missing_letter_and_a_received_one_have_no_document(clerk_api):
    obj = _awaiting()
    outcome = correspondence_register_received(actor=clerk(), request_id=obj.pk, kind="other")
    assert clerk_api.get(f"/api/correspondence/{outcome.correspondence.pk}/document/"
                         ).status_code == 404
    assert clerk_api.get("/api/correspondence/999999/document/").status_code == 404
    assert clerk_api.get("/api/correspondence/x/document/").status_code == 404


def test_an_unknown_document_format_or_parameter_is_400(clerk_api):
    obj = _awaiting()
    letter = correspondence_send(actor=clerk(), request_id=obj.pk, kind="acknowledgement",
                                 language="kk")
    url = f"/api/correspondence/{letter.pk}/document/"
    assert clerk_api.get(url, {"file": "xls"}).status_code == 400
    assert clerk_api.get(url, {"as": "pdf"}).status_code == 400


def test_the_list_runs_as_many_queries_for_many_letters_as_for_few(clerk_api):
    obj = _awaiting()
    desk = clerk()

    def measured():
        with CaptureQueriesContext(connection) as queries:
            assert clerk_api.get(_url(obj)).status_code == 200
        return len(queries)

    correspondence_send(actor=desk, request_id=obj.pk, kind="acknowledgement", language="en")
    measured()
    few = measured()
    for number in range(5):
        correspondence_register_received(
            actor=desk, request_id=obj.pk, kind="other",
            uploaded_files=[SimpleUploadedFile(f"s{number}.pdf", PDF)])
        correspondence_send(actor=desk, request_id=obj.pk, kind="reply", language="ru")
    assert measured() == few


# --- letter templates ---------------------------------------------------------------------------
def test_a_clerk_may_not_read_the_templates(clerk_api):
    assert clerk_api.get("/api/letter-templates/").status_code == 403


def test_a_supervisor_reads_the_templates_and_their_placeholders(supervisor_api):
    body = supervisor_api.get("/api/letter-templates/").json()
    assert {"reference", "missing_items", "reply_due_on"} <= {
        p["name"] for p in body["placeholders"]}
    assert {(t["kind"], t["language"]) for t in body["templates"]} >= {
        ("additional_info", "kk"), ("additional_info", "ru"), ("additional_info", "en")}


def test_a_template_with_an_unknown_placeholder_is_400(supervisor_api):
    response = supervisor_api.put("/api/letter-templates/", {
        "kind": "acknowledgement", "language": "en", "subject": "Receipt",
        "body": "Received {their_refrence}."}, format="json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"body"}


def test_a_supervisor_changes_a_template(supervisor_api):
    response = supervisor_api.put("/api/letter-templates/", {
        "kind": "acknowledgement", "language": "en", "subject": "Receipt of {their_reference}",
        "body": "Received."}, format="json")
    assert response.status_code == 200
    assert response.json()["subject"] == "Receipt of {their_reference}"
    assert response.json()["updated_by"] == supervisor_api.user.username


def test_a_clerk_may_not_change_a_template(clerk_api):
    response = clerk_api.put("/api/letter-templates/", {
        "kind": "acknowledgement", "language": "en", "subject": "x", "body": "y"},
        format="json")
    assert response.status_code == 403


def test_a_preview_shows_the_letter_that_would_be_sent_and_records_nothing(clerk_api):
    obj = _awaiting()
    response = clerk_api.post(_url(obj, "preview/"), _ask_body(), format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["kind"], body["language"]) == ("additional_info", "en")
    assert "Certified copy of the judgment" in body["body"]
    assert body["reply_due_on"] == (TODAY + timedelta(days=30)).isoformat()
    assert body["recipient"] and body["references"]
    assert not Correspondence.objects.filter(request=obj).exists()


def test_a_preview_checks_the_inputs_as_a_send_does(clerk_api):
    obj = _awaiting()
    response = clerk_api.post(_url(obj, "preview/"), _ask_body(reply_due_on=TODAY.isoformat()),
                              format="json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"reply_due_on"}


def test_another_office_cannot_preview_a_letter_on_the_request(other_office_api):
    obj = _awaiting()
    assert other_office_api.post(_url(obj, "preview/"), _ask_body(),
                                 format="json").status_code == 404


def test_the_templates_list_every_kind_in_every_language_with_the_default_where_none_is_stored(
        supervisor_api):
    from requests_app.models import LetterTemplate

    LetterTemplate.objects.filter(kind="status_inquiry", language="kk").delete()
    templates = supervisor_api.get("/api/letter-templates/").json()["templates"]
    assert len(templates) == 11 * 3
    (kk,) = [t for t in templates if (t["kind"], t["language"]) == ("status_inquiry", "kk")]
    assert kk["is_default"] is True and kk["body"]
    assert {t["kind"] for t in templates} >= {"request", "additional_info"}
