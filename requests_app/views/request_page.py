"""What the request page shows, assembled from the domain: the facts, the timeline, the deadlines,
the actions (allowed, blocked with the rules that block them and the records that put them
right, and not permitted) and the record links.

Nothing here decides a rule: the actions come from ``request_transition_options`` (the catalogue
and the guards), the record links and remedies from the record-kind registry, "overdue" from the
deadline policy of the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.schema import CHANNEL_LABELS
from treaties.rulebook.schema import DutyRule
from treaties.rules.breaches import foreign_decision_breaches
from treaties.rules.deadlines import CORRESPONDENCE_KINDS
from treaties.rules.facts import ConsultationFacts
from treaties.rules.facts import RequestFacts
from treaties.rules.violations import Violation

from .. import clock
from ..action_labels import action_label
from ..action_labels import counterpart_side
from ..content_fields import CONTENT_FIELDS
from ..documents.letters.layout import LETTER_LANGUAGES
from ..forms.deadlines import DeadlineWaiveForm
from ..forms.notes import NoteForm
from ..forms.notes import ReferencesForm
from ..forms.people import OwnerChangeForm
from ..forms.transitions import TransitionForm
from ..models import FINAL_STATES
from ..models import AssistanceRequest
from ..models import DataFlow
from ..models import Deadline
from ..models import DeadlineBasis
from ..models import DeadlineStatus
from ..models import Direction
from ..models import ItemReturnStatus
from ..models import LogBasis
from ..models import RequestState
from ..models import ResponsibleSide
from ..models import TransitionLog
from ..models import TreatyDuty
from ..record_kinds import record_links
from ..record_kinds import record_remedies
from ..roles import CASEWORKERS
from ..roles import ROLE_LABELS
from ..roles import Role
from ..roles import user_has_any_role
from ..selectors.access_log import latest_access
from ..services import requests as request_services
from ..services.access_log import may_see_access_log
from ..services.notices import basis_text
from ..services.transitions import request_transition_options
from ..services.waivers import WAIVE_ROLES
from ..words import citation_text
from .correspondence import correspondence_section
from .documents import documents_context
from .owners import owners_block

# Contents the drafter edits on the edit page (a violation naming one links there).
EDITABLE_CONTENT = (set(CONTENT_FIELDS) - {"persons"}) | {"requested_execution_reason"}


def state_label(value: str) -> str:
    if not value:
        return ""
    try:
        return str(RequestState(value).label)
    except ValueError:
        return value


def counterpart(obj: AssistanceRequest) -> Any:
    return (obj.requested_authority if obj.direction == Direction.OUTGOING
            else obj.requesting_authority)


# --- actions --------------------------------------------------------------------------------------
@dataclass
class ActionView:
    name: str
    label: str
    target_label: str
    violations: tuple[Violation, ...]
    form: TransitionForm | None = None
    remedies: list[tuple[str, str]] = field(default_factory=list)
    bound: bool = False


def remedies(obj: AssistanceRequest, user: Any,
             violations: tuple[Violation, ...]) -> list[tuple[str, str]]:
    """Where the blocking rules can be put right: the edit page for missing contents, the person
    form for missing persons, and the records that supply the fact a rule lacks."""
    links: list[tuple[str, str]] = []
    fields = {violation.field for violation in violations}
    if fields & EDITABLE_CONTENT:
        links.append((reverse("request_edit", args=[obj.pk]), _("Edit the contents")))
    if "persons" in fields:
        links.append((reverse("person_add", args=[obj.pk]), _("Add a person")))
    for kind in record_remedies(obj, user, violations):
        links.append((reverse("request_record", args=[obj.pk, kind.slug]),
                       str(kind.remedy_label or kind.title)))
    return links


def actions(obj: AssistanceRequest, user: Any, bound: TransitionForm | None = None) -> dict:
    """Every action the graph offers now: allowed ones with their inputs, blocked ones with the
    rules that block them, and those the user's role does not allow."""
    allowed, blocked, not_permitted = [], [], []
    for option in request_transition_options(request=obj, user=user):
        view = ActionView(name=option.name, label=option.label,
                          target_label=state_label(option.target), violations=option.violations)
        if not option.permitted:
            not_permitted.append(view)
        elif option.violations:
            view.remedies = remedies(obj, user, option.violations)
            blocked.append(view)
        else:
            if bound is not None and bound.name == option.name:
                view.form, view.bound = bound, True
            else:
                view.form = TransitionForm(request_obj=obj, spec=option.spec)
            allowed.append(view)
    return {"allowed": allowed, "blocked": blocked, "not_permitted": not_permitted}


# --- deadlines and timeline -----------------------------------------------------------------------
@dataclass
class DeadlineView:
    deadline: Deadline
    label: str
    basis: str
    who: str
    overdue: bool
    # A supervisor may waive it (missed, still not done): the row carries the form.
    waivable: bool = False


