"""API: registering a request Kazakhstan received (``request_register_incoming``), as the clerk's
*Register incoming* page does, with the same service, rules and errors."""

from __future__ import annotations

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.views import APIView

from treaties.rulebook import all_rulebooks
from treaties.rulebook.schema import Channel

from ..services.requests import request_register_incoming
from .fields import IdField
from .fields import StrictCharField
from .fields import StrictChoiceField
from .fields import StrictDateTimeField
from .fields import StrictSerializer
from .parsers import JSONParser
from .requests import INSTRUMENT_CHOICE_REASON_FIELD
from .requests import RequestDetailSerializer
from .requests import _contents_serializer
from .requests import created_response
from .requests import new_request_input
from .schemas import COMMON_ERRORS
from .schemas import RULE_ERRORS

RegisterIncomingInputSerializer = _contents_serializer(
    "RegisterIncomingInputSerializer", StrictSerializer, write=True, extra={
        "instrument": StrictChoiceField(
            choices=sorted(all_rulebooks()), help_text="The instrument's slug."),
        "requesting_authority": IdField(help_text="Id of the other side's authority that asks."),
        "requested_authority": IdField(help_text="Id of the Kazakh authority it is addressed to."),
        "channel": StrictChoiceField(choices=[c.value for c in Channel], help_text=(
            "How it arrived; one the instrument provides (oral only when urgent, CZ 9.1, "
            "SK 7.4; Interpol under RS 10.3 for urgent locating).")),
        "assistance_types": serializers.ListField(
            child=StrictCharField(max_length=60), max_length=30,
            help_text="Codes of the assistance asked for; the instrument must cover them."),
        "received_at": StrictDateTimeField(required=False, allow_null=True, help_text=(
            "When it was received (Asia/Almaty if no offset; default now; not in the future).")),
        "oral_request_at": StrictDateTimeField(required=False, allow_null=True, help_text=(
            "For an oral request: when it was made (its confirmation term runs from then).")),
        "instrument_choice_reason": INSTRUMENT_CHOICE_REASON_FIELD,
    }, doc="A request received from the other side. Any other field is refused.")


class RegisterIncomingApi(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="requests_register_incoming",
        summary="Register a request received from the other side",
        description=("Clerks (supervisors step in) register a request received under an "
                     "instrument in force on the day of receipt, by a channel it provides, for "
                     "assistance it covers (otherwise 422 with the article). An urgent oral "
                     "request waits for its written confirmation."),
        request=RegisterIncomingInputSerializer,
        responses={201: RequestDetailSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 403: COMMON_ERRORS[403], 422: RULE_ERRORS[422]},
        tags=["requests"],
    )
    def post(self, request):
        data, instrument_id = new_request_input(RegisterIncomingInputSerializer, request)
        registered = request_register_incoming(
            actor=request.user, instrument_id=instrument_id,
            requesting_authority_id=data.pop("requesting_authority"),
            requested_authority_id=data.pop("requested_authority"),
            channel=data.pop("channel"), assistance_types=data.pop("assistance_types"),
            received_at=data.pop("received_at", None),
            oral_request_at=data.pop("oral_request_at", None),
            is_urgent=data.pop("is_urgent", False),
            **{name: value for name, value in data.items() if value not in ("", None)})
        return created_response(request, registered.pk)

urlpatterns = [
    path("requests/incoming/", RegisterIncomingApi.as_view(), name="api-request-register-incoming"),
]
