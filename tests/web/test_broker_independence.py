"""The web app never needs the broker: deadlines are rows the beat sweep finds later, so a broker
outage cannot block registering a request or running a transition."""

import pytest
from celery import Celery

from requests_app.models import Deadline
from requests_app.models import RequestState
from tests.factories import authority
from tests.factories import instrument

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(Celery, "send_task", refuse)


def test_registering_an_urgent_oral_request_works_while_the_broker_is_down(
        broker_down, police_clerk_client, frozen_now):
    response = police_clerk_client.post("/requests/register/", {
        "instrument": instrument("kz-sk-2007").pk,
        "requesting_authority": authority("sk-police-presidium").pk,
        "requested_authority": authority("kz-mvd").pk,
        "channel": "oral", "is_urgent": "on", "urgency_reason": "Suspect about to leave",
        "assistance_types": ["search_for_persons"],
        "request_language": "en",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    deadline = Deadline.objects.get(kind="oral_confirmation")
    assert deadline.next_action_at is not None  # the sweep will find it when the broker is back


def test_an_action_runs_while_the_broker_is_down(broker_down, police_clerk_client, frozen_now):
    police_clerk_client.post("/requests/register/", {
        "instrument": instrument("kz-sk-2007").pk,
        "requesting_authority": authority("sk-police-presidium").pk,
        "requested_authority": authority("kz-mvd").pk,
        "channel": "post", "assistance_types": ["search_for_persons"], "request_language": "en",
    })
    request = police_clerk_client.user.requests_created.get()
    response = police_clerk_client.post(
        f"/requests/{request.pk}/actions/start_completeness_check/", {"version": request.version})
    assert response.status_code in (200, 302)
    request.refresh_from_db()
    assert request.state == RequestState.COMPLETENESS_CHECK
