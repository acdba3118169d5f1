"""Where the figures read their counts: the statistics rows themselves (``RowsReader``, exact and
live), or the aggregates beat rebuilds (``AggregatesReader``, as of their refresh) with the rows
for what the aggregates cannot answer:

- the days of the period outside its whole months (a period from the 5th, to the 20th): read
  from the rows, so that any period is counted exactly;
- a figure filtered by partner state, instrument, offence category or type of assistance, where
  the aggregate does not keep the dimension (the days taken, the pending requests' ages, the
  duties): read from the rows;
- the duties that fall due today and are not met: past due or not by the time of day.

Both readers give the same counts for the same rows (a test compares them on every figure); the
report takes the aggregates whenever a refresh exists (``MLA_STATISTICS_AGGREGATES``).
"""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date
from datetime import datetime
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count
from django.db.models import Q
from django.db.models import QuerySet
from django.db.models import Sum
from django.db.models.functions import TruncMonth

from treaties.rules.calendar import local_date

from .aggregates import REQUEST_DIMENSIONS
from .aggregates import aggregates_refreshed_at
from .filters import StatisticsFilters
from .filters import Timeliness
from .filters import _dimensions_q
from .filters import _timeliness_case
from .filters import _with_type
from .filters import duties_due
from .filters import requests_opened
from .models import AggregatesRefresh
from .models import DailyDuties
from .models import DailyPending
from .models import DaysKind
from .models import DutyMet
from .models import MonthlyDays
from .models import MonthlyRequests
from .models import Outcome
from .models import RequestStatistics

DaysCounts = Counter[tuple[str, int]]


class RowsReader:
    """Every count from the statistics rows (and the deadline rows)."""

    aggregated_at: datetime | None = None

    def __init__(self, filters: StatisticsFilters, *, now: datetime, today: date) -> None:
        self.filters, self.now, self.today = filters, now, today

    def request_groups(self) -> list[dict[str, Any]]:
        return _request_groups(requests_opened(self.filters))

    def days(self, kind: str) -> DaysCounts:
        return _days(requests_opened(self.filters), kind)

    def pending_days(self) -> Counter[tuple[str, date]]:
        return _pending(requests_opened(self.filters))

    def months(self) -> Counter[tuple[date, str]]:
        return _months(requests_opened(self.filters))

    def duties(self) -> Counter[tuple[str, str, str]]:
        return _duties(duties_due(self.filters, self.now), self.now)


def _request_groups(rows: QuerySet[RequestStatistics]) -> list[dict[str, Any]]:
    return list(rows.values(*REQUEST_DIMENSIONS).annotate(n=Count("request_id")).order_by())


def _days(rows: QuerySet[RequestStatistics], kind: str) -> DaysCounts:
    column = "days_to_answer" if kind == DaysKind.ANSWER else "days_to_execution"
    counts: DaysCounts = Counter()
    for direction, days, n in (rows.filter(**{f"{column}__isnull": False})
                               .values_list("direction", column)
                               .annotate(n=Count("request_id")).order_by()):
        counts[(direction, days)] += n
    return counts


def _pending(rows: QuerySet[RequestStatistics]) -> Counter[tuple[str, date]]:
    counts: Counter[tuple[str, date]] = Counter()
    for direction, opened_on, n in (rows.filter(outcome=Outcome.PENDING)
                                    .values_list("direction", "opened_on")
                                    .annotate(n=Count("request_id")).order_by()):
        counts[(direction, opened_on)] += n
    return counts


def _months(rows: QuerySet[RequestStatistics]) -> Counter[tuple[date, str]]:
    counts: Counter[tuple[date, str]] = Counter()
    for month, direction, n in (rows.annotate(month=TruncMonth("opened_on"))
                                .values_list("month", "direction")
                                .annotate(n=Count("request_id")).order_by()):
        counts[(month, direction)] += n
    return counts


def _duties(duties: QuerySet[Any], now: datetime) -> Counter[tuple[str, str, str]]:
    counts: Counter[tuple[str, str, str]] = Counter()
    for kind, basis, timeliness, n in (duties.annotate(timeliness=_timeliness_case(now))
                                       .values_list("kind", "basis", "timeliness")
                                       .annotate(n=Count("id")).order_by()):
        counts[(kind, basis, timeliness)] += n
    return counts


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def whole_months(start: date, end: date, refreshed_on: date) -> tuple[date, date] | None:
    """The first and last month (their first days) lying wholly in the period, where a month
    that runs past the refresh counts as whole once the period reaches the refresh (nothing in
    it was opened after the refresh as far as the aggregates know); None where there is none."""
    first = start if start.day == 1 else _month_end(start) + timedelta(days=1)
    last = end.replace(day=1)
    if _month_end(last) > end and end < refreshed_on:
        last = (last - timedelta(days=1)).replace(day=1)
    return (first, last) if first <= last else None


