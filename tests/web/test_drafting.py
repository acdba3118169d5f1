"""Drafting an outgoing request through the web pages: the instrument proposed for the state, only
its assistance types, the rule errors next to the fields, the live checklist, persons,
translations, concurrency and access."""

import re
from datetime import date
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import AssistanceRequest
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import instrument
from tests.factories import summoned_person
from tests.web.conftest import NOW
from treaties.rulebook.catalogue import ASSISTANCE_TYPES

pytestmark = pytest.mark.django_db

TODAY = NOW.date()
HTMX = {"HTTP_HX_REQUEST": "true"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _errors_of(body: str, field_id: str) -> str:
    """The error list rendered next to a field (``<ul id="<field_id>_error">``)."""
    match = re.search(rf'<ul class="errorlist" id="{field_id}_error" role="alert">(.*?)</ul>',
                      body, re.S)
    return match.group(1) if match else ""


def _checklist_item(body: str, field: str) -> str:
    match = re.search(rf'<li[^>]*data-field="{field}"[^>]*>(.*?)</li>', body, re.S)
    assert match, f"no checklist item for {field}"
    return match.group(0)


def _serbian_draft_data(**overrides):
    data = {
        "requested_state": "RS",
        "instrument": instrument("kz-rs-2015").pk,
        "requested_authority": authority("rs-justice").pk,
        "assistance_types": ["testimony", "service_of_documents"],
        "channel": "post",
        "request_language": "ru",
        "purpose": "Hear the witness in case 2026-0001",
    }
    data.update(overrides)
    return data


def _suspend_cz():
    cz = instrument("kz-cz-2017")
    cz.suspension_notice_received_on = TODAY - timedelta(days=20)
    cz.save(update_fields=["suspension_notice_received_on"])


# --- creating a draft ----------------------------------------------------------------------------
def test_prosecutor_creates_a_serbian_draft_through_the_form(prosecutor_client, frozen_now):
    response = prosecutor_client.post("/requests/new/", _serbian_draft_data())
    draft = AssistanceRequest.objects.get(created_by=prosecutor_client.user)
    assert response.status_code == 302 and response["Location"] == f"/requests/{draft.pk}/edit/"
    assert (draft.instrument.slug, draft.state) == ("kz-rs-2015", RequestState.DRAFTING)
    assert draft.requesting_authority.code == "kz-gpo"
    assert draft.requested_authority.code == "rs-justice"
    assert draft.assistance_types == ["testimony", "service_of_documents"]
    assert draft.purpose == "Hear the witness in case 2026-0001"


@pytest.mark.parametrize("state, slug", [("RS", "kz-rs-2015"), ("BR", "kz-br-2018"),
                                         ("CZ", "kz-cz-2017"), ("SK", "kz-sk-2007")])
def test_the_instrument_in_force_is_proposed_for_each_state(prosecutor_client, frozen_now,
                                                            state, slug):
    response = prosecutor_client.get(f"/requests/new/instrument/?state={state}", **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert f'name="instrument" value="{instrument(slug).pk}" checked' in body
    assert "<html" not in body  # a partial, not a page


def test_serbia_gets_the_serbian_treaty_with_its_contents_and_rules(prosecutor_client,
                                                                    frozen_now):
    body = prosecutor_client.get("/requests/new/instrument/?state=RS", **HTMX).content.decode()
    assert "kz-rs-2015 Art 3.2(c)" in body  # mandatory contents with their citations
    assert "kz-rs-2015 Art 3.3(f)" in body  # optional contents
    assert "kz-rs-2015 Art 8.3" in body and "kz-rs-2015 Art 4.1" in body
    assert "kz-rs-2015 Art 3.4" in body  # originals
    assert f'value="{authority("rs-justice").pk}"' in body
    assert f'value="{authority("br-justice").pk}"' not in body


def test_a_suspended_czech_agreement_is_not_proposed_and_its_article_17_is_cited(
        prosecutor_client, frozen_now):
    _suspend_cz()
    body = prosecutor_client.get("/requests/new/instrument/?state=CZ", **HTMX).content.decode()
    assert "kz-cz-2017 Art 17" in body
    assert f'value="{instrument("kz-cz-2017").pk}"' not in body  # listed, not selectable
    # Reciprocity, Kazakhstan's own law, is what remains: offered, not proposed.
    assert f'value="{instrument("kz-reciprocity").pk}"' in body


def test_creating_under_a_suspended_agreement_is_refused_next_to_the_state(prosecutor_client,
                                                                          frozen_now):
    _suspend_cz()
    response = prosecutor_client.post("/requests/new/", {
        "requested_state": "CZ", "instrument": instrument("kz-cz-2017").pk,
        "requested_authority": authority("cz-police-presidium").pk,
        "assistance_types": ["information_exchange"], "channel": "post",
        "request_language": "en"})
    assert response.status_code == 422  # the rule refuses it, not the form
    assert "Казахстан–Чешская Республика ст. 17" in _errors_of(response.content.decode(),
                                                            "id_requested_state")
    assert not AssistanceRequest.objects.exists()


def test_the_czech_agreement_offers_no_legal_assistance_types(prosecutor_client, frozen_now):
    body = prosecutor_client.get("/requests/new/instrument/?state=CZ", **HTMX).content.decode()
    offered = set(re.findall(r'name="assistance_types" value="([a-z_]+)"', body))
    assert "information_exchange" in offered
    assert not {code for code in offered if ASSISTANCE_TYPES[code].legal_assistance}


def test_a_legal_assistance_type_posted_for_czechia_shows_article_1_2_next_to_the_field(
        prosecutor_client, frozen_now):
    response = prosecutor_client.post("/requests/new/", {
        "requested_state": "CZ", "instrument": instrument("kz-cz-2017").pk,
        "requested_authority": authority("cz-police-presidium").pk,
        "assistance_types": ["testimony"], "channel": "post", "request_language": "en"})
    assert response.status_code == 422
    assert "Казахстан–Чешская Республика ст. 1.2" in _errors_of(response.content.decode(), "id_assistance_types")
    assert not AssistanceRequest.objects.exists()


def test_the_instrument_partial_without_htmx_redirects_to_the_full_page(prosecutor_client):
    response = prosecutor_client.get("/requests/new/instrument/?state=RS")
    assert response.status_code == 302 and response["Location"] == "/requests/new/?state=RS"


def test_the_create_page_shows_the_instrument_of_the_state_in_the_query(prosecutor_client,
                                                                        frozen_now):
    body = prosecutor_client.get("/requests/new/?state=RS").content.decode()
    assert f'name="instrument" value="{instrument("kz-rs-2015").pk}" checked' in body


def test_a_user_without_a_drafting_role_may_not_open_the_create_page(roleless_client):
    assert roleless_client.get("/requests/new/").status_code == 403


# --- the live checklist --------------------------------------------------------------------------
def test_the_checklist_shows_the_missing_legal_qualification_with_article_3_2_c(
        prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory(legal_qualification="")
    body = prosecutor_client.get(f"/requests/{draft.pk}/checklist/", **HTMX).content.decode()
    item = _checklist_item(body, "legal_qualification")
    assert 'data-status="missing"' in item and "kz-rs-2015 Art 3.2(c)" in item
    assert 'data-complete="no"' in body


def test_the_checklist_counts_unsaved_values_without_saving_them(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory(legal_qualification="")
    response = prosecutor_client.post(f"/requests/{draft.pk}/checklist/", {
        "version": draft.version, "legal_qualification": "Art 190(4) CC", "channel": "post",
        "request_language": "en", "assistance_types": ["testimony"]}, **HTMX)
    assert 'data-status="ok"' in _checklist_item(response.content.decode(), "legal_qualification")
    draft.refresh_from_db()
    assert draft.legal_qualification == "" and draft.version == 1


def test_a_summons_59_days_ahead_is_blocked_by_article_8_3_in_the_checklist(prosecutor_client,
                                                                          frozen_now):
    draft = AssistanceRequestFactory()
    summoned_person(draft, TODAY + timedelta(days=59))
    body = prosecutor_client.get(f"/requests/{draft.pk}/checklist/", **HTMX).content.decode()
    row = re.search(r'<tr data-summons-status="(\w+)">(.*?)</tr>', body, re.S)
    assert row.group(1) == "blocked"
    assert "<td>59</td><td>60</td>" in row.group(2) and "kz-rs-2015 Art 8.3" in row.group(2)


def test_a_summons_60_days_ahead_is_enough_for_article_8_3(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    summoned_person(draft, TODAY + timedelta(days=60))
    body = prosecutor_client.get(f"/requests/{draft.pk}/checklist/", **HTMX).content.decode()
    assert 'data-summons-status="ok"' in body and 'data-complete="yes"' in body


def test_the_checklist_asks_for_a_translation_until_one_is_completed(prosecutor_client,
                                                                     frozen_now):
    draft = AssistanceRequestFactory(request_language="ru")
    body = prosecutor_client.get(f"/requests/{draft.pk}/checklist/", **HTMX).content.decode()
    assert 'data-translation-status="missing"' in body and "kz-rs-2015 Art 4.1" in body


def test_the_checklist_without_htmx_is_a_full_page(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    body = prosecutor_client.get(f"/requests/{draft.pk}/checklist/").content.decode()
    assert "<html" in body and 'data-complete="yes"' in body


# --- editing -------------------------------------------------------------------------------------
def _contents(draft, **changes):
    data = {"_form": "contents", "version": draft.version, "channel": draft.channel,
            "request_language": draft.request_language,
            "assistance_types": draft.assistance_types}
    for name in ("proceedings_authority", "purpose", "assistance_description",
                 "offence_description", "legal_qualification", "applicable_law",
                 "facts_summary", "reasons_for_measures", "summoned_person_allowances",
                 "enclosed_documents"):
        data[name] = getattr(draft, name)
    data["signed_and_sealed"] = "on" if draft.signed_and_sealed else ""
    data.update(changes)
    return data


def test_the_offence_step_shows_each_field_with_its_rule(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    body = prosecutor_client.get(f"/requests/{draft.pk}/edit/offence/").content.decode()
    field = body.index('name="legal_qualification"')
    assert "kz-rs-2015 Art 3.2(c)" in body[field:field + 2000]


def test_saving_contents_goes_through_request_update(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory(legal_qualification="")
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/",
                                      _contents(draft, legal_qualification="Art 190(4) CC"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.legal_qualification == "Art 190(4) CC" and draft.version == 2
    log = TransitionLog.objects.get(request=draft, action="update")
    assert log.details == {"fields": ["legal_qualification"], "basis": "office_procedure"}


def test_a_stale_version_says_the_request_changed_meanwhile(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory(legal_qualification="")
    stale = _contents(draft, legal_qualification="mine")
    AssistanceRequest.objects.filter(pk=draft.pk).update(version=2)
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/", stale, **EN)
    assert response.status_code == 409
    assert "changed this request meanwhile" in response.content.decode()
    draft.refresh_from_db()
    assert draft.legal_qualification == ""


def test_an_assistance_type_outside_the_treaty_is_refused_next_to_the_field(prosecutor_client,
                                                                           frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/",
                                      _contents(draft, assistance_types=["information_exchange"]))
    assert response.status_code == 422
    assert "Казахстан–Сербия ст. 1.2" in _errors_of(response.content.decode(), "id_assistance_types")


def test_a_request_no_longer_in_drafting_cannot_be_edited(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory(state=RequestState.UNDER_REVIEW)
    response = prosecutor_client.get(f"/requests/{draft.pk}/edit/")
    assert response.status_code == 302 and response["Location"] == f"/requests/{draft.pk}/"


def test_adding_a_summoned_person_with_an_appearance_date(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_client.post(f"/requests/{draft.pk}/persons/add/", {
        "person-role": "to_serve", "person-full_name": "Petar Petrović",
        "person-appearance_date": (TODAY + timedelta(days=70)).isoformat(),
        "person-version": draft.version})
    assert response.status_code == 302
    person = RequestPerson.objects.get(request=draft)
    assert (person.full_name, person.appearance_date) == ("Petar Petrović",
                                                         TODAY + timedelta(days=70))


def test_an_appearance_date_in_the_past_is_refused_next_to_the_field(prosecutor_client,
                                                                    frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_client.post(f"/requests/{draft.pk}/persons/add/", {
        "person-role": "to_serve", "person-full_name": "Petar Petrović",
        "person-appearance_date": (TODAY - timedelta(days=1)).isoformat(),
        "person-version": draft.version})
    assert response.status_code == 400
    assert _errors_of(response.content.decode(), "id_person-appearance_date")
    assert not RequestPerson.objects.exists()


def test_recording_a_completed_translation_satisfies_the_language_rule(prosecutor_client,
                                                                      frozen_now):
    draft = AssistanceRequestFactory(request_language="ru")
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/", {
        "_form": "translation", "translation-language": "sr", "translation-document": "request",
        "translation-completed_on": TODAY.isoformat(), "translation-version": draft.version})
    assert response.status_code == 302
    body = prosecutor_client.get(f"/requests/{draft.pk}/checklist/", **HTMX).content.decode()
    assert 'data-translation-status="ok"' in body


def test_the_persons_step_runs_the_same_queries_for_2_or_10_persons(prosecutor_client, frozen_now):
    def count(persons: int) -> int:
        draft = AssistanceRequestFactory()
        for n in range(persons):
            summoned_person(draft, date(2026, 6, 1) + timedelta(days=n))
        prosecutor_client.get(f"/requests/{draft.pk}/edit/persons/")  # warm the session, caches
        with CaptureQueriesContext(connection) as queries:
            assert prosecutor_client.get(f"/requests/{draft.pk}/edit/persons/").status_code == 200
        return len(queries)

    assert count(2) == count(10)


# --- access --------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/requests/{pk}/edit/", "/requests/{pk}/checklist/",
                                  "/requests/{pk}/letter.pdf", "/requests/{pk}/letter.docx",
                                  "/requests/{pk}/attachments/"])
def test_another_offices_prosecutor_gets_404(other_office_client, frozen_now, path):
    draft = AssistanceRequestFactory()
    assert other_office_client.get(path.format(pk=draft.pk)).status_code == 404


def test_another_offices_prosecutor_cannot_add_a_person(other_office_client, frozen_now):
    draft = AssistanceRequestFactory()
    response = other_office_client.post(f"/requests/{draft.pk}/persons/add/", {
        "person-role": "to_hear", "person-full_name": "X", "person-version": draft.version})
    assert response.status_code == 404 and not RequestPerson.objects.exists()


def test_a_missing_request_looks_the_same_as_a_forbidden_one(prosecutor_client):
    assert prosecutor_client.get("/requests/999999/edit/").status_code == 404


def test_the_checklist_counts_the_original_by_post_as_the_transmit_guard_does(prosecutor_client,
                                                                              frozen_now):
    """RS 3.4: "complete" on the checklist and "transmittable" are one function."""
    draft = AssistanceRequestFactory(channel="electronic")
    body = prosecutor_client.get(f"/requests/{draft.pk}/checklist/", **HTMX).content.decode()
    assert 'data-complete="no"' in body and "kz-rs-2015 Art 3.4" in body
