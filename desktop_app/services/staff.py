"""Staff accounts: creating them, their roles, and signing in (with lockout).

Five wrong passwords in a row lock an account for five minutes; while locked every
sign-in is refused, the right password included, and says until when. The count is
kept with one atomic UPDATE per failure, so stations failing at the same moment on
PostgreSQL all count. The password is always checked (against a dummy hash for unknown
names), so the time taken tells nothing; only an existing account can lock, so the
lock message itself tells that a name exists, after five wrong tries on it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Role, Staff, utcnow
from desktop_app.models.staff import StaffRole
from desktop_app.services import audit, passwords
from desktop_app.services.context import Actor, this_workstation, unit_of_work
from desktop_app.services.errors import AccountLockedError, AuthenticationError, ValidationError
from desktop_app.services.permissions import Permission, require

MAX_FAILED_SIGN_INS = 5
LOCK_TIME = timedelta(minutes=5)

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class NewStaff:
    username: str
    display_name: str
    role: Role  # the main role
    password: str
    roles: frozenset[Role] = field(default_factory=frozenset)  # more roles held, if any


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
    roles = frozenset({new.role, *new.roles})
    return NewStaff(username, display_name, new.role, new.password, roles)


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
    roles = frozenset({new.role, *new.roles})
    put_roles(session, staff.id, roles)
    audit.record(
        session,
        actor,
        "create",
        "staff",
        staff.id,
        username=staff.username,
        role=staff.role,
        roles=sorted(roles),
    )
    return staff


def create_staff(database: Database, actor: Actor, new: NewStaff) -> Actor:
    require(actor, Permission.MANAGE_STAFF, database)
    new = validate(new)
    with unit_of_work(database) as session:
        created = add_staff(session, actor, new)
        return Actor.of(created, roles_of(session, created))


def roles_of(session: sa.orm.Session, staff: Staff) -> frozenset[Role]:
    """Every role a person holds; the main role always among them (demo people made
    before staff_roles existed have no rows there)."""
    held = session.scalars(sa.select(StaffRole.role).where(StaffRole.staff_id == staff.id))
    return frozenset({staff.role, *held})


def roles_by_person(
    session: sa.orm.Session, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, set[Role]]:
    found: dict[uuid.UUID, set[Role]] = {}
    ids = list(ids)
    if ids:
        query = sa.select(StaffRole.staff_id, StaffRole.role).where(StaffRole.staff_id.in_(ids))
        for staff_id, role in session.execute(query):
            found.setdefault(staff_id, set()).add(role)
    return found


def put_roles(session: sa.orm.Session, staff_id: uuid.UUID, roles: frozenset[Role]) -> None:
    """Make ``staff_roles`` hold exactly ``roles`` for one person."""
    session.execute(sa.delete(StaffRole).where(StaffRole.staff_id == staff_id))
    session.add_all(StaffRole(staff_id=staff_id, role=role) for role in sorted(roles))
    session.flush()


def sign_in(database: Database, username: str, password: str, *, clock: Clock = utcnow) -> Actor:
    """Check the password; every attempt, good or bad, is audited, and so is a lock.

    Raises AccountLockedError (an AuthenticationError) while the account is locked, and
    on the failure that locks it; AuthenticationError for any other refusal.
    """
    username = username.strip().lower()
    now = clock()
    refusal: AuthenticationError
    with unit_of_work(database) as session:
        staff = session.scalar(sa.select(Staff).where(Staff.username == username))
        ok = passwords.verify(staff.password_hash if staff else passwords.dummy_hash(), password)
        locked_until = staff.locked_until if staff is not None else None
        if staff is not None and locked_until is not None and locked_until > now:
            refusal = AccountLockedError(locked_until)
            audit.record(
                session, None, "sign_in_failed", "staff", staff.id, username=username, locked=True
            )
        elif ok and staff is not None and staff.active:
            return _signed_in(session, staff, password)
        else:
            refusal = AuthenticationError()
            audit.record(
                session,
                None,
                "sign_in_failed",
                "staff",
                staff.id if staff else None,
                username=username,
            )
            until = _count_failure(session, staff.id, now) if staff is not None else None
            if staff is not None and until is not None:
                refusal = AccountLockedError(until)
                audit.record(
                    session,
                    None,
                    "account_locked",
                    "staff",
                    staff.id,
                    username=username,
                    until=until.isoformat(),
                )
    raise refusal  # after the commit: the count, the lock and their audit are kept


def _signed_in(session: sa.orm.Session, staff: Staff, password: str) -> Actor:
    if staff.failed_sign_ins or staff.locked_until is not None:
        _set_counter(session, staff.id, failed_sign_ins=0, locked_until=None)
    actor = Actor(
        staff.id,
        staff.username,
        staff.display_name,
        staff.role,
        this_workstation(),
        roles_of(session, staff),
    )
    if passwords.needs_rehash(staff.password_hash):
        staff.password_hash = passwords.hash_password(password)
    audit.record(session, actor, "sign_in", "staff", staff.id)
    return actor


def _count_failure(session: sa.orm.Session, staff_id: uuid.UUID, now: datetime) -> datetime | None:
    """Add one wrong password in a single UPDATE (concurrent failures all count); the
    failure that reaches the limit locks the account. Returns the lock's end when this
    failure locked it. A lock that has run out starts the count again."""
    table = Staff.__table__
    expired = sa.and_(table.c.locked_until.is_not(None), table.c.locked_until <= now)
    still_locked = sa.and_(table.c.locked_until.is_not(None), table.c.locked_until > now)
    count = sa.case((expired, 1), else_=table.c.failed_sign_ins + 1)
    until = now + LOCK_TIME
    session.execute(
        sa.update(table)
        .where(table.c.id == staff_id)
        .values(
            failed_sign_ins=count,
            locked_until=sa.case(
                (still_locked, table.c.locked_until),
                (count >= MAX_FAILED_SIGN_INS, sa.literal(until, Staff.locked_until.type)),
                else_=sa.null(),
            ),
        )
    )
    # Our own UPDATE holds the row until commit, so this reads what it wrote.
    found = session.execute(
        sa.select(table.c.locked_until).where(table.c.id == staff_id)
    ).scalar_one()
    return until if found == until else None


def _set_counter(session: sa.orm.Session, staff_id: uuid.UUID, **values: object) -> None:
    table = Staff.__table__
    session.execute(sa.update(table).where(table.c.id == staff_id).values(**values))


def sign_out(database: Database, actor: Actor) -> None:
    with unit_of_work(database) as session:
        audit.record(session, actor, "sign_out", "staff", actor.staff_id)
