"""Clinical photos (照片): a patient's gallery, tags, before/after pairs, hiding one in error.

Every call checks the role (``VIEW_PHOTOS`` to look, ``ADD_PHOTOS`` to import, tag or
hide; never receptionists). Opening the gallery, opening one photo large (``image``),
importing, retagging and hiding are audited; thumbnails, fetched as the gallery scrolls,
are covered by the gallery's audit row. Image bytes come only through the ``PhotoStore``;
no query here reads them. Importing (``photo_import``) and tagging and hiding
(``photo_tags``) live in modules of their own and are used from here:
``photos.import_file``, ``photos.retag`` ….
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from desktop_app.db import Database
from desktop_app.models import (
    BlobKind,
    ConsentKind,
    Patient,
    Photo,
    PhotoAngle,
    PhotoStage,
    Treatment,
    TreatmentItem,
)
from desktop_app.services import audit
from desktop_app.services.consents import latest_consents
from desktop_app.services.context import Actor, reading, unit_of_work
from desktop_app.services.errors import NotFoundError, ServiceError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.photo_files import Rendition
from desktop_app.services.photo_store import store_for
from desktop_app.services.photo_tags import (
    MAX_AREA,
    MAX_FOLLOW_UP_DAY,
    MAX_REASON,
    checked_tags,
    hide,
    retag,
)

PAIRED_AFTER = (PhotoStage.AFTER, PhotoStage.FOLLOW_UP)


@dataclass(frozen=True)
class PhotoTags:
    """What the person importing says about a set of photos taken together."""

    stage: PhotoStage = PhotoStage.OTHER
    follow_up_day: int | None = None  # required (1..3650) when stage is FOLLOW_UP
    angle: PhotoAngle | None = None
    area: str = ""  # free text, <= 60 characters (consultations.AREAS words where they fit)
    notes: str = ""
    visit_id: uuid.UUID | None = None
    treatment_id: uuid.UUID | None = None  # must be this patient's


@dataclass(frozen=True)
class TagChanges:
    """Bulk tagging: None leaves a field as it is."""

    stage: PhotoStage | None = None
    follow_up_day: int | None = None
    angle: PhotoAngle | None = None
    area: str | None = None
    notes: str | None = None
    visit_id: uuid.UUID | None = None
    treatment_id: uuid.UUID | None = None


@dataclass(frozen=True)
class PhotoSummary:
    """One gallery cell; never any image bytes."""

    id: uuid.UUID
    version: int
    patient_id: uuid.UUID
    stage: PhotoStage
    follow_up_day: int | None
    angle: PhotoAngle | None
    area: str
    notes: str
    taken_at: datetime
    camera: str
    source_name: str
    width: int
    height: int
    visit_id: uuid.UUID | None
    treatment_id: uuid.UUID | None
    treatment_item: str | None  # the linked treatment's catalogue item name
    treated_at: datetime | None  # the linked treatment's start (days since treatment)
    hidden: bool


@dataclass(frozen=True)
class PhotoConsent:
    record: bool  # "photos for the medical record" granted (latest decision)
    marketing: bool  # "photos for marketing" granted


@dataclass(frozen=True)
class Refused:
    file_name: str
    code: str  # a PhotoFileError code
    message: str


@dataclass(frozen=True)
class Duplicate:
    file_name: str
    existing_id: uuid.UUID


@dataclass
class ImportReport:
    imported: list[uuid.UUID] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    cancelled: bool = False


class PhotoConsentRequiredError(ServiceError):
    """No "photos for the medical record" consent, and the user did not confirm."""

    def __init__(self, patient_id: uuid.UUID) -> None:
        super().__init__(
            "This patient has not consented to photos for the medical record. "
            "Record their consent, or confirm that these photos are to be kept anyway."
        )
        self.patient_id = patient_id


class DuplicatePhotoError(ServiceError):
    """The same file is already among this patient's photos."""

    def __init__(self, file_name: str, existing_id: uuid.UUID) -> None:
        super().__init__(f"{file_name} is already among this patient's photos.")
        self.file_name = file_name
        self.existing_id = existing_id


