"""The pick lists forms offer: source channels and staff by role."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Role, SourceChannel, Staff
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.permissions import Permission, require


@dataclass(frozen=True)
class StaffChoice:
    id: uuid.UUID
    display_name: str
    role: Role


def source_channels(database: Database, actor: Actor) -> list[str]:
    """Active channels in the clinic's order."""
    require(actor, Permission.VIEW_PATIENT)
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
    require(actor, Permission.VIEW_PATIENT)
    with unit_of_work(database, write=False) as session:
        rows = session.execute(
            sa.select(Staff.id, Staff.display_name, Staff.role)
            .where(Staff.active, Staff.role.in_(list(roles)))
            .order_by(Staff.display_name)
        )
        return [StaffChoice(*row) for row in rows]
