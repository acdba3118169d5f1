"""The letter as an A4 PDF (fpdf2), with the DejaVu Sans shipped in ``static/fonts`` embedded:
it covers the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І)."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

from django.conf import settings

from .layout import Letter
from .layout import page_label_parts
from .layout import printable

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
PDF_FONT = "DejaVu"


FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


@cache
def _font_parsed(style: str):
    """DejaVu Sans in ``style`` read once per process: its metrics (character widths, glyph ids,
    the descriptor) cost ~35 ms a face to read, for every letter. Never part of a document
    itself: ``_font_add`` gives each document a copy of it."""
    from fpdf import FPDF
    from fpdf.fonts import TTFFont

    fontkey = f"{PDF_FONT.lower()}{style}"
    return TTFFont(FPDF(), FONT_DIR / FONT_FILES[style], fontkey, style)


def _font_add(pdf, style: str) -> None:
    """What ``pdf.add_font(PDF_FONT, style, path)`` does, from the metrics read once
    (``_font_parsed``): what a document changes is its own - the glyphs it uses (the subset),
    the glyphs it misses, the widths looked up, and the font file, which fpdf2 cuts down to the
    subset when the document is written (read again, lazily: only the tables written are parsed).
    The letter tests check the bytes are those ``add_font`` writes."""
    from fontTools import ttLib
    from fpdf.fonts import SubsetMap
    from fpdf.fonts import TTFFont
    from fpdf.fonts import get_color_font_object

    parsed = _font_parsed(style)
    font = TTFFont.__new__(TTFFont)
    for name in TTFFont.__slots__:
        if hasattr(parsed, name):
            setattr(font, name, getattr(parsed, name))
    font.i = len(pdf.fonts) + 1
    font.ttfont = ttLib.TTFont(font.ttffile, recalcTimestamp=False,
                               fontNumber=font.collection_font_number, lazy=True)
    font.cw = defaultdict(parsed.cw.default_factory, parsed.cw)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.subset = SubsetMap(font)
    font.color_font = (get_color_font_object(pdf, font, font.palette_index)
                       if pdf.render_color_fonts else None)
    pdf.fonts[font.fontkey] = font


def _fonts_add_uncached(pdf) -> None:
    """fpdf2's own way, reading the font files afresh (what ``_fonts_add`` must equal)."""
    for style, name in FONT_FILES.items():
        pdf.add_font(PDF_FONT, style, str(FONT_DIR / name))


def _fonts_add(pdf) -> None:
    for style in FONT_FILES:
        _font_add(pdf, style)


def _pdf_class():
    from fpdf import FPDF

    class LetterPDF(FPDF):
        footer_text = ""
        page_parts: tuple[str, ...] = ()

        def footer(self):
            # "OUT-2026-000001 · page 1 of 2" in the letter's language ({nb}: the page count,
            # filled in when the document is complete).
            numbering = "".join({"{page}": str(self.page_no()), "{pages}": "{nb}"}.get(part, part)
                                for part in self.page_parts)
            self.set_y(-15)
            self.set_font(PDF_FONT, "", 8)
            self.set_text_color(0)
            self.cell(0, 10, f"{self.footer_text} · {numbering}", align="C")

    return LetterPDF


def letter_pdf_bytes(letter: Letter, *, compress: bool = True) -> bytes:
    """Render ``letter`` as an A4 PDF with DejaVu Sans embedded. ``compress=False`` leaves the
    page streams readable (tests look for the text in them)."""
    from fpdf.enums import XPos
    from fpdf.enums import YPos

    pdf = _pdf_class()(format="A4")
    pdf.footer_text = letter.footer
    pdf.page_parts = page_label_parts(letter.language)
    pdf.set_compression(compress)
    _fonts_add(pdf)
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
        # The heading in words, the article it answers small and grey beside it.
        pdf.set_font(PDF_FONT, "B", 11)
        pdf.write(5.5, printable(block.heading))
        if block.note:
            pdf.set_font(PDF_FONT, "", 8)
            pdf.set_text_color(110)
            pdf.write(5.5, f"  {printable(block.note)}")
            pdf.set_text_color(0)
        pdf.ln(5.5)
        for line in block.lines:
            para(line)
        pdf.ln(2)
    pdf.ln(2)
    para(letter.closing, gap=8)
    for index, line in enumerate(letter.signature):
        para(line, bold=index == 0, gap=2 if index < len(letter.signature) - 1 else 0)
    return bytes(pdf.output())
