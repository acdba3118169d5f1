"""The figures: sums over the statistics rows (``RequestStatistics``), the asset measures and the
deadline rows, in a fixed number of grouped queries, whatever the number of requests.

Every count is computed in Python from grouped counts the database returns (the same SQL on
SQLite and PostgreSQL), so both give the same figures; medians and 90th percentiles come from the
histogram of whole days (nearest rank: the smallest number of days within which at least half,
or nine in ten, of the requests were answered).

Each cell carries its drill-down: the filters (``StatisticsFilters``) that list the requests
behind it (``drill_down_requests``). The filters are the one vocabulary of the page, the API,
the exports and the drill-down lists.
"""

from __future__ import annotations

import math
from collections import Counter
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from dataclasses import replace
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Case
from django.db.models import CharField
from django.db.models import Count
from django.db.models import Exists
from django.db.models import F
from django.db.models import OuterRef
from django.db.models import Q
from django.db.models import QuerySet
from django.db.models import Sum
from django.db.models import Value
from django.db.models import When
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from requests_app.models import AssetMeasure
from requests_app.models import AssetMeasureKind
from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import DeadlineStatus
from requests_app.models import Direction
from treaties.models import Instrument
from treaties.models import State
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.offences import OFFENCE_CATEGORIES
from treaties.rules.calendar import end_of_day
from treaties.rules.calendar import start_of_day
from treaties.rules.deadlines import DEADLINE_LABELS

from .models import Outcome
from .models import RequestStatistics
from .rows import ASSISTANCE_TYPE_BITS

# --- filters ------------------------------------------------------------------------------------


class Timeliness:
    """How a treaty duty was met: in time, late, not done (past due), not yet due."""

    IN_TIME = "in_time"
    LATE = "late"
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


def _timeliness_case(now: datetime) -> Case:
    return Case(
        When(met_at__isnull=False, met_at__lte=F("due_at"), then=Value(Timeliness.IN_TIME)),
        When(met_at__isnull=False, then=Value(Timeliness.LATE)),
        When(due_at__lt=now, then=Value(Timeliness.NOT_DONE)),
        default=Value(Timeliness.NOT_YET_DUE), output_field=CharField())


def duties_due(filters: StatisticsFilters, now: datetime) -> QuerySet[Deadline]:
    """The deadline rows of the requests' duties (treaty terms and office targets) that fell
    due in the period, narrowed by the filters; waived, superseded and provisional ones are not
    duties any more (or yet)."""
    start, end = _period(filters)
    qs = (Deadline.objects.filter(request__isnull=False, due_at__gte=start, due_at__lte=end,
                                  provisional=False,
                                  basis__in=(DeadlineBasis.TREATY, DeadlineBasis.OFFICE_POLICY))
          .exclude(status__in=(DeadlineStatus.WAIVED, DeadlineStatus.SUPERSEDED))
          .filter(_dimensions_q(filters, "request__statistics__")))
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


# --- the report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    value: int | Decimal | None
    drill: dict[str, str] | None = None


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """One table of the report: a page section, an XLSX sheet, a block of the CSV."""

    key: str
    title: str
    note: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    # The unit of the values ("requests", "days", "duties", an amount).
    unit: str = ""


@dataclass(frozen=True)
class MonthPoint:
    month: date
    sent: int
    received: int


@dataclass(frozen=True)
class StatisticsReport:
    filters: StatisticsFilters
    computed_at: datetime
    tables: tuple[Table, ...]
    months: tuple[MonthPoint, ...] = field(default=())

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


# The request measures every breakdown shows, each a test on a grouped row and its drill-down.
@dataclass(frozen=True)
class Measure:
    key: str
    label: Any
    holds: Callable[[dict[str, Any]], bool]
    drill: dict[str, Any]


def _outcome_is(*outcomes: str) -> Callable[[dict[str, Any]], bool]:
    return lambda row: row["outcome"] in outcomes


