"""API: people and their work.

    GET  /api/my-work/                       what I must do next, soonest due first, 50 a page
    GET  /api/workload/                      per person: open requests owned, overdue duties,
                                             due within 7 days (supervisors)
    POST /api/requests/{request_id}/owners/  change the owner of one stage
                                             (``services.owners.request_owner_change``)

The work lists come from ``selectors.people`` (the requests one may see, a constant number of
queries); the owner change from the service, which checks access, role, version and the new
owner, logs it and tells the new owner in one transaction.
"""

from __future__ import annotations

from django.urls import path
from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import clock
from ..models import Direction
from ..models import RequestState
from ..selectors.keyset import CURSOR_PARAMETER
from ..selectors.people import my_work_page
from ..selectors.people import workload
from ..services.owners import OWNER_REASON_MAX_LENGTH
from ..services.owners import request_owner_change
from ..workflow.owners import STAGE_LABELS
from ..workflow.owners import WorkStage
from .fields import IdField
from .fields import StrictCharField
from .fields import VersionedInput
from .fields import reject_unknown
from .fields import visible_request
from .parsers import JSONParser
from .requests import OwnerStageField
from .requests import OwnerUserSerializer
from .requests import RequestDetailSerializer
from .requests import WorkStageField
from .requests import api_url
from .requests import detail_response
from .requests import next_page_url
from .schemas import COMMON_ERRORS
from .schemas import RULE_ERRORS


# --- My work ----------------------------------------------------------------------------------------
class MyWorkItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    direction = serializers.ChoiceField(choices=Direction.choices)
    instrument = serializers.CharField(source="instrument.slug", help_text=_("Instrument slug."))
    state = serializers.ChoiceField(choices=RequestState.choices)
    state_label = serializers.CharField(source="get_state_display")
    stage = WorkStageField(source="work_stage",
                           help_text=_("The next action: whose move it is."))
    stage_label = serializers.SerializerMethodField()
    assigned = serializers.BooleanField(help_text=_(
        "True: you own this stage; false: nobody is named and your role acts (unassigned)."))
    next_due_at = serializers.DateTimeField(allow_null=True, help_text=_(
        "The request's next deadline still needing action (treaty terms, the office-policy "
        "execution target, a draft's provisional ones); null where none runs."))
    overdue = serializers.BooleanField(source="is_overdue")
    url = serializers.SerializerMethodField()
    html = serializers.SerializerMethodField(help_text=_("The request's page in the web app."))

    class Meta:
        ref_name = "MyWorkItem"

    def get_stage_label(self, obj) -> str:
        return str(STAGE_LABELS[WorkStage(obj.work_stage)])

    def get_url(self, obj) -> str:
        return api_url(self.context.get("request"), "api-request-detail", obj.pk)

    def get_html(self, obj) -> str:
        return api_url(self.context.get("request"), "request_detail", obj.pk)


class MyWorkPageSerializer(serializers.Serializer):
    """One page of My work and the link to the next."""

    next = serializers.URLField(allow_null=True, help_text=_(
        "The next page (with its cursor); null on the last."))
    results = MyWorkItemSerializer(many=True)

    class Meta:
        ref_name = "MyWorkPage"


class MyWorkApi(APIView):
    @extend_schema(
        operation_id="my_work_list",
        summary="What I must do next",
        description=("The open requests whose current stage you own, and those without an "
                     "owner there that your role acts on in your office (assigned: false), "
                     "soonest due first (those with nothing due after, newest first), 50 a "
                     "page. Pages are keyset pages: follow ``next`` (its ``cursor``); there "
                     "is no page number and no total."),
        parameters=[OpenApiParameter(CURSOR_PARAMETER, OpenApiTypes.STR, description=_(
            "Where the page starts: the cursor in the previous page's ``next``."))],
        responses={200: MyWorkPageSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401]},
        tags=["people"],
    )
    def get(self, request: Request) -> Response:
        reject_unknown(request.query_params, {CURSOR_PARAMETER, "format"})
        page = my_work_page(user=request.user, now=clock.now(),
                            cursor=request.query_params.get(CURSOR_PARAMETER) or None)
        return Response({
            "next": next_page_url(request, page.next_cursor),
            "results": MyWorkItemSerializer(page.rows, many=True,
                                            context={"request": request}).data})


