"""Pure rules of the registers: use of material for another purpose (RS 7.2, BR 5.2-5.4, CZ 10.1,
SK 5.1), onward transfer of material received (CZ 11.2, SK 5.3, 6.2), information exchanged
without a request (RS 16, BR 25, CZ 9.3, SK 7.1), costs (RS 17, BR 27, CZ 12, SK 11), notices
of authorities and contacts (RS 2.3, BR 2.3, CZ 13, SK 8.2), and the terms these registers run:
destruction of personal data when the agreement ends (CZ 10.5, SK 5.6), correction or
destruction after a notice of inaccuracy (CZ 10.4, SK 5.4), the report on use (CZ 10.3, SK 5.2),
the consultation on extraordinary costs (BR 27.4) and the notice of a disclosure the law
required (BR 5.4).

Facts in, violations or deadline specifications out; nothing here reads the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import FOREIGN_RECIPIENTS
from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import CostHeadRule
from treaties.rulebook.schema import MaterialKind
from treaties.rulebook.schema import RecipientKind
from treaties.rulebook.schema import Rulebook

from .calendar import add_term
from .calendar import end_of_day
from .calendar import start_of_day
from .deadlines import Basis
from .deadlines import DeadlineKind
from .deadlines import DeadlineSpec
from .deadlines import Side
from .lifecycle import InstrumentDates
from .lifecycle import StatusVerdict
from .lifecycle import termination_effective_on
from .violations import Violation

# Kinds of use (``requests_app.models.MaterialUseKind`` stores the same codes).
OTHER_PROCEEDINGS = "other_proceedings"
OTHER_PURPOSE = "other_purpose"
REQUIRED_BY_LAW = "required_by_law"
PUBLICLY_DISCLOSED = "publicly_disclosed"
USE_KINDS = (OTHER_PROCEEDINGS, OTHER_PURPOSE, REQUIRED_BY_LAW, PUBLICLY_DISCLOSED)


# --- use for another purpose ---------------------------------------------------------------------
@dataclass(frozen=True)
class ConsentFacts:
    status: str  # "asked", "given", "refused"
    answered_on: date | None
    in_writing: bool


def use_needs_consent(rulebook: Rulebook, *, kind: str, limitation_recorded: bool) -> bool:
    """Whether this use of material received needs the supplier's consent.

    BR 5.4: a disclosure Kazakh criminal procedure requires needs none (it is notified); BR 5.3:
    nor a use of what was disclosed in a public hearing. Elsewhere those are uses like any other.
    RS 7.2: only where the supplier asked for the limitation; BR 5.2, CZ 10.1, SK 5.1: always.
    """
    rule = rulebook.use_conditions
    if rule is None:
        return False
    if kind == REQUIRED_BY_LAW and rule.disclosure_notice is not None:
        return False
    if kind == PUBLICLY_DISCLOSED and rule.publicly_disclosed_free is not None:
        return False
    return rule.consent_always_needed or limitation_recorded


def check_other_use(rulebook: Rulebook, *, kind: str, used_on: date, limitation_recorded: bool,
                    consent: ConsentFacts | None) -> list[Violation]:
    """Material received used beyond its purpose only with the supplier's prior consent (given
    before the use; in writing under CZ 10.1)."""
    rule = rulebook.use_conditions
    if rule is None or not use_needs_consent(rulebook, kind=kind,
                                             limitation_recorded=limitation_recorded):
        return []
    cite = rule.other_use_consent
    if consent is None:
        return [Violation(rule.code, cite, _(
            "Using the material for another purpose needs the supplier's prior consent: record "
            "the consent first."), "consent")]
    if consent.status != "given" or consent.answered_on is None:
        return [Violation(rule.code, cite, _(
            "The supplier has not given this consent."), "consent")]
    violations = []
    if consent.answered_on > used_on:
        violations.append(Violation(rule.code, cite, _(
            "The consent must be given before the material is used."), "used_on"))
    if rule.written_consent and not consent.in_writing:
        violations.append(Violation(rule.code, cite, _(
            "The consent must be given in writing."), "consent"))
    return violations


# --- onward transfer -----------------------------------------------------------------------------
def onward_transfer_consent_citation(rulebook: Rulebook, *, material: str, recipient_kind: str,
                                     fights_organised_crime: bool) -> tuple[str, Citation] | None:
    """(rule code, citation) of the article that makes this onward transfer depend on the
    supplier's written consent; None where no article does."""
    rule = rulebook.onward_transfer
    if rule is None:
        return None
    if recipient_kind == RecipientKind.DOMESTIC_BODY:
        # SK 5.3: data on persons go only to the body fighting organised crime.
        if (rule.domestic_recipients is not None and material == MaterialKind.PERSONAL_DATA
                and not fights_organised_crime):
            return rule.code, rule.domestic_recipients
        return None
    if material in rule.materials and recipient_kind in rule.foreign_recipients:
        return rule.code, rule.citation
    return None


