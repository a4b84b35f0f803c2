"""Exporting a before/after pair (issue 6): branded only with marketing consent, otherwise
watermarked internal; audited; never for receptionists. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import json
import random

import pytest
import sqlalchemy as sa
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat

from desktop_app.models import AuditEvent, ConsentKind, PhotoAngle, PhotoStage, Role
from desktop_app.services import photo_export, photos
from desktop_app.services.consents import record_consent
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.photo_export import PairLabels, compose, days_since, export_pair
from desktop_app.services.staff import NewStaff, create_staff

CLINIC = "Test Clinic 测试诊所"  # the conftest manager's first run names the clinic so
LABELS = PairLabels(("术前 Before · 正面", "2024-05-01 · day 0"), ("复诊 Day 30", "2024-05-31"))


def face(*, after: bool = False, size: tuple[int, int] = (300, 400), seed: int = 1) -> Image.Image:
    """A photo-like face on a backdrop (not noise): oval face, hair, eyes, brows, lips; the
    "after" one smoother, with fuller lips and a slightly shifted pose."""
    width, height = size
    rng = random.Random(seed)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(150 - 40 * t), int(170 - 40 * t), 190))
    cx = width // 2 + (rng.randint(3, 9) if after else 0)
    cy = int(height * 0.43)
    fw, fh = width * 0.31, height * 0.34
    draw.ellipse(
        (cx - width * 0.55, cy + fh * 0.95, cx + width * 0.55, cy + fh * 2.6), fill=(70, 90, 120)
    )
    draw.rectangle(
        (cx - fw * 0.32, cy + fh * 0.5, cx + fw * 0.32, cy + fh * 1.15), fill=(205, 160, 135)
    )
    draw.ellipse(
        (cx - fw * 1.12, cy - fh * 1.15, cx + fw * 1.12, cy + fh * 0.55), fill=(48, 32, 26)
    )
    draw.ellipse(
        (cx - fw, cy - fh, cx + fw, cy + fh), fill=(234, 196, 170) if after else (226, 186, 160)
    )
    draw.chord(
        (cx - fw * 1.05, cy - fh * 1.12, cx + fw * 1.05, cy - fh * 0.25),
        180,
        360,
        fill=(48, 32, 26),
    )
    for side in (-1, 1):
        ex, ey = cx + side * fw * 0.42, cy - fh * 0.12
        draw.arc(
            (ex - fw * 0.24, ey - fh * 0.2, ex + fw * 0.24, ey),
            200,
            340,
            fill=(60, 40, 30),
            width=3,
        )
        draw.ellipse(
            (ex - fw * 0.17, ey - fh * 0.045, ex + fw * 0.17, ey + fh * 0.045), fill=(250, 250, 248)
        )
        draw.ellipse(
            (ex - fw * 0.06, ey - fh * 0.045, ex + fw * 0.06, ey + fh * 0.045), fill=(60, 40, 30)
        )
        if not after:  # lines the treatment softens
            points = [
                (cx + side * fw * dx, cy + fh * dy)
                for dx, dy in ((0.17, 0.2), (0.3, 0.36), (0.35, 0.52))
            ]
            draw.line(points, fill=(180, 128, 105), width=3)
    lip = fh * (0.085 if after else 0.06)
    draw.ellipse(
        (cx - fw * 0.3, cy + fh * 0.42 - lip, cx + fw * 0.3, cy + fh * 0.42 + lip),
        fill=(190, 95, 104),
    )
    return image.filter(ImageFilter.GaussianBlur(width / 300))


def face_jpeg(*, taken: str | None = None, **kwargs: object) -> bytes:
    """JPEG bytes; ``taken`` ("2024:05:01 10:00:00") becomes Exif DateTimeOriginal."""
    exif = Image.Exif()
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken
    out = io.BytesIO()
    face(**kwargs).save(out, "JPEG", quality=90, exif=exif)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.fixture
def pair(database, manager):
    """A patient with photo-record consent (no marketing consent yet) and a front pair."""
    staff = {
        role: create_staff(
            database, manager, NewStaff(name, name.title(), role, "correct horse battery")
        )
        for role, name in ((Role.DOCTOR, "drwang"), (Role.RECEPTIONIST, "front"))
    }
    patient = register_patient(
        database,
        manager,
        PatientDraft("李小美", mobile="13900001111", consents={ConsentKind.PHOTOS_RECORD: True}),
    )
    doctor = staff[Role.DOCTOR]
    before = photos.import_file(
        database,
        doctor,
        patient.id,
        "before.jpg",
        face_jpeg(taken="2024:05:01 10:00:00"),
        photos.PhotoTags(stage=PhotoStage.BEFORE, angle=PhotoAngle.FRONT),
    )
    after = photos.import_file(
        database,
        doctor,
        patient.id,
        "after.jpg",
        face_jpeg(after=True, taken="2024:05:31 10:00:00"),
        photos.PhotoTags(stage=PhotoStage.FOLLOW_UP, follow_up_day=30, angle=PhotoAngle.FRONT),
    )
    return database, manager, staff, patient, before, after


def decoded(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def changed(a: Image.Image, b: Image.Image, box: tuple[int, int, int, int]) -> float:
    """The share of pixels inside ``box`` that differ visibly (more than JPEG's noise)."""
    diff = ImageChops.difference(a.crop(box), b.crop(box)).convert("L")
    return (
        sum(diff.point(lambda v: 255 if v > 24 else 0).histogram()[255:]) / diff.width / diff.height
    )


def exports(database) -> list[dict]:
    with unit_of_work(database, write=False) as session:
        rows = session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "export_photos"))
        return [{"entity": r.entity_id, **json.loads(r.summary)} for r in rows]


