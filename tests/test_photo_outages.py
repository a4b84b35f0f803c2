"""The server lost in the middle of a photo import: a clear message, the photos already
stored kept whole, nothing half-written for the rest, and the same files import later."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.models import ConsentKind, Photo, PhotoBlob, PhotoStage, Role
from desktop_app.services import consents
from desktop_app.services.context import unit_of_work
from desktop_app.ui.patient_page import PatientPage
from desktop_app.ui.tasks import SyncRunner
from tests.support.photo_clinic import face, make_clinic
from tests.test_outages import server_unreachable


def stored(database) -> tuple[list[str], int, int]:
    with unit_of_work(database, write=False) as session:
        names = sorted(session.scalars(sa.select(Photo.source_name)))
        blobs = session.scalar(sa.select(sa.func.count()).select_from(PhotoBlob))
        orphans = session.scalar(
            sa.select(sa.func.count())
            .select_from(PhotoBlob)
            .outerjoin(Photo, Photo.id == PhotoBlob.photo_id)
            .where(Photo.id.is_(None))
        )
    return names, blobs, orphans


def test_server_lost_mid_import_says_so_and_leaves_nothing_half_written(
    qtbot, postgres_database, tmp_path, monkeypatch
):
    clinic = make_clinic(postgres_database)
    consents.record_consent(
        postgres_database,
        clinic.people["manager"],
        clinic.patient_id,
        ConsentKind.PHOTOS_RECORD,
        True,
    )
    files = []
    for number in range(3):
        path = tmp_path / f"IMG_{number}.jpg"
        path.write_bytes(face(number + 30))
        files.append(str(path))
    page = PatientPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(postgres_database, clinic.people[Role.NURSE])
    page.show()
    page.show_patient(clinic.patient_id)
    page.tabs.setCurrentWidget(page.gallery)
    gallery = page.gallery
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))

    outage = server_unreachable(postgres_database)
    importer_type = type(gallery.importer)
    original = importer_type._progressed

    def cut_after_the_first(self, done, total, name):
        original(self, done, total, name)
        if done == 1:
            outage.__enter__()  # the LAN drops between two files

    monkeypatch.setattr(importer_type, "_progressed", cut_after_the_first)
    qtbot.mouseClick(gallery.buttons["import"], Qt.MouseButton.LeftButton)
    dialog = gallery.importer.tags_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.stage.setCurrentIndex(dialog.stage.findData(PhotoStage.BEFORE))
    try:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        message = gallery.importer.summary
        assert "Cannot reach the clinic database" in f"{message.text()} {message.windowTitle()}"
    finally:
        outage.__exit__(None, None, None)

    assert stored(postgres_database) == (["IMG_0.jpg"], 3, 0)  # the first whole, no more
    monkeypatch.setattr(importer_type, "_progressed", original)
    qtbot.mouseClick(gallery.buttons["import"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gallery.importer.tags_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert gallery.importer.summary.text().startswith("2 photo(s) imported.")
    assert stored(postgres_database) == (["IMG_0.jpg", "IMG_1.jpg", "IMG_2.jpg"], 9, 0)
