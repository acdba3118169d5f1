"""Lays out what the letter of one request says (``letter_build``), one builder per section.

Every builder takes the ``LetterData`` read once by ``letter_data`` and returns its part of the
``Letter``; none runs a query. They run under the letter's language: ``letter_build`` wraps them
in ``translation.override``.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from datetime import date

from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from treaties.models import Authority
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.schema import ContentRule
from treaties.rules.guards import content_required

from ...models import AssistanceRequest
from ...models import PersonRole
from ...models import RequestPerson
from .correspondence_texts import DEFAULT_TEXTS
from .correspondence_texts import REQUEST_KIND
from .correspondence_texts import request_letter_frame
from .correspondence_texts import template_render
from .data import LetterData
from .data import letter_data
from .layout import Letter
from .layout import LetterBlock
from .layout import letter_word

Section = Callable[[LetterData], tuple[LetterBlock, ...]]


# --- wording shared by the sections ------------------------------------------------------------
def _d(value: date | None) -> str:
    return date_format(value, "DATE_FORMAT") if value else ""


def _field_label(name: str) -> str:
    if name == "persons":
        return str(RequestPerson._meta.verbose_name_plural)
    return str(AssistanceRequest._meta.get_field(name).verbose_name)


def authority_lines(authority: Authority) -> tuple[str, ...]:
    """An authority as a letter addresses it: name, address, state."""
    lines = [authority.name]
    if authority.address:
        lines.append(authority.address)
    lines.append(authority.state.name)
    return tuple(lines)


def _person_line(number: int, person: RequestPerson) -> str:
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
    return "; ".join(parts)


def _person_lines(persons: Iterable[RequestPerson]) -> tuple[str, ...]:
    return tuple(_person_line(number, person) for number, person in enumerate(persons, start=1))


def _signed_and_sealed_lines(data: LetterData) -> tuple[str, ...]:
    return ((_("The request bears the signature and seal of the requesting authority "
               "(see below)."),) if data.request.signed_and_sealed else ())


def _execution_date_lines(data: LetterData) -> tuple[str, ...]:
    request = data.request
    if request.requested_execution_date is None:
        return ()
    lines = [_d(request.requested_execution_date)]
    if request.requested_execution_reason.strip():
        lines.append(request.requested_execution_reason.strip())
    return tuple(lines)


# Content items that are not a plain field of the request, or not worded as one.
_CONTENT_WORDING: dict[str, Callable[[LetterData], tuple[str, ...]]] = {
    "persons": lambda data: _person_lines(data.persons),
    "requesting_authority": lambda data: authority_lines(data.requesting),
    "signed_and_sealed": _signed_and_sealed_lines,
    "requested_execution_date": _execution_date_lines,
}


def _value_lines(value: object) -> tuple[str, ...]:
    """A field's value as lines: a text line by line, a flag as "yes" (an unset one as nothing)."""
    if isinstance(value, bool):
        return (_("yes"),) if value else ()
    text = (value or "").strip() if isinstance(value, str) else str(value or "")
    return tuple(line for line in text.splitlines()) if text else ()


def _content_lines(data: LetterData, name: str) -> tuple[str, ...]:
    """What the letter says under a content heading; empty when the request holds nothing."""
    wording = _CONTENT_WORDING.get(name)
    return wording(data) if wording else _value_lines(getattr(data.request, name))


def _content_block(data: LetterData, rule: ContentRule, *, mandatory: bool) -> LetterBlock:
    heading = capfirst(_field_label(rule.field))
    lines = _content_lines(data, rule.field)
    if not lines:
        if mandatory and content_required(rule, data.facts):
            lines = (_("[not provided]"),)
        else:
            lines = (_("Not applicable to this request."),)
    return LetterBlock(heading, lines, note=_article_note(rule.citation.localized_reference))


def _contents_shown(data: LetterData) -> frozenset[str]:
    """The fields the content sections show: every mandatory one, the optional ones held."""
    return frozenset([rule.field for rule in data.rulebook.mandatory_contents]
                     + [rule.field for rule in data.rulebook.optional_contents
                        if _content_lines(data, rule.field)])


def _article_note(reference: str) -> str:
    """The article a section answers, as the letter notes it beside the heading: "(Art 3.2(c))"."""
    return f"({reference})"


