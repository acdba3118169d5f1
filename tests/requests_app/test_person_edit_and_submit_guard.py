"""Persons corrected and removed in the draft (services), and the office's rule that a draft
goes to review complete unless overridden with a reason."""

from datetime import date

import pytest

from requests_app.exceptions import ConcurrentModification
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import transitions as t
from requests_app.services.requests import person_remove
from requests_app.services.requests import person_update
from tests.factories import AssistanceRequestFactory
from tests.factories import summoned_person

from ._support import author  # noqa: F401
from ._support import fresh
from ._support import traveller  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]


def _summons(author):  # noqa: F811
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)
    return request, summoned_person(request, date(2026, 6, 30))


# --- person_update -------------------------------------------------------------------------------
def test_updating_a_person_changes_only_the_fields_given_and_logs_them(author):  # noqa: F811
    request, person = _summons(author)
    person_update(actor=author, person_id=person.pk, expected_version=request.version,
                  full_name="Petar Petrovic", nationality="RS")
    person.refresh_from_db()
    assert (person.full_name, person.nationality, person.appearance_date) == (
        "Petar Petrovic", "RS", date(2026, 6, 30))
    entry = TransitionLog.objects.filter(request=request).latest("id")
    assert entry.action == "person_update"
    assert (entry.details["person"], entry.details["fields"]) == (person.pk, ["full_name", "nationality"])


def test_moving_the_appearance_date_moves_the_summons_deadline(author):  # noqa: F811
    request, person = _summons(author)
    person_update(actor=author, person_id=person.pk, appearance_date=date(2026, 6, 30))
    before = fresh(request).deadlines.get(kind="summons_transmission").due_at
    person_update(actor=author, person_id=person.pk, appearance_date=date(2026, 7, 30))
    after = fresh(request).deadlines.get(kind="summons_transmission").due_at
    assert (after - before).days == 30
    assert TransitionLog.objects.filter(request=request).latest("id").citation.endswith("8.3")


def test_an_empty_name_is_refused_on_its_field(author):  # noqa: F811
    _request, person = _summons(author)
    with pytest.raises(InvalidInput) as error:
        person_update(actor=author, person_id=person.pk, full_name="  ")
    assert set(error.value.errors) == {"full_name"}


def test_an_appearance_date_in_the_past_is_refused_on_its_field(author):  # noqa: F811
    _request, person = _summons(author)
    with pytest.raises(InvalidInput) as error:
        person_update(actor=author, person_id=person.pk, appearance_date=date(2026, 3, 1))
    assert set(error.value.errors) == {"appearance_date"}


def test_updating_with_an_old_version_changes_nothing(author):  # noqa: F811
    request, person = _summons(author)
    with pytest.raises(ConcurrentModification):
        person_update(actor=author, person_id=person.pk, expected_version=request.version - 1
                      if request.version > 1 else 999, full_name="X")
    person.refresh_from_db()
    assert person.full_name == "Petar Petrović"


# --- person_remove -------------------------------------------------------------------------------
def test_removing_a_person_deletes_them_logs_it_and_drops_their_summons_deadline(author):  # noqa: F811
    request, person = _summons(author)
    person_update(actor=author, person_id=person.pk, appearance_date=date(2026, 6, 30))
    assert fresh(request).deadlines.filter(kind="summons_transmission", status="open").exists()
    person_remove(actor=author, person_id=person.pk, expected_version=fresh(request).version)
    assert not RequestPerson.objects.filter(pk=person.pk).exists()
    entry = TransitionLog.objects.filter(request=request).latest("id")
    assert (entry.action, entry.details["person"]) == ("person_remove", person.pk)
    assert not fresh(request).deadlines.filter(kind="summons_transmission",
                                               status="open").exists()


def test_removing_a_person_who_is_not_there_is_refused_on_the_person_field(author):  # noqa: F811
    with pytest.raises(InvalidInput) as error:
        person_remove(actor=author, person_id=987654)
    assert set(error.value.errors) == {"person"}


# --- submitting for review (office policy) -------------------------------------------------------
def test_a_complete_draft_is_submitted(author):  # noqa: F811
    request = AssistanceRequestFactory(created_by=author)
    assert t.request_submit_for_review(request_id=request.pk,
                                       actor=author).state == RequestState.UNDER_REVIEW


def test_a_draft_with_one_content_missing_is_refused_with_that_field_and_the_office_rule(author):  # noqa: F811
    request = AssistanceRequestFactory(created_by=author, purpose="")
    with pytest.raises(RuleViolation) as error:
        t.request_submit_for_review(request_id=request.pk, actor=author)
    found = {(v.field, v.basis) for v in error.value.violations}
    assert found == {("purpose", "treaty"), ("override_incomplete", "office_policy")}
    assert fresh(request).state == RequestState.DRAFTING


def test_the_override_without_a_reason_is_invalid_input_on_the_reason(author):  # noqa: F811
    request = AssistanceRequestFactory(created_by=author, purpose="")
    with pytest.raises(InvalidInput) as error:
        t.request_submit_for_review(request_id=request.pk, actor=author,
                                    params={"override_incomplete": True, "override_reason": " "})
    assert set(error.value.errors) == {"override_reason"}


def test_the_override_with_a_reason_submits_and_logs_the_reason(author):  # noqa: F811
    request = AssistanceRequestFactory(created_by=author, purpose="")
    t.request_submit_for_review(request_id=request.pk, actor=author, params={
        "override_incomplete": True, "override_reason": "Facts follow from the investigator."})
    entry = TransitionLog.objects.filter(request=request, action="submit_for_review").get()
    assert entry.reason == "Facts follow from the investigator."
    assert entry.details["override_incomplete"] is True
    assert fresh(request).state == RequestState.UNDER_REVIEW
