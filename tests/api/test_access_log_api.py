"""Who looked, through the API (issue 12): reading a request and downloading its letter, letter
versions, attachments and correspondence are recorded (channel api); the detail a PATCH answers
with is not; ``GET /api/requests/{id}/access-log/`` gives the records newest first, paginated,
to supervisors only (403 for anyone else)."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile

from requests_app.models import AccessChannel
from requests_app.models import AccessKind
from requests_app.models import AccessRecord
from requests_app.models import AttachmentKind
from requests_app.models import LetterVersion
from requests_app.models import RequestState
from requests_app.services import transitions as t
from requests_app.services.access_log import record_access
from requests_app.services.attachments import attachment_add
from requests_app.services.correspondence import correspondence_send
from tests.api._support import version_of
from tests.api.conftest import NOW
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import supervisor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _looks(request) -> list[tuple]:
    return list(AccessRecord.objects.filter(request=request).order_by("id").values_list(
        "user__username", "what", "channel", "object_id", "label"))


def test_reading_a_request_records_one_look(clerk_api):
    request = AssistanceRequestFactory()

    assert clerk_api.get(f"/api/requests/{request.pk}/").status_code == 200

    assert _looks(request) == [(clerk_api.user.username, AccessKind.REQUEST_READ_API,
                                AccessChannel.API, None, "")]


def test_the_detail_a_patch_answers_with_is_not_a_look(prosecutor_api):
    request = AssistanceRequestFactory(created_by=prosecutor_api.user)

    response = prosecutor_api.patch(f"/api/requests/{request.pk}/", {
        "version": version_of(request), "case_number": "2026-0777"}, format="json")

    assert response.status_code == 200, response.content
    assert _looks(request) == []


def test_a_request_another_office_may_not_see_is_not_recorded(other_office_api):
    request = AssistanceRequestFactory()

    assert other_office_api.get(f"/api/requests/{request.pk}/").status_code == 404

    assert AccessRecord.objects.count() == 0


def test_downloading_an_attachment_records_which(clerk_api):
    request = AssistanceRequestFactory()
    attachment = attachment_add(actor=clerk(), request_id=request.pk,
                                kind=AttachmentKind.SIGNED_SCAN,
                                uploaded_file=ContentFile(PDF, name="scan.pdf"))

    assert clerk_api.get(f"/api/attachments/{attachment.pk}/download/").status_code == 200

    assert _looks(request) == [(clerk_api.user.username, AccessKind.ATTACHMENT_DOWNLOADED,
                                AccessChannel.API, attachment.pk, "scan.pdf")]


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_downloading_a_frozen_letter_version_records_the_version(supervisor_api, kind):
    request = AssistanceRequestFactory(request_language="en")
    t.request_submit_for_review(request_id=request.pk, actor=request.created_by, params={
        "override_incomplete": True, "override_reason": "The translation follows."})
    version = LetterVersion.objects.select_related(kind).get(request=request)

    assert supervisor_api.get(f"/api/letter-versions/{version.pk}/{kind}").status_code == 200

    assert _looks(request) == [(supervisor_api.user.username,
                                AccessKind.LETTER_VERSION_DOWNLOADED, AccessChannel.API,
                                version.pk, getattr(version, kind).original_name)]


def test_downloading_the_letter_as_it_stands_records_the_file(prosecutor_api):
    request = AssistanceRequestFactory(request_language="en")

    response = prosecutor_api.get(f"/api/requests/{request.pk}/letter/pdf?language=kk")

    assert response.status_code == 200
    [(user, what, channel, object_id, label)] = _looks(request)
    assert (user, what, channel, object_id) == (
        prosecutor_api.user.username, AccessKind.LETTER_DOWNLOADED, AccessChannel.API, None)
    assert label.endswith("-kk.pdf")


def test_downloading_a_letter_of_the_correspondence_records_the_document(clerk_api):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK)
    letter = correspondence_send(actor=clerk(), request_id=request.pk, kind="acknowledgement",
                                 language="en", channel="electronic", sent_on=NOW.date())

    assert clerk_api.get(f"/api/correspondence/{letter.pk}/document/").status_code == 200

    assert _looks(request) == [(clerk_api.user.username, AccessKind.CORRESPONDENCE_DOWNLOADED,
                                AccessChannel.API, letter.document_id,
                                letter.document.original_name)]


# --- the access log ------------------------------------------------------------------------------
def _access_log(client, request, query: str = ""):
    return client.get(f"/api/requests/{request.pk}/access-log/{query}")


def test_a_supervisor_reads_who_looked_newest_first(supervisor_api, frozen_now):
    request = AssistanceRequestFactory()
    looker = clerk()
    record_access(user=looker, request_id=request.pk, what=AccessKind.REQUEST_VIEWED,
                  channel=AccessChannel.WEB)
    frozen_now.shift(timedelta(minutes=5))
    record_access(user=looker, request_id=request.pk, what=AccessKind.ATTACHMENT_DOWNLOADED,
                  channel=AccessChannel.API, object_id=7, label="scan.pdf")

    response = _access_log(supervisor_api, request)

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == 2
    newest, oldest = body["results"]
    assert (newest["what"], newest["channel"], newest["object_id"], newest["label"],
            newest["user"]) == ("attachment_downloaded", "api", 7, "scan.pdf", looker.username)
    assert (oldest["what"], oldest["channel"], oldest["object_id"], oldest["label"]) == (
        "request_viewed", "web", None, "")
    assert newest["at"] > oldest["at"]


def test_reading_the_access_log_is_not_itself_a_look(supervisor_api):
    request = AssistanceRequestFactory()

    assert _access_log(supervisor_api, request).json()["count"] == 0
    assert _access_log(supervisor_api, request).json()["count"] == 0


def test_the_access_log_is_paginated(supervisor_api):
    request = AssistanceRequestFactory()
    looker = clerk()
    AccessRecord.objects.bulk_create(
        AccessRecord(request=request, user=looker, what=AccessKind.REQUEST_VIEWED,
                     channel=AccessChannel.WEB) for _ in range(55))

    first = _access_log(supervisor_api, request).json()
    second = _access_log(supervisor_api, request, "?page=2").json()

    assert (first["count"], len(first["results"]), len(second["results"])) == (55, 50, 5)
    assert first["next"] and second["next"] is None


@pytest.mark.parametrize("client_name", ["prosecutor_api", "clerk_api", "other_office_api",
                                         "roleless_api"])
def test_anyone_but_a_supervisor_gets_403(request, client_name):
    client = request.getfixturevalue(client_name)
    assistance = AssistanceRequestFactory()
    record_access(user=supervisor(), request_id=assistance.pk,
                  what=AccessKind.REQUEST_VIEWED, channel=AccessChannel.WEB)

    response = _access_log(client, assistance)

    assert response.status_code == 403
    assert "results" not in response.json()


def test_a_missing_request_is_404_for_a_supervisor(supervisor_api):
    assert supervisor_api.get("/api/requests/999999/access-log/").status_code == 404
    assert supervisor_api.get("/api/requests/x/access-log/").status_code == 404


def test_signed_out_callers_get_401(anonymous_api):
    request = AssistanceRequestFactory()
    assert _access_log(anonymous_api, request).status_code == 401
