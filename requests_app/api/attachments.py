"""API: a request's attachments.

    GET   /api/requests/{request_id}/attachments/      its attachments
    POST  /api/requests/{request_id}/attachments/      attach a file (multipart,
                                                       ``attachment_add``)
    GET   /api/attachments/{attachment_id}/download/   the file itself

Size, type and content are checked by ``services.attachments`` (one set of limits for the web app
and the API). Every read goes through ``requests_app.access``: an attachment of a request the
caller may not see answers 404, like a missing one.
"""

from __future__ import annotations

from django.http import FileResponse
from django.urls import re_path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import OpenApiResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ..access import access_request_by_id
from ..exceptions import InvalidInput
from ..exceptions import RequestNotFound
from ..models import AccessChannel
from ..models import Attachment
from ..models import AttachmentCategory
from ..models import AttachmentKind
from ..services.access_log import record_attachment_access
from ..services.attachments import ALLOWED_LABELS
from ..services.attachments import ALLOWED_TYPES
from ..services.attachments import DEFAULT_MAX_BYTES
from ..services.attachments import UPLOADABLE_KINDS
from ..services.attachments import attachment_add
from .fields import FormIdField
from .fields import StrictChoiceField
from .fields import StrictSerializer
from .requests import REQUEST_ID
from .requests import api_url
from .requests import path_id
from .schemas import COMMON_ERRORS
from .schemas import RULE_ERRORS

ATTACHMENT_ID = OpenApiParameter(
    "attachment_id", int, OpenApiParameter.PATH,
    description="Id of the attachment (404 when missing or its request is not visible).")


class AttachmentOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    request = serializers.IntegerField(source="request_id")
    kind = serializers.CharField(help_text=", ".join(AttachmentKind.values) + ".")
    kind_label = serializers.CharField(source="get_kind_display")
    category = serializers.ChoiceField(choices=AttachmentCategory.choices,
                                       help_text="How the request page groups it.")
    original_name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField(help_text="Bytes.")
    sha256 = serializers.CharField()
    uploaded_by = serializers.CharField(source="uploaded_by.username")
    uploaded_at = serializers.DateTimeField()
    download_url = serializers.SerializerMethodField()

    def get_download_url(self, obj) -> str:
        return api_url(self.context.get("request"), "api-attachment-download", obj.pk)


class AttachmentUploadInputSerializer(StrictSerializer):
    """A file to attach (multipart/form-data). Any other field is refused."""

    kind = StrictChoiceField(choices=[(k, AttachmentKind(k).label) for k in UPLOADABLE_KINDS])
    # Size, type and content are checked by ``services.attachments`` (one set of limits for the
    # web app and the API), so an empty file is left to it too.
    file = serializers.FileField(allow_empty_file=True, use_url=False, help_text=(
        f"{ALLOWED_LABELS}, within MLA_ATTACHMENT_MAX_BYTES "
        f"({DEFAULT_MAX_BYTES // (1024 * 1024)} MB by default); the content must match the "
        "extension."))
    # A multipart body carries text: the version is written as digits.
    version = FormIdField(required=False, help_text="The request's version you saw (optional).")


class RequestAttachmentsApi(APIView):
    # A request's attachments: GET lists them (one operation), POST adds one (another).
    pagination_class = PageNumberPagination
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="requests_attachments_list",
        summary="A request's attachments",
        description="Oldest first, 50 a page.",
        parameters=[REQUEST_ID],
        responses={200: AttachmentOutSerializer(many=True), 401: COMMON_ERRORS[401],
                   404: COMMON_ERRORS[404]},
        tags=["attachments"],
    )
    def get(self, request, request_id: str):
        obj = access_request_by_id(user=request.user, request_id=path_id(request_id))
        qs = (Attachment.objects.filter(request=obj).select_related("uploaded_by")
              .order_by("uploaded_at", "id"))
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(qs, request, view=self)
        data = AttachmentOutSerializer(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        operation_id="requests_attachments_create",
        summary="Attach a file",
        description=("Multipart upload by prosecutors and clerks (supervisors step in). Size, "
                     "extension and content are checked (the first bytes must be those of the "
                     "format the extension claims); errors name the field. Not on closed or "
                     "withdrawn requests."),
        parameters=[REQUEST_ID],
        request=AttachmentUploadInputSerializer,
        responses={201: AttachmentOutSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 403: COMMON_ERRORS[403], 404: COMMON_ERRORS[404],
                   409: RULE_ERRORS[409]},
        tags=["attachments"],
    )
    def post(self, request, request_id: str):
        pk = path_id(request_id)
        access_request_by_id(user=request.user, request_id=pk)
        serializer = AttachmentUploadInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            attachment = attachment_add(actor=request.user, request_id=pk, kind=data["kind"],
                                        uploaded_file=data["file"],
                                        expected_version=data.get("version"))
        except InvalidInput as exc:
            # The service names the file ``uploaded_file`` (the web form's field); here it is
            # ``file``.
            raise InvalidInput({("file" if name == "uploaded_file" else name): message
                                for name, message in exc.errors.items()}) from None
        attachment = Attachment.objects.select_related("uploaded_by").get(pk=attachment.pk)
        return Response(AttachmentOutSerializer(attachment, context={"request": request}).data,
                        status=status.HTTP_201_CREATED)


_FILE_TYPES = sorted({allowed.content_type for allowed in ALLOWED_TYPES.values()})


class AttachmentDownloadApi(APIView):
    # The file goes out as it is whatever the client says it accepts; errors are JSON.
    def perform_content_negotiation(self, request, force=False):
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        operation_id="attachments_download",
        summary="Download an attachment",
        description=("The file, to whoever may see its request; always as a download "
                     "(Content-Disposition: attachment), never inline."),
        parameters=[ATTACHMENT_ID],
        responses={**{(200, media): OpenApiResponse(OpenApiTypes.BINARY, description=(
            "The file, with its own content type, as an attachment.")) for media in _FILE_TYPES},
            401: COMMON_ERRORS[401], 404: COMMON_ERRORS[404]},
        tags=["attachments"],
    )
    def get(self, request, attachment_id: str):
        pk = path_id(attachment_id)
        request_id = (Attachment.objects.filter(pk=pk).values_list("request_id", flat=True)
                      .first())
        if request_id is None:
            raise RequestNotFound(pk)  # the same answer as an attachment you may not see
        access_request_by_id(user=request.user, request_id=request_id)
        attachment = Attachment.objects.get(pk=pk)
        try:
            handle = attachment.file.open("rb")
        except (FileNotFoundError, OSError):
            raise RequestNotFound(pk) from None
        record_attachment_access(user=request.user, attachment=attachment,
                                 channel=AccessChannel.API)
        response = FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                                content_type=attachment.content_type)
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


urlpatterns = [
    re_path(r"^requests/(?P<request_id>[^/]+)/attachments/$", RequestAttachmentsApi.as_view(),
            name="api-request-attachments"),
    re_path(r"^attachments/(?P<attachment_id>[^/]+)/download/$", AttachmentDownloadApi.as_view(),
            name="api-attachment-download"),
]
