"""What in the other side's decision on *our* request departs from the treaty.

When Kazakhstan asks, the other side's refusal or deferral is a fact: it is recorded whatever its
ground and whether or not it gave reasons (the treaty's limits bind the requested side, not our
record of what it did). What departs from the text is then flagged here, with the article, as a
breach the office may contest: a ground the instrument does not list (RS 5, BR 3.1, CZ 9.4,
SK 7.6; deferral RS 6.2, BR 3.2), no reasons where the text requires them (RS 5.4, 6.4; BR 3.4;
SK 7.7), no consultation before a refusal where the text requires one (RS 5.3).
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import Rulebook

from .facts import RequestFacts
from .violations import Violation

REFUSAL = "refusal"
DEFERRAL = "deferral"
CONSULTATION_REFUSAL = "refusal"


def foreign_decision_breaches(rulebook: Rulebook, facts: RequestFacts, *, kind: str, ground: str,
                              reasons: str, decided_on: date) -> list[Violation]:
    """The departures from the treaty in the other side's refusal or deferral of our request
    (``facts.outgoing``); empty for our own decisions and for anything else."""
    if not facts.outgoing or kind not in (REFUSAL, DEFERRAL):
        return []
    breaches = []
    if kind == REFUSAL:
        listed = rulebook.refusal_ground(ground) is not None
        if not listed:
            breaches.append(Violation(
                "breach_ground_not_listed", rulebook.refusal_grounds_reference(),
                _("The refusal rests on a ground the treaty does not list: it may be contested."),
                "ground"))
        if rulebook.refusal_reasons_required and not reasons.strip():
            rule = rulebook.refusal_reasons
            breaches.append(Violation(
                "breach_no_reasons", rule.citation,
                _("The refusal came without the reasons the treaty requires: ask for them."),
                "reasons"))
        consultation = rulebook.refusal_consultation
        if consultation is not None and not any(
                c.subject == CONSULTATION_REFUSAL and c.held_on <= decided_on
                for c in facts.consultations):
            breaches.append(Violation(
                "breach_no_consultation", consultation.citation,
                _("No consultation on the possible refusal was held before it, as the treaty "
                  "requires: it may be contested."), "consultations"))
        return breaches
    if rulebook.provides_deferral and rulebook.deferral_ground(ground) is None:
        breaches.append(Violation(
            "breach_ground_not_listed", rulebook.deferral_grounds_reference(),
            _("The deferral rests on a ground the treaty does not list: it may be contested."),
            "ground"))
    deferral_reasons = rulebook.deferral_reasons
    if deferral_reasons is not None and not reasons.strip():
        breaches.append(Violation(
            "breach_no_reasons", deferral_reasons.citation,
            _("The deferral came without the reasons the treaty requires: ask for them."),
            "reasons"))
    return breaches
