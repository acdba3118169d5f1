"""The supervisors' deadline dashboard and its CSV export.

The view reads the filter form, asks ``selectors.dashboard`` for the lists and figures, and draws
the ageing chart; the export streams every matching deadline. Reads only: nothing here changes
data.
"""

from __future__ import annotations

import csv

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.http import HttpResponseBadRequest
from django.http import HttpResponseRedirect
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import pgettext
from django.utils.translation import pgettext_lazy

from mla.spreadsheet import spreadsheet_safe_text
from treaties.models import Instrument
from treaties.rules.calendar import ALMATY
from treaties.rules.calendar import local_date
from treaties.rules.deadlines import DEADLINE_LABELS

from .. import clock
from ..documents.charts import Series
from ..documents.charts import grouped_bar_chart_svg
from ..models import Deadline
from ..models import DeadlineBasis
from ..models import DeadlineStatus
from ..models import Direction
from ..models import RequestState
from ..models import ResponsibleSide
from ..roles import ROLE_LABELS
from ..roles import Role
from ..roles import user_roles
from ..selectors.dashboard import AGE_BUCKETS
from ..selectors.dashboard import ALL_STATUSES
from ..selectors.dashboard import BUCKETS
from ..selectors.dashboard import LIST_PAGE_SIZE
from ..selectors.dashboard import NEEDS_ACTION
from ..selectors.dashboard import DeadlineListPage
from ..selectors.dashboard import Filters
from ..selectors.dashboard import InstrumentRow
from ..selectors.dashboard import InvalidCursor
from ..selectors.dashboard import ListCursor
from ..selectors.dashboard import dashboard_figures
from ..selectors.dashboard import dashboard_lists
from ..selectors.dashboard import deadline_list_page
from ..selectors.dashboard import deadlines_for_dashboard
from ..selectors.dashboard import deadlines_for_lists

STATUS_CHOICES = (
    (NEEDS_ACTION, gettext_lazy("Needing action")),
    (DeadlineStatus.OPEN.value, gettext_lazy("Open")),
    (DeadlineStatus.MISSED.value, gettext_lazy("Missed (including done late)")),
    (DeadlineStatus.MET.value, gettext_lazy("Met")),
    (DeadlineStatus.WAIVED.value, gettext_lazy("Waived")),
    (ALL_STATUSES, gettext_lazy("All statuses")),
)


# --- filters ----------------------------------------------------------------------------------
class DeadlineFilterForm(forms.Form):
    instrument = forms.ModelChoiceField(
        label=gettext_lazy("Instrument"), queryset=Instrument.objects.order_by("slug"),
        to_field_name="slug", required=False, empty_label=gettext_lazy("All instruments"))
    direction = forms.ChoiceField(
        label=gettext_lazy("Direction"), required=False,
        choices=[("", gettext_lazy("Both directions")), *Direction.choices])
    side = forms.ChoiceField(
        label=gettext_lazy("Who must act"), required=False,
        choices=[("", gettext_lazy("Either side")), *ResponsibleSide.choices])
    basis = forms.ChoiceField(
        label=gettext_lazy("Basis"), required=False,
        choices=[("", gettext_lazy("Any basis")), *DeadlineBasis.choices])
    status = forms.ChoiceField(
        label=pgettext_lazy("deadline", "Status"), required=False, choices=STATUS_CHOICES,
        help_text=gettext_lazy("Needing action: open, or missed and not yet done."))
    date_from = forms.DateField(
        label=gettext_lazy("From"), required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=gettext_lazy("Deadlines by due date, requests by the date they were created "
                               "(Asia/Almaty)."))
    date_to = forms.DateField(
        label=gettext_lazy("To"), required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=gettext_lazy("Inclusive."))

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    def filters(self) -> Filters:
        """The valid fields of the form (an invalid one filters nothing and shows its error)."""
        data = self.cleaned_data if self.is_bound else {}
        instrument = data.get("instrument")
        return Filters(instrument_id=instrument.pk if instrument else None,
                       direction=data.get("direction") or "", side=data.get("side") or "",
                       basis=data.get("basis") or "", status=data.get("status") or NEEDS_ACTION,
                       date_from=data.get("date_from"), date_to=data.get("date_to"))


