"""Each request reduced to what the statistics count, and the writing of its row.

``statistics_row`` is pure: a request's history (its facts, its decisions) in, the row out. The
services call ``request_statistics_write`` in the transaction of every change to a request
(``requests_app.services.changes.finish_change``, creation and registration), from the rows the
change has already read: one statement more, no read. ``statistics_rebuild`` computes every row
again from the requests and their decisions, in batches, with the same function: after a bulk
load, and in the test that keeps the maintained rows equal to the recomputed ones.

What counts (the statistics page says so):
- a request is *sent* on the day it was transmitted (outgoing) and *received* on the day it was
  registered (incoming): ``opened_on``; a draft is counted nowhere;
- its *outcome* is one of: executed in full, executed in part, refused, withdrawn, pending;
- it was *deferred* if a deferral was ever decided, whatever happened next;
- the *answer* is the execution recorded or the refusal decided; the days are calendar days from
  the day it was sent or received (Asia/Almaty).
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import asdict
from dataclasses import dataclass
from datetime import date
from datetime import datetime

from requests_app.models import AssistanceRequest
from requests_app.models import Decision
from requests_app.models import DecisionKind
from requests_app.models import Direction
from requests_app.models import ExecutionOutcome
from requests_app.models import RequestState
from treaties.models import Authority
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rules.calendar import local_date

from .models import Outcome
from .models import RequestStatistics

# One bit per assistance type, in the catalogue's order. New types are added at the end of the
# catalogue (a test pins the known ones): a type moved would change the meaning of stored rows,
# which ``manage.py statistics_rebuild`` would then recompute.
ASSISTANCE_TYPE_BITS: dict[str, int] = {code: 1 << i for i, code in enumerate(ASSISTANCE_TYPES)}

# The assistance types that ask for assets to be traced, frozen, confiscated, returned or shared
# (UNCAC 51-57, ETS 141 Art 7-13, UNTOC 12-14, BR 18).
ASSET_RECOVERY_TYPES = frozenset({"provisional_measures", "confiscation", "asset_return",
                                  "asset_sharing"})
ASSET_RECOVERY_MASK = sum(ASSISTANCE_TYPE_BITS[code] for code in ASSET_RECOVERY_TYPES)

# States in which a request never executed was refused.
_REFUSED_STATES = frozenset({RequestState.REFUSED, RequestState.CLOSED})


def assistance_types_mask(types: Iterable[str]) -> int:
    """The bits of ``types``; a code the catalogue does not know sets none."""
    return sum({ASSISTANCE_TYPE_BITS[code] for code in types if code in ASSISTANCE_TYPE_BITS})


def assistance_types_of_mask(mask: int) -> list[str]:
    return [code for code, bit in ASSISTANCE_TYPE_BITS.items() if mask & bit]


@dataclass(frozen=True)
class DecisionFact:
    kind: str
    ground: str
    decided_on: date


@dataclass(frozen=True)
class RequestHistory:
    """What the statistics read of one request."""

    direction: str
    state: str
    partner_state_id: int
    instrument_id: int
    offence_category: str
    assistance_types: Sequence[str]
    opened_on: date | None
    executed_at: datetime | None
    execution_outcome: str
    decisions: Sequence[DecisionFact]


@dataclass(frozen=True)
class StatisticsRow:
    direction: str
    partner_state_id: int
    instrument_id: int
    offence_category: str
    assistance_types_mask: int
    opened_on: date | None
    outcome: str
    refusal_ground: str
    deferred: bool
    answered_on: date | None
    days_to_answer: int | None
    executed_on: date | None
    days_to_execution: int | None
    asset_recovery: bool


def _days(start: date | None, end: date | None) -> int | None:
    if start is None or end is None:
        return None
    # Recorded facts can be entered out of order (a receipt corrected later): never negative.
    return max(0, (end - start).days)


def statistics_row(history: RequestHistory) -> StatisticsRow:
    """The row of one request (see the module's docstring for what counts)."""
    refusals = sorted((d for d in history.decisions if d.kind == DecisionKind.REFUSAL),
                      key=lambda d: d.decided_on)
    executed_on = local_date(history.executed_at) if history.executed_at else None
    # Refused: the request stands refused, or was closed without an execution (the graph closes
    # a request only once it was executed or refused).
    refused = executed_on is None and history.state in _REFUSED_STATES
    if history.opened_on is None:
        outcome = Outcome.NOT_OPENED
    elif executed_on is not None:
        outcome = (Outcome.EXECUTED_PARTIAL
                   if history.execution_outcome == ExecutionOutcome.PARTIAL
                   else Outcome.EXECUTED_FULL)
    elif refused:
        outcome = Outcome.REFUSED
    elif history.state == RequestState.WITHDRAWN:
        outcome = Outcome.WITHDRAWN
    else:
        outcome = Outcome.PENDING
    answered_on = executed_on or (refusals[-1].decided_on if refused and refusals else None)
    opened_on = history.opened_on
    mask = assistance_types_mask(history.assistance_types)
    return StatisticsRow(
        direction=history.direction, partner_state_id=history.partner_state_id,
        instrument_id=history.instrument_id, offence_category=history.offence_category,
        assistance_types_mask=mask, opened_on=opened_on, outcome=str(outcome),
        refusal_ground=refusals[-1].ground if outcome == Outcome.REFUSED and refusals else "",
        deferred=any(d.kind == DecisionKind.DEFERRAL for d in history.decisions),
        answered_on=answered_on if opened_on else None,
        days_to_answer=_days(opened_on, answered_on),
        executed_on=executed_on if opened_on else None,
        days_to_execution=_days(opened_on, executed_on),
        asset_recovery=bool(mask & ASSET_RECOVERY_MASK))


def partner_state_id_of(direction: str, requesting_state_id: int, requested_state_id: int) -> int:
    """The other side: the requested state of our request, the requesting state of theirs."""
    return requested_state_id if direction == Direction.OUTGOING else requesting_state_id


def history_of(request: AssistanceRequest, decisions: Iterable[Decision]) -> RequestHistory:
    """The history of a request held in memory, with its decision rows (those the change read)."""
    return RequestHistory(
        direction=request.direction, state=request.state,
        partner_state_id=partner_state_id_of(
            request.direction, request.requesting_authority.state_id,
            request.requested_authority.state_id),
        instrument_id=request.instrument_id, offence_category=request.offence_category,
        assistance_types=tuple(request.assistance_types or ()), opened_on=request.opened_on,
        executed_at=request.executed_at, execution_outcome=request.execution_outcome,
        decisions=tuple(DecisionFact(d.kind, d.ground, d.decided_on) for d in decisions))


_ROW_FIELDS = [name for name in StatisticsRow.__dataclass_fields__]


def _model_rows(rows: Iterable[tuple[int, StatisticsRow]]) -> list[RequestStatistics]:
    return [RequestStatistics(request_id=request_id, **asdict(row)) for request_id, row in rows]


def _upsert(rows: list[RequestStatistics]) -> None:
    RequestStatistics.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["request"],
        update_fields=[name if not name.endswith("_id") else name[:-3] for name in _ROW_FIELDS])


