"""Patient tags: the clinic's grouped tags and free ones typed at the desk."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import PatientTag, Tag, TagGroup, TagKind
from desktop_app.services import identity
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require

MAX_TAG = 40


@dataclass(frozen=True)
class TagGroupChoice:
    name: str
    kind: TagKind
    tags: tuple[str, ...]


def normalise(names: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, folded, de-duplicated in typed order; a too-long tag is a field error."""
    seen: dict[str, None] = {}
    for raw in names:
        name = " ".join(identity.fold(raw).split())
        if len(name) > MAX_TAG:
            raise ValidationError(
                "tags", "too_long", f"A tag has at most {MAX_TAG} characters.", max=MAX_TAG
            )
        if name:
            seen.setdefault(name)
    return tuple(seen)


def tag_groups(database: Database, actor: Actor) -> list[TagGroupChoice]:
    """The clinic's groups with their active tags, in the clinic's order."""
    require(actor, Permission.VIEW_PATIENT)
    with unit_of_work(database, write=False) as session:
        groups = session.scalars(sa.select(TagGroup).order_by(TagGroup.sort_order, TagGroup.name))
        rows = session.execute(
            sa.select(Tag.group_id, Tag.name)
            .where(Tag.active, Tag.group_id.is_not(None))
            .order_by(Tag.name)
        ).all()
        return [
            TagGroupChoice(g.name, g.kind, tuple(name for gid, name in rows if gid == g.id))
            for g in groups
        ]


def add_tags(session: Session, actor: Actor, patient_id: uuid.UUID, names: tuple[str, ...]) -> None:
    """Tag a patient inside the caller's transaction; unknown names become free tags."""
    if not names:
        return
    known = dict(session.execute(sa.select(Tag.name, Tag.id).where(Tag.name.in_(names))).all())
    have = set(
        session.scalars(sa.select(PatientTag.tag_id).where(PatientTag.patient_id == patient_id))
    )
    for name in names:
        tag_id = known.get(name)
        if tag_id is None:
            tag = Tag(name=name, group_id=None, active=True)
            session.add(tag)
            session.flush()
            tag_id = tag.id
        if tag_id not in have:
            session.add(
                PatientTag(patient_id=patient_id, tag_id=tag_id, added_by_id=actor.staff_id)
            )
            have.add(tag_id)


def patient_tags(database: Database, actor: Actor, patient_id: uuid.UUID) -> list[str]:
    require(actor, Permission.VIEW_PATIENT)
    with unit_of_work(database, write=False) as session:
        return list(
            session.scalars(
                sa.select(Tag.name)
                .join(PatientTag, PatientTag.tag_id == Tag.id)
                .where(PatientTag.patient_id == patient_id)
                .order_by(PatientTag.added_at, Tag.name)
            )
        )
