"""Life of an instrument: whether it is in force, suspended or terminated on a given date, as a
whole (``instrument_status_on``) and between two of its parties (``parties_status_on``: a
multilateral convention enters into force, and may be denounced, separately for each party,
UNTOC 38.2 and 40).

Convention: a term "N days/months after receipt of the notice" takes effect on the date
``notice + N`` (CZ 17 "fifteen days after the date of receipt"; CZ 18.2, SK 12.2, BR 30.2 "six
months after"), as depositaries count. On that date the new status applies; the day before, the
old one still does. A term that must first run out ("по истечении 180 суток с даты получения",
RS 22.4; ``TermRule.effective_after_expiry``) is counted from the day after receipt: its last day
is ``notice + N`` and the change applies from ``notice + N + 1``.

CZ 17 allows suspension "fully or partially": a partial suspension names the forms of cooperation
it covers (``InstrumentDates.suspended_assistance_types``), and a request asking for none of them
is not affected.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import InstrumentKind
from treaties.rulebook.schema import Rulebook
from treaties.rulebook.schema import TermRule

from .calendar import add_term


class InstrumentStatus(enum.StrEnum):
    NOT_IN_FORCE = "not_in_force"
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    # A convention's party whose own entry into force (UNTOC 38.2) the engine has no record of:
    # it says so rather than guess; the office records the date in the admin.
    PARTY_DATE_UNKNOWN = "party_date_unknown"


STATUS_LABELS = {
    InstrumentStatus.NOT_IN_FORCE: _("not yet in force"),
    InstrumentStatus.IN_FORCE: _("in force"),
    InstrumentStatus.SUSPENDED: _("suspended"),
    InstrumentStatus.TERMINATED: _("terminated"),
    InstrumentStatus.PARTY_DATE_UNKNOWN: _("not known since when it binds this state (no date "
                                           "recorded for the party)"),
}


@dataclass(frozen=True)
class InstrumentDates:
    entered_into_force_on: date | None
    termination_notice_received_on: date | None = None
    suspension_notice_received_on: date | None = None
    suspension_lift_notice_received_on: date | None = None
    # A partial suspension (CZ 17): the forms of cooperation suspended; empty: all of them.
    suspended_assistance_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartyDates:
    """One party's own dates. None: as the instrument (a bilateral treaty has one date)."""

    entered_into_force_on: date | None = None
    withdrawal_notice_received_on: date | None = None


# The dates a party's row records, by field name (the admin's form, the related-rows union).
PARTY_DATE_FIELDS = tuple(PartyDates.__dataclass_fields__)


@dataclass(frozen=True)
class StatusVerdict:
    status: InstrumentStatus
    citation: Citation | None
    since: date | None
    # A partial suspension: the forms of cooperation it covers (empty: the whole instrument).
    suspended_assistance_types: tuple[str, ...] = ()

    @property
    def in_force(self) -> bool:
        return self.status == InstrumentStatus.IN_FORCE

    @property
    def partially_suspended(self) -> bool:
        return self.status == InstrumentStatus.SUSPENDED and bool(self.suspended_assistance_types)

    @property
    def label(self) -> str:
        if self.partially_suspended:
            return str(_("partially suspended"))
        return str(STATUS_LABELS[self.status])


def _effective_on(term: TermRule, notice_received_on: date) -> date:
    """The first day the change applies (see the module's convention)."""
    effective = add_term(notice_received_on, days=term.days, months=term.months)
    return effective + timedelta(days=1) if term.effective_after_expiry else effective


def termination_effective_on(rulebook: Rulebook, notice_received_on: date) -> date:
    return _effective_on(rulebook.termination, notice_received_on)


def suspension_effective_on(rulebook: Rulebook, notice_received_on: date) -> date:
    """CZ 17: suspension, and its lifting, take effect 15 days after the notice is received."""
    if rulebook.suspension is None:
        raise ValueError(f"{rulebook.slug} provides no suspension")
    return _effective_on(rulebook.suspension, notice_received_on)


def instrument_status_on(rulebook: Rulebook, dates: InstrumentDates, on: date,
                         assistance_types: Sequence[str] | None = None) -> StatusVerdict:
    """The instrument's status on ``on``; for a request asking for ``assistance_types``, a
    partial suspension that covers none of them leaves the instrument in force (CZ 17)."""
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
        scope = dates.suspended_assistance_types
        if on >= suspended_from and (lifted_from is None or on < lifted_from) and not (
                scope and assistance_types is not None and set(scope).isdisjoint(assistance_types)):
            return StatusVerdict(InstrumentStatus.SUSPENDED, rulebook.suspension.citation,
                                 suspended_from, tuple(scope))
    return StatusVerdict(InstrumentStatus.IN_FORCE, rulebook.entry_into_force.citation,
                         dates.entered_into_force_on)


def withdrawal_effective_on(rulebook: Rulebook, notice_received_on: date) -> date:
    """UNTOC 40: a party's denunciation takes effect a year after the notice; where the instrument
    has no separate withdrawal, a party's notice is a termination (RS 22.4, CZ 18.2...)."""
    return _effective_on(rulebook.withdrawal or rulebook.termination, notice_received_on)


def _party_verdict(rulebook: Rulebook, party: PartyDates | None, on: date) -> StatusVerdict | None:
    """Why ``party`` is not bound on ``on``, or None when it is (as far as its own dates go)."""
    if party is None:  # not a party at all: nothing to cite
        return StatusVerdict(InstrumentStatus.NOT_IN_FORCE, None, None)
    if party.entered_into_force_on is None and rulebook.party_entry_into_force is not None:
        return StatusVerdict(InstrumentStatus.PARTY_DATE_UNKNOWN,
                             rulebook.party_entry_into_force.citation, None)
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
                      parties: Sequence[PartyDates | None], on: date,
                      assistance_types: Sequence[str] | None = None) -> StatusVerdict:
    """The instrument's status for requests between ``parties`` (None: a state that is not a
    party): in force only where the instrument is in force (``instrument_status_on``) and each
    party is bound that day, its own entry into force reached (UNTOC 38.2) and no withdrawal in
    effect (UNTOC 40). Parties without dates of their own (bilateral treaties) change nothing."""
    verdict = instrument_status_on(rulebook, dates, on, assistance_types)
    if not verdict.in_force:
        return verdict
    if rulebook.kind == InstrumentKind.NATIONAL_LAW:
        # Kazakhstan's own law (reciprocity) binds it with any state: the other state is no
        # party to it.
        parties = [party for party in parties if party is not None]
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
