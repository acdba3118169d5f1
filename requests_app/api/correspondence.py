"""API: the correspondence register and the office's letter templates.

    GET  /api/requests/{request_id}/correspondence/            the letters, oldest first
    POST /api/requests/{request_id}/correspondence/            send a letter (JSON,
                                                               ``correspondence_send``)
    POST /api/requests/{request_id}/correspondence/received/   register a letter received
                                                               (multipart, with its files)
    GET  /api/correspondence/{correspondence_id}/document/     the document sent (PDF; DOCX with
                                                               ``?file=docx``)
    GET  /api/letter-templates/                                the templates and placeholders
    PUT  /api/letter-templates/                                change one template

Everyone who may see a request reads its letters; its clerks and prosecutors (supervisors step
in) send and register them. A letter of a request one may not see, like a missing one, is 404.
The templates are for supervisors and administrators (403 for others).
"""

from __future__ import annotations

from django.http import FileResponse
from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import OpenApiResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ..documents.letters.correspondence_texts import PLACEHOLDERS
from ..documents.letters.layout import LETTER_LANGUAGES
from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..exceptions import RequestNotFound
from ..models import LETTER_BODY_MAX_LENGTH
from ..models import LETTER_REFERENCE_MAX_LENGTH
from ..models import MISSING_ITEMS_MAX_LENGTH
from ..models import AccessChannel
from ..models import AccessKind
from ..models import Attachment
from ..models import Channel
from ..models import Correspondence
from ..models import CorrespondenceKind
from ..models import LetterDirection
from ..models import LetterTemplate
from ..models.correspondence import CORRESPONDENT_MAX_LENGTH
from ..models.correspondence import LETTER_SUBJECT_MAX_LENGTH
from ..roles import user_has_any_role
from ..selectors.correspondence import correspondence_listed
from ..selectors.correspondence import correspondence_visible
from ..selectors.correspondence import letter_templates_in_force
from ..services.access_log import record_access
from ..services.attachments import ALLOWED_LABELS
from ..services.correspondence import GENERATED_KINDS
from ..services.correspondence import TEMPLATE_KINDS
from ..services.correspondence import TEMPLATE_ROLES
from ..services.correspondence import correspondence_preview
from ..services.correspondence import correspondence_register_received
from ..services.correspondence import correspondence_send
from ..services.correspondence import letter_template_save
from .attachments import AttachmentOutSerializer
from .fields import FormIdField
from .fields import IdField
from .fields import StrictCharField
from .fields import StrictDateField
from .fields import StrictSerializer
from .fields import enum_field
from .fields import parse_id
from .fields import reject_unknown
from .fields import visible_request
from .parsers import JSONParser
from .requests import REQUEST_ID
from .requests import api_url
from .schemas import COMMON_ERRORS
from .schemas import RULE_ERRORS

MAX_FILES = 20
MAX_ATTACHMENTS = 50

LetterKindField = enum_field("LetterKind", CorrespondenceKind.choices)
SentLetterKindField = enum_field(
    "SentLetterKind", [(k, CorrespondenceKind(k).label) for k in GENERATED_KINDS],
    description="Kinds generated from the office's templates (not the request letter itself).")
TemplateKindField = enum_field(
    "LetterTemplateKind", [(k, CorrespondenceKind(k).label) for k in TEMPLATE_KINDS],
    description=("Kinds of letter with an office template: the request letter (its subject, "
                 "opening and closing around {contents}) and every letter generated."))
LetterLanguageField = enum_field("LetterLanguage", [(code, code) for code in LETTER_LANGUAGES])
LetterChannelField = enum_field(
    "LetterChannel", [(v, label) for v, label in Channel.choices if v != "oral"], blank=True,
    description="How the letter went or came (a letter is never oral).")
LetterDirectionField = enum_field("LetterDirection", LetterDirection.choices)


# --- output ---------------------------------------------------------------------------------------
class FrozenDocumentSerializer(serializers.Serializer):
    """A document exactly as it was sent: its bytes hash to ``sha256``."""

    id = serializers.IntegerField()
    original_name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField(help_text="Bytes.")
    sha256 = serializers.CharField()

    class Meta:
        ref_name = "FrozenDocument"


class CorrespondenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    request = serializers.IntegerField(source="request_id")
    direction = LetterDirectionField()
    kind = LetterKindField()
    kind_label = serializers.CharField(source="get_kind_display")
    dated_on = serializers.DateField(help_text="The day it was sent (ours) or received (theirs).")
    channel = serializers.CharField(help_text="Empty when not stated.")
    our_reference = serializers.CharField()
    their_reference = serializers.CharField()
    correspondent = serializers.CharField(help_text="Addressee of a letter sent, sender of one "
                                                    "received.")
    subject = serializers.CharField()
    body = serializers.CharField(help_text="The generated text of a letter sent; the summary of "
                                           "one received.")
    missing_items = serializers.CharField()
    in_reply_to = serializers.IntegerField(source="in_reply_to_id", allow_null=True)
    reply_due_on = serializers.DateField(allow_null=True)
    language = serializers.CharField()
    document = FrozenDocumentSerializer(allow_null=True, help_text=(
        "The PDF sent (letters we sent); null for a letter received."))
    document_docx = FrozenDocumentSerializer(allow_null=True)
    document_url = serializers.SerializerMethodField()
    attachments = AttachmentOutSerializer(many=True)
    recorded_by = serializers.CharField(source="recorded_by.username")
    recorded_at = serializers.DateTimeField()

    class Meta:
        ref_name = "Correspondence"

    def get_document_url(self, letter: Correspondence) -> str | None:
        if letter.document_id is None:
            return None
        return api_url(self.context.get("request"), "api-correspondence-document", letter.pk)


class ReceivedOutcomeSerializer(serializers.Serializer):
    correspondence = CorrespondenceSerializer()
    moved = serializers.CharField(help_text=(
        "The transition the letter ran (supply_additional_info), or empty."))
    not_moved = serializers.CharField(help_text=(
        "Why the request did not move although the letter answers our request for additional "
        "information; empty otherwise."))

    class Meta:
        ref_name = "ReceivedLetterOutcome"


# --- input ----------------------------------------------------------------------------------------
class CorrespondencePreviewInput(StrictSerializer):
    """What the letter says depends on these; the rest of a send (attachments, the letter it
    answers, the version) does not change its text."""

    kind = SentLetterKindField()
    language = LetterLanguageField()
    channel = LetterChannelField(required=False)
    sent_on = StrictDateField(required=False, help_text="Default today; not in the future.")
    our_reference = StrictCharField(required=False, allow_blank=True,
                                    max_length=LETTER_REFERENCE_MAX_LENGTH)
    their_reference = StrictCharField(required=False, allow_blank=True,
                                      max_length=LETTER_REFERENCE_MAX_LENGTH)
    addressee = StrictCharField(required=False, allow_blank=True,
                                max_length=CORRESPONDENT_MAX_LENGTH)
    missing_items = StrictCharField(required=False, allow_blank=True,
                                    max_length=MISSING_ITEMS_MAX_LENGTH, help_text=(
                                        "What is missing: required for additional_info."))
    reply_due_on = StrictDateField(required=False, allow_null=True, help_text=(
        "After sent_on. Required for additional_info; a status_inquiry without one gets "
        "MLA_STATUS_INQUIRY_REPLY_DAYS."))
    body_extra = StrictCharField(required=False, allow_blank=True,
                                 max_length=LETTER_BODY_MAX_LENGTH,
                                 help_text="Text added after the template's.")

    class Meta:
        ref_name = "LetterPreviewInput"


class CorrespondenceSendInput(CorrespondencePreviewInput):
    in_reply_to_id = IdField(required=False, allow_null=True,
                             help_text="A letter received on this request that this answers.")
    attachment_ids = serializers.ListField(child=IdField(), required=False,
                                           max_length=MAX_ATTACHMENTS,
                                           help_text="Attachments of this request sent with it.")
    version = IdField(required=False, help_text="The request's version you saw (optional).")

    class Meta:
        ref_name = "LetterSendInput"


class LetterBlockSerializer(serializers.Serializer):
    heading = serializers.CharField(allow_blank=True)
    lines = serializers.ListField(child=serializers.CharField(allow_blank=True))

    class Meta:
        ref_name = "LetterPreviewBlock"


