"""API: is the request ready for its next step with the other side?

    GET /api/requests/{request_id}/readiness/

For an outgoing request the step is transmission: the answer is exactly what the ``transmit``
action checks (the same pure function, ``treaties.rules.readiness.request_readiness``), so
"complete" here and "transmittable" there cannot disagree. For an incoming request it is
forwarding for execution: the completeness of the written request. Each blocking rule comes with
its citation; the mandatory contents, the languages accepted and each summoned person's lead time
are listed as the drafting checklist shows them.
"""

from __future__ import annotations

from typing import Any

from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from treaties.rules.readiness import Readiness

from .. import clock
from ..models import AssistanceRequest
from ..models import RequestPerson
from ..selectors.requests import request_readiness_on
from .fields import enum_field
from .fields import visible_request
from .schemas import COMMON_ERRORS
from .schemas import ViolationSerializer

ContentStatusField = enum_field("ReadinessContentStatus", [
    ("ok", "present"), ("missing", "missing"),
    ("not_needed", "a \"where needed\" item that is not needed for this request")])
StepField = enum_field("ReadinessStep", [
    ("transmission", "transmission to the other side (outgoing)"),
    ("execution", "forwarding for execution (incoming)")])


class ReadinessContentSerializer(serializers.Serializer):
    field = serializers.CharField(help_text=_("The request's field holding the item."))
    label = serializers.CharField()
    rule = serializers.CharField(help_text=_("Code of the content rule in the rulebook."))
    citation = serializers.CharField()
    summary = serializers.CharField(help_text=_("The rule in the current language."))
    status = ContentStatusField()

    class Meta:
        ref_name = "ReadinessContent"


class ReadinessSummonsSerializer(serializers.Serializer):
    person = serializers.IntegerField(help_text=_("The person's id."))
    name = serializers.CharField()
    appearance_date = serializers.DateField()
    days_left = serializers.IntegerField(help_text=_("Calendar days from today."))
    required_days = serializers.IntegerField(allow_null=True, help_text=_(
        "The instrument's lead time; null where it sets none."))
    ok = serializers.BooleanField()
    blocked_by = ViolationSerializer(many=True)

    class Meta:
        ref_name = "ReadinessSummons"


class ReadinessSerializer(serializers.Serializer):
    request = serializers.IntegerField(help_text=_("The request's id."))
    reference = serializers.CharField()
    state = serializers.CharField()
    version = serializers.IntegerField()
    step = StepField(help_text=_("The next step with the other side."))
    on = serializers.DateField(help_text=_("The day the answer is for (today, Asia/Almaty)."))
    complete = serializers.BooleanField(help_text=_("No rule blocks the step today."))
    blocked_by = ViolationSerializer(many=True, help_text=_(
        "Every rule that blocks the step, each with its citation; the transmit action answers "
        "with the same rules."))
    contents = ReadinessContentSerializer(many=True)
    accepted_languages = serializers.ListField(child=serializers.CharField(), help_text=_(
        "Languages the request may be in or translated into (ISO 639-1)."))
    translation_ok = serializers.BooleanField()
    summonses = ReadinessSummonsSerializer(many=True)

    class Meta:
        ref_name = "Readiness"


def _contents(readiness: Readiness) -> list[dict[str, Any]]:
    def label(name: str) -> str:
        if name == "persons":
            return str(RequestPerson._meta.verbose_name_plural)
        return str(AssistanceRequest._meta.get_field(name).verbose_name)

    return [{"field": c.rule.field, "label": label(c.rule.field), "rule": c.rule.code,
             "citation": str(c.rule.citation), "summary": c.rule.summary.text(),
             "status": c.status} for c in readiness.contents]


def readiness_out(obj: AssistanceRequest, readiness: Readiness) -> dict[str, Any]:
    names = {str(p.pk): p.full_name for p in obj.persons.all()}
    return {
        "request": obj.pk, "reference": obj.reference, "state": obj.state,
        "version": obj.version,
        "step": "transmission" if readiness.outgoing else "execution",
        "on": clock.today(), "complete": readiness.complete,
        "blocked_by": [v.as_dict() for v in readiness.violations],
        "contents": _contents(readiness),
        "accepted_languages": sorted(readiness.accepted_languages),
        "translation_ok": not readiness.translation,
        "summonses": [{"person": int(c.person.key), "name": names.get(c.person.key, ""),
                       "appearance_date": c.person.appearance_date, "days_left": c.days_left,
                       "required_days": c.required_days, "ok": c.ok,
                       "blocked_by": [v.as_dict() for v in c.violations]}
                      for c in readiness.summonses],
    }


class RequestReadinessApi(APIView):
    @extend_schema(
        operation_id="requests_readiness",
        summary="Is the request ready for its next step?",
        description=(
            "For an outgoing request: whether it may be transmitted today, by exactly the rules "
            "the transmit action checks (instrument in force, assistance types, channel, "
            "mandatory contents, language, reasons for a requested date, summons lead times, "
            "the original by post). For an incoming request: whether the written request is "
            "complete enough to forward for execution. Every blocking rule with its citation; "
            "404 when the request does not exist or is not visible to you."),
        parameters=[OpenApiParameter("request_id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={200: ReadinessSerializer, 401: COMMON_ERRORS[401], 404: COMMON_ERRORS[404]},
        tags=["requests"],
    )
    def get(self, request: Request, request_id: str) -> Response:
        obj = visible_request(request.user, request_id)
        readiness = request_readiness_on(obj, clock.today())
        return Response(ReadinessSerializer(readiness_out(obj, readiness)).data)


urlpatterns = [
    re_path(r"^requests/(?P<request_id>[^/]+)/readiness/$", RequestReadinessApi.as_view(),
            name="api-request-readiness"),
]
