"""API: the request graph's actions.

    GET  /api/requests/{request_id}/transitions/         what the caller may do now, and why not
    POST /api/requests/{request_id}/transitions/{name}/  run one action (the web app's service)

Both go through ``requests_app.access`` first: a request the caller may not see answers 404 like
a missing one. Running an action calls ``request_transition`` — the service the web app's buttons
call — which locks the row, compares the version, checks the graph, the role and the treaty
rules, and writes the state, log entry (with its basis), decision rows and deadlines in one
transaction. Its domain errors become HTTP in ``errors.py``: 403 role, 404 not visible, 409 stale
version or action not available now, 422 treaty rule (each rule with its citation), 400 invalid
input.

Parameters depend on the action (a refusal takes a ground from the instrument's own list, a
forward the executing authority...). The schema declares one input body with every parameter;
the view accepts, for each action, only the parameters that action takes (anything else is 400).
A parameter a treaty rule makes necessary (ground, reasons, conditions, acceptance) is optional
here, so that the rule itself answers 422 with its article — as in the web app.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mla.limits import TEXT_MAX_LENGTH

from ..action_labels import counterpart_side
from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..exceptions import RequestNotFound
from ..models import AssistanceRequest
from ..models import RequestState
from ..services.transitions import request_transition_check
from ..services.transitions import request_transition_options
from ..services.transitions import request_transition_run
from ..workflow.params import CODE_MAX_LENGTH
from ..workflow.params import LINE_MAX_LENGTH
from ..workflow.params import Param
from ..workflow.params import ParamKind
from ..workflow.specs import CATALOGUE
from ..workflow.specs import SPECS
from ..workflow.specs import TransitionSpec
from .fields import MAX_ID
from .fields import StrictBooleanField
from .fields import StrictCharField
from .fields import StrictChoiceField
from .fields import StrictDateField
from .fields import StrictDateTimeField
from .fields import StrictIntegerField
from .fields import reject_unknown
from .fields import visible_request
from .log import LogEntrySerializer
from .parsers import JSONParser
from .schemas import COMMON_ERRORS
from .schemas import RULE_ERRORS
from .schemas import ViolationSerializer
from .schemas import error


def state_label(value: str) -> str:
    try:
        return str(RequestState(value).label)
    except ValueError:
        return value


# --- the parameters of each action, from the transition catalogue --------------------------------
def param_field(param: Param) -> serializers.Field:
    """The input field of one parameter: its kind decides the type, ``required`` whether the API
    answers 400 without it. A parameter that is not required may be sent as null (its default)."""
    options: dict[str, Any] = {"required": param.required, "help_text": str(param.description)}
    kind = param.kind
    if kind in (ParamKind.CODE, ParamKind.TEXT):
        return StrictCharField(allow_blank=True, trim_whitespace=False,
                               max_length=CODE_MAX_LENGTH if kind == ParamKind.CODE
                               else param.max_length or TEXT_MAX_LENGTH, **options)
    if kind == ParamKind.LINE:
        return StrictCharField(allow_blank=True, trim_whitespace=False,
                               max_length=param.max_length or LINE_MAX_LENGTH, **options)
    if kind == ParamKind.DATE:
        return StrictDateField(allow_null=not param.required, **options)
    if kind == ParamKind.DATETIME:
        return StrictDateTimeField(allow_null=not param.required, **options)
    if kind in (ParamKind.AUTHORITY, ParamKind.PROSECUTOR):
        return StrictIntegerField(min_value=1, max_value=MAX_ID, allow_null=not param.required,
                                  **options)
    if kind == ParamKind.BOOLEAN:
        return StrictBooleanField(**options)
    return StrictChoiceField(choices=list(param.all_values),
                             allow_blank=param.blank_label is not None, **options)


def _documented_params() -> dict[str, serializers.Field]:
    """Every parameter any action takes, for the documented run body: one field per name (the
    catalogue gives a name one kind everywhere), described by the actions that take it."""
    first: dict[str, Param] = {}
    meanings: dict[str, dict[str, list[str]]] = {}
    for spec in SPECS:
        for param in spec.params:
            first.setdefault(param.name, param)
            meanings.setdefault(param.name, {}).setdefault(str(param.description), []).append(
                spec.name)

    def described(name: str) -> str:
        return " ".join(f"{', '.join(takers)}: {description}"
                        for description, takers in meanings[name].items())

    return {name: param_field(replace(param, required=False, description=described(name)))
            for name, param in first.items()}


# --- output serializers ---------------------------------------------------------------------------
class ParameterChoiceSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    citation = serializers.CharField(help_text=_("Article the choice comes from (may be empty)."))

    class Meta:
        ref_name = "TransitionParameterChoice"


class ParameterSerializer(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.ChoiceField(choices=["string", "text", "date", "datetime", "integer",
                                            "boolean", "choice"])
    required = serializers.BooleanField(help_text=_("The API answers 400 without it."))
    description = serializers.CharField()
    citation = serializers.CharField(help_text=_("The rule that governs the parameter (may be "
                                                 "empty)."))
    choices = ParameterChoiceSerializer(many=True, help_text=_(
        "For instrument-dependent values (refusal and deferral grounds, channels, outcomes): the "
        "values this request's instrument accepts, with their articles. Empty otherwise."))

    class Meta:
        ref_name = "TransitionParameter"


class TransitionOptionSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    target = serializers.CharField(help_text=_("State the request moves to."))
    target_label = serializers.CharField()
    permitted = serializers.BooleanField(help_text=_("Your role may run this action."))
    allowed = serializers.BooleanField(help_text=_("Permitted and no treaty rule blocks it now."))
    reason_required = serializers.BooleanField()
    parameters = ParameterSerializer(many=True)
    blocked_by = ViolationSerializer(many=True, help_text=_(
        "Rules that block the action on the request's current facts, each with its citation. "
        "Rules on the parameters (ground, reasons...) answer when the action is run."))

    class Meta:
        ref_name = "TransitionOption"


def _param_out(param: Param, request: AssistanceRequest) -> dict[str, Any]:
    choices = param.choices(request) if param.choices else []
    return {"name": param.name, "type": param.kind.api_type, "required": param.required,
            "description": str(param.description), "citation": param.citation(request.rulebook),
            "choices": [{"value": c.value, "label": c.label, "citation": c.citation}
                        for c in choices]}


def _reason_param(spec: TransitionSpec) -> dict[str, Any]:
    if spec.reason_required:
        description = _("Why (required for this action; recorded in the request's log).")
    elif spec.reasons_are_the_reason:
        description = _("Reason recorded in the log (default: the reasons).")
    else:
        description = _("Reason recorded in the request's log (optional).")
    return {"name": "reason", "type": "text", "required": spec.reason_required,
            "description": str(description), "citation": "", "choices": []}


# --- GET: the options ---------------------------------------------------------------------------
class TransitionListApi(APIView):
    """What the caller may do with the request now."""

    class OutputSerializer(serializers.Serializer):
        request = serializers.IntegerField(help_text=_("The request's id."))
        reference = serializers.CharField()
        state = serializers.CharField()
        state_label = serializers.CharField()
        version = serializers.IntegerField(help_text=_("Send it back when running an action."))
        transitions = TransitionOptionSerializer(many=True)

        class Meta:
            ref_name = "TransitionOptions"

    @extend_schema(
        operation_id="request_transitions_list",
        summary="Actions available on a request now",
        description=(
            "Every action the request's graph offers in its current state (for its direction "
            "and instrument): whether your role may run it, whether a treaty rule blocks it "
            "(each blocking rule with its citation), and the parameters it takes. Also the "
            "request's current state and version."),
        parameters=[OpenApiParameter("request_id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={200: OutputSerializer, 401: COMMON_ERRORS[401], 404: COMMON_ERRORS[404]},
        tags=["transitions"],
    )
    def get(self, request, request_id):
        obj = visible_request(request.user, request_id)
        options = []
        for option in request_transition_options(request=obj, user=request.user):
            params = [_reason_param(option.spec)]
            params += [_param_out(p, obj) for p in option.spec.params]
            options.append({
                "name": option.name, "label": option.label, "target": option.target,
                "target_label": state_label(option.target), "permitted": option.permitted,
                "allowed": option.allowed, "reason_required": option.reason_required,
                "parameters": params,
                "blocked_by": [v.as_dict() for v in option.violations]})
        data = {"request": obj.pk, "reference": obj.reference, "state": obj.state,
                "state_label": state_label(obj.state), "version": obj.version,
                "transitions": options}
        return Response(self.OutputSerializer(data).data)


# --- POST: run one ------------------------------------------------------------------------------
TransitionRunInputSerializer = type("TransitionRunInputSerializer", (serializers.Serializer,), {
    "__module__": __name__,
    "__doc__": """The documented body: every parameter any action takes. Each action accepts only its
    own (see GET .../transitions/ for the parameters of each); any other key answers 400.""",
    "Meta": type("Meta", (), {"ref_name": "TransitionRunInput"}),
    "version": StrictIntegerField(min_value=1, help_text=_(
        "The request's version as you saw it; if it moved meanwhile the answer is 409 with the "
        "current version.")),
    "reason": StrictCharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH,
                              help_text=_(
        "Why: recorded in the request's log; required by the actions that say so "
        "(reason_required). Actions that give reasons to the requesting side default it to "
        "their reasons.")),
    **_documented_params(),
})


class TransitionRunResultSerializer(serializers.Serializer):
    request = serializers.IntegerField()
    state = serializers.CharField()
    state_label = serializers.CharField()
    version = serializers.IntegerField()
    log_entry = LogEntrySerializer()

    class Meta:
        ref_name = "TransitionRunResult"


def _input_serializer(spec: TransitionSpec) -> type[serializers.Serializer]:
    """The body one action accepts: the version, the reason and its own parameters only."""
    fields: dict[str, Any] = {
        "version": StrictIntegerField(min_value=1, max_value=MAX_ID),
        "reason": StrictCharField(required=False, allow_blank=True, trim_whitespace=False,
                                  max_length=TEXT_MAX_LENGTH)}
    fields.update({param.name: param_field(param) for param in spec.params})
    return type(f"{spec.name.title().replace('_', '')}Input", (serializers.Serializer,), fields)


class TransitionRunApi(APIView):
    """Run one action of the request's graph."""

    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="request_transitions_run",
        summary="Run an action on a request",
        description=(
            "Runs the action through the same service as the web app. Send the version you saw "
            "and the action's parameters (GET .../transitions/ lists them per action); a key the "
            "action does not take answers 400. 404: the request is not visible to you, or the "
            "action is not part of the request graph at all; 409: the version moved (the body "
            "carries current_version) or the action exists but is not available in the "
            "request's current state; 403: your role may not run it; 422: a treaty rule blocks "
            "it (each rule with its citation)."),
        parameters=[
            OpenApiParameter("request_id", OpenApiTypes.INT, OpenApiParameter.PATH),
            OpenApiParameter("name", OpenApiTypes.STR, OpenApiParameter.PATH,
                             enum=sorted(CATALOGUE),
                             description="The action (a transition of the request graph)."),
        ],
        request=TransitionRunInputSerializer,
        responses={200: TransitionRunResultSerializer, **COMMON_ERRORS, **RULE_ERRORS,
                   415: error("Send the body as application/json.")},
        examples=[
            OpenApiExample("Refuse", request_only=True, value={
                "version": 7, "ground": "refusal_sovereignty_security_public_order",
                "reasons": "Execution would prejudice national security."}),
            OpenApiExample("Blocked by a treaty rule", response_only=True, status_codes=["422"],
                           value={"type": "rule_violation",
                                  "detail": "The appearance date is 59 days away...",
                                  "errors": {},
                                  "violations": [{
                                      "rule": "summons_lead_time",
                                      "citation": "kz-rs-2015 Art 8.3",
                                      "instrument": "kz-rs-2015", "article": "Art 8.3",
                                      "message": "The appearance date 30.04.2026 is 59 days "
                                                 "away; this instrument requires at least 60 "
                                                 "calendar days between transmission and "
                                                 "appearance.",
                                      "field": "appearance_date"}]}),
        ],
        tags=["transitions"],
    )
    def post(self, request, request_id, name):
        obj = visible_request(request.user, request_id)
        if name not in CATALOGUE:
            raise RequestNotFound(name)
        # Whether the action exists now and the role may run it is answered before the body is
        # looked at (409, 403); the service checks both again under the row lock.
        option = request_transition_check(request=obj, user=request.user, name=name)
        if not option.permitted:
            raise ActionNotPermitted()
        if not isinstance(request.data, dict):
            raise InvalidInput({"non_field_errors": str(_("Send a JSON object."))})
        spec = option.spec
        reject_unknown(request.data, {"version", "reason", *spec.param_names})
        body = _input_serializer(spec)(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        version = data.pop("version")
        reason = data.pop("reason", "") or ""
        outcome = request_transition_run(request_id=obj.pk, actor=request.user, name=name,
                                         reason=reason, expected_version=version, params=data)
        result = {"request": obj.pk, "state": outcome.request.state,
                  "state_label": state_label(outcome.request.state),
                  "version": outcome.request.version, "log_entry": outcome.log_entry}
        return Response(TransitionRunResultSerializer(
            result, context={"side": counterpart_side(outcome.request)}).data)


_ID = r"(?P<request_id>[^/]+)"
urlpatterns = [
    re_path(rf"^requests/{_ID}/transitions/$", TransitionListApi.as_view(),
            name="api-request-transitions"),
    re_path(rf"^requests/{_ID}/transitions/(?P<name>[^/]+)/$", TransitionRunApi.as_view(),
            name="api-request-transition-run"),
]
