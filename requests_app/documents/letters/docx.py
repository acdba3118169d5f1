"""The letter as a DOCX (python-docx). A DOCX cannot embed fonts, so its Normal style names a
font for every script slot (ascii, hAnsi, cs, eastAsia) that has the Kazakh letters on office
machines."""

from __future__ import annotations

import io

from .layout import Letter
from .layout import page_label_parts
from .layout import printable

# Word and LibreOffice both have Kazakh letters in Times New Roman (or its metric twin).
DOCX_FONT = "Times New Roman"
DOCX_LANGUAGE_TAGS = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}
# A4 in EMU (English Metric Units, 36,000 to the millimetre): 210 x 297 mm.
A4_WIDTH, A4_HEIGHT = 210 * 36_000, 297 * 36_000


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


def _docx_field(paragraph, instruction: str) -> None:
    """A field (PAGE, NUMPAGES) Word and LibreOffice compute when they lay the document out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    shown = OxmlElement("w:t")  # what a reader shows until it updates the field
    shown.text = "1"
    run = paragraph.add_run()
    for element in (char("begin"), code, char("separate"), shown, char("end")):
        run._r.append(element)


def _docx_footer(section, letter: Letter) -> None:
    """"OUT-2026-000001 · page 1 of 2" in the letter's language, the numbers as fields."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{letter.footer} · ")
    for part in page_label_parts(letter.language):
        if part == "{page}":
            _docx_field(paragraph, "PAGE")
        elif part == "{pages}":
            _docx_field(paragraph, "NUMPAGES")
        else:
            paragraph.add_run(part)
    for run in paragraph.runs:
        run.font.size = Pt(8)


def letter_docx_bytes(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm
    from docx.shared import Pt
    from docx.shared import RGBColor

    document = Document()
    _docx_set_fonts(document, letter.language)
    props = document.core_properties
    # Core properties hold at most 255 characters (the Slovak agreement's title alone is longer);
    # the letter's text keeps the full title.
    props.title, props.subject = letter.title[:255], letter.subject[:255]
    props.author = letter.author[:255]
    props.keywords, props.language = " ".join(letter.keywords)[:255], letter.language
    section = document.sections[0]
    # python-docx's default template is US Letter; every letter is A4, as the PDF is.
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    _docx_footer(section, letter)

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
        heading = para(block.heading, bold=True, space_after=2)
        if block.note:
            # The article the section answers, small and grey beside the heading.
            note = heading.add_run(f"  {printable(block.note)}")
            note.font.size = Pt(8)
            note.font.color.rgb = RGBColor(0x6E, 0x6E, 0x6E)
        for line in block.lines:
            para(line)
        para("")
    para(letter.closing, space_after=18)
    for index, line in enumerate(letter.signature):
        para(line, bold=index == 0, space_after=4)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
