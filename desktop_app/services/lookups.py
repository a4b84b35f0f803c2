"""The pick lists forms offer (source channels, staff by role) and editing the clinic's own."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Role, SourceChannel, Staff
from desktop_app.services import audit, identity
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require


@dataclass(frozen=True)
class StaffChoice:
    id: uuid.UUID
    display_name: str
    role: Role


def source_channels(database: Database, actor: Actor) -> list[str]:
    """Active channels in the clinic's order."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        return list(
            session.scalars(
                sa.select(SourceChannel.name)
                .where(SourceChannel.active)
                .order_by(SourceChannel.sort_order, SourceChannel.name)
            )
        )


def staff_choices(database: Database, actor: Actor, roles: Iterable[Role]) -> list[StaffChoice]:
    """Active staff with one of ``roles``, by name: who can be assigned a patient."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        rows = session.execute(
            sa.select(Staff.id, Staff.display_name, Staff.role)
            .where(Staff.active, Staff.role.in_(list(roles)))
            .order_by(Staff.display_name)
        )
        return [StaffChoice(*row) for row in rows]


@dataclass(frozen=True)
class ListEntry:
    """One name on a clinic-edited list; inactive ones stay for old records, not offered."""

    name: str
    active: bool


def list_name(field: str, text: str, max_length: int = 40) -> str:
    """A list entry as typed: folded, inner spaces collapsed, required, not too long."""
    name = " ".join(identity.fold(text).split())
    if not name:
        raise ValidationError(field, "required", "Enter a name.")
    if len(name) > max_length:
        raise ValidationError(field, "too_long", "This name is too long.", max=max_length)
    return name


def channel_entries(database: Database, actor: Actor) -> list[ListEntry]:
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        rows = session.execute(
            sa.select(SourceChannel.name, SourceChannel.active).order_by(
                SourceChannel.sort_order, SourceChannel.name
            )
        )
        return [ListEntry(name, active) for name, active in rows]


def add_channel(database: Database, actor: Actor, text: str) -> str:
    """Add a source channel at the end of the list (or bring a retired one back)."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    name = list_name("channel", text)
    with unit_of_work(database) as session:
        existing = session.scalar(sa.select(SourceChannel).where(SourceChannel.name == name))
        if existing is not None and existing.active:
            raise ValidationError("channel", "exists", f"{name} is already on the list.")
        if existing is not None:
            existing.active, existing.updated_by_id = True, actor.staff_id
        else:
            last = session.scalar(sa.select(sa.func.max(SourceChannel.sort_order))) or 0
            session.add(
                SourceChannel(
                    name=name, sort_order=last + 1, active=True, updated_by_id=actor.staff_id
                )
            )
        audit.record(session, actor, "create", "source_channel", name)
        return name


def set_channel_active(database: Database, actor: Actor, name: str, active: bool) -> None:
    """Retire a channel (patients keep it) or offer it again."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    with unit_of_work(database) as session:
        channel = session.scalar(sa.select(SourceChannel).where(SourceChannel.name == name))
        if channel is None:
            raise NotFoundError(f"No source channel {name!r}.")
        if channel.active != active:
            channel.active, channel.updated_by_id = active, actor.staff_id
            audit.record(session, actor, "change", "source_channel", name, active=active)
