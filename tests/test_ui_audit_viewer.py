"""The audit viewer by keyboard: a manager filters by patient, staff and action, scrolls for
more, and exports to Excel through a stubbed file dialog; others do not see it."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.models import Role
from desktop_app.services import audit, audit_log, queue
from desktop_app.services.context import unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.record_header import record_header
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui import audit_viewer
from desktop_app.ui.audit_viewer import AuditViewer
from desktop_app.ui.tasks import SyncRunner

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


@pytest.fixture
def clinic(database, manager):
    lily = create_staff(
        database, manager, NewStaff("lily", "莉莉", Role.CONSULTANT, "correct horse battery")
    )
    first = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    register_patient(database, manager, PatientDraft("王五", mobile="13700001234"))
    queue.check_in(database, lily, first.id)
    record_header(database, lily, first.id)
    return {"lily": lily, "first": first}


def viewer(qtbot, database, actor, answer=None):
    asked: list[str] = []

    def ask(_parent, _caption, suggested, _filters):
        asked.append(suggested)
        return answer or ""

    box = AuditViewer(SyncRunner(), ask_path=ask)
    qtbot.addWidget(box)
    box.show()
    box.bind(database, actor)  # hides it from anyone but a manager
    box.activateWindow()
    if box.isVisible():
        qtbot.waitUntil(box.isActiveWindow)  # window shortcuts (Ctrl+E) need it active
    box.asked = asked
    return box


def shown(box) -> list[tuple[str, str, str]]:
    model = box.model
    return [
        (model.index(r, 1).data(), model.index(r, 3).data(), model.index(r, 4).data())
        for r in range(model.rowCount())
    ]


def test_a_manager_filters_by_keyboard(qtbot, database, manager, clinic):
    box = viewer(qtbot, database, manager)
    everything = shown(box)
    assert ("莉莉", "Checked in", "Visit") in everything
    assert ("王店长", "Created", "Patient") in everything

    box.patient.setFocus()
    qtbot.keyClicks(box.patient, clinic["first"].record_no)
    qtbot.keyClick(box.patient, Qt.Key.Key_Return)
    assert shown(box) == [
        ("莉莉", "Opened", "Patient"),
        ("莉莉", "Checked in", "Visit"),
        ("王店长", "Created", "Patient"),
    ]
    assert box.model.index(0, 5).data() == f"张三丰 ({clinic['first'].record_no})"

    box.staff.setFocus()
    while box.staff.currentText() != "莉莉":
        qtbot.keyClick(box.staff, Qt.Key.Key_Down)
    box.action.setFocus()
    while box.action.currentData() != "view":
        qtbot.keyClick(box.action, Qt.Key.Key_Down)
    box.until.setFocus()
    qtbot.keyClick(box.until, Qt.Key.Key_Return)  # Enter in a date box searches
    assert shown(box) == [("莉莉", "Opened", "Patient")]

    box.patient.clear()
    qtbot.keyClicks(box.patient, "nobody-here")
    qtbot.keyClick(box.patient, Qt.Key.Key_Return)
    assert box.status.text() == "No patient matches."


def test_yesterday_shows_nothing_and_the_table_loads_more_as_it_scrolls(
    qtbot, database, manager, clinic, monkeypatch
):
    monkeypatch.setattr(audit_viewer, "PAGE", 3)
    total = len(audit_log.search(database, manager))
    assert total > 6
    box = viewer(qtbot, database, manager)
    assert 3 <= box.model.rowCount() < total  # the view fetched what fills it, no more
    box.table.setFocus()
    for _ in range(total):
        qtbot.keyClick(box.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
    assert box.model.rowCount() == total and not box.model.canFetchMore()
    assert len({row.id for row in box.model.rows}) == total
    assert box.status.text() == f"{total} events."

    box.since.setDate(box.until.date().addDays(-1))
    box.until.setDate(box.until.date().addDays(-1))
    qtbot.mouseClick(box.search_button, Qt.MouseButton.LeftButton)
    assert box.model.rowCount() == 0 and box.status.text() == "No events match."


def test_export_with_the_file_dialog_stubbed(qtbot, database, manager, clinic, tmp_path):
    target = tmp_path / "log"  # no suffix given: .xlsx is added
    box = viewer(qtbot, database, manager, answer=str(target))
    qtbot.keyClicks(box.patient, clinic["first"].record_no)
    qtbot.keyClick(box.patient, Qt.Key.Key_Return)
    box.table.setFocus()
    qtbot.keyClick(box.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert box.asked == [f"audit-log-{dt.date.today().isoformat()}.xlsx"]
    path = tmp_path / "log.xlsx"
    assert box.status.text() == "3 events exported to log.xlsx."
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:5] == ("When", "Who", "Workstation", "Action", "Record")
    assert [row[3] for row in rows[1:]] == ["view", "check_in", "create"]
    assert all(isinstance(row[0], dt.datetime) for row in rows[1:])


def test_a_cancelled_dialog_exports_nothing(qtbot, database, manager, clinic, tmp_path):
    box = viewer(qtbot, database, manager, answer="")
    before = box.model.rowCount()
    qtbot.mouseClick(box.export_button, Qt.MouseButton.LeftButton)
    assert box.asked and list(tmp_path.glob("*.xlsx")) == []
    with unit_of_work(database) as session:
        audit.record(session, manager, "create", "tag", "x")
    assert box.model.rowCount() == before


def test_others_do_not_see_it(qtbot, database, manager, clinic):
    box = viewer(qtbot, database, clinic["lily"])
    assert box.isHidden() and box.model.rowCount() == 0
    qtbot.keyClick(box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert box.asked == []
