"""API: deadlines.

    GET /api/deadlines/?status=&due_after=&due_before=&instrument=&kind=&request=
    POST /api/deadlines/{id}/waive/    {"reason": "...", "version": 7}   (supervisors)

The deadlines the caller may see, soonest first: those of requests ``requests_visible_to`` lets
them see, and the instruments' own duties (RS 18 reports, suspension and termination taking
effect) for supervisors and administrators, and for clerks whose office is designated for the
instrument. Filters are validated strictly (an unknown filter, a bad date or an unknown value is
400); a page costs the same number of queries whatever its length.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime

from django.contrib.auth.models import User
from django.db.models import F
from django.db.models import Prefetch
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from treaties.models import Instrument
from treaties.rules.calendar import start_of_day
from treaties.rules.deadlines import DeadlineKind

from ..exceptions import RequestNotFound
from ..models import Deadline
from ..models import DeadlineStatus
from ..models import ResponsibleSide
from ..models import SupersededReason
from ..roles import ROLE_LABELS
from ..roles import Role
from ..selectors.deadlines import deadlines_visible_to
from ..selectors.keyset import CURSOR_PARAMETER
from ..selectors.keyset import keyset_page
from ..services.notices import basis_text
from ..services.waivers import REASON_MAX_LENGTH
from ..services.waivers import deadline_waive
from .fields import FormIdField
from .fields import StrictCharField
from .fields import StrictDateField
from .fields import StrictDateTimeField
from .fields import StrictIntegerField
from .fields import StrictSerializer
from .fields import reject_unknown
from .fields import validated_body
from .requests import next_page_url
from .schemas import COMMON_ERRORS
from .schemas import DeadlineDutySerializer
from .schemas import RequestRefSerializer
from .schemas import error

# Query parameters besides the filters: DRF's page number and format override.
PAGE_PARAMS = (CURSOR_PARAMETER, "format")
# Soonest first; one index (``deadline_due_idx``) whatever the number of deadlines.
DEADLINE_LIST_ORDER = ("due_at", "id")


def _moment(value: date | datetime) -> datetime:
    """A date stands for the start of that day in Asia/Almaty."""
    return value if isinstance(value, datetime) else start_of_day(value)


@extend_schema_field(OpenApiTypes.STR)
class DateOrDateTimeField(serializers.Field):
    """An ISO 8601 date (read by ``StrictDateField``: the start of that day, Asia/Almaty) or
    date-time (read by ``StrictDateTimeField``: Asia/Almaty without an offset), within the same
    years as those fields."""

    default_error_messages = {"invalid": _("Give an ISO 8601 date (YYYY-MM-DD) or date-time.")}

    def to_internal_value(self, data: object) -> date | datetime:
        if not isinstance(data, str):
            self.fail("invalid")
        if "T" in data or " " in data.strip():
            return StrictDateTimeField().run_validation(data)
        return StrictDateField().run_validation(data)

    def to_representation(self, value: date | datetime) -> str:
        return value.isoformat()


class DeadlineFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=DeadlineStatus.choices, required=False)
    due_after = DateOrDateTimeField(required=False, help_text=_(
        "Due at or after: an ISO date (from 00:00 that day, Asia/Almaty) or date-time."))
    due_before = DateOrDateTimeField(required=False, help_text=_(
        "Due before (exclusive): an ISO date (before 00:00 that day, Asia/Almaty) or date-time. "
        "due_after=2026-03-02&due_before=2026-03-03 gives the deadlines due on 2 March."))
    instrument = serializers.SlugField(required=False, help_text=_("Instrument slug."))
    kind = serializers.ChoiceField(choices=[k.value for k in DeadlineKind], required=False)
    request = FormIdField(required=False, help_text=_("Request id."))

    class Meta:
        ref_name = "DeadlineFilter"

    def validate_instrument(self, value):
        if not Instrument.objects.filter(slug=value).exists():
            raise serializers.ValidationError(_("Unknown instrument."))
        return value

    def validate(self, attrs):
        after, before = attrs.get("due_after"), attrs.get("due_before")
        if after is not None and before is not None and _moment(after) > _moment(before):
            raise serializers.ValidationError({"due_before": _("This is before due_after.")})
        return attrs


class DeadlineRequestSerializer(RequestRefSerializer):
    class Meta:
        ref_name = "DeadlineRequest"


class DeadlineUserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    name = serializers.CharField()

    class Meta:
        ref_name = "DeadlineUser"


class DeadlineResponsibleSerializer(serializers.Serializer):
    side = serializers.ChoiceField(choices=ResponsibleSide.choices)
    side_label = serializers.CharField()
    role = serializers.CharField(help_text=_("Role that must act (may be empty)."))
    role_label = serializers.CharField()
    user = DeadlineUserSerializer(allow_null=True)

    class Meta:
        ref_name = "DeadlineResponsible"


class DeadlineSupersededSerializer(serializers.Serializer):
    at = serializers.DateTimeField(help_text=_("When the miss was superseded."))
    missed_due_at = serializers.DateTimeField(help_text=_("The due time that was missed."))
    reason = serializers.ChoiceField(choices=SupersededReason.choices)
    reason_label = serializers.CharField()

    class Meta:
        ref_name = "DeadlineSuperseded"


class DeadlineOutSerializer(DeadlineDutySerializer):
    request = DeadlineRequestSerializer(allow_null=True, help_text=_(
        "Null for a duty of the instrument itself."))
    instrument = serializers.CharField(help_text=_("Instrument slug."))
    responsible = DeadlineResponsibleSerializer()
    met_at = serializers.DateTimeField(allow_null=True)
    provisional = serializers.BooleanField(help_text=_(
        "Computed on an outgoing request still being drafted, reviewed or made ready: shown, "
        "never reminded, missed or escalated until the request is transmitted (office "
        "policy)."))
    closed_reason = serializers.CharField(help_text=_(
        "Why it was closed other than by being met (a waiver's reason); may be empty."))
    closed_at = serializers.DateTimeField(allow_null=True, help_text=_(
        "When a supervisor waived it; null otherwise."))
    closed_by = DeadlineUserSerializer(allow_null=True, help_text=_(
        "The supervisor who waived it; null otherwise."))
    superseded = DeadlineSupersededSerializer(allow_null=True, help_text=_(
        "The last miss of this term overtaken by a change of its basis (the term then runs "
        "again to its new due time, or is closed as superseded); null if none."))

    class Meta:
        ref_name = "DeadlineOut"


class DeadlinePageSerializer(serializers.Serializer):
    next = serializers.URLField(allow_null=True, help_text=_(
        "The next page (the same filters, with its cursor); null on the last."))
    results = DeadlineOutSerializer(many=True)

    class Meta:
        ref_name = "DeadlinePage"


def _role_label(role: str) -> str:
    try:
        return str(ROLE_LABELS[Role(role)])
    except ValueError:
        return role


def _user_out(user: User | None) -> dict | None:
    return ({"id": user.pk, "username": user.get_username(),
             "name": user.get_full_name() or user.get_username()} if user else None)


def _superseded_out(row: Deadline) -> dict | None:
    if row.superseded_at is None or row.superseded_due_at is None:
        return None
    return {"at": row.superseded_at, "missed_due_at": row.superseded_due_at,
            "reason": row.superseded_reason,
            "reason_label": str(row.get_superseded_reason_display())}


def deadline_out(row: Deadline) -> dict:
    return {
        "id": row.pk,
        # ``request_reference``: annotated by the list; read from the request elsewhere.
        "request": ({"id": row.request_id,
                     "reference": getattr(row, "request_reference", None)
                     or row.request.reference} if row.request_id else None),
        "instrument": row.instrument.slug,
        "kind": row.kind,
        "duty_label": row.duty_label,
        "due_at": row.due_at,
        "citation": row.citation,
        "basis": row.basis,
        "basis_label": str(basis_text(row.basis)),
        "status": row.status,
        "responsible": {
            "side": row.responsible_side,
            "side_label": str(row.get_responsible_side_display()),
            "role": row.responsible_role,
            "role_label": _role_label(row.responsible_role) if row.responsible_role else "",
            "user": _user_out(row.responsible_user),
        },
        "met_at": row.met_at,
        "provisional": row.provisional,
        "closed_reason": row.closed_reason,
        "closed_at": row.closed_at,
        "closed_by": _user_out(row.closed_by),
        "superseded": _superseded_out(row),
    }


class DeadlineListApi(APIView):
    """The deadlines the caller may see, soonest first."""

    @extend_schema(
        operation_id="deadlines_list",
        summary="Deadlines visible to you",
        description=(
            "Deadlines of the requests you may see and, for supervisors, administrators and "
            "clerks of a designated office, the instruments' own duties (request is null). "
            "Ordered by due time, 50 a page. Pages are keyset pages: follow ``next`` (its "
            "``cursor``); there is no page number and no total. Each carries its citation and basis (treaty term, "
            "office-policy target or date set by the requesting side). An unknown filter or "
            "value, or a bad date, answers 400."),
        parameters=[DeadlineFilterSerializer, OpenApiParameter(
            CURSOR_PARAMETER, OpenApiTypes.STR, description=_(
                "Where the page starts: the cursor in the previous page's ``next``."))],
        responses={200: DeadlinePageSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401]},
        tags=["deadlines"],
    )
    def get(self, request):
        reject_unknown(request.query_params, {*DeadlineFilterSerializer().fields, *PAGE_PARAMS})
        filters = DeadlineFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        f = filters.validated_data
        qs = deadlines_visible_to(request.user)
        if "status" in f:
            qs = qs.filter(status=f["status"])
        if "due_after" in f:
            qs = qs.filter(due_at__gte=_moment(f["due_after"]))
        if "due_before" in f:
            qs = qs.filter(due_at__lt=_moment(f["due_before"]))
        if "instrument" in f:
            qs = qs.filter(instrument__slug=f["instrument"])
        if "kind" in f:
            qs = qs.filter(kind=f["kind"])
        if "request" in f:
            qs = qs.filter(request_id=f["request"])
        # Of the request only its reference, the instrument in a small query of its own: each
        # table joined multiplies the join orders PostgreSQL weighs before a 50-row page.
        qs = (qs.annotate(request_reference=F("request__reference"))
              .select_related("responsible_user", "closed_by")
              .prefetch_related(Prefetch("instrument",
                                         queryset=Instrument.objects.only("id", "slug"))))
        page = keyset_page(qs, order=DEADLINE_LIST_ORDER,
                           cursor=request.query_params.get(CURSOR_PARAMETER) or None,
                           size=api_settings.PAGE_SIZE)
        return Response({
            "next": next_page_url(request, page.next_cursor),
            "results": DeadlineOutSerializer([deadline_out(row) for row in page.rows],
                                             many=True).data})


class DeadlineWaiveInSerializer(StrictSerializer):
    reason = StrictCharField(max_length=REASON_MAX_LENGTH, help_text=_(
        "Why the missed deadline is not pursued: recorded in the request's log."))
    version = StrictIntegerField(required=False, min_value=1, help_text=_(
        "The request's version as you saw it; if it moved meanwhile the answer is 409 with the "
        "current version. Not used for an instrument's own duty."))

    class Meta:
        ref_name = "DeadlineWaiveInput"


class DeadlineWaiveApi(APIView):
    """A supervisor waives a missed deadline, with a reason (office procedure)."""

    @extend_schema(
        operation_id="deadlines_waive",
        summary="Waive a missed deadline (supervisors)",
        description=(
            "Closes a missed deadline that is still not done as waived, with the reason, "
            "recorded in the request's log as office procedure (no treaty term is waived by "
            "it: the office decides not to pursue the miss). Only supervisors; only a missed "
            "deadline. A deadline you may not see answers 404; no reason, or a deadline that "
            "is not missed, 400."),
        parameters=[OpenApiParameter("deadline_id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        request=DeadlineWaiveInSerializer,
        responses={200: DeadlineOutSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 403: COMMON_ERRORS[403], 404: COMMON_ERRORS[404],
                   409: error("The request changed meanwhile: send the version you saw.")},
        tags=["deadlines"],
    )
    def post(self, request, deadline_id):
        if not deadlines_visible_to(request.user).filter(pk=deadline_id).exists():
            raise RequestNotFound()
        body = validated_body(DeadlineWaiveInSerializer, request.data)
        row = deadline_waive(actor=request.user, deadline_id=deadline_id,
                             reason=body["reason"], expected_version=body.get("version"))
        fresh = (Deadline.objects.select_related("request", "instrument", "responsible_user",
                                                 "closed_by").get(pk=row.pk))
        return Response(DeadlineOutSerializer(deadline_out(fresh)).data)


urlpatterns = [
    path("deadlines/", DeadlineListApi.as_view(), name="api-deadlines"),
    path("deadlines/<int:deadline_id>/waive/", DeadlineWaiveApi.as_view(),
         name="api-deadline-waive"),
]
