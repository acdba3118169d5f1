"""The correspondence section of the request page: the letters out and in, with the document
sent (and its SHA-256) and the attachments; a form to send a letter (with a preview) and one to
register a letter received, with its files.

``correspondence_section`` is what the page's context holds under ``correspondence``
(``views.request_page.detail_context``); the two views below post the forms through
``services.correspondence`` and show the page again with the errors by the fields. Everyone who
may see the request sees the list; its clerks and prosecutors (supervisors step in) write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.http import HttpResponse
from django.shortcuts import redirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import clock
from ..forms.correspondence import LetterReceiveForm
from ..forms.correspondence import LetterSendForm
from ..models import FINAL_STATES
from ..models import AssistanceRequest
from ..models import Attachment
from ..models import Correspondence
from ..models import DeadlineStatus
from ..models import RequestState
from ..roles import user_has_any_role
from ..services.correspondence import LETTER_ROLES
from ..services.correspondence import LetterDraft
from ..services.correspondence import correspondence_preview
from ..services.correspondence import correspondence_register_received
from ..services.correspondence import correspondence_send
from .errors import INVALID_FORM_STATUS
from .errors import service_call

SECTION = "#correspondence"


@dataclass
class LetterRow:
    letter: Correspondence
    document: Attachment | None
    document_docx: Attachment | None
    attachments: list[Attachment]
    # The reply to this letter of ours is late (its reminder missed and not met since).
    reply_overdue: bool
    reply_received: bool


def _rows(obj: AssistanceRequest) -> list[LetterRow]:
    """The request's letters, oldest first; no query beyond the page's prefetches."""
    now = clock.now()
    reminders = {d.subject_key: d for d in obj.deadlines.all() if d.kind == "reply_due"}
    letters = list(obj.correspondence.all())
    answered = {letter.in_reply_to_id for letter in letters if letter.in_reply_to_id}
    rows = []
    for letter in letters:
        reminder = reminders.get(f"letter:{letter.pk}")
        rows.append(LetterRow(
            letter=letter, document=letter.document, document_docx=letter.document_docx,
            attachments=list(letter.attachments.all()),
            reply_overdue=bool(reminder and reminder.is_overdue(now, request_state=obj.state)),
            reply_received=letter.pk in answered
            or bool(reminder and reminder.status == DeadlineStatus.MET)))
    return rows


def correspondence_section(request: HttpRequest, obj: AssistanceRequest, *,
                           send_form: LetterSendForm | None = None,
                           receive_form: LetterReceiveForm | None = None,
                           preview: LetterDraft | None = None) -> dict[str, Any]:
    """What ``_correspondence.html`` shows: the letters and, for those who may write on an open
    request, the two forms (bound ones when a post is shown again)."""
    may_write = obj.state not in FINAL_STATES and user_has_any_role(request.user, LETTER_ROLES)
    letters = _rows(obj)
    asked = any(row.letter.kind == "additional_info" and row.letter.is_sent for row in letters)
    return {
        "letters": letters,
        "may_write": may_write,
        "send_form": (send_form or LetterSendForm(request_obj=obj)) if may_write else None,
        "receive_form": ((receive_form or LetterReceiveForm(request_obj=obj)) if may_write
                         else None),
        "preview": preview,
        "open_send": send_form is not None,
        "open_receive": receive_form is not None,
        # The request awaits additional information and no letter has asked for it yet.
        "prompt_additional_info": (may_write and not asked
                                   and obj.state == RequestState.ADDITIONAL_INFO_REQUESTED),
    }


def _page(request: HttpRequest, obj: AssistanceRequest, *, status: int, errors: Any = (),
          **section: Any) -> HttpResponse:
    from .request_page import detail_context

    context = detail_context(request, obj, errors=errors)
    context["correspondence"] = correspondence_section(request, obj, **section)
    return render(request, "requests_app/requests/detail.html", context, status=status)


def _form_errors(form) -> list[str]:
    return [*form.non_field_errors(), *form["version"].errors]


def _get(request: HttpRequest, pk: int) -> AssistanceRequest:
    from .requests import _get_or_404

    return _get_or_404(request.user, pk)


@login_required
@require_POST
def correspondence_send_view(request: HttpRequest, pk: int) -> HttpResponse:
    """POST: preview the letter (``preview`` button) or send it; back to the section."""
    obj = _get(request, pk)
    form = LetterSendForm(request.POST, request_obj=obj)
    if not form.is_valid():
        return _page(request, obj, status=INVALID_FORM_STATUS, send_form=form,
                     errors=_form_errors(form))
    if "preview" in request.POST:
        with service_call(form) as call:
            draft = correspondence_preview(actor=request.user, request_id=obj.pk,
                                           **form.preview_kwargs())
        if call.failed:
            return _page(request, obj, status=call.status, send_form=form, errors=call.messages)
        return _page(request, obj, status=200, send_form=form, preview=draft)
    with service_call(form) as call:
        letter = correspondence_send(actor=request.user, request_id=obj.pk,
                                     expected_version=form.expected_version,
                                     **form.service_kwargs())
    if call.failed:
        return _page(request, obj, status=call.status, send_form=form,
                     errors=[*call.messages, *_form_errors(form)])
    messages.success(request, _("Letter sent and recorded: %(subject)s.")
                     % {"subject": letter.subject})
    return redirect(reverse("request_detail", args=[obj.pk]) + SECTION)


@login_required
@require_POST
def correspondence_receive_view(request: HttpRequest, pk: int) -> HttpResponse:
    """POST (multipart): register a letter received with its files; back to the section,
    saying whether the request moved (a reply to our request for additional information)."""
    obj = _get(request, pk)
    form = LetterReceiveForm(request.POST, request.FILES, request_obj=obj)
    if not form.is_valid():
        return _page(request, obj, status=INVALID_FORM_STATUS, receive_form=form,
                     errors=_form_errors(form))
    with service_call(form) as call:
        outcome = correspondence_register_received(actor=request.user, request_id=obj.pk,
                                                   expected_version=form.expected_version,
                                                   **form.service_kwargs())
    if call.failed:
        return _page(request, obj, status=call.status, receive_form=form,
                     errors=[*call.messages, *_form_errors(form)])
    messages.success(request, _("Letter registered."))
    if outcome.moved:
        messages.success(request, _("The additional information was supplied: the request "
                                    "resumes."))
    elif outcome.not_moved:
        messages.warning(request, outcome.not_moved)
    return redirect(reverse("request_detail", args=[obj.pk]) + SECTION)
