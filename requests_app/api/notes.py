"""API: a request's internal notes (the office's own remarks, never sent to the other side).

    GET  /api/requests/{request_id}/notes/     the notes, newest first, 50 a page
    POST /api/requests/{request_id}/notes/     add one (``services.notes.note_add``)

Everyone who may see the request reads and writes its notes; a request one may not see, like a
missing one, is 404. A note is never edited: adding one logs "note_added" (office procedure)
and leaves the request's version as it was.
"""

from __future__ import annotations

from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ..models import NOTE_MAX_LENGTH
from ..models import RequestNote
from ..selectors.requests import request_notes
from ..services.notes import note_add
from .fields import StrictCharField
from .fields import StrictSerializer
from .fields import visible_request
from .parsers import JSONParser
from .schemas import COMMON_ERRORS


class NoteSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    author = serializers.CharField(source="author.username", help_text=_("Who wrote it."))
    author_name = serializers.SerializerMethodField(help_text=_(
        "The author's full name, or the username where none is recorded."))
    created_at = serializers.DateTimeField()

    class Meta:
        ref_name = "RequestNote"

    def get_author_name(self, note: RequestNote) -> str:
        return note.author.get_full_name() or note.author.get_username()


class NoteInputSerializer(StrictSerializer):
    text = StrictCharField(max_length=NOTE_MAX_LENGTH, help_text=_(
        "The note; NUL characters are refused."))

    class Meta:
        ref_name = "RequestNoteInput"


REQUEST_ID = OpenApiParameter("request_id", OpenApiTypes.INT, OpenApiParameter.PATH,
                              description="Id of the request (404 when missing or not visible).")


class RequestNotesApi(APIView):
    pagination_class = PageNumberPagination
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="requests_notes_list",
        summary="The request's internal notes",
        description=("Newest first, with author and time, 50 a page. Internal to the office: "
                     "no letter or notice to the other side carries them."),
        parameters=[REQUEST_ID],
        responses={200: NoteSerializer(many=True), 401: COMMON_ERRORS[401],
                   404: COMMON_ERRORS[404]},
        tags=["requests"],
    )
    def get(self, request: Request, request_id: str) -> Response:
        obj = visible_request(request.user, request_id)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(request_notes(user=request.user, request_id=obj.pk),
                                           request, view=self)
        return paginator.get_paginated_response(NoteSerializer(page, many=True).data)

    @extend_schema(
        operation_id="requests_notes_create",
        summary="Add an internal note",
        description=(f"Anyone who may see the request; at most {NOTE_MAX_LENGTH} characters. "
                     "Logged as note_added (office procedure); the request's version does not "
                     "change."),
        parameters=[REQUEST_ID],
        request=NoteInputSerializer,
        responses={201: NoteSerializer, 400: COMMON_ERRORS[400], 401: COMMON_ERRORS[401],
                   404: COMMON_ERRORS[404]},
        tags=["requests"],
    )
    def post(self, request: Request, request_id: str) -> Response:
        obj = visible_request(request.user, request_id)
        serializer = NoteInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        note = note_add(actor=request.user, request_id=obj.pk,
                        text=serializer.validated_data["text"])
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)


_ID = r"(?P<request_id>[^/]+)"
urlpatterns = [
    re_path(rf"^requests/{_ID}/notes/$", RequestNotesApi.as_view(), name="api-request-notes"),
]
