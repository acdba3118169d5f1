"""The inbox's order kept on each request: the stage's position (computed by the database from
the state) and the sort time (the soonest due time among the deadlines needing action, else the
creation time mirrored after every due time), written by the services with the request's row and
recomputed in one UPDATE by ``inbox_keys_refresh``; the two ways agree."""

from datetime import timedelta

import pytest
import time_machine

from requests_app.models import FINAL_STATES
from requests_app.models import NO_DUE
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import RequestState
from requests_app.selectors.requests import STAGE_OF_STATE
from requests_app.selectors.requests import STAGES
from requests_app.services import transitions as t
from requests_app.services.inbox import inbox_keys_refresh
from tests._roles import NOW
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.scenarios import urgent_oral_request
from treaties.rules.deadlines import OUTLIVE_THE_REQUEST

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _sort_times() -> dict[int, object]:
    return dict(AssistanceRequest.objects.values_list("pk", "inbox_due_at"))


def _recomputed() -> dict[int, object]:
    """The sort times ``inbox_keys_refresh`` computes, the maintained ones left as they were."""
    before = _sort_times()
    inbox_keys_refresh(AssistanceRequest.objects.all())
    after = _sort_times()
    for pk, value in before.items():
        AssistanceRequest.objects.filter(pk=pk).update(inbox_due_at=value)
    return after


@pytest.mark.parametrize("state", list(RequestState))
def test_the_database_keeps_the_stage_position_of_every_state(state):
    request = AssistanceRequestFactory(state=state)
    stage_order = AssistanceRequest.objects.values_list("stage_order", flat=True).get(pk=request.pk)
    assert STAGES[stage_order] == STAGE_OF_STATE[state]


def test_a_new_draft_sorts_by_its_creation_time_after_every_due_time():
    draft = AssistanceRequestFactory()
    assert draft.inbox_due_at > NO_DUE
    assert _recomputed()[draft.pk] == draft.inbox_due_at


def test_a_newer_request_without_deadlines_sorts_before_an_older_one(frozen):
    older = AssistanceRequestFactory()
    frozen.shift(timedelta(seconds=1))
    newer = AssistanceRequestFactory()
    assert newer.inbox_due_at < older.inbox_due_at


def test_registering_an_oral_request_writes_its_confirmation_term_as_the_sort_time():
    request = urgent_oral_request(clerk("kz-mvd"))
    due = Deadline.objects.filter(request=request).order_by("due_at").first().due_at
    assert AssistanceRequest.objects.get(pk=request.pk).inbox_due_at == due
    assert _recomputed() == _sort_times()


def test_a_withdrawal_waives_the_terms_and_the_request_sorts_by_its_creation_again():
    request = urgent_oral_request(clerk("kz-mvd"))
    t.request_withdraw(request_id=request.pk, actor=clerk("kz-mvd"), reason="Sent in error.")
    stored = AssistanceRequest.objects.get(pk=request.pk)
    assert stored.inbox_due_at > NO_DUE
    assert _recomputed() == _sort_times()


def test_the_service_and_the_update_agree_over_a_mix_of_requests(frozen):
    urgent_oral_request(clerk("kz-mvd"))
    urgent_oral_request(clerk("kz-mvd"), slug="kz-cz-2017")
    AssistanceRequestFactory()
    incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    withdrawn = urgent_oral_request(clerk("kz-mvd"))
    t.request_withdraw(request_id=withdrawn.pk, actor=clerk("kz-mvd"), reason="Sent in error.")
    assert _recomputed() == _sort_times()


# --- Deadline.needs_action says what DeadlineQuerySet.needing_action says --------------------------
@pytest.mark.parametrize("status", list(DeadlineStatus))
@pytest.mark.parametrize("met", [False, True])
@pytest.mark.parametrize("state", [RequestState.IN_EXECUTION, *sorted(FINAL_STATES)])
@pytest.mark.parametrize("outlives", [False, True])
def test_needs_action_of_a_row_matches_the_query(status, met, state, outlives):
    request = incoming_request("kz-rs-2015", state=state)
    kind = sorted(OUTLIVE_THE_REQUEST)[0] if outlives else "summons_transmission"
    row = Deadline.objects.create(request=request, instrument=request.instrument, kind=kind,
                                  due_at=NOW, citation="x", status=status,
                                  met_at=NOW if met else None, responsible_side="kazakhstan")
    in_query = Deadline.objects.needing_action().filter(pk=row.pk).exists()
    assert row.needs_action(request_state=state) is in_query
