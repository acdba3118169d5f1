"""The facts recorded about a request: persons, translations, originals, proofs of service,
consultations, decisions, handed-over items, detainee transfers and the personal-data register."""


from __future__ import annotations

from typing import TYPE_CHECKING
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    pass
from mla.limits import BoundedTextField

from .request import AssistanceRequest
from .request import Channel


class PersonRole(models.TextChoices):
    TO_SERVE = "to_serve", _("to be served / summoned")
    TO_HEAR = "to_hear", _("to be heard")
    TO_LOCATE = "to_locate", _("to be located or identified")
    TO_TRANSFER = "to_transfer", _("to be transferred (detained)")


class RequestPerson(models.Model):
    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="persons")
    role = models.CharField(_("role"), max_length=20, choices=PersonRole.choices)
    full_name = models.CharField(_("full name"), max_length=300)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    nationality = models.CharField(_("nationality"), max_length=100, blank=True)
    address = BoundedTextField(_("address"), blank=True)
    particulars = BoundedTextField(_("other particulars"), blank=True)
    # A summons: the person must appear on this date (RS 8.3, BR 6.2 lead times run back from it).
    appearance_date = models.DateField(_("appearance date"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        return self.full_name


class Translation(models.Model):
    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="translations")
    language = models.CharField(_("language"), max_length=5)
    document = models.CharField(_("document"), max_length=300, default="request")
    translated_by = models.CharField(_("translated by"), max_length=200, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")

    def __str__(self) -> str:
        return f"{self.document} [{self.language}]"


class OriginalDocument(models.Model):
    """The signed original of a request sent by fax or electronically (RS 3.4, BR 22.1)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="originals")
    asked_for_on = models.DateField(_("requested side asked for the original on"), null=True,
                                    blank=True)
    dispatched_on = models.DateField(_("original dispatched on"), null=True, blank=True)
    dispatch_channel = models.CharField(_("dispatched by"), max_length=20, blank=True,
                                        choices=Channel.choices)
    tracking_number = models.CharField(_("tracking number"), max_length=100, blank=True)
    received_on = models.DateField(_("original received on"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("original")
        verbose_name_plural = _("originals")

    def __str__(self) -> str:
        return f"original of {self.request} ({self.dispatched_on or self.asked_for_on or 'pending'})"


class ServiceProof(models.Model):
    """Proof of service of a document or summons (RS 8.2, BR 6.3)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="service_proofs")
    person = models.ForeignKey(RequestPerson, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="service_proofs")
    served_at = models.DateTimeField(_("served at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    manner = models.CharField(_("manner of service"), max_length=300, blank=True)
    received_by = models.CharField(_("received by"), max_length=300, blank=True)
    signed_and_sealed = models.BooleanField(_("signed and sealed by the official"), default=False)
    not_served_reason = BoundedTextField(_("reason it was not served"), blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("proof of service")
        verbose_name_plural = _("proofs of service")

    def __str__(self) -> str:
        return f"proof of service {self.request} {self.served_at or self.not_served_reason[:30]}"


class ConsultationSubject(models.TextChoices):
    REFUSAL = "refusal", _("possible refusal")
    DEFERRAL = "deferral", _("possible deferral")
    CONDITIONS = "conditions", _("conditions or partial execution")
    CONFIDENTIALITY = "confidentiality", _("confidentiality")
    COSTS = "costs", _("extraordinary costs")
    OTHER = "other", _("other")


class Consultation(models.Model):
    """A consultation between the sides (mandatory before refusal: RS 5.3, BR 3.3)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="consultations")
    subject = models.CharField(_("subject"), max_length=20, choices=ConsultationSubject.choices)
    held_on = models.DateField(_("held on"))
    counterpart = models.CharField(_("with whom"), max_length=300)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, blank=True)
    summary = BoundedTextField(_("summary"))
    outcome = BoundedTextField(_("outcome"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return f"{self.request} consultation {self.held_on} ({self.subject})"


class DecisionKind(models.TextChoices):
    REFUSAL = "refusal", _("refusal")
    DEFERRAL = "deferral", _("deferral")
    CONDITIONS = "conditions", _("execution on conditions")
    # RS 6.3: before deferring, the requested side decides whether partial or conditional execution
    # is possible; this records that decision when it finds neither possible.
    PARTIAL_OR_CONDITIONAL_CONSIDERED = "partial_or_conditional_considered", _(
        "partial or conditional execution considered")


class Decision(models.Model):
    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="decisions")
    kind = models.CharField(_("kind"), max_length=40, choices=DecisionKind.choices)
    # A ground code from the instrument's own list (refusal or deferral grounds).
    ground = models.CharField(_("ground"), max_length=80, blank=True)
    citation = models.CharField(_("citation"), max_length=80, blank=True)
    partial = models.BooleanField(_("partial"), default=False)
    reasons = BoundedTextField(_("reasons"))
    conditions = BoundedTextField(_("conditions"), blank=True)
    accepted_by_requesting_side_on = models.DateField(_("accepted by the requesting side on"),
                                                      null=True, blank=True)
    deferred_until = models.DateField(_("deferred until"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["decided_on", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.request} {self.kind} {self.ground}".strip()


class ItemHolder(models.TextChoices):
    """Which side holds an item that the other side handed over."""

    KAZAKHSTAN = "kazakhstan", _("held by Kazakhstan (we must return it)")
    OTHER_SIDE = "other_side", _("held by the other side (they must return it)")


class ItemReturnStatus(models.TextChoices):
    HELD = "held", _("held")
    RETURNED = "returned", _("returned")
    WAIVED = "waived", _("return waived")


class HandedOverItem(models.Model):
    """An item or document handed over in execution, tracked until returned or waived
    (RS 15, BR 14)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="items")
    description = BoundedTextField(_("description"))
    holder = models.CharField(_("held by"), max_length=20, choices=ItemHolder.choices)
    handed_over_on = models.DateField(_("handed over on"))
    third_party_conditions = BoundedTextField(_("third-party conditions"), blank=True)
    return_status = models.CharField(_("return status"), max_length=10,
                                     choices=ItemReturnStatus.choices,
                                     default=ItemReturnStatus.HELD)
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    waived_on = models.DateField(_("return waived on"), null=True, blank=True)
    waiver_reference = models.CharField(_("waiver reference"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("handed-over item")
        verbose_name_plural = _("handed-over items")
        constraints = [
            models.CheckConstraint(
                name="item_returned_has_date",
                condition=~Q(return_status=ItemReturnStatus.RETURNED) | Q(returned_on__isnull=False),
            ),
            models.CheckConstraint(
                name="item_waived_has_date",
                condition=~Q(return_status=ItemReturnStatus.WAIVED) | Q(waived_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.description[:60]} ({self.return_status})"


class DetaineeTransfer(models.Model):
    """Temporary transfer of a detained person (RS 11, BR 9)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="transfers")
    person = models.ForeignKey(RequestPerson, on_delete=models.PROTECT, related_name="transfers")
    transferred_on = models.DateField(_("transferred on"))
    # RS 11.1: the term the requested side sets, at most six months, extendable once.
    return_due_on = models.DateField(_("return due on"), null=True, blank=True)
    extension_count = models.PositiveSmallIntegerField(_("extensions granted"), default=0)
    # BR 9.2: returned no later than the release date in the requested state.
    release_date = models.DateField(_("release date in the sending state"), null=True, blank=True)
    person_consented = models.BooleanField(_("person consented"), default=False)
    returned_on = models.DateField(_("returned on"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("detainee transfer")
        verbose_name_plural = _("detainee transfers")

    def __str__(self) -> str:
        return f"{self.request} transfer {self.transferred_on}"


class DataFlow(models.TextChoices):
    SUPPLIED = "supplied", _("supplied by Kazakhstan")
    RECEIVED = "received", _("received by Kazakhstan")


class PersonalDataTransfer(models.Model):
    """Register of transfer, receipt and deletion of personal data (CZ 10.6, SK 5.7)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="personal_data_transfers")
    flow = models.CharField(_("flow"), max_length=10, choices=DataFlow.choices)
    transferred_on = models.DateField(_("transferred on"))
    purpose = BoundedTextField(_("purpose"))
    data_categories = BoundedTextField(_("list of data"))
    sensitive = models.BooleanField(_("sensitive categories"), default=False)
    sensitive_justification = BoundedTextField(_("why sensitive data are necessary"), blank=True)
    bodies_involved = BoundedTextField(_("bodies involved"))
    use_conditions = BoundedTextField(_("conditions of use"), blank=True)
    # Set by the supplier at transfer (CZ 10.5, SK 5.6); the receiver deletes by then.
    deletion_due_on = models.DateField(_("delete by"), null=True, blank=True)
    deleted_on = models.DateField(_("deleted on"), null=True, blank=True)
    deletion_reason = BoundedTextField(_("reason for deletion"), blank=True)
    supplier_informed_on = models.DateField(_("supplier informed of deletion on"), null=True,
                                            blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("personal-data transfer")
        verbose_name_plural = _("personal-data register")
        indexes = [models.Index(fields=["deleted_on", "deletion_due_on"],
                                name="personal_data_deletion_idx")]

    def __str__(self) -> str:
        return f"{self.request} {self.flow} {self.transferred_on}"


class OnwardTransferConsent(models.Model):
    """Material received from the other side passed on, with the supplier's written consent
    where the instrument asks for one: to a third state, an international organisation or another
    third party (CZ 11.2, SK 6.2: information, data, documents, technical equipment), or to
    another Kazakh body (SK 5.3: data on persons beyond the body fighting organised crime).

    The material is a personal-data register entry (``personal_data``, its request in
    ``request``), other material of a request (``request``), or spontaneous information
    (``spontaneous``). Rows recorded before the register was generalised are personal-data
    entries whose recipient kind was not asked (empty)."""

    personal_data = models.ForeignKey(PersonalDataTransfer, on_delete=models.CASCADE,
                                      null=True, blank=True, related_name="consents")
    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, null=True,
                                blank=True, related_name="onward_transfers")
    spontaneous = models.ForeignKey("requests_app.SpontaneousInformation",
                                    on_delete=models.CASCADE, null=True, blank=True,
                                    related_name="onward_transfers")
    material = models.CharField(_("material"), max_length=20, default="personal_data",
                                choices=[("information", _("information")),
                                         ("personal_data", _("personal data")),
                                         ("documents", _("documents")),
                                         ("equipment", _("technical equipment"))])
    description = BoundedTextField(_("what was passed on"), blank=True)
    recipient_kind = models.CharField(_("kind of recipient"), max_length=30, blank=True,
                                      choices=[("third_state", _("third state")),
                                               ("international_organisation",
                                                _("international organisation")),
                                               ("other_third_party", _("other third party")),
                                               ("domestic_body", _("another Kazakh body"))])
    recipient = models.CharField(_("third state, organisation or party"), max_length=300)
    # SK 5.3: the Kazakh competent body fighting organised crime receives data without consent.
    recipient_fights_organised_crime = models.BooleanField(
        _("the recipient is the body fighting organised crime"), default=False)
    consent_reference = models.CharField(_("reference of the written consent"), max_length=200,
                                         blank=True)
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    onward_transferred_on = models.DateField(_("transferred onward on"), null=True, blank=True)
    citation = models.CharField(_("citation"), max_length=80, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("onward transfer")
        verbose_name_plural = _("onward transfers")
        constraints = [models.CheckConstraint(
            name="onward_transfer_has_subject",
            condition=Q(request__isnull=False) | Q(spontaneous__isnull=False))]

    def __str__(self) -> str:
        return f"consent {self.consent_reference} → {self.recipient}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A register entry's onward transfer belongs to the entry's request.
        if self.request_id is None and self.personal_data_id is not None:
            self.request_id = (PersonalDataTransfer.objects.filter(pk=self.personal_data_id)
                               .values_list("request_id", flat=True).first())
        super().save(*args, **kwargs)


class AssetMeasureKind(models.TextChoices):
    """What was done with assets in a request: the four figures peer reviews ask for (FATF
    Recommendations 4, 38; UNCAC 51-57; ETS 141 Art 11-13; BR 18)."""

    FROZEN = "frozen", _("frozen or seized")
    CONFISCATED = "confiscated", _("confiscated")
    SHARED = "shared", _("shared")
    RETURNED = "returned", _("returned")


class AssetMeasure(models.Model):
    """An amount frozen or seized, confiscated, shared or returned in executing a request (ours
    abroad, or theirs in Kazakhstan), in the currency of the decision. The statistics add them up
    by currency: nothing converts one currency into another."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="asset_measures")
    kind = models.CharField(_("measure"), max_length=20, choices=AssetMeasureKind.choices)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3)
    taken_on = models.DateField(_("decided on"))
    description = BoundedTextField(_("assets and decision (court, number)"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["taken_on", "id"]
        verbose_name = _("asset measure")
        verbose_name_plural = _("asset measures")
        constraints = [models.CheckConstraint(name="asset_measure_amount_positive",
                                              condition=Q(amount__gt=0))]

    def __str__(self) -> str:
        return f"{self.request} {self.kind} {self.amount} {self.currency}"
