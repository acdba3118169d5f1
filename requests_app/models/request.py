"""The request and its state graph: one request for assistance, outgoing or incoming, under one
instrument, and the transitions the graph declares (their specs are in ``requests_app.workflow``)."""


from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC
from datetime import date
from datetime import datetime
from functools import cache
from functools import lru_cache
from typing import TYPE_CHECKING
from typing import Any
from typing import cast

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db import router
from django.db.models import DEFERRED
from django.db.models import signals
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import RETURN_VALUE
from django_fsm import ConcurrentTransition
from django_fsm import ConcurrentTransitionMixin
from django_fsm import FSMField
from django_fsm import FSMModelMixin
from django_fsm import transition

from mla.limits import BoundedTextField
from treaties.models import Authority
from treaties.models import Instrument
from treaties.rulebook.offences import MAX_PENALTY_YEARS
from treaties.rulebook.offences import offence_category_choices
from treaties.rulebook.schema import CHANNEL_LABELS
from treaties.rulebook.schema import Channel as RulebookChannel
from treaties.rulebook.schema import Rulebook
from treaties.rules.lifecycle import StatusVerdict

from ..compiled_sql import CompiledStatement
from ..compiled_sql import Slot
from ..compiled_sql import compiled_update

if TYPE_CHECKING:
    pass


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

# The inbox's stages, in the order the inbox lists them: the states in which a request waits for
# the same kind of work. Their labels are the inbox's (``selectors.requests.STAGES``); the order
# is kept on each row (``AssistanceRequest.stage_order``) so that a page of the inbox is read from
# one index.
INBOX_STAGE_STATES: tuple[tuple[str, tuple[RequestState, ...]], ...] = (
    ("drafting", (_S.DRAFTING, _S.UNDER_REVIEW)),
    ("to_transmit", (_S.READY,)),
    ("awaiting_confirmation", (_S.ORAL_PENDING_CONFIRMATION,)),
    ("registration", (_S.RECEIVED, _S.COMPLETENESS_CHECK, _S.ADDITIONAL_INFO_REQUESTED)),
    ("execution", (_S.TRANSMITTED, _S.FORWARDED, _S.IN_EXECUTION, _S.CONDITIONAL_EXECUTION)),
    ("decisions", (_S.CONSULTATION, _S.DEFERRED, _S.REFUSED, _S.EXECUTED,
                   _S.RESULTS_TRANSMITTED)),
    ("items", (_S.AWAITING_RETURN_OF_ITEMS,)),
    ("closed", (_S.CLOSED, _S.WITHDRAWN)),
)
CLOSED_STAGE_ORDER = len(INBOX_STAGE_STATES) - 1


def _stage_order_expression() -> models.Case:
    return models.Case(*[models.When(state__in=[s.value for s in states], then=models.Value(i))
                         for i, (_key, states) in enumerate(INBOX_STAGE_STATES)],
                       default=models.Value(len(INBOX_STAGE_STATES)),
                       output_field=models.PositiveSmallIntegerField())


# Where the inbox puts requests that wait for no deadline: after every real due time (``NO_DUE``),
# newest first, by mirroring their creation time around ``_MIRROR``: a request created later gets
# an earlier value. One ascending column then gives the inbox's order (soonest due first, then
# newest first) and a page deep in the inbox starts where the previous one ended, read from the
# index (``inbox_order_idx``), instead of counting its way there.
NO_DUE = datetime(5000, 1, 1, tzinfo=UTC)
_MIRROR = datetime(3000, 1, 1, tzinfo=UTC)


def inbox_due_at_for(next_due_at: datetime | None, created_at: datetime) -> datetime:
    """The inbox's sort time of a request: its next due time, or, when nothing is due, its
    creation time mirrored after ``NO_DUE``."""
    if next_due_at is not None:
        return next_due_at
    return NO_DUE + (_MIRROR - created_at)


