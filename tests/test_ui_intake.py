"""The intake form and search box driven by keyboard, as a receptionist would (issue 4)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.db import Database
from desktop_app.models import Patient, PatientConsent
from desktop_app.services import patients as patient_service
from desktop_app.services.context import unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.ui.intake_dialog import IntakeDialog
from tests.conftest import MANAGER_PASSWORD
from tests.support.databases import sqlite_url
from tests.support.keyboard import type_text
from tests.test_ui_startup import make_window, set_up_clinic, sign_in

VALID_ID = "11010519491231002X"  # 1949-12-31, female
LEGACY_ID = "110105491231002"  # the same person's 15-digit card: 1949-12-31, female


@pytest.fixture
def desk(qtbot, qapp, tmp_path):
    """A signed-in window on a real SQLite file, at the front desk."""
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    window = make_window(qtbot, qapp, str(url))
    sign_in(qtbot, window)
    assert window.root.currentWidget() is window.workspace
    return window


def open_intake(qtbot, window) -> IntakeDialog:
    """Ctrl+N from wherever the focus is."""
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    dialog = window.workspace.front_desk.intake_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_field(qtbot, dialog: IntakeDialog, name: str, text: str) -> None:
    """Tab to a field the way the keyboard would get there, then type."""
    widget = dialog.inputs[name]
    widget.setFocus()
    type_text(qtbot, widget, text)


def press_enter(qtbot, dialog: IntakeDialog) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def stored(window) -> list[Patient]:
    with unit_of_work(window.database, write=False) as session:
        return list(session.scalars(sa.select(Patient).order_by(Patient.record_no)))


def test_walk_in_registered_by_keyboard(qtbot, desk):
    dialog = open_intake(qtbot, desk)
    assert dialog.inputs["name"].hasFocus()
    type_text(qtbot, dialog.inputs["name"], "  张三丰 ")
    # Tab follows the form: name → sex → date of birth → mobile → ID type → ID number.
    order = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order == ["sex", "birth_date", "mobile", "id_type", "id_number"]
    type_text(qtbot, QApplication.focusWidget(), VALID_ID)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # leaving the ID fills DOB, sex
    assert dialog.inputs["birth_date"].text() == "1949-12-31"
    assert dialog.sex.currentData() == "F"
    type_field(qtbot, dialog, "mobile", "１３８ ００１３-１２３４")  # full-width, spaces, dash
    dialog.consents[next(iter(dialog.consents))].setChecked(True)
    press_enter(qtbot, dialog)

    assert not dialog.isVisible() and dialog.saved is not None
    [patient] = stored(desk)
    assert (patient.name, patient.mobile, patient.id_number) == (
        "张三丰",
        "+8613800131234",
        VALID_ID,
    )
    summary = desk.workspace.front_desk.summary
    qtbot.waitUntil(lambda: summary.record is not None)
    assert "张三丰" in summary.text.text() and patient.record_no in summary.text.text()
    assert "Registered 张三丰" in desk.workspace.front_desk.notice.text()
    with unit_of_work(desk.database, write=False) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(PatientConsent)) == 6


def test_every_control_of_the_form_has_an_object_name(qtbot, desk):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QWidget

    dialog = open_intake(qtbot, desk)
    kinds = (QLineEdit, QAbstractButton, QComboBox, QPlainTextEdit)
    unnamed = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, kinds) and not w.objectName() and not isinstance(w.parent(), QLineEdit)
    ]
    assert unnamed == []


def test_invalid_id_blocks_saving_until_marked_unverified_with_a_reason(qtbot, desk):
    dialog = open_intake(qtbot, desk)
    type_field(qtbot, dialog, "name", "李四")
    type_field(qtbot, dialog, "id_number", "110105194912310021")  # wrong check digit
    press_enter(qtbot, dialog)
    error = dialog.left.errors["id_number"]
    assert error.isVisibleTo(dialog) and "check digit" in error.text()
    assert dialog.inputs["id_number"].hasFocus()
    assert stored(desk) == []

    dialog.unverified.setChecked(True)
    press_enter(qtbot, dialog)  # ticked but no reason: asked for one at the field
    assert dialog.left.errors["id_unverified_reason"].isVisibleTo(dialog)
    assert stored(desk) == []

    type_field(qtbot, dialog, "id_unverified_reason", "旧证件，号码模糊")
    press_enter(qtbot, dialog)
    [patient] = stored(desk)
    assert patient.id_unverified_reason == "旧证件，号码模糊"
    notice = desk.workspace.front_desk.summary.warning
    qtbot.waitUntil(lambda: notice.isVisibleTo(desk))
    assert "旧证件，号码模糊" in notice.text()  # shown afterwards on the record


def test_legacy_15_digit_id_becomes_18_digits(qtbot, desk):
    dialog = open_intake(qtbot, desk)
    type_field(qtbot, dialog, "name", "王五")
    type_field(qtbot, dialog, "id_number", LEGACY_ID)
    qtbot.keyClick(dialog.inputs["id_number"], Qt.Key.Key_Tab)
    assert dialog.inputs["id_number"].text() == VALID_ID
    assert dialog.inputs["birth_date"].text() == "1949-12-31"
    press_enter(qtbot, dialog)
    assert stored(desk)[0].id_number == VALID_ID


def test_typed_birth_date_contradicting_the_id_is_flagged_at_the_field(qtbot, desk):
    dialog = open_intake(qtbot, desk)
    type_field(qtbot, dialog, "name", "王五")
    type_field(qtbot, dialog, "birth_date", "1950-01-01")
    type_field(qtbot, dialog, "id_number", VALID_ID)
    qtbot.keyClick(dialog.inputs["id_number"], Qt.Key.Key_Tab)
    assert dialog.left.errors["birth_date"].text() == "Does not match the ID number."
    press_enter(qtbot, dialog)
    assert dialog.left.errors["birth_date"].isVisibleTo(dialog)
    assert stored(desk) == []


def test_minor_without_a_guardian_is_rejected_at_the_guardian_fields(qtbot, desk):
    dialog = open_intake(qtbot, desk)
    type_field(qtbot, dialog, "name", "小明")
    type_field(qtbot, dialog, "birth_date", "2015-06-01")
    qtbot.keyClick(dialog.inputs["birth_date"], Qt.Key.Key_Tab)
    assert dialog.consent_hint.isVisibleTo(dialog)  # under 14: the guardian consents
    press_enter(qtbot, dialog)
    error = dialog.guardian_form.errors["guardian_name"]
    assert error.isVisibleTo(dialog) and "under 18" in error.text()
    assert dialog.inputs["guardian_name"].hasFocus()
    assert stored(desk) == []

    type_field(qtbot, dialog, "guardian_name", "小明妈妈")
    type_field(qtbot, dialog, "guardian_relation", "母亲")
    type_field(qtbot, dialog, "guardian_mobile", "13912345678")
    press_enter(qtbot, dialog)
    [patient] = stored(desk)
    assert patient.guardian_mobile == "+8613912345678"


def test_impossible_mobile_is_a_field_error(qtbot, desk):
    dialog = open_intake(qtbot, desk)
    type_field(qtbot, dialog, "name", "赵六")
    type_field(qtbot, dialog, "mobile", "1234")
    press_enter(qtbot, dialog)
    assert "cannot exist" in dialog.left.errors["mobile"].text()
    assert stored(desk) == []


def test_duplicate_mobile_shows_the_existing_patient_and_opens_them(qtbot, desk):
    manager = desk.actor
    existing = patient_service.register_patient(
        desk.database, manager, PatientDraft("陈七", mobile="13800131234")
    )
    dialog = open_intake(qtbot, desk)
    type_field(qtbot, dialog, "name", "陈七七")
    type_field(qtbot, dialog, "mobile", "13800131234")
    press_enter(qtbot, dialog)

    assert dialog.duplicate.isVisibleTo(dialog)
    assert (
        "陈七" in dialog.duplicate_text.text()
        and existing.record_no in dialog.duplicate_text.text()
    )
    assert not dialog.anyway_button.isVisibleTo(dialog)  # same mobile: no second record
    assert dialog.open_button.hasFocus()
    qtbot.keyClick(dialog.open_button, Qt.Key.Key_Space)
    assert dialog.open_existing == existing.id
    assert len(stored(desk)) == 1
    summary = desk.workspace.front_desk.summary
    qtbot.waitUntil(lambda: summary.record is not None and summary.record.id == existing.id)


def test_same_name_and_birth_date_warns_and_may_be_registered_anyway(qtbot, desk):
    patient_service.register_patient(
        desk.database, desk.actor, PatientDraft("周八", birth_date=dt.date(1990, 5, 20))
    )
    dialog = open_intake(qtbot, desk)
    type_field(qtbot, dialog, "name", "周八")
    type_field(qtbot, dialog, "birth_date", "1990/5/20")
    press_enter(qtbot, dialog)
    assert dialog.anyway_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.anyway_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None
    assert len(stored(desk)) == 2


def test_rare_characters_and_a_long_note_round_trip(qtbot, desk):
    dialog = open_intake(qtbot, desk)
    name = "𠮷野·Anna"
    type_field(qtbot, dialog, "name", name)
    dialog.notes.setPlainText("😀" + "备" * 9_999)
    dialog.notes.setFocus()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [patient] = stored(desk)
    assert patient.name == name and len(patient.notes) == 10_000
    search = desk.workspace.front_desk.search
    search.focus_box()
    type_text(qtbot, search.box, "𠮷野")
    qtbot.waitUntil(lambda: [h.name for h in search.model.rows] == [name])


def test_database_gone_while_saving_keeps_the_form(qtbot, desk, monkeypatch):
    dialog = open_intake(qtbot, desk)
    type_field(qtbot, dialog, "name", "孙九")
    from desktop_app.db import DatabaseUnavailableError

    def unreachable(*_a, **_k):
        raise DatabaseUnavailableError("The clinic server at 10.0.0.5 does not answer.")

    monkeypatch.setattr("desktop_app.ui.intake_dialog.register_patient", unreachable)
    press_enter(qtbot, dialog)
    assert dialog.isVisible() and dialog.inputs["name"].text() == "孙九"
    assert "cannot be reached" in dialog.general_error.text()
    assert "Nothing was saved" in dialog.general_error.text()
    assert dialog.save_button.isEnabled()


def test_concurrent_duplicate_on_postgresql_is_rejected_with_the_existing_patient(
    qtbot, qapp, postgres_database, monkeypatch
):
    """Station B saves the same mobile between station A's duplicate check and its insert."""
    complete_first_run(postgres_database, FirstRun("诊所", "boss", "王店长", MANAGER_PASSWORD))
    url = postgres_database.url.render_as_string(hide_password=False)
    window = make_window(qtbot, qapp, url)
    sign_in(qtbot, window)
    other_station = Database(postgres_database.url)
    real_matches = patient_service._matches
    calls = {"n": 0}

    def check_then_race(session, values, exclude):
        calls["n"] += 1
        if calls["n"] == 1:  # A's check finds nothing; B registers now
            patient_service.register_patient(
                other_station, window.actor, PatientDraft("钱十", mobile="13700137000")
            )
            return []
        return real_matches(session, values, exclude)

    monkeypatch.setattr(patient_service, "_matches", check_then_race)
    dialog = open_intake(qtbot, window)
    type_field(qtbot, dialog, "name", "钱十")
    type_field(qtbot, dialog, "mobile", "13700137000")
    press_enter(qtbot, dialog)
    other_station.dispose()

    assert dialog.duplicate.isVisibleTo(dialog)  # the unique constraint caught the race
    assert "钱十" in dialog.duplicate_text.text()
    assert len(stored(window)) == 1


