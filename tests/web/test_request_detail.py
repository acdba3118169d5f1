"""The request page: facts, timeline, deadlines with their citations and basis, and the actions
the user may take, blocked ones with the rules that block them."""

from datetime import date
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Consultation
from requests_app.models import Decision
from requests_app.models import DecisionKind
from requests_app.models import PersonRole
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.services import transitions as t
from requests_app.services.deadlines import deadlines_sync
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.factories import summoned_person
from tests.factories import supervisor
from tests.scenarios import urgent_oral_request
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _page(client, request):
    response = client.get(f"/requests/{request.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _ready_rs_request_with_summons(days_ahead: int):
    """An outgoing RS request approved for transmission, someone summoned ``days_ahead``."""
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    author = request.created_by
    summoned_person(request, NOW.date() + timedelta(days=days_ahead))
    t.request_submit_for_review(request_id=request.pk, actor=author)
    return t.request_approve(request_id=request.pk, actor=supervisor())


def test_page_shows_parties_references_and_the_instruments_status_today(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               their_reference="RS-2026-77", is_confidential=True)
    body = _page(clerk_client, request)
    assert request.reference in body and "RS-2026-77" in body
    assert "Ministry of Justice of the Republic of Serbia" in body
    assert 'data-instrument-status="in_force"' in body
    assert "confidential" in body


def test_page_lists_persons_with_their_appearance_dates(prosecutor_client, frozen_now):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    RequestPerson.objects.create(request=request, role=PersonRole.TO_HEAR, full_name="Jovan Jovic",
                                 appearance_date=date(2026, 6, 15))
    body = _page(prosecutor_client, request)
    assert "Jovan Jovic" in body and "15.06.2026" in body


def test_timeline_lists_every_transition_with_actor_time_states_and_citation(
        clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    t.request_transition(request_id=request.pk, actor=clerk_client.user,
                         name="start_completeness_check")
    t.request_transition(request_id=request.pk, actor=clerk_client.user,
                         name="request_additional_info", reason="Missing the text of the law")
    body = _page(clerk_client, request)
    timeline = body[body.index('id="timeline"'):]
    assert timeline.count("data-log-action=") == 2
    assert "02.03.2026 10:00" in timeline  # Asia/Almaty
    assert clerk_client.user.username in timeline
    assert "received and registered → completeness check" in timeline
    assert "Missing the text of the law" in timeline
    # RS says nothing of additional information: both steps are the office's own procedure.
    assert timeline.count('data-log-basis="office_procedure"') == 2


def test_sk_oral_request_shows_the_24_hour_confirmation_deadline_citing_art_7_4(
        police_clerk_client, frozen_now):
    request = urgent_oral_request(police_clerk_client.user)
    body = _page(police_clerk_client, request)
    deadlines = body[body.index('id="deadlines"'):body.index('id="timeline"')]
    assert 'data-deadline="oral_confirmation"' in deadlines
    assert "03.03.2026 10:00" in deadlines
    assert "kz-sk-2007 Art 7.4" in deadlines
    assert 'data-basis="treaty"' in deadlines


def test_cz_oral_confirmation_target_is_shown_as_office_policy_never_as_a_treaty_term(
        police_clerk_client, frozen_now):
    request = urgent_oral_request(police_clerk_client.user, "kz-cz-2017")
    body = _page(police_clerk_client, request)
    deadlines = body[body.index('id="deadlines"'):body.index('id="timeline"')]
    assert 'data-basis="office_policy"' in deadlines and 'data-basis="treaty"' not in deadlines
    assert "kz-cz-2017 Art 9.1" in deadlines
    assert "without delay" in deadlines and "office" in deadlines


def test_past_deadlines_are_listed_with_their_status(police_clerk_client, frozen_now):
    request = urgent_oral_request(police_clerk_client.user)
    t.request_transition(request_id=request.pk, actor=police_clerk_client.user,
                         name="confirm_in_writing", params={"channel": "fax"})
    body = _page(police_clerk_client, request)
    assert "Past deadlines" in body and 'class="status-met"' in body
    past = body[body.index("Past deadlines"):]
    assert 'data-deadline="oral_confirmation"' in past


def test_blocked_transmit_is_shown_disabled_with_rs_art_8_3_for_a_summons_59_days_away(
        clerk_client, frozen_now):
    request = _ready_rs_request_with_summons(59)
    body = _page(clerk_client, request)
    start = body.index('data-action="transmit" data-blocked="1"')
    blocked = body[start:body.index("</div>", start)]
    assert "disabled" in blocked
    assert "kz-rs-2015 Art 8.3" in blocked
    assert "Change the appearance date" in blocked  # where to put it right


def test_transmit_is_a_button_when_the_summons_is_60_days_away(clerk_client, frozen_now):
    request = _ready_rs_request_with_summons(60)
    body = _page(clerk_client, request)
    assert f'action="/requests/{request.pk}/actions/transmit/"' in body
    assert 'data-action="transmit" data-blocked="1"' not in body


def test_refusal_without_consultation_is_shown_blocked_citing_rs_art_5_3(clerk_client,
                                                                        frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    body = _page(clerk_client, request)
    start = body.index('data-action="refuse" data-blocked="1"')
    blocked = body[start:body.index("</div>", start)]
    assert "kz-rs-2015 Art 5.3" in blocked
    assert f"/requests/{request.pk}/records/consultation/" in blocked


def test_actions_outside_the_users_role_are_shown_as_not_permitted(prosecutor_client,
                                                                  frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK)
    body = _page(prosecutor_client, request)
    assert 'data-action="forward" data-not-permitted="1"' in body
    assert f'action="/requests/{request.pk}/actions/forward/"' not in body


def test_decisions_show_their_ground_and_citation(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    Consultation.objects.create(request=request, subject="refusal", held_on=NOW.date(),
                                counterpart="RS Ministry of Justice", summary="Discussed",
                                recorded_by=clerk_client.user)
    t.request_refuse(request_id=request.pk, actor=clerk_client.user,
                     ground="refusal_not_a_crime", reasons="Not an offence in Kazakhstan")
    body = _page(clerk_client, request)
    decisions = body[body.index('id="decisions"'):]
    assert 'data-decision="refusal"' in decisions
    assert "kz-rs-2015 Art 5.1" in decisions
    assert "Not an offence in Kazakhstan" in decisions


def test_another_offices_user_gets_404(other_office_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    assert other_office_client.get(f"/requests/{request.pk}/").status_code == 404


def test_a_missing_request_gets_404(clerk_client):
    assert clerk_client.get("/requests/999999/").status_code == 404


def test_page_needs_sign_in(client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    response = client.get(f"/requests/{request.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _busy_request(clerk, persons: int, rounds: int):
    """An incoming RS request with ``persons`` persons, consultations and decisions, and
    ``rounds`` pauses for more information (two log entries each)."""
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION,
                               requested_execution_date=NOW.date() + timedelta(days=40),
                               requested_execution_reason="Trial date")
    for n in range(persons):
        RequestPerson.objects.create(request=request, role=PersonRole.TO_HEAR,
                                     full_name=f"Witness {n}",
                                     appearance_date=NOW.date() + timedelta(days=30 + n))
        Consultation.objects.create(request=request, subject="other", held_on=NOW.date(),
                                    counterpart="RS", summary=f"Call {n}", recorded_by=clerk)
        Decision.objects.create(request=request, kind=DecisionKind.PARTIAL_OR_CONDITIONAL_CONSIDERED,
                                reasons=f"Reason {n}", decided_on=NOW.date(), decided_by=clerk)
    for _ in range(rounds):
        t.request_transition(request_id=request.pk, actor=clerk, name="request_additional_info",
                             reason="More")
        t.request_transition(request_id=request.pk, actor=clerk, name="supply_additional_info")
    deadlines_sync(request=request, now=NOW)
    return request


def test_request_page_runs_the_same_number_of_queries_for_few_and_many_entries(
        clerk_client, frozen_now):
    few = _busy_request(clerk_client.user, persons=1, rounds=1)
    many = _busy_request(clerk_client.user, persons=8, rounds=8)
    clerk_client.get(f"/requests/{few.pk}/")  # sign in and warm caches
    with CaptureQueriesContext(connection) as small:
        assert clerk_client.get(f"/requests/{few.pk}/").status_code == 200
    with CaptureQueriesContext(connection) as large:
        body = clerk_client.get(f"/requests/{many.pk}/").content.decode()
    assert body.count("data-log-action=") == 16
    assert len(large.captured_queries) == len(small.captured_queries)
