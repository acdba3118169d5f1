"""Words on the pages (issue 11, item 3) and the error pages (item 4): commands on buttons and
the act done in the timeline, the other side's acts named as theirs on an outgoing request,
language names rather than codes, citations and relative times in the user's language, and
403/404/500 pages in the site's layout with a way back."""

from __future__ import annotations

import logging
from datetime import date
from datetime import timedelta

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from requests_app.models import AssistanceRequest
from requests_app.models import Consultation
from requests_app.models import RequestState
from requests_app.services import transitions as t
from requests_app.services.facts import request_facts
from requests_app.words import citation_text
from requests_app.words import relative_time
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.web.conftest import NOW
from treaties.languages import language_names
from treaties.rulebook.registry import get_rulebook
from treaties.rules.guards import check_translation

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _page(client, request: AssistanceRequest, language: str = "en") -> str:
    client.cookies["django_language"] = language
    return client.get(f"/requests/{request.pk}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()


def _section(body: str, element_id: str) -> str:
    start = body.index(f'id="{element_id}"')
    return body[start:body.index("</section>", start)]


def _outgoing_brazilian_request_refused_by_brazil() -> AssistanceRequest:
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018",
                                       state=RequestState.TRANSMITTED)
    return t.request_transition(
        request_id=request.pk, actor=clerk(), name="refuse",
        params={"ground": "refusal_sovereignty_public_order",
                "reasons": "Execution would prejudice public order."})


# --- commands on buttons, the act done in the timeline -----------------------------------------
def test_a_button_says_the_command_and_the_timeline_the_act_done(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK)
    actions = _section(_page(clerk_client, request), "actions")
    assert "Request additional information" in actions
    assert "Additional information requested" not in actions

    t.request_transition(request_id=request.pk, actor=clerk_client.user,
                         name="request_additional_info", reason="The offence is not described")
    timeline = _section(_page(clerk_client, request), "timeline")
    assert "Additional information requested" in timeline


def test_an_approval_is_logged_as_approved_not_as_the_command(supervisor_client, frozen_now):
    request = AssistanceRequestFactory()
    t.request_submit_for_review(request_id=request.pk, actor=request.created_by)
    t.request_approve(request_id=request.pk, actor=supervisor_client.user)
    body = _page(supervisor_client, request)
    timeline = body[body.index('id="timeline"'):]
    assert "<strong>Approved</strong>" in timeline
    assert "<strong>Submitted for review</strong>" in timeline


def test_on_an_outgoing_request_the_refusal_button_records_the_other_sides_refusal(
        clerk_client, frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018",
                                       state=RequestState.TRANSMITTED)
    actions = _section(_page(clerk_client, request), "actions")
    assert "Record Brazil&#x27;s refusal" in actions
    assert "Record Brazil&#x27;s deferral" in actions
    assert ">Refuse<" not in actions


def test_on_an_outgoing_request_the_timeline_says_brazil_refused(clerk_client, frozen_now):
    request = _outgoing_brazilian_request_refused_by_brazil()
    body = _page(clerk_client, request)
    assert "<strong>Brazil refused</strong>" in body[body.index('id="timeline"'):]


