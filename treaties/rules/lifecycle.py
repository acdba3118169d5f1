"""Life of an instrument: whether it is in force, suspended or terminated on a given date, as a
whole (``instrument_status_on``) and between two of its parties (``parties_status_on``: a
multilateral convention enters into force, and may be denounced, separately for each party,
UNTOC 38.2 and 40).

Convention: a term "N days/months after receipt of the notice" takes effect on the date
``notice + N`` (CZ 17 "fifteen days after the date of receipt"; RS 22.4 "по истечении 180 суток";
CZ 18.2, SK 12.2, BR 30.2 "six months after"). On that date the new status applies; the day before,
the old one still does.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import Rulebook

from .calendar import add_term


class InstrumentStatus(enum.StrEnum):
    NOT_IN_FORCE = "not_in_force"
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"


STATUS_LABELS = {
    InstrumentStatus.NOT_IN_FORCE: _("not yet in force"),
    InstrumentStatus.IN_FORCE: _("in force"),
    InstrumentStatus.SUSPENDED: _("suspended"),
    InstrumentStatus.TERMINATED: _("terminated"),
}


@dataclass(frozen=True)
class InstrumentDates:
    entered_into_force_on: date | None
    termination_notice_received_on: date | None = None
    suspension_notice_received_on: date | None = None
    suspension_lift_notice_received_on: date | None = None


@dataclass(frozen=True)
class PartyDates:
    """One party's own dates. None: as the instrument (a bilateral treaty has one date)."""

    entered_into_force_on: date | None = None
    withdrawal_notice_received_on: date | None = None


@dataclass(frozen=True)
class StatusVerdict:
    status: InstrumentStatus
    citation: Citation | None
    since: date | None

    @property
    def in_force(self) -> bool:
        return self.status == InstrumentStatus.IN_FORCE

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])


def termination_effective_on(rulebook: Rulebook, notice_received_on: date) -> date:
    term = rulebook.termination
    return add_term(notice_received_on, days=term.days, months=term.months)


def suspension_effective_on(rulebook: Rulebook, notice_received_on: date) -> date:
    """CZ 17: suspension, and its lifting, take effect 15 days after the notice is received."""
    if rulebook.suspension is None:
        raise ValueError(f"{rulebook.slug} provides no suspension")
    term = rulebook.suspension
    return add_term(notice_received_on, days=term.days, months=term.months)


def instrument_status_on(rulebook: Rulebook, dates: InstrumentDates, on: date) -> StatusVerdict:
    if dates.entered_into_force_on is None or on < dates.entered_into_force_on:
        return StatusVerdict(InstrumentStatus.NOT_IN_FORCE, rulebook.entry_into_force.citation, None)
    if dates.termination_notice_received_on is not None:
        ends_on = termination_effective_on(rulebook, dates.termination_notice_received_on)
        if on >= ends_on:
            return StatusVerdict(InstrumentStatus.TERMINATED, rulebook.termination.citation, ends_on)
    if rulebook.suspension is not None and dates.suspension_notice_received_on is not None:
        suspended_from = suspension_effective_on(rulebook, dates.suspension_notice_received_on)
        lifted_from = (
            suspension_effective_on(rulebook, dates.suspension_lift_notice_received_on)
            if dates.suspension_lift_notice_received_on is not None
            and dates.suspension_lift_notice_received_on >= dates.suspension_notice_received_on
            else None
        )
        if on >= suspended_from and (lifted_from is None or on < lifted_from):
            return StatusVerdict(InstrumentStatus.SUSPENDED, rulebook.suspension.citation, suspended_from)
    return StatusVerdict(InstrumentStatus.IN_FORCE, rulebook.entry_into_force.citation,
                         dates.entered_into_force_on)


def withdrawal_effective_on(rulebook: Rulebook, notice_received_on: date) -> date:
    """UNTOC 40: a party's denunciation takes effect a year after the notice; where the instrument
    has no separate withdrawal, a party's notice is a termination (RS 22.4, CZ 18.2...)."""
    term = rulebook.withdrawal or rulebook.termination
    return add_term(notice_received_on, days=term.days, months=term.months)


def _party_verdict(rulebook: Rulebook, party: PartyDates | None, on: date) -> StatusVerdict | None:
    """Why ``party`` is not bound on ``on``, or None when it is (as far as its own dates go)."""
    if party is None:  # not a party at all: nothing to cite
        return StatusVerdict(InstrumentStatus.NOT_IN_FORCE, None, None)
    if party.entered_into_force_on is not None and on < party.entered_into_force_on:
        rule = rulebook.party_entry_into_force or rulebook.entry_into_force
        return StatusVerdict(InstrumentStatus.NOT_IN_FORCE, rule.citation, None)
    if party.withdrawal_notice_received_on is not None:
        ends_on = withdrawal_effective_on(rulebook, party.withdrawal_notice_received_on)
        if on >= ends_on:
            rule = rulebook.withdrawal or rulebook.termination
            return StatusVerdict(InstrumentStatus.TERMINATED, rule.citation, ends_on)
    return None


def parties_status_on(rulebook: Rulebook, dates: InstrumentDates,
                      parties: Sequence[PartyDates | None], on: date) -> StatusVerdict:
    """The instrument's status for requests between ``parties`` (None: a state that is not a
    party): in force only where the instrument is in force (``instrument_status_on``) and each
    party is bound that day, its own entry into force reached (UNTOC 38.2) and no withdrawal in
    effect (UNTOC 40). Parties without dates of their own (bilateral treaties) change nothing."""
    verdict = instrument_status_on(rulebook, dates, on)
    if not verdict.in_force:
        return verdict
    for party in parties:
        not_bound = _party_verdict(rulebook, party, on)
        if not_bound is not None:
            return not_bound
    own_dates = [p.entered_into_force_on for p in parties if p and p.entered_into_force_on]
    if not own_dates or verdict.since is None or max(own_dates) <= verdict.since:
        return verdict
    # In force between them since the later of them joined.
    rule = rulebook.party_entry_into_force or rulebook.entry_into_force
    return StatusVerdict(InstrumentStatus.IN_FORCE, rule.citation, max(own_dates))
