"""The demo is made through the services: every row of its log names its basis (before bases were
kept, 8 of its 17 rows had no citation). The demo's year of history (``requests_app.demo_history``) gives every table of the statistics
content; and every figure of the statistics, recomputed from the raw rows the demo leaves (the requests,
their audit log, their decisions, asset measures and deadline rows) by code that shares nothing
with ``statistics_app``, and compared; and every figure's drill-down lists as many requests as
it counts. The demo (``manage.py seed_demo``) is made through the services, so its statistics
rows are those the services maintain."""

from __future__ import annotations

import math
from collections import Counter
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from requests_app import clock
from requests_app.models import BASIS_KEY
from requests_app.models import AssetMeasure
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import LogBasisKind
from requests_app.models import TransitionLog
from statistics_app.aggregates import statistics_aggregates_refresh
from statistics_app.figures import statistics_report as report_of
from statistics_app.filters import StatisticsFilters
from statistics_app.filters import drill_down_requests
from statistics_app.forms import StatisticsFilterForm
from statistics_app.models import RequestStatistics
from statistics_app.rows import statistics_rebuild
from treaties.rules.calendar import local_date

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(params=["rows", "aggregates"])
def source(request, demo, db):
    """Each figure is checked as read from the statistics rows and as read from the aggregates
    beat rebuilds (with the rows for the days outside whole months)."""
    if request.param == "aggregates":
        statistics_aggregates_refresh()
    return request.param


@pytest.fixture
def year(source):
    today = clock.today()
    return StatisticsFilters(start=today - timedelta(days=365), end=today), clock.now(), today


def statistics_report(filters, *, now, today, source="rows"):
    return report_of(filters, now=now, today=today, use_aggregates=source == "aggregates")


def _raw_requests(filters: StatisticsFilters) -> list[dict]:
    """Each request of the period as the audit log and the records tell it."""
    found = []
    for r in (AssistanceRequest.objects.select_related("requesting_authority__state",
                                                       "requested_authority__state")
              .prefetch_related("log", "decisions")):
        log = sorted(r.log.all(), key=lambda row: row.id)
        if r.direction == "outgoing":
            opened = next((local_date(row.at) for row in log if row.from_state == "ready"
                           and row.to_state in ("transmitted", "oral_pending_confirmation")),
                          None)
            partner = r.requested_authority.state.iso_code
        else:
            opened = local_date(r.received_at)
            partner = r.requesting_authority.state.iso_code
        if opened is None or not filters.start <= opened <= filters.end:
            continue
        executed = next((local_date(row.at) for row in log if row.to_state == "executed"), None)
        refusals = sorted((d for d in r.decisions.all() if d.kind == "refusal"),
                          key=lambda d: d.decided_on)
        refused = executed is None and any(row.to_state == "refused" for row in log)
        if executed:
            outcome = "executed_partial" if r.execution_outcome == "partial" else "executed_full"
        elif refused:
            outcome = "refused"
        elif any(row.to_state == "withdrawn" for row in log):
            outcome = "withdrawn"
        else:
            outcome = "pending"
        answered = executed or (refusals[-1].decided_on if refused and refusals else None)
        found.append({
            "id": r.pk, "direction": r.direction, "partner": partner, "opened": opened,
            "instrument": r.instrument.slug, "outcome": outcome,
            "deferred": any(row.to_state == "deferred" for row in log),
            "ground": refusals[-1].ground if refused and refusals else "",
            "executed_days": (executed - opened).days if executed else None,
            "answer_days": (answered - opened).days if answered else None,
            "asset_recovery": bool({"provisional_measures", "confiscation", "asset_return",
                                    "asset_sharing"} & set(r.assistance_types))})
    return found


def _cells(report, key) -> dict[str, list]:
    return {row.key: [cell.value for cell in row.cells] for row in report.table(key).rows}


def _rank(values: list[int], share: float) -> int | None:
    ordered = sorted(values)
    return ordered[math.ceil(share * len(ordered)) - 1] if ordered else None


MEASURES = ("executed_full", "executed_partial", "refused", "deferred", "withdrawn", "pending")


