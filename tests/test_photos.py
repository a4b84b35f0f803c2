"""Clinical photos through the service API (issue 6), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import ExifTags, Image

from desktop_app.models import (
    AuditEvent,
    BlobKind,
    ConsentKind,
    Photo,
    PhotoAngle,
    PhotoBlob,
    PhotoStage,
    Role,
    utcnow,
)
from desktop_app.services import consents, photo_import, photos, queue, treatments
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.photo_files import PhotoFileError
from desktop_app.services.photos import PhotoTags, TagChanges
from desktop_app.services.staff import NewStaff, create_staff

BEFORE, AFTER, FOLLOW_UP = PhotoStage.BEFORE, PhotoStage.AFTER, PhotoStage.FOLLOW_UP
FRONT, LEFT_45 = PhotoAngle.FRONT, PhotoAngle.LEFT_45


def shot(seed: int, taken: str = "2026:03:01 10:00:00", size: tuple[int, int] = (96, 64)) -> bytes:
    """A small JPEG, different for each seed, taken at ``taken`` (UTC)."""
    image = Image.new("RGB", size, ((seed * 37) % 256, (seed * 91) % 256, (seed * 13) % 256))
    image.putpixel((seed % size[0], 0), (255, 255, 255))
    exif = Image.Exif()
    exif[ExifTags.Base.Model] = "iPhone 15"
    details = exif.get_ifd(ExifTags.IFD.Exif)
    details[ExifTags.Base.DateTimeOriginal] = taken
    details[ExifTags.Base.OffsetTimeOriginal] = "+00:00"
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def at(day: int) -> str:
    return f"2026:03:{day:02d} 10:00:00"


@pytest.fixture
def team(database, manager):
    """Staff made when a test first asks for them (argon2 makes each one slow)."""
    roles = {
        "reception": Role.RECEPTIONIST,
        "consultant": Role.CONSULTANT,
        "doctor": Role.DOCTOR,
        "nurse": Role.NURSE,
    }
    usernames = {"reception": "front", "consultant": "lily", "doctor": "drwang", "nurse": "nurse"}

    class Team(dict):
        def __missing__(self, key):
            name = usernames[key]
            self[key] = create_staff(
                database,
                manager,
                NewStaff(name, name.title(), roles[key], "correct horse battery"),
            )
            return self[key]

    return Team(manager=manager)


def patient(database, manager, name, mobile, photos_record=True):
    return register_patient(
        database,
        manager,
        PatientDraft(name, mobile=mobile, consents={ConsentKind.PHOTOS_RECORD: photos_record}),
    ).id


@pytest.fixture
def zhang(database, manager):
    return patient(database, manager, "张三", "13800131234")


def count(database, model, *where) -> int:
    with unit_of_work(database, write=False) as session:
        return session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def audit_rows(database, action):
    with unit_of_work(database, write=False) as session:
        rows = session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.action == action)
            .order_by(AuditEvent.occurred_at)
        )
        return [(row.entity_id, json.loads(row.summary)) for row in rows]


def test_import_stores_three_renditions_and_the_gallery_shows_it(database, team, zhang):
    nurse = team["nurse"]
    photo_id = photos.import_file(
        database,
        nurse,
        zhang,
        "IMG_0001.JPG",
        shot(1, at(2)),
        PhotoTags(stage=BEFORE, angle=FRONT, area="lips", notes="静止位"),
    )
    [summary] = photos.gallery(database, nurse, zhang)
    assert summary.id == photo_id and summary.version == 1 and summary.patient_id == zhang
    assert (summary.stage, summary.angle, summary.area, summary.notes) == (
        BEFORE,
        FRONT,
        "lips",
        "静止位",
    )
    assert summary.taken_at == dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
    assert (summary.camera, summary.source_name) == ("iPhone 15", "IMG_0001.JPG")
    assert (summary.width, summary.height, summary.hidden) == (96, 64, False)
    assert count(database, PhotoBlob, PhotoBlob.photo_id == photo_id) == 3
    for kind in BlobKind:
        rendition = photos.image(database, nurse, photo_id, kind)
        assert rendition.media_type == "image/jpeg"
        assert Image.open(io.BytesIO(rendition.data)).size == (96, 64)
    thumbs = photos.thumbnails(database, nurse, [photo_id, photo_id])
    assert Image.open(io.BytesIO(thumbs[photo_id])).format == "JPEG"
    assert photos.thumbnails(database, nurse, []) == {}
    [(entity, summary_json)] = audit_rows(database, "import_photo")
    assert entity == str(photo_id) and summary_json["consent"] == "granted"
    assert summary_json["file"] == "IMG_0001.JPG" and summary_json["stage"] == "before"
    [(entity, viewed)] = audit_rows(database, "view_photos")
    assert entity == str(zhang) and viewed["shown"] == 1
    with pytest.raises(NotFoundError):
        photos.image(database, nurse, photo_id.__class__(int=1))


def test_the_same_file_twice_is_a_duplicate_for_one_patient_not_for_another(database, team, zhang):
    nurse, data = team["nurse"], shot(2)
    first = photos.import_file(database, nurse, zhang, "a.jpg", data, PhotoTags())
    with pytest.raises(photos.DuplicatePhotoError) as error:
        photos.import_file(database, nurse, zhang, "copy of a.jpg", data, PhotoTags())
    assert error.value.existing_id == first and "copy of a.jpg" in str(error.value)
    li = patient(database, team["manager"], "李四", "13900139876")
    other = photos.import_file(database, nurse, li, "a.jpg", data, PhotoTags())
    assert other != first
    assert count(database, Photo) == 2 and count(database, PhotoBlob) == 6


def test_a_duplicate_racing_in_from_another_station_is_caught_by_the_unique_key(
    database, team, zhang, monkeypatch
):
    nurse, data = team["nurse"], shot(3)
    first = photos.import_file(database, nurse, zhang, "a.jpg", data, PhotoTags())
    real = photo_import._existing
    calls = []

    def not_yet(*args):  # the other station commits between our check and our insert
        calls.append(args)
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(photo_import, "_existing", not_yet)
    with pytest.raises(photos.DuplicatePhotoError) as error:
        photos.import_file(database, nurse, zhang, "b.jpg", data, PhotoTags())
    assert error.value.existing_id == first and len(calls) == 2
    assert count(database, Photo) == 1 and count(database, PhotoBlob) == 3


def test_a_batch_goes_on_after_bad_files_and_leaves_nothing_of_them(
    database, team, zhang, tmp_path
):
    good = shot(4)
    files = {
        "good1.jpg": good,
        "empty.jpg": b"",
        "notes.jpg": b"not a photo, a shopping list\n" * 10,
        "cut.jpg": shot(5, size=(400, 300))[:700],
        "again.jpg": good,
        "good2.jpg": shot(6),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    paths.append(tmp_path / "gone.jpg")  # removed before the import reached it
    seen = []

    report = photos.import_files(
        database,
        team["nurse"],
        zhang,
        paths,
        PhotoTags(stage=AFTER, angle=FRONT),
        progress=lambda done, total, name: seen.append((done, total, name)),
    )

    assert len(report.imported) == 2 and not report.cancelled
    assert [(r.file_name, r.code) for r in report.refused] == [
        ("empty.jpg", "empty"),
        ("notes.jpg", "not_image"),
        ("cut.jpg", "truncated"),
        ("gone.jpg", "unreadable"),
    ]
    assert all(r.file_name in r.message for r in report.refused)
    assert report.duplicates == [photos.Duplicate("again.jpg", report.imported[0])]
    assert seen == [(i, 7, path.name) for i, path in enumerate(paths, start=1)]
    assert count(database, Photo) == 2 and count(database, PhotoBlob) == 6
    assert len(audit_rows(database, "import_photo")) == 2


def test_a_batch_stops_when_cancelled(database, team, zhang, tmp_path):
    paths = []
    for seed in range(4):
        paths.append(tmp_path / f"{seed}.jpg")
        paths[-1].write_bytes(shot(10 + seed))
    done = []
    report = photos.import_files(
        database,
        team["nurse"],
        zhang,
        paths,
        PhotoTags(),
        progress=lambda d, t, n: done.append(d),
        cancelled=lambda: len(done) >= 2,
    )
    assert report.cancelled and len(report.imported) == 2 and count(database, Photo) == 2


def test_without_record_consent_the_import_asks_and_a_confirmed_one_is_audited_as_such(
    database, team, tmp_path
):
    nurse = team["nurse"]
    wang = patient(database, team["manager"], "王五", "13700137000", photos_record=False)
    assert photos.photo_consent(database, nurse, wang) == photos.PhotoConsent(False, False)
    with pytest.raises(photos.PhotoConsentRequiredError):
        photos.import_file(database, nurse, wang, "a.jpg", shot(20), PhotoTags())
    with pytest.raises(photos.PhotoConsentRequiredError):  # before any file is read
        photos.import_files(database, nurse, wang, [tmp_path / "missing.jpg"], PhotoTags())
    assert count(database, Photo) == 0

    photo_id = photos.import_file(
        database, nurse, wang, "a.jpg", shot(20), PhotoTags(), consent_confirmed=True
    )
    [(entity, summary)] = audit_rows(database, "import_photo")
    assert entity == str(photo_id)
    assert summary["consent"] == "confirmed_without_record_consent"

    consents.record_consent(database, team["manager"], wang, ConsentKind.PHOTOS_RECORD, True)
    consents.record_consent(database, team["manager"], wang, ConsentKind.PHOTOS_MARKETING, True)
    assert photos.photo_consent(database, nurse, wang) == photos.PhotoConsent(True, True)
    consents.record_consent(database, team["manager"], wang, ConsentKind.PHOTOS_MARKETING, False)
    assert photos.photo_consent(database, nurse, wang) == photos.PhotoConsent(True, False)
    with pytest.raises(NotFoundError):
        photos.photo_consent(database, nurse, photo_id)


def test_tags_are_checked(database, team, zhang):
    nurse = team["nurse"]
    bad = [
        (PhotoTags(stage=FOLLOW_UP), "follow_up_day", "required"),
        (PhotoTags(stage=FOLLOW_UP, follow_up_day=0), "follow_up_day", "out_of_range"),
        (PhotoTags(stage=FOLLOW_UP, follow_up_day=3651), "follow_up_day", "out_of_range"),
        (PhotoTags(area="x" * 61), "area", "too_long"),
        (PhotoTags(visit_id=zhang), "visit_id", "invalid"),
    ]
    for tags, field, code in bad:
        with pytest.raises(ValidationError) as error:
            photos.import_file(database, nurse, zhang, "a.jpg", shot(30), tags)
        assert (error.value.field, error.value.code) == (field, code)
    li = patient(database, team["manager"], "李四", "13900139876")
    theirs = treatments.record_treatment(
        database, nurse, li, treatments.TreatmentDraft("水光针", utcnow())
    ).treatment_id
    with pytest.raises(ValidationError) as error:
        photos.import_file(
            database, nurse, zhang, "a.jpg", shot(30), PhotoTags(treatment_id=theirs)
        )
    assert error.value.field == "treatment_id"
    assert count(database, Photo) == 0
    photo_id = photos.import_file(
        database, nurse, zhang, "a.jpg", shot(30), PhotoTags(stage=AFTER, follow_up_day=7)
    )
    assert photos.gallery(database, nurse, zhang)[0].follow_up_day is None  # only for FOLLOW_UP
    assert photo_id


def test_filters_by_stage_angle_and_area_newest_first(database, team, zhang):
    nurse = team["nurse"]
    made = {}
    for seed, (stage, angle, area, day) in enumerate(
        [
            (BEFORE, FRONT, "lips", 1),
            (BEFORE, LEFT_45, "lips", 2),
            (AFTER, FRONT, "lips", 3),
            (AFTER, FRONT, "chin", 4),
            (PhotoStage.OTHER, None, "", 5),
        ]
    ):
        made[seed] = photos.import_file(
            database,
            nurse,
            zhang,
            f"{seed}.jpg",
            shot(40 + seed, at(day)),
            PhotoTags(stage=stage, angle=angle, area=area),
        )

    def ids(**filters):
        return [made_id(p.id) for p in photos.gallery(database, nurse, zhang, **filters)]

    def made_id(photo_id):
        return next(seed for seed, i in made.items() if i == photo_id)

    assert ids() == [4, 3, 2, 1, 0]
    assert ids(stage=BEFORE) == [1, 0]
    assert ids(angle=FRONT) == [3, 2, 0]
    assert ids(area="lips") == [2, 1, 0]
    assert ids(stage=AFTER, angle=FRONT, area="chin") == [3]
    assert ids(stage=FOLLOW_UP) == []


def test_bulk_retag_in_one_transaction_and_a_stale_version_changes_nothing(database, team, zhang):
    nurse, doctor = team["nurse"], team["doctor"]
    visit = queue.check_in(database, team["manager"], zhang)
    treated = treatments.record_treatment(
        database, nurse, zhang, treatments.TreatmentDraft("水光针", utcnow())
    ).treatment_id
    ids = [
        photos.import_file(database, nurse, zhang, f"{s}.jpg", shot(50 + s), PhotoTags())
        for s in range(3)
    ]
    versions = {p.id: p.version for p in photos.gallery(database, nurse, zhang)}

    photos.retag(
        database,
        doctor,
        versions,
        TagChanges(
            stage=FOLLOW_UP,
            follow_up_day=30,
            angle=LEFT_45,
            area="cheeks",
            visit_id=visit.visit_id,
            treatment_id=treated,
        ),
    )
    after = photos.gallery(database, nurse, zhang)
    assert {(p.stage, p.follow_up_day, p.angle, p.area) for p in after} == {
        (FOLLOW_UP, 30, LEFT_45, "cheeks")
    }
    assert {(p.visit_id, p.treatment_id, p.treatment_item, p.version) for p in after} == {
        (visit.visit_id, treated, "水光针", 2)
    }
    assert all(p.treated_at is not None for p in after)
    [(_, summary)] = audit_rows(database, "retag_photos")
    assert sorted(summary["photos"]) == sorted(str(i) for i in ids)

    photos.retag(database, doctor, {ids[0]: 2}, TagChanges(notes="右侧稍肿"))  # notes only
    with pytest.raises(ConflictError) as error:
        photos.retag(database, doctor, {ids[0]: 2, ids[1]: 2}, TagChanges(stage=AFTER))
    assert error.value.changed_by == "Drwang"
    rows = {p.id: p for p in photos.gallery(database, nurse, zhang)}
    assert rows[ids[1]].stage is FOLLOW_UP and rows[ids[0]].notes == "右侧稍肿"  # none changed

    with pytest.raises(ValidationError) as invalid:  # a follow-up day out of range
        photos.retag(database, doctor, {ids[1]: 2}, TagChanges(follow_up_day=0))
    assert invalid.value.field == "follow_up_day"
    photos.retag(database, doctor, {ids[1]: 2}, TagChanges(stage=BEFORE))
    assert rows[ids[1]].follow_up_day == 30
    moved = {p.id: p for p in photos.gallery(database, nurse, zhang)}[ids[1]]
    assert (moved.stage, moved.follow_up_day) == (BEFORE, None)  # a day only for follow-ups
    with pytest.raises(NotFoundError):
        photos.retag(database, doctor, {zhang: 1}, TagChanges(area="x"))


def test_auto_pairing_takes_the_first_before_and_the_latest_after_of_an_angle(
    database, team, zhang
):
    nurse = team["nurse"]
    assert photos.auto_pair(database, nurse, zhang) is None
    taken = {}
    for seed, (stage, angle, day, follow) in enumerate(
        [
            (BEFORE, LEFT_45, 1, None),
            (AFTER, LEFT_45, 2, None),
            (BEFORE, FRONT, 3, None),  # the first front "before"
            (BEFORE, FRONT, 4, None),
            (AFTER, FRONT, 5, None),
            (FOLLOW_UP, FRONT, 20, 14),  # the latest front "after"
            (AFTER, PhotoAngle.TOP, 21, None),  # no "before" of the top
            (PhotoStage.OTHER, FRONT, 22, None),
        ]
    ):
        taken[seed] = photos.import_file(
            database,
            nurse,
            zhang,
            f"{seed}.jpg",
            shot(60 + seed, at(day)),
            PhotoTags(stage=stage, angle=angle, follow_up_day=follow),
        )
    before, after = photos.auto_pair(database, nurse, zhang)
    assert (before.id, after.id) == (taken[2], taken[5])
    before, after = photos.auto_pair(database, nurse, zhang, LEFT_45)
    assert (before.id, after.id) == (taken[0], taken[1])
    assert photos.auto_pair(database, nurse, zhang, PhotoAngle.TOP) is None
    assert photos.baseline(database, nurse, zhang, FRONT).id == taken[2]
    assert photos.baseline(database, nurse, zhang, PhotoAngle.TOP) is None

    # hiding the front "after"s: FRONT no longer pairs, so the first angle that does
    for photo_id in (taken[4], taken[5]):
        photos.hide(database, nurse, photo_id, 1, "wrong patient in the frame")
    before, after = photos.auto_pair(database, nurse, zhang)
    assert (before.id, after.id) == (taken[0], taken[1])


def test_hiding_a_photo_keeps_it_out_of_the_gallery_never_deletes_it(database, team, zhang):
    nurse = team["nurse"]
    photo_id = photos.import_file(database, nurse, zhang, "a.jpg", shot(70), PhotoTags())
    with pytest.raises(ValidationError) as error:
        photos.hide(database, nurse, photo_id, 1, "  ")
    assert (error.value.field, error.value.code) == ("reason", "required")
    photos.hide(database, nurse, photo_id, 1, "taken by mistake")
    with pytest.raises(ConflictError):
        photos.hide(database, nurse, photo_id, 1, "again")
    assert photos.gallery(database, nurse, zhang) == []
    [hidden] = photos.gallery(database, nurse, zhang, include_hidden=True)
    assert hidden.hidden and hidden.version == 2
    assert count(database, PhotoBlob, PhotoBlob.photo_id == photo_id) == 3
    [(entity, summary)] = audit_rows(database, "hide_photo")
    assert entity == str(photo_id) and summary["reason"] == "taken by mistake"
    with pytest.raises(photos.DuplicatePhotoError):  # still the patient's photo
        photos.import_file(database, nurse, zhang, "a.jpg", shot(70), PhotoTags())


def test_a_receptionist_sees_and_adds_no_photos(database, team, zhang, tmp_path):
    nurse, front = team["nurse"], team["reception"]
    photo_id = photos.import_file(database, nurse, zhang, "a.jpg", shot(80), PhotoTags())
    refused = [
        lambda: photos.gallery(database, front, zhang),
        lambda: photos.thumbnails(database, front, [photo_id]),
        lambda: photos.image(database, front, photo_id),
        lambda: photos.baseline(database, front, zhang, FRONT),
        lambda: photos.auto_pair(database, front, zhang),
        lambda: photos.photo_consent(database, front, zhang),
        lambda: photos.import_file(database, front, zhang, "b.jpg", shot(81), PhotoTags()),
        lambda: photos.import_files(database, front, zhang, [tmp_path / "b.jpg"], PhotoTags()),
        lambda: photos.retag(database, front, {photo_id: 1}, TagChanges(area="x")),
        lambda: photos.hide(database, front, photo_id, 1, "no"),
    ]
    for call in refused:
        with pytest.raises(PermissionDeniedError):
            call()
    assert len(audit_rows(database, "denied")) == len(refused)
    assert count(database, Photo) == 1
    # consultants take the "before" set; every clinical role may look
    for role in ("consultant", "doctor", "manager"):
        assert [p.id for p in photos.gallery(database, team[role], zhang)] == [photo_id]
    photos.import_file(database, team["consultant"], zhang, "c.jpg", shot(82), PhotoTags())


def test_a_refused_file_through_import_file_raises_with_its_code(database, team, zhang):
    with pytest.raises(PhotoFileError) as error:
        photos.import_file(database, team["nurse"], zhang, "x.jpg", b"", PhotoTags())
    assert error.value.code == "empty"
    assert count(database, Photo) == 0


def test_files_of_every_accepted_kind_import(database, team, zhang, tmp_path: Path):
    paths = []
    for fmt, suffix in (("PNG", ".png"), ("TIFF", ".tif"), ("WEBP", ".webp")):
        path = tmp_path / f"x{suffix}"
        Image.new("RGB", (30, 20), (1, 2, len(paths) * 50)).save(path, fmt, lossless=True)
        paths.append(path)
    report = photos.import_files(database, team["nurse"], zhang, paths, PhotoTags())
    assert len(report.imported) == 3 and not report.refused
    kinds = {
        photos.image(database, team["nurse"], i, BlobKind.ORIGINAL).media_type
        for i in report.imported
    }
    assert kinds == {"image/png", "image/webp"}


def test_a_jpeg_damaged_past_its_header_leaves_nothing_behind(database, team, zhang):
    """Its original is written from the header while the pixels are decoded; the decoding
    fails (a bogus Huffman table), so the photo's row and original are rolled back."""
    data = bytearray(shot(90, size=(200, 150)))
    tables = data.index(b"\xff\xc4")
    data[tables + 5 : tables + 21] = b"\xff" * 16  # counts adding up to far over 256
    with pytest.raises(PhotoFileError) as error:
        photos.import_file(database, team["nurse"], zhang, "bad.jpg", bytes(data), PhotoTags())
    assert error.value.code == "truncated"
    assert count(database, Photo) == 0 and count(database, PhotoBlob) == 0
    assert audit_rows(database, "import_photo") == []
    photos.import_file(database, team["nurse"], zhang, "good.jpg", shot(90), PhotoTags())


