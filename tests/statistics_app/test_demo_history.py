"""The demo's year of past requests (``requests_app.demo_history``) gives every table of the
statistics content: the last twelve months as the statistics page shows them right after
``manage.py seed_demo``."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from requests_app import clock
from statistics_app.figures import StatisticsFilters
from statistics_app.figures import statistics_report

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Seeded once for the module, in a transaction rolled back at its end; each test runs in a
    savepoint inside it (as in tests/requests_app/test_seed_demo_case_work.py)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def report(demo, db):
    today = clock.today()
    return statistics_report(StatisticsFilters(start=today - timedelta(days=365), end=today),
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
