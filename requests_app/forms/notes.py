"""The small forms of the request page: an internal note (``services.notes.note_add``) and the
references (``services.requests.request_update``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import NOTE_MAX_LENGTH


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"), max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Seen by everyone in the office who may see this request; never sent to the "
                    "other side."))


class ReferencesForm(forms.Form):
    """The other side's reference (any stage of an open request) and, while the contents may
    change, the criminal case number: for ``request_update``, which logs the edit."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    their_reference = forms.CharField(label=_("Their reference"), max_length=100,
                                      required=False)
    case_number = forms.CharField(label=_("Criminal case number"), max_length=60,
                                  required=False, help_text=_("For example 2026-0001."))

    def __init__(self, *args, request_obj, case_number_editable: bool, **kwargs):
        kwargs.setdefault("initial", {"version": request_obj.version,
                                      "their_reference": request_obj.their_reference,
                                      "case_number": request_obj.case_number})
        super().__init__(*args, **kwargs)
        if not case_number_editable:
            del self.fields["case_number"]

    def changes(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in self.changed_data
                if name != "version"}