# --- the search box --------------------------------------------------------------------------


def test_search_box_finds_as_you_type_and_is_driven_by_keyboard(qtbot, desk):
    for draft in (
        PatientDraft("张三丰", mobile="13800131234"),
        PatientDraft("张三", mobile="13900139999"),
        PatientDraft("曾小贤", mobile="13700137000"),
    ):
        patient_service.register_patient(desk.database, desk.actor, draft)
    desk.workspace.show_section(5)  # somewhere else; Ctrl+F and F3 come back from anywhere
    for key, modifier in (
        (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier),
    ):
        desk.workspace.navigation.setFocus()
        qtbot.keyClick(desk.workspace.navigation, key, modifier)
        search = desk.workspace.front_desk.search
        assert search.box.hasFocus() and desk.workspace.pages.currentIndex() == 0

    type_text(qtbot, search.box, "zeng")
    qtbot.waitUntil(lambda: [h.name for h in search.model.rows] == ["曾小贤"])
    assert search.model.data(search.model.index(0, 2)) == "137****7000"

    search.box.clear()
    type_text(qtbot, search.box, "zs")  # initials: both, the whole name typed first
    qtbot.waitUntil(lambda: len(search.model.rows) == 2)
    qtbot.keyClick(search.box, Qt.Key.Key_Down)
    assert search.view.hasFocus()
    qtbot.keyClick(search.view, Qt.Key.Key_Down)
    chosen = []
    search.chosen.connect(chosen.append)
    qtbot.keyClick(search.view, Qt.Key.Key_Return)
    assert [hit.name for hit in chosen] == [search.model.rows[1].name]
    summary = desk.workspace.front_desk.summary
    qtbot.waitUntil(lambda: summary.record is not None and summary.record.name == chosen[0].name)
    qtbot.keyClick(search.view, Qt.Key.Key_Escape)
    assert search.box.hasFocus()

    search.box.clear()
    type_text(qtbot, search.box, "nobody")
    qtbot.waitUntil(lambda: search.status.text() == "No patient found.")