def _measure_counts(rows: list[dict]) -> list[int]:
    return [sum(1 for r in rows if (r["deferred"] if m == "deferred" else r["outcome"] == m))
            for m in MEASURES]


def test_the_services_rows_equal_those_recomputed_from_the_records(demo, db):
    def snapshot():
        return sorted(RequestStatistics.objects.values_list(
            "request_id", "direction", "partner_state_id", "instrument_id", "offence_category",
            "assistance_types_mask", "opened_on", "outcome", "refusal_ground", "deferred",
            "answered_on", "days_to_answer", "executed_on", "days_to_execution",
            "asset_recovery"))
    maintained = snapshot()
    assert len(maintained) == AssistanceRequest.objects.count()
    statistics_rebuild(batch_size=7)
    assert snapshot() == maintained


def test_the_overview_counts_what_the_log_says(year, source):
    filters, now, today = year
    raw = _raw_requests(filters)
    report = statistics_report(filters, now=now, today=today, source=source)
    expected = {}
    for direction in ("outgoing", "incoming"):
        rows = [r for r in raw if r["direction"] == direction]
        expected[direction] = [len(rows), *_measure_counts(rows),
                               sum(r["asset_recovery"] for r in rows)]
    assert _cells(report, "overview") == expected
    assert sum(expected["outgoing"][:1] + expected["incoming"][:1]) > 0


def test_each_breakdown_by_state_counts_what_the_log_says(year, source):
    filters, now, today = year
    raw = _raw_requests(filters)
    report = statistics_report(filters, now=now, today=today, source=source)
    by_state: dict[str, list[dict]] = defaultdict(list)
    for r in raw:
        by_state[r["partner"]].append(r)
    got = {row.label: [c.value for c in row.cells] for row in report.table("by_state").rows}
    from treaties.models import State
    expected = {State.objects.get(iso_code=code).name: [
        sum(r["direction"] == "outgoing" for r in rows),
        sum(r["direction"] == "incoming" for r in rows), *_measure_counts(rows)]
        for code, rows in by_state.items()}
    assert got == expected


def test_the_times_taken_are_the_medians_and_90th_percentiles_of_the_log(year, source):
    filters, now, today = year
    raw = _raw_requests(filters)
    report = statistics_report(filters, now=now, today=today, source=source)
    expected = {}
    for direction in ("incoming", "outgoing"):
        for kind, key in (("execution", "executed_days"), ("answer", "answer_days")):
            values = [r[key] for r in raw if r["direction"] == direction and r[key] is not None]
            expected[f"{direction}_{kind}"] = [len(values), _rank(values, .5), _rank(values, .9)]
    assert _cells(report, "durations") == expected


def test_pending_requests_are_aged_from_the_day_they_were_sent_or_received(year, source):
    filters, now, today = year
    raw = _raw_requests(filters)
    report = statistics_report(filters, now=now, today=today, source=source)
    edges = ((0, 30), (31, 90), (91, 180), (181, 365), (366, 10**6))
    expected = {direction: [sum(1 for r in raw if r["direction"] == direction
                                and r["outcome"] == "pending"
                                and low <= (today - r["opened"]).days <= high)
                            for low, high in edges] for direction in ("outgoing", "incoming")}
    assert _cells(report, "ageing") == expected


def test_refusals_are_counted_by_their_ground(year, source):
    filters, now, today = year
    raw = _raw_requests(filters)
    report = statistics_report(filters, now=now, today=today, source=source)
    expected: Counter = Counter()
    for r in raw:
        if r["outcome"] == "refused":
            expected[(r["instrument"], r["ground"], r["direction"])] += 1
    got: Counter = Counter()
    for row in report.table("refusal_grounds").rows:
        for cell, direction in zip(row.cells, ("outgoing", "incoming"), strict=True):
            if cell.value:
                got[(cell.drill["instrument"], cell.drill["refusal_ground"], direction)] = \
                    cell.value
    assert got == expected