def stored(database, actor, photo_id) -> Image.Image:
    return decoded(photos.image(database, actor, photo_id).data)


def test_without_marketing_consent_the_pair_is_watermarked_internal_and_unbranded(pair):
    database, _manager, staff, patient, before, after = pair
    doctor = staff[Role.DOCTOR]
    result = export_pair(database, doctor, before, after, LABELS)
    assert result.internal and result.rendition.media_type == "image/jpeg"
    exported = decoded(result.rendition.data)
    first, second = stored(database, doctor, before), stored(database, doctor, after)
    clean = compose(first, second, LABELS, clinic_name=CLINIC, internal=False)
    marked = compose(first, second, LABELS, clinic_name="", internal=True)
    assert exported.size == clean.size == marked.size
    photo_box = (0, 0, exported.width, first.height)
    assert changed(exported, clean, photo_box) > 0.03  # the watermark is over the photos
    assert changed(exported, marked, photo_box) < 0.003  # and is exactly that (JPEG aside)
    footer = (0, exported.height - 8, exported.width, exported.height - 2)
    assert changed(exported, clean, footer) > 0.9  # no dark band with the clinic's name
    assert ImageStat.Stat(exported.crop(footer)).mean[0] > 200  # the light "internal" band
    assert exports(database) == [
        {"entity": str(patient.id), "internal": True, "photos": [str(before), str(after)]}
    ]


def test_with_marketing_consent_the_clinic_name_strip_is_present(pair):
    database, manager, staff, patient, before, after = pair
    record_consent(database, manager, patient.id, ConsentKind.PHOTOS_MARKETING, True)
    doctor = staff[Role.DOCTOR]
    result = export_pair(database, doctor, before, after, LABELS)
    assert not result.internal
    exported = decoded(result.rendition.data)
    first, second = stored(database, doctor, before), stored(database, doctor, after)
    branded = compose(first, second, LABELS, clinic_name=CLINIC, internal=False)
    other = compose(first, second, LABELS, clinic_name="Somewhere Else", internal=False)
    band = (0, first.height + 8, exported.width, exported.height)  # captions and name strip
    assert changed(exported, branded, (0, 0, *exported.size)) < 0.01
    assert changed(exported, other, band) > 0.01  # the clinic's own name, from its settings
    footer = (0, exported.height - 8, exported.width, exported.height - 2)
    assert ImageStat.Stat(exported.crop(footer)).mean[0] < 80  # the dark name strip
    assert exports(database)[-1]["internal"] is False
    assert not Image.open(io.BytesIO(result.rendition.data)).getexif()  # no metadata leaves


def test_receptionists_are_refused_and_nothing_is_exported(pair):
    database, _manager, staff, _patient, before, after = pair
    with pytest.raises(PermissionDeniedError):
        export_pair(database, staff[Role.RECEPTIONIST], before, after, LABELS)
    assert exports(database) == []


def test_photos_of_two_patients_or_a_hidden_one_are_not_exported(pair):
    database, manager, staff, _patient, before, after = pair
    doctor = staff[Role.DOCTOR]
    other = register_patient(
        database,
        manager,
        PatientDraft("王五", mobile="13900002222", consents={ConsentKind.PHOTOS_RECORD: True}),
    )
    stranger = photos.import_file(
        database, doctor, other.id, "x.jpg", face_jpeg(seed=7), photos.PhotoTags()
    )
    with pytest.raises(ValidationError) as refused:
        export_pair(database, doctor, before, stranger, LABELS)
    assert refused.value.code == "different_patients"
    photos.hide(database, manager, after, 1, "wrong patient")
    with pytest.raises(ValidationError) as hidden:
        export_pair(database, doctor, before, after, LABELS)
    assert hidden.value.code == "photo_hidden"
    assert exports(database) == []


def test_composition_puts_both_at_one_height_within_the_width_limit():
    tall, wide = face(size=(600, 800)), face(size=(1600, 1200), after=True)
    image = compose(tall, wide, LABELS, clinic_name="", internal=False)
    assert image.width <= photo_export.MAX_WIDTH
    gap = max(8, min(800, 1200) // 80)
    height = min(800, 1200)
    assert image.width == gap + round(600 * height / 800) + gap + round(1600 * height / 1200) + gap
    long = PairLabels(("x" * 500, "z"), ("y",))  # a caption too long is cut, not overflowing
    assert compose(tall, wide, long, clinic_name="", internal=False).size == image.size


def test_the_bundled_font_draws_chinese_without_any_installed_font():
    assert photo_export.FONT_PATH.is_file()
    face_ = photo_export.font(32)
    masks = [bytes(face_.getmask(ch)) for ch in "内部资料"]
    assert all(any(mask) for mask in masks)
    assert len(set(masks)) == 4  # four different glyphs, not four "missing" boxes


def test_days_since_counts_calendar_days_in_local_time():
    treated = dt.datetime(2024, 5, 1, 2, 0, tzinfo=dt.UTC)
    local = treated.astimezone()
    assert days_since(local.replace(hour=23, minute=59), treated) == 0
    assert days_since(local + dt.timedelta(days=30), treated) == 30
    assert days_since(local - dt.timedelta(days=2), treated) == -2
    assert days_since(local, None) is None
