"""The inbox's tab counts for a user who sees an office's requests: each way of seeing a request
(made, received or executed by the office; under an instrument a clerk's office is designated
for) is counted from its own index and the ways are united, so a request seen two ways counts
once and the cap holds across them."""

import pytest

from requests_app import clock
from requests_app.access import requests_visible_to
from requests_app.models import Direction
from requests_app.models import RequestState
from requests_app.selectors import requests as request_selectors
from requests_app.selectors.requests import STAGES
from requests_app.selectors.requests import InboxFilters
from requests_app.selectors.requests import StageCount
from requests_app.selectors.requests import inbox_stage_counts
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor

pytestmark = pytest.mark.django_db


def _counts(user) -> dict[str, StageCount]:
    return inbox_stage_counts(user=user, filters=InboxFilters(), now=clock.now())


def test_a_request_the_office_both_receives_and_executes_counts_once():
    # Addressed to kz-gpo and executed by it: two ways of seeing one request.
    incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    assert _counts(prosecutor("kz-gpo"))["execution"] == StageCount(1)


def test_requests_seen_in_different_ways_add_up_past_the_cap(monkeypatch):
    monkeypatch.setattr(request_selectors, "STAGE_COUNT_CAP", 2)
    # Two made by the office, one received and executed by it: no way of seeing them passes
    # the cap alone, together they do.
    for _ in range(2):
        AssistanceRequestFactory(state=RequestState.TRANSMITTED)
    incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    assert _counts(prosecutor("kz-gpo"))["execution"] == StageCount(2, more=True)


def test_one_way_of_seeing_past_the_cap_is_enough_to_say_more(monkeypatch):
    monkeypatch.setattr(request_selectors, "STAGE_COUNT_CAP", 2)
    for _ in range(3):
        AssistanceRequestFactory()  # drafts made by kz-gpo
    incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    counts = _counts(prosecutor("kz-gpo"))
    assert counts["drafting"] == StageCount(2, more=True)
    assert counts["execution"] == StageCount(1)


def test_a_user_who_sees_no_request_counts_nothing():
    AssistanceRequestFactory()
    counts = _counts(prosecutor("kz-mvd"))
    assert counts[request_selectors.ALL] == StageCount(0)


@pytest.mark.parametrize("make_user", [lambda: clerk("kz-mvd"), lambda: prosecutor("kz-mvd"),
                                       lambda: prosecutor("kz-gpo")],
                         ids=["clerk-designated-for-two", "prosecutor-mvd", "prosecutor-gpo"])
def test_every_tab_counts_exactly_the_requests_the_user_sees(make_user):
    mvd = authority("kz-mvd")
    # Every instrument, both directions, several stages; an RS request executed by the police
    # (seen by them only as its executing office).
    for slug in ("kz-rs-2015", "kz-br-2018", "kz-cz-2017", "kz-sk-2007"):
        AssistanceRequestFactory(instrument_slug=slug)
        AssistanceRequestFactory(instrument_slug=slug, state=RequestState.TRANSMITTED)
        AssistanceRequestFactory(instrument_slug=slug, direction=Direction.INCOMING,
                                 state=RequestState.RECEIVED)
        incoming_request(slug, state=RequestState.IN_EXECUTION)
        incoming_request(slug, state=RequestState.CLOSED)
    incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION, executing_authority=mvd)
    user = make_user()
    counts = _counts(user)
    visible = requests_visible_to(user)
    for stage in STAGES:
        assert counts[stage.key] == StageCount(visible.filter(stage_order=stage.order).count()), \
            stage.key
    assert counts[request_selectors.ALL] == StageCount(visible.count())
