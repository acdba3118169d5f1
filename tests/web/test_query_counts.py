"""The regression net against N+1 queries: the inbox, the request page, the dashboard and its CSV
export, the notifications inbox and the calendar feed run the same number of queries for a few
rows as for many.

Each test measures a page with ``FEW`` rows, adds rows up to ``MANY`` — varied as in real life:
every instrument, both directions, several states, responsible users, executing prosecutors,
records of every kind — and measures it again. Some pages also have such a test next to their
other tests; this file keeps them all in one place.
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from requests_app.models import AssetMeasure
from requests_app.models import AssetMeasureKind
from requests_app.models import Consultation
from requests_app.models import DataFlow
from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import DeadlineStatus
from requests_app.models import Decision
from requests_app.models import DecisionKind
from requests_app.models import DetaineeTransfer
from requests_app.models import Direction
from requests_app.models import HandedOverItem
from requests_app.models import ItemHolder
from requests_app.models import LogBasis
from requests_app.models import Notification
from requests_app.models import OnwardTransferConsent
from requests_app.models import OriginalDocument
from requests_app.models import PersonalDataTransfer
from requests_app.models import PersonRole
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.models import ResponsibleSide
from requests_app.models import ServiceProof
from requests_app.models import Translation
from requests_app.models import TreatyDuty
from requests_app.services.calendar import calendar_token_for
from requests_app.services.changes import log_write
from requests_app.services.sweep import deadlines_sweep
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.factories import instrument
from tests.factories import prosecutor
from tests.scenarios import urgent_oral_request
from tests.web.conftest import NOW
from treaties.rulebook import all_rulebooks

pytestmark = pytest.mark.django_db

FEW, MANY = 2, 20
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
SLUGS = tuple(all_rulebooks())
STATES = {
    Direction.OUTGOING: (RequestState.DRAFTING, RequestState.UNDER_REVIEW,
                         RequestState.TRANSMITTED, RequestState.EXECUTED),
    Direction.INCOMING: (RequestState.RECEIVED, RequestState.IN_EXECUTION,
                         RequestState.CONSULTATION, RequestState.REFUSED),
}
# Due times that put deadlines in every list of the dashboard: overdue, 24 hours, 7 and 30 days,
# later.
DUE_IN = (-timedelta(hours=3), timedelta(hours=5), timedelta(days=3), timedelta(days=20),
          timedelta(days=60))
_keys = itertools.count()


def _deadline(request=None, *, due_in: timedelta, slug: str = "kz-rs-2015", user=None,
              status: str = DeadlineStatus.OPEN, kind: str = "original_by_post",
              basis: str = DeadlineBasis.TREATY) -> Deadline:
    due = NOW + due_in
    return Deadline.objects.create(
        request=request, instrument=request.instrument if request else instrument(slug),
        kind=kind, subject_key=f"qc{next(_keys)}", due_at=due, citation="kz-rs-2015 Art 3.4",
        basis=basis, status=status, responsible_side=ResponsibleSide.KAZAKHSTAN,
        responsible_role="Clerk", responsible_user=user,
        next_action_at=due if status == DeadlineStatus.OPEN else None)


def _varied_requests(count: int, start: int = 0) -> list:
    """``count`` requests, each different from its neighbours: instrument, direction, state,
    authorities, executing prosecutor, deadlines (open and missed, with and without a
    responsible user), a person and a log entry."""
    made = []
    for i in range(start, start + count):
        slug = SLUGS[i % len(SLUGS)]
        direction = (Direction.OUTGOING, Direction.INCOMING)[(i // 4) % 2]
        state = STATES[direction][(i // 8) % 4]
        if direction == Direction.INCOMING:
            request = incoming_request(slug, state=state, assigned_prosecutor=prosecutor())
        else:
            request = AssistanceRequestFactory(instrument_slug=slug, state=state)
        user = request.created_by if i % 3 == 0 else None
        _deadline(request, due_in=DUE_IN[i % len(DUE_IN)], user=user)
        _deadline(request, due_in=-timedelta(days=1 + i % 5), status=DeadlineStatus.MISSED,
                  kind="summons_transmission", basis=DeadlineBasis.OFFICE_POLICY)
        RequestPerson.objects.create(request=request, role=PersonRole.TO_HEAR,
                                     full_name=f"Witness {i}")
        log_write(request=request, actor=request.created_by, at=NOW, action="create",
                  from_state="", to_state=state,
                  basis=LogBasis.under(request.rulebook.written_form))
        made.append(request)
    # An instrument's own duty (RS 18 report) among the request deadlines.
    _deadline(None, due_in=DUE_IN[start % len(DUE_IN)], kind="conviction_report")
    return made


def _measure(client, url: str, **params) -> tuple[int, str]:
    """Queries of one GET (the body read to the end, for streamed answers) and the body."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params, **EN)
        if response.streaming:
            body = b"".join(response.streaming_content)
        else:
            body = response.content
    assert response.status_code == 200, url
    return len(captured), body.decode()


