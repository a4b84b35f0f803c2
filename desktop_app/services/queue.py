"""Today's queue (分诊): check-in with a derived visit type, the board, moves and assignments.

Every station polls ``board_token`` (a count and a sum of versions of today's visits: any
check-in, move or assignment changes it) and reloads the board when it changes, which is
how one station's move shows on the others within the poll interval. A move or
assignment carries the version the user saw; a newer one is a ConflictError, never an
overwrite.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from desktop_app.db import Database
from desktop_app.models import ClinicSetting, Course, Patient, Staff, Visit, VisitStatus, VisitType
from desktop_app.models.base import utcnow
from desktop_app.services import audit, booking_walk_ins, clinic_settings, reminder_engine
from desktop_app.services.context import Actor, conflict_with, unit_of_work
from desktop_app.services.errors import NotFoundError, ServiceError, ValidationError
from desktop_app.services.permissions import Permission, require

CLOSED = frozenset({VisitStatus.DONE, VisitStatus.LEFT})
# Minutes a patient may spend in a state before the card is flagged; Settings changes them.
DEFAULT_LIMITS = {
    VisitStatus.WAITING: 15,
    VisitStatus.WITH_CONSULTANT: 45,
    VisitStatus.WITH_DOCTOR: 20,
    VisitStatus.IN_TREATMENT: 90,
}
MAX_LIMIT = 24 * 60


class AlreadyCheckedInError(ServiceError):
    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is already in today's queue.")
        self.name = name


@dataclass(frozen=True)
class Card:
    """One visit as the board shows it."""

    visit_id: uuid.UUID
    version: int
    patient_id: uuid.UUID
    record_no: str
    name: str
    visit_type: VisitType
    status: VisitStatus
    status_since: dt.datetime
    consultant_id: uuid.UUID | None
    consultant: str | None
    doctor_id: uuid.UUID | None
    doctor: str | None
    room: str | None

    def minutes_in_state(self, now: dt.datetime) -> int:
        return max(0, int((now - self.status_since).total_seconds() // 60))


@dataclass(frozen=True)
class Board:
    token: tuple[int, int]
    cards: list[Card]
    limits: dict[VisitStatus, int]

    def overdue(self, card: Card, now: dt.datetime) -> bool:
        limit = self.limits.get(card.status)
        return limit is not None and card.minutes_in_state(now) >= limit


def derive_visit_type(session: Session, patient_id: uuid.UUID) -> VisitType:
    """初诊 / 复诊 / 再消费 / 疗程 from what the database knows of the patient."""
    left = session.scalar(
        sa.select(
            sa.func.coalesce(sa.func.sum(Course.sessions_total - Course.sessions_used), 0)
        ).where(Course.patient_id == patient_id)
    )
    if left and left > 0:
        return VisitType.COURSE
    visits = sa.select(Visit.id).where(Visit.patient_id == patient_id)
    if session.scalar(sa.select(visits.where(Visit.purchased).exists())):
        return VisitType.REPURCHASE
    if session.scalar(sa.select(visits.exists())):
        return VisitType.RETURN
    return VisitType.FIRST


def day_bounds(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The local calendar day containing ``now``, as UTC instants [start, end)."""
    local = now.astimezone()
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    end = (start + dt.timedelta(days=1)).replace(hour=0)  # survives DST changes
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def check_in(
    database: Database, actor: Actor, patient_id: uuid.UUID, now: dt.datetime | None = None
) -> Card:
    """Put a patient into today's queue, waiting, with the visit type their history gives.
    A patient booked for today has arrived for that booking (services/booking_walk_ins)."""
    require(actor, Permission.CHECK_IN, database)
    now = now or utcnow()
    with unit_of_work(database) as session:
        visit = check_in_within(session, actor, patient_id, now)
        booking_walk_ins.join(session, actor, visit, *day_bounds(now))
        return _cards(session, Visit.id == visit.id)[0]


