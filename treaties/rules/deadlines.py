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
from treaties.rulebook.schema import DutyEvent
from treaties.rulebook.schema import DutyParty
from treaties.rulebook.schema import DutyRule
from treaties.rulebook.schema import OriginalsMode
from treaties.rulebook.schema import Rulebook

from .calendar import add_term
from .calendar import end_of_day
from .calendar import local_date
from .calendar import start_of_day
from .correspondence import letter_rule
from .correspondence import status_inquiry_rule
from .facts import STATUS_INQUIRY
from .facts import LetterFacts
from .facts import RequestFacts
from .guards import summons_term_days
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
    # Notices and acts owed once an event happens (``DutyRule``), one kind per event.
    NOTICE_OF_REFUSAL = "notice_of_refusal"
    NOTICE_OF_DEFERRAL = "notice_of_deferral"
    NOTICE_OF_PARTIAL_EXECUTION = "notice_of_partial_execution"
    NOTICE_OF_RESULTS = "notice_of_results"
    NOTICE_OF_OBSTACLE = "notice_of_obstacle"
    NOTICE_OF_NON_SERVICE = "notice_of_non_service"
    PROGRESS_INFORMATION = "progress_information"
    CONFIDENTIALITY_NOTICE = "confidentiality_notice"
    NOTICE_OF_DISCLOSURE = "notice_of_disclosure"
    SAFE_CONDUCT_ENDS = "safe_conduct_ends"
    ADVANCE_NOTICE_OF_DATE_AND_PLACE = "advance_notice_of_date_and_place"
    NOTICE_OF_INVITATION_ANSWER = "notice_of_invitation_answer"
    NOTICE_OF_ACTION_TAKEN = "notice_of_action_taken"
    NOTICE_OF_ASSET_SHARING_OUTCOME = "notice_of_asset_sharing_outcome"
    CONSULTATION_ON_EXTRA_COSTS = "consultation_on_extra_costs"
    # Duties of an instrument rather than of one request.
    CONVICTION_REPORT = "conviction_report"
    CONVICTION_REPORT_RECEIPT = "conviction_report_receipt"
    INSTRUMENT_SUSPENSION = "instrument_suspension"
    INSTRUMENT_TERMINATION = "instrument_termination"
    # How fast the requested side executes (CZ 9.2, SK 7.5, RS 6.5, BR 24.1): no figure in any
    # text, so an office target (office policy).
    EXECUTION_TARGET = "execution_target"
    # Registers (``treaties.rules.registers``).
    PERSONAL_DATA_TERMINATION_DESTRUCTION = "personal_data_termination_destruction"
    PERSONAL_DATA_CORRECTION = "personal_data_correction"
    PERSONAL_DATA_USE_REPORT = "personal_data_use_report"
    COST_CONSULTATION = "cost_consultation"
    DISCLOSURE_NOTICE = "disclosure_notice"
    # The correspondence register (office policy): a reply to a letter we sent is due by the
    # date we set; an outgoing request silent for the office's period calls for a status
    # inquiry.
    REPLY_DUE = "reply_due"
    STATUS_INQUIRY_DUE = "status_inquiry_due"


# The office's own reminders about letters: no treaty sets their time.
CORRESPONDENCE_KINDS = frozenset({DeadlineKind.REPLY_DUE, DeadlineKind.STATUS_INQUIRY_DUE})

# The deadline kind of each event that obliges a notice or an act (``DutyRule.event``).
DUTY_DEADLINE_KINDS: dict[DutyEvent, DeadlineKind] = {
    DutyEvent.REFUSAL: DeadlineKind.NOTICE_OF_REFUSAL,
    DutyEvent.DEFERRAL: DeadlineKind.NOTICE_OF_DEFERRAL,
    DutyEvent.PARTIAL_EXECUTION: DeadlineKind.NOTICE_OF_PARTIAL_EXECUTION,
    DutyEvent.EXECUTION_FINISHED: DeadlineKind.NOTICE_OF_RESULTS,
    DutyEvent.OBSTACLE: DeadlineKind.NOTICE_OF_OBSTACLE,
    DutyEvent.NON_SERVICE: DeadlineKind.NOTICE_OF_NON_SERVICE,
    DutyEvent.PROGRESS_ASKED: DeadlineKind.PROGRESS_INFORMATION,
    DutyEvent.CONFIDENTIALITY_IMPOSSIBLE: DeadlineKind.CONFIDENTIALITY_NOTICE,
    DutyEvent.DISCLOSURE_REQUIRED: DeadlineKind.NOTICE_OF_DISCLOSURE,
    DutyEvent.PRESENCE_NO_LONGER_NEEDED: DeadlineKind.SAFE_CONDUCT_ENDS,
    DutyEvent.ADVANCE_NOTICE_ASKED: DeadlineKind.ADVANCE_NOTICE_OF_DATE_AND_PLACE,
    DutyEvent.INVITATION_ANSWERED: DeadlineKind.NOTICE_OF_INVITATION_ANSWER,
    DutyEvent.INFORMATION_ACTED_ON: DeadlineKind.NOTICE_OF_ACTION_TAKEN,
    DutyEvent.ASSET_SHARING_DECIDED: DeadlineKind.NOTICE_OF_ASSET_SHARING_OUTCOME,
    DutyEvent.EXTRA_COSTS_ANNOUNCED: DeadlineKind.CONSULTATION_ON_EXTRA_COSTS,
}
DUTY_KINDS = frozenset(DUTY_DEADLINE_KINDS.values())

