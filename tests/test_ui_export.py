"""Export to Excel… from the patient search and the reminders page (issue 11), by keyboard,
with the file dialog and the message box answered by the test: what the search finds or
everyone, the section shown, hidden from clinical roles, a failure said and no file left."""

from __future__ import annotations

import datetime as dt
import errno

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop_app.models import Role
from desktop_app.services import reminders, xlsx_writing
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui.patient_search import PatientPicker, PatientSearch
from desktop_app.ui.reminders_page import RemindersPage
from desktop_app.ui.tasks import SyncRunner
from tests.support.keyboard import type_text

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
TODAY = dt.date.today()
EXPORT_KEYS = (
    Qt.Key.Key_E,
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
)


class Answers:
    """The file dialog's answer and what the message boxes said."""

    def __init__(self, answer: str) -> None:
        self.answer, self.asked, self.told = answer, [], []

    def ask(self, _parent, caption: str, suggested: str, _filters: str) -> str:
        self.asked.append((caption, suggested))
        return self.answer

    def tell(self, _parent, _title: str, text: str, error: bool) -> None:
        self.told.append((text, error))


@pytest.fixture
def people(database, manager):
    def make(username: str, name: str, role: Role):
        return create_staff(
            database, manager, NewStaff(username, name, role, "correct horse battery")
        )

    for name in ("张三丰", "张三", "李四"):
        register_patient(database, manager, PatientDraft(name, notes="=1+1", allergies="青霉素"))
    return {
        "manager": manager,
        "receptionist": make("rita", "前台小丽", Role.RECEPTIONIST),
        "doctor": make("doc", "王医生", Role.DOCTOR),
        "nurse": make("lee", "护士小李", Role.NURSE),
    }


def search_box(qtbot, database, actor, answers: Answers) -> PatientSearch:
    search = PatientSearch(SyncRunner(), ask_path=answers.ask, tell=answers.tell)
    qtbot.addWidget(search)
    search.bind(database, actor)
    search.show()
    search.activateWindow()
    qtbot.waitUntil(search.isActiveWindow)
    return search


def rows(path) -> list[tuple]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def test_the_desk_exports_what_the_search_finds(qtbot, database, people, tmp_path):
    answers = Answers(str(tmp_path / "found"))  # no suffix typed: .xlsx added
    search = search_box(qtbot, database, people["receptionist"], answers)
    assert search.export_button.isVisible()
    type_text(qtbot, search.box, "张三")
    search.run_query()
    qtbot.keyClick(search.box, *EXPORT_KEYS)

    assert answers.asked == [("Export the patients found", f"Patients-{TODAY.isoformat()}.xlsx")]
    assert answers.told == [("2 row(s) exported to found.xlsx.", False)]
    found = rows(tmp_path / "found.xlsx")
    assert found[0][:3] == ("Record no.", "Name", "Sex")  # the screen's words (English here)
    assert "Allergies" not in found[0]  # a receptionist's file has no clinical column
    assert [row[1] for row in found[1:]] == ["张三", "张三丰"]
    assert found[1][found[0].index("Notes")] == "=1+1"


def test_an_empty_box_exports_everyone(qtbot, database, people, tmp_path):
    answers = Answers(str(tmp_path / "all.xlsx"))
    search = search_box(qtbot, database, people["manager"], answers)
    search.export_button.click()
    assert answers.asked[0][0] == "Export every patient"
    assert answers.told == [("3 row(s) exported to all.xlsx.", False)]
    header, *lines = rows(tmp_path / "all.xlsx")
    assert header[-3:] == ("Allergies", "Medical history", "History notes")
    assert len(lines) == 3 and {line[-3] for line in lines} == {"青霉素"}


def test_clinical_roles_and_the_picker_have_no_export(qtbot, database, people, tmp_path):
    answers = Answers(str(tmp_path / "x.xlsx"))
    search = search_box(qtbot, database, people["doctor"], answers)
    assert not search.export_button.isVisible()
    qtbot.keyClick(search.box, *EXPORT_KEYS)
    assert answers.asked == [] and not (tmp_path / "x.xlsx").exists()

    picker = PatientPicker(SyncRunner(), database, people["manager"])
    qtbot.addWidget(picker)
    picker.show()
    assert not picker.search.export_button.isVisible()


def test_a_full_disk_is_said_and_leaves_no_file(qtbot, database, people, tmp_path, monkeypatch):
    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsx_writing.os, "replace", disk_full)
    answers = Answers(str(tmp_path / "out.xlsx"))
    search = search_box(qtbot, database, people["receptionist"], answers)
    search.export()
    [(text, error)] = answers.told
    assert error and text.startswith("The disk is full: nothing was exported.")
    assert list(tmp_path.glob("*.xlsx*")) == [] and list(tmp_path.glob(".*.part")) == []
    assert not search.excel.running  # another export may be tried

    answers.answer, answers.told = str(tmp_path / "gone" / "out.xlsx"), []
    monkeypatch.undo()
    search.export()
    [(text, error)] = answers.told
    assert error and "does not exist" in text


def page(qtbot, database, actor, answers: Answers) -> RemindersPage:
    shown = RemindersPage(SyncRunner(), ask_path=answers.ask, tell=answers.tell)
    qtbot.addWidget(shown)
    shown.resize(1200, 600)
    shown.bind(database, actor)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def test_the_reminder_list_shown_is_exported(qtbot, database, people, tmp_path):
    rita = people["receptionist"]
    patient = register_patient(database, rita, PatientDraft("王五", mobile="13800131234"))
    for reason in ("回访一", "=回访二"):
        reminders.add_manual(database, rita, patient.id, TODAY, reason)
    answers = Answers(str(tmp_path / "calls.xlsx"))
    shown = page(qtbot, database, rita, answers)
    assert shown.export_button.isVisible()
    qtbot.keyClick(shown.table, *EXPORT_KEYS)

    assert answers.asked == [("Export the reminders", f"Reminders-today-{TODAY.isoformat()}.xlsx")]
    assert answers.told == [("2 row(s) exported to calls.xlsx.", False)]
    header, *lines = rows(tmp_path / "calls.xlsx")
    assert header[:2] == ("Due", "Patient or lead")
    assert {line[4] for line in lines} == {"回访一", "=回访二"}
    assert {(line[1], line[3], line[8]) for line in lines} == {("王五", "13800131234", "Today")}


def test_nurses_see_no_export_on_the_reminders_page(qtbot, database, people, tmp_path):
    answers = Answers(str(tmp_path / "x.xlsx"))
    shown = page(qtbot, database, people["nurse"], answers)
    assert not shown.export_button.isVisible()
    qtbot.keyClick(shown.table, *EXPORT_KEYS)
    assert answers.asked == []
