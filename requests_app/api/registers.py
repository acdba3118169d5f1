"""API: the registers (``services.registers``).

On a request: its use conditions and consents to another use (RS 7, BR 5, CZ 10.1, SK 5.1), its
uses for another purpose, onward transfers of material received (CZ 11.2, SK 5.3, 6.2), costs
(RS 17, BR 27, CZ 12, SK 11); on a personal-data register entry, the notices of inaccuracy
(CZ 10.4, SK 5.4) and the reports on use (CZ 10.3, SK 5.2). Outside any request: the
spontaneous-information register (RS 16, BR 25, CZ 9.3, SK 7.1; clerks and supervisors, by
state) with its own conditions, consents, uses and onward transfers, and the counterpart notices
of an instrument (RS 2.3, BR 2.3, CZ 13, SK 8.2).

Every row shows the citation it was recorded under; a treaty rule that blocks a write answers
422 with its citation, bad input 400 naming the field.
"""

from __future__ import annotations

from typing import Any
from typing import ClassVar

from django.db.models import Model
from django.db.models import QuerySet
from django.urls import path
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from ..exceptions import ActionNotPermitted
from ..exceptions import RequestNotFound
from ..models import AssistanceRequest
from ..models import Channel
from ..models import ConsentStatus
from ..models import CostBearer
from ..models import CostItem
from ..models import CounterpartNotice
from ..models import CounterpartNoticeKind
from ..models import DataFlow
from ..models import MaterialKind
from ..models import MaterialUse
from ..models import MaterialUseKind
from ..models import OnwardTransferConsent
from ..models import PersonalDataAction
from ..models import PersonalDataNotice
from ..models import PersonalDataNoticeKind
from ..models import PersonalDataTransfer
from ..models import PersonalDataUseReport
from ..models import RecipientKind
from ..models import SpontaneousInformation
from ..models import UseCondition
from ..models import UseConditionKind
from ..models import UseConsent
from ..roles import CLERKS
from ..roles import user_has_any_role
from ..services import registers as services
from .fields import IdField
from .fields import StrictBooleanField
from .fields import StrictCharField
from .fields import StrictSerializer
from .fields import VersionedInput
from .fields import enum_field
from .fields import parse_id
from .fields import validated_body
from .fields import validated_query
from .records.base import RULE_WRITE_ERRORS
from .records.base import RecordCreateApi
from .records.base import RecordListApi
from .records.base import RecordWriteApi
from .records.base import date_field
from .records.base import text_field
from .schemas import COMMON_ERRORS
from .schemas import RULE_ERRORS

TAG = "registers"
FlowField = enum_field("RegisterMaterialFlow", DataFlow.choices,
                       description="`received`: material Kazakhstan received; `supplied`: "
                                   "material it sent.")
UseConditionKindField = enum_field("RegisterUseConditionKind", UseConditionKind.choices)
ConsentStatusField = enum_field("RegisterConsentStatus", ConsentStatus.choices)
AnswerStatusField = enum_field("RegisterConsentAnswer",
                               [(ConsentStatus.GIVEN, ConsentStatus.GIVEN.label),
                                (ConsentStatus.REFUSED, ConsentStatus.REFUSED.label)])
UseKindField = enum_field("RegisterUseKind", MaterialUseKind.choices)
MaterialField = enum_field("RegisterMaterial", MaterialKind.choices)
RecipientKindField = enum_field("RegisterRecipientKind", RecipientKind.choices)
RecipientKindShownField = enum_field("RegisterRecipientKindShown", RecipientKind.choices,
                                     blank=True)
NoticeKindField = enum_field("RegisterDataNoticeKind", PersonalDataNoticeKind.choices)
ActionField = enum_field("RegisterDataAction", PersonalDataAction.choices)
ActionShownField = enum_field("RegisterDataActionShown", PersonalDataAction.choices, blank=True)
CostBearerField = enum_field("RegisterCostBearer", CostBearer.choices)
CounterpartKindField = enum_field("RegisterCounterpartNoticeKind", CounterpartNoticeKind.choices)
ChannelField = enum_field("RegisterChannel", Channel.choices)
CITATION_HELP = "Instrument and article the row was recorded under."