def test_asset_amounts_are_the_sums_of_the_measures_decided_in_the_period(year, source):
    filters, now, today = year
    report = statistics_report(filters, now=now, today=today, source=source)
    expected: dict = defaultdict(Decimal)
    for m in AssetMeasure.objects.select_related("request"):
        if filters.start <= m.taken_on <= filters.end:
            expected[(m.request.direction, m.currency, m.kind)] += m.amount
    got = {}
    kinds = ("frozen", "confiscated", "shared", "returned")
    for row in report.table("asset_recovery").rows:
        direction, currency = row.key.split("_")
        for kind, cell in zip(kinds, row.cells, strict=True):
            if cell.value:
                got[(direction, currency, kind)] = cell.value
    assert got == {k: v for k, v in expected.items() if v}


def test_timeliness_counts_each_duty_that_fell_due_by_how_it_was_met(year, source):
    filters, now, today = year
    report = statistics_report(filters, now=now, today=today, source=source)
    expected: Counter = Counter()
    for d in Deadline.objects.filter(request__isnull=False, provisional=False,
                                     basis__in=("treaty", "office_policy")):
        if d.status in ("waived", "superseded"):
            continue
        if not filters.start <= local_date(d.due_at) <= filters.end:
            continue
        if d.met_at is not None:
            how = "in_time" if d.met_at <= d.due_at else "late"
        else:
            how = "not_done" if d.due_at < now else "not_yet_due"
        expected[(f"{d.kind}:{d.basis}", how)] += 1
    got: Counter = Counter()
    for row in report.table("timeliness").rows:
        for how, cell in zip(("in_time", "late", "not_done", "not_yet_due"), row.cells[:4],
                             strict=True):
            if cell.value:
                got[(row.key, how)] = cell.value
    assert got == expected


def test_every_count_drills_down_to_as_many_requests(year, source):
    filters, now, today = year
    report = statistics_report(filters, now=now, today=today, source=source)
    checked = 0
    for table in report.tables:
        if table.key in ("timeliness", "asset_recovery"):
            continue  # duties and amounts, not requests: checked below
        for row in table.rows:
            for cell in row.cells:
                if cell.drill is None or not cell.value:
                    continue
                form = StatisticsFilterForm(cell.drill, today=today)
                assert form.is_valid(), form.errors
                listed = drill_down_requests(form.filters(), today=today, now=now).count()
                assert listed == cell.value, (table.key, row.key, cell.drill)
                checked += 1
    assert checked > 10


def test_every_duty_and_amount_drills_down_to_the_requests_that_hold_it(year, source):
    filters, now, today = year
    report = statistics_report(filters, now=now, today=today, source=source)
    for key in ("timeliness", "asset_recovery"):
        for row in report.table(key).rows:
            for cell in row.cells:
                if cell.drill is None or not cell.value:
                    continue
                form = StatisticsFilterForm(cell.drill, today=today)
                assert form.is_valid(), form.errors
                listed = drill_down_requests(form.filters(), today=today, now=now).count()
                # A request may owe a duty of the same kind twice (two notices), or hold two
                # measures: the list holds each request once.
                assert 1 <= listed <= (cell.value if key == "timeliness" else listed), (
                    key, row.key, cell.drill)


@pytest.mark.parametrize(("start_back", "end_back"), [
    (365, 0), (400, 3), (45, 45), (200, 10), (31, 1), (0, 0)])
def test_any_period_reads_the_same_from_the_aggregates_as_from_the_rows(demo, db, start_back,
                                                                        end_back):
    statistics_aggregates_refresh()
    today, now = clock.today(), clock.now()
    filters = StatisticsFilters(start=today - timedelta(days=start_back),
                                end=today - timedelta(days=end_back))
    aggregated = report_of(filters, now=now, today=today, use_aggregates=True)
    live = report_of(filters, now=now, today=today, use_aggregates=False)
    assert aggregated.aggregated_at is not None and live.aggregated_at is None
    assert (aggregated.tables, aggregated.months) == (live.tables, live.months)

