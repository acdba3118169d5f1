"""API: a request's documents, as the request page's documents panel shows them.

    GET /api/requests/{request_id}/documents/     the letter (downloads per language), its frozen
                                                  versions with the one transmitted, and the
                                                  attachments grouped by category
    GET /api/letter-versions/{version_id}/pdf     a frozen version's PDF, exactly as frozen
    GET /api/letter-versions/{version_id}/docx    its DOCX
    GET /api/requests/{request_id}/letter/{pdf|docx}?language=kk
                                                  the letter as it stands, generated now

Every read goes through ``requests_app.access``: a request (or a version of its letter) the
caller may not see answers 404, like a missing one. The reads are
``selectors.documents.request_documents``: a constant number of queries whatever the number of
versions and attachments.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse
from django.http import HttpResponse
from django.urls import re_path
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import OpenApiResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ..access import access_request_by_id
from ..documents import letters
from ..documents.letters import LETTER_LANGUAGES
from ..exceptions import InvalidInput
from ..exceptions import RequestNotFound
from ..models import AccessChannel
from ..models import AccessKind
from ..models import AttachmentCategory
from ..models import Direction
from ..models import LetterEvent
from ..models import LetterVersion
from ..selectors.documents import request_documents
from ..services.access_log import record_access
from ..services.documents import DOCX_CONTENT_TYPE
from ..services.documents import PDF_CONTENT_TYPE
from ..services.documents import request_letter_language
from .attachments import AttachmentOutSerializer
from .fields import enum_field
from .fields import parse_id
from .fields import reject_unknown
from .fields import visible_request
from .requests import api_url
from .schemas import COMMON_ERRORS

LetterEventField = enum_field("LetterEvent", [(e.value, str(e.label)) for e in LetterEvent])


class CurrentLetterSerializer(serializers.Serializer):
    language = serializers.CharField(help_text="kk, ru or en.")
    pdf_url = serializers.CharField(help_text="The letter as it stands now, generated on request.")
    docx_url = serializers.CharField()

    class Meta:
        ref_name = "CurrentLetter"


class LetterVersionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField(help_text="1, 2, ... per request.")
    event = LetterEventField(help_text="The step that froze it.")
    event_label = serializers.CharField(source="get_event_display")
    language = serializers.CharField()
    request_version = serializers.IntegerField(help_text=(
        "The request's version whose contents the letter shows (the step then advanced it)."))
    transmitted = serializers.SerializerMethodField(help_text=(
        "This is the version that went to the other side."))
    created_by = serializers.CharField(source="created_by.username")
    created_at = serializers.DateTimeField()
    pdf_attachment = serializers.IntegerField(source="pdf_id")
    pdf_size = serializers.IntegerField(source="pdf.size", help_text="Bytes.")
    pdf_sha256 = serializers.CharField()
    pdf_url = serializers.SerializerMethodField()
    docx_attachment = serializers.IntegerField(source="docx_id")
    docx_size = serializers.IntegerField(source="docx.size", help_text="Bytes.")
    docx_sha256 = serializers.CharField()
    docx_url = serializers.SerializerMethodField()

    class Meta:
        ref_name = "LetterVersion"

    def get_transmitted(self, obj: LetterVersion) -> bool:
        return obj.pk == self.context.get("transmitted_id")

    def get_pdf_url(self, obj: LetterVersion) -> str:
        return api_url(self.context.get("request"), "api-letter-version-pdf", obj.pk)

    def get_docx_url(self, obj: LetterVersion) -> str:
        return api_url(self.context.get("request"), "api-letter-version-docx", obj.pk)


class AttachmentGroupSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=AttachmentCategory.choices)
    label = serializers.CharField()
    attachments = AttachmentOutSerializer(many=True)

    class Meta:
        ref_name = "AttachmentGroup"


class RequestDocumentsSerializer(serializers.Serializer):
    request = serializers.IntegerField(help_text="The request's id.")
    reference = serializers.CharField()
    has_letter = serializers.BooleanField(help_text=(
        "An outgoing request has a letter of ours; an incoming one comes as the other side's "
        "documents (among its attachments)."))
    letter_language = serializers.CharField(help_text=(
        "The language the letter is frozen in: the request's own where it is kk, ru or en and "
        "the instrument accepts it; en where the instrument makes English the working "
        "language (CZ 9.6, SK, RS 4.1, BR 23.2); else the request's own if kk, ru or en, "
        "else ru."))
    current_letter = CurrentLetterSerializer(many=True, help_text=(
        "The letter as it stands, in each language (empty for an incoming request)."))
    letter_versions = LetterVersionSerializer(many=True, help_text=(
        "Frozen at submission for review, approval and transmission; oldest first."))
    transmitted_version = serializers.IntegerField(allow_null=True, help_text=(
        "Id of the version that went to the other side; null before transmission."))
    dispatched_on = serializers.DateField(allow_null=True)
    dispatch_reference = serializers.CharField(allow_blank=True)
    attachment_groups = AttachmentGroupSerializer(many=True, help_text=(
        "Every category in order (the request, translations, originals, evidence and results, "
        "correspondence, other), each with its attachments oldest first. The files of the "
        "frozen letter versions are listed with their versions, not here."))

    class Meta:
        ref_name = "RequestDocuments"


class RequestDocumentsApi(APIView):
    @extend_schema(
        operation_id="requests_documents",
        summary="A request's documents",
        description=(
            "The letter as it stands (downloads per language), its frozen versions (number, "
            "step, date, who, SHA-256, downloads) with the one transmitted marked, the dispatch "
            "date and outgoing number recorded on transmission, and every attachment grouped "
            "by category. 404 when the request does not exist or is not visible to you."),
        parameters=[OpenApiParameter("request_id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={200: RequestDocumentsSerializer, 401: COMMON_ERRORS[401],
                   404: COMMON_ERRORS[404]},
        tags=["attachments"],
    )
    def get(self, request: Request, request_id: str) -> Response:
        obj = visible_request(request.user, request_id)
        files = request_documents(obj)
        current = [{"language": code,
                    "pdf_url": api_url(request, "api-request-letter-pdf", obj.pk)
                    + f"?language={code}",
                    "docx_url": api_url(request, "api-request-letter-docx", obj.pk)
                    + f"?language={code}"}
                   for code in LETTER_LANGUAGES] if files.has_letter else []
        transmitted_id = files.transmitted.pk if files.transmitted else None
        context: dict[str, Any] = {"request": request, "transmitted_id": transmitted_id}
        data = {
            "request": obj.pk, "reference": obj.reference, "has_letter": files.has_letter,
            "letter_language": files.letter_language, "current_letter": current,
            "letter_versions": files.versions, "transmitted_version": transmitted_id,
            "dispatched_on": obj.dispatched_on, "dispatch_reference": obj.dispatch_reference,
            "attachment_groups": [{"category": group.category.value, "label": group.label,
                                   "attachments": group.attachments}
                                  for group in files.groups],
        }
        return Response(RequestDocumentsSerializer(data, context=context).data)


VERSION_ID = OpenApiParameter(
    "version_id", int, OpenApiParameter.PATH,
    description="Id of the letter version (404 when missing or its request is not visible).")


class _LetterVersionFileApi(APIView):
    file_field = ""

    # The file goes out as it is whatever the client says it accepts; errors are JSON.
    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        return super().perform_content_negotiation(request, force=True)

    def get(self, request: Request, version_id: str) -> FileResponse:
        pk = parse_id(version_id)
        version = (LetterVersion.objects.filter(pk=pk).select_related(self.file_field).first()
                   if pk is not None else None)
        if version is None:
            raise RequestNotFound(version_id)  # the same answer as a version you may not see
        access_request_by_id(user=request.user, request_id=version.request_id)
        attachment = getattr(version, self.file_field)
        try:
            handle = attachment.file.open("rb")
        except (FileNotFoundError, OSError):
            raise RequestNotFound(version_id) from None
        record_access(user=request.user, request_id=version.request_id,
                      what=AccessKind.LETTER_VERSION_DOWNLOADED, channel=AccessChannel.API,
                      object_id=version.pk, label=attachment.original_name)
        response = FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                                content_type=attachment.content_type)
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


def _download_schema(kind: str, media: str) -> Any:
    return extend_schema(
        operation_id=f"letter_versions_{kind}",
        summary=f"Download a frozen letter version ({kind.upper()})",
        description=(f"The {kind.upper()} exactly as frozen (its SHA-256 is the version's "
                     f"{kind}_sha256), to whoever may see the request; always as a download."),
        parameters=[VERSION_ID],
        responses={(200, media): OpenApiResponse(OpenApiTypes.BINARY, description="The file."),
                   401: COMMON_ERRORS[401], 404: COMMON_ERRORS[404]},
        tags=["attachments"],
    )


class LetterVersionPdfApi(_LetterVersionFileApi):
    file_field = "pdf"

    @_download_schema("pdf", PDF_CONTENT_TYPE)
    def get(self, request: Request, version_id: str) -> FileResponse:
        return super().get(request, version_id)


class LetterVersionDocxApi(_LetterVersionFileApi):
    file_field = "docx"

    @_download_schema("docx", DOCX_CONTENT_TYPE)
    def get(self, request: Request, version_id: str) -> FileResponse:
        return super().get(request, version_id)


LANGUAGE = OpenApiParameter(
    "language", str, OpenApiParameter.QUERY, enum=list(LETTER_LANGUAGES),
    description="kk, ru or en (default: the language the letter is frozen in).")


class _CurrentLetterApi(APIView):
    """The letter of an outgoing request as it stands now, generated on each call (the web's
    "Download PDF/DOCX"); the versions handed on are frozen (``letter-versions``)."""

    kind = ""

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        return super().perform_content_negotiation(request, force=True)

    def get(self, request: Request, request_id: str) -> HttpResponse:
        reject_unknown(request.query_params, ("language",))
        language = request.query_params.get("language", "")
        if language and language not in LETTER_LANGUAGES:
            raise InvalidInput({"language": str(_("Choose Kazakh, Russian or English."))})
        obj = visible_request(request.user, request_id)
        if obj.direction != Direction.OUTGOING:
            raise InvalidInput({"request_id": str(_(
                "A request we received has no letter of ours: its documents are its "
                "attachments."))})
        letter = letters.letter_build(obj, language=language or request_letter_language(obj))
        if self.kind == "pdf":
            content, media = letters.letter_pdf_bytes(letter), PDF_CONTENT_TYPE
        else:
            content, media = letters.letter_docx_bytes(letter), DOCX_CONTENT_TYPE
        filename = f"{letter.reference}-{letter.language}.{self.kind}"
        record_access(user=request.user, request_id=obj.pk, what=AccessKind.LETTER_DOWNLOADED,
                      channel=AccessChannel.API, label=filename)
        response = HttpResponse(content, content_type=media)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


def _current_schema(kind: str, media: str) -> Any:
    return extend_schema(
        operation_id=f"requests_letter_{kind}",
        summary=f"The request letter as it stands ({kind.upper()})",
        description=("Generated now from the request's contents, A4, in the language asked for; "
                     "for outgoing requests only (400 for one we received)."),
        parameters=[OpenApiParameter("request_id", OpenApiTypes.INT, OpenApiParameter.PATH),
                    LANGUAGE],
        responses={(200, media): OpenApiResponse(OpenApiTypes.BINARY, description="The file."),
                   400: COMMON_ERRORS[400], 401: COMMON_ERRORS[401], 404: COMMON_ERRORS[404]},
        tags=["attachments"],
    )


class CurrentLetterPdfApi(_CurrentLetterApi):
    kind = "pdf"

    @_current_schema("pdf", PDF_CONTENT_TYPE)
    def get(self, request: Request, request_id: str) -> HttpResponse:
        return super().get(request, request_id)


class CurrentLetterDocxApi(_CurrentLetterApi):
    kind = "docx"

    @_current_schema("docx", DOCX_CONTENT_TYPE)
    def get(self, request: Request, request_id: str) -> HttpResponse:
        return super().get(request, request_id)


urlpatterns = [
    re_path(r"^requests/(?P<request_id>[^/]+)/letter/pdf$", CurrentLetterPdfApi.as_view(),
            name="api-request-letter-pdf"),
    re_path(r"^requests/(?P<request_id>[^/]+)/letter/docx$", CurrentLetterDocxApi.as_view(),
            name="api-request-letter-docx"),
    re_path(r"^requests/(?P<request_id>[^/]+)/documents/$", RequestDocumentsApi.as_view(),
            name="api-request-documents"),
    re_path(r"^letter-versions/(?P<version_id>[^/]+)/pdf$", LetterVersionPdfApi.as_view(),
            name="api-letter-version-pdf"),
    re_path(r"^letter-versions/(?P<version_id>[^/]+)/docx$", LetterVersionDocxApi.as_view(),
            name="api-letter-version-docx"),
]
