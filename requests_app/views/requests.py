"""Request pages: the inbox, registering an incoming request, the request page (facts, timeline,
deadlines, actions) and the forms that record facts.

Views only translate HTTP to service calls and back. Every request shown comes through
``requests_app.access`` (via ``requests_app.selectors``): a request the user may not see answers
404 on every URL, like a missing one. Service errors map to the UI: RequestNotFound → 404,
ActionNotPermitted → 403, ConcurrentModification → "changed meanwhile, reload",
InvalidInput → errors next to the fields, RuleViolation → a box listing each rule with its
citation. htmx posts of an action re-render the workflow panel only; without htmx the same
URLs answer with full pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from treaties.models import Instrument
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.schema import CHANNEL_LABELS, TECHNICAL_CHANNELS

from .. import clock, selectors
from ..access import user_office_id
from ..content_fields import CONTENT_FIELDS
from ..exceptions import (
    ActionNotPermitted,
    ConcurrentModification,
    InvalidInput,
    RequestNotFound,
    RuleViolation,
    TransitionNotAvailable,
)
from ..forms.records import RECORD_FORMS, TransitionForm
from ..forms.registration import RegisterIncomingForm
from ..models import (
    FINAL_STATES,
    AssistanceRequest,
    DataFlow,
    DeadlineBasis,
    DeadlineStatus,
    Direction,
    ItemReturnStatus,
    RequestState,
    ResponsibleSide,
)
from ..roles import ROLE_LABELS, Role, user_has_any_role
from ..services import records as record_services
from ..services import requests as request_services
from ..services.notices import basis_text
from ..services.transitions import request_transition, request_transition_options

TEMPLATES = "requests_app/requests/"
ALMATY_FORMAT = "d.m.Y H:i"


# --- small helpers --------------------------------------------------------------------------------
def _state_label(value: str) -> str:
    if not value:
        return ""
    try:
        return str(RequestState(value).label)
    except ValueError:
        return value


def _transition_labels() -> dict[str, str]:
    """Labels of every transition of the graph, by name."""
    field_ = AssistanceRequest._meta.get_field("state")
    labels = {}
    for transition in field_.get_all_transitions(AssistanceRequest):
        labels.setdefault(transition.name, str(transition.custom.get("label", transition.name)))
    return labels


# What the log's non-transition entries mean (the services' action codes).
LOG_ACTION_LABELS = {
    "create": gettext_lazy("Draft created"),
    "register": gettext_lazy("Incoming request registered"),
    "update": gettext_lazy("Contents edited"),
    "person_add": gettext_lazy("Person added"),
    "appearance_date_changed": gettext_lazy("Appearance date changed"),
    "shorter_summons_term_agreed": gettext_lazy("Shorter summons term agreed"),
    "written_confirmation_recorded": gettext_lazy("Written confirmation recorded"),
    "translation_recorded": gettext_lazy("Translation recorded"),
    "original_recorded": gettext_lazy("Original recorded"),
    "original_updated": gettext_lazy("Original updated"),
    "service_proof_recorded": gettext_lazy("Proof of service recorded"),
    "consultation_recorded": gettext_lazy("Consultation recorded"),
    "partial_or_conditional_considered": gettext_lazy(
        "Partial or conditional execution considered"),
    "item_recorded": gettext_lazy("Handed-over item recorded"),
    "item_returned": gettext_lazy("Item returned"),
    "item_return_waived": gettext_lazy("Return of an item waived"),
    "transfer_recorded": gettext_lazy("Detainee transfer recorded"),
    "transfer_extended": gettext_lazy("Return term extended"),
    "transfer_release_date_changed": gettext_lazy("Release date changed"),
    "transfer_returned": gettext_lazy("Transferred person returned"),
    "personal_data_recorded": gettext_lazy("Personal data registered"),
    "personal_data_deleted": gettext_lazy("Personal data deleted"),
    "onward_transfer_recorded": gettext_lazy("Onward transfer recorded"),
}


def _action_label(code: str, transitions: dict[str, str]) -> str:
    if code in transitions:
        return transitions[code]
    if code in LOG_ACTION_LABELS:
        return str(LOG_ACTION_LABELS[code])
    return code.replace("_", " ")


def _get_or_404(user, pk) -> AssistanceRequest:
    try:
        return selectors.request_detail(user=user, request_id=pk)
    except RequestNotFound:
        raise Http404(_("No such request.")) from None


def _is_htmx(request) -> bool:
    return bool(getattr(request, "htmx", False))


def _counterpart(obj: AssistanceRequest):
    return (obj.requested_authority if obj.direction == Direction.OUTGOING
            else obj.requesting_authority)


# --- inbox ----------------------------------------------------------------------------------------
def _inbox_filters(params) -> selectors.InboxFilters:
    direction = params.get("direction", "")
    state = params.get("state", "")
    stage = params.get("stage", "")
    if stage not in selectors.STAGE_BY_KEY and stage not in (selectors.OPEN_WORK, selectors.ALL):
        # A state filter looks through every stage unless a tab was chosen.
        stage = selectors.ALL if state in RequestState.values else selectors.OPEN_WORK
    return selectors.InboxFilters(
        stage=stage,
        direction=direction if direction in Direction.values else "",
        instrument=params.get("instrument", "")[:40],
        state=state if state in RequestState.values else "",
        overdue=params.get("overdue") in ("1", "on", "true"),
        q=params.get("q", "").strip()[:100],
    )


def _query(filters: selectors.InboxFilters, **override) -> str:
    values = {"stage": filters.stage, "direction": filters.direction,
              "instrument": filters.instrument, "state": filters.state,
              "overdue": "1" if filters.overdue else "", "q": filters.q, **override}
    return urlencode({k: v for k, v in values.items() if v})


@dataclass
class InboxRow:
    request: AssistanceRequest
    stage: selectors.Stage | None
    counterpart: object
    next_deadline: object
    next_overdue: bool


@login_required
def request_list(request):
    """The inbox: the requests the user may see, by stage, filtered, 50 a page."""
    now = clock.now()
    filters = _inbox_filters(request.GET)
    qs = selectors.inbox_requests(user=request.user, filters=filters, now=now)
    page = Paginator(qs, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for obj in page:
        upcoming = obj.pending_deadlines[0] if obj.pending_deadlines else None
        rows.append(InboxRow(
            request=obj, stage=selectors.STAGE_OF_STATE.get(obj.state),
            counterpart=_counterpart(obj), next_deadline=upcoming,
            next_overdue=bool(upcoming and (upcoming.status == DeadlineStatus.MISSED
                                            or upcoming.due_at < now))))
    counts = selectors.inbox_stage_counts(user=request.user, filters=filters, now=now)
    tabs = [{"key": selectors.OPEN_WORK, "label": _("All open work"), "help": "",
             "count": counts[selectors.OPEN_WORK]}]
    tabs += [{"key": s.key, "label": s.label, "help": s.help, "count": counts[s.key]}
             for s in selectors.STAGES]
    tabs.append({"key": selectors.ALL, "label": _("All"), "help": "",
                 "count": counts[selectors.ALL]})
    for tab in tabs:
        tab["query"] = _query(filters, stage=tab["key"])
        tab["current"] = tab["key"] == filters.stage
    context = {
        "filters": filters,
        "tabs": tabs,
        "rows": rows,
        "page": page,
        "page_query": _query(filters),
        "instruments": Instrument.objects.order_by("slug").only("slug"),
        "states": RequestState.choices,
        "directions": Direction.choices,
        "can_register": user_has_any_role(request.user, (Role.CLERK,)),
    }
    if _is_htmx(request) and request.htmx.target == "inbox-results":
        return render(request, TEMPLATES + "_inbox_results.html", context)
    return render(request, TEMPLATES + "list.html", context)


# --- registering an incoming request --------------------------------------------------------------
@login_required
def request_register(request):
    """A clerk registers a request Kazakhstan received; an oral one (urgent, CZ/SK only) waits
    for its written confirmation, with the term shown on the request page."""
    if not user_has_any_role(request.user, (Role.CLERK,)):
        raise PermissionDenied(_("Only central-authority clerks register incoming requests."))
    office = user_office_id(request.user)
    violations: list = []
    status = 200
    if request.method == "POST":
        form = RegisterIncomingForm(request.POST, user_office_id=office)
        if form.is_valid():
            try:
                created = request_services.request_register_incoming(
                    actor=request.user, **form.service_kwargs())
            except ActionNotPermitted as error:
                raise PermissionDenied(str(error.message)) from None
            except InvalidInput as error:
                form.add_service_errors(error.errors)
            except RuleViolation as error:
                violations = error.violations
            else:
                messages.success(request, _("Registered as %(reference)s.")
                                 % {"reference": created.reference})
                return redirect("request_detail", pk=created.pk)
        status = 422 if _is_htmx(request) else 200
    else:
        initial = {}
        if request.GET.get("instrument"):
            initial["instrument"] = request.GET["instrument"]
        form = RegisterIncomingForm(initial=initial, user_office_id=office)
        if _is_htmx(request) and request.htmx.target == "assistance-types":
            # The instrument changed: offer its assistance types.
            return render(request, TEMPLATES + "_assistance_types.html", {"form": form})
    return render(request, TEMPLATES + "register.html",
                  {"form": form, "violations": violations}, status=status)


# --- the request page -----------------------------------------------------------------------------
@dataclass
class ActionView:
    name: str
    label: str
    target_label: str
    violations: tuple
    form: TransitionForm | None = None
    remedies: list = field(default_factory=list)
    bound: bool = False


# Where a blocking rule can be satisfied: the record form for the fact it lacks.
REMEDY_RECORDS = {
    "consultations": ("consultation", gettext_lazy("Record a consultation")),
    "decisions": ("partial-conditional-considered",
                  gettext_lazy("Record that partial or conditional execution was considered")),
    "items": ("item-returned", gettext_lazy("Record the return of an item")),
    "transfers": ("transfer-returned", gettext_lazy("Record the return of the person")),
    "translations": ("translation", gettext_lazy("Record a translation")),
    "originals": ("original", gettext_lazy("Record the original")),
    "appearance_date": ("person-appearance-date", gettext_lazy("Change the appearance date")),
}
EDITABLE_CONTENT = set(CONTENT_FIELDS) | {"requested_execution_reason"}


def _remedies(obj: AssistanceRequest, violations) -> list[tuple[str, str]]:
    links = []
    for violation in violations:
        if violation.field in REMEDY_RECORDS:
            kind, label = REMEDY_RECORDS[violation.field]
            url = reverse("request_record", args=[obj.pk, kind])
        elif violation.field in EDITABLE_CONTENT - {"persons"}:
            url, label = reverse("request_edit", args=[obj.pk]), gettext_lazy("Edit the contents")
        elif violation.field == "persons":
            url, label = reverse("person_add", args=[obj.pk]), gettext_lazy("Add a person")
        else:
            continue
        if (url, str(label)) not in links:
            links.append((url, str(label)))
    rule = obj.rulebook.summons_lead_time
    if (any(v.field == "appearance_date" for v in violations) and rule is not None
            and rule.shorter_term_by_agreement_when_urgent and obj.is_urgent):
        links.append((reverse("request_record", args=[obj.pk, "shorter-summons-term"]),
                      _("Record an agreed shorter summons term")))
    return links


def _actions(obj: AssistanceRequest, user, bound: TransitionForm | None = None) -> dict:
    """Every action the graph offers now: allowed ones with their inputs, blocked ones with the
    rules that block them, and those the user's role does not allow."""
    allowed, blocked, not_permitted = [], [], []
    for option in request_transition_options(request=obj, user=user):
        view = ActionView(name=option.name, label=option.label,
                          target_label=_state_label(option.target),
                          violations=option.violations)
        if not option.permitted:
            not_permitted.append(view)
        elif option.violations:
            view.remedies = _remedies(obj, option.violations)
            blocked.append(view)
        else:
            if bound is not None and bound.name == option.name:
                view.form, view.bound = bound, True
            else:
                view.form = TransitionForm(request_obj=obj, name=option.name,
                                           reason_required=option.reason_required)
            allowed.append(view)
    return {"allowed": allowed, "blocked": blocked, "not_permitted": not_permitted}


