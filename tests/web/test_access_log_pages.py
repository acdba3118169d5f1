"""Who looked, on the web (issue 12): the request page's full GET, the letter and file downloads
are recorded, once each; htmx fragments, refused looks and other offices' attempts are not; the
"Who looked" section and its full list are for supervisors only, in a constant number of
queries."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import AccessChannel
from requests_app.models import AccessKind
from requests_app.models import AccessRecord
from requests_app.models import AttachmentKind
from requests_app.models import LetterVersion
from requests_app.services import transitions as t
from requests_app.services.access_log import record_access
from requests_app.services.attachments import attachment_add
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import prosecutor
from tests.factories import supervisor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _looks(request=None) -> list[tuple]:
    rows = AccessRecord.objects.order_by("id")
    if request is not None:
        rows = rows.filter(request=request)
    return list(rows.values_list("user__username", "what", "channel", "object_id", "label"))


def _section(body: str) -> str:
    start = body.index('id="access-log"')
    return body[start:body.index("</section>", start)]


def test_opening_the_request_page_records_one_look(prosecutor_client):
    request = AssistanceRequestFactory()

    assert prosecutor_client.get(f"/requests/{request.pk}/").status_code == 200

    assert _looks(request) == [(prosecutor_client.user.username, AccessKind.REQUEST_VIEWED,
                                AccessChannel.WEB, None, "")]


def test_every_opening_is_a_look_of_its_own(prosecutor_client):
    request = AssistanceRequestFactory()

    prosecutor_client.get(f"/requests/{request.pk}/")
    prosecutor_client.get(f"/requests/{request.pk}/")

    assert len(_looks(request)) == 2


def test_an_htmx_fragment_of_the_page_is_not_a_look(prosecutor_client):
    request = AssistanceRequestFactory()

    response = prosecutor_client.get(f"/requests/{request.pk}/", HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert _looks() == []


def test_an_action_posted_from_the_page_is_not_a_look(prosecutor_client):
    request = AssistanceRequestFactory(created_by=prosecutor_client.user)

    prosecutor_client.post(f"/requests/{request.pk}/actions/submit_for_review/",
                           {"version": request.version}, HTTP_HX_REQUEST="true")

    assert _looks() == []


def test_a_request_another_office_may_not_see_is_not_recorded(other_office_client):
    request = AssistanceRequestFactory()

    assert other_office_client.get(f"/requests/{request.pk}/").status_code == 404

    assert _looks() == []


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_downloading_the_letter_as_it_stands_records_the_file(prosecutor_client, kind):
    request = AssistanceRequestFactory(request_language="en")

    response = prosecutor_client.get(f"/requests/{request.pk}/letter.{kind}?lang=ru")

    assert response.status_code == 200
    [(user, what, channel, object_id, label)] = _looks(request)
    assert (user, what, channel, object_id) == (
        prosecutor_client.user.username, AccessKind.LETTER_DOWNLOADED, AccessChannel.WEB, None)
    assert label.endswith(f"-ru.{kind}")


def test_downloading_an_attachment_records_which(clerk_client):
    request = AssistanceRequestFactory()
    attachment = attachment_add(actor=clerk(), request_id=request.pk,
                                kind=AttachmentKind.SIGNED_SCAN,
                                uploaded_file=ContentFile(PDF, name="scan.pdf"))

    assert clerk_client.get(f"/attachments/{attachment.pk}/").status_code == 200

    assert _looks(request) == [(clerk_client.user.username, AccessKind.ATTACHMENT_DOWNLOADED,
                                AccessChannel.WEB, attachment.pk, "scan.pdf")]


def test_downloading_a_frozen_letter_version_records_the_version(clerk_client):
    request = AssistanceRequestFactory(request_language="en")
    t.request_submit_for_review(request_id=request.pk, actor=request.created_by, params={
        "override_incomplete": True, "override_reason": "The translation follows."})
    version = LetterVersion.objects.select_related("docx").get(request=request)

    assert clerk_client.get(f"/attachments/{version.docx_id}/").status_code == 200

    assert _looks(request) == [(clerk_client.user.username,
                                AccessKind.LETTER_VERSION_DOWNLOADED, AccessChannel.WEB,
                                version.pk, version.docx.original_name)]


def test_an_attachment_another_office_may_not_see_is_not_recorded(other_office_client):
    request = AssistanceRequestFactory()
    attachment = attachment_add(actor=clerk(), request_id=request.pk,
                                kind=AttachmentKind.SIGNED_SCAN,
                                uploaded_file=ContentFile(PDF, name="scan.pdf"))

    assert other_office_client.get(f"/attachments/{attachment.pk}/").status_code == 404

    assert _looks() == []


def test_a_supervisor_sees_who_looked_newest_first(supervisor_client, frozen_now):
    request = AssistanceRequestFactory()
    looker = prosecutor()
    looker.first_name, looker.last_name = "Aigerim", "Bekova"
    looker.save()
    record_access(user=looker, request_id=request.pk, what=AccessKind.REQUEST_VIEWED,
                  channel=AccessChannel.WEB)
    frozen_now.shift(timedelta(minutes=5))
    record_access(user=clerk(), request_id=request.pk, what=AccessKind.ATTACHMENT_DOWNLOADED,
                  channel=AccessChannel.API, object_id=7, label="scan.pdf")

    section = _section(supervisor_client.get(f"/requests/{request.pk}/", **EN)
                       .content.decode())

    assert "Who looked" in section
    assert section.index('data-access="attachment_downloaded"') < section.index(
        'data-access="request_viewed"')
    assert "Aigerim Bekova" in section and "opened the request page" in section
    assert "scan.pdf" in section and "10:05" in section


@pytest.mark.parametrize("client_name", ["prosecutor_client", "clerk_client"])
def test_other_roles_do_not_see_who_looked(request, client_name):
    client = request.getfixturevalue(client_name)
    assistance = AssistanceRequestFactory()
    record_access(user=supervisor(), request_id=assistance.pk,
                  what=AccessKind.REQUEST_VIEWED, channel=AccessChannel.WEB)

    body = client.get(f"/requests/{assistance.pk}/", **EN).content.decode()

    assert 'id="access-log"' not in body and "Who looked" not in body
    assert client.get(f"/requests/{assistance.pk}/access-log/").status_code == 403


def test_the_section_shows_the_latest_25_and_links_to_the_older(supervisor_client):
    request = AssistanceRequestFactory()
    looker = clerk()
    AccessRecord.objects.bulk_create(
        AccessRecord(request=request, user=looker, what=AccessKind.REQUEST_VIEWED,
                     channel=AccessChannel.WEB) for _ in range(26))

    section = _section(supervisor_client.get(f"/requests/{request.pk}/", **EN)
                       .content.decode())

    assert section.count("data-access=") == 25
    assert f"/requests/{request.pk}/access-log/" in section


def test_the_full_list_pages_through_every_look(supervisor_client):
    request = AssistanceRequestFactory()
    looker = clerk()
    AccessRecord.objects.bulk_create(
        AccessRecord(request=request, user=looker, what=AccessKind.REQUEST_VIEWED,
                     channel=AccessChannel.WEB) for _ in range(60))

    first = supervisor_client.get(f"/requests/{request.pk}/access-log/", **EN)
    second = supervisor_client.get(f"/requests/{request.pk}/access-log/?page=2", **EN)

    assert first.status_code == second.status_code == 200
    assert first.content.decode().count("data-access=") == 50
    assert second.content.decode().count("data-access=") == 10


def test_the_section_runs_the_same_queries_for_few_and_many_looks(supervisor_client):
    request = AssistanceRequestFactory()
    url = f"/requests/{request.pk}/"
    supervisor_client.get(url, **EN)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert supervisor_client.get(url, **EN).status_code == 200
        return len(captured)

    few = count()
    users = [clerk(), prosecutor(), supervisor()]
    AccessRecord.objects.bulk_create(
        AccessRecord(request=request, user=users[i % 3], what=AccessKind.REQUEST_VIEWED,
                     channel=AccessChannel.WEB) for i in range(40))
    assert count() == few


def test_the_request_page_adds_one_insert_for_the_look(prosecutor_client):
    request = AssistanceRequestFactory()
    url = f"/requests/{request.pk}/"
    prosecutor_client.get(url, **EN)

    with CaptureQueriesContext(connection) as captured:
        prosecutor_client.get(url, **EN)

    inserts = [q["sql"] for q in captured if "requests_app_accessrecord" in q["sql"]]
    assert len(inserts) == 1 and inserts[0].startswith("INSERT")
