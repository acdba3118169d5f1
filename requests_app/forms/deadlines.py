"""The supervisor's waiver of a missed deadline, on the request page's deadline row."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.waivers import REASON_MAX_LENGTH


class DeadlineWaiveForm(forms.Form):
    reason = forms.CharField(label=_("Reason for waiving"), max_length=REASON_MAX_LENGTH,
                             widget=forms.Textarea(attrs={"rows": 2}), help_text=_(
        "Recorded in the request's log as office procedure."))
    # The request's version as the page showed it.
    version = forms.IntegerField(widget=forms.HiddenInput)
