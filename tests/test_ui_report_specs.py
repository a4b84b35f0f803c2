"""The Reports page's staff, repurchase, RFM, demographics and tag reports (issue 12), each
on its service test's hand-built clinic: the table shows the service's numbers, the chart
has its series, and a number lists the same patients as the service's drill-down."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QPieSeries, QStackedBarSeries
from PySide6.QtCore import QDate, Qt

from desktop_app.services.report_demographics import demographic_patients, demographics
from desktop_app.services.report_repurchase import item_patients, repurchase_by_item
from desktop_app.services.report_rfm import rfm_patients, rfm_segments
from desktop_app.services.report_staff import staff_patients, staff_performance
from desktop_app.services.report_tags import tag_patients, tag_usage
from tests import test_report_demographics as people
from tests import test_report_repurchase as repurchase
from tests import test_report_rfm as rfm
from tests import test_report_staff as staff
from tests import test_report_tags as tags
from tests.test_ui_reports import Answers, page_for, table

staff_clinic, repurchase_clinic, rfm_clinic = staff.clinic, repurchase.clinic, rfm.clinic
people_clinic, tags_clinic = people.clinic, tags.clinic
SQLITE = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
SINCE, UNTIL = staff.SINCE, staff.UNTIL  # March 2026 in every one of these clinics
assert (repurchase.SINCE, repurchase.UNTIL) == (people.SINCE, people.UNTIL) == (SINCE, UNTIL)


def shown(qtbot, page, key: str, period: bool = True):
    """The report chosen in the list; a period report computed for March by F5."""
    page.show_report(key)
    view = page.views[key]
    assert page.stack.currentWidget() is view
    if period:
        view.since.setDate(QDate(SINCE))
        view.until.setDate(QDate(UNTIL))
        view.table.setFocus()
        qtbot.keyClick(view.table, Qt.Key.Key_F5)
    return view


def listed(qtbot, view, row: int, column: int) -> list[str]:
    """The patients (names) a number lists, by Enter on it."""
    view.table.setCurrentIndex(view.model.index(row, column))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.drill_dialog is not None and view.drill_dialog.isVisible()
    return [patient.name for patient in view.drill_dialog.model.rows]


def names(patients) -> list[str]:
    return [patient.name for patient in patients]


def bar_sets(view, kind=QBarSeries) -> dict[str, list[float]]:
    (series,) = view.chart.series()
    assert type(series) is kind
    return {bar.label(): [bar.at(i) for i in range(bar.count())] for bar in series.barSets()}


@SQLITE
def test_staff_performance_one_row_per_person(qtbot, database, manager, staff_clinic):
    page = page_for(qtbot, database, manager)
    view = shown(qtbot, page, "staff_performance")
    rows = staff_performance(database, manager, SINCE, UNTIL)
    assert view.model.headers()[:5] == ("Staff", "Role", "Consultations", "Deals", "Deal rate")
    assert table(view) == [
        [
            row.name,
            row.role.value.capitalize(),
            str(row.consultations),
            str(row.deals),
            "—" if row.deal_rate is None else f"{row.deal_rate * 100:.1f}%",
            str(row.treated_patients),
            str(row.calls_on_time),
            str(row.calls_late),
            str(row.calls_open_overdue),
            "—" if row.satisfaction_avg is None else f"{row.satisfaction_avg:.1f}",
            str(row.satisfaction_count),
        ]
        for row in rows
    ]
    assert table(view)[0][:5] == ["Li 李咨询", "Consultant", "5", "2", "40.0%"]  # by hand
    assert bar_sets(view) == {
        "Consultations": [row.consultations for row in rows],
        "Deals": [row.deals for row in rows],
        "Treated patients": [row.treated_patients for row in rows],
    }
    behind = staff_patients(database, manager, SINCE, UNTIL, rows[0].staff_id, "deals")
    assert listed(qtbot, view, 0, 3) == names(behind) and behind
    treated = staff_patients(database, manager, SINCE, UNTIL, rows[2].staff_id, "treated")
    assert listed(qtbot, view, 2, 5) == names(treated) and len(treated) == 2
    view.table.setCurrentIndex(view.model.index(0, 9))  # the average: no list behind it
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.status.text() == "This column has no list of patients behind it."


@SQLITE
def test_repurchase_by_item(qtbot, database, manager, repurchase_clinic):
    page = page_for(qtbot, database, manager)
    view = shown(qtbot, page, "repurchase")
    rows = repurchase_by_item(database, manager, SINCE, UNTIL)
    assert table(view) == [
        [
            row.name,
            str(row.buyers),
            str(row.repurchasers),
            f"{row.repurchase_rate * 100:.1f}%",
            f"{row.interval_days:.1f}",
        ]
        for row in rows
    ]
    assert bar_sets(view) == {
        "Buyers": [row.buyers for row in rows],
        "Repurchasers": [row.repurchasers for row in rows],
    }
    behind = item_patients(
        database,
        manager,
        SINCE,
        UNTIL,
        repurchase.row_item(repurchase_clinic, rows[0]),
        "repurchasers",
    )
    assert listed(qtbot, view, 0, 2) == names(behind) and len(behind) == rows[0].repurchasers


@SQLITE
def test_rfm_segments_are_as_of_today_in_a_pie(qtbot, database, manager, rfm_clinic):
    page = page_for(qtbot, database, manager)
    view = shown(qtbot, page, "rfm_segments", period=False)
    assert not view.since.isVisible() and not view.until_label.isVisible()
    assert view.refresh_button.isVisible()
    rows = rfm_segments(database, manager)
    buyers = sum(row.patients for row in rows)
    assert buyers >= 10  # A … J, and any buying after the test clinic's own today
    assert [line[1:] for line in table(view)] == [
        [str(row.patients), f"{row.patients / buyers * 100:.1f}%", f"{row.value:,.2f}"]
        for row in rows
    ]
    assert table(view)[0][0] == "Champions" and table(view)[-1][0] == "Lost"
    assert view.status.text().startswith("11 row(s), as of ")
    (series,) = view.chart.series()
    assert isinstance(series, QPieSeries)
    assert [piece.value() for piece in series.slices()] == [r.patients for r in rows if r.patients]
    first = next(n for n, row in enumerate(rows) if row.patients)
    behind = rfm_patients(database, manager, rows[first].segment)
    assert listed(qtbot, view, first, 1) == names(behind) and len(behind) == rows[first].patients


@SQLITE
def test_demographics_is_a_column_per_channel(qtbot, database, manager, people_clinic, tmp_path):
    answers = Answers(str(tmp_path / "people"))
    page = page_for(qtbot, database, manager, answers)
    view = shown(qtbot, page, "demographics")
    report = demographics(database, manager, SINCE, UNTIL)
    assert report.channels == ("抖音", "小红书", "")
    headers = ("Patients by", "All channels", "抖音", "小红书", "(no channel)")
    assert view.model.headers() == headers
    lines = [row for dimension in ("age", "sex", "region") for row in getattr(report, dimension)]
    assert [line[1:] for line in table(view)] == [
        [str(row.patients), *(str(row.count(c)) for c in report.channels)] for row in lines
    ]
    assert table(view)[0][0] == "Age under 18"  # ages are at today: by hand, sex and region
    assert table(view)[7] == ["Female", "5", "2", "2", "1"]  # P1 P2, P4 P8, P7
    assert table(view)[-1] == ["Region not recorded", "2", "0", "1", "1"]  # P5, P7
    assert bar_sets(view, QStackedBarSeries) == {
        "抖音": [row.count("抖音") for row in report.age],
        "小红书": [row.count("小红书") for row in report.age],
        "(no channel)": [row.count("") for row in report.age],
    }
    behind = demographic_patients(database, manager, "sex", "F", "抖音", SINCE, UNTIL)
    assert listed(qtbot, view, 7, 2) == names(behind) == ["P1", "P2"]
    total = demographic_patients(database, manager, "sex", "M", None, SINCE, UNTIL)
    assert sorted(listed(qtbot, view, 8, 1)) == sorted(names(total)) == ["P11", "P3", "P6"]

    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["demographics-2026-03-01-2026-03-31.xlsx"]
    sheet = openpyxl.load_workbook(tmp_path / "people.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == headers and rows[8] == ("Female", 5, 2, 2, 1)


@SQLITE
def test_tag_usage_is_now_with_the_most_carried_as_bars(qtbot, database, manager, tags_clinic):
    page = page_for(qtbot, database, manager)
    view = shown(qtbot, page, "tag_usage", period=False)
    assert not view.since.isVisible()
    rows = tag_usage(database, manager)
    assert [line[1:] for line in table(view)] == [[row.tag, str(row.patients)] for row in rows]
    groups = {line[1]: line[0] for line in table(view)}
    assert groups["爱喝奶茶"] == "(typed at the desk)" and groups["测试甲"] == "Item bought"
    assert groups["<1000"] == "Total spent (yuan)" and groups["怕疼"] not in ("", "Group")
    (series,) = view.chart.series()
    assert isinstance(series, QHorizontalBarSeries)
    (bar,) = series.barSets()
    assert sorted(bar.at(i) for i in range(bar.count())) == sorted(
        row.patients for row in rows if row.patients
    )
    at = next(n for n, row in enumerate(rows) if row.tag == "怕疼")
    behind = tag_patients(database, manager, "group", "怕疼")
    assert listed(qtbot, view, at, 2) == names(behind) == ["标一", "标二"]
    answers_chart = view.chart.axes(Qt.Orientation.Vertical)[0].categories()
    assert "&lt;1000" in answers_chart  # a rich-text label: "<1000" would show as nothing
