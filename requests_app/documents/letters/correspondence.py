"""The letters of the correspondence register (request for additional information, notices,
acknowledgement, transmittal of results, status inquiry, reply): their text comes from the
office's template (``LetterTemplate``, rendered by ``correspondence_texts.template_render``); this
lays it out as a ``Letter`` from our authority on the request to the other side's, with the date,
the references, the instrument's title and the article the letter is sent under, for the same
A4 PDF and DOCX renderers as the request letter.

``letter_values`` reads, in the letter's language, what the placeholders stand for; it runs no
query beyond the request's decisions and log (already prefetched on the request page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from treaties.models import Authority
from treaties.rulebook.schema import Rule
from treaties.rules.calendar import local_date

from ...models import AssistanceRequest
from ...models import Decision
from ...models import DecisionKind
from ...models import Direction
from .correspondence_texts import CONTENTS
from .correspondence_texts import PLACEHOLDERS
from .layout import Letter
from .layout import LetterBlock
from .sections import authority_lines

NOT_KNOWN = "—"


def our_and_their_authorities(request: AssistanceRequest) -> tuple[Authority, Authority]:
    """Our authority on the request (the one that writes) and the other side's."""
    if request.direction == Direction.OUTGOING:
        return request.requesting_authority, request.requested_authority
    return request.requested_authority, request.requesting_authority


def _d(value: date | None) -> str:
    return date_format(value, "DATE_FORMAT") if value else NOT_KNOWN


def _latest(request: AssistanceRequest, kind: str) -> Decision | None:
    decisions = [d for d in request.decisions.all() if d.kind == kind]
    return decisions[-1] if decisions else None


_DECISION_OF_LETTER = {
    "refusal_notice": DecisionKind.REFUSAL,
    "deferral_notice": DecisionKind.DEFERRAL,
    "conditions_notice": DecisionKind.CONDITIONS,
}


def _partial_execution_reasons(request: AssistanceRequest) -> str:
    """The reasons given when the execution was recorded as partial (the transition's log)."""
    for entry in reversed(list(request.log.all())):
        details = entry.details if isinstance(entry.details, dict) else {}
        if entry.action == "record_execution" and details.get("outcome") == "partial":
            return str(details.get("reasons") or entry.reason or "")
    return ""


@dataclass(frozen=True)
class LetterMeta:
    """What the clerk gives for one letter."""

    kind: str
    language: str
    dated_on: date
    our_reference: str
    their_reference: str
    reply_due_on: date | None
    missing_items: str
    rule: Rule | None


def letter_values(request: AssistanceRequest, meta: LetterMeta) -> dict[str, str]:
    """What each placeholder stands for in this letter, in its language (call it under
    ``translation.override(meta.language)``). Unknown values read "—"."""
    rulebook = request.rulebook
    ours, theirs = our_and_their_authorities(request)
    decision = (_latest(request, _DECISION_OF_LETTER[meta.kind])
                if meta.kind in _DECISION_OF_LETTER else None)
    ground = ""
    if decision is not None and decision.ground:
        rule = rulebook.refusal_ground(decision.ground) or rulebook.deferral_ground(
            decision.ground)
        ground = (f"{rule.summary.text(meta.language)} ({rule.citation.localized_reference})"
                  if rule else decision.ground)
    reasons = decision.reasons if decision is not None else ""
    if meta.kind == "partial_execution_notice":
        reasons = _partial_execution_reasons(request)
    received = request.received_at or request.written_confirmation_at
    transmitted = request.transmitted_at if request.direction == Direction.OUTGOING else (
        request.results_transmitted_at)
    values = {
        "reference": meta.our_reference or request.reference,
        "their_reference": meta.their_reference or request.their_reference,
        "case_number": request.case_number,
        "requesting_authority": request.requesting_authority.name,
        "requested_authority": request.requested_authority.name,
        "our_authority": ours.name,
        "their_authority": theirs.name,
        "instrument": rulebook.title.text(meta.language),
        "article": meta.rule.citation.localized_reference if meta.rule else "",
        "letter_date": _d(meta.dated_on),
        "reply_due_on": _d(meta.reply_due_on),
        "missing_items": meta.missing_items.strip(),
        "reasons": reasons.strip(),
        "ground": ground,
        "conditions": (decision.conditions.strip() if decision is not None
                       and meta.kind == "conditions_notice" else ""),
        "deferred_until": _d(decision.deferred_until if decision is not None else None),
        "received_on": _d(local_date(received) if received else None),
        "transmitted_on": _d(local_date(transmitted) if transmitted else None),
    }
    # Every placeholder has a value, but {contents}: only the request letter's text names it.
    assert set(values) == set(PLACEHOLDERS) - {CONTENTS}
    return {name: value or NOT_KNOWN for name, value in values.items()}


def correspondence_letter_build(request: AssistanceRequest, meta: LetterMeta, *, subject: str,
                                body: str, addressee: str) -> Letter:
    """Lay out one letter: ``subject`` and ``body`` are the template already rendered;
    ``addressee`` (lines) replaces the other side's authority as the recipient where given."""
    rulebook = request.rulebook
    ours, theirs = our_and_their_authorities(request)
    with translation.override(meta.language):
        reference = meta.our_reference or request.reference
        references = [f"{_('Our reference')}: {reference}"]
        their_reference = meta.their_reference or request.their_reference
        if their_reference:
            references.append(f"{_('Their reference')}: {their_reference}")
        references.append(f"{_('Date')}: {_d(meta.dated_on)}")
        blocks = []
        if meta.rule is not None:
            blocks.append(LetterBlock(
                _("Provision"), (meta.rule.summary.text(meta.language),),
                note=f"({meta.rule.citation.localized_reference})"))
        recipient = tuple(line.strip() for line in addressee.splitlines() if line.strip())
        return Letter(
            language=meta.language,
            reference=reference,
            title=f"{reference} — {subject}",
            markings=(request._meta.get_field("is_confidential").verbose_name.upper(),)
            if request.is_confidential else (),
            sender=authority_lines(ours),
            recipient=recipient or authority_lines(theirs),
            references=tuple(references),
            subject=subject,
            instrument_title=rulebook.title.text(meta.language),
            opening=body,
            assistance=(),
            blocks=tuple(blocks),
            closing=_("We remain at your disposal for any further information."),
            signature=(ours.name, "{}: ____________________".format(_("Signature")),
                       _d(meta.dated_on), _("Place of seal")),
            footer=reference,
            author=ours.name,
            keywords=(reference, rulebook.slug, meta.kind)
            + ((str(meta.rule.citation),) if meta.rule else ()),
        )
