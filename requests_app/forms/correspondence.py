"""The forms of the correspondence section of the request page: send a letter
(``services.correspondence.correspondence_send``, with a preview) and register a letter received
(``correspondence_register_received``, with its files)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .. import clock
from ..documents.letters.layout import LETTER_LANGUAGES
from ..models import LETTER_BODY_MAX_LENGTH
from ..models import LETTER_REFERENCE_MAX_LENGTH
from ..models import MISSING_ITEMS_MAX_LENGTH
from ..models import Attachment
from ..models import Channel
from ..models import Correspondence
from ..models import CorrespondenceKind
from ..models import LetterDirection
from ..models.correspondence import CORRESPONDENT_MAX_LENGTH
from ..models.correspondence import LETTER_SUBJECT_MAX_LENGTH
from ..services.correspondence import SENT_KINDS
from .records import DateInput
from .records import RequestBoundForm

LANGUAGE_LABELS = {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English")}
# A letter goes in writing: every channel but the oral one.
LETTER_CHANNELS = [("", _("— not stated —"))] + [
    (value, label) for value, label in Channel.choices if value != "oral"]


class _LetterChoice(forms.ModelChoiceField):
    def label_from_instance(self, letter: Correspondence) -> str:
        reference = letter.their_reference or letter.our_reference
        return f"{letter.dated_on:%d.%m.%Y} — {letter.get_kind_display()} {reference}".strip()


class _AttachmentChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, attachment: Attachment) -> str:
        return f"{attachment.original_name} ({attachment.get_kind_display()})"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files (none included); each is checked by the service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def _date(label, help_text=""):
    return forms.DateField(label=label, required=False, widget=DateInput(), help_text=help_text)


class _LetterForm(RequestBoundForm):
    """Shared by both forms: the letters of the request it may answer, its attachments."""

    answers_direction = ""
    # Both forms are on the request page: their fields need ids of their own, or a label of
    # one would point at the other's field.
    id_pattern = "id_%s"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", self.id_pattern)
        super().__init__(*args, **kwargs)
        request = self.request_obj
        self.fields["in_reply_to"] = _LetterChoice(
            label=_("In reply to"), required=False, empty_label=_("— none —"),
            queryset=Correspondence.objects.filter(request=request,
                                                   direction=self.answers_direction)
            .order_by("-dated_on", "-id"))
        self.fields["attachments"] = _AttachmentChoice(
            label=_("Attachments of the request that go with it"), required=False,
            queryset=Attachment.objects.filter(request=request).order_by("uploaded_at", "id"),
            widget=forms.CheckboxSelectMultiple)

    def _ids(self) -> dict[str, Any]:
        letter = self.cleaned_data.get("in_reply_to")
        return {"in_reply_to_id": letter.pk if letter else None,
                "attachment_ids": [a.pk for a in self.cleaned_data.get("attachments") or ()]}


class LetterSendForm(_LetterForm):
    """A letter we send: its kind and language, the facts the template fills in."""

    answers_direction = LetterDirection.RECEIVED
    id_pattern = "letter-send-%s"
    error_fields = {"in_reply_to_id": "in_reply_to", "attachment_ids": "attachments"}

    kind = forms.ChoiceField(label=_("Kind of letter"))
    language = forms.ChoiceField(label=_("Language"),
                                 choices=[(code, LANGUAGE_LABELS[code]) for code in LETTER_LANGUAGES])
    channel = forms.ChoiceField(label=_("Channel"), choices=LETTER_CHANNELS, required=False)
    sent_on = _date(_("Sent on"), _("Leave empty for today; not in the future."))
    our_reference = forms.CharField(label=_("Our reference"), required=False,
                                    max_length=LETTER_REFERENCE_MAX_LENGTH,
                                    help_text=_("Empty: the request's reference."))
    their_reference = forms.CharField(label=_("Their reference"), required=False,
                                      max_length=LETTER_REFERENCE_MAX_LENGTH,
                                      help_text=_("Empty: the other side's reference of the "
                                                  "request."))
    addressee = forms.CharField(label=_("Addressee"), required=False,
                                max_length=CORRESPONDENT_MAX_LENGTH,
                                help_text=_("Empty: the other side's authority on the request."))
    missing_items = forms.CharField(
        label=_("What is missing"), required=False, max_length=MISSING_ITEMS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required for a request for additional information: one item a line."))
    reply_due_on = _date(_("Reply expected by"),
                         _("After the day it is sent. Required for a request for additional "
                           "information; a status inquiry without one gets the office's "
                           "period."))
    body_extra = forms.CharField(label=_("Further text"), required=False,
                                 max_length=LETTER_BODY_MAX_LENGTH,
                                 widget=forms.Textarea(attrs={"rows": 3}),
                                 help_text=_("Added after the template's text."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.request_obj
        self.fields["kind"].choices = [(kind, CorrespondenceKind(kind).label)
                                       for kind in SENT_KINDS[request.direction]]
        self.initial.setdefault("language", request.request_language
                                if request.request_language in LETTER_LANGUAGES else "ru")
        if request.state == "additional_info_requested":
            self.initial.setdefault("kind", CorrespondenceKind.ADDITIONAL_INFO)
        self.order_fields(["kind", "language", "channel", "sent_on", "our_reference",
                           "their_reference", "addressee", "missing_items", "reply_due_on",
                           "in_reply_to", "body_extra", "attachments"])

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"kind": data["kind"], "language": data["language"],
                "channel": data.get("channel") or "", "sent_on": data.get("sent_on"),
                "our_reference": data.get("our_reference") or "",
                "their_reference": data.get("their_reference") or "",
                "addressee": data.get("addressee") or "",
                "missing_items": data.get("missing_items") or "",
                "reply_due_on": data.get("reply_due_on"),
                "body_extra": data.get("body_extra") or "", **self._ids()}

    def preview_kwargs(self) -> dict[str, Any]:
        kwargs = self.service_kwargs()
        for name in ("channel", "in_reply_to_id", "attachment_ids"):
            kwargs.pop(name)
        return kwargs


class LetterReceiveForm(_LetterForm):
    """A letter from the other side, with its scanned files."""

    answers_direction = LetterDirection.SENT
    id_pattern = "letter-receive-%s"
    error_fields = {"in_reply_to_id": "in_reply_to", "attachment_ids": "attachments",
                    "uploaded_files": "files"}

    kind = forms.ChoiceField(label=_("Kind of letter"), choices=CorrespondenceKind.choices)
    received_on = _date(_("Received on"), _("Leave empty for today; not in the future."))
    channel = forms.ChoiceField(label=_("Channel"), choices=LETTER_CHANNELS, required=False)
    their_reference = forms.CharField(label=_("Their reference"), required=False,
                                      max_length=LETTER_REFERENCE_MAX_LENGTH)
    sender = forms.CharField(label=_("Sender"), required=False,
                             max_length=CORRESPONDENT_MAX_LENGTH)
    subject = forms.CharField(label=pgettext_lazy("letter", "Subject"), required=False,
                              max_length=LETTER_SUBJECT_MAX_LENGTH)
    summary = forms.CharField(label=_("Summary"), required=False,
                              max_length=LETTER_BODY_MAX_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 3}))
    files = MultipleFileField(label=_("Files of the letter"),
                              help_text=_("PDF, DOCX, DOC, ODT, JPEG, PNG or TIFF."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("kind", CorrespondenceKind.REPLY)
        self.initial.setdefault("received_on", clock.today())
        self.order_fields(["kind", "received_on", "channel", "in_reply_to", "their_reference",
                           "sender", "subject", "summary", "files", "attachments"])

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"kind": data["kind"], "received_on": data.get("received_on"),
                "channel": data.get("channel") or "",
                "their_reference": data.get("their_reference") or "",
                "sender": data.get("sender") or "", "subject": data.get("subject") or "",
                "summary": data.get("summary") or "",
                "uploaded_files": list(data.get("files") or ()), **self._ids()}