def _basis(deadline: Deadline, untimed: frozenset[str] = frozenset()) -> str:
    if deadline.kind in CORRESPONDENCE_KINDS:
        return _("Office policy: the office's own reminder about a letter (%(citation)s governs "
                 "the letter, not its time); not a treaty term.") % {
            "citation": citation_text(deadline.citation)}
    if deadline.basis == DeadlineBasis.OFFICE_POLICY and deadline.subject_key in untimed:
        return _("Office policy target: the treaty (%(citation)s) sets no time for this; this "
                 "due time is the office's own target, not a treaty term.") % {
            "citation": citation_text(deadline.citation)}
    if deadline.basis == DeadlineBasis.OFFICE_POLICY:
        return _("Office policy target: the treaty (%(citation)s) says “without delay” and sets "
                 "no figure; this due time is the office's own target, not a treaty term.") % {
            "citation": citation_text(deadline.citation)}
    return str(basis_text(deadline.basis))


def _who(deadline: Deadline) -> str:
    """Who must act: the person (the stage's owner), the role only where nobody is named."""
    user = deadline.responsible_user
    name = (user.get_full_name() or user.get_username()) if user is not None else ""
    if deadline.responsible_side == ResponsibleSide.OTHER_SIDE:
        if name:
            return _("the other side (followed up by %(name)s)") % {"name": name}
        return _("the other side")
    parts = [str(ResponsibleSide(deadline.responsible_side).label)]
    if name:
        parts.append(name)
    elif deadline.responsible_role:
        try:
            parts.append(str(ROLE_LABELS[Role(deadline.responsible_role)]))
        except ValueError:
            parts.append(deadline.responsible_role)
    return " — ".join(parts)


def _untimed_duty_keys(obj: AssistanceRequest) -> frozenset[str]:
    """Subject keys of the duty rows whose text sets no time at all (RS 5.4, BR 3.4...)."""
    rulebook = obj.rulebook
    return frozenset(f"duty:{duty.pk}" for duty in obj.duties.all()
                     if (rule := rulebook.duty(duty.rule_code)) is not None
                     and not rule.has_treaty_term and not rule.immediate)


def deadline_views(obj: AssistanceRequest, now: datetime, *,
                   can_waive: bool = False) -> tuple[list, list]:
    """The request's open and past deadlines; ``can_waive``: the viewer is a supervisor, so a
    missed one still not done carries the waiver form."""
    open_, past = [], []
    untimed = _untimed_duty_keys(obj)
    for deadline in obj.deadlines.all():
        view = DeadlineView(deadline=deadline, label=deadline.duty_label,
                            basis=_basis(deadline, untimed),
                            who=_who(deadline),
                            overdue=deadline.is_overdue(now, request_state=obj.state),
                            waivable=can_waive and deadline.status == DeadlineStatus.MISSED
                            and deadline.met_at is None)
        (open_ if deadline.status == DeadlineStatus.OPEN else past).append(view)
    return open_, past


# --- notices and duties ---------------------------------------------------------------------------
@dataclass
class DutyView:
    duty: TreatyDuty
    rule: DutyRule | None
    summary: str
    owed_by: str
    term: str
    deadline: Deadline | None
    overdue: bool
    letter: bool  # a notice Kazakhstan owes: a letter can be generated


def duty_term_text(rule: DutyRule | None) -> str:
    """The term as the text sets it, or the office's target where it sets none (labelled)."""
    if rule is None:
        return ""
    if rule.days is not None:
        return _("%(days)s days (treaty term)") % {"days": rule.days}
    if rule.hours is not None:
        return _("%(hours)s hours (treaty term)") % {"hours": rule.hours}
    if rule.immediate:
        return _("immediately — office policy target: %(hours)s hours") % {
            "hours": settings.MLA_NOTICE_TARGET_HOURS}
    return _("no time set by the text — office policy target: %(days)s days") % {
        "days": settings.MLA_NOTICE_UNTIMED_TARGET_DAYS}


def duty_views(obj: AssistanceRequest, now: datetime) -> list[DutyView]:
    rulebook = obj.rulebook
    rows = {d.subject_key: d for d in obj.deadlines.all() if d.subject_key.startswith("duty:")}
    views = []
    for duty in obj.duties.all():
        rule = rulebook.duty(duty.rule_code)
        deadline = rows.get(f"duty:{duty.pk}")
        ours = duty.owed_by == ResponsibleSide.KAZAKHSTAN
        views.append(DutyView(
            duty=duty, rule=rule, summary=rule.summary.text() if rule else duty.rule_code,
            owed_by=_("Kazakhstan") if ours else _("the other side"),
            term=duty_term_text(rule), deadline=deadline,
            overdue=bool(deadline and deadline.is_overdue(now, request_state=obj.state)),
            letter=bool(ours and rule is not None and rule.notice)))
    return views


@dataclass
class LogView:
    entry: Any
    action: str
    from_label: str
    to_label: str
    ground: str
    # The article cited, or office procedure (never blank; see ``TransitionLog.basis``).
    basis: LogBasis


