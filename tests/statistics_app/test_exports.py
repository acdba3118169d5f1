"""The statistics' files (XLSX, CSV, PDF) and charts, from a report built by hand: no database,
each file read back and compared with the report it was made from."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from pypdf import PdfReader

from requests_app import clock
from statistics_app.charts import month_axis_label
from statistics_app.charts import months_chart_svg
from statistics_app.charts import outcomes_chart_svg
from statistics_app.exports import SHEET_NAME_LIMIT
from statistics_app.exports import report_csv_text
from statistics_app.exports import report_pdf_bytes
from statistics_app.exports import report_xlsx_bytes
from statistics_app.exports import sheet_name
from statistics_app.figures import Cell
from statistics_app.figures import MonthPoint
from statistics_app.figures import Row
from statistics_app.figures import StatisticsReport
from statistics_app.figures import Table
from statistics_app.filters import StatisticsFilters
from statistics_app.rows import statistics_rebuild
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.factories import supervisor

KAZAKH_LABEL = "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі Қазақстан"
RUSSIAN_LABEL = "Российская Федерация"
OUTCOME_COLUMNS = ("total", "executed in full", "executed in part", "refused",
                   "deferred (at some point)", "withdrawn", "pending", "asking for asset recovery")


def _cells(*values: int | Decimal | None) -> tuple[Cell, ...]:
    return tuple(Cell(v, {"direction": "outgoing"} if v is not None else None) for v in values)


def _report(**changes: object) -> StatisticsReport:
    filters = StatisticsFilters(start=date(2026, 1, 1), end=date(2026, 12, 31),
                                direction="incoming", partner_state="RU")
    tables = (
        Table("overview", "Requests sent and received", "Requests sent or received.",
              OUTCOME_COLUMNS, (
                  Row("outgoing", "Sent by Kazakhstan", _cells(12, 5, 2, 1, 0, 1, 3, 2)),
                  Row("incoming", "Received by Kazakhstan", _cells(7, 3, 1, 2, 1, 0, 1, 0))),
              unit="requests"),
        Table("by_state", "By partner state", "Requests to or from each state.",
              ("sent", "received"), (
                  Row("1", KAZAKH_LABEL, _cells(3, 4)),
                  Row("2", RUSSIAN_LABEL, (Cell(2, {"partner_state": "RU"}), Cell(0, None))),
                  Row("3", "=HYPERLINK(\"http://evil\")", _cells(1, 0)),
                  Row("4", "-2+3", _cells(0, 1)),
                  Row("5", "@SUM(A1)", _cells(0, 1)),
                  Row("6", "+7 701", _cells(0, 1))),
              unit="requests"),
        Table("durations", "Time taken", "Calendar days.",
              ("requests answered", "median (days)", "90th percentile (days)"), (
                  Row("incoming_answer", "Received: from receipt to execution or refusal",
                      (Cell(4), Cell(31), Cell(None))),), unit="calendar days"),
        Table("asset_recovery", "Asset recovery: amounts", "Amounts, never converted.",
              ("frozen or seized", "confiscated"), (
                  Row("incoming_KZT", "Requests executed by Kazakhstan (KZT)",
                      (Cell(Decimal("1250000.50")), Cell(Decimal("0.10")))),), unit="amount"),
        Table("timeliness", "Timeliness against each duty", "Each term due in the period.",
              ("met in time", "share met in time (%)"), (), unit="duties"),
    )
    months = (MonthPoint(date(2026, 1, 1), 3, 1), MonthPoint(date(2026, 2, 1), 0, 2),
              MonthPoint(date(2026, 3, 1), 4, 0))
    report = StatisticsReport(filters=filters,
                              computed_at=datetime(2026, 12, 4, 9, 30, tzinfo=ZoneInfo("UTC")),
                              tables=tables, months=months)
    return replace(report, **changes)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _workbook(report: StatisticsReport) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(report_xlsx_bytes(report)))


HEADER_ROW = 4


def _table_sheets(report: StatisticsReport) -> list[tuple[Table, object]]:
    """Each table with its sheet (the sheets after the summary, in the report's order)."""
    return list(zip(report.tables, _workbook(report).worksheets[1:], strict=True))


def _sheet_rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))


def test_the_workbook_has_a_summary_then_one_sheet_per_table_in_order():
    report = _report()
    workbook = _workbook(report)
    assert workbook.sheetnames == ["Summary", "Requests sent and received", "By partner state",
                                   "Time taken", "Asset recovery amounts",
                                   "Timeliness against each duty"]