def photo_consent(database: Database, actor: Actor, patient_id: uuid.UUID) -> PhotoConsent:
    require(actor, Permission.VIEW_PHOTOS, database)
    with reading(database) as connection:
        return consent_of(connection, patient_id)


def consent_of(connection: Connection, patient_id: uuid.UUID) -> PhotoConsent:
    """The patient's latest photo decisions (NotFoundError if there is no such patient)."""
    if connection.scalar(sa.select(Patient.id).where(Patient.id == patient_id)) is None:
        raise NotFoundError(f"No patient with id {patient_id}.")
    decisions = latest_consents(connection, patient_id)

    def granted(kind: ConsentKind) -> bool:
        return kind in decisions and decisions[kind].granted

    return PhotoConsent(granted(ConsentKind.PHOTOS_RECORD), granted(ConsentKind.PHOTOS_MARKETING))


def gallery(
    database: Database,
    actor: Actor,
    patient_id: uuid.UUID,
    *,
    stage: PhotoStage | None = None,
    angle: PhotoAngle | None = None,
    area: str | None = None,
    include_hidden: bool = False,
) -> list[PhotoSummary]:
    """The patient's photos, newest first. Opening it is audited (who looked at whose faces)."""
    require(actor, Permission.VIEW_PHOTOS, database)
    area = (area or "").strip() or None
    params = {"patient_id": patient_id, "stage": stage, "angle": angle, "area": area}
    query = _gallery(stage is not None, angle is not None, area is not None, include_hidden)
    with unit_of_work(database) as session:
        # Core on the session's connection: plain rows, none of the ORM's loading.
        rows = session.connection().execute(query, params).all()
        audit.record(
            session,
            actor,
            "view_photos",
            "patient",
            patient_id,
            shown=len(rows),
            stage=stage,
            angle=angle,
            area=area,
        )
    return [_summary(row, patient_id) for row in rows]


@functools.cache
def _gallery(stage: bool, angle: bool, area: bool, include_hidden: bool) -> sa.Select:
    """Built once per filter shape: building it cost as much as running it on 500 photos."""
    query = _summaries().where(Photo.patient_id == sa.bindparam("patient_id"))
    if stage:
        query = query.where(Photo.stage == sa.bindparam("stage"))
    if angle:
        query = query.where(Photo.angle == sa.bindparam("angle"))
    if area:
        query = query.where(Photo.area == sa.bindparam("area"))
    if not include_hidden:
        query = query.where(Photo.hidden_at.is_(None))
    return query.order_by(Photo.taken_at.desc(), Photo.id.desc())


def thumbnails(
    database: Database, actor: Actor, photo_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, bytes]:
    """JPEG thumbnails (long side <= 256) of these photos, in one statement."""
    require(actor, Permission.VIEW_PHOTOS, database)
    if not photo_ids:
        return {}
    with reading(database) as connection:
        return store_for(database).thumbnails(connection, photo_ids)


def image(
    database: Database, actor: Actor, photo_id: uuid.UUID, kind: BlobKind = BlobKind.DISPLAY
) -> Rendition:
    """One photo opened large (viewer, comparison, the baseline's ghost): each call is one
    photo shown to someone, so each is audited ("view", "photo"), with its patient."""
    require(actor, Permission.VIEW_PHOTOS, database)
    with reading(database) as connection:
        found = store_for(database).get(connection, photo_id, BlobKind(kind))
        patient_id = None if found is None else connection.scalar(_patient_of(), {"id": photo_id})
        if found is None or patient_id is None:
            raise NotFoundError(f"No {BlobKind(kind).value} image of photo {photo_id}.")
        audit.record_opening(
            connection, actor, "photo", photo_id, patient=patient_id, kind=BlobKind(kind)
        )
    return found


@functools.cache
def _patient_of() -> sa.Select:
    return sa.select(Photo.patient_id).where(Photo.id == sa.bindparam("id"))