def inbox_due_at_expression(next_due_at: models.Expression | models.Subquery) -> Coalesce:
    """``inbox_due_at_for`` in SQL, for the set-based refresh (``services.inbox``); a test keeps
    the two in step."""
    mirrored = models.ExpressionWrapper(
        models.Value(NO_DUE, output_field=models.DateTimeField())
        + models.ExpressionWrapper(models.Value(_MIRROR, output_field=models.DateTimeField())
                                   - models.F("created_at"),
                                   output_field=models.DurationField()),
        output_field=models.DateTimeField())
    return Coalesce(next_due_at, mirrored, output_field=models.DateTimeField())


# Our outgoing letter number ("2-15-26/1234"): one line.
DISPATCH_REFERENCE_MAX_LENGTH = 60


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
    # The Kazakh criminal case the request serves (e.g. "2026-0001"): the office finds requests
    # by it; the other side sees it only where the letter names it.
    case_number = models.CharField(_("criminal case number"), max_length=60, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    # These four are indexed by the "who may see it" indexes of Meta, which lead with them.
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="requests",
                                   db_index=False, verbose_name=_("instrument"))
    requesting_authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="requests_made", db_index=False,
        verbose_name=_("requesting authority"))
    requested_authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="requests_received", db_index=False,
        verbose_name=_("requested authority"))
    # Incoming requests are forwarded by the central authority to the authority that executes
    # them (CZ 9.2 also obliges a non-competent authority to forward).
    executing_authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="requests_executed", null=True,
        blank=True, db_index=False, verbose_name=_("executing authority"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="requests_created", verbose_name=_("created by"))
    # Who signs the request letter (an official of the requesting authority, with position);
    # without one the letter leaves the name and position blank to fill in by hand.
    signatory = models.ForeignKey(
        "requests_app.Signatory", on_delete=models.PROTECT, null=True, blank=True,
        related_name="requests", verbose_name=_("signatory"))
    # The named owner of each stage (``OwnerStage``): who must act next, before the role does.
    # Empty where nobody is named yet: the role of the stage in the office acts (and is told).
    # The drafting prosecutor of an outgoing request (its creator, when a prosecutor).
    drafting_prosecutor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="requests_drafted", verbose_name=_("drafting prosecutor"))
    # The central authority's clerk: who registered an incoming request, or transmits and
    # follows up an outgoing one.
    clerk_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="requests_clerked", verbose_name=_("central-authority clerk"))
    # The executing prosecutor of an incoming request (set on forwarding or start of execution).
    assigned_prosecutor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="requests_assigned", verbose_name=_("executing prosecutor"))

    # --- contents (rulebook content rules point at these by name) ----------------------------
    proceedings_authority = BoundedTextField(
        _("authority conducting the proceedings (name and address)"), blank=True)
    purpose = BoundedTextField(_("purpose of the request"), blank=True)
    assistance_description = BoundedTextField(_("assistance sought"), blank=True)
    offence_description = BoundedTextField(_("offence"), blank=True)
    # What the resolver (``treaties.selectors.instruments_applicable``) and the statistics read
    # of the offence: its category (the FATF designated categories), the laundered proceeds'
    # category, the maximum penalty (UNTOC 2(b) serious crime) and an organised group (UNTOC 3.1).
    offence_category = models.CharField(_("offence category"), max_length=40, blank=True,
                                        choices=offence_category_choices)
    offence_laundering_predicate = models.CharField(
        _("category of the offence whose proceeds were laundered"), max_length=40, blank=True,
        choices=offence_category_choices,
        help_text=_("For money laundering only: the category of the predicate offence."))
    offence_max_penalty_years = models.PositiveSmallIntegerField(
        _("maximum penalty (years of deprivation of liberty)"), null=True, blank=True,
        validators=[MaxValueValidator(MAX_PENALTY_YEARS)],
        help_text=_("The longest deprivation of liberty the law sets for the offence; for life "
                    "imprisonment enter 99."))
    organised_group_involved = models.BooleanField(
        _("organised criminal group involved or suspected"), null=True, blank=True)
    # Why the user chose an instrument other than the one the engine proposed (logged).
    instrument_choice_reason = BoundedTextField(
        _("reason for choosing this instrument"), blank=True,
        help_text=_("Required where the instrument is not the one proposed."))
    legal_qualification = BoundedTextField(_("legal qualification"), blank=True)
    applicable_law = BoundedTextField(_("applicable law, including limitation periods"), blank=True)
    facts_summary = BoundedTextField(_("summary of the facts"), blank=True)
    reasons_for_measures = BoundedTextField(_("reasons the evidence or measures are needed"),
                                            blank=True)
    summoned_person_allowances = BoundedTextField(_("allowances of persons summoned"), blank=True)
    officials_wish_to_attend = models.BooleanField(_("our officials wish to attend"), default=False)
    attending_officials = BoundedTextField(_("officials to attend execution"), blank=True)
    enclosed_documents = BoundedTextField(_("copies of relevant documents enclosed"), blank=True)
    signed_and_sealed = models.BooleanField(_("signed and sealed"), default=False)
    objects_to_locate = BoundedTextField(_("persons or objects to locate"), blank=True)
    search_details = BoundedTextField(_("place or person to search, items to seize"), blank=True)
    questions = BoundedTextField(_("questions to be put"), blank=True)
    procedure_requirements = BoundedTextField(_("special procedure requested"), blank=True)
    confidentiality_requirements = BoundedTextField(_("confidentiality requirements"), blank=True)
    other_information = BoundedTextField(_("other information"), blank=True)
    assistance_types = models.JSONField(_("assistance types"), default=list, blank=True)

    is_urgent = models.BooleanField(_("urgent"), default=False)
    urgency_reason = BoundedTextField(_("reason for urgency"), blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices,
                               default=Channel.POST)
    is_confidential = models.BooleanField(_("confidential"), default=False)
    requested_execution_date = models.DateField(_("requested execution date"), null=True,
                                                blank=True)
    # RS 6.5: a deadline the requesting side sets must be reasoned.
    requested_execution_reason = BoundedTextField(_("reason for the requested date"), blank=True)
    request_language = models.CharField(_("language of the request"), max_length=5, default="ru")
    # BR 23.1, CZ 9.6, SK 8.3: the sides may agree to dispense with a translation.
    translation_agreement = BoundedTextField(_("agreement on translation"), blank=True)
    # RS 8.3: in urgent cases the sides may agree a summons term shorter than 60 days.
    shorter_summons_term_agreed_on = models.DateField(
        _("shorter summons term agreed on"), null=True, blank=True)
    shorter_summons_term_agreement = BoundedTextField(
        _("agreement on a shorter summons term"), blank=True)
    # The term agreed, in calendar days before the appearance date; it binds as agreed.
    shorter_summons_term_days = models.PositiveSmallIntegerField(
        _("agreed summons term (days)"), null=True, blank=True)

    # --- milestones ----------------------------------------------------------------------------
    oral_request_at = models.DateTimeField(_("oral request made at"), null=True, blank=True)
    written_confirmation_at = models.DateTimeField(_("written confirmation at"), null=True,
                                                   blank=True)
    transmitted_at = models.DateTimeField(_("transmitted at"), null=True, blank=True)
    # What the clerk records on transmission (optional): the day the letter left and our outgoing
    # letter number, so that the transmission can be traced in the office's register of outgoing
    # mail. Empty on requests transmitted before they were kept, or where none was given.
    dispatched_on = models.DateField(_("dispatched on"), null=True, blank=True)
    dispatch_reference = models.CharField(_("outgoing letter number"),
                                          max_length=DISPATCH_REFERENCE_MAX_LENGTH, blank=True)
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
    # BR 18.2 "unless, in exceptional cases, the Parties agree otherwise": the agreed date that
    # replaces the one-year term, who agreed it and when.
    asset_sharing_term_extended_to = models.DateField(_("asset-sharing term extended to"),
                                                      null=True, blank=True)
    asset_sharing_extension_agreed_on = models.DateField(_("extension agreed on"), null=True,
                                                         blank=True)
    asset_sharing_extension_agreement = BoundedTextField(
        _("extension agreed with (who, how, reference)"), blank=True)

    state = FSMField(pgettext_lazy("request", "state"), default=RequestState.DRAFTING, choices=RequestState.choices,
                     protected=True)
    # Incremented on every change; clients send the version they saw and are told when it moved.
    version = models.PositiveIntegerField(_("version"), default=1)
    # Set when the row is made (not on save, as ``auto_now_add`` would), so that the inbox's sort
    # time can be computed from it before the first INSERT.
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # The inbox's order, read from one index (``inbox_order_idx``): the stage's position in
    # ``INBOX_STAGE_STATES``, computed by the database from the state, and the sort time
    # (``inbox_due_at_for``: the soonest due time among the deadlines that need action, else the
    # mirrored creation time), written with the request by the services that change its
    # deadlines (``services.inbox``).
    stage_order = models.GeneratedField(expression=_stage_order_expression(),
                                        output_field=models.PositiveSmallIntegerField(),
                                        db_persist=True)
    inbox_due_at = models.DateTimeField(_("inbox sort time"), editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("assistance request")
        verbose_name_plural = _("assistance requests")
        indexes = [
            models.Index(fields=["state", "direction"], name="request_state_direction_idx"),
            models.Index(fields=["instrument", "state"], name="request_instrument_state_idx"),
            # The API list's orderings (newest first by default; read backwards for oldest).
            models.Index(fields=["created_at", "id"], name="request_created_idx"),
            models.Index(fields=["updated_at", "id"], name="request_updated_idx"),
            # The inbox: stage, then soonest due (newest first when nothing is due), then id.
            # The columns of who may see a request follow the unique key (so they change no
            # order): a page and a tab's count for an office are read from the index alone.
            models.Index(fields=["stage_order", "inbox_due_at", "id", "requesting_authority",
                                 "requested_authority", "executing_authority", "instrument"],
                         name="inbox_order_idx"),
            # Who may see a request, one way each (``access.request_visibility_branches``),
            # then the inbox's stage: an office's tab counts read only that office's rows.
            models.Index(fields=["requesting_authority", "stage_order", "id"],
                         name="request_requesting_stage_idx"),
            models.Index(fields=["requested_authority", "stage_order", "id"],
                         name="request_requested_stage_idx"),
            models.Index(fields=["executing_authority", "stage_order", "id"],
                         name="request_executing_stage_idx"),
            models.Index(fields=["instrument", "stage_order", "id"],
                         name="request_instrument_stage_idx"),
            # "My work": open requests in the inbox's due order, across stages.
            models.Index(fields=["inbox_due_at", "id"], name="request_open_due_idx",
                         condition=models.Q(stage_order__lt=CLOSED_STAGE_ORDER)),
        ]

    if TYPE_CHECKING:
        # django-fsm-2 decorates the ``__init__`` of its mixins with ``typing.override``, new in
        # Python 3.12: checked for 3.11, mypy cannot resolve it, so the inherited constructor
        # and with it the class object (``objects``, ``DoesNotExist``) would read as Any. This
        # restores Model's signature for mypy; at run time nothing is defined.
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...

    def __str__(self) -> str:
        return self.reference or f"#{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A new request waits for no deadline yet: it sorts among the newest. Its deadlines are
        # then computed by the service that made it, which writes the sort time they give.
        if self.inbox_due_at is None:
            self.inbox_due_at = inbox_due_at_for(None, self.created_at)
        super().save(*args, **kwargs)

    def remember_row(self) -> None:
        """Keep the row's values as read (or as last written), so that ``save_over_version``
        writes only the columns a change moved. The services call it on the row they lock."""
        self._row_as_read = {
            field.attname: copy.deepcopy(value) if isinstance(value, (list, dict)) else value
            for field in _written_fields()
            if (value := self.__dict__.get(field.attname, DEFERRED)) is not DEFERRED}

    def save_over_version(self, expected_version: int) -> None:
        """Save, but only over the row at ``expected_version`` in the state it was read in
        (django-fsm's ``ConcurrentTransition`` when either moved): a change's one write,
        version check included.

        On a row kept by ``remember_row`` the UPDATE writes only the columns that moved, with
        SQL compiled once per set of columns (``compiled_sql``): what ``save`` does (its signals
        and ``auto_now``, the state narrowed to the one read) without compiling it each time.
        The row is locked and its version checked, so no other writer has moved a column it
        leaves alone."""
        row = getattr(self, "_row_as_read", None)
        if row is None or "state" not in row:
            self._saving_over_version = expected_version
            try:
                self.save()
            finally:
                del self._saving_over_version
            return
        model = type(self)
        using = router.db_for_write(model, instance=self)
        # What ``save`` checks first (a related object assigned unsaved); Django's own method,
        # which django-stubs do not describe.
        self._prepare_related_fields_for_save(operation_name="save")  # type: ignore[attr-defined]
        if self.inbox_due_at is None:
            self.inbox_due_at = inbox_due_at_for(None, self.created_at)
        signals.pre_save.send(sender=model, instance=self, raw=False, using=using,
                              update_fields=None)
        values = {field.attname: field.pre_save(self, False) for field in _written_fields()}
        moved = tuple(name for name, value in values.items()
                      if name not in row or row[name] != value)
        updated = _update_over_version(using, moved).execute(
            **values, where_id=self.pk, read_state=row["state"],
            read_version=expected_version)
        if not updated:
            raise ConcurrentTransition("The request's row moved since it was read.")
        self._state.db, self._state.adding = using, False
        signals.post_save.send(sender=model, instance=self, created=False, update_fields=None,
                               raw=False, using=using)
        self._update_initial_state()
        self.remember_row()

    def _do_update(self, base_qs: Any, *args: Any, **kwargs: Any) -> Any:
        # A request not kept by ``remember_row``: Django's own hook for the UPDATE of ``save``
        # (django-fsm narrows it to the state read), narrowed to the version read.
        expected = getattr(self, "_saving_over_version", None)
        if expected is not None:
            base_qs = base_qs.filter(version=expected)
        return super()._do_update(base_qs, *args, **kwargs)

    @property
    def rulebook(self) -> Rulebook:
        return self.instrument.rulebook

    def instrument_status_on(self, day: date) -> StatusVerdict:
        """Whether the instrument binds the two sides of this request on ``day``: in force as a
        whole and for both parties (their own entry into force, no withdrawal in effect; the
        same as the instrument's own status for a bilateral treaty). A partial suspension that
        covers none of the request's forms of assistance leaves it in force (CZ 17)."""
        return self.instrument.status_between(day, self.requesting_authority.state_id,
                                              self.requested_authority.state_id,
                                              assistance_types=self.assistance_types or ())

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


@cache
def _written_fields() -> tuple[models.Field[Any, Any], ...]:
    """The columns ``save`` writes: all but the key and the generated ones."""
    return tuple(field for field in AssistanceRequest._meta.local_concrete_fields
                 if not field.primary_key and not field.generated)


@lru_cache(maxsize=256)
def _update_over_version(alias: str, fields: tuple[str, ...]) -> CompiledStatement:
    """The UPDATE of ``fields`` on the row still at the state and version read. Changes of one
    kind move the same columns: a few sets cover them."""
    meta = AssistanceRequest._meta
    row = AssistanceRequest._base_manager.using(alias).filter(
        pk=Slot("where_id", meta.pk), state=Slot("read_state", meta.get_field("state")),
        version=Slot("read_version", meta.get_field("version")))
    return compiled_update(row, fields)