@dataclass
class DeadlineView:
    deadline: object
    label: str
    basis: str
    who: str
    overdue: bool


def _basis(deadline) -> str:
    if deadline.basis == DeadlineBasis.OFFICE_POLICY:
        return _("Office policy target: the treaty (%(citation)s) says “without delay” and sets "
                 "no figure; this due time is the office's own target, not a treaty term.") % {
            "citation": deadline.citation}
    return basis_text(deadline.basis)


def _who(deadline) -> str:
    if deadline.responsible_side == ResponsibleSide.OTHER_SIDE:
        return _("the other side")
    parts = [str(ResponsibleSide(deadline.responsible_side).label)]
    if deadline.responsible_role:
        try:
            parts.append(str(ROLE_LABELS[Role(deadline.responsible_role)]))
        except ValueError:
            parts.append(deadline.responsible_role)
    if deadline.responsible_user is not None:
        user = deadline.responsible_user
        parts.append(user.get_full_name() or user.get_username())
    return " — ".join(parts)


def _deadlines(obj: AssistanceRequest, now) -> tuple[list, list]:
    open_, past = [], []
    for deadline in obj.deadlines.all():
        view = DeadlineView(deadline=deadline, label=deadline.duty_label, basis=_basis(deadline),
                            who=_who(deadline),
                            overdue=(deadline.status == DeadlineStatus.OPEN
                                     and deadline.due_at < now)
                            or (deadline.status == DeadlineStatus.MISSED
                                and deadline.met_at is None))
        (open_ if deadline.status == DeadlineStatus.OPEN else past).append(view)
    return open_, past