def _few_then_many(client, url: str, add_rows, **params) -> tuple[int, int, str]:
    """Measure ``url`` with the rows there are, add rows, measure again."""
    client.get(url, params, **EN)  # sign in, fill the per-process caches
    few, _body = _measure(client, url, **params)
    add_rows()
    many, body = _measure(client, url, **params)
    return few, many, body


# --- the inbox --------------------------------------------------------------------------------
@pytest.mark.parametrize("query", [{"stage": "all"}, {}, {"stage": "all", "overdue": "1"}],
                         ids=["all", "open-work", "overdue"])
def test_inbox_runs_the_same_queries_for_2_and_20_requests(query, clerk_client, frozen_now):
    rows = _varied_requests(FEW)
    few, many, body = _few_then_many(
        clerk_client, "/requests/", lambda: rows.extend(_varied_requests(MANY - FEW, FEW)),
        **query)
    if query == {"stage": "all"}:
        assert all(r.reference in body for r in rows)
    assert many == few, f"{FEW} rows: {few} queries; {MANY} rows: {many} queries"


def test_inbox_partial_runs_the_same_queries_for_2_and_20_requests(clerk_client, frozen_now):
    _varied_requests(FEW)
    url = "/requests/"
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "inbox-results", **EN}
    clerk_client.get(url, **htmx)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert clerk_client.get(url, {"stage": "all"}, **htmx).status_code == 200
        return len(captured)

    few = count()
    _varied_requests(MANY - FEW, FEW)
    many = count()
    assert many == few, f"{FEW} rows: {few} queries; {MANY} rows: {many} queries"


# --- the request page -------------------------------------------------------------------------
def _busy_request(clerk, n: int):
    """An incoming RS request in execution with ``n`` of everything its page lists."""
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION,
                               assigned_prosecutor=prosecutor())
    today = NOW.date()
    for i in range(n):
        person = RequestPerson.objects.create(
            request=request, role=(PersonRole.TO_HEAR, PersonRole.TO_TRANSFER)[i % 2],
            full_name=f"Person {i}", appearance_date=today + timedelta(days=70 + i))
        Translation.objects.create(request=request, language="sr", document=f"annex {i}",
                                   completed_on=today)
        OriginalDocument.objects.create(request=request, asked_for_on=today,
                                        dispatched_on=today if i % 2 else None)
        ServiceProof.objects.create(request=request, person=person, served_at=NOW,
                                    place="Belgrade")
        Consultation.objects.create(request=request, subject="other", held_on=today,
                                    counterpart="RS", summary=f"Call {i}", recorded_by=clerk)
        Decision.objects.create(
            request=request, decided_on=today, decided_by=clerk, reasons=f"Reason {i}",
            kind=(DecisionKind.REFUSAL, DecisionKind.PARTIAL_OR_CONDITIONAL_CONSIDERED)[i % 2],
            ground="essential_interests" if i % 2 == 0 else "")
        HandedOverItem.objects.create(request=request, description=f"Item {i}",
                                      holder=ItemHolder.KAZAKHSTAN, handed_over_on=today)
        AssetMeasure.objects.create(request=request, kind=AssetMeasureKind.FROZEN,
                                    amount=Decimal(1000 + i), currency="EUR", taken_on=today,
                                    recorded_by=clerk)
        if i % 2:
            DetaineeTransfer.objects.create(request=request, person=person, transferred_on=today,
                                            return_due_on=today + timedelta(days=30))
        entry = PersonalDataTransfer.objects.create(
            request=request, flow=(DataFlow.RECEIVED, DataFlow.SUPPLIED)[i % 2],
            transferred_on=today, purpose="case", data_categories="names",
            bodies_involved="police", deletion_due_on=today + timedelta(days=365))
        OnwardTransferConsent.objects.create(personal_data=entry, recipient="Europol",
                                             consent_reference=f"C-{i}", consent_given_on=today)
        TreatyDuty.objects.create(
            request=request, rule_code=("duty_notice_of_non_service", "duty_safe_conduct_ends")[
                i % 2], event=("non_service", "presence_no_longer_needed")[i % 2],
            citation="kz-rs-2015 Art 8.2", owed_by=ResponsibleSide.KAZAKHSTAN, triggered_at=NOW,
            trigger="by_hand", recorded_by=clerk, fulfilled_at=NOW if i % 2 else None)
        _deadline(request, due_in=DUE_IN[i % len(DUE_IN)], user=clerk if i % 2 else None,
                  status=(DeadlineStatus.OPEN, DeadlineStatus.MISSED)[i % 2])
        log_write(request=request, actor=clerk if i % 3 else None, at=NOW,
                  action=("request_additional_info", "translation_recorded", "refuse")[i % 3],
                  from_state=RequestState.IN_EXECUTION, to_state=RequestState.IN_EXECUTION,
                  reason=f"entry {i}", details={"ground": "essential_interests"} if i % 3 == 2
                  else {}, basis=(LogBasis.office_procedure() if i % 3 == 0
                                  else LogBasis.under(request.rulebook.language)))
    return request


