"""One definition of "overdue" and "needing action": the database condition and the row method
agree on every status, at the due instant and around it, for requests open and closed, and for
duties that outlive a request."""

import itertools
from datetime import timedelta

import pytest

from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import RequestState
from requests_app.selectors.requests import InboxFilters
from requests_app.selectors.requests import inbox_requests
from tests.factories import AssistanceRequestFactory
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import NOW

pytestmark = pytest.mark.django_db
traveller = _support.traveller

_keys = itertools.count()


def _deadline(request, *, due_in: timedelta, status: str, kind: str = "original_by_post",
              met: bool = False) -> Deadline:
    return Deadline.objects.create(
        request=request, instrument=request.instrument, kind=kind, subject_key=f"k{next(_keys)}",
        due_at=NOW + due_in, citation="kz-rs-2015 Art 3.4", status=status,
        responsible_side="kazakhstan", met_at=NOW if met else None)


CASES = [
    # (status, due in, met, kind, request state, overdue?)
    (DeadlineStatus.OPEN, timedelta(minutes=-1), False, "original_by_post", RequestState.READY, True),
    (DeadlineStatus.OPEN, timedelta(0), False, "original_by_post", RequestState.READY, False),
    (DeadlineStatus.OPEN, timedelta(minutes=1), False, "original_by_post", RequestState.READY, False),
    (DeadlineStatus.MISSED, timedelta(hours=-1), False, "original_by_post", RequestState.READY, True),
    (DeadlineStatus.MISSED, timedelta(hours=-1), True, "original_by_post", RequestState.READY, False),
    (DeadlineStatus.MISSED, timedelta(hours=-1), False, "original_by_post", RequestState.CLOSED,
     False),
    (DeadlineStatus.MISSED, timedelta(hours=-1), False, "personal_data_deletion",
     RequestState.CLOSED, True),
    (DeadlineStatus.MET, timedelta(hours=-1), True, "original_by_post", RequestState.READY, False),
    (DeadlineStatus.WAIVED, timedelta(hours=-1), False, "original_by_post", RequestState.READY,
     False),
]


@pytest.mark.parametrize(("status", "due_in", "met", "kind", "state", "overdue"), CASES)
def test_the_row_method_and_the_query_say_the_same(traveller, status, due_in, met, kind, state,
                                                   overdue):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", state=state)
    row = _deadline(request, due_in=due_in, status=status, kind=kind, met=met)
    assert row.is_overdue(NOW, request_state=state) is overdue
    assert Deadline.objects.overdue(NOW).filter(pk=row.pk).exists() is overdue


def test_a_deadline_due_this_instant_is_not_overdue_yet_but_needs_action(traveller):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", state=RequestState.READY)
    row = _deadline(request, due_in=timedelta(0), status=DeadlineStatus.OPEN)
    assert not Deadline.objects.overdue(NOW).filter(pk=row.pk).exists()
    assert Deadline.objects.needing_action().filter(pk=row.pk).exists()


def test_a_missed_deadline_of_a_closed_request_no_longer_needs_action(traveller):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", state=RequestState.CLOSED)
    row = _deadline(request, due_in=timedelta(hours=-1), status=DeadlineStatus.MISSED)
    assert not Deadline.objects.needing_action().filter(pk=row.pk).exists()


def test_the_inbox_overdue_filter_and_the_dashboard_use_the_same_boundary(traveller):
    due_now = AssistanceRequestFactory(instrument_slug="kz-rs-2015", state=RequestState.READY)
    _deadline(due_now, due_in=timedelta(0), status=DeadlineStatus.OPEN)
    late = AssistanceRequestFactory(instrument_slug="kz-rs-2015", state=RequestState.READY)
    _deadline(late, due_in=timedelta(seconds=-1), status=DeadlineStatus.OPEN)
    overdue = inbox_requests(user=supervisor(), filters=InboxFilters(stage="all", overdue=True),
                             now=NOW)
    assert list(overdue.values_list("pk", flat=True)) == [late.pk]