def test_an_answer_for_an_older_query_is_dropped(qtbot, qapp):
    """Answers can arrive out of order from the thread pool; the list shows the box's query."""
    from desktop_app.services.search import SearchHit
    from desktop_app.ui.patient_search import PatientSearch

    class HeldRunner:
        def __init__(self):
            self.jobs = []

        def run(self, work, on_done, on_error):
            self.jobs.append(on_done)

    runner = HeldRunner()
    search = PatientSearch(runner, exportable=False)
    qtbot.addWidget(search)
    search.bind(object(), object())  # never queried: the runner holds the work
    search.box.setText("zhang")
    search.run_query()
    search.box.setText("zhangsan")
    search.run_query()
    hit = SearchHit(uuid.uuid4(), "000002", "张三", "", None, 1)
    runner.jobs[1]([hit])
    runner.jobs[0]([])  # the older answer arrives last
    assert search.model.rows == [hit]


def test_group_and_free_tags_are_saved_with_the_patient(qtbot, desk):
    from desktop_app.services.tags import patient_tags

    dialog = open_intake(qtbot, desk)
    type_field(qtbot, dialog, "name", "吴九")
    fearful = next(box for box in dialog.tag_boxes if box.text() == "怕疼")
    fearful.setFocus()
    qtbot.keyClick(fearful, Qt.Key.Key_Space)
    type_field(qtbot, dialog, "tags", "喜欢抹茶，带孩子来")
    press_enter(qtbot, dialog)
    assert dialog.saved is not None
    assert sorted(patient_tags(desk.database, desk.actor, dialog.saved.id)) == sorted(
        ["怕疼", "喜欢抹茶", "带孩子来"]
    )


def test_referrer_is_found_with_the_same_search_and_saved(qtbot, desk):
    friend = patient_service.register_patient(
        desk.database, desk.actor, PatientDraft("曾小贤", mobile="13700137000")
    )
    dialog = open_intake(qtbot, desk)
    type_field(qtbot, dialog, "name", "胡一菲")
    dialog.referrer.setFocus()
    qtbot.keyClick(dialog.referrer, Qt.Key.Key_Space)
    picker = dialog.findChild(QDialog, "patientPicker")
    qtbot.waitUntil(lambda: picker is not None and picker.isVisible())
    type_text(qtbot, picker.search.box, "zeng")
    qtbot.keyClick(picker.search.box, Qt.Key.Key_Return)  # Enter before the pause: still found
    assert not picker.isVisible()
    assert dialog.referrer_id == friend.id and "曾小贤" in dialog.referrer.text()
    press_enter(qtbot, dialog)
    newcomer = next(p for p in stored(desk) if p.name == "胡一菲")
    assert newcomer.referrer_id == friend.id
