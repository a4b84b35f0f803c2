"""The Reports page's staff, repurchase (by item, by channel), course completion, churn,
RFM, demographics and tag reports (issue 12), each on its service test's hand-built clinic:
the table shows the service's numbers, the chart has its series, and a number lists the
same patients as the service's drill-down. The churn warning's rows open records, and its
action reminds the consultants of the chosen patients only, once."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
import sqlalchemy as sa
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QPieSeries, QStackedBarSeries
from PySide6.QtCore import QDate, QItemSelectionModel, Qt

from desktop_app.models import Reminder, Role
from desktop_app.services.context import unit_of_work
from desktop_app.services.report_churn import REASON_PREFIX, churn_warning
from desktop_app.services.report_courses import (
    BUCKETS,
    all_items,
    course_completion,
    course_patients,
)
from desktop_app.services.report_demographics import demographic_patients, demographics
from desktop_app.services.report_repurchase import (
    channel_patients,
    item_patients,
    repurchase_by_channel,
    repurchase_by_item,
)
from desktop_app.services.report_rfm import rfm_patients, rfm_segments
from desktop_app.services.report_staff import staff_patients, staff_performance
from desktop_app.services.report_tags import tag_patients, tag_usage
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui.report_action import plain
from desktop_app.ui.report_specs import REPORTS
from desktop_app.ui.report_view import ReportView
from desktop_app.ui.tasks import SyncRunner
from tests import test_report_churn as churn
from tests import test_report_courses as courses
from tests import test_report_demographics as people
from tests import test_report_repurchase as repurchase
from tests import test_report_rfm as rfm
from tests import test_report_staff as staff
from tests import test_report_tags as tags
from tests.test_ui_reports import Answers, page_for, report_views, table

staff_clinic, repurchase_clinic, rfm_clinic = staff.clinic, repurchase.clinic, rfm.clinic
people_clinic, tags_clinic, churn_clinic = people.clinic, tags.clinic, churn.clinic
courses_clinic = courses.clinic
SQLITE = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
SINCE, UNTIL = staff.SINCE, staff.UNTIL  # March 2026 in every one of these clinics
assert (repurchase.SINCE, repurchase.UNTIL) == (people.SINCE, people.UNTIL) == (SINCE, UNTIL)
assert (courses.SINCE, courses.UNTIL) == (SINCE, UNTIL)


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
    ranked = rows[::-1]  # lying bars: the first of the ranking on top, drawn last
    assert bar_sets(view, QHorizontalBarSeries) == {
        "Consultations": [row.consultations for row in ranked],
        "Deals": [row.deals for row in ranked],
        "Treated patients": [row.treated_patients for row in ranked],
    }
    assert view.chart.axes(Qt.Orientation.Vertical)[0].categories()[-1] == "Li 李咨询"
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


def test_the_reports_are_listed_in_order():
    assert [spec.key for spec in REPORTS] == [
        "channel_funnel",
        "monthly_funnel",
        "staff_performance",
        "repurchase",
        "repurchase_by_channel",
        "course_completion",
        "churn_warning",
        "rfm_segments",
        "demographics",
        "tag_usage",
    ]


@SQLITE
def test_repurchase_by_channel(qtbot, database, manager, repurchase_clinic):
    page = page_for(qtbot, database, manager)
    view = shown(qtbot, page, "repurchase_by_channel")
    headers = ("Channel", "Buyers", "Repurchasers", "Repurchase rate", "Days between purchases")
    assert view.model.headers() == headers
    assert table(view) == [  # by hand: test_report_repurchase's stories
        ["抖音", "3", "1", "33.3%", "15.0"],  # 一 二 七; 一 after 15 days
        ["小红书", "2", "2", "100.0%", "39.7"],  # 三 四: (59 + 30 + 30) / 3
        ["(no channel)", "1", "1", "100.0%", "30.0"],  # 六
    ]
    assert bar_sets(view) == {"Buyers": [3, 2, 1], "Repurchasers": [1, 2, 1]}
    categories = view.chart.axes(Qt.Orientation.Horizontal)[0].categories()
    assert categories == ["抖音", "小红书", "(no channel)"]
    rows = repurchase_by_channel(database, manager, SINCE, UNTIL)
    for at, row in enumerate(rows):
        for column, who in ((1, "buyers"), (2, "repurchasers")):
            behind = channel_patients(database, manager, SINCE, UNTIL, row.key, who)
            assert listed(qtbot, view, at, column) == names(behind)
            assert len(behind) == getattr(row, who)
    assert sorted(listed(qtbot, view, 1, 2)) == sorted(["三", "四"])
    assert listed(qtbot, view, 2, 1) == ["六"]  # no channel: listed all the same
    assert report_views(database)[-1]["report"] == "repurchase_by_channel_patients"
    view.table.setCurrentIndex(view.model.index(0, 3))  # the rate: no list behind it
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.status.text() == "This column has no list of patients behind it."


@SQLITE
def test_course_completion_per_item_with_all_items_last(qtbot, database, manager, courses_clinic):
    page = page_for(qtbot, database, manager)
    view = shown(qtbot, page, "course_completion")
    rows = course_completion(database, manager, SINCE, UNTIL)  # as of today, as the view
    total = all_items(rows)
    headers = ("Item", "Sold", "Completed", "Completion rate", "In progress")
    assert view.model.headers() == (*headers, "Expired unfinished", "Sessions used")
    by_hand = [  # test_report_courses' stories: what does not depend on today's date
        [courses.PHOTO, "4", "2", "50.0%", "68.8%"],  # (1 + 1/2 + 1/4 + 1) / 4 used
        [courses.HYDRA, "2", "0", "0.0%", "33.3%"],  # two sold each: by name
        [courses.LASER, "2", "1", "50.0%", "75.0%"],
        ["All items", "8", "3", "37.5%", "61.5%"],  # the mean over all eight courses
    ]
    assert [[*cells[:4], cells[6]] for cells in table(view)] == by_hand
    assert [cells[4:6] for cells in table(view)] == [
        [str(row.in_progress), str(row.expired)] for row in [*rows, total]
    ]
    assert total.in_progress + total.expired == 5
    assert bar_sets(view, QStackedBarSeries) == {
        "Completed": [2, 0, 1],
        "In progress": [row.in_progress for row in rows],
        "Expired unfinished": [row.expired for row in rows],
    }
    categories = view.chart.axes(Qt.Orientation.Horizontal)[0].categories()
    assert categories == [courses.PHOTO, courses.HYDRA, courses.LASER]  # no all-items bar
    for at, row in enumerate([*rows, total]):
        for column, bucket in zip((1, 2, 4, 5), BUCKETS, strict=True):
            behind = course_patients(database, manager, SINCE, UNTIL, row.item, bucket)
            assert listed(qtbot, view, at, column) == names(behind)
            assert len(behind) == getattr(row, bucket)
    assert listed(qtbot, view, 0, 1) == ["一", "一", "二", "三"]  # one per course
    assert listed(qtbot, view, 3, 1) == ["一", "一", "二", "二", "三", "三", "三", "四"]
    assert "All items · Sold: 8 patient(s)" in view.drill_dialog.label.text()
    assert listed(qtbot, view, 3, 2) == ["一", "三", "三"]
    assert report_views(database)[-1]["report"] == "course_completion_patients"
    for column in (3, 6):  # the rates: no list behind them
        view.table.setCurrentIndex(view.model.index(0, column))
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
        assert view.status.text() == "This column has no list of patients behind it."
    view.drill_dialog.close()

    view.since.setDate(QDate(2025, 1, 1))  # no course sold: nothing, not a row of zeros
    view.until.setDate(QDate(2025, 1, 31))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F5)
    assert view.model.rowCount() == 0 and view.status.text() == "Nothing in this period."


def churn_view(qtbot, database, actor, answers=None):
    page = page_for(qtbot, database, actor, answers)
    return page, shown(qtbot, page, "churn_warning", period=False)


def choose(view, *rows: int) -> None:
    """Rows chosen as with Ctrl+click: the first made current, the others added."""
    view.table.clearSelection()
    selection = view.table.selectionModel()
    for row in rows:
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(view.model.index(row, 0), flags)
    view.table.setFocus()


def remind_chosen(qtbot, view) -> None:
    qtbot.keyClick(view.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)


def reminders(database) -> dict:
    with unit_of_work(database, write=False) as session:
        made = session.scalars(sa.select(Reminder)).all()
        return {r.patient_id: (r.reason, r.assignee_id, r.assignee_role) for r in made}


@SQLITE
def test_churn_warning_lists_the_patients_at_risk_and_opens_one(
    qtbot, database, manager, churn_clinic, tmp_path
):
    answers = Answers(str(tmp_path / "churn"))
    page, view = churn_view(qtbot, database, manager, answers)
    assert not view.since.isVisible() and view.refresh_button.isVisible()
    today = dt.date.today()
    rows = churn_warning(database, manager, today)
    shown_names = [line[1] for line in table(view)]
    assert shown_names == [row.patient.name for row in rows]
    # Nobody bought after 2026-05-31: the five at risk on June 1 stay so, by value.
    assert {"己", "乙", "甲", "辛", "丙"} <= set(shown_names) and "癸" not in shown_names
    assert shown_names[0] == "己"  # 600, the most valuable
    days = (today - dt.date(2025, 6, 11)).days
    assert table(view)[0][1:] == [
        "己",
        "600.00",
        f"{days:,}",
        f"{days / 180:.1f}",
        churn_clinic["y_name"],
        "(no consultant)",
        "2025-06-11",
        "180.0",
        rows[0].patient.mobile_masked,
    ]
    assert table(view)[shown_names.index("甲")][6] == "顾问甲"
    assert view.model.headers()[:2] == ("Record no.", "Name")
    assert view.status.text().startswith(f"{len(rows)} patient(s), as of {today}.")
    assert "Ctrl+R" in view.status.text()
    (counts,) = bar_sets(view).values()
    assert sum(counts) == len(rows) and len(counts) == 4

    with qtbot.waitSignal(page.open_record) as opened:  # Enter on a row: its record
        view.table.setCurrentIndex(view.model.index(1, 5))
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [rows[1].patient.id]
    rect = view.table.visualRect(view.model.index(0, 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.open_record) as opened:  # or a double-click
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [rows[0].patient.id]
    assert view.drill_dialog is None  # a row is one patient: no list of one

    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)  # as the table shows it
    assert answers.asked == [f"churn_warning-{today}.xlsx"]
    sheet = openpyxl.load_workbook(tmp_path / "churn.xlsx").active
    first = next(sheet.iter_rows(min_row=2, values_only=True))
    assert first[1:4] == ("己", 600, days) and first[7] == "2025-06-11"


@SQLITE
def test_churn_reminds_the_consultants_of_the_chosen_patients_only_once(
    qtbot, database, manager, churn_clinic
):
    answers = Answers()
    _page, view = churn_view(qtbot, database, manager, answers)
    button = view.action.button
    assert button.isVisible() and button.isEnabled() and button.text() == "Re&mind consultants…"
    at = {line[1]: n for n, line in enumerate(table(view))}

    choose(view)  # nothing chosen: nothing asked, nothing made
    remind_chosen(qtbot, view)
    assert view.status.text() == "Choose one or more rows first."
    assert answers.questions == [] and reminders(database) == {}

    choose(view, at["甲"], at["辛"])
    remind_chosen(qtbot, view)
    assert answers.questions == [
        "Make a call reminder, due today, for the consultant of each of the 2 chosen "
        "patient(s)? A patient who already has an open churn reminder is skipped."
    ]
    made = reminders(database)
    assert set(made) == {churn_clinic["甲"], churn_clinic["辛"]}
    assert made[churn_clinic["甲"]][1:] == (churn_clinic["consultant"], Role.CONSULTANT)
    assert made[churn_clinic["辛"]][1:] == (None, Role.CONSULTANT)  # no consultant: the role
    assert all(reason.startswith(REASON_PREFIX) for reason, *_ in made.values())
    assert view.status.text() == "2 call reminder(s) made for the consultants."

    remind_chosen(qtbot, view)  # the same again: both open already
    assert len(reminders(database)) == 2
    assert view.status.text() == (
        "No reminder made: the 2 chosen patient(s) already have an open churn reminder."
    )

    choose(view, at["甲"], at["乙"])  # by the button this time
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert set(reminders(database)) == {churn_clinic[n] for n in ("甲", "辛", "乙")}
    assert view.status.text() == (
        "1 call reminder(s) made for the consultants. "
        "1 patient(s) skipped: they already have an open churn reminder."
    )

    answers.yes = False  # the manager thinks better of it
    choose(view, at["丙"])
    remind_chosen(qtbot, view)
    assert len(reminders(database)) == 3 and len(answers.questions) == 4


@SQLITE
def test_churn_reminders_are_not_for_staff_without_reports(qtbot, database, manager, churn_clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    answers = Answers()
    page = page_for(qtbot, database, front, answers)
    view = page.views["churn_warning"]
    assert not page.content.isVisible() and view.action.button.isHidden()
    view.table.setFocus()
    remind_chosen(qtbot, view)
    assert answers.questions == [] and reminders(database) == {}

    # The view bound to them directly (not by the page) still offers no action.
    alone = ReportView(view.spec, SyncRunner(), confirm=answers.confirm)
    qtbot.addWidget(alone)
    alone.bind(database, front)
    assert alone.action is not None and alone.action.button.isHidden()
    alone.action.trigger()
    assert answers.questions == [] and reminders(database) == {}


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Re&mind consultants…", "Remind consultants"),
        ("提醒咨询师(&M)…", "提醒咨询师"),
        ("Save && close", "Save & close"),
    ],
)
def test_an_actions_title_in_a_hint_has_no_mnemonic_or_ellipsis(title, shown):
    assert plain(title) == shown