def test_the_summary_says_the_period_filters_time_and_source():
    report = _report()
    summary = _workbook(report)["Summary"]
    text = " ".join(str(v) for row in summary.iter_rows(values_only=True) for v in row if v)
    assert "Mutual legal assistance: statistics" in text
    start, end = (date_format(d, "SHORT_DATE_FORMAT") for d in (report.filters.start,
                                                              report.filters.end))
    assert f"from {start} to {end}" in text
    # The state's name as the report gives it, not its code.
    assert "Partner state" in text and RUSSIAN_LABEL in text
    assert "incoming (Kazakhstan is requested)" in text
    assert "(Asia/Almaty)" in text
    assert "case records and the audit log" in text


def test_each_sheet_has_the_tables_title_note_and_unit_above_its_header():
    for table, sheet in _table_sheets(_report()):
        assert sheet["A1"].value == table.title and sheet["A1"].font.bold
        assert sheet["A2"].value == table.note and sheet["A2"].font.italic
        assert table.unit in sheet["A3"].value


def test_each_sheets_header_row_is_the_tables_columns():
    for table, sheet in _table_sheets(_report()):
        header = _sheet_rows(sheet)[0]
        assert header[0] in (None, "")
        assert header[1:] == table.columns


def test_each_data_row_holds_the_label_and_the_figures_as_numbers():
    for table, sheet in _table_sheets(_report()):
        data = _sheet_rows(sheet)[1:]
        assert len(data) == len(table.rows) or not table.rows
        for line, values in zip(table.rows, data, strict=False):
            assert values[0] == line.label
            for cell, value in zip(line.cells, values[1:], strict=True):
                if cell.value is None:
                    assert value is None
                elif isinstance(cell.value, Decimal):
                    assert Decimal(str(value)) == cell.value
                else:
                    assert type(value) is int and value == cell.value


def test_amounts_show_two_decimals():
    sheet = _workbook(_report())["Asset recovery amounts"]
    assert sheet.cell(row=HEADER_ROW + 1, column=2).number_format == "#,##0.00"


def test_the_header_and_labels_stay_in_sight():
    for _table, sheet in _table_sheets(_report()):
        assert sheet.freeze_panes == f"B{HEADER_ROW + 1}"


def test_columns_are_wide_enough_for_the_labels():
    sheet = _workbook(_report())["Time taken"]
    assert sheet.column_dimensions["A"].width >= len(
        "Received: from receipt to execution or refusal")
    assert sheet.column_dimensions["B"].width >= 12


def test_formula_like_labels_stay_text_in_the_workbook():
    sheet = _workbook(_report())["By partner state"]
    labels = {row[0]: sheet.cell(row=i, column=1)
              for i, row in enumerate(sheet.iter_rows(values_only=True), start=1) if row[0]}
    formula = labels['=HYPERLINK("http://evil")']
    assert formula.data_type == "s" and formula.quotePrefix
    assert labels["@SUM(A1)"].quotePrefix and labels["-2+3"].quotePrefix


def test_sheet_names_are_unique_short_and_without_forbidden_characters():
    long_title = "Requests refused: by ground [article] / partner state * reason? \\ all"
    tables = tuple(Table(f"t{i}", title, "", ("n",), ()) for i, title in enumerate(
        (long_title, long_title, long_title.upper(), "Summary", "History", "[]:*?/\\")))
    names = _workbook(_report(tables=tables)).sheetnames
    assert len(names) == len(tables) + 1
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert 0 < len(name) <= SHEET_NAME_LIMIT
        assert not set(name) & set("[]:*?/\\")


def test_a_sheet_name_counts_up_past_the_names_taken():
    taken: set[str] = set()
    first = sheet_name("x" * 40, taken)
    second = sheet_name("x" * 40, taken)
    assert first == "x" * 31
    assert second == "x" * 27 + " (2)"


def _csv_blocks(report: StatisticsReport) -> list[list[list[str]]]:
    blocks: list[list[list[str]]] = [[]]
    for line in csv.reader(io.StringIO(report_csv_text(report))):
        if line:
            blocks[-1].append(line)
        else:
            blocks.append([])
    return [b for b in blocks if b]


