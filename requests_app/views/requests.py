"""Request pages: the inbox, registering an incoming request, the request page (facts, timeline,
deadlines, actions) and the forms that record facts.

Views only translate HTTP to service calls and back. Every request shown comes through
``requests_app.access`` (via ``requests_app.selectors``): a request the user may not see answers
404 on every URL, like a missing one. Service errors map to the page in ``views.errors``, with the
API's status codes. htmx posts of an action re-render the workflow panel only; without htmx the
same URLs answer with full pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.http import HttpResponse
from django.shortcuts import redirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.http import require_POST

from treaties.models import Instrument

from .. import clock
from ..access import user_office_id
from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..exceptions import RequestNotFound
from ..forms.deadlines import DeadlineWaiveForm
from ..forms.notes import NoteForm
from ..forms.registration import RegisterIncomingForm
from ..forms.transitions import TransitionForm
from ..models import AccessChannel
from ..models import AccessKind
from ..models import AssistanceRequest
from ..models import Direction
from ..models import RequestState
from ..page_cache import kept_while_unchanged
from ..record_kinds import RECORD_KIND_BY_SLUG
from ..roles import Role
from ..roles import user_has_any_role
from ..selectors import requests as request_selectors
from ..selectors.access_log import request_access_records
from ..selectors.keyset import CURSOR_PARAMETER
from ..selectors.keyset import KeysetPage
from ..selectors.search import SEARCH_MAX_LENGTH
from ..selectors.search import clean_search_term
from ..services import notes as note_services
from ..services import requests as request_services
from ..services.access_log import may_see_access_log
from ..services.access_log import record_access
from ..services.transitions import request_transition
from ..services.transitions import request_transition_check
from ..services.waivers import deadline_waive
from ..workflow.specs import CATALOGUE
from .errors import INVALID_FORM_STATUS
from .errors import service_call
from .request_page import counterpart
from .request_page import detail_context
from .request_page import references_form_for

TEMPLATES = "requests_app/requests/"
ALMATY_FORMAT = "d.m.Y H:i"
ACCESS_LOG_PAGE_SIZE = 50


# --- small helpers --------------------------------------------------------------------------------
def _get_or_404(user, pk) -> AssistanceRequest:
    try:
        return request_selectors.request_detail(user=user, request_id=pk)
    except RequestNotFound:
        raise Http404(_("No such request.")) from None


def _is_htmx(request) -> bool:
    return bool(getattr(request, "htmx", False))


# --- inbox ----------------------------------------------------------------------------------------
def _inbox_filters(params) -> request_selectors.InboxFilters:
    direction = params.get("direction", "")
    state = params.get("state", "")
    stage = params.get("stage", "")
    if stage not in request_selectors.STAGE_BY_KEY and stage not in (request_selectors.OPEN_WORK, request_selectors.ALL):
        # A state filter looks through every stage unless a tab was chosen.
        stage = request_selectors.ALL if state in RequestState.values else request_selectors.OPEN_WORK
    return request_selectors.InboxFilters(
        stage=stage,
        direction=direction if direction in Direction.values else "",
        instrument=params.get("instrument", "")[:40],
        state=state if state in RequestState.values else "",
        overdue=params.get("overdue") in ("1", "on", "true"),
        # Checked by ``request_list`` (``clean_search_term``), as the API checks it.
        q=params.get("q", ""),
    )


def _query(filters: request_selectors.InboxFilters, **override) -> str:
    values = {"stage": filters.stage, "direction": filters.direction,
              "instrument": filters.instrument, "state": filters.state,
              "overdue": "1" if filters.overdue else "", "q": filters.q, **override}
    return urlencode({k: v for k, v in values.items() if v})


_STATE_LABELS = dict(RequestState.choices)


@dataclass
class InboxRow:
    request: AssistanceRequest
    stage: request_selectors.Stage | None
    counterpart: object
    next_deadline: object
    next_overdue: bool
    # The first row of its stage on the page: the stage's heading goes above it.
    starts_stage: bool = True
    # The state's name (``get_state_display`` rebuilds the choices' mapping on every call).
    state_label: object = ""


def _tab_count(counts: dict[str, request_selectors.StageCount] | None,
               key: str) -> request_selectors.StageCount:
    return counts[key] if counts else request_selectors.StageCount(0)


@login_required
@kept_while_unchanged
def request_list(request):
    """The inbox: the requests the user may see, by stage, filtered, 50 at a time with "Show
    more" (keyset pagination: a page deep in the inbox costs what the first costs)."""
    now = clock.now()
    filters = _inbox_filters(request.GET)
    search_error, status = "", 200
    try:
        filters = replace(filters, q=clean_search_term(filters.q))
    except InvalidInput as error:
        # The page says what is wrong with the search and lists nothing rather than a search
        # that was not asked for.
        search_error, status = error.errors["q"], InvalidInput.http_status
        filters = replace(filters, q="")
    cursor = request.GET.get(CURSOR_PARAMETER) or None
    cursor_error = ""
    page = KeysetPage[AssistanceRequest](rows=[], next_cursor=None)
    if not search_error:
        try:
            page = request_selectors.inbox_page(user=request.user, filters=filters, now=now,
                                                cursor=cursor)
        except InvalidInput as error:
            cursor_error, status = error.errors[CURSOR_PARAMETER], InvalidInput.http_status
    rows = []
    # A page that continues the list starts under the stage heading the previous one showed.
    previous_stage = page.after[0] if page.after else None
    for obj in page.rows:
        upcoming = obj.pending_deadlines[0] if obj.pending_deadlines else None
        rows.append(InboxRow(
            request=obj, stage=request_selectors.STAGE_OF_STATE.get(obj.state),
            counterpart=counterpart(obj), next_deadline=upcoming,
            next_overdue=bool(upcoming and upcoming.is_overdue(now, request_state=obj.state)),
            starts_stage=obj.stage_order != previous_stage,
            state_label=_STATE_LABELS.get(obj.state, obj.state)))
        previous_stage = obj.stage_order
    context = {
        "filters": filters,
        "rows": rows,
        "page": page,
        "continued": bool(cursor) and not cursor_error,
        "page_query": _query(filters),
        "search_error": search_error,
        "cursor_error": cursor_error,
        "cursor_parameter": CURSOR_PARAMETER,
    }
    if _is_htmx(request) and request.htmx.target == "inbox-more":
        # "Show more": the next rows, appended to the table, and the next "Show more".
        return render(request, TEMPLATES + "_inbox_more.html", context, status=status)
    counts = (None if search_error else request_selectors.inbox_stage_counts(
        user=request.user, filters=filters, now=now))
    tabs = [{"key": request_selectors.OPEN_WORK, "label": _("All open work"), "help": "",
             "count": _tab_count(counts, request_selectors.OPEN_WORK)}]
    tabs += [{"key": s.key, "label": s.label, "help": s.help, "count": _tab_count(counts, s.key)}
             for s in request_selectors.STAGES]
    tabs.append({"key": request_selectors.ALL, "label": _("All"), "help": "",
                 "count": _tab_count(counts, request_selectors.ALL)})
    for tab in tabs:
        tab["query"] = _query(filters, stage=tab["key"])
        tab["current"] = tab["key"] == filters.stage
    context.update({
        "tabs": tabs,
        "current_count": _tab_count(counts, filters.stage),
        "instrument_choices": [(slug, slug) for slug in Instrument.objects.order_by("slug")
                               .values_list("slug", flat=True)],
        "states": RequestState.choices,
        "directions": Direction.choices,
        "can_register": user_has_any_role(request.user, (Role.CLERK,)),
        "search_max_length": SEARCH_MAX_LENGTH,
    })
    if _is_htmx(request) and request.htmx.target == "inbox-results":
        return render(request, TEMPLATES + "_inbox_results.html", context, status=status)
    return render(request, TEMPLATES + "list.html", context, status=status)


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
        status = INVALID_FORM_STATUS
        if form.is_valid():
            with service_call(form) as call:
                created = request_services.request_register_incoming(
                    actor=request.user, **form.service_kwargs())
            if not call.failed:
                messages.success(request, _("Registered as %(reference)s.")
                                 % {"reference": created.reference})
                return redirect("request_detail", pk=created.pk)
            if call.status == 403:
                raise PermissionDenied(call.messages[0])
            violations, status = call.violations, call.status
    else:
        initial = {}
        # An instrument chosen after the other side's authority keeps it where the new
        # instrument has it too (the field is swapped out of band).
        for name in ("instrument", "request_language", "requesting_authority"):
            if request.GET.get(name):
                initial[name] = request.GET[name]
        form = RegisterIncomingForm(initial=initial, user_office_id=office)
        if _is_htmx(request) and request.htmx.target == "assistance-types":
            # The instrument changed: offer its assistance types, the other party's
            # authorities and the languages (swapped out of band).
            return render(request, TEMPLATES + "_register_instrument.html", {"form": form})
    return render(request, TEMPLATES + "register.html",
                  {"form": form, "violations": violations}, status=status)


