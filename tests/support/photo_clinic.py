"""A clinic with a patient and staff for the photo UI tests, and photos made quickly."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import dataclass

from PIL import Image, ImageDraw

from desktop_app.db import Database
from desktop_app.models import BlobKind, Photo, PhotoAngle, PhotoBlob, PhotoStage, Role
from desktop_app.services import clinic_key, crypto
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.services.staff import NewStaff, create_staff

PASSWORD = "correct horse battery"


@dataclass
class Clinic:
    database: Database
    people: dict[object, Actor]
    patient_id: uuid.UUID


def make_clinic(database: Database) -> Clinic:
    manager = complete_first_run(database, FirstRun("诊所", "boss", "王店长", PASSWORD))
    people: dict[object, Actor] = {
        role: create_staff(database, manager, NewStaff(name, display, role, PASSWORD))
        for role, name, display in (
            (Role.DOCTOR, "drwang", "王医生"),
            (Role.NURSE, "nurse", "小护士"),
            (Role.RECEPTIONIST, "front", "前台"),
        )
    }
    people["manager"] = manager
    patient = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    return Clinic(database, people, patient.id)


def face(seed: int, size: tuple[int, int] = (96, 72)) -> bytes:
    """A small JPEG of an oval face, different for every seed."""
    width, height = size
    image = Image.new("RGB", size, (200 - seed % 40, 205, 210))
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.3, height * 0.1, width * 0.7, height * 0.9), fill=(230, 180, 150))
    draw.point((seed % width, 0), fill=(seed % 256, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def add_photos(clinic: Clinic, count: int, *, start: dt.datetime | None = None) -> list[uuid.UUID]:
    """``count`` photo rows with thumbnails written directly (importing 500 files through
    Pillow would make the test slow and tests nothing the gallery does). Stages and angles
    cycle; one a day, newest last."""
    start = start or dt.datetime(2025, 1, 1, 9, tzinfo=dt.UTC)
    stages = list(PhotoStage)
    angles = list(PhotoAngle)
    thumb = face(1)
    key = clinic_key.data_key(clinic.database)  # sealed as the store seals them
    ids: list[uuid.UUID] = []
    with unit_of_work(clinic.database) as session:
        for number in range(count):
            stage = stages[number % len(stages)]
            photo = Photo(
                id=uuid.uuid4(),
                patient_id=clinic.patient_id,
                stage=stage,
                follow_up_day=7 if stage is PhotoStage.FOLLOW_UP else None,
                angle=angles[number % len(angles)],
                area=("lips", "cheeks", "")[number % 3],
                taken_at=start + dt.timedelta(days=number),
                camera="Test Cam",
                source_name=f"IMG_{number:04}.jpg",
                content_hash=f"{number:064x}",
                width=96,
                height=72,
                imported_by_id=clinic.people["manager"].staff_id,
            )
            session.add(photo)
            ids.append(photo.id)
        session.flush()
        session.add_all(
            PhotoBlob(
                photo_id=i,
                kind=kind,
                media_type="image/jpeg",
                data=crypto.seal(key, thumb, f"{i}:{kind.value}".encode()),
            )
            for i in ids
            for kind in (BlobKind.THUMB, BlobKind.DISPLAY)
        )
    return ids
