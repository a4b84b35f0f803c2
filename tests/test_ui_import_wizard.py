"""The patient import wizard on a clinic's messy workbook, on SQLite and PostgreSQL: the
columns prefilled from the header and corrected, the check writing nothing, the import,
the report, Stop and resume, a remembered mapping, an unreadable file, who sees it."""

from __future__ import annotations

import csv

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from desktop_app.db import Database
from desktop_app.models import ImportedRow, Patient, Role
from desktop_app.services import patient_import
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.patient_import import ColumnMapping
from desktop_app.services.patients import PatientDraft, register_patient
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui import import_words
from desktop_app.ui.import_mapping_table import IGNORED
from desktop_app.ui.import_patients_box import ImportPatientsBox
from desktop_app.ui.import_wizard import CHECK, FILE, IMPORT, MAPPING, ImportWizard
from desktop_app.ui.tasks import SyncRunner
from tests.test_patient_import import DB_MOBILE, SUMMARY, messy_workbook

FIELDS = ["name", "mobile", "id_number", "sex", "birth_date", "source", "consultant", "note",
          "first_visit"]  # fmt: skip
NAMES = {"周九旧档", "张三", "李四", "王五", "赵六", "钱七", "郑十一", "冯十二"}


@pytest.fixture
def registered(database: Database, manager: Actor) -> None:
    register_patient(database, manager, PatientDraft(name="周九旧档", mobile=DB_MOBILE))


def open_wizard(qtbot, database, actor, path=None, reports=None) -> ImportWizard:
    chosen = reports if reports is not None else []
    wizard = ImportWizard(
        SyncRunner(),
        database,
        actor,
        path,
        choose=lambda _p: "",
        choose_report=lambda _p, _suggested: chosen[-1] if chosen else "",
    )
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def counts(page) -> dict[str, int]:
    return {name: int(label.text()) for name, label in page.counts.items()}


def problem_rows(page) -> dict[int, tuple[str, str]]:
    table = page.rows
    return {
        int(table.item(r, 0).text()): (table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    }


def stored(database: Database) -> tuple[set[str], int]:
    with unit_of_work(database, write=False) as session:
        names = set(session.scalars(sa.select(Patient.name)))
        imported = session.scalar(sa.select(sa.func.count()).select_from(ImportedRow))
    return names, imported or 0


def press_next(qtbot, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)


def test_enter_opens_the_file_and_the_check_writes_nothing(
    qtbot, database, manager, registered, tmp_path
):
    path = messy_workbook(tmp_path / "客户.xlsx")
    wizard = open_wizard(qtbot, database, manager)
    assert wizard.pages.currentIndex() == FILE
    wizard.file_edit.setFocus()
    wizard.file_edit.setText(str(path))  # keyClicks cannot type 客户
    qtbot.keyClick(wizard.file_edit, Qt.Key.Key_Return)  # Enter = Next

    assert wizard.pages.currentIndex() == MAPPING
    assert [combo.currentData() for combo in wizard.table.combos] == FIELDS
    assert wizard.table.combos[2].currentText() == "ID number"
    assert wizard.table.item(1, 0).text() == "客户姓名"  # the file's own header under it
    assert wizard.table.verticalHeaderItem(1).text() == "3"  # below the title rows
    assert wizard.table.item(2, 0).text() == "张三"
    assert "matched by their titles (row 3)" in wizard.mapping_page.note.text()
    assert not wizard.merge_empty.isChecked() and not wizard.remember.isChecked()

    press_next(qtbot, wizard)
    assert wizard.pages.currentIndex() == CHECK
    assert counts(wizard.check_page) == SUMMARY
    problems = problem_rows(wizard.check_page)
    assert problems[10] == ("Already registered", "Same mobile as row 4 of this file.")
    assert problems[11][1].startswith("Same mobile as patient ")
    assert problems[13] == ("Not imported", "The mobile 12345 cannot exist: check the digits.")
    assert problems[15][0] == "New patient, to look at"
    assert "nothing has been written" in wizard.check_page.heading.text()
    assert stored(database) == ({"周九旧档"}, 0)  # the check wrote nothing
    assert wizard.next_button.text() == "&Import 7 new patient(s)"
    assert wizard.next_button.isEnabled()


def test_correcting_a_column_changes_the_preview_and_the_check(
    qtbot, database, manager, registered, tmp_path
):
    path = messy_workbook(tmp_path / "客户.xlsx")
    wizard = open_wizard(qtbot, database, manager, path)
    press_next(qtbot, wizard)
    assert counts(wizard.check_page) == SUMMARY
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)

    wizard.table.choose(1, None)  # the phone column: not imported
    assert wizard.table.item(2, 1).foreground().color() == IGNORED
    assert wizard.table.item(2, 0).foreground().color() != IGNORED
    assert wizard.check_page.result is None  # the old check no longer holds
    press_next(qtbot, wizard)

    columns = {name: i for i, name in enumerate(FIELDS) if name != "mobile"}
    expected = patient_import.import_patients(
        database, manager, path, mapping=ColumnMapping(3, columns), dry_run=True
    ).summary.as_dict()
    assert counts(wizard.check_page) == expected != SUMMARY
    assert expected["duplicates"] == 0  # nothing to compare by but two ID numbers
    assert stored(database) == ({"周九旧档"}, 0)


