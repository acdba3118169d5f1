"""The record API's operations on the personal-data register (CZ 10-11, SK 5-6): entries of data
supplied and received, their deletion, and onward transfers with the supplier's consent."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from rest_framework import serializers

from ...models import DataFlow, OnwardTransferConsent, PersonalDataTransfer
from ...services import records as record_services
from ..fields import StrictBooleanField, VersionedInput, enum_field
from .base import (
    RULE_WRITE_ERRORS,
    RecordCreateApi,
    RecordListApi,
    RecordWriteApi,
    RequestVersionField,
    date_field,
    text_field,
)

DataFlowField = enum_field("PersonalDataFlow", DataFlow.choices)


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


def _entries() -> QuerySet[PersonalDataTransfer]:
    return PersonalDataTransfer.objects.annotate(onward_transfer_count=Count("consents"))


class _Entries:
    # Entries are shown with their count of onward transfers.
    tag, output, errors = "personal data", PersonalDataEntrySerializer, RULE_WRITE_ERRORS

    def rows(self) -> QuerySet[PersonalDataTransfer]:
        return _entries()

    def shown(self, instance: PersonalDataTransfer) -> PersonalDataTransfer:
        return _entries().get(pk=instance.pk)


class PersonalDataListApi(_Entries, RecordListApi):
    operation_id = "personal_data_list"
    summary = "Register of personal data supplied and received (CZ 10.6, SK 5.7)"


class PersonalDataCreateApi(_Entries, RecordCreateApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "PersonalDataCreate"

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


class PersonalDataApi(PersonalDataListApi, PersonalDataCreateApi):
    pass


class PersonalDataDeletionApi(_Entries, RecordWriteApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "PersonalDataDeletion"

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
        class Meta:
            ref_name = "PersonalDataOnwardTransferCreate"

        recipient = text_field(300, required=True, help_text="Third state, organisation or party.")
        consent_reference = text_field(200, help_text="Reference of the supplier's written "
                                                      "consent (CZ 11.2, SK 6.2).")
        consent_given_on = date_field()
        onward_transferred_on = date_field(help_text="Not before the consent.")

    operation_id = "personal_data_onward_transfers_create"
    summary = ("Record an onward transfer with the supplier's consent (prosecutor, clerk; also "
               "after closure)")
    service, errors = record_services.onward_transfer_record, RULE_WRITE_ERRORS


class PersonalDataOnwardTransfersApi(PersonalDataOnwardTransferListApi,
                                     PersonalDataOnwardTransferCreateApi):
    pass
