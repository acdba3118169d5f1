"""The record API's output serializers, one per record family, shared by that family's
operations (a list shows the rows, a write the row it recorded), and the closed enumerations they
publish as named schema components."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from treaties.rules.breaches import foreign_decision_breaches

from ...models import AssetMeasureKind
from ...models import Channel
from ...models import ConsultationSubject
from ...models import DataFlow
from ...models import Decision
from ...models import DecisionKind
from ...models import ItemHolder
from ...models import ItemReturnStatus
from ...models import PersonalDataTransfer
from ...models import PersonRole
from ..fields import enum_field
from ..schemas import ViolationSerializer
from .base import RequestVersionField

PersonRoleField = enum_field("RecordPersonRole", PersonRole.choices)
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
DataFlowField = enum_field("PersonalDataFlow", DataFlow.choices)
AssetMeasureKindField = enum_field("RecordAssetMeasureKind", AssetMeasureKind.choices)


# --- persons --------------------------------------------------------------------------------------
class RecordPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    role = PersonRoleField(read_only=True)
    full_name = serializers.CharField(read_only=True)
    birth_date = serializers.DateField(read_only=True, allow_null=True)
    nationality = serializers.CharField(read_only=True)
    address = serializers.CharField(read_only=True)
    particulars = serializers.CharField(read_only=True)
    appearance_date = serializers.DateField(
        read_only=True, allow_null=True,
        help_text="A summons: the date the person must appear (RS 8.3, BR 6.2 lead times run "
                  "back from it).")
    request_version = RequestVersionField()


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


# --- asset measures -------------------------------------------------------------------------------
class RecordAssetMeasureSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kind = AssetMeasureKindField(read_only=True)
    amount = serializers.DecimalField(max_digits=18, decimal_places=2, read_only=True,
                                      coerce_to_string=True,
                                      help_text="In the currency of the decision, as a string.")
    currency = serializers.CharField(read_only=True, help_text="ISO 4217 code.")
    taken_on = serializers.DateField(read_only=True, help_text="Day of the decision.")
    description = serializers.CharField(read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True)
    recorded_at = serializers.DateTimeField(read_only=True)
    request_version = RequestVersionField()


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

    breaches = serializers.SerializerMethodField(help_text=(
        "On our outgoing requests, what in the other side's refusal or deferral departs from "
        "the treaty (a ground it does not list, missing reasons, no consultation first), each "
        "with its article: a breach the office may contest. Empty otherwise."))

    @extend_schema_field(ViolationSerializer(many=True))
    def get_breaches(self, decision: Decision) -> list[dict[str, str]]:
        facts = self.context.get("breach_facts")
        if facts is None:
            return []
        return [v.as_dict() for v in foreign_decision_breaches(
            self.context["rulebook"], facts, kind=decision.kind, ground=decision.ground,
            reasons=decision.reasons, decided_on=decision.decided_on)]

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


# --- translations ---------------------------------------------------------------------------------
class RecordTranslationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    language = serializers.CharField(read_only=True)
    document = serializers.CharField(read_only=True)
    translated_by = serializers.CharField(read_only=True)
    completed_on = serializers.DateField(read_only=True, allow_null=True)
    request_version = RequestVersionField()


# --- originals ------------------------------------------------------------------------------------
class RecordOriginalSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    asked_for_on = serializers.DateField(read_only=True, allow_null=True)
    dispatched_on = serializers.DateField(read_only=True, allow_null=True)
    dispatch_channel = ChannelField(read_only=True)
    tracking_number = serializers.CharField(read_only=True)
    received_on = serializers.DateField(read_only=True, allow_null=True)
    request_version = RequestVersionField()


# --- proofs of service ----------------------------------------------------------------------------
class RecordServiceProofSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    person = serializers.IntegerField(source="person_id", read_only=True, allow_null=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True,
                                        allow_null=True, default=None)
    served_at = serializers.DateTimeField(read_only=True, allow_null=True)
    place = serializers.CharField(read_only=True)
    manner = serializers.CharField(read_only=True)
    received_by = serializers.CharField(read_only=True)
    signed_and_sealed = serializers.BooleanField(read_only=True)
    not_served_reason = serializers.CharField(read_only=True)
    recorded_at = serializers.DateTimeField(read_only=True)
    request_version = RequestVersionField()


# --- detainee transfers ---------------------------------------------------------------------------
class RecordTransferSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    person = serializers.IntegerField(source="person_id", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    transferred_on = serializers.DateField(read_only=True)
    return_due_on = serializers.DateField(read_only=True, allow_null=True)
    extension_count = serializers.IntegerField(read_only=True)
    release_date = serializers.DateField(read_only=True, allow_null=True)
    person_consented = serializers.BooleanField(read_only=True)
    returned_on = serializers.DateField(read_only=True, allow_null=True)
    request_version = RequestVersionField()


# --- personal-data register (CZ 10-11, SK 5-6) ----------------------------------------------------
class PersonalDataOnwardTransferSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    entry = serializers.IntegerField(source="personal_data_id", read_only=True)
    recipient = serializers.CharField(read_only=True)
    consent_reference = serializers.CharField(read_only=True)
    consent_given_on = serializers.DateField(read_only=True)
    onward_transferred_on = serializers.DateField(read_only=True, allow_null=True)
    recorded_at = serializers.DateTimeField(read_only=True)
    request_version = RequestVersionField("personal_data.request")


class PersonalDataEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    flow = DataFlowField(read_only=True)
    transferred_on = serializers.DateField(read_only=True)
    purpose = serializers.CharField(read_only=True)
    data_categories = serializers.CharField(read_only=True)
    sensitive = serializers.BooleanField(read_only=True)
    sensitive_justification = serializers.CharField(read_only=True)
    bodies_involved = serializers.CharField(read_only=True)
    use_conditions = serializers.CharField(read_only=True)
    deletion_due_on = serializers.DateField(read_only=True, allow_null=True)
    deleted_on = serializers.DateField(read_only=True, allow_null=True)
    deletion_reason = serializers.CharField(read_only=True)
    supplier_informed_on = serializers.DateField(read_only=True, allow_null=True)
    onward_transfers = serializers.IntegerField(
        source="onward_transfer_count", read_only=True,
        help_text="How many onward transfers are recorded (listed under "
                  "`/api/personal-data/{id}/onward-transfers/`).")
    recorded_at = serializers.DateTimeField(read_only=True)
    request_version = RequestVersionField()


def entries() -> QuerySet[PersonalDataTransfer]:
    return PersonalDataTransfer.objects.annotate(onward_transfer_count=Count("consents"))


# --- request-level facts: RS 8.3 shorter summons term, written confirmation -----------------------
class RecordRequestFactsSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    state = serializers.CharField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    shorter_summons_term_agreed_on = serializers.DateField(read_only=True, allow_null=True)
    shorter_summons_term_agreement = serializers.CharField(read_only=True)
    shorter_summons_term_days = serializers.IntegerField(read_only=True, allow_null=True)
    oral_request_at = serializers.DateTimeField(read_only=True, allow_null=True)
    written_confirmation_at = serializers.DateTimeField(read_only=True, allow_null=True)
    asset_sharing_term_extended_to = serializers.DateField(
        read_only=True, allow_null=True,
        help_text="BR 18.2: the agreed date replacing the one-year asset-sharing term.")
    asset_sharing_extension_agreed_on = serializers.DateField(read_only=True, allow_null=True)
    asset_sharing_extension_agreement = serializers.CharField(read_only=True)
