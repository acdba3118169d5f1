"""API: who looked at a request (supervisors only).

    GET /api/requests/{request_id}/access-log/

Every view and download of the request, its letter and its files, newest first, 50 a page: who,
when, what (and which letter version or file), through the web or the API. Kept apart from the
request's log (``requests/{id}/log/``), which records changes. Anyone but a supervisor gets 403
(``services.access_log.may_see_access_log``), whatever the request.
"""

from __future__ import annotations

from django.urls import re_path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ..exceptions import ActionNotPermitted
from ..models import AccessChannel
from ..models import AccessKind
from ..models import AccessRecord
from ..selectors.access_log import request_access_records
from ..services.access_log import may_see_access_log
from .fields import enum_field
from .fields import visible_request
from .schemas import COMMON_ERRORS

AccessKindField = enum_field("AccessKind", [(kind.value, str(kind.label)) for kind in AccessKind])
AccessChannelField = enum_field("AccessChannel", [
    (AccessChannel.WEB.value, "the web pages"), (AccessChannel.API.value, "this API")])


class AccessRecordSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField()
    user = serializers.CharField(source="user.username", help_text=gettext_lazy(
        "Username of who looked."))
    user_name = serializers.SerializerMethodField(help_text=gettext_lazy(
        "Their full name, or the username where none is recorded."))
    what = AccessKindField()
    what_label = serializers.CharField(source="get_what_display", help_text=gettext_lazy(
        "What they looked at, in the current language."))
    object_id = serializers.IntegerField(allow_null=True, help_text=gettext_lazy(
        "The frozen letter version (letter_version_downloaded), the attachment (attachment "
        "and correspondence downloads) or the duty (notice letters) looked at; null for the "
        "request itself and its current letter."))
    label = serializers.CharField(help_text=gettext_lazy(
        "Which file: the name it was downloaded under; empty for the request itself."))
    channel = AccessChannelField()

    class Meta:
        ref_name = "AccessRecord"

    def get_user_name(self, record: AccessRecord) -> str:
        return record.user.get_full_name() or record.user.get_username()


class RequestAccessLogApi(APIView):
    pagination_class = PageNumberPagination

    @extend_schema(
        operation_id="requests_access_log",
        summary="Who looked at the request",
        description=(
            "Every opening of the request page, read of the request through this API and "
            "download of its letter, letter versions, attachments and correspondence, newest "
            "first, 50 a page: who, when, what, which file and through which channel. Apart "
            "from the request's log, which records changes. Supervisors only: 403 for anyone "
            "else; 404 when the request does not exist."),
        parameters=[OpenApiParameter("request_id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={200: AccessRecordSerializer(many=True), 401: COMMON_ERRORS[401],
                   403: COMMON_ERRORS[403], 404: COMMON_ERRORS[404]},
        tags=["requests"],
    )
    def get(self, request: Request, request_id: str) -> Response:
        if not may_see_access_log(request.user):
            raise ActionNotPermitted(_("Only supervisors see who looked at a request."))
        obj = visible_request(request.user, request_id)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(request_access_records(obj.pk), request, view=self)
        return paginator.get_paginated_response(AccessRecordSerializer(page, many=True).data)


_ID = r"(?P<request_id>[^/]+)"
urlpatterns = [
    re_path(rf"^requests/{_ID}/access-log/$", RequestAccessLogApi.as_view(),
            name="api-request-access-log"),
]
