"""The form a central-authority clerk fills in to register a request Kazakhstan received.

Whether the request may be registered (instrument in force, channel provided, oral only when
urgent, assistance covered) is the service's and the rulebook's answer, shown with its
citation; this form only parses the input.
"""

from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from mla.limits import TEXT_MAX_LENGTH
from treaties.models import Authority
from treaties.models import Instrument
from treaties.models import State
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.catalogue import HOME_STATE
from treaties.rulebook.schema import InstrumentKind
from treaties.rules.scope import OffenceFacts
from treaties.selectors import ApplicableInstrument
from treaties.selectors import instrument_proposed
from treaties.selectors import instruments_applicable

from .. import clock
from ..models import AssistanceRequest
from ..models import Channel
from .drafting import language_choices
from .records import DateInput
from .records import DateTimeInput

# The contents a clerk copies from the request received (content rules point at these names).
CONTENT_FIELDS = (
    "proceedings_authority", "purpose", "assistance_description", "offence_description",
    "offence_category", "offence_laundering_predicate", "offence_max_penalty_years",
    "organised_group_involved", "legal_qualification", "applicable_law", "facts_summary", "reasons_for_measures",
    "summoned_person_allowances", "officials_wish_to_attend", "attending_officials",
    "enclosed_documents", "signed_and_sealed", "objects_to_locate", "search_details",
    "questions", "procedure_requirements", "confidentiality_requirements", "other_information",
    "requested_execution_date", "requested_execution_reason",
    "translation_agreement", "is_confidential",
)
# Asked with the parties: its choices (names of languages) depend on the instrument.
LANGUAGE_FIELD = "request_language"


def _not_in_future(value, message):
    if value is not None and value > clock.now():
        raise forms.ValidationError(message)
    return value


class _AuthorityChoice(forms.ModelChoiceField):
    def label_from_instance(self, authority):
        return f"{authority.name} ({authority.state.iso_code})"


class _InstrumentChoice(forms.ModelChoiceField):
    def label_from_instance(self, instrument):
        return f"{instrument.slug} — {instrument.short_title}"


def assistance_type_choices(instrument: Instrument | None) -> list[tuple[str, str]]:
    """The types of assistance the instrument covers, with the article covering each; without an
    instrument, every type known (the service then checks them against the instrument)."""
    if instrument is not None:
        return [(rule.code, f"{ASSISTANCE_TYPES[rule.code].label.text()} "
                            f"({rule.citation.reference})" if rule.code in ASSISTANCE_TYPES
                 else rule.code)
                for rule in instrument.rulebook.assistance_types]
    return [(code, kind.label.text()) for code, kind in ASSISTANCE_TYPES.items()]


