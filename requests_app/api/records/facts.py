"""The record API's operations on what happens in execution: handed-over items,
consultations, decisions, translations, originals and the request-level facts (shorter summons
term, written confirmation)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ...models import (
    AssistanceRequest,
    Channel,
    Consultation,
    ConsultationSubject,
    Decision,
    DecisionKind,
    HandedOverItem,
    ItemHolder,
    ItemReturnStatus,
    OriginalDocument,
    Translation,
)
from ...services import records as record_services
from ...services import requests as request_services
from ..fields import (
    NeverPartial,
    StrictCharField,
    StrictDateField,
    StrictDateTimeField,
    VersionedInput,
    enum_field,
)
from .base import (
    RULE_WRITE_ERRORS,
    RecordCreateApi,
    RecordListApi,
    RecordWriteApi,
    RequestVersionField,
    date_field,
    text_field,
)

ItemHolderField = enum_field("RecordItemHolder", ItemHolder.choices)
ItemReturnStatusField = enum_field("RecordItemReturnStatus", ItemReturnStatus.choices)
ConsultationSubjectField = enum_field("RecordConsultationSubject", ConsultationSubject.choices)
ChannelField = enum_field("RecordChannel", Channel.choices, blank=True)
DecisionKindField = enum_field("RecordDecisionKind", DecisionKind.choices)
DecisionCreateKindField = enum_field(
    "RecordDecisionCreateKind",
    [(DecisionKind.PARTIAL_OR_CONDITIONAL_CONSIDERED,
      DecisionKind.PARTIAL_OR_CONDITIONAL_CONSIDERED.label)],
    description="Only this decision is recorded here; refusal, deferral and conditions are "
                "transitions of the request.")


# --- handed-over items ----------------------------------------------------------------------------
class RecordItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    description = serializers.CharField(read_only=True)
    holder = ItemHolderField(read_only=True)
    handed_over_on = serializers.DateField(read_only=True)
    third_party_conditions = serializers.CharField(read_only=True)
    return_status = ItemReturnStatusField(read_only=True)
    returned_on = serializers.DateField(read_only=True, allow_null=True)
    waived_on = serializers.DateField(read_only=True, allow_null=True)
    waiver_reference = serializers.CharField(read_only=True)
    request_version = RequestVersionField()


class RecordItemListApi(RecordListApi):
    operation_id, summary = "records_items_list", "Items handed over in execution (RS 15, BR 14)"
    model, output = HandedOverItem, RecordItemSerializer


class RecordItemCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordItemCreate"

        description = text_field(required=True)
        holder = ItemHolderField()
        handed_over_on = date_field(required=True)
        third_party_conditions = text_field()

    operation_id, summary = "records_items_create", "Record a handed-over item (prosecutor, clerk)"
    output, service = RecordItemSerializer, record_services.item_record


class RecordItemsApi(RecordItemListApi, RecordItemCreateApi):
    pass


class _ItemActionApi(RecordWriteApi):
    output, row_model, row_kwarg, row_label = RecordItemSerializer, HandedOverItem, "item_id", "item"


class RecordItemReturnedApi(_ItemActionApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordItemReturned"

        returned_on = date_field(required=True)

    operation_id = "records_items_returned"
    summary = "Record the return of a held item (prosecutor, clerk)"
    service, error_names = record_services.item_mark_returned, {"date": "returned_on"}


class RecordItemWaiveApi(_ItemActionApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordItemWaive"

        waived_on = date_field(required=True)
        waiver_reference = text_field(200, required=True)

    operation_id = "records_items_waive"
    summary = "Record that the return of a held item is waived (prosecutor, clerk)"
    service, error_names = record_services.item_waive_return, {"date": "waived_on"}


# --- consultations --------------------------------------------------------------------------------
class RecordConsultationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    subject = ConsultationSubjectField(read_only=True)
    held_on = serializers.DateField(read_only=True)
    counterpart = serializers.CharField(read_only=True)
    channel = ChannelField(read_only=True)
    summary = serializers.CharField(read_only=True)
    outcome = serializers.CharField(read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True)
    recorded_at = serializers.DateTimeField(read_only=True)
    request_version = RequestVersionField()


class RecordConsultationListApi(RecordListApi):
    operation_id = "records_consultations_list"
    summary = "Consultations with the other side (RS 5.3, BR 3.3)"
    model, output = Consultation, RecordConsultationSerializer
    related, ordering = ("recorded_by",), ("held_on", "id")


class RecordConsultationCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordConsultationCreate"

        subject = ConsultationSubjectField()
        held_on = date_field(required=True, help_text="Not in the future.")
        counterpart = text_field(300, required=True)
        channel = ChannelField(default="")
        summary = text_field(required=True)
        outcome = text_field()

    operation_id, summary = "records_consultations_create", "Record a consultation (prosecutor, clerk)"
    output, service = RecordConsultationSerializer, record_services.consultation_record


class RecordConsultationsApi(RecordConsultationListApi, RecordConsultationCreateApi):
    pass


# --- decisions ------------------------------------------------------------------------------------
class RecordDecisionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kind = DecisionKindField(read_only=True)
    ground = serializers.CharField(
        read_only=True, help_text="Code of the refusal or deferral ground from the instrument's "
                                  "own list; empty for other decisions.")
    ground_citation = serializers.SerializerMethodField(
        help_text="The article that lists the ground, e.g. `kz-rs-2015 Art 5.1(a)`.")
    ground_summary = serializers.SerializerMethodField(
        help_text="The ground in the current language.")
    citation = serializers.CharField(read_only=True,
                                     help_text="The article the decision was taken under.")
    partial = serializers.BooleanField(read_only=True)
    reasons = serializers.CharField(read_only=True)
    conditions = serializers.CharField(read_only=True)
    accepted_by_requesting_side_on = serializers.DateField(read_only=True, allow_null=True)
    deferred_until = serializers.DateField(read_only=True, allow_null=True)
    decided_on = serializers.DateField(read_only=True)
    decided_by = serializers.CharField(source="decided_by.username", read_only=True)
    recorded_at = serializers.DateTimeField(read_only=True)
    request_version = RequestVersionField()

    def _ground(self, decision: Decision) -> Any:
        if not decision.ground:
            return None
        rulebook = self.context["rulebook"]  # the request's, read once (``output_context``)
        if decision.kind == DecisionKind.DEFERRAL:
            return rulebook.deferral_ground(decision.ground)
        return rulebook.refusal_ground(decision.ground)

    def get_ground_citation(self, decision: Decision) -> str:
        ground = self._ground(decision)
        return str(ground.citation) if ground else ""

    def get_ground_summary(self, decision: Decision) -> str:
        ground = self._ground(decision)
        return ground.summary.text() if ground else ""


class _DecisionOutput:
    output = RecordDecisionSerializer

    def output_context(self, obj: AssistanceRequest) -> dict[str, Any]:
        return {"rulebook": obj.rulebook}


class RecordDecisionListApi(_DecisionOutput, RecordListApi):
    operation_id = "records_decisions_list"
    summary = ("Decisions: refusals, deferrals, conditions, and partial or conditional execution "
               "considered")
    description = ("Each with its ground (code, citation, wording) and reasons. Refusal, deferral "
                   "and conditions are recorded by the transitions that enact them.")
    model, related, ordering = Decision, ("decided_by",), ("decided_on", "id")


class RecordDecisionCreateApi(_DecisionOutput, RecordCreateApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordDecisionCreate"

        kind = DecisionCreateKindField()
        reasons = text_field(required=True,
                             help_text="Why neither partial nor conditional execution is possible.")
        decided_on = date_field(required=True)

    operation_id = "records_decisions_create"
    summary = ("Record that partial or conditional execution was considered (clerk; RS 6.3, "
               "before a deferral)")
    service = record_services.decision_record_partial_or_conditional_considered

    def arguments(self, data: dict[str, Any]) -> dict[str, Any]:
        return {"reasons": data["reasons"], "decided_on": data["decided_on"]}  # the kind is fixed


class RecordDecisionsApi(RecordDecisionListApi, RecordDecisionCreateApi):
    pass


# --- translations ---------------------------------------------------------------------------------
class RecordTranslationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    language = serializers.CharField(read_only=True)
    document = serializers.CharField(read_only=True)
    translated_by = serializers.CharField(read_only=True)
    completed_on = serializers.DateField(read_only=True, allow_null=True)
    request_version = RequestVersionField()


class RecordTranslationListApi(RecordListApi):
    operation_id = "records_translations_list"
    summary = "Translations of the request and its documents"
    model, output = Translation, RecordTranslationSerializer


class RecordTranslationCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordTranslationCreate"

        language = serializers.RegexField(
            r"^[A-Za-z]{2,3}$", max_length=3,
            help_text="ISO 639 code of the language, e.g. `sr`, `en`, `pt`.")
        document = text_field(300, default="request")
        translated_by = text_field(200)
        completed_on = date_field(help_text="Only a completed translation counts for the "
                                            "language rule.")

        def validate_document(self, value: str) -> str:
            return value if value.strip() else "request"

    operation_id, summary = "records_translations_create", "Record a translation (prosecutor, clerk)"
    output, service = RecordTranslationSerializer, record_services.translation_record


class RecordTranslationsApi(RecordTranslationListApi, RecordTranslationCreateApi):
    pass


# --- originals ------------------------------------------------------------------------------------
class RecordOriginalSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    asked_for_on = serializers.DateField(read_only=True, allow_null=True)
    dispatched_on = serializers.DateField(read_only=True, allow_null=True)
    dispatch_channel = ChannelField(read_only=True)
    tracking_number = serializers.CharField(read_only=True)
    received_on = serializers.DateField(read_only=True, allow_null=True)
    request_version = RequestVersionField()


class RecordOriginalListApi(RecordListApi):
    operation_id = "records_originals_list"
    summary = "The original of a request sent by technical means (RS 3.4, BR 22.1)"
    model, output = OriginalDocument, RecordOriginalSerializer


class RecordOriginalCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordOriginalCreate"

        asked_for_on = date_field(help_text="When the requested side asked for the original.")
        dispatched_on = date_field()
        dispatch_channel = ChannelField(default="", help_text="Required with `dispatched_on`.")
        tracking_number = text_field(100)
        received_on = date_field()

    operation_id, summary = "records_originals_create", "Record the original (clerk)"
    output, service = RecordOriginalSerializer, record_services.original_record


class RecordOriginalsApi(RecordOriginalListApi, RecordOriginalCreateApi):
    pass


class RecordOriginalUpdateApi(RecordWriteApi):
    class InputSerializer(NeverPartial, VersionedInput):
        """Only the fields sent change (at least one); `version` is the request version the
        client saw. Unknown fields are rejected (400)."""

        class Meta:
            ref_name = "RecordOriginalUpdate"

        asked_for_on = StrictDateField(required=False, allow_null=True)
        dispatched_on = StrictDateField(required=False, allow_null=True)
        dispatch_channel = ChannelField(required=False)
        tracking_number = StrictCharField(max_length=100, required=False, allow_blank=True,
                                          trim_whitespace=False)
        received_on = StrictDateField(required=False, allow_null=True)

        def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
            if not set(attrs) - {"version"}:
                raise serializers.ValidationError(
                    {"non_field_errors": [str(_("Send at least one field to change."))]})
            return attrs

    http_method, operation_id = "patch", "records_originals_update"
    summary = "Update the original (clerk): only the fields sent change"
    output, service = RecordOriginalSerializer, record_services.original_update
    row_model, row_kwarg, row_label = OriginalDocument, "original_id", "original"


# --- request-level facts the web app records: RS 8.3 shorter summons term, written confirmation --
class RecordRequestFactsSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    state = serializers.CharField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    shorter_summons_term_agreed_on = serializers.DateField(read_only=True, allow_null=True)
    shorter_summons_term_agreement = serializers.CharField(read_only=True)
    oral_request_at = serializers.DateTimeField(read_only=True, allow_null=True)
    written_confirmation_at = serializers.DateTimeField(read_only=True, allow_null=True)


class RecordShorterSummonsTermApi(RecordWriteApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordShorterSummonsTermInput"

        agreed_on = StrictDateField(help_text="Day the sides agreed the shorter term.")
        agreement = StrictCharField(max_length=5000,
                                    help_text="What was agreed, with whom, by which channel.")

    operation_id = "records_shorter_summons_term"
    summary = "Record an agreed shorter summons term (RS 8.3, urgent requests)"
    output = RecordRequestFactsSerializer
    service = request_services.request_record_shorter_summons_term
    errors = RULE_WRITE_ERRORS


class RecordWrittenConfirmationApi(RecordWriteApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordWrittenConfirmationInput"

        confirmed_at = StrictDateTimeField(
            required=False, allow_null=True, default=None,
            help_text="When the written confirmation arrived or was sent; empty means now.")

    operation_id = "records_written_confirmation"
    summary = ("Record the written confirmation of an oral request already forwarded (CZ 9.1, "
               "SK 7.4)")
    output = RecordRequestFactsSerializer
    service = request_services.request_record_written_confirmation
    errors = RULE_WRITE_ERRORS
