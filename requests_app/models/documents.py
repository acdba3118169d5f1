"""The request letter as it stood at each step that hands it on: frozen, hashed, never regenerated.

When an outgoing request is submitted for review, approved or transmitted, the engine renders
its letter (PDF and DOCX, in the letter's language) and stores both files as attachments of kind
``GENERATED_LETTER`` (``services.attachments.attachment_freeze``), in the same transaction as the
transition. A ``LetterVersion`` row ties them to the step: so the reviewer approves what was
submitted, and the file records exactly what went to the other side, whatever later edits do.
Rows are written once by ``services.documents.letter_version_freeze`` and never changed.
"""

from __future__ import annotations

from typing import Any
from typing import NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .audit import AppendOnlyError
from .office import Attachment
from .request import AssistanceRequest


class LetterEvent(models.TextChoices):
    """The step at which a version of the letter was frozen."""

    SUBMITTED = "submitted", _("submitted for review")
    APPROVED = "approved", _("approved")
    TRANSMITTED = "transmitted", _("transmitted")


class LetterVersionQuerySet(models.QuerySet["LetterVersion"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Frozen letter versions are never changed")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Frozen letter versions are never changed")


class LetterVersion(models.Model):
    """One frozen version of a request's letter: number (1, 2, ... per request), the step that
    froze it, its language, the request's version whose contents it shows, and the PDF and DOCX
    files with their SHA-256 (kept here as well as on the attachments, so a file changed in
    storage can be detected against what was recorded)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.PROTECT,
                                related_name="letter_versions", verbose_name=_("request"))
    number = models.PositiveIntegerField(_("number"))
    event = models.CharField(_("frozen when"), max_length=20, choices=LetterEvent.choices)
    language = models.CharField(_("language"), max_length=2)
    # The request's version whose contents the letter shows: the one the step was taken on
    # (the step itself then advances the request's version).
    request_version = models.PositiveIntegerField(_("request version"))
    pdf = models.ForeignKey(Attachment, on_delete=models.PROTECT, related_name="+",
                            verbose_name=_("PDF"))
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64)
    docx = models.ForeignKey(Attachment, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("DOCX"))
    docx_sha256 = models.CharField(_("DOCX SHA-256"), max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("frozen by"))
    created_at = models.DateTimeField(_("frozen at"))

    objects = LetterVersionQuerySet.as_manager()

    class Meta:
        ordering = ["request", "number"]
        verbose_name = _("letter version")
        verbose_name_plural = _("letter versions")
        constraints = [models.UniqueConstraint(fields=["request", "number"],
                                               name="letter_version_number_unique")]

    def __str__(self) -> str:
        return f"{self.request} letter v{self.number} ({self.event})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Frozen letter versions are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Frozen letter versions are never changed")
