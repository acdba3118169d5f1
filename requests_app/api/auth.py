"""Token sign-in for API clients: username and password in, a token out."""

from axes.handlers.proxy import AxesProxyHandler
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers
from rest_framework import status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import FormParser
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from mla.limits import PASSWORD_MAX_LENGTH
from mla.limits import USERNAME_MAX_LENGTH
from mla.middleware import NUL

from .parsers import JSONParser
from .schemas import error
from .tokens import token_for


class BoundedAuthTokenSerializer(AuthTokenSerializer):
    """DRF's sign-in input with bounded fields (``mla.limits``)."""

    username = serializers.CharField(label=gettext_lazy("Username"), write_only=True,
                                     max_length=USERNAME_MAX_LENGTH)
    password = serializers.CharField(label=gettext_lazy("Password"), style={"input_type": "password"},
                                     trim_whitespace=False, write_only=True,
                                     max_length=PASSWORD_MAX_LENGTH)

    class Meta:
        ref_name = "AuthToken"


class TokenObtainView(ObtainAuthToken):
    """POST username and password (form or JSON); answers the user's API token."""

    # DRF's view names its own parsers: ours bounds the JSON depth (issue 12, defect 1).
    parser_classes = (FormParser, MultiPartParser, JSONParser)
    serializer_class = BoundedAuthTokenSerializer

    @extend_schema(
        operation_id="auth_token_obtain",
        request=BoundedAuthTokenSerializer,
        responses={
            200: inline_serializer("TokenOut", {"token": serializers.CharField()}),
            400: error("Wrong username or password, or a field missing."),
            429: error("Too many failed sign-ins for this user name from this address: locked "
                       "out for MLA_LOGIN_LOCKOUT_MINUTES, the right password included."),
        },
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        username = request.data.get("username") if hasattr(request.data, "get") else None
        # django-axes counts the failures (through Django's authenticate); the token endpoint
        # says a lockout is one, as the web login does, instead of "wrong password". A name
        # holding NUL names no user and PostgreSQL cannot even compare it: the serializer
        # refuses it below (400), as it does any bad field.
        if isinstance(username, str) and NUL not in username and AxesProxyHandler.is_locked(
                request._request, credentials={"username": username}):
            return Response({"type": "throttled", "detail": str(_(
                "Too many failed sign-ins: try again later.")), "errors": {},
                "violations": []}, status=status.HTTP_429_TOO_MANY_REQUESTS)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response({"token": token_for(serializer.validated_data["user"]).key})
