"""Settings › Security (issue 10): the key file exported by a manager and imported at a
computer without the key, by keyboard, errors at the field; a computer without the key
says so in the gallery and the viewer; the start-up check seals an old clinic's photos."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.models import Role
from desktop_app.services import clinic_key, photo_encryption, photos
from desktop_app.ui.key_check import KeyCheck
from desktop_app.ui.patient_page import PatientPage
from desktop_app.ui.security_box import SecurityBox
from desktop_app.ui.tasks import SyncRunner
from tests.support.keyboard import type_text
from tests.support.memory_keyring import MemoryKeyring
from tests.support.photo_clinic import add_photos, make_clinic
from tests.test_photo_encryption import all_reads, old_clinic_photos

GOOD = "purple monkey dishwasher"
NO_KEY = "This computer does not hold the clinic's data key."


@pytest.fixture
def clinic(database):
    return make_clinic(database)


def forget_key():
    MemoryKeyring.store.clear()
    clinic_key.forget_cached_keys()


def box_for(qtbot, clinic, actor, save="", open_=""):
    box = SecurityBox(SyncRunner(), choose_save=lambda _p: save, choose_open=lambda _p: open_)
    qtbot.addWidget(box)
    box.bind(clinic.database, actor)
    box.show()
    return box


def press(qtbot, button):
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def enter(qtbot, dialog, *texts):
    """Type each text into the next field (Tab between them), then Enter."""
    field = dialog.focusWidget()
    for number, text in enumerate(texts):
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
        type_text(qtbot, field, text)
        if number < len(texts) - 1:
            qtbot.keyClick(field, Qt.Key.Key_Tab)
            field = dialog.focusWidget()
    qtbot.keyClick(field, Qt.Key.Key_Return)


def error(dialog, field):
    label = dialog.form.errors[field]
    return label.text() if label.isVisible() else ""


def test_the_box_explains_the_key_and_only_managers_export(qtbot, clinic):
    box = box_for(qtbot, clinic, clinic.people["manager"])
    words = box.explanation.text()
    assert "encrypted with the clinic's key" in words and "key file" in words
    assert "nobody can open" in words
    assert box.export_button.isVisible() and box.import_button.isEnabled()
    assert box.key_state.text() == "This computer holds the clinic's key."
    nurse = box_for(qtbot, clinic, clinic.people[Role.NURSE])
    assert not nurse.export_button.isVisible() and nurse.import_button.isVisible()


def test_export_then_import_at_a_computer_without_the_key(qtbot, clinic, tmp_path):
    [photo_id] = add_photos(clinic, 1)
    box = box_for(qtbot, clinic, clinic.people["manager"], save=str(tmp_path / "clinic"))
    press(qtbot, box.export_button)
    dialog = box.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.focusWidget() is dialog.passphrase

    enter(qtbot, dialog, "too short", "too short")
    assert error(dialog, "passphrase") == "At least 12 characters."
    enter(qtbot, dialog, GOOD, GOOD + "!")
    assert error(dialog, "repeat") == "The two passphrases are not the same."
    assert not (tmp_path / "clinic.cdkey").exists()
    dialog.passphrase.setFocus()
    enter(qtbot, dialog, GOOD, GOOD)
    assert not dialog.isVisible() and (tmp_path / "clinic.cdkey").exists()
    assert box.status.text().startswith("Key file saved")

    forget_key()  # another computer: the nurse there cannot see photos yet
    nurse = clinic.people[Role.NURSE]
    with pytest.raises(clinic_key.KeyMissingError):
        photos.thumbnails(clinic.database, nurse, [photo_id])
    there = box_for(qtbot, clinic, nurse, open_=str(tmp_path / "clinic.cdkey"))
    assert "does not hold" in there.key_state.text()
    imported = []
    there.key_imported.connect(lambda: imported.append(True))
    press(qtbot, there.import_button)
    dialog = there.dialog
    qtbot.waitUntil(dialog.isVisible)
    enter(qtbot, dialog, "not the passphrase")
    assert error(dialog, "passphrase") == "Wrong passphrase, or the key file was changed."
    assert dialog.isVisible() and not imported
    enter(qtbot, dialog, GOOD)
    assert not dialog.isVisible() and imported
    assert there.key_state.text() == "This computer holds the clinic's key."
    assert photo_id in photos.thumbnails(clinic.database, nurse, [photo_id])


def test_a_file_that_is_not_a_key_file_is_refused_at_its_field(qtbot, clinic, tmp_path):
    junk = tmp_path / "notes.cdkey"
    junk.write_text("hello", encoding="utf-8")
    box = box_for(qtbot, clinic, clinic.people[Role.NURSE], open_=str(junk))
    press(qtbot, box.import_button)
    qtbot.waitUntil(box.dialog.isVisible)
    enter(qtbot, box.dialog, GOOD)
    assert error(box.dialog, "key_file") == "This is not a Clinic Desk key file."
    box.dialog.passphrase.setFocus()
    enter(qtbot, box.dialog, "")
    assert error(box.dialog, "passphrase") == "Enter the passphrase."


def gallery_for(qtbot, clinic, actor):
    page = PatientPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(clinic.database, actor)
    page.resize(1000, 700)
    page.show()
    page.show_patient(clinic.patient_id)
    page.tabs.setCurrentWidget(page.gallery)
    qtbot.waitUntil(lambda: bool(page.gallery.status.text()))
    return page.gallery


def test_gallery_and_viewer_say_the_key_is_missing(qtbot, clinic):
    add_photos(clinic, 3)
    forget_key()
    gallery = gallery_for(qtbot, clinic, clinic.people[Role.NURSE])
    qtbot.waitUntil(gallery.notice.isVisible)
    assert NO_KEY in gallery.notice.text() and "Import key file" in gallery.notice.text()
    assert gallery.status.text() == "3 photo(s)"  # the list itself needs no key
    row = next(i for i, r in enumerate(gallery.model.rows) if not isinstance(r, str))
    gallery.view.setCurrentIndex(gallery.model.index(row))
    qtbot.keyClick(gallery.view, Qt.Key.Key_Return)
    viewer = gallery.viewer
    qtbot.waitUntil(viewer.isVisible)
    assert viewer.pixmap.isNull() and NO_KEY in viewer.picture.text()


def test_the_start_up_check_seals_an_old_clinics_photos(qtbot, clinic):
    manager = clinic.people["manager"]
    plain = old_clinic_photos(clinic.database, manager, clinic.patient_id, 3)
    owner = QWidget()
    qtbot.addWidget(owner)
    check = KeyCheck(SyncRunner(), owner)
    results = []
    check.finished.connect(results.append)
    check.start(clinic.database, manager)  # makes the key, seals the 9 blobs
    assert results == [None] and check.sealed == 9 and check.message is None
    assert photo_encryption.sealed_flag(clinic.database)
    all_reads(clinic.database, manager, plain)

    forget_key()  # another computer, after the key was made elsewhere
    again = KeyCheck(SyncRunner(), owner)
    again.finished.connect(results.append)
    again.start(clinic.database, manager)
    assert isinstance(results[-1], clinic_key.KeyMissingError)
    assert again.message is not None and again.message.text() == NO_KEY
    assert "Import key file" in again.message.informativeText()
