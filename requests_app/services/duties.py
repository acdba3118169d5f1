"""The notices and acts the treaties oblige once an event happens (``DutyRule``): recording the
event that triggers one, by hand or with the transition or fact that is the event, and recording
its fulfilment (the notice sent or received). Each runs in ``request_change``: locked, logged
with the duty's citation, deadlines recomputed (``treaties.rules.deadlines.duty_deadlines``).

Kazakhstan owes the requested side's duties on incoming requests and the requesting side's on
outgoing ones (``duty_side``); the other side's are recorded to track their arrival.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import DutyEvent
from treaties.rulebook.schema import DutyRule
from treaties.rules.deadlines import Side
from treaties.rules.deadlines import duty_side
from treaties.rules.violations import Violation

from ..exceptions import InvalidInput
from ..exceptions import RuleViolation
from ..models import AssistanceRequest
from ..models import Channel
from ..models import Direction
from ..models import DutyTrigger
from ..models import ExecutionOutcome
from ..models import ResponsibleSide
from ..models import TreatyDuty
from ..models.audit import citation_parse
from ..roles import CASEWORKERS
from .changes import Change
from .changes import request_change

# Events the engine records itself when Kazakhstan owes the duty: the transition or fact that is
# the event (a refusal, a deferral, a partial or finished execution, a failed service).
AUTOMATIC_EVENTS = frozenset({DutyEvent.REFUSAL, DutyEvent.DEFERRAL,
                              DutyEvent.PARTIAL_EXECUTION, DutyEvent.EXECUTION_FINISHED,
                              DutyEvent.NON_SERVICE})


def owed_by(request: AssistanceRequest, rule: DutyRule) -> Side:
    return duty_side(rule, request.direction == Direction.OUTGOING)


def recordable_duties(request: AssistanceRequest) -> list[DutyRule]:
    """The duties of the request's instrument whose event may be recorded by hand: all of them
    but those the engine records itself where Kazakhstan owes them."""
    return [rule for rule in request.rulebook.duties
            if not (rule.event in AUTOMATIC_EVENTS
                    and owed_by(request, rule) == Side.KAZAKHSTAN)]


def _create(change: Change, actor: User, rule: DutyRule, at: datetime, trigger: str,
            note: str) -> TreatyDuty:
    return TreatyDuty.objects.create(
        request=change.request, rule_code=rule.code, event=rule.event.value,
        citation=str(rule.citation), owed_by=owed_by(change.request, rule).value,
        triggered_at=at, trigger=trigger, trigger_note=note, recorded_by=actor)


# --- triggered by the engine --------------------------------------------------------------------
def duty_trigger_automatic(change: Change, actor: User, event: DutyEvent,
                           note: str = "") -> TreatyDuty | None:
    """Inside a change that is ``event``: open the duty it obliges, where the instrument declares
    one and Kazakhstan owes it. The change's log entry names it (``details["duties"]``)."""
    rule = change.request.rulebook.duty_for_event(event)
    if rule is None or owed_by(change.request, rule) != Side.KAZAKHSTAN:
        return None
    duty = _create(change, actor, rule, change.now, DutyTrigger.AUTOMATIC, note)
    duties = change.details.setdefault("duties", [])
    if isinstance(duties, list):
        duties.append(f"{rule.code} ({rule.citation})")
    return duty


def duties_after_transition(change: Change, actor: User, name: str,
                            params: Mapping[str, Any]) -> None:
    """The duties a transition triggers or fulfils on a request Kazakhstan executes: a refusal
    (CZ 9.5, SK 7.7, RS 5.4, BR 3.4), a deferral (RS 6.4, BR 3.4), a partial execution (CZ 9.5,
    SK 7.7), the end of execution (BR 24.9), and the results transmitted (fulfils BR 24.9)."""
    reasons = str(params.get("reasons", ""))
    if name == "refuse":
        duty_trigger_automatic(change, actor, DutyEvent.REFUSAL, reasons)
    elif name == "defer":
        duty_trigger_automatic(change, actor, DutyEvent.DEFERRAL, reasons)
    elif name == "record_execution":
        if params.get("outcome") == ExecutionOutcome.PARTIAL:
            duty_trigger_automatic(change, actor, DutyEvent.PARTIAL_EXECUTION, reasons)
        duty_trigger_automatic(change, actor, DutyEvent.EXECUTION_FINISHED, reasons)
    elif name == "transmit_results":
        for duty in TreatyDuty.objects.filter(request=change.request, fulfilled_at__isnull=True,
                                              event=DutyEvent.EXECUTION_FINISHED,
                                              owed_by=ResponsibleSide.KAZAKHSTAN):
            duty.fulfilled_at, duty.fulfilled_by = change.now, actor
            duty.notice_text = str(_("Results transmitted to the requesting side."))
            duty.save()