def check_onward_transfer_of_material(rulebook: Rulebook, *, material: str, recipient_kind: str,
                                      fights_organised_crime: bool, consent_reference: str,
                                      consent_given_on: date | None,
                                      transferred_on: date | None) -> list[Violation]:
    """CZ 11.2, SK 6.2: to third parties only with the supplier's written consent; SK 5.3: to a
    Kazakh body other than the one fighting organised crime only with written consent."""
    found = onward_transfer_consent_citation(
        rulebook, material=material, recipient_kind=recipient_kind,
        fights_organised_crime=fights_organised_crime)
    if found is None:
        return []
    code, cite = found
    violations = []
    if not consent_reference.strip():
        violations.append(Violation(code, cite, _(
            "This needs the supplier's written consent: give its reference."),
            "consent_reference"))
    if consent_given_on is None:
        violations.append(Violation(code, cite, _(
            "Give the date of the supplier's written consent."), "consent_given_on"))
    elif transferred_on is not None and transferred_on < consent_given_on:
        violations.append(Violation(code, cite, _(
            "The material cannot go onward before the consent was given."),
            "onward_transferred_on"))
    return violations


def recipient_is_foreign(recipient_kind: str) -> bool:
    return recipient_kind in FOREIGN_RECIPIENTS


# --- spontaneous information ---------------------------------------------------------------------
def check_spontaneous_information(rulebook: Rulebook, *, partner_code: str,
                                  status: StatusVerdict) -> list[Violation]:
    """Information without a request only under an instrument that provides it, between
    Kazakhstan and that state, while the instrument is in force."""
    rule = rulebook.spontaneous_information_register
    if rule is None:
        return [Violation("spontaneous_information", rulebook.entry_into_force.citation, _(
            "This instrument does not provide for information sent without a request."),
            "instrument")]
    if partner_code == "KZ" or partner_code not in rulebook.party_codes:
        # The status between Kazakhstan and a non-party says nothing more.
        return [Violation(rule.code, rule.citation, _(
            "This state is not Kazakhstan's partner under this instrument."), "partner_state")]
    if not status.in_force:
        return [Violation(
            rule.code, status.citation or rulebook.entry_into_force.citation,
            _("The instrument is not in force on that date (%(status)s).") % {
                "status": status.label}, "exchanged_on")]
    return []


# --- costs ---------------------------------------------------------------------------------------
def cost_head(rulebook: Rulebook, code: str) -> CostHeadRule | None:
    return rulebook.costs.head(code) if rulebook.costs else None


def check_cost_item(rulebook: Rulebook, *, head: str, extraordinary: bool,
                    announced_on: date | None) -> list[Violation]:
    rule = rulebook.costs
    if rule is None:
        return []
    violations = []
    if rule.head(head) is None:
        violations.append(Violation(rule.code, rule.citation, _(
            "Choose one of the heads of cost this instrument names."), "head"))
    if extraordinary and rule.extraordinary is None:
        violations.append(Violation(rule.code, rule.citation, _(
            "This instrument has no provision on extraordinary costs."), "extraordinary"))
    if extraordinary and announced_on is None and rule.extraordinary is not None:
        violations.append(Violation(rule.code, rule.extraordinary, _(
            "Give the day the requested side announced the extraordinary costs."),
            "announced_on"))
    return violations


# --- counterpart notices -------------------------------------------------------------------------
AUTHORITY_KINDS = frozenset({"authority_designated", "functions_transferred"})


def check_counterpart_notice(rulebook: Rulebook, *, flow: str, kind: str, state_code: str,
                             channel: str) -> list[Violation]:
    """A notice about a party's authorities or contacts. Kazakhstan's own notices of its
    authorities go by the channel the instrument names (diplomatic: RS 2.3, BR 2.3, CZ 13.1,
    SK 8.2); a notice received is recorded as it came."""
    rule = rulebook.authority_notices
    if rule is None:
        return []
    violations = []
    if state_code not in rulebook.party_codes:
        violations.append(Violation(rule.code, rule.citation, _(
            "This state is not a party to the instrument."), "state"))
    if flow == "supplied" and kind in AUTHORITY_KINDS and channel != rule.channel:
        violations.append(Violation(rule.code, rule.citation, _(
            "Kazakhstan notifies its authorities through diplomatic channels."), "channel"))
    return violations


# --- terms ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RegisterPolicy:
    """Office targets where the texts give no figure ("immediately", "at once", or nothing):
    labelled office policy on every row they produce, never cited as the treaty's term."""

    correction_days: int = 5  # CZ 10.4 / SK 5.4 ("дереу"): correct or destroy
    use_report_days: int = 30  # CZ 10.3 / SK 5.2: report on use when asked
    cost_consultation_days: int = 10  # BR 27.4: consult once extra costs are announced
    disclosure_notice_days: int = 5  # BR 5.4: notify a disclosure the law required