# --- workload ---------------------------------------------------------------------------------------
class WorkloadRowSerializer(serializers.Serializer):
    user = OwnerUserSerializer(allow_null=True, help_text=_(
        "Null: the work nobody is named for (the role acts on it)."))
    office = serializers.CharField(allow_null=True, help_text=_("The person's office code."))
    open_requests = serializers.IntegerField(help_text=_(
        "Open requests whose current stage the person owns."))
    overdue = serializers.IntegerField(help_text=_("Duties (deadlines) overdue."))
    due_soon = serializers.IntegerField(help_text=_("Open duties due within 7 days."))

    class Meta:
        ref_name = "WorkloadRow"


class WorkloadSerializer(serializers.Serializer):
    results = WorkloadRowSerializer(many=True)

    class Meta:
        ref_name = "Workload"


class WorkloadApi(APIView):
    @extend_schema(
        operation_id="workload_list",
        summary="Workload per person",
        description=("Supervisors: for every active prosecutor and clerk (and anyone else who "
                     "owns work), the open requests whose current stage they own, their overdue "
                     "duties and those due within 7 days; first the row of work nobody is named "
                     "for."),
        responses={200: WorkloadSerializer, 400: COMMON_ERRORS[400], 401: COMMON_ERRORS[401],
                   403: COMMON_ERRORS[403]},
        tags=["people"],
    )
    def get(self, request: Request) -> Response:
        reject_unknown(request.query_params, {"format"})
        rows = workload(user=request.user, now=clock.now())
        data = [{"user": row.user, "office": row.office.code if row.office else None,
                 "open_requests": row.open_requests, "overdue": row.overdue,
                 "due_soon": row.due_soon} for row in rows]
        return Response(WorkloadSerializer({"results": data}).data)


# --- changing an owner ------------------------------------------------------------------------------
class OwnerChangeInputSerializer(VersionedInput):
    stage = OwnerStageField(help_text=_(
        "drafting (outgoing requests), clerk, or executing (incoming requests)."))
    user = IdField(allow_null=True, help_text=_(
        "Id of the new owner: an active user holding the stage's role in an office that works "
        "on the request; null: nobody (the role acts)."))
    reason = StrictCharField(max_length=OWNER_REASON_MAX_LENGTH, help_text=_(
        "Why the owner changes; logged."))

    class Meta:
        ref_name = "OwnerChangeInput"


REQUEST_ID = OpenApiParameter("request_id", OpenApiTypes.INT, OpenApiParameter.PATH,
                              description="Id of the request (404 when missing or not visible).")


class RequestOwnersApi(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="requests_owners_change",
        summary="Change the owner of a stage",
        description=("Clerks and supervisors, with a reason and the version you saw. Logged as "
                     "owner_changed (office procedure) with the stage and both owners; the "
                     "deadlines of the stage address the new owner, who is notified. Answers "
                     "the request as GET does."),
        parameters=[REQUEST_ID],
        request=OwnerChangeInputSerializer,
        responses={200: RequestDetailSerializer, **COMMON_ERRORS, 409: RULE_ERRORS[409]},
        tags=["requests"],
    )
    def post(self, request: Request, request_id: str) -> Response:
        obj = visible_request(request.user, request_id)
        serializer = OwnerChangeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        request_owner_change(actor=request.user, request_id=obj.pk, stage=data["stage"],
                             user_id=data["user"], reason=data["reason"],
                             expected_version=data["version"])
        return detail_response(request, obj.pk)


urlpatterns = [
    path("my-work/", MyWorkApi.as_view(), name="api-my-work"),
    path("workload/", WorkloadApi.as_view(), name="api-workload"),
    re_path(r"^requests/(?P<request_id>[^/]+)/owners/$", RequestOwnersApi.as_view(),
            name="api-request-owners"),
]