# --- heading and parties -----------------------------------------------------------------------
def markings(data: LetterData) -> tuple[str, ...]:
    """"URGENT", "CONFIDENTIAL" in the letter's language."""
    return tuple(_field_label(name).upper() for name in ("is_urgent", "is_confidential")
                 if getattr(data.request, name))


def references(data: LetterData) -> tuple[str, ...]:
    """Our reference, theirs when known, the criminal case number when recorded, and the
    letter's date."""
    request = data.request
    lines = [f"{capfirst(_field_label('reference'))}: {request.reference}"]
    if request.their_reference:
        lines.append(f"{capfirst(_field_label('their_reference'))}: {request.their_reference}")
    if request.case_number:
        lines.append(f"{capfirst(_field_label('case_number'))}: {request.case_number}")
    lines.append(f"{letter_word(data.language, 'date')}: {_d(data.today)}")
    return tuple(lines)


def frame(data: LetterData) -> tuple[str, str, str]:
    """Subject, opening and closing of the letter, from the office's template of the request
    letter (``LetterTemplate``, kind "request"), in the letter's language. A template stored
    around the service that does not render falls back to the default text."""
    request = data.request
    values = {
        "reference": request.reference, "their_reference": request.their_reference or "—",
        "case_number": request.case_number or "—",
        "requesting_authority": str(data.requesting.name),
        "requested_authority": str(data.requested.name),
        "our_authority": str(data.requesting.name), "their_authority": str(data.requested.name),
        "instrument": data.instrument_title, "letter_date": _d(data.today)}
    subject, body = data.frame
    try:
        opening, closing = request_letter_frame(body, values)
        return template_render(subject, values), opening, closing
    except ValueError:
        subject, body = DEFAULT_TEXTS[(REQUEST_KIND, data.language)]
        opening, closing = request_letter_frame(body, values)
        return template_render(subject, values), opening, closing


def _assistance_labels(data: LetterData) -> tuple[str, ...]:
    labels = []
    for code in data.request.assistance_types or ():
        kind = ASSISTANCE_TYPES.get(code)
        labels.append(kind.label.text(data.language) if kind else code)
    return tuple(labels)


def subject_line(data: LetterData, subject: str) -> str:
    """The letter's subject and title: the office's subject, the criminal case it serves (unless
    the office's subject names it already) and the assistance sought: "Request for assistance
    in criminal case No 2026-0001 — service of documents"."""
    request = data.request
    line = subject.strip()
    if request.case_number and request.case_number not in line:
        line = f"{line} {letter_word(data.language, 'case').format(case_number=request.case_number)}"
    labels = _assistance_labels(data)
    if labels:
        line = f"{line} — {'; '.join(labels)}"
    return line


def assistance(data: LetterData) -> tuple[str, ...]:
    """Each type of assistance sought, under the article of the instrument providing it."""
    lines = []
    for code, label in zip(data.request.assistance_types or (), _assistance_labels(data),
                           strict=True):
        rule = data.rulebook.assistance_type(code)
        lines.append(f"{label} ({rule.citation.localized_reference})" if rule else label)
    return tuple(lines)


# --- the body: one section after the other -----------------------------------------------------
def mandatory_contents(data: LetterData) -> tuple[LetterBlock, ...]:
    """Every mandatory content, in the rulebook's order, under its label with the article noted
    beside it; one the request lacks reads "[not provided]" where the rulebook requires it of
    this request."""
    return tuple(_content_block(data, rule, mandatory=True)
                 for rule in data.rulebook.mandatory_contents)


def optional_contents(data: LetterData) -> tuple[LetterBlock, ...]:
    """The optional contents the request actually holds, in the rulebook's order, each once."""
    shown = {rule.field for rule in data.rulebook.mandatory_contents}
    blocks = []
    for rule in data.rulebook.optional_contents:
        if rule.field in shown or not _content_lines(data, rule.field):
            continue
        blocks.append(_content_block(data, rule, mandatory=False))
        shown.add(rule.field)
    return tuple(blocks)


