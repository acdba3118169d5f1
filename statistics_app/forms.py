"""The statistics' filters as the page, the exports, the drill-down lists and the API read them:
one form, so that each parameter means the same everywhere (``figures.StatisticsFilters``)."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from requests_app.models import AssetMeasureKind
from requests_app.models import DeadlineBasis
from requests_app.models import Direction
from treaties.models import Instrument
from treaties.models import State
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.offences import offence_category_choices

from .filters import AGE_BUCKETS
from .filters import NOT_RECORDED
from .filters import TIMELINESS_LABELS
from .filters import StatisticsFilters
from .models import Outcome

# The earliest and latest days a period may name: bounded input (a year 1 or 9999 would be
# accepted by a date field and means nothing here).
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


class Period:
    LAST_12_MONTHS = "last_12_months"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    CUSTOM = "custom"


PERIOD_CHOICES = [
    (Period.LAST_12_MONTHS, _("the last 12 months")),
    (Period.THIS_YEAR, _("this calendar year")),
    (Period.LAST_YEAR, _("last calendar year")),
    (Period.CUSTOM, _("from … to … (below)")),
]


def period_bounds(period: str, today: date) -> tuple[date, date]:
    if period == Period.THIS_YEAR:
        return date(today.year, 1, 1), today
    if period == Period.LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    # The last 12 months: from the day after the same day a year ago, to today.
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = date(today.year - 1, 2, 28)
    return year_ago + timedelta(days=1), today


# A drill-down flag: set ("1") or not; any other value is refused, not read as "yes".
FLAG = [("", ""), ("1", "1")]


def _blank(label: object) -> list[tuple[str, object]]:
    return [("", label)]


class StatisticsFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=PERIOD_CHOICES, required=False)
    start = forms.DateField(label=_("From (sent or received on)"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To (included)"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))
    direction = forms.ChoiceField(label=_("Direction"), required=False,
                                  choices=[("", _("both"))] + list(Direction.choices))
    partner_state = forms.ChoiceField(label=_("Partner state"), required=False)
    instrument = forms.ChoiceField(label=_("Instrument"), required=False)
    offence_category = forms.ChoiceField(label=_("Offence category"), required=False)
    assistance_type = forms.ChoiceField(label=_("Type of assistance"), required=False)
    # --- the drill-down (hidden on the page; set by the links of each cell) -------------------
    outcome = forms.ChoiceField(required=False, choices=[("", "")] + list(Outcome.choices),
                                widget=forms.HiddenInput)
    deferred = forms.ChoiceField(required=False, choices=FLAG, widget=forms.HiddenInput)
    asset_recovery = forms.ChoiceField(required=False, choices=FLAG, widget=forms.HiddenInput)
    refusal_ground = forms.CharField(required=False, max_length=80, widget=forms.HiddenInput)
    answered = forms.ChoiceField(required=False, choices=FLAG, widget=forms.HiddenInput)
    executed = forms.ChoiceField(required=False, choices=FLAG, widget=forms.HiddenInput)
    age = forms.ChoiceField(required=False, choices=[("", "")] + [(k, k) for k, *_r in AGE_BUCKETS],
                            widget=forms.HiddenInput)
    deadline_kind = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)
    deadline_basis = forms.ChoiceField(
        required=False, widget=forms.HiddenInput,
        choices=[("", ""), (DeadlineBasis.TREATY.value, DeadlineBasis.TREATY.label),
                 (DeadlineBasis.OFFICE_POLICY.value, DeadlineBasis.OFFICE_POLICY.label)])
    timeliness = forms.ChoiceField(required=False,
                                   choices=[("", "")] + [(k, v) for k, v in TIMELINESS_LABELS.items()],
                                   widget=forms.HiddenInput)
    asset_kind = forms.ChoiceField(required=False,
                                   choices=[("", "")] + list(AssetMeasureKind.choices),
                                   widget=forms.HiddenInput)
    currency = forms.RegexField(required=False, regex=r"^[A-Z]{3}$", max_length=3,
                                widget=forms.HiddenInput)

    def __init__(self, *args: object, today: date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.today = today
        self.fields["partner_state"].choices = _blank(_("all")) + [
            (s.iso_code, s.name) for s in State.objects.exclude(iso_code="KZ")]
        self.fields["instrument"].choices = _blank(_("all")) + [
            (i.slug, i.title) for i in Instrument.objects.order_by("slug")]
        self.fields["offence_category"].choices = (
            _blank(_("all")) + offence_category_choices()
            + [(NOT_RECORDED, _("category not recorded"))])
        self.fields["assistance_type"].choices = _blank(_("all")) + [
            (code, t.label.text()) for code, t in ASSISTANCE_TYPES.items()]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        for name in ("start", "end"):
            value = cleaned.get(name)
            if value is not None and not EARLIEST <= value <= LATEST:
                self.add_error(name, _("Give a date between %(first)s and %(last)s.") % {
                    "first": EARLIEST.isoformat(), "last": LATEST.isoformat()})
        if (isinstance(start, date) and isinstance(end, date) and start > end
                and not self.has_error("start") and not self.has_error("end")):
            self.add_error("end", _("The end of the period cannot be before its start."))
        return cleaned

    def filters(self) -> StatisticsFilters:
        """The filters the valid fields give (an invalid field filters nothing: the page says
        which)."""
        data = self.cleaned_data if self.is_bound else {}
        period = data.get("period") or (Period.CUSTOM if data.get("start") or data.get("end")
                                        else Period.LAST_12_MONTHS)
        start, end = period_bounds(period, self.today)
        if period == Period.CUSTOM:
            start = data.get("start") or start
            end = data.get("end") or end
            if start > end:
                start, end = period_bounds(Period.LAST_12_MONTHS, self.today)
        values = {name: data.get(name) or "" for name in (
            "direction", "partner_state", "instrument", "offence_category", "assistance_type",
            "outcome", "refusal_ground", "age", "deadline_kind", "deadline_basis", "timeliness",
            "asset_kind", "currency")}
        flags = {name: bool(data.get(name)) for name in (
            "deferred", "asset_recovery", "answered", "executed")}
        return StatisticsFilters(start=start, end=end, **values, **flags)