def open_visit_today(session: Session, patient_id: uuid.UUID, now: dt.datetime) -> Visit | None:
    """The patient's visit on today's board that is not closed yet, if any."""
    start, end = day_bounds(now)
    return session.scalar(
        sa.select(Visit)
        .where(
            Visit.patient_id == patient_id,
            Visit.checked_in_at >= start,
            Visit.checked_in_at < end,
            Visit.status.not_in(CLOSED),
        )
        .limit(1)
    )


def check_in_within(
    session: Session,
    actor: Actor,
    patient_id: uuid.UUID,
    now: dt.datetime,
    *,
    consultant_id: uuid.UUID | None = None,
    doctor_id: uuid.UUID | None = None,
    room: str | None = None,
) -> Visit:
    """``check_in`` inside the caller's transaction (a booking's arrival), with the staff
    and room already known; the patient's own consultant when none is given."""
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFoundError(f"No patient with id {patient_id}.")
    if open_visit_today(session, patient_id, now) is not None:
        raise AlreadyCheckedInError(patient.name)
    visit = Visit(
        patient_id=patient_id,
        checked_in_at=now,
        status=VisitStatus.WAITING,
        status_since=now,
        visit_type=derive_visit_type(session, patient_id),
        consultant_id=consultant_id or patient.consultant_id,
        doctor_id=doctor_id,
        room=room,
        updated_by_id=actor.staff_id,
    )
    session.add(visit)
    session.flush()
    reminder_engine.on_check_in(session, visit)
    audit.record(
        session,
        actor,
        "check_in",
        "visit",
        visit.id,
        patient=patient.record_no,
        visit_type=visit.visit_type,
    )
    return visit


def board_token(
    database: Database, actor: Actor, now: dt.datetime | None = None
) -> tuple[int, int]:
    """Cheap to ask every second: changes whenever any of today's visits changes."""
    require(actor, Permission.VIEW_QUEUE, database)
    start, end = day_bounds(now or utcnow())
    with unit_of_work(database, write=False) as session:
        count, versions = session.execute(
            sa.select(
                sa.func.count(Visit.id), sa.func.coalesce(sa.func.sum(Visit.version), 0)
            ).where(Visit.checked_in_at >= start, Visit.checked_in_at < end)
        ).one()
        return int(count), int(versions)


def todays_board(database: Database, actor: Actor, now: dt.datetime | None = None) -> Board:
    require(actor, Permission.VIEW_QUEUE, database)
    start, end = day_bounds(now or utcnow())
    with unit_of_work(database, write=False) as session:
        cards = _cards(session, sa.and_(Visit.checked_in_at >= start, Visit.checked_in_at < end))
        token = (len(cards), sum(card.version for card in cards))
        return Board(token, cards, _limits(session))


def move(
    database: Database,
    actor: Actor,
    visit_id: uuid.UUID,
    expected_version: int,
    status: VisitStatus,
    now: dt.datetime | None = None,
) -> Card:
    """Move a card to another column; the clock for the new state starts now."""
    require(actor, Permission.MANAGE_QUEUE, database)
    with unit_of_work(database) as session:
        visit = _current(session, visit_id, expected_version)
        if visit.status == status:
            return _cards(session, Visit.id == visit_id)[0]
        old = visit.status
        visit.status = VisitStatus(status)
        visit.status_since = now or utcnow()
        visit.updated_by_id = actor.staff_id
        session.flush()
        audit.record(session, actor, "move", "visit", visit_id, old=old, new=visit.status)
        return _cards(session, Visit.id == visit_id)[0]