MEASURES: tuple[Measure, ...] = (
    Measure("executed_full", _("executed in full"), _outcome_is(Outcome.EXECUTED_FULL),
            {"outcome": Outcome.EXECUTED_FULL}),
    Measure("executed_partial", _("executed in part"), _outcome_is(Outcome.EXECUTED_PARTIAL),
            {"outcome": Outcome.EXECUTED_PARTIAL}),
    Measure("refused", _("refused"), _outcome_is(Outcome.REFUSED), {"outcome": Outcome.REFUSED}),
    Measure("deferred", _("deferred (at some point)"), lambda row: bool(row["deferred"]),
            {"deferred": True}),
    Measure("withdrawn", _("withdrawn"), _outcome_is(Outcome.WITHDRAWN),
            {"outcome": Outcome.WITHDRAWN}),
    Measure("pending", _("pending"), _outcome_is(Outcome.PENDING), {"outcome": Outcome.PENDING}),
)

_GROUP_COLUMNS = ("direction", "partner_state_id", "instrument_id", "offence_category",
                  "assistance_types_mask", "outcome", "refusal_ground", "deferred",
                  "asset_recovery")


def _grouped(filters: StatisticsFilters) -> list[dict[str, Any]]:
    return list(requests_opened(filters).values(*_GROUP_COLUMNS).annotate(n=Count("request_id"))
                .order_by())


def _breakdown_cells(rows: Iterable[dict[str, Any]], filters: StatisticsFilters,
                     drill: dict[str, Any]) -> tuple[Cell, ...]:
    rows = list(rows)
    sent = sum(r["n"] for r in rows if r["direction"] == Direction.OUTGOING)
    received = sum(r["n"] for r in rows if r["direction"] == Direction.INCOMING)
    cells = [Cell(sent, filters.drill(**{**drill, "direction": Direction.OUTGOING})
                  if not filters.direction or filters.direction == Direction.OUTGOING else None),
             Cell(received, filters.drill(**{**drill, "direction": Direction.INCOMING})
                  if not filters.direction or filters.direction == Direction.INCOMING else None)]
    for measure in MEASURES:
        cells.append(Cell(sum(r["n"] for r in rows if measure.holds(r)),
                          filters.drill(**drill, **measure.drill)))
    return tuple(cells)


BREAKDOWN_COLUMNS = (pgettext_lazy("statistics", "sent"), pgettext_lazy("statistics", "received"),
                     *(m.label for m in MEASURES))


def _by(rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], Iterable[str]]
        ) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        for value in key(row):
            grouped[value].append(row)
    return grouped


def _breakdown(key: str, title: Any, note: Any, rows: list[dict[str, Any]],
               filters: StatisticsFilters, groups: dict[str, list[dict[str, Any]]],
               label: Callable[[str], str], drill: Callable[[str], dict[str, Any]]) -> Table:
    ordered = sorted(groups.items(), key=lambda item: (-sum(r["n"] for r in item[1]),
                                                       label(item[0])))
    return Table(key=key, title=str(title), note=str(note), unit=str(_("requests")),
                 columns=tuple(str(c) for c in BREAKDOWN_COLUMNS),
                 rows=tuple(Row(value, label(value), _breakdown_cells(group, filters,
                                                                       drill(value)))
                            for value, group in ordered))


def _nearest_rank(histogram: Counter[int], share: float) -> int | None:
    """The smallest value within which at least ``share`` of the observations fall."""
    total = sum(histogram.values())
    if not total:
        return None
    rank = math.ceil(share * total)
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return None  # pragma: no cover - the loop reaches the rank


def _labels(ids: Iterable[int], model: type[State] | type[Instrument]) -> dict[int, Any]:
    return {obj.pk: obj for obj in model.objects.filter(pk__in=set(ids))}


def _ground_label(instrument: Instrument | None, code: str) -> str:
    if not code:
        return str(_("ground not recorded"))
    rule = instrument.rulebook.refusal_ground(code) if instrument else None
    if rule is None or instrument is None:
        return code
    return f"{rule.summary.text()} ({instrument.slug} {rule.citation.localized_reference})"