def ageing_chart_svg(rows: list[InstrumentRow]) -> str:
    labels = [str(label) for _key, label, *_rest in AGE_BUCKETS]
    summary = "; ".join(
        f"{row.instrument.slug}: "
        + ", ".join(f"{label} {n}" for label, n in zip(labels, row.ages, strict=True))
        for row in rows)
    return grouped_bar_chart_svg(
        title=_("Open requests by age (calendar days since created)"),
        description=(_("Bars per instrument, one for each age group; the table below gives the "
                       "same figures.") + " " + summary),
        categories=[row.instrument.slug for row in rows],
        series=[Series(label, [row.ages[i] for row in rows]) for i, label in enumerate(labels)],
        element_id="ageing-chart", value_axis_label=_("open requests"))


# --- views ------------------------------------------------------------------------------------
def _require_supervisor(user) -> None:
    if not user_roles(user) & {Role.SUPERVISOR, Role.ADMIN}:
        raise PermissionDenied


def _who_must_act(deadline: Deadline) -> dict:
    """The side and the person who must act (the owner of the stage, ``deadlines_sync``); the
    role only where nobody is named. On the other side's duties the person is our clerk who
    follows them up."""
    user = deadline.responsible_user
    return {"side": deadline.get_responsible_side_display(),
            "role": "" if user else ROLE_LABELS.get(deadline.responsible_role,
                                                    deadline.responsible_role),
            "user": (user.get_full_name() or user.get_username()) if user else "",
            "follows_up": deadline.responsible_side == ResponsibleSide.OTHER_SIDE}


def _with_who(page: DeadlineListPage) -> DeadlineListPage:
    for row in page.rows:
        row.who = _who_must_act(row)
    return page


def _more_url(request, page: DeadlineListPage) -> str:
    """The "Show more" link of a list: the same filters, starting after the page's last row."""
    if page.next_cursor is None:
        return ""
    params = request.GET.copy()
    params["after"] = page.next_cursor
    return f"{reverse('dashboard_more', args=[page.key])}?{params.urlencode()}"


def _filters_of(request) -> tuple[DeadlineFilterForm, Filters]:
    form = DeadlineFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()  # collects errors; the valid fields still filter
    return form, form.filters()


