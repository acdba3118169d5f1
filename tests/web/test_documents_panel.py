"""The documents panel of the request page: the letter as it stands (preview and downloads), its
frozen versions with the one transmitted marked, every attachment by category, and uploads at
any open stage — to everyone who may see the request, never to another office."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from requests_app.models import Attachment
from requests_app.models import AttachmentKind
from requests_app.models import LetterEvent
from requests_app.models import LetterVersion
from requests_app.models import RequestState
from requests_app.services import transitions as t
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import supervisor
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _page(client, request) -> str:
    response = client.get(f"/requests/{request.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _panel(body: str) -> str:
    start = body.index('id="documents"')
    return body[start:body.index("</section>", start)]


def _submitted():
    request = AssistanceRequestFactory(request_language="en")
    t.request_submit_for_review(request_id=request.pk, actor=request.created_by)
    return request


def _approved():
    request = _submitted()
    t.request_approve(request_id=request.pk, actor=supervisor())
    return request


def _transmitted(**params):
    request = _approved()
    t.request_transmit(request_id=request.pk, actor=clerk(), **params)
    return request


def _versions(panel: str) -> list[tuple[str, str]]:
    return re.findall(r'data-letter-version="(\d+)" data-event="(\w+)"', panel)


# --- who sees it, and when --------------------------------------------------------------------
def test_the_reviewer_reads_the_submitted_letter_above_the_approve_button(supervisor_client,
                                                                           frozen_now):
    request = _submitted()

    body = _page(supervisor_client, request)

    panel = _panel(body)
    assert 'data-letter-preview="en"' in panel
    assert request.purpose in panel  # the letter's text itself, not a link to it
    assert _versions(panel) == [("1", "submitted")]
    assert body.index('id="documents"') < body.index('data-action="approve"')


def test_the_clerk_sees_the_letter_and_its_versions_once_approved(clerk_client, frozen_now):
    request = _approved()

    panel = _panel(_page(clerk_client, request))

    assert 'id="letter-preview"' in panel
    assert _versions(panel) == [("1", "submitted"), ("2", "approved")]
    for code in ("kk", "ru", "en"):
        assert f"/requests/{request.pk}/letter.pdf?lang={code}" in panel
        assert f"/requests/{request.pk}/letter.docx?lang={code}" in panel


def test_another_office_sees_no_panel_and_no_frozen_file(other_office_client, frozen_now):
    request = _submitted()
    version = LetterVersion.objects.get(request=request)

    assert other_office_client.get(f"/requests/{request.pk}/").status_code == 404
    assert other_office_client.get(f"/attachments/{version.pdf_id}/").status_code == 404


def test_each_version_shows_who_froze_it_its_hashes_and_downloads(clerk_client, frozen_now):
    request = _approved()
    version = LetterVersion.objects.get(request=request, number=2)

    panel = _panel(_page(clerk_client, request))

    item = panel[panel.index('data-letter-version="2"'):]
    item = item[:item.index("</li>")]
    assert version.created_by.get_username() in item
    assert version.pdf_sha256 in item and version.docx_sha256 in item
    assert f"/attachments/{version.pdf_id}/" in item and f"/attachments/{version.docx_id}/" in item
    assert NOW.strftime("%d.%m.%Y") in item


def test_a_frozen_version_downloads_exactly_as_frozen(clerk_client, frozen_now):
    request = _submitted()
    version = LetterVersion.objects.get(request=request)

    response = clerk_client.get(f"/attachments/{version.pdf_id}/")

    content = b"".join(response.streaming_content)
    assert hashlib.sha256(content).hexdigest() == version.pdf_sha256


def test_the_transmitted_version_is_marked_with_the_dispatch_record(prosecutor_client,
                                                                    frozen_now):
    request = _transmitted(dispatched_on=NOW.date(), dispatch_reference="2-15-26/77")

    panel = _panel(_page(prosecutor_client, request))

    assert _versions(panel)[-1] == ("3", LetterEvent.TRANSMITTED.value)
    assert 'data-transmitted-version="3"' in panel
    assert panel.count('data-transmitted="1"') == 1
    assert '<span data-dispatch-reference>2-15-26/77</span>' in panel
    assert NOW.date().strftime("%d.%m.%Y") in panel


def test_an_incoming_request_shows_its_attachments_and_no_letter_of_ours(clerk_client,
                                                                         frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    Attachment.objects.create(
        request=request, kind=AttachmentKind.REQUEST, original_name="their-request.pdf",
        content_type="application/pdf", size=len(PDF), sha256=hashlib.sha256(PDF).hexdigest(),
        uploaded_by=clerk(), file=ContentFile(PDF, name="their-request.pdf"))

    panel = _panel(_page(clerk_client, request))

    assert 'id="letter-preview"' not in panel
    assert "their-request.pdf" in panel
    assert 'data-category-list="request"' in panel


# --- attachments by category, and uploads -----------------------------------------------------
def _upload(client, request, name: str, kind: str):
    return client.post(f"/requests/{request.pk}/attachments/", {
        "attachment-kind": kind, "attachment-version": request.version,
        "attachment-uploaded_file": SimpleUploadedFile(name, PDF),
        "next": f"/requests/{request.pk}/#documents"})


def test_a_clerk_attaches_evidence_from_the_request_page_after_transmission(clerk_client,
                                                                           frozen_now):
    request = _transmitted()
    request.refresh_from_db()

    response = _upload(clerk_client, request, "results.pdf", AttachmentKind.EVIDENCE)

    assert response.status_code == 302
    assert response["Location"] == f"/requests/{request.pk}/#documents"
    attachment = Attachment.objects.get(request=request, original_name="results.pdf")
    assert attachment.kind == AttachmentKind.EVIDENCE
    panel = _panel(_page(clerk_client, request))
    group = panel[panel.index('data-category-list="evidence"'):]
    assert "results.pdf" in group[:group.index("</ul>")]
    assert attachment.sha256 in panel


def test_the_upload_form_is_on_the_request_page_while_the_request_is_open(prosecutor_client,
                                                                          frozen_now):
    request = _submitted()

    panel = _panel(_page(prosecutor_client, request))

    assert f'action="/requests/{request.pk}/attachments/"' in panel
    assert 'name="attachment-kind"' in panel


def test_no_upload_form_on_a_closed_request(clerk_client, frozen_now):
    request = AssistanceRequestFactory(state=RequestState.CLOSED)

    panel = _panel(_page(clerk_client, request))

    assert 'name="attachment-kind"' not in panel


def test_attachments_are_grouped_in_the_category_order(clerk_client, frozen_now):
    request = _submitted()
    request.refresh_from_db()
    for name, kind in (("other.pdf", "other"), ("letter-in.pdf", "correspondence"),
                       ("translation.pdf", "translation"), ("scan.pdf", "signed_scan")):
        assert _upload(clerk_client, request, name, kind).status_code == 302
        request.refresh_from_db()

    panel = _panel(_page(clerk_client, request))

    order = re.findall(r'data-category-list="(\w+)"', panel)
    assert order == ["translation", "original", "correspondence", "other"]
    # The frozen letter's own files are listed with their versions, not again as attachments.
    version = LetterVersion.objects.get(request=request)
    assert f'data-attachment="{version.pdf_id}"' not in panel


# --- transmission through the web form ----------------------------------------------------------
def _transmit(client, request, **data):
    request.refresh_from_db()
    return client.post(f"/requests/{request.pk}/actions/transmit/",
                       {"version": request.version, **data})


def test_the_transmit_form_refuses_a_dispatch_date_in_the_future_on_its_field(clerk_client,
                                                                               frozen_now):
    request = _approved()
    tomorrow = (NOW + timedelta(days=1)).date().isoformat()

    response = _transmit(clerk_client, request, dispatched_on=tomorrow)

    assert response.status_code in (400, 422)
    body = response.content.decode()
    assert 'id="id_transmit_dispatched_on_error"' in body
    request.refresh_from_db()
    assert request.state == RequestState.READY


def test_the_transmit_form_records_the_dispatch_and_the_page_shows_it(clerk_client, frozen_now):
    request = _approved()

    response = _transmit(clerk_client, request, dispatched_on=NOW.date().isoformat(),
                         dispatch_reference="2-15-26/99")

    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.state, request.dispatched_on, request.dispatch_reference) == (
        RequestState.TRANSMITTED, NOW.date(), "2-15-26/99")
    assert "2-15-26/99" in _panel(_page(clerk_client, request))


def test_the_draft_page_links_to_the_request_page(prosecutor_client, frozen_now):
    request = AssistanceRequestFactory()

    body = prosecutor_client.get(f"/requests/{request.pk}/edit/", follow=True).content.decode()

    assert f'href="/requests/{request.pk}/" data-request-page' in body


# --- query counts ---------------------------------------------------------------------------------
def _attachment(request, n: int, kind: str = AttachmentKind.EVIDENCE) -> Attachment:
    return Attachment.objects.create(
        request=request, kind=kind, original_name=f"file-{n}.pdf",
        content_type="application/pdf", size=len(PDF), sha256=hashlib.sha256(PDF).hexdigest(),
        uploaded_by=clerk(), file=ContentFile(PDF, name=f"file-{n}.pdf"))


def _add_documents(request, count: int) -> None:
    """``count`` attachments of varied kinds and ``count`` frozen versions, made directly."""
    kinds = [k for k in AttachmentKind.values if k != AttachmentKind.GENERATED_LETTER]
    start = LetterVersion.objects.filter(request=request).count()
    for n in range(count):
        _attachment(request, n, kinds[n % len(kinds)])
        pdf = _attachment(request, 1000 + n, AttachmentKind.GENERATED_LETTER)
        docx = _attachment(request, 2000 + n, AttachmentKind.GENERATED_LETTER)
        LetterVersion.objects.create(
            request=request, number=start + n + 1,
            event=list(LetterEvent)[n % 3], language="ru", request_version=1, pdf=pdf,
            pdf_sha256=pdf.sha256, docx=docx, docx_sha256=docx.sha256, created_by=clerk(),
            created_at=NOW)


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_request_page_runs_as_many_queries_for_many_documents_as_for_few(
        clerk_client, frozen_now, django_assert_max_num_queries):
    request = _approved()
    _add_documents(request, 2)
    url = f"/requests/{request.pk}/"
    few = _queries(clerk_client, url)

    _add_documents(request, 20)

    with django_assert_max_num_queries(few):
        clerk_client.get(url)


def test_an_action_run_with_htmx_refreshes_the_panel_with_the_new_version(supervisor_client,
                                                                          frozen_now):
    request = _submitted()
    request.refresh_from_db()

    response = supervisor_client.post(f"/requests/{request.pk}/actions/approve/",
                                      {"version": request.version}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="documents" aria-labelledby="documents-heading" hx-swap-oob="true"' in body
    assert _versions(_panel(body)) == [("1", "submitted"), ("2", "approved")]


def test_a_refused_upload_from_the_request_page_shows_the_error_and_keeps_the_way_back(
        clerk_client, frozen_now):
    request = _transmitted()
    request.refresh_from_db()

    response = clerk_client.post(f"/requests/{request.pk}/attachments/", {
        "attachment-kind": "evidence", "attachment-version": request.version,
        "attachment-uploaded_file": SimpleUploadedFile("results.exe", b"MZ" + b"\x00" * 40),
        "next": f"/requests/{request.pk}/#documents"})

    assert response.status_code in (400, 422)
    body = response.content.decode()
    assert 'id="id_attachment-uploaded_file_error"' in body
    assert f'name="next" value="/requests/{request.pk}/#documents"' in body
    assert not Attachment.objects.filter(request=request, original_name="results.exe").exists()
