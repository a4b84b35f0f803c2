"""The before/after comparison dialog driven as a doctor would (issue 6), on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
import sqlalchemy as sa
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop_app.models import AuditEvent, ConsentKind, PhotoAngle, PhotoStage, Role
from desktop_app.services import photos, treatments
from desktop_app.services.context import unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.photos import PhotoTags
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui import photo_compare
from desktop_app.ui.photo_compare import ComparisonDialog
from desktop_app.ui.tasks import SyncRunner
from tests.test_photo_export import face_jpeg

PASSWORD = "correct horse battery"
TREATED = dt.datetime(2024, 5, 1, 10, 0).astimezone()  # local time, as the nurse typed it


@pytest.fixture
def clinic(sqlite_database):
    """A patient with a filler treatment on 1 May and photos: before (front, left 45°),
    follow-ups on day 7 and day 30 (front) linked to the treatment."""
    database = sqlite_database
    manager = complete_first_run(database, FirstRun("悦美诊所", "boss", "王店长", PASSWORD))
    doctor = create_staff(database, manager, NewStaff("drwang", "王医生", Role.DOCTOR, PASSWORD))
    front_desk = create_staff(
        database, manager, NewStaff("front", "前台", Role.RECEPTIONIST, PASSWORD)
    )
    patient = register_patient(
        database,
        manager,
        PatientDraft("李小美", mobile="13900001111", consents={ConsentKind.PHOTOS_RECORD: True}),
    )
    treatment = treatments.record_treatment(
        database, doctor, patient.id, treatments.TreatmentDraft("玻尿酸填充", TREATED)
    ).treatment_id

    def add(name, taken, stage, angle, *, day=None, after=False, seed=1):
        tags = PhotoTags(
            stage=stage,
            follow_up_day=day,
            angle=angle,
            treatment_id=treatment if stage is PhotoStage.FOLLOW_UP else None,
        )
        data = face_jpeg(after=after, seed=seed, taken=taken)
        return photos.import_file(database, doctor, patient.id, name, data, tags)

    ids = {
        "before": add("b.jpg", "2024:05:01 09:00:00", PhotoStage.BEFORE, PhotoAngle.FRONT),
        "side": add("s.jpg", "2024:05:01 09:01:00", PhotoStage.BEFORE, PhotoAngle.LEFT_45, seed=2),
        "day7": add(
            "7.jpg",
            "2024:05:08 15:00:00",
            PhotoStage.FOLLOW_UP,
            PhotoAngle.FRONT,
            day=7,
            after=True,
            seed=3,
        ),
        "day30": add(
            "30.jpg",
            "2024:05:31 15:00:00",
            PhotoStage.FOLLOW_UP,
            PhotoAngle.FRONT,
            day=30,
            after=True,
            seed=4,
        ),
    }
    return database, {"doctor": doctor, "front": front_desk}, patient, ids


def open_dialog(qtbot, database, actor, patient, *ids):
    dialog = ComparisonDialog(SyncRunner(), database, actor, patient.id, *ids)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def relative(view) -> tuple[float, float, float, float]:
    """Where the photo sits in its view, in fractions of the view and of the photo."""
    rect = view.target(view.image.size())
    return (
        rect.width() / view.width(),
        rect.height() / view.height(),
        (view.width() / 2 - rect.x()) / rect.width(),
        (view.height() / 2 - rect.y()) / rect.height(),
    )


def wheel(widget, point: QPointF, notches: int) -> None:
    event = QWheelEvent(
        point,
        widget.mapToGlobal(point),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def drag(widget, start: QPointF, end: QPointF) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, point, buttons in (
        (QEvent.Type.MouseButtonPress, start, left),
        (QEvent.Type.MouseMove, (start + end) / 2, left),
        (QEvent.Type.MouseMove, end, left),
        (QEvent.Type.MouseButtonRelease, end, none),
    ):
        button = none if kind == QEvent.Type.MouseMove else left
        event = QMouseEvent(
            kind, point, widget.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(widget, event)


def test_auto_pair_opens_the_first_before_and_the_latest_after(qtbot, clinic):
    database, staff, patient, ids = clinic
    dialog = open_dialog(qtbot, database, staff["doctor"], patient)
    assert dialog.selected == [ids["before"], ids["day30"]]
    assert [p.currentData() for p in dialog.pickers] == [ids["before"], ids["day30"]]
    assert all(view.image is not None for view in dialog.views)
    assert dialog.export_button.isEnabled()
    first, second = (caption.text() for caption in dialog.captions)
    # the before photo has no treatment of its own: counted from the one being compared
    assert "2024-05-01" in first and "day 0 (day of treatment)" in first
    assert "Follow-up day 30 · Front" in second
    assert "2024-05-31" in second and "day 30 after treatment" in second


def test_zooming_or_panning_one_view_moves_the_other_the_same(qtbot, clinic):
    database, staff, patient, _ids = clinic
    dialog = open_dialog(qtbot, database, staff["doctor"], patient)
    left, right = dialog.views
    assert relative(left) == pytest.approx(relative(right))
    wheel(left, QPointF(left.width() * 0.3, left.height() * 0.4), 3)
    assert dialog.state.zoom == pytest.approx(1.25**3)
    assert relative(left) == pytest.approx(relative(right))
    assert relative(left)[2] < 0.5  # zoomed about the cursor, left of centre
    before = dialog.state.center
    drag(right, QPointF(300, 300), QPointF(200, 260))
    assert dialog.state.center != before
    assert relative(left) == pytest.approx(relative(right))
    assert dialog.zoom_level.text() == "195%"
    qtbot.keyClick(dialog, Qt.Key.Key_0)
    assert (dialog.state.zoom, dialog.state.center) == (1.0, (0.5, 0.5))
    qtbot.keyClick(dialog, Qt.Key.Key_Plus)
    assert dialog.state.zoom == pytest.approx(1.25)
    qtbot.keyClick(dialog, Qt.Key.Key_Minus)
    assert dialog.state.zoom == pytest.approx(1.0)


def test_slider_mode_wipes_between_the_photos_by_mouse_and_keyboard(qtbot, clinic):
    database, staff, patient, _ids = clinic
    dialog = open_dialog(qtbot, database, staff["doctor"], patient)
    qtbot.mouseClick(dialog.slider_button, Qt.MouseButton.LeftButton)
    overlay = dialog.overlay
    assert dialog.stack.currentWidget() is overlay and overlay.hasFocus()
    assert overlay.image is dialog.images[0] and overlay.second is dialog.images[1]
    assert overlay.labels == ("Before · Front", "Follow-up day 30 · Front")
    qtbot.keyClick(overlay, Qt.Key.Key_Right)
    assert overlay.divider == pytest.approx(0.52)
    qtbot.keyClick(overlay, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert overlay.divider == pytest.approx(0.42)
    y = overlay.height() / 2
    left, width = overlay.span()  # at "fit" the line crosses the photo, not the grey margin
    assert width < overlay.width() and left > 0
    drag(overlay, QPointF(left + width * 0.42, y), QPointF(left + width * 0.8, y))
    assert overlay.divider == pytest.approx(0.8, abs=0.01)
    dialog.state.zoom_by(4)
    center = dialog.state.center
    assert overlay.span() == (0, overlay.width())  # zoomed in: across the whole view
    drag(overlay, QPointF(overlay.width() * 0.3, y), QPointF(overlay.width() * 0.2, y))
    assert overlay.divider == pytest.approx(0.8, abs=0.01)  # dragging elsewhere pans
    assert dialog.state.center[0] > center[0]
    qtbot.keyClick(overlay, Qt.Key.Key_End)  # all first photo
    assert overlay.divider == 1.0
    first = overlay.grab().toImage()
    qtbot.keyClick(overlay, Qt.Key.Key_Home)  # all second photo
    assert overlay.grab().toImage() != first
    qtbot.mouseClick(dialog.side_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 0


def test_pickers_offer_the_same_angle_first_and_change_the_photo(qtbot, clinic):
    database, staff, patient, ids = clinic
    dialog = open_dialog(qtbot, database, staff["doctor"], patient)
    picker = dialog.pickers[1]
    listed = [picker.itemData(i) for i in range(picker.count())]
    assert listed == [ids["before"], ids["day7"], ids["day30"], None, ids["side"]]  # None: —
    assert not picker.itemIcon(0).isNull()  # thumbnails
    picker.setCurrentIndex(listed.index(ids["day7"]))
    picker.activated.emit(picker.currentIndex())
    assert dialog.selected[1] == ids["day7"]
    assert "day 7 after treatment" in dialog.captions[1].text()
    assert dialog.views[1].image is not None


def test_export_writes_the_pair_marked_internal_without_marketing_consent(
    qtbot, clinic, tmp_path, monkeypatch
):
    database, staff, patient, ids = clinic
    dialog = open_dialog(qtbot, database, staff["doctor"], patient)
    target = tmp_path / "pair.jpg"
    asked = []

    def save_as(parent, caption, directory, filter_):
        asked.append(directory)
        return str(target), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked[0].endswith("compare-20240501-20240531.jpg")
    assert Image.open(io.BytesIO(target.read_bytes())).format == "JPEG"
    assert "internal" in dialog.status.text() and str(target) in dialog.status.text()
    with unit_of_work(database, write=False) as session:
        row = session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == "export_photos")
        ).one()
    summary = json.loads(row.summary)
    assert summary == {"internal": True, "photos": [str(ids["before"]), str(ids["day30"])]}


def test_photos_load_on_the_runner_only(qtbot, clinic, monkeypatch):
    database, staff, patient, _ids = clinic
    inside = []

    class Recording(SyncRunner):
        def run(self, work, on_done, on_error):
            inside.append(True)
            try:
                super().run(work, on_done, on_error)
            finally:
                inside.pop()

    real = photos.image

    def image(*args, **kwargs):
        assert inside, "photos.image called on the UI thread, outside the Runner"
        return real(*args, **kwargs)

    monkeypatch.setattr(photo_compare.photos, "image", image)
    dialog = ComparisonDialog(Recording(), database, staff["doctor"], patient.id)
    qtbot.addWidget(dialog)
    assert all(dialog.images)


def test_given_one_photo_the_other_is_the_newest_of_its_angle(qtbot, clinic):
    database, staff, patient, ids = clinic
    dialog = open_dialog(qtbot, database, staff["doctor"], patient, ids["day7"])
    assert dialog.selected == [ids["day7"], ids["day30"]]


def test_receptionists_see_why_there_is_nothing(qtbot, clinic):
    database, staff, patient, _ids = clinic
    dialog = open_dialog(qtbot, database, staff["front"], patient)
    assert "Your role does not allow this." in dialog.status.text()
    assert not dialog.export_button.isEnabled()
    assert all(view.image is None for view in dialog.views)