def _owner_fields() -> dict[str, serializers.Field]:
    return {"request": serializers.IntegerField(source="request_id", read_only=True,
                                                allow_null=True),
            "spontaneous": serializers.IntegerField(source="spontaneous_id", read_only=True,
                                                    allow_null=True)}


# --- output ------------------------------------------------------------------------------------
class UseConditionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    request = serializers.IntegerField(source="request_id", read_only=True, allow_null=True)
    spontaneous = serializers.IntegerField(source="spontaneous_id", read_only=True,
                                           allow_null=True)
    flow = FlowField(read_only=True)
    kind = UseConditionKindField(read_only=True)
    conditions = serializers.CharField(read_only=True)
    set_by = serializers.CharField(read_only=True)
    set_on = serializers.DateField(read_only=True)
    citation = serializers.CharField(read_only=True, help_text=CITATION_HELP)


class UseConsentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    request = serializers.IntegerField(source="request_id", read_only=True, allow_null=True)
    spontaneous = serializers.IntegerField(source="spontaneous_id", read_only=True,
                                           allow_null=True)
    flow = FlowField(read_only=True)
    condition = serializers.IntegerField(source="condition_id", read_only=True, allow_null=True)
    scope = serializers.CharField(read_only=True)
    asked_on = serializers.DateField(read_only=True)
    status = ConsentStatusField(read_only=True)
    answered_on = serializers.DateField(read_only=True, allow_null=True)
    in_writing = serializers.BooleanField(read_only=True)
    reference = serializers.CharField(read_only=True)
    citation = serializers.CharField(read_only=True, help_text=CITATION_HELP)


class MaterialUseSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    request = serializers.IntegerField(source="request_id", read_only=True, allow_null=True)
    spontaneous = serializers.IntegerField(source="spontaneous_id", read_only=True,
                                           allow_null=True)
    kind = UseKindField(read_only=True)
    description = serializers.CharField(read_only=True)
    used_on = serializers.DateField(read_only=True)
    consent = serializers.IntegerField(source="consent_id", read_only=True, allow_null=True)
    supplier_notified_on = serializers.DateField(read_only=True, allow_null=True)
    citation = serializers.CharField(read_only=True, help_text=CITATION_HELP)


class OnwardTransferSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    request = serializers.IntegerField(source="request_id", read_only=True, allow_null=True)
    spontaneous = serializers.IntegerField(source="spontaneous_id", read_only=True,
                                           allow_null=True)
    personal_data = serializers.IntegerField(source="personal_data_id", read_only=True,
                                             allow_null=True)
    material = MaterialField(read_only=True)
    description = serializers.CharField(read_only=True)
    recipient_kind = RecipientKindShownField(read_only=True)
    recipient = serializers.CharField(read_only=True)
    recipient_fights_organised_crime = serializers.BooleanField(read_only=True)
    consent_reference = serializers.CharField(read_only=True)
    consent_given_on = serializers.DateField(read_only=True, allow_null=True)
    onward_transferred_on = serializers.DateField(read_only=True, allow_null=True)
    citation = serializers.CharField(read_only=True, help_text=CITATION_HELP)


class DataNoticeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    entry = serializers.IntegerField(source="entry_id", read_only=True)
    kind = NoticeKindField(read_only=True)
    received_on = serializers.DateField(read_only=True)
    reference = serializers.CharField(read_only=True)
    details = serializers.CharField(read_only=True)
    action = ActionShownField(read_only=True)
    acted_on = serializers.DateField(read_only=True, allow_null=True)
    action_details = serializers.CharField(read_only=True)
    citation = serializers.CharField(read_only=True, help_text=CITATION_HELP)


class UseReportSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    entry = serializers.IntegerField(source="entry_id", read_only=True)
    asked_on = serializers.DateField(read_only=True)
    reference = serializers.CharField(read_only=True)
    answered_on = serializers.DateField(read_only=True, allow_null=True)
    answer = serializers.CharField(read_only=True)
    citation = serializers.CharField(read_only=True, help_text=CITATION_HELP)


class CostItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    head = serializers.CharField(read_only=True, help_text="Head of cost of the instrument.")
    description = serializers.CharField(read_only=True)
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True,
                                      allow_null=True, coerce_to_string=True)
    currency = serializers.CharField(read_only=True)
    borne_by = CostBearerField(read_only=True)
    extraordinary = serializers.BooleanField(read_only=True)
    announced_on = serializers.DateField(read_only=True, allow_null=True)
    citation = serializers.CharField(read_only=True, help_text=CITATION_HELP)


class SpontaneousInformationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    flow = FlowField(read_only=True)
    exchanged_on = serializers.DateField(read_only=True)
    partner_state = serializers.CharField(source="partner_state.iso_code", read_only=True)
    instrument = serializers.CharField(source="instrument.slug", read_only=True)
    channel = ChannelField(read_only=True)
    summary = serializers.CharField(read_only=True)
    conditions = serializers.CharField(read_only=True)
    kazakh_authority = serializers.CharField(read_only=True)
    foreign_authority = serializers.CharField(read_only=True)
    reference = serializers.CharField(read_only=True)
    citation = serializers.CharField(read_only=True, help_text=CITATION_HELP)


class CounterpartNoticeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    instrument = serializers.CharField(source="instrument.slug", read_only=True)
    flow = FlowField(read_only=True)
    state = serializers.CharField(source="state.iso_code", read_only=True)
    kind = CounterpartKindField(read_only=True)
    notified_on = serializers.DateField(read_only=True)
    channel = ChannelField(read_only=True)
    authority = serializers.CharField(read_only=True)
    contact_details = serializers.CharField(read_only=True)
    effective_from = serializers.DateField(read_only=True, allow_null=True)
    reference = serializers.CharField(read_only=True)
    citation = serializers.CharField(read_only=True, help_text=CITATION_HELP)


# --- inputs shared by a request's material and spontaneous information --------------------------
class _ConditionInput(VersionedInput):
    flow = FlowField()
    kind = UseConditionKindField()
    conditions = text_field(required=True)
    set_by = text_field(300, required=True)
    set_on = date_field(required=True)


class _ConsentInput(VersionedInput):
    flow = FlowField(default=DataFlow.RECEIVED)
    condition = IdField(default=None, allow_null=True, help_text="A condition of the same "
                                                                 "material.")
    scope = text_field(required=True, help_text="The other use asked for.")
    asked_on = date_field(required=True)
    status = ConsentStatusField(default=ConsentStatus.ASKED)
    answered_on = date_field(help_text="Required unless the status is `asked`.")
    in_writing = StrictBooleanField(default=False, help_text="CZ 10.1 needs a written consent.")
    reference = text_field(200)


class _UseInput(VersionedInput):
    kind = UseKindField()
    description = text_field(required=True, help_text="The other proceedings or purpose.")
    used_on = date_field(required=True)
    consent = IdField(default=None, allow_null=True,
                      help_text="The consent given before the use (BR 5.2, RS 7.2, CZ 10.1, "
                                "SK 5.1).")
    supplier_notified_on = date_field(help_text="BR 5.4: when the requested side was told.")


class _OnwardInput(VersionedInput):
    material = MaterialField()
    description = text_field()
    recipient_kind = RecipientKindField()
    recipient = text_field(300, required=True)
    recipient_fights_organised_crime = StrictBooleanField(
        default=False, help_text="SK 5.3: the Kazakh body fighting organised crime.")
    consent_reference = text_field(200, help_text="The supplier's written consent (CZ 11.2, "
                                                  "SK 5.3, 6.2).")
    consent_given_on = date_field()
    onward_transferred_on = date_field(help_text="Not before the consent.")
    personal_data = IdField(default=None, allow_null=True,
                            help_text="A personal-data register entry of the request.")


def _renamed(data: dict[str, Any], **names: str) -> dict[str, Any]:
    """The body's names as the service's keywords (``consent`` → ``consent_id``)."""
    return {names.get(key, key): value for key, value in data.items()}


# --- a request's registers -----------------------------------------------------------------------
class UseConditionListApi(RecordListApi):
    operation_id = "registers_use_conditions_list"
    summary = "Conditions attached to the request's material (RS 7, BR 5, CZ 10.1, SK 5.1)"
    tag, model, output = TAG, UseCondition, UseConditionSerializer


class UseConditionCreateApi(RecordCreateApi):
    InputSerializer = type("UseConditionInput", (_ConditionInput,), {})
    operation_id = "registers_use_conditions_create"
    summary = "Record a condition attached to material (prosecutor, clerk)"
    tag, output, service = TAG, UseConditionSerializer, services.use_condition_record
    errors = RULE_WRITE_ERRORS


