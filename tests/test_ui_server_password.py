"""Connecting to the clinic server: password from the keyring, asked for, never in a file."""

from __future__ import annotations

import keyring
import keyring.core
import pytest
from keyring.backends import fail

from desktop_app import secrets, station
from desktop_app.station import ServerSettings, StationSettings
from desktop_app.ui.database_settings import DatabaseSettingsDialog
from tests.support.databases import scratch_postgres_database
from tests.test_ui_startup import make_window

PASSWORD = "s3cret-database-pass"


@pytest.fixture
def server_settings(postgres_database) -> StationSettings:
    """Station settings pointing at a fresh, empty database on the real server."""
    with scratch_postgres_database() as url:
        settings = StationSettings(
            database_kind="postgresql",
            server=ServerSettings(url.host, url.port or 5432, url.database, url.username),
        )
        station.save(settings)  # a computer set up for the server before
        yield settings


@pytest.fixture
def no_keyring(monkeypatch):
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())


def files_under(folder) -> str:
    return "".join(p.read_text(errors="replace") for p in folder.rglob("*") if p.is_file())


def test_stored_password_is_used_without_asking(qtbot, qapp, server_settings):
    secrets.set_password(server_settings.server.keyring_account(), PASSWORD)
    window = make_window(qtbot, qapp, None, server_settings)
    assert window.gate.currentWidget() is window.gate.first_run
    assert window.database_status.text().startswith("PostgreSQL — ")
    assert PASSWORD not in window.database_status.text()


def test_missing_password_is_asked_for_and_kept_in_the_keyring(
    qtbot, qapp, server_settings, isolated_station
):
    window = make_window(qtbot, qapp, None, server_settings)
    dialog = window.gate.password_dialog
    assert dialog.isVisible()
    dialog.edit.setText(PASSWORD)
    dialog.accept()

    assert window.gate.currentWidget() is window.gate.first_run
    assert secrets.get_password(server_settings.server.keyring_account()) == PASSWORD
    assert PASSWORD not in files_under(isolated_station)


def test_without_a_keyring_the_user_is_told_and_nothing_is_written(
    qtbot, qapp, server_settings, isolated_station, no_keyring
):
    window = make_window(qtbot, qapp, None, server_settings)
    dialog = window.gate.password_dialog
    shown = " ".join(label.text() for label in dialog.findChildren(type(window.user_status)))
    assert "no secure password store" in shown
    dialog.edit.setText(PASSWORD)
    dialog.accept()

    assert window.gate.currentWidget() is window.gate.first_run
    assert PASSWORD not in files_under(isolated_station)


def test_settings_dialog_saves_server_and_password_to_the_keyring(qtbot, isolated_station):
    dialog = DatabaseSettingsDialog(StationSettings())
    qtbot.addWidget(dialog)
    dialog.server.setChecked(True)
    dialog._save()
    assert dialog.server_form.errors["serverHost"].text() == "This field is required."
    assert dialog.result() == 0

    dialog.server_form.host.setText("db.clinic.lan")
    dialog.password.setText(PASSWORD)
    dialog._save()
    saved = station.load()
    assert (saved.database_kind, saved.server.host) == ("postgresql", "db.clinic.lan")
    assert secrets.get_password(saved.server.keyring_account()) == PASSWORD
    assert PASSWORD not in files_under(isolated_station)


def test_settings_dialog_without_keyring_says_password_is_not_kept(
    qtbot, isolated_station, no_keyring
):
    dialog = DatabaseSettingsDialog(StationSettings())
    qtbot.addWidget(dialog)
    assert "no secure password store" in dialog.keyring_note.text()
    dialog.server.setChecked(True)
    dialog.server_form.host.setText("db.clinic.lan")
    dialog.password.setText(PASSWORD)
    dialog._save()
    assert "was not saved" in dialog.notice
    assert station.load().server.host == "db.clinic.lan"
    assert PASSWORD not in files_under(isolated_station)
