"""A workstation's first start: language, this computer or the clinic server, create or join."""

from __future__ import annotations

import io
import socket

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from desktop_app import paths, station
from desktop_app.db import Database
from desktop_app.migrations import SCHEMA_HEAD, current_revision, upgrade
from desktop_app.services import clinic_settings, setup
from tests.conftest import MANAGER_PASSWORD, _require_postgres
from tests.support import password_server
from tests.support.databases import scratch_postgres_database
from tests.test_ui_startup import fill_first_run, make_window, type_into


@pytest.fixture
def first_start(qtbot, qapp):
    """The window as on a new computer: no settings file, no database address given."""
    window = make_window(qtbot, qapp, None)
    page = window.gate.station_setup
    assert window.gate.currentWidget() is page
    return window, page


def _use_server(qtbot, page, url, password: str = "") -> None:
    page.server.setChecked(True)
    type_into(qtbot, page.host, url.host)
    page.port.setValue(url.port)
    type_into(qtbot, page.database, url.database)
    type_into(qtbot, page.user, url.username)
    type_into(qtbot, page.password, password)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- this computer only ----------------------------------------------------------------------


def test_this_computer_only_keeps_the_file_and_goes_on_to_the_clinic(qtbot, qapp, first_start):
    window, page = first_start
    assert page.local.isChecked() and page.button.hasFocus()  # Enter takes the usual choice
    assert page.sqlite_path.text() == str(paths.default_sqlite_path())
    assert not page.host.isEnabled()

    qtbot.keyClick(page.button, Qt.Key.Key_Return)

    assert window.gate.currentWidget() is window.gate.first_run
    saved = station.load()
    assert (saved.database_kind, saved.sqlite_path) == ("sqlite", "")  # the default file
    assert station.settings_file().exists()
    assert current_revision(window.database) == SCHEMA_HEAD
    fill_first_run(qtbot, window)
    assert window.root.currentWidget() is window.workspace


def test_another_file_is_created_and_opened(qtbot, qapp, first_start, tmp_path):
    window, page = first_start
    chosen = tmp_path / "clinic files" / "desk.db"
    type_into(qtbot, page.sqlite_path, str(chosen))
    qtbot.keyClick(page.sqlite_path, Qt.Key.Key_Return)

    assert window.gate.currentWidget() is window.gate.first_run
    assert window.database.sqlite_path == chosen and chosen.exists()
    assert station.load().sqlite_file() == chosen


def test_settings_that_cannot_be_saved_are_said_so_and_nothing_moves_on(
    qtbot, qapp, tmp_path, monkeypatch
):
    blocked = tmp_path / "not a folder"
    blocked.write_text("a file where the settings folder should be")
    monkeypatch.setenv("CLINIC_DESK_CONFIG_DIR", str(blocked / "config"))
    window = make_window(qtbot, qapp, None)
    page = window.gate.station_setup
    page.button.click()

    assert window.gate.currentWidget() is page
    assert page.error.isVisibleTo(page)
    assert page.error.text().startswith("This computer's settings could not be saved")


def test_the_language_switches_at_once_and_is_remembered(qtbot, qapp, first_start):
    window, page = first_start
    assert page.title.text() == "Set up this computer"
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: page.title.text() != "Set up this computer")
    assert page.button.text() == "继续(&C)"
    assert station.load().language == "zh_CN"
    window.set_language("en")


def test_a_clinic_already_set_up_here_goes_straight_to_sign_in(qtbot, qapp):
    database = Database(_default_url())
    upgrade(database)
    setup.complete_first_run(
        database, setup.FirstRun("美丽诊所", "boss", "王店长", MANAGER_PASSWORD)
    )
    database.dispose()
    window = make_window(qtbot, qapp, None)
    assert window.gate.currentWidget() is window.gate.sign_in
    assert window.gate.sign_in.title.text() == "美丽诊所"


def _default_url():
    from sqlalchemy.engine import URL

    return URL.create("sqlite", database=str(paths.default_sqlite_path()))


# --- the clinic server -----------------------------------------------------------------------


def test_required_server_fields_are_flagged_at_the_field(qtbot, qapp, first_start):
    _window, page = first_start
    page.server.setChecked(True)
    page.host.clear()
    page.test_button.click()
    assert page.server_form.errors["serverHost"].text() == "This field is required."
    assert page.host.hasFocus()


def test_nothing_listening_is_explained_and_nothing_is_saved(qtbot, qapp, first_start):
    _require_postgres()
    from tests.support.databases import admin_url

    window, page = first_start
    _use_server(qtbot, page, admin_url().set(port=_closed_port()))
    page.submit()

    assert window.gate.currentWidget() is page
    assert page.result.text().startswith("Nothing answers at 127.0.0.1, port")
    assert not station.settings_file().exists()


def test_a_missing_database_is_named(qtbot, qapp, first_start):
    _require_postgres()
    from tests.support.databases import admin_url

    _window, page = first_start
    _use_server(qtbot, page, admin_url().set(database="clinic_desk_nowhere"))
    page.test_button.click()
    assert page.result.text().startswith("The server has no database called “clinic_desk_nowhere”")


