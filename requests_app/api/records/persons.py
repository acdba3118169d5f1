"""The record API's operations on the persons of a request: the persons named in it, proofs of
service on them and temporary transfers of detained persons."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from ...exceptions import RequestNotFound
from ...models import (
    AssistanceRequest,
    DetaineeTransfer,
    PersonRole,
    RequestPerson,
    ServiceProof,
)
from ...services import records as record_services
from ...services import requests as request_services
from ..fields import (
    IdField,
    StrictBooleanField,
    StrictDateField,
    StrictDateTimeField,
    VersionedInput,
    enum_field,
    parse_id,
    visible_request,
)
from .base import (
    RULE_WRITE_ERRORS,
    RecordCreateApi,
    RecordListApi,
    RecordWriteApi,
    RequestVersionField,
    date_field,
    request_path,
    text_field,
)

PersonRoleField = enum_field("RecordPersonRole", PersonRole.choices)


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


class RecordPersonListApi(RecordListApi):
    operation_id, summary = "records_persons_list", "Persons named in the request"
    model, output = RequestPerson, RecordPersonSerializer


class RecordPersonCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordPersonCreate"

        role = PersonRoleField()
        full_name = text_field(300, required=True)
        birth_date = date_field()
        nationality = text_field(100)
        address = text_field()
        particulars = text_field()
        appearance_date = date_field(help_text="For a person summoned to appear; not in the past.")

    operation_id, summary = "records_persons_create", "Add a person (prosecutor, clerk)"
    output, service = RecordPersonSerializer, request_services.person_add


class RecordPersonsApi(RecordPersonListApi, RecordPersonCreateApi):
    pass


class RecordPersonAppearanceDateApi(RecordWriteApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordPersonAppearanceDate"

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


class _PersonArgument:
    # The body names the person ``person``; the service takes ``person_id``.
    def arguments(self, data: dict[str, Any]) -> dict[str, Any]:
        return {"person_id": data.pop("person"), **data}


class RecordServiceProofListApi(RecordListApi):
    operation_id, summary = "records_service_proofs_list", "Proofs of service (RS 8.2, BR 6.3)"
    model, output, related = ServiceProof, RecordServiceProofSerializer, ("person",)


class RecordServiceProofCreateApi(_PersonArgument, RecordCreateApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordServiceProofCreate"

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


class RecordServiceProofsApi(RecordServiceProofListApi, RecordServiceProofCreateApi):
    pass


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


class RecordTransferListApi(RecordListApi):
    operation_id = "records_transfers_list"
    summary = "Temporary transfers of detained persons (RS 11, BR 9)"
    model, output, related = DetaineeTransfer, RecordTransferSerializer, ("person",)


class RecordTransferCreateApi(_PersonArgument, RecordCreateApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordTransferCreate"

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


class RecordTransfersApi(RecordTransferListApi, RecordTransferCreateApi):
    pass


class _TransferActionApi(RecordWriteApi):
    output, row_model, row_label = RecordTransferSerializer, DetaineeTransfer, "transfer"
    row_kwarg = "transfer_id"


class RecordTransferExtendApi(_TransferActionApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordTransferExtend"

        return_due_on = date_field(required=True, help_text="The new, later return term (RS "
                                                            "11.1: one extension).")

    operation_id = "records_transfers_extend"
    summary = "Extend the return term once (clerk; RS 11.1)"
    service, errors = record_services.transfer_extend, RULE_WRITE_ERRORS


class RecordTransferReturnedApi(_TransferActionApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordTransferReturned"

        returned_on = date_field(required=True)

    operation_id = "records_transfers_returned"
    summary = "Record the return of the transferred person (clerk)"
    service = record_services.transfer_mark_returned


class RecordTransferReleaseDateApi(_TransferActionApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordTransferReleaseDate"

        release_date = date_field(required=True, help_text="BR 9.2: the return term moves with "
                                                           "it.")

    operation_id = "records_transfers_release_date"
    summary = "Change the release date in the sending state (clerk; BR 9.2)"
    service = record_services.transfer_set_release_date
