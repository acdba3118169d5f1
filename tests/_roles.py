"""The users the web and API tests act as, one per role, and the moment they freeze time at (not a
test module).

``role_fixtures(make_client, suffix)`` makes one fixture per role of ``USERS``, named
``<role>_<suffix>`` (``prosecutor_api``, ``clerk_client``...): each gives ``make_client(user)`` for
a new user of that role. tests/api/conftest.py and tests/web/conftest.py add them to their globals,
where pytest finds them.
"""

from collections.abc import Callable
from datetime import datetime

import pytest
import time_machine
from django.contrib.auth.models import User

from tests.factories import UserFactory
from tests.factories import clerk
from tests.factories import prosecutor
from tests.factories import supervisor
from treaties.rules.calendar import ALMATY

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY)

USERS: dict[str, Callable[[], User]] = {
    "prosecutor": lambda: prosecutor("kz-gpo"),
    "clerk": lambda: clerk("kz-gpo"),
    "police_clerk": lambda: clerk("kz-mvd"),
    "police_prosecutor": lambda: prosecutor("kz-mvd"),
    "supervisor": supervisor,
    # A prosecutor of another office: sees none of kz-gpo's requests (the API answers 404, never
    # data).
    "other_office": lambda: prosecutor("kz-prosecutor-astana"),
    "roleless": UserFactory,
}


@pytest.fixture
def frozen_now():
    """Time frozen at NOW; ``frozen_now.shift(timedelta)`` moves it."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _role_fixture(name: str, make_user: Callable[[], User], make_client: Callable):
    def role_client(db):
        return make_client(make_user())

    role_client.__name__ = name
    return pytest.fixture(role_client, name=name)


def role_fixtures(make_client: Callable, suffix: str) -> dict:
    """``{"<role>_<suffix>": fixture}`` for every role of USERS."""
    return {f"{role}_{suffix}": _role_fixture(f"{role}_{suffix}", make_user, make_client)
            for role, make_user in USERS.items()}
