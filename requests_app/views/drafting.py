"""Drafting an outgoing request: choosing the state and the instrument in force, editing the
contents next to the instrument's rules, the live completeness checklist, persons, translations,
attachments and the formal request letter.

Views translate HTTP to service calls and back. Which instrument applies, what is mandatory and
whether the draft is complete are answered by the rulebook and the pure guard functions on
``request_facts``; every request is read through ``requests_app.access`` (missing and forbidden
both answer 404).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from treaties.rulebook.schema import ContentCondition, Rulebook
from treaties.rules.calendar import days_between
from treaties.rules.guards import (
    accepted_languages,
    check_assistance_types,
    check_channel,
    check_instrument_open_for_new_requests,
    check_requested_execution_date,
    check_summons_lead_time,
    check_translation,
    content_required,
    missing_contents,
    summons_lead_time_days,
)

from .. import clock, letters
from ..access import access_request_by_id
from ..exceptions import (
    ActionNotPermitted,
    ConcurrentModification,
    InvalidInput,
    RequestNotFound,
    RuleViolation,
)
from ..forms.drafting import (
    CONTENT_FORM_FIELDS,
    AttachmentForm,
    PersonForm,
    RequestContentForm,
    RequestCreateForm,
    TranslationForm,
    add_service_errors,
    language_label,
)
from ..models import (
    FINAL_STATES,
    AssistanceRequest,
    Attachment,
    Direction,
    RequestPerson,
    RequestState,
)
from ..roles import Role, user_has_any_role
from ..services.attachments import attachment_add
from ..services.facts import request_facts
from ..services.records import translation_record
from ..services.requests import person_add, request_create_draft, request_update

DRAFTERS = (Role.PROSECUTOR, Role.CLERK)
# Everything the edit page and the checklist read about a request, loaded once.
REQUEST_RELATIONS = ("persons", "translations", "originals", "consultations", "decisions",
                     "items", "transfers", "personal_data_transfers")


# --- plumbing ----------------------------------------------------------------------------------
def domain_errors(view):
    """RequestNotFound → 404, ActionNotPermitted → 403, whatever the view forgot to catch."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except RequestNotFound:
            raise Http404(_("No such request.")) from None
        except ActionNotPermitted as exc:
            raise PermissionDenied(str(exc.message)) from None

    return wrapper


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


# --- the instrument's rules next to the fields -------------------------------------------------
CONDITION_TEXT = {
    ContentCondition.SUMMONS: gettext_lazy(
        "Where needed: mandatory when someone is summoned to appear (a person with an "
        "appearance date)."),
    ContentCondition.OFFICIALS_ATTEND: gettext_lazy(
        "Where needed: mandatory when our officials wish to attend the execution."),
}


@dataclass(frozen=True)
class RuleNote:
    """One rule shown next to a field or in the instrument panel."""

    kind: str  # mandatory, optional, rule
    citation: str
    text: str
    field: str = ""
    field_label: str = ""
    condition: str = ""
    applies_now: bool | None = None


def _field_label(name: str) -> str:
    if name == "persons":
        return str(RequestPerson._meta.verbose_name_plural)
    return str(AssistanceRequest._meta.get_field(name).verbose_name)


def _content_notes(rulebook: Rulebook, facts=None) -> tuple[list[RuleNote], list[RuleNote]]:
    def note(rule, kind):
        applies = content_required(rule, facts) if facts is not None and kind == "mandatory" else None
        return RuleNote(kind, str(rule.citation), rule.summary.text(), rule.field,
                        _field_label(rule.field), str(CONDITION_TEXT.get(rule.required_when, "")),
                        applies if rule.required_when != ContentCondition.ALWAYS else None)

    return ([note(r, "mandatory") for r in rulebook.mandatory_contents],
            [note(r, "optional") for r in rulebook.optional_contents])


def _rule_note(rule, text: str | None = None) -> RuleNote | None:
    if rule is None:
        return None
    return RuleNote("rule", str(rule.citation), text or rule.summary.text())