class UseConsentListApi(RecordListApi):
    operation_id = "registers_use_consents_list"
    summary = "Consents to use the request's material for another purpose"
    tag, model, output = TAG, UseConsent, UseConsentSerializer


class UseConsentCreateApi(RecordCreateApi):
    InputSerializer = type("UseConsentInput", (_ConsentInput,), {})
    operation_id = "registers_use_consents_create"
    summary = "Record a consent asked for (and its answer if known) (prosecutor, clerk)"
    tag, output, service = TAG, UseConsentSerializer, services.use_consent_record
    errors = RULE_WRITE_ERRORS

    def arguments(self, data: dict[str, Any]) -> dict[str, Any]:
        return _renamed(data, condition="condition_id")


class UseConsentAnswerApi(RecordWriteApi):
    class InputSerializer(VersionedInput):
        status = AnswerStatusField()
        answered_on = date_field(required=True)
        in_writing = StrictBooleanField(default=False)
        reference = text_field(200)

    operation_id = "registers_use_consents_answer"
    summary = "Record the answer to a consent asked for (prosecutor, clerk)"
    tag, output, service = TAG, UseConsentSerializer, services.use_consent_answer
    row_model, row_kwarg, row_label = UseConsent, "consent_id", "consent"
    errors = RULE_WRITE_ERRORS


class MaterialUseListApi(RecordListApi):
    operation_id = "registers_material_uses_list"
    summary = "Uses of the request's material beyond its purpose"
    tag, model, output = TAG, MaterialUse, MaterialUseSerializer


class MaterialUseCreateApi(RecordCreateApi):
    InputSerializer = type("MaterialUseInput", (_UseInput,), {})
    operation_id = "registers_material_uses_create"
    summary = ("Record a use for another purpose: refused (422) without a prior consent where the "
               "instrument asks for one")
    tag, output, service = TAG, MaterialUseSerializer, services.material_use_record
    errors = RULE_WRITE_ERRORS

    def arguments(self, data: dict[str, Any]) -> dict[str, Any]:
        return _renamed(data, consent="consent_id")


class MaterialUseNotifiedApi(RecordWriteApi):
    class InputSerializer(VersionedInput):
        notified_on = date_field(required=True)

    operation_id = "registers_material_uses_notified"
    summary = "Record that the requested side was told of a disclosure the law required (BR 5.4)"
    tag, output, service = TAG, MaterialUseSerializer, services.material_use_notify_supplier
    row_model, row_kwarg, row_label = MaterialUse, "use_id", "use"


class OnwardTransferListApi(RecordListApi):
    operation_id = "registers_onward_transfers_list"
    summary = "Onward transfers of the request's material (CZ 11.2, SK 5.3, 6.2)"
    tag, model, output = TAG, OnwardTransferConsent, OnwardTransferSerializer


class OnwardTransferCreateApi(RecordCreateApi):
    InputSerializer = type("OnwardTransferInput", (_OnwardInput,), {})
    operation_id = "registers_onward_transfers_create"
    summary = ("Record material passed on: refused (422) without the supplier's written consent "
               "where the instrument asks for one")
    tag, output = TAG, OnwardTransferSerializer
    service, errors = services.onward_transfer_record_material, RULE_WRITE_ERRORS

    def arguments(self, data: dict[str, Any]) -> dict[str, Any]:
        return _renamed(data, personal_data="personal_data_id")


class CostItemListApi(RecordListApi):
    operation_id = "registers_costs_list"
    summary = "Costs of the request, each with who bears it and the article (RS 17, BR 27)"
    tag, model, output = TAG, CostItem, CostItemSerializer


class CostItemCreateApi(RecordCreateApi):
    class InputSerializer(VersionedInput):
        head = text_field(60, required=True, help_text="A head of cost of the instrument "
                                                       "(`cost_experts`...).")
        description = text_field(required=True)
        amount = serializers.DecimalField(max_digits=14, decimal_places=2, default=None,
                                          allow_null=True, min_value=0)
        currency = serializers.RegexField(r"^[A-Za-z]{3}$", default="", allow_blank=True,
                                          help_text="ISO 4217, with an amount.")
        extraordinary = StrictBooleanField(default=False)
        announced_on = date_field(help_text="When the requested side announced extraordinary "
                                            "costs (BR 27.4).")

    operation_id = "registers_costs_create"
    summary = "Record a cost item (prosecutor, clerk)"
    tag, output, service = TAG, CostItemSerializer, services.cost_item_record
    errors = RULE_WRITE_ERRORS


