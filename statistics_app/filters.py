"""The statistics' filters, defined once: which requests, duties and asset measures a figure
counts (``StatisticsFilters`` and the querysets it selects), and the drill-down fields that pick
the requests behind one cell. The page, the API, the exports and the drill-down lists read them
through ``forms.StatisticsFilterForm``."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields
from dataclasses import replace
from datetime import date
from datetime import datetime
from datetime import timedelta
from typing import Any

from django.db.models import Case
from django.db.models import CharField
from django.db.models import Exists
from django.db.models import F
from django.db.models import OuterRef
from django.db.models import Q
from django.db.models import QuerySet
from django.db.models import Value
from django.db.models import When
from django.utils.translation import gettext_lazy as _

from requests_app.models import AssetMeasure
from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import DeadlineStatus
from treaties.rules.calendar import end_of_day
from treaties.rules.calendar import start_of_day

from .models import DutyMet
from .models import Outcome
from .models import RequestStatistics
from .rows import ASSISTANCE_TYPE_BITS

# --- filters ------------------------------------------------------------------------------------


class Timeliness:
    """How a treaty duty was met: in time, late, not done (past due), not yet due."""

    IN_TIME = DutyMet.IN_TIME.value
    LATE = DutyMet.LATE.value
    NOT_DONE = "not_done"
    NOT_YET_DUE = "not_yet_due"


TIMELINESS_LABELS = {
    Timeliness.IN_TIME: _("met in time"),
    Timeliness.LATE: _("met late"),
    Timeliness.NOT_DONE: _("not met, past due"),
    Timeliness.NOT_YET_DUE: _("not yet due"),
}

# Pending requests by age (calendar days since sent or received): (key, first day, last day).
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0-30", 0, 30), ("31-90", 31, 90), ("91-180", 91, 180), ("181-365", 181, 365),
    ("366+", 366, None))


@dataclass(frozen=True)
class StatisticsFilters:
    """What the figures are about. The period (``start``..``end``, both days included) is when
    the requests were sent or received; the asset measures are those decided in it, the duties
    those that fell due in it. The other fields narrow the requests, or (the drill-down fields,
    below the line) pick the requests behind one cell."""

    start: date
    end: date
    direction: str = ""
    partner_state: str = ""  # ISO code
    instrument: str = ""  # slug
    offence_category: str = ""
    assistance_type: str = ""
    # --- drill-down -----------------------------------------------------------------------------
    outcome: str = ""
    deferred: bool = False
    asset_recovery: bool = False
    refusal_ground: str = ""
    answered: bool = False
    executed: bool = False
    age: str = ""  # a key of AGE_BUCKETS (pending requests)
    deadline_kind: str = ""
    deadline_basis: str = ""  # treaty term or office policy target
    timeliness: str = ""
    asset_kind: str = ""
    currency: str = ""

    def as_params(self) -> dict[str, str]:
        """The filters as query parameters (those set)."""
        params: dict[str, str] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value in ("", False, None):
                continue
            params[item.name] = ("1" if value is True else value.isoformat()
                                 if isinstance(value, date) else str(value))
        return params

    @property
    def page_filters(self) -> StatisticsFilters:
        """Only the page's filters (the drill-down fields cleared)."""
        return StatisticsFilters(start=self.start, end=self.end, direction=self.direction,
                                 partner_state=self.partner_state, instrument=self.instrument,
                                 offence_category=self.offence_category,
                                 assistance_type=self.assistance_type)

    def drill(self, **cell: Any) -> dict[str, str]:
        return replace(self.page_filters, **cell).as_params()


# The offence category filter's value for the requests whose category was not recorded.
NOT_RECORDED = "-"


def _dimensions_q(filters: StatisticsFilters, prefix: str = "") -> Q:
    """The filters on the request's own dimensions (not the period), on the statistics row
    reached through ``prefix``."""
    q = Q()
    if filters.direction:
        q &= Q(**{f"{prefix}direction": filters.direction})
    if filters.partner_state:
        q &= Q(**{f"{prefix}partner_state__iso_code": filters.partner_state})
    if filters.instrument:
        q &= Q(**{f"{prefix}instrument__slug": filters.instrument})
    if filters.offence_category:
        q &= Q(**{f"{prefix}offence_category": "" if filters.offence_category == NOT_RECORDED
                  else filters.offence_category})
    return q


def _with_type(qs: QuerySet[Any], filters: StatisticsFilters, prefix: str = "") -> QuerySet[Any]:
    if not filters.assistance_type:
        return qs
    bit = ASSISTANCE_TYPE_BITS.get(filters.assistance_type, 0)
    return qs.alias(type_bit=F(f"{prefix}assistance_types_mask").bitand(bit)).filter(
        type_bit=bit) if bit else qs.none()


