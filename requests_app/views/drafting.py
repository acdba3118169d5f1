"""Drafting an outgoing request: choosing the state and the instrument in force, editing the
contents next to the instrument's rules, the live completeness checklist, persons, translations,
attachments and the formal request letter.

Views translate HTTP to service calls and back. Which instrument applies, what is mandatory and
whether the draft is complete are answered by the rulebook and the pure guard functions on
``request_facts``; every request is read through ``requests_app.access`` (missing and forbidden
both answer 404).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import FileResponse
from django.http import Http404
from django.http import HttpResponse
from django.shortcuts import redirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.http import require_POST

from .. import clock
from ..access import access_request_by_id
from ..documents import letters
from ..exceptions import ConcurrentModification
from ..forms.drafting import DRAFT_STEP_BY_SLUG
from ..forms.drafting import DRAFT_STEPS
from ..forms.drafting import OFFENCE_FIELDS
from ..forms.drafting import PERSON_FORM_FIELDS
from ..forms.drafting import AttachmentForm
from ..forms.drafting import DraftStep
from ..forms.drafting import PersonForm
from ..forms.drafting import RequestContentForm
from ..forms.drafting import RequestCreateForm
from ..forms.drafting import SubmitForReviewForm
from ..forms.drafting import TranslationForm
from ..models import FINAL_STATES
from ..models import AccessChannel
from ..models import AccessKind
from ..models import AssistanceRequest
from ..models import Attachment
from ..models import Direction
from ..models import RequestState
from ..models import ResponsibleSide
from ..models import TreatyDuty
from ..roles import Role
from ..roles import user_has_any_role
from ..selectors.people import returned_for_revision
from ..services.access_log import record_access
from ..services.access_log import record_attachment_access
from ..services.attachments import attachment_add
from ..services.records import translation_record
from ..services.requests import person_add
from ..services.requests import person_remove
from ..services.requests import person_update
from ..services.requests import request_create_draft
from ..services.requests import request_update
from ..services.transitions import request_transition
from .drafting_rules import checklist
from .drafting_rules import field_notes
from .drafting_rules import instrument_panel
from .drafting_rules import rule_note
from .errors import INVALID_FORM_STATUS
from .errors import ServiceCall
from .errors import domain_errors_as_pages
from .errors import service_call

DRAFTERS = (Role.PROSECUTOR, Role.CLERK)
# Everything the edit page and the checklist read about a request, loaded once.
REQUEST_RELATIONS = ("persons", "translations", "originals", "consultations", "decisions",
                     "items", "transfers", "personal_data_transfers")


# --- plumbing ----------------------------------------------------------------------------------
def _require_drafter(user) -> None:
    if not user_has_any_role(user, DRAFTERS):
        raise PermissionDenied(_("Your role does not allow drafting requests."))


def _visible(user, pk: int, *, relations: tuple[str, ...] = ()) -> AssistanceRequest:
    obj = access_request_by_id(user=user, request_id=pk)
    if relations:
        prefetch_related_objects([obj], *relations)
    return obj


def _is_draft(obj: AssistanceRequest) -> bool:
    return obj.direction == Direction.OUTGOING and obj.state == RequestState.DRAFTING


def _version(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _htmx(request) -> bool:
    return bool(getattr(request, "htmx", False))


def _overlay_unsaved(obj: AssistanceRequest, data) -> bool:
    """Put the values typed but not yet saved onto the (unsaved) request, so the checklist
    reflects the form as it stands. Only the step's fields are read (``_step`` in the data;
    all fields without it); fields that do not parse keep their saved value."""
    step = DRAFT_STEP_BY_SLUG.get(data.get("_step") or "")
    form = RequestContentForm(data, request=obj, step=step)
    form.is_valid()
    changed = False
    for name in form.field_names:
        # Who signs has no bearing on the checklist (and is a relation, not a value).
        if name == "signatory":
            continue
        if name in form.cleaned_data and name not in form.errors:
            if getattr(obj, name) != form.cleaned_data[name]:
                setattr(obj, name, form.cleaned_data[name])
                changed = True
    return changed


# --- creating a draft --------------------------------------------------------------------------
def _create_context(form: RequestCreateForm, violations=()) -> dict:
    chosen = form.chosen
    # Choosing the state, stating the offence or picking an instrument asks the resolver again
    # (the panel is re-rendered with what was typed so far).
    resolve = {"hx-get": reverse("instrument_for_state"), "hx-target": "#instrument-panel",
               "hx-trigger": "change", "hx-swap": "innerHTML", "hx-include": "closest form"}
    for name in ("requested_state", *OFFENCE_FIELDS):
        form.fields[name].widget.attrs.update(resolve)
    type_note = None
    if chosen:
        rulebook = chosen.rulebook
        type_note = rule_note(rulebook.excludes_legal_assistance or rulebook.scope)
    return {
        "form": form,
        "panel_type_notes": [type_note] if type_note else [],
        "violations": violations,
        "panel": instrument_panel(chosen.rulebook, chosen.verdict) if chosen else None,
        "options": form.options,
        "resolve_attrs": resolve,
        "no_instrument": form.no_instrument_in_force,
        "no_instrument_message": form.no_instrument_message() if form.no_instrument_in_force else "",
    }


def _state_param(request) -> str:
    return (request.GET.get("state") or request.GET.get("requested_state") or "").upper()


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors_as_pages
def request_create(request):
    """Pick the requested state; the instrument in force with it is proposed, and only its
    assistance types, authorities and rules are offered. Creates the draft and opens it."""
    _require_drafter(request.user)
    today = clock.today()
    violations = []
    status = 200
    if request.method == "POST":
        form = RequestCreateForm(request.POST, today=today)
        status = INVALID_FORM_STATUS
        if form.is_valid():
            with service_call(form, aliases={"instrument": "requested_state"}) as call:
                draft = request_create_draft(actor=request.user, **form.service_kwargs())
            if not call.failed:
                messages.success(request, _("Draft %(reference)s created. Fill in the contents "
                                            "the instrument requires.")
                                 % {"reference": draft.reference})
                return redirect("request_edit", draft.pk)
            violations, status = call.violations, call.status
    else:
        form = RequestCreateForm(today=today, state_code=_state_param(request))
    return render(request, "requests_app/drafting/create.html", _create_context(form, violations),
                  status=status)


@login_required
@require_http_methods(["GET"])
@domain_errors_as_pages
def instrument_for_state(request):
    """htmx: the instrument proposed for ``?state=XX`` with its types, authorities and rules."""
    _require_drafter(request.user)
    state = _state_param(request)
    if not _htmx(request):
        return redirect(f"{reverse('request_create')}?state={state}")
    form = RequestCreateForm(today=clock.today(), state_code=state, preview=request.GET)
    return render(request, "requests_app/drafting/_instrument.html", _create_context(form))


# --- editing a draft, in steps ------------------------------------------------------------------
@dataclass(frozen=True)
class StepStatus:
    """One step as the step navigation shows it: done, missing something, or nothing to check."""

    step: DraftStep
    url: str
    status: str  # ok, missing, none
    current: bool
    number: int


def _step_statuses(obj: AssistanceRequest, draft_checklist: dict,
                   current: DraftStep | None) -> list[StepStatus]:
    """Each step's completeness from the checklist (``request_readiness``): a step is missing
    something when a mandatory content item among its fields is missing, the persons step when
    a summons is blocked, the documents step when a translation is missing, the review step
    when anything is."""
    missing = {item.field for item in draft_checklist["contents"] if item.status == "missing"}
    if not draft_checklist["translation_ok"]:
        missing.add("translation")
    if any(not s.ok for s in draft_checklist["summonses"]):
        missing.add("persons")
    statuses = []
    for number, step in enumerate(DRAFT_STEPS, start=1):
        fields = {*step.fields, *step.covers}
        if step.slug == "review":
            status = "ok" if draft_checklist["complete"] else "missing"
        elif fields & missing:
            status = "missing"
        else:
            status = "ok" if fields else "none"
        statuses.append(StepStatus(step, reverse("request_edit_step", args=[obj.pk, step.slug]),
                                   status, step is current, number))
    return statuses


def _first_incomplete_step(obj: AssistanceRequest) -> DraftStep:
    persons = list(obj.persons.all())
    statuses = _step_statuses(obj, checklist(obj, persons, clock.today()), None)
    return next((s.step for s in statuses if s.status == "missing"), DRAFT_STEPS[-1])


def _edit_context(request, obj: AssistanceRequest, *, step: DraftStep | None = None,
                  content_form=None, person_form=None, person_forms=None,
                  translation_form=None, attachment_form=None, submit_form=None,
                  violations=(), conflict: bool = False) -> dict:
    today = clock.today()
    persons = list(obj.persons.all())
    draft_checklist = checklist(obj, persons, today)
    facts = draft_checklist["facts"]
    rulebook = obj.rulebook
    content_form = content_form or RequestContentForm(request=obj, step=step)
    notes = field_notes(rulebook, facts)
    groups = [(title, [(bound, notes.get(bound.name, [])) for bound in fields])
              for title, fields in content_form.groups()]
    version = obj.version
    person_forms = person_forms or {}
    statuses = _step_statuses(obj, draft_checklist, step)
    index = DRAFT_STEPS.index(step) if step is not None else -1
    return {
        "obj": obj,
        "step": step,
        "steps": statuses,
        "step_status": statuses[index] if step is not None else None,
        "next_step": DRAFT_STEPS[index + 1] if 0 <= index < len(DRAFT_STEPS) - 1 else None,
        "previous_step": DRAFT_STEPS[index - 1] if index > 0 else None,
        "rulebook": rulebook,
        "panel": instrument_panel(rulebook, obj.instrument_status_on(today), facts),
        "content_form": content_form,
        "has_content_fields": bool(content_form.field_names),
        "groups": groups,
        "type_options": content_form.type_options,
        "type_notes": notes.get("assistance_types", []),
        "persons_notes": notes.get("persons", []),
        "appearance_notes": notes.get("appearance_date", []),
        "person_form": person_form or PersonForm(initial={"version": version}),
        "person_rows": [(p, person_forms.get(p.pk) or PersonForm(
            prefix=f"person-{p.pk}", initial={**_person_initial(p), "version": version}))
            for p in persons],
        "translation_form": translation_form or TranslationForm(request=obj,
                                                                initial={"version": version}),
        "attachment_form": attachment_form or AttachmentForm(initial={"version": version}),
        "submit_form": submit_form or SubmitForReviewForm(initial={"version": version}),
        "persons": persons,
        "translations": list(obj.translations.all()),
        "attachments": list(obj.attachments.all()),
        "checklist": draft_checklist,
        "violations": violations,
        "conflict": conflict,
        "letter_languages": letters.LETTER_LANGUAGES,
    }


def _person_initial(person) -> dict:
    return {name: getattr(person, name) for name in PERSON_FORM_FIELDS}


def _edit_relations() -> tuple[str, ...]:
    return (*REQUEST_RELATIONS, "attachments__uploaded_by")


def _render_edit(request, obj, status: int = 200, step: DraftStep | None = None, **forms):
    context = _edit_context(request, obj, step=step, **forms)
    # Why a supervisor sent the draft back, while it is back in drafting (``_returned.html``).
    context["returned"] = returned_for_revision(obj)
    return render(request, "requests_app/drafting/step.html", context, status=status)


def _editable_draft(request, pk: int):
    """The draft, or a redirect to the request page when it is no longer one."""
    obj = _visible(request.user, pk, relations=_edit_relations())
    _require_drafter(request.user)
    if not _is_draft(obj):
        messages.info(request, _("This request is no longer a draft; its contents cannot be "
                                 "edited here."))
        return obj, redirect("request_detail", obj.pk)
    return obj, None


def _step_url(obj, step: DraftStep, anchor: str = "") -> str:
    return reverse("request_edit_step", args=[obj.pk, step.slug]) + (f"#{anchor}" if anchor
                                                                       else "")


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors_as_pages
def request_edit(request, pk: int):
    """The draft as one address: opens its first step with something missing (the review when
    nothing is). A POST of the whole contents (all fields, as before the steps) or of a
    translation is still accepted."""
    obj, elsewhere = _editable_draft(request, pk)
    if elsewhere is not None:
        return elsewhere
    if request.method == "GET":
        return redirect(_step_url(obj, _first_incomplete_step(obj)))
    if request.POST.get("_form") == "translation":
        return _post_translation(request, obj, DRAFT_STEP_BY_SLUG["documents"])
    return _post_contents(request, obj, None)


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors_as_pages
def request_edit_step(request, pk: int, step: str):
    """One step of drafting: its form (saved through ``request_update``), the persons (added,
    corrected, removed one at a time: the persons step holds nothing else), the translations and
    attachments, or the review with the submission; the live checklist beside every step."""
    current = DRAFT_STEP_BY_SLUG.get(step)
    if current is None:
        raise Http404(_("No such step."))
    obj, elsewhere = _editable_draft(request, pk)
    if elsewhere is not None:
        return elsewhere
    if request.method == "GET":
        return _render_edit(request, obj, step=current)
    form_name = request.POST.get("_form", "contents")
    if form_name == "translation" and current.slug == "documents":
        return _post_translation(request, obj, current)
    if form_name in ("person_add", "person_update", "person_remove") and current.slug == "persons":
        return _post_person(request, obj, current, form_name)
    if form_name == "submit" and current.slug == "review":
        return _post_submit(request, obj, current)
    if form_name == "contents" and current.fields:
        return _post_contents(request, obj, current)
    raise Http404(_("No such form on this step."))


def _failed_edit(request, obj, call: ServiceCall, form_name: str, form,
                 step: DraftStep | None = None, **extra) -> HttpResponse:
    """The step again after a service refused a change: the form with its errors, the rules
    that blocked it, or "changed meanwhile" (409) with the form kept."""
    conflict = isinstance(call.error, ConcurrentModification)
    if conflict:
        form.add_error(None, call.messages[0])
    return _render_edit(request, obj, status=call.status, step=step, violations=call.violations,
                        conflict=conflict, **{form_name: form}, **extra)


def _after_save(request, obj, step: DraftStep | None) -> HttpResponse:
    if step is None:
        return redirect(_step_url(obj, _first_incomplete_step(obj)))
    if request.POST.get("_continue"):
        index = DRAFT_STEPS.index(step)
        return redirect(_step_url(obj, DRAFT_STEPS[min(index + 1, len(DRAFT_STEPS) - 1)]))
    return redirect(_step_url(obj, step, "checklist"))


def _post_contents(request, obj, step: DraftStep | None):
    form = RequestContentForm(request.POST, request=obj, step=step)
    if not form.is_valid():
        return _render_edit(request, obj, status=INVALID_FORM_STATUS, step=step,
                            content_form=form)
    changes = form.changes()
    if not changes:
        if not request.POST.get("_continue"):
            messages.info(request, _("Nothing changed."))
        return _after_save(request, obj, step)
    with service_call(form) as call:
        request_update(actor=request.user, request_id=obj.pk,
                       expected_version=form.cleaned_data["version"], **changes)
    if call.failed:
        return _failed_edit(request, obj, call, "content_form", form, step)
    messages.success(request, _("Saved."))
    return _after_save(request, obj, step)


def _post_translation(request, obj, step: DraftStep):
    form = TranslationForm(request.POST, request=obj)
    if not form.is_valid():
        return _render_edit(request, obj, status=INVALID_FORM_STATUS, step=step,
                            translation_form=form)
    with service_call(form) as call:
        translation_record(actor=request.user, request_id=obj.pk,
                           expected_version=form.cleaned_data["version"], **form.service_kwargs())
    if call.failed:
        return _failed_edit(request, obj, call, "translation_form", form, step)
    messages.success(request, _("Translation recorded."))
    return redirect(_step_url(obj, step, "translations"))


def _post_person(request, obj, step: DraftStep, form_name: str):
    """Add, correct or remove one person; the other persons and the other steps are untouched."""
    if form_name == "person_add":
        form = PersonForm(request.POST)
        if not form.is_valid():
            return _render_edit(request, obj, status=INVALID_FORM_STATUS, step=step,
                                person_form=form)
        with service_call(form) as call:
            person_add(actor=request.user, request_id=obj.pk,
                       expected_version=form.cleaned_data["version"], **form.service_kwargs())
        if call.failed:
            return _failed_edit(request, obj, call, "person_form", form, step)
        messages.success(request, _("Person added."))
        return redirect(_step_url(obj, step, "persons"))
    person_id = _version(request.POST.get("person"))
    person = next((p for p in obj.persons.all() if p.pk == person_id), None)
    if person is None:
        raise Http404(_("No such person on this request."))
    if form_name == "person_remove":
        with service_call() as call:
            person_remove(actor=request.user, person_id=person.pk,
                          expected_version=_version(request.POST.get("version")))
        if call.failed:
            messages.error(request, "; ".join(call.messages))
        else:
            messages.success(request, _("Person removed."))
        return redirect(_step_url(obj, step, "persons"))
    form = PersonForm(request.POST, prefix=f"person-{person.pk}",
                      initial={**_person_initial(person), "version": obj.version})
    if not form.is_valid():
        return _render_edit(request, obj, status=INVALID_FORM_STATUS, step=step,
                            person_forms={person.pk: form})
    changes = {name: form.cleaned_data[name] for name in form.changed_data
               if name in PERSON_FORM_FIELDS}
    if changes:
        with service_call(form) as call:
            person_update(actor=request.user, person_id=person.pk,
                          expected_version=form.cleaned_data["version"], **changes)
        if call.failed:
            conflict = isinstance(call.error, ConcurrentModification)
            if conflict:
                form.add_error(None, call.messages[0])
            return _render_edit(request, obj, status=call.status, step=step,
                                violations=call.violations, conflict=conflict,
                                person_forms={person.pk: form})
        messages.success(request, _("Person corrected."))
    return redirect(_step_url(obj, step, f"person-{person.pk}"))


def _post_submit(request, obj, step: DraftStep):
    """Submit for review through the transition service: refused (422) with the checklist while
    something is missing, unless overridden with a reason (office policy)."""
    form = SubmitForReviewForm(request.POST)
    if not form.is_valid():
        return _render_edit(request, obj, status=INVALID_FORM_STATUS, step=step,
                            submit_form=form)
    with service_call(form) as call:
        request_transition(request_id=obj.pk, actor=request.user, name="submit_for_review",
                           expected_version=form.cleaned_data["version"],
                           params=form.params())
    if call.failed:
        return _failed_edit(request, obj, call, "submit_form", form, step)
    messages.success(request, _("Submitted for review."))
    return redirect("request_detail", obj.pk)


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors_as_pages
def request_checklist(request, pk: int):
    """htmx: the live completeness checklist. GET shows the saved draft; POST (the step form's
    current values, nothing saved) shows the draft as it would be after saving."""
    obj = _visible(request.user, pk, relations=REQUEST_RELATIONS)
    unsaved = request.method == "POST" and _overlay_unsaved(obj, request.POST)
    context = {"obj": obj, "checklist": checklist(obj, list(obj.persons.all()), clock.today()),
               "unsaved": unsaved}
    if _htmx(request):
        return render(request, "requests_app/drafting/_checklist.html", context)
    return render(request, "requests_app/drafting/checklist.html", context)


@login_required
@require_POST
@domain_errors_as_pages
def person_add_view(request, pk: int):
    """Add a person (to serve, hear, locate or transfer) with an appearance date if summoned."""
    obj = _visible(request.user, pk, relations=_edit_relations())
    form = PersonForm(request.POST)
    draft = _is_draft(obj)
    persons_step = DRAFT_STEP_BY_SLUG["persons"]
    if not form.is_valid():
        if draft:
            return _render_edit(request, obj, status=INVALID_FORM_STATUS, step=persons_step,
                                person_form=form)
        messages.error(request, _("The person could not be added; check the form."))
        return redirect("request_detail", obj.pk)
    with service_call(form) as call:
        person_add(actor=request.user, request_id=obj.pk,
                   expected_version=form.cleaned_data["version"], **form.service_kwargs())
    if call.failed and draft:
        return _failed_edit(request, obj, call, "person_form", form, persons_step)
    if call.failed:
        messages.error(request, "; ".join([*call.messages, *(
            str(e) for errs in form.errors.values() for e in errs)]))
        return redirect("request_detail", obj.pk)
    messages.success(request, _("Person added."))
    if draft:
        return redirect(_step_url(obj, persons_step, "persons"))
    return redirect("request_detail", obj.pk)


# --- attachments -------------------------------------------------------------------------------
def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return fallback


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors_as_pages
def attachment_upload(request, pk: int):
    """List a request's attachments and add one (multipart POST). Size, extension and content
    are checked by the service; errors appear next to the file field."""
    obj = _visible(request.user, pk, relations=_edit_relations())
    draft = _is_draft(obj)
    if request.method == "GET":
        return render(request, "requests_app/drafting/attachments.html",
                      {"obj": obj, "attachments": list(obj.attachments.all()),
                       "form": AttachmentForm(initial={"version": obj.version}),
                       "closed": obj.state in FINAL_STATES})
    form = AttachmentForm(request.POST, request.FILES)
    violations: list = []
    status = INVALID_FORM_STATUS
    if form.is_valid():
        with service_call(form) as call:
            attachment_add(actor=request.user, request_id=obj.pk, kind=form.cleaned_data["kind"],
                           uploaded_file=form.cleaned_data["uploaded_file"],
                           expected_version=form.cleaned_data["version"])
        if not call.failed:
            messages.success(request, _("File attached."))
            fallback = (_step_url(obj, DRAFT_STEP_BY_SLUG["documents"], "attachments")
                        if draft else reverse("attachment_upload", args=[obj.pk]))
            return redirect(_safe_next(request, fallback))
        if draft:
            return _failed_edit(request, obj, call, "attachment_form", form,
                                DRAFT_STEP_BY_SLUG["documents"])
        if isinstance(call.error, ConcurrentModification):
            form.add_error(None, call.messages[0])
        violations, status = call.violations, call.status
    if draft:
        return _render_edit(request, obj, status=status, step=DRAFT_STEP_BY_SLUG["documents"],
                            attachment_form=form)
    # A refused upload from the request page's documents panel keeps its way back there.
    return render(request, "requests_app/drafting/attachments.html",
                  {"obj": obj, "attachments": list(obj.attachments.all()), "form": form,
                   "violations": violations, "closed": obj.state in FINAL_STATES,
                   "next": _safe_next(request, "")},
                  status=status)


@login_required
@require_http_methods(["GET"])
@domain_errors_as_pages
def attachment_download(request, pk: int):
    """The file, to whoever may see its request; always as a download, never rendered inline."""
    attachment = Attachment.objects.filter(pk=pk).first()
    if attachment is None:
        raise Http404(_("No such attachment."))
    access_request_by_id(user=request.user, request_id=attachment.request_id)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404(_("The file is missing from storage.")) from None
    record_attachment_access(user=request.user, attachment=attachment,
                             channel=AccessChannel.WEB)
    return FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                        content_type=attachment.content_type)


# --- letters -----------------------------------------------------------------------------------
def _letter_response(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    return response


def _letter(request, pk: int) -> letters.Letter:
    obj = _visible(request.user, pk, relations=("persons", "translations"))
    return letters.letter_build(obj, language=letters.letter_language(request.GET.get("lang")))


def _letter_download(request, pk: int, content: bytes, content_type: str, filename: str,
                     *, what: AccessKind = AccessKind.LETTER_DOWNLOADED,
                     object_id: int | None = None) -> HttpResponse:
    """The letter as a download, recorded as a look at request ``pk`` (who looked)."""
    record_access(user=request.user, request_id=pk, what=what, channel=AccessChannel.WEB,
                  object_id=object_id, label=filename)
    return _letter_response(content, content_type, filename)


@login_required
@require_http_methods(["GET"])
@domain_errors_as_pages
def letter_pdf(request, pk: int):
    letter = _letter(request, pk)
    return _letter_download(request, pk, letters.letter_pdf_bytes(letter), "application/pdf",
                            f"{letter.reference}-{letter.language}.pdf")


@login_required
@require_http_methods(["GET"])
@domain_errors_as_pages
def letter_docx(request, pk: int):
    letter = _letter(request, pk)
    return _letter_download(
        request, pk, letters.letter_docx_bytes(letter),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        f"{letter.reference}-{letter.language}.docx")


# --- notice letters of the duties Kazakhstan owes (CZ 9.5, BR 24.9...) ----------------------------
def _notice_letter(request, pk: int, duty_id: int) -> letters.Letter:
    obj = _visible(request.user, pk)
    duty = TreatyDuty.objects.filter(pk=duty_id, request=obj).first()
    rule = obj.rulebook.duty(duty.rule_code) if duty is not None else None
    if (duty is None or rule is None or not rule.notice
            or duty.owed_by != ResponsibleSide.KAZAKHSTAN):
        raise Http404(_("No notice Kazakhstan owes on this request."))
    duty.request = obj
    return letters.notice_letter_build(duty, rule,
                                       language=letters.letter_language(request.GET.get("lang")))


@login_required
@require_http_methods(["GET"])
@domain_errors_as_pages
def duty_letter_pdf(request, pk: int, duty_id: int):
    letter = _notice_letter(request, pk, duty_id)
    return _letter_download(request, pk, letters.letter_pdf_bytes(letter), "application/pdf",
                            f"{letter.reference}-notice-{duty_id}-{letter.language}.pdf",
                            what=AccessKind.NOTICE_LETTER_DOWNLOADED, object_id=duty_id)


@login_required
@require_http_methods(["GET"])
@domain_errors_as_pages
def duty_letter_docx(request, pk: int, duty_id: int):
    letter = _notice_letter(request, pk, duty_id)
    return _letter_download(
        request, pk, letters.letter_docx_bytes(letter),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        f"{letter.reference}-notice-{duty_id}-{letter.language}.docx",
        what=AccessKind.NOTICE_LETTER_DOWNLOADED, object_id=duty_id)
