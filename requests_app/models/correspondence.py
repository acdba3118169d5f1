"""The correspondence register: every letter sent to or received from the other side on a request
(``Correspondence``), and the templates the office edits for the letters it generates
(``LetterTemplate``).

A letter we send is generated from its template, frozen as PDF and DOCX attachments (hashed,
never regenerated) and recorded with the exact document sent; a letter we receive is registered
with its scanned attachments. Written only through ``services.correspondence`` (logged, in the
request's change frame); templates through ``services.correspondence.letter_template_save``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mla.limits import BoundedTextField

from .office import Attachment
from .request import AssistanceRequest
from .request import Channel

# Bounds on what a user types: a letter's text is a page or two, a list of missing items
# somewhat less; a reference is a registry number.
LETTER_BODY_MAX_LENGTH = 10_000
MISSING_ITEMS_MAX_LENGTH = 5_000
LETTER_REFERENCE_MAX_LENGTH = 100
LETTER_SUBJECT_MAX_LENGTH = 300
CORRESPONDENT_MAX_LENGTH = 300


class LetterDirection(models.TextChoices):
    SENT = "sent", _("sent by us")
    RECEIVED = "received", _("received from the other side")


class CorrespondenceKind(models.TextChoices):
    """What a letter is. ``request``: the outgoing request letter itself, recorded by the
    transmit step; the others are the letters around a request, both ways."""

    REQUEST = "request", _("request for assistance")
    ADDITIONAL_INFO = "additional_info", _("request for additional information")
    ACKNOWLEDGEMENT = "acknowledgement", _("acknowledgement of receipt")
    REFUSAL_NOTICE = "refusal_notice", _("notice of refusal")
    PARTIAL_EXECUTION_NOTICE = "partial_execution_notice", _("notice of partial execution")
    DEFERRAL_NOTICE = "deferral_notice", _("notice of deferral")
    CONDITIONS_NOTICE = "conditions_notice", _("notice of conditions")
    RESULTS_TRANSMITTAL = "results_transmittal", _("transmittal of results")
    STATUS_INQUIRY = "status_inquiry", _("status inquiry")
    REPLY = "reply", _("reply or answer")
    OTHER = "other", _("other letter")


class Correspondence(models.Model):
    """One letter sent or received on a request.

    ``document`` (PDF) and ``document_docx`` are the letter exactly as generated and sent,
    frozen with their SHA-256 (``Attachment.sha256``); a received letter has none, its scans are
    in ``attachments``. ``in_reply_to`` links an answer to the letter it answers: a reply to our
    letter meets its ``reply_due_on`` (the "reply to our letter due" deadline, office policy).
    """

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="correspondence", verbose_name=_("request"))
    direction = models.CharField(_("direction"), max_length=10, choices=LetterDirection.choices)
    kind = models.CharField(_("kind of letter"), max_length=30, choices=CorrespondenceKind.choices)
    # The day it was sent (ours) or received (theirs).
    dated_on = models.DateField(_("sent or received on"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, blank=True)
    our_reference = models.CharField(_("our reference"), max_length=LETTER_REFERENCE_MAX_LENGTH,
                                     blank=True)
    their_reference = models.CharField(_("their reference"),
                                       max_length=LETTER_REFERENCE_MAX_LENGTH, blank=True)
    # The addressee of a letter we sent, the sender of one we received.
    correspondent = models.CharField(_("addressee or sender"), max_length=CORRESPONDENT_MAX_LENGTH,
                                     blank=True)
    subject = models.CharField(_("subject"), max_length=LETTER_SUBJECT_MAX_LENGTH, blank=True)
    # The generated text of a letter we sent; the summary of one we received.
    body = BoundedTextField(_("text or summary"), max_length=LETTER_BODY_MAX_LENGTH, blank=True)
    # A request for additional information: what is missing.
    missing_items = BoundedTextField(_("what is missing"), max_length=MISSING_ITEMS_MAX_LENGTH,
                                     blank=True)
    in_reply_to = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="replies", verbose_name=_("in reply to"))
    reply_due_on = models.DateField(_("reply due on"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    document = models.ForeignKey(Attachment, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("document sent (PDF)"))
    document_docx = models.ForeignKey(Attachment, on_delete=models.PROTECT, null=True,
                                      blank=True, related_name="+",
                                      verbose_name=_("document sent (DOCX)"))
    attachments = models.ManyToManyField(Attachment, blank=True,
                                         related_name="correspondence_items",
                                         verbose_name=_("attachments"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        ordering = ["dated_on", "id"]
        verbose_name = _("letter")
        verbose_name_plural = _("correspondence")
        indexes = [models.Index(fields=["request", "dated_on"],
                                name="letter_request_date_idx")]
        constraints = [
            models.CheckConstraint(
                name="correspondence_reply_due_after_date",
                condition=Q(reply_due_on__isnull=True) | Q(reply_due_on__gt=F("dated_on"))),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} {self.direction} {self.kind} {self.dated_on}"

    @property
    def is_sent(self) -> bool:
        return self.direction == LetterDirection.SENT


class LetterTemplate(models.Model):
    """The subject and text of one kind of generated letter in one language, edited by the
    office (the admin saves through ``services.correspondence.letter_template_save``, which
    checks the placeholders). Default texts are seeded by a migration; a kind and language with
    no row read the default text (``documents.letters.correspondence_texts``)."""

    kind = models.CharField(_("kind of letter"), max_length=30, choices=CorrespondenceKind.choices)
    language = models.CharField(_("language"), max_length=5,
                                choices=[("kk", _("Kazakh")), ("ru", _("Russian")),
                                         ("en", _("English"))])
    subject = models.CharField(_("subject"), max_length=LETTER_SUBJECT_MAX_LENGTH)
    body = BoundedTextField(_("text"), max_length=LETTER_BODY_MAX_LENGTH)
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("updated by"))

    class Meta:
        ordering = ["kind", "language"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        constraints = [models.UniqueConstraint(fields=["kind", "language"],
                                               name="letter_template_once_per_language")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} [{self.language}]"