@dataclass
class LogView:
    entry: object
    action: str
    from_label: str
    to_label: str
    ground: str


def _timeline(obj: AssistanceRequest) -> list[LogView]:
    transitions = _transition_labels()
    rulebook = obj.rulebook
    entries = []
    for entry in obj.log.all():
        code = (entry.details or {}).get("ground") if isinstance(entry.details, dict) else None
        ground = rulebook.refusal_ground(code) or rulebook.deferral_ground(code) if code else None
        entries.append(LogView(
            entry=entry, action=_action_label(entry.action, transitions),
            from_label=_state_label(entry.from_state), to_label=_state_label(entry.to_state),
            ground=ground.summary.text() if ground else ""))
    return entries


# Record forms only clerks may submit (the services enforce it; this only hides the links).
CLERK_ONLY_RECORDS = frozenset({
    "original", "original-update", "partial-conditional-considered", "transfer",
    "transfer-extend", "transfer-returned", "transfer-release-date", "written-confirmation"})
# Duties that outlive a closed request (CZ 10.5, SK 5.6, CZ 11.2, SK 6.2).
AFTER_CLOSURE_RECORDS = frozenset({"personal-data-deletion", "onward-transfer"})


def _record_links(obj: AssistanceRequest, user) -> dict:
    """Which record forms the page links to, section by section."""
    if not user_has_any_role(user, (Role.CLERK, Role.PROSECUTOR)):
        return {}
    clerk = user_has_any_role(user, (Role.CLERK,))
    final = obj.state in FINAL_STATES
    rulebook = obj.rulebook

    def can(kind: str) -> bool:
        return (clerk or kind not in CLERK_ONLY_RECORDS) and (
            not final or kind in AFTER_CLOSURE_RECORDS)

    links: dict[str, bool] = {
        "translation": can("translation"),
        "original": can("original") and (rulebook.originals is not None
                                         or obj.channel in {str(c) for c in TECHNICAL_CHANNELS}),
        "original-update": can("original-update"),
        "service-proof": can("service-proof"),
        "consultation": can("consultation"),
        "partial-conditional-considered": can("partial-conditional-considered") and (
            rulebook.deferral_after_partial_or_conditional_decision is not None
            and obj.direction == Direction.INCOMING),
        "item": can("item"),
        "item-returned": can("item-returned"),
        "item-waived": can("item-waived"),
        "transfer": can("transfer") and rulebook.detainee_transfer is not None,
        "transfer-extend": can("transfer-extend") and rulebook.detainee_transfer is not None
        and rulebook.detainee_transfer.max_months is not None,
        "transfer-release-date": can("transfer-release-date")
        and rulebook.detainee_transfer is not None
        and rulebook.detainee_transfer.until_release_date,
        "transfer-returned": can("transfer-returned"),
        "personal-data": can("personal-data") and rulebook.personal_data is not None,
        "personal-data-deletion": can("personal-data-deletion"),
        "onward-transfer": can("onward-transfer") and rulebook.personal_data is not None,
        "shorter-summons-term": can("shorter-summons-term")
        and rulebook.summons_lead_time is not None
        and rulebook.summons_lead_time.shorter_term_by_agreement_when_urgent
        and obj.is_urgent and obj.shorter_summons_term_agreed_on is None,
        "written-confirmation": can("written-confirmation")
        and obj.oral_request_at is not None and obj.written_confirmation_at is None
        and obj.state != RequestState.ORAL_PENDING_CONFIRMATION,
        "person-appearance-date": can("person-appearance-date"),
    }
    return {kind.replace("-", "_"): allowed for kind, allowed in links.items()}