def _age_range(today: date, key: str) -> Q:
    first, last = next((low, high) for k, low, high in AGE_BUCKETS if k == key)
    q = Q(opened_on__lte=today - timedelta(days=first))
    if last is not None:
        q &= Q(opened_on__gte=today - timedelta(days=last))
    return q


def requests_opened(filters: StatisticsFilters) -> QuerySet[RequestStatistics]:
    """The rows of the requests sent or received in the period, narrowed by the filters."""
    qs = RequestStatistics.objects.filter(opened_on__gte=filters.start,
                                          opened_on__lte=filters.end)
    return _with_type(qs.filter(_dimensions_q(filters)), filters)


def _period(filters: StatisticsFilters) -> tuple[datetime, datetime]:
    return start_of_day(filters.start), end_of_day(filters.end)


def counted_duties() -> QuerySet[Deadline]:
    """The deadline rows the timeliness figures count: a request's duty (a treaty term or an
    office target), neither waived nor superseded, nor provisional (a draft's)."""
    return (Deadline.objects.filter(request__isnull=False, provisional=False,
                                    basis__in=(DeadlineBasis.TREATY, DeadlineBasis.OFFICE_POLICY))
            .exclude(status__in=(DeadlineStatus.WAIVED, DeadlineStatus.SUPERSEDED)))


def duty_met_case() -> Case:
    """How a duty was met: by its due time, late, or not (yet)."""
    return Case(When(met_at__isnull=False, met_at__lte=F("due_at"), then=Value(DutyMet.IN_TIME)),
                When(met_at__isnull=False, then=Value(DutyMet.LATE)),
                default=Value(DutyMet.UNMET), output_field=CharField())


def _timeliness_case(now: datetime) -> Case:
    """``duty_met_case``, with a duty not met split by ``now``: past due, or not yet due."""
    return Case(When(met_at__isnull=False, then=duty_met_case()),
                When(due_at__lt=now, then=Value(Timeliness.NOT_DONE)),
                default=Value(Timeliness.NOT_YET_DUE), output_field=CharField())


def duties_due(filters: StatisticsFilters, now: datetime) -> QuerySet[Deadline]:
    """The counted duties (``counted_duties``) that fell due in the period, narrowed by the
    filters."""
    start, end = _period(filters)
    qs = counted_duties().filter(due_at__gte=start, due_at__lte=end).filter(
        _dimensions_q(filters, "request__statistics__"))
    typed: QuerySet[Deadline] = _with_type(qs, filters, "request__statistics__")
    return typed


def asset_measures_taken(filters: StatisticsFilters) -> QuerySet[AssetMeasure]:
    qs = AssetMeasure.objects.filter(taken_on__gte=filters.start, taken_on__lte=filters.end)
    return _with_type(qs.filter(_dimensions_q(filters, "request__statistics__")), filters,
                      "request__statistics__")


def drill_down_requests(filters: StatisticsFilters, *, today: date,
                        now: datetime) -> QuerySet[RequestStatistics]:
    """The statistics rows of the requests behind one cell (newest first)."""
    if filters.deadline_kind or filters.timeliness:
        duties = duties_due(filters, now).filter(request_id=OuterRef("request_id"))
        if filters.deadline_kind:
            duties = duties.filter(kind=filters.deadline_kind)
        if filters.deadline_basis:
            duties = duties.filter(basis=filters.deadline_basis)
        if filters.timeliness:
            duties = duties.annotate(timeliness=_timeliness_case(now)).filter(
                timeliness=filters.timeliness)
        qs = RequestStatistics.objects.filter(Exists(duties))
    elif filters.asset_kind or filters.currency:
        measures = asset_measures_taken(filters).filter(request_id=OuterRef("request_id"))
        if filters.asset_kind:
            measures = measures.filter(kind=filters.asset_kind)
        if filters.currency:
            measures = measures.filter(currency=filters.currency)
        qs = RequestStatistics.objects.filter(Exists(measures))
    else:
        qs = requests_opened(filters)
        if filters.outcome:
            qs = qs.filter(outcome=filters.outcome)
        if filters.deferred:
            qs = qs.filter(deferred=True)
        if filters.asset_recovery:
            qs = qs.filter(asset_recovery=True)
        if filters.refusal_ground:
            qs = qs.filter(refusal_ground=filters.refusal_ground)
        if filters.answered:
            qs = qs.filter(days_to_answer__isnull=False)
        if filters.executed:
            qs = qs.filter(days_to_execution__isnull=False)
        if filters.age:
            qs = qs.filter(_age_range(today, filters.age), outcome=Outcome.PENDING)
    return qs.order_by("-opened_on", "-request_id")