class CorrespondencePreviewSerializer(serializers.Serializer):
    kind = serializers.CharField()
    language = serializers.CharField()
    subject = serializers.CharField(allow_blank=True)
    body = serializers.CharField(allow_blank=True)
    addressee = serializers.CharField(allow_blank=True)
    reply_due_on = serializers.DateField(allow_null=True)
    sender = serializers.ListField(child=serializers.CharField(allow_blank=True))
    recipient = serializers.ListField(child=serializers.CharField(allow_blank=True))
    references = serializers.ListField(child=serializers.CharField(allow_blank=True))
    opening = serializers.CharField(allow_blank=True)
    blocks = LetterBlockSerializer(many=True, help_text="Headed sections of the letter, if any.")
    closing = serializers.CharField(allow_blank=True)
    signature = serializers.ListField(child=serializers.CharField(allow_blank=True))

    class Meta:
        ref_name = "LetterPreview"


class RequestCorrespondencePreviewApi(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="requests_correspondence_preview",
        summary="Preview a letter before sending it",
        description=("The letter `POST …/correspondence/` would send with these inputs (subject, "
                     "text, layout), checked the same way; nothing is recorded."),
        parameters=[REQUEST_ID],
        request=CorrespondencePreviewInput,
        responses={200: CorrespondencePreviewSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 403: COMMON_ERRORS[403], 404: COMMON_ERRORS[404],
                   409: RULE_ERRORS[409]},
        tags=["correspondence"],
    )
    def post(self, request: Request, request_id: str) -> Response:
        obj = visible_request(request.user, request_id)
        serializer = CorrespondencePreviewInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("channel", None)
        draft = correspondence_preview(actor=request.user, request_id=obj.pk, **data)
        letter = draft.letter
        return Response(CorrespondencePreviewSerializer({
            "kind": draft.meta.kind, "language": draft.meta.language, "subject": draft.subject,
            "body": draft.body, "addressee": draft.addressee,
            "reply_due_on": draft.meta.reply_due_on, "sender": letter.sender,
            "recipient": letter.recipient, "references": letter.references,
            "opening": letter.opening, "closing": letter.closing,
            "signature": letter.signature,
            "blocks": [{"heading": block.heading, "lines": list(block.lines)}
                       for block in letter.blocks]}).data)


class CorrespondenceReceivedInput(StrictSerializer):
    """A letter received (multipart/form-data): its files and facts."""

    kind = LetterKindField()
    received_on = StrictDateField(required=False, help_text="Default today; not in the future.")
    channel = LetterChannelField(required=False)
    their_reference = StrictCharField(required=False, allow_blank=True,
                                      max_length=LETTER_REFERENCE_MAX_LENGTH)
    our_reference = StrictCharField(required=False, allow_blank=True,
                                    max_length=LETTER_REFERENCE_MAX_LENGTH)
    sender = StrictCharField(required=False, allow_blank=True,
                             max_length=CORRESPONDENT_MAX_LENGTH)
    subject = StrictCharField(required=False, allow_blank=True,
                              max_length=LETTER_SUBJECT_MAX_LENGTH)
    summary = StrictCharField(required=False, allow_blank=True, max_length=LETTER_BODY_MAX_LENGTH)
    in_reply_to_id = FormIdField(required=False, help_text=(
        "A letter we sent on this request that this answers."))
    attachment_ids = serializers.ListField(child=FormIdField(), required=False,
                                           max_length=MAX_ATTACHMENTS)
    files = serializers.ListField(
        child=serializers.FileField(allow_empty_file=True, use_url=False), required=False,
        max_length=MAX_FILES, help_text=(
            f"The letter's files ({ALLOWED_LABELS}); each checked like every attachment."))
    version = FormIdField(required=False, help_text="The request's version you saw (optional).")

    class Meta:
        ref_name = "LetterReceivedInput"


class LetterTemplateSerializer(serializers.Serializer):
    kind = TemplateKindField()
    language = LetterLanguageField()
    subject = serializers.CharField()
    body = serializers.CharField()
    updated_at = serializers.DateTimeField(allow_null=True)
    updated_by = serializers.CharField(source="updated_by.username", allow_null=True,
                                       default=None)
    is_default = serializers.BooleanField(default=False, help_text=(
        "The engine's default text: the office has not stored its own."))

    class Meta:
        ref_name = "LetterTemplate"


