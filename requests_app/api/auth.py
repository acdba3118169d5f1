"""Token sign-in for API clients: username and password in, a token out."""

from drf_spectacular.utils import extend_schema
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken

from .schemas import error


class TokenObtainView(ObtainAuthToken):
    """POST username and password (form or JSON); answers the user's API token."""

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