# --- personal-data entries: notices and reports --------------------------------------------------
class _EntryRows:
    tag = TAG
    row_model, row_kwarg, row_label = PersonalDataTransfer, "entry_id", "register entry"
    parent_field = "entry_id"


class DataNoticeListApi(_EntryRows, RecordListApi):
    operation_id = "registers_data_notices_list"
    summary = "Notices that data received were inaccurate or not to be sent (CZ 10.4, SK 5.4)"
    model, output = PersonalDataNotice, DataNoticeSerializer


class DataNoticeCreateApi(_EntryRows, RecordCreateApi):
    class InputSerializer(VersionedInput):
        kind = NoticeKindField()
        received_on = date_field(required=True)
        details = text_field(required=True)
        reference = text_field(200)

    operation_id = "registers_data_notices_create"
    summary = "Record a notice of inaccurate data (prosecutor, clerk; also after closure)"
    output, service = DataNoticeSerializer, services.personal_data_notice_record
    errors = RULE_WRITE_ERRORS


class DataNoticeResolveApi(RecordWriteApi):
    class InputSerializer(VersionedInput):
        action = ActionField()
        acted_on = date_field(required=True)
        action_details = text_field(required=True)
        supplier_informed_on = date_field(help_text="SK 5.6, when data are destroyed.")

    operation_id = "registers_data_notices_resolve"
    summary = "Record the correction or destruction a notice called for (CZ 10.4, SK 5.4)"
    tag, output, service = TAG, DataNoticeSerializer, services.personal_data_notice_resolve
    errors = RULE_WRITE_ERRORS

    row_model: ClassVar[type[Model] | None] = PersonalDataNotice
    row_kwarg, row_label = "notice_id", "notice"

    def subject(self, user: Any, ids: dict[str, int]) -> AssistanceRequest:
        return _through_entry(user, PersonalDataNotice, ids["notice_id"])


class UseReportListApi(_EntryRows, RecordListApi):
    operation_id = "registers_use_reports_list"
    summary = "Reports on the use of data received, asked by the supplier (CZ 10.3, SK 5.2)"
    model, output = PersonalDataUseReport, UseReportSerializer


class UseReportCreateApi(_EntryRows, RecordCreateApi):
    class InputSerializer(VersionedInput):
        asked_on = date_field(required=True)
        reference = text_field(200)

    operation_id = "registers_use_reports_create"
    summary = "Record that the supplier asked for a report on use (prosecutor, clerk)"
    output, service = UseReportSerializer, services.personal_data_use_report_record
    errors = RULE_WRITE_ERRORS


class UseReportAnswerApi(RecordWriteApi):
    class InputSerializer(VersionedInput):
        answered_on = date_field(required=True)
        answer = text_field(required=True)

    operation_id = "registers_use_reports_answer"
    summary = "Record the report on use sent (prosecutor, clerk)"
    tag, output, service = TAG, UseReportSerializer, services.personal_data_use_report_answer
    row_model: ClassVar[type[Model] | None] = PersonalDataUseReport
    row_kwarg, row_label = "report_id", "report"

    def subject(self, user: Any, ids: dict[str, int]) -> AssistanceRequest:
        return _through_entry(user, PersonalDataUseReport, ids["report_id"])


def _through_entry(user: Any, model: type[Model], raw_id: object) -> AssistanceRequest:
    """The request of a row hanging off a register entry, if ``user`` may see it (404 alike)."""
    from ..access import access_request_by_id

    row_id = parse_id(raw_id)
    request_id = None if row_id is None else (
        model._default_manager.filter(pk=row_id).values_list("entry__request_id", flat=True)
        .first())
    if request_id is None:
        raise RequestNotFound(raw_id)
    return access_request_by_id(user=user, request_id=request_id)


# --- spontaneous information ---------------------------------------------------------------------
def _require_clerk(user: Any) -> None:
    if not user_has_any_role(user, CLERKS):
        raise ActionNotPermitted()