def test_a_field_goes_to_one_column_and_the_name_must_be_chosen(qtbot, database, manager, tmp_path):
    wizard = open_wizard(qtbot, database, manager, messy_workbook(tmp_path / "客户.xlsx"))
    wizard.table.choose(7, "name")  # the note column said to hold the name
    assert wizard.table.combos[0].currentData() is None
    wizard.table.choose(7, None)
    press_next(qtbot, wizard)
    assert wizard.pages.currentIndex() == MAPPING
    assert wizard.mapping_page.error.isVisible()
    assert wizard.mapping_page.error.text() == "Choose the column that holds the patient's name."
    wizard.table.choose(0, "name")
    assert not wizard.mapping_page.error.isVisible()
    press_next(qtbot, wizard)
    assert wizard.pages.currentIndex() == CHECK


def test_the_import_writes_and_its_report_is_saved_in_words(
    qtbot, database, manager, registered, tmp_path
):
    reports = [str(tmp_path / "报告.csv")]
    path = messy_workbook(tmp_path / "客户.xlsx")
    wizard = open_wizard(qtbot, database, manager, path, reports)
    results = []
    wizard.imported.connect(results.append)
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)

    assert wizard.pages.currentIndex() == IMPORT
    assert counts(wizard.run_page) == SUMMARY
    assert stored(database) == (NAMES, 7)
    assert [r.summary.as_dict() for r in results] == [SUMMARY]
    assert not wizard.next_button.isVisible()
    assert wizard.close_button.text() == "&Close"
    assert not wizard.back_button.isEnabled()
    assert wizard.run_page.status.text().startswith("Record numbers ")
    with unit_of_work(database, write=False) as session:
        qian = session.scalars(sa.select(Patient).where(Patient.name == "钱七")).one()
    assert "wrong check digit" in (qian.id_unverified_reason or "")  # the UI's words

    qtbot.mouseClick(wizard.run_page.save_button, Qt.MouseButton.LeftButton)
    assert wizard.run_page.saved.text() == f"Report saved: {reports[0]}"
    with open(reports[0], encoding="utf-8-sig", newline="") as file:
        lines = list(csv.reader(file))
    assert lines[0] == ["row", "outcome", "reason"]
    by_row = {int(row): (outcome, reason) for row, outcome, reason in lines[1:]}
    assert by_row[10] == ("duplicate", "Same mobile as row 4 of this file.")
    assert by_row[13] == ("rejected", "The mobile 12345 cannot exist: check the digits.")
    assert set(by_row) == set(problem_rows(wizard.run_page))


