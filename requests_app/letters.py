"""The formal request letter, as PDF (fpdf2) and DOCX (python-docx), in Kazakh, Russian or English.

``letter_build`` reads the request once and lays out what the letter says, in the chosen
language: from the requesting authority to the requested authority, the references, the
instrument's title, every mandatory content of the instrument in the rulebook's order under its
citation ("Art 3.2(c) — legal qualification"), the persons with their appearance dates, the
requested execution date and its reason, urgency, confidentiality and a signature and seal block.
``letter_pdf_bytes`` and ``letter_docx_bytes`` only render that layout.

Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) need a font that covers them: the PDF embeds the DejaVu Sans
shipped in ``static/fonts``; a DOCX cannot embed fonts, so its Normal style names a font for every
script slot (ascii, hAnsi, cs, eastAsia) that has the Kazakh letters on office machines.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.schema import ContentRule
from treaties.rules.guards import content_required

from . import clock
from .models import AssistanceRequest, PersonRole, RequestPerson
from .services.facts import request_facts

LETTER_LANGUAGES = ("kk", "ru", "en")
FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
PDF_FONT = "DejaVu"
# Word and LibreOffice both have Kazakh letters in Times New Roman (or its metric twin).
DOCX_FONT = "Times New Roman"
DOCX_LANGUAGE_TAGS = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}
# Control characters pasted into a field: a DOCX cannot hold them and no font draws them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", str(text).replace("\t", " ").replace("\r\n", "\n")
                                  .replace("\r", "\n"))


@dataclass(frozen=True)
class LetterBlock:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Letter:
    language: str
    reference: str
    title: str  # for the document's metadata
    markings: tuple[str, ...]  # URGENT, CONFIDENTIAL
    sender: tuple[str, ...]
    recipient: tuple[str, ...]
    references: tuple[str, ...]  # our reference, their reference, date
    subject: str
    instrument_title: str
    opening: str
    assistance: tuple[str, ...]
    blocks: tuple[LetterBlock, ...]
    closing: str
    signature: tuple[str, ...]
    footer: str
    author: str = ""
    keywords: tuple[str, ...] = field(default=())


def letter_language(requested: str | None) -> str:
    """``?lang=kk|ru|en``; anything else falls back to the active language."""
    if requested in LETTER_LANGUAGES:
        return requested
    active = (translation.get_language() or "ru")[:2]
    return active if active in LETTER_LANGUAGES else "ru"


# --- building the letter ---------------------------------------------------------------------
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


# --- PDF ---------------------------------------------------------------------------------------
def _pdf_class():
    from fpdf import FPDF

    class LetterPDF(FPDF):
        footer_text = ""

        def footer(self):
            self.set_y(-15)
            self.set_font(PDF_FONT, "", 8)
            self.cell(0, 10, f"{self.footer_text} · {self.page_no()}/{{nb}}", align="C")

    return LetterPDF


def letter_pdf_bytes(letter: Letter, *, compress: bool = True) -> bytes:
    """Render ``letter`` as an A4 PDF with DejaVu Sans embedded. ``compress=False`` leaves the
    page streams readable (tests look for the text in them)."""
    from fpdf.enums import XPos, YPos

    pdf = _pdf_class()(format="A4")
    pdf.footer_text = letter.footer
    pdf.set_compression(compress)
    pdf.add_font(PDF_FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(PDF_FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_title(letter.title)
    pdf.set_subject(letter.subject)
    pdf.set_author(letter.author)
    pdf.set_keywords(" ".join(letter.keywords))
    pdf.set_creator("mla")
    pdf.set_lang(letter.language)
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    def para(text: str, *, size: float = 11, bold: bool = False, align: str = "L",
             gap: float = 0) -> None:
        pdf.set_font(PDF_FONT, "B" if bold else "", size)
        pdf.multi_cell(0, size * 0.5, printable(text), align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if gap:
            pdf.ln(gap)

    for marking in letter.markings:
        para(marking, bold=True, align="R")
    for index, line in enumerate(letter.sender):
        para(line, bold=index == 0)
    pdf.ln(3)
    for line in letter.references:
        para(line, size=10)
    pdf.ln(4)
    for index, line in enumerate(letter.recipient):
        para(line, bold=index == 0, align="R")
    pdf.ln(6)
    para(letter.subject, size=12, bold=True, align="C")
    para(letter.instrument_title, align="C", gap=4)
    para(letter.opening, gap=2)
    for item in letter.assistance:
        para(f"• {item}")
    pdf.ln(3)
    for block in letter.blocks:
        para(block.heading, bold=True)
        for line in block.lines:
            para(line)
        pdf.ln(2)
    pdf.ln(2)
    para(letter.closing, gap=8)
    for index, line in enumerate(letter.signature):
        para(line, bold=index == 0, gap=2 if index < len(letter.signature) - 1 else 0)
    return bytes(pdf.output())


# --- DOCX --------------------------------------------------------------------------------------
def _docx_set_fonts(document, language: str) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style = document.styles["Normal"]
    style.font.name = DOCX_FONT
    style.font.size = Pt(12)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), DOCX_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        from docx.oxml import OxmlElement

        lang = OxmlElement("w:lang")
        rpr.append(lang)
    tag = DOCX_LANGUAGE_TAGS.get(language, language)
    for slot in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(slot), tag)


def letter_docx_bytes(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    _docx_set_fonts(document, letter.language)
    props = document.core_properties
    # Core properties hold at most 255 characters (the Slovak agreement's title alone is longer);
    # the letter's text keeps the full title.
    props.title, props.subject = letter.title[:255], letter.subject[:255]
    props.author = letter.author[:255]
    props.keywords, props.language = " ".join(letter.keywords)[:255], letter.language
    section = document.sections[0]
    section.footer.paragraphs[0].text = letter.footer

    def para(text: str, *, bold: bool = False, align=None, size: float | None = None,
             space_after: float = 0):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(printable(text))
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if align is not None:
            paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(space_after)
        return paragraph

    for marking in letter.markings:
        para(marking, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for index, line in enumerate(letter.sender):
        para(line, bold=index == 0)
    para("")
    for line in letter.references:
        para(line, size=11)
    para("")
    for index, line in enumerate(letter.recipient):
        para(line, bold=index == 0, align=WD_ALIGN_PARAGRAPH.RIGHT)
    para("")
    para(letter.subject, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(letter.instrument_title, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=8)
    para(letter.opening, space_after=4)
    for item in letter.assistance:
        para(f"• {item}")
    para("")
    for block in letter.blocks:
        para(block.heading, bold=True, space_after=2)
        for line in block.lines:
            para(line)
        para("")
    para(letter.closing, space_after=18)
    for index, line in enumerate(letter.signature):
        para(line, bold=index == 0, space_after=4)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
