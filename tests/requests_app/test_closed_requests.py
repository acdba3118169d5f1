from datetime import date
from datetime import timedelta

import pytest

from requests_app.exceptions import InvalidInput
from requests_app.exceptions import TransitionNotAvailable
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.requests import person_add
from requests_app.services.requests import request_update
from tests.factories import AssistanceRequestFactory
from tests.factories import answer_params
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.requests_app._support import TODAY  # noqa: F401 (fixture)
from tests.requests_app._support import traveller  # noqa: F401 (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]


def _closed_incoming(desk):
    request = incoming_request("kz-cz-2017")
    t.request_record_execution(request_id=request.pk, actor=desk)
    t.request_transition(request_id=request.pk, actor=desk, name="transmit_results",
                         params=answer_params(request))
    return t.request_close(request_id=request.pk, actor=desk)


def test_incoming_request_cannot_close_before_its_results_are_transmitted():
    desk = clerk("kz-mvd")
    request = incoming_request("kz-cz-2017")
    t.request_record_execution(request_id=request.pk, actor=desk)

    with pytest.raises(TransitionNotAvailable):
        t.request_close(request_id=request.pk, actor=desk)


def test_closed_request_accepts_no_new_item():
    desk = clerk("kz-mvd")
    request = _closed_incoming(desk)

    with pytest.raises(InvalidInput) as exc:
        records.item_record(actor=desk, request_id=request.pk, description="Phone",
                            holder="other_side", handed_over_on=TODAY)
    assert set(exc.value.errors) == {"state"}


def test_closed_request_still_takes_its_later_references():
    desk = clerk("kz-mvd")
    request = _closed_incoming(desk)

    request = request_update(actor=desk, request_id=request.pk, their_reference="KRPP-9/2026")

    assert (request.state, request.their_reference) == (RequestState.CLOSED, "KRPP-9/2026")


def test_closed_request_contents_cannot_change():
    desk = clerk("kz-mvd")
    request = _closed_incoming(desk)

    with pytest.raises(InvalidInput):
        request_update(actor=desk, request_id=request.pk, purpose="Something else")


def test_appearance_date_in_the_past_is_refused():
    author = prosecutor()
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)

    with pytest.raises(InvalidInput) as exc:
        person_add(actor=author, request_id=request.pk, role="to_serve", full_name="A B",
                   appearance_date=TODAY - timedelta(days=1))
    assert set(exc.value.errors) == {"appearance_date"}


def test_appearance_date_today_is_accepted_as_a_fact():
    author = prosecutor()
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)

    person = person_add(actor=author, request_id=request.pk, role="to_serve", full_name="A B",
                        appearance_date=date(2026, 3, 2))

    assert person.appearance_date == TODAY
