"""API: the instruments and their rulebooks (read-only, for any signed-in user).

    GET /api/instruments/                       the instruments with their status today
    GET /api/instruments/applicable/?state=DE&offence_category=...&assistance_types=a,b
                                                the resolver: which instrument governs a request
    GET /api/instruments/{slug}/?on=YYYY-MM-DD  one instrument with its full rulebook and its
                                                status on ``on`` (today in Asia/Almaty if absent)

The rules come from the instrument's rulebook (``treaties.rulebook``), the dates from the database
(``Instrument``) and the status from ``treaties.rules.lifecycle`` through ``Instrument.status_on``:
nothing here decides anything itself.

The citation and multilingual text serializers are shared with ``requests_app.api.requests``;
the input fields come from ``fields``.
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import date

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.urls import path
from django.urls import re_path
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from treaties.models import Instrument
from treaties.models import State
from treaties.rulebook import all_rulebooks
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.offences import MAX_PENALTY_YEARS
from treaties.rulebook.offences import OFFENCE_CATEGORY_INPUT_CODES
from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import ContentRule
from treaties.rulebook.schema import DutyEvent
from treaties.rulebook.schema import DutyParty
from treaties.rulebook.schema import DutyRule
from treaties.rulebook.schema import GroundRule
from treaties.rulebook.schema import OralRequestRule
from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Rulebook
from treaties.rulebook.schema import Summary
from treaties.rules.lifecycle import InstrumentDates
from treaties.rules.lifecycle import StatusVerdict
from treaties.rules.scope import OffenceFacts
from treaties.rules.scope import ScopeStatus
from treaties.rules.scope import ScopeVerdict
from treaties.selectors import ApplicableInstrument
from treaties.selectors import instrument_proposed
from treaties.selectors import instruments_applicable

from .. import clock
from ..services.instruments import instrument_record
from .fields import StrictCharField
from .fields import StrictDateField
from .fields import StrictSerializer
from .fields import validated_body
from .fields import validated_query
from .schemas import COMMON_ERRORS
from .schemas import error


# --- shared output pieces ----------------------------------------------------------------------
class InstrumentTextSerializer(serializers.Serializer):
    """One text in the three working languages."""

    en = serializers.CharField()
    ru = serializers.CharField()
    kk = serializers.CharField()


class InstrumentCitationSerializer(serializers.Serializer):
    """Where a rule comes from. ``text`` is the compact form used everywhere (``kz-rs-2015 Art
    3.2(a)``), ``reference`` the same without the instrument."""

    text = serializers.CharField()
    instrument = serializers.CharField()
    article = serializers.CharField()
    paragraph = serializers.CharField(allow_blank=True)
    subparagraph = serializers.CharField(allow_blank=True)
    reference = serializers.CharField()


def citation_data(citation: Citation | None) -> dict | None:
    if citation is None:
        return None
    return {"text": str(citation), "instrument": citation.instrument,
            "article": citation.article, "paragraph": citation.paragraph,
            "subparagraph": citation.subparagraph, "reference": citation.reference}


def text_data(summary: Summary) -> dict:
    return {"en": summary.en, "ru": summary.ru, "kk": summary.kk}


def _value(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Rule):  # a rule inside a rule (RS 10.3 in the channels): listed itself
        return value.code
    if isinstance(value, Citation):
        return citation_data(value)
    return value


# --- output -------------------------------------------------------------------------------------
class InstrumentStatusSerializer(serializers.Serializer):
    on = serializers.DateField(help_text="The date the status is given for.")
    status = serializers.CharField(
        help_text="not_in_force, in_force, suspended or terminated.")
    label = serializers.CharField(help_text="The status in the active language.")
    since = serializers.DateField(allow_null=True,
                                  help_text="Since when the status applies, where known.")
    citation = InstrumentCitationSerializer(
        allow_null=True, help_text="The article the status follows from.")
    suspended_assistance_types = serializers.ListField(
        child=serializers.CharField(), help_text=(
            "A partial suspension (CZ 17): the forms of cooperation it covers; empty when the "
            "instrument is suspended as a whole or not suspended."))


def status_data(verdict: StatusVerdict, on: date) -> dict:
    return {"on": on, "status": verdict.status.value, "label": verdict.label,
            "since": verdict.since, "citation": citation_data(verdict.citation),
            "suspended_assistance_types": list(verdict.suspended_assistance_types)}


class InstrumentPartySerializer(serializers.Serializer):
    iso_code = serializers.CharField()
    name = InstrumentTextSerializer()


class InstrumentDatesSerializer(serializers.Serializer):
    signed_on = serializers.DateField(allow_null=True)
    entered_into_force_on = serializers.DateField(allow_null=True)
    termination_notice_received_on = serializers.DateField(allow_null=True)
    suspension_notice_received_on = serializers.DateField(allow_null=True)
    suspension_lift_notice_received_on = serializers.DateField(allow_null=True)
    suspended_assistance_types = serializers.ListField(
        child=serializers.CharField(),
        help_text="Forms of cooperation the suspension notice names (CZ 17: partial suspension).")
    agreed_channels = serializers.ListField(
        child=serializers.CharField(),
        help_text="Channels the authorities agreed besides those the text names (CZ 9.1, SK 7.2).")
    agreed_channels_reference = serializers.CharField(allow_blank=True)


class InstrumentListItemSerializer(serializers.Serializer):
    slug = serializers.CharField()
    kind = serializers.CharField(help_text="mla_treaty or police_cooperation.")
    kind_label = serializers.CharField()
    title = InstrumentTextSerializer()
    short_title = InstrumentTextSerializer()
    parties = InstrumentPartySerializer(many=True, help_text="Kazakhstan first.")
    approval_act = serializers.CharField(allow_blank=True)
    dates = InstrumentDatesSerializer()
    status = InstrumentStatusSerializer(help_text="Status today (Asia/Almaty).")


def _state_data(state: State) -> dict:
    return {"iso_code": state.iso_code,
            "name": {"en": state.name_en, "ru": state.name_ru, "kk": state.name_kk}}


def instrument_data(instrument: Instrument, on: date) -> dict:
    """The list item of ``instrument`` (its parties prefetched) with its status on ``on``."""
    rulebook = instrument.rulebook
    order = {code: position for position, code in enumerate(rulebook.party_codes)}
    parties = sorted(instrument.parties.all(), key=lambda s: order.get(s.iso_code, len(order)))
    return {
        "slug": instrument.slug,
        "kind": instrument.kind,
        "kind_label": instrument.get_kind_display(),
        "title": {"en": instrument.title_en, "ru": instrument.title_ru,
                  "kk": instrument.title_kk},
        "short_title": {"en": instrument.short_title_en, "ru": instrument.short_title_ru,
                        "kk": instrument.short_title_kk},
        "parties": [_state_data(state) for state in parties],
        "approval_act": instrument.approval_act,
        "dates": {
            "signed_on": instrument.signed_on,
            "entered_into_force_on": instrument.entered_into_force_on,
            "termination_notice_received_on": instrument.termination_notice_received_on,
            "suspension_notice_received_on": instrument.suspension_notice_received_on,
            "suspension_lift_notice_received_on": instrument.suspension_lift_notice_received_on,
            "suspended_assistance_types": list(instrument.suspended_assistance_types or ()),
            "agreed_channels": list(instrument.agreed_channels or ()),
            "agreed_channels_reference": instrument.agreed_channels_reference,
        },
        "status": status_data(instrument.status_on(on), on),
    }


class InstrumentRuleParametersSerializer(serializers.Serializer):
    """A rule's parameters, named after the rule dataclass attributes they come from; a rule has
    only those of its type. ``hours`` is the written-confirmation term of an oral request: the
    treaty's figure, or the office-policy target where the treaty says "without delay"
    (``hours_basis`` tells which)."""

    field = serializers.CharField(required=False, help_text=(
        "Content rules: the request field holding the item (see the request serializers)."))
    required_when = serializers.ChoiceField(
        required=False, choices=["always", "summons", "officials_attend", "assistance"],
        help_text="Content rules: when the item is mandatory.")
    channels = serializers.ListField(
        child=serializers.CharField(), required=False,
        help_text="Channel rules: post, fax, electronic, oral, interpol, diplomatic, courier.")
    authority_kind = serializers.CharField(required=False,
                                           help_text="Channel rules: central or competent.")
    accepted_languages = serializers.ListField(
        child=serializers.CharField(), required=False,
        help_text=("Language rules: ISO 639-1 codes; ``requested_state`` stands for the "
                   "requested state's official languages."))
    waivable_by_agreement = serializers.BooleanField(required=False)
    urgent_only = serializers.BooleanField(required=False)
    hours = serializers.IntegerField(required=False)
    hours_basis = serializers.ChoiceField(required=False, choices=["treaty", "office_policy"])
    mode = serializers.ChoiceField(required=False,
                                   choices=["simultaneous_post", "on_request_within_days"])
    days = serializers.IntegerField(required=False, allow_null=True)
    months = serializers.IntegerField(required=False, allow_null=True)
    shorter_term_by_agreement_when_urgent = serializers.BooleanField(required=False)
    max_months = serializers.IntegerField(required=False, allow_null=True)
    extensions_allowed = serializers.IntegerField(required=False)
    until_release_date = serializers.BooleanField(required=False)
    consent_citation = InstrumentCitationSerializer(required=False, allow_null=True)
    every_months = serializers.IntegerField(required=False)
    register = InstrumentCitationSerializer(required=False)
    deletion_term = InstrumentCitationSerializer(required=False)
    supplier_informed_of_deletion = InstrumentCitationSerializer(required=False, allow_null=True)
    onward_transfer_consent = InstrumentCitationSerializer(required=False)
    sensitive_data = InstrumentCitationSerializer(required=False, allow_null=True)
    effective_after_expiry = serializers.BooleanField(required=False, help_text=(
        "Term rules: the change applies once the term has run out, the day after its last day "
        "(RS 22.4), rather than on notice + term."))
    channels_citation = InstrumentCitationSerializer(required=False, allow_null=True, help_text=(
        "Channel rules: the article that names the channels."))
    conditional_channels = serializers.ListField(
        child=serializers.CharField(), required=False,
        help_text="Channel rules: codes of the rules allowing a channel only for some requests.")
    agreed_means = InstrumentCitationSerializer(required=False, allow_null=True, help_text=(
        "Channel rules: where other means agreed by the authorities are allowed, the article."))
    channel = serializers.CharField(required=False,
                                    help_text="Conditional channel rules: the channel.")
    assistance_types = serializers.ListField(
        child=serializers.CharField(), required=False,
        help_text="Codes of the assistance types a ground, channel or occasion concerns.")
    languages = serializers.ListField(child=serializers.CharField(), required=False,
                                      help_text="Answer language rules: the answer's languages.")
    translation_into = serializers.CharField(required=False, help_text=(
        "Answer language rules: the language of the translation that goes with the answer."))
    after_deferral_decision = serializers.BooleanField(required=False)
    assistance_types_citation = InstrumentCitationSerializer(required=False, allow_null=True)
    owed_by_other_side = serializers.BooleanField(
        required=False, help_text="Periodic duties: the other side's, whose receipt is tracked.")
    event = serializers.ChoiceField(required=False, choices=[e.value for e in DutyEvent],
                                    help_text="Duties: the event that obliges the notice.")
    owed_by = serializers.ChoiceField(required=False, choices=[p.value for p in DutyParty],
                                      help_text="Duties: the requested or requesting side, or "
                                                "both (a joint consultation).")
    immediate = serializers.BooleanField(
        required=False, help_text="Duties: the text says immediately, promptly or without delay.")
    in_writing = serializers.BooleanField(required=False,
                                          help_text="Duties: the notice must be written.")
    notice = serializers.BooleanField(required=False,
                                      help_text="Duties: a notice (a letter can carry it).")
    term_basis = serializers.ChoiceField(
        required=False, choices=["treaty", "office_policy"],
        help_text="Duties: the text's own term, or the office's target where it sets none.")
    office_target_hours = serializers.IntegerField(
        required=False, help_text="Duties the text wants without delay: the office's target.")
    office_target_days = serializers.IntegerField(
        required=False, help_text="Duties for which the text sets no time: the office's target.")

    def to_representation(self, instance):
        # Only the parameters the rule's type has (null where it has one without a value).
        data = super().to_representation(instance)
        return {name: value for name, value in data.items() if name in instance}


_RULE_BASE_FIELDS = {f.name for f in dataclasses.fields(Rule)}


def rule_parameters(rule: Rule) -> dict:
    """Every attribute a rule dataclass adds to code, citation and summary, as JSON values."""
    parameters = {}
    for f in dataclasses.fields(rule):
        if f.name in _RULE_BASE_FIELDS:
            continue
        value = getattr(rule, f.name)
        if isinstance(value, Citation):
            value = citation_data(value)
        elif isinstance(value, (frozenset, set)):
            value = sorted(_value(v) for v in value)
        elif isinstance(value, tuple):
            value = [_value(v) for v in value]
        else:
            value = _value(value)
        parameters[f.name] = value
    if isinstance(rule, DutyRule):
        if parameters.get("hours") is None:
            parameters.pop("hours", None)
        if rule.has_treaty_term:
            parameters["term_basis"] = "treaty"
        elif rule.immediate:
            parameters["term_basis"] = "office_policy"
            parameters["office_target_hours"] = int(settings.MLA_NOTICE_TARGET_HOURS)
        else:
            parameters["term_basis"] = "office_policy"
            parameters["office_target_days"] = int(settings.MLA_NOTICE_UNTIMED_TARGET_DAYS)
    if isinstance(rule, OralRequestRule):
        hours = parameters.pop("confirmation_hours")
        parameters["hours_basis"] = "treaty" if hours is not None else "office_policy"
        parameters["hours"] = (hours if hours is not None
                               else int(settings.MLA_ORAL_CONFIRMATION_TARGET_HOURS))
    return parameters


class InstrumentRuleSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable and unique within the rulebook.")
    kind = serializers.CharField(help_text=(
        "The part of the rulebook the rule belongs to (its Rulebook attribute): communication, "
        "mandatory_contents, refusal_grounds, other_rules..."))
    rule_type = serializers.CharField(help_text=(
        "The rule's dataclass: Rule, ContentRule, ChannelRule, TermRule..."))
    citation = InstrumentCitationSerializer()
    summary = InstrumentTextSerializer(help_text="Our own wording, not the treaty's.")
    parameters = InstrumentRuleParametersSerializer(help_text=(
        "The rule's figures and settings; only those its type has."))


def rulebook_rules(rulebook: Rulebook) -> list[dict]:
    """Every rule of the rulebook in declaration order (the order of ``Rulebook.rules()``), each
    with the Rulebook attribute it belongs to."""
    return [{"code": rule.code, "kind": field_name, "rule_type": type(rule).__name__,
             "citation": citation_data(rule.citation), "summary": text_data(rule.summary),
             "parameters": rule_parameters(rule)}
            for field_name, rule in rulebook.rules_by_field()]


class InstrumentAssistanceTypeSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = InstrumentTextSerializer(help_text="The catalogue's name of the type.")
    legal_assistance = serializers.BooleanField(help_text=(
        "Mutual legal assistance in criminal matters (as opposed to police cooperation)."))
    involves_appearance = serializers.BooleanField(help_text=(
        "Someone is summoned to appear (summons lead times apply)."))
    citation = InstrumentCitationSerializer()
    summary = InstrumentTextSerializer()


class InstrumentGroundSerializer(serializers.Serializer):
    code = serializers.CharField()
    citation = InstrumentCitationSerializer()
    summary = InstrumentTextSerializer()


class InstrumentContentItemSerializer(serializers.Serializer):
    code = serializers.CharField()
    field = serializers.CharField(help_text="The request field holding the item.")
    required_when = serializers.ChoiceField(choices=["always", "summons", "officials_attend"])
    citation = InstrumentCitationSerializer()
    summary = InstrumentTextSerializer()


class InstrumentProvidesSerializer(serializers.Serializer):
    oral_requests = serializers.BooleanField()
    deferral = serializers.BooleanField()
    conditions = serializers.BooleanField()
    return_of_items = serializers.BooleanField()


class InstrumentDetailSerializer(InstrumentListItemSerializer):
    status = InstrumentStatusSerializer(help_text="Status on the date asked for (``on``).")
    provides = InstrumentProvidesSerializer(help_text=(
        "Which optional parts of the request graph the instrument has."))
    assistance_types = InstrumentAssistanceTypeSerializer(many=True)
    refusal_grounds = InstrumentGroundSerializer(many=True)
    deferral_grounds = InstrumentGroundSerializer(many=True, help_text=(
        "Empty: the instrument provides no deferral."))
    mandatory_contents = InstrumentContentItemSerializer(many=True)
    optional_contents = InstrumentContentItemSerializer(many=True)
    rules = InstrumentRuleSerializer(many=True, help_text=(
        "Every rule of the rulebook, in declaration order, including those listed above."))


def _ground(rule: GroundRule) -> dict:
    return {"code": rule.code, "citation": citation_data(rule.citation),
            "summary": text_data(rule.summary)}


def _content(rule: ContentRule) -> dict:
    return {"code": rule.code, "field": rule.field, "required_when": rule.required_when.value,
            "citation": citation_data(rule.citation), "summary": text_data(rule.summary)}


def instrument_detail_data(instrument: Instrument, on: date) -> dict:
    rulebook = instrument.rulebook
    assistance_types = []
    for rule in rulebook.assistance_types:
        catalogue = ASSISTANCE_TYPES[rule.code]
        assistance_types.append({
            "code": rule.code, "label": text_data(catalogue.label),
            "legal_assistance": catalogue.legal_assistance,
            "involves_appearance": catalogue.involves_appearance,
            "citation": citation_data(rule.citation), "summary": text_data(rule.summary)})
    return {
        **instrument_data(instrument, on),
        "provides": {"oral_requests": rulebook.provides_oral_requests,
                     "deferral": rulebook.provides_deferral,
                     "conditions": rulebook.provides_conditions,
                     "return_of_items": rulebook.return_of_items is not None},
        "assistance_types": assistance_types,
        "refusal_grounds": [_ground(g) for g in rulebook.refusal_grounds],
        "deferral_grounds": [_ground(g) for g in rulebook.deferral_grounds],
        "mandatory_contents": [_content(r) for r in rulebook.mandatory_contents],
        "optional_contents": [_content(r) for r in rulebook.optional_contents],
        "rules": rulebook_rules(rulebook),
    }


def _instruments():
    """Instruments the engine has a rulebook for, with their parties (two queries)."""
    return (Instrument.objects.filter(slug__in=list(all_rulebooks()))
            .prefetch_related(Prefetch("parties", queryset=State.objects.order_by("iso_code")))
            .order_by("slug"))


# --- the endpoints ------------------------------------------------------------------------------
# No docstrings on the API classes: the schema would repeat them for every operation of the URL.
class InstrumentListApi(APIView):
    pagination_class = PageNumberPagination

    class QuerySerializer(StrictSerializer):
        extra_allowed = ("page",)

    @extend_schema(
        operation_id="instruments_list",
        summary="List the instruments",
        description=("The instruments Kazakhstan works under, by slug, with their parties, "
                     "dates and status today (Asia/Almaty). Any signed-in user."),
        responses={200: InstrumentListItemSerializer(many=True), 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 404: error("No such page.")},
        tags=["instruments"],
    )
    def get(self, request):
        validated_query(self.QuerySerializer, request)
        today = clock.today()
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(_instruments(), request, view=self)
        data = InstrumentListItemSerializer([instrument_data(i, today) for i in page],
                                            many=True).data
        return paginator.get_paginated_response(data)


class InstrumentDetailApi(APIView):
    class QuerySerializer(StrictSerializer):
        on = StrictDateField(required=False, help_text=(
            "The date to give the status for, YYYY-MM-DD (default: today in Asia/Almaty)."))

    @extend_schema(
        operation_id="instruments_retrieve",
        summary="One instrument with its rulebook",
        description=("Every rule of the instrument's rulebook with its citation, summaries in "
                     "English, Russian and Kazakh and its parameters; the assistance types, "
                     "grounds and contents it lists; its status on ``on`` (default today)."),
        parameters=[QuerySerializer, OpenApiParameter(
            "slug", str, OpenApiParameter.PATH, description="e.g. kz-rs-2015")],
        responses={200: InstrumentDetailSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 404: COMMON_ERRORS[404]},
        tags=["instruments"],
    )
    def get(self, request, slug: str):
        on = validated_query(self.QuerySerializer, request).get("on") or clock.today()
        # Only a known slug reaches the database (an arbitrary path segment may hold anything).
        instrument = _instruments().filter(slug=slug).first() if slug in all_rulebooks() else None
        if instrument is None:
            raise Http404
        return Response(InstrumentDetailSerializer(instrument_detail_data(instrument, on)).data)


class InstrumentRecordApi(APIView):
    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "InstrumentRecordInput"

        entered_into_force_on = StrictDateField(allow_null=True, help_text=(
            "Where the text states no date (SK 12.1, RS 22.2, BR 30.1), the date the office "
            "recorded."))
        termination_notice_received_on = StrictDateField(allow_null=True)
        suspension_notice_received_on = StrictDateField(allow_null=True, help_text=(
            "Only where the instrument provides suspension (CZ 17)."))
        suspension_lift_notice_received_on = StrictDateField(allow_null=True)
        suspended_assistance_types = serializers.ListField(
            child=StrictCharField(max_length=60), max_length=40, help_text=(
                "A partial suspension (CZ 17): the forms of cooperation the notice names; empty "
                "for a suspension of the whole instrument."))
        agreed_channels = serializers.ListField(
            child=StrictCharField(max_length=20), max_length=10, help_text=(
                "Channels agreed besides those the text names (CZ 9.1, SK 7.2 only)."))
        agreed_channels_reference = StrictCharField(max_length=300, allow_blank=True)

    @extend_schema(
        operation_id="instruments_record",
        summary="Record an instrument's dates, notices and agreed channels",
        description=("Replaces what the office records about the instrument (as the admin does): "
                     "entry into force where the text states none, notices of termination and "
                     "of suspension (fully or partially, CZ 17) and of its lifting, and channels "
                     "agreed with the other side (CZ 9.1, SK 7.2). The instrument's duties are "
                     "re-synchronised in the same transaction. Administrators and supervisors."),
        parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH,
                                     description="e.g. kz-cz-2017")],
        request=InputSerializer,
        responses={200: InstrumentListItemSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 403: COMMON_ERRORS[403], 404: COMMON_ERRORS[404]},
        tags=["instruments"],
    )
    def put(self, request, slug: str):
        instrument = _instruments().filter(slug=slug).first() if slug in all_rulebooks() else None
        if instrument is None:
            raise Http404
        body = validated_body(self.InputSerializer, request.data)
        dates = InstrumentDates(
            entered_into_force_on=body["entered_into_force_on"],
            termination_notice_received_on=body["termination_notice_received_on"],
            suspension_notice_received_on=body["suspension_notice_received_on"],
            suspension_lift_notice_received_on=body["suspension_lift_notice_received_on"],
            suspended_assistance_types=tuple(body["suspended_assistance_types"]))
        instrument_record(actor=request.user, instrument_id=instrument.pk, dates=dates,
                          agreed_channels=tuple(body["agreed_channels"]),
                          agreed_channels_reference=body["agreed_channels_reference"],
                          now=clock.now())
        recorded = _instruments().get(pk=instrument.pk)
        return Response(InstrumentListItemSerializer(
            instrument_data(recorded, clock.today())).data)


# --- the resolver ------------------------------------------------------------------------------
class ResolverReasonSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="In the active language.")
    citation = InstrumentCitationSerializer(allow_null=True)
    office_policy = serializers.BooleanField(help_text=(
        "True where the line is the office's choice, not the text's (the rank among "
        "conventions)."))


class ResolverScopeSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=[s.value for s in ScopeStatus], help_text=(
        "within, outside, or unknown (a fact is missing: ``missing``)."))
    reason = serializers.CharField()
    citation = InstrumentCitationSerializer(allow_null=True)
    missing = serializers.CharField(allow_blank=True, help_text=(
        "For an unknown verdict: the request field that would settle it."))


class ResolverOptionSerializer(serializers.Serializer):
    instrument = serializers.CharField(help_text="The instrument's slug.")
    kind = serializers.CharField()
    short_title = serializers.CharField()
    rank = serializers.IntegerField(help_text="Lower is tried first.")
    status = InstrumentStatusSerializer()
    displaced_by = serializers.CharField(allow_null=True, help_text=(
        "The treaty of mutual legal assistance whose terms govern instead (UNTOC 18.7)."))
    offence_scope = ResolverScopeSerializer(allow_null=True)
    assistance_scope = ResolverScopeSerializer(allow_null=True)
    applies = serializers.BooleanField(help_text="In force, not displaced, the request within it.")
    selectable = serializers.BooleanField(help_text=(
        "May be chosen instead of the proposed one, with a reason (logged)."))
    proposed = serializers.BooleanField()
    rules_encoded = serializers.BooleanField(help_text=(
        "False: the instrument's text is not in the engine yet; its requests are tracked with "
        "the generic duties only."))
    reasons = ResolverReasonSerializer(many=True)


class ResolverAnswerSerializer(serializers.Serializer):
    state = serializers.CharField()
    on = serializers.DateField()
    proposed = serializers.CharField(allow_null=True, help_text=(
        "The slug proposed, or null where none applies or two of the same rank do (choose)."))
    options = ResolverOptionSerializer(many=True)


def _scope_data(verdict: ScopeVerdict | None) -> dict | None:
    if verdict is None:
        return None
    return {"verdict": verdict.status.value, "reason": str(verdict.reason),
            "citation": citation_data(verdict.citation), "missing": verdict.missing}


def resolver_data(state_code: str, on: date, options: list[ApplicableInstrument]) -> dict:
    """The resolver's answer as the API gives it (``treaties.selectors.instruments_applicable``)."""
    proposed = instrument_proposed(options)
    return {"state": state_code, "on": on,
            "proposed": proposed.instrument.slug if proposed else None,
            "options": [{
                "instrument": o.instrument.slug, "kind": o.rulebook.kind.value,
                "short_title": o.instrument.short_title, "rank": o.rank,
                "status": status_data(o.verdict, on),
                "displaced_by": o.displaced_by.slug if o.displaced_by else None,
                "offence_scope": _scope_data(o.offence_scope),
                "assistance_scope": _scope_data(o.assistance_scope),
                "applies": o.applies, "selectable": o.selectable, "proposed": o is proposed,
                "rules_encoded": o.rulebook.rules_encoded,
                "reasons": [{"text": r.text, "citation": citation_data(r.citation),
                             "office_policy": r.office_policy} for r in o.reasons],
            } for o in options]}


