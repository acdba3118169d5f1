from datetime import date
from datetime import timedelta

import pytest
import time_machine

from requests_app.models import RequestState
from requests_app.services import transitions as t
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import prosecutor
from tests.factories import summoned_person
from tests.factories import supervisor

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-03-02 10:00 +05:00", tick=False)
def test_outgoing_serbian_summons_request_runs_from_draft_to_closure():
    author, boss, desk = prosecutor(), supervisor(), clerk()
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)
    summoned_person(request, date(2026, 3, 2) + timedelta(days=60))
    t.request_submit_for_review(request_id=request.pk, actor=author)
    t.request_approve(request_id=request.pk, actor=boss)
    request = t.request_transmit(request_id=request.pk, actor=desk)
    assert request.state == RequestState.TRANSMITTED
    request = t.request_record_execution(request_id=request.pk, actor=desk)
    request = t.request_close(request_id=request.pk, actor=desk)
    assert request.state == RequestState.CLOSED
    assert [e.action for e in request.log.all()] == [
        "submit_for_review", "approve", "transmit", "record_execution", "close"]