class RegisterIncomingForm(forms.Form):
    instrument = _InstrumentChoice(
        label=_("Instrument"), queryset=Instrument.objects.order_by("slug"),
        help_text=_("The treaty or agreement the request is made under."))
    requesting_authority = _AuthorityChoice(
        label=_("Requesting authority (the other side)"),
        queryset=Authority.objects.exclude(state__iso_code=HOME_STATE).filter(is_active=True)
        .select_related("state").order_by("state__iso_code", "name_en"))
    requested_authority = _AuthorityChoice(
        label=_("Requested authority (Kazakhstan)"),
        queryset=Authority.objects.filter(state__iso_code=HOME_STATE, is_active=True)
        .select_related("state").order_by("name_en"))
    channel = forms.ChoiceField(
        label=_("Channel of receipt"), choices=Channel.choices,
        help_text=_("Oral requests exist only in urgent cases and only where the instrument "
                    "provides them."))
    is_urgent = forms.BooleanField(label=_("Urgent"), required=False)
    urgency_reason = forms.CharField(label=_("Reason for urgency"), required=False,
                                     max_length=TEXT_MAX_LENGTH,
                                     widget=forms.Textarea(attrs={"rows": 2}))
    their_reference = forms.CharField(label=_("Their reference"), required=False,
                                      max_length=100)
    received_at = forms.DateTimeField(
        label=_("Received at"), required=False, widget=DateTimeInput(),
        help_text=_("Asia/Almaty time; if left empty, the moment of registering."))
    oral_request_at = forms.DateTimeField(
        label=_("Oral request made at"), required=False, widget=DateTimeInput(),
        help_text=_("For an oral request: when it was made (the confirmation term runs from "
                    "then). Asia/Almaty time; if left empty, the time of receipt."))
    assistance_types = forms.MultipleChoiceField(
        label=_("Assistance requested"), required=False, widget=forms.CheckboxSelectMultiple)
    request_language = forms.ChoiceField(
        label=capfirst(AssistanceRequest._meta.get_field("request_language").verbose_name),
        required=False)

    def __init__(self, *args, user_office_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        content = forms.fields_for_model(AssistanceRequest, fields=CONTENT_FIELDS,
                                         widgets={"requested_execution_date": DateInput()})
        reason = forms.fields_for_model(AssistanceRequest, fields=("instrument_choice_reason",))
        self.fields["instrument_choice_reason"] = reason["instrument_choice_reason"]
        self.fields["instrument_choice_reason"].widget.attrs["rows"] = 2
        self.fields["instrument_choice_reason"].help_text = _(
            "Where the instrument the request invokes is not the one the engine proposes for "
            "its state and offence (shown below), say so: the reason is logged.")
        for name in CONTENT_FIELDS:
            field = content[name]
            field.required = False
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 2
            self.fields[name] = field
        if user_office_id and not self.is_bound:
            self.initial.setdefault("requested_authority", user_office_id)
        self.initial.setdefault("received_at", clock.now().replace(second=0, microsecond=0))
        self.set_instrument(self._chosen_instrument())

    @property
    def party_fields(self) -> list[forms.BoundField]:
        """The fieldset "instrument and parties" after the instrument (which drives the page)."""
        return [self[name] for name in ("requested_authority", "their_reference",
                                        "instrument_choice_reason")]

    @property
    def receipt_fields(self) -> list[forms.BoundField]:
        """The fieldset "receipt, channel and urgency"."""
        return [self[name] for name in ("channel", "received_at", "oral_request_at", "is_urgent",
                                        "urgency_reason", "is_confidential")]

    @property
    def content_names(self) -> tuple[str, ...]:
        """The contents section of the form (confidentiality is asked with the urgency)."""
        return tuple(name for name in CONTENT_FIELDS if name != "is_confidential")

    def clean_received_at(self):
        return _not_in_future(self.cleaned_data.get("received_at"),
                              _("The receipt time cannot be in the future."))

    def clean_oral_request_at(self):
        return _not_in_future(self.cleaned_data.get("oral_request_at"),
                              _("The oral request cannot be in the future."))

    def _chosen_instrument(self) -> Instrument | None:
        value = self.data.get("instrument") if self.is_bound else self.initial.get("instrument")
        if isinstance(value, Instrument):
            return value
        try:
            return self.fields["instrument"].queryset.filter(pk=int(value)).first()
        except (TypeError, ValueError):
            return None

    def set_instrument(self, instrument: Instrument | None) -> None:
        """Offer what the chosen instrument provides: its assistance types, the authorities of
        the other party only, and the languages by name (the other party's first). Without
        JavaScript the server refuses an authority of another state on its field."""
        self.chosen_instrument = instrument
        self.fields["assistance_types"].choices = assistance_type_choices(instrument)
        others: tuple[str, ...] = ()
        # Reciprocity (national law) binds any state: every foreign authority is offered.
        if instrument is not None and instrument.rulebook.kind != InstrumentKind.NATIONAL_LAW:
            others = tuple(p.code for p in instrument.rulebook.parties if p.code != HOME_STATE)
            field = self.fields["requesting_authority"]
            field.queryset = field.queryset.filter(state__iso_code__in=others)
        languages = tuple(code for state in State.objects.filter(iso_code__in=others)
                          .order_by("iso_code") for code in state.language_codes)
        self.fields[LANGUAGE_FIELD].choices = [("", "—"), *language_choices(languages)]

    def resolution(self) -> dict:
        """The resolver's options with the one proposed, for the page (computed once)."""
        if not hasattr(self, "_resolution"):
            options = self.resolver_options()
            self._resolution = {"options": options, "proposed": instrument_proposed(options)}
        return self._resolution

    def resolver_options(self) -> list[ApplicableInstrument]:
        """The resolver's answer for the requesting authority's state and the offence typed,
        on the day of receipt: shown beside the instrument (two queries)."""
        source = self.data if self.is_bound else self.initial
        try:
            authority = Authority.objects.select_related("state").filter(
                pk=int(source.get("requesting_authority") or 0)).first()
        except (TypeError, ValueError):
            authority = None
        if authority is None:
            return []
        years = str(source.get("offence_max_penalty_years") or "").strip()
        offence = OffenceFacts(
            category=str(source.get("offence_category") or ""),
            laundering_predicate=str(source.get("offence_laundering_predicate") or ""),
            max_penalty_years=int(years) if years.isdigit() and len(years) <= 2 else None,
            organised_group={"true": True, "false": False}.get(
                str(source.get("organised_group_involved") or "").lower()))
        return instruments_applicable(authority.state.iso_code, clock.today(), offence=offence)

    def clean_assistance_types(self):
        return list(self.cleaned_data.get("assistance_types") or [])

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        kwargs = {
            "instrument_id": data.pop("instrument").pk,
            "requesting_authority_id": data.pop("requesting_authority").pk,
            "requested_authority_id": data.pop("requested_authority").pk,
            "channel": data.pop("channel"),
            "assistance_types": data.pop("assistance_types"),
            "received_at": data.pop("received_at"),
            "oral_request_at": data.pop("oral_request_at"),
            "is_urgent": data.pop("is_urgent"),
            "instrument_choice_reason": data.pop("instrument_choice_reason"),
        }
        # Empty contents are left out: the model's defaults apply.
        kwargs.update({name: value for name, value in data.items()
                       if value not in ("", None)})
        return kwargs
