"""Managers look after staff accounts: list, disable/enable (never delete: the audit log
and every record keep naming the person), reset a password, set a person's roles.

Each change is audited and carries the version the manager saw, so two managers editing
the same person do not silently overwrite each other. The clinic always keeps an active
manager: nobody can disable themselves, or disable or demote the last active manager.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import Role, Staff, utcnow
from desktop_app.models.staff import StaffRole
from desktop_app.services import audit, passwords
from desktop_app.services.context import Actor, conflict_with, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.staff import Clock, put_roles, roles_by_person


@dataclass(frozen=True)
class StaffRow:
    id: uuid.UUID
    username: str
    display_name: str
    role: Role  # the main role
    roles: frozenset[Role]
    active: bool
    locked_until: datetime | None  # None unless locked now
    version: int


def list_staff(database: Database, actor: Actor, *, clock: Clock = utcnow) -> list[StaffRow]:
    """Everyone, active first, by name."""
    require(actor, Permission.MANAGE_STAFF, database)
    now = clock()
    with unit_of_work(database, write=False) as session:
        people = session.scalars(sa.select(Staff)).all()
        held = roles_by_person(session, (p.id for p in people))
        rows = [
            StaffRow(
                p.id,
                p.username,
                p.display_name,
                p.role,
                frozenset({p.role, *held.get(p.id, ())}),
                p.active,
                p.locked_until if p.locked_until and p.locked_until > now else None,
                p.version,
            )
            for p in people
        ]
    return sorted(rows, key=lambda r: (not r.active, r.display_name, r.username))


def set_active(
    database: Database, actor: Actor, staff_id: uuid.UUID, active: bool, expected_version: int
) -> StaffRow:
    """Disable (they can no longer sign in, here or offline after the next refresh) or
    enable an account."""
    require(actor, Permission.MANAGE_STAFF, database)
    with unit_of_work(database) as session:
        staff = _current(session, staff_id, expected_version)
        if not active and staff_id == actor.staff_id:
            raise ValidationError("active", "disable_self", "You cannot disable your own account.")
        if not active and staff.active and _is_manager(session, staff):
            _keep_a_manager(session, staff_id)
        if staff.active != active:
            staff.active = active
            _touch(staff, actor)
            audit.record(
                session, actor, "enable" if active else "disable", "staff", staff.id,
                username=staff.username,
            )  # fmt: skip
        return _row(session, staff)


def reset_password(
    database: Database, actor: Actor, staff_id: uuid.UUID, password: str, expected_version: int
) -> StaffRow:
    """A manager sets a new password (the person changes it with them present); the
    account's lock and count of wrong passwords are cleared."""
    require(actor, Permission.MANAGE_STAFF, database)
    passwords.check_policy(password)
    with unit_of_work(database) as session:
        staff = _current(session, staff_id, expected_version)
        staff.password_hash = passwords.hash_password(password)
        staff.failed_sign_ins = 0
        staff.locked_until = None
        _touch(staff, actor)
        audit.record(session, actor, "reset_password", "staff", staff.id, username=staff.username)
        return _row(session, staff)


def set_roles(
    database: Database,
    actor: Actor,
    staff_id: uuid.UUID,
    roles: Iterable[Role],
    main: Role,
    expected_version: int,
) -> StaffRow:
    """Give a person exactly ``roles`` (one or more), ``main`` among them."""
    require(actor, Permission.MANAGE_STAFF, database)
    wanted = frozenset(roles)
    if not wanted:
        raise ValidationError("roles", "roles_required", "Tick at least one role.")
    if main not in wanted:
        raise ValidationError(
            "role", "main_role_not_held", "The main role must be one of the roles ticked."
        )
    with unit_of_work(database) as session:
        staff = _current(session, staff_id, expected_version)
        before = _held(session, staff)
        if Role.MANAGER in before and Role.MANAGER not in wanted and staff.active:
            _keep_a_manager(session, staff_id, field="roles")
        staff.role = main
        put_roles(session, staff.id, wanted)
        _touch(staff, actor)
        audit.record(
            session, actor, "set_roles", "staff", staff.id,
            username=staff.username, role=main, roles=sorted(wanted), before=sorted(before),
        )  # fmt: skip
        return _row(session, staff)


def _current(session: Session, staff_id: uuid.UUID, expected_version: int) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise NotFoundError(f"No staff member {staff_id}.")
    if staff.version != expected_version:
        raise conflict_with(session, staff)
    return staff


def _held(session: Session, staff: Staff) -> frozenset[Role]:
    return frozenset({staff.role, *roles_by_person(session, [staff.id]).get(staff.id, ())})


def _is_manager(session: Session, staff: Staff) -> bool:
    return Role.MANAGER in _held(session, staff)


def _keep_a_manager(session: Session, leaving: uuid.UUID, field: str = "active") -> None:
    """Refuse unless another active manager remains. Their rows are locked (PostgreSQL)
    so two managers disabling each other at the same moment cannot both succeed."""
    holds_manager = sa.or_(
        Staff.role == Role.MANAGER,
        sa.exists().where(StaffRole.staff_id == Staff.id, StaffRole.role == Role.MANAGER),
    )
    others = session.scalars(
        sa.select(Staff.id)
        .where(Staff.active, holds_manager, Staff.id != leaving)
        .with_for_update()
    ).all()
    if not others:
        raise ValidationError(
            field, "last_manager", "The clinic needs at least one active manager."
        )


def _touch(staff: Staff, actor: Actor) -> None:
    """Always a real change of the row, so its version moves (stale views get a conflict)."""
    staff.updated_by_id = actor.staff_id
    staff.updated_at = utcnow()


def _row(session: Session, staff: Staff) -> StaffRow:
    session.flush()
    return StaffRow(
        staff.id,
        staff.username,
        staff.display_name,
        staff.role,
        _held(session, staff),
        staff.active,
        staff.locked_until,
        staff.version,
    )
