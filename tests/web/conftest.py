"""Shared fixtures for the web tests: one signed-in client per role, time frozen at NOW."""

from datetime import datetime

import pytest
import time_machine
from django.test import Client

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


class SignedInClient(Client):
    """Signs in on first use, so the session is made at whatever time the test froze."""

    def __init__(self, user):
        super().__init__()
        self.user, self._signed_in = user, False

    def request(self, **request):
        if not self._signed_in:
            self.force_login(self.user)
            self._signed_in = True
        return super().request(**request)


def _client_for(user) -> Client:
    return SignedInClient(user)


@pytest.fixture
def prosecutor_client(db):
    return _client_for(prosecutor("kz-gpo"))


@pytest.fixture
def clerk_client(db):
    return _client_for(clerk("kz-gpo"))


@pytest.fixture
def police_clerk_client(db):
    return _client_for(clerk("kz-mvd"))


@pytest.fixture
def supervisor_client(db):
    return _client_for(supervisor())


@pytest.fixture
def other_office_client(db):
    """A prosecutor of another office: sees none of kz-gpo's requests."""
    return _client_for(prosecutor("kz-prosecutor-astana"))


@pytest.fixture
def roleless_client(db):
    return _client_for(UserFactory())
