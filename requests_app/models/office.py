"""Who works where (the office a user belongs to), the files attached to requests and the
office's internal notes on them."""


from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mla.limits import BoundedTextField
from treaties.models import Authority

if TYPE_CHECKING:
    pass
from .request import AssistanceRequest


class OfficeMembership(models.Model):
    """The Kazakh authority (office) a user works for: it decides which requests they see."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="office_membership")
    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="members",
                                  verbose_name=_("office"))

    class Meta:
        verbose_name = _("office membership")
        verbose_name_plural = _("office memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.authority}"


class AttachmentKind(models.TextChoices):
    REQUEST = "request", _("request")
    TRANSLATION = "translation", _("translation")
    SIGNED_SCAN = "signed_scan", _("signed scan")
    ORIGINAL = "original", _("original or certified copy")
    EVIDENCE = "evidence", _("evidence or results")
    CORRESPONDENCE = "correspondence", _("correspondence")
    # A letter the engine generated and froze when it was submitted, approved or sent: stored
    # once, hashed, never regenerated (``services.attachments.attachment_freeze``).
    GENERATED_LETTER = "generated_letter", _("generated letter")
    OTHER = "other", _("other")


class AttachmentCategory(models.TextChoices):
    """How the request page groups the documents of a request (issue 10, item 3)."""

    REQUEST = "request", _("The request")
    TRANSLATION = "translation", _("Translations")
    ORIGINAL = "original", _("Originals")
    EVIDENCE = "evidence", _("Evidence and results")
    CORRESPONDENCE = "correspondence", _("Correspondence")
    OTHER = "other", _("Other")


ATTACHMENT_CATEGORY: dict[str, AttachmentCategory] = {
    AttachmentKind.REQUEST: AttachmentCategory.REQUEST,
    AttachmentKind.TRANSLATION: AttachmentCategory.TRANSLATION,
    AttachmentKind.SIGNED_SCAN: AttachmentCategory.ORIGINAL,
    AttachmentKind.ORIGINAL: AttachmentCategory.ORIGINAL,
    AttachmentKind.EVIDENCE: AttachmentCategory.EVIDENCE,
    AttachmentKind.CORRESPONDENCE: AttachmentCategory.CORRESPONDENCE,
    AttachmentKind.GENERATED_LETTER: AttachmentCategory.CORRESPONDENCE,
    AttachmentKind.OTHER: AttachmentCategory.OTHER,
}


def attachment_upload_to(instance: Attachment, filename: str) -> str:
    """Stored under a random name: the uploader's file name is kept only as data, never used as a
    path, and media are never served directly (downloads go through an access-checked view)."""
    import uuid
    from pathlib import PurePath

    suffix = PurePath(filename).suffix.lower()[:10]
    return f"attachments/{instance.request_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    """A file attached to a request: the request itself, a translation, the signed and sealed scan
    or anything else. Added through ``services.attachments.attachment_add`` (checked, logged)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="attachments")
    kind = models.CharField(_("kind"), max_length=20, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=attachment_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.kind})"

    @property
    def category(self) -> AttachmentCategory:
        return ATTACHMENT_CATEGORY.get(self.kind, AttachmentCategory.OTHER)


# A note is a working remark, not a document: long enough for a paragraph or two.
NOTE_MAX_LENGTH = 2000


class RequestNote(models.Model):
    """An internal note on a request: seen by everyone in the office who may see the request,
    never by the other side (no letter, export or notice reads it). Written once through
    ``services.notes.note_add``, which logs it; never edited, so the log and the note agree."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="notes", verbose_name=_("request"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="request_notes", verbose_name=_("author"))
    text = BoundedTextField(_("note"), max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(_("written at"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        indexes = [models.Index(fields=["request", "-created_at"],
                                name="request_note_newest_idx")]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.text[:40]}"


SIGNATORY_TEXT_MAX_LENGTH = 200


class Signatory(models.Model):
    """An official who signs the office's letters, with their position, in the three working
    languages: the request letter's signature block names the one chosen in drafting."""

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="signatories",
                                  verbose_name=_("authority"))
    name_kk = models.CharField(_("name (Kazakh)"), max_length=SIGNATORY_TEXT_MAX_LENGTH)
    name_ru = models.CharField(_("name (Russian)"), max_length=SIGNATORY_TEXT_MAX_LENGTH)
    name_en = models.CharField(_("name (English)"), max_length=SIGNATORY_TEXT_MAX_LENGTH)
    position_kk = models.CharField(_("position (Kazakh)"), max_length=SIGNATORY_TEXT_MAX_LENGTH)
    position_ru = models.CharField(_("position (Russian)"), max_length=SIGNATORY_TEXT_MAX_LENGTH)
    position_en = models.CharField(_("position (English)"), max_length=SIGNATORY_TEXT_MAX_LENGTH)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["authority_id", "order", "name_en"]
        indexes = [models.Index(fields=["authority", "is_active", "order"],
                                name="signatory_authority_order")]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        from django.utils.translation import get_language

        language = (get_language() or "en")[:2]
        return f"{self.name_in(language)}, {self.position_in(language)}"

    def name_in(self, language: str) -> str:
        return getattr(self, f"name_{language}", "") or self.name_en

    def position_in(self, language: str) -> str:
        return getattr(self, f"position_{language}", "") or self.position_en
