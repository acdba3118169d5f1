"""Life of an instrument: whether it is in force, suspended or terminated on a given date.

Convention: a term "N days/months after receipt of the notice" takes effect on the date
``notice + N`` (CZ 17 "fifteen days after the date of receipt"; RS 22.4 "по истечении 180 суток";
CZ 18.2, SK 12.2, BR 30.2 "six months after"). On that date the new status applies; the day before,
the old one still does.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import Citation, Rulebook

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
