"""Staff accounts: creating them and signing in."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Role, Staff
from desktop_app.services import audit, passwords
from desktop_app.services.context import Actor, this_workstation, unit_of_work
from desktop_app.services.errors import AuthenticationError, ValidationError
from desktop_app.services.permissions import Permission, require


@dataclass(frozen=True)
class NewStaff:
    username: str
    display_name: str
    role: Role
    password: str


def validate(new: NewStaff) -> NewStaff:
    """Normalise and check an account; raises ValidationError naming the field."""
    username = new.username.strip().lower()
    display_name = new.display_name.strip()
    if not username:
        raise ValidationError("username", "required", "Enter a user name.")
    if len(username) > 64 or any(ch.isspace() for ch in username):
        raise ValidationError(
            "username", "username_format", "A user name is one word of at most 64 characters."
        )
    if not display_name:
        raise ValidationError(
            "display_name", "required", "Enter the name colleagues know this person by."
        )
    if len(display_name) > 100:
        raise ValidationError("display_name", "too_long", "At most 100 characters.", max=100)
    passwords.check_policy(new.password)
    return NewStaff(username, display_name, new.role, new.password)


def add_staff(session: sa.orm.Session, actor: Actor | None, new: NewStaff) -> Staff:
    """Insert an already validated account inside the caller's transaction."""
    taken = session.scalar(sa.select(Staff.id).where(Staff.username == new.username))
    if taken is not None:
        raise ValidationError(
            "username", "username_taken", f"The user name {new.username!r} is already taken."
        )
    staff = Staff(
        username=new.username,
        display_name=new.display_name,
        role=new.role,
        password_hash=passwords.hash_password(new.password),
        active=True,
        updated_by_id=actor.staff_id if actor else None,
    )
    session.add(staff)
    session.flush()
    audit.record(
        session, actor, "create", "staff", staff.id, username=staff.username, role=staff.role
    )
    return staff


def create_staff(database: Database, actor: Actor, new: NewStaff) -> Actor:
    require(actor, Permission.MANAGE_STAFF, database)
    new = validate(new)
    with unit_of_work(database) as session:
        return Actor.of(add_staff(session, actor, new))


def sign_in(database: Database, username: str, password: str) -> Actor:
    """Check the password; every attempt, good or bad, is audited."""
    username = username.strip().lower()
    with unit_of_work(database) as session:
        staff = session.scalar(sa.select(Staff).where(Staff.username == username))
        ok = passwords.verify(staff.password_hash if staff else passwords.dummy_hash(), password)
        if ok and staff is not None and staff.active:
            actor = Actor(
                staff.id, staff.username, staff.display_name, staff.role, this_workstation()
            )
            if passwords.needs_rehash(staff.password_hash):
                staff.password_hash = passwords.hash_password(password)
            audit.record(session, actor, "sign_in", "staff", staff.id)
            return actor
        audit.record(
            session,
            None,
            "sign_in_failed",
            "staff",
            staff.id if staff else None,
            username=username,
        )
    raise AuthenticationError


def sign_out(database: Database, actor: Actor) -> None:
    with unit_of_work(database) as session:
        audit.record(session, actor, "sign_out", "staff", actor.staff_id)
