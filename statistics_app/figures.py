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
from datetime import date
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from requests_app.models import AssetMeasureKind
from requests_app.models import DeadlineBasis
from requests_app.models import Direction
from treaties.models import Instrument
from treaties.models import State
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.offences import OFFENCE_CATEGORIES
from treaties.rules.deadlines import DEADLINE_LABELS

from .filters import AGE_BUCKETS
from .filters import NOT_RECORDED
from .filters import TIMELINESS_LABELS
from .filters import StatisticsFilters
from .filters import asset_measures_taken
from .models import DaysKind
from .models import Outcome
from .rows import ASSISTANCE_TYPE_BITS
from .sources import RowsReader
from .sources import reader_for

# --- the report ---------------------------------------------------------------------------------


def figure_text(value: int | Decimal | None, *, none: str = "") -> str:
    """How a figure reads on the page and in the PDF: grouped digits in the active language
    (1 234 567 in Russian and Kazakh, 1,234,567 in English), with the decimals it has (amounts
    two, shares one)."""
    if value is None:
        return none
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return number_format(value, places, force_grouping=True)
    return number_format(value, force_grouping=True)


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
    # When the aggregates read were refreshed (the figures are as of then); None: read live.
    aggregated_at: datetime | None = None

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


def statistics_report(filters: StatisticsFilters, *, now: datetime, today: date,
                      use_aggregates: bool | None = None) -> StatisticsReport:
    """Every table of the statistics for ``filters``: seven queries, whatever the volume."""
    reader = reader_for(filters, now=now, today=today, use_aggregates=use_aggregates)
    rows = reader.request_groups()
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
        _durations(filters, reader),
        _ageing(filters, today, reader),
        _asset_recovery(rows, filters),
        _timeliness(filters, reader),
    ]
    return StatisticsReport(filters=filters, computed_at=now, tables=tuple(tables),
                            months=_months(reader), aggregated_at=reader.aggregated_at)


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


def _durations(filters: StatisticsFilters, reader: RowsReader) -> Table:
    answer = reader.days(DaysKind.ANSWER)
    execution = reader.days(DaysKind.EXECUTION)
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


def _ageing(filters: StatisticsFilters, today: date, reader: RowsReader) -> Table:
    counts: Counter[tuple[str, str]] = Counter()
    for (direction, opened_on), n in reader.pending_days().items():
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


def _timeliness(filters: StatisticsFilters, reader: RowsReader) -> Table:
    counts = reader.duties()
    keys = sorted({(kind, basis) for kind, basis, _t in counts},
                  key=lambda kb: (kb[1] != DeadlineBasis.TREATY, _duty_label(kb[0])))
    table_rows = []
    for kind, basis in keys:
        values = [counts[(kind, basis, t)] for t in TIMELINESS_LABELS]
        due = values[0] + values[1] + values[2]
        share = (Decimal(100 * values[0]) / due).quantize(Decimal("0.1")) if due else None
        basis_label = (_("treaty term") if basis == DeadlineBasis.TREATY
                       else _("office policy target"))
        cells = [Cell(value, filters.drill(deadline_kind=kind, deadline_basis=basis,
                                           timeliness=t))
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


def _months(reader: RowsReader) -> tuple[MonthPoint, ...]:
    counts = reader.months()
    months = sorted({m for m, _d in counts})
    return tuple(MonthPoint(m, counts[(m, Direction.OUTGOING)], counts[(m, Direction.INCOMING)])
                 for m in months)