def test_a_wrong_password_is_said_so(qtbot, qapp, first_start, password_protected_server):
    _window, page = first_start
    _use_server(qtbot, page, password_protected_server, "not the password")
    page.test_button.click()
    assert page.result.text().startswith("The server refused the password of the user “postgres”")

    type_into(qtbot, page.password, password_server.PASSWORD)
    page.test_button.click()
    assert page.result.text().startswith("Connected to PostgreSQL ")


def test_the_first_computer_creates_the_clinic_database(qtbot, qapp, first_start):
    _require_postgres()
    window, page = first_start
    with scratch_postgres_database() as url:
        _use_server(qtbot, page, url)
        page.test_button.click()
        assert "No clinic is set up there yet" in page.result.text()
        assert page.create.isChecked()  # what suits an empty database

        page.join.setChecked(True)  # joining an empty database would be a mistake
        page.submit()
        assert window.gate.currentWidget() is page
        assert page.error.text().startswith("No clinic is set up in this database yet.")

        page.create.setChecked(True)
        page.submit()
        assert window.gate.currentWidget() is window.gate.first_run
        assert window.database.kind == "postgresql"
        assert current_revision(window.database) == SCHEMA_HEAD
        saved = station.load()
        assert (saved.database_kind, saved.server.database) == ("postgresql", url.database)
        fill_first_run(qtbot, window)
        assert window.root.currentWidget() is window.workspace
        window.database.dispose()


def test_another_computer_joins_the_clinic(qtbot, qapp, first_start):
    _require_postgres()
    window, page = first_start
    with scratch_postgres_database() as url:
        database = Database(url)
        upgrade(database)
        setup.complete_first_run(
            database, setup.FirstRun("美丽诊所", "boss", "王店长", MANAGER_PASSWORD)
        )
        database.dispose()
        _use_server(qtbot, page, url)
        page.test_button.click()
        assert "It holds the records of 美丽诊所" in page.result.text()
        assert page.join.isChecked()

        page.create.setChecked(True)  # a second clinic on top of the first: refused
        page.submit()
        assert page.error.text().startswith("This database already holds the records of 美丽诊所")

        page.join.setChecked(True)
        page.submit()
        assert window.gate.currentWidget() is window.gate.sign_in
        assert window.gate.sign_in.title.text() == "美丽诊所"
        window.database.dispose()


# --- the clinic's letterhead -----------------------------------------------------------------


def _png_file(tmp_path) -> str:
    path = tmp_path / "logo.png"
    out = io.BytesIO()
    Image.new("RGB", (300, 100), (0, 128, 128)).save(out, "PNG")
    path.write_bytes(out.getvalue())
    return str(path)


def test_the_logo_is_checked_when_chosen_and_kept_with_the_clinic(qtbot, qapp, tmp_path):
    from tests.support.databases import sqlite_url

    window = make_window(qtbot, qapp, str(sqlite_url(tmp_path)))
    page = window.gate.first_run
    not_a_picture = tmp_path / "notes.png"
    not_a_picture.write_text("hello")
    page.use_logo_file(str(not_a_picture))
    assert page.clinic_form.errors["logo"].text() == (
        "This file is not a PNG or JPEG picture, or it is damaged."
    )
    assert page.logo is None and not page.remove_logo_button.isEnabled()
    page.use_logo_file(str(tmp_path / "gone.png"))
    assert page.clinic_form.errors["logo"].text().startswith("This file could not be read")

    page.use_logo_file(_png_file(tmp_path))
    assert page.logo is not None and not page.logo_preview.pixmap().isNull()
    fill_first_run(qtbot, window)
    assert window.root.currentWidget() is window.workspace
    assert clinic_settings.logo_png(window.database) is not None


def test_a_refused_address_brings_back_the_clinic_step(qtbot, qapp, tmp_path):
    from tests.support.databases import sqlite_url

    window = make_window(qtbot, qapp, str(sqlite_url(tmp_path)))
    page = window.gate.first_run
    page.inputs["clinic_address"].setMaxLength(1000)  # as if pasted past the field's limit
    type_into(qtbot, page.inputs["clinic_address"], "x" * 201)
    fill_first_run(qtbot, window)

    assert page.steps.currentIndex() == 0
    assert page.clinic_form.errors["clinic_address"].text() == "At most 200 characters."
    assert setup.needs_first_run(window.database)


# --- a new version's first start on the clinic server ----------------------------------------


def test_the_sign_in_page_says_why_it_waits_for_another_computer(qtbot, qapp, tmp_path):
    import threading

    from desktop_app.migrations import UPGRADING, WAITING
    from tests.support.databases import sqlite_url

    window = make_window(qtbot, qapp, str(sqlite_url(tmp_path)))
    page = window.gate.sign_in
    page.set_busy(opening=True)  # as while the worker opens the database
    assert page.status.text() == "Opening the database…"

    said_from_the_worker = threading.Thread(target=window.gate.migration_status.said.emit,
                                            args=(WAITING,))  # fmt: skip
    said_from_the_worker.start()
    said_from_the_worker.join()
    qtbot.waitUntil(lambda: page.status.text().startswith("Another computer is upgrading"))
    assert page.status.isVisibleTo(page) and not page.button.isEnabled()
    window.gate.migration_status.said.emit(UPGRADING)
    assert page.status.text().startswith("Upgrading the clinic database")
    page.set_busy()  # opened: the words go
    assert page.status.text() == ""
