"""The statistics page, its drill-down lists and its exports. Thin: the form reads the filters,
``figures`` computes, the templates and ``exports`` lay out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest
from django.http import HttpResponse
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from requests_app import clock
from requests_app.roles import Role
from requests_app.roles import user_roles
from treaties.rules.calendar import local_date

from . import exports
from .charts import months_chart_svg
from .charts import outcomes_chart_svg
from .figures import StatisticsReport
from .figures import statistics_report
from .filters import StatisticsFilters
from .filters import drill_down_requests
from .forms import StatisticsFilterForm
from .models import Outcome

DRILL_PAGE_SIZE = 50


def require_statistics_reader(user: Any) -> None:
    """Supervisors (and administrators) read the office's statistics: every request counts,
    whichever office holds it."""
    if not user_roles(user) & {Role.SUPERVISOR, Role.ADMIN}:
        raise PermissionDenied


def filters_of(request: HttpRequest) -> tuple[StatisticsFilterForm, StatisticsFilters]:
    today = clock.today()
    form = StatisticsFilterForm(request.GET or None, today=today)
    if form.is_bound:
        form.is_valid()  # collects the errors; the valid fields still filter
    return form, form.filters()


def _with_links(report: StatisticsReport) -> list[dict[str, Any]]:
    """The tables as the template reads them: each cell with its drill-down link."""
    base = reverse("statistics_requests")
    return [{"table": table, "rows": [
        {"row": row, "cells": [{"cell": cell, "url": f"{base}?{urlencode(cell.drill)}"
                                if cell.drill is not None and cell.value else ""}
                               for cell in row.cells]}
        for row in table.rows]} for table in report.tables]


@login_required
def statistics_page(request: HttpRequest) -> HttpResponse:
    require_statistics_reader(request.user)
    form, filters = filters_of(request)
    now = clock.now()
    report = statistics_report(filters.page_filters, now=now, today=local_date(now))
    query = urlencode(filters.page_filters.as_params())
    return render(request, "statistics_app/statistics.html", {
        "form": form, "filters": filters, "report": report, "tables": _with_links(report),
        "months_chart": months_chart_svg(report), "outcomes_chart": outcomes_chart_svg(report),
        "query": query})


@dataclass(frozen=True)
class Cursor:
    opened_on: date
    request_id: int

    def encode(self) -> str:
        return f"{self.opened_on.isoformat()}.{self.request_id}"

    @classmethod
    def decode(cls, text: str) -> Cursor:
        day, _sep, request_id = text.partition(".")
        return cls(date.fromisoformat(day), int(request_id))


_LIST_COLUMNS = ("request_id", "request__reference", "direction", "partner_state__iso_code",
                 "partner_state__name_en",
                 "partner_state__name_ru", "partner_state__name_kk", "instrument__slug",
                 "opened_on", "outcome", "days_to_answer", "refusal_ground")


def drill_down_page(filters: StatisticsFilters, after: Cursor | None
                    ) -> tuple[list[dict[str, Any]], Cursor | None]:
    """One page of the requests behind a cell, newest first, read from where the previous page
    ended (O(page) at any depth)."""
    size = DRILL_PAGE_SIZE
    now = clock.now()
    qs = drill_down_requests(filters, today=local_date(now), now=now)
    if after is not None:
        qs = qs.filter(Q(opened_on__lt=after.opened_on)
                       | Q(opened_on=after.opened_on, request_id__lt=after.request_id))
    rows = list(qs.values(*_LIST_COLUMNS)[:size + 1])
    more = len(rows) > size
    rows = rows[:size]
    outcomes = dict(Outcome.choices)
    for row in rows:
        row["outcome_label"] = outcomes.get(row["outcome"], row["outcome"])
    last = rows[-1] if rows and more else None
    return rows, (Cursor(last["opened_on"], last["request_id"]) if last else None)


@login_required
def statistics_requests(request: HttpRequest) -> HttpResponse:
    require_statistics_reader(request.user)
    form, filters = filters_of(request)
    try:
        after = Cursor.decode(request.GET["after"]) if request.GET.get("after") else None
    except ValueError:
        return HttpResponseBadRequest(
            _("This “Show more” link is not valid (it was changed or cut short). Open the "
              "statistics again and use its own link."), content_type="text/plain; charset=utf-8")
    rows, next_cursor = drill_down_page(filters, after)
    params = request.GET.copy()
    params.pop("after", None)
    more_url = ""
    if next_cursor is not None:
        params["after"] = next_cursor.encode()
        more_url = f"{reverse('statistics_requests')}?{params.urlencode()}"
    back = f"{reverse('statistics')}?{urlencode(filters.page_filters.as_params())}"
    return render(request, "statistics_app/requests.html", {
        "form": form, "filters": filters, "rows": rows, "more_url": more_url,
        "statistics_url": back})


@login_required
def statistics_export(request: HttpRequest, fmt: str) -> HttpResponse:
    require_statistics_reader(request.user)
    _form, filters = filters_of(request)
    now = clock.now()
    report = statistics_report(filters.page_filters, now=now, today=local_date(now))
    name = f"mla-statistics-{filters.start.isoformat()}-{filters.end.isoformat()}"
    if fmt == "xlsx":
        response = HttpResponse(
            exports.report_xlsx_bytes(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    elif fmt == "pdf":
        response = HttpResponse(exports.report_pdf_bytes(report), content_type="application/pdf")
    else:
        # The byte order mark lets Excel read Kazakh and Russian text as UTF-8.
        response = HttpResponse("\ufeff" + exports.report_csv_text(report),
                                content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
