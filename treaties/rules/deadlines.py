"""Which terms run on a request, and when they fall due. Pure: facts in, specifications out.

The service layer turns the specifications into ``Deadline`` rows (``requests_app.services.
deadlines.deadlines_sync``) in the same transaction as the change that moved them.

Dates "by day X" fall due at the end of day X in Asia/Almaty; hour-based terms run from the exact
moment (SK 7.4: 24 hours after the oral request).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import TECHNICAL_CHANNELS
from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import OriginalsMode
from treaties.rulebook.schema import Rulebook

from .calendar import add_term
from .calendar import end_of_day
from .calendar import local_date
from .calendar import start_of_day
from .facts import RequestFacts
from .lifecycle import InstrumentDates
from .lifecycle import InstrumentStatus
from .lifecycle import instrument_status_on
from .lifecycle import suspension_effective_on
from .lifecycle import termination_effective_on


class DeadlineKind(enum.StrEnum):
    SUMMONS_TRANSMISSION = "summons_transmission"
    ORAL_CONFIRMATION = "oral_confirmation"
    ORIGINAL_BY_POST = "original_by_post"
    ORIGINAL_ON_REQUEST = "original_on_request"
    DETAINEE_RETURN = "detainee_return"
    ASSET_SHARING_REQUEST = "asset_sharing_request"
    PERSONAL_DATA_DELETION = "personal_data_deletion"
    REQUESTED_EXECUTION_DATE = "requested_execution_date"
    # Duties of an instrument rather than of one request.
    CONVICTION_REPORT = "conviction_report"
    INSTRUMENT_SUSPENSION = "instrument_suspension"
    INSTRUMENT_TERMINATION = "instrument_termination"
    # Registers (``treaties.rules.registers``).
    PERSONAL_DATA_TERMINATION_DESTRUCTION = "personal_data_termination_destruction"
    PERSONAL_DATA_CORRECTION = "personal_data_correction"
    PERSONAL_DATA_USE_REPORT = "personal_data_use_report"
    COST_CONSULTATION = "cost_consultation"
    DISCLOSURE_NOTICE = "disclosure_notice"


# Duties that run on after a request is closed or withdrawn: received personal data must still be
# deleted (CZ 10.5, SK 5.6), asset sharing may be asked within a year of the confiscation
# (BR 18.2), a transferred person must still be returned (RS 11.1, BR 9.2).
OUTLIVE_THE_REQUEST = frozenset({DeadlineKind.PERSONAL_DATA_DELETION,
                                 DeadlineKind.ASSET_SHARING_REQUEST, DeadlineKind.DETAINEE_RETURN,
                                 # Registers: duties on personal data received and on its use.
                                 DeadlineKind.PERSONAL_DATA_TERMINATION_DESTRUCTION,
                                 DeadlineKind.PERSONAL_DATA_CORRECTION,
                                 DeadlineKind.PERSONAL_DATA_USE_REPORT,
                                 DeadlineKind.DISCLOSURE_NOTICE})

DEADLINE_LABELS = {
    DeadlineKind.SUMMONS_TRANSMISSION: _("Transmit the summons request before the lead time runs out"),
    DeadlineKind.ORAL_CONFIRMATION: _("Written confirmation of the oral request"),
    DeadlineKind.ORIGINAL_BY_POST: _("Original dispatched by post with the electronic request"),
    DeadlineKind.ORIGINAL_ON_REQUEST: _("Original provided after the requested side asked"),
    DeadlineKind.DETAINEE_RETURN: _("Return of the transferred person"),
    DeadlineKind.ASSET_SHARING_REQUEST: _("Request for sharing of confiscated assets"),
    DeadlineKind.PERSONAL_DATA_DELETION: _("Deletion of received personal data"),
    DeadlineKind.REQUESTED_EXECUTION_DATE: _("Execution by the date the requesting side set"),
    DeadlineKind.CONVICTION_REPORT: _("Six-monthly report of convictions of the other side's citizens"),
    DeadlineKind.INSTRUMENT_SUSPENSION: _("Suspension of the instrument takes effect"),
    DeadlineKind.INSTRUMENT_TERMINATION: _("The instrument ceases to have effect"),
    DeadlineKind.PERSONAL_DATA_TERMINATION_DESTRUCTION: _(
        "Destruction of received personal data when the agreement ends"),
    DeadlineKind.PERSONAL_DATA_CORRECTION: _(
        "Correction or destruction of personal data after a notice of inaccuracy"),
    DeadlineKind.PERSONAL_DATA_USE_REPORT: _("Report on the use of personal data, as asked"),
    DeadlineKind.COST_CONSULTATION: _("Consultation on the extraordinary costs announced"),
    DeadlineKind.DISCLOSURE_NOTICE: _("Notice to the requested side of a disclosure the law required"),
}

H, D = timedelta(hours=1), timedelta(days=1)
# How long before a deadline its reminders go out, per kind (settings may override).
DEFAULT_REMINDER_LEADS: dict[DeadlineKind, tuple[timedelta, ...]] = {
    DeadlineKind.SUMMONS_TRANSMISSION: (7 * D, 1 * D),
    DeadlineKind.ORAL_CONFIRMATION: (6 * H, 1 * H),
    DeadlineKind.ORIGINAL_BY_POST: (6 * H,),
    DeadlineKind.ORIGINAL_ON_REQUEST: (7 * D, 1 * D),
    DeadlineKind.DETAINEE_RETURN: (14 * D, 3 * D),
    DeadlineKind.ASSET_SHARING_REQUEST: (30 * D, 7 * D),
    DeadlineKind.PERSONAL_DATA_DELETION: (7 * D, 1 * D),
    DeadlineKind.REQUESTED_EXECUTION_DATE: (7 * D, 1 * D),
    DeadlineKind.CONVICTION_REPORT: (14 * D, 3 * D),
    DeadlineKind.INSTRUMENT_SUSPENSION: (7 * D, 1 * D),
    DeadlineKind.INSTRUMENT_TERMINATION: (30 * D, 7 * D, 1 * D),
    DeadlineKind.PERSONAL_DATA_TERMINATION_DESTRUCTION: (30 * D, 7 * D, 1 * D),
    DeadlineKind.PERSONAL_DATA_CORRECTION: (2 * D, 1 * D),
    DeadlineKind.PERSONAL_DATA_USE_REPORT: (7 * D, 1 * D),
    DeadlineKind.COST_CONSULTATION: (3 * D, 1 * D),
    DeadlineKind.DISCLOSURE_NOTICE: (2 * D, 1 * D),
}
MISSED = "missed"
ESCALATED = "escalated"


def reminder_key(lead: timedelta) -> str:
    """Stable name of a reminder threshold: ``reminder:168h``."""
    return f"reminder:{int(lead.total_seconds() // 3600)}h"


@dataclass(frozen=True)
class SweepPlan:
    """What the sweep does with one open deadline now: send at most one reminder (the most recent
    threshold passed since the last look; older ones are stale), or mark it missed; and when to
    look again (None once missed)."""

    reminder: str | None
    missed: bool
    next_action_at: datetime | None


def first_action_at(due_at: datetime, leads: tuple[timedelta, ...], after: datetime) -> datetime:
    """The first reminder threshold later than ``after``, else the due time itself. Thresholds
    already behind ``after`` (a deadline created or moved close to its due time) are skipped."""
    upcoming = [due_at - lead for lead in leads if due_at - lead > after]
    return min(upcoming) if upcoming else due_at


def plan_sweep(due_at: datetime, leads: tuple[timedelta, ...], scheduled_at: datetime,
               now: datetime) -> SweepPlan:
    if now >= due_at:
        return SweepPlan(reminder=None, missed=True, next_action_at=None)
    passed = sorted(((due_at - lead, lead) for lead in leads
                     if scheduled_at <= due_at - lead <= now), reverse=True)
    reminder = reminder_key(passed[0][1]) if passed else None
    return SweepPlan(reminder=reminder, missed=False,
                     next_action_at=first_action_at(due_at, leads, now))


class Basis(enum.StrEnum):
    TREATY = "treaty"
    OFFICE_POLICY = "office_policy"
    REQUESTING_SIDE = "requesting_side"


class Side(enum.StrEnum):
    KAZAKHSTAN = "kazakhstan"
    OTHER_SIDE = "other_side"


@dataclass(frozen=True)
class DeadlineSpec:
    kind: DeadlineKind
    subject_key: str
    due_at: datetime
    citation: Citation
    basis: Basis
    responsible_side: Side
    responsible_role: str  # a role name, or "" when the other side must act
    satisfied_at: datetime | None = None
    # The term no longer binds (e.g. RS 8.3 shorter summons term agreed in an urgent case).
    waived_reason: str = ""


@dataclass(frozen=True)
class OfficePolicy:
    """Office-set targets where a treaty gives no figure."""

    oral_confirmation_hours: int = 48


def _day_start(day: date) -> datetime:
    # A fact recorded by date is taken as done at the start of that day, so a deadline due at the
    # end of the same day counts as met.
    return start_of_day(day)


def _ours_if(outgoing: bool) -> Side:
    return Side.KAZAKHSTAN if outgoing else Side.OTHER_SIDE


def summons_deadlines(rulebook: Rulebook, facts: RequestFacts) -> list[DeadlineSpec]:
    """RS 8.3 / BR 6.2: the last day on which the request may be transmitted is the appearance
    date minus the lead time. Only outgoing requests: the lead time binds the requesting side."""
    rule = rulebook.summons_lead_time
    if rule is None or not facts.outgoing:
        return []
    waived = ""
    if rule.shorter_term_by_agreement_when_urgent and facts.is_urgent and facts.shorter_summons_term_agreed:
        waived = "shorter term agreed in an urgent case"
    return [
        DeadlineSpec(
            kind=DeadlineKind.SUMMONS_TRANSMISSION, subject_key=f"person:{p.key}",
            due_at=end_of_day(p.appearance_date - timedelta(days=rule.days)),
            citation=rule.citation, basis=Basis.TREATY, responsible_side=Side.KAZAKHSTAN,
            responsible_role="Clerk", satisfied_at=facts.transmitted_at, waived_reason=waived)
        for p in facts.summonses if p.appearance_date is not None
    ]


def oral_confirmation_deadlines(rulebook: Rulebook, facts: RequestFacts,
                                policy: OfficePolicy) -> list[DeadlineSpec]:
    """SK 7.4: written confirmation within 24 hours. CZ 9.1: "without delay", no figure: the
    office-policy target applies and is marked as such."""
    rule = rulebook.oral_requests
    if rule is None or facts.oral_request_at is None:
        return []
    if rule.confirmation_hours is not None:
        hours, basis = rule.confirmation_hours, Basis.TREATY
    else:
        hours, basis = policy.oral_confirmation_hours, Basis.OFFICE_POLICY
    return [DeadlineSpec(
        kind=DeadlineKind.ORAL_CONFIRMATION, subject_key="",
        due_at=facts.oral_request_at + timedelta(hours=hours), citation=rule.citation, basis=basis,
        responsible_side=_ours_if(facts.outgoing), responsible_role="Clerk" if facts.outgoing else "",
        satisfied_at=facts.written_confirmation_at)]


def original_deadlines(rulebook: Rulebook, facts: RequestFacts) -> list[DeadlineSpec]:
    rule = rulebook.originals
    if rule is None:
        return []
    specs = []
    if rule.mode == OriginalsMode.SIMULTANEOUS_POST:
        # RS 3.4: the original goes by post the day the electronic or fax copy goes.
        if facts.outgoing and facts.transmitted_at and facts.channel in {str(c) for c in TECHNICAL_CHANNELS}:
            dispatched = [o.dispatched_on for o in facts.originals
                          if o.dispatched_on and o.dispatch_channel == "post"]
            specs.append(DeadlineSpec(
                kind=DeadlineKind.ORIGINAL_BY_POST, subject_key="",
                due_at=end_of_day(local_date(facts.transmitted_at)), citation=rule.citation,
                basis=Basis.TREATY, responsible_side=Side.KAZAKHSTAN, responsible_role="Clerk",
                satisfied_at=_day_start(min(dispatched)) if dispatched else None))
    elif rule.mode == OriginalsMode.ON_REQUEST_WITHIN_DAYS:
        # BR 22.1: the original within 30 days of the requested side asking for it.
        for original in facts.originals:
            if original.asked_for_on is None:
                continue
            done_on = original.dispatched_on or original.received_on
            specs.append(DeadlineSpec(
                kind=DeadlineKind.ORIGINAL_ON_REQUEST, subject_key=f"original:{original.key}",
                due_at=end_of_day(add_term(original.asked_for_on, days=rule.days)),
                citation=rule.citation, basis=Basis.TREATY,
                responsible_side=_ours_if(facts.outgoing),
                responsible_role="Clerk" if facts.outgoing else "",
                satisfied_at=_day_start(done_on) if done_on else None))
    return specs


def detainee_return_deadlines(rulebook: Rulebook, facts: RequestFacts) -> list[DeadlineSpec]:
    """RS 11.1: by the term set (max six months, one extension). BR 9.2: by the release date.
    The requesting side holds the person and must return them."""
    rule = rulebook.detainee_transfer
    if rule is None:
        return []
    specs = []
    for transfer in facts.transfers:
        candidates = [d for d in (transfer.return_due_on,
                                  transfer.release_date if rule.until_release_date else None) if d]
        if not candidates:
            continue
        specs.append(DeadlineSpec(
            kind=DeadlineKind.DETAINEE_RETURN, subject_key=f"transfer:{transfer.key}",
            due_at=end_of_day(min(candidates)), citation=rule.citation, basis=Basis.TREATY,
            responsible_side=_ours_if(facts.outgoing),
            responsible_role="Clerk" if facts.outgoing else "",
            satisfied_at=_day_start(transfer.returned_on) if transfer.returned_on else None))
    return specs


def asset_sharing_deadlines(rulebook: Rulebook, facts: RequestFacts) -> list[DeadlineSpec]:
    """BR 18.2: asset sharing is requested within one year of the final confiscation decision."""
    rule = rulebook.asset_sharing
    if rule is None or facts.final_confiscation_effective_on is None:
        return []
    requested = facts.asset_sharing_requested_on
    return [DeadlineSpec(
        kind=DeadlineKind.ASSET_SHARING_REQUEST, subject_key="",
        due_at=end_of_day(add_term(facts.final_confiscation_effective_on, days=rule.days,
                                   months=rule.months)),
        citation=rule.citation, basis=Basis.TREATY, responsible_side=_ours_if(facts.outgoing),
        responsible_role="Prosecutor" if facts.outgoing else "",
        satisfied_at=_day_start(requested) if requested else None)]


def personal_data_deadlines(rulebook: Rulebook, facts: RequestFacts) -> list[DeadlineSpec]:
    """CZ 10, SK 5: data we received are deleted by the term the supplier set."""
    rule = rulebook.personal_data
    if rule is None:
        return []
    return [
        DeadlineSpec(
            kind=DeadlineKind.PERSONAL_DATA_DELETION, subject_key=f"data:{entry.key}",
            due_at=end_of_day(entry.deletion_due_on), citation=rule.deletion_term,
            basis=Basis.TREATY, responsible_side=Side.KAZAKHSTAN, responsible_role="Clerk",
            satisfied_at=_day_start(entry.deleted_on) if entry.deleted_on else None)
        for entry in facts.personal_data
        if entry.flow == "received" and entry.deletion_due_on is not None
    ]


def requested_execution_deadlines(rulebook: Rulebook, facts: RequestFacts) -> list[DeadlineSpec]:
    """RS 6.5: execute by the reasoned deadline the requesting side indicated."""
    rule = rulebook.requested_execution_date_reasoned
    if rule is None or facts.outgoing or facts.requested_execution_date is None:
        return []
    return [DeadlineSpec(
        kind=DeadlineKind.REQUESTED_EXECUTION_DATE, subject_key="",
        due_at=end_of_day(facts.requested_execution_date), citation=rule.citation,
        basis=Basis.REQUESTING_SIDE, responsible_side=Side.KAZAKHSTAN,
        responsible_role="Prosecutor", satisfied_at=facts.executed_at)]


def compute_deadlines(rulebook: Rulebook, facts: RequestFacts,
                      policy: OfficePolicy | None = None) -> list[DeadlineSpec]:
    policy = policy or OfficePolicy()
    return (summons_deadlines(rulebook, facts)
            + oral_confirmation_deadlines(rulebook, facts, policy)
            + original_deadlines(rulebook, facts)
            + detainee_return_deadlines(rulebook, facts)
            + asset_sharing_deadlines(rulebook, facts)
            + personal_data_deadlines(rulebook, facts)
            + requested_execution_deadlines(rulebook, facts))


# --- duties of an instrument ----------------------------------------------------------------------
# Instrument-life rows announce a change rather than ask for an act: at their due time they take
# effect (marked met) instead of being missed.
TAKES_EFFECT_KINDS = frozenset({DeadlineKind.INSTRUMENT_SUSPENSION,
                                DeadlineKind.INSTRUMENT_TERMINATION})


def periodic_due_on(start: date, every_months: int, on: date) -> date:
    """The end of the reporting period that ``on`` falls in: the first ``start + k * every_months``
    (k >= 1) on or after ``on``."""
    k = 1
    while add_term(start, months=k * every_months) < on:
        k += 1
    return add_term(start, months=k * every_months)


def instrument_deadlines(rulebook: Rulebook, dates: InstrumentDates, today: date) -> list[DeadlineSpec]:
    """Periodic duties (RS 18: every six months, the convictions of the other side's citizens)
    and the instrument's life (suspension CZ 17, termination RS 22.4, BR 30.2, CZ 18.2, SK 12.2)."""
    specs = []
    status = instrument_status_on(rulebook, dates, today)
    # A periodic duty runs from the entry into force (an instrument in force has that date).
    entered = dates.entered_into_force_on
    if status.status in (InstrumentStatus.IN_FORCE, InstrumentStatus.SUSPENDED) and entered:
        for duty in rulebook.periodic_duties:
            due_on = periodic_due_on(entered, duty.every_months, today)
            specs.append(DeadlineSpec(
                kind=DeadlineKind(duty.code), subject_key=due_on.isoformat(),
                due_at=end_of_day(due_on), citation=duty.citation, basis=Basis.TREATY,
                responsible_side=Side.KAZAKHSTAN, responsible_role="Clerk"))
    if dates.termination_notice_received_on is not None:
        effective = termination_effective_on(rulebook, dates.termination_notice_received_on)
        specs.append(DeadlineSpec(
            kind=DeadlineKind.INSTRUMENT_TERMINATION, subject_key=effective.isoformat(),
            due_at=start_of_day(effective), citation=rulebook.termination.citation,
            basis=Basis.TREATY, responsible_side=Side.KAZAKHSTAN, responsible_role="Supervisor"))
    if rulebook.suspension is not None and dates.suspension_notice_received_on is not None:
        effective = suspension_effective_on(rulebook, dates.suspension_notice_received_on)
        specs.append(DeadlineSpec(
            kind=DeadlineKind.INSTRUMENT_SUSPENSION, subject_key=effective.isoformat(),
            due_at=start_of_day(effective), citation=rulebook.suspension.citation,
            basis=Basis.TREATY, responsible_side=Side.KAZAKHSTAN, responsible_role="Supervisor"))
    return specs