def _instrument_panel(rulebook: Rulebook, verdict=None, facts=None) -> dict:
    """The instrument's rules a drafter needs in view, each with its citation."""
    mandatory, optional = _content_notes(rulebook, facts)
    summons = rulebook.summons_lead_time
    oral = rulebook.oral_requests
    return {
        "rulebook": rulebook,
        "title": rulebook.title.text(),
        "kind": rulebook.kind,
        "verdict": verdict,
        "communication": _rule_note(rulebook.communication),
        "written_form": _rule_note(rulebook.written_form),
        "language": _rule_note(rulebook.language),
        "summons": _rule_note(summons),
        "summons_days": summons.days if summons else None,
        "originals": _rule_note(rulebook.originals),
        "oral": _rule_note(oral),
        "execution_date": _rule_note(rulebook.requested_execution_date_reasoned),
        "excludes_legal_assistance": _rule_note(rulebook.excludes_legal_assistance),
        "mandatory": mandatory,
        "optional": optional,
    }


def _field_notes(rulebook: Rulebook, facts) -> dict[str, list[RuleNote]]:
    """Rules keyed by the form field they bear on."""
    mandatory, optional = _content_notes(rulebook, facts)
    notes: dict[str, list[RuleNote]] = {}
    for item in mandatory + optional:
        notes.setdefault(item.field, []).append(item)

    def add(field, rule):
        item = _rule_note(rule)
        if item:
            notes.setdefault(field, []).append(item)

    add("assistance_types", rulebook.excludes_legal_assistance or rulebook.scope)
    add("channel", rulebook.communication)
    add("channel", rulebook.originals)
    add("is_urgent", rulebook.oral_requests)
    add("request_language", rulebook.language)
    if rulebook.language.waivable_by_agreement:
        add("translation_agreement", rulebook.language)
    add("requested_execution_reason", rulebook.requested_execution_date_reasoned)
    add("appearance_date", rulebook.summons_lead_time)
    return notes


# --- the completeness checklist ----------------------------------------------------------------
@dataclass(frozen=True)
class CheckItem:
    label: str
    citation: str
    status: str  # ok, missing, not_needed
    message: str = ""
    field: str = ""


@dataclass(frozen=True)
class SummonsItem:
    name: str
    appearance_date: object
    days_left: int
    required: int | None
    ok: bool
    message: str
    citation: str


def _violation_items(violations) -> list[CheckItem]:
    return [CheckItem(str(v.message), str(v.citation or ""), "missing", str(v.message), v.field)
            for v in violations]


def _checklist(obj: AssistanceRequest, persons, today) -> dict:
    """What the rules say about the draft today: read from the pure guard functions on
    ``request_facts``; nothing here decides a rule itself."""
    rulebook = obj.rulebook
    facts = request_facts(obj)
    missing = {rule.code for rule in missing_contents(rulebook, facts)}
    contents = []
    for rule in rulebook.mandatory_contents:
        if rule.code in missing:
            status = "missing"
        elif not content_required(rule, facts):
            status = "not_needed"
        else:
            status = "ok"
        contents.append(CheckItem(f"{_field_label(rule.field)} — {rule.summary.text()}",
                                  str(rule.citation), status,
                                  str(CONDITION_TEXT.get(rule.required_when, "")), rule.field))

    translation = check_translation(rulebook, facts)
    languages = ", ".join(language_label(code)
                          for code in sorted(accepted_languages(rulebook, facts)))

    names = {str(p.pk): p.full_name for p in persons}
    required = summons_lead_time_days(rulebook)
    summonses = []
    for person in facts.summonses:
        blocked = check_summons_lead_time(rulebook, dataclasses.replace(facts, persons=(person,)),
                                          today)
        rule = rulebook.summons_lead_time
        summonses.append(SummonsItem(
            names.get(person.key, person.key), person.appearance_date,
            days_between(today, person.appearance_date), required, not blocked,
            "; ".join(str(v.message) for v in blocked),
            str(rule.citation) if rule else ""))

    general = _violation_items(
        check_instrument_open_for_new_requests(rulebook, obj.instrument.status_on(today))
        + check_assistance_types(rulebook, facts.assistance_types)
        + check_channel(rulebook, facts.channel, facts.is_urgent)
        + check_requested_execution_date(rulebook, facts))
    complete = (not missing and not translation and not general
                and all(item.ok for item in summonses))
    return {
        "contents": contents,
        "translation_ok": not translation,
        "translation": _violation_items(translation),
        "translation_rule": _rule_note(rulebook.language),
        "accepted_languages": languages,
        "summonses": summonses,
        "summons_rule": _rule_note(rulebook.summons_lead_time),
        "general": general,
        "complete": complete,
        "today": today,
        "facts": facts,
    }


