"""The dashboard reads the workload's figures from its own two counting queries under the
default filters (``dashboard_figures(with_workload=True)``): they must be exactly those of
``people.workload``, and the dashboard's own figures must not change with it."""

from datetime import timedelta

import pytest
import time_machine

from requests_app import clock
from requests_app.models import DeadlineStatus
from requests_app.models import RequestState
from requests_app.selectors.dashboard import Filters
from requests_app.selectors.dashboard import dashboard_figures
from requests_app.selectors.people import workload
from tests.factories import AssistanceRequestFactory
from tests.factories import supervisor
from tests.web.conftest import NOW
from tests.web.test_query_counts import _deadline
from tests.web.test_query_counts import _varied_requests

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _world() -> None:
    _varied_requests(16)
    for state in (RequestState.CLOSED, RequestState.WITHDRAWN):
        closed = AssistanceRequestFactory(state=state)
        _deadline(closed, due_in=-timedelta(days=2), status=DeadlineStatus.MISSED,
                  user=closed.created_by)
        _deadline(closed, due_in=timedelta(days=2), kind="personal_data_deletion",
                  user=closed.created_by)


def _as_tuples(rows) -> list[tuple]:
    return [(r.user.pk if r.user else None, r.open_requests, r.overdue, r.due_soon) for r in rows]


def test_the_dashboard_workload_is_the_workload():
    _world()
    boss, now = supervisor(), clock.now()

    figures = dashboard_figures(user=boss, filters=Filters(), now=now, today=now.date(),
                                with_workload=True)

    assert _as_tuples(figures["workload"]) == _as_tuples(workload(user=boss, now=now))
    assert any(r.overdue for r in figures["workload"])
    assert any(r.open_requests for r in figures["workload"])


@pytest.mark.parametrize("filters", [Filters(), Filters(direction="incoming"),
                                     Filters(status="all")], ids=["default", "incoming", "all"])
def test_the_workload_leaves_the_dashboard_figures_unchanged(filters):
    _world()
    boss, now = supervisor(), clock.now()

    alone = dashboard_figures(user=boss, filters=filters, now=now, today=now.date())
    shared = dashboard_figures(user=boss, filters=filters, now=now, today=now.date(),
                               with_workload=True)

    workload_rows = shared.pop("workload")
    assert _as_tuples(workload_rows) == _as_tuples(workload(user=boss, now=now))
    assert {k: v for k, v in shared.items() if k != "instrument_rows"} == {
        k: v for k, v in alone.items() if k != "instrument_rows"}
    assert [vars(r) for r in shared["instrument_rows"]] == [
        vars(r) for r in alone["instrument_rows"]]
