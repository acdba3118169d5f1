"""The internal-note form of the request page (``services.notes.note_add``)."""

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