class InstrumentApplicableApi(APIView):
    class QuerySerializer(StrictSerializer):
        class Meta:
            ref_name = "InstrumentApplicableQuery"

        state = serializers.RegexField(r"^[A-Z]{2}$", help_text=(
            "The partner state, ISO 3166-1 alpha-2 (e.g. DE)."))
        on = StrictDateField(required=False, help_text="Default: today in Asia/Almaty.")
        offence_category = serializers.ChoiceField(
            choices=OFFENCE_CATEGORY_INPUT_CODES, required=False, allow_blank=True, help_text=(
                "The offence's category (FATF designated categories, money_laundering, "
                "obstruction_of_justice, other)."))
        offence_laundering_predicate = serializers.ChoiceField(
            choices=OFFENCE_CATEGORY_INPUT_CODES, required=False, allow_blank=True,
            help_text="For money laundering: the predicate offence's category.")
        offence_max_penalty_years = serializers.IntegerField(
            required=False, min_value=0, max_value=MAX_PENALTY_YEARS, help_text=(
                "Maximum deprivation of liberty in years (99: life imprisonment)."))
        organised_group_involved = serializers.BooleanField(required=False, allow_null=True)
        assistance_types = serializers.CharField(
            required=False, allow_blank=True, max_length=1000,
            help_text="Codes of the assistance sought, comma-separated.")

    @extend_schema(
        operation_id="instruments_applicable",
        summary="Which instrument governs a request",
        description=(
            "The resolver: every instrument binding Kazakhstan and ``state`` (reciprocity, as "
            "national law, binds any state), in order of precedence, each with its status for "
            "the two states on ``on``, what displaces it (UNTOC 18.7, UNCAC 46.7: a treaty of "
            "mutual legal assistance binding both), whether the offence and the assistance "
            "fall within it, and the reasons with their articles; ``proposed`` is the first "
            "that applies. Another ``selectable`` one may be chosen with a reason "
            "(``instrument_choice_reason`` on POST /api/requests/ or /api/requests/incoming/)."),
        parameters=[QuerySerializer],
        responses={200: ResolverAnswerSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401]},
        tags=["instruments"],
    )
    def get(self, request):
        query = validated_query(self.QuerySerializer, request)
        on = query.get("on") or clock.today()
        types = query.get("assistance_types")
        offence = OffenceFacts(
            category=query.get("offence_category", ""),
            laundering_predicate=query.get("offence_laundering_predicate", ""),
            max_penalty_years=query.get("offence_max_penalty_years"),
            organised_group=query.get("organised_group_involved"))
        options = instruments_applicable(
            query["state"], on, offence=offence,
            assistance_types=None if types is None else tuple(
                code.strip() for code in types.split(",") if code.strip()))
        return Response(ResolverAnswerSerializer(resolver_data(query["state"], on,
                                                               options)).data)


urlpatterns = [
    path("instruments/", InstrumentListApi.as_view(), name="api-instrument-list"),
    path("instruments/applicable/", InstrumentApplicableApi.as_view(),
         name="api-instrument-applicable"),
    # Any segment, so that an impossible slug is the API's JSON 404, not the site's HTML page.
    re_path(r"^instruments/(?P<slug>[^/]+)/$", InstrumentDetailApi.as_view(),
            name="api-instrument-detail"),
    re_path(r"^instruments/(?P<slug>[^/]+)/record/$", InstrumentRecordApi.as_view(),
            name="api-instrument-record"),
]