def baseline(
    database: Database, actor: Actor, patient_id: uuid.UUID, angle: PhotoAngle
) -> PhotoSummary | None:
    """The first BEFORE photo of this angle: the one a follow-up is lined up against."""
    require(actor, Permission.VIEW_PHOTOS, database)
    query = (
        _summaries()
        .where(
            Photo.patient_id == patient_id,
            Photo.stage == PhotoStage.BEFORE,
            Photo.angle == PhotoAngle(angle),
            Photo.hidden_at.is_(None),
        )
        .order_by(Photo.taken_at, Photo.id)
        .limit(1)
    )
    with reading(database) as connection:
        row = connection.execute(query).first()
    return None if row is None else _summary(row, patient_id)


def auto_pair(
    database: Database, actor: Actor, patient_id: uuid.UUID, angle: PhotoAngle | None = None
) -> tuple[PhotoSummary, PhotoSummary] | None:
    """The first BEFORE and the latest AFTER or FOLLOW_UP of one angle. With no angle given:
    FRONT if it pairs, else the first angle (in ``PhotoAngle`` order) that does."""
    require(actor, Permission.VIEW_PHOTOS, database)
    query = _summaries().where(
        Photo.patient_id == patient_id,
        Photo.stage.in_((PhotoStage.BEFORE, *PAIRED_AFTER)),
        Photo.hidden_at.is_(None),
    )
    query = query.where(
        Photo.angle.is_not(None) if angle is None else Photo.angle == PhotoAngle(angle)
    )
    with reading(database) as connection:
        photos = [
            _summary(row, patient_id) for row in connection.execute(query.order_by(Photo.taken_at))
        ]
    firsts: dict[PhotoAngle, PhotoSummary] = {}
    lasts: dict[PhotoAngle, PhotoSummary] = {}
    for photo in photos:  # oldest first
        assert photo.angle is not None
        if photo.stage is PhotoStage.BEFORE:
            firsts.setdefault(photo.angle, photo)
        else:
            lasts[photo.angle] = photo
    for candidate in PhotoAngle:
        if candidate in firsts and candidate in lasts:
            return firsts[candidate], lasts[candidate]
    return None


def _summaries() -> sa.Select:
    return (
        sa.select(
            Photo.id,
            Photo.version,
            Photo.stage,
            Photo.follow_up_day,
            Photo.angle,
            Photo.area,
            Photo.notes,
            Photo.taken_at,
            Photo.camera,
            Photo.source_name,
            Photo.width,
            Photo.height,
            Photo.visit_id,
            Photo.treatment_id,
            TreatmentItem.name,
            Treatment.started_at,
            Photo.hidden_at.is_not(None).label("hidden"),
        )
        .select_from(Photo)
        .outerjoin(Treatment, Treatment.id == Photo.treatment_id)
        .outerjoin(TreatmentItem, TreatmentItem.id == Treatment.item_id)
    )


def _summary(row: Row, patient_id: uuid.UUID) -> PhotoSummary:
    """One row of ``_summaries()``; the patient is the one asked about (not read back)."""
    photo_id, version, *fields, hidden = row
    return PhotoSummary(photo_id, version, patient_id, *fields, hidden=bool(hidden))


# Importing lives in photo_import, which uses the types above: imported at the end.
from desktop_app.services.photo_import import import_file, import_files  # noqa: E402

__all__ = [
    "MAX_AREA",
    "MAX_FOLLOW_UP_DAY",
    "MAX_REASON",
    "Duplicate",
    "DuplicatePhotoError",
    "ImportReport",
    "PhotoConsent",
    "PhotoConsentRequiredError",
    "PhotoSummary",
    "PhotoTags",
    "Refused",
    "TagChanges",
    "auto_pair",
    "baseline",
    "checked_tags",
    "consent_of",
    "gallery",
    "hide",
    "image",
    "import_file",
    "import_files",
    "photo_consent",
    "retag",
    "thumbnails",
]