def statistics_report(filters: StatisticsFilters, *, now: datetime, today: date
                      ) -> StatisticsReport:
    """Every table of the statistics for ``filters``: seven queries, whatever the volume."""
    rows = _grouped(filters)
    states = _labels((r["partner_state_id"] for r in rows), State)
    instruments = _labels((r["instrument_id"] for r in rows), Instrument)
    tables = [
        _overview(rows, filters),
        _breakdown("by_state", _("By partner state"), _(
            "Requests sent to or received from each state in the period, and what became of "
            "them."), rows, filters,
            _by(rows, lambda r: [str(r["partner_state_id"])]),
            lambda v: states[int(v)].name, lambda v: {"partner_state": states[int(v)].iso_code}),
        _breakdown("by_instrument", _("By instrument"), _(
            "The treaty or convention each request was made under."), rows, filters,
            _by(rows, lambda r: [str(r["instrument_id"])]),
            lambda v: instruments[int(v)].title, lambda v: {"instrument": instruments[int(v)].slug}),
        _breakdown("by_offence", _("By offence category"), _(
            "The FATF designated categories of offences, as recorded on each request."),
            rows, filters, _by(rows, lambda r: [r["offence_category"] or NOT_RECORDED]),
            _offence_label, lambda v: {"offence_category": v}),
        _breakdown("by_assistance_type", _("By type of assistance"), _(
            "A request asking for several types of assistance counts under each of them."),
            rows, filters, _by(rows, lambda r: _types_of(r["assistance_types_mask"])),
            lambda v: ASSISTANCE_TYPES[v].label.text(), lambda v: {"assistance_type": v}),
        _refusal_grounds(rows, filters, instruments),
        _durations(filters),
        _ageing(filters, today),
        _asset_recovery(rows, filters),
        _timeliness(filters, now),
    ]
    return StatisticsReport(filters=filters, computed_at=now, tables=tuple(tables),
                            months=_months(filters))


def _offence_label(code: str) -> str:
    category = OFFENCE_CATEGORIES.get(code)
    return category.label.text() if category else str(_("category not recorded"))


def _types_of(mask: int) -> list[str]:
    return [code for code, bit in ASSISTANCE_TYPE_BITS.items() if mask & bit]


def _overview(rows: list[dict[str, Any]], filters: StatisticsFilters) -> Table:
    directions = [(Direction.OUTGOING, _("Sent by Kazakhstan")),
                  (Direction.INCOMING, _("Received by Kazakhstan"))]
    table_rows = []
    for direction, label in directions:
        if filters.direction and filters.direction != direction:
            continue
        group = [r for r in rows if r["direction"] == direction]
        drill = {"direction": direction}
        cells = [Cell(sum(r["n"] for r in group), filters.drill(**drill))]
        cells += [Cell(sum(r["n"] for r in group if m.holds(r)), filters.drill(**drill, **m.drill))
                  for m in MEASURES]
        cells.append(Cell(sum(r["n"] for r in group if r["asset_recovery"]),
                          filters.drill(**drill, asset_recovery=True)))
        table_rows.append(Row(direction, str(label), tuple(cells)))
    return Table(
        key="overview", title=str(_("Requests sent and received")), unit=str(_("requests")),
        note=str(_("Requests sent (transmitted) or received (registered) in the period, and what "
                   "has become of them since. Drafts not yet sent are not counted.")),
        columns=(str(_("total")), *(str(m.label) for m in MEASURES),
                 str(_("asking for asset recovery"))),
        rows=tuple(table_rows))


def _refusal_grounds(rows: list[dict[str, Any]], filters: StatisticsFilters,
                     instruments: dict[int, Instrument]) -> Table:
    refused = [r for r in rows if r["outcome"] == Outcome.REFUSED]
    groups = _by(refused, lambda r: [f"{r['instrument_id']}:{r['refusal_ground']}"])
    table_rows = []
    for key, group in sorted(groups.items(), key=lambda item: -sum(r["n"] for r in item[1])):
        instrument_id, ground = key.split(":", 1)
        instrument = instruments.get(int(instrument_id))
        drill = {"outcome": Outcome.REFUSED, "refusal_ground": ground,
                 "instrument": instrument.slug if instrument else ""}
        by_partner = sum(r["n"] for r in group if r["direction"] == Direction.OUTGOING)
        by_us = sum(r["n"] for r in group if r["direction"] == Direction.INCOMING)
        table_rows.append(Row(key, _ground_label(instrument, ground), (
            Cell(by_partner, filters.drill(**drill, direction=Direction.OUTGOING)),
            Cell(by_us, filters.drill(**drill, direction=Direction.INCOMING)))))
    return Table(
        key="refusal_grounds", title=str(_("Refusals by ground")), unit=str(_("requests")),
        note=str(_("The ground of each refusal, with the article of its instrument.")),
        columns=(str(_("our requests refused by the partner")),
                 str(_("requests refused by Kazakhstan"))),
        rows=tuple(table_rows))


