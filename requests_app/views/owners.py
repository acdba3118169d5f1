"""The Owners block of the request page: the named owner of each stage (or the role that acts
where nobody is named), the stage the request is at, the reason a draft was returned, and, for
clerks and supervisors while the request is open, the form that changes an owner
(``services.owners.request_owner_change``, posted to ``views.people``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User

from ..forms.people import OwnerChangeForm
from ..forms.people import person_name
from ..models import FINAL_STATES
from ..models import AssistanceRequest
from ..models import TransitionLog
from ..roles import ROLE_LABELS
from ..roles import user_has_any_role
from ..selectors.people import returned_for_revision
from ..services.owners import OWNER_CHANGE_ROLES
from ..workflow.owners import OWNER_LABELS
from ..workflow.owners import STAGES_OF_DIRECTION
from ..workflow.owners import WorkStage
from ..workflow.owners import work_stage


@dataclass(frozen=True)
class OwnerView:
    stage: WorkStage
    label: str
    owner: User | None
    role_label: str  # who acts where nobody is named
    current: bool

    @property
    def name(self) -> str:
        return person_name(self.owner) if self.owner is not None else ""


def owners_block(obj: AssistanceRequest, user: Any, form: OwnerChangeForm | None = None,
                 log: Any = None) -> dict[str, Any]:
    """The block's context: ``owners`` (one ``OwnerView`` per stage of the direction),
    ``current_stage``, ``returned`` (the return-for-revision log entry while the draft is back
    in drafting) and ``owner_form`` (None for whoever may not change owners, and once closed)."""
    current = work_stage(obj.direction, obj.state)
    owners = [OwnerView(stage=stage, label=str(OWNER_LABELS[stage]),
                        owner=getattr(obj, stage.owner_field or ""),
                        role_label=str(ROLE_LABELS[stage.role]), current=stage == current)
              for stage in STAGES_OF_DIRECTION[obj.direction]]
    may_change = (obj.state not in FINAL_STATES
                  and user_has_any_role(user, OWNER_CHANGE_ROLES))
    returned: TransitionLog | None = returned_for_revision(obj, log=log)
    return {
        "owners": owners,
        "current_stage": current,
        "returned": returned,
        "owner_form": (form or OwnerChangeForm(request_obj=obj)) if may_change else None,
    }
