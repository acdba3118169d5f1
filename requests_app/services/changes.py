"""The frame every change to a request runs in: one transaction, the row locked, access and role
checked, the version compared, then the log entry written and the deadlines recomputed.

Every log entry names its basis (``models.LogBasis``): the body of ``request_change`` says what
the step is taken under with ``change.cite(rule)`` (an article of the request's instrument; None
where the instrument has no provision on the step, which makes it office procedure) or
``change.office_procedure()`` (a step no treaty governs). A change that says neither is not
recorded: ``UnstatedBasis`` rolls it back, so no row of the log is ever without a basis.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from functools import cache
from typing import Any

from django.contrib.auth.models import User
from django.db import DEFAULT_DB_ALIAS
from django.db import connections
from django.db import router
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition

from statistics_app.rows import request_statistics_write
from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import Rule
from treaties.rules.violations import Violation

from .. import clock
from ..access import access_request_by_id
from ..compiled_sql import CompiledInsert
from ..compiled_sql import is_read
from ..exceptions import ActionNotPermitted
from ..exceptions import ConcurrentModification
from ..exceptions import InvalidInput
from ..exceptions import RuleViolation
from ..models import FINAL_STATES
from ..models import AssistanceRequest
from ..models import LogBasis
from ..models import TransitionLog
from ..models import log_chain_hash
from ..roles import user_has_any_role
from .deadlines import deadlines_sync
from .fact_rows import FactRows
from .fact_rows import fact_rows_forget
from .fact_rows import fact_rows_load
from .fact_rows import related_rows


class _WriteWatch:
    """Whether a statement other than a read has run on the connection it watches (a database
    execute wrapper): writes of any kind (ORM, bulk, raw SQL, savepoints) count."""

    def __init__(self) -> None:
        self.wrote = False

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool,
                 context: Mapping[str, Any]) -> Any:
        if not self.wrote and not is_read(sql):
            self.wrote = True
        return execute(sql, params, many, context)


class UnstatedBasis(RuntimeError):
    """A service tried to log a step without saying what it is taken under (a programming
    error: call ``change.cite(rule)`` or ``change.office_procedure()`` in the change's body)."""


@dataclass
class Change:
    """What the body of ``request_change`` fills in for the log entry: the reason, the details
    and, always, the basis (``cite`` or ``office_procedure``)."""

    request: AssistanceRequest
    now: datetime
    action: str
    reason: str = ""
    details: dict[str, object] = field(default_factory=dict)
    from_state: str = ""
    basis: LogBasis | None = None
    # The log entry, once the change is recorded (after the body of ``request_change``).
    log_entry: TransitionLog | None = None
    # What ``read_rows`` read, and whether a statement has written anything since.
    rows: FactRows | None = None
    writes: _WriteWatch = field(default_factory=lambda: _WriteWatch())

    def read_rows(self) -> FactRows:
        """The request's related rows, for the body's rules, with its deadline rows and the head
        of its log (``services.fact_rows``): one query, which ``finish_change`` does not repeat
        when nothing has been written since."""
        self.rows = fact_rows_load(self.request, with_deadlines=True)
        # Watched from the end of the read: what was written before it (or by the read itself,
        # such as SQLite's one-off feature probe in a savepoint) is in the rows it read.
        self.writes.wrote = False
        return self.rows

    def rows_as_read(self) -> FactRows | None:
        """``read_rows``'s rows while they still hold: no statement has written since, so the
        related rows, the deadline rows and the log's head are what the database holds (the
        request's row lock keeps other changes out)."""
        return None if self.writes.wrote else self.rows

    def cite(self, source: Rule | Citation | None) -> None:
        """The step is taken under ``source``, a rule of the request's instrument; None where
        the instrument has no provision on it: the step is then office procedure."""
        self.basis = LogBasis.under(source)

    def office_procedure(self) -> None:
        """No treaty governs the step: the office's own procedure (review, edits, files...)."""
        self.basis = LogBasis.office_procedure()

    @property
    def citation(self) -> str:
        """The article the step is taken under; empty for office procedure (or not yet said)."""
        return self.basis.citation if self.basis is not None else ""

    @property
    def recorded_entry(self) -> TransitionLog:
        if self.log_entry is None:
            raise RuntimeError("The change is recorded only when request_change's body ends.")
        return self.log_entry


def log_write(*, request: AssistanceRequest, actor: User | None, at: datetime, action: str,
              from_state: str, to_state: str, basis: LogBasis | None, reason: str = "",
              details: dict[str, object] | None = None,
              prev_hash: str | None = None) -> TransitionLog:
    """Append one row to the request's log, with its basis: the citation column holds the
    article, the details the kind of basis (``models.BASIS_KEY``). Raises UnstatedBasis when
    ``basis`` is None. ``prev_hash``: the hash at the head of the request's log, where the
    caller read it after taking the row lock (else it is read here)."""
    if basis is None:
        raise UnstatedBasis(
            f"The {action!r} step does not say what it is taken under: cite the rule of the "
            f"request's instrument (change.cite) or mark it office procedure.")
    actor = actor if getattr(actor, "pk", None) else None
    details = {**(details or {}), **basis.as_details()}
    # The caller holds the request's row lock (or has just created it): no other row of this
    # request can be written between reading the chain's head and appending to it.
    if prev_hash is None:
        prev_hash = (TransitionLog.objects.filter(request=request).order_by("-id")
                     .values_list("row_hash", flat=True).first()) or ""
    row_hash = log_chain_hash(
        prev_hash, request_id=request.pk, actor_id=actor.pk if actor else None, at=at,
        action=action, from_state=from_state, to_state=to_state, reason=reason,
        citation=basis.citation, details=details)
    entry = TransitionLog(
        request=request, actor=actor, at=at, action=action, from_state=from_state,
        to_state=to_state, reason=reason, citation=basis.citation, details=details,
        prev_hash=prev_hash, row_hash=row_hash)
    _log_insert(router.db_for_write(TransitionLog)).insert(entry)
    return entry


@cache
def _log_insert(alias: str) -> CompiledInsert:
    """The log's INSERT, compiled once (``compiled_sql``): one row on every change."""
    return CompiledInsert.of(TransitionLog, alias)


def check_version(request: AssistanceRequest, expected_version: int | None) -> None:
    if expected_version is not None and int(expected_version) != request.version:
        raise ConcurrentModification(expected_version, request.version)


def save_with_version(request: AssistanceRequest) -> None:
    """Write the request's row once, advancing its version: the UPDATE applies only while the
    row still holds the version this change read (``AssistanceRequest.save_over_version``), so
    that even on a database that ignores row locks (SQLite) two writers cannot both win."""
    expected = request.version
    request.version = expected + 1
    try:
        request.save_over_version(expected)
    except ConcurrentTransition:
        request.version = expected
        current = AssistanceRequest.objects.values_list("version", flat=True).get(pk=request.pk)
        raise ConcurrentModification(expected, current) from None


def finish_change(*, request: AssistanceRequest, actor: User, change: Change) -> None:
    """Record the change: its deadlines (from the facts as the body left them, read in one query
    with the deadline rows and the log's head, or those ``change.read_rows`` read when nothing
    has been written since), the request's row written once (with the inbox's sort time the
    deadlines give), and the log entry."""
    loaded = change.rows_as_read()
    if loaded is None:
        fact_rows_forget(request)
        loaded = fact_rows_load(request, with_deadlines=True)
    deadlines_sync(request=request, now=change.now, write_sort_time=False,
                   existing_rows=loaded.deadlines)
    save_with_version(request)
    change.log_entry = log_write(
        request=request, actor=actor, at=change.now, action=change.action,
        from_state=change.from_state, to_state=request.state, reason=change.reason,
        basis=change.basis, details=change.details, prev_hash=loaded.log_head_hash)
    # The statistics' row of the request, from the rows the change has read: written only
    # where the change moved it.
    request_statistics_write(request, related_rows(request, "decisions"),
                             stored=loaded.statistics)


@contextmanager
def request_change(*, actor: User, request_id: int, roles: Iterable[str] | None, action: str,
                   expected_version: int | None = None, reason: str = "",
                   allow_final_states: bool = False) -> Iterator[Change]:
    """Run the body on a locked, visible request the actor may change, then record it.

    Closed and withdrawn requests accept only changes marked ``allow_final_states`` (duties that
    outlive a request, such as deleting received personal data).

    Raises RequestNotFound, ActionNotPermitted, ConcurrentModification, InvalidInput; whatever
    the body raises rolls everything back.
    """
    with transaction.atomic():
        request = access_request_by_id(user=actor, request_id=request_id, for_update=True)
        # The row as read: the one write at the end moves only the columns the change moved.
        request.remember_row()
        # roles=None: the caller checks the role itself once it knows the action (transitions).
        if roles is not None and not user_has_any_role(actor, roles):
            raise ActionNotPermitted()
        check_version(request, expected_version)
        if request.state in FINAL_STATES and not allow_final_states:
            raise InvalidInput({"state": str(_("The request is closed; it can no longer be "
                                               "changed."))})
        change = Change(request=request, now=clock.now(), action=action, reason=reason,
                        from_state=request.state)
        with connections[request._state.db or DEFAULT_DB_ALIAS].execute_wrapper(change.writes):
            yield change
        finish_change(request=request, actor=actor, change=change)


def raise_if(violations: Iterable[Violation]) -> None:
    """A treaty rule blocks the change: raise RuleViolation with every violated rule."""
    found = list(violations)
    if found:
        raise RuleViolation(found)
