"""Patient tags: the clinic's grouped tags and free ones typed at the desk."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import PatientTag, Tag, TagGroup, TagKind
from desktop_app.services import audit, identity
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.lookups import ListEntry, list_name
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
    require(actor, Permission.VIEW_PATIENT, database)
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


def tag_names(database: Database, actor: Actor) -> list[str]:
    """Every tag a patient may carry, grouped or typed at the desk, retired ones too (patients
    keep them): what a saved segment's tag conditions can name."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        return list(session.scalars(sa.select(Tag.name).order_by(Tag.name)))


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
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        return list(
            session.scalars(
                sa.select(Tag.name)
                .join(PatientTag, PatientTag.tag_id == Tag.id)
                .where(PatientTag.patient_id == patient_id)
                .order_by(PatientTag.added_at, Tag.name)
            )
        )


def group_entries(database: Database, actor: Actor, group: str) -> list[ListEntry]:
    """Every tag of one group, retired ones included (for the Settings editor)."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        rows = session.execute(
            sa.select(Tag.name, Tag.active)
            .join(TagGroup, TagGroup.id == Tag.group_id)
            .where(TagGroup.name == group)
            .order_by(Tag.name)
        )
        return [ListEntry(name, active) for name, active in rows]


def add_group_tag(database: Database, actor: Actor, group: str, text: str) -> str:
    """Put a tag in a group; a free tag of that name already on patients joins the group."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    name = list_name("tag", text, MAX_TAG)
    with unit_of_work(database) as session:
        group_id = session.scalar(sa.select(TagGroup.id).where(TagGroup.name == group))
        if group_id is None:
            raise NotFoundError(f"No tag group {group!r}.")
        tag = session.scalar(sa.select(Tag).where(Tag.name == name))
        if tag is not None and tag.group_id not in (None, group_id):
            raise ValidationError("tag", "exists", f"{name} is already in another group.")
        if tag is not None and tag.group_id == group_id and tag.active:
            raise ValidationError("tag", "exists", f"{name} is already on the list.")
        if tag is None:
            session.add(Tag(name=name, group_id=group_id, active=True))
        else:
            tag.group_id, tag.active = group_id, True
        audit.record(session, actor, "create", "tag", name, group=group)
        return name


def set_tag_active(database: Database, actor: Actor, name: str, active: bool) -> None:
    """Retire a group tag (patients keep it) or offer it again."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    with unit_of_work(database) as session:
        tag = session.scalar(sa.select(Tag).where(Tag.name == name))
        if tag is None:
            raise NotFoundError(f"No tag {name!r}.")
        if tag.active != active:
            tag.active = active
            audit.record(session, actor, "change", "tag", name, active=active)
