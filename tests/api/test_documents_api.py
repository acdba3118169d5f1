"""API: a request's documents (GET /api/requests/{id}/documents/), the downloads of its frozen
letter versions (GET /api/letter-versions/{id}/pdf and /docx), the category of each attachment,
and the dispatch record of a transmission run through the API."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile

from requests_app.models import Attachment
from requests_app.models import AttachmentKind
from requests_app.models import LetterEvent
from requests_app.models import LetterVersion
from requests_app.models import RequestState
from requests_app.services import transitions as t
from requests_app.services.attachments import attachment_add
from tests.api._support import version_of
from tests.api.conftest import NOW
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import supervisor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
CATEGORIES = ["request", "translation", "original", "evidence", "correspondence", "other"]


def _approved(language: str = "en"):
    request = AssistanceRequestFactory(request_language=language)
    # A letter in Kazakh lacks the translation the treaty asks for: submitted on the override.
    t.request_submit_for_review(request_id=request.pk, actor=request.created_by, params={
        "override_incomplete": True, "override_reason": "The translation follows."})
    t.request_approve(request_id=request.pk, actor=supervisor())
    return request


def _transmitted():
    request = _approved()
    t.request_transmit(request_id=request.pk, actor=clerk(), dispatched_on=NOW.date(),
                       dispatch_reference="2-15-26/5")
    return request


def _documents(client, request) -> dict:
    response = client.get(f"/api/requests/{request.pk}/documents/")
    assert response.status_code == 200, response.content
    return response.json()


def _bytes(response) -> bytes:
    return b"".join(response.streaming_content)


def test_documents_list_the_frozen_versions_and_the_one_transmitted(prosecutor_api):
    request = _transmitted()

    body = _documents(prosecutor_api, request)

    versions = body["letter_versions"]
    assert [(v["number"], v["event"]) for v in versions] == [
        (1, "submitted"), (2, "approved"), (3, "transmitted")]
    transmitted = LetterVersion.objects.get(request=request, event=LetterEvent.TRANSMITTED)
    assert body["transmitted_version"] == transmitted.pk
    assert [v["transmitted"] for v in versions] == [False, False, True]
    assert (body["dispatched_on"], body["dispatch_reference"]) == (NOW.date().isoformat(),
                                                                   "2-15-26/5")
    assert {v["language"] for v in versions} == {"en"} and body["letter_language"] == "en"
    assert versions[2]["pdf_sha256"] == transmitted.pdf_sha256
    assert versions[2]["pdf_url"].endswith(f"/api/letter-versions/{transmitted.pk}/pdf")


def test_documents_offer_the_current_letter_in_each_language(clerk_api):
    request = _approved(language="kk")

    body = _documents(clerk_api, request)

    assert body["has_letter"] is True
    # RS 4.1 accepts English, not Kazakh: the letter is frozen in English, offered in each.
    assert body["letter_language"] == "en"
    assert {v["language"] for v in body["letter_versions"]} == {"en"}
    assert [c["language"] for c in body["current_letter"]] == ["kk", "ru", "en"]
    assert body["current_letter"][0]["pdf_url"].endswith(
        f"/api/requests/{request.pk}/letter/pdf?language=kk")


def test_documents_group_the_attachments_by_category_without_the_frozen_letters(clerk_api):
    request = _approved()
    attachment_add(actor=clerk(), request_id=request.pk, kind=AttachmentKind.SIGNED_SCAN,
                   uploaded_file=ContentFile(PDF, name="scan.pdf"))

    body = _documents(clerk_api, request)

    groups = {g["category"]: g["attachments"] for g in body["attachment_groups"]}
    assert [g["category"] for g in body["attachment_groups"]] == CATEGORIES
    assert [(a["original_name"], a["category"]) for a in groups["original"]] == [
        ("scan.pdf", "original")]
    assert sum(len(rows) for rows in groups.values()) == 1


def test_an_incoming_request_has_no_letter_of_ours(clerk_api):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)

    body = _documents(clerk_api, request)

    assert (body["has_letter"], body["current_letter"], body["letter_versions"],
            body["transmitted_version"]) == (False, [], [], None)


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_frozen_version_downloads_exactly_as_frozen(supervisor_api, kind):
    request = _approved()
    version = LetterVersion.objects.get(request=request, number=2)

    response = supervisor_api.get(f"/api/letter-versions/{version.pk}/{kind}")

    assert response.status_code == 200
    assert hashlib.sha256(_bytes(response)).hexdigest() == getattr(version, f"{kind}_sha256")
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("client_name", ["other_office_api", "roleless_api"])
def test_another_office_gets_404_for_the_documents_and_the_versions(request, client_name):
    client = request.getfixturevalue(client_name)
    assistance = _approved()
    version = LetterVersion.objects.filter(request=assistance).first()

    assert client.get(f"/api/requests/{assistance.pk}/documents/").status_code == 404
    assert client.get(f"/api/letter-versions/{version.pk}/pdf").status_code == 404
    assert client.get(f"/api/letter-versions/{version.pk}/docx").status_code == 404


def test_a_missing_or_malformed_version_answers_404(clerk_api):
    assert clerk_api.get("/api/letter-versions/999999/pdf").status_code == 404
    assert clerk_api.get("/api/letter-versions/abc/pdf").status_code == 404


def test_signed_out_callers_get_401(anonymous_api):
    request = _approved()
    version = LetterVersion.objects.filter(request=request).first()

    assert anonymous_api.get(f"/api/requests/{request.pk}/documents/").status_code == 401
    assert anonymous_api.get(f"/api/letter-versions/{version.pk}/pdf").status_code == 401


def test_the_attachments_list_gives_each_attachments_category(clerk_api):
    request = _approved()

    rows = clerk_api.get(f"/api/requests/{request.pk}/attachments/").json()["results"]

    assert {(row["kind"], row["category"]) for row in rows} == {
        ("generated_letter", "correspondence")}
    assert len(rows) == 4  # the PDF and DOCX of versions 1 and 2


# --- the transmission record through the API ------------------------------------------------------
def _transmit(client, request, **body):
    body.setdefault("version", version_of(request))
    return client.post(f"/api/requests/{request.pk}/transitions/transmit/", body, format="json")


def test_transmit_through_the_api_records_the_dispatch(clerk_api):
    request = _approved()

    response = _transmit(clerk_api, request, dispatched_on=NOW.date().isoformat(),
                         dispatch_reference="2-15-26/6")

    assert response.status_code == 200, response.content
    detail = clerk_api.get(f"/api/requests/{request.pk}/").json()
    assert (detail["milestones"]["dispatched_on"], detail["milestones"]["dispatch_reference"]) == (
        NOW.date().isoformat(), "2-15-26/6")


def test_transmit_through_the_api_refuses_a_future_dispatch_date_on_its_field(clerk_api):
    request = _approved()

    response = _transmit(clerk_api, request,
                         dispatched_on=(NOW + timedelta(days=1)).date().isoformat())

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"dispatched_on"}


def test_transmit_through_the_api_refuses_a_too_long_outgoing_number(clerk_api):
    request = _approved()

    response = _transmit(clerk_api, request, dispatch_reference="9" * 61)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"dispatch_reference"}


def test_the_transmit_options_declare_the_dispatch_parameters(clerk_api):
    request = _approved()

    options = clerk_api.get(f"/api/requests/{request.pk}/transitions/").json()["transitions"]

    transmit = next(o for o in options if o["name"] == "transmit")
    assert {(p["name"], p["type"], p["required"]) for p in transmit["parameters"]
            if p["name"] != "reason"} == {
        ("dispatched_on", "date", False), ("dispatch_reference", "string", False)}


# --- query counts ---------------------------------------------------------------------------------
def _add_documents(request, count: int) -> None:
    start = LetterVersion.objects.filter(request=request).count()
    user = clerk()
    for n in range(count):
        files = [Attachment.objects.create(
            request=request, kind=kind, original_name=f"f{n}-{i}.pdf",
            content_type="application/pdf", size=len(PDF),
            sha256=hashlib.sha256(PDF).hexdigest(), uploaded_by=user,
            file=ContentFile(PDF, name=f"f{n}-{i}.pdf"))
            for i, kind in enumerate((AttachmentKind.EVIDENCE, AttachmentKind.GENERATED_LETTER,
                                      AttachmentKind.GENERATED_LETTER))]
        LetterVersion.objects.create(
            request=request, number=start + n + 1, event=LetterEvent.APPROVED, language="ru",
            request_version=1, pdf=files[1], pdf_sha256=files[1].sha256, docx=files[2],
            docx_sha256=files[2].sha256, created_by=user, created_at=NOW)


def test_the_documents_endpoint_runs_as_many_queries_for_many_as_for_few(
        clerk_api, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    request = _approved()
    _add_documents(request, 2)
    url = f"/api/requests/{request.pk}/documents/"
    with CaptureQueriesContext(connection) as few:
        assert clerk_api.get(url).status_code == 200

    _add_documents(request, 20)

    with django_assert_max_num_queries(len(few)):
        assert clerk_api.get(url).status_code == 200


def test_the_request_detail_links_to_its_documents(clerk_api):
    request = _approved()

    links = clerk_api.get(f"/api/requests/{request.pk}/").json()["links"]

    assert links["documents"].endswith(f"/api/requests/{request.pk}/documents/")


@pytest.mark.parametrize(("kind", "magic"), [("pdf", b"%PDF"), ("docx", b"PK")])
def test_the_letter_as_it_stands_downloads_through_the_api_in_the_language_asked(
        prosecutor_api, kind, magic):
    request = AssistanceRequestFactory(request_language="en")
    response = prosecutor_api.get(f"/api/requests/{request.pk}/letter/{kind}?language=kk")
    assert response.status_code == 200, response.content
    assert response.content.startswith(magic)
    assert response["Content-Disposition"].endswith(f'-kk.{kind}"')


def test_the_documents_point_at_the_api_download_of_the_current_letter(prosecutor_api):
    request = AssistanceRequestFactory(request_language="en")
    current = _documents(prosecutor_api, request)["current_letter"]
    assert [row["language"] for row in current] == ["kk", "ru", "en"]
    assert prosecutor_api.get(current[0]["pdf_url"]).status_code == 200


def test_a_letter_language_other_than_kk_ru_en_is_400(prosecutor_api):
    request = AssistanceRequestFactory()
    response = prosecutor_api.get(f"/api/requests/{request.pk}/letter/pdf?language=sr")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"language"}


def test_a_request_we_received_has_no_letter_of_ours_to_download(clerk_api):
    response = clerk_api.get(f"/api/requests/{incoming_request().pk}/letter/pdf")
    assert response.status_code == 400


def test_another_office_cannot_download_the_letter(other_office_api):
    request = AssistanceRequestFactory()
    assert other_office_api.get(f"/api/requests/{request.pk}/letter/pdf").status_code == 404