def test_stop_keeps_the_written_batches_and_import_again_resumes(
    qtbot, database, manager, registered, tmp_path, monkeypatch
):
    monkeypatch.setattr(patient_import, "BATCH_ROWS", 3)
    wizard = open_wizard(qtbot, database, manager, messy_workbook(tmp_path / "客户.xlsx"))
    press_next(qtbot, wizard)
    stops: list[int] = []

    def stop_once(value: int) -> None:
        if value and not stops:
            stops.append(value)
            qtbot.mouseClick(wizard.run_page.stop_button, Qt.MouseButton.LeftButton)

    wizard.run_page.progress_bar.valueChanged.connect(stop_once)
    press_next(qtbot, wizard)

    first = wizard.run_page.result
    assert first is not None and first.cancelled
    assert stops == [3] and first.summary.rows == 3
    assert "Stopped. The patients imported so far are kept" in wizard.run_page.heading.text()
    names, imported = stored(database)
    assert imported == first.summary.imported and 0 < imported < 7
    assert len(names) == 1 + imported
    assert wizard.next_button.isVisible() and wizard.next_button.text() == "&Import again"

    press_next(qtbot, wizard)
    again = wizard.run_page.result
    assert again is not None and not again.cancelled
    assert stored(database) == (NAMES, 7)
    assert again.summary.imported == 7 - imported
    assert again.summary.duplicates == SUMMARY["duplicates"] + imported


def test_a_remembered_mapping_maps_the_next_file(qtbot, database, manager, tmp_path):
    header = "客户,电话2,说明\n"
    first = tmp_path / "一月.csv"
    first.write_text(header + "张三,13800138000,老客\n李四,13800138001,\n", encoding="utf-8")
    wizard = open_wizard(qtbot, database, manager, first)
    assert "No column title was recognised" in wizard.mapping_page.note.text()
    assert [combo.currentData() for combo in wizard.table.combos] == [None, None, None]
    wizard.table.choose(0, "name")
    wizard.table.choose(1, "mobile")
    wizard.table.choose(2, "note")
    wizard.remember.setChecked(True)
    press_next(qtbot, wizard)
    assert counts(wizard.check_page)["imported"] == 2

    second = tmp_path / "二月.csv"
    second.write_text(header + "王五,13800138002,\n", encoding="utf-8")
    again = open_wizard(qtbot, database, manager, second)
    assert [combo.currentData() for combo in again.table.combos] == ["name", "mobile", "note"]
    assert "saved for files like this one" in again.mapping_page.note.text()


def test_a_file_that_cannot_be_read_is_said_in_words(qtbot, database, manager, tmp_path):
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"not a workbook")
    wizard = open_wizard(qtbot, database, manager, broken)
    assert wizard.pages.currentIndex() == FILE
    assert wizard.file_error.text() == (
        "坏.xlsx: the file cannot be read. Is it open in another program, or damaged?"
    )
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    wizard.file_edit.setText(str(old))
    press_next(qtbot, wizard)
    assert wizard.file_error.text().startswith("old.xls: only .xlsx and .csv files")
    assert wizard.file_edit.text() == str(old)  # nothing typed is lost


def test_managers_see_the_box_and_the_desk_does_not(qtbot, database, manager, tmp_path):
    path = messy_workbook(tmp_path / "客户.xlsx")
    box = ImportPatientsBox(SyncRunner(), choose=lambda _p: str(path))
    qtbot.addWidget(box)
    box.show()
    front = create_staff(
        database, manager, NewStaff("rita", "前台小丽", Role.RECEPTIONIST, "front desk pass")
    )
    box.bind(database, front)
    assert not box.isVisible()
    box.bind(database, manager)
    assert box.isVisible()
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    assert box.wizard is not None and box.wizard.pages.currentIndex() == MAPPING


def test_every_import_code_has_words_in_the_wizard():
    from desktop_app.services import import_words as english

    for ui, source in (
        (import_words.PROBLEMS, english.PROBLEMS),
        (import_words.FIELD_NAMES, english.FIELD_NAMES),
        (import_words.FILE_ERRORS, english.FILE_ERRORS),
    ):
        assert set(ui) == set(source)
        for code, text in source.items():  # the same blanks to fill in
            for blank in ("{field}", "{value}", "{name}"):
                assert (blank in ui[code]) == (blank in text), code
    problem = patient_import.Problem("date_unreadable", "birth_date", "1990/13/45")
    assert (
        import_words.describe(problem) == "The date of birth 1990/13/45 is not a date: left empty."
    )
    assert import_words.describe(patient_import.Problem("new_code", "", "{x}")) == "new_code: {x}"
