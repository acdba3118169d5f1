"""The request page's deadlines: a draft's marked provisional; a missed one carries, for
supervisors only, the form that waives it with a reason."""

from datetime import timedelta

import pytest

from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import RequestState
from requests_app.models import ResponsibleSide
from requests_app.models import TransitionLog
from requests_app.services.deadlines import deadlines_sync
from tests.factories import AssistanceRequestFactory
from tests.factories import summoned_person
from tests.web.conftest import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _missed():
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015",
                                       state=RequestState.ORAL_PENDING_CONFIRMATION)
    row = Deadline.objects.create(
        request=request, instrument=request.instrument, kind="original_by_post",
        due_at=NOW - timedelta(days=1), citation="kz-rs-2015 Art 3.4",
        status=DeadlineStatus.MISSED, responsible_side=ResponsibleSide.KAZAKHSTAN)
    return request, row


def _page(client, request) -> str:
    response = client.get(f"/requests/{request.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_supervisor_sees_the_waiver_form_on_a_missed_deadline(supervisor_client):
    request, row = _missed()

    assert f'data-waive="{row.pk}"' in _page(supervisor_client, request)


def test_a_clerk_sees_no_waiver_form(clerk_client):
    request, row = _missed()

    assert "data-waive=" not in _page(clerk_client, request)


def test_posting_the_waiver_closes_the_deadline_and_logs_it(supervisor_client):
    request, row = _missed()

    response = supervisor_client.post(
        f"/requests/{request.pk}/deadlines/{row.pk}/waive/",
        {"reason": "Original handed over in person", "version": request.version})

    assert response.status_code == 302
    assert response["Location"].endswith(f"/requests/{request.pk}/#deadlines")
    assert Deadline.objects.get(pk=row.pk).status == DeadlineStatus.WAIVED
    assert TransitionLog.objects.filter(request=request, action="deadline_waived").exists()
    page = _page(supervisor_client, request)
    assert "Original handed over in person" in page and "Waived by" in page


def test_posting_the_waiver_without_a_reason_answers_400_naming_the_field(supervisor_client):
    request, row = _missed()

    response = supervisor_client.post(f"/requests/{request.pk}/deadlines/{row.pk}/waive/",
                                      {"reason": "", "version": request.version})

    assert response.status_code == 400
    assert "Reason for waiving" in response.content.decode()
    assert Deadline.objects.get(pk=row.pk).status == DeadlineStatus.MISSED


def test_a_clerk_posting_the_waiver_is_refused_403(clerk_client):
    request, row = _missed()

    response = clerk_client.post(f"/requests/{request.pk}/deadlines/{row.pk}/waive/",
                                 {"reason": "Not pursued", "version": request.version})

    assert response.status_code == 403
    assert Deadline.objects.get(pk=row.pk).status == DeadlineStatus.MISSED


def test_a_drafts_deadline_is_marked_provisional_on_the_request_page(prosecutor_client):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    summoned_person(request, NOW.date() + timedelta(days=75))
    deadlines_sync(request=request, now=NOW)

    page = _page(prosecutor_client, request)

    assert 'data-provisional="1"' in page
