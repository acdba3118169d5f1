"""The instrument's rules as a drafter sees them: next to each field, in the instrument panel, and
in the live completeness checklist (``request_readiness``, the transmit guard's own function).
Nothing here decides a rule; it presents what the rulebook and the pure rule functions say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy

from treaties.rulebook.schema import ContentCondition
from treaties.rulebook.schema import Rulebook
from treaties.rules.guards import content_required

from ..forms.drafting import language_label
from ..models import AssistanceRequest
from ..models import RequestPerson
from ..selectors.requests import request_readiness_on

# --- the instrument's rules next to the fields -------------------------------------------------
CONDITION_TEXT = {
    ContentCondition.SUMMONS: gettext_lazy(
        "Where needed: mandatory when someone is summoned to appear (a person with an "
        "appearance date)."),
    ContentCondition.OFFICIALS_ATTEND: gettext_lazy(
        "Where needed: mandatory when our officials wish to attend the execution."),
}


@dataclass(frozen=True)
class RuleNote:
    """One rule shown next to a field or in the instrument panel."""

    kind: str  # mandatory, optional, rule
    citation: str
    text: str
    field: str = ""
    field_label: str = ""
    condition: str = ""
    applies_now: bool | None = None


def _field_label(name: str) -> str:
    if name == "persons":
        return str(RequestPerson._meta.verbose_name_plural)
    return str(AssistanceRequest._meta.get_field(name).verbose_name)


def _content_notes(rulebook: Rulebook, facts=None) -> tuple[list[RuleNote], list[RuleNote]]:
    def note(rule, kind):
        applies = content_required(rule, facts) if facts is not None and kind == "mandatory" else None
        return RuleNote(kind, str(rule.citation), rule.summary.text(), rule.field,
                        _field_label(rule.field), str(CONDITION_TEXT.get(rule.required_when, "")),
                        applies if rule.required_when != ContentCondition.ALWAYS else None)

    return ([note(r, "mandatory") for r in rulebook.mandatory_contents],
            [note(r, "optional") for r in rulebook.optional_contents])


def rule_note(rule, text: str | None = None) -> RuleNote | None:
    if rule is None:
        return None
    return RuleNote("rule", str(rule.citation), text or rule.summary.text())


def instrument_panel(rulebook: Rulebook, verdict=None, facts=None) -> dict:
    """The instrument's rules a drafter needs in view, each with its citation."""
    mandatory, optional = _content_notes(rulebook, facts)
    summons = rulebook.summons_lead_time
    oral = rulebook.oral_requests
    return {
        "rulebook": rulebook,
        "title": rulebook.title.text(),
        "kind": rulebook.kind,
        "verdict": verdict,
        "communication": rule_note(rulebook.communication),
        "written_form": rule_note(rulebook.written_form),
        "language": rule_note(rulebook.language),
        "summons": rule_note(summons),
        "summons_days": summons.days if summons else None,
        "originals": rule_note(rulebook.originals),
        "oral": rule_note(oral),
        "execution_date": rule_note(rulebook.requested_execution_date_reasoned),
        "excludes_legal_assistance": rule_note(rulebook.excludes_legal_assistance),
        "mandatory": mandatory,
        "optional": optional,
    }


def field_notes(rulebook: Rulebook, facts) -> dict[str, list[RuleNote]]:
    """Rules keyed by the form field they bear on."""
    mandatory, optional = _content_notes(rulebook, facts)
    notes: dict[str, list[RuleNote]] = {}
    for item in mandatory + optional:
        notes.setdefault(item.field, []).append(item)

    def add(field, rule):
        item = rule_note(rule)
        if item:
            notes.setdefault(field, []).append(item)

    add("assistance_types", rulebook.excludes_legal_assistance or rulebook.scope)
    add("channel", rulebook.communication)
    add("channel", rulebook.originals)
    add("is_urgent", rulebook.oral_requests)
    add("request_language", rulebook.language)
    if rulebook.language.waivable_by_agreement:
        add("translation_agreement", rulebook.language)
    add("requested_execution_reason", rulebook.requested_execution_date_reasoned)
    add("appearance_date", rulebook.summons_lead_time)
    return notes


# --- the completeness checklist ----------------------------------------------------------------
@dataclass(frozen=True)
class CheckItem:
    label: str
    citation: str
    status: str  # ok, missing, not_needed
    message: str = ""
    field: str = ""


@dataclass(frozen=True)
class SummonsItem:
    name: str
    appearance_date: object
    days_left: int
    required: int | None
    ok: bool
    message: str
    citation: str


def _violation_items(violations) -> list[CheckItem]:
    return [CheckItem(str(v.message), str(v.citation or ""), "missing", str(v.message), v.field)
            for v in violations]


def checklist(obj: AssistanceRequest, persons: list[RequestPerson], today: date) -> dict:
    """What the rules say about the draft today, from ``request_readiness`` (the same function
    the transmit guard runs): nothing here decides a rule itself."""
    rulebook = obj.rulebook
    readiness = request_readiness_on(obj, today)
    names = {str(p.pk): p.full_name for p in persons}
    summons_rule = rulebook.summons_lead_time
    return {
        "contents": [CheckItem(f"{_field_label(c.rule.field)} — {c.rule.summary.text()}",
                               str(c.rule.citation), c.status,
                               str(CONDITION_TEXT.get(c.rule.required_when, "")), c.rule.field)
                     for c in readiness.contents],
        "translation_ok": not readiness.translation,
        "translation": _violation_items(readiness.translation),
        "translation_rule": rule_note(rulebook.language),
        "accepted_languages": ", ".join(language_label(code)
                                        for code in sorted(readiness.accepted_languages)),
        "summonses": [SummonsItem(names.get(c.person.key, c.person.key), c.person.appearance_date,
                                  c.days_left, c.required_days, c.ok,
                                  "; ".join(str(v.message) for v in c.violations),
                                  str(summons_rule.citation) if summons_rule else "")
                      for c in readiness.summonses],
        "summons_rule": rule_note(summons_rule),
        "general": _violation_items(readiness.general + readiness.execution_date
                                    + readiness.originals),
        "complete": readiness.complete,
        "today": today,
        "facts": readiness.facts,
    }