def _durations(filters: StatisticsFilters) -> Table:
    opened = requests_opened(filters)
    answer: Counter[tuple[str, int]] = Counter()
    execution: Counter[tuple[str, int]] = Counter()
    for direction, days, n in (opened.filter(days_to_answer__isnull=False)
                               .values_list("direction", "days_to_answer")
                               .annotate(n=Count("request_id")).order_by()):
        answer[(direction, days)] += n
    for direction, days, n in (opened.filter(days_to_execution__isnull=False)
                               .values_list("direction", "days_to_execution")
                               .annotate(n=Count("request_id")).order_by()):
        execution[(direction, days)] += n
    specs = [
        (Direction.INCOMING, "execution", _("Received: from receipt to execution"), execution),
        (Direction.INCOMING, "answer", _("Received: from receipt to execution or refusal"),
         answer),
        (Direction.OUTGOING, "execution", _("Sent: from transmission to execution"), execution),
        (Direction.OUTGOING, "answer", _("Sent: from transmission to the reply (execution or "
                                         "refusal)"), answer),
    ]
    table_rows = []
    for direction, kind, label, counts in specs:
        if filters.direction and filters.direction != direction:
            continue
        histogram = Counter({days: n for (d, days), n in counts.items() if d == direction})
        drill = filters.drill(direction=direction, **({"executed": True} if kind == "execution"
                                                       else {"answered": True}))
        table_rows.append(Row(f"{direction}_{kind}", str(label), (
            Cell(sum(histogram.values()), drill), Cell(_nearest_rank(histogram, 0.5)),
            Cell(_nearest_rank(histogram, 0.9)))))
    return Table(
        key="durations", title=str(_("Time taken")), unit=str(_("calendar days")),
        note=str(_("Calendar days from the day a request was sent or received to its execution "
                   "or first answer, for the requests of the period answered so far. Median and "
                   "90th percentile by nearest rank: half (nine in ten) of the requests were "
                   "answered within that many days.")),
        columns=(str(_("requests answered")), str(_("median (days)")),
                 str(_("90th percentile (days)"))),
        rows=tuple(table_rows))


def _ageing(filters: StatisticsFilters, today: date) -> Table:
    counts: Counter[tuple[str, str]] = Counter()
    for direction, opened_on, n in (requests_opened(filters).filter(outcome=Outcome.PENDING)
                                    .values_list("direction", "opened_on")
                                    .annotate(n=Count("request_id")).order_by()):
        age = (today - opened_on).days
        bucket = next(k for k, first, last in AGE_BUCKETS
                      if age >= first and (last is None or age <= last))
        counts[(direction, bucket)] += n
    table_rows = []
    for direction, label in ((Direction.OUTGOING, _("Sent, awaiting the partner")),
                             (Direction.INCOMING, _("Received, being executed by Kazakhstan"))):
        if filters.direction and filters.direction != direction:
            continue
        table_rows.append(Row(direction, str(label), tuple(
            Cell(counts[(direction, key)], filters.drill(direction=direction, age=key))
            for key, _first, _last in AGE_BUCKETS)))
    return Table(
        key="ageing", title=str(_("Pending requests by age")), unit=str(_("requests")),
        note=str(_("Requests of the period still pending today, by calendar days since they "
                   "were sent or received.")),
        columns=tuple(str(_("%(first)s–%(last)s days") % {"first": low, "last": high})
                      if high is not None else str(_("over %(days)s days") % {"days": low - 1})
                      for _k, low, high in AGE_BUCKETS),
        rows=tuple(table_rows))