def _contents(obj: AssistanceRequest) -> list[tuple[str, object]]:
    names = [name for name in CONTENT_FIELDS if name not in {"requesting_authority", "persons"}]
    names.insert(names.index("requested_execution_date") + 1, "requested_execution_reason")
    return [(AssistanceRequest._meta.get_field(name).verbose_name, getattr(obj, name))
            for name in names]


def _detail_context(request, obj: AssistanceRequest, *, bound: TransitionForm | None = None,
                    violations=(), errors=(), notice: str = "") -> dict:
    now = clock.now()
    rulebook = obj.rulebook
    open_deadlines, past_deadlines = _deadlines(obj, now)
    types = [(code, ASSISTANCE_TYPES[code].label.text() if code in ASSISTANCE_TYPES else code,
              rulebook.assistance_type(code))
             for code in obj.assistance_types or ()]
    decisions = []
    for decision in obj.decisions.all():
        ground = (rulebook.refusal_ground(decision.ground) or rulebook.deferral_ground(
            decision.ground)) if decision.ground else None
        decisions.append((decision, ground.summary.text() if ground else decision.ground))
    return {
        "obj": obj,
        "rulebook": rulebook,
        "instrument_status": obj.instrument.status_on(clock.today()),
        "counterpart": _counterpart(obj),
        "channel_label": CHANNEL_LABELS.get(obj.channel, obj.channel),
        "assistance_types": types,
        "contents": _contents(obj),
        "actions": _actions(obj, request.user, bound),
        "open_deadlines": open_deadlines,
        "past_deadlines": past_deadlines,
        "timeline": _timeline(obj),
        "records": _record_links(obj, request.user),
        "decisions": decisions,
        "violations": violations,
        "errors": errors,
        "notice": notice,
        "now": now,
        "item_held": ItemReturnStatus.HELD,
        "data_received": DataFlow.RECEIVED,
        "can_edit": obj.state in request_services.CONTENT_EDIT_STATES.get(obj.direction, ()),
    }


