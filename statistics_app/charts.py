"""The statistics' charts, for the page and the PDF: server-side SVG from the report
(``requests_app.documents.charts``), each with the same figures in words in its description and
in the tables beside it."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from requests_app.documents.charts import Series
from requests_app.documents.charts import grouped_bar_chart_svg

from .figures import StatisticsReport

# Sent and received: two colours far apart in lightness (told apart in greyscale too).
TWO_SERIES = ("#9ecae1", "#08519c")


def month_axis_label(month: date) -> str:
    """The month under its bars, as "01.2026": a month's name and year ("Сентябрь 2026 г.")
    is twice as wide as its 64 px of axis and ran into its neighbours. The description keeps
    the names."""
    return date_format(month, "m.Y")


def months_chart_svg(report: StatisticsReport) -> str:
    months = [date_format(point.month, "YEAR_MONTH_FORMAT") for point in report.months]
    sent = [point.sent for point in report.months]
    received = [point.received for point in report.months]
    summary = "; ".join(f"{m}: {s} / {r}" for m, s, r in zip(months, sent, received, strict=True))
    return grouped_bar_chart_svg(
        title=_("Requests sent and received, by month"),
        description=_("Sent / received per month: %(figures)s") % {"figures": summary or "-"},
        categories=[month_axis_label(point.month) for point in report.months],
        series=[Series(pgettext("statistics", "sent"), sent),
                Series(pgettext("statistics", "received"), received)],
        element_id="months-chart", value_axis_label=_("requests"), palette=TWO_SERIES,
        group_width=64, height=200)


def outcomes_chart_svg(report: StatisticsReport) -> str:
    overview = report.table("overview")
    # The columns after the total: executed in full, in part, refused, deferred, withdrawn,
    # pending (``figures.MEASURES``), then asset recovery, which is not an outcome.
    categories = list(overview.columns[1:7])
    series = [Series(row.label, [int(cell.value or 0) for cell in row.cells[1:7]])
              for row in overview.rows]
    summary = "; ".join(f"{s.label}: " + ", ".join(f"{c} {v}" for c, v in zip(
        categories, s.values, strict=True)) for s in series)
    return grouped_bar_chart_svg(
        title=_("What became of the requests"),
        description=summary or _("No requests in the period."),
        categories=categories, series=series, element_id="outcomes-chart",
        value_axis_label=_("requests"), palette=TWO_SERIES, group_width=110, height=200)