def timeline(obj: AssistanceRequest) -> list[LogView]:
    rulebook = obj.rulebook
    side = counterpart_side(obj)
    entries = []
    for entry in obj.log.all():
        code = (entry.details or {}).get("ground") if isinstance(entry.details, dict) else None
        ground = rulebook.refusal_ground(code) or rulebook.deferral_ground(code) if code else None
        entries.append(LogView(
            entry=entry, action=action_label(entry.action, side),
            from_label=state_label(entry.from_state), to_label=state_label(entry.to_state),
            ground=ground.summary.text() if ground else "", basis=entry.basis))
    return entries


def _contents(obj: AssistanceRequest) -> list[tuple[str, object]]:
    names = [name for name in CONTENT_FIELDS if name not in {"requesting_authority", "persons"}]
    names.insert(names.index("requested_execution_date") + 1, "requested_execution_reason")
    return [(AssistanceRequest._meta.get_field(name).verbose_name, getattr(obj, name))
            for name in names]


def detail_context(request: HttpRequest, obj: AssistanceRequest, *,
                   bound: TransitionForm | None = None, violations: Any = (), errors: Any = (),
                   notice: str = "", note_form: NoteForm | None = None,
                   references_form: ReferencesForm | None = None,
                   owner_form: OwnerChangeForm | None = None) -> dict:
    now = clock.now()
    rulebook = obj.rulebook
    open_deadlines, past_deadlines = deadline_views(
        obj, now, can_waive=user_has_any_role(request.user, WAIVE_ROLES))
    types = [(code, ASSISTANCE_TYPES[code].label.text() if code in ASSISTANCE_TYPES else code,
              rulebook.assistance_type(code))
             for code in obj.assistance_types or ()]
    # The other side's decisions on our request: what departs from the treaty is flagged.
    facts = RequestFacts(direction=obj.direction, consultations=tuple(
        ConsultationFacts(c.subject, c.held_on) for c in obj.consultations.all())
    ) if obj.direction == Direction.OUTGOING else None
    decisions = []
    for decision in obj.decisions.all():
        ground = (rulebook.refusal_ground(decision.ground) or rulebook.deferral_ground(
            decision.ground)) if decision.ground else None
        breaches = foreign_decision_breaches(
            rulebook, facts, kind=decision.kind, ground=decision.ground, reasons=decision.reasons,
            decided_on=decision.decided_on) if facts else []
        decisions.append((decision, ground.summary.text() if ground else decision.ground,
                          breaches))
    return {
        "obj": obj,
        "rulebook": rulebook,
        "instrument_status": obj.instrument_status_on(clock.today()),
        "counterpart": counterpart(obj),
        "channel_label": CHANNEL_LABELS.get(obj.channel, obj.channel),
        "assistance_types": types,
        "contents": _contents(obj),
        "actions": actions(obj, request.user, bound),
        "open_deadlines": open_deadlines,
        "duties": duty_views(obj, now),
        "letter_languages": LETTER_LANGUAGES,
        "documents": documents_context(obj, request.user),
        "past_deadlines": past_deadlines,
        "waive_form": DeadlineWaiveForm(initial={"version": obj.version}),
        "timeline": timeline(obj),
        "records": record_links(obj, request.user),
        "decisions": decisions,
        "violations": violations,
        "errors": errors,
        "notice": notice,
        "now": now,
        "item_held": ItemReturnStatus.HELD,
        "data_received": DataFlow.RECEIVED,
        "can_edit": obj.state in request_services.CONTENT_EDIT_STATES.get(obj.direction, ()),
        "note_form": note_form or NoteForm(),
        "references_form": references_form or references_form_for(obj, request.user),
        "correspondence": correspondence_section(request, obj),
        "submitted_incomplete": submitted_incomplete(obj),
        # The Owners block (``_owners.html``): owners per stage, a return's reason, the form.
        **owners_block(obj, request.user, owner_form, log=obj.log.all()),
        # Who looked (supervisors only; nothing is read for anyone else).
        "access_log": latest_access(obj.pk) if may_see_access_log(request.user) else None,
    }


def submitted_incomplete(obj: AssistanceRequest) -> TransitionLog | None:
    """While under review: the submission, if it overrode the incomplete checklist (office
    policy), whose reason the reviewer reads near the actions."""
    if obj.state != RequestState.UNDER_REVIEW:
        return None
    submissions = [e for e in obj.log.all() if e.action == "submit_for_review"]
    latest = max(submissions, key=lambda e: (e.at, e.pk)) if submissions else None
    return latest if latest is not None and latest.details.get("override_incomplete") else None


def references_form_for(obj: AssistanceRequest, user: Any, data: Any = None
                        ) -> ReferencesForm | None:
    """The references form of the page, for caseworkers while the request is open; the case
    number is in it only while the contents may change (``CONTENT_EDIT_STATES``)."""
    if obj.state in FINAL_STATES or not user_has_any_role(user, CASEWORKERS):
        return None
    editable = obj.state in request_services.CONTENT_EDIT_STATES.get(obj.direction, ())
    return ReferencesForm(data, request_obj=obj, case_number_editable=editable)
