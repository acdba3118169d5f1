"""API: a request's log, each step with its basis.

    GET /api/requests/{request_id}/log/

Every step the request went through, oldest first (the timeline of the request page): the action,
the states it left and reached, who took it and when, the reason and its basis, which is either
the article of the request's instrument the step was taken under or office procedure
(``models.LogBasis``; rows logged before bases were kept say "not recorded"). The run result of
an action (``POST .../transitions/{name}/``) carries the entry it wrote in the same shape.
"""

from __future__ import annotations

from typing import Any

from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ..action_labels import action_label
from ..action_labels import counterpart_side
from ..models import LogBasisKind
from ..models import TransitionLog
from .fields import enum_field
from .fields import visible_request
from .schemas import COMMON_ERRORS

LogBasisKindField = enum_field("LogBasisKind", [
    (LogBasisKind.TREATY.value, "taken under the article cited"),
    (LogBasisKind.OFFICE_PROCEDURE.value, "no treaty provision governs the step: the office's "
                                          "own procedure"),
    (LogBasisKind.NOT_RECORDED.value, "logged before bases were kept, without a citation")])


class LogBasisSerializer(serializers.Serializer):
    kind = LogBasisKindField()
    label = serializers.CharField(help_text=_("The kind, in the current language."))
    text = serializers.CharField(help_text=_(
        "What to show: the instrument and the article as the current language writes it "
        "(kz-rs-2015 ст. 5.3), or \"office procedure\"; never empty."))
    citation = serializers.CharField(help_text=_(
        "The article cited (kz-rs-2015 Art 5.3); empty unless the kind is treaty."))
    instrument = serializers.CharField(allow_null=True)
    article = serializers.CharField(allow_null=True, help_text=_("Art 5.3"))
    localized_reference = serializers.CharField(allow_null=True, help_text=_(
        "The article as the current language writes it: Art 5.3, ст. 5.3, 5.3-бап."))

    class Meta:
        ref_name = "LogBasis"


class LogEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    action = serializers.CharField(help_text=_("The step's stable code (a transition's name or a "
                                               "recorded fact's code)."))
    action_label = serializers.SerializerMethodField(help_text=_(
        "What was done, in the past tense and the current language; on an outgoing request the "
        "other side's acts are named as theirs (\"Brazil refused\")."))
    from_state = serializers.CharField()
    to_state = serializers.CharField()
    at = serializers.DateTimeField()
    actor = serializers.SerializerMethodField(help_text=_(
        "Username of whoever took the step; null for the system."))
    reason = serializers.CharField()
    citation = serializers.CharField(help_text=_(
        "Article applied; empty where the step is office procedure (see basis)."))
    basis = serializers.SerializerMethodField()

    class Meta:
        ref_name = "TransitionLogEntry"

    def get_action_label(self, entry: TransitionLog) -> str:
        return action_label(entry.action, self.context.get("side", ""))

    @extend_schema_field(LogBasisSerializer)
    def get_basis(self, entry: TransitionLog) -> dict[str, Any]:
        return entry.basis.as_dict()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_actor(self, entry: TransitionLog) -> str | None:
        return entry.actor.get_username() if entry.actor is not None else None


class LogSerializer(serializers.Serializer):
    request = serializers.IntegerField(help_text=_("The request's id."))
    reference = serializers.CharField()
    entries = LogEntrySerializer(many=True)

    class Meta:
        ref_name = "RequestLog"


class RequestLogApi(APIView):
    @extend_schema(
        operation_id="requests_log",
        summary="The request's log",
        description=(
            "Every step of the request, oldest first, with who took it, when, the states it "
            "left and reached, the reason and its basis: the article of the request's "
            "instrument it was taken under, or office procedure. 404 when the request does not "
            "exist or is not visible to you."),
        parameters=[OpenApiParameter("request_id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={200: LogSerializer, 401: COMMON_ERRORS[401], 404: COMMON_ERRORS[404]},
        tags=["requests"],
    )
    def get(self, request: Request, request_id: str) -> Response:
        obj = visible_request(request.user, request_id)
        entries = obj.log.select_related("actor").order_by("at", "id")
        return Response(LogSerializer({"request": obj.pk, "reference": obj.reference,
                                       "entries": entries},
                                      context={"side": counterpart_side(obj)}).data)


_ID = r"(?P<request_id>[^/]+)"
urlpatterns = [
    re_path(rf"^requests/{_ID}/log/$", RequestLogApi.as_view(), name="api-request-log"),
]