def _overlay_unsaved(obj: AssistanceRequest, data) -> bool:
    """Put the values typed but not yet saved onto the (unsaved) request, so the checklist
    reflects the form as it stands. Fields that do not parse keep their saved value."""
    form = RequestContentForm(data, request=obj)
    form.is_valid()
    changed = False
    for name in CONTENT_FORM_FIELDS:
        if name in form.cleaned_data and name not in form.errors:
            if getattr(obj, name) != form.cleaned_data[name]:
                setattr(obj, name, form.cleaned_data[name])
                changed = True
    return changed


# --- creating a draft --------------------------------------------------------------------------
def _create_context(form: RequestCreateForm, violations=()) -> dict:
    chosen = form.chosen
    form.fields["requested_state"].widget.attrs.update({
        "hx-get": reverse("instrument_for_state"), "hx-target": "#instrument-panel",
        "hx-trigger": "change", "hx-swap": "innerHTML"})
    type_note = None
    if chosen:
        rulebook = chosen.rulebook
        type_note = _rule_note(rulebook.excludes_legal_assistance or rulebook.scope)
    return {
        "form": form,
        "panel_type_notes": [type_note] if type_note else [],
        "violations": violations,
        "panel": _instrument_panel(chosen.rulebook, chosen.verdict) if chosen else None,
        "options": form.options,
        "no_instrument": form.no_instrument_in_force,
        "no_instrument_message": form.no_instrument_message() if form.no_instrument_in_force else "",
    }


def _state_param(request) -> str:
    return (request.GET.get("state") or request.GET.get("requested_state") or "").upper()


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors
def request_create(request):
    """Pick the requested state; the instrument in force with it is proposed, and only its
    assistance types, authorities and rules are offered. Creates the draft and opens it."""
    _require_drafter(request.user)
    today = clock.today()
    violations = []
    if request.method == "POST":
        form = RequestCreateForm(request.POST, today=today)
        if form.is_valid():
            try:
                draft = request_create_draft(actor=request.user, **form.service_kwargs())
            except (InvalidInput, RuleViolation) as exc:
                violations = add_service_errors(form, exc, aliases={"instrument": "requested_state"})
            else:
                messages.success(request, _("Draft %(reference)s created. Fill in the contents "
                                            "the instrument requires.")
                                 % {"reference": draft.reference})
                return redirect("request_edit", draft.pk)
    else:
        form = RequestCreateForm(today=today, state_code=_state_param(request))
    return render(request, "requests_app/drafting/create.html", _create_context(form, violations))


@login_required
@require_http_methods(["GET"])
@domain_errors
def instrument_for_state(request):
    """htmx: the instrument proposed for ``?state=XX`` with its types, authorities and rules."""
    _require_drafter(request.user)
    state = _state_param(request)
    if not _htmx(request):
        return redirect(f"{reverse('request_create')}?state={state}")
    form = RequestCreateForm(today=clock.today(), state_code=state)
    return render(request, "requests_app/drafting/_instrument.html", _create_context(form))


