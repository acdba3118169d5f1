"""Who works on a request at each stage: the stages of the work, the owner field and the role of
each, and which stage a request is at in each state. Pure: no queries.

A request has a named owner per stage (the drafting prosecutor, the central authority's clerk,
the executing prosecutor); where none is named, the stage's role in the office acts and is told
(the fallback). Review has no owner: the office's supervisors review.

========================  ================================  ===========  =========================
stage                     states                            role         owner field
========================  ================================  ===========  =========================
drafting                  outgoing: drafting                Prosecutor   ``drafting_prosecutor``
review                    outgoing: under review            Supervisor   (none: the reviewers)
clerk                     outgoing: ready and after;        Clerk        ``clerk_owner``
                          incoming: registration and
                          completeness, answered, closing
executing                 incoming: forwarded, in           Prosecutor   ``assigned_prosecutor``
                          execution, conditions, deferral,
                          consultation
========================  ================================  ===========  =========================
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from ..models import FINAL_STATES
from ..models import Direction
from ..models import RequestState
from ..roles import Role

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

_S = RequestState


class WorkStage(enum.StrEnum):
    DRAFTING = "drafting"
    REVIEW = "review"
    CLERK = "clerk"
    EXECUTING = "executing"

    @property
    def label(self) -> StrOrPromise:
        return STAGE_LABELS[self]

    @property
    def role(self) -> Role:
        return STAGE_ROLES[self]

    @property
    def owner_field(self) -> str | None:
        """The request's field naming the stage's owner; None for review (no owner)."""
        return OWNER_FIELDS.get(self)


STAGE_LABELS: dict[WorkStage, StrOrPromise] = {
    WorkStage.DRAFTING: _("Drafting"),
    WorkStage.REVIEW: _("Review"),
    WorkStage.CLERK: _("Central authority"),
    WorkStage.EXECUTING: _("Execution"),
}
# What the owner of each stage is called (the Owners block, the owner-change form).
OWNER_LABELS: dict[WorkStage, StrOrPromise] = {
    WorkStage.DRAFTING: _("Drafting prosecutor"),
    WorkStage.CLERK: _("Central-authority clerk"),
    WorkStage.EXECUTING: _("Executing prosecutor"),
}
STAGE_ROLES: dict[WorkStage, Role] = {
    WorkStage.DRAFTING: Role.PROSECUTOR,
    WorkStage.REVIEW: Role.SUPERVISOR,
    WorkStage.CLERK: Role.CLERK,
    WorkStage.EXECUTING: Role.PROSECUTOR,
}
OWNER_FIELDS: dict[WorkStage, str] = {
    WorkStage.DRAFTING: "drafting_prosecutor",
    WorkStage.CLERK: "clerk_owner",
    WorkStage.EXECUTING: "assigned_prosecutor",
}
# The stages that have a named owner, in the order of the work.
OWNER_STAGES: tuple[WorkStage, ...] = (WorkStage.DRAFTING, WorkStage.CLERK, WorkStage.EXECUTING)
# The stages a request of each direction passes through with an owner.
STAGES_OF_DIRECTION: dict[str, tuple[WorkStage, ...]] = {
    Direction.OUTGOING: (WorkStage.DRAFTING, WorkStage.CLERK),
    Direction.INCOMING: (WorkStage.CLERK, WorkStage.EXECUTING),
}

_EXECUTING_STATES = frozenset({_S.FORWARDED, _S.IN_EXECUTION, _S.CONDITIONAL_EXECUTION,
                               _S.DEFERRED, _S.CONSULTATION})


def work_stage(direction: str, state: str) -> WorkStage | None:
    """The stage a request is at: whose move it is. None once it is closed or withdrawn."""
    if state in FINAL_STATES:
        return None
    if direction == Direction.OUTGOING:
        if state == _S.DRAFTING:
            return WorkStage.DRAFTING
        if state == _S.UNDER_REVIEW:
            return WorkStage.REVIEW
        return WorkStage.CLERK
    if state in _EXECUTING_STATES:
        return WorkStage.EXECUTING
    return WorkStage.CLERK


def states_at(direction: str, stage: WorkStage) -> tuple[str, ...]:
    """Every state in which a request of ``direction`` is at ``stage`` (for queries)."""
    return tuple(state.value for state in RequestState
                 if work_stage(direction, state) == stage)


def owner_field_for_role(direction: str, role: str) -> str | None:
    """Which owner answers for a deadline row of ``role`` (``Deadline.responsible_role``): the
    clerk for clerks' rows and for rows on which the other side must act (our clerk chases
    them), the executing prosecutor of an incoming request or the drafting prosecutor of an
    outgoing one for prosecutors' rows; nobody for a supervisor's row."""
    if role in (Role.CLERK, ""):
        return OWNER_FIELDS[WorkStage.CLERK]
    if role == Role.PROSECUTOR:
        return OWNER_FIELDS[WorkStage.EXECUTING if direction == Direction.INCOMING
                            else WorkStage.DRAFTING]
    return None