@login_required
def request_detail(request, pk: int):
    obj = _get_or_404(request.user, pk)
    return render(request, TEMPLATES + "detail.html", _detail_context(request, obj))


def _form_level_errors(form) -> list[str]:
    """Errors that belong to no visible field (the hidden version, the form as a whole): shown in
    the alert box, since a form without inputs has nowhere else to show them."""
    errors = list(form.non_field_errors())
    for bound_field in form.hidden_fields():
        errors += list(bound_field.errors)
    return errors


def _after_action(request, obj, *, status: int, bound=None, violations=(), errors=(),
                  notice: str = "", refreshed: bool = False) -> HttpResponse:
    """The answer to an action post: the workflow panel for htmx, else the full page."""
    if bound is not None:
        errors = [*errors, *_form_level_errors(bound)]
    context = _detail_context(request, obj, bound=bound, violations=violations, errors=errors,
                              notice=notice)
    if _is_htmx(request):
        context["refresh_facts"] = refreshed
        return render(request, TEMPLATES + "_action_response.html", context, status=status)
    return render(request, TEMPLATES + "detail.html", context,
                  status=403 if status == 403 else 200)


@login_required
def request_action(request, pk: int, name: str):
    """Run one transition (POST). The page's version goes with it: a request changed meanwhile
    answers "reload" and nothing changes."""
    obj = _get_or_404(request.user, pk)
    if name not in _transition_labels():
        raise Http404(_("No such action."))
    if request.method != "POST":
        return redirect(reverse("request_detail", args=[obj.pk]) + "#actions")
    option = next((o for o in request_transition_options(request=obj, user=request.user)
                   if o.name == name), None)
    if option is None:
        return _after_action(request, obj, status=409, errors=[_(
            "This action is not available in the request's current state.")])
    if not option.permitted:
        return _after_action(request, obj, status=403, errors=[ActionNotPermitted().message])
    form = TransitionForm(request.POST, request_obj=obj, name=name,
                          reason_required=option.reason_required)
    if not form.is_valid():
        return _after_action(request, obj, status=422, bound=form)
    reason, params = form.reason_and_params()
    try:
        request_transition(request_id=obj.pk, actor=request.user, name=name, reason=reason,
                           expected_version=form.expected_version, params=params)
    except RequestNotFound:
        raise Http404(_("No such request.")) from None
    except ActionNotPermitted as error:
        return _after_action(request, obj, status=403, errors=[error.message])
    except (ConcurrentModification, TransitionNotAvailable) as error:
        return _after_action(request, obj, status=409, errors=[error.message])
    except InvalidInput as error:
        form.add_service_errors(error.errors)
        return _after_action(request, obj, status=422, bound=form)
    except RuleViolation as error:
        return _after_action(request, obj, status=422, bound=form, violations=error.violations)
    done = _("%(action)s: done.") % {"action": option.label}
    if _is_htmx(request):
        fresh = _get_or_404(request.user, pk)
        return _after_action(request, fresh, status=200, notice=done, refreshed=True)
    messages.success(request, done)
    return redirect("request_detail", pk=obj.pk)


