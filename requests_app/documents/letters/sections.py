"""Lays out what the letter of one request says (``letter_build``)."""

from __future__ import annotations

from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.schema import ContentRule
from treaties.rules.guards import content_required

from ... import clock
from ...models import AssistanceRequest, PersonRole, RequestPerson
from ...services.facts import request_facts
from .layout import Letter, LetterBlock, letter_language


def _d(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else ""


def _field_label(name: str) -> str:
    if name == "persons":
        return str(RequestPerson._meta.verbose_name_plural)
    return str(AssistanceRequest._meta.get_field(name).verbose_name)


def _authority_lines(authority) -> tuple[str, ...]:
    lines = [authority.name]
    if authority.address:
        lines.append(authority.address)
    lines.append(authority.state.name)
    return tuple(lines)


def _person_lines(persons) -> tuple[str, ...]:
    lines = []
    for number, person in enumerate(persons, start=1):
        parts = [f"{number}. {person.full_name} — {PersonRole(person.role).label}"]
        if person.birth_date:
            parts.append(f"{_('date of birth')}: {_d(person.birth_date)}")
        if person.nationality:
            parts.append(f"{_('nationality')}: {person.nationality}")
        if person.address:
            parts.append(f"{_('address')}: {person.address}")
        if person.particulars:
            parts.append(person.particulars)
        if person.appearance_date:
            parts.append(f"{_('appearance date')}: {_d(person.appearance_date)}")
        lines.append("; ".join(parts))
    return tuple(lines)


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _content_lines(request: AssistanceRequest, name: str, persons) -> tuple[str, ...]:
    """What the letter says under a content heading; empty when the request holds nothing."""
    if name == "persons":
        return _person_lines(persons)
    if name == "requesting_authority":
        return _authority_lines(request.requesting_authority)
    if name == "signed_and_sealed":
        return ((_("The request bears the signature and seal of the requesting authority "
                   "(see below)."),) if request.signed_and_sealed else ())
    if name == "requested_execution_date":
        if request.requested_execution_date is None:
            return ()
        lines = [_d(request.requested_execution_date)]
        if request.requested_execution_reason.strip():
            lines.append(request.requested_execution_reason.strip())
        return tuple(lines)
    value = getattr(request, name)
    if isinstance(value, bool):
        return (_yes_no(value),) if value else ()
    text = (value or "").strip() if isinstance(value, str) else str(value or "")
    return tuple(line for line in text.splitlines()) if text else ()


def _content_block(request, rule: ContentRule, facts, persons, *, mandatory: bool) -> LetterBlock:
    heading = f"{rule.citation.localized_reference} — {_field_label(rule.field)}"
    lines = _content_lines(request, rule.field, persons)
    if not lines:
        if mandatory and content_required(rule, facts):
            lines = (_("[not provided]"),)
        else:
            lines = (_("Not applicable to this request."),)
    return LetterBlock(heading, lines)


def letter_build(request: AssistanceRequest, *, language: str) -> Letter:
    """Lay out the letter of ``request`` in ``language`` (kk, ru or en). Reads the persons and
    the facts the content conditions need (a fixed number of queries)."""
    language = letter_language(language)
    with translation.override(language):
        rulebook = request.rulebook
        persons = list(request.persons.all())
        facts = request_facts(request)
        instrument_title = rulebook.title.text(language)
        today = clock.today()

        # "URGENT", "CONFIDENTIAL" in the letter's language.
        markings = [_field_label(name).upper() for name in ("is_urgent", "is_confidential")
                    if getattr(request, name)]

        references = [f"{capfirst(_field_label('reference'))}: {request.reference}"]
        if request.their_reference:
            references.append(f"{capfirst(_field_label('their_reference'))}: "
                              f"{request.their_reference}")
        date_label = _("Date")
        references.append(f"{date_label}: {_d(today)}")

        assistance = []
        for code in request.assistance_types or ():
            kind = ASSISTANCE_TYPES.get(code)
            rule = rulebook.assistance_type(code)
            label = kind.label.text(language) if kind else code
            assistance.append(f"{label} ({rule.citation.localized_reference})" if rule else label)

        blocks: list[LetterBlock] = []
        shown: set[str] = set()
        # Every mandatory content, in the rulebook's order, under its citation.
        for rule in rulebook.mandatory_contents:
            blocks.append(_content_block(request, rule, facts, persons, mandatory=True))
            shown.add(rule.field)
        # Optional contents the request actually holds.
        for rule in rulebook.optional_contents:
            if rule.field in shown or not _content_lines(request, rule.field, persons):
                continue
            blocks.append(_content_block(request, rule, facts, persons, mandatory=False))
            shown.add(rule.field)
        if persons and "persons" not in shown:
            blocks.append(LetterBlock(capfirst(_field_label("persons")), _person_lines(persons)))
        if request.requested_execution_date and "requested_execution_date" not in shown:
            reasoned = rulebook.requested_execution_date_reasoned
            heading = capfirst(_field_label("requested_execution_date"))
            if reasoned is not None:
                heading = f"{reasoned.citation.localized_reference} — {heading}"
            blocks.append(LetterBlock(heading, _content_lines(request, "requested_execution_date",
                                                              persons)))
        for name in ("facts_summary", "enclosed_documents"):
            if name not in shown and _content_lines(request, name, persons):
                blocks.append(LetterBlock(capfirst(_field_label(name)),
                                          _content_lines(request, name, persons)))
                shown.add(name)
        if request.is_urgent:
            lines = [_("The requesting authority asks that the request be executed urgently.")]
            if request.urgency_reason.strip():
                lines.append(f"{capfirst(_field_label('urgency_reason'))}: "
                             f"{request.urgency_reason.strip()}")
            blocks.append(LetterBlock(_("Urgency"), tuple(lines)))
        if request.is_confidential or ("confidentiality_requirements" not in shown
                                       and request.confidentiality_requirements.strip()):
            lines = [_("The requesting authority asks that the request and its contents be kept "
                       "confidential.")] if request.is_confidential else []
            if "confidentiality_requirements" not in shown:
                lines.extend(_content_lines(request, "confidentiality_requirements", persons))
            blocks.append(LetterBlock(_("Confidentiality"), tuple(lines)))

        requesting, requested = request.requesting_authority, request.requested_authority
        signer = request.created_by.get_full_name() or request.created_by.get_username()
        return Letter(
            language=language,
            reference=request.reference,
            title=f"{request.reference} — {instrument_title}",
            markings=tuple(markings),
            sender=_authority_lines(requesting),
            recipient=_authority_lines(requested),
            references=tuple(references),
            subject=_("Request for assistance"),
            instrument_title=instrument_title,
            opening=_("Under the instrument named above, %(requesting)s requests %(requested)s "
                      "to provide the following assistance:")
            % {"requesting": requesting.name, "requested": requested.name},
            assistance=tuple(assistance),
            blocks=tuple(blocks),
            closing=_("We thank you for your cooperation and remain at your disposal for any "
                      "further information."),
            signature=(requesting.name, "{}: ____________________".format(_("Signature")), signer,
                       _d(today), _("Place of seal")),
            footer=request.reference,
            author=requesting.name,
            keywords=(request.reference, request.instrument.slug),
        )
