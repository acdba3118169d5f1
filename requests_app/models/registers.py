"""Registers of what the office receives and passes on beyond the request itself: the conditions
of use attached to material and the consents obtained for another use (RS 7, BR 5, CZ 10.1,
SK 5.1), information exchanged without a request (RS 16, BR 25, CZ 9.3, SK 7.1), onward transfers
(CZ 11.2, SK 5.3, 6.2: ``OnwardTransferConsent`` in ``records``), the receiver's further duties on
personal data (CZ 10.3-10.5, SK 5.2, 5.4, 5.6), costs (RS 17, BR 27) and notices of the other
side's authorities and contacts (RS 2.3, BR 2.3, CZ 13, SK 8.2).

Material is either a request's (``request``) or information received without one
(``spontaneous``): exactly one of the two is set. Rows are written only by
``requests_app.services.registers``.
"""

from __future__ import annotations

from typing import Any
from typing import NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mla.limits import BoundedTextField
from treaties.models import Instrument
from treaties.models import State
from treaties.rulebook.schema import CostBearer as RulebookCostBearer
from treaties.rulebook.schema import MaterialKind as RulebookMaterialKind
from treaties.rulebook.schema import RecipientKind as RulebookRecipientKind

from .audit import AppendOnlyError
from .records import DataFlow
from .records import PersonalDataTransfer
from .request import AssistanceRequest
from .request import Channel


class MaterialKind(models.TextChoices):
    INFORMATION = RulebookMaterialKind.INFORMATION.value, _("information")
    PERSONAL_DATA = RulebookMaterialKind.PERSONAL_DATA.value, _("personal data")
    DOCUMENTS = RulebookMaterialKind.DOCUMENTS.value, _("documents")
    EQUIPMENT = RulebookMaterialKind.EQUIPMENT.value, _("technical equipment")


class RecipientKind(models.TextChoices):
    THIRD_STATE = RulebookRecipientKind.THIRD_STATE.value, _("third state")
    INTERNATIONAL_ORGANISATION = (RulebookRecipientKind.INTERNATIONAL_ORGANISATION.value,
                                  _("international organisation"))
    OTHER_THIRD_PARTY = RulebookRecipientKind.OTHER_THIRD_PARTY.value, _("other third party")
    DOMESTIC_BODY = RulebookRecipientKind.DOMESTIC_BODY.value, _("another Kazakh body")


class CostBearer(models.TextChoices):
    REQUESTED_SIDE = RulebookCostBearer.REQUESTED_SIDE.value, _("the requested side")
    REQUESTING_SIDE = RulebookCostBearer.REQUESTING_SIDE.value, _("the requesting side")
    EACH_OWN = RulebookCostBearer.EACH_OWN.value, _("each side its own")


def _one_subject(name: str) -> models.CheckConstraint:
    """Material is a request's or spontaneous information's, never both, never neither."""
    return models.CheckConstraint(
        name=name,
        condition=(Q(request__isnull=False, spontaneous__isnull=True)
                   | Q(request__isnull=True, spontaneous__isnull=False)))