def _spontaneous(user: Any, raw_id: object) -> SpontaneousInformation:
    _require_clerk(user)
    entry_id = parse_id(raw_id)
    entry = (None if entry_id is None else SpontaneousInformation.objects
             .select_related("partner_state", "instrument").filter(pk=entry_id).first())
    if entry is None:
        raise RequestNotFound(raw_id)
    return entry


def _spontaneous_path() -> OpenApiParameter:
    return OpenApiParameter("spontaneous_id", int, OpenApiParameter.PATH,
                            description="Id of the spontaneous-information entry.")


# A page past the end answers 404.
LIST_ERRORS = {code: COMMON_ERRORS[code] for code in (400, 401, 403, 404)}
DETAIL_ERRORS = {code: COMMON_ERRORS[code] for code in (401, 403, 404)}
CREATE_ERRORS = {**COMMON_ERRORS, 422: RULE_ERRORS[422]}


class SpontaneousInformationApi(APIView):
    pagination_class = api_settings.DEFAULT_PAGINATION_CLASS

    class QuerySerializer(StrictSerializer):
        extra_allowed = ("page",)
        state = serializers.RegexField(r"^[A-Za-z]{2}$", required=False,
                                       help_text="ISO code of the partner state.")
        flow = FlowField(required=False)

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "SpontaneousInformationInput"

        flow = FlowField()
        exchanged_on = date_field(required=True, help_text="Not in the future.")
        partner_state = serializers.RegexField(r"^[A-Za-z]{2}$")
        instrument = StrictCharField(max_length=40)
        channel = ChannelField()
        summary = text_field(required=True)
        conditions = text_field(help_text="Conditions the sender attached (RS 16.2, BR 25.2): "
                                          "they enter the use-conditions register.")
        kazakh_authority = text_field(300, required=True)
        foreign_authority = text_field(300, required=True)
        reference = text_field(200)

    @extend_schema(operation_id="registers_spontaneous_list", tags=[TAG],
                   summary="Spontaneous information sent or received (clerks, supervisors)",
                   parameters=[QuerySerializer],
                   responses={200: SpontaneousInformationSerializer(many=True), **LIST_ERRORS})
    def get(self, request: Request) -> Response:
        _require_clerk(request.user)
        query = validated_query(self.QuerySerializer, request)
        rows: QuerySet[SpontaneousInformation] = (
            SpontaneousInformation.objects.select_related("partner_state", "instrument"))
        if query.get("state"):
            rows = rows.filter(partner_state__iso_code=query["state"].upper())
        if query.get("flow"):
            rows = rows.filter(flow=query["flow"])
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(rows.order_by("-exchanged_on", "-id"), request,
                                           view=self)
        return paginator.get_paginated_response(
            SpontaneousInformationSerializer(page, many=True).data)

    @extend_schema(operation_id="registers_spontaneous_create", tags=[TAG],
                   summary="Register information sent or received without a request (clerk)",
                   request=InputSerializer,
                   responses={201: SpontaneousInformationSerializer, **CREATE_ERRORS})
    def post(self, request: Request) -> Response:
        _require_clerk(request.user)
        data = validated_body(self.InputSerializer, request.data)
        entry = services.spontaneous_information_record(actor=request.user, **data)
        return Response(SpontaneousInformationSerializer(entry).data,
                        status=status.HTTP_201_CREATED)


class SpontaneousInformationDetailApi(APIView):
    @extend_schema(operation_id="registers_spontaneous_detail", tags=[TAG],
                   summary="One spontaneous-information entry (clerks, supervisors)",
                   parameters=[_spontaneous_path()],
                   responses={200: SpontaneousInformationSerializer, **DETAIL_ERRORS})
    def get(self, request: Request, spontaneous_id: int) -> Response:
        return Response(SpontaneousInformationSerializer(
            _spontaneous(request.user, spontaneous_id)).data)


class _SpontaneousRows(APIView):
    """Rows of one spontaneous-information entry (GET) and a new one (POST), through the same
    services as a request's material (``spontaneous_id``)."""

    model: ClassVar[type[Model]]
    output: ClassVar[type[serializers.Serializer]]
    body: ClassVar[type[serializers.Serializer]]
    service: ClassVar[Any]
    renamed: ClassVar[dict[str, str]] = {}

    def get(self, request: Request, spontaneous_id: int) -> Response:
        entry = _spontaneous(request.user, spontaneous_id)
        rows = self.model._default_manager.filter(spontaneous=entry).order_by("id")
        return Response(self.output(rows, many=True).data)

    def post(self, request: Request, spontaneous_id: int) -> Response:
        entry = _spontaneous(request.user, spontaneous_id)
        data = validated_body(self.body, request.data)
        data.pop("version", None)
        row = type(self).service(actor=request.user, spontaneous_id=entry.pk,
                                 **_renamed(data, **self.renamed))
        return Response(self.output(row).data, status=status.HTTP_201_CREATED)


