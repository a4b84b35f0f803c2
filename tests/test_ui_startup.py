"""The window from start to work: first run, sign-in, database problems, language, geometry."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app import station
from desktop_app.db import Database
from desktop_app.migrations import SCHEMA_HEAD, current_revision
from desktop_app.models import AuditEvent
from desktop_app.services import clinic_settings, setup
from desktop_app.services.context import unit_of_work
from desktop_app.station import StationSettings
from desktop_app.ui.i18n import Translations
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.tasks import SyncRunner
from tests.conftest import MANAGER_PASSWORD
from tests.support.databases import sqlite_url
from tests.support.keyboard import type_text


def make_window(qtbot, qapp, url: str | None, settings: StationSettings | None = None):
    translations = Translations(qapp)
    translations.apply("en")
    window = MainWindow(SyncRunner(), settings or StationSettings(), translations, url)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start()
    return window


def set_up_clinic(url) -> None:
    database = Database(url)
    from desktop_app.migrations import upgrade

    upgrade(database)
    setup.complete_first_run(
        database, setup.FirstRun("美丽诊所", "boss", "王店长", MANAGER_PASSWORD)
    )
    database.dispose()


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.clear()
    type_text(qtbot, edit, text)


def fill_first_run(
    qtbot,
    window,
    password: str = MANAGER_PASSWORD,
    confirm: str | None = None,
    clinic: str = "美丽诊所",
) -> None:
    """Type the clinic's name, Enter; the manager's answers, Enter in the last field."""
    page = window.gate.first_run
    type_into(qtbot, page.inputs["clinic_name"], clinic)
    qtbot.keyClick(page.inputs["clinic_name"], Qt.Key.Key_Return)
    answers = {
        "display_name": "王店长",
        "username": "boss",
        "password": password,
        "password_confirm": password if confirm is None else confirm,
    }
    for name, text in answers.items():
        type_into(qtbot, page.inputs[name], text)
    qtbot.keyClick(page.inputs["password_confirm"], Qt.Key.Key_Return)


def sign_in(qtbot, window, password: str = MANAGER_PASSWORD, username: str = "boss") -> None:
    page = window.gate.sign_in
    type_into(qtbot, page.username, username)
    type_into(qtbot, page.password, password)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)


# --- first run -------------------------------------------------------------------------------


def test_first_run_on_a_new_database_creates_the_clinic_and_signs_in(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    window = make_window(qtbot, qapp, str(url))
    page = window.gate.first_run
    assert window.gate.currentWidget() is page
    assert page.inputs["clinic_name"].hasFocus()

    # Keyboard only: type, Tab to the next field, Enter for the next step and to finish.
    for text in ("美丽诊所 Beauty", "上海市静安区南京西路 1 号", "021-5555 0000"):
        type_text(qtbot, qapp.focusWidget(), text)
        qtbot.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(page.inputs["clinic_phone"], Qt.Key.Key_Return)
    assert page.title.text() == "The first manager" and page.inputs["display_name"].hasFocus()
    # Losing the key is explained at setup, with the key file as the remedy (issue 10).
    assert "Export key file" in page.key_note.text() and page.key_note.isVisible()
    for text in ("王店长", "Boss", "correct horse battery", "correct horse battery"):
        type_text(qtbot, qapp.focusWidget(), text)
        qtbot.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(page.inputs["password_confirm"], Qt.Key.Key_Return)

    assert window.root.currentWidget() is window.workspace
    assert window.user_status.text() == "Signed in: 王店长 (Manager)"
    database = window.database
    assert current_revision(database) == SCHEMA_HEAD
    assert clinic_settings.get(database, clinic_settings.CLINIC_NAME) == "美丽诊所 Beauty"
    assert clinic_settings.get(database, clinic_settings.CLINIC_ADDRESS) == (
        "上海市静安区南京西路 1 号"
    )
    assert clinic_settings.get(database, clinic_settings.CLINIC_PHONE) == "021-5555 0000"
    assert not setup.needs_first_run(database)


def test_first_run_mismatched_passwords_are_flagged_at_the_field(qtbot, qapp, tmp_path):
    window = make_window(qtbot, qapp, str(sqlite_url(tmp_path)))
    page = window.gate.first_run
    fill_first_run(qtbot, window, "correct horse battery", confirm="correct horse", clinic="C")

    error = page.manager_form.errors["password_confirm"]
    assert error.isVisibleTo(page) and error.text() == "The two passwords are not the same."
    assert window.root.currentWidget() is window.gate
    assert setup.needs_first_run(window.database)


def test_first_run_weak_password_is_refused_at_the_field(qtbot, qapp, tmp_path):
    window = make_window(qtbot, qapp, str(sqlite_url(tmp_path)))
    page = window.gate.first_run
    fill_first_run(qtbot, window, "short", clinic="C")

    assert page.manager_form.errors["password"].text().startswith("Use at least 10 characters")
    assert page.inputs["password"].hasFocus()
    assert setup.needs_first_run(window.database)


# --- sign-in ---------------------------------------------------------------------------------


def test_sign_in_with_the_right_password_opens_the_workspace(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    window = make_window(qtbot, qapp, str(url))
    page = window.gate.sign_in
    assert window.gate.currentWidget() is page
    assert page.title.text() == "美丽诊所"
    assert page.button.isEnabled()

    qtbot.keyClicks(page.username, "boss")
    qtbot.keyClick(page.username, Qt.Key.Key_Return)  # Enter moves on to the password
    assert page.password.hasFocus()
    qtbot.keyClicks(page.password, MANAGER_PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)

    assert window.root.currentWidget() is window.workspace
    assert "王店长" in window.user_status.text()
    assert window.database_status.text() == f"SQLite — {tmp_path / 'clinic.db'}"
    assert window.connection_status.text() == "Connected"
    assert page.password.text() == ""


def test_wrong_password_says_so_and_reveals_nothing_else(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    window = make_window(qtbot, qapp, str(url))
    page = window.gate.sign_in
    type_into(qtbot, page.username, "boss")
    type_into(qtbot, page.password, "wrong password")
    qtbot.keyClick(page.password, Qt.Key.Key_Return)

    assert window.root.currentWidget() is window.gate
    assert page.error.isVisibleTo(page)
    assert page.error.text() == "Wrong user name or password."
    assert page.password.hasFocus() and page.password.selectedText() == "wrong password"

    type_into(qtbot, page.username, "nobody")
    type_into(qtbot, page.password, "wrong password")
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert page.error.text() == "Wrong user name or password."


def test_sign_out_returns_to_sign_in_and_is_audited(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    window = make_window(qtbot, qapp, str(url))
    sign_in(qtbot, window)
    window.sign_out_action.trigger()

    assert window.root.currentWidget() is window.gate
    assert window.gate.sign_in.password.text() == ""
    assert window.user_status.text() == "Not signed in"
    with unit_of_work(window.database, write=False) as session:
        actions = session.scalars(sa.select(AuditEvent.action)).all()
    assert "sign_out" in actions


# --- database problems -----------------------------------------------------------------------


def test_database_newer_than_the_code_gets_a_dialog_not_a_traceback(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()

    window = make_window(qtbot, qapp, str(url))
    box = window.gate.error_box
    assert box is not None and box.isVisible()
    assert box.text() == "This database was upgraded by a newer version of Clinic Desk."
    assert "9999" in box.informativeText()
    assert not window.gate.sign_in.button.isEnabled()

    with qtbot.waitSignal(window.gate.quit_requested):
        box.findChild(QWidget, "quitButton").click()


def test_unreachable_server_offers_retry_and_settings(qtbot, qapp, tmp_path, monkeypatch):
    window = make_window(qtbot, qapp, "postgresql+psycopg://clinic@127.0.0.1:1/clinic")
    box = window.gate.error_box
    assert box.text() == "The database cannot be reached."
    assert "127.0.0.1:1" in box.informativeText()

    box.findChild(QWidget, "retryButton").click()  # still down: told again
    assert window.gate.error_box is not None and window.gate.error_box is not box

    window.gate.error_box.findChild(QWidget, "databaseSettingsButton").click()
    dialog = window.gate.settings_dialog
    dialog.local.setChecked(True)
    dialog.sqlite_path.setText(str(tmp_path / "chosen.db"))
    dialog._save()

    assert window.gate.currentWidget() is window.gate.first_run  # opened the chosen file
    assert station.load().sqlite_file() == tmp_path / "chosen.db"


# --- language and geometry -------------------------------------------------------------------


def test_language_switch_retranslates_at_once_and_is_remembered(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    window = make_window(qtbot, qapp, str(url))
    assert window.gate.sign_in.button.text() == "Sign in"

    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.gate.sign_in.button.text() == "登录")  # LanguageChange is posted
    assert window.user_status.text() == "未登录"
    assert window.file_menu.title() == "文件(&F)"
    assert station.load().language == "zh_CN"

    sign_in(qtbot, window)
    assert window.user_status.text() == "已登录：王店长（管理员）"
    navigation = window.workspace.navigation
    assert navigation.item(0).text() == "前台"  # built after the switch: born in Chinese

    combo = window.workspace.settings_page.language
    assert combo.currentData() == "zh_CN"
    combo.setCurrentIndex(combo.findData("en"))
    qtbot.waitUntil(lambda: navigation.item(6).text() == "Settings")
    assert navigation.item(3).text().startswith("Reminders")
    assert window.workspace.front_desk.new_button.text() == "New patient (Ctrl+N)"
    assert station.load().language == "en"


def test_window_remembers_its_geometry(qtbot, qapp, tmp_path):
    url = str(sqlite_url(tmp_path))
    window = make_window(qtbot, qapp, url)
    assert (window.width(), window.height()) != (640, 420)
    window.resize(640, 420)  # smaller than the offscreen screen, which clamps restores
    window.close()
    saved = station.load()
    assert saved.window_geometry

    again = make_window(qtbot, qapp, url, saved)
    assert (again.width(), again.height()) == (640, 420)


def test_sections_are_reachable_by_keyboard_and_say_what_will_come(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    window = make_window(qtbot, qapp, str(url))
    sign_in(qtbot, window)

    pages = window.workspace.pages
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert pages.currentWidget() is window.workspace.bookings_page
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert pages.currentWidget() is window.workspace.reminders_page
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert pages.currentWidget().objectName() == "reportsPage"
    assert "funnel" in pages.currentWidget().body.text().lower()
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert pages.currentWidget() is window.workspace.settings_page
    assert str(tmp_path) in window.workspace.settings_page.database_value.text()


def test_every_interactive_widget_has_an_object_name(qtbot, qapp, tmp_path):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QListWidget

    window = make_window(qtbot, qapp, str(sqlite_url(tmp_path)))
    fill_first_run(qtbot, window, clinic="C")
    assert window.workspace is not None  # check the signed-in screens too
    kinds = (QLineEdit, QAbstractButton, QComboBox, QListWidget)
    unnamed = [
        f"{type(w).__name__} in {type(w.parent()).__name__}"
        for w in window.findChildren(QWidget)
        if isinstance(w, kinds)
        and not w.objectName()
        and w.parent() is not None
        and not w.parent().objectName().startswith("qt_")
        and not isinstance(w.parent(), QLineEdit)  # a line edit's own clear button
    ]
    assert unnamed == []


def test_quit_has_a_shortcut_on_every_platform(qtbot, qapp, tmp_path):
    window = make_window(qtbot, qapp, str(sqlite_url(tmp_path)))
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.sign_out_action.shortcut().toString() == "Ctrl+Shift+L"


def test_after_first_run_sign_out_and_back_in_works(qtbot, qapp, tmp_path):
    """Regression: the sign-in page stayed in its 'opening the database' state after first run."""
    window = make_window(qtbot, qapp, str(sqlite_url(tmp_path)))
    fill_first_run(qtbot, window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    sign_in = window.gate.sign_in
    assert window.root.currentWidget() is window.gate
    assert sign_in.button.isEnabled() and not sign_in.status.isVisibleTo(sign_in)
    assert sign_in.title.text() == "美丽诊所" and sign_in.username.text() == "boss"
    type_into(qtbot, sign_in.password, "wrong password")
    qtbot.keyClick(sign_in.password, Qt.Key.Key_Return)
    assert sign_in.error.text() == "Wrong user name or password."
    type_into(qtbot, sign_in.password, MANAGER_PASSWORD)
    qtbot.keyClick(sign_in.password, Qt.Key.Key_Return)
    assert window.root.currentWidget() is window.workspace
