"""The photo pieces joined in the main window: the camera inbox follows the open record and
its imports appear in that record's gallery; the gallery's Compare opens the comparison."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.models import PhotoAngle, PhotoStage
from desktop_app.services import photos
from desktop_app.services.photos import PhotoTags
from desktop_app.station import StationSettings
from desktop_app.ui.photo_compare import ComparisonDialog
from tests.support.databases import sqlite_url
from tests.support.photo_clinic import PASSWORD, face, make_clinic
from tests.test_camera_inbox import face_photo, settle
from tests.test_ui_startup import make_window, sign_in


def signed_in(qtbot, qapp, tmp_path, username="nurse"):
    url = sqlite_url(tmp_path)
    from desktop_app.db import Database
    from desktop_app.migrations import upgrade

    database = Database(url)
    upgrade(database)
    clinic = make_clinic(database)
    folder = tmp_path / "camera"
    folder.mkdir()
    window = make_window(qtbot, qapp, str(url), StationSettings(camera_folder=str(folder)))
    sign_in(qtbot, window, PASSWORD, username)
    qtbot.waitUntil(lambda: window.actor is not None)
    return window, clinic, folder


def open_record(qtbot, window, clinic):
    window.workspace.open_record(clinic.patient_id)
    page = window.workspace.patient_page
    qtbot.waitUntil(lambda: page.header is not None)
    return page


def test_the_inbox_assigns_to_the_open_record_and_its_gallery_shows_them(
    qtbot, qapp, tmp_path, monkeypatch
):
    window, clinic, folder = signed_in(qtbot, qapp, tmp_path)
    settle(face_photo(folder / "IMG_0001.jpg", 10))
    window.camera_inbox_action.trigger()
    panel = window.inbox.panel
    assert panel.patient is None and not panel.assign_button.isEnabled()

    page = open_record(qtbot, window, clinic)
    assert panel.patient == (clinic.patient_id, "张三丰")
    page.tabs.setCurrentWidget(page.gallery)
    qtbot.waitUntil(lambda: page.gallery.model.photos == [])
    qtbot.waitUntil(lambda: len(panel.model.files) == 1)
    panel.list.selectAll()
    asked = []  # the patient has no photo consent: the inbox asks, the nurse says yes
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a) or QMessageBox.StandardButton.Yes
    )
    qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    qtbot.waitUntil(lambda: len(page.gallery.model.photos) == 1)

    window.sign_out_action.trigger()
    assert window.inbox is None  # it acted as the nurse: gone with her


def test_compare_in_the_gallery_opens_the_auto_paired_comparison(qtbot, qapp, tmp_path):
    window, clinic, _folder = signed_in(qtbot, qapp, tmp_path)
    nurse = window.actor
    for seed, stage in ((1, PhotoStage.BEFORE), (2, PhotoStage.AFTER)):
        photos.import_file(
            clinic.database,
            nurse,
            clinic.patient_id,
            f"IMG_{seed}.jpg",
            face(seed),
            PhotoTags(stage=stage, angle=PhotoAngle.FRONT),
            consent_confirmed=True,
        )
    page = open_record(qtbot, window, clinic)
    page.tabs.setCurrentWidget(page.gallery)
    qtbot.waitUntil(lambda: len(page.gallery.model.photos) == 2)
    page.gallery.compare_requested.emit(None, None)
    dialog = page.comparison
    assert isinstance(dialog, ComparisonDialog)
    qtbot.waitUntil(lambda: dialog.selected[0] is not None and dialog.selected[1] is not None)
    first, second = dialog.selected
    assert {dialog.photos[first].stage, dialog.photos[second].stage} == {
        PhotoStage.BEFORE,
        PhotoStage.AFTER,
    }
    QApplication.processEvents()
    dialog.close()