def test_a_period_filtered_by_a_dimension_reads_the_same_from_both(demo, db):
    statistics_aggregates_refresh()
    today, now = clock.today(), clock.now()
    for extra in ({"direction": "incoming"}, {"partner_state": "RS"}, {"instrument": "kz-rs-2015"},
                  {"partner_state": "CN", "direction": "incoming"},
                  {"assistance_type": "testimony"}, {"offence_category": "fraud"}):
        filters = StatisticsFilters(start=today - timedelta(days=200), end=today, **extra)
        aggregated = report_of(filters, now=now, today=today, use_aggregates=True)
        live = report_of(filters, now=now, today=today, use_aggregates=False)
        assert aggregated.tables == live.tables and aggregated.months == live.months, extra


# --- the demo's year: every table has content -------------------------------------------------
@pytest.fixture
def report(demo, db):
    today = clock.today()
    return report_of(StatisticsFilters(start=today - timedelta(days=365), end=today),
                     now=clock.now(), today=today)


def _rows(report, key):
    return {row.key: [cell.value for cell in row.cells] for row in report.table(key).rows}


def test_requests_were_sent_and_received_in_at_least_ten_of_the_last_twelve_months(report):
    both = [m.month for m in report.months if m.sent and m.received]
    assert len(both) >= 10


def test_the_year_has_executed_refused_deferred_withdrawn_and_pending_requests(report):
    overview = report.table("overview")
    measures = ("executed_full", "executed_partial", "refused", "deferred", "withdrawn",
                "pending")
    # Column 0 is the total; the measures follow in the order of ``figures.MEASURES``.
    totals = {m: sum(row.cells[1 + i].value for row in overview.rows)
              for i, m in enumerate(measures)}
    assert all(totals.values()), totals


def test_both_directions_have_a_median_and_a_90th_percentile_of_days_to_execution(report):
    durations = _rows(report, "durations")
    for key in ("incoming_execution", "outgoing_execution"):
        answered, median, p90 = durations[key]
        assert answered >= 10, key
        assert median is not None and p90 is not None and 20 <= median <= p90 <= 330, \
            (key, median, p90)


def test_amounts_were_frozen_and_confiscated(report):
    rows = report.table("asset_recovery").rows
    frozen = [row.cells[0].value for row in rows]
    confiscated = [row.cells[1].value for row in rows]
    assert any(frozen) and any(confiscated)


def test_duties_were_met_in_time_met_late_and_not_met(report):
    rows = report.table("timeliness").rows
    in_time, late, not_met = ([row.cells[i].value for row in rows] for i in range(3))
    assert any(in_time) and any(late) and any(not_met)


# --- every row the demo logs names its basis ------------------------------------------------------
@pytest.fixture
def demo_log(demo, db):
    rows = list(TransitionLog.objects.select_related("request__instrument").order_by("id"))
    assert rows, "the demo wrote no log"
    return rows


def test_every_row_the_demo_logs_has_a_citation_or_the_office_procedure_basis(demo_log):
    unstated = [(row.request.reference, row.action) for row in demo_log
                if not row.citation
                and row.details.get(BASIS_KEY) != LogBasisKind.OFFICE_PROCEDURE]
    assert unstated == []


def test_every_citation_the_demo_logs_is_an_article_of_the_requests_own_instrument(demo_log):
    for row in demo_log:
        assert row.basis.kind in (LogBasisKind.TREATY, LogBasisKind.OFFICE_PROCEDURE)
        if row.citation:
            assert row.basis.reference.instrument == row.request.instrument.slug, row.citation
            assert row.details[BASIS_KEY] == LogBasisKind.TREATY


def test_the_demos_state_changes_under_the_czech_agreement_cite_art_9_2(demo_log):
    # The hand-made Czech request (the demo's year of history holds others, executed and closed).
    czech = {row.action: row.citation for row in demo_log
             if row.request.instrument.slug == "kz-cz-2017"
             and row.request.their_reference == "KRPP-1234/2026"}
    assert czech == {"register": "kz-cz-2017 Art 9.1", "start_completeness_check": "",
                     "forward": "kz-cz-2017 Art 9.2", "start_execution": "kz-cz-2017 Art 9.2"}
