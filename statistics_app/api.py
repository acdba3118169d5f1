"""API: the statistics, for supervisors (what the page shows, with the same filters).

    GET /api/statistics/?start=&end=&direction=&partner_state=&instrument=&offence_category=
                        &assistance_type=                 every table of the page
    GET /api/statistics/requests/?<the same filters and a cell's drill-down>&after=
                                                          the requests behind one figure

The query parameters are the page's (``forms.StatisticsFilterForm``): one meaning everywhere.
Every cell carries ``requests_url``, the list of the requests behind it.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from requests_app import clock
from requests_app.api.schemas import COMMON_ERRORS
from treaties.rules.calendar import local_date

from .figures import Cell
from .figures import StatisticsReport
from .figures import statistics_report
from .filters import StatisticsFilters
from .forms import StatisticsFilterForm
from .views import Cursor
from .views import drill_down_page
from .views import require_statistics_reader


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string", "format": "decimal"}],
                      "nullable": True})
class FigureField(serializers.Field):
    """A count or a number of days (an integer), or an amount (a decimal string, never a
    float); null where there is nothing to compute (a median of no requests)."""

    def to_representation(self, value: Any) -> Any:
        return value if value is None or isinstance(value, int) else str(value)


class CellSerializer(serializers.Serializer):
    value = FigureField()
    requests_url = serializers.CharField(allow_null=True, help_text=(
        "The requests behind the figure (GET /api/statistics/requests/...); null where the "
        "figure is computed from others (a median, a share)."))


class RowSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    cells = CellSerializer(many=True)


class TableSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    note = serializers.CharField()
    unit = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = RowSerializer(many=True)


class MonthSerializer(serializers.Serializer):
    month = serializers.DateField()
    sent = serializers.IntegerField()
    received = serializers.IntegerField()


class ReportSerializer(serializers.Serializer):
    filters = serializers.DictField(child=serializers.CharField())
    computed_at = serializers.DateTimeField()
    tables = TableSerializer(many=True)
    months = MonthSerializer(many=True)


class DrillRowSerializer(serializers.Serializer):
    request_id = serializers.IntegerField()
    reference = serializers.CharField()
    direction = serializers.CharField()
    partner_state = serializers.CharField(help_text="ISO 3166-1 alpha-2 code")
    instrument = serializers.CharField()
    opened_on = serializers.DateField()
    outcome = serializers.CharField()
    days_to_answer = serializers.IntegerField(allow_null=True)
    refusal_ground = serializers.CharField()


class DrillPageSerializer(serializers.Serializer):
    results = DrillRowSerializer(many=True)
    next = serializers.CharField(allow_null=True)


def _filters(request: Any) -> StatisticsFilters:
    require_statistics_reader(request.user)
    form = StatisticsFilterForm(request.query_params, today=clock.today())
    if not form.is_valid():
        raise ValidationError({name: [str(e) for e in errors]
                               for name, errors in form.errors.items()})
    return form.filters()


def _cell_url(request: Any, cell: Cell) -> str | None:
    if cell.drill is None:
        return None
    return request.build_absolute_uri(
        f"{reverse('api-statistics-requests')}?{urlencode(cell.drill)}")


def report_data(request: Any, report: StatisticsReport) -> dict[str, Any]:
    return {
        "filters": report.filters.as_params(), "computed_at": report.computed_at,
        "tables": [{"key": t.key, "title": t.title, "note": t.note, "unit": t.unit,
                    "columns": list(t.columns),
                    "rows": [{"key": r.key, "label": r.label,
                              "cells": [{"value": c.value, "requests_url": _cell_url(request, c)}
                                        for c in r.cells]} for r in t.rows]}
                   for t in report.tables],
        "months": [{"month": m.month, "sent": m.sent, "received": m.received}
                   for m in report.months]}


_FILTER_PARAMETERS = [
    OpenApiParameter("period", str, enum=["last_12_months", "this_year", "last_year", "custom"],
                     description="Default: the last 12 months; custom when start or end is given."),
    OpenApiParameter("start", OpenApiTypes.DATE, description="First day (sent or received on)."),
    OpenApiParameter("end", OpenApiTypes.DATE, description="Last day, included."),
    OpenApiParameter("direction", str, enum=["outgoing", "incoming"]),
    OpenApiParameter("partner_state", str, description="ISO 3166-1 alpha-2 code."),
    OpenApiParameter("instrument", str, description="Instrument slug."),
    OpenApiParameter("offence_category", str),
    OpenApiParameter("assistance_type", str),
]
_DRILL_PARAMETERS = [
    OpenApiParameter(name, str, description="Set by a cell's requests_url.") for name in (
        "outcome", "deferred", "asset_recovery", "refusal_ground", "answered", "executed", "age",
        "deadline_kind", "deadline_basis", "timeliness", "asset_kind", "currency")
] + [OpenApiParameter("after", str, description="The cursor of the next page (from next).")]


class StatisticsApi(APIView):
    @extend_schema(
        operation_id="statistics", summary="The statistics (supervisors)",
        description=(
            "Requests sent and received in the period and what became of them; refusals by "
            "ground; time taken (median, 90th percentile); pending requests by age; asset "
            "recovery amounts; timeliness against each duty. Every figure comes from the "
            "case records and the audit log; each cell links to the requests behind it."),
        parameters=_FILTER_PARAMETERS,
        responses={200: ReportSerializer, 400: COMMON_ERRORS[400], 401: COMMON_ERRORS[401],
                   403: COMMON_ERRORS[403]},
        tags=["statistics"])
    def get(self, request: Any) -> Response:
        filters = _filters(request)
        now = clock.now()
        report = statistics_report(filters.page_filters, now=now, today=local_date(now))
        return Response(ReportSerializer(report_data(request, report)).data)


class StatisticsRequestsApi(APIView):
    @extend_schema(
        operation_id="statistics_requests", summary="The requests behind a figure",
        description="Newest first, 50 a page; ``next`` reads the following page.",
        parameters=_FILTER_PARAMETERS + _DRILL_PARAMETERS,
        responses={200: DrillPageSerializer, 400: COMMON_ERRORS[400], 401: COMMON_ERRORS[401],
                   403: COMMON_ERRORS[403]},
        tags=["statistics"])
    def get(self, request: Any) -> Response:
        filters = _filters(request)
        try:
            after = (Cursor.decode(request.query_params["after"])
                     if request.query_params.get("after") else None)
        except ValueError:
            raise ValidationError({"after": [str(_(
                "This cursor is not valid: use the next link as given."))]}) from None
        rows, next_cursor = drill_down_page(filters, after)
        next_url = None
        if next_cursor is not None:
            params = {**filters.as_params(), "after": next_cursor.encode()}
            next_url = request.build_absolute_uri(
                f"{reverse('api-statistics-requests')}?{urlencode(params)}")
        return Response(DrillPageSerializer({"results": [{
            "request_id": r["request_id"], "reference": r["request__reference"],
            "direction": r["direction"], "partner_state": r["partner_state__iso_code"],
            "instrument": r["instrument__slug"], "opened_on": r["opened_on"],
            "outcome": r["outcome"], "days_to_answer": r["days_to_answer"],
            "refusal_ground": r["refusal_ground"]} for r in rows], "next": next_url}).data)


urlpatterns = [
    path("statistics/", StatisticsApi.as_view(), name="api-statistics"),
    path("statistics/requests/", StatisticsRequestsApi.as_view(), name="api-statistics-requests"),
]
