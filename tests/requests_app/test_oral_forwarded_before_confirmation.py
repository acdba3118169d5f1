from datetime import timedelta

import pytest
import time_machine

from requests_app.exceptions import InvalidInput
from requests_app.models import DeadlineStatus
from requests_app.models import RequestState
from requests_app.services import transitions as t
from requests_app.services.requests import request_record_written_confirmation
from tests.factories import authority
from tests.factories import clerk
from tests.scenarios import urgent_oral_request

pytestmark = pytest.mark.django_db
NOON = "2026-03-02 12:00 +05:00"


def test_urgent_oral_request_is_forwarded_before_its_written_confirmation():
    desk = clerk("kz-mvd")
    with time_machine.travel(NOON, tick=False):
        request = urgent_oral_request(desk)
        request = t.request_forward(request_id=request.pk, actor=desk,
                                    executing_authority_id=authority("kz-mvd").pk)
    assert request.state == RequestState.FORWARDED


@pytest.mark.parametrize(("hours", "status"), [
    pytest.param(23, DeadlineStatus.MET, id="at_hour_23_met"),
    pytest.param(25, DeadlineStatus.MISSED, id="at_hour_25_missed"),
])
def test_confirmation_recorded_after_forwarding_closes_the_24_hour_deadline(hours, status):
    desk = clerk("kz-mvd")
    with time_machine.travel(NOON, tick=False) as clock:
        request = urgent_oral_request(desk)
        t.request_forward(request_id=request.pk, actor=desk,
                          executing_authority_id=authority("kz-mvd").pk)
        clock.shift(timedelta(hours=hours))
        request = request_record_written_confirmation(actor=desk, request_id=request.pk)
    deadline = request.deadlines.get(kind="oral_confirmation")
    assert (deadline.status, deadline.citation) == (status, "kz-sk-2007 Art 7.4")


def test_written_confirmation_fact_is_refused_while_the_transition_applies():
    desk = clerk("kz-mvd")
    with time_machine.travel(NOON, tick=False):
        request = urgent_oral_request(desk)
        with pytest.raises(InvalidInput):
            request_record_written_confirmation(actor=desk, request_id=request.pk)