# --- recorded by hand ---------------------------------------------------------------------------
def duty_record_event(*, actor: User, request_id: int, rule_code: str,
                      occurred_at: datetime | None = None, note: str = "",
                      expected_version: int | None = None) -> TreatyDuty:
    """Record an event that obliges a notice or act under the instrument (an obstacle, BR 24.8;
    confidentiality that cannot be kept, RS 7.1; the person told their presence is no longer
    needed, RS 9.2, BR 10.2...). ``occurred_at`` defaults to now; it cannot be in the future."""
    with request_change(actor=actor, request_id=request_id, action="duty_triggered",
                        roles=CASEWORKERS, expected_version=expected_version) as change:
        request = change.request
        rule = request.rulebook.duty(rule_code or "")
        if rule is None:
            raise InvalidInput({"rule_code": str(_("This instrument declares no such duty."))})
        if rule not in recordable_duties(request):
            raise InvalidInput({"rule_code": str(_(
                "This event is recorded with the action that is the event (refusal, deferral, "
                "execution, proof of service)."))})
        at = occurred_at or change.now
        if at > change.now:
            raise InvalidInput({"occurred_at": str(_("An event cannot be recorded before it "
                                                     "happens."))})
        duty = _create(change, actor, rule, at, DutyTrigger.BY_HAND, note)
        change.cite(rule)
        change.details = {"duty": duty.pk, "rule": rule.code, "occurred_at": at.isoformat(),
                          "owed_by": duty.owed_by}
    return duty


def duty_record_notice(*, actor: User, duty_id: int, fulfilled_at: datetime | None = None,
                       channel: str = "", our_reference: str = "", their_reference: str = "",
                       notice_text: str = "",
                       expected_version: int | None = None) -> TreatyDuty:
    """Record that a duty was done: our notice sent, the other side's received, the person gone
    (safe conduct). A notice the text wants in writing (CZ 9.5) cannot be an oral one. Allowed
    after closure: a notice owed stays owed."""
    if channel and channel not in Channel.values:
        raise InvalidInput({"channel": str(_("Unknown channel."))})
    request_id = (TreatyDuty.objects.filter(pk=duty_id).values_list("request_id", flat=True)
                  .first())
    if request_id is None:
        raise InvalidInput({"duty": str(_("Not found."))})
    with request_change(actor=actor, request_id=request_id, action="duty_notice_recorded",
                        roles=CASEWORKERS, expected_version=expected_version,
                        allow_final_states=True) as change:
        duty = TreatyDuty.objects.get(pk=duty_id)
        if duty.fulfilled_at is not None:
            raise InvalidInput({"duty": str(_("This duty is already recorded as done."))})
        at = fulfilled_at or change.now
        if at > change.now:
            raise InvalidInput({"fulfilled_at": str(_("A notice cannot be recorded before it is "
                                                      "sent or received."))})
        if at < duty.triggered_at:
            raise InvalidInput({"fulfilled_at": str(_("This is before the event that obliged "
                                                      "the notice."))})
        rule = change.request.rulebook.duty(duty.rule_code)
        if rule is not None and rule.in_writing and channel == Channel.ORAL:
            raise RuleViolation([Violation(
                rule.code, rule.citation,
                _("The text requires this notice in writing: an oral notice does not fulfil it."),
                "channel")])
        if rule is not None and rule.notice and not channel:
            raise InvalidInput({"channel": str(_("Say how the notice was sent or received."))})
        duty.fulfilled_at, duty.fulfilled_by, duty.channel = at, actor, channel
        duty.our_reference, duty.their_reference = our_reference, their_reference
        duty.notice_text = notice_text
        duty.save()
        change.cite(rule or citation_parse(duty.citation))
        change.details = {"duty": duty.pk, "rule": duty.rule_code,
                          "fulfilled_at": at.isoformat(), "channel": channel}
    return duty


def asset_sharing_term_extend(*, actor: User, request_id: int, extended_to: date,
                              agreed_on: date, agreement: str,
                              expected_version: int | None = None) -> AssistanceRequest:
    """BR 18.2: asset sharing is asked within a year of the final confiscation decision "unless,
    in exceptional cases, the Parties agree otherwise". Records the agreed date, when and with
    whom it was agreed; the deadline moves to it."""
    missing = {name: str(_("This field is required."))
               for name, value in (("extended_to", extended_to), ("agreed_on", agreed_on),
                                   ("agreement", agreement))
               if value is None or (isinstance(value, str) and not value.strip())}
    if missing:
        raise InvalidInput(missing)
    with request_change(actor=actor, request_id=request_id, action="asset_sharing_term_extended",
                        roles=CASEWORKERS, expected_version=expected_version) as change:
        request = change.request
        rule = request.rulebook.asset_sharing
        if rule is None:
            raise InvalidInput({"extended_to": str(_("This instrument sets no asset-sharing "
                                                     "term."))})
        if request.final_confiscation_effective_on is None:
            raise InvalidInput({"extended_to": str(_("Record the date the final confiscation "
                                                     "decision took effect first."))})
        if extended_to <= request.final_confiscation_effective_on:
            raise InvalidInput({"extended_to": str(_("The agreed date must be after the final "
                                                     "confiscation decision took effect."))})
        from .. import clock

        if agreed_on > clock.today():
            raise InvalidInput({"agreed_on": str(_("An agreement cannot be recorded before it "
                                                   "is reached."))})
        request.asset_sharing_term_extended_to = extended_to
        request.asset_sharing_extension_agreed_on = agreed_on
        request.asset_sharing_extension_agreement = agreement.strip()
        change.cite(rule)
        change.details = {"extended_to": extended_to.isoformat(),
                          "agreed_on": agreed_on.isoformat()}
    return request
