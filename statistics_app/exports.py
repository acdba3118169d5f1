"""The statistics as files: XLSX for reviewers, CSV, and an A4 PDF summary with the charts.

Pure functions from a computed ``StatisticsReport`` to bytes or text: no query here, so each file
holds exactly the figures of the page it was downloaded from. The labels are resolved in the
active language (the view activates the reader's).

The XLSX follows what FATF and UNCAC peer reviewers work with: one sheet per table, its title,
what it counts and in which unit above a single header row, then one row per line with the
figures as numbers (so they can be summed and charted), and a first sheet saying which period
and filters the figures are for and where they come from.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mla.spreadsheet import looks_like_formula
from mla.spreadsheet import spreadsheet_safe_text
from requests_app.models import Direction
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.offences import OFFENCE_CATEGORIES
from treaties.rules.calendar import ALMATY

from .figures import StatisticsReport
from .figures import Table
from .figures import figure_text
from .filters import NOT_RECORDED

# --- words shared by the three files ------------------------------------------------------------


def report_title() -> str:
    return _("Mutual legal assistance: statistics")


def period_in_words(report: StatisticsReport) -> str:
    # The same sentence as the page's (one translation for both).
    return _("Requests sent or received from %(start)s to %(end)s.") % {
        "start": date_format(report.filters.start, "SHORT_DATE_FORMAT"),
        "end": date_format(report.filters.end, "SHORT_DATE_FORMAT")}


def computed_at_in_words(report: StatisticsReport) -> str:
    # Read from the aggregates: the figures are as of their last rebuild.
    at = timezone.localtime(report.aggregated_at or report.computed_at, ALMATY)
    return _("As of %(at)s (Asia/Almaty).") % {"at": date_format(at, "SHORT_DATETIME_FORMAT")}


def source_in_words() -> str:
    return _("Every figure is derived from the case records and the audit log: nothing is typed "
             "in.")


def _label_in_table(report: StatisticsReport, table_key: str, param: str, value: str) -> str:
    """The name the report itself gives ``value`` (a state's ISO code, an instrument's slug):
    the row of its breakdown whose drill-down is that value. The report is all an export reads,
    so the name comes from there rather than from the database; the code when the filter
    matched no request (no row)."""
    table = next((t for t in report.tables if t.key == table_key), None)
    for row in table.rows if table else ():
        if any(cell.drill and cell.drill.get(param) == value for cell in row.cells):
            return row.label
    return value


def filters_in_words(report: StatisticsReport) -> list[tuple[str, str]]:
    """The page's filters that were set, each as (what, which) in words."""
    filters = report.filters
    words: list[tuple[str, str]] = []
    if filters.direction:
        words.append((_("Direction"), str(dict(Direction.choices).get(filters.direction,
                                                                      filters.direction))))
    if filters.partner_state:
        words.append((_("Partner state"), _label_in_table(
            report, "by_state", "partner_state", filters.partner_state)))
    if filters.instrument:
        words.append((_("Instrument"), _label_in_table(
            report, "by_instrument", "instrument", filters.instrument)))
    if filters.offence_category:
        category = OFFENCE_CATEGORIES.get(filters.offence_category)
        words.append((_("Offence category"), _("category not recorded")
                      if filters.offence_category == NOT_RECORDED
                      else category.label.text() if category else filters.offence_category))
    if filters.assistance_type:
        kind = ASSISTANCE_TYPES.get(filters.assistance_type)
        words.append((_("Type of assistance"),
                      kind.label.text() if kind else filters.assistance_type))
    return words


def _no_filters() -> str:
    return _("none: every request of the period")


# --- XLSX ---------------------------------------------------------------------------------------

SHEET_NAME_LIMIT = 31  # Excel's
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Excel keeps this name for itself (the change history); a sheet so named will not open.
_RESERVED_SHEET_NAMES = frozenset({"history"})
DECIMAL_FORMAT = "#,##0.00"


