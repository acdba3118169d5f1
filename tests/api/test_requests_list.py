"""API: listing requests: who sees which, the filters, ordering, pages, and a constant number of
queries. Every read goes through
the access function (another office's request answers like a missing one) and every write through
the services; the API never writes ``state``."""

from datetime import timedelta

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.services.inbox import inbox_keys_refresh
from tests.api._support import OTHER_SIDE
from tests.api._support import list_queries
from tests.api._support import listed_ids
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import incoming_request

from .conftest import NOW

pytestmark = pytest.mark.django_db


def _listed(client, **params) -> list[int]:
    """The ids ``GET /api/requests/`` lists with these query parameters."""
    return listed_ids(client.get("/api/requests/", params))


def _deadline(request, *, due_at, status=DeadlineStatus.OPEN, met_at=None,
              kind="summons_transmission"):
    row = Deadline.objects.create(request=request, instrument=request.instrument, kind=kind,
                                  due_at=due_at, citation="kz-rs-2015 Art 8.3",
                                  status=status, met_at=met_at, responsible_side="kazakhstan")
    # Written here without the services: the request's inbox sort time is brought in step.
    inbox_keys_refresh(AssistanceRequest.objects.filter(pk=request.pk))
    return row



# --- list: who sees what ----------------------------------------------------------------------
@pytest.mark.parametrize(("role", "seen", "unseen"), [
    pytest.param("prosecutor_api", {"kz-rs-2015"}, {"kz-cz-2017"},
                 id="a_prosecutor_sees_their_office_not_the_police"),
    pytest.param("supervisor_api", {"kz-rs-2015", "kz-cz-2017"}, set(),
                 id="a_supervisor_sees_every_request"),
    pytest.param("police_clerk_api", {"kz-cz-2017"}, {"kz-rs-2015"},
                 id="a_police_clerk_sees_police_requests_not_the_prosecutors"),
    pytest.param("clerk_api", {"kz-rs-2015"}, set(), id="a_clerk_sees_their_office"),
])
def test_the_list_shows_a_role_the_requests_of_its_office(request, role, seen, unseen,
                                                         frozen_now):
    """kz-gpo's RS request and kz-mvd's CZ (police) request, as each role lists them."""
    made = {slug: AssistanceRequestFactory(instrument_slug=slug).pk
            for slug in ("kz-rs-2015", "kz-cz-2017")}

    ids = set(listed_ids(request.getfixturevalue(role).get("/api/requests/")))

    assert {made[slug] for slug in seen} <= ids
    assert not {made[slug] for slug in unseen} & ids


@pytest.mark.parametrize("role", OTHER_SIDE)
def test_another_office_and_a_roleless_user_get_an_empty_list(role, request, frozen_now):
    AssistanceRequestFactory()
    incoming_request()
    response = request.getfixturevalue(role).get("/api/requests/")
    assert listed_ids(response) == []
    assert response.json()["next"] is None


def test_anonymous_users_get_401_on_the_list(anonymous_api):
    assert anonymous_api.get("/api/requests/").status_code == 401