def _spontaneous_rows(name: str, model: type[Model], output: type[serializers.Serializer],
                      body: type[serializers.Serializer], service: Any, what: str,
                      renamed: dict[str, str] | None = None) -> type[APIView]:
    # Spontaneous information has no version: the body is the request's one without it.
    fields = {k: v for k, v in body._declared_fields.items() if k != "version"}
    plain = type(f"Spontaneous{name}Input", (StrictSerializer,),
                 {**{k: v.__class__(*v._args, **v._kwargs) for k, v in fields.items()},
                  "Meta": type("Meta", (), {"ref_name": f"Spontaneous{name}Input"})})
    view = type(f"Spontaneous{name}Api", (_SpontaneousRows,),
                {"model": model, "output": output, "body": plain, "service": service,
                 "renamed": renamed or {}, "__module__": __name__})
    slug = name.lower()

    # Each view its own functions: the schema decorator marks the function it wraps.
    def get(self: _SpontaneousRows, request: Request, spontaneous_id: int) -> Response:
        return _SpontaneousRows.get(self, request, spontaneous_id)

    def post(self: _SpontaneousRows, request: Request, spontaneous_id: int) -> Response:
        return _SpontaneousRows.post(self, request, spontaneous_id)

    view.get = extend_schema(  # type: ignore[attr-defined]
        operation_id=f"registers_spontaneous_{slug}_list", tags=[TAG],
        summary=f"{what} of a spontaneous-information entry", parameters=[_spontaneous_path()],
        responses={200: output(many=True), **DETAIL_ERRORS})(get)
    view.post = extend_schema(  # type: ignore[attr-defined]
        operation_id=f"registers_spontaneous_{slug}_create", tags=[TAG],
        summary=f"Record {what.lower()} of a spontaneous-information entry (clerk)",
        parameters=[_spontaneous_path()], request=plain,
        responses={201: output, **CREATE_ERRORS})(post)
    return view


SpontaneousConditionsApi = _spontaneous_rows(
    "Conditions", UseCondition, UseConditionSerializer, _ConditionInput,
    services.use_condition_record, "Use conditions")
SpontaneousConsentsApi = _spontaneous_rows(
    "Consents", UseConsent, UseConsentSerializer, _ConsentInput, services.use_consent_record,
    "Consents to another use", {"condition": "condition_id"})
SpontaneousUsesApi = _spontaneous_rows(
    "Uses", MaterialUse, MaterialUseSerializer, _UseInput, services.material_use_record,
    "Uses for another purpose", {"consent": "consent_id"})
_OnwardPlain = type("_OnwardPlain", (VersionedInput,),
                    {k: v.__class__(*v._args, **v._kwargs)
                     for k, v in _OnwardInput._declared_fields.items()
                     if k not in {"version", "personal_data"}})
SpontaneousOnwardApi = _spontaneous_rows(
    "Onward", OnwardTransferConsent, OnwardTransferSerializer, _OnwardPlain,
    services.onward_transfer_record_material, "Onward transfers")


