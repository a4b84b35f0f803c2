"""The record's Photos tab (issue 6): grid rows and captions, filters, grouping, lazy
thumbnails, bulk tagging and its conflicts, hiding, comparing, opening one large; on
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QInputDialog

from desktop_app.models import PhotoAngle, PhotoStage, Role
from desktop_app.services import photos, treatments
from desktop_app.services.photos import TagChanges
from desktop_app.ui.patient_page import PatientPage
from desktop_app.ui.tasks import SyncRunner
from tests.support.photo_clinic import add_photos, make_clinic


@pytest.fixture
def clinic(database):
    return make_clinic(database)


def gallery_for(qtbot, clinic, actor=None, size=(1000, 700)):
    page = PatientPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(clinic.database, actor or clinic.people[Role.NURSE])
    page.resize(*size)
    page.show()
    page.show_patient(clinic.patient_id)
    page.tabs.setCurrentWidget(page.gallery)
    qtbot.waitUntil(lambda: bool(page.gallery.status.text()))
    return page.gallery


def select(gallery, photo_ids):
    gallery.view.clearSelection()
    flag = QItemSelectionModel.SelectionFlag.Select
    for row, item in enumerate(gallery.model.rows):
        if not isinstance(item, str) and item.id in photo_ids:
            gallery.view.selectionModel().select(gallery.model.index(row), flag)


def test_rows_are_newest_first_with_captions_under_date_headers(qtbot, clinic):
    ids = add_photos(clinic, 6)  # before, after, follow-up, other, before, after; a day apart
    gallery = gallery_for(qtbot, clinic)
    rows = gallery.model.rows
    assert [r.id for r in rows if not isinstance(r, str)] == ids[::-1]
    assert isinstance(rows[0], str) and rows[0].startswith("2025-01-06")
    assert sum(isinstance(r, str) for r in rows) == 6  # one day each
    follow_up = next(r for r in range(len(rows)) if getattr(rows[r], "id", None) == ids[2])
    text = gallery.model.data(gallery.model.index(follow_up))
    assert text == "Follow-up day 7\nRight 45° · 2025-01-03"
    assert not gallery.model.flags(gallery.model.index(0)) & Qt.ItemFlag.ItemIsSelectable
    assert gallery.status.text() == "6 photo(s)"


def test_filters_by_stage_angle_and_area(qtbot, clinic):
    add_photos(clinic, 24)
    gallery = gallery_for(qtbot, clinic)
    areas = [gallery.area_filter.itemData(i) for i in range(gallery.area_filter.count())]
    assert areas == [None, "cheeks", "lips"]  # from the photos loaded, not a fixed list

    gallery.stage_filter.setCurrentIndex(gallery.stage_filter.findData(PhotoStage.AFTER))
    shown = gallery.model.shown()
    assert len(shown) == 6 and {p.stage for p in shown} == {PhotoStage.AFTER}
    assert gallery.status.text() == "6 of 24 photos"

    gallery.stage_filter.setCurrentIndex(0)
    gallery.angle_filter.setCurrentIndex(gallery.angle_filter.findData(PhotoAngle.FRONT))
    assert {p.angle for p in gallery.model.shown()} == {PhotoAngle.FRONT}
    gallery.area_filter.setCurrentIndex(gallery.area_filter.findData("lips"))
    shown = gallery.model.shown()
    assert shown and all(p.angle == PhotoAngle.FRONT and p.area == "lips" for p in shown)


def test_grouped_by_treatment_or_not_at_all(qtbot, clinic):
    ids = add_photos(clinic, 5)
    nurse = clinic.people[Role.NURSE]
    started = dt.datetime(2025, 1, 2, 10, tzinfo=dt.UTC)
    done = treatments.record_treatment(
        clinic.database, nurse, clinic.patient_id, treatments.TreatmentDraft("肉毒素", started)
    )
    linked = {i: 1 for i in ids[:2]}
    photos.retag(clinic.database, nurse, linked, TagChanges(treatment_id=done.treatment_id))
    gallery = gallery_for(qtbot, clinic)
    gallery.grouping.setCurrentIndex(gallery.grouping.findData("treatment"))
    headers = [r for r in gallery.model.rows if isinstance(r, str)]
    assert headers == [
        "肉毒素 · 2025-01-02  ·  2 photo(s)",
        "Not linked to a treatment  ·  3 photo(s)",
    ]
    assert not gallery.view.uniformItemSizes()
    gallery.grouping.setCurrentIndex(gallery.grouping.findData("none"))
    assert not any(isinstance(r, str) for r in gallery.model.rows)
    assert gallery.view.uniformItemSizes()  # cheapest layout when no header needs a width


def test_500_photos_fetch_only_the_thumbnails_on_screen(qtbot, clinic, monkeypatch):
    add_photos(clinic, 500)
    asked: list[int] = []
    real = photos.thumbnails

    def counting(database, actor, ids):
        asked.append(len(ids))
        return real(database, actor, ids)

    monkeypatch.setattr(photos, "thumbnails", counting)
    gallery = gallery_for(qtbot, clinic)
    model = gallery.model
    assert len(model.photos) == 500
    first, last = model.shown()[0], model.shown()[-1]
    qtbot.waitUntil(lambda: model.has_thumbnail(first.id))
    assert 0 < sum(asked) < 100  # one screenful, not 500
    assert not model.has_thumbnail(last.id)
    assert model.data(model.index(len(model.rows) - 1), Qt.ItemDataRole.DecorationRole) is (
        model.placeholder()
    )
    gallery.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.has_thumbnail(last.id))
    assert sum(asked) < 200 and max(asked) <= 48  # the top and the bottom, in batches


def test_bulk_tagging_updates_the_rows(qtbot, clinic):
    ids = add_photos(clinic, 4)
    gallery = gallery_for(qtbot, clinic)
    select(gallery, set(ids[:3]))
    assert gallery.buttons["tag"].isEnabled()
    qtbot.mouseClick(gallery.buttons["tag"], Qt.MouseButton.LeftButton)
    dialog = gallery.tags_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.stage.currentData() is None  # bulk: everything "as it is" to start with
    dialog.stage.setCurrentIndex(dialog.stage.findData(PhotoStage.FOLLOW_UP))
    dialog.day.setValue(30)
    dialog.angle.setCurrentIndex(dialog.angle.findData(PhotoAngle.LEFT_45))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    by_id = {p.id: p for p in gallery.model.photos}
    for photo_id in ids[:3]:
        photo = by_id[photo_id]
        assert (photo.stage, photo.follow_up_day, photo.angle) == (
            PhotoStage.FOLLOW_UP,
            30,
            PhotoAngle.LEFT_45,
        )
        assert photo.version == 2
    assert by_id[ids[3]].version == 1
    assert {p.id for p in gallery.selected()} == set(ids[:3])  # kept across the reload
    assert gallery.notice.text() == "3 photo(s) tagged."


def test_a_stale_tag_shows_the_conflict_and_reloads(qtbot, clinic):
    ids = add_photos(clinic, 2)
    gallery = gallery_for(qtbot, clinic)
    doctor = clinic.people[Role.DOCTOR]
    photos.retag(clinic.database, doctor, {ids[0]: 1}, TagChanges(notes="另一台电脑"))
    select(gallery, {ids[0]})
    gallery.tag_selected()
    dialog = gallery.tags_dialog
    dialog.notes.setPlainText("我的备注")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Someone else saved this record first." in gallery.notice.text()
    assert "王医生" in gallery.notice.text()
    reloaded = {p.id: p for p in gallery.model.photos}[ids[0]]
    assert (reloaded.version, reloaded.notes) == (2, "另一台电脑")  # theirs, shown now


def test_hiding_asks_why_and_the_photo_leaves_the_grid(qtbot, clinic, monkeypatch):
    ids = add_photos(clinic, 3)
    gallery = gallery_for(qtbot, clinic)
    select(gallery, {ids[1]})
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("拍错了", True))
    qtbot.mouseClick(gallery.buttons["hide"], Qt.MouseButton.LeftButton)
    assert ids[1] not in {p.id for p in gallery.model.photos}
    assert len(gallery.model.photos) == 2
    hidden = photos.gallery(
        clinic.database, clinic.people[Role.NURSE], clinic.patient_id, include_hidden=True
    )
    assert len(hidden) == 3


def test_compare_takes_two_or_none(qtbot, clinic):
    ids = add_photos(clinic, 3)
    gallery = gallery_for(qtbot, clinic)
    asked: list[tuple[object, object]] = []
    gallery.compare_requested.connect(lambda a, b: asked.append((a, b)))
    qtbot.mouseClick(gallery.buttons["compare"], Qt.MouseButton.LeftButton)
    select(gallery, {ids[2], ids[0]})
    qtbot.mouseClick(gallery.buttons["compare"], Qt.MouseButton.LeftButton)
    assert asked == [(None, None), (ids[0], ids[2])]  # older first
    select(gallery, set(ids))
    assert not gallery.buttons["compare"].isEnabled()
    gallery.compare()
    assert len(asked) == 2 and "Select two photos" in gallery.notice.text()


def test_enter_opens_the_photo_large(qtbot, clinic):
    ids = add_photos(clinic, 2)
    gallery = gallery_for(qtbot, clinic)
    row = next(i for i, r in enumerate(gallery.model.rows) if getattr(r, "id", None) == ids[0])
    gallery.view.setCurrentIndex(gallery.model.index(row))
    qtbot.keyClick(gallery.view, Qt.Key.Key_Return)
    viewer = gallery.viewer
    qtbot.waitUntil(viewer.isVisible)
    assert not viewer.pixmap.isNull() and viewer.caption.text().startswith(
        "Before · Front · 2025-01-01"
    )


def test_receptionists_never_see_the_photos_tab(qtbot, clinic):
    page = PatientPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(clinic.database, clinic.people[Role.RECEPTIONIST])
    page.show()
    page.show_patient(clinic.patient_id)
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.gallery))
    page.bind(clinic.database, clinic.people[Role.DOCTOR])
    assert page.tabs.isTabVisible(page.tabs.indexOf(page.gallery))
    assert page.tabs.tabText(1) == "&Photos"  # Alt+P


def test_the_keyboard_reaches_the_photos_and_skips_headers(qtbot, clinic, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    add_photos(clinic, 3)
    page = PatientPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(clinic.database, clinic.people[Role.NURSE])
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.show_patient(clinic.patient_id)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    gallery = page.gallery
    assert page.tabs.currentWidget() is gallery and gallery.view.hasFocus()
    qtbot.keyClick(gallery.view, Qt.Key.Key_End)
    qtbot.keyClick(gallery.view, Qt.Key.Key_Home)
    assert gallery.view.currentIndex().row() == 1  # row 0 is the first date's title
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: asked.append(a) or ([], ""))
    qtbot.keyClick(gallery.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
