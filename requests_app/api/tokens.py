"""API tokens that expire and that a password change revokes (issue 12, defect 6: DRF's tokens
never expired and survived a password change).

A token older than ``MLA_API_TOKEN_HOURS`` is refused (401) and removed; signing in again at
``/api/auth/token/`` gives a new one. Changing a user's password (the web form, the admin, a
reset) removes the user's token at once.
"""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed


def token_lifetime() -> timedelta:
    return timedelta(hours=settings.MLA_API_TOKEN_HOURS)


def token_expired(created: datetime, now: datetime | None = None) -> bool:
    return created <= (now or timezone.now()) - token_lifetime()


def token_for(user: User) -> Token:
    """The user's token, a new one where the old has expired."""
    Token.objects.filter(user=user, created__lte=timezone.now() - token_lifetime()).delete()
    token, _created = Token.objects.get_or_create(user=user)
    return token


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's token authentication, refusing (and removing) a token past its lifetime."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        user, token = super().authenticate_credentials(key)
        if token_expired(token.created):
            token.delete()
            raise AuthenticationFailed(_("The token has expired: sign in again for a new one."))
        return user, token


@receiver(pre_save, sender=User, dispatch_uid="revoke_api_token_on_password_change")
def revoke_token_on_password_change(sender: type[User], instance: User, **kwargs: Any) -> None:
    """A new password ends every API session of the old one."""
    if instance.pk is None or kwargs.get("raw"):
        return
    stored = User.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if stored is not None and stored != instance.password:
        Token.objects.filter(user_id=instance.pk).delete()