@dataclass(frozen=True)
class ReceivedDataFacts:
    key: str
    deleted_on: date | None


@dataclass(frozen=True)
class DataNoticeFacts:
    key: str
    received_on: date
    acted_on: date | None


@dataclass(frozen=True)
class UseReportFacts:
    key: str
    asked_on: date
    answered_on: date | None


@dataclass(frozen=True)
class ExtraordinaryCostFacts:
    key: str
    announced_on: date
    consulted_on: date | None  # the first consultation on costs held on or after it


@dataclass(frozen=True)
class DisclosureFacts:
    key: str
    used_on: date
    notified_on: date | None


@dataclass(frozen=True)
class RegisterFacts:
    received_personal_data: tuple[ReceivedDataFacts, ...] = ()
    data_notices: tuple[DataNoticeFacts, ...] = ()
    use_reports: tuple[UseReportFacts, ...] = ()
    extraordinary_costs: tuple[ExtraordinaryCostFacts, ...] = ()
    disclosures: tuple[DisclosureFacts, ...] = ()


def _done(day: date | None) -> datetime | None:
    return start_of_day(day) if day else None


def termination_destruction_deadlines(rulebook: Rulebook, facts: RegisterFacts,
                                      dates: InstrumentDates) -> list[DeadlineSpec]:
    """CZ 10.5, SK 5.6: when the agreement ceases to have effect, all personal data received
    under it must be destroyed. The text sets no delay: due by the end of the day the
    termination takes effect (treaty basis). Entries deleted before the notice need no row."""
    rule = rulebook.personal_data_duties
    notice = dates.termination_notice_received_on
    if rule is None or notice is None:
        return []
    effective = termination_effective_on(rulebook, notice)
    return [DeadlineSpec(
        kind=DeadlineKind.PERSONAL_DATA_TERMINATION_DESTRUCTION, subject_key=f"data:{e.key}",
        due_at=end_of_day(effective), citation=rule.destruction_on_termination,
        basis=Basis.TREATY, responsible_side=Side.KAZAKHSTAN, responsible_role="Clerk",
        satisfied_at=_done(e.deleted_on))
        for e in facts.received_personal_data if e.deleted_on is None or e.deleted_on >= notice]


def register_deadlines(rulebook: Rulebook, facts: RegisterFacts, dates: InstrumentDates,
                       policy: RegisterPolicy | None = None) -> list[DeadlineSpec]:
    """Every term the registers of one request run (besides ``compute_deadlines``)."""
    policy = policy or RegisterPolicy()
    specs = termination_destruction_deadlines(rulebook, facts, dates)
    duties = rulebook.personal_data_duties
    if duties is not None:
        specs += [DeadlineSpec(
            kind=DeadlineKind.PERSONAL_DATA_CORRECTION, subject_key=f"notice:{n.key}",
            due_at=end_of_day(add_term(n.received_on, days=policy.correction_days)),
            citation=duties.inaccuracy_notice, basis=Basis.OFFICE_POLICY,
            responsible_side=Side.KAZAKHSTAN, responsible_role="Clerk",
            satisfied_at=_done(n.acted_on)) for n in facts.data_notices]
        specs += [DeadlineSpec(
            kind=DeadlineKind.PERSONAL_DATA_USE_REPORT, subject_key=f"report:{r.key}",
            due_at=end_of_day(add_term(r.asked_on, days=policy.use_report_days)),
            citation=duties.report_on_use, basis=Basis.OFFICE_POLICY,
            responsible_side=Side.KAZAKHSTAN, responsible_role="Clerk",
            satisfied_at=_done(r.answered_on)) for r in facts.use_reports]
    costs = rulebook.costs
    if costs is not None and costs.extraordinary is not None and costs.consultation_mandatory:
        specs += [DeadlineSpec(
            kind=DeadlineKind.COST_CONSULTATION, subject_key=f"cost:{c.key}",
            due_at=end_of_day(add_term(c.announced_on, days=policy.cost_consultation_days)),
            citation=costs.extraordinary, basis=Basis.OFFICE_POLICY,
            responsible_side=Side.KAZAKHSTAN, responsible_role="Clerk",
            satisfied_at=_done(c.consulted_on)) for c in facts.extraordinary_costs]
    use = rulebook.use_conditions
    if use is not None and use.disclosure_notice is not None:
        specs += [DeadlineSpec(
            kind=DeadlineKind.DISCLOSURE_NOTICE, subject_key=f"use:{d.key}",
            due_at=end_of_day(add_term(d.used_on, days=policy.disclosure_notice_days)),
            citation=use.disclosure_notice, basis=Basis.OFFICE_POLICY,
            responsible_side=Side.KAZAKHSTAN, responsible_role="Clerk",
            satisfied_at=_done(d.notified_on)) for d in facts.disclosures]
    return specs