# --- counterpart notices -------------------------------------------------------------------------
class CounterpartNoticeApi(APIView):
    pagination_class = api_settings.DEFAULT_PAGINATION_CLASS

    class QuerySerializer(StrictSerializer):
        extra_allowed = ("page",)
        instrument = StrictCharField(max_length=40, required=False)

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "CounterpartNoticeInput"

        instrument = StrictCharField(max_length=40)
        flow = FlowField()
        state = serializers.RegexField(r"^[A-Za-z]{2}$", help_text="Whose authority changed.")
        kind = CounterpartKindField()
        notified_on = date_field(required=True, help_text="Not in the future.")
        channel = ChannelField()
        authority = text_field(300, required=True)
        contact_details = text_field()
        effective_from = date_field()
        reference = text_field(200)

    @extend_schema(operation_id="registers_counterpart_notices_list", tags=[TAG],
                   summary="Notices of designated authorities and contacts (RS 2.3, BR 2.3, "
                           "CZ 13, SK 8.2)",
                   parameters=[QuerySerializer],
                   responses={200: CounterpartNoticeSerializer(many=True),
                              **{code: COMMON_ERRORS[code] for code in (400, 401, 404)}})
    def get(self, request: Request) -> Response:
        query = validated_query(self.QuerySerializer, request)
        rows = CounterpartNotice.objects.select_related("instrument", "state")
        if query.get("instrument"):
            rows = rows.filter(instrument__slug=query["instrument"])
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(rows.order_by("-notified_on", "-id"), request,
                                           view=self)
        return paginator.get_paginated_response(CounterpartNoticeSerializer(page, many=True).data)

    @extend_schema(operation_id="registers_counterpart_notices_create", tags=[TAG],
                   summary="Record a notice of authorities or contacts, sent or received (clerk)",
                   request=InputSerializer,
                   responses={201: CounterpartNoticeSerializer, **CREATE_ERRORS})
    def post(self, request: Request) -> Response:
        data = validated_body(self.InputSerializer, request.data)
        notice = services.counterpart_notice_record(actor=request.user, **data)
        return Response(CounterpartNoticeSerializer(notice).data, status=status.HTTP_201_CREATED)


def _both(list_api: type, create_api: type) -> Any:
    from .records.base import operations

    return operations(list_api, create_api)


urlpatterns = [
    path("requests/<int:request_id>/use-conditions/",
         _both(UseConditionListApi, UseConditionCreateApi), name="api-registers-use-conditions"),
    path("requests/<int:request_id>/use-consents/",
         _both(UseConsentListApi, UseConsentCreateApi), name="api-registers-use-consents"),
    path("use-consents/<int:consent_id>/answer/", UseConsentAnswerApi.as_view(),
         name="api-registers-use-consent-answer"),
    path("requests/<int:request_id>/material-uses/",
         _both(MaterialUseListApi, MaterialUseCreateApi), name="api-registers-material-uses"),
    path("material-uses/<int:use_id>/notified/", MaterialUseNotifiedApi.as_view(),
         name="api-registers-material-use-notified"),
    path("requests/<int:request_id>/onward-transfers/",
         _both(OnwardTransferListApi, OnwardTransferCreateApi),
         name="api-registers-onward-transfers"),
    path("requests/<int:request_id>/costs/", _both(CostItemListApi, CostItemCreateApi),
         name="api-registers-costs"),
    path("personal-data/<int:entry_id>/notices/", _both(DataNoticeListApi, DataNoticeCreateApi),
         name="api-registers-data-notices"),
    path("personal-data-notices/<int:notice_id>/resolve/", DataNoticeResolveApi.as_view(),
         name="api-registers-data-notice-resolve"),
    path("personal-data/<int:entry_id>/use-reports/",
         _both(UseReportListApi, UseReportCreateApi), name="api-registers-use-reports"),
    path("personal-data-use-reports/<int:report_id>/answer/", UseReportAnswerApi.as_view(),
         name="api-registers-use-report-answer"),
    path("spontaneous-information/", SpontaneousInformationApi.as_view(),
         name="api-registers-spontaneous"),
    path("spontaneous-information/<int:spontaneous_id>/",
         SpontaneousInformationDetailApi.as_view(), name="api-registers-spontaneous-detail"),
    path("spontaneous-information/<int:spontaneous_id>/use-conditions/",
         SpontaneousConditionsApi.as_view(), name="api-registers-spontaneous-conditions"),
    path("spontaneous-information/<int:spontaneous_id>/use-consents/",
         SpontaneousConsentsApi.as_view(), name="api-registers-spontaneous-consents"),
    path("spontaneous-information/<int:spontaneous_id>/material-uses/",
         SpontaneousUsesApi.as_view(), name="api-registers-spontaneous-uses"),
    path("spontaneous-information/<int:spontaneous_id>/onward-transfers/",
         SpontaneousOnwardApi.as_view(), name="api-registers-spontaneous-onward"),
    path("counterpart-notices/", CounterpartNoticeApi.as_view(),
         name="api-registers-counterpart-notices"),
]