def _asset_recovery(rows: list[dict[str, Any]], filters: StatisticsFilters) -> Table:
    sums: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    currencies: set[str] = set()
    for direction, kind, currency, total in (
            asset_measures_taken(filters)
            .values_list("request__direction", "kind", "currency").annotate(total=Sum("amount"))
            .order_by()):
        sums[(direction, kind, currency)] += total
        currencies.add(currency)
    table_rows = []
    for direction, label in ((Direction.OUTGOING, _("Our requests, executed abroad")),
                             (Direction.INCOMING, _("Requests executed by Kazakhstan"))):
        if filters.direction and filters.direction != direction:
            continue
        for currency in sorted(currencies):
            cells = tuple(Cell(sums.get((direction, kind.value, currency), Decimal(0)),
                               filters.drill(direction=direction, asset_kind=kind.value,
                                             currency=currency))
                          for kind in AssetMeasureKind)
            if any(cell.value for cell in cells):
                table_rows.append(Row(f"{direction}_{currency}", f"{label} ({currency})", cells))
    return Table(
        key="asset_recovery", title=str(_("Asset recovery: amounts")), unit=str(_("amount")),
        note=str(_("Amounts frozen or seized, confiscated, shared and returned by decisions "
                   "taken in the period, in the currency of each decision (never converted).")),
        columns=tuple(str(kind.label) for kind in AssetMeasureKind), rows=tuple(table_rows))


_DUTY_LABELS: dict[str, Any] = {str(kind): label for kind, label in DEADLINE_LABELS.items()}


def _duty_label(kind: str) -> str:
    return str(_DUTY_LABELS.get(kind, kind))


def _timeliness(filters: StatisticsFilters, now: datetime) -> Table:
    counts: Counter[tuple[str, str, str]] = Counter()
    for kind, basis, timeliness, n in (duties_due(filters, now)
                                       .annotate(timeliness=_timeliness_case(now))
                                       .values_list("kind", "basis", "timeliness")
                                       .annotate(n=Count("id")).order_by()):
        counts[(kind, basis, timeliness)] += n
    keys = sorted({(kind, basis) for kind, basis, _t in counts},
                  key=lambda kb: (kb[1] != DeadlineBasis.TREATY, _duty_label(kb[0])))
    table_rows = []
    for kind, basis in keys:
        values = [counts[(kind, basis, t)] for t in TIMELINESS_LABELS]
        due = values[0] + values[1] + values[2]
        share = (Decimal(100 * values[0]) / due).quantize(Decimal("0.1")) if due else None
        basis_label = (_("treaty term") if basis == DeadlineBasis.TREATY
                       else _("office policy target"))
        cells = [Cell(value, filters.drill(deadline_kind=kind, timeliness=t))
                 for t, value in zip(TIMELINESS_LABELS, values, strict=True)]
        cells.append(Cell(share))
        table_rows.append(Row(f"{kind}:{basis}",
                              f"{_duty_label(kind)} ({basis_label})", tuple(cells)))
    return Table(
        key="timeliness", title=str(_("Timeliness against each duty")), unit=str(_("duties")),
        note=str(_("Each term a request ran under that fell due in the period: met by its due "
                   "time, met late, or not met. Treaty terms cite their article on the request; "
                   "office policy targets are the office's own. Waived terms are not counted.")),
        columns=(*(str(label) for label in TIMELINESS_LABELS.values()),
                 str(_("share met in time (%)"))),
        rows=tuple(table_rows))


def _months(filters: StatisticsFilters) -> tuple[MonthPoint, ...]:
    counts: Counter[tuple[date, str]] = Counter()
    for month, direction, n in (requests_opened(filters)
                                .annotate(month=TruncMonth("opened_on"))
                                .values_list("month", "direction")
                                .annotate(n=Count("request_id")).order_by()):
        counts[(month, direction)] += n
    months = sorted({m for m, _d in counts})
    return tuple(MonthPoint(m, counts[(m, Direction.OUTGOING)], counts[(m, Direction.INCOMING)])
                 for m in months)