def assign(
    database: Database,
    actor: Actor,
    visit_id: uuid.UUID,
    expected_version: int,
    *,
    consultant_id: uuid.UUID | None,
    doctor_id: uuid.UUID | None,
    room: str | None,
) -> Card:
    """Set who sees the patient and where; the doctor must have the doctor role."""
    require(actor, Permission.MANAGE_QUEUE, database)
    room = (room or "").strip() or None
    if room and len(room) > 40:
        raise ValidationError("room", "too_long", "At most 40 characters.", max=40)
    with unit_of_work(database) as session:
        visit = _current(session, visit_id, expected_version)
        for field, staff_id in (("consultant_id", consultant_id), ("doctor_id", doctor_id)):
            staff = session.get(Staff, staff_id) if staff_id else None
            if staff_id and (staff is None or not staff.active):
                raise ValidationError(field, "invalid", "Choose an active staff member.")
            if field == "doctor_id" and staff is not None and staff.role.value != "doctor":
                raise ValidationError(field, "invalid", "Only a doctor can be assigned here.")
        changes = {
            key: [
                str(getattr(visit, key)) if getattr(visit, key) else None,
                str(new) if new else None,
            ]
            for key, new in (
                ("consultant_id", consultant_id),
                ("doctor_id", doctor_id),
                ("room", room),
            )
            if getattr(visit, key) != new
        }
        if changes:
            visit.consultant_id, visit.doctor_id, visit.room = consultant_id, doctor_id, room
            visit.updated_by_id = actor.staff_id
            session.flush()
            audit.record(session, actor, "assign", "visit", visit_id, changes=changes)
        return _cards(session, Visit.id == visit_id)[0]


def time_limits(database: Database) -> dict[VisitStatus, int]:
    with unit_of_work(database, write=False) as session:
        return _limits(session)


def set_time_limits(database: Database, actor: Actor, limits: dict[VisitStatus, int]) -> None:
    """Minutes per state before a card is flagged (clinic-wide)."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    for status, minutes in limits.items():
        if status not in DEFAULT_LIMITS:
            raise ValidationError(f"limit_{status}", "invalid", f"{status} has no time limit.")
        if not 1 <= minutes <= MAX_LIMIT:
            raise ValidationError(
                f"limit_{status}",
                "out_of_range",
                "Between 1 and 1440 minutes.",
                min=1,
                max=MAX_LIMIT,
            )
    clinic_settings.put_many(
        database, actor, {_limit_key(status): str(minutes) for status, minutes in limits.items()}
    )


def _limit_key(status: VisitStatus) -> str:
    return f"queue_limit_{status.value}"


def _limits(session: Session) -> dict[VisitStatus, int]:
    keys = {_limit_key(status): status for status in DEFAULT_LIMITS}
    stored = dict(
        session.execute(
            sa.select(ClinicSetting.key, ClinicSetting.value).where(
                ClinicSetting.key.in_(list(keys))
            )
        ).all()
    )
    limits = dict(DEFAULT_LIMITS)
    for key, value in stored.items():
        if value.isdigit():
            limits[keys[key]] = int(value)
    return limits


def _current(session: Session, visit_id: uuid.UUID, expected_version: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError(f"No visit with id {visit_id}.")
    if visit.version != expected_version:
        raise conflict_with(session, visit)
    return visit


def _cards(session: Session, condition: sa.ColumnElement[bool]) -> list[Card]:
    consultant, doctor = aliased(Staff), aliased(Staff)
    rows = session.execute(
        sa.select(
            Visit, Patient.record_no, Patient.name, consultant.display_name, doctor.display_name
        )
        .join(Patient, Patient.id == Visit.patient_id)
        .outerjoin(consultant, consultant.id == Visit.consultant_id)
        .outerjoin(doctor, doctor.id == Visit.doctor_id)
        .where(condition)
        .order_by(Visit.checked_in_at)
    ).all()
    return [
        Card(
            visit.id,
            visit.version,
            visit.patient_id,
            record_no,
            name,
            visit.visit_type or VisitType.FIRST,
            visit.status,
            visit.status_since or visit.checked_in_at,
            visit.consultant_id,
            consultant_name,
            visit.doctor_id,
            doctor_name,
            visit.room,
        )
        for visit, record_no, name, consultant_name, doctor_name in rows
    ]


def latest_visit(database: Database, actor: Actor, patient_id: uuid.UUID) -> Card | None:
    """The visit clinical notes attach to: the patient's most recent check-in."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        newest = (
            sa.select(Visit.id)
            .where(Visit.patient_id == patient_id)
            .order_by(Visit.checked_in_at.desc())
            .limit(1)
            .scalar_subquery()
        )
        cards = _cards(session, Visit.id == newest)
        return cards[0] if cards else None
