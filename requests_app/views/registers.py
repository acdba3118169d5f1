"""Registers outside any request: information exchanged without a request (RS 16, BR 25,
CZ 9.3, SK 7.1), listed by partner state and registered through its service, for clerks and
supervisors; and the counterpart notices of each instrument (RS 2.3, BR 2.3, CZ 13, SK 8.2)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mla.limits import TEXT_MAX_LENGTH
from treaties.models import Instrument
from treaties.models import State
from treaties.rulebook.schema import Rulebook

from .. import clock
from ..forms.records import DateInput
from ..models import Channel
from ..models import CounterpartNotice
from ..models import CounterpartNoticeKind
from ..models import DataFlow
from ..models import SpontaneousInformation
from ..roles import CLERKS
from ..roles import user_has_any_role
from ..services.registers import counterpart_notice_record
from ..services.registers import spontaneous_information_record
from .errors import service_call

TEMPLATES = "requests_app/registers/"


def _instrument_choices(attribute: str) -> list[tuple[str, str]]:
    """Instruments whose rulebook has this register, by slug."""
    choices = []
    for instrument in Instrument.objects.order_by("slug"):
        rulebook: Rulebook = instrument.rulebook
        if getattr(rulebook, attribute) is not None:
            choices.append((instrument.slug, f"{instrument.slug} — {instrument.short_title}"))
    return choices


class SpontaneousInformationForm(forms.Form):
    flow = forms.ChoiceField(label=gettext_lazy("Direction"), choices=DataFlow.choices)
    exchanged_on = forms.DateField(label=gettext_lazy("Sent or received on"), widget=DateInput())
    instrument = forms.ChoiceField(label=gettext_lazy("Instrument"))
    partner_state = forms.ChoiceField(label=gettext_lazy("Partner state"))
    channel = forms.ChoiceField(label=gettext_lazy("Channel"), choices=Channel.choices)
    summary = forms.CharField(label=gettext_lazy("Summary"), max_length=TEXT_MAX_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 3}))
    conditions = forms.CharField(
        label=gettext_lazy("Conditions attached by the sender"), required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("They bind the receiver (RS 16.2, BR 25.2, CZ 10.1, SK 5.1)."))
    kazakh_authority = forms.CharField(label=gettext_lazy("Kazakh authority"), max_length=300)
    foreign_authority = forms.CharField(label=gettext_lazy("Authority of the partner state"),
                                        max_length=300)
    reference = forms.CharField(label=gettext_lazy("Reference"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].choices = _instrument_choices("spontaneous_information_register")
        self.fields["partner_state"].choices = [
            (s.iso_code, f"{s.iso_code} — {s.name}")
            for s in State.objects.exclude(iso_code="KZ").order_by("iso_code")]
        self.initial.setdefault("exchanged_on", clock.today())


def _require_clerk(user) -> None:
    if not user_has_any_role(user, CLERKS):
        raise PermissionDenied


@login_required
def spontaneous_information_list(request):
    """The register, newest first, filtered by partner state; the form registers a new entry."""
    _require_clerk(request.user)
    form = SpontaneousInformationForm(request.POST or None)
    violations, errors, status = [], [], 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            with service_call(form) as call:
                spontaneous_information_record(actor=request.user, **form.cleaned_data)
            if not call.failed:
                messages.success(request, _("Recorded."))
                return redirect("spontaneous_information_list")
            violations, errors, status = call.violations, call.messages, call.status
    state = (request.GET.get("state") or "").upper()
    rows = (SpontaneousInformation.objects.select_related("partner_state", "instrument")
            .prefetch_related("use_conditions").order_by("-exchanged_on", "-id"))
    if state:
        rows = rows.filter(partner_state__iso_code=state)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    states = State.objects.exclude(iso_code="KZ").order_by("iso_code")
    return render(request, TEMPLATES + "spontaneous.html", {
        "page": page, "form": form, "state": state, "states": states,
        "violations": violations, "errors": errors}, status=status)


class CounterpartNoticeForm(forms.Form):
    flow = forms.ChoiceField(label=gettext_lazy("Direction"), choices=DataFlow.choices)
    state = forms.ChoiceField(label=gettext_lazy("Whose authority or contacts"))
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=CounterpartNoticeKind.choices)
    notified_on = forms.DateField(label=gettext_lazy("Notified on"), widget=DateInput())
    channel = forms.ChoiceField(label=gettext_lazy("Channel"), choices=Channel.choices)
    authority = forms.CharField(label=gettext_lazy("Authority"), max_length=300)
    contact_details = forms.CharField(label=gettext_lazy("Contact details"), required=False,
                                      max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))
    effective_from = forms.DateField(label=gettext_lazy("Effective from"), required=False,
                                     widget=DateInput())
    reference = forms.CharField(label=gettext_lazy("Reference"), max_length=200, required=False)

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [(code, code) for code in instrument.rulebook.party_codes]
        self.initial.setdefault("notified_on", clock.today())


@login_required
def counterpart_notices(request, slug: str):
    """An instrument's notices of authorities and contacts, newest first, so clerks know the
    current counterpart; clerks record new ones."""
    instrument = Instrument.objects.filter(slug=slug).first()
    if instrument is None or instrument.rulebook.authority_notices is None:
        from django.http import Http404

        raise Http404(_("No such register."))
    can_record = user_has_any_role(request.user, CLERKS)
    form = CounterpartNoticeForm(request.POST or None, instrument=instrument)
    violations, errors, status = [], [], 200
    if request.method == "POST":
        _require_clerk(request.user)
        status = 400
        if form.is_valid():
            with service_call(form) as call:
                counterpart_notice_record(actor=request.user, instrument=slug,
                                          **form.cleaned_data)
            if not call.failed:
                messages.success(request, _("Recorded."))
                return redirect("counterpart_notices", slug=slug)
            violations, errors, status = call.violations, call.messages, call.status
    notices = (CounterpartNotice.objects.filter(instrument=instrument).select_related("state")
               .order_by("-notified_on", "-id"))
    return render(request, TEMPLATES + "counterpart_notices.html", {
        "instrument": instrument, "rule": instrument.rulebook.authority_notices,
        "notices": notices, "form": form if can_record else None,
        "authorities": instrument.authorities.select_related("state"),
        "violations": violations, "errors": errors}, status=status)
