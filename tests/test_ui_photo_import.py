"""Adding photos from the Photos tab (issue 6): file dialog and drag and drop, the tags for
the set, the consent question, progress and the summary; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from desktop_app.models import ConsentKind, PhotoAngle, PhotoStage, Role
from desktop_app.services import consents
from desktop_app.ui.patient_page import PatientPage
from desktop_app.ui.tasks import Progress, SyncRunner, TaskRunner
from tests.support.photo_clinic import face, make_clinic


@pytest.fixture
def clinic(database):
    return make_clinic(database)


@pytest.fixture
def consenting(clinic):
    consents.record_consent(
        clinic.database,
        clinic.people["manager"],
        clinic.patient_id,
        ConsentKind.PHOTOS_RECORD,
        True,
    )
    return clinic


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "camera"
    folder.mkdir()
    made = []
    for number in range(3):
        path = folder / f"IMG_{number}.jpg"
        path.write_bytes(face(number + 10))
        made.append(path)
    broken = folder / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 this is not really a JPEG")
    made.insert(1, broken)
    return made


def gallery_for(qtbot, clinic):
    page = PatientPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(clinic.database, clinic.people[Role.NURSE])
    page.resize(1000, 700)
    page.show()
    page.show_patient(clinic.patient_id)
    page.tabs.setCurrentWidget(page.gallery)
    return page.gallery


def fill_tags(qtbot, gallery, stage=PhotoStage.BEFORE, day=0):
    dialog = gallery.importer.tags_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.stage.setCurrentIndex(dialog.stage.findData(stage))
    dialog.day.setValue(day)
    dialog.angle.setCurrentIndex(dialog.angle.findData(PhotoAngle.FRONT))
    dialog.area.setCurrentIndex(dialog.area.findData("lips"))
    return dialog


def test_file_dialog_import_shows_progress_and_names_the_refused_file(
    qtbot, consenting, files, monkeypatch
):
    gallery = gallery_for(qtbot, consenting)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in files], "")
    )
    seen: list[tuple[int, int, str]] = []
    original = type(gallery.importer)._progressed

    def spy(self, done, total, name):
        seen.append((done, total, name))
        original(self, done, total, name)

    monkeypatch.setattr(type(gallery.importer), "_progressed", spy)
    qtbot.mouseClick(gallery.buttons["import"], Qt.MouseButton.LeftButton)
    dialog = fill_tags(qtbot, gallery)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert seen == [(i, 4, files[i - 1].name) for i in range(1, 5)]
    assert gallery.importer.progress_dialog.labelText() == "File 4 of 4: IMG_2.jpg"
    summary = gallery.importer.summary.text()
    assert summary.startswith("3 photo(s) imported.")
    assert "broken.jpg: the file is incomplete or damaged" in summary or (
        "broken.jpg: not a picture" in summary
    )
    shown = gallery.model.photos
    assert sorted(p.source_name for p in shown) == ["IMG_0.jpg", "IMG_1.jpg", "IMG_2.jpg"]
    assert {(p.stage, p.angle, p.area) for p in shown} == {
        (PhotoStage.BEFORE, PhotoAngle.FRONT, "lips")
    }

    qtbot.mouseClick(gallery.buttons["import"], Qt.MouseButton.LeftButton)  # the same again
    qtbot.mouseClick(fill_tags(qtbot, gallery).ok_button, Qt.MouseButton.LeftButton)
    summary = gallery.importer.summary.text()
    assert summary.startswith("0 photo(s) imported.")
    assert "not imported again: IMG_0.jpg, IMG_1.jpg, IMG_2.jpg" in summary


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Qt 6.12 deprecates QPoint drags
def test_files_dropped_on_the_grid_are_imported(qtbot, consenting, files):
    gallery = gallery_for(qtbot, consenting)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files[0])), QUrl.fromLocalFile(str(files[2]))])
    target = gallery.view.viewport()
    where = QPointF(target.rect().center())
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(where.toPoint(), action, mime, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, action, mime, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    qtbot.mouseClick(fill_tags(qtbot, gallery).ok_button, Qt.MouseButton.LeftButton)
    assert sorted(p.source_name for p in gallery.model.photos) == ["IMG_0.jpg", "IMG_1.jpg"]

    text_only = QMimeData()
    text_only.setText("not a file")
    refused = QDragEnterEvent(
        where.toPoint(), action, text_only, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, refused)
    assert not refused.isAccepted()


def test_without_photo_consent_the_import_asks_first(qtbot, clinic, files, monkeypatch):
    gallery = gallery_for(qtbot, clinic)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    gallery.importer.start(files[:1])
    assert "not consented to photos for the medical record" in asked[0]
    assert gallery.importer.tags_dialog is None  # "No": nothing to tag, nothing imported
    assert gallery.model.photos == []

    gallery.importer.start(files[:1])
    qtbot.mouseClick(fill_tags(qtbot, gallery).ok_button, Qt.MouseButton.LeftButton)
    assert [p.source_name for p in gallery.model.photos] == ["IMG_0.jpg"]


def test_a_follow_up_needs_its_day(qtbot, consenting, files):
    gallery = gallery_for(qtbot, consenting)
    gallery.importer.start(files[:1])
    dialog = fill_tags(qtbot, gallery, PhotoStage.FOLLOW_UP)
    assert dialog.day.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.errors["follow_up_day"].text() == "This field is required."
    assert gallery.model.photos == []
    dialog.day.setValue(14)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = next(i for i, r in enumerate(gallery.model.rows) if not isinstance(r, str))
    assert gallery.model.data(gallery.model.index(row)).startswith("Follow-up day 14\nFront · ")
    dialog.stage.setCurrentIndex(dialog.stage.findData(PhotoStage.AFTER))
    assert not dialog.day.isEnabled()  # a day only means something for a follow-up


def test_progress_from_a_worker_thread_arrives_on_the_ui_thread(qtbot, qapp):
    progress = Progress()
    seen: list[tuple[int, int, str, int]] = []
    progress.changed.connect(lambda d, t, n: seen.append((d, t, n, threading.get_ident())))
    runner = TaskRunner(qapp)

    def work() -> bool:
        for done in (1, 2):
            progress.report(done, 2, f"f{done}")
        while not progress.cancelled():
            threading.Event().wait(0.005)
        return True

    finished: list[bool] = []
    runner.run(work, finished.append, lambda exc: None)
    qtbot.waitUntil(lambda: len(seen) == 2)
    progress.cancel()
    qtbot.waitUntil(lambda: finished == [True])
    ui = threading.get_ident()
    assert seen == [(1, 2, "f1", ui), (2, 2, "f2", ui)]


def test_cancel_stops_after_the_file_being_imported(qtbot, consenting, files, monkeypatch):
    gallery = gallery_for(qtbot, consenting)
    flow = type(gallery.importer)
    original = flow._progressed

    def cancel_after_first(self, done, total, name):
        original(self, done, total, name)
        self.progress_dialog.findChild(QPushButton).click()  # the user presses Cancel now

    monkeypatch.setattr(flow, "_progressed", cancel_after_first)
    good = [files[0], files[2], files[3]]
    gallery.importer.start(good)
    qtbot.mouseClick(fill_tags(qtbot, gallery).ok_button, Qt.MouseButton.LeftButton)
    summary = gallery.importer.summary.text()
    assert summary.startswith("1 photo(s) imported.") and "Import stopped" in summary
    assert [p.source_name for p in gallery.model.photos] == ["IMG_0.jpg"]
