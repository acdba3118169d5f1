"""GET /api/deadlines/: the deadlines the caller may see (those of visible requests; the
instruments' own duties for supervisors and clerks of a designated office), soonest first,
filtered strictly, paginated, in a constant number of queries."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import DeadlineStatus
from requests_app.models import ResponsibleSide
from requests_app.services.deadlines import instrument_deadlines_sync
from requests_app.services.requests import person_add
from tests.api._support import listed_ids
from tests.api.conftest import NOW
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import incoming_request
from tests.factories import instrument
from tests.factories import prosecutor
from tests.factories import supervisor
from treaties.rulebook import all_rulebooks
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

URL = "/api/deadlines/"
TODAY = NOW.date()


def _summons(request, days_ahead: int):
    """A person summoned ``days_ahead`` days from today: the summons deadline falls
    ``days_ahead - lead time`` days from today (RS: 60)."""
    person_add(actor=supervisor(), request_id=request.pk, role="to_serve",
               full_name="Petar Petrović", appearance_date=TODAY + timedelta(days=days_ahead))
    return Deadline.objects.get(request=request, subject_key__startswith="person:",
                                due_at=end_of_day(TODAY + timedelta(days=days_ahead - 60)))


def _gpo_request(**fields):
    return AssistanceRequestFactory(instrument_slug="kz-rs-2015", **fields)


def _astana_request():
    """A request of another office (the Astana prosecutor's office): kz-gpo's prosecutors must
    not see it."""
    return AssistanceRequestFactory(
        instrument_slug="kz-rs-2015",
        requesting_authority=authority("kz-prosecutor-astana"),
        created_by=prosecutor("kz-prosecutor-astana"))


def _instrument_duty(slug: str, **dates) -> Deadline:
    """A duty of the instrument itself: the termination row once a notice is received."""
    inst = instrument(slug)
    for name, value in dates.items():
        setattr(inst, name, value)
    inst.save()
    instrument_deadlines_sync(instrument=inst, now=NOW)
    return Deadline.objects.get(instrument=inst, request__isnull=True,
                                kind="instrument_termination")


# --- what a deadline says -------------------------------------------------------------------------
def test_a_deadline_carries_its_request_duty_due_time_citation_basis_and_who_must_act(clerk_api):
    request = _gpo_request()
    deadline = _summons(request, 75)

    response = clerk_api.get(URL, {"request": request.pk})

    assert response.status_code == 200
    body = response.json()
    assert body["next"] is None
    [row] = body["results"]
    assert row == {
        "id": deadline.pk,
        "request": {"id": request.pk, "reference": request.reference},
        "instrument": "kz-rs-2015",
        "kind": "summons_transmission",
        "duty_label": row["duty_label"],
        "due_at": "2026-03-17T23:59:59+05:00",
        "citation": "kz-rs-2015 Art 8.3",
        "basis": "treaty",
        "basis_label": row["basis_label"],
        "status": "open",
        "responsible": {"side": "kazakhstan", "side_label": row["responsible"]["side_label"],
                        "role": "Clerk", "role_label": row["responsible"]["role_label"],
                        "user": None},
        "met_at": None,
        # A draft's term: shown, marked provisional, not swept until it is transmitted.
        "provisional": True,
        "closed_reason": "",
        "closed_at": None,
        "closed_by": None,
        "superseded": None,
    }
    assert row["duty_label"] and row["basis_label"] and row["responsible"]["role_label"]


def test_the_responsible_prosecutor_is_named(clerk_api):
    executor = prosecutor()
    executor.first_name, executor.last_name = "Aigerim", "Sadykova"
    executor.save()
    request = incoming_request("kz-rs-2015", assigned_prosecutor=executor,
                               requested_execution_date=TODAY + timedelta(days=20),
                               requested_execution_reason="Trial in April")
    person_add(actor=supervisor(), request_id=request.pk, role="to_hear", full_name="Witness")

    [row] = [row for row in clerk_api.get(URL, {"request": request.pk}).json()["results"]
             if row["kind"] == "requested_execution_date"]

    assert (row["kind"], row["basis"]) == ("requested_execution_date", "requesting_side")
    assert row["responsible"]["role"] == "Prosecutor"
    assert row["responsible"]["user"] == {"id": executor.pk, "username": executor.username,
                                          "name": "Aigerim Sadykova"}


def test_deadlines_come_soonest_first(clerk_api):
    request = _gpo_request()
    later = _summons(request, 90)
    sooner = _summons(request, 70)
    middle = _summons(_gpo_request(), 80)

    assert listed_ids(clerk_api.get(URL)) == [sooner.pk, middle.pk, later.pk]


# --- who sees what --------------------------------------------------------------------------------
@pytest.mark.parametrize("client_name", ["prosecutor_api", "clerk_api", "supervisor_api"])
def test_the_office_sees_the_deadlines_of_its_requests(request, client_name):
    client = request.getfixturevalue(client_name)
    deadline = _summons(_gpo_request(), 75)

    assert deadline.pk in listed_ids(client.get(URL))


@pytest.mark.parametrize("client_name", ["other_office_api", "roleless_api", "police_clerk_api"])
def test_deadlines_of_requests_one_may_not_see_are_never_listed(request, client_name):
    client = request.getfixturevalue(client_name)
    obj = _gpo_request()
    _summons(obj, 75)

    everything = client.get(URL)
    asked_for = client.get(URL, {"request": obj.pk})

    assert everything.status_code == asked_for.status_code == 200
    assert not any(row["request"] and row["request"]["id"] == obj.pk
                   for row in everything.json()["results"])
    assert asked_for.json() == {"next": None, "results": []}


def test_another_offices_deadlines_stay_with_that_office(other_office_api, prosecutor_api):
    theirs = _summons(_astana_request(), 75)

    assert theirs.pk in listed_ids(other_office_api.get(URL))
    assert theirs.pk not in listed_ids(prosecutor_api.get(URL))


def test_instrument_duties_are_shown_to_supervisors(supervisor_api):
    duty = _instrument_duty("kz-rs-2015", termination_notice_received_on=TODAY)

    [row] = [r for r in supervisor_api.get(URL).json()["results"] if r["id"] == duty.pk]

    assert row["request"] is None
    assert (row["instrument"], row["kind"], row["citation"]) == (
        "kz-rs-2015", "instrument_termination", "kz-rs-2015 Art 22.4")
    assert row["responsible"]["role"] == "Supervisor"


def test_instrument_duties_are_shown_to_clerks_of_a_designated_office(clerk_api,
                                                                      police_clerk_api):
    rs_duty = _instrument_duty("kz-rs-2015", termination_notice_received_on=TODAY)
    cz_duty = _instrument_duty("kz-cz-2017", termination_notice_received_on=TODAY)

    gpo = listed_ids(clerk_api.get(URL, {"kind": "instrument_termination"}))
    mvd = listed_ids(police_clerk_api.get(URL, {"kind": "instrument_termination"}))

    # kz-gpo is designated under all four instruments, kz-mvd only under CZ and SK.
    assert {rs_duty.pk, cz_duty.pk} <= set(gpo)
    assert cz_duty.pk in mvd and rs_duty.pk not in mvd


@pytest.mark.parametrize("client_name", ["prosecutor_api", "other_office_api", "roleless_api"])
def test_instrument_duties_are_not_shown_to_others(request, client_name):
    client = request.getfixturevalue(client_name)
    _instrument_duty("kz-rs-2015", termination_notice_received_on=TODAY)

    rows = client.get(URL).json()["results"]

    assert all(row["request"] is not None for row in rows)


def test_deadlines_need_a_signed_in_caller(anonymous_api):
    _summons(_gpo_request(), 75)

    response = anonymous_api.get(URL)

    assert response.status_code == 401
    assert response.json()["type"] == "not_authenticated"


# --- filters --------------------------------------------------------------------------------------
def test_filter_by_status(clerk_api):
    request = _gpo_request()
    open_ = _summons(request, 75)
    waived = _summons(request, 80)
    Deadline.objects.filter(pk=waived.pk).update(status=DeadlineStatus.WAIVED)

    def listed(status):
        return listed_ids(clerk_api.get(URL, {"status": status, "request": request.pk}))

    assert listed("open") == [open_.pk]
    assert listed("waived") == [waived.pk]


def test_dates_bound_the_due_time_half_open_in_almaty_days(clerk_api):
    request = _gpo_request()
    on_17th = _summons(request, 75)  # due 17 March, 23:59:59 Almaty
    on_18th = _summons(request, 76)

    def ids(**params):
        return listed_ids(clerk_api.get(URL, {"request": request.pk, **params}))

    assert ids(due_after="2026-03-17", due_before="2026-03-18") == [on_17th.pk]
    assert ids(due_after="2026-03-18") == [on_18th.pk]
    assert ids(due_before="2026-03-17") == []
    assert ids(due_before="2026-03-18T00:00:00+05:00") == [on_17th.pk]
    assert ids(due_after="2026-03-17T19:00:00+00:00") == [on_18th.pk]  # = 18 March 00:00 Almaty


def test_filter_by_instrument_kind_and_request(supervisor_api):
    rs_request = _gpo_request()
    rs = _summons(rs_request, 75)
    br_request = AssistanceRequestFactory(instrument_slug="kz-br-2018")
    person_add(actor=supervisor(), request_id=br_request.pk, role="to_serve", full_name="X",
               appearance_date=TODAY + timedelta(days=120))
    br = Deadline.objects.get(request=br_request)

    assert listed_ids(supervisor_api.get(URL, {"instrument": "kz-br-2018",
                                               "kind": "summons_transmission"})) == [br.pk]
    assert listed_ids(supervisor_api.get(URL, {"request": rs_request.pk})) == [rs.pk]
    assert listed_ids(supervisor_api.get(URL, {"kind": "oral_confirmation",
                                               "request": rs_request.pk})) == []


@pytest.mark.parametrize(("params", "field"), [
    ({"due_before": "2026-02-30"}, "due_before"),
    ({"due_after": "02.03.2026"}, "due_after"),
    ({"due_after": "soon"}, "due_after"),
    ({"due_after": "0001-01-01"}, "due_after"),
    ({"due_before": "0001-01-01T00:00:00+14:00"}, "due_before"),
    ({"due_after": "2026-03-10", "due_before": "2026-03-01"}, "due_before"),
    ({"status": "late"}, "status"),
    ({"instrument": "kz-xx-1999"}, "instrument"),
    ({"instrument": "not a slug!"}, "instrument"),
    ({"kind": "anything"}, "kind"),
    ({"request": "abc"}, "request"),
    ({"request": "-3"}, "request"),
    ({"request": "1.0"}, "request"),
    ({"request": "99999999999999999999999"}, "request"),
    ({"ordering": "-due_at"}, "ordering"),
    ({"stauts": "open"}, "stauts"),
])
def test_bad_filters_answer_400_naming_the_filter(clerk_api, params, field):
    response = clerk_api.get(URL, params)

    assert response.status_code == 400
    assert response.json()["type"] == "validation_error"
    assert field in response.json()["errors"]


# --- pages and queries ----------------------------------------------------------------------------
def _rows(count: int) -> None:
    """Deadlines as varied as in real life: requests of both directions under every instrument,
    some with a responsible prosecutor, and instrument duties."""
    executor = prosecutor()
    slugs = itertools.cycle(all_rulebooks())
    for i in range(count):
        slug = next(slugs)
        if i % 5 == 4:
            Deadline.objects.create(
                instrument=instrument(slug), kind="conviction_report", subject_key=f"d{i}",
                due_at=NOW + timedelta(days=i), citation=f"{slug} Art 18",
                responsible_side=ResponsibleSide.KAZAKHSTAN, responsible_role="Clerk")
            continue
        if i % 2:
            request = AssistanceRequestFactory(instrument_slug=slug, assigned_prosecutor=executor)
        else:
            request = incoming_request(slug, assigned_prosecutor=executor)
        Deadline.objects.create(
            request=request, instrument=request.instrument, kind="requested_execution_date",
            due_at=NOW + timedelta(days=i), citation=f"{slug} Art 6.5",
            basis=DeadlineBasis.REQUESTING_SIDE, responsible_side=ResponsibleSide.KAZAKHSTAN,
            responsible_role="Prosecutor", responsible_user=executor if i % 3 else None)


def _queries(client) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL)
    assert response.status_code == 200
    return len(ctx.captured_queries), len(response.json()["results"])


@pytest.mark.parametrize("client_name", ["supervisor_api", "clerk_api", "prosecutor_api"])
def test_a_page_costs_the_same_queries_for_2_rows_as_for_20(request, client_name):
    client = request.getfixturevalue(client_name)
    _rows(2)
    few, few_rows = _queries(client)
    _rows(18)
    many, many_rows = _queries(client)

    assert many_rows > few_rows
    assert many == few


def test_fifty_a_page_with_a_link_to_the_next(supervisor_api):
    request = _gpo_request()
    for day in range(52):
        Deadline.objects.create(request=request, instrument=request.instrument, kind="x",
                                subject_key=str(day), due_at=NOW + timedelta(days=day),
                                citation="kz-rs-2015 Art 8.3",
                                responsible_side=ResponsibleSide.KAZAKHSTAN)

    first = supervisor_api.get(URL, {"request": request.pk}).json()
    second = supervisor_api.get(first["next"]).json()

    assert (len(first["results"]), len(second["results"])) == (50, 2)
    assert f"request={request.pk}" in first["next"] and second["next"] is None
    assert second["results"][-1]["due_at"].startswith(
        (NOW + timedelta(days=51)).date().isoformat())


@pytest.mark.parametrize("query", [{"page": "2"}, {"cursor": "bm90LWEtY3Vyc29y"}])
def test_a_page_number_or_a_changed_cursor_answers_400(supervisor_api, query):
    response = supervisor_api.get(URL, query)

    assert response.status_code == 400


def test_an_empty_filter_filters_nothing(clerk_api):
    request = _gpo_request()
    deadline = _summons(request, 75)

    assert listed_ids(clerk_api.get(URL, {"request": request.pk, "status": "", "kind": "",
                                          "instrument": "", "due_after": ""})) == [deadline.pk]


# --- waiving a missed deadline ----------------------------------------------------------------------
def _missed(request=None) -> Deadline:
    """A missed deadline of a request of kz-gpo (the request is sent orally: no longer a draft)."""
    request = request or _gpo_request(state="oral_pending_confirmation")
    row = Deadline.objects.create(
        request=request, instrument=request.instrument, kind="original_by_post",
        subject_key="", due_at=NOW - timedelta(days=1), citation="kz-rs-2015 Art 3.4",
        status=DeadlineStatus.MISSED, responsible_side=ResponsibleSide.KAZAKHSTAN)
    return row


def _waive_url(row) -> str:
    return f"{URL}{row.pk}/waive/"


def test_a_supervisor_waives_a_missed_deadline_through_the_api(supervisor_api):
    row = _missed()

    response = supervisor_api.post(_waive_url(row), {"reason": "Original handed over in person"},
                                   format="json")

    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["status"], body["closed_reason"]) == (
        row.pk, "waived", "Original handed over in person")
    assert body["closed_by"]["username"] and body["closed_at"]
    assert not Deadline.objects.overdue(NOW).filter(pk=row.pk).exists()


def test_waiving_through_the_api_without_a_reason_answers_400_naming_the_field(supervisor_api):
    row = _missed()

    response = supervisor_api.post(_waive_url(row), {"reason": ""}, format="json")

    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


def test_waiving_through_the_api_with_an_unknown_field_answers_400(supervisor_api):
    response = supervisor_api.post(_waive_url(_missed()), {"reason": "x", "status": "waived"},
                                   format="json")

    assert response.status_code == 400
    assert "status" in response.json()["errors"]


def test_a_clerk_may_not_waive_a_missed_deadline_403(clerk_api):
    row = _missed()

    response = clerk_api.post(_waive_url(row), {"reason": "Not pursued"}, format="json")

    assert response.status_code == 403
    assert Deadline.objects.get(pk=row.pk).status == DeadlineStatus.MISSED


def test_waiving_an_open_deadline_answers_400_naming_the_deadline(supervisor_api):
    row = _missed()
    Deadline.objects.filter(pk=row.pk).update(status=DeadlineStatus.OPEN)

    response = supervisor_api.post(_waive_url(row), {"reason": "Not pursued"}, format="json")

    assert response.status_code == 400
    assert "deadline" in response.json()["errors"]


def test_waiving_an_unknown_deadline_answers_404(supervisor_api):
    response = supervisor_api.post(f"{URL}987654/waive/", {"reason": "x"}, format="json")

    assert response.status_code == 404


def test_waiving_with_a_stale_version_answers_409(supervisor_api):
    row = _missed()
    version = row.request.version

    response = supervisor_api.post(_waive_url(row), {"reason": "x", "version": version + 5},
                                   format="json")

    assert response.status_code == 409