def test_request_page_runs_the_same_queries_for_2_and_20_of_everything(clerk_client,
                                                                       frozen_now):
    few_request = _busy_request(clerk_client.user, FEW)
    many_request = _busy_request(clerk_client.user, MANY)
    clerk_client.get(f"/requests/{few_request.pk}/", **EN)
    few, _body = _measure(clerk_client, f"/requests/{few_request.pk}/")
    many, body = _measure(clerk_client, f"/requests/{many_request.pk}/")
    assert all(f"Person {i}" in body for i in range(MANY))
    assert many == few, f"{FEW} rows: {few} queries; {MANY} rows: {many} queries"


# --- the supervisors' dashboard and its export --------------------------------------------------
@pytest.mark.parametrize("url", ["/dashboard/", "/dashboard/deadlines.csv"],
                         ids=["dashboard", "csv"])
def test_dashboard_pages_run_the_same_queries_for_2_and_20_requests(url, supervisor_client,
                                                                    frozen_now):
    rows = _varied_requests(FEW)
    few, many, body = _few_then_many(
        supervisor_client, url, lambda: rows.extend(_varied_requests(MANY - FEW, FEW)))
    assert all(r.reference in body for r in rows)
    assert many == few, f"{FEW} rows: {few} queries; {MANY} rows: {many} queries"


def test_dashboard_partial_runs_the_same_queries_for_2_and_20_requests(supervisor_client,
                                                                       frozen_now):
    _varied_requests(FEW)
    htmx = {"HTTP_HX_REQUEST": "true", **EN}
    supervisor_client.get("/dashboard/", **htmx)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert supervisor_client.get("/dashboard/", {"direction": "incoming"},
                                         **htmx).status_code == 200
        return len(captured)

    few = count()
    _varied_requests(MANY - FEW, FEW)
    many = count()
    assert many == few, f"{FEW} rows: {few} queries; {MANY} rows: {many} queries"


# --- notifications ------------------------------------------------------------------------------
def _missed_oral_requests(actor, count: int) -> None:
    """``count`` urgent oral SK requests whose written confirmation never came: each earns
    reminders, a miss and an escalation."""
    for _ in range(count):
        urgent_oral_request(actor)
    deadlines_sweep(now=NOW + timedelta(hours=25))


def test_notifications_inbox_runs_the_same_queries_for_few_and_many(police_clerk_client,
                                                                     frozen_now):
    user = police_clerk_client.user
    _missed_oral_requests(user, FEW)
    few_rows = Notification.objects.filter(recipient=user).count()
    few, many, body = _few_then_many(police_clerk_client, "/notifications/",
                                     lambda: _missed_oral_requests(user, MANY - FEW))
    assert Notification.objects.filter(recipient=user).count() >= MANY > few_rows
    assert many == few, f"{FEW} rows: {few} queries; {MANY} rows: {many} queries"


# --- the calendar feed --------------------------------------------------------------------------
def test_calendar_feed_runs_the_same_queries_for_2_and_20_requests(supervisor_client,
                                                                   frozen_now):
    rows = _varied_requests(FEW)
    url = f"/calendar/{calendar_token_for(user=supervisor_client.user, language='en')}.ics"
    few, many, body = _few_then_many(Client(), url,
                                     lambda: rows.extend(_varied_requests(MANY - FEW, FEW)))
    assert body.count("BEGIN:VEVENT") >= MANY
    assert many == few, f"{FEW} rows: {few} queries; {MANY} rows: {many} queries"
