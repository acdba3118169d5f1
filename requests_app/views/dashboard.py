"""The supervisors' deadline dashboard and its CSV export.

What needs action (overdue, due within 24 hours, 7 days, 30 days), the requests counted by
instrument, state, stage and direction, and the ageing of open requests as a server-side SVG chart
with a table. One filter form narrows all of it and the CSV export.

Every figure is aggregated in the database (conditional ``Count``), and each list is one query
with a limit, so the page runs the same number of queries for ten deadlines or a million. The
lists range over ``status`` and ``due_at`` and use the ``(status, due_at)`` index.

Reads only: nothing here changes data. Deadlines come only from requests the user may see
(``requests_visible_to``), plus the instruments' own duties.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from treaties.models import Instrument
from treaties.rules.calendar import ALMATY, local_date, start_of_day
from treaties.rules.deadlines import DEADLINE_LABELS

from .. import clock
from ..access import requests_visible_to
from ..documents.charts import Series, grouped_bar_chart_svg
from ..models import (
    FINAL_STATES,
    AssistanceRequest,
    Deadline,
    DeadlineBasis,
    DeadlineStatus,
    Direction,
    RequestState,
    ResponsibleSide,
)
from ..roles import ROLE_LABELS, Role, user_roles
from ..services.deadlines import OUTLIVE_THE_REQUEST

# How many rows each list shows; the counts above it are exact and the CSV has every row.
LIST_LIMIT = 100

_S = RequestState
# States grouped into the stages a supervisor thinks in. Every state is in exactly one stage.
STAGES: tuple[tuple[str, object, tuple[str, ...]], ...] = (
    ("drafting", gettext_lazy("Drafting & review"), (_S.DRAFTING, _S.UNDER_REVIEW, _S.READY)),
    ("transmission", gettext_lazy("Transmission"),
     (_S.TRANSMITTED, _S.ORAL_PENDING_CONFIRMATION)),
    ("registration", gettext_lazy("Registration & completeness"),
     (_S.RECEIVED, _S.COMPLETENESS_CHECK, _S.ADDITIONAL_INFO_REQUESTED)),
    ("execution", gettext_lazy("Execution"), (_S.FORWARDED, _S.IN_EXECUTION)),
    ("decisions", gettext_lazy("Decisions (consultation, conditions, deferral, refusal)"),
     (_S.CONSULTATION, _S.CONDITIONAL_EXECUTION, _S.DEFERRED, _S.REFUSED)),
    ("results", gettext_lazy("Results & return of items"),
     (_S.EXECUTED, _S.RESULTS_TRANSMITTED, _S.AWAITING_RETURN_OF_ITEMS)),
    ("closed", gettext_lazy("Closed / withdrawn"), (_S.CLOSED, _S.WITHDRAWN)),
)
STAGE_OF_STATE = {state: key for key, _label, states in STAGES for state in states}

# Ageing of open requests in calendar days (Asia/Almaty) since they were created:
# (key, label, youngest age in days, oldest age in days or None).
AGE_BUCKETS: tuple[tuple[str, object, int, int | None], ...] = (
    ("a0", gettext_lazy("0–30 days"), 0, 30),
    ("a1", gettext_lazy("31–90 days"), 31, 90),
    ("a2", gettext_lazy("91–180 days"), 91, 180),
    ("a3", gettext_lazy("181–365 days"), 181, 365),
    ("a4", gettext_lazy("over 365 days"), 366, None),
)

# The four lists: key, heading, and the window (hours from now) of the upcoming ones.
BUCKETS: tuple[tuple[str, object], ...] = (
    ("overdue", gettext_lazy("Overdue")),
    ("h24", gettext_lazy("Due within 24 hours")),
    ("d7", gettext_lazy("Due within 7 days")),
    ("d30", gettext_lazy("Due within 30 days")),
)
_WINDOWS = {"h24": (0, 24), "d7": (24, 7 * 24), "d30": (7 * 24, 30 * 24)}

NEEDS_ACTION = ""
STATUS_CHOICES = (
    (NEEDS_ACTION, gettext_lazy("Needing action")),
    (DeadlineStatus.OPEN.value, gettext_lazy("Open")),
    (DeadlineStatus.MISSED.value, gettext_lazy("Missed (including done late)")),
    (DeadlineStatus.MET.value, gettext_lazy("Met")),
    (DeadlineStatus.WAIVED.value, gettext_lazy("Waived")),
    ("all", gettext_lazy("All statuses")),
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


@dataclass(frozen=True)
class Filters:
    instrument_id: int | None = None
    direction: str = ""
    side: str = ""
    basis: str = ""
    status: str = NEEDS_ACTION
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def from_form(cls, form: DeadlineFilterForm) -> Filters:
        """The valid fields of the form (an invalid one filters nothing and shows its error)."""
        data = form.cleaned_data if form.is_bound else {}
        instrument = data.get("instrument")
        return cls(instrument_id=instrument.pk if instrument else None,
                   direction=data.get("direction") or "", side=data.get("side") or "",
                   basis=data.get("basis") or "", status=data.get("status") or NEEDS_ACTION,
                   date_from=data.get("date_from"), date_to=data.get("date_to"))

    @property
    def narrows_by_deadline(self) -> bool:
        """Whether the request figures must be limited to requests with matching deadlines."""
        return bool(self.side or self.basis or self.status not in (NEEDS_ACTION, "all"))


def _date_range(field: str, start: date | None, end: date | None) -> Q:
    q = Q()
    if start:
        q &= Q(**{f"{field}__gte": start_of_day(start)})
    if end:
        q &= Q(**{f"{field}__lt": start_of_day(end + timedelta(days=1))})
    return q


def _still_relevant() -> Q:
    """A missed duty still needs doing unless its request was closed or withdrawn (and it is not
    one of the duties that outlive the request, e.g. deleting received personal data)."""
    return (Q(request__isnull=True) | ~Q(request__state__in=FINAL_STATES)
            | Q(kind__in=OUTLIVE_THE_REQUEST))


def _overdue(now: datetime) -> Q:
    """Open and past due (the sweep has not looked yet), or marked missed and not yet done."""
    return (Q(status=DeadlineStatus.OPEN, due_at__lte=now)
            | (Q(status=DeadlineStatus.MISSED, met_at__isnull=True) & _still_relevant()))


def _needs_action() -> Q:
    return (Q(status=DeadlineStatus.OPEN)
            | (Q(status=DeadlineStatus.MISSED, met_at__isnull=True) & _still_relevant()))


def _window(now: datetime, hours_from: int, hours_to: int) -> Q:
    return Q(status=DeadlineStatus.OPEN, due_at__gt=now + timedelta(hours=hours_from),
             due_at__lte=now + timedelta(hours=hours_to))


def _bucket_q(key: str, now: datetime) -> Q:
    if key == "overdue":
        return _overdue(now)
    return _window(now, *_WINDOWS[key])


def _deadline_filter(f: Filters) -> Q:
    q = Q()
    if f.instrument_id:
        q &= Q(instrument_id=f.instrument_id)
    if f.direction:
        q &= Q(request__direction=f.direction)
    if f.side:
        q &= Q(responsible_side=f.side)
    if f.basis:
        q &= Q(basis=f.basis)
    if f.status == NEEDS_ACTION:
        q &= _needs_action()
    elif f.status != "all":
        q &= Q(status=f.status)
    return q & _date_range("due_at", f.date_from, f.date_to)


def deadlines_for_dashboard(*, user, filters: Filters) -> QuerySet[Deadline]:
    """The deadlines ``user`` may see (of visible requests, and instrument duties) that match
    ``filters``, soonest first."""
    visible = Q(request__isnull=True) | Q(request__in=requests_visible_to(user).values("pk"))
    return (Deadline.objects.filter(visible).filter(_deadline_filter(filters))
            .order_by("due_at", "id"))


def requests_for_dashboard(*, user, filters: Filters) -> QuerySet[AssistanceRequest]:
    qs = requests_visible_to(user)
    if filters.instrument_id:
        qs = qs.filter(instrument_id=filters.instrument_id)
    if filters.direction:
        qs = qs.filter(direction=filters.direction)
    qs = qs.filter(_date_range("created_at", filters.date_from, filters.date_to))
    if filters.narrows_by_deadline:
        matching = Deadline.objects.filter(request=OuterRef("pk")).filter(
            _deadline_filter(Filters(side=filters.side, basis=filters.basis,
                                     status=filters.status)))
        qs = qs.filter(Exists(matching))
    return qs


# --- figures ----------------------------------------------------------------------------------
def _deadline_counts(deadlines: QuerySet[Deadline], now: datetime) -> dict[int, dict[str, int]]:
    """Per instrument id: how many deadlines are in each list, beyond 30 days, and in all."""
    aggregates = {key: Count("pk", filter=_bucket_q(key, now)) for key, _label in BUCKETS}
    aggregates["later"] = Count("pk", filter=Q(status=DeadlineStatus.OPEN,
                                               due_at__gt=now + timedelta(days=30)))
    aggregates["total"] = Count("pk")
    rows = deadlines.order_by().values("instrument_id").annotate(**aggregates)
    return {row.pop("instrument_id"): row for row in rows}


def _age_filters(today: date) -> dict[str, Q]:
    out = {}
    for key, _label, youngest, oldest in AGE_BUCKETS:
        q = Q(created_at__lt=start_of_day(today - timedelta(days=youngest - 1)))
        if oldest is not None:
            q &= Q(created_at__gte=start_of_day(today - timedelta(days=oldest)))
        out[key] = q
    return out


def _request_counts(requests: QuerySet[AssistanceRequest], today: date) -> list[dict]:
    """One row per (instrument, state, direction) with the number of requests and, for the
    ageing chart, how many fall in each age bucket."""
    ages = {key: Count("pk", filter=q) for key, q in _age_filters(today).items()}
    return list(requests.order_by().values("instrument_id", "state", "direction")
                .annotate(n=Count("pk"), **ages))


@dataclass
class InstrumentRow:
    instrument: Instrument
    open_requests: int = 0
    closed_requests: int = 0
    overdue: int = 0
    h24: int = 0
    d7: int = 0
    d30: int = 0
    later: int = 0
    ages: list[int] | None = None

    @property
    def due_soon(self) -> int:
        return self.h24 + self.d7 + self.d30


def _figures(*, instruments: list[Instrument], deadline_counts: dict, request_rows: list[dict],
             filters: Filters) -> dict:
    shown = [i for i in instruments if not filters.instrument_id or i.pk == filters.instrument_id]
    by_instrument = {i.pk: InstrumentRow(i, ages=[0] * len(AGE_BUCKETS)) for i in shown}
    by_state = dict.fromkeys(RequestState.values, 0)
    by_direction = {d: {"open": 0, "total": 0} for d in Direction.values}
    for row in request_rows:
        final = row["state"] in FINAL_STATES
        by_state[row["state"]] += row["n"]
        by_direction[row["direction"]]["total"] += row["n"]
        target = by_instrument.get(row["instrument_id"])
        if not final:
            by_direction[row["direction"]]["open"] += row["n"]
        if target is None:
            continue
        if final:
            target.closed_requests += row["n"]
        else:
            target.open_requests += row["n"]
            for index, (key, *_rest) in enumerate(AGE_BUCKETS):
                target.ages[index] += row[key]
    totals = dict.fromkeys(["overdue", "h24", "d7", "d30", "later", "total"], 0)
    for instrument_id, counts in deadline_counts.items():
        for key in totals:
            totals[key] += counts[key]
        target = by_instrument.get(instrument_id)
        if target is not None:
            for key in ("overdue", "h24", "d7", "d30", "later"):
                setattr(target, key, counts[key])
    stages = [{"key": key, "label": label,
               "count": sum(by_state[s] for s in states)} for key, label, states in STAGES]
    labels = dict(RequestState.choices)
    states = [{"state": s, "label": labels[s], "stage": STAGE_OF_STATE[s], "count": n}
              for s, n in by_state.items() if n]
    directions = [{"direction": d, "label": label, **by_direction[d]}
                  for d, label in Direction.choices]
    rows = list(by_instrument.values())
    age_totals = [sum(r.ages[i] for r in rows) for i in range(len(AGE_BUCKETS))]
    return {"instrument_rows": rows, "stages": stages, "states": states,
            "directions": directions, "deadline_totals": totals, "age_totals": age_totals,
            "requests_total": sum(by_state.values()),
            "open_requests_total": sum(r.open_requests for r in rows)}


def ageing_chart_svg(rows: list[InstrumentRow]) -> str:
    labels = [str(label) for _key, label, *_rest in AGE_BUCKETS]
    summary = "; ".join(
        f"{row.instrument.slug}: " + ", ".join(f"{label} {n}" for label, n in zip(labels, row.ages, strict=True))
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
    user = deadline.responsible_user
    return {"side": deadline.get_responsible_side_display(),
            "role": ROLE_LABELS.get(deadline.responsible_role, deadline.responsible_role),
            "user": (user.get_full_name() or user.get_username()) if user else ""}


def _list_rows(qs: QuerySet[Deadline]) -> list[Deadline]:
    rows = list(qs.select_related("request", "instrument", "responsible_user")[:LIST_LIMIT])
    for row in rows:
        row.who = _who_must_act(row)
    return rows


@login_required
def dashboard(request):
    _require_supervisor(request.user)
    form = DeadlineFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()  # collects errors; the valid fields still filter
    filters = Filters.from_form(form)
    now = clock.now()
    deadlines = deadlines_for_dashboard(user=request.user, filters=filters)
    deadline_counts = _deadline_counts(deadlines, now)
    lists = [{"key": key, "label": label, "rows": _list_rows(deadlines.filter(_bucket_q(key, now)))}
             for key, label in BUCKETS]
    figures = _figures(
        instruments=list(Instrument.objects.order_by("slug")), deadline_counts=deadline_counts,
        request_rows=_request_counts(requests_for_dashboard(user=request.user, filters=filters),
                                     local_date(now)),
        filters=filters)
    for item in lists:
        item["count"] = figures["deadline_totals"][item["key"]]
    context = {
        "form": form, "filters": filters, "now": now, "lists": lists, "list_limit": LIST_LIMIT,
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


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """Text that a spreadsheet will not run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


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
        yield writer.writerow([_cell(v) for v in (
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
    filters = Filters.from_form(form)
    deadlines = deadlines_for_dashboard(user=request.user, filters=filters)
    response = StreamingHttpResponse(_csv_rows(deadlines, _csv_labels()),
                                     content_type="text/csv; charset=utf-8")
    stamp = local_date(clock.now()).isoformat()
    response["Content-Disposition"] = f'attachment; filename="mla-deadlines-{stamp}.csv"'
    return response
