"""What one request counts as (``statistics_app.rows.statistics_row``): pure, no database."""

from datetime import UTC
from datetime import date
from datetime import datetime

import pytest

from statistics_app.models import Outcome
from statistics_app.rows import ASSISTANCE_TYPE_BITS
from statistics_app.rows import DecisionFact
from statistics_app.rows import RequestHistory
from statistics_app.rows import assistance_types_mask
from statistics_app.rows import statistics_row


def _history(**changes) -> RequestHistory:
    values = dict(direction="incoming", state="in_execution", partner_state_id=1,
                  instrument_id=1, offence_category="fraud", assistance_types=("testimony",),
                  opened_on=date(2026, 3, 1), executed_at=None, execution_outcome="",
                  decisions=())
    return RequestHistory(**{**values, **changes})


def test_a_draft_is_counted_nowhere():
    row = statistics_row(_history(direction="outgoing", state="drafting", opened_on=None))
    assert (row.outcome, row.answered_on, row.days_to_answer) == (Outcome.NOT_OPENED, None, None)


def test_a_request_in_execution_is_pending():
    assert statistics_row(_history()).outcome == Outcome.PENDING


@pytest.mark.parametrize(("outcome", "counted"), [("full", Outcome.EXECUTED_FULL),
                                                   ("partial", Outcome.EXECUTED_PARTIAL)])
def test_an_execution_counts_in_full_or_in_part(outcome, counted):
    row = statistics_row(_history(state="executed", execution_outcome=outcome,
                                  executed_at=datetime(2026, 4, 30, 12, tzinfo=UTC)))
    assert row.outcome == counted


@pytest.mark.parametrize(("executed_at", "days"), [
    # 18:59 UTC is 23:59 in Almaty (UTC+5): still 30 April, day 60 after 1 March.
    (datetime(2026, 4, 30, 18, 59, tzinfo=UTC), 60),
    # 19:00 UTC is midnight in Almaty: 1 May, day 61.
    (datetime(2026, 4, 30, 19, 0, tzinfo=UTC), 61),
    (datetime(2026, 4, 29, 12, 0, tzinfo=UTC), 59),
])
def test_days_to_execution_are_calendar_days_in_almaty(executed_at, days):
    row = statistics_row(_history(state="executed", execution_outcome="full",
                                  executed_at=executed_at))
    assert (row.days_to_execution, row.days_to_answer) == (days, days)


def test_a_refusal_is_counted_with_its_latest_ground_and_date():
    row = statistics_row(_history(state="refused", decisions=(
        DecisionFact("refusal", "sovereignty", date(2026, 3, 20)),
        DecisionFact("refusal", "political_offence", date(2026, 3, 31)))))
    assert (row.outcome, row.refusal_ground, row.answered_on, row.days_to_answer) == (
        Outcome.REFUSED, "political_offence", date(2026, 3, 31), 30)


def test_a_refusal_recorded_before_an_execution_does_not_count_as_refused():
    row = statistics_row(_history(
        state="executed", execution_outcome="partial",
        executed_at=datetime(2026, 4, 1, tzinfo=UTC),
        decisions=(DecisionFact("refusal", "sovereignty", date(2026, 3, 20)),)))
    assert (row.outcome, row.refusal_ground) == (Outcome.EXECUTED_PARTIAL, "")


def test_a_deferral_is_remembered_after_execution_resumed():
    row = statistics_row(_history(decisions=(
        DecisionFact("deferral", "ongoing_proceedings", date(2026, 3, 5)),)))
    assert (row.outcome, row.deferred) == (Outcome.PENDING, True)


def test_a_withdrawn_request_counts_as_withdrawn():
    assert statistics_row(_history(state="withdrawn")).outcome == Outcome.WITHDRAWN


def test_an_answer_recorded_before_the_receipt_counts_zero_days_not_negative():
    row = statistics_row(_history(state="executed", execution_outcome="full",
                                  executed_at=datetime(2026, 2, 20, tzinfo=UTC)))
    assert row.days_to_execution == 0


def test_a_request_asking_to_freeze_assets_counts_as_asset_recovery():
    row = statistics_row(_history(assistance_types=("provisional_measures", "testimony")))
    assert row.asset_recovery is True
    assert row.assistance_types_mask == (ASSISTANCE_TYPE_BITS["provisional_measures"]
                                         | ASSISTANCE_TYPE_BITS["testimony"])


def test_an_unknown_assistance_type_sets_no_bit():
    assert assistance_types_mask(["no_such_type"]) == 0


def test_the_assistance_type_bits_stay_where_stored_rows_put_them():
    # Stored rows hold these bits: a type moved in the catalogue would change their meaning
    # (add new types at the end, or run ``manage.py statistics_rebuild``).
    assert [code for code, _bit in sorted(ASSISTANCE_TYPE_BITS.items(),
                                          key=lambda item: item[1])][:6] == [
        "service_of_documents", "testimony", "transfer_of_detainees", "search_and_seizure",
        "examination_of_objects", "documents_and_evidence"]
    assert len(ASSISTANCE_TYPE_BITS) < 63


def test_a_request_standing_refused_counts_as_refused_even_without_a_decision_row():
    row = statistics_row(_history(state="refused"))
    assert (row.outcome, row.refusal_ground, row.answered_on) == (Outcome.REFUSED, "", None)
