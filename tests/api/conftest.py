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


@pytest.fixture(autouse=True)
def tokens_outlive_the_time_travel(settings):
    """The API clients of these tests stand for one signed-in session each, which outlives the
    hours and days the rule tests travel through; the lifetime itself is tested in
    test_hostile_bodies.py, which reads it from the settings."""
    settings.MLA_API_TOKEN_HOURS = 24 * 365


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
