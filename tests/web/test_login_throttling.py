"""Sign-in throttling (issue 12, defect 5): 40 wrong passwords and then the right one signed in,
on the web login and on the API's token endpoint. Now, after MLA_LOGIN_FAILURE_LIMIT failures,
the user name is locked out from that address, the right password included, on both."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import prosecutor

pytestmark = pytest.mark.django_db


def _web_login(client: Client, username: str, password: str):
    return client.post("/accounts/login/", {"username": username, "password": password})


def _token(client: APIClient, username: str, password: str):
    return client.post("/api/auth/token/", {"username": username, "password": password},
                       format="json")


def test_the_right_password_after_the_limit_of_wrong_ones_is_refused_on_the_web():
    user, client = prosecutor(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _web_login(client, user.username, "wrong")
    response = _web_login(client, user.username, "pw")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_one_wrong_password_fewer_than_the_limit_still_lets_the_right_one_in():
    user, client = prosecutor(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _web_login(client, user.username, "wrong")
    assert _web_login(client, user.username, "pw").status_code == 302


def test_the_token_endpoint_locks_out_after_the_limit_too():
    user, client = prosecutor(), APIClient()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert _token(client, user.username, "wrong").status_code == 400
    response = _token(client, user.username, "pw")
    assert response.status_code == 429
    assert "token" not in response.json()


def test_a_lockout_of_one_user_name_leaves_another_free():
    locked, other, client = prosecutor(), prosecutor(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _web_login(client, locked.username, "wrong")
    assert _web_login(client, other.username, "pw").status_code == 302