def sheet_name(title: str, taken: set[str]) -> str:
    """``title`` as Excel accepts a sheet name: without []:*?/\\, not starting or ending with an
    apostrophe, at most 31 characters, and unlike the names in ``taken`` (compared as Excel
    does, ignoring case), which it is added to."""
    base = _SHEET_NAME_FORBIDDEN.sub("", title).strip().strip("'").strip()
    base = base or _("Table")
    name = base[:SHEET_NAME_LIMIT].rstrip(" '")
    number = 1
    while name.casefold() in taken or name.casefold() in _RESERVED_SHEET_NAMES:
        number += 1
        suffix = f" ({number})"
        name = base[:SHEET_NAME_LIMIT - len(suffix)].rstrip(" '") + suffix
    taken.add(name.casefold())
    return name


def _xlsx_text(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # Control characters make openpyxl refuse the whole file: a label pasted from elsewhere
    # may carry one.
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def _put_text(sheet: Any, row: int, column: int, text: str) -> Any:
    """A text cell that stays text: openpyxl stores a string starting with "=" as a formula,
    and Excel turns any of = + - @ into one when the cell is edited; the quote prefix is
    Excel's own "this is text" mark (the text itself is unchanged)."""
    cell = sheet.cell(row=row, column=column, value=_xlsx_text(text))
    if looks_like_formula(text):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _put_value(sheet: Any, row: int, column: int, value: int | Decimal | None) -> Any:
    cell = sheet.cell(row=row, column=column)
    if value is None:
        return cell  # nothing to count (a median of no request): an empty cell, not 0
    cell.value = value
    if isinstance(value, Decimal):
        cell.number_format = DECIMAL_FORMAT
    return cell


def _width(texts: list[str], *, least: int, most: int) -> int:
    return max(least, min(most, max((len(t) for t in texts), default=0) + 2))


def _summary_sheet(sheet: Any, report: StatisticsReport) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.styles import Font

    _put_text(sheet, 1, 1, report_title()).font = Font(bold=True, size=14)
    lines: list[tuple[str, str]] = [
        (_("Period"), period_in_words(report)),
        *(filters_in_words(report) or [(_("Filters"), _no_filters())]),
        (_("Computed"), computed_at_in_words(report)),
        (_("Source"), source_in_words()),
    ]
    row = 3
    for what, which in lines:
        _put_text(sheet, row, 1, what).font = Font(bold=True)
        _put_text(sheet, row, 2, which)
        row += 1
    row += 1
    _put_text(sheet, row, 1, _("Tables")).font = Font(bold=True)
    for table in report.tables:
        _put_text(sheet, row, 2, table.title)
        row += 1
    sheet.column_dimensions["A"].width = _width([w for w, _x in lines], least=12, most=30)
    sheet.column_dimensions["B"].width = 90
    for cells in sheet.iter_rows(min_row=3, max_col=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


HEADER_ROW = 4  # title, note, unit above it


def _table_sheet(sheet: Any, table: Table) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    _put_text(sheet, 1, 1, table.title).font = Font(bold=True, size=12)
    _put_text(sheet, 2, 1, table.note).font = Font(italic=True)
    if table.unit:
        _put_text(sheet, 3, 1, _("Unit: %(unit)s") % {"unit": table.unit})
    header = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="bottom")
    _put_text(sheet, HEADER_ROW, 1, "").font = header
    for column, label in enumerate(table.columns, start=2):
        cell = _put_text(sheet, HEADER_ROW, column, label)
        cell.font, cell.alignment = header, wrap
    for offset, line in enumerate(table.rows, start=1):
        _put_text(sheet, HEADER_ROW + offset, 1, line.label).alignment = Alignment(
            wrap_text=True, vertical="top")
        for column, value in enumerate(line.cells, start=2):
            _put_value(sheet, HEADER_ROW + offset, column, value.value)
    if not table.rows:
        _put_text(sheet, HEADER_ROW + 1, 1, _("Nothing to count for these filters."))
    # The labels and the header stay in sight while scrolling through the figures.
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=2)
    label_width = _width([r.label for r in table.rows], least=24, most=60)
    sheet.column_dimensions["A"].width = label_width
    value_width = _width([w for c in table.columns for w in c.split()], least=12, most=20)
    for column in range(2, len(table.columns) + 2):
        sheet.column_dimensions[get_column_letter(column)].width = value_width
    # Excel does not grow a row to fit wrapped text written by a program: set the header's
    # height from its longest label (15 points a line).
    lines = max((-(-len(c) // (value_width - 2)) for c in table.columns), default=1)
    sheet.row_dimensions[HEADER_ROW].height = 15 * max(1, lines)
    # Printed: landscape, as wide as the page, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def report_xlsx_bytes(report: StatisticsReport) -> bytes:
    """The report as a workbook: a "Summary" sheet, then one sheet per table, in order."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.title = report_title()
    workbook.properties.creator = "mla"
    # Created when the figures were computed (openpyxl reads a naive time as UTC); "modified"
    # is the download, which openpyxl sets on saving.
    workbook.properties.created = report.computed_at.astimezone(UTC).replace(
        tzinfo=None)
    taken: set[str] = set()
    summary = workbook.active
    summary.title = sheet_name(_("Summary"), taken)
    _summary_sheet(summary, report)
    for table in report.tables:
        _table_sheet(workbook.create_sheet(sheet_name(table.title, taken)), table)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- CSV ----------------------------------------------------------------------------------------


def _csv_value(value: int | Decimal | None) -> str:
    return "" if value is None else str(value)


def report_csv_rows(report: StatisticsReport) -> Iterator[list[str]]:
    """One block per table: its title, the header, one line per row, a blank line. Text is
    neutralised against formulas; numbers are written as numbers (a negative one stays one)."""
    for table in report.tables:
        yield [spreadsheet_safe_text(table.title)]
        yield ["", *(spreadsheet_safe_text(c) for c in table.columns)]
        for row in table.rows:
            yield [spreadsheet_safe_text(row.label), *(_csv_value(c.value) for c in row.cells)]
        yield []


def report_csv_text(report: StatisticsReport) -> str:
    """The CSV text (the view adds the UTF-8 byte order mark Excel needs)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(report_csv_rows(report))
    return out.getvalue()


# --- PDF ----------------------------------------------------------------------------------------

CONTENT_WIDTH_MM = 170.0  # A4 portrait less 20 mm margins
PX_TO_MM = 0.2646  # the charts' SVG pixels at 96 dpi


def svg_for_pdf(svg: str) -> str:
    """A page's chart as fpdf2 draws it: in the document's embedded DejaVu (fpdf2 matches an
    SVG font family against the document's own fonts, and "DejaVu Sans, sans-serif" falls back
    to a core font without Kazakh or Russian letters), and without the tooltips (``<title>``,
    ``<desc>``), which a printed page cannot show and fpdf2 logs a warning for; the PDF says the
    chart's title above it and gives its figures in the tables."""
    from requests_app.documents.letters.pdf import PDF_FONT

    svg = re.sub(r'font-family="[^"]*"', f'font-family="{PDF_FONT}"', svg)
    return re.sub(r"<(title|desc)\b[^>]*>.*?</\1>", "", svg, flags=re.DOTALL)


def _svg_size_mm(svg: str) -> tuple[float, float]:
    root = ET.fromstring(svg)
    return float(root.get("width", "0")) * PX_TO_MM, float(root.get("height", "0")) * PX_TO_MM


def _svg_title(svg: str) -> str:
    title = ET.fromstring(svg).find("{http://www.w3.org/2000/svg}title")
    return (title.text or "") if title is not None else ""


def _pdf_class() -> Any:
    from fpdf import FPDF

    from requests_app.documents.letters.pdf import PDF_FONT

    class StatisticsPDF(FPDF):
        footer_text = ""

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font(PDF_FONT, "", 8)
            self.set_text_color(90)
            # {nb}: the number of pages, filled in when the document is complete.
            numbering = _("page %(page)s of %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}
            self.cell(0, 10, f"{self.footer_text} · {numbering}", align="C")
            self.set_text_color(0)

    return StatisticsPDF


def report_pdf_bytes(report: StatisticsReport) -> bytes:
    """An A4 summary: the period, filters and time of the figures, the charts of the months and
    the outcomes, then every table as a grid; DejaVu Sans embedded (Kazakh, Russian)."""
    from fpdf.enums import XPos
    from fpdf.enums import YPos

    from requests_app.documents.letters.layout import printable
    from requests_app.documents.letters.pdf import PDF_FONT
    from requests_app.documents.letters.pdf import _fonts_add  # the letters' font, read once

    from .charts import months_chart_svg
    from .charts import outcomes_chart_svg

    pdf = _pdf_class()(format="A4")
    pdf.footer_text = printable(f"{report_title()} · {period_in_words(report)}")
    _fonts_add(pdf)
    pdf.set_title(report_title())
    pdf.set_creator("mla")
    pdf.set_lang(get_language() or "ru")
    pdf.set_creation_date(report.computed_at)
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    def para(text: str, *, size: float = 10, bold: bool = False, grey: bool = False,
             gap: float = 0) -> None:
        pdf.set_font(PDF_FONT, "B" if bold else "", size)
        pdf.set_text_color(90 if grey else 0)
        pdf.multi_cell(0, size * 0.5, printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0)
        if gap:
            pdf.ln(gap)

    def keep_room(height: float) -> None:
        """A heading is not left alone at the foot of a page."""
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page(same=True)  # in the orientation of the page it follows

    para(report_title(), size=16, bold=True, gap=2)
    para(period_in_words(report))
    for what, which in filters_in_words(report) or [(_("Filters"), _no_filters())]:
        para(f"{what}: {which}")
    para(computed_at_in_words(report))
    para(source_in_words(), grey=True, gap=4)

    for svg in (months_chart_svg(report), outcomes_chart_svg(report)):
        width, height = _svg_size_mm(svg)
        if width > CONTENT_WIDTH_MM:
            width, height = CONTENT_WIDTH_MM, height * CONTENT_WIDTH_MM / width
        keep_room(8 + height)
        para(_svg_title(svg), size=11, bold=True, gap=1)
        pdf.image(io.BytesIO(svg_for_pdf(svg).encode()), x=pdf.l_margin, y=pdf.get_y(),
                  w=width, h=height)
        pdf.set_y(pdf.get_y() + height + 4)

    # The tables on landscape pages: a breakdown has nine columns (the label, sent, received
    # and the six outcomes), and a Russian or Kazakh column header needs ~25 mm to wrap
    # between words rather than inside one.
    pdf.add_page(orientation="L")
    for table in report.tables:
        _pdf_table(pdf, table, para, keep_room)
    return bytes(pdf.output())


LABEL_COLUMN_MM = 80.0
VALUE_COLUMN_MM = 32.0  # at most: a narrow table is not stretched over the page


def _pdf_table(pdf: Any, table: Table, para: Any, keep_room: Any) -> None:
    """One table: its title and note, then a grid, its header repeated on every page; long
    labels and headers wrap."""
    from fpdf.fonts import FontFace

    from requests_app.documents.letters.layout import printable
    from requests_app.documents.letters.pdf import PDF_FONT

    keep_room(40)
    pdf.ln(3)
    para(table.title, size=12, bold=True)
    para(table.note + (f" ({_('Unit: %(unit)s') % {'unit': table.unit}})" if table.unit else ""),
         size=8, grey=True, gap=2)
    if not table.rows:
        para(_("Nothing to count for these filters."), size=9, gap=2)
        return
    columns = len(table.columns)
    value_width = min(VALUE_COLUMN_MM, (pdf.epw - LABEL_COLUMN_MM) / max(1, columns))
    size = 8
    pdf.set_font(PDF_FONT, "", size)
    with pdf.table(col_widths=(LABEL_COLUMN_MM, *([value_width] * columns)),
                   width=LABEL_COLUMN_MM + value_width * columns, align="LEFT",
                   text_align=("LEFT", *(["RIGHT"] * columns)), line_height=size * 0.5,
                   headings_style=FontFace(emphasis="BOLD", fill_color=(235, 238, 243)),
                   padding=1) as grid:
        heading = grid.row()
        heading.cell("")
        for label in table.columns:
            heading.cell(printable(label), align="CENTER")
        for line in table.rows:
            row = grid.row()
            row.cell(printable(line.label))
            for cell in line.cells:
                row.cell(figure_text(cell.value, none="—"))
    pdf.ln(2)
