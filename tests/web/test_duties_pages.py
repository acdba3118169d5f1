"""The notices and duties where people work: the request page lists them with their article,
term and basis and offers their records; the notice letter Kazakhstan owes names the article
(CZ 9.5 wants it in writing) in kk, ru and en; the dashboard lists their deadlines."""

import io
import re
from datetime import timedelta

import pytest
from docx import Document

from requests_app.documents.letters import letter_pdf_bytes
from requests_app.documents.letters import notice_letter_build
from requests_app.models import AssistanceRequest
from requests_app.models import RequestState
from requests_app.models import TreatyDuty
from requests_app.services import duties
from requests_app.services import transitions as t
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.web.test_letters import _pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _cz_refused():
    request = incoming_request("kz-cz-2017")
    t.request_refuse(request_id=request.pk, actor=clerk("kz-mvd"),
                     ground="refusal_sovereignty_security_interests",
                     reasons="Execution would endanger national security")
    return request, TreatyDuty.objects.get(request=request)


def _section(body: str) -> str:
    start = body.index('id="duties"')
    return body[start:body.index("</section>", start)]


def test_the_request_page_lists_the_duty_with_article_term_and_office_policy_basis(
        police_clerk_client):
    request, _duty = _cz_refused()

    body = police_clerk_client.get(f"/requests/{request.pk}/", **EN).content.decode()

    section = _section(body)
    assert 'data-duty="duty_notice_of_refusal"' in section and 'data-duty-state="open"' in section
    assert "kz-cz-2017 Art 9.5" in section and "in writing" in section
    assert "immediately — office policy target: 24 hours" in section
    assert "03.03.2026 10:00" in section and "office policy target" in section
    assert "Record the notice" in section and "notice.pdf?lang=kk" in section


def test_the_deadline_of_an_untimed_notice_says_the_text_sets_no_time(clerk_client):
    br = incoming_request("kz-br-2018")
    duties.duty_record_event(actor=clerk(), request_id=br.pk,
                             rule_code="duty_notice_of_asset_sharing_outcome")

    body = clerk_client.get(f"/requests/{br.pk}/", **EN).content.decode()

    deadlines = body[body.index('id="deadlines"'):body.index('id="timeline"')]
    row = deadlines[deadlines.index('data-deadline="notice_of_asset_sharing_outcome"'):]
    row = row[:row.index("</tr>")]
    assert "the treaty (Kazakhstan–Brazil Art 18.3(b)) sets no time for this" in row
    assert "without delay" not in row


def test_the_other_sides_duty_offers_no_letter(clerk_client):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018",
                                       state=RequestState.TRANSMITTED)
    duties.duty_record_event(actor=clerk(), request_id=request.pk,
                             rule_code="duty_progress_information")
    section = _section(clerk_client.get(f"/requests/{request.pk}/", **EN).content.decode())
    assert "the other side" in section and "notice.pdf" not in section


def test_an_event_recorded_through_the_page_opens_the_duty(clerk_client):
    request = incoming_request("kz-br-2018")

    response = clerk_client.post(f"/requests/{request.pk}/records/duty-event/", {
        "version": request.version, "rule_code": "duty_notice_of_obstacle",
        "note": "The bank was liquidated"}, **EN)

    assert response.status_code == 302
    duty = TreatyDuty.objects.get(request=request)
    assert (duty.rule_code, duty.trigger_note) == ("duty_notice_of_obstacle",
                                                   "The bank was liquidated")


def test_the_event_form_offers_only_this_instruments_duties_not_those_the_engine_records(
        clerk_client):
    request = incoming_request("kz-br-2018")
    body = clerk_client.get(f"/requests/{request.pk}/records/duty-event/", **EN).content.decode()
    assert 'value="duty_notice_of_obstacle"' in body
    assert 'value="duty_notice_of_refusal"' not in body
    assert "Art 24.8" in body


def test_the_notice_recorded_through_the_page_marks_the_duty_done(police_clerk_client):
    request, duty = _cz_refused()
    version = AssistanceRequest.objects.get(pk=request.pk).version

    response = police_clerk_client.post(f"/requests/{request.pk}/records/duty-notice/", {
        "version": version, "duty": duty.pk, "channel": "post", "our_reference": "MVD-9"}, **EN)

    assert response.status_code == 302
    body = police_clerk_client.get(f"/requests/{request.pk}/", **EN).content.decode()
    assert 'data-duty-state="done"' in _section(body) and "MVD-9" in _section(body)


def test_an_oral_cz_notice_through_the_page_shows_the_rule_it_breaks(police_clerk_client):
    request, duty = _cz_refused()
    version = AssistanceRequest.objects.get(pk=request.pk).version
    response = police_clerk_client.post(f"/requests/{request.pk}/records/duty-notice/", {
        "version": version, "duty": duty.pk, "channel": "oral"}, **EN)
    assert response.status_code == 422
    assert "Art 9.5" in response.content.decode()


# --- the notice letter ------------------------------------------------------------------------
@pytest.mark.parametrize(("language", "article"), [("en", "Art 9.5"), ("ru", "ст. 9.5"),
                                                   ("kk", "9.5-бап")])
def test_the_cz_refusal_notice_letter_names_the_article_in_each_language(language, article):
    _request, duty = _cz_refused()
    rule = duty.request.rulebook.duty(duty.rule_code)

    letter = notice_letter_build(duty, rule, language=language)

    text = _pdf_text(letter_pdf_bytes(letter, compress=False))
    assert article in text
    assert "Execution would endanger national security" in text


def test_the_notice_letter_goes_from_the_kazakh_authority_to_the_requesting_one():
    request, duty = _cz_refused()
    letter = notice_letter_build(duty, duty.request.rulebook.duty(duty.rule_code), language="en")
    assert letter.sender[0] == request.requested_authority.name
    assert letter.recipient[0] == request.requesting_authority.name


def test_the_notice_letter_downloads_as_docx_naming_the_article(police_clerk_client):
    request, duty = _cz_refused()

    response = police_clerk_client.get(
        f"/requests/{request.pk}/duties/{duty.pk}/notice.docx", {"lang": "ru"})

    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "ст. 9.5" in text and request.reference in text


def test_the_notice_letter_downloads_as_pdf(police_clerk_client):
    request, duty = _cz_refused()
    response = police_clerk_client.get(f"/requests/{request.pk}/duties/{duty.pk}/notice.pdf",
                                       {"lang": "kk"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_no_letter_for_a_duty_the_other_side_owes(clerk_client):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018",
                                       state=RequestState.TRANSMITTED)
    duty = duties.duty_record_event(actor=clerk(), request_id=request.pk,
                                    rule_code="duty_progress_information")
    response = clerk_client.get(f"/requests/{request.pk}/duties/{duty.pk}/notice.pdf")
    assert response.status_code == 404


# --- the dashboard ----------------------------------------------------------------------------
def test_the_dashboard_lists_a_notice_due_within_24_hours_with_its_label(supervisor_client,
                                                                         frozen_now):
    request, _duty = _cz_refused()
    frozen_now.shift(timedelta(hours=2))

    body = supervisor_client.get("/dashboard/", **EN).content.decode()

    start = body.index('id="list-h24"')
    listed = body[start:body.index("</section>", start)]
    assert request.reference in listed
    assert re.search(r"Notice of the refusal, with its reasons", listed)
