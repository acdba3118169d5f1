"""The resolver in the API (``GET /api/instruments/applicable/``) and on creating a request: which
instrument governs a request to a state with no bilateral treaty, why (the scope articles, the
displacement clause, the office's rank), and a logged reason when another listed one is chosen.

Germany has no treaty with Kazakhstan: UNTOC (in force for Germany since 14 July 2006, for
Kazakhstan since the office's recorded 30 August 2008) and UNCAC bind the two; reciprocity, as
national law, binds Kazakhstan with any state and comes last."""

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import TransitionLog
from tests.factories import authority

pytestmark = pytest.mark.django_db

RESOLVER = "/api/instruments/applicable/"
ORGANISED_FRAUD = {"offence_category": "fraud", "offence_max_penalty_years": 5,
                   "organised_group_involved": True}


def _resolve(api, **params):
    response = api.get(RESOLVER, {"state": "DE", **params})
    assert response.status_code == 200, response.content
    return response.json()


def _option(answer: dict, slug: str) -> dict:
    return next(o for o in answer["options"] if o["instrument"] == slug)


def _draft(api, **overrides):
    body = {"instrument": "untoc-2000", "requested_authority": authority("de-central-authority").pk,
            "assistance_types": ["testimony"], "purpose": "Hear the witness", "channel": "post",
            "request_language": "en", **ORGANISED_FRAUD}
    body.update(overrides)
    return api.post("/api/requests/", body, format="json")


def test_organised_fraud_punishable_by_five_years_goes_under_untoc(prosecutor_api, frozen_now):
    answer = _resolve(prosecutor_api, **ORGANISED_FRAUD)
    assert answer["proposed"] == "untoc-2000"
    untoc = _option(answer, "untoc-2000")
    assert untoc["applies"] and untoc["offence_scope"]["verdict"] == "within"
    assert untoc["status"]["status"] == "in_force"


def test_fraud_punishable_by_three_years_is_outside_untoc_citing_the_serious_crime_definition(
        prosecutor_api, frozen_now):
    answer = _resolve(prosecutor_api, offence_category="fraud", offence_max_penalty_years=3,
                      organised_group_involved=True)
    untoc = _option(answer, "untoc-2000")
    assert untoc["offence_scope"]["verdict"] == "outside"
    assert untoc["offence_scope"]["citation"]["text"] == "untoc-2000 Art 2(b)"
    assert not untoc["selectable"] and answer["proposed"] != "untoc-2000"


def test_fraud_punishable_by_four_years_is_within_untoc(prosecutor_api, frozen_now):
    answer = _resolve(prosecutor_api, offence_category="fraud", offence_max_penalty_years=4,
                      organised_group_involved=True)
    assert _option(answer, "untoc-2000")["offence_scope"]["verdict"] == "within"


def test_fraud_is_outside_uncac_which_covers_corruption(prosecutor_api, frozen_now):
    answer = _resolve(prosecutor_api, **ORGANISED_FRAUD)
    assert _option(answer, "uncac-2003")["offence_scope"]["verdict"] == "outside"


def test_bribery_is_proposed_under_uncac_while_untoc_waits_for_the_organised_group(
        prosecutor_api, frozen_now):
    answer = _resolve(prosecutor_api, offence_category="corruption")
    assert answer["proposed"] == "uncac-2003"
    untoc = _option(answer, "untoc-2000")
    assert untoc["offence_scope"]["verdict"] == "unknown"
    assert untoc["offence_scope"]["missing"] == "organised_group_involved"


def test_the_order_among_conventions_is_labelled_office_policy(prosecutor_api, frozen_now):
    reasons = _option(_resolve(prosecutor_api, **ORGANISED_FRAUD), "untoc-2000")["reasons"]
    assert any(r["office_policy"] and r["citation"] is None for r in reasons)


def test_reciprocity_comes_last_marked_as_national_law(prosecutor_api, frozen_now):
    answer = _resolve(prosecutor_api, **ORGANISED_FRAUD)
    last = answer["options"][-1]
    assert last["instrument"] == "kz-reciprocity" and last["kind"] == "national_law"
    assert not last["rules_encoded"]


def test_serbia_gets_its_treaty_and_untoc_is_displaced_citing_18_7(prosecutor_api, frozen_now):
    answer = prosecutor_api.get(RESOLVER, {"state": "RS", **ORGANISED_FRAUD}).json()
    assert answer["proposed"] == "kz-rs-2015"
    untoc = _option(answer, "untoc-2000")
    assert untoc["displaced_by"] == "kz-rs-2015" and not untoc["applies"]
    assert untoc["selectable"]  # the parties may agree to apply paragraphs 9-29 instead
    assert untoc["reasons"][0]["citation"]["text"] == "untoc-2000 Art 18.7"


def test_an_unknown_category_is_a_400(prosecutor_api):
    response = prosecutor_api.get(RESOLVER, {"state": "DE", "offence_category": "piracy-ish"})
    assert response.status_code == 400


def test_anonymous_users_get_401_from_the_resolver(anonymous_api):
    assert anonymous_api.get(RESOLVER, {"state": "DE"}).status_code == 401


# --- creating a request under the instrument chosen ------------------------------------------
def test_a_draft_to_germany_under_untoc_is_created_and_runs_under_it(prosecutor_api, frozen_now):
    response = _draft(prosecutor_api)
    assert response.status_code == 201, response.content
    draft = AssistanceRequest.objects.get(pk=response.json()["id"])
    assert draft.instrument.slug == "untoc-2000" and draft.offence_category == "fraud"
    assert draft.instrument_choice_reason == ""


def test_a_draft_under_an_instrument_the_offence_falls_outside_is_a_422_citing_it(
        prosecutor_api, frozen_now):
    response = _draft(prosecutor_api, offence_max_penalty_years=3)
    assert response.status_code == 422
    violation = response.json()["violations"][0]
    assert violation["citation"] == "untoc-2000 Art 2(b)"
    assert violation["field"] == "offence_max_penalty_years"
    assert not AssistanceRequest.objects.exists()


def test_choosing_an_instrument_other_than_the_one_proposed_needs_a_reason(prosecutor_api,
                                                                          frozen_now):
    response = _draft(prosecutor_api, instrument="kz-reciprocity")
    assert response.status_code == 422
    violation = response.json()["violations"][0]
    assert violation["field"] == "instrument_choice_reason"
    assert violation["basis"] == "office_policy"


def test_the_reason_for_choosing_another_instrument_is_logged(prosecutor_api, frozen_now):
    reason = "Germany asked us to proceed on the basis of reciprocity."
    response = _draft(prosecutor_api, instrument="kz-reciprocity", instrument_choice_reason=reason)
    assert response.status_code == 201, response.content
    draft = AssistanceRequest.objects.get(pk=response.json()["id"])
    assert draft.instrument_choice_reason == reason
    entry = TransitionLog.objects.get(request=draft, action="create")
    assert entry.reason == reason
    assert entry.details["instrument"] == "kz-reciprocity"
    assert entry.details["instrument_chosen_instead_of_proposed"] is True


def test_a_penalty_beyond_life_imprisonment_is_a_400(prosecutor_api, frozen_now):
    response = _draft(prosecutor_api, offence_max_penalty_years=120)
    assert response.status_code == 400
    assert "offence_max_penalty_years" in response.json()["errors"]
