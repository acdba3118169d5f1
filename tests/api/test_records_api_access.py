"""Records API (tests/api/_records.py): every list and write endpoint walked by every role.
Clerks, prosecutors (where the service lets them) and supervisors get the answer; another
office and a user without a role get 404 (never data, exactly as for a missing request), an
anonymous caller 401. A write with a stale version is a conflict (409) that changes nothing."""

import pytest

from requests_app.models import HandedOverItem
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.services import records
from tests.api._records import LISTS
from tests.api._records import ROLES
from tests.api._records import WRITE
from tests.api._records import WRITES
from tests.api._records import Case
from tests.api._records import expected_status
from tests.api._records import list_url
from tests.api._records import listed
from tests.api._records import rs_request
from tests.api._records import write
from tests.api._records import write_case
from tests.api._support import version_of
from tests.factories import clerk

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


# --- every endpoint x every role ------------------------------------------------------------------
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", LISTS)
def test_list_answers_everyone_who_sees_the_request_and_nobody_else(request, name, role):
    case = listed(name)
    client = request.getfixturevalue(role)

    response = client.get(case.url)

    assert response.status_code == expected_status(role), response.content
    body = response.json()
    if response.status_code == 200:
        assert body["count"] == 1
        assert body["results"][0]["request_version"] == version_of(case.request)
    else:
        assert "results" not in body
        assert body["type"] == ("not_authenticated" if role == "anonymous_api" else "not_found")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", WRITES, ids=str)
def test_write_is_allowed_to_the_roles_the_service_allows_and_hidden_from_others(
        request, endpoint, role):
    case = endpoint.case()
    client = request.getfixturevalue(role)
    before = version_of(case.request)

    response = write(client, case)

    expected = expected_status(role, endpoint.ok, endpoint.clerks_only)
    assert response.status_code == expected, response.content
    body = response.json()
    if expected in {200, 201}:
        assert body["request_version"] == before + 1 == version_of(case.request)
        assert body["id"]
    else:
        assert version_of(case.request) == before
        assert set(body) >= {"type", "detail"} and "id" not in body
        assert body["type"] == {401: "not_authenticated", 403: "forbidden",
                                404: "not_found"}[expected]


def test_other_office_gets_exactly_the_answer_of_a_missing_request(other_office_api):
    case = listed("items")
    missing = other_office_api.get("/api/requests/999999/items/")

    hidden = other_office_api.get(case.url)

    assert (hidden.status_code, hidden.json()) == (missing.status_code, missing.json())


@pytest.mark.parametrize("url", ["/api/items/{item}/returned/", "/api/items/{item}/waive/"])
def test_another_offices_item_is_not_found_before_its_body_is_even_read(other_office_api, url):
    case = write_case("item-returned")
    item = HandedOverItem.objects.get(request=case.request)

    response = other_office_api.post(url.format(item=item.pk), {"bogus": 1}, format="json")

    assert response.status_code == 404
    assert response.json()["errors"] == {}


@pytest.mark.parametrize("url", [
    "/api/items/999999/returned/", "/api/items/99999999999999999999/waive/",
    "/api/transfers/999999/extend/", "/api/originals/999999/",
    "/api/requests/99999999999999999999/items/",
])
def test_missing_or_oversized_ids_are_not_found(clerk_api, url):
    method = "patch" if url.startswith("/api/originals/") else "post"

    response = getattr(clerk_api, method)(url, {"version": 1}, format="json")

    assert response.status_code == 404


def test_a_person_of_another_request_is_not_found_under_this_one(clerk_api):
    case = write_case("appearance-date")
    other = rs_request()
    person = RequestPerson.objects.get(request=case.request)

    response = clerk_api.post(f"/api/requests/{other.pk}/persons/{person.pk}/appearance-date/",
                              {"version": version_of(other), "appearance_date": "2026-07-01"},
                              format="json")

    assert response.status_code == 404




# --- concurrency ----------------------------------------------------------------------------------
@pytest.mark.parametrize("endpoint", WRITES, ids=str)
def test_write_with_a_stale_version_is_a_conflict_and_changes_nothing(clerk_api, endpoint):
    case = endpoint.case()
    seen = version_of(case.request)
    # Someone else records something on the request meanwhile.
    records.translation_record(actor=clerk(), request_id=case.request.pk, language="en")
    current = version_of(case.request)

    response = write(clerk_api, case, version=seen)

    assert response.status_code == 409, response.content
    assert response.json()["type"] == "conflict"
    assert response.json()["current_version"] == current
    assert version_of(case.request) == current


def test_two_clients_with_the_same_version_one_wins_the_other_gets_409(clerk_api,
                                                                      supervisor_api):
    case = write_case("items-create")
    version = version_of(case.request)

    first = write(clerk_api, case, version=version)
    second = write(supervisor_api, case, version=version, description="Phone")

    assert (first.status_code, second.status_code) == (201, 409)
    assert second.json()["current_version"] == first.json()["request_version"]
    assert HandedOverItem.objects.filter(request=case.request).count() == 1


def test_closed_request_takes_no_new_records(clerk_api):
    request = rs_request(state=RequestState.CLOSED)
    case = Case(list_url("items", request), request, WRITE["items-create"].body)

    response = write(clerk_api, case)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"state"}