class CitedEntry(models.Model):
    """What every register entry keeps besides its own facts: the article it is recorded under
    (empty where none governs it) and who recorded it, when."""

    citation = models.CharField(_("citation"), max_length=80, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        abstract = True


class SpontaneousInformation(CitedEntry):
    """Information sent or received without a request (RS 16, BR 25, CZ 9.3, SK 7.1), with the
    conditions the sender attached (RS 16.2, BR 25.2: binding on the receiver)."""

    flow = models.CharField(_("direction"), max_length=10, choices=DataFlow.choices)
    exchanged_on = models.DateField(_("sent or received on"))
    partner_state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="+",
                                      verbose_name=_("partner state"))
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT,
                                   related_name="spontaneous_information",
                                   verbose_name=_("instrument"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    summary = BoundedTextField(_("summary"))
    conditions = BoundedTextField(_("conditions attached by the sender"), blank=True)
    kazakh_authority = models.CharField(_("Kazakh authority"), max_length=300)
    foreign_authority = models.CharField(_("authority of the partner state"), max_length=300)
    reference = models.CharField(_("reference"), max_length=200, blank=True)

    class Meta:
        ordering = ["-exchanged_on", "-id"]
        verbose_name = _("spontaneous information")
        verbose_name_plural = _("spontaneous information register")
        indexes = [models.Index(fields=["partner_state", "exchanged_on"],
                                name="spontaneous_state_idx")]

    def __str__(self) -> str:
        return f"{self.get_flow_display()} {self.exchanged_on} {self.summary[:40]}"


class UseConditionKind(models.TextChoices):
    USE_LIMITATION = "use_limitation", _("use only for the purposes or proceedings stated")
    CONFIDENTIALITY = "confidentiality", _("confidentiality")
    OTHER = "other", _("other condition")


class UseCondition(CitedEntry):
    """A condition attached to material: by the other side to what Kazakhstan received (binding
    on Kazakhstan: RS 7.2, 16.2, BR 5.2, 25.2, CZ 10.1, SK 5.1), or by Kazakhstan to what it
    supplied."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, null=True,
                                blank=True, related_name="use_conditions")
    spontaneous = models.ForeignKey(SpontaneousInformation, on_delete=models.CASCADE, null=True,
                                    blank=True, related_name="use_conditions")
    flow = models.CharField(_("material"), max_length=10, choices=DataFlow.choices,
                            default=DataFlow.RECEIVED)
    kind = models.CharField(_("kind"), max_length=20, choices=UseConditionKind.choices)
    conditions = BoundedTextField(_("conditions"))
    set_by = models.CharField(_("set by"), max_length=300)
    set_on = models.DateField(_("set on"))

    class Meta:
        ordering = ["set_on", "id"]
        verbose_name = _("use condition")
        verbose_name_plural = _("use conditions")
        constraints = [_one_subject("use_condition_one_subject")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.conditions[:40]}"


class ConsentStatus(models.TextChoices):
    ASKED = "asked", _("asked, no answer yet")
    GIVEN = "given", _("given")
    REFUSED = "refused", _("refused")


class UseConsent(CitedEntry):
    """A consent to use material for another purpose: asked by Kazakhstan of the supplier (for
    material received: RS 7.2, BR 5.2, CZ 10.1 in writing, SK 5.1), or by the other side of
    Kazakhstan (for material supplied)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, null=True,
                                blank=True, related_name="use_consents")
    spontaneous = models.ForeignKey(SpontaneousInformation, on_delete=models.CASCADE, null=True,
                                    blank=True, related_name="use_consents")
    flow = models.CharField(_("material"), max_length=10, choices=DataFlow.choices,
                            default=DataFlow.RECEIVED)
    condition = models.ForeignKey(UseCondition, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="consents", verbose_name=_("condition"))
    scope = BoundedTextField(_("use asked for (scope)"))
    asked_on = models.DateField(_("asked on"))
    status = models.CharField(_("status"), max_length=10, choices=ConsentStatus.choices,
                              default=ConsentStatus.ASKED)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    in_writing = models.BooleanField(_("given in writing"), default=False)
    reference = models.CharField(_("reference of the answer"), max_length=200, blank=True)

    class Meta:
        ordering = ["asked_on", "id"]
        verbose_name = _("consent to another use")
        verbose_name_plural = _("consents to another use")
        constraints = [
            _one_subject("use_consent_one_subject"),
            models.CheckConstraint(
                name="use_consent_answer_has_date",
                condition=Q(status=ConsentStatus.ASKED) | Q(answered_on__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.scope[:40]} ({self.status})"


class MaterialUseKind(models.TextChoices):
    OTHER_PROCEEDINGS = "other_proceedings", _("use in other proceedings")
    OTHER_PURPOSE = "other_purpose", _("use or disclosure for another purpose")
    # BR 5.4: no consent needed, but the requested side is notified.
    REQUIRED_BY_LAW = "required_by_law", _("disclosure required by Kazakh criminal procedure")
    # BR 5.3: once disclosed in a public, judicial or administrative hearing, free to use.
    PUBLICLY_DISCLOSED = "publicly_disclosed", _("use after disclosure in a public hearing")


class MaterialUse(CitedEntry):
    """A use of material received beyond the purpose it was given for, with the consent that
    allows it (RS 7.2, BR 5.2-5.4, CZ 10.1, SK 5.1)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, null=True,
                                blank=True, related_name="material_uses")
    spontaneous = models.ForeignKey(SpontaneousInformation, on_delete=models.CASCADE, null=True,
                                    blank=True, related_name="material_uses")
    kind = models.CharField(_("kind"), max_length=20, choices=MaterialUseKind.choices)
    description = BoundedTextField(_("proceedings or purpose"))
    used_on = models.DateField(_("used on"))
    consent = models.ForeignKey(UseConsent, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="uses", verbose_name=_("consent"))
    # BR 5.4: when the requested side was told of a disclosure the law required.
    supplier_notified_on = models.DateField(_("supplier notified on"), null=True, blank=True)

    class Meta:
        ordering = ["used_on", "id"]
        verbose_name = _("use for another purpose")
        verbose_name_plural = _("uses for another purpose")
        constraints = [_one_subject("material_use_one_subject")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.used_on}"


class PersonalDataNoticeKind(models.TextChoices):
    INACCURATE = "inaccurate", _("the data were inaccurate")
    NOT_TO_BE_SENT = "not_to_be_sent", _("the data should not have been sent")


class PersonalDataAction(models.TextChoices):
    CORRECTED = "corrected", _("corrected")
    DESTROYED = "destroyed", _("destroyed")


class PersonalDataNotice(CitedEntry):
    """The supplier's notice that personal data it sent were inaccurate or should not have been
    sent; the receiver corrects or destroys them (CZ 10.4, SK 5.4)."""

    entry = models.ForeignKey(PersonalDataTransfer, on_delete=models.CASCADE,
                              related_name="notices", verbose_name=_("register entry"))
    kind = models.CharField(_("notice"), max_length=20, choices=PersonalDataNoticeKind.choices)
    received_on = models.DateField(_("notice received on"))
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    details = BoundedTextField(_("what the notice says"))
    action = models.CharField(_("action taken"), max_length=10,
                              choices=PersonalDataAction.choices, blank=True)
    acted_on = models.DateField(_("corrected or destroyed on"), null=True, blank=True)
    action_details = BoundedTextField(_("what was corrected or destroyed"), blank=True)

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("notice of inaccurate personal data")
        verbose_name_plural = _("notices of inaccurate personal data")
        constraints = [models.CheckConstraint(
            name="personal_data_notice_action_has_date",
            condition=Q(action="") | Q(acted_on__isnull=False))]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_on}"


class PersonalDataUseReport(CitedEntry):
    """The supplier's request for a report on the use of personal data it sent, and the answer
    (CZ 10.3, SK 5.2)."""

    entry = models.ForeignKey(PersonalDataTransfer, on_delete=models.CASCADE,
                              related_name="use_reports", verbose_name=_("register entry"))
    asked_on = models.DateField(_("asked on"))
    reference = models.CharField(_("reference of the request"), max_length=200, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer = BoundedTextField(_("use made and results achieved"), blank=True)

    class Meta:
        ordering = ["asked_on", "id"]
        verbose_name = _("report on the use of personal data")
        verbose_name_plural = _("reports on the use of personal data")

    def __str__(self) -> str:
        return f"report asked {self.asked_on}"


class CostItem(CitedEntry):
    """A cost of executing a request, under the head of the instrument that says who bears it
    (RS 17.1, BR 27.2); an extraordinary cost announced by the requested side calls for a
    consultation (BR 27.4; RS 17.2 optional), recorded as a consultation on costs."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="cost_items")
    head = models.CharField(_("head of cost"), max_length=60)
    description = BoundedTextField(_("what"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2, null=True,
                                 blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    borne_by = models.CharField(_("borne by"), max_length=20, choices=CostBearer.choices)
    extraordinary = models.BooleanField(_("extraordinary or unforeseen"), default=False)
    announced_on = models.DateField(_("announced by the requested side on"), null=True,
                                    blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("cost item")
        verbose_name_plural = _("cost items")
        constraints = [models.CheckConstraint(
            name="cost_extraordinary_has_announcement",
            condition=Q(extraordinary=False) | Q(announced_on__isnull=False))]

    def __str__(self) -> str:
        return f"{self.head} {self.amount or ''} {self.currency}".strip()


class CounterpartNoticeKind(models.TextChoices):
    AUTHORITY_DESIGNATED = "authority_designated", _("authority designated or renamed")
    FUNCTIONS_TRANSFERRED = "functions_transferred", _("functions moved to another body")
    CONTACTS_CHANGED = "contacts_changed", _("contact details or contact person changed")


class CounterpartNotice(CitedEntry):
    """A notice between the sides about the designated authorities or their contacts (RS 2.3,
    BR 2.3, CZ 13.1-13.3, SK 8.2): received from the other side or sent by Kazakhstan."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT,
                                   related_name="counterpart_notices",
                                   verbose_name=_("instrument"))
    flow = models.CharField(_("direction"), max_length=10, choices=DataFlow.choices)
    # The state whose authority or contacts changed.
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    kind = models.CharField(_("kind"), max_length=30, choices=CounterpartNoticeKind.choices)
    notified_on = models.DateField(_("notified on"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    authority = models.CharField(_("authority"), max_length=300)
    contact_details = BoundedTextField(_("contact details"), blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=200, blank=True)

    class Meta:
        ordering = ["-notified_on", "-id"]
        verbose_name = _("counterpart notice")
        verbose_name_plural = _("counterpart notices")

    def __str__(self) -> str:
        return f"{self.instrument.slug} {self.get_kind_display()} {self.notified_on}"


class RegisterLog(models.Model):
    """Append-only log of changes to registers that belong to no request (spontaneous
    information and its conditions, counterpart notices): who, when, what, which article."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+")
    at = models.DateTimeField(_("at"))
    action = models.CharField(_("action"), max_length=60)
    subject = models.CharField(_("subject"), max_length=60)
    subject_id = models.PositiveBigIntegerField(_("subject id"))
    citation = models.CharField(_("citation"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("register log entry")
        verbose_name_plural = _("register log")
        indexes = [models.Index(fields=["subject", "subject_id"], name="register_log_subject_idx")]

    def __str__(self) -> str:
        return f"{self.subject}:{self.subject_id} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("The register log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The register log is append-only")