class PlaceholderSerializer(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField()


class LetterTemplatesSerializer(serializers.Serializer):
    placeholders = PlaceholderSerializer(many=True)
    templates = LetterTemplateSerializer(many=True)

    class Meta:
        ref_name = "LetterTemplates"


class LetterTemplateInput(StrictSerializer):
    kind = TemplateKindField()
    language = LetterLanguageField()
    subject = StrictCharField(max_length=LETTER_SUBJECT_MAX_LENGTH)
    body = StrictCharField(max_length=LETTER_BODY_MAX_LENGTH)

    class Meta:
        ref_name = "LetterTemplateInput"


# --- views ----------------------------------------------------------------------------------------
CORRESPONDENCE_ID = OpenApiParameter(
    "correspondence_id", OpenApiTypes.INT, OpenApiParameter.PATH,
    description="Id of the letter (404 when missing or its request is not visible).")
FILE_PARAMETER = OpenApiParameter(
    "file", OpenApiTypes.STR, OpenApiParameter.QUERY, enum=["pdf", "docx"],
    description="Which frozen document: pdf (default) or docx.")


def _letter_out(letter_id: int, request: Request) -> dict:
    letter = correspondence_listed().get(pk=letter_id)
    return CorrespondenceSerializer(letter, context={"request": request}).data


class RequestCorrespondenceApi(APIView):
    pagination_class = PageNumberPagination
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="requests_correspondence_list",
        summary="The request's letters, out and in",
        description=("Oldest first, 50 a page: kind, date, channel, references, addressee or "
                     "sender, reply date, the document sent with its SHA-256, attachments."),
        parameters=[REQUEST_ID],
        responses={200: CorrespondenceSerializer(many=True), 401: COMMON_ERRORS[401],
                   404: COMMON_ERRORS[404]},
        tags=["correspondence"],
    )
    def get(self, request: Request, request_id: str) -> Response:
        obj = visible_request(request.user, request_id)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(correspondence_listed().filter(request=obj), request,
                                           view=self)
        data = CorrespondenceSerializer(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        operation_id="requests_correspondence_send",
        summary="Send a letter",
        description=("Generates the letter of `kind` from the office's template in `language`, "
                     "stores the PDF and DOCX exactly as sent (SHA-256), records it and logs it "
                     "under the article it is sent under (office procedure where none). A reply "
                     "date sets the office-policy reminder `reply_due`. Clerks and prosecutors; "
                     "supervisors step in."),
        parameters=[REQUEST_ID],
        request=CorrespondenceSendInput,
        responses={201: CorrespondenceSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 403: COMMON_ERRORS[403], 404: COMMON_ERRORS[404],
                   409: RULE_ERRORS[409]},
        tags=["correspondence"],
    )
    def post(self, request: Request, request_id: str) -> Response:
        obj = visible_request(request.user, request_id)
        serializer = CorrespondenceSendInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        letter = correspondence_send(actor=request.user, request_id=obj.pk,
                                     expected_version=data.pop("version", None), **data)
        return Response(_letter_out(letter.pk, request), status=status.HTTP_201_CREATED)


class RequestCorrespondenceReceivedApi(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="requests_correspondence_received",
        summary="Register a letter received",
        description=("Multipart: the letter's facts and its files (each checked like every "
                     "attachment; stored as correspondence). A reply to our request for "
                     "additional information on an incoming request that awaits it resumes the "
                     "request (supply_additional_info); `not_moved` says why it did not where "
                     "it could not. A reply to any letter of ours meets its reminder."),
        parameters=[REQUEST_ID],
        request={"multipart/form-data": CorrespondenceReceivedInput},
        responses={201: ReceivedOutcomeSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 403: COMMON_ERRORS[403], 404: COMMON_ERRORS[404],
                   409: RULE_ERRORS[409]},
        tags=["correspondence"],
    )
    def post(self, request: Request, request_id: str) -> Response:
        obj = visible_request(request.user, request_id)
        serializer = CorrespondenceReceivedInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        try:
            outcome = correspondence_register_received(
                actor=request.user, request_id=obj.pk, expected_version=data.pop("version", None),
                uploaded_files=data.pop("files", []), **data)
        except InvalidInput as exc:
            # The service names the files ``uploaded_files``; here they are ``files``.
            raise InvalidInput({("files" if name == "uploaded_files" else name): message
                                for name, message in exc.errors.items()}) from None
        body = {"correspondence": _letter_out(outcome.correspondence.pk, request),
                "moved": outcome.moved, "not_moved": outcome.not_moved}
        return Response(body, status=status.HTTP_201_CREATED)


