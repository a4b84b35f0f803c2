"""The funnel by month on the Reports page (issue 12), on test_report_funnel_monthly's
hand-built clinic: a row per month (an empty one as zeros), a line per step over the months,
and a number lists the same patients as the service's drill-down."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import QDate, Qt

from desktop_app.services.report_funnel import month_patients
from tests import test_report_funnel_monthly as monthly
from tests.test_ui_report_specs import listed, names
from tests.test_ui_reports import page_for, report_views, table

clinic = monthly.clinic  # its fixture: the same clinic
SQLITE = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
SINCE, UNTIL = monthly.SINCE, monthly.UNTIL  # January to April 2026
STEP_TITLES = ["New", "Arrived", "Consulted", "Dealt", "Repurchased"]


def computed(qtbot, page):
    """The funnel by month, January to April, computed by F5."""
    page.show_report("monthly_funnel")
    view = page.views["monthly_funnel"]
    assert page.stack.currentWidget() is view
    view.since.setDate(QDate(SINCE))
    view.until.setDate(QDate(UNTIL))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F5)
    return view


@SQLITE
def test_a_row_per_month_with_the_rates_between_the_steps(qtbot, database, manager, clinic):
    page = page_for(qtbot, database, manager)
    texts = [page.reports.item(row).text() for row in range(page.reports.count())]
    assert texts[:2] == ["Channel funnel", "Funnel by month"]
    view = computed(qtbot, page)
    assert view.model.headers() == (
        "Month",
        *STEP_TITLES,
        "Arrival rate",
        "Consultation rate",
        "Deal rate",
        "Repurchase rate",
    )
    assert table(view) == [  # by hand, from the clinic's stories
        ["2026-01", "2", "2", "1", "1", "1", "100.0%", "50.0%", "100.0%", "100.0%"],
        ["2026-02", "0", "0", "0", "0", "0", "—", "—", "—", "—"],
        ["2026-03", "3", "2", "2", "1", "0", "66.7%", "100.0%", "50.0%", "0.0%"],
        ["2026-04", "1", "1", "1", "1", "1", "100.0%", "100.0%", "100.0%", "100.0%"],
    ]
    assert view.status.text().startswith("4 row(s), 2026-01-01 to 2026-04-30.")
    assert report_views(database)[-1] == {
        "report": "monthly_funnel",
        "since": "2026-01-01",
        "until": "2026-04-30",
    }


@SQLITE
def test_the_chart_is_a_line_per_step_over_the_months(qtbot, database, manager, clinic):
    page = page_for(qtbot, database, manager)  # kept: the view dies with it
    view = computed(qtbot, page)
    chart = view.chart
    assert chart.title() == "Funnel by month"
    series = chart.series()
    assert all(type(line) is QLineSeries for line in series)
    assert all(line.pointsVisible() for line in series)
    assert {line.name(): [(p.x(), p.y()) for p in line.points()] for line in series} == {
        "New": [(0, 2), (1, 0), (2, 3), (3, 1)],
        "Arrived": [(0, 2), (1, 0), (2, 2), (3, 1)],
        "Consulted": [(0, 1), (1, 0), (2, 2), (3, 1)],
        "Dealt": [(0, 1), (1, 0), (2, 1), (3, 1)],
        "Repurchased": [(0, 1), (1, 0), (2, 0), (3, 1)],
    }
    (months,) = chart.axes(Qt.Orientation.Horizontal)
    assert months.categories() == ["2026-01", "2026-02", "2026-03", "2026-04"]
    (counts,) = chart.axes(Qt.Orientation.Vertical)
    assert (counts.min(), counts.max(), counts.labelFormat()) == (0, 4, "%d")  # 3, clear
    assert chart.legend().isVisible()
    assert [marker.label() for marker in chart.legend().markers()] == STEP_TITLES


@SQLITE
def test_a_number_lists_its_months_patients(qtbot, database, manager, clinic):
    page = page_for(qtbot, database, manager)
    view = computed(qtbot, page)
    march = month_patients(database, manager, SINCE, UNTIL, "2026-03", "consulted")
    assert listed(qtbot, view, 2, 3) == names(march) == ["三月一", "三月三"]
    view.drill_dialog.close()
    january = month_patients(database, manager, SINCE, UNTIL, "2026-01", "new")
    assert listed(qtbot, view, 0, 1) == names(january) == ["一月一", "一月二"]
    view.drill_dialog.close()
    assert listed(qtbot, view, 1, 1) == []  # February: nobody, an empty list
    view.drill_dialog.close()
    view.table.setCurrentIndex(view.model.index(2, 8))  # a rate: no list behind it
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.status.text() == "This column has no list of patients behind it."
    assert report_views(database)[-1]["report"] == "monthly_funnel_patients"


def test_month_labels_stand_up_when_a_row_of_them_would_be_cut_short(qapp):
    from desktop_app.ui.report_charts import line_chart

    def angle(months: int) -> int:
        names = [f"2026-{m:02d}" for m in range(1, months + 1)]
        chart = line_chart("t", names, [("new", [1] * months)])
        return chart.axes(Qt.Orientation.Horizontal)[0].labelsAngle()

    assert (angle(6), angle(10)) == (0, -90)