class AggregatesReader(RowsReader):
    """The counts of the period's whole months from the aggregates, the rest from the rows."""

    def __init__(self, filters: StatisticsFilters, *, now: datetime, today: date,
                 stamp: AggregatesRefresh) -> None:
        super().__init__(filters, now=now, today=today)
        self.aggregated_at = stamp.refreshed_at
        self.months_range = whole_months(filters.start, filters.end,
                                         local_date(stamp.refreshed_at))
        # The rows of the days outside the whole months.
        if self.months_range is None:
            self.rest = Q(opened_on__gte=filters.start, opened_on__lte=filters.end)
        else:
            first, last = self.months_range
            self.rest = (Q(opened_on__gte=filters.start, opened_on__lt=first)
                         | Q(opened_on__gt=_month_end(last), opened_on__lte=filters.end))
        # The days, ages and duties are kept by direction, partner state and instrument only.
        self.by_dimension = bool(filters.offence_category or filters.assistance_type)

    def _rest_rows(self) -> QuerySet[RequestStatistics]:
        rows = RequestStatistics.objects.filter(self.rest, _dimensions_q(self.filters))
        return _with_type(rows, self.filters)

    def _whole_months(self, qs: QuerySet[Any]) -> QuerySet[Any]:
        if self.months_range is None:
            return qs.none()
        first, last = self.months_range
        return qs.filter(month__gte=first, month__lte=last)

    def _monthly_requests(self) -> QuerySet[MonthlyRequests]:
        """The whole months' aggregate rows, narrowed by every filter (it keeps them all)."""
        monthly: QuerySet[MonthlyRequests] = _with_type(self._whole_months(
            MonthlyRequests.objects.filter(_dimensions_q(self.filters))), self.filters)
        return monthly

    def request_groups(self) -> list[dict[str, Any]]:
        totals: Counter[tuple[Any, ...]] = Counter()
        for row in (self._monthly_requests().values(*REQUEST_DIMENSIONS).annotate(n=Sum("requests"))
                    .order_by()):
            totals[tuple(row[d] for d in REQUEST_DIMENSIONS)] += row["n"]
        for row in _request_groups(self._rest_rows()):
            totals[tuple(row[d] for d in REQUEST_DIMENSIONS)] += row["n"]
        return [{**dict(zip(REQUEST_DIMENSIONS, key, strict=True)), "n": n}
                for key, n in totals.items()]

    def months(self) -> Counter[tuple[date, str]]:
        counts = _months(self._rest_rows())
        for month, direction, n in (self._monthly_requests().values_list("month", "direction")
                                    .annotate(n=Sum("requests")).order_by()):
            counts[(month, direction)] += n
        return counts

    def _partner(self) -> Q:
        """The filters on the dimensions every aggregate keeps."""
        return _dimensions_q(StatisticsFilters(
            start=self.filters.start, end=self.filters.end, direction=self.filters.direction,
            partner_state=self.filters.partner_state, instrument=self.filters.instrument))

    def days(self, kind: str) -> DaysCounts:
        if self.by_dimension:
            return super().days(kind)
        counts = _days(self._rest_rows(), kind)
        for direction, days, n in (self._whole_months(MonthlyDays.objects.filter(
                self._partner(), kind=kind)).values_list("direction", "days")
                .annotate(n=Sum("requests")).order_by()):
            counts[(direction, days)] += n
        return counts

    def pending_days(self) -> Counter[tuple[str, date]]:
        if self.by_dimension:
            return super().pending_days()
        counts: Counter[tuple[str, date]] = Counter()
        for direction, opened_on, n in (DailyPending.objects.filter(
                self._partner(), opened_on__gte=self.filters.start,
                opened_on__lte=self.filters.end).values_list("direction", "opened_on", "requests")):
            counts[(direction, opened_on)] += n
        return counts

    def duties(self) -> Counter[tuple[str, str, str]]:
        if self.by_dimension:
            return super().duties()
        counts: Counter[tuple[str, str, str]] = Counter()
        # Unmet duties due today are past due or not by the time of day: read from the rows.
        daily = DailyDuties.objects.filter(self._partner(), due_on__gte=self.filters.start,
                                           due_on__lte=self.filters.end).exclude(
            due_on=self.today, met=DutyMet.UNMET)
        for kind, basis, met, due_on, n in daily.values_list("kind", "basis", "met", "due_on",
                                                             "duties"):
            if met == DutyMet.UNMET:
                met = Timeliness.NOT_DONE if due_on < self.today else Timeliness.NOT_YET_DUE
            counts[(kind, basis, met)] += n
        if self.filters.start <= self.today <= self.filters.end:
            today = StatisticsFilters(start=self.today, end=self.today,
                                      direction=self.filters.direction,
                                      partner_state=self.filters.partner_state,
                                      instrument=self.filters.instrument)
            due_today = duties_due(today, self.now).filter(met_at__isnull=True)
            counts.update(_duties(due_today, self.now))
        return counts


def reader_for(filters: StatisticsFilters, *, now: datetime, today: date,
               use_aggregates: bool | None = None) -> RowsReader:
    """The aggregates' reader where they have been refreshed (and are wanted), else the rows'."""
    if use_aggregates is None:
        use_aggregates = settings.MLA_STATISTICS_AGGREGATES
    stamp = aggregates_refreshed_at() if use_aggregates else None
    if stamp is None:
        return RowsReader(filters, now=now, today=today)
    return AggregatesReader(filters, now=now, today=today, stamp=stamp)
