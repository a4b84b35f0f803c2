"""Changing what photos say: bulk retagging and hiding one in error, and the checks on
tags that importing shares. Use them as ``photos.retag`` / ``photos.hide``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import Photo, PhotoAngle, PhotoStage, Treatment, Visit, utcnow
from desktop_app.services import audit
from desktop_app.services.consultations import MAX_TEXT
from desktop_app.services.context import Actor, conflict_with, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require

if TYPE_CHECKING:
    from desktop_app.services.photos import PhotoTags, TagChanges

MAX_AREA = 60
MAX_REASON = 200
MAX_FOLLOW_UP_DAY = 3650


def retag(
    database: Database, actor: Actor, versions: Mapping[uuid.UUID, int], changes: TagChanges
) -> None:
    """Apply ``changes`` to every photo in ``versions`` (id → version seen), all or none:
    a photo changed meanwhile on another station → ConflictError, nothing written."""
    require(actor, Permission.ADD_PHOTOS, database)
    if changes.stage is not None or changes.follow_up_day is not None:
        _follow_up_day(changes.stage or PhotoStage.FOLLOW_UP, changes.follow_up_day, strict=False)
    area = None if changes.area is None else checked_text("area", changes.area, MAX_AREA)
    notes = None if changes.notes is None else checked_text("notes", changes.notes, MAX_TEXT)
    if not versions:
        return
    with unit_of_work(database) as session:
        photos = {
            p.id: p for p in session.scalars(sa.select(Photo).where(Photo.id.in_(list(versions))))
        }
        for photo_id, expected in versions.items():
            photo = photos.get(photo_id)
            if photo is None:
                raise NotFoundError(f"No photo {photo_id}.")
            if photo.version != expected:
                raise conflict_with(session, photo)
        for photo in photos.values():
            check_links(session, photo.patient_id, changes.visit_id, changes.treatment_id)
            if changes.stage is not None:
                photo.stage = PhotoStage(changes.stage)
            if changes.follow_up_day is not None:
                photo.follow_up_day = changes.follow_up_day
            photo.follow_up_day = _follow_up_day(photo.stage, photo.follow_up_day, strict=True)
            if changes.angle is not None:
                photo.angle = PhotoAngle(changes.angle)
            if area is not None:
                photo.area = area
            if notes is not None:
                photo.notes = notes
            if changes.visit_id is not None:
                photo.visit_id = changes.visit_id
            if changes.treatment_id is not None:
                photo.treatment_id = changes.treatment_id
            photo.updated_by_id = actor.staff_id
        audit.record(
            session,
            actor,
            "retag_photos",
            "photo",
            None,
            photos=sorted(str(i) for i in versions),
            changes={k: v for k, v in vars(changes).items() if v is not None},
        )


def hide(
    database: Database, actor: Actor, photo_id: uuid.UUID, expected_version: int, reason: str
) -> None:
    """Take a photo out of the gallery (never deleted: clinical records are kept)."""
    require(actor, Permission.ADD_PHOTOS, database)
    reason = checked_text("reason", reason, MAX_REASON)
    if not reason:
        raise ValidationError("reason", "required", "Say why this photo is hidden.")
    with unit_of_work(database) as session:
        photo = session.get(Photo, photo_id)
        if photo is None:
            raise NotFoundError(f"No photo {photo_id}.")
        if photo.version != expected_version:
            raise conflict_with(session, photo)
        photo.hidden_at = photo.hidden_at or utcnow()
        photo.hidden_reason = reason
        photo.updated_by_id = actor.staff_id
        audit.record(
            session, actor, "hide_photo", "photo", photo.id, patient=photo.patient_id, reason=reason
        )


def checked_tags(tags: PhotoTags) -> dict[str, object]:
    """The tags as column values, or a ValidationError naming the field."""
    stage = PhotoStage(tags.stage)
    return {
        "stage": stage,
        "follow_up_day": _follow_up_day(stage, tags.follow_up_day, strict=True),
        "angle": None if tags.angle is None else PhotoAngle(tags.angle),
        "area": checked_text("area", tags.area, MAX_AREA),
        "notes": checked_text("notes", tags.notes, MAX_TEXT),
        "visit_id": tags.visit_id,
        "treatment_id": tags.treatment_id,
    }


def check_links(
    session: Session,
    patient_id: uuid.UUID,
    visit_id: uuid.UUID | None,
    treatment_id: uuid.UUID | None,
) -> None:
    """A photo links only to its own patient's visit and treatment."""
    if visit_id is not None:
        visit = session.get(Visit, visit_id)
        if visit is None or visit.patient_id != patient_id:
            raise ValidationError("visit_id", "invalid", "That visit is not this patient's.")
    if treatment_id is not None:
        treatment = session.get(Treatment, treatment_id)
        if treatment is None or treatment.patient_id != patient_id:
            raise ValidationError(
                "treatment_id", "invalid", "That treatment is not this patient's."
            )


def checked_text(name: str, value: str, limit: int) -> str:
    value = value.strip()
    if len(value) > limit:
        raise ValidationError(name, "too_long", "This text is too long.", max=limit)
    return value


def _follow_up_day(stage: PhotoStage, day: int | None, *, strict: bool) -> int | None:
    """FOLLOW_UP needs its day (1..3650); other stages have none. ``strict=False`` only
    checks the range of a day given (bulk changes whose stage comes from each photo)."""
    if stage is not PhotoStage.FOLLOW_UP:
        return None
    if day is None:
        if not strict:
            return None
        raise ValidationError(
            "follow_up_day", "required", "Give the day after the treatment for a follow-up."
        )
    if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= MAX_FOLLOW_UP_DAY:
        raise ValidationError(
            "follow_up_day",
            "out_of_range",
            f"The follow-up day is a number from 1 to {MAX_FOLLOW_UP_DAY}.",
            min=1,
            max=MAX_FOLLOW_UP_DAY,
        )
    return day
