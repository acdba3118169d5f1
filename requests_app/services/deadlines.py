"""Keeps a request's Deadline rows in step with its facts. Called inside the transaction of every
change (transition or recorded fact); never on its own from a view."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings

from treaties.rules.deadlines import DeadlineKind, DeadlineSpec, OfficePolicy, compute_deadlines

from ..models import FINAL_STATES, AssistanceRequest, Deadline, DeadlineStatus
from .facts import request_facts

# Duties that run on after a request is closed or withdrawn: received personal data must still be
# deleted (CZ 10.5, SK 5.6), asset sharing may be asked within a year of the confiscation
# (BR 18.2), a transferred person must still be returned (RS 11.1, BR 9.2).
OUTLIVE_THE_REQUEST = frozenset({DeadlineKind.PERSONAL_DATA_DELETION,
                                 DeadlineKind.ASSET_SHARING_REQUEST, DeadlineKind.DETAINEE_RETURN})


def office_policy() -> OfficePolicy:
    return OfficePolicy(cz_oral_confirmation_hours=settings.MLA_CZ_ORAL_CONFIRMATION_TARGET_HOURS)


def _apply(row: Deadline, spec: DeadlineSpec, now: datetime, request: AssistanceRequest) -> bool:
    """Bring ``row`` in line with ``spec``; return whether anything changed."""
    before = (row.due_at, row.status, row.met_at, row.closed_reason, row.citation, row.basis,
              row.responsible_side, row.responsible_role, row.responsible_user_id)
    row.due_at = spec.due_at
    row.citation = str(spec.citation)
    row.basis = spec.basis.value
    row.responsible_side = spec.responsible_side.value
    row.responsible_role = spec.responsible_role
    row.responsible_user_id = (request.assigned_prosecutor_id
                               if spec.responsible_role == "Prosecutor" else None)
    if spec.waived_reason:
        if row.status == DeadlineStatus.OPEN:
            row.status, row.closed_reason = DeadlineStatus.WAIVED, spec.waived_reason
    elif spec.satisfied_at is not None:
        row.met_at = spec.satisfied_at
        if row.status == DeadlineStatus.OPEN:
            row.status = (DeadlineStatus.MET if spec.satisfied_at <= spec.due_at
                          else DeadlineStatus.MISSED)
    else:
        row.met_at = None
        # A moved fact (a later appearance date, an extended return term) reopens the term.
        if row.status in (DeadlineStatus.MISSED, DeadlineStatus.WAIVED, DeadlineStatus.MET) and now < spec.due_at:
            row.status, row.closed_reason = DeadlineStatus.OPEN, ""
    if (request.state in FINAL_STATES and row.status == DeadlineStatus.OPEN
            and spec.kind not in OUTLIVE_THE_REQUEST):
        row.status, row.closed_reason = DeadlineStatus.WAIVED, f"request {request.state}"
    after = (row.due_at, row.status, row.met_at, row.closed_reason, row.citation, row.basis,
             row.responsible_side, row.responsible_role, row.responsible_user_id)
    return before != after


def deadlines_sync(*, request: AssistanceRequest, now: datetime) -> list[Deadline]:
    """Recompute the request's deadlines from its facts and write the differences."""
    specs = {(s.kind.value, s.subject_key): s
             for s in compute_deadlines(request.rulebook, request_facts(request), office_policy())}
    existing = {(d.kind, d.subject_key): d for d in Deadline.objects.filter(request=request)}
    to_create, to_update = [], []
    for key, spec in specs.items():
        row = existing.get(key)
        if row is None:
            row = Deadline(request=request, kind=spec.kind.value, subject_key=spec.subject_key,
                           status=DeadlineStatus.OPEN)
            _apply(row, spec, now, request)
            to_create.append(row)
        elif _apply(row, spec, now, request):
            to_update.append(row)
    for key, row in existing.items():
        if key not in specs and row.status == DeadlineStatus.OPEN:
            row.status, row.closed_reason = DeadlineStatus.WAIVED, "no longer applies"
            to_update.append(row)
    Deadline.objects.bulk_create(to_create)
    for row in to_update:
        row.save()
    return to_create + to_update
