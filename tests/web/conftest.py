"""Shared fixtures for the web tests: time frozen at NOW, and one signed-in client per role
(tests/_roles.py): ``prosecutor_client``, ``clerk_client``, ``police_clerk_client``,
``police_prosecutor_client``, ``supervisor_client``, ``other_office_client`` (sees none of
kz-gpo's requests), ``roleless_client``."""

from django.test import Client

from tests import _roles

NOW = _roles.NOW
frozen_now = _roles.frozen_now


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


globals().update(_roles.role_fixtures(SignedInClient, "client"))
