"""The request page's timeline names the basis of every step: the article of the request's
instrument as the page's language writes it, or "office procedure"; never an empty cell."""

import re

import pytest

from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import records
from requests_app.services import transitions as t
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db


def _timeline(client, request, language="en") -> str:
    response = client.get(f"/requests/{request.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    body = response.content.decode()
    start = body.index('id="timeline"')
    return body[start:body.index("</section>", start)]


def _bases(timeline: str) -> list[tuple[str, str, str]]:
    """(action, basis kind, basis text) of every step, in order."""
    steps = re.findall(r'data-log-action="([^"]+)" data-log-basis="([^"]+)".*?data-basis-line>'
                       r'[^<]*<span class="[^"]+"[^>]*>([^<]*)</span>', timeline, flags=re.S)
    return [(action, kind, text.strip()) for action, kind, text in steps]


def test_each_step_shows_its_article_or_office_procedure(prosecutor_client, frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015",
                                       created_by=prosecutor_client.user)
    records.translation_record(actor=prosecutor_client.user, request_id=request.pk,
                               language="sr")
    t.request_submit_for_review(request_id=request.pk, actor=prosecutor_client.user)

    assert _bases(_timeline(prosecutor_client, request)) == [
        ("translation_recorded", "treaty", "Kazakhstan–Serbia Art 4.1"),
        ("submit_for_review", "office_procedure", "office procedure")]


def test_the_article_is_written_as_the_pages_language_writes_it(police_clerk_client,
                                                                frozen_now):
    request = incoming_request("kz-cz-2017", state=RequestState.COMPLETENESS_CHECK,
                               request_language="en")
    t.request_forward(request_id=request.pk, actor=police_clerk_client.user,
                      executing_authority_id=request.requested_authority_id)

    timeline = _timeline(police_clerk_client, request, language="ru")

    assert _bases(timeline)[0][1:] == ("treaty", "Казахстан–Чешская Республика ст. 9.2")
    assert 'title="kz-cz-2017 Art 9.2"' in timeline


def test_a_step_logged_before_bases_were_kept_says_so_rather_than_leaving_a_blank(
        clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.FORWARDED)
    TransitionLog.objects.create(request=request, at=NOW, action="forward",
                                 from_state="completeness_check", to_state="forwarded")

    assert _bases(_timeline(clerk_client, request)) == [
        ("forward", "not_recorded", "basis not recorded")]
