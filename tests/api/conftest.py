"""API test clients, authenticated with a real token, time frozen at NOW.

One client per role (tests/_roles.py): ``prosecutor_api``, ``clerk_api``, ``police_clerk_api``,
``police_prosecutor_api``, ``supervisor_api``, ``other_office_api`` (must get 404, never data,
for kz-gpo's requests), ``roleless_api``; and ``anonymous_api``, with no credentials.
"""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests import _roles

NOW = _roles.NOW
frozen_now = _roles.frozen_now


def _api_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    client.user = user
    return client


globals().update(_roles.role_fixtures(_api_client, "api"))


@pytest.fixture
def anonymous_api():
    return APIClient()
