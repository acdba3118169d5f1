"""Drafting in steps: one address per step, the step navigation with each step's completeness,
the checklist beside every step, a step's form saving only its own fields, persons corrected and
removed, and the submission refused with the checklist or overridden with a reason."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.forms.drafting import CONTENT_FORM_FIELDS
from requests_app.forms.drafting import DRAFT_STEPS
from requests_app.models import AssistanceRequest
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from tests.factories import AssistanceRequestFactory
from tests.factories import summoned_person
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db

TODAY = NOW.date()
STEP_FIELDS = {"parties": 'name="case_number"', "offence": 'name="legal_qualification"',
               "assistance": 'name="purpose"', "persons": 'name="person-full_name"',
               "documents": 'name="translation-language"', "review": 'name="_form" value="submit"'}


def _draft(client, **fields):
    return AssistanceRequestFactory(created_by=client.user, **fields)


def _step_status(body: str, slug: str) -> str:
    match = re.search(rf'data-step="{slug}" data-step-status="(\w+)"', body)
    assert match, f"no step {slug} in the navigation"
    return match.group(1)


def test_every_content_field_belongs_to_exactly_one_step():
    placed = [name for step in DRAFT_STEPS for name in step.fields]
    assert sorted(placed) == sorted(CONTENT_FORM_FIELDS)


@pytest.mark.parametrize("slug", list(STEP_FIELDS))
def test_each_step_shows_its_fields_the_navigation_and_the_checklist(prosecutor_client,
                                                                     frozen_now, slug):
    draft = _draft(prosecutor_client)
    response = prosecutor_client.get(f"/requests/{draft.pk}/edit/{slug}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert STEP_FIELDS[slug] in body
    assert 'aria-current="step"' in body and 'id="checklist"' in body
    assert "js/unsaved-guard.js" in body


@pytest.mark.parametrize("slug", list(STEP_FIELDS))
def test_another_office_gets_404_on_each_step(other_office_client, frozen_now, slug):
    draft = AssistanceRequestFactory()
    assert other_office_client.get(f"/requests/{draft.pk}/edit/{slug}/").status_code == 404


def test_an_unknown_step_is_404(prosecutor_client, frozen_now):
    draft = _draft(prosecutor_client)
    assert prosecutor_client.get(f"/requests/{draft.pk}/edit/nowhere/").status_code == 404


@pytest.mark.parametrize("slug", ["offence", "persons", "review"])
def test_a_step_runs_the_same_queries_for_2_or_10_persons(prosecutor_client, frozen_now, slug):
    def count(persons: int) -> int:
        draft = _draft(prosecutor_client)
        for n in range(persons):
            summoned_person(draft, TODAY + timedelta(days=70 + n))
        prosecutor_client.get(f"/requests/{draft.pk}/edit/{slug}/")
        with CaptureQueriesContext(connection) as queries:
            prosecutor_client.get(f"/requests/{draft.pk}/edit/{slug}/")
        return len(queries)

    assert count(2) == count(10)


def test_the_old_address_opens_the_first_step_with_something_missing(prosecutor_client,
                                                                     frozen_now):
    draft = _draft(prosecutor_client, legal_qualification="")
    response = prosecutor_client.get(f"/requests/{draft.pk}/edit/")
    assert response["Location"] == f"/requests/{draft.pk}/edit/offence/"


def test_the_old_address_opens_the_review_when_nothing_is_missing(prosecutor_client,
                                                                  frozen_now):
    draft = _draft(prosecutor_client)
    response = prosecutor_client.get(f"/requests/{draft.pk}/edit/")
    assert response["Location"] == f"/requests/{draft.pk}/edit/review/"


def test_the_navigation_marks_the_step_with_a_missing_content(prosecutor_client, frozen_now):
    draft = _draft(prosecutor_client, legal_qualification="")
    body = prosecutor_client.get(f"/requests/{draft.pk}/edit/parties/").content.decode()
    assert _step_status(body, "offence") == "missing"
    assert _step_status(body, "assistance") == "ok"
    assert _step_status(body, "review") == "missing"


def test_save_and_continue_saves_only_the_steps_fields_and_opens_the_next_step(
        prosecutor_client, frozen_now):
    draft = _draft(prosecutor_client, legal_qualification="", purpose="Kept as it is")
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/offence/", {
        "_form": "contents", "_continue": "1", "version": draft.version,
        "offence_description": draft.offence_description, "applicable_law": draft.applicable_law,
        "facts_summary": draft.facts_summary, "legal_qualification": "Art 190(4) CC"})
    assert response["Location"] == f"/requests/{draft.pk}/edit/assistance/"
    draft.refresh_from_db()
    assert (draft.legal_qualification, draft.purpose) == ("Art 190(4) CC", "Kept as it is")
    assert TransitionLog.objects.get(request=draft, action="update").details["fields"] == [
        "legal_qualification"]


def test_save_stays_on_the_step(prosecutor_client, frozen_now):
    draft = _draft(prosecutor_client)
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/parties/", {
        "_form": "contents", "version": draft.version, "channel": "post",
        "request_language": "en", "case_number": "2026-0001"})
    assert response["Location"] == f"/requests/{draft.pk}/edit/parties/#checklist"
    draft.refresh_from_db()
    assert draft.case_number == "2026-0001"


def test_the_checklist_of_a_step_counts_only_that_steps_unsaved_fields(prosecutor_client,
                                                                      frozen_now):
    draft = _draft(prosecutor_client, legal_qualification="")
    body = prosecutor_client.post(f"/requests/{draft.pk}/checklist/", {
        "_step": "offence", "version": draft.version, "legal_qualification": "Art 190 CC",
        "offence_description": draft.offence_description, "applicable_law": draft.applicable_law,
        "facts_summary": draft.facts_summary},
        HTTP_HX_REQUEST="true").content.decode()
    assert 'data-complete="yes"' in body  # the other steps' fields were not read as empty


# --- persons -------------------------------------------------------------------------------------
def test_a_person_is_added_on_the_persons_step(prosecutor_client, frozen_now):
    draft = _draft(prosecutor_client)
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/persons/", {
        "_form": "person_add", "person-role": "to_serve", "person-full_name": "Ana Souza",
        "person-version": draft.version})
    assert response["Location"] == f"/requests/{draft.pk}/edit/persons/#persons"
    assert RequestPerson.objects.get(request=draft).full_name == "Ana Souza"


def test_a_person_is_corrected_on_the_persons_step(prosecutor_client, frozen_now):
    draft = _draft(prosecutor_client)
    person = summoned_person(draft, TODAY + timedelta(days=70))
    prefix = f"person-{person.pk}"
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/persons/", {
        "_form": "person_update", "person": person.pk, f"{prefix}-role": "to_serve",
        f"{prefix}-full_name": "Petar Petrovic", f"{prefix}-appearance_date":
            (TODAY + timedelta(days=70)).isoformat(), f"{prefix}-version": draft.version})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Petar Petrovic"


def test_an_empty_name_is_refused_next_to_the_persons_field(prosecutor_client, frozen_now):
    draft = _draft(prosecutor_client)
    person = summoned_person(draft, TODAY + timedelta(days=70))
    prefix = f"person-{person.pk}"
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/persons/", {
        "_form": "person_update", "person": person.pk, f"{prefix}-role": "to_serve",
        f"{prefix}-full_name": "", f"{prefix}-version": draft.version})
    assert response.status_code == 400
    assert f'id="id_{prefix}-full_name_error"' in response.content.decode()


def test_a_person_is_removed_on_the_persons_step(prosecutor_client, frozen_now):
    draft = _draft(prosecutor_client)
    person = summoned_person(draft, TODAY + timedelta(days=70))
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/persons/", {
        "_form": "person_remove", "person": person.pk, "version": draft.version})
    assert response.status_code == 302
    assert not RequestPerson.objects.filter(pk=person.pk).exists()


def test_another_office_cannot_remove_a_person(other_office_client, frozen_now):
    draft = AssistanceRequestFactory()
    person = summoned_person(draft, TODAY + timedelta(days=70))
    response = other_office_client.post(f"/requests/{draft.pk}/edit/persons/", {
        "_form": "person_remove", "person": person.pk, "version": draft.version})
    assert response.status_code == 404
    assert RequestPerson.objects.filter(pk=person.pk).exists()


# --- submitting ----------------------------------------------------------------------------------
def test_an_incomplete_draft_is_refused_with_the_checklist(prosecutor_client, frozen_now):
    draft = _draft(prosecutor_client, purpose="")
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/review/", {
        "_form": "submit", "version": draft.version})
    body = response.content.decode()
    assert response.status_code == 422
    assert 'data-field="purpose" data-status="missing"' in body
    assert 'data-basis="office_policy"' in body and 'name="override_reason"' in body
    assert AssistanceRequest.objects.get(pk=draft.pk).state == RequestState.DRAFTING


def test_the_override_without_a_reason_is_refused_next_to_the_reason(prosecutor_client,
                                                                    frozen_now):
    draft = _draft(prosecutor_client, purpose="")
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/review/", {
        "_form": "submit", "version": draft.version, "override_incomplete": "on",
        "override_reason": ""})
    assert response.status_code == 400
    assert 'id="id_override_reason_error"' in response.content.decode()


def test_the_override_with_a_reason_submits_and_the_reviewer_reads_it(prosecutor_client,
                                                                      supervisor_client,
                                                                      frozen_now):
    draft = _draft(prosecutor_client, purpose="")
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/review/", {
        "_form": "submit", "version": draft.version, "override_incomplete": "on",
        "override_reason": "The purpose follows from the investigator today."})
    assert response["Location"] == f"/requests/{draft.pk}/"
    body = supervisor_client.get(f"/requests/{draft.pk}/").content.decode()
    notice = body[body.index('id="submitted-incomplete"'):]
    assert "The purpose follows from the investigator today." in notice[:1000]


def test_a_complete_draft_is_submitted_from_the_review_step(prosecutor_client, frozen_now):
    draft = _draft(prosecutor_client)
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/review/", {
        "_form": "submit", "version": draft.version})
    assert response.status_code == 302
    assert AssistanceRequest.objects.get(pk=draft.pk).state == RequestState.UNDER_REVIEW
    assert 'id="submitted-incomplete"' not in prosecutor_client.get(
        f"/requests/{draft.pk}/").content.decode()


def test_the_signatory_is_chosen_among_the_requesting_authoritys_officials_on_the_parties_step(
        prosecutor_client, frozen_now):
    from tests.factories import SignatoryFactory

    signatory = SignatoryFactory()
    draft = _draft(prosecutor_client)
    body = prosecutor_client.get(f"/requests/{draft.pk}/edit/parties/").content.decode()
    assert f'value="{signatory.pk}"' in body
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/parties/", {
        "_form": "contents", "version": draft.version, "channel": "post",
        "request_language": "en", "signatory": str(signatory.pk)})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.signatory == signatory