# --- editing a draft ---------------------------------------------------------------------------
def _edit_context(request, obj: AssistanceRequest, *, content_form=None, person_form=None,
                  translation_form=None, attachment_form=None, violations=(),
                  conflict: bool = False) -> dict:
    today = clock.today()
    persons = list(obj.persons.all())
    checklist = _checklist(obj, persons, today)
    facts = checklist["facts"]
    rulebook = obj.rulebook
    content_form = content_form or RequestContentForm(request=obj)
    notes = _field_notes(rulebook, facts)
    groups = [(title, [(bound, notes.get(bound.name, [])) for bound in fields])
              for title, fields in content_form.groups()]
    version = obj.version
    return {
        "obj": obj,
        "rulebook": rulebook,
        "panel": _instrument_panel(rulebook, obj.instrument.status_on(today), facts),
        "content_form": content_form,
        "groups": groups,
        "type_options": content_form.type_options,
        "type_notes": notes.get("assistance_types", []),
        "persons_notes": notes.get("persons", []),
        "appearance_notes": notes.get("appearance_date", []),
        "person_form": person_form or PersonForm(initial={"version": version}),
        "translation_form": translation_form or TranslationForm(request=obj,
                                                                initial={"version": version}),
        "attachment_form": attachment_form or AttachmentForm(initial={"version": version}),
        "persons": persons,
        "translations": list(obj.translations.all()),
        "attachments": list(obj.attachments.all()),
        "checklist": checklist,
        "violations": violations,
        "conflict": conflict,
        "letter_languages": letters.LETTER_LANGUAGES,
    }


def _edit_relations() -> tuple[str, ...]:
    return (*REQUEST_RELATIONS, "attachments__uploaded_by")


def _render_edit(request, obj, status: int = 200, **forms):
    return render(request, "requests_app/drafting/edit.html", _edit_context(request, obj, **forms),
                  status=status)


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors
def request_edit(request, pk: int):
    """Edit a draft's contents next to the instrument's rules; record translations. Only outgoing
    drafts; once submitted the request page takes over."""
    obj = _visible(request.user, pk, relations=_edit_relations())
    _require_drafter(request.user)
    if not _is_draft(obj):
        messages.info(request, _("This request is no longer a draft; its contents cannot be "
                                 "edited here."))
        return redirect("request_detail", obj.pk)
    if request.method == "GET":
        return _render_edit(request, obj)
    if request.POST.get("_form") == "translation":
        return _post_translation(request, obj)
    return _post_contents(request, obj)


def _post_contents(request, obj):
    form = RequestContentForm(request.POST, request=obj)
    if not form.is_valid():
        return _render_edit(request, obj, content_form=form)
    changes = form.changes()
    if not changes:
        messages.info(request, _("Nothing changed."))
        return redirect("request_edit", obj.pk)
    try:
        request_update(actor=request.user, request_id=obj.pk,
                       expected_version=form.cleaned_data["version"], **changes)
    except ConcurrentModification as exc:
        form.add_error(None, exc.message)
        return _render_edit(request, obj, status=409, content_form=form, conflict=True)
    except (InvalidInput, RuleViolation) as exc:
        violations = add_service_errors(form, exc)
        return _render_edit(request, obj, content_form=form, violations=violations)
    messages.success(request, _("Saved."))
    return redirect(f"{reverse('request_edit', args=[obj.pk])}#checklist")


