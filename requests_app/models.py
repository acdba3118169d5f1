"""Requests and the facts recorded about them.

Nothing here is written directly by views or tasks: every change goes through
``requests_app.services``, which checks permission, runs the state transition, writes the
transition log and recomputes deadlines in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping
from datetime import date
from datetime import datetime
from typing import TYPE_CHECKING
from typing import Any
from typing import NoReturn
from typing import cast

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import RETURN_VALUE
from django_fsm import ConcurrentTransitionMixin
from django_fsm import FSMField
from django_fsm import FSMModelMixin
from django_fsm import transition

from treaties.models import Authority
from treaties.models import Instrument
from treaties.rulebook.schema import CHANNEL_LABELS
from treaties.rulebook.schema import Channel as RulebookChannel
from treaties.rulebook.schema import Rulebook
from treaties.rules.deadlines import DEADLINE_LABELS
from treaties.rules.deadlines import OUTLIVE_THE_REQUEST
from treaties.rules.lifecycle import StatusVerdict

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Direction(models.TextChoices):
    OUTGOING = "outgoing", _("outgoing (Kazakhstan requests)")
    INCOMING = "incoming", _("incoming (Kazakhstan is requested)")


# Enum's functional API, which Django documents for choices; django-stubs types only the class
# syntax (its ``TextChoices`` overloads describe one member's value and label).
Channel = models.TextChoices(  # type: ignore[call-overload]
    "Channel", [(c.name, (c.value, CHANNEL_LABELS[c])) for c in RulebookChannel])


class RequestState(models.TextChoices):
    DRAFTING = "drafting", _("drafting")
    UNDER_REVIEW = "under_review", _("under review")
    READY = "ready", _("ready to transmit")
    TRANSMITTED = "transmitted", _("transmitted")
    ORAL_PENDING_CONFIRMATION = "oral_pending_confirmation", _("oral, awaiting written confirmation")
    RECEIVED = "received", _("received and registered")
    COMPLETENESS_CHECK = "completeness_check", _("completeness check")
    ADDITIONAL_INFO_REQUESTED = "additional_info_requested", _("additional information requested")
    FORWARDED = "forwarded", _("forwarded to the competent authority")
    IN_EXECUTION = "in_execution", _("in execution")
    CONSULTATION = "consultation", _("in consultation")
    CONDITIONAL_EXECUTION = "conditional_execution", _("conditional execution")
    DEFERRED = "deferred", _("deferred")
    REFUSED = "refused", _("refused")
    EXECUTED = "executed", _("executed")
    RESULTS_TRANSMITTED = "results_transmitted", _("results transmitted")
    AWAITING_RETURN_OF_ITEMS = "awaiting_return_of_items", _("awaiting return of items")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn")


FINAL_STATES = frozenset({RequestState.CLOSED, RequestState.WITHDRAWN})
ACTIVE_STATES = [s for s in RequestState if s not in FINAL_STATES]
# Once the requested side has answered (refused or executed), the request can only be closed.
WITHDRAWABLE_STATES = [s for s in ACTIVE_STATES if s not in {
    RequestState.REFUSED, RequestState.EXECUTED, RequestState.RESULTS_TRANSMITTED,
    RequestState.AWAITING_RETURN_OF_ITEMS}]
_S = RequestState


class ExecutionOutcome(models.TextChoices):
    FULL = "full", _("fully executed")
    PARTIAL = "partial", _("partially executed")


# --- conditions used by the graph: small, pure, no I/O ------------------------------------------
def is_outgoing(request: AssistanceRequest) -> bool:
    return request.direction == Direction.OUTGOING


def is_incoming(request: AssistanceRequest) -> bool:
    return request.direction == Direction.INCOMING


def provides_oral_requests(request: AssistanceRequest) -> bool:
    return request.instrument.rulebook.provides_oral_requests


def provides_deferral(request: AssistanceRequest) -> bool:
    return request.instrument.rulebook.provides_deferral


def provides_conditions(request: AssistanceRequest) -> bool:
    return request.instrument.rulebook.provides_conditions


def provides_return_of_items(request: AssistanceRequest) -> bool:
    return request.instrument.rulebook.return_of_items is not None


def results_sent_unless_incoming(request: AssistanceRequest) -> bool:
    """An incoming request is closed only after its results went back to the requesting side."""
    return request.direction == Direction.OUTGOING or request.state != RequestState.EXECUTED


FSMCondition = Callable[[models.Model], bool]


def _conditions(*checks: Callable[[AssistanceRequest], bool]) -> list[FSMCondition]:
    """The conditions of one transition, as django-fsm-2 takes them.

    django-fsm-2 types a condition as a function of any ``Model``: its ``transition`` decorator
    is not generic in the model. It only ever calls a condition with the instance whose method
    it decorates, so the conditions above take the request they are about, and this says so once
    to the type checker. The list holds the same functions."""
    return cast(list[FSMCondition], list(checks))


class AssistanceRequest(ConcurrentTransitionMixin, FSMModelMixin, models.Model):
    """One request for assistance, outgoing or incoming, under one instrument.

    The state graph below is shared by every instrument; the conditions on each transition ask the
    instrument's rulebook whether the transition exists (oral requests, deferral, conditions), and
    the service layer evaluates the rulebook's guards before running it.
    """

    reference = models.CharField(_("our reference"), max_length=40, unique=True, blank=True)
    their_reference = models.CharField(_("their reference"), max_length=100, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="requests",
                                   verbose_name=_("instrument"))
    requesting_authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="requests_made",
        verbose_name=_("requesting authority"))
    requested_authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="requests_received",
        verbose_name=_("requested authority"))
    # Incoming requests are forwarded by the central authority to the authority that executes
    # them (CZ 9.2 also obliges a non-competent authority to forward).
    executing_authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="requests_executed", null=True,
        blank=True, verbose_name=_("executing authority"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="requests_created", verbose_name=_("created by"))
    assigned_prosecutor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="requests_assigned", verbose_name=_("executing prosecutor"))

    # --- contents (rulebook content rules point at these by name) ----------------------------
    proceedings_authority = models.TextField(
        _("authority conducting the proceedings (name and address)"), blank=True)
    purpose = models.TextField(_("purpose of the request"), blank=True)
    assistance_description = models.TextField(_("assistance sought"), blank=True)
    offence_description = models.TextField(_("offence"), blank=True)
    legal_qualification = models.TextField(_("legal qualification"), blank=True)
    applicable_law = models.TextField(_("applicable law, including limitation periods"), blank=True)
    facts_summary = models.TextField(_("summary of the facts"), blank=True)
    reasons_for_measures = models.TextField(_("reasons the evidence or measures are needed"),
                                            blank=True)
    summoned_person_allowances = models.TextField(_("allowances of persons summoned"), blank=True)
    officials_wish_to_attend = models.BooleanField(_("our officials wish to attend"), default=False)
    attending_officials = models.TextField(_("officials to attend execution"), blank=True)
    enclosed_documents = models.TextField(_("copies of relevant documents enclosed"), blank=True)
    signed_and_sealed = models.BooleanField(_("signed and sealed"), default=False)
    objects_to_locate = models.TextField(_("persons or objects to locate"), blank=True)
    search_details = models.TextField(_("place or person to search, items to seize"), blank=True)
    questions = models.TextField(_("questions to be put"), blank=True)
    procedure_requirements = models.TextField(_("special procedure requested"), blank=True)
    confidentiality_requirements = models.TextField(_("confidentiality requirements"), blank=True)
    other_information = models.TextField(_("other information"), blank=True)
    assistance_types = models.JSONField(_("assistance types"), default=list, blank=True)

    is_urgent = models.BooleanField(_("urgent"), default=False)
    urgency_reason = models.TextField(_("reason for urgency"), blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices,
                               default=Channel.POST)
    is_confidential = models.BooleanField(_("confidential"), default=False)
    requested_execution_date = models.DateField(_("requested execution date"), null=True,
                                                blank=True)
    # RS 6.5: a deadline the requesting side sets must be reasoned.
    requested_execution_reason = models.TextField(_("reason for the requested date"), blank=True)
    request_language = models.CharField(_("language of the request"), max_length=5, default="ru")
    # BR 23.1, CZ 9.6, SK 8.3: the sides may agree to dispense with a translation.
    translation_agreement = models.TextField(_("agreement on translation"), blank=True)
    # RS 8.3: in urgent cases the sides may agree a summons term shorter than 60 days.
    shorter_summons_term_agreed_on = models.DateField(
        _("shorter summons term agreed on"), null=True, blank=True)
    shorter_summons_term_agreement = models.TextField(
        _("agreement on a shorter summons term"), blank=True)

    # --- milestones ----------------------------------------------------------------------------
    oral_request_at = models.DateTimeField(_("oral request made at"), null=True, blank=True)
    written_confirmation_at = models.DateTimeField(_("written confirmation at"), null=True,
                                                   blank=True)
    transmitted_at = models.DateTimeField(_("transmitted at"), null=True, blank=True)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    # The day the request began with the other side (transmission or receipt). Requests opened
    # while an instrument was in force continue after its termination (RS 22.5, BR 30.4).
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    execution_outcome = models.CharField(_("execution outcome"), max_length=10, blank=True,
                                         choices=ExecutionOutcome.choices)
    executed_at = models.DateTimeField(_("executed at"), null=True, blank=True)
    results_transmitted_at = models.DateTimeField(_("results transmitted at"), null=True,
                                                  blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # BR 18.2: asset sharing is requested within a year of the final confiscation decision.
    final_confiscation_effective_on = models.DateField(
        _("final confiscation decision effective on"), null=True, blank=True)
    asset_sharing_requested_on = models.DateField(_("asset sharing requested on"), null=True,
                                                  blank=True)

    state = FSMField(pgettext_lazy("request", "state"), default=RequestState.DRAFTING, choices=RequestState.choices,
                     protected=True)
    # Incremented on every change; clients send the version they saw and are told when it moved.
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("assistance request")
        verbose_name_plural = _("assistance requests")
        indexes = [
            models.Index(fields=["state", "direction"], name="request_state_direction_idx"),
            models.Index(fields=["instrument", "state"], name="request_instrument_state_idx"),
        ]

    if TYPE_CHECKING:
        # django-fsm-2 decorates the ``__init__`` of its mixins with ``typing.override``, new in
        # Python 3.12: checked for 3.11, mypy cannot resolve it, so the inherited constructor
        # and with it the class object (``objects``, ``DoesNotExist``) would read as Any. This
        # restores Model's signature for mypy; at run time nothing is defined.
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...

    def __str__(self) -> str:
        return self.reference or f"#{self.pk}"

    @property
    def rulebook(self) -> Rulebook:
        return self.instrument.rulebook

    def instrument_status_on(self, day: date) -> StatusVerdict:
        """Whether the instrument binds the two sides of this request on ``day``: in force as a
        whole and for both parties (their own entry into force, no withdrawal in effect; the
        same as the instrument's own status for a bilateral treaty)."""
        return self.instrument.status_between(day, self.requesting_authority.state_id,
                                              self.requested_authority.state_id)

    # --- the graph -----------------------------------------------------------------------------
    # Which state each transition leaves and reaches, and the instrument features it needs. Its
    # label, roles, parameters, guard, citation and effects are in the transition catalogue
    # (``requests_app.workflow.specs``), under the method's name. Transition bodies hold no I/O:
    # the service records the facts and calls them.

    @transition(field=state, source=_S.DRAFTING, target=_S.UNDER_REVIEW,
                conditions=_conditions(is_outgoing))
    def submit_for_review(self) -> None:
        pass

    @transition(field=state, source=_S.UNDER_REVIEW, target=_S.DRAFTING,
                conditions=_conditions(is_outgoing))
    def return_for_revision(self) -> None:
        pass

    @transition(field=state, source=_S.UNDER_REVIEW, target=_S.READY,
                conditions=_conditions(is_outgoing))
    def approve(self) -> None:
        pass

    @transition(field=state, source=_S.READY, target=_S.TRANSMITTED,
                conditions=_conditions(is_outgoing))
    def transmit(self) -> None:
        pass

    @transition(field=state, source=_S.READY, target=_S.ORAL_PENDING_CONFIRMATION,
                conditions=_conditions(is_outgoing, provides_oral_requests))
    def transmit_orally(self) -> None:
        pass

    @transition(field=state, source=_S.ORAL_PENDING_CONFIRMATION,
                target=RETURN_VALUE(_S.TRANSMITTED, _S.RECEIVED),
                conditions=_conditions(provides_oral_requests))
    def confirm_in_writing(self) -> str:
        return _S.TRANSMITTED if is_outgoing(self) else _S.RECEIVED

    @transition(field=state, source=_S.RECEIVED, target=_S.COMPLETENESS_CHECK,
                conditions=_conditions(is_incoming))
    def start_completeness_check(self) -> None:
        pass

    @transition(field=state, source=[_S.COMPLETENESS_CHECK, _S.TRANSMITTED, _S.IN_EXECUTION],
                target=_S.ADDITIONAL_INFO_REQUESTED)
    def request_additional_info(self) -> None:
        pass

    @transition(field=state, source=_S.ADDITIONAL_INFO_REQUESTED,
                target=RETURN_VALUE(_S.TRANSMITTED, _S.COMPLETENESS_CHECK, _S.IN_EXECUTION))
    def supply_additional_info(self) -> str:
        return _S.TRANSMITTED if is_outgoing(self) else self._incoming_work_state()

    def _incoming_work_state(self) -> str:
        """Where an incoming request goes back to after a pause: execution once it has been
        forwarded to an executing authority, otherwise the completeness check."""
        return _S.IN_EXECUTION if self.executing_authority_id else _S.COMPLETENESS_CHECK

    # An urgent oral request may be forwarded for execution before its written confirmation
    # arrives (CZ 9.1-9.2, SK 7.4-7.5); the confirmation is then recorded as a fact.
    @transition(field=state, source=[_S.COMPLETENESS_CHECK, _S.ORAL_PENDING_CONFIRMATION],
                target=_S.FORWARDED, conditions=_conditions(is_incoming))
    def forward(self) -> None:
        pass

    @transition(field=state, source=_S.FORWARDED, target=_S.IN_EXECUTION,
                conditions=_conditions(is_incoming))
    def start_execution(self) -> None:
        pass

    @transition(field=state,
                source=[_S.TRANSMITTED, _S.COMPLETENESS_CHECK, _S.FORWARDED, _S.IN_EXECUTION,
                        _S.CONDITIONAL_EXECUTION, _S.DEFERRED],
                target=_S.CONSULTATION)
    def open_consultation(self) -> None:
        pass

    @transition(field=state, source=[_S.TRANSMITTED, _S.IN_EXECUTION, _S.CONSULTATION],
                target=_S.CONDITIONAL_EXECUTION, conditions=_conditions(provides_conditions))
    def set_conditions(self) -> None:
        pass

    @transition(field=state,
                source=[_S.TRANSMITTED, _S.IN_EXECUTION, _S.CONSULTATION,
                        _S.CONDITIONAL_EXECUTION],
                target=_S.DEFERRED, conditions=_conditions(provides_deferral))
    def defer(self) -> None:
        pass

    @transition(field=state, source=[_S.DEFERRED, _S.CONSULTATION, _S.CONDITIONAL_EXECUTION],
                target=RETURN_VALUE(_S.TRANSMITTED, _S.IN_EXECUTION, _S.COMPLETENESS_CHECK))
    def resume_execution(self) -> str:
        return _S.TRANSMITTED if is_outgoing(self) else self._incoming_work_state()

    @transition(field=state,
                source=[_S.TRANSMITTED, _S.ADDITIONAL_INFO_REQUESTED, _S.COMPLETENESS_CHECK,
                        _S.ORAL_PENDING_CONFIRMATION, _S.FORWARDED, _S.IN_EXECUTION,
                        _S.CONSULTATION, _S.CONDITIONAL_EXECUTION, _S.DEFERRED],
                target=_S.REFUSED)
    def refuse(self) -> None:
        pass

    @transition(field=state,
                source=[_S.TRANSMITTED, _S.IN_EXECUTION, _S.CONDITIONAL_EXECUTION,
                        _S.CONSULTATION, _S.DEFERRED],
                target=_S.EXECUTED)
    def record_execution(self) -> None:
        pass

    @transition(field=state, source=_S.EXECUTED, target=_S.RESULTS_TRANSMITTED,
                conditions=_conditions(is_incoming))
    def transmit_results(self) -> None:
        pass

    @transition(field=state, source=[_S.EXECUTED, _S.RESULTS_TRANSMITTED],
                target=_S.AWAITING_RETURN_OF_ITEMS,
                conditions=_conditions(provides_return_of_items))
    def await_return_of_items(self) -> None:
        pass

    @transition(field=state,
                source=[_S.EXECUTED, _S.RESULTS_TRANSMITTED, _S.REFUSED,
                        _S.AWAITING_RETURN_OF_ITEMS],
                target=_S.CLOSED, conditions=_conditions(results_sent_unless_incoming))
    def close(self) -> None:
        pass

    @transition(field=state, source=[s.value for s in WITHDRAWABLE_STATES], target=_S.WITHDRAWN)
    def withdraw(self) -> None:
        pass


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
    address = models.TextField(_("address"), blank=True)
    particulars = models.TextField(_("other particulars"), blank=True)
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
    not_served_reason = models.TextField(_("reason it was not served"), blank=True)
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
    summary = models.TextField(_("summary"))
    outcome = models.TextField(_("outcome"), blank=True)
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
    reasons = models.TextField(_("reasons"))
    conditions = models.TextField(_("conditions"), blank=True)
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
    description = models.TextField(_("description"))
    holder = models.CharField(_("held by"), max_length=20, choices=ItemHolder.choices)
    handed_over_on = models.DateField(_("handed over on"))
    third_party_conditions = models.TextField(_("third-party conditions"), blank=True)
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
    purpose = models.TextField(_("purpose"))
    data_categories = models.TextField(_("list of data"))
    sensitive = models.BooleanField(_("sensitive categories"), default=False)
    sensitive_justification = models.TextField(_("why sensitive data are necessary"), blank=True)
    bodies_involved = models.TextField(_("bodies involved"))
    use_conditions = models.TextField(_("conditions of use"), blank=True)
    # Set by the supplier at transfer (CZ 10.5, SK 5.6); the receiver deletes by then.
    deletion_due_on = models.DateField(_("delete by"), null=True, blank=True)
    deleted_on = models.DateField(_("deleted on"), null=True, blank=True)
    deletion_reason = models.TextField(_("reason for deletion"), blank=True)
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
    """Written consent of the supplier to pass data on to a third party (CZ 11.2, SK 6.2)."""

    personal_data = models.ForeignKey(PersonalDataTransfer, on_delete=models.CASCADE,
                                      related_name="consents")
    recipient = models.CharField(_("third state, organisation or party"), max_length=300)
    consent_reference = models.CharField(_("reference of the written consent"), max_length=200)
    consent_given_on = models.DateField(_("consent given on"))
    onward_transferred_on = models.DateField(_("transferred onward on"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("onward-transfer consent")
        verbose_name_plural = _("onward-transfer consents")

    def __str__(self) -> str:
        return f"consent {self.consent_reference} → {self.recipient}"


class DeadlineStatus(models.TextChoices):
    OPEN = "open", _("open")
    MET = "met", _("met")
    MISSED = "missed", _("missed")
    WAIVED = "waived", _("waived")


class DeadlineBasis(models.TextChoices):
    TREATY = "treaty", _("treaty term")
    OFFICE_POLICY = "office_policy", _("office policy target")
    REQUESTING_SIDE = "requesting_side", _("date set by the requesting side")


class ResponsibleSide(models.TextChoices):
    KAZAKHSTAN = "kazakhstan", _("Kazakhstan")
    OTHER_SIDE = "other_side", _("the other side")


def _deadline_q(prefix: str, **lookups: object) -> Q:
    return Q(**{f"{prefix}{name}": value for name, value in lookups.items()})


def deadline_relevant_q(prefix: str = "") -> Q:
    """A deadline matters while its request is in progress, or, for a duty that outlives the
    request (OUTLIVE_THE_REQUEST), after it; an instrument's own duties always. ``prefix``
    reaches deadlines through a relation (``"deadlines__"``)."""
    return (_deadline_q(prefix, request__isnull=True)
            | ~_deadline_q(prefix, request__state__in=FINAL_STATES)
            | _deadline_q(prefix, kind__in=OUTLIVE_THE_REQUEST))


def deadline_needing_action_q(prefix: str = "") -> Q:
    """Still to be done: open, or missed and not done since, where it still matters."""
    return (_deadline_q(prefix, status=DeadlineStatus.OPEN)
            | (_deadline_q(prefix, status=DeadlineStatus.MISSED, met_at__isnull=True)
               & deadline_relevant_q(prefix)))


def deadline_overdue_q(now: datetime, prefix: str = "") -> Q:
    """Past due and not done: open after its due time (the sweep has not marked it yet), or
    missed and not done since; either way where it still matters. At the due instant itself a
    deadline is not yet overdue: done then, it is met (``satisfied_at <= due_at``)."""
    late = (_deadline_q(prefix, status=DeadlineStatus.OPEN, due_at__lt=now)
            | _deadline_q(prefix, status=DeadlineStatus.MISSED, met_at__isnull=True))
    return late & deadline_relevant_q(prefix)


class DeadlineQuerySet(models.QuerySet["Deadline"]):
    """The read policies of deadlines, defined once (the ``deadline_*_q`` conditions above).
    ``Deadline.is_overdue`` says the same of one row in Python, for pages that already hold the
    rows; a test keeps the two in step."""

    def needing_action(self) -> DeadlineQuerySet:
        return self.filter(deadline_needing_action_q())

    def overdue(self, now: datetime) -> DeadlineQuerySet:
        return self.filter(deadline_overdue_q(now))


class Deadline(models.Model):
    """A term that runs on a request (or, for periodic duties and an instrument's life, on an
    instrument), computed by ``treaties.rules.deadlines`` and kept in step with the facts in the
    same transaction as every change. The beat sweep reminds, marks missed and escalates."""

    # Empty for duties of the instrument itself (RS 18 conviction reports, termination).
    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, null=True,
                                blank=True, related_name="deadlines")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="deadlines")
    kind = models.CharField(_("kind"), max_length=60)
    # Distinguishes several deadlines of one kind on one request (one per person, item...).
    subject_key = models.CharField(_("subject"), max_length=60, blank=True, default="")
    due_at = models.DateTimeField(_("due at"))
    citation = models.CharField(_("citation"), max_length=80)
    basis = models.CharField(_("basis"), max_length=20, choices=DeadlineBasis.choices,
                             default=DeadlineBasis.TREATY)
    status = models.CharField(_("status"), max_length=10, choices=DeadlineStatus.choices,
                              default=DeadlineStatus.OPEN)
    responsible_side = models.CharField(_("who must act"), max_length=20,
                                        choices=ResponsibleSide.choices)
    responsible_role = models.CharField(_("role that must act"), max_length=20, blank=True)
    responsible_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                         null=True, blank=True, related_name="deadlines")
    met_at = models.DateTimeField(_("met at"), null=True, blank=True)
    closed_reason = models.CharField(_("reason closed"), max_length=300, blank=True)
    # When the sweep must next look at this row: the next reminder threshold, or the due time.
    # Only open rows have one; the sweep's partial index covers exactly those.
    next_action_at = models.DateTimeField(_("next action at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due_at"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        constraints = [
            models.UniqueConstraint(fields=["request", "kind", "subject_key"],
                                    name="deadline_unique_per_subject"),
            models.UniqueConstraint(fields=["instrument", "kind", "subject_key"],
                                    condition=Q(request__isnull=True),
                                    name="deadline_unique_per_instrument_duty"),
        ]
        indexes = [
            models.Index(fields=["status", "due_at"], name="deadline_status_due_idx"),
            models.Index(fields=["next_action_at"], condition=Q(status="open"),
                         name="deadline_sweep_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_at:%Y-%m-%d %H:%M} ({self.status})"

    def is_overdue(self, now: datetime, *, request_state: str | None) -> bool:
        """``DeadlineQuerySet.overdue`` for this row; ``request_state`` is its request's state
        (None for an instrument's duty), passed in so that no query is needed."""
        relevant = (request_state is None or request_state not in FINAL_STATES
                    or self.kind in OUTLIVE_THE_REQUEST)
        late = ((self.status == DeadlineStatus.OPEN and self.due_at < now)
                or (self.status == DeadlineStatus.MISSED and self.met_at is None))
        return relevant and late

    @property
    def duty_label(self) -> str:
        # ``DEADLINE_LABELS`` is keyed by ``DeadlineKind``, a StrEnum: a member is equal to, and
        # hashes like, the code this row stores; an unknown kind is shown as it is.
        labels: Mapping[Any, StrOrPromise] = DEADLINE_LABELS
        return str(labels.get(self.kind, self.kind))


class NotificationEvent(models.Model):
    """One reminder, miss or escalation of one deadline. The unique constraint on (deadline,
    threshold, due time) is what makes every notification happen exactly once, however many
    sweeps run at the same time; a deadline whose due time moves earns new reminders."""

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="events")
    threshold = models.CharField(_("threshold"), max_length=40)
    due_at = models.DateTimeField(_("due at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("notification event")
        verbose_name_plural = _("notification events")
        constraints = [models.UniqueConstraint(fields=["deadline", "threshold", "due_at"],
                                               name="notification_event_once")]

    def __str__(self) -> str:
        return f"{self.deadline} {self.threshold}"


class Notification(models.Model):
    """An inbox entry of one user for one event; e-mailed once by the sweep."""

    event = models.ForeignKey(NotificationEvent, on_delete=models.CASCADE,
                              related_name="notifications")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="notifications")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [models.UniqueConstraint(fields=["event", "recipient"],
                                               name="notification_once_per_recipient")]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_inbox_idx"),
            models.Index(fields=["created_at"], condition=Q(emailed_at__isnull=True),
                         name="notification_email_queue_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} {self.event}"


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
    OTHER = "other", _("other")


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