# --- recording facts ------------------------------------------------------------------------------
# kind → (service, whether it takes the request's id; otherwise the form names the row).
RECORD_SERVICES = {
    "translation": (record_services.translation_record, True),
    "original": (record_services.original_record, True),
    "original-update": (record_services.original_update, False),
    "service-proof": (record_services.service_proof_record, True),
    "consultation": (record_services.consultation_record, True),
    "partial-conditional-considered": (
        record_services.decision_record_partial_or_conditional_considered, True),
    "item": (record_services.item_record, True),
    "item-returned": (record_services.item_mark_returned, False),
    "item-waived": (record_services.item_waive_return, False),
    "transfer": (record_services.transfer_record, True),
    "transfer-extend": (record_services.transfer_extend, False),
    "transfer-returned": (record_services.transfer_mark_returned, False),
    "transfer-release-date": (record_services.transfer_set_release_date, False),
    "personal-data": (record_services.personal_data_record, True),
    "personal-data-deletion": (record_services.personal_data_record_deletion, False),
    "onward-transfer": (record_services.onward_transfer_record, False),
    "shorter-summons-term": (request_services.request_record_shorter_summons_term, True),
    "written-confirmation": (request_services.request_record_written_confirmation, True),
    "person-appearance-date": (request_services.person_set_appearance_date, False),
}


def _record_rules(kind: str, rulebook) -> list:
    """The provisions a record form is about, shown above it with their citations."""
    personal = rulebook.personal_data
    by_kind = {
        "translation": [rulebook.language],
        "original": [rulebook.originals],
        "original-update": [rulebook.originals],
        "consultation": [rulebook.refusal_consultation, rulebook.deferral_consultation],
        "partial-conditional-considered": [
            rulebook.deferral_after_partial_or_conditional_decision],
        "item": [rulebook.return_of_items],
        "item-returned": [rulebook.return_of_items],
        "item-waived": [rulebook.return_of_items],
        "transfer": [rulebook.detainee_transfer],
        "transfer-extend": [rulebook.detainee_transfer],
        "transfer-returned": [rulebook.detainee_transfer],
        "transfer-release-date": [rulebook.detainee_transfer],
        "shorter-summons-term": [rulebook.summons_lead_time],
        "person-appearance-date": [rulebook.summons_lead_time],
        "written-confirmation": [rulebook.oral_requests],
    }
    rules = [(rule.citation, rule.summary.text()) for rule in by_kind.get(kind, []) if rule]
    if personal is not None and kind in {"personal-data", "personal-data-deletion",
                                         "onward-transfer"}:
        rules = [(personal.citation, personal.summary.text())]
    return rules


@login_required
def request_record(request, pk: int, kind: str):
    """GET: the form; POST: record the fact through its service and go back to the page."""
    obj = _get_or_404(request.user, pk)
    if kind not in RECORD_FORMS:
        raise Http404(_("No such record."))
    form_class = RECORD_FORMS[kind]
    service, takes_request = RECORD_SERVICES[kind]
    violations, errors, status = [], [], 200
    if request.method == "POST":
        form = form_class(request.POST, request_obj=obj)
        if form.is_valid():
            kwargs = form.service_kwargs()
            if takes_request:
                kwargs["request_id"] = obj.pk
            try:
                service(actor=request.user, expected_version=form.expected_version, **kwargs)
            except RequestNotFound:
                raise Http404(_("No such request.")) from None
            except ActionNotPermitted as error:
                errors, status = [error.message], 403
            except ConcurrentModification as error:
                errors = [error.message]
            except InvalidInput as error:
                form.add_service_errors(error.errors)
            except RuleViolation as error:
                violations = error.violations
            else:
                messages.success(request, _("Recorded."))
                return redirect(reverse("request_detail", args=[obj.pk]) + f"#{form.section}")
    else:
        initial = {}
        if form_class.subject_field and request.GET.get(form_class.subject_field):
            initial[form_class.subject_field] = request.GET[form_class.subject_field]
        form = form_class(request_obj=obj, initial=initial)
    if form.is_bound:
        errors = [*errors, *_form_level_errors(form)]
    return render(request, TEMPLATES + "record.html", {
        "obj": obj, "form": form, "kind": kind, "violations": violations, "errors": errors,
        "rules": _record_rules(kind, obj.rulebook)}, status=status)
