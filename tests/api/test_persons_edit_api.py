"""PATCH and DELETE /api/requests/{id}/persons/{person_id}/: a person corrected or removed."""

from datetime import date

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import RequestPerson
from tests.factories import AssistanceRequestFactory
from tests.factories import summoned_person

pytestmark = pytest.mark.django_db


def _draft(user):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=user)
    return request, summoned_person(request, date(2026, 6, 30))


def _version(request) -> int:
    return AssistanceRequest.objects.get(pk=request.pk).version


def test_patch_changes_only_the_fields_sent(prosecutor_api):
    request, person = _draft(prosecutor_api.user)
    response = prosecutor_api.patch(f"/api/requests/{request.pk}/persons/{person.pk}/",
                                    {"version": _version(request), "nationality": "RS"},
                                    format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["nationality"], response.json()["full_name"]) == (
        "RS", "Petar Petrović")


def test_patch_with_an_empty_name_answers_400_on_that_field(prosecutor_api):
    request, person = _draft(prosecutor_api.user)
    response = prosecutor_api.patch(f"/api/requests/{request.pk}/persons/{person.pk}/",
                                    {"version": _version(request), "full_name": ""},
                                    format="json")
    assert response.status_code == 400
    assert "full_name" in str(response.json())


def test_delete_removes_the_person(prosecutor_api):
    request, person = _draft(prosecutor_api.user)
    response = prosecutor_api.delete(f"/api/requests/{request.pk}/persons/{person.pk}/",
                                     {"version": _version(request)}, format="json")
    assert response.status_code == 204
    assert not RequestPerson.objects.filter(pk=person.pk).exists()


def test_another_office_gets_404_and_the_person_stays(prosecutor_api, other_office_api):
    request, person = _draft(prosecutor_api.user)
    response = other_office_api.delete(f"/api/requests/{request.pk}/persons/{person.pk}/",
                                       {"version": _version(request)}, format="json")
    assert response.status_code == 404
    assert RequestPerson.objects.filter(pk=person.pk).exists()


def test_a_person_of_another_request_is_not_found_under_this_one(prosecutor_api):
    _request, person = _draft(prosecutor_api.user)
    other, _ = _draft(prosecutor_api.user)
    response = prosecutor_api.patch(f"/api/requests/{other.pk}/persons/{person.pk}/",
                                    {"version": _version(other), "nationality": "RS"},
                                    format="json")
    assert response.status_code == 404
