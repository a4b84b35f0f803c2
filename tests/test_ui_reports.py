"""The Reports page with the channel funnel (issue 12) on test_report_funnel's hand-built
clinic: a manager picks March, sees the table and the bars, lists the patients behind a
number and opens one, exports the table and the chart; a receptionist sees none of it."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
import sqlalchemy as sa
from PySide6.QtCharts import QBarSeries
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage

from desktop_app.models import AuditEvent, Role
from desktop_app.services.context import unit_of_work
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.station import StationSettings
from desktop_app.ui.report_specs import FUNNEL
from desktop_app.ui.report_table import ReportSpec
from desktop_app.ui.reports_page import ReportsPage
from desktop_app.ui.tasks import SyncRunner
from desktop_app.ui.workspace import Workspace
from tests import test_report_funnel as funnel
from tests.test_report_funnel import BEHIND, EXPECTED, SINCE, UNTIL

clinic = funnel.clinic  # its fixture: the same clinic (beijing_time is in conftest)

SQLITE = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
HEADERS = [
    "Channel",
    "New",
    "Arrived",
    "Consulted",
    "Dealt",
    "Repurchased",
    "Arrival rate",
    "Consultation rate",
    "Deal rate",
    "Repurchase rate",
    "Share of new",
]


class Answers:
    """The stubbed file dialog, message box and confirmation (``yes`` answers it)."""

    def __init__(self, path: str = "", yes: bool = True) -> None:
        self.path, self.yes = path, yes
        self.asked: list[str] = []
        self.told: list[tuple[str, bool]] = []
        self.questions: list[str] = []

    def ask(self, _parent, _caption, suggested, _filters) -> str:
        self.asked.append(suggested)
        return self.path

    def tell(self, _parent, _title, text, error) -> None:
        self.told.append((text, error))

    def confirm(self, _parent, _title, text) -> bool:
        self.questions.append(text)
        return self.yes


def page_for(qtbot, database, actor, answers=None, runner=None):
    answers = answers or Answers()
    page = ReportsPage(
        runner or SyncRunner(), ask_path=answers.ask, tell=answers.tell, confirm=answers.confirm
    )
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # F5, a window shortcut, needs it active
    page.bind(database, actor)
    return page


def march(qtbot, page):
    """The funnel view with March chosen and computed by F5."""
    view = page.views["channel_funnel"]
    view.since.setDate(QDate(SINCE))
    view.until.setDate(QDate(UNTIL))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F5)
    return view


def table(view) -> list[list[str]]:
    model = view.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def report_views(database) -> list[dict]:
    with unit_of_work(database, write=False) as session:
        summaries = session.scalars(
            sa.select(AuditEvent.summary)
            .where(AuditEvent.entity_type == "report")
            .order_by(AuditEvent.occurred_at)
        ).all()
    return [json.loads(summary) for summary in summaries]


@SQLITE
def test_a_manager_sees_the_funnel_of_march(qtbot, database, manager, clinic):
    page = page_for(qtbot, database, manager)
    assert page.content.isVisible() and page.reports.item(0).text() == "Channel funnel"
    assert not page.reports.item(1).isHidden()  # the audit log stays an entry
    view = march(qtbot, page)
    assert view.model.headers() == tuple(HEADERS)
    assert table(view) == [
        ["抖音", "3", "2", "2", "2", "1", "66.7%", "100.0%", "100.0%", "50.0%", "42.9%"],
        ["(no channel)", "2", "1", "1", "1", "0", "50.0%", "100.0%", "100.0%", "0.0%", "28.6%"],
        ["小红书", "2", "2", "1", "0", "0", "100.0%", "50.0%", "0.0%", "—", "28.6%"],
    ]
    assert {
        row[0] if row[0] != "(no channel)" else "": tuple(int(n) for n in row[1:6])
        for row in table(view)
    } == EXPECTED
    assert view.status.text().startswith("3 row(s), 2026-03-01 to 2026-03-31.")
    # shown on opening (this month: nothing), then March: both audited
    assert [v.get("since") for v in report_views(database)] == [
        dt.date.today().replace(day=1).isoformat(),
        "2026-03-01",
    ]


@SQLITE
def test_saved_segments_come_after_the_reports_and_open_their_records(
    qtbot, database, manager, clinic
):
    page = page_for(qtbot, database, manager)
    texts = [page.reports.item(row).text() for row in range(page.reports.count())]
    assert texts[-2:] == ["Saved segments", "Audit log"]
    page.show_report("segments")
    assert page.stack.currentWidget() is page.segments and page.segments.isVisible()
    opened = []
    page.open_record.connect(opened.append)
    page.segments.open_record.emit("patient")
    assert opened == ["patient"]


@SQLITE
def test_the_chart_has_a_bar_per_step_for_each_channel(qtbot, database, manager, clinic):
    page = page_for(qtbot, database, manager)  # kept: the view dies with it
    view = march(qtbot, page)
    (series,) = view.chart.series()
    assert isinstance(series, QBarSeries)
    bars = {bar.label(): [bar.at(i) for i in range(bar.count())] for bar in series.barSets()}
    assert bars == {
        "New": [3, 2, 2],
        "Arrived": [2, 1, 2],
        "Consulted": [2, 1, 1],
        "Dealt": [2, 1, 0],
        "Repurchased": [1, 0, 0],
    }
    assert view.chart.axes(Qt.Orientation.Horizontal)[0].categories() == [
        "抖音",
        "(no channel)",
        "小红书",
    ]


@SQLITE
def test_a_number_lists_its_patients_and_opens_one(qtbot, database, manager, clinic):
    page = page_for(qtbot, database, manager)
    view = march(qtbot, page)
    view.table.setCurrentIndex(view.model.index(0, 4))  # 抖音, dealt
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.drill_dialog
    assert dialog is not None and dialog.isVisible()
    assert "抖音 · Dealt: 2 patient(s)" in dialog.label.text()
    listed = [
        [dialog.model.index(r, c).data() for c in range(3)] for r in range(dialog.model.rowCount())
    ]
    assert {name for _no, name, _mobile in listed} == BEHIND["抖音", "dealt"]
    assert sorted(mobile for *_rest, mobile in listed) == ["138****0001", "138****0002"]
    assert report_views(database)[-1]["step"] == "dealt"  # the list is audited too

    with qtbot.waitSignal(page.open_record) as opened:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [clinic[listed[0][1]]]

    rect = view.table.visualRect(view.model.index(2, 2))  # 小红书, arrived: by double-click
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert {p.name for p in view.drill_dialog.model.rows} == BEHIND["小红书", "arrived"]

    view.table.setCurrentIndex(view.model.index(0, 6))  # a rate: no list behind it
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.status.text() == "This column has no list of patients behind it."


@SQLITE
def test_the_table_goes_to_excel_and_the_chart_to_png(qtbot, database, manager, clinic, tmp_path):
    answers = Answers(str(tmp_path / "funnel"))
    page = page_for(qtbot, database, manager, answers)
    view = march(qtbot, page)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["channel_funnel-2026-03-01-2026-03-31.xlsx"]
    assert answers.told == [("3 row(s) exported to funnel.xlsx.", False)]
    sheet = openpyxl.load_workbook(tmp_path / "funnel.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert rows[1][:6] == ("抖音", 3, 2, 2, 2, 1)
    assert rows[1][6] == pytest.approx(2 / 3) and sheet["G2"].number_format == "0.0%"
    assert rows[2][0] == "(no channel)" and rows[3][9] is None  # no one dealt: no rate

    qtbot.mouseClick(view.chart_button, Qt.MouseButton.LeftButton)
    png = tmp_path / "funnel.png"
    assert answers.asked[-1] == "channel_funnel-2026-03-01-2026-03-31.png"
    assert png.stat().st_size > 1000 and view.status.text() == "Chart saved to funnel.png."
    image = QImage(str(png))
    assert image.width() == view.chart_view.width() and not image.isNull()


@SQLITE
def test_a_receptionist_sees_no_report_and_none_is_computed(qtbot, database, manager):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    page = page_for(qtbot, database, front)
    assert not page.content.isVisible()
    assert page.body.text() == "Reports are for managers."
    assert page._item("segments").isHidden() and page.segments.actor is None
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.views["channel_funnel"].model.rowCount() == 0
    assert report_views(database) == []
    with unit_of_work(database, write=False) as session:
        assert not session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "denied")).all()


@SQLITE
def test_a_failing_report_says_why(qtbot, database, manager):
    def broken(*_args):
        raise OSError("the server went away")

    spec = ReportSpec("broken", "Broken", broken, FUNNEL.columns, FUNNEL.chart)
    page = ReportsPage(SyncRunner(), specs=(spec,))
    qtbot.addWidget(page)
    page.show()
    page.bind(database, manager)
    view = page.views["broken"]
    assert "the server went away" in view.status.text()
    assert view.status.styleSheet() and view.refresh_button.isEnabled()
    assert not view.export_button.isEnabled()


class HeldRunner:
    """Keeps the work until told to finish it: a report still computing."""

    def __init__(self) -> None:
        self.held: list = []

    def run(self, work, on_done, on_error) -> None:
        self.held.append((work, on_done, on_error))

    def finish(self) -> None:
        work, on_done, _on_error = self.held.pop(0)
        on_done(work())


@SQLITE
def test_cancel_drops_the_answer_still_coming(qtbot, database, manager, clinic):
    runner = HeldRunner()
    page = page_for(qtbot, database, manager, runner=runner)
    view = page.views["channel_funnel"]
    runner.finish()  # the opening's month
    view = march(qtbot, page)
    assert view.busy.isVisible() and view.cancel_button.isVisible()
    assert not view.refresh_button.isEnabled() and view.status.text() == "Computing…"
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert not view.busy.isVisible() and view.refresh_button.isEnabled()
    runner.finish()  # the database answers after all
    assert view.model.rowCount() == 0
    assert view.status.text() == "Cancelled. Refresh (F5) to compute again."


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_from_the_workspace_a_listed_patient_opens_their_record(qtbot, database, manager, clinic):
    workspace = Workspace(StationSettings(), SyncRunner())
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    workspace.bind(database, manager)
    workspace.show_section(5)
    page = workspace.reports_page
    view = march(qtbot, page)
    assert table(view)[0][:6] == ["抖音", "3", "2", "2", "2", "1"]
    view.table.setCurrentIndex(view.model.index(0, 5))  # 抖音, repurchased: 抖一
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.keyClick(view.drill_dialog.table, Qt.Key.Key_Return)
    assert workspace.pages.currentWidget() is workspace.patient_page


def test_building_the_reports_leaves_the_active_window_alone(qtbot):
    """A control made visible before it had a parent became a window of its own for a
    moment and took the keyboard from the main window (Ctrl+N stopped opening intake)."""
    from PySide6.QtWidgets import QApplication, QWidget

    main = QWidget()
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    page = ReportsPage(SyncRunner())
    qtbot.addWidget(page)
    QApplication.processEvents()
    assert QApplication.activeWindow() is main
