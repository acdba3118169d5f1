"""The aggregates the statistics page reads at national scale, rebuilt from the statistics rows
and the deadline rows by beat (``statistics_app.tasks.refresh_statistics``).

Each aggregate is one ``INSERT ... SELECT ... GROUP BY`` of a queryset (the same SQL on SQLite
and PostgreSQL), run in one transaction with the deletion of the previous one: a reader sees the
old sums or the new ones, never a mix. What the figures read from them, and where they read the
rows instead (a period's first and last partial months; the figures filtered by a dimension the
aggregate does not keep), is in ``sources``.
"""

from __future__ import annotations

import time
from typing import Any

from django.db import connection
from django.db import router
from django.db import transaction
from django.db.models import CharField
from django.db.models import Count
from django.db.models import F
from django.db.models import Field
from django.db.models import Model
from django.db.models import QuerySet
from django.db.models import Value
from django.db.models.functions import TruncDate
from django.db.models.functions import TruncMonth

from requests_app import clock
from treaties.rules.calendar import ALMATY

from .filters import counted_duties
from .filters import duty_met_case
from .models import AggregatesRefresh
from .models import DailyDuties
from .models import DailyPending
from .models import DaysKind
from .models import MonthlyDays
from .models import MonthlyRequests
from .models import Outcome
from .models import RequestStatistics

REQUEST_DIMENSIONS = ("direction", "partner_state_id", "instrument_id", "offence_category",
                      "assistance_types_mask", "outcome", "refusal_ground", "deferred",
                      "asset_recovery")


# The dimensions every aggregate keeps (field: column of the statistics row).
PARTNER_DIMENSIONS = {"direction": "direction", "partner_state": "partner_state_id",
                      "instrument": "instrument_id"}


def _grouped(qs: QuerySet[Any], columns: dict[str, Any], count: str) -> QuerySet[Any]:
    """``qs`` grouped by ``columns`` (name: expression), each selected under its own name as
    ``a_<name>``, with the count as ``a_<count>``."""
    named = {f"a_{name}": expression for name, expression in columns.items()}
    grouped: QuerySet[Any] = (qs.annotate(**named).values(*named)
                              .annotate(**{f"a_{count}": Count("pk")}).order_by())
    return grouped


def _insert_from(model: type[Model], grouped: QuerySet[Any], names: list[str]) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    target = ", ".join(connection.ops.quote_name(_column(model, n)) for n in names)
    chosen = ", ".join(f"sub.{connection.ops.quote_name('a_' + n)}" for n in names)
    sql, params = grouped.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({target}) SELECT {chosen} FROM ({sql}) sub", params)


def _column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, Field)  # noqa: S101 - the aggregates' own columns
    return str(field.column)


def _field(name: str) -> str:
    return name[:-3] if name.endswith("_id") else name


def statistics_aggregates_refresh() -> AggregatesRefresh:
    """Rebuild every aggregate from the rows, in one transaction."""
    started = time.perf_counter()
    alias = router.db_for_write(MonthlyRequests)
    opened = RequestStatistics.objects.using(alias).filter(opened_on__isnull=False)
    with transaction.atomic(using=alias):
        for model in (MonthlyRequests, MonthlyDays, DailyPending, DailyDuties, AggregatesRefresh):
            model.objects.using(alias).all().delete()
        dims = {_field(name): F(name) for name in REQUEST_DIMENSIONS}
        partner = {name: F(column) for name, column in PARTNER_DIMENSIONS.items()}
        _insert_from(MonthlyRequests, _grouped(
            opened, {"month": TruncMonth("opened_on"), **dims}, "requests"),
            ["month", *dims, "requests"])
        for kind, column in ((DaysKind.ANSWER, "days_to_answer"),
                             (DaysKind.EXECUTION, "days_to_execution")):
            _insert_from(MonthlyDays, _grouped(
                opened.filter(**{f"{column}__isnull": False}),
                {"month": TruncMonth("opened_on"), **partner,
                 "kind": Value(str(kind), output_field=CharField()), "days": F(column)},
                "requests"), ["month", *partner, "kind", "days", "requests"])
        _insert_from(DailyPending, _grouped(
            opened.filter(outcome=Outcome.PENDING),
            {"opened_on": F("opened_on"), **partner}, "requests"),
            ["opened_on", *partner, "requests"])
        of_request = {name: F(f"request__statistics__{column}")
                      for name, column in PARTNER_DIMENSIONS.items()}
        _insert_from(DailyDuties, _grouped(
            counted_duties().using(alias),
            {"due_on": TruncDate("due_at", tzinfo=ALMATY), **of_request,
             "kind": F("kind"), "basis": F("basis"), "met": duty_met_case()}, "duties"),
            ["due_on", *of_request, "kind", "basis", "met", "duties"])
        stamp = AggregatesRefresh.objects.using(alias).create(
            refreshed_at=clock.now(), seconds=time.perf_counter() - started)
    return stamp


def aggregates_refreshed_at() -> AggregatesRefresh | None:
    return AggregatesRefresh.objects.order_by("-refreshed_at").first()