def persons(data: LetterData) -> tuple[LetterBlock, ...]:
    """The persons, unless a content rule showed them already."""
    if not data.persons or "persons" in _contents_shown(data):
        return ()
    return (LetterBlock(capfirst(_field_label("persons")), _person_lines(data.persons)),)


def requested_execution_date(data: LetterData) -> tuple[LetterBlock, ...]:
    """The date asked for and its reason, unless a content rule showed them already; under the
    rulebook's article when it asks for a reasoned date."""
    name = "requested_execution_date"
    if not data.request.requested_execution_date or name in _contents_shown(data):
        return ()
    heading = capfirst(_field_label(name))
    reasoned = data.rulebook.requested_execution_date_reasoned
    note = _article_note(reasoned.citation.localized_reference) if reasoned is not None else ""
    return (LetterBlock(heading, _content_lines(data, name), note=note),)


def facts_and_enclosures(data: LetterData) -> tuple[LetterBlock, ...]:
    """The summary of the facts and the list of enclosed documents, when the request holds them
    and no content rule showed them already."""
    shown = _contents_shown(data)
    return tuple(LetterBlock(capfirst(_field_label(name)), _content_lines(data, name))
                 for name in ("facts_summary", "enclosed_documents")
                 if name not in shown and _content_lines(data, name))


def urgency(data: LetterData) -> tuple[LetterBlock, ...]:
    request = data.request
    if not request.is_urgent:
        return ()
    lines = [_("The requesting authority asks that the request be executed urgently.")]
    if request.urgency_reason.strip():
        lines.append(f"{capfirst(_field_label('urgency_reason'))}: "
                     f"{request.urgency_reason.strip()}")
    return (LetterBlock(_("Urgency"), tuple(lines)),)


def confidentiality(data: LetterData) -> tuple[LetterBlock, ...]:
    """The request for confidentiality and its requirements (unless a content rule showed
    them already)."""
    request = data.request
    requirements_shown = "confidentiality_requirements" in _contents_shown(data)
    if not (request.is_confidential or (not requirements_shown
                                        and request.confidentiality_requirements.strip())):
        return ()
    lines = [_("The requesting authority asks that the request and its contents be kept "
               "confidential.")] if request.is_confidential else []
    if not requirements_shown:
        lines.extend(_content_lines(data, "confidentiality_requirements"))
    return (LetterBlock(_("Confidentiality"), tuple(lines)),)


BODY: tuple[Section, ...] = (
    mandatory_contents,
    optional_contents,
    persons,
    requested_execution_date,
    facts_and_enclosures,
    urgency,
    confidentiality,
)


# --- signature ---------------------------------------------------------------------------------
BLANK = "______________________________"


def signature(data: LetterData) -> tuple[str, ...]:
    """The signature block: the signatory's position and the requesting authority, the line to
    sign on with the signatory's name, the date and the place of the seal. Without a signatory,
    blank lines for position and name to fill in by hand."""
    language = data.language
    signatory = data.signatory
    if signatory is not None:
        position, name = signatory.position_in(language), signatory.name_in(language)
    else:
        position = f"{BLANK} ({letter_word(language, 'position')})"
        name = f"{BLANK} ({letter_word(language, 'name')})"
    return (position, data.requesting.name,
            f"{BLANK} ({letter_word(language, 'signature')})   {name}",
            _d(data.today), _("Place of seal"))


def letter_build(request: AssistanceRequest, *, language: str | None) -> Letter:
    """Lay out the letter of ``request`` in ``language`` (kk, ru or en; see ``letter_data`` for
    what it reads: a fixed number of queries)."""
    data = letter_data(request, language=language)
    with translation.override(data.language):
        reference = data.request.reference
        subject, opening, closing = frame(data)
        subject = subject_line(data, subject)
        return Letter(
            language=data.language,
            reference=reference,
            title=f"{reference} — {subject}",
            markings=markings(data),
            sender=authority_lines(data.requesting),
            recipient=authority_lines(data.requested),
            references=references(data),
            subject=subject,
            instrument_title=data.instrument_title,
            opening=opening,
            assistance=assistance(data),
            blocks=tuple(block for section in BODY for block in section(data)),
            closing=closing,
            signature=signature(data),
            footer=reference,
            author=data.requesting.name,
            keywords=(reference, data.instrument_slug),
        )