def test_on_an_incoming_request_the_refusal_is_ours(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    Consultation.objects.create(request=request, subject="refusal", held_on=NOW.date(),
                                counterpart="RS", summary="Call", recorded_by=clerk_client.user)
    t.request_transition(request_id=request.pk, actor=clerk_client.user, name="refuse",
                         params={"ground": "refusal_not_a_crime", "reasons": "Not a crime"})
    body = _page(clerk_client, request)
    assert "<strong>Refused</strong>" in body[body.index('id="timeline"'):]


def test_the_log_api_names_the_other_sides_act_in_the_past_tense(clerk_client, frozen_now):
    request = _outgoing_brazilian_request_refused_by_brazil()
    entries = clerk_client.get(f"/api/requests/{request.pk}/log/", **EN).json()["entries"]
    refusal = next(entry for entry in entries if entry["action"] == "refuse")
    assert refusal["action_label"] == "Brazil refused"


def test_the_log_api_labels_the_refusal_in_russian_with_the_state_in_russian(
        clerk_client, frozen_now):
    request = _outgoing_brazilian_request_refused_by_brazil()
    entries = clerk_client.get(f"/api/requests/{request.pk}/log/",
                            HTTP_ACCEPT_LANGUAGE="ru").json()["entries"]
    refusal = next(entry for entry in entries if entry["action"] == "refuse")
    assert "Бразилия" in refusal["action_label"]


# --- language names ------------------------------------------------------------------------------
def test_a_missing_translation_names_the_language_not_its_code(frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018", request_language="ru")
    violations = check_translation(request.rulebook, request_facts(request))
    with translation.override("en"):
        assert [str(v.message) for v in violations] == [
            "A translation into Portuguese is required."]


def test_language_names_are_names_in_english_and_never_codes_in_kazakh():
    with translation.override("en"):
        assert language_names(["kk", "ru", "en"]) == "English, Kazakh, Russian"
    with translation.override("kk"):
        names = language_names(["kk", "ru", "en", "pt"]).split(", ")
    assert not set(names) & {"kk", "ru", "en", "pt"}


def test_the_request_page_names_the_language_of_the_request(clerk_client, frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018", request_language="pt")
    body = _page(clerk_client, request)
    assert "Portuguese" in body[body.index("Language of the request"):][:200]


# --- citations in the user's language ------------------------------------------------------------
@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Kazakhstan–Serbia Art 5.3"),
    ("ru", "Казахстан–Сербия ст. 5.3"),
    ("kk", "Қазақстан–Сербия 5.3-бап"),
])
def test_the_cite_filter_writes_the_article_as_the_language_does(language, expected):
    template = engines["django"].from_string("{% load mla_words %}{{ c|cite }}|{{ c|cite:'short' }}")
    with translation.override(language):
        full, short = template.render({"c": "kz-rs-2015 Art 5.3"}).split("|")
    assert full == expected
    assert short == expected.split(" ", 1)[1]


def test_the_cite_filter_takes_a_rule_and_keeps_text_that_is_no_citation():
    rule = get_rulebook("kz-br-2018").refusal_reasons
    with translation.override("kk"):
        assert citation_text(rule).startswith("Қазақстан–Бразилия ")
        assert citation_text(rule).endswith("-бап")
        assert citation_text("office policy") == "office policy"


def test_the_request_page_cites_in_kazakh_on_the_kazakh_page(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    body = _page(clerk_client, request, "kk")
    assert "Қазақстан–Сербия" in body and "-бап" in body
    assert ">kz-rs-2015 Art" not in body


# --- relative times --------------------------------------------------------------------------------
@pytest.mark.parametrize(("delta", "expected"), [
    (-timedelta(days=38), "1 ай 1 апта бұрын"),
    (timedelta(hours=20, minutes=49), "20 сағат 49 минут қалды"),
    (-timedelta(days=3), "3 күн бұрын"),
])
def test_relative_times_are_kazakh_on_the_kazakh_pages(delta, expected):
    with translation.override("kk"):
        assert relative_time(NOW + delta, NOW).replace("\xa0", " ") == expected


def test_relative_times_in_english_keep_djangos_words():
    with translation.override("en"):
        assert relative_time(NOW - timedelta(days=3), NOW).replace("\xa0", " ") == "3 days ago"
        assert relative_time(NOW + timedelta(hours=2), NOW).replace("\xa0", " ") == "in 2 hours"


# --- error pages -----------------------------------------------------------------------------------
def test_a_prosecutor_opening_the_dashboard_gets_the_403_page_with_the_layout_and_a_way_back(
        prosecutor_client):
    response = prosecutor_client.get("/dashboard/", **EN)
    body = response.content.decode()
    assert response.status_code == 403
    assert '<header class="top">' in body and "data-way-back" in body
    assert 'href="/"' in body or "href=\"/\"" in body


def test_a_403_is_logged_in_one_line_without_a_traceback(prosecutor_client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        prosecutor_client.get("/dashboard/", **EN)
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records and all(r.exc_info is None for r in records)


def test_an_unknown_page_gets_the_404_page_with_the_layout_and_a_way_back(clerk_client):
    response = clerk_client.get("/no-such-page/", **EN)
    body = response.content.decode()
    assert response.status_code == 404
    assert '<header class="top">' in body and "data-way-back" in body


def test_the_500_page_renders_without_a_request_or_a_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        body = render_to_string("500.html")
    assert "data-way-back" in body and 'href="/"' in body and "app.css" in body


def test_the_500_handler_answers_the_standalone_page():
    from mla.views import server_error

    response = server_error(RequestFactory().get("/requests/"))
    assert response.status_code == 500
    assert b"data-way-back" in response.content


@pytest.mark.parametrize(("language", "expected"), [
    ("kk", "01.06.2020 бастап"), ("ru", "с 01.06.2020"), ("en", "since 01.06.2020")])
def test_since_a_date_is_one_phrase_in_each_language(language, expected):
    template = engines["django"].from_string("{% load mla_words %}{{ d|since_date }}")
    with translation.override(language):
        assert template.render({"d": date(2020, 6, 1)}) == expected