# --- the request page -----------------------------------------------------------------------------
@login_required
def request_detail(request, pk: int):
    """The request page. A full GET of it is a look at the request and is recorded (who looked,
    ``services.access_log``) once it is rendered; an htmx GET swaps in a fragment of a page already
    looked at and is not."""
    obj = _get_or_404(request.user, pk)
    response = render(request, TEMPLATES + "detail.html", detail_context(request, obj))
    if request.method == "GET" and not _is_htmx(request):
        record_access(user=request.user, request_id=obj.pk, what=AccessKind.REQUEST_VIEWED,
                      channel=AccessChannel.WEB)
    return response


@login_required
@require_GET
def request_access_log(request, pk: int):
    """Who looked at the request, newest first, 50 a page: supervisors only (403 for anyone
    else, before the request is even looked up)."""
    if not may_see_access_log(request.user):
        raise PermissionDenied(_("Only supervisors see who looked at a request."))
    obj = _get_or_404(request.user, pk)
    page = Paginator(request_access_records(obj.pk), ACCESS_LOG_PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, TEMPLATES + "access_log.html", {"obj": obj, "page": page})


@login_required
def request_note_add(request, pk: int):
    """POST: add an internal note (``services.notes.note_add``) and go back to the notes;
    an invalid note shows the page again with the note kept and the error by the field."""
    obj = _get_or_404(request.user, pk)
    notes_url = reverse("request_detail", args=[obj.pk]) + "#notes"
    if request.method != "POST":
        return redirect(notes_url)
    form = NoteForm(request.POST)
    if form.is_valid():
        with service_call(form) as call:
            note_services.note_add(actor=request.user, request_id=obj.pk,
                                   text=form.cleaned_data["text"])
        if not call.failed:
            messages.success(request, _("Note added."))
            return redirect(notes_url)
        status = call.status
    else:
        status = INVALID_FORM_STATUS
    return render(request, TEMPLATES + "detail.html",
                  detail_context(request, obj, note_form=form), status=status)