def test_the_csv_holds_each_tables_title_header_and_rows():
    report = _report()
    blocks = _csv_blocks(report)
    assert len(blocks) == len(report.tables)
    for table, block in zip(report.tables, blocks, strict=True):
        assert block[0] == [table.title]
        assert block[1] == ["", *table.columns]
        for line, values in zip(table.rows, block[2:], strict=True):
            assert values[1:] == ["" if c.value is None else str(c.value) for c in line.cells]
        assert len(block) == 2 + len(table.rows)


def test_the_csv_neutralises_formula_like_labels():
    labels = [line[0] for line in _csv_blocks(_report())[1][2:]]
    assert "'=HYPERLINK(\"http://evil\")" in labels
    assert "'-2+3" in labels and "'@SUM(A1)" in labels and "'+7 701" in labels
    assert KAZAKH_LABEL in labels


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pdf_is_a_pdf():
    assert report_pdf_bytes(_report()).startswith(b"%PDF")


def test_the_pdf_writes_kazakh_and_russian_labels():
    text = _pdf_text(report_pdf_bytes(_report()))
    assert "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі" in text
    assert RUSSIAN_LABEL in text


def test_the_pdf_in_kazakh_embeds_the_font():
    with translation.override("kk"):
        data = report_pdf_bytes(_report())
    assert b"DejaVu" in data and b"/FontFile2" in data


def test_the_pdf_has_each_tables_title_and_numbered_pages():
    report = _report()
    reader = PdfReader(io.BytesIO(report_pdf_bytes(report)))
    text = _pdf_text(report_pdf_bytes(report))
    for table in report.tables:
        assert table.title in text
    pages = len(reader.pages)
    assert f"page {pages} of {pages}" in reader.pages[-1].extract_text()


def test_the_pdf_fits_a_table_of_many_long_rows_onto_more_pages():
    rows = tuple(Row(str(i), f"{KAZAKH_LABEL} {i} " + "ұзақ атау " * 8,
                     _cells(*range(8))) for i in range(60))
    table = Table("by_state", "By partner state", "", OUTCOME_COLUMNS, rows, unit="requests")
    report = _report()
    reader = PdfReader(io.BytesIO(report_pdf_bytes(replace(report, tables=(
        report.table("overview"), table)))))
    assert len(reader.pages) > 2
    assert "59" in reader.pages[-1].extract_text()


def test_the_pdfs_tables_are_on_landscape_pages_however_many():
    report = _report()
    tables = (report.table("overview"),) + tuple(
        replace(report.table("by_state"), key=f"by_state_{i}") for i in range(12))
    pages = PdfReader(io.BytesIO(report_pdf_bytes(replace(report, tables=tables)))).pages
    assert len(pages) > 3
    assert pages[0].mediabox.width < pages[0].mediabox.height
    for page in pages[1:]:
        assert page.mediabox.width > page.mediabox.height


def _month_labels(report: StatisticsReport) -> list[str]:
    """Each month as under its bars (01.2026) and in the chart's description (its name)."""
    return [label for point in report.months for label in (
        month_axis_label(point.month), date_format(point.month, "YEAR_MONTH_FORMAT"))]


def test_the_months_chart_is_svg_with_every_month():
    report = _report()
    svg = months_chart_svg(report)
    ET.fromstring(svg)
    for label in _month_labels(report):
        assert label in svg


def test_the_months_chart_in_kazakh_is_svg_with_every_month():
    with translation.override("kk"):
        report = _report()
        svg = months_chart_svg(report)
        labels = _month_labels(report)
    ET.fromstring(svg)
    for label in labels:
        assert label in svg


def test_the_outcomes_chart_is_svg_with_each_direction():
    svg = outcomes_chart_svg(_report())
    ET.fromstring(svg)
    assert "Sent by Kazakhstan" in svg and "Received by Kazakhstan" in svg


# --- the downloads, from a report the database computed ------------------------------------------


@pytest.fixture
def downloads(client):
    incoming_request("kz-rs-2015", offence_category="fraud")
    AssistanceRequestFactory(instrument_slug="kz-cz-2017", state="transmitted",
                             opened_on=clock.today())
    statistics_rebuild()
    client.force_login(supervisor())
    return lambda fmt: client.get(reverse("statistics_export", args=[fmt]))


@pytest.mark.django_db
def test_the_workbook_download_has_a_sheet_for_each_of_the_reports_tables(downloads):
    response = downloads("xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 1 + 10


@pytest.mark.django_db
def test_the_csv_download_starts_with_the_byte_order_mark(downloads):
    response = downloads("csv")
    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())


@pytest.mark.django_db
def test_the_pdf_download_is_a_pdf(downloads):
    response = downloads("pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
