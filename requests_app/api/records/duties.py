"""The record API of the notices and duties the treaties oblige once an event happens (CZ 9.5,
SK 7.7, RS 5.4-9.2, BR 3.4-27.4): the duties of a request with their citation, term and deadline;
recording an event that obliges one; recording the notice sent or received; and the agreed
exception to the BR 18.2 asset-sharing term."""

from __future__ import annotations

from typing import Any

from django.urls import path
from rest_framework import serializers

from ...models import DUTY_EVENT_LABELS
from ...models import AssistanceRequest
from ...models import DeadlineBasis
from ...models import DeadlineStatus
from ...models import DutyTrigger
from ...models import ResponsibleSide
from ...models import TreatyDuty
from ...services import duties as duty_services
from ..fields import StrictDateTimeField
from ..fields import VersionedInput
from ..fields import enum_field
from .base import RULE_WRITE_ERRORS
from .base import RecordCreateApi
from .base import RecordListApi
from .base import RecordWriteApi
from .base import RequestVersionField
from .base import date_field
from .base import operations
from .base import text_field
from .serializers import ChannelField
from .serializers import RecordRequestFactsSerializer

DutyEventField = enum_field("RecordDutyEvent", list(DUTY_EVENT_LABELS.items()))
DutyOwedByField = enum_field("RecordDutyOwedBy", ResponsibleSide.choices)
DutyTriggerField = enum_field("RecordDutyTrigger", DutyTrigger.choices)
DeadlineBasisField = enum_field("RecordDutyBasis", DeadlineBasis.choices)
DeadlineStatusField = enum_field("RecordDutyDeadlineStatus", DeadlineStatus.choices)


class RecordDutySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    rule_code = serializers.CharField(read_only=True,
                                      help_text="Code of the duty in the instrument's rulebook.")
    citation = serializers.CharField(read_only=True, help_text="e.g. `kz-cz-2017 Art 9.5`.")
    summary = serializers.SerializerMethodField()
    in_writing = serializers.SerializerMethodField()
    event = DutyEventField(read_only=True)
    owed_by = DutyOwedByField(read_only=True)
    triggered_at = serializers.DateTimeField(read_only=True)
    trigger = DutyTriggerField(read_only=True)
    trigger_note = serializers.CharField(read_only=True)
    due_at = serializers.SerializerMethodField(
        help_text="When the notice falls due (null once the deadline row is gone).")
    basis = serializers.SerializerMethodField(
        help_text="`treaty`: the text's own term (safe conduct's 15 days); `office_policy`: the "
                  "office's target where the text says \"immediately\" or sets no time.")
    deadline_status = serializers.SerializerMethodField()
    fulfilled_at = serializers.DateTimeField(read_only=True, allow_null=True)
    channel = ChannelField(read_only=True)
    our_reference = serializers.CharField(read_only=True)
    their_reference = serializers.CharField(read_only=True)
    notice_text = serializers.CharField(read_only=True)
    request_version = RequestVersionField()

    def _rule(self, duty: TreatyDuty) -> Any:
        rulebook = self.context.get("rulebook") or duty.request.rulebook
        return rulebook.duty(duty.rule_code)

    def _deadline(self, duty: TreatyDuty) -> Any:
        rows = self.context.get("deadlines")
        if rows is None:
            return duty.request.deadlines.filter(subject_key=f"duty:{duty.pk}").first()
        return rows.get(f"duty:{duty.pk}")

    def get_summary(self, duty: TreatyDuty) -> str:
        rule = self._rule(duty)
        return rule.summary.text() if rule else ""

    def get_in_writing(self, duty: TreatyDuty) -> bool:
        rule = self._rule(duty)
        return bool(rule and rule.in_writing)

    def get_due_at(self, duty: TreatyDuty) -> str | None:
        row = self._deadline(duty)
        return serializers.DateTimeField().to_representation(row.due_at) if row else None

    def get_basis(self, duty: TreatyDuty) -> str | None:
        row = self._deadline(duty)
        return row.basis if row else None

    def get_deadline_status(self, duty: TreatyDuty) -> str | None:
        row = self._deadline(duty)
        return row.status if row else None


class _Duties:
    tag, output = "duties", RecordDutySerializer

    def output_context(self, obj: AssistanceRequest) -> dict[str, Any]:
        # Read once for the whole list: the rulebook and the duty deadline rows.
        return {"rulebook": obj.rulebook,
                "deadlines": {d.subject_key: d for d in obj.deadlines.filter(
                    subject_key__startswith="duty:")}}


class RecordDutyListApi(_Duties, RecordListApi):
    operation_id = "records_duties_list"
    summary = ("Notices and duties triggered on the request, with citation, term and deadline "
               "(CZ 9.5, SK 7.7, RS 5.4-9.2, BR 3.4-27.4)")
    model = TreatyDuty
    ordering = ("triggered_at", "id")


class RecordDutyCreateApi(_Duties, RecordCreateApi):
    class InputSerializer(VersionedInput):
        rule_code = text_field(80, required=True, help_text=(
            "Code of a duty of the request's instrument (`duties` in "
            "`/api/instruments/{slug}/`). Refusal, deferral, execution and a failed service "
            "open Kazakhstan's notices themselves."))
        occurred_at = StrictDateTimeField(default=None, allow_null=True,
                                          help_text="When the event happened; empty means now.")
        note = text_field(help_text="What happened.")

    operation_id = "records_duties_create"
    summary = "Record an event that obliges a notice (prosecutor, clerk)"
    service = duty_services.duty_record_event


class RecordDutyNoticeApi(_Duties, RecordWriteApi):
    class InputSerializer(VersionedInput):
        fulfilled_at = StrictDateTimeField(
            default=None, allow_null=True,
            help_text="When the notice was sent or received (for safe conduct, when the person "
                      "left); empty means now.")
        channel = ChannelField(default="", help_text="Required for a notice; not `oral` where "
                                                     "the text wants it in writing (CZ 9.5).")
        our_reference = text_field(100)
        their_reference = text_field(100)
        notice_text = text_field(help_text="What was said.")

    operation_id = "records_duties_notice"
    summary = "Record the notice sent or received (prosecutor, clerk; also after closure)"
    row_model, row_kwarg, row_label = TreatyDuty, "duty_id", "duty"
    service, errors = duty_services.duty_record_notice, RULE_WRITE_ERRORS


class RecordAssetSharingExtensionApi(RecordWriteApi):
    class InputSerializer(VersionedInput):
        class Meta:
            ref_name = "RecordAssetSharingExtensionInput"

        extended_to = date_field(required=True, help_text="The agreed date that replaces the "
                                                          "one-year term.")
        agreed_on = date_field(required=True)
        agreement = text_field(required=True, help_text="Who agreed, how, reference.")

    operation_id = "records_asset_sharing_extension"
    summary = "Record an agreed exception to the one-year asset-sharing term (BR 18.2)"
    output = RecordRequestFactsSerializer
    service = duty_services.asset_sharing_term_extend


urlpatterns = [
    path("requests/<int:request_id>/duties/",
         operations(RecordDutyListApi, RecordDutyCreateApi), name="api-records-duties"),
    path("duties/<int:duty_id>/notice/", RecordDutyNoticeApi.as_view(),
         name="api-records-duty-notice"),
    path("requests/<int:request_id>/asset-sharing-extension/",
         RecordAssetSharingExtensionApi.as_view(), name="api-records-asset-sharing-extension"),
]
