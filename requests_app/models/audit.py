"""The append-only log of every transition and recorded fact."""


from __future__ import annotations

from typing import TYPE_CHECKING
from typing import Any
from typing import NoReturn

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    pass
from .request import AssistanceRequest


class AppendOnlyError(PermissionDenied):
    pass


class AppendOnlyQuerySet(models.QuerySet["TransitionLog"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The transition log is append-only")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("The transition log is append-only")


class TransitionLog(models.Model):
    """Append-only log of every transition and recorded fact: who, when, from, to, why, which
    article. Rows are never updated or deleted."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.PROTECT, related_name="log")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+")
    at = models.DateTimeField(_("at"))
    action = models.CharField(_("action"), max_length=60)
    from_state = models.CharField(_("from"), max_length=40, blank=True)
    to_state = models.CharField(_("to"), max_length=40, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    citation = models.CharField(_("citation"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("log entry")
        verbose_name_plural = _("transition log")
        indexes = [models.Index(fields=["request", "at"], name="log_request_at_idx")]

    def __str__(self) -> str:
        return f"{self.request} {self.action} {self.from_state}→{self.to_state}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("The transition log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The transition log is append-only")
