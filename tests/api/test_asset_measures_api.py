"""Asset measures through the API (``/api/requests/{id}/asset-measures/``): what a POST records
and the list shows, and the input the service refuses (400 naming the field)."""

import pytest

from requests_app.models import AssetMeasure
from requests_app.models import RequestState
from tests.api._records import TODAY
from tests.api._records import write
from tests.api._records import write_case
from tests.api._support import version_of
from tests.factories import AssistanceRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def _errors(response) -> set[str]:
    assert response.status_code == 400, response.content
    return set(response.json()["errors"])


def test_a_measure_posted_is_created_and_listed(prosecutor_api):
    case = write_case("asset-measures-create")

    created = write(prosecutor_api, case)

    assert created.status_code == 201
    shown = created.json()
    assert (shown["kind"], shown["amount"], shown["currency"], shown["taken_on"]) == (
        "confiscated", "1234567.50", "USD", TODAY.isoformat())
    assert shown["request_version"] == version_of(case.request)
    listed = prosecutor_api.get(case.url).json()["results"]
    assert [(m["id"], m["amount"], m["currency"], m["recorded_by"]) for m in listed] == [
        (shown["id"], "1234567.50", "USD", prosecutor_api.user.username)]


@pytest.mark.parametrize(("field", "value"), [
    ("amount", "0"), ("amount", "-1"), ("amount", "1.005"), ("amount", "NaN"),
    ("amount", "12345678901234567.00"), ("currency", "E1R"), ("currency", "EURO"),
    ("taken_on", "2026-03-03"), ("kind", "laundered")])
def test_bad_input_names_its_field(clerk_api, field, value):
    case = write_case("asset-measures-create")

    assert _errors(write(clerk_api, case, **{field: value})) == {field}
    assert not AssetMeasure.objects.exists()


def test_a_draft_is_refused_naming_its_state(prosecutor_api):
    draft = AssistanceRequestFactory(created_by=prosecutor_api.user)

    response = prosecutor_api.post(
        f"/api/requests/{draft.pk}/asset-measures/",
        {"version": version_of(draft), "kind": "frozen", "amount": "10.00", "currency": "KZT",
         "taken_on": TODAY.isoformat()}, format="json")

    assert _errors(response) == {"state"}


def test_a_stale_version_is_a_conflict(clerk_api):
    case = write_case("asset-measures-create")

    response = write(clerk_api, case, version=version_of(case.request) + 1)

    assert response.status_code == 409
    assert not AssetMeasure.objects.exists()


def test_a_closed_request_still_lists_its_measures(clerk_api):
    case = write_case("asset-measures-create")
    write(clerk_api, case)
    type(case.request).objects.filter(pk=case.request.pk).update(state=RequestState.CLOSED)

    assert len(clerk_api.get(case.url).json()["results"]) == 1