# Duties that run on after a request is closed or withdrawn: received personal data must still be
# deleted (CZ 10.5, SK 5.6), asset sharing may be asked within a year of the confiscation
# (BR 18.2), a transferred person must still be returned (RS 11.1, BR 9.2), and a notice owed
# (a refusal told in writing, CZ 9.5) is owed whatever became of the request.
OUTLIVE_THE_REQUEST = frozenset({DeadlineKind.PERSONAL_DATA_DELETION,
                                 DeadlineKind.ASSET_SHARING_REQUEST, DeadlineKind.DETAINEE_RETURN,
                                 # Registers: duties on personal data received and on its use.
                                 DeadlineKind.PERSONAL_DATA_TERMINATION_DESTRUCTION,
                                 DeadlineKind.PERSONAL_DATA_CORRECTION,
                                 DeadlineKind.PERSONAL_DATA_USE_REPORT,
                                 DeadlineKind.DISCLOSURE_NOTICE} | DUTY_KINDS)

DEADLINE_LABELS = {
    DeadlineKind.SUMMONS_TRANSMISSION: _("Transmit the summons request before the lead time runs out"),
    DeadlineKind.ORAL_CONFIRMATION: _("Written confirmation of the oral request"),
    DeadlineKind.ORIGINAL_BY_POST: _("Original dispatched by post with the electronic request"),
    DeadlineKind.ORIGINAL_ON_REQUEST: _("Original provided after the requested side asked"),
    DeadlineKind.DETAINEE_RETURN: _("Return of the transferred person"),
    DeadlineKind.ASSET_SHARING_REQUEST: _("Request for sharing of confiscated assets"),
    DeadlineKind.PERSONAL_DATA_DELETION: _("Deletion of received personal data"),
    DeadlineKind.REQUESTED_EXECUTION_DATE: _("Execution by the date the requesting side set"),
    DeadlineKind.NOTICE_OF_REFUSAL: _("Notice of the refusal, with its reasons"),
    DeadlineKind.NOTICE_OF_DEFERRAL: _("Notice of the deferral, with its reasons"),
    DeadlineKind.NOTICE_OF_PARTIAL_EXECUTION: _("Notice of the partial execution"),
    DeadlineKind.NOTICE_OF_RESULTS: _("Notice of the results of execution"),
    DeadlineKind.NOTICE_OF_OBSTACLE: _("Notice of an obstacle to execution"),
    DeadlineKind.NOTICE_OF_NON_SERVICE: _("Notice that a document could not be served, with the "
                                          "reasons"),
    DeadlineKind.PROGRESS_INFORMATION: _("Information on the progress of execution, as asked"),
    DeadlineKind.CONFIDENTIALITY_NOTICE: _("Notice that confidentiality cannot be kept"),
    DeadlineKind.NOTICE_OF_DISCLOSURE: _("Notice of a disclosure required by law"),
    DeadlineKind.SAFE_CONDUCT_ENDS: _("Safe conduct ends unless the person has left"),
    DeadlineKind.ADVANCE_NOTICE_OF_DATE_AND_PLACE: _("Advance notice of the date and place of "
                                                     "the taking of evidence"),
    DeadlineKind.NOTICE_OF_INVITATION_ANSWER: _("Notice of the person's answer to the "
                                                "invitation to appear"),
    DeadlineKind.NOTICE_OF_ACTION_TAKEN: _("Notice of the action taken on the information"),
    DeadlineKind.NOTICE_OF_ASSET_SHARING_OUTCOME: _("Notice of the outcome of the asset-sharing "
                                                    "request"),
    DeadlineKind.CONSULTATION_ON_EXTRA_COSTS: _("Consultation on extraordinary costs"),
    DeadlineKind.CONVICTION_REPORT: _("Six-monthly report of convictions of the other side's citizens"),
    DeadlineKind.CONVICTION_REPORT_RECEIPT: _("Six-monthly report of convictions of Kazakh "
                                              "citizens from the other side"),
    DeadlineKind.INSTRUMENT_SUSPENSION: _("Suspension of the instrument takes effect"),
    DeadlineKind.INSTRUMENT_TERMINATION: _("The instrument ceases to have effect"),
    DeadlineKind.EXECUTION_TARGET: _("Execution of the request (office target)"),
    DeadlineKind.PERSONAL_DATA_TERMINATION_DESTRUCTION: _(
        "Destruction of received personal data when the agreement ends"),
    DeadlineKind.PERSONAL_DATA_CORRECTION: _(
        "Correction or destruction of personal data after a notice of inaccuracy"),
    DeadlineKind.PERSONAL_DATA_USE_REPORT: _("Report on the use of personal data, as asked"),
    DeadlineKind.COST_CONSULTATION: _("Consultation on the extraordinary costs announced"),
    DeadlineKind.DISCLOSURE_NOTICE: _("Notice to the requested side of a disclosure the law required"),
    DeadlineKind.REPLY_DUE: _("Reply to our letter due"),
    DeadlineKind.STATUS_INQUIRY_DUE: _("Status inquiry due (no news from the other side)"),
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
    DeadlineKind.NOTICE_OF_REFUSAL: (6 * H, 1 * H),
    DeadlineKind.NOTICE_OF_DEFERRAL: (6 * H, 1 * H),
    DeadlineKind.NOTICE_OF_PARTIAL_EXECUTION: (6 * H, 1 * H),
    DeadlineKind.NOTICE_OF_RESULTS: (6 * H, 1 * H),
    DeadlineKind.NOTICE_OF_OBSTACLE: (6 * H, 1 * H),
    DeadlineKind.NOTICE_OF_NON_SERVICE: (6 * H, 1 * H),
    DeadlineKind.PROGRESS_INFORMATION: (7 * D, 1 * D),
    DeadlineKind.CONFIDENTIALITY_NOTICE: (6 * H, 1 * H),
    DeadlineKind.NOTICE_OF_DISCLOSURE: (7 * D, 1 * D),
    DeadlineKind.SAFE_CONDUCT_ENDS: (3 * D, 1 * D),
    DeadlineKind.ADVANCE_NOTICE_OF_DATE_AND_PLACE: (6 * H, 1 * H),
    DeadlineKind.NOTICE_OF_INVITATION_ANSWER: (6 * H, 1 * H),
    DeadlineKind.NOTICE_OF_ACTION_TAKEN: (7 * D, 1 * D),
    DeadlineKind.NOTICE_OF_ASSET_SHARING_OUTCOME: (7 * D, 1 * D),
    DeadlineKind.CONSULTATION_ON_EXTRA_COSTS: (7 * D, 1 * D),
    DeadlineKind.CONVICTION_REPORT: (14 * D, 3 * D),
    DeadlineKind.CONVICTION_REPORT_RECEIPT: (14 * D, 3 * D),
    DeadlineKind.INSTRUMENT_SUSPENSION: (7 * D, 1 * D),
    DeadlineKind.INSTRUMENT_TERMINATION: (30 * D, 7 * D, 1 * D),
    DeadlineKind.EXECUTION_TARGET: (7 * D, 1 * D),
    DeadlineKind.PERSONAL_DATA_TERMINATION_DESTRUCTION: (30 * D, 7 * D, 1 * D),
    DeadlineKind.PERSONAL_DATA_CORRECTION: (2 * D, 1 * D),
    DeadlineKind.PERSONAL_DATA_USE_REPORT: (7 * D, 1 * D),
    DeadlineKind.COST_CONSULTATION: (3 * D, 1 * D),
    DeadlineKind.DISCLOSURE_NOTICE: (2 * D, 1 * D),
    # ``MLA_REPLY_REMINDER_DAYS`` before the reply date, and the day before
    # (``services.deadlines.reminder_leads``); these are the defaults without settings.
    DeadlineKind.REPLY_DUE: (7 * D, 1 * D),
    # The silence reaches the office's period on the due day: the clerk is told that morning.
    DeadlineKind.STATUS_INQUIRY_DUE: (1 * D,),
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


def chase_key(late_by: timedelta) -> str:
    """Stable name of a chase after a missed due time: ``overdue:168h`` (7 days late)."""
    return f"overdue:{int(late_by.total_seconds() // 3600)}h"


def first_chase_at(due_at: datetime, interval: timedelta, after: datetime) -> datetime:
    """The first chase of a missed deadline later than ``after``: one ``interval`` after the due
    time, then every ``interval`` (office policy: a reply the other side owes is chased until it
    comes)."""
    periods = max(0, (after - due_at) // interval)
    return due_at + interval * (periods + 1)


def plan_chase(due_at: datetime, interval: timedelta, now: datetime) -> SweepPlan:
    """What the sweep does with a missed deadline that is chased, once its chase time has come:
    one reminder naming how late it is (the latest whole interval passed; older ones are stale),
    and when to chase again."""
    periods = max(1, (now - due_at) // interval)
    return SweepPlan(reminder=chase_key(interval * periods), missed=False,
                     next_action_at=first_chase_at(due_at, interval, now))


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
    # A notice the text wants "immediately", "promptly" or "without delay" (CZ 9.5, RS 8.2,
    # BR 24.8, 24.9...): due this many hours after the event.
    notice_target_hours: int = 24
    # A notice or consultation for which the text sets no time at all (RS 5.4, BR 3.4, 24.7...).
    untimed_notice_target_days: int = 30
    # Executing a request we received, where the text says "without delay" or "as soon as
    # possible" (CZ 9.2, SK 7.5, RS 6.5, BR 24.1): days from its receipt.
    execution_target_days: int = 30
    # An outgoing request with no letter from the other side for this many days since it was
    # transmitted (or since our last letter): a status inquiry is due.
    status_inquiry_after_days: int = 60


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
    term = summons_term_days(rulebook, facts)
    if rule is None or term is None or not facts.outgoing:
        return []
    # RS 8.3: a shorter term agreed in an urgent case binds as agreed; one recorded without its
    # number of days (before the term was recorded) no longer binds.
    waived = "shorter term agreed in an urgent case" if term == 0 else ""
    return [
        DeadlineSpec(
            kind=DeadlineKind.SUMMONS_TRANSMISSION, subject_key=f"person:{p.key}",
            due_at=end_of_day(p.appearance_date - timedelta(days=term)),
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
        technical = facts.channel in {str(c) for c in TECHNICAL_CHANNELS}
        dispatched = [o.dispatched_on for o in facts.originals
                      if o.dispatched_on and o.dispatch_channel == "post"]
        if facts.outgoing and facts.transmitted_at and technical:
            specs.append(DeadlineSpec(
                kind=DeadlineKind.ORIGINAL_BY_POST, subject_key="",
                due_at=end_of_day(local_date(facts.transmitted_at)), citation=rule.citation,
                basis=Basis.TREATY, responsible_side=Side.KAZAKHSTAN, responsible_role="Clerk",
                satisfied_at=_day_start(min(dispatched)) if dispatched else None))
        elif not facts.outgoing and facts.received_at and technical:
            # The other side owes the same (RS 3.4) on its requests: its original should be
            # posted the day its copy arrived. A postmark date decides; an original recorded as
            # received without one closes the row without a verdict.
            received = any(o.received_on for o in facts.originals)
            specs.append(DeadlineSpec(
                kind=DeadlineKind.ORIGINAL_BY_POST, subject_key="",
                due_at=end_of_day(local_date(facts.received_at)), citation=rule.citation,
                basis=Basis.TREATY, responsible_side=Side.OTHER_SIDE, responsible_role="",
                satisfied_at=_day_start(min(dispatched)) if dispatched else None,
                waived_reason=("original received; date of dispatch not recorded"
                               if received and not dispatched else "")))
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
    """BR 18.2: asset sharing is requested within one year of the final confiscation decision,
    or by the date the sides agreed in an exceptional case."""
    rule = rulebook.asset_sharing
    if rule is None or facts.final_confiscation_effective_on is None:
        return []
    requested = facts.asset_sharing_requested_on
    # "Unless, in exceptional cases, the Parties agree otherwise": an agreed date replaces the year.
    due_on = facts.asset_sharing_term_extended_to or add_term(
        facts.final_confiscation_effective_on, days=rule.days, months=rule.months)
    return [DeadlineSpec(
        kind=DeadlineKind.ASSET_SHARING_REQUEST, subject_key="",
        due_at=end_of_day(due_on),
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
    """RS 6.5: execute, where possible, by the date the requesting side indicated. The date binds
    only if it came with its reasons; without them the row stays, marked as not binding, so the
    date is still seen."""
    rule = rulebook.requested_execution_date_reasoned
    if rule is None or facts.outgoing or facts.requested_execution_date is None:
        return []
    return [DeadlineSpec(
        kind=DeadlineKind.REQUESTED_EXECUTION_DATE, subject_key="",
        due_at=end_of_day(facts.requested_execution_date), citation=rule.citation,
        basis=Basis.REQUESTING_SIDE, responsible_side=Side.KAZAKHSTAN,
        responsible_role="Prosecutor", satisfied_at=facts.executed_at,
        waived_reason="" if facts.requested_execution_reason_given
        else "the requested date came without reasons and does not bind")]


def duty_side(rule: DutyRule, direction_outgoing: bool) -> Side:
    """Who owes ``rule`` on a request: Kazakhstan owes the requested side's duties on an incoming
    request and the requesting side's on an outgoing one; a joint consultation is ours too."""
    if rule.owed_by == DutyParty.BOTH:
        return Side.KAZAKHSTAN
    ours = DutyParty.REQUESTING if direction_outgoing else DutyParty.REQUESTED
    return Side.KAZAKHSTAN if rule.owed_by == ours else Side.OTHER_SIDE


def duty_due(rule: DutyRule, triggered_at: datetime, policy: OfficePolicy) -> tuple[datetime, Basis]:
    """When a duty falls due and on what basis: the text's days (to the end of the last day,
    Asia/Almaty) or hours (from the moment); where it says "immediately" or sets no time, the
    office-policy target."""
    if rule.days is not None:
        return end_of_day(add_term(local_date(triggered_at), days=rule.days)), Basis.TREATY
    if rule.hours is not None:
        return triggered_at + timedelta(hours=rule.hours), Basis.TREATY
    if rule.immediate:
        return triggered_at + timedelta(hours=policy.notice_target_hours), Basis.OFFICE_POLICY
    return (end_of_day(add_term(local_date(triggered_at), days=policy.untimed_notice_target_days)),
            Basis.OFFICE_POLICY)


def duty_deadlines(rulebook: Rulebook, facts: RequestFacts,
                   policy: OfficePolicy) -> list[DeadlineSpec]:
    """One row per duty triggered on the request (CZ 9.5, SK 7.7, RS 5.4, 6.4, 7.1, 8.2, 9.2,
    BR 3.4, 5.1, 5.4, 7.2, 8.3, 10.2, 15.3, 18.3(b), 24.7-24.9, 27.4), met when the notice is
    recorded; the other side's duties are tracking rows."""
    specs = []
    for duty in facts.duties:
        rule = rulebook.duty(duty.code)
        if rule is None:
            continue
        due_at, basis = duty_due(rule, duty.triggered_at, policy)
        side = duty_side(rule, facts.outgoing)
        specs.append(DeadlineSpec(
            kind=DUTY_DEADLINE_KINDS[rule.event], subject_key=f"duty:{duty.key}", due_at=due_at,
            citation=rule.citation, basis=basis, responsible_side=side,
            responsible_role="Clerk" if side == Side.KAZAKHSTAN else "",
            satisfied_at=duty.fulfilled_at))
    return specs


def execution_target_deadlines(rulebook: Rulebook, facts: RequestFacts,
                               policy: OfficePolicy) -> list[DeadlineSpec]:
    """A request we received is executed "without delay" (SK 7.5, BR 24.1), "in urgent manner"
    (CZ 9.2) or "as soon as possible" (RS 6.5): no text gives a figure, so the office's target
    runs from receipt, labelled office policy and cited to the article it serves. It keeps a
    request in execution on the dashboards even where no treaty term runs."""
    rule = rulebook.prompt_execution or rulebook.requested_execution_date_reasoned
    if rule is None or facts.outgoing or facts.received_at is None:
        return []
    received_on = local_date(facts.received_at)
    return [DeadlineSpec(
        kind=DeadlineKind.EXECUTION_TARGET, subject_key="",
        due_at=end_of_day(add_term(received_on, days=policy.execution_target_days)),
        citation=rule.citation, basis=Basis.OFFICE_POLICY, responsible_side=Side.KAZAKHSTAN,
        responsible_role="Prosecutor", satisfied_at=facts.executed_at)]


def _answered_on(letter: LetterFacts, letters: tuple[LetterFacts, ...]) -> date | None:
    """The day the first answer to ``letter`` was received."""
    answers = [other.dated_on for other in letters
               if not other.sent and other.in_reply_to == letter.key]
    return min(answers) if answers else None


def reply_due_deadlines(rulebook: Rulebook, facts: RequestFacts) -> list[DeadlineSpec]:
    """A letter we sent with a reply date: the other side's reply is due by the end of that day
    (office policy: the date is ours, not a treaty term), met by the first letter registered as
    its answer. The other side must act; our clerks chase (the sweep tells them). Cited to the
    article the letter was sent under (CZ 9.2 for additional information...), else to the
    instrument's article on communication."""
    specs = []
    for letter in facts.letters:
        if not letter.sent or letter.reply_due_on is None:
            continue
        answered = _answered_on(letter, facts.letters)
        rule = letter_rule(rulebook, letter.kind) or rulebook.communication
        specs.append(DeadlineSpec(
            kind=DeadlineKind.REPLY_DUE, subject_key=f"letter:{letter.key}",
            due_at=end_of_day(letter.reply_due_on), citation=rule.citation,
            basis=Basis.OFFICE_POLICY, responsible_side=Side.OTHER_SIDE, responsible_role="",
            satisfied_at=_day_start(answered) if answered else None))
    return specs


# While the other side holds our request: transmitted, in consultation, on conditions, deferred.
AWAITING_OTHER_SIDE = frozenset({"transmitted", "consultation", "conditional_execution",
                                 "deferred"})


def status_inquiry_deadlines(rulebook: Rulebook, facts: RequestFacts,
                             policy: OfficePolicy) -> list[DeadlineSpec]:
    """An outgoing request the other side holds: when nothing has come from them for the
    office's period (``status_inquiry_after_days``) since the request was transmitted, or since
    our last letter or their last one, a status inquiry is due at the end of day N of the
    silence (office policy). Sending the inquiry meets it (the inquiry carries its own reply
    date); a letter from them, or another of ours, starts the silence again."""
    if not facts.outgoing or facts.transmitted_at is None or facts.state not in AWAITING_OTHER_SIDE:
        return []
    inquiries = [letter for letter in facts.letters
                 if letter.sent and letter.kind == STATUS_INQUIRY]
    others = [letter.dated_on for letter in facts.letters if letter not in inquiries]
    silence_since = max([local_date(facts.transmitted_at), *others])
    sent = sorted(letter.dated_on for letter in inquiries if letter.dated_on >= silence_since)
    return [DeadlineSpec(
        kind=DeadlineKind.STATUS_INQUIRY_DUE, subject_key="",
        due_at=end_of_day(add_term(silence_since, days=policy.status_inquiry_after_days)),
        citation=status_inquiry_rule(rulebook).citation, basis=Basis.OFFICE_POLICY,
        responsible_side=Side.KAZAKHSTAN, responsible_role="Clerk",
        satisfied_at=_day_start(sent[0]) if sent else None)]


def compute_deadlines(rulebook: Rulebook, facts: RequestFacts,
                      policy: OfficePolicy | None = None) -> list[DeadlineSpec]:
    policy = policy or OfficePolicy()
    return (summons_deadlines(rulebook, facts)
            + oral_confirmation_deadlines(rulebook, facts, policy)
            + original_deadlines(rulebook, facts)
            + detainee_return_deadlines(rulebook, facts)
            + asset_sharing_deadlines(rulebook, facts)
            + personal_data_deadlines(rulebook, facts)
            + requested_execution_deadlines(rulebook, facts)
            + execution_target_deadlines(rulebook, facts, policy)
            + duty_deadlines(rulebook, facts, policy)
            + reply_due_deadlines(rulebook, facts)
            + status_inquiry_deadlines(rulebook, facts, policy))


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
            # RS 18 binds both states: our report, and the other side's, whose receipt we track.
            theirs = duty.owed_by_other_side
            specs.append(DeadlineSpec(
                kind=DeadlineKind(duty.code), subject_key=due_on.isoformat(),
                due_at=end_of_day(due_on), citation=duty.citation, basis=Basis.TREATY,
                responsible_side=Side.OTHER_SIDE if theirs else Side.KAZAKHSTAN,
                responsible_role="" if theirs else "Clerk"))
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
