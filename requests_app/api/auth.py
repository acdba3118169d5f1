"""Token sign-in for API clients: username and password in, a token out."""

from drf_spectacular.utils import extend_schema
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import FormParser
from rest_framework.parsers import MultiPartParser

from .parsers import JSONParser
from .schemas import error


class TokenObtainView(ObtainAuthToken):
    """POST username and password (form or JSON); answers the user's API token."""

    # DRF's view names its own parsers: ours bounds the JSON depth (issue 12, defect 1).
    parser_classes = (FormParser, MultiPartParser, JSONParser)

    @extend_schema(
        operation_id="auth_token_obtain",
        request=AuthTokenSerializer,
        responses={
            200: inline_serializer("TokenOut", {"token": serializers.CharField()}),
            400: error("Wrong username or password, or a field missing."),
        },
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
