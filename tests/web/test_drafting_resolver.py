"""The drafting page answers "which instrument governs this request, and why": for Germany (no
bilateral treaty) the conventions in order of precedence with their reasons and articles, the
offence deciding the scope, and a logged reason when another listed instrument is chosen."""

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import TransitionLog
from tests.factories import authority
from tests.factories import instrument

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
PANEL = "/requests/new/instrument/"


def _panel(client, **params) -> str:
    response = client.get(PANEL, {"state": "DE", **params}, **HTTP_EN, **HTMX)
    assert response.status_code == 200
    return response.content.decode()


HTTP_EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
REASON = "Germany asked for reciprocity in its letter of 2 March"


def _reciprocity_draft(client, **extra):
    """A draft to Germany under reciprocity for organised fraud, which UNTOC would govern."""
    return client.post("/requests/new/", {
        "requested_state": "DE", "instrument": instrument("kz-reciprocity").pk,
        "requested_authority": authority("de-central-authority").pk,
        "assistance_types": ["testimony"], "channel": "post", "request_language": "de",
        "offence_category": "fraud", "offence_max_penalty_years": "5",
        "organised_group_involved": "true", **extra}, **HTTP_EN)


def test_germany_gets_untoc_proposed_for_organised_serious_fraud(prosecutor_client, frozen_now):
    body = _panel(prosecutor_client, offence_category="fraud", offence_max_penalty_years="5",
                  organised_group_involved="true")
    assert f'value="{instrument("untoc-2000").pk}" checked' in body
    assert 'data-instrument="kz-reciprocity"' in body
    assert "office policy" in body


def test_minor_fraud_is_shown_outside_untoc_and_cannot_be_chosen_under_it(prosecutor_client,
                                                                           frozen_now):
    body = _panel(prosecutor_client, offence_category="fraud", offence_max_penalty_years="3",
                  organised_group_involved="true")
    assert f'value="{instrument("untoc-2000").pk}"' not in body
    assert "below the 4 years of a serious crime" in body


def test_choosing_reciprocity_over_untoc_without_a_reason_is_refused_next_to_the_field(
        prosecutor_client, frozen_now):
    response = _reciprocity_draft(prosecutor_client)
    assert response.status_code == 422
    assert 'id="id_instrument_choice_reason"' in response.content.decode()
    assert not AssistanceRequest.objects.exists()


def test_with_a_reason_the_draft_is_created_under_reciprocity_and_the_reason_logged(
        prosecutor_client, frozen_now):
    response = _reciprocity_draft(prosecutor_client, instrument_choice_reason=REASON)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = AssistanceRequest.objects.get()
    assert draft.instrument.slug == "kz-reciprocity"
    assert TransitionLog.objects.get(request=draft, action="create").reason.startswith("Germany")


def test_the_request_page_shows_the_reason_and_that_the_rules_are_not_encoded(
        prosecutor_client, frozen_now):
    _reciprocity_draft(prosecutor_client, instrument_choice_reason=REASON)
    draft = AssistanceRequest.objects.get()
    body = prosecutor_client.get(f"/requests/{draft.pk}/", **HTTP_EN).content.decode()
    assert "data-rules-not-encoded" in body
    assert REASON in body
    assert "Fraud" in body


def test_registration_shows_which_instrument_governs_for_the_requesting_state(clerk_client,
                                                                            frozen_now):
    body = clerk_client.get("/requests/register/", {
        "instrument": instrument("untoc-2000").pk,
        "requesting_authority": authority("de-central-authority").pk}, **HTTP_EN).content.decode()
    assert 'id="register-resolver"' in body
    assert 'data-instrument="untoc-2000"' in body and 'data-instrument="kz-reciprocity"' in body
    assert 'id="id_instrument_choice_reason"' in body


def test_what_was_typed_is_kept_when_the_panel_is_drawn_again(prosecutor_client, frozen_now):
    body = _panel(prosecutor_client, offence_category="fraud", offence_max_penalty_years="5",
                  organised_group_involved="true", purpose="Hear the witness in case 7",
                  channel="post")
    assert "Hear the witness in case 7" in body
    assert '<option value="fraud" selected>' in body
