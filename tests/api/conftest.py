"""API test clients: one per role, authenticated with a real token, time frozen at NOW."""

from datetime import datetime

import pytest
import time_machine
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import UserFactory
from tests.factories import clerk
from tests.factories import prosecutor
from tests.factories import supervisor
from treaties.rules.calendar import ALMATY

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY)


@pytest.fixture
def frozen_now():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _api_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    client.user = user
    return client


@pytest.fixture
def prosecutor_api(db):
    return _api_client(prosecutor("kz-gpo"))


@pytest.fixture
def clerk_api(db):
    return _api_client(clerk("kz-gpo"))


@pytest.fixture
def police_clerk_api(db):
    return _api_client(clerk("kz-mvd"))


@pytest.fixture
def supervisor_api(db):
    return _api_client(supervisor())


@pytest.fixture
def other_office_api(db):
    """A prosecutor of another office: must get 404, never data, for kz-gpo's requests."""
    return _api_client(prosecutor("kz-prosecutor-astana"))


@pytest.fixture
def roleless_api(db):
    return _api_client(UserFactory())


@pytest.fixture
def anonymous_api():
    return APIClient()
