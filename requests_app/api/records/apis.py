"""The record API's operations, family by family: each is one class over the base in ``base``
(its nested ``InputSerializer``, its service and what it shows), and a URL that both lists and
records serves its two operation classes together (``base.operations``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from treaties.rules.facts import ConsultationFacts
from treaties.rules.facts import RequestFacts

from ...exceptions import RequestNotFound
from ...models import AssetMeasure
from ...models import AssistanceRequest
from ...models import Consultation
from ...models import Decision
from ...models import DetaineeTransfer
from ...models import Direction
from ...models import HandedOverItem
from ...models import OnwardTransferConsent
from ...models import OriginalDocument
from ...models import PersonalDataTransfer
from ...models import RequestPerson
from ...models import ServiceProof
from ...models import Translation
from ...services import records as record_services
from ...services import requests as request_services
from ..fields import IdField
from ..fields import NeverPartial
from ..fields import StrictBooleanField
from ..fields import StrictCharField
from ..fields import StrictDateField
from ..fields import StrictDateTimeField
from ..fields import StrictIntegerField
from ..fields import VersionedInput
from ..fields import parse_id
from ..fields import validated_body
from ..fields import visible_request
from .base import RULE_WRITE_ERRORS
from .base import RecordCreateApi
from .base import RecordListApi
from .base import RecordWriteApi
from .base import date_field
from .base import operations
from .base import request_path
from .base import text_field
from .serializers import AssetMeasureKindField
from .serializers import ChannelField
from .serializers import ConsultationSubjectField
from .serializers import DataFlowField
from .serializers import DecisionCreateKindField
from .serializers import ItemHolderField
from .serializers import PersonalDataEntrySerializer
from .serializers import PersonalDataOnwardTransferSerializer
from .serializers import PersonRoleField
from .serializers import RecordAssetMeasureSerializer
from .serializers import RecordConsultationSerializer
from .serializers import RecordDecisionSerializer
from .serializers import RecordItemSerializer
from .serializers import RecordOriginalSerializer
from .serializers import RecordPersonSerializer
from .serializers import RecordRequestFactsSerializer
from .serializers import RecordServiceProofSerializer
from .serializers import RecordTransferSerializer
from .serializers import RecordTranslationSerializer
from .serializers import entries


# --- persons --------------------------------------------------------------------------------------
class RecordPersonListApi(RecordListApi):
    operation_id, summary = "records_persons_list", "Persons named in the request"
    model, output = RequestPerson, RecordPersonSerializer


class RecordPersonCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        role = PersonRoleField()
        full_name = text_field(300, required=True)
        birth_date = date_field()
        nationality = text_field(100)
        address = text_field()
        particulars = text_field()
        appearance_date = date_field(help_text="For a person summoned to appear; not in the past.")

    operation_id, summary = "records_persons_create", "Add a person (prosecutor, clerk)"
    output, service = RecordPersonSerializer, request_services.person_add


class RecordPersonAppearanceDateApi(RecordWriteApi):
    class InputSerializer(VersionedInput):
        appearance_date = StrictDateField(
            allow_null=True,
            help_text="The new appearance date (not in the past); null when the person is no "
                      "longer summoned. The summons deadline moves with it.")

    operation_id = "records_persons_appearance_date"
    summary = "Change a person's appearance date (prosecutor, clerk)"
    output, service = RecordPersonSerializer, request_services.person_set_appearance_date
    row_model, row_kwarg, row_label = RequestPerson, "person_id", "person"

    @classmethod
    def path_parameters(cls) -> list[OpenApiParameter]:
        return [request_path(), *super().path_parameters()]

    def subject(self, user: Any, ids: dict[str, int]) -> AssistanceRequest:
        # The person is named under its request: a person of another request is not found.
        obj = visible_request(user, ids["request_id"])
        person_id = parse_id(ids["person_id"])
        if person_id is None or not RequestPerson.objects.filter(pk=person_id,
                                                                 request=obj).exists():
            raise RequestNotFound(ids["person_id"])
        return obj


class _PersonOfTheRequest:
    # The person is named under its request: a person of another request is not found.
    row_model, row_kwarg, row_label = RequestPerson, "person_id", "person"

    @classmethod
    def path_parameters(cls) -> list[OpenApiParameter]:
        return [request_path(), *super().path_parameters()]  # type: ignore[misc]

    def subject(self, user: Any, ids: dict[str, int]) -> AssistanceRequest:
        obj = visible_request(user, ids["request_id"])
        person_id = parse_id(ids["person_id"])
        if person_id is None or not RequestPerson.objects.filter(pk=person_id,
                                                                 request=obj).exists():
            raise RequestNotFound(ids["person_id"])
        return obj


class RecordPersonUpdateApi(_PersonOfTheRequest, RecordWriteApi):
    class InputSerializer(NeverPartial, VersionedInput):
        """Only the fields sent change (at least one); `version` is the request version the
        client saw. Unknown fields are rejected (400)."""

        role = PersonRoleField(required=False)
        full_name = StrictCharField(max_length=300, required=False, trim_whitespace=False)
        birth_date = StrictDateField(required=False, allow_null=True)
        nationality = StrictCharField(max_length=100, required=False, allow_blank=True,
                                      trim_whitespace=False)
        address = StrictCharField(max_length=5000, required=False, allow_blank=True,
                                  trim_whitespace=False)
        particulars = StrictCharField(max_length=5000, required=False, allow_blank=True,
                                      trim_whitespace=False)
        appearance_date = StrictDateField(
            required=False, allow_null=True,
            help_text="Not in the past; null when the person is no longer summoned. The summons "
                      "deadline moves with it.")

        def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
            if not set(attrs) - {"version"}:
                raise serializers.ValidationError(
                    {"non_field_errors": [str(_("Send at least one field to change."))]})
            return attrs

    http_method, operation_id = "patch", "records_persons_update"
    summary = "Correct a person (prosecutor, clerk): only the fields sent change"
    output, service = RecordPersonSerializer, request_services.person_update
    # Combined with the removal on one URL: the attributes below are read from the combined
    # class, so this operation names its own.
    status_code = status.HTTP_200_OK


class RecordPersonRemoveApi(_PersonOfTheRequest, RecordWriteApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordPersonRemoveInput"

    http_method, operation_id = "delete", "records_persons_remove"
    summary = ("Remove a person (prosecutor, clerk); refused (400, field person) while a record "
               "of the execution names them")
    output, service = RecordPersonSerializer, request_services.person_remove
    status_code = status.HTTP_204_NO_CONTENT

    @classmethod
    def schema_io(cls) -> dict[str, Any]:
        return {"request": cls.InputSerializer, "responses": {204: None, **cls.errors}}

    def respond(self, request: Request, ids: dict[str, int]) -> Response:
        self.subject(request.user, ids)
        data = validated_body(RecordPersonRemoveApi.InputSerializer, request.data)
        request_services.person_remove(actor=request.user, person_id=ids["person_id"],
                                       expected_version=data["version"])
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- handed-over items ----------------------------------------------------------------------------
class RecordItemListApi(RecordListApi):
    operation_id, summary = "records_items_list", "Items handed over in execution (RS 15, BR 14)"
    model, output = HandedOverItem, RecordItemSerializer


class RecordItemCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        description = text_field(required=True)
        holder = ItemHolderField()
        handed_over_on = date_field(required=True)
        third_party_conditions = text_field()

    operation_id, summary = "records_items_create", "Record a handed-over item (prosecutor, clerk)"
    output, service = RecordItemSerializer, record_services.item_record


class _ItemActionApi(RecordWriteApi):
    output, row_model, row_label = RecordItemSerializer, HandedOverItem, "item"
    row_kwarg = "item_id"


class RecordItemReturnedApi(_ItemActionApi):
    class InputSerializer(VersionedInput):
        returned_on = date_field(required=True)

    operation_id = "records_items_returned"
    summary = "Record the return of a held item (prosecutor, clerk)"
    service, error_names = record_services.item_mark_returned, {"date": "returned_on"}


class RecordItemWaiveApi(_ItemActionApi):
    class InputSerializer(VersionedInput):
        waived_on = date_field(required=True)
        waiver_reference = text_field(200, required=True)

    operation_id = "records_items_waive"
    summary = "Record that the return of a held item is waived (prosecutor, clerk)"
    service, error_names = record_services.item_waive_return, {"date": "waived_on"}


# --- consultations --------------------------------------------------------------------------------
class RecordConsultationListApi(RecordListApi):
    operation_id = "records_consultations_list"
    summary = "Consultations with the other side (RS 5.3, BR 3.3)"
    model, output = Consultation, RecordConsultationSerializer
    related, ordering = ("recorded_by",), ("held_on", "id")


class RecordConsultationCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        subject = ConsultationSubjectField()
        held_on = date_field(required=True, help_text="Not in the future.")
        counterpart = text_field(300, required=True)
        channel = ChannelField(default="")
        summary = text_field(required=True)
        outcome = text_field()

    operation_id = "records_consultations_create"
    summary = "Record a consultation (prosecutor, clerk)"
    output, service = RecordConsultationSerializer, record_services.consultation_record


# --- asset measures -------------------------------------------------------------------------------
class RecordAssetMeasureListApi(RecordListApi):
    operation_id = "records_asset_measures_list"
    summary = "Amounts frozen or seized, confiscated, shared or returned in executing the request"
    model, output = AssetMeasure, RecordAssetMeasureSerializer
    related, ordering = ("recorded_by",), ("taken_on", "id")


class RecordAssetMeasureCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        kind = AssetMeasureKindField()
        amount = serializers.DecimalField(
            max_digits=18, decimal_places=2,
            help_text="More than zero, at most two decimals, in the currency of the decision; "
                      "sent as a JSON string, it keeps every digit.")
        currency = StrictCharField(max_length=3, trim_whitespace=False, help_text=(
            "ISO 4217 code, three letters (`KZT`, `USD`, `EUR`); lower case is upper-cased."))
        taken_on = date_field(required=True, help_text="Day of the decision; not in the future.")
        description = text_field(help_text="The assets and the decision (court, number).")

    operation_id = "records_asset_measures_create"
    summary = ("Record an asset measure (prosecutor, clerk; a request sent or received, not a "
               "draft)")
    output, service = RecordAssetMeasureSerializer, record_services.asset_measure_record


# --- decisions ------------------------------------------------------------------------------------
class _DecisionOutput:
    output = RecordDecisionSerializer

    def output_context(self, obj: AssistanceRequest) -> dict[str, Any]:
        breach_facts = RequestFacts(direction=obj.direction, consultations=tuple(
            ConsultationFacts(c.subject, c.held_on) for c in obj.consultations.all())
        ) if obj.direction == Direction.OUTGOING else None
        return {"rulebook": obj.rulebook, "breach_facts": breach_facts}


class RecordDecisionListApi(_DecisionOutput, RecordListApi):
    operation_id = "records_decisions_list"
    summary = ("Decisions: refusals, deferrals, conditions, and partial or conditional execution "
               "considered")
    description = ("Each with its ground (code, citation, wording) and reasons. Refusal, deferral "
                   "and conditions are recorded by the transitions that enact them.")
    model, related, ordering = Decision, ("decided_by",), ("decided_on", "id")


class RecordDecisionCreateApi(_DecisionOutput, RecordCreateApi):
    class InputSerializer(VersionedInput):
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


# --- translations ---------------------------------------------------------------------------------
class RecordTranslationListApi(RecordListApi):
    operation_id = "records_translations_list"
    summary = "Translations of the request and its documents"
    model, output = Translation, RecordTranslationSerializer


class RecordTranslationCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        language = serializers.RegexField(
            r"^[A-Za-z]{2,3}$", max_length=3,
            help_text="ISO 639 code of the language, e.g. `sr`, `en`, `pt`.")
        document = text_field(300, default="request")
        translated_by = text_field(200)
        completed_on = date_field(help_text="Only a completed translation counts for the "
                                            "language rule.")

        def validate_document(self, value: str) -> str:
            return value if value.strip() else "request"

    operation_id = "records_translations_create"
    summary = "Record a translation (prosecutor, clerk)"
    output, service = RecordTranslationSerializer, record_services.translation_record


# --- originals ------------------------------------------------------------------------------------
class RecordOriginalListApi(RecordListApi):
    operation_id = "records_originals_list"
    summary = "The original of a request sent by technical means (RS 3.4, BR 22.1)"
    model, output = OriginalDocument, RecordOriginalSerializer


class RecordOriginalCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        asked_for_on = date_field(help_text="When the requested side asked for the original.")
        dispatched_on = date_field()
        dispatch_channel = ChannelField(default="", help_text="Required with `dispatched_on`.")
        tracking_number = text_field(100)
        received_on = date_field()

    operation_id, summary = "records_originals_create", "Record the original (clerk)"
    output, service = RecordOriginalSerializer, record_services.original_record


class RecordOriginalUpdateApi(RecordWriteApi):
    class InputSerializer(NeverPartial, VersionedInput):
        """Only the fields sent change (at least one); `version` is the request version the
        client saw. Unknown fields are rejected (400)."""

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


# --- proofs of service ----------------------------------------------------------------------------
class _PersonArgument:
    # The body names the person ``person``; the service takes ``person_id``.
    def arguments(self, data: dict[str, Any]) -> dict[str, Any]:
        return {"person_id": data.pop("person"), **data}


class RecordServiceProofListApi(RecordListApi):
    operation_id, summary = "records_service_proofs_list", "Proofs of service (RS 8.2, BR 6.3)"
    model, output, related = ServiceProof, RecordServiceProofSerializer, ("person",)


class RecordServiceProofCreateApi(_PersonArgument, RecordCreateApi):
    class InputSerializer(VersionedInput):
        person = IdField(default=None, allow_null=True,
                         help_text="Id of the person served (one of the request's).")
        served_at = StrictDateTimeField(default=None, allow_null=True,
                                        help_text="Required unless `not_served_reason` is given.")
        place = text_field(300)
        manner = text_field(300)
        received_by = text_field(300)
        signed_and_sealed = StrictBooleanField(default=False)
        not_served_reason = text_field()

    operation_id = "records_service_proofs_create"
    summary = "Record a proof of service (prosecutor, clerk)"
    output, service = RecordServiceProofSerializer, record_services.service_proof_record


# --- detainee transfers ---------------------------------------------------------------------------
class RecordTransferListApi(RecordListApi):
    operation_id = "records_transfers_list"
    summary = "Temporary transfers of detained persons (RS 11, BR 9)"
    model, output, related = DetaineeTransfer, RecordTransferSerializer, ("person",)


class RecordTransferCreateApi(_PersonArgument, RecordCreateApi):
    class InputSerializer(VersionedInput):
        person = IdField(help_text="Id of the detained person (one of the request's).")
        transferred_on = date_field(required=True)
        return_due_on = date_field(help_text="RS 11.1: at most six months after the transfer.")
        release_date = date_field(help_text="BR 9.2: the person goes back no later than this "
                                            "date.")
        person_consented = StrictBooleanField(default=False, help_text="BR 9.1.")

    operation_id = "records_transfers_create"
    summary = "Record a temporary transfer of a detained person (clerk)"
    output, service = RecordTransferSerializer, record_services.transfer_record
    errors = RULE_WRITE_ERRORS


class _TransferActionApi(RecordWriteApi):
    output, row_model, row_label = RecordTransferSerializer, DetaineeTransfer, "transfer"
    row_kwarg = "transfer_id"


class RecordTransferExtendApi(_TransferActionApi):
    class InputSerializer(VersionedInput):
        return_due_on = date_field(required=True, help_text="The new, later return term (RS "
                                                            "11.1: one extension).")

    operation_id = "records_transfers_extend"
    summary = "Extend the return term once (clerk; RS 11.1)"
    service, errors = record_services.transfer_extend, RULE_WRITE_ERRORS


class RecordTransferReturnedApi(_TransferActionApi):
    class InputSerializer(VersionedInput):
        returned_on = date_field(required=True)

    operation_id = "records_transfers_returned"
    summary = "Record the return of the transferred person (clerk)"
    service = record_services.transfer_mark_returned


class RecordTransferReleaseDateApi(_TransferActionApi):
    class InputSerializer(VersionedInput):
        release_date = date_field(required=True, help_text="BR 9.2: the return term moves with "
                                                           "it.")

    operation_id = "records_transfers_release_date"
    summary = "Change the release date in the sending state (clerk; BR 9.2)"
    service = record_services.transfer_set_release_date


# --- personal-data register (CZ 10-11, SK 5-6) ----------------------------------------------------
class _Entries:
    # Entries are shown with their count of onward transfers.
    tag, output, errors = "personal data", PersonalDataEntrySerializer, RULE_WRITE_ERRORS

    def rows(self) -> QuerySet[PersonalDataTransfer]:
        return entries()

    def shown(self, instance: PersonalDataTransfer) -> PersonalDataTransfer:
        return entries().get(pk=instance.pk)


class PersonalDataListApi(_Entries, RecordListApi):
    operation_id = "personal_data_list"
    summary = "Register of personal data supplied and received (CZ 10.6, SK 5.7)"


class PersonalDataCreateApi(_Entries, RecordCreateApi):
    class InputSerializer(VersionedInput):
        flow = DataFlowField()
        transferred_on = date_field(required=True)
        purpose = text_field(required=True)
        data_categories = text_field(required=True)
        bodies_involved = text_field(required=True)
        use_conditions = text_field()
        deletion_due_on = date_field(help_text="The deletion term the supplier states; required "
                                               "when Kazakhstan supplies the data (CZ 10.5, "
                                               "SK 5.6).")
        sensitive = StrictBooleanField(default=False)
        sensitive_justification = text_field(help_text="Why sensitive data are necessary (CZ "
                                                       "10.2).")

    operation_id = "personal_data_create"
    summary = "Register a transfer or receipt of personal data (prosecutor, clerk)"
    service = record_services.personal_data_record


class PersonalDataDeletionApi(_Entries, RecordWriteApi):
    class InputSerializer(VersionedInput):
        deleted_on = date_field(required=True)
        reason = text_field(required=True)
        supplier_informed_on = date_field(help_text="When the supplier was told of the deletion "
                                                    "and its grounds (required under SK 5.6 for "
                                                    "data received).")

    operation_id = "personal_data_deletion"
    summary = "Record the deletion of personal data (prosecutor, clerk; also after closure)"
    row_model, row_kwarg, row_label = PersonalDataTransfer, "entry_id", "register entry"
    service = record_services.personal_data_record_deletion


class _OnwardTransfers:
    # Rows under a register entry (``entry_id``), whose request decides who may see them.
    tag, output = "personal data", PersonalDataOnwardTransferSerializer
    row_model, row_kwarg, row_label = PersonalDataTransfer, "entry_id", "register entry"


class PersonalDataOnwardTransferListApi(_OnwardTransfers, RecordListApi):
    operation_id = "personal_data_onward_transfers_list"
    summary = ("Onward transfers of a register entry, each with the supplier's written consent "
               "(CZ 11.2, SK 6.2)")
    model, parent_field = OnwardTransferConsent, "personal_data_id"


class PersonalDataOnwardTransferCreateApi(_OnwardTransfers, RecordCreateApi):
    class InputSerializer(VersionedInput):
        recipient = text_field(300, required=True, help_text="Third state, organisation or party.")
        consent_reference = text_field(200, help_text="Reference of the supplier's written "
                                                      "consent (CZ 11.2, SK 6.2).")
        consent_given_on = date_field()
        onward_transferred_on = date_field(help_text="Not before the consent.")

    operation_id = "personal_data_onward_transfers_create"
    summary = ("Record an onward transfer with the supplier's consent (prosecutor, clerk; also "
               "after closure)")
    service, errors = record_services.onward_transfer_record, RULE_WRITE_ERRORS


# --- request-level facts: RS 8.3 shorter summons term, written confirmation -----------------------
class RecordShorterSummonsTermApi(RecordWriteApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordShorterSummonsTermInput"

        agreed_on = StrictDateField(help_text="Day the sides agreed the shorter term.")
        term_days = StrictIntegerField(min_value=1, max_value=365, help_text=(
            "The term agreed: calendar days between transmission and the appearance date; "
            "shorter than the treaty's (RS 8.3: 60)."))
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


urlpatterns = [
    path("requests/<int:request_id>/shorter-summons-term/", RecordShorterSummonsTermApi.as_view(),
         name="api-records-shorter-summons-term"),
    path("requests/<int:request_id>/written-confirmation/",
         RecordWrittenConfirmationApi.as_view(), name="api-records-written-confirmation"),
    path("requests/<int:request_id>/persons/",
         operations(RecordPersonListApi, RecordPersonCreateApi), name="api-records-persons"),
    path("requests/<int:request_id>/persons/<int:person_id>/",
         operations(RecordPersonUpdateApi, RecordPersonRemoveApi),
         name="api-records-person"),
    path("requests/<int:request_id>/persons/<int:person_id>/appearance-date/",
         RecordPersonAppearanceDateApi.as_view(), name="api-records-person-appearance-date"),
    path("requests/<int:request_id>/items/", operations(RecordItemListApi, RecordItemCreateApi),
         name="api-records-items"),
    path("items/<int:item_id>/returned/", RecordItemReturnedApi.as_view(),
         name="api-records-item-returned"),
    path("items/<int:item_id>/waive/", RecordItemWaiveApi.as_view(),
         name="api-records-item-waive"),
    path("requests/<int:request_id>/consultations/",
         operations(RecordConsultationListApi, RecordConsultationCreateApi),
         name="api-records-consultations"),
    path("requests/<int:request_id>/asset-measures/",
         operations(RecordAssetMeasureListApi, RecordAssetMeasureCreateApi),
         name="api-records-asset-measures"),
    path("requests/<int:request_id>/decisions/",
         operations(RecordDecisionListApi, RecordDecisionCreateApi), name="api-records-decisions"),
    path("requests/<int:request_id>/translations/",
         operations(RecordTranslationListApi, RecordTranslationCreateApi),
         name="api-records-translations"),
    path("requests/<int:request_id>/originals/",
         operations(RecordOriginalListApi, RecordOriginalCreateApi), name="api-records-originals"),
    path("originals/<int:original_id>/", RecordOriginalUpdateApi.as_view(),
         name="api-records-original"),
    path("requests/<int:request_id>/service-proofs/",
         operations(RecordServiceProofListApi, RecordServiceProofCreateApi),
         name="api-records-service-proofs"),
    path("requests/<int:request_id>/transfers/",
         operations(RecordTransferListApi, RecordTransferCreateApi), name="api-records-transfers"),
    path("transfers/<int:transfer_id>/extend/", RecordTransferExtendApi.as_view(),
         name="api-records-transfer-extend"),
    path("transfers/<int:transfer_id>/returned/", RecordTransferReturnedApi.as_view(),
         name="api-records-transfer-returned"),
    path("transfers/<int:transfer_id>/release-date/", RecordTransferReleaseDateApi.as_view(),
         name="api-records-transfer-release-date"),
    path("requests/<int:request_id>/personal-data/",
         operations(PersonalDataListApi, PersonalDataCreateApi), name="api-personal-data"),
    path("personal-data/<int:entry_id>/deletion/", PersonalDataDeletionApi.as_view(),
         name="api-personal-data-deletion"),
    path("personal-data/<int:entry_id>/onward-transfers/",
         operations(PersonalDataOnwardTransferListApi, PersonalDataOnwardTransferCreateApi),
         name="api-personal-data-onward-transfers"),
]
