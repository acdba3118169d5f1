"""API: the facts recorded on a request — persons, handed-over items, consultations, decisions,
translations, originals, proofs of service, detainee transfers and the personal-data register.

Reads are lists nested under a request, for everyone who may see it. Writes are the record forms
of the request page, through the same services (``services.records``, ``services.requests``):
each carries the request ``version`` the client saw (changed meanwhile: 409) and a treaty rule
that blocks it answers 422 with its citation. Routes that name a row (``/api/items/{id}/...``)
first find the row's request and check that the user may see it: another office's row answers
exactly like a missing one (404), whatever the body says.

Every API class is one operation with its own input serializer; a URL that both lists and records
combines the two classes. Inputs are strict: integers are integers, dates are ISO dates within
a sane range, enumerations are closed and unknown fields are rejected — bad input is a 400, never
a 500.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextlib import contextmanager
from datetime import date

from django.db.models import Count
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from ..access import access_request_by_id
from ..exceptions import InvalidInput, RequestNotFound
from ..models import (
    AssistanceRequest,
    Channel,
    Consultation,
    ConsultationSubject,
    DataFlow,
    Decision,
    DecisionKind,
    DetaineeTransfer,
    HandedOverItem,
    ItemHolder,
    ItemReturnStatus,
    OnwardTransferConsent,
    OriginalDocument,
    PersonalDataTransfer,
    PersonRole,
    RequestPerson,
    ServiceProof,
    Translation,
)
from ..services import records as record_services
from ..services import requests as request_services
from .fields import StrictCharField
from .schemas import COMMON_ERRORS, RULE_ERRORS

# Ids and versions beyond a 32-bit integer are never valid here; refusing them keeps oversized
# numbers away from the database drivers.
MAX_ID = 2**31 - 1
# Dates outside this range are typing mistakes; refusing them keeps the deadline arithmetic
# (months added, days subtracted) away from the limits of ``datetime.date``.
MIN_DATE, MAX_DATE = date(1900, 1, 1), date(2999, 12, 31)

LIST_ERRORS = {code: COMMON_ERRORS[code] for code in (401, 404)}
WRITE_ERRORS = {**COMMON_ERRORS, 409: RULE_ERRORS[409]}
RULE_WRITE_ERRORS = {**WRITE_ERRORS, 422: RULE_ERRORS[422]}


# --- strict input fields --------------------------------------------------------------------------
class StrictIntegerField(serializers.IntegerField):
    """An integer, or a string of digits (form posts); never a boolean, a float or ``"1.5"``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not (
                isinstance(data, int)
                or (isinstance(data, str) and re.fullmatch(r"[+-]?\d{1,12}", data.strip()))):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """``true``/``false`` (JSON booleans, or those words in a form post); not 1, 0 or "yes"."""

    def to_internal_value(self, data):
        if isinstance(data, bool):
            return data
        if isinstance(data, str) and data.strip().lower() in {"true", "false"}:
            return data.strip().lower() == "true"
        self.fail("invalid")