def test_a_list_item_shows_the_request_at_a_glance(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory(their_reference="RS-77")
    item = prosecutor_api.get("/api/requests/").json()["results"][0]
    assert item["id"] == draft.pk
    assert item["reference"] == draft.reference
    assert item["their_reference"] == "RS-77"
    assert (item["direction"], item["state"], item["version"]) == ("outgoing", "drafting", 1)
    assert item["state_label"]
    assert item["instrument"]["slug"] == "kz-rs-2015"
    assert item["instrument"]["url"].endswith("/api/instruments/kz-rs-2015/")
    assert item["requesting_authority"]["code"] == "kz-gpo"
    assert item["requested_authority"] == {
        "id": authority("rs-justice").pk, "code": "rs-justice", "state": "RS",
        "name": authority("rs-justice").name}
    assert item["executing_authority"] is None
    assert item["is_overdue"] is False and item["next_due_at"] is None
    assert item["url"].endswith(f"/api/requests/{draft.pk}/")


# --- list: filters -----------------------------------------------------------------------------
def test_the_list_filters_by_instrument_slug(supervisor_api, frozen_now):
    rs = AssistanceRequestFactory()
    cz = AssistanceRequestFactory(instrument_slug="kz-cz-2017")
    assert _listed(supervisor_api, instrument="kz-cz-2017") == [cz.pk]
    assert _listed(supervisor_api, instrument="kz-rs-2015") == [rs.pk]


def test_the_list_filters_by_direction_and_state(supervisor_api, frozen_now):
    draft = AssistanceRequestFactory()
    incoming = incoming_request()
    assert _listed(supervisor_api, direction="incoming") == [incoming.pk]
    assert _listed(supervisor_api, direction="outgoing") == [draft.pk]
    assert _listed(supervisor_api, state="in_execution") == [incoming.pk]
    assert _listed(supervisor_api, state="closed") == []


def test_the_list_filters_by_an_authority_in_any_role(supervisor_api, frozen_now):
    outgoing = AssistanceRequestFactory()  # kz-gpo requests, rs-justice requested
    incoming = incoming_request("kz-br-2018")  # br-justice requests, kz-gpo executes
    police = AssistanceRequestFactory(instrument_slug="kz-cz-2017")
    assert set(_listed(supervisor_api, authority=authority("kz-gpo").pk)) == {outgoing.pk,
                                                                             incoming.pk}
    assert _listed(supervisor_api, authority=authority("rs-justice").pk) == [outgoing.pk]
    assert _listed(supervisor_api, authority=authority("br-justice").pk) == [incoming.pk]
    assert _listed(supervisor_api, authority=authority("kz-mvd").pk) == [police.pk]


def test_the_authority_filter_also_matches_the_executing_authority(supervisor_api, frozen_now):
    forwarded = incoming_request(executing_authority=authority("kz-prosecutor-almaty"))
    assert _listed(supervisor_api, authority=authority("kz-prosecutor-almaty").pk) == [forwarded.pk]


def test_the_authority_filter_never_widens_what_you_see(other_office_api, frozen_now):
    AssistanceRequestFactory()
    assert _listed(other_office_api, authority=authority("kz-gpo").pk) == []


def test_the_overdue_filter_finds_past_due_and_missed_deadlines(supervisor_api, frozen_now):
    past_due = AssistanceRequestFactory()
    _deadline(past_due, due_at=NOW - timedelta(hours=1))
    missed = AssistanceRequestFactory()
    _deadline(missed, due_at=NOW - timedelta(days=3), status=DeadlineStatus.MISSED)
    missed_then_met = AssistanceRequestFactory()
    _deadline(missed_then_met, due_at=NOW - timedelta(days=3), status=DeadlineStatus.MISSED,
              met_at=NOW - timedelta(days=1))
    in_time = AssistanceRequestFactory()
    _deadline(in_time, due_at=NOW + timedelta(days=1))
    none = AssistanceRequestFactory()
    overdue = set(_listed(supervisor_api, overdue="true"))
    assert overdue == {past_due.pk, missed.pk}
    not_overdue = set(_listed(supervisor_api, overdue="false"))
    assert not_overdue == {missed_then_met.pk, in_time.pk, none.pk}
    items = {item["id"]: item for item in
             supervisor_api.get("/api/requests/").json()["results"]}
    assert items[past_due.pk]["is_overdue"] is True
    assert items[in_time.pk]["is_overdue"] is False
    assert items[in_time.pk]["next_due_at"] is not None


def test_the_text_search_looks_in_both_references_and_the_offence(supervisor_api, frozen_now):
    by_ours = AssistanceRequestFactory(reference="OUT-2026-123456")
    by_theirs = AssistanceRequestFactory(their_reference="BEOGRAD-9")
    by_offence = AssistanceRequestFactory(offence_description="Smuggling of cigarettes")
    AssistanceRequestFactory()
    assert _listed(supervisor_api, q="123456") == [by_ours.pk]
    assert _listed(supervisor_api, q="beograd") == [by_theirs.pk]
    assert _listed(supervisor_api, q="CIGARETTES") == [by_offence.pk]


def test_the_list_is_ordered_newest_first_by_default_and_on_request(supervisor_api, frozen_now):
    first = AssistanceRequestFactory(reference="B-2")
    frozen_now.shift(timedelta(minutes=1))
    second = AssistanceRequestFactory(reference="A-1")
    assert _listed(supervisor_api) == [second.pk, first.pk]
    assert _listed(supervisor_api, ordering="created_at") == [first.pk, second.pk]
    assert _listed(supervisor_api, ordering="reference") == [second.pk, first.pk]
    assert _listed(supervisor_api, ordering="-reference") == [first.pk, second.pk]
    frozen_now.shift(timedelta(minutes=1))
    first.their_reference = "touched"
    first.save()
    assert _listed(supervisor_api, ordering="-updated_at") == [first.pk, second.pk]


def test_the_list_is_read_a_page_at_a_time_by_following_next(supervisor_api, frozen_now,
                                                             monkeypatch):
    from requests_app.api.requests import RequestListCreateApi

    monkeypatch.setattr(RequestListCreateApi, "page_size", 2)
    made = []
    for _ in range(3):
        made.append(AssistanceRequestFactory().pk)
        frozen_now.shift(timedelta(seconds=1))
    first = supervisor_api.get("/api/requests/").json()
    assert "count" not in first and "cursor=" in first["next"]
    second = supervisor_api.get(first["next"]).json()
    assert second["next"] is None
    assert [item["id"] for item in first["results"] + second["results"]] == made[::-1]


def test_a_page_boundary_on_equal_creation_times_skips_and_repeats_nothing(
        supervisor_api, frozen_now, monkeypatch):
    from requests_app.api.requests import RequestListCreateApi

    monkeypatch.setattr(RequestListCreateApi, "page_size", 2)
    made = [AssistanceRequestFactory().pk for _ in range(5)]  # one frozen creation time
    seen, url = [], "/api/requests/?ordering=created_at"
    while url:
        page = supervisor_api.get(url).json()
        seen += [item["id"] for item in page["results"]]
        url = page["next"]
    assert seen == sorted(made)


@pytest.mark.parametrize("cursor", ["garbage", "W10", "WzEsMl0", "x" * 301,
                                    "WyIyMDI2LTAxLTAxIiwxXQ", "WyJub3QgYSB0aW1lIiwxXQ"])
def test_a_changed_cursor_is_refused_with_400_naming_it(supervisor_api, frozen_now, cursor):
    AssistanceRequestFactory()
    response = supervisor_api.get("/api/requests/", {"cursor": cursor})
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


@pytest.mark.parametrize("query, field", [
    ({"state": "lost"}, "state"),
    ({"direction": "sideways"}, "direction"),
    ({"instrument": "kz-xx-2000"}, "instrument"),
    ({"authority": "gpo"}, "authority"),
    ({"authority": "0"}, "authority"),
    ({"authority": str(2**64)}, "authority"),
    ({"overdue": "maybe"}, "overdue"),
    ({"ordering": "state"}, "ordering"),
    ({"ordering": "password"}, "ordering"),
    ({"q": "x" * 201}, "q"),
    ({"q": "a\x00b"}, "q"),
    ({"stage": "drafting"}, "stage"),
])
def test_bad_list_filters_are_a_400_naming_the_parameter(prosecutor_api, query, field):
    response = prosecutor_api.get("/api/requests/", query)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_page_number_is_refused_naming_the_parameter(prosecutor_api, frozen_now):
    AssistanceRequestFactory()
    response = prosecutor_api.get("/api/requests/", {"page": "9"})
    assert response.status_code == 400
    assert "page" in response.json()["errors"]


def test_the_list_costs_the_same_number_of_queries_for_2_and_20_requests(
        supervisor_api, frozen_now, pages_rendered_afresh):
    def make(n):
        for i in range(n):
            request = (incoming_request(executing_authority=authority("kz-prosecutor-almaty"))
                       if i % 2 else AssistanceRequestFactory())
            _deadline(request, due_at=NOW + timedelta(days=i + 1))
    make(2)
    supervisor_api.get("/api/requests/")
    two = list_queries(supervisor_api, "/api/requests/", 2)
    make(18)
    twenty = list_queries(supervisor_api, "/api/requests/", 20)
    assert two == twenty
