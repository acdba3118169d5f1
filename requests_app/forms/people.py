"""The forms of the people features: a request's owner change (``services.owners``) and a user's
e-mail choices per kind of notification (``services.notifications``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from ..models import AssistanceRequest
from ..models import NotificationKind
from ..services.owners import OWNER_REASON_MAX_LENGTH
from ..services.owners import owner_candidates
from ..workflow.owners import OWNER_LABELS
from ..workflow.owners import STAGES_OF_DIRECTION


def person_name(user: User) -> str:
    return user.get_full_name() or user.get_username()


class OwnerChangeForm(forms.Form):
    """Name the owner of one stage of a request: one of ``owner_candidates`` or nobody."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    stage = forms.ChoiceField(label=_("Stage"))
    user = forms.ChoiceField(label=_("New owner"), required=False)
    reason = forms.CharField(label=_("Reason for the change"), max_length=OWNER_REASON_MAX_LENGTH,
                             widget=forms.Textarea(attrs={"rows": 2, "cols": 60}))

    def __init__(self, *args: Any, request_obj: AssistanceRequest, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"version": request_obj.version})
        super().__init__(*args, **kwargs)
        stages = STAGES_OF_DIRECTION[request_obj.direction]
        self.fields["stage"].choices = [(s.value, OWNER_LABELS[s]) for s in stages]
        # One group of candidates per stage (``owner_candidates``), named after the stage.
        groups = [(OWNER_LABELS[stage],
                   sorted(((user.pk, person_name(user))
                           for user in owner_candidates(request_obj, stage)),
                          key=lambda item: item[1]))
                  for stage in stages]
        self.fields["user"].choices = [("", _("— nobody: the role acts —")), *groups]
        self.fields["user"].help_text = _(
            "Only users holding the stage's role in an office that works on this request.")

    def cleaned_user_id(self) -> int | None:
        value = self.cleaned_data.get("user")
        return int(value) if value else None


class NotificationSettingsForm(forms.Form):
    """One box per kind: ticked, e-mailed as well as shown in the inbox."""

    def __init__(self, *args: Any, current: dict[NotificationKind, bool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in NotificationKind:
            self.fields[kind.value] = forms.BooleanField(
                label=kind.label, required=False, initial=current[kind])

    def choices(self) -> dict[str, bool]:
        return {kind.value: bool(self.cleaned_data.get(kind.value)) for kind in NotificationKind}