def test_what_is_stored_in_the_database_is_upright_and_has_no_gps(database, team, zhang):
    """The rotation vectors and GPS removal read back from the store on both backends,
    not only from the pipeline's return value."""
    from PIL import ExifTags, Image

    from desktop_app.models import BlobKind
    from tests.test_photo_files import assert_upright, exif_with, jpeg, pixels, quadrants

    nurse = team["nurse"]
    for orientation in range(1, 9):
        upright = (600, 400)
        stored_size = upright if orientation < 5 else (400, 600)  # as the camera wrote it
        exif = exif_with(orientation)
        exif.get_ifd(ExifTags.IFD.GPSInfo).update({1: "N", 2: (31.0, 14.0, 5.5), 3: "E"})
        camera_image = quadrants(*upright)
        # What a camera held at this orientation writes: pixels that the tag turns upright.
        inverse = {2: 2, 3: 3, 4: 4, 5: 5, 6: 8, 7: 7, 8: 6}.get(orientation)
        if inverse:
            from PIL import ImageOps

            marker = Image.Exif()
            marker[ExifTags.Base.Orientation] = inverse
            camera_image.info["exif"] = marker.tobytes()
            camera_image = ImageOps.exif_transpose(camera_image)
        assert camera_image.size == stored_size
        data = jpeg(camera_image, exif=exif.tobytes())
        photo_id = photos.import_file(
            database, nurse, zhang, f"o{orientation}.jpg", data, PhotoTags(stage=PhotoStage.BEFORE)
        )
        display = photos.image(database, nurse, photo_id, BlobKind.DISPLAY).data
        assert_upright(display, upright)
        assert_upright(photos.image(database, nurse, photo_id, BlobKind.THUMB).data, (256, 171))
        original = photos.image(database, nurse, photo_id, BlobKind.ORIGINAL).data
        assert pixels(original) == pixels(data)  # not re-encoded
        kept = Image.open(io.BytesIO(original)).getexif()
        assert kept.get(ExifTags.Base.Orientation) == orientation
        assert kept.get_ifd(ExifTags.IFD.GPSInfo) == {}
        assert ExifTags.IFD.GPSInfo not in kept