def _post_translation(request, obj):
    form = TranslationForm(request.POST, request=obj)
    if not form.is_valid():
        return _render_edit(request, obj, translation_form=form)
    try:
        translation_record(actor=request.user, request_id=obj.pk,
                           expected_version=form.cleaned_data["version"], **form.service_kwargs())
    except ConcurrentModification as exc:
        form.add_error(None, exc.message)
        return _render_edit(request, obj, status=409, translation_form=form, conflict=True)
    except (InvalidInput, RuleViolation) as exc:
        violations = add_service_errors(form, exc)
        return _render_edit(request, obj, translation_form=form, violations=violations)
    messages.success(request, _("Translation recorded."))
    return redirect(f"{reverse('request_edit', args=[obj.pk])}#translations")


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors
def request_checklist(request, pk: int):
    """htmx: the live completeness checklist. GET shows the saved draft; POST (the edit form's
    current values, nothing saved) shows the draft as it would be after saving."""
    obj = _visible(request.user, pk, relations=REQUEST_RELATIONS)
    unsaved = request.method == "POST" and _overlay_unsaved(obj, request.POST)
    context = {"obj": obj, "checklist": _checklist(obj, list(obj.persons.all()), clock.today()),
               "unsaved": unsaved}
    if _htmx(request):
        return render(request, "requests_app/drafting/_checklist.html", context)
    return render(request, "requests_app/drafting/checklist.html", context)


@login_required
@require_POST
@domain_errors
def person_add_view(request, pk: int):
    """Add a person (to serve, hear, locate or transfer) with an appearance date if summoned."""
    obj = _visible(request.user, pk, relations=_edit_relations())
    form = PersonForm(request.POST)
    draft = _is_draft(obj)
    if form.is_valid():
        try:
            person_add(actor=request.user, request_id=obj.pk,
                       expected_version=form.cleaned_data["version"], **form.service_kwargs())
        except ConcurrentModification as exc:
            form.add_error(None, exc.message)
            if draft:
                return _render_edit(request, obj, status=409, person_form=form, conflict=True)
            messages.error(request, exc.message)
            return redirect("request_detail", obj.pk)
        except (InvalidInput, RuleViolation) as exc:
            violations = add_service_errors(form, exc)
            if draft:
                return _render_edit(request, obj, person_form=form, violations=violations)
            messages.error(request, "; ".join(str(e) for errs in form.errors.values()
                                              for e in errs))
            return redirect("request_detail", obj.pk)
        messages.success(request, _("Person added."))
        if draft:
            return redirect(f"{reverse('request_edit', args=[obj.pk])}#persons")
        return redirect("request_detail", obj.pk)
    if draft:
        return _render_edit(request, obj, person_form=form)
    messages.error(request, _("The person could not be added; check the form."))
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
@domain_errors
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
    violations = []
    status = 200
    if form.is_valid():
        try:
            attachment_add(actor=request.user, request_id=obj.pk, kind=form.cleaned_data["kind"],
                           uploaded_file=form.cleaned_data["uploaded_file"],
                           expected_version=form.cleaned_data["version"])
        except ConcurrentModification as exc:
            form.add_error(None, exc.message)
            status = 409
        except (InvalidInput, RuleViolation) as exc:
            violations = add_service_errors(form, exc)
        else:
            messages.success(request, _("File attached."))
            fallback = (f"{reverse('request_edit', args=[obj.pk])}#attachments" if draft
                        else reverse("attachment_upload", args=[obj.pk]))
            return redirect(_safe_next(request, fallback))
    if draft:
        return _render_edit(request, obj, status=status, attachment_form=form,
                            violations=violations, conflict=status == 409)
    return render(request, "requests_app/drafting/attachments.html",
                  {"obj": obj, "attachments": list(obj.attachments.all()), "form": form,
                   "violations": violations, "closed": obj.state in FINAL_STATES},
                  status=status)


@login_required
@require_http_methods(["GET"])
@domain_errors
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


@login_required
@require_http_methods(["GET"])
@domain_errors
def letter_pdf(request, pk: int):
    letter = _letter(request, pk)
    return _letter_response(letters.letter_pdf_bytes(letter), "application/pdf",
                            f"{letter.reference}-{letter.language}.pdf")


@login_required
@require_http_methods(["GET"])
@domain_errors
def letter_docx(request, pk: int):
    letter = _letter(request, pk)
    return _letter_response(
        letters.letter_docx_bytes(letter),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        f"{letter.reference}-{letter.language}.docx")
