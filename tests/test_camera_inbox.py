"""The watched camera folder (issue 6): what is listed, assigning, clearing the folder.

Real temporary folders; assigning runs on SQLite and PostgreSQL through the photo service.
"""

from __future__ import annotations

import io
import os
import time
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop_app.models import ConsentKind, PhotoAngle, PhotoStage, Role
from desktop_app.services import camera_inbox, photos
from desktop_app.services.camera_inbox import CameraFolderError, InboxScanner
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff

FRONT_BEFORE = photos.PhotoTags(stage=PhotoStage.BEFORE, angle=PhotoAngle.FRONT, area="cheeks")


def face_photo(
    path: Path,
    shade: int = 0,
    *,
    size: tuple[int, int] = (360, 480),
    taken: datetime | None = None,
    shift: int = 0,
) -> Path:
    """A JPEG of an oval face (skin, hair, eyes, brows, mouth), each shade a distinct file."""
    width, height = size
    image = Image.new("RGB", size, (205 - shade, 214 - shade // 2, 226))
    draw = ImageDraw.Draw(image)
    cx, cy = width // 2 + shift, height // 2 + 10
    fw, fh = int(width * 0.30), int(height * 0.34)
    draw.ellipse((cx - fw - 8, cy - fh - 24, cx + fw + 8, cy + fh // 3), fill=(58, 40, 30))
    draw.rectangle((cx - fw // 3, cy + fh - 10, cx + fw // 3, height), fill=(226, 186, 160))
    draw.ellipse((cx - fw, cy - fh, cx + fw, cy + fh), fill=(236, 198, 172 - shade // 3))
    for side in (-1, 1):
        ex = cx + side * fw * 2 // 5
        draw.ellipse((ex - 16, cy - fh // 4 - 8, ex + 16, cy - fh // 4 + 8), fill="white")
        draw.ellipse((ex - 7, cy - fh // 4 - 7, ex + 7, cy - fh // 4 + 7), fill=(60, 42, 32))
        draw.line((ex - 20, cy - fh // 4 - 22, ex + 18, cy - fh // 4 - 26), (70, 48, 36), 5)
    draw.line((cx, cy - fh // 8, cx - 8, cy + fh // 5), (200, 150, 130), 3)
    draw.arc((cx - 34, cy + fh // 3 - 14, cx + 34, cy + fh // 3 + 18), 20, 160, (170, 70, 80), 5)
    exif = Image.Exif()
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")  # DateTimeOriginal
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    path.write_bytes(buffer.getvalue())
    return path


def settle(*paths: Path, age: float = 10.0) -> None:
    """As if the camera finished writing ``age`` seconds ago."""
    then = time.time() - age
    for path in paths:
        os.utime(path, (then, then))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "camera"
    path.mkdir()
    return path


@pytest.fixture
def patient(database, manager):
    draft = PatientDraft("林美丽", mobile="13800138000", consents={ConsentKind.PHOTOS_RECORD: True})
    return register_patient(database, manager, draft)


def names(files) -> list[str]:
    return [f.name for f in files]


def test_new_photos_are_listed_in_the_order_taken_and_others_ignored(folder):
    face_photo(folder / "IMG_0002.jpg", 1, taken=datetime(2025, 3, 1, 10, 0, 5))
    face_photo(folder / "IMG_0001.jpg", 2, taken=datetime(2025, 3, 1, 10, 0, 1))
    face_photo(folder / "phone.PNG", 3)  # no EXIF: its file time (just now) orders it
    for other in (".hidden.jpg", "~lock.jpg", "IMG_0003.jpg.part", "x.tmp.jpg", "notes.txt"):
        (folder / other).write_bytes(b"x" * 100)
    (folder / "imported").mkdir()
    face_photo(folder / "imported" / "IMG_0000.jpg", 4)
    settle(*folder.iterdir(), folder / "imported" / "IMG_0000.jpg")

    scan = InboxScanner(folder).scan()

    assert names(scan.ready) == ["IMG_0001.jpg", "IMG_0002.jpg", "phone.PNG"]
    assert scan.ready[0].taken_at < scan.ready[1].taken_at
    assert scan.waiting == 0


def test_a_file_still_being_written_is_listed_only_once_it_settles(folder):
    now = [time.time()]
    scanner = InboxScanner(folder, clock=lambda: now[0])
    data = face_photo(folder / "whole.jpg").read_bytes()
    (folder / "whole.jpg").unlink()
    growing = folder / "IMG_0100.jpg"
    growing.write_bytes(data[: len(data) // 2])
    assert scanner.scan().ready == [] and scanner.scan().waiting == 1

    now[0] += 0.9
    growing.write_bytes(data)  # the camera wrote more: still not listed
    assert scanner.scan().ready == []

    now[0] += 0.9  # the same size and time as a look 0.9 s ago: finished
    assert names(scanner.scan().ready) == ["IMG_0100.jpg"]


def test_an_old_file_is_listed_at_the_first_look_and_an_empty_one_waits(folder):
    settle(face_photo(folder / "old.jpg"))
    (folder / "empty.jpg").touch()
    settle(folder / "empty.jpg", age=5)
    scan = InboxScanner(folder).scan()
    assert names(scan.ready) == ["old.jpg"] and scan.waiting == 1
    settle(folder / "empty.jpg", age=120)  # stayed empty: shown, so the refusal can say why
    assert names(InboxScanner(folder).scan().ready) == ["empty.jpg", "old.jpg"]


def test_a_folder_that_is_gone_or_unreadable_is_a_clear_error(folder, monkeypatch):
    scanner = InboxScanner(folder)
    folder.rmdir()  # USB unplugged
    with pytest.raises(CameraFolderError) as gone:
        scanner.scan()
    assert gone.value.code == "missing" and str(folder) in str(gone.value)

    folder.write_bytes(b"")  # a file where the folder was
    with pytest.raises(CameraFolderError) as not_folder:
        scanner.scan()
    assert not_folder.value.code == "not_folder"
    folder.unlink()
    folder.mkdir()

    def refuse(_path):
        raise OSError(112, "Host is down")  # a network share gone away

    monkeypatch.setattr(camera_inbox.os, "scandir", refuse)
    with pytest.raises(CameraFolderError) as unreadable:
        scanner.scan()
    assert unreadable.value.code == "unreadable" and "Host is down" in str(unreadable.value)
    with pytest.raises(CameraFolderError) as not_set:
        camera_inbox.check_folder(None)
    assert not_set.value.code == "not_set"


def test_assigning_imports_the_set_and_removes_the_files(database, manager, patient, folder):
    paths = [
        face_photo(folder / f"IMG_{i}.jpg", i * 9, taken=datetime(2025, 3, 1, 9, i))
        for i in range(3)
    ]
    leftover = face_photo(folder / "IMG_9.jpg", 99)
    settle(*paths, leftover)
    files = InboxScanner(folder).scan().ready[:3]
    seen: list[tuple[int, int, str]] = []

    report = camera_inbox.assign(
        database,
        manager,
        patient.id,
        folder,
        files,
        FRONT_BEFORE,
        progress=lambda done, total, name: seen.append((done, total, name)),
    )

    assert len(report.imported.imported) == 3 and not report.imported.refused
    assert sorted(report.removed) == [p.name for p in paths]
    assert not any(p.exists() for p in paths) and leftover.exists()
    assert names(InboxScanner(folder).scan().ready) == ["IMG_9.jpg"]
    assert seen and seen[-1][1] == 3
    gallery = photos.gallery(database, manager, patient.id)
    assert {(g.stage, g.angle, g.area) for g in gallery} == {
        (PhotoStage.BEFORE, PhotoAngle.FRONT, "cheeks")
    }
    assert sorted(g.source_name for g in gallery) == [p.name for p in paths]


def test_a_refused_file_stays_in_the_folder_with_its_reason(database, manager, patient, folder):
    good = face_photo(folder / "IMG_1.jpg", 10)
    broken = folder / "IMG_2.jpg"
    broken.write_bytes(b"this is not a photo at all" * 20)
    settle(good, broken)
    files = InboxScanner(folder).scan().ready

    report = camera_inbox.assign(database, manager, patient.id, folder, files, FRONT_BEFORE)

    assert [(r.file_name, r.code) for r in report.imported.refused] == [("IMG_2.jpg", "not_image")]
    assert "IMG_2.jpg" in report.imported.refused[0].message
    assert broken.exists() and not good.exists()
    assert report.removed == ["IMG_1.jpg"]


def test_a_duplicate_is_cleared_from_the_folder_too(database, manager, patient, folder):
    first = face_photo(folder / "IMG_1.jpg", 20)
    settle(first)
    data = first.read_bytes()
    camera_inbox.assign(
        database, manager, patient.id, folder, InboxScanner(folder).scan().ready, FRONT_BEFORE
    )
    again = folder / "IMG_1 copy.jpg"
    again.write_bytes(data)  # the phone synced the same photo again
    settle(again)

    report = camera_inbox.assign(
        database, manager, patient.id, folder, InboxScanner(folder).scan().ready, FRONT_BEFORE
    )

    assert [d.file_name for d in report.imported.duplicates] == ["IMG_1 copy.jpg"]
    assert report.removed == ["IMG_1 copy.jpg"] and not again.exists()
    assert len(photos.gallery(database, manager, patient.id)) == 1


def test_keeping_files_moves_them_out_of_the_inbox(database, manager, patient, folder):
    (folder / "imported").mkdir()
    (folder / "imported" / "IMG_1.jpg").write_bytes(b"an earlier kept file")
    settle(face_photo(folder / "IMG_1.jpg", 30), face_photo(folder / "IMG_2.jpg", 31))

    report = camera_inbox.assign(
        database,
        manager,
        patient.id,
        folder,
        InboxScanner(folder).scan().ready,
        FRONT_BEFORE,
        after_import="keep",
    )

    assert sorted(report.kept) == ["IMG_1.jpg", "IMG_2.jpg"] and report.removed == []
    kept = sorted(p.name for p in (folder / "imported").iterdir())
    assert kept == ["IMG_1 (2).jpg", "IMG_1.jpg", "IMG_2.jpg"]
    assert (folder / "imported" / "IMG_1.jpg").read_bytes() == b"an earlier kept file"
    assert InboxScanner(folder).scan().ready == []


def test_a_file_that_cannot_be_removed_is_reported_not_fatal(
    database, manager, patient, folder, monkeypatch
):
    locked = face_photo(folder / "IMG_1.jpg", 40)
    settle(locked, face_photo(folder / "IMG_2.jpg", 41))
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name == "IMG_1.jpg":  # Windows: the tethering program still holds it
            raise PermissionError(13, "The file is in use")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    report = camera_inbox.assign(
        database, manager, patient.id, folder, InboxScanner(folder).scan().ready, FRONT_BEFORE
    )

    assert len(report.imported.imported) == 2 and report.removed == ["IMG_2.jpg"]
    assert [(n.file_name, n.message) for n in report.not_removed] == [
        ("IMG_1.jpg", "The file is in use")
    ]
    assert locked.exists()


def test_missing_consent_asks_first_and_nothing_is_touched(database, manager, folder):
    patient = register_patient(database, manager, PatientDraft("赵无忌", mobile="13900139000"))
    settle(face_photo(folder / "IMG_1.jpg", 50))
    files = InboxScanner(folder).scan().ready
    with pytest.raises(photos.PhotoConsentRequiredError):
        camera_inbox.assign(database, manager, patient.id, folder, files, FRONT_BEFORE)
    assert (folder / "IMG_1.jpg").exists()
    assert photos.gallery(database, manager, patient.id) == []

    report = camera_inbox.assign(
        database, manager, patient.id, folder, files, FRONT_BEFORE, consent_confirmed=True
    )
    assert len(report.imported.imported) == 1 and not (folder / "IMG_1.jpg").exists()


def test_a_file_changed_after_it_was_listed_is_left_for_another_look(
    database, manager, patient, folder
):
    settle(face_photo(folder / "IMG_1.jpg", 60), face_photo(folder / "IMG_2.jpg", 61))
    files = InboxScanner(folder).scan().ready
    face_photo(folder / "IMG_2.jpg", 62, size=(400, 300))  # overwritten meanwhile

    report = camera_inbox.assign(database, manager, patient.id, folder, files, FRONT_BEFORE)

    assert report.changed == ["IMG_2.jpg"] and report.removed == ["IMG_1.jpg"]
    assert (folder / "IMG_2.jpg").exists()


def test_follow_up_tags_and_roles(database, manager, patient, folder):
    settle(face_photo(folder / "IMG_1.jpg", 70))
    files = InboxScanner(folder).scan().ready
    receptionist = create_staff(
        database, manager, NewStaff("front", "前台", Role.RECEPTIONIST, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        camera_inbox.assign(database, receptionist, patient.id, folder, files, FRONT_BEFORE)
    assert (folder / "IMG_1.jpg").exists()

    nurse = create_staff(
        database, manager, NewStaff("nurse", "护士", Role.NURSE, "correct horse battery")
    )
    tags = photos.PhotoTags(stage=PhotoStage.FOLLOW_UP, follow_up_day=7, angle=PhotoAngle.LEFT_45)
    camera_inbox.assign(database, nurse, patient.id, folder, files, tags)
    [photo] = photos.gallery(database, manager, patient.id)
    assert (photo.stage, photo.follow_up_day, photo.angle) == (
        PhotoStage.FOLLOW_UP,
        7,
        PhotoAngle.LEFT_45,
    )


def test_previews_are_small_and_upright(folder):
    path = face_photo(folder / "IMG_1.jpg", size=(1200, 1600))
    preview = camera_inbox.read_preview(path, 150)
    assert preview is not None and max(preview.width, preview.height) <= 150
    assert preview.height > preview.width and len(preview.rgb) == preview.width * preview.height * 3
    junk = folder / "junk.jpg"
    junk.write_bytes(b"\xff\xd8\xff" + b"\x00" * 50)
    assert camera_inbox.read_preview(junk, 150) is None


def test_the_camera_folder_is_this_stations_setting(tmp_path):
    from desktop_app import station

    assert station.StationSettings().camera_folder_path() is None
    path = tmp_path / "station.json"
    station.save(
        station.StationSettings(camera_folder=str(tmp_path), camera_after_import="keep"), path
    )
    loaded = station.load(path)
    assert (loaded.camera_folder_path(), loaded.camera_after_import) == (tmp_path, "keep")
    path.write_text('{"camera_folder": 5, "camera_after_import": "shred"}', encoding="utf-8")
    damaged = station.load(path)
    assert (damaged.camera_folder, damaged.camera_after_import) == (None, "remove")
