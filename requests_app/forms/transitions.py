"""The web form of one action of the request graph, built from its spec in the transition
catalogue (``requests_app.workflow.specs``): the same parameters, labels and choices as the API.

The form only parses and presents input. Whether the action may run is decided by the service
and the rulebook: a parameter a treaty rule makes necessary (a refusal ground, reasons) is left
optional here, so that the rule itself answers with its citation.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.validators import MaxLengthValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mla.limits import TEXT_MAX_LENGTH
from treaties.models import Authority
from treaties.rulebook.catalogue import HOME_STATE

from ..models import AssistanceRequest
from ..roles import Role
from ..words import citation_text
from ..workflow.params import LINE_MAX_LENGTH
from ..workflow.params import Param
from ..workflow.params import ParamKind
from ..workflow.specs import TransitionSpec
from .records import RequestBoundForm
from .records import _date
from .records import _datetime
from .records import _line
from .records import _text


class ProsecutorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        name = obj.get_full_name() or obj.get_username()
        membership = getattr(obj, "office_membership", None)
        return f"{name} ({membership.authority.name})" if membership else name


def active_prosecutors() -> QuerySet[User]:
    return (User.objects.filter(is_active=True, groups__name=Role.PROSECUTOR.value)
            .select_related("office_membership__authority").order_by("last_name", "username")
            .distinct())


def active_kazakh_authorities() -> QuerySet[Authority]:
    return Authority.objects.filter(state__iso_code=HOME_STATE, is_active=True).order_by("name_en")


def _choices(param: Param, request: AssistanceRequest) -> list[tuple[str, str]]:
    offered = param.choices(request) if param.choices else []
    # Grounds read as the article and its wording, so a clerk sees where each comes from.
    labels = [(c.value, f"{citation_text(c.citation or c.reference, instrument=False)} — {c.label}"
               if c.reference else c.label) for c in offered]
    blank = [("", param.blank_label)] if param.blank_label is not None else []
    return blank + labels


def form_field(param: Param, request: AssistanceRequest) -> forms.Field:
    """The form field of one parameter, labelled and offering the instrument's own choices."""
    rulebook = request.rulebook
    help_text = param.help_text(rulebook) if param.help_text else ""
    kind = param.kind
    field: forms.Field
    if kind == ParamKind.TEXT:
        field = _text(param.label, required=param.required, help_text=help_text)
        field.max_length = param.max_length or TEXT_MAX_LENGTH
        field.validators.append(MaxLengthValidator(field.max_length))
    elif kind == ParamKind.LINE:
        field = _line(param.label, required=param.required, help_text=help_text,
                      max_length=param.max_length or LINE_MAX_LENGTH)
    elif kind == ParamKind.DATE:
        field = _date(param.label, required=param.required, help_text=help_text)
    elif kind == ParamKind.DATETIME:
        field = _datetime(param.label, required=param.required, help_text=help_text)
    elif kind == ParamKind.BOOLEAN:
        field = forms.BooleanField(label=param.label, required=False, help_text=help_text)
    elif kind == ParamKind.AUTHORITY:
        field = forms.ModelChoiceField(label=param.label, queryset=active_kazakh_authorities(),
                                       required=param.required, help_text=help_text)
    elif kind == ParamKind.PROSECUTOR:
        field = ProsecutorChoiceField(label=param.label, queryset=active_prosecutors(),
                                      required=param.required, help_text=help_text)
    else:  # a code or a choice among the instrument's values
        field = forms.ChoiceField(label=param.label, required=param.required,
                                  choices=_choices(param, request), help_text=help_text)
    if param.initial is not None:
        field.initial = param.initial(request)
    return field


class TransitionForm(RequestBoundForm):
    """The inputs of one action: a reason where the action needs one, and its parameters."""

    error_fields = {"executing_authority": "executing_authority_id",
                    "assigned_prosecutor": "assigned_prosecutor_id"}

    def __init__(self, *args: Any, spec: TransitionSpec, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spec = spec
        self.name = spec.name
        self.auto_id = f"id_{spec.name}_%s"
        if spec.reason_required:
            self.fields["reason"] = _text(_("Reason"), required=True)
        for param in spec.params:
            self.fields[param.name] = form_field(param, self.request_obj)

    @property
    def has_inputs(self) -> bool:
        return any(name != "version" for name in self.fields)

    def visible_inputs(self) -> list[forms.BoundField]:
        return [field for field in self if not field.is_hidden]

    def reason_and_params(self) -> tuple[str, dict[str, Any]]:
        """The log reason and the parameters for the service (rows chosen as their ids)."""
        data = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        reason = data.pop("reason", "") or ""
        for name, value in data.items():
            if hasattr(value, "pk"):
                data[name] = value.pk
        return reason, data
