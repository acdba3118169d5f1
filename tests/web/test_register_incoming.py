"""Registering an incoming request: the instrument's rules answer with their citations, and the
request page then shows the terms that run."""

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import RequestState
from tests.factories import FULL_CONTENTS
from tests.factories import authority
from tests.factories import instrument
from treaties.rulebook import get_rulebook

pytestmark = pytest.mark.django_db

URL = "/requests/register/"


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _sk_oral(**overrides):
    data = {
        "instrument": instrument("kz-sk-2007").pk,
        "requesting_authority": authority("sk-police-presidium").pk,
        "requested_authority": authority("kz-mvd").pk,
        "channel": "oral", "is_urgent": "on", "urgency_reason": "Suspect about to flee",
        "their_reference": "SK-2026-15", "received_at": "2026-03-02T10:00",
        "assistance_types": ["search_for_persons"],
        "purpose": "Locate the suspect",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_clerk_registers_an_sk_urgent_oral_request_and_its_page_shows_the_24_hour_deadline(
        police_clerk_client, frozen_now):
    response = police_clerk_client.post(URL, _sk_oral())
    request = AssistanceRequest.objects.get(their_reference="SK-2026-15")
    assert response.status_code == 302
    assert response["Location"] == f"/requests/{request.pk}/"
    assert request.state == RequestState.ORAL_PENDING_CONFIRMATION
    assert (request.purpose, request.urgency_reason) == ("Locate the suspect",
                                                         "Suspect about to flee")
    body = police_clerk_client.get(response["Location"]).content.decode()
    deadlines = body[body.index('id="deadlines"'):body.index('id="timeline"')]
    assert "kz-sk-2007 Art 7.4" in deadlines and "03.03.2026 10:00" in deadlines


def test_the_oral_request_time_starts_the_confirmation_term(police_clerk_client, frozen_now):
    police_clerk_client.post(URL, _sk_oral(oral_request_at="2026-03-02T07:30"))
    request = AssistanceRequest.objects.get(their_reference="SK-2026-15")
    body = police_clerk_client.get(f"/requests/{request.pk}/").content.decode()
    assert "03.03.2026 07:30" in body[body.index('id="deadlines"'):]


def test_an_oral_request_under_the_serbian_treaty_is_refused_with_its_citation(clerk_client,
                                                                              frozen_now):
    response = clerk_client.post(URL, _sk_oral(
        instrument=instrument("kz-rs-2015").pk, requesting_authority=authority("rs-justice").pk,
        requested_authority=authority("kz-gpo").pk, assistance_types=["testimony"]))
    body = response.content.decode()
    assert response.status_code == 422
    alert = body[body.index('id="violations"'):]
    citation = str(get_rulebook("kz-rs-2015").written_form.citation)
    assert citation in alert and "provides no oral requests" in alert
    assert not AssistanceRequest.objects.exists()


def test_an_sk_oral_request_that_is_not_urgent_is_refused_citing_art_7_4(police_clerk_client,
                                                                         frozen_now):
    response = police_clerk_client.post(URL, _sk_oral(is_urgent=None))
    body = response.content.decode()
    assert "kz-sk-2007 Art 7.4" in body[body.index('id="violations"'):]
    assert not AssistanceRequest.objects.exists()


def test_a_serbian_request_by_post_with_full_contents_is_registered(clerk_client, frozen_now):
    data = _sk_oral(instrument=instrument("kz-rs-2015").pk,
                    requesting_authority=authority("rs-justice").pk,
                    requested_authority=authority("kz-gpo").pk, channel="post",
                    is_urgent=None, assistance_types=["testimony"], their_reference="RS-1")
    data.update({k: v for k, v in FULL_CONTENTS.items() if isinstance(v, str)})
    response = clerk_client.post(URL, data)
    request = AssistanceRequest.objects.get(their_reference="RS-1")
    assert response.status_code == 302
    assert request.state == RequestState.RECEIVED
    assert request.legal_qualification == FULL_CONTENTS["legal_qualification"]


def test_a_missing_instrument_is_shown_next_to_the_field(police_clerk_client, frozen_now):
    response = police_clerk_client.post(URL, _sk_oral(instrument=""))
    body = response.content.decode()
    field = body[body.index('<label for="id_instrument"'):]
    assert 'class="errorlist"' in field[:field.index("<select")]


def test_a_receipt_time_in_the_future_is_shown_next_to_the_field(police_clerk_client,
                                                                 frozen_now):
    response = police_clerk_client.post(URL, _sk_oral(received_at="2026-03-03T10:00"))
    body = response.content.decode()
    field = body[body.index('<label for="id_received_at"'):]
    assert "cannot be in the future" in field[:field.index("<input")]
    assert not AssistanceRequest.objects.exists()


def test_a_kazakh_authority_cannot_be_the_requesting_side(police_clerk_client, frozen_now):
    response = police_clerk_client.post(URL, _sk_oral(requesting_authority=authority("kz-gpo").pk))
    assert response.status_code == 400
    assert not AssistanceRequest.objects.exists()


def test_the_form_offers_the_assistance_types_of_the_chosen_instrument(police_clerk_client,
                                                                      frozen_now):
    response = police_clerk_client.get(f"{URL}?instrument={instrument('kz-sk-2007').pk}",
                                       HTTP_HX_REQUEST="true", HTTP_HX_TARGET="assistance-types")
    body = response.content.decode()
    assert "<html" not in body and body.strip().startswith('<fieldset id="assistance-types"')
    assert 'value="search_for_persons"' in body and 'value="testimony"' not in body


def test_changing_the_instrument_keeps_the_other_sides_authority_already_chosen(
        police_clerk_client, frozen_now):
    """The authority's field is swapped with the instrument's; a choice made before the swap
    arrived must survive it where the new instrument has that authority too."""
    presidium = authority("sk-police-presidium")
    response = police_clerk_client.get(
        f"{URL}?instrument={instrument('kz-sk-2007').pk}&requesting_authority={presidium.pk}",
        HTTP_HX_REQUEST="true", HTTP_HX_TARGET="assistance-types")
    assert f'<option value="{presidium.pk}" selected>' in response.content.decode()


def test_the_form_defaults_the_requested_authority_to_the_clerks_office(police_clerk_client,
                                                                       frozen_now):
    body = police_clerk_client.get(URL).content.decode()
    assert f'<option value="{authority("kz-mvd").pk}" selected>' in body


def test_a_prosecutor_may_not_register_incoming_requests(prosecutor_client, frozen_now):
    assert prosecutor_client.get(URL).status_code == 403
    assert prosecutor_client.post(URL, _sk_oral()).status_code == 403
    assert not AssistanceRequest.objects.exists()


def test_an_oral_request_time_in_the_future_is_shown_next_to_the_field(police_clerk_client,
                                                                      frozen_now):
    response = police_clerk_client.post(URL, _sk_oral(oral_request_at="2026-03-02T11:00"))
    body = response.content.decode()
    field = body[body.index('<label for="id_oral_request_at"'):]
    assert response.status_code == 400
    assert 'class="errorlist"' in field[:field.index("<input")]
    assert not AssistanceRequest.objects.exists()


def test_the_language_is_a_choice_of_language_names(police_clerk_client, frozen_now):
    body = police_clerk_client.get(f"{URL}?instrument={instrument('kz-sk-2007').pk}").content.decode()
    select = body[body.index('name="request_language"'):]
    select = select[:select.index("</select>")]
    assert '<option value="sk">Slovak</option>' in select
    assert '<option value="ru">Russian</option>' in select


def test_a_language_outside_the_choices_is_refused_next_to_the_field(police_clerk_client,
                                                                     frozen_now):
    response = police_clerk_client.post(URL, _sk_oral(request_language="xx"))
    assert response.status_code == 400
    assert 'id="id_request_language_error"' in response.content.decode()


def test_the_requesting_authorities_are_those_of_the_instruments_other_party(
        police_clerk_client, frozen_now):
    response = police_clerk_client.get(f"{URL}?instrument={instrument('kz-sk-2007').pk}",
                                       HTTP_HX_REQUEST="true", HTTP_HX_TARGET="assistance-types")
    body = response.content.decode()
    field = body[body.index('id="requesting-authority-field" hx-swap-oob="true"'):]
    field = field[:field.index("</select>")]
    assert f'value="{authority("sk-police-presidium").pk}"' in field
    assert f'value="{authority("rs-justice").pk}"' not in field


def test_an_authority_of_another_state_is_refused_without_javascript(police_clerk_client,
                                                                    frozen_now):
    response = police_clerk_client.post(URL, _sk_oral(
        requesting_authority=authority("rs-justice").pk))
    assert response.status_code == 400
    assert 'id="id_requesting_authority_error"' in response.content.decode()
    assert not AssistanceRequest.objects.exists()