@login_required
def dashboard(request):
    _require_supervisor(request.user)
    form, filters = _filters_of(request)
    now = clock.now()
    # The workload (per person, not filtered) is drawn on the full page only.
    figures = dashboard_figures(user=request.user, filters=filters, now=now,
                                today=local_date(now), with_workload=not request.htmx)
    lists = [{"key": page.key, "label": page.label, "rows": _with_who(page).rows,
              "more_url": _more_url(request, page),
              "count": figures["deadline_totals"][page.key]}
             for page in dashboard_lists(user=request.user, filters=filters, now=now)]
    context = {
        "form": form, "filters": filters, "now": now, "lists": lists,
        "list_limit": LIST_PAGE_SIZE,
        "age_labels": [label for _key, label, *_rest in AGE_BUCKETS],
        "ageing_chart": ageing_chart_svg(figures["instrument_rows"]),
        "query": request.GET.urlencode(),
        "status_hides_lists": filters.status in (DeadlineStatus.MET, DeadlineStatus.WAIVED),
        # A partial update does not redraw the form, so its errors are summarised above the
        # results as well.
        "error_summary": bool(request.htmx and form.errors),
        **figures,
    }
    template = ("requests_app/dashboard/_results.html" if request.htmx
                else "requests_app/dashboard/dashboard.html")
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@login_required
def dashboard_more(request, key: str):
    """The next page of one list after the cursor ``after``: the rows alone for htmx (appended
    in place of the "Show more" row), a page of its own without JavaScript."""
    _require_supervisor(request.user)
    if key not in dict(BUCKETS):
        raise Http404
    try:
        after = ListCursor.decode(request.GET["after"]) if request.GET.get("after") else None
    except InvalidCursor:
        return HttpResponseBadRequest(
            _("This “Show more” link is not valid (it was changed or cut short). Open the "
              "dashboard again and use its own link."), content_type="text/plain; charset=utf-8")
    _form, filters = _filters_of(request)
    now = clock.now()
    deadlines = deadlines_for_lists(user=request.user, filters=filters)
    page = _with_who(deadline_list_page(deadlines, key, now, after=after))
    context = {"rows": page.rows, "bucket": key, "label": page.label, "now": now,
               "more_url": _more_url(request, page), "appending": bool(request.htmx),
               "dashboard_url": _dashboard_url(request)}
    template = ("requests_app/dashboard/_deadline_rows.html" if request.htmx
                else "requests_app/dashboard/list_page.html")
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _dashboard_url(request) -> str:
    """The dashboard under the filters of a "Show more" link."""
    params = request.GET.copy()
    params.pop("after", None)
    query = params.urlencode()
    return reverse("dashboard") + (f"?{query}" if query else "")


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def _csv_labels() -> dict:
    """Every label the export needs, resolved now in the user's language: the rows are streamed
    after the view has returned, when the request's language is no longer active."""
    return {
        "header": [
            _("Reference / instrument"), _("Instrument"), _("Kind"), _("Duty"),
            _("Due (Asia/Almaty)"), _("Citation"), _("Basis"), pgettext("deadline", "Status"),
            _("Responsible side"), _("Responsible role"), _("Responsible user"),
            _("Request state")],
        "duty": {str(kind): str(label) for kind, label in DEADLINE_LABELS.items()},
        "basis": {k: str(v) for k, v in DeadlineBasis.choices},
        "status": {k: str(v) for k, v in DeadlineStatus.choices},
        "side": {k: str(v) for k, v in ResponsibleSide.choices},
        "role": {str(k): str(v) for k, v in ROLE_LABELS.items()},
        "state": {k: str(v) for k, v in RequestState.choices},
    }


def _csv_rows(deadlines: QuerySet[Deadline], labels: dict):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # UTF-8 byte order mark: Excel then reads Cyrillic and Kazakh correctly
    yield writer.writerow(labels["header"])
    rows = deadlines.select_related("request", "instrument", "responsible_user")
    for d in rows.iterator(chunk_size=2000):
        user = d.responsible_user
        yield writer.writerow([spreadsheet_safe_text(v) for v in (
            d.request.reference if d.request_id else d.instrument.slug,
            d.instrument.slug, d.kind, labels["duty"].get(d.kind, d.kind),
            timezone.localtime(d.due_at, ALMATY).isoformat(), d.citation,
            labels["basis"].get(d.basis, d.basis), labels["status"].get(d.status, d.status),
            labels["side"].get(d.responsible_side, d.responsible_side),
            labels["role"].get(d.responsible_role, d.responsible_role),
            (user.get_full_name() or user.get_username()) if user else "",
            labels["state"].get(d.request.state, d.request.state) if d.request_id else "")])


@login_required
def deadlines_csv(request):
    """Every deadline matching the dashboard's filters (not only the next 30 days), streamed."""
    _require_supervisor(request.user)
    form = DeadlineFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        # Show the errors next to the fields rather than export something else than asked.
        return HttpResponseRedirect(f"{reverse('dashboard')}?{request.GET.urlencode()}")
    filters = form.filters()
    deadlines = deadlines_for_dashboard(user=request.user, filters=filters)
    response = StreamingHttpResponse(_csv_rows(deadlines, _csv_labels()),
                                     content_type="text/csv; charset=utf-8")
    stamp = local_date(clock.now()).isoformat()
    response["Content-Disposition"] = f'attachment; filename="mla-deadlines-{stamp}.csv"'
    return response
