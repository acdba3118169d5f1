""""My work" (what a user must do next, soonest due first, owned or unassigned for their role)
and the supervisors' workload per person: figures, access and constant query counts."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app import clock
from requests_app.exceptions import ActionNotPermitted
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import RequestState
from requests_app.models import ResponsibleSide
from requests_app.selectors.people import my_work
from requests_app.selectors.people import workload
from requests_app.services.deadlines import deadlines_sync
from requests_app.services.inbox import inbox_keys_refresh
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor

pytestmark = pytest.mark.django_db
NOW = "2026-03-02 10:00 +05:00"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _due(request, hours: float, **fields) -> Deadline:
    """A deadline row written directly, with the request's inbox keys brought up to date as
    the services keep them."""
    deadline = Deadline.objects.create(
        request=request, instrument=request.instrument, kind="summons_transmission",
        subject_key=f"s{hours}", due_at=clock.now() + timedelta(hours=hours),
        citation="kz-rs-2015 Art 8.3", responsible_side=ResponsibleSide.KAZAKHSTAN,
        responsible_role="Prosecutor", **fields)
    inbox_keys_refresh(AssistanceRequest.objects.filter(pk=request.pk))
    return deadline


def _ids(user) -> list[int]:
    return [r.pk for r in my_work(user=user, now=clock.now())]


# --- My work ---------------------------------------------------------------------------------------
def test_my_work_lists_the_drafts_i_own_soonest_due_first_and_undated_last():
    me = prosecutor()
    later = AssistanceRequestFactory(drafting_prosecutor=me)
    sooner = AssistanceRequestFactory(drafting_prosecutor=me)
    undated = AssistanceRequestFactory(drafting_prosecutor=me)
    _due(later, 48)
    _due(sooner, 2)
    assert _ids(me) == [sooner.pk, later.pk, undated.pk]


def test_an_overdue_request_comes_first_and_is_marked():
    me = prosecutor()
    soon = AssistanceRequestFactory(drafting_prosecutor=me)
    late = AssistanceRequestFactory(drafting_prosecutor=me)
    _due(soon, 2)
    _due(late, -5, status="missed")
    rows = list(my_work(user=me, now=clock.now()))
    assert [r.pk for r in rows] == [late.pk, soon.pk]
    assert rows[0].is_overdue and not rows[1].is_overdue


def test_a_request_owned_by_a_colleague_is_not_in_my_work():
    me, colleague = prosecutor(), prosecutor()
    AssistanceRequestFactory(drafting_prosecutor=colleague)
    assert _ids(me) == []


def test_a_draft_of_my_office_without_a_drafter_is_in_my_work_as_unassigned():
    me = prosecutor()
    draft = AssistanceRequestFactory()
    (row,) = my_work(user=me, now=clock.now())
    assert (row.pk, row.work_stage, row.assigned) == (draft.pk, "drafting", False)


def test_a_request_past_my_stage_leaves_my_work():
    me = prosecutor()
    AssistanceRequestFactory(drafting_prosecutor=me, state=RequestState.TRANSMITTED)
    assert _ids(me) == []


def test_the_clerk_owner_sees_the_approved_request_to_transmit():
    desk = clerk()
    ready = AssistanceRequestFactory(clerk_owner=desk, state=RequestState.READY)
    (row,) = my_work(user=desk, now=clock.now())
    assert (row.pk, row.work_stage, row.assigned) == (ready.pk, "clerk", True)


def test_the_executing_prosecutor_sees_the_request_in_execution_with_its_target():
    executor = prosecutor()
    request = incoming_request(assigned_prosecutor=executor)
    deadlines_sync(request=request, now=clock.now())
    (row,) = my_work(user=executor, now=clock.now())
    target = request.deadlines.get(kind="execution_target")
    assert (row.work_stage, row.next_due_at) == ("executing", target.due_at)


def test_a_supervisor_sees_the_drafts_of_the_office_under_review():
    boss = supervisor()
    draft = AssistanceRequestFactory(state=RequestState.UNDER_REVIEW)
    (row,) = my_work(user=boss, now=clock.now())
    assert (row.pk, row.work_stage) == (draft.pk, "review")


def test_my_work_never_lists_a_request_i_may_not_see():
    far = prosecutor("kz-prosecutor-astana")
    AssistanceRequestFactory(drafting_prosecutor=far)  # drafted by kz-gpo, not far's office
    assert _ids(far) == []


def _my_work_queries(user, count: int) -> int:
    for hours in range(count):
        _due(AssistanceRequestFactory(drafting_prosecutor=user), hours + 1)
    user = type(user).objects.get(pk=user.pk)  # a fresh user: no cached roles or office
    with CaptureQueriesContext(connection) as queries:
        rows = list(my_work(user=user, now=clock.now())[:50])
        assert [r.reference for r in rows]
    return len(queries)


def test_my_work_runs_the_same_queries_for_few_and_many_requests():
    me = prosecutor()
    assert _my_work_queries(me, 2) == _my_work_queries(me, 15)


# --- workload per person ---------------------------------------------------------------------------
def _row(rows, user):
    return next(r for r in rows if r.user is not None and r.user.pk == user.pk)


def test_workload_counts_the_open_requests_a_person_owns_at_their_stage():
    me = prosecutor()
    AssistanceRequestFactory(drafting_prosecutor=me)
    AssistanceRequestFactory(drafting_prosecutor=me)
    AssistanceRequestFactory(drafting_prosecutor=me, state=RequestState.TRANSMITTED)
    assert _row(workload(user=supervisor(), now=clock.now()), me).open_requests == 2


def test_workload_counts_overdue_duties_and_those_due_within_7_days():
    me = prosecutor()
    request = AssistanceRequestFactory(drafting_prosecutor=me, state=RequestState.TRANSMITTED)
    _due(request, -1, responsible_user=me)
    _due(request, 24 * 3, responsible_user=me)
    _due(request, 24 * 10, responsible_user=me)
    row = _row(workload(user=supervisor(), now=clock.now()), me)
    assert (row.overdue, row.due_soon) == (1, 1)


def test_the_first_workload_row_is_the_work_nobody_is_named_for():
    AssistanceRequestFactory()  # a draft without a drafting prosecutor
    request = AssistanceRequestFactory(state=RequestState.TRANSMITTED)  # nor a clerk owner
    _due(request, -1)
    first = workload(user=supervisor(), now=clock.now())[0]
    assert (first.user, first.open_requests, first.overdue) == (None, 2, 1)


def test_every_overdue_duty_of_a_request_with_owners_has_a_person():
    executor = prosecutor()
    request = incoming_request(assigned_prosecutor=executor,
                               received_at=clock.now() - timedelta(days=40))
    deadlines_sync(request=request, now=clock.now())
    rows = workload(user=supervisor(), now=clock.now())
    assert _row(rows, executor).overdue == 1 and rows[0].overdue == 0


def test_only_supervisors_see_the_workload():
    with pytest.raises(ActionNotPermitted):
        workload(user=clerk(), now=clock.now())


def _workload_queries(count: int) -> int:
    for _ in range(count):
        owner = prosecutor()
        request = AssistanceRequestFactory(drafting_prosecutor=owner)
        _due(request, -1, responsible_user=owner)
    boss = supervisor()
    with CaptureQueriesContext(connection) as queries:
        rows = workload(user=boss, now=clock.now())
        assert [r.name for r in rows]
    return len(queries)


def test_workload_runs_the_same_queries_for_few_and_many_people():
    assert _workload_queries(2) == _workload_queries(15)