def request_statistics_write(request: AssistanceRequest, decisions: Iterable[Decision], *,
                             stored: RequestStatistics | None = None) -> bool:
    """Write the request's row (insert or replace), in the caller's transaction, unless
    ``stored`` (the row as the change found it) already holds it: most steps (a letter, a
    consultation, a request for more information) move nothing the statistics count. Returns
    whether it wrote."""
    row = statistics_row(history_of(request, decisions))
    if stored is not None and _stored_row(stored) == row:
        return False
    _upsert(_model_rows([(request.pk, row)]))
    return True


def _stored_row(stored: RequestStatistics) -> StatisticsRow:
    return StatisticsRow(**{name: getattr(stored, name) for name in _ROW_FIELDS})


_REQUEST_COLUMNS = ("id", "direction", "state", "instrument_id", "offence_category",
                    "assistance_types", "opened_on", "executed_at", "execution_outcome",
                    "requesting_authority_id", "requested_authority_id")


def statistics_rebuild(*, batch_size: int = 5000) -> int:
    """Compute every request's row again from the requests and their decisions, with the same
    function the services use; returns the number of rows. Batches keep memory flat at national
    scale (plain values, no model instances)."""
    authority_states = dict(Authority.objects.values_list("id", "state_id"))
    last_id = 0
    written = 0
    while True:
        batch = list(AssistanceRequest.objects.filter(id__gt=last_id).order_by("id")
                     .values(*_REQUEST_COLUMNS)[:batch_size])
        if not batch:
            return written
        last_id = batch[-1]["id"]
        decisions: dict[int, list[DecisionFact]] = {}
        for request_id, kind, ground, decided_on in (
                Decision.objects.filter(request_id__gte=batch[0]["id"], request_id__lte=last_id,
                                        kind__in=(DecisionKind.REFUSAL, DecisionKind.DEFERRAL))
                .values_list("request_id", "kind", "ground", "decided_on").order_by()):
            decisions.setdefault(request_id, []).append(DecisionFact(kind, ground, decided_on))
        rows = []
        for values in batch:
            history = RequestHistory(
                direction=values["direction"], state=values["state"],
                partner_state_id=partner_state_id_of(
                    values["direction"], authority_states[values["requesting_authority_id"]],
                    authority_states[values["requested_authority_id"]]),
                instrument_id=values["instrument_id"],
                offence_category=values["offence_category"],
                assistance_types=tuple(values["assistance_types"] or ()),
                opened_on=values["opened_on"], executed_at=values["executed_at"],
                execution_outcome=values["execution_outcome"],
                decisions=tuple(decisions.get(values["id"], ())))
            rows.append((values["id"], statistics_row(history)))
        _upsert(_model_rows(rows))
        written += len(rows)
