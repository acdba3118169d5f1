"""API: the officials who sign the office's letters.

    GET /api/signatories/?authority=<id>   the active signatories (of one authority), with name
                                           and position in kk, ru and en; any signed-in user

A draft names one by id (``PATCH /api/requests/{request_id}/`` with ``signatory``); the office
keeps the list in the admin (``services.signatories.signatory_save``).
"""

from __future__ import annotations

from django.urls import path
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.views import APIView

from ..services.signatories import signatories_active
from .fields import FormIdField
from .fields import StrictSerializer
from .fields import validated_query
from .schemas import COMMON_ERRORS
from .schemas import error


class SignatorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    authority = serializers.IntegerField(source="authority_id", help_text="Authority id.")
    name = serializers.SerializerMethodField(help_text="In the active language.")
    position = serializers.SerializerMethodField(help_text="In the active language.")
    name_kk = serializers.CharField()
    name_ru = serializers.CharField()
    name_en = serializers.CharField()
    position_kk = serializers.CharField()
    position_ru = serializers.CharField()
    position_en = serializers.CharField()
    order = serializers.IntegerField()

    def get_name(self, obj) -> str:
        return obj.name_in((translation.get_language() or "en")[:2])

    def get_position(self, obj) -> str:
        return obj.position_in((translation.get_language() or "en")[:2])


class SignatoryListApi(APIView):
    pagination_class = PageNumberPagination

    class QuerySerializer(StrictSerializer):
        extra_allowed = ("page",)
        authority = FormIdField(required=False)

    @extend_schema(
        operation_id="signatories_list",
        summary="List the signatories",
        description=("The active officials who sign the office's letters, in the office's "
                     "order; with authority, only that authority's. Any signed-in user."),
        parameters=[OpenApiParameter("authority", int, required=False,
                                     description="Authority id (the requesting authority of a "
                                                 "draft).")],
        responses={200: SignatorySerializer(many=True), 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 404: error("No such page.")},
        tags=["signatories"],
    )
    def get(self, request):
        query = validated_query(self.QuerySerializer, request)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(
            signatories_active(authority_id=query.get("authority")), request, view=self)
        return paginator.get_paginated_response(SignatorySerializer(page, many=True).data)


urlpatterns = [
    path("signatories/", SignatoryListApi.as_view(), name="api-signatory-list"),
]