@login_required
def request_references(request, pk: int):
    """POST: change the other side's reference (and the case number while the contents may
    change) through ``request_update``, with the version the page showed."""
    obj = _get_or_404(request.user, pk)
    if request.method != "POST":
        return redirect(reverse("request_detail", args=[obj.pk]) + "#references")
    form = references_form_for(obj, request.user, request.POST)
    if form is None:
        raise PermissionDenied(ActionNotPermitted().message)
    status, errors = INVALID_FORM_STATUS, []
    if form.is_valid():
        changes = form.changes()
        if not changes:
            return redirect(reverse("request_detail", args=[obj.pk]) + "#references")
        with service_call(form) as call:
            request_services.request_update(actor=request.user, request_id=obj.pk,
                                            expected_version=form.cleaned_data["version"],
                                            **changes)
        if not call.failed:
            messages.success(request, _("References saved."))
            return redirect(reverse("request_detail", args=[obj.pk]) + "#references")
        status, errors = call.status, list(call.messages)
    errors += [e for e in _form_level_errors(form) if e not in errors]
    context = detail_context(request, obj, references_form=form, errors=errors)
    return render(request, TEMPLATES + "detail.html", context, status=status)


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
    context = detail_context(request, obj, bound=bound, violations=violations, errors=errors,
                             notice=notice)
    if _is_htmx(request):
        context["refresh_facts"] = refreshed
        return render(request, TEMPLATES + "_action_response.html", context, status=status)
    return render(request, TEMPLATES + "detail.html", context, status=status)