_DOCUMENT_TYPES = ("application/pdf",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


class CorrespondenceDocumentApi(APIView):
    # The file goes out as it is whatever the client says it accepts; errors are JSON.
    def perform_content_negotiation(self, request, force=False):
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        operation_id="correspondence_document",
        summary="Download the document sent",
        description=("The letter exactly as it was sent (its bytes hash to the `sha256` shown), "
                     "to whoever may see its request; always as a download. A letter received "
                     "has no generated document (404): its files are its attachments."),
        parameters=[CORRESPONDENCE_ID, FILE_PARAMETER],
        responses={**{(200, media): OpenApiResponse(OpenApiTypes.BINARY, description=(
            "The document, as an attachment.")) for media in _DOCUMENT_TYPES},
            400: COMMON_ERRORS[400], 401: COMMON_ERRORS[401], 404: COMMON_ERRORS[404]},
        tags=["correspondence"],
    )
    def get(self, request: Request, correspondence_id: str):
        reject_unknown(request.query_params, ("file",))
        which = request.query_params.get("file", "pdf")
        if which not in ("pdf", "docx"):
            raise InvalidInput({"file": str(_("Choose pdf or docx."))})
        pk = parse_id(correspondence_id)
        if pk is None:
            raise RequestNotFound(correspondence_id)
        letter = correspondence_visible(user=request.user, correspondence_id=pk)
        document: Attachment | None = (letter.document if which == "pdf"
                                       else letter.document_docx)
        if document is None:
            raise RequestNotFound(pk)
        try:
            handle = document.file.open("rb")
        except (FileNotFoundError, OSError):
            raise RequestNotFound(pk) from None
        record_access(user=request.user, request_id=letter.request_id,
                      what=AccessKind.CORRESPONDENCE_DOWNLOADED, channel=AccessChannel.API,
                      object_id=document.pk, label=document.original_name)
        response = FileResponse(handle, as_attachment=True, filename=document.original_name,
                                content_type=document.content_type)
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        response["X-Content-SHA256"] = document.sha256
        return response


class LetterTemplatesApi(APIView):
    parser_classes = [JSONParser]

    def _check(self, request: Request) -> None:
        if not user_has_any_role(request.user, TEMPLATE_ROLES):
            raise ActionNotPermitted()

    @extend_schema(
        operation_id="letter_templates_list",
        summary="The office's letter templates",
        description=("Every template (kind and language) as letters are generated from it — "
                     "the office's, or the default text where it has none (`is_default`) — "
                     "with the placeholders a text may use. Supervisors and administrators."),
        responses={200: LetterTemplatesSerializer, 401: COMMON_ERRORS[401],
                   403: COMMON_ERRORS[403]},
        tags=["correspondence"],
    )
    def get(self, request: Request) -> Response:
        self._check(request)
        data = {"placeholders": [{"name": name, "description": str(text)}
                                 for name, text in PLACEHOLDERS.items()],
                "templates": letter_templates_in_force(TEMPLATE_KINDS, LETTER_LANGUAGES)}
        return Response(LetterTemplatesSerializer(data).data)

    @extend_schema(
        operation_id="letter_templates_update",
        summary="Change a letter template",
        description=("Creates or replaces the template of `kind` in `language`. Placeholders "
                     "are written {name} (see the list); an unknown one, a format or an "
                     "attribute is refused (400 naming the field); {{ and }} are literal "
                     "braces. Supervisors and administrators."),
        request=LetterTemplateInput,
        responses={200: LetterTemplateSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 403: COMMON_ERRORS[403]},
        tags=["correspondence"],
    )
    def put(self, request: Request) -> Response:
        self._check(request)
        serializer = LetterTemplateInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        template = letter_template_save(actor=request.user, **serializer.validated_data)
        template = LetterTemplate.objects.select_related("updated_by").get(pk=template.pk)
        return Response(LetterTemplateSerializer(template).data)


_ID = r"(?P<request_id>[^/]+)"
urlpatterns = [
    re_path(rf"^requests/{_ID}/correspondence/$", RequestCorrespondenceApi.as_view(),
            name="api-request-correspondence"),
    re_path(rf"^requests/{_ID}/correspondence/preview/$",
            RequestCorrespondencePreviewApi.as_view(), name="api-request-correspondence-preview"),
    re_path(rf"^requests/{_ID}/correspondence/received/$",
            RequestCorrespondenceReceivedApi.as_view(),
            name="api-request-correspondence-received"),
    re_path(r"^correspondence/(?P<correspondence_id>[^/]+)/document/$",
            CorrespondenceDocumentApi.as_view(), name="api-correspondence-document"),
    re_path(r"^letter-templates/$", LetterTemplatesApi.as_view(), name="api-letter-templates"),
]