class StrictDateField(serializers.DateField):
    """An ISO date (``YYYY-MM-DD``) between 1900 and 2999."""

    default_error_messages = {
        "out_of_range": _("Give a date between 1900-01-01 and 2999-12-31."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", [api_settings.DATE_INPUT_FORMATS[0]])
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid", format="YYYY-MM-DD")
        parsed = super().to_internal_value(value)
        if not MIN_DATE <= parsed <= MAX_DATE:
            self.fail("out_of_range")
        return parsed


class StrictDateTimeField(serializers.DateTimeField):
    """An ISO date and time; without an offset it is read as Asia/Almaty time."""

    default_error_messages = {
        "out_of_range": _("Give a time between 1900 and 2999."),
    }

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid", format="YYYY-MM-DDThh:mm[:ss][+HH:MM]")
        try:
            parsed = super().to_internal_value(value)
            local = timezone.localtime(parsed) if timezone.is_aware(parsed) else parsed
        except OverflowError:
            self.fail("out_of_range")
        if not MIN_DATE <= local.date() <= MAX_DATE:
            self.fail("out_of_range")
        return parsed


def _enum(component: str, choices, *, blank: bool = False, description: str = ""):
    """A closed choice field published as its own schema component (``Record...``), so that its
    name is ours and never collides with another module's field of the same name."""
    values = [str(value) for value, _label in choices]
    lines = [f"* `{value}` - {label}" for value, label in choices]
    schema = {"type": "string", "enum": ([""] if blank else []) + values,
              "description": "\n".join(
                  ([description, ""] if description else [])
                  + (["* empty string - not stated"] if blank else []) + lines)}

    @extend_schema_field(schema, component_name=component)
    class EnumField(serializers.ChoiceField):
        def __init__(self, **kwargs):
            kwargs.setdefault("allow_blank", blank)
            super().__init__(choices=choices, **kwargs)

        def to_internal_value(self, data):
            if not isinstance(data, str):
                self.fail("invalid_choice", input=data)
            return super().to_internal_value(data)

    EnumField.__name__ = EnumField.__qualname__ = f"{component}Field"
    return EnumField


PersonRoleField = _enum("RecordPersonRole", PersonRole.choices)
ItemHolderField = _enum("RecordItemHolder", ItemHolder.choices)
ItemReturnStatusField = _enum("RecordItemReturnStatus", ItemReturnStatus.choices)
ConsultationSubjectField = _enum("RecordConsultationSubject", ConsultationSubject.choices)
ChannelField = _enum("RecordChannel", Channel.choices, blank=True)
DecisionKindField = _enum("RecordDecisionKind", DecisionKind.choices)
DecisionCreateKindField = _enum(
    "RecordDecisionCreateKind",
    [(DecisionKind.PARTIAL_OR_CONDITIONAL_CONSIDERED,
      DecisionKind.PARTIAL_OR_CONDITIONAL_CONSIDERED.label)],
    description="Only this decision is recorded here; refusal, deferral and conditions are "
                "transitions of the request.")
DataFlowField = _enum("PersonalDataFlow", DataFlow.choices)


def _text(max_length: int | None = None, *, required: bool = False, **kwargs):
    if not required:
        kwargs.setdefault("default", "")
        kwargs.setdefault("allow_blank", True)
    return StrictCharField(max_length=max_length, trim_whitespace=False, **kwargs)


def _date(*, required: bool = False, **kwargs):
    if not required:
        kwargs.setdefault("default", None)
        kwargs.setdefault("allow_null", True)
    return StrictDateField(**kwargs)


class StrictInput(serializers.Serializer):
    """Unknown fields are rejected (400). `version` is the request version the client saw."""

    version = StrictIntegerField(help_text="The request version the client saw; if the request "
                                           "changed since, the answer is 409 with the current one.")

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(str(name) for name in data if name not in self.fields)
            if unknown:
                raise serializers.ValidationError(
                    {name: [str(_("Unknown field."))] for name in unknown})
        return super().to_internal_value(data)


def _validated(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


@contextmanager
def _service_fields(**renamed):
    """Report a service's ``InvalidInput`` under this API's field names (``date`` →
    ``returned_on``...)."""
    try:
        yield
    except InvalidInput as error:
        raise InvalidInput({renamed.get(key, key): message
                            for key, message in error.errors.items()}) from None


# --- access ---------------------------------------------------------------------------------------
def _visible_request(user, request_id: int) -> AssistanceRequest:
    if not 0 < request_id <= MAX_ID:
        raise RequestNotFound(request_id)
    return access_request_by_id(user=user, request_id=request_id)


def _request_of(user, model, row_id: int) -> AssistanceRequest:
    """The request a row belongs to, if ``user`` may see it; a missing row and a row of a request
    the user may not see both raise RequestNotFound (404)."""
    request_id = None
    if 0 < row_id <= MAX_ID:
        request_id = (model.objects.filter(pk=row_id).values_list("request_id", flat=True)
                      .first())
    if request_id is None:
        raise RequestNotFound(row_id)
    return access_request_by_id(user=user, request_id=request_id)


def _request_path(name: str = "request_id") -> OpenApiParameter:
    return OpenApiParameter(name, int, OpenApiParameter.PATH,
                            description="Id of the request (404 when missing or not visible).")


def _row_path(name: str, what: str) -> OpenApiParameter:
    return OpenApiParameter(name, int, OpenApiParameter.PATH,
                            description=f"Id of the {what} (404 when missing or when its "
                                        "request is not visible to you).")


# --- base classes ---------------------------------------------------------------------------------
# No docstrings on the API classes: the schema would repeat a class's docstring for every
# operation of its URL. Each operation describes itself in ``extend_schema``.
class RecordApi(APIView):
    # Lists are paginated (``?page=``), in a fixed order, with a constant number of queries.
    pagination_class = api_settings.DEFAULT_PAGINATION_CLASS

    def paginated(self, obj: AssistanceRequest, queryset, serializer_class, **context):
        """One page of ``queryset``, rows of ``obj``; each row shows the request's version as
        read with ``obj``."""
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(queryset, self.request, view=self)
        context = {"request": self.request, "request_version": obj.version, **context}
        data = serializer_class(page, many=True, context=context).data
        return paginator.get_paginated_response(data)


def _created(serializer_class, instance, **context) -> Response:
    return Response(serializer_class(instance, context=context).data,
                    status=status.HTTP_201_CREATED)


def _done(serializer_class, instance, **context) -> Response:
    return Response(serializer_class(instance, context=context).data, status=status.HTTP_200_OK)


class RequestVersionField(serializers.IntegerField):
    """The version of the row's request: a list reads it once (``request_version`` in the
    context), a write from the request the service just changed."""

    def __init__(self, path: str = "request", **kwargs):
        self.path = path.split(".")
        kwargs.setdefault("help_text", "The request's version now: send it with the next change.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        version = self.context.get("request_version")
        if version is None:
            for name in self.path:
                instance = getattr(instance, name)
            version = instance.version
        return version


def _request_version():
    return RequestVersionField()


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
    request_version = _request_version()


class RecordPersonListApi(RecordApi):
    @extend_schema(operation_id="records_persons_list", tags=["records"],
                   summary="Persons named in the request",
                   parameters=[_request_path()],
                   responses={200: RecordPersonSerializer(many=True), **LIST_ERRORS})
    def get(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        qs = RequestPerson.objects.filter(request=obj).order_by("id")
        return self.paginated(obj, qs, RecordPersonSerializer)


class RecordPersonCreateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordPersonCreate"

        role = PersonRoleField()
        full_name = _text(300, required=True)
        birth_date = _date()
        nationality = _text(100)
        address = _text()
        particulars = _text()
        appearance_date = _date(help_text="For a person summoned to appear; not in the past.")

    @extend_schema(operation_id="records_persons_create", tags=["records"],
                   summary="Add a person (prosecutor, clerk)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={201: RecordPersonSerializer, **WRITE_ERRORS})
    def post(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        person = request_services.person_add(
            actor=request.user, request_id=obj.pk, expected_version=data.pop("version"), **data)
        return _created(RecordPersonSerializer, person)


class RecordPersonsApi(RecordPersonListApi, RecordPersonCreateApi):
    pass


class RecordPersonAppearanceDateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordPersonAppearanceDate"

        appearance_date = StrictDateField(
            allow_null=True,
            help_text="The new appearance date (not in the past); null when the person is no "
                      "longer summoned. The summons deadline moves with it.")

    @extend_schema(operation_id="records_persons_appearance_date", tags=["records"],
                   summary="Change a person's appearance date (prosecutor, clerk)",
                   parameters=[_request_path(), _row_path("person_id", "person")],
                   request=InputSerializer,
                   responses={200: RecordPersonSerializer, **WRITE_ERRORS})
    def post(self, request, request_id: int, person_id: int):
        obj = _visible_request(request.user, request_id)
        if not (0 < person_id <= MAX_ID
                and RequestPerson.objects.filter(pk=person_id, request=obj).exists()):
            raise RequestNotFound(person_id)
        data = _validated(self.InputSerializer, request.data)
        person = request_services.person_set_appearance_date(
            actor=request.user, person_id=person_id, appearance_date=data["appearance_date"],
            expected_version=data["version"])
        return _done(RecordPersonSerializer, person)


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
    request_version = _request_version()


class RecordItemListApi(RecordApi):
    @extend_schema(operation_id="records_items_list", tags=["records"],
                   summary="Items handed over in execution (RS 15, BR 14)",
                   parameters=[_request_path()],
                   responses={200: RecordItemSerializer(many=True), **LIST_ERRORS})
    def get(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        qs = HandedOverItem.objects.filter(request=obj).order_by("id")
        return self.paginated(obj, qs, RecordItemSerializer)


class RecordItemCreateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordItemCreate"

        description = _text(required=True)
        holder = ItemHolderField()
        handed_over_on = _date(required=True)
        third_party_conditions = _text()

    @extend_schema(operation_id="records_items_create", tags=["records"],
                   summary="Record a handed-over item (prosecutor, clerk)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={201: RecordItemSerializer, **WRITE_ERRORS})
    def post(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        item = record_services.item_record(actor=request.user, request_id=obj.pk,
                                           expected_version=data.pop("version"), **data)
        return _created(RecordItemSerializer, item)


class RecordItemsApi(RecordItemListApi, RecordItemCreateApi):
    pass


class RecordItemReturnedApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordItemReturned"

        returned_on = _date(required=True)

    @extend_schema(operation_id="records_items_returned", tags=["records"],
                   summary="Record the return of a held item (prosecutor, clerk)",
                   parameters=[_row_path("item_id", "item")], request=InputSerializer,
                   responses={200: RecordItemSerializer, **WRITE_ERRORS})
    def post(self, request, item_id: int):
        _request_of(request.user, HandedOverItem, item_id)
        data = _validated(self.InputSerializer, request.data)
        with _service_fields(date="returned_on"):
            item = record_services.item_mark_returned(
                actor=request.user, item_id=item_id, returned_on=data["returned_on"],
                expected_version=data["version"])
        return _done(RecordItemSerializer, item)


class RecordItemWaiveApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordItemWaive"

        waived_on = _date(required=True)
        waiver_reference = _text(200, required=True)

    @extend_schema(operation_id="records_items_waive", tags=["records"],
                   summary="Record that the return of a held item is waived (prosecutor, clerk)",
                   parameters=[_row_path("item_id", "item")], request=InputSerializer,
                   responses={200: RecordItemSerializer, **WRITE_ERRORS})
    def post(self, request, item_id: int):
        _request_of(request.user, HandedOverItem, item_id)
        data = _validated(self.InputSerializer, request.data)
        with _service_fields(date="waived_on"):
            item = record_services.item_waive_return(
                actor=request.user, item_id=item_id, waived_on=data["waived_on"],
                waiver_reference=data["waiver_reference"], expected_version=data["version"])
        return _done(RecordItemSerializer, item)


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
    request_version = _request_version()


class RecordConsultationListApi(RecordApi):
    @extend_schema(operation_id="records_consultations_list", tags=["records"],
                   summary="Consultations with the other side (RS 5.3, BR 3.3)",
                   parameters=[_request_path()],
                   responses={200: RecordConsultationSerializer(many=True), **LIST_ERRORS})
    def get(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        qs = (Consultation.objects.filter(request=obj).select_related("recorded_by")
              .order_by("held_on", "id"))
        return self.paginated(obj, qs, RecordConsultationSerializer)


class RecordConsultationCreateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordConsultationCreate"

        subject = ConsultationSubjectField()
        held_on = _date(required=True, help_text="Not in the future.")
        counterpart = _text(300, required=True)
        channel = ChannelField(default="")
        summary = _text(required=True)
        outcome = _text()

    @extend_schema(operation_id="records_consultations_create", tags=["records"],
                   summary="Record a consultation (prosecutor, clerk)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={201: RecordConsultationSerializer, **WRITE_ERRORS})
    def post(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        consultation = record_services.consultation_record(
            actor=request.user, request_id=obj.pk, expected_version=data.pop("version"), **data)
        return _created(RecordConsultationSerializer, consultation)


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
    request_version = _request_version()

    def _ground(self, decision):
        if not decision.ground:
            return None
        rulebook = self.context["rulebook"]
        if decision.kind == DecisionKind.DEFERRAL:
            return rulebook.deferral_ground(decision.ground)
        return rulebook.refusal_ground(decision.ground)

    def get_ground_citation(self, decision) -> str:
        ground = self._ground(decision)
        return str(ground.citation) if ground else ""

    def get_ground_summary(self, decision) -> str:
        ground = self._ground(decision)
        return ground.summary.text() if ground else ""


class RecordDecisionListApi(RecordApi):
    @extend_schema(operation_id="records_decisions_list", tags=["records"],
                   summary="Decisions: refusals, deferrals, conditions, and partial or "
                           "conditional execution considered",
                   description="Each with its ground (code, citation, wording) and reasons. "
                               "Refusal, deferral and conditions are recorded by the transitions "
                               "that enact them.",
                   parameters=[_request_path()],
                   responses={200: RecordDecisionSerializer(many=True), **LIST_ERRORS})
    def get(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        qs = (Decision.objects.filter(request=obj).select_related("decided_by")
              .order_by("decided_on", "id"))
        return self.paginated(obj, qs, RecordDecisionSerializer, rulebook=obj.rulebook)


class RecordDecisionCreateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordDecisionCreate"

        kind = DecisionCreateKindField()
        reasons = _text(required=True,
                        help_text="Why neither partial nor conditional execution is possible.")
        decided_on = _date(required=True)

    @extend_schema(operation_id="records_decisions_create", tags=["records"],
                   summary="Record that partial or conditional execution was considered (clerk; "
                           "RS 6.3, before a deferral)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={201: RecordDecisionSerializer, **WRITE_ERRORS})
    def post(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        decision = record_services.decision_record_partial_or_conditional_considered(
            actor=request.user, request_id=obj.pk, reasons=data["reasons"],
            decided_on=data["decided_on"], expected_version=data["version"])
        return _created(RecordDecisionSerializer, decision, rulebook=obj.rulebook)


class RecordDecisionsApi(RecordDecisionListApi, RecordDecisionCreateApi):
    pass


# --- translations ---------------------------------------------------------------------------------
class RecordTranslationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    language = serializers.CharField(read_only=True)
    document = serializers.CharField(read_only=True)
    translated_by = serializers.CharField(read_only=True)
    completed_on = serializers.DateField(read_only=True, allow_null=True)
    request_version = _request_version()


class RecordTranslationListApi(RecordApi):
    @extend_schema(operation_id="records_translations_list", tags=["records"],
                   summary="Translations of the request and its documents",
                   parameters=[_request_path()],
                   responses={200: RecordTranslationSerializer(many=True), **LIST_ERRORS})
    def get(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        qs = Translation.objects.filter(request=obj).order_by("id")
        return self.paginated(obj, qs, RecordTranslationSerializer)


class RecordTranslationCreateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordTranslationCreate"

        language = serializers.RegexField(
            r"^[A-Za-z]{2,3}$", max_length=3,
            help_text="ISO 639 code of the language, e.g. `sr`, `en`, `pt`.")
        document = _text(300, default="request")
        translated_by = _text(200)
        completed_on = _date(help_text="Only a completed translation counts for the language "
                                       "rule.")

        def validate_document(self, value: str) -> str:
            return value if value.strip() else "request"

    @extend_schema(operation_id="records_translations_create", tags=["records"],
                   summary="Record a translation (prosecutor, clerk)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={201: RecordTranslationSerializer, **WRITE_ERRORS})
    def post(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        translation = record_services.translation_record(
            actor=request.user, request_id=obj.pk, expected_version=data.pop("version"), **data)
        return _created(RecordTranslationSerializer, translation)


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
    request_version = _request_version()


class RecordOriginalListApi(RecordApi):
    @extend_schema(operation_id="records_originals_list", tags=["records"],
                   summary="The original of a request sent by technical means (RS 3.4, BR 22.1)",
                   parameters=[_request_path()],
                   responses={200: RecordOriginalSerializer(many=True), **LIST_ERRORS})
    def get(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        qs = OriginalDocument.objects.filter(request=obj).order_by("id")
        return self.paginated(obj, qs, RecordOriginalSerializer)


class RecordOriginalCreateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordOriginalCreate"

        asked_for_on = _date(help_text="When the requested side asked for the original.")
        dispatched_on = _date()
        dispatch_channel = ChannelField(default="", help_text="Required with `dispatched_on`.")
        tracking_number = _text(100)
        received_on = _date()

    @extend_schema(operation_id="records_originals_create", tags=["records"],
                   summary="Record the original (clerk)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={201: RecordOriginalSerializer, **WRITE_ERRORS})
    def post(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        original = record_services.original_record(
            actor=request.user, request_id=obj.pk, expected_version=data.pop("version"), **data)
        return _created(RecordOriginalSerializer, original)


class RecordOriginalsApi(RecordOriginalListApi, RecordOriginalCreateApi):
    pass


class _NeverPartial:
    """The update input below already makes every field optional (only those sent change) and
    ``version`` required; marking it partial, as the schema generator does for PATCH, would
    wrongly drop ``version`` from the required fields."""

    @property
    def partial(self) -> bool:
        return False

    @partial.setter
    def partial(self, value) -> None:
        pass


class RecordOriginalUpdateApi(RecordApi):
    class InputSerializer(_NeverPartial, StrictInput):
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

        def validate(self, attrs):
            if not set(attrs) - {"version"}:
                raise serializers.ValidationError(
                    {"non_field_errors": [str(_("Send at least one field to change."))]})
            return attrs

    @extend_schema(operation_id="records_originals_update", tags=["records"],
                   summary="Update the original (clerk): only the fields sent change",
                   parameters=[_row_path("original_id", "original")], request=InputSerializer,
                   responses={200: RecordOriginalSerializer, **WRITE_ERRORS})
    def patch(self, request, original_id: int):
        _request_of(request.user, OriginalDocument, original_id)
        data = _validated(self.InputSerializer, request.data)
        original = record_services.original_update(
            actor=request.user, original_id=original_id, expected_version=data.pop("version"),
            **data)
        return _done(RecordOriginalSerializer, original)


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
    request_version = _request_version()


class RecordServiceProofListApi(RecordApi):
    @extend_schema(operation_id="records_service_proofs_list", tags=["records"],
                   summary="Proofs of service (RS 8.2, BR 6.3)",
                   parameters=[_request_path()],
                   responses={200: RecordServiceProofSerializer(many=True), **LIST_ERRORS})
    def get(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        qs = (ServiceProof.objects.filter(request=obj).select_related("person")
              .order_by("id"))
        return self.paginated(obj, qs, RecordServiceProofSerializer)


class RecordServiceProofCreateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordServiceProofCreate"

        person = StrictIntegerField(default=None, allow_null=True,
                                    help_text="Id of the person served (one of the request's).")
        served_at = StrictDateTimeField(default=None, allow_null=True,
                                        help_text="Required unless `not_served_reason` is given.")
        place = _text(300)
        manner = _text(300)
        received_by = _text(300)
        signed_and_sealed = StrictBooleanField(default=False)
        not_served_reason = _text()

    @extend_schema(operation_id="records_service_proofs_create", tags=["records"],
                   summary="Record a proof of service (prosecutor, clerk)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={201: RecordServiceProofSerializer, **WRITE_ERRORS})
    def post(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        data["person_id"] = data.pop("person")
        proof = record_services.service_proof_record(
            actor=request.user, request_id=obj.pk, expected_version=data.pop("version"), **data)
        return _created(RecordServiceProofSerializer, proof)


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
    request_version = _request_version()


class RecordTransferListApi(RecordApi):
    @extend_schema(operation_id="records_transfers_list", tags=["records"],
                   summary="Temporary transfers of detained persons (RS 11, BR 9)",
                   parameters=[_request_path()],
                   responses={200: RecordTransferSerializer(many=True), **LIST_ERRORS})
    def get(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        qs = DetaineeTransfer.objects.filter(request=obj).select_related("person").order_by("id")
        return self.paginated(obj, qs, RecordTransferSerializer)


class RecordTransferCreateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordTransferCreate"

        person = StrictIntegerField(help_text="Id of the detained person (one of the request's).")
        transferred_on = _date(required=True)
        return_due_on = _date(help_text="RS 11.1: at most six months after the transfer.")
        release_date = _date(help_text="BR 9.2: the person goes back no later than this date.")
        person_consented = StrictBooleanField(default=False, help_text="BR 9.1.")

    @extend_schema(operation_id="records_transfers_create", tags=["records"],
                   summary="Record a temporary transfer of a detained person (clerk)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={201: RecordTransferSerializer, **RULE_WRITE_ERRORS})
    def post(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        data["person_id"] = data.pop("person")
        transfer = record_services.transfer_record(
            actor=request.user, request_id=obj.pk, expected_version=data.pop("version"), **data)
        return _created(RecordTransferSerializer, transfer)


class RecordTransfersApi(RecordTransferListApi, RecordTransferCreateApi):
    pass


class RecordTransferExtendApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordTransferExtend"

        return_due_on = _date(required=True, help_text="The new, later return term (RS 11.1: "
                                                       "one extension).")

    @extend_schema(operation_id="records_transfers_extend", tags=["records"],
                   summary="Extend the return term once (clerk; RS 11.1)",
                   parameters=[_row_path("transfer_id", "transfer")], request=InputSerializer,
                   responses={200: RecordTransferSerializer, **RULE_WRITE_ERRORS})
    def post(self, request, transfer_id: int):
        _request_of(request.user, DetaineeTransfer, transfer_id)
        data = _validated(self.InputSerializer, request.data)
        transfer = record_services.transfer_extend(
            actor=request.user, transfer_id=transfer_id, return_due_on=data["return_due_on"],
            expected_version=data["version"])
        return _done(RecordTransferSerializer, transfer)


class RecordTransferReturnedApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordTransferReturned"

        returned_on = _date(required=True)

    @extend_schema(operation_id="records_transfers_returned", tags=["records"],
                   summary="Record the return of the transferred person (clerk)",
                   parameters=[_row_path("transfer_id", "transfer")], request=InputSerializer,
                   responses={200: RecordTransferSerializer, **WRITE_ERRORS})
    def post(self, request, transfer_id: int):
        _request_of(request.user, DetaineeTransfer, transfer_id)
        data = _validated(self.InputSerializer, request.data)
        transfer = record_services.transfer_mark_returned(
            actor=request.user, transfer_id=transfer_id, returned_on=data["returned_on"],
            expected_version=data["version"])
        return _done(RecordTransferSerializer, transfer)


class RecordTransferReleaseDateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordTransferReleaseDate"

        release_date = _date(required=True, help_text="BR 9.2: the return term moves with it.")

    @extend_schema(operation_id="records_transfers_release_date", tags=["records"],
                   summary="Change the release date in the sending state (clerk; BR 9.2)",
                   parameters=[_row_path("transfer_id", "transfer")], request=InputSerializer,
                   responses={200: RecordTransferSerializer, **WRITE_ERRORS})
    def post(self, request, transfer_id: int):
        _request_of(request.user, DetaineeTransfer, transfer_id)
        data = _validated(self.InputSerializer, request.data)
        transfer = record_services.transfer_set_release_date(
            actor=request.user, transfer_id=transfer_id, release_date=data["release_date"],
            expected_version=data["version"])
        return _done(RecordTransferSerializer, transfer)


# --- personal-data register -----------------------------------------------------------------------
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
    request_version = _request_version()


def _entries():
    return PersonalDataTransfer.objects.annotate(onward_transfer_count=Count("consents"))


class PersonalDataListApi(RecordApi):
    @extend_schema(operation_id="personal_data_list", tags=["personal data"],
                   summary="Register of personal data supplied and received (CZ 10.6, SK 5.7)",
                   parameters=[_request_path()],
                   responses={200: PersonalDataEntrySerializer(many=True), **LIST_ERRORS})
    def get(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        return self.paginated(obj, _entries().filter(request=obj).order_by("id"),
                              PersonalDataEntrySerializer)


class PersonalDataCreateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "PersonalDataCreate"

        flow = DataFlowField()
        transferred_on = _date(required=True)
        purpose = _text(required=True)
        data_categories = _text(required=True)
        bodies_involved = _text(required=True)
        use_conditions = _text()
        deletion_due_on = _date(help_text="The deletion term the supplier states; required when "
                                          "Kazakhstan supplies the data (CZ 10.5, SK 5.6).")
        sensitive = StrictBooleanField(default=False)
        sensitive_justification = _text(help_text="Why sensitive data are necessary (CZ 10.2).")

    @extend_schema(operation_id="personal_data_create", tags=["personal data"],
                   summary="Register a transfer or receipt of personal data (prosecutor, clerk)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={201: PersonalDataEntrySerializer, **RULE_WRITE_ERRORS})
    def post(self, request, request_id: int):
        obj = _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        entry = record_services.personal_data_record(
            actor=request.user, request_id=obj.pk, expected_version=data.pop("version"), **data)
        return _created(PersonalDataEntrySerializer, _entries().get(pk=entry.pk))


class PersonalDataApi(PersonalDataListApi, PersonalDataCreateApi):
    pass


class PersonalDataDeletionApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "PersonalDataDeletion"

        deleted_on = _date(required=True)
        reason = _text(required=True)
        supplier_informed_on = _date(help_text="When the supplier was told of the deletion and "
                                               "its grounds (required under SK 5.6 for data "
                                               "received).")

    @extend_schema(operation_id="personal_data_deletion", tags=["personal data"],
                   summary="Record the deletion of personal data (prosecutor, clerk; also after "
                           "closure)",
                   parameters=[_row_path("entry_id", "register entry")], request=InputSerializer,
                   responses={200: PersonalDataEntrySerializer, **RULE_WRITE_ERRORS})
    def post(self, request, entry_id: int):
        _request_of(request.user, PersonalDataTransfer, entry_id)
        data = _validated(self.InputSerializer, request.data)
        record_services.personal_data_record_deletion(
            actor=request.user, entry_id=entry_id, expected_version=data.pop("version"), **data)
        return _done(PersonalDataEntrySerializer, _entries().get(pk=entry_id))


class PersonalDataOnwardTransferListApi(RecordApi):
    @extend_schema(operation_id="personal_data_onward_transfers_list", tags=["personal data"],
                   summary="Onward transfers of a register entry, each with the supplier's "
                           "written consent (CZ 11.2, SK 6.2)",
                   parameters=[_row_path("entry_id", "register entry")],
                   responses={200: PersonalDataOnwardTransferSerializer(many=True),
                              **LIST_ERRORS})
    def get(self, request, entry_id: int):
        obj = _request_of(request.user, PersonalDataTransfer, entry_id)
        qs = OnwardTransferConsent.objects.filter(personal_data_id=entry_id).order_by("id")
        return self.paginated(obj, qs, PersonalDataOnwardTransferSerializer)


class PersonalDataOnwardTransferCreateApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "PersonalDataOnwardTransferCreate"

        recipient = _text(300, required=True, help_text="Third state, organisation or party.")
        consent_reference = _text(200, help_text="Reference of the supplier's written consent "
                                                 "(CZ 11.2, SK 6.2).")
        consent_given_on = _date()
        onward_transferred_on = _date(help_text="Not before the consent.")

    @extend_schema(operation_id="personal_data_onward_transfers_create", tags=["personal data"],
                   summary="Record an onward transfer with the supplier's consent (prosecutor, "
                           "clerk; also after closure)",
                   parameters=[_row_path("entry_id", "register entry")], request=InputSerializer,
                   responses={201: PersonalDataOnwardTransferSerializer, **RULE_WRITE_ERRORS})
    def post(self, request, entry_id: int):
        _request_of(request.user, PersonalDataTransfer, entry_id)
        data = _validated(self.InputSerializer, request.data)
        consent = record_services.onward_transfer_record(
            actor=request.user, entry_id=entry_id, expected_version=data.pop("version"), **data)
        return _created(PersonalDataOnwardTransferSerializer, consent)


class PersonalDataOnwardTransfersApi(PersonalDataOnwardTransferListApi,
                                     PersonalDataOnwardTransferCreateApi):
    pass


# --- request-level facts the web app records: RS 8.3 shorter summons term, written confirmation --
class RecordRequestFactsSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    state = serializers.CharField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    shorter_summons_term_agreed_on = serializers.DateField(read_only=True, allow_null=True)
    shorter_summons_term_agreement = serializers.CharField(read_only=True)
    oral_request_at = serializers.DateTimeField(read_only=True, allow_null=True)
    written_confirmation_at = serializers.DateTimeField(read_only=True, allow_null=True)


class RecordShorterSummonsTermApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordShorterSummonsTermInput"

        agreed_on = StrictDateField(help_text="Day the sides agreed the shorter term.")
        agreement = StrictCharField(max_length=5000,
                                    help_text="What was agreed, with whom, by which channel.")

    @extend_schema(operation_id="records_shorter_summons_term", tags=["records"],
                   summary="Record an agreed shorter summons term (RS 8.3, urgent requests)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={200: RecordRequestFactsSerializer, **RULE_WRITE_ERRORS})
    def post(self, request, request_id: int):
        _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        obj = request_services.request_record_shorter_summons_term(
            actor=request.user, request_id=request_id, agreed_on=data["agreed_on"],
            agreement=data["agreement"], expected_version=data["version"])
        return _done(RecordRequestFactsSerializer, obj)


class RecordWrittenConfirmationApi(RecordApi):
    class InputSerializer(StrictInput):
        class Meta:
            ref_name = "RecordWrittenConfirmationInput"

        confirmed_at = StrictDateTimeField(
            required=False, allow_null=True, default=None,
            help_text="When the written confirmation arrived or was sent; empty means now.")

    @extend_schema(operation_id="records_written_confirmation", tags=["records"],
                   summary="Record the written confirmation of an oral request already forwarded "
                           "(CZ 9.1, SK 7.4)",
                   parameters=[_request_path()], request=InputSerializer,
                   responses={200: RecordRequestFactsSerializer, **RULE_WRITE_ERRORS})
    def post(self, request, request_id: int):
        _visible_request(request.user, request_id)
        data = _validated(self.InputSerializer, request.data)
        obj = request_services.request_record_written_confirmation(
            actor=request.user, request_id=request_id, confirmed_at=data["confirmed_at"],
            expected_version=data["version"])
        return _done(RecordRequestFactsSerializer, obj)


urlpatterns = [
    path("requests/<int:request_id>/shorter-summons-term/", RecordShorterSummonsTermApi.as_view(),
         name="api-records-shorter-summons-term"),
    path("requests/<int:request_id>/written-confirmation/",
         RecordWrittenConfirmationApi.as_view(), name="api-records-written-confirmation"),
    path("requests/<int:request_id>/persons/", RecordPersonsApi.as_view(),
         name="api-records-persons"),
    path("requests/<int:request_id>/persons/<int:person_id>/appearance-date/",
         RecordPersonAppearanceDateApi.as_view(), name="api-records-person-appearance-date"),
    path("requests/<int:request_id>/items/", RecordItemsApi.as_view(), name="api-records-items"),
    path("items/<int:item_id>/returned/", RecordItemReturnedApi.as_view(),
         name="api-records-item-returned"),
    path("items/<int:item_id>/waive/", RecordItemWaiveApi.as_view(),
         name="api-records-item-waive"),
    path("requests/<int:request_id>/consultations/", RecordConsultationsApi.as_view(),
         name="api-records-consultations"),
    path("requests/<int:request_id>/decisions/", RecordDecisionsApi.as_view(),
         name="api-records-decisions"),
    path("requests/<int:request_id>/translations/", RecordTranslationsApi.as_view(),
         name="api-records-translations"),
    path("requests/<int:request_id>/originals/", RecordOriginalsApi.as_view(),
         name="api-records-originals"),
    path("originals/<int:original_id>/", RecordOriginalUpdateApi.as_view(),
         name="api-records-original"),
    path("requests/<int:request_id>/service-proofs/", RecordServiceProofsApi.as_view(),
         name="api-records-service-proofs"),
    path("requests/<int:request_id>/transfers/", RecordTransfersApi.as_view(),
         name="api-records-transfers"),
    path("transfers/<int:transfer_id>/extend/", RecordTransferExtendApi.as_view(),
         name="api-records-transfer-extend"),
    path("transfers/<int:transfer_id>/returned/", RecordTransferReturnedApi.as_view(),
         name="api-records-transfer-returned"),
    path("transfers/<int:transfer_id>/release-date/", RecordTransferReleaseDateApi.as_view(),
         name="api-records-transfer-release-date"),
    path("requests/<int:request_id>/personal-data/", PersonalDataApi.as_view(),
         name="api-personal-data"),
    path("personal-data/<int:entry_id>/deletion/", PersonalDataDeletionApi.as_view(),
         name="api-personal-data-deletion"),
    path("personal-data/<int:entry_id>/onward-transfers/", PersonalDataOnwardTransfersApi.as_view(),
         name="api-personal-data-onward-transfers"),
]
