"""Who looked: every view and download of a request, its letter or its files (issue 12).

Criminal-case data is read far more often than it is changed, and the reads matter too: an
``AccessRecord`` says who opened the request page, read it through the API or downloaded which
letter or file, when, and by which channel. Kept apart from the transition log (which records
changes, chained by hash): a read changes nothing and is never part of the request's history.

Append-only like the transition log: written once by ``services.access_log.record_access``
(one INSERT per access), never updated or deleted, in Django (``save``, the queryset) and, on
PostgreSQL, in the database itself (a trigger, migration 0019). Shown to supervisors only.
"""

from __future__ import annotations

from typing import Any
from typing import NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit import AppendOnlyError
from .request import AssistanceRequest

# What a record names besides the request: a file name, "PDF, kk", "version 2, PDF".
ACCESS_LABEL_MAX_LENGTH = 255


class AccessKind(models.TextChoices):
    """What was looked at."""

    REQUEST_VIEWED = "request_viewed", _("opened the request page")
    REQUEST_READ_API = "request_read_api", _("read the request through the API")
    LETTER_DOWNLOADED = "letter_downloaded", _("downloaded the request letter")
    NOTICE_LETTER_DOWNLOADED = "notice_letter_downloaded", _("downloaded a notice letter")
    LETTER_VERSION_DOWNLOADED = "letter_version_downloaded", _(
        "downloaded a frozen letter version")
    ATTACHMENT_DOWNLOADED = "attachment_downloaded", _("downloaded an attachment")
    CORRESPONDENCE_DOWNLOADED = "correspondence_downloaded", _(
        "downloaded a letter of the correspondence")


class AccessChannel(models.TextChoices):
    WEB = "web", _("web")
    API = "api", _("API")


class AccessRecordQuerySet(models.QuerySet["AccessRecord"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The access log is append-only")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("The access log is append-only")


class AccessRecord(models.Model):
    """One look at a request: who, when, what (and which letter or file), by which channel."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.PROTECT,
                                related_name="access_records", verbose_name=_("request"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+", verbose_name=_("who"))
    at = models.DateTimeField(_("when"), default=timezone.now)
    what = models.CharField(_("what"), max_length=40, choices=AccessKind.choices)
    # The letter version, attachment, letter or duty looked at (its id), where there is one.
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    label = models.CharField(_("which"), max_length=ACCESS_LABEL_MAX_LENGTH, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=AccessChannel.choices)

    objects = AccessRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access record")
        verbose_name_plural = _("access log")
        indexes = [models.Index(fields=["request", "-at", "-id"],
                                name="access_request_newest_idx")]

    def __str__(self) -> str:
        return f"{self.request_id} {self.what} {self.user_id} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("The access log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The access log is append-only")