@login_required
def request_action(request, pk: int, name: str):
    """Run one transition (POST). The page's version goes with it: a request changed meanwhile
    answers "reload" and nothing changes."""
    obj = _get_or_404(request.user, pk)
    if name not in CATALOGUE:
        raise Http404(_("No such action."))
    if request.method != "POST":
        return redirect(reverse("request_detail", args=[obj.pk]) + "#actions")
    with service_call() as check:
        option = request_transition_check(request=obj, user=request.user, name=name)
    if check.failed:
        return _after_action(request, obj, status=check.status, errors=check.messages)
    if not option.permitted:
        return _after_action(request, obj, status=ActionNotPermitted.http_status,
                             errors=[ActionNotPermitted().message])
    form = TransitionForm(request.POST, request_obj=obj, spec=option.spec)
    if not form.is_valid():
        return _after_action(request, obj, status=INVALID_FORM_STATUS, bound=form)
    reason, params = form.reason_and_params()
    with service_call(form) as call:
        request_transition(request_id=obj.pk, actor=request.user, name=name, reason=reason,
                           expected_version=form.expected_version, params=params)
    if call.failed:
        return _after_action(request, obj, status=call.status, bound=form,
                             violations=call.violations, errors=call.messages)
    done = option.spec.past_label(option.side)
    if _is_htmx(request):
        fresh = _get_or_404(request.user, pk)
        return _after_action(request, fresh, status=200, notice=done, refreshed=True)
    messages.success(request, done)
    return redirect("request_detail", pk=obj.pk)


# --- recording facts ------------------------------------------------------------------------------
@login_required
def request_record(request, pk: int, kind: str):
    """GET: the form; POST: record the fact through its service and go back to the page."""
    obj = _get_or_404(request.user, pk)
    record_kind = RECORD_KIND_BY_SLUG.get(kind)
    if record_kind is None:
        raise Http404(_("No such record."))
    form_class = record_kind.form
    violations, errors, status = [], [], 200
    if request.method == "POST":
        form = form_class(request.POST, request_obj=obj)
        status = INVALID_FORM_STATUS
        if form.is_valid():
            kwargs = form.service_kwargs()
            if record_kind.takes_request:
                kwargs["request_id"] = obj.pk
            with service_call(form) as call:
                record_kind.service(actor=request.user, expected_version=form.expected_version,
                                    **kwargs)
            if not call.failed:
                messages.success(request, _("Recorded."))
                return redirect(reverse("request_detail", args=[obj.pk]) + f"#{form.section}")
            violations, errors, status = call.violations, call.messages, call.status
    else:
        initial = {}
        if form_class.subject_field and request.GET.get(form_class.subject_field):
            initial[form_class.subject_field] = request.GET[form_class.subject_field]
        form = form_class(request_obj=obj, initial=initial)
    if form.is_bound:
        errors = [*errors, *_form_level_errors(form)]
    return render(request, TEMPLATES + "record.html", {
        "obj": obj, "form": form, "kind": kind, "violations": violations, "errors": errors,
        "rules": record_kind.provisions(obj.rulebook)}, status=status)


@login_required
@require_POST
def deadline_waive_view(request, pk: int, deadline_id: int):
    """A supervisor waives a missed deadline of the request, with a reason."""
    obj = _get_or_404(request.user, pk)
    if not obj.deadlines.filter(pk=deadline_id).exists():
        raise Http404(_("No such deadline."))
    form = DeadlineWaiveForm(request.POST)
    errors: list[str] = []
    if form.is_valid():
        with service_call(form) as call:
            deadline_waive(actor=request.user, deadline_id=deadline_id,
                           reason=form.cleaned_data["reason"],
                           expected_version=form.cleaned_data["version"])
        if not call.failed:
            messages.success(request, _("The missed deadline is waived."))
            return redirect(reverse("request_detail", args=[obj.pk]) + "#deadlines")
        return _after_action(request, obj, status=call.status,
                             violations=call.violations, errors=call.messages)
    errors = [f"{form[name].label}: {message}" if name in form.fields else str(message)
              for name, messages_ in form.errors.items() for message in messages_]
    return _after_action(request, obj, status=INVALID_FORM_STATUS, errors=errors)
