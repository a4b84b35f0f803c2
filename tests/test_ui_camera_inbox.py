"""The camera inbox and the ghost overlay driven as staff would (issue 6), on an SQLite file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from desktop_app import station
from desktop_app.models import ConsentKind, PhotoAngle, PhotoStage, Role
from desktop_app.services import photos
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.station import StationSettings
from desktop_app.ui.camera_inbox import CameraInboxDialog, CameraInboxPanel
from desktop_app.ui.photo_ghost import GhostOverlayDialog
from desktop_app.ui.settings_page import SettingsPage
from desktop_app.ui.tasks import SyncRunner
from tests.test_camera_inbox import face_photo, settle

PASSWORD = "correct horse battery"


@pytest.fixture
def clinic(sqlite_database, tmp_path):
    database = sqlite_database
    manager = complete_first_run(database, FirstRun("诊所", "boss", "王店长", PASSWORD))
    nurse = create_staff(database, manager, NewStaff("nurse", "小护士", Role.NURSE, PASSWORD))
    consenting = register_patient(
        database,
        manager,
        PatientDraft("林美丽", mobile="13800138000", consents={ConsentKind.PHOTOS_RECORD: True}),
    )
    folder = tmp_path / "camera"
    folder.mkdir()
    settings = StationSettings(camera_folder=str(folder))
    return database, manager, nurse, consenting, folder, settings


def open_inbox(qtbot, clinic, patient=None) -> CameraInboxDialog:
    database, _manager, nurse, _p, _folder, settings = clinic
    dialog = CameraInboxDialog(SyncRunner(), database, nurse, settings)
    qtbot.addWidget(dialog)
    if patient is not None:
        dialog.set_patient(patient.id, patient.name)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def rows(panel: CameraInboxPanel) -> list[str]:
    return [f.name for f in panel.model.files]


def choose(panel: CameraInboxPanel, stage: PhotoStage, angle: PhotoAngle | None) -> None:
    panel.tags.stage.setCurrentIndex(panel.tags.stage.findData(stage))
    panel.tags.angle_box.setCurrentIndex(panel.tags.angle_box.findData(angle))


def test_a_photo_dropped_in_the_folder_appears_by_itself(qtbot, clinic):
    window = open_inbox(qtbot, clinic)
    panel = window.panel
    assert rows(panel) == [] and "waiting: 0" in panel.folder_label.text()
    folder = clinic[4]
    face_photo(folder / "IMG_0001.jpg", 5)  # just written: appears once it has settled

    qtbot.waitUntil(lambda: rows(panel) == ["IMG_0001.jpg"], timeout=6000)
    qtbot.waitUntil(lambda: panel.model.files[0].key in panel.model.thumbs)
    thumb = panel.model.thumbs[panel.model.files[0].key]
    assert max(thumb.width(), thumb.height()) <= 150 and thumb.height() > thumb.width()
    assert "waiting: 1" in panel.folder_label.text()
    panel.list.selectAll()
    face_photo(folder / "IMG_0002.jpg", 9)  # another while the first is chosen: still chosen
    qtbot.waitUntil(lambda: len(rows(panel)) == 2, timeout=6000)
    assert [f.name for f in panel.selected()] == ["IMG_0001.jpg"]


def test_without_an_open_record_assigning_is_disabled_and_says_why(qtbot, clinic):
    settle(face_photo(clinic[4] / "IMG_0001.jpg"))
    window = open_inbox(qtbot, clinic)
    panel = window.panel
    panel.list.selectAll()
    assert not panel.assign_button.isEnabled()
    assert "Open a patient's record" in panel.why.text() and panel.why.isVisible()
    panel.set_patient(clinic[3].id, "林美丽")
    assert panel.assign_button.isEnabled() and panel.assign_button.text() == (
        "Assign to 林美丽 (1 chosen)"
    )


def test_assigning_asks_about_missing_consent_then_imports_and_clears(qtbot, clinic, monkeypatch):
    database, manager, _nurse, _p, folder, _settings = clinic
    patient = register_patient(database, manager, PatientDraft("赵敏", mobile="13900139000"))
    paths = [face_photo(folder / f"IMG_{i}.jpg", i * 20) for i in range(3)]
    settle(*paths)
    window = open_inbox(qtbot, clinic, patient)
    panel = window.panel
    assert len(rows(panel)) == 3
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "question", question)
    choose(panel, PhotoStage.FOLLOW_UP, PhotoAngle.FRONT)
    panel.tags.day.setValue(30)
    qtbot.mouseClick(panel.select_all, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)  # answered No
    assert len(asked) == 1 and "赵敏" in asked[0]
    assert all(p.exists() for p in paths) and len(rows(panel)) == 3

    panel.list.selectAll()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2  # answered Yes: imported with the confirmation
    assert not any(p.exists() for p in paths) and rows(panel) == []
    assert "Added to the record of 赵敏: 3." in panel.result.text()
    assert not panel.bar.isVisible()
    gallery = photos.gallery(database, manager, patient.id)
    assert {(g.stage, g.follow_up_day, g.angle) for g in gallery} == {
        (PhotoStage.FOLLOW_UP, 30, PhotoAngle.FRONT)
    }


def test_a_refused_file_stays_listed_with_its_reason(qtbot, clinic):
    folder, patient = clinic[4], clinic[3]
    good = face_photo(folder / "IMG_1.jpg", 3)
    broken = folder / "IMG_2.jpg"
    broken.write_bytes(b"not a photo" * 50)
    settle(good, broken)
    window = open_inbox(qtbot, clinic, patient)
    panel = window.panel
    panel.list.selectAll()
    qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)

    assert rows(panel) == ["IMG_2.jpg"] and broken.exists() and not good.exists()
    shown = panel.model.index(0).data(Qt.ItemDataRole.DisplayRole)
    assert "not a picture Clinic Desk can read" in shown
    assert (
        "Refused, left in the folder: IMG_2.jpg — not a picture Clinic Desk can read"
        in panel.result.text()
    )


def test_an_unplugged_folder_is_said_plainly_and_found_again(qtbot, clinic):
    folder = clinic[4]
    settle(face_photo(folder / "IMG_1.jpg"))
    window = open_inbox(qtbot, clinic, clinic[3])
    panel = window.panel
    assert rows(panel) == ["IMG_1.jpg"]
    (folder / "IMG_1.jpg").unlink()
    folder.rmdir()
    panel.refresh()
    assert rows(panel) == [] and "cannot be found" in panel.folder_label.text()
    folder.mkdir()
    settle(face_photo(folder / "IMG_2.jpg"))
    panel.refresh()
    assert rows(panel) == ["IMG_2.jpg"]
    assert str(folder) in panel.watcher.directories()


def solid_jpeg(path: Path, colour: tuple[int, int, int], size=(300, 400)) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=95)
    path.write_bytes(buffer.getvalue())
    return path


def close(colour: QColor, expected: tuple[int, int, int], slack: int = 8) -> bool:
    got = (colour.red(), colour.green(), colour.blue())
    return all(abs(a - b) <= slack for a, b in zip(got, expected, strict=True))


def test_the_ghost_overlay_blends_the_baseline_at_the_chosen_opacity(qtbot, clinic, tmp_path):
    database, manager, _nurse, patient, folder, _settings = clinic
    baseline = solid_jpeg(tmp_path / "before.jpg", (0, 0, 255))
    photos.import_files(
        database,
        manager,
        patient.id,
        [baseline],
        photos.PhotoTags(stage=PhotoStage.BEFORE, angle=PhotoAngle.FRONT),
    )
    settle(solid_jpeg(folder / "IMG_7.jpg", (255, 0, 0)))
    window = open_inbox(qtbot, clinic, patient)
    panel = window.panel
    panel.list.selectAll()
    assert not panel.compare.isEnabled()  # no angle yet: the baseline is per angle
    choose(panel, PhotoStage.FOLLOW_UP, PhotoAngle.FRONT)
    assert panel.compare.isEnabled()
    qtbot.mouseClick(panel.compare, Qt.MouseButton.LeftButton)
    ghost = panel.ghost
    assert isinstance(ghost, GhostOverlayDialog) and ghost.summary is not None
    assert ghost.slider.value() == 40
    qtbot.waitExposed(ghost)

    def centre() -> QColor:
        image = ghost.view.grab().toImage()
        return image.pixelColor(QPoint(image.width() // 2, image.height() // 2))

    assert close(centre(), (153, 0, 102))  # 60 % red under 40 % blue
    ghost.slider.setValue(0)
    assert close(centre(), (255, 0, 0))
    ghost.slider.setValue(100)
    assert close(centre(), (0, 0, 255))
    ghost.slider.setValue(70)
    qtbot.keyClick(ghost, Qt.Key.Key_BracketRight)  # ] : 10 % more baseline
    assert ghost.slider.value() == 80
    composed = ghost.composed()
    assert composed.size() == ghost.view.size()
    assert close(composed.pixelColor(composed.width() // 2, composed.height() // 2), (51, 0, 204))
    assert "taken" in ghost.caption.text()


def test_no_baseline_for_the_angle_is_said(qtbot, clinic):
    database, _m, nurse, patient, folder, _s = clinic
    new = face_photo(folder / "IMG_1.jpg")
    settle(new)
    ghost = GhostOverlayDialog(SyncRunner(), database, nurse, patient.id, new, PhotoAngle.LEFT_45)
    qtbot.addWidget(ghost)
    assert ghost.summary is None and ghost.view.baseline is None
    assert "no 'before' photo of this angle" in ghost.caption.text()
    assert not ghost.composed().isNull() and ghost.composed().size() == ghost.view.size()
    assert ghost.view.sizeHint() != QSize(0, 0)


def test_settings_choose_clear_and_keep_the_camera_folder(qtbot, clinic, tmp_path, monkeypatch):
    database, manager, _nurse, _p, folder, _s = clinic
    settings = StationSettings()
    page = SettingsPage(settings, SyncRunner())
    qtbot.addWidget(page)
    page.bind(database, manager)
    page.show()
    box = page.camera_folder
    assert box.isVisible() and not box.clear.isEnabled() and box.remove_after.isChecked()
    monkeypatch.setattr(
        "desktop_app.ui.settings_page.QFileDialog.getExistingDirectory",
        lambda *_a, **_k: str(folder),
    )
    qtbot.mouseClick(box.choose, Qt.MouseButton.LeftButton)
    assert station.load().camera_folder == str(folder) and box.folder_value.text() == str(folder)
    box.keep_after.setChecked(True)
    assert station.load().camera_after_import == "keep"
    qtbot.mouseClick(box.clear, Qt.MouseButton.LeftButton)
    assert station.load().camera_folder is None and settings.camera_folder is None

    receptionist = create_staff(
        database, manager, NewStaff("front", "前台", Role.RECEPTIONIST, PASSWORD)
    )
    page.bind(database, receptionist)
    assert not box.isVisible()
