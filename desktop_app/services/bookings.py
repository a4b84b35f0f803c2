"""The appointment book: make, move, resize and cancel bookings, and read a day or a week.

A doctor, a room or a device is never booked twice at once. The check runs under a lock
per doctor, room and device (PostgreSQL: transaction-scoped advisory locks taken in a
fixed order; SQLite: ``BEGIN IMMEDIATE`` already serialises writers), so two stations
booking the same slot at once cannot both pass it: one wins, the other gets a
``BookingClashError`` naming the booking in the way. A change keeps the version the user
saw (stale → ``ConflictError``) and writes a ``BookingEvent``; nothing is deleted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import uuid
import zlib
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from desktop_app.db import Database
from desktop_app.models import (
    HOLDING,
    Booking,
    BookingEvent,
    BookingStatus,
    Patient,
    Resource,
    ResourceKind,
    Staff,
    TreatmentItem,
)
from desktop_app.services import audit, booking_reminders, identity, opening_hours
from desktop_app.services.context import Actor, conflict_with, reading, unit_of_work
from desktop_app.services.errors import NotFoundError, ServiceError, ValidationError
from desktop_app.services.permissions import Permission, require

MAX_MINUTES = 12 * 60


@dataclass(frozen=True)
class BookingDraft:
    starts_at: dt.datetime
    minutes: int | None = None  # None: the item's default length (60 without an item)
    patient_id: uuid.UUID | None = None
    lead_name: str = ""  # a lead not registered yet: name and mobile
    lead_mobile: str = ""
    item: str | None = None  # catalogue name
    doctor_id: uuid.UUID | None = None
    consultant_id: uuid.UUID | None = None
    room_id: uuid.UUID | None = None
    device_id: uuid.UUID | None = None
    source: str | None = None
    invited_by_id: uuid.UUID | None = None
    note: str = ""


@dataclass(frozen=True)
class BookingRow:
    """One booking as the day and week views and the command line show it."""

    id: uuid.UUID
    version: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: BookingStatus
    patient_id: uuid.UUID | None
    record_no: str | None
    name: str  # the patient's, or the lead's
    mobile: str  # E.164: the patient's or the lead's
    item: str | None
    doctor_id: uuid.UUID | None
    doctor: str
    consultant_id: uuid.UUID | None
    consultant: str
    room_id: uuid.UUID | None
    room: str
    device_id: uuid.UUID | None
    device: str
    arrived_at: dt.datetime | None = None
    # After book/move: why it falls outside the opening hours ("closed", "early", "late",
    # "break"), said to the user as a warning; None within them.
    outside: str | None = None


class BookingClashError(ServiceError):
    """The doctor, room or device is booked then already; ``clash`` is that booking."""

    def __init__(self, what: str, clash: BookingRow) -> None:
        self.what = what  # "doctor", "room" or "device"
        self.clash = clash
        when = f"{clash.starts_at.astimezone():%Y-%m-%d %H:%M}–{clash.ends_at.astimezone():%H:%M}"
        super().__init__(f"The {what} is booked then already: {clash.name}, {when}.")


# --- changing ------------------------------------------------------------------------------


def book(database: Database, actor: Actor, draft: BookingDraft) -> BookingRow:
    require(actor, Permission.BOOK, database)
    lead_mobile = _lead_mobile(draft)
    with unit_of_work(database) as session:
        item = _item(session, draft.item)
        minutes = draft.minutes or (item.default_minutes if item else 60)
        starts_at, ends_at = _times(draft.starts_at, minutes)
        if draft.patient_id is not None and session.get(Patient, draft.patient_id) is None:
            raise NotFoundError(f"No patient {draft.patient_id}.")
        booking = Booking(
            patient_id=draft.patient_id,
            lead_name=None if draft.patient_id else " ".join(draft.lead_name.split()) or None,
            lead_mobile=None if draft.patient_id else lead_mobile,
            item_id=item.id if item else None,
            starts_at=starts_at,
            ends_at=ends_at,
            doctor_id=draft.doctor_id,
            consultant_id=draft.consultant_id,
            room_id=_resource(session, draft.room_id, ResourceKind.ROOM),
            device_id=_resource(session, draft.device_id, ResourceKind.DEVICE),
            source=(draft.source or "").strip() or None,
            invited_by_id=draft.invited_by_id,
            note=draft.note.strip(),
            updated_by_id=actor.staff_id,
        )
        _refuse_clashes(session, database, booking)
        session.add(booking)
        session.flush()
        session.add(BookingEvent(booking_id=booking.id, staff_id=actor.staff_id, action="create"))
        booking_reminders.on_booked(session, booking)
        audit.record(session, actor, "create", "booking", booking.id, starts_at=starts_at)
        return _checked_hours(database, _row(session, booking.id))


def move(
    database: Database,
    actor: Actor,
    booking_id: uuid.UUID,
    expected_version: int,
    starts_at: dt.datetime,
    minutes: int,
    reason: str = "",
) -> BookingRow:
    """A new time or length (drag to move or resize); the old time stays in the history."""
    require(actor, Permission.BOOK, database)
    new_start, new_end = _times(starts_at, minutes)
    with unit_of_work(database) as session:
        booking = _current(session, booking_id, expected_version)
        if booking.status != BookingStatus.BOOKED:
            raise ValidationError("booking", "not_booked", "Only a booking still to come moves.")
        old_start, old_end = booking.starts_at, booking.ends_at
        booking.starts_at, booking.ends_at = new_start, new_end
        _refuse_clashes(session, database, booking)
        booking.updated_by_id = actor.staff_id
        action = "resize" if old_start == new_start else "move"
        session.add(
            BookingEvent(
                booking_id=booking.id,
                staff_id=actor.staff_id,
                action=action,
                starts_at=old_start,
                ends_at=old_end,
                reason=reason.strip(),
            )
        )
        session.flush()
        booking_reminders.on_moved(session, booking, actor.staff_id)
        audit.record(session, actor, action, "booking", booking.id, starts_at=new_start)
        return _checked_hours(database, _row(session, booking.id))


def cancel(
    database: Database, actor: Actor, booking_id: uuid.UUID, expected_version: int, reason: str
) -> BookingRow:
    require(actor, Permission.BOOK, database)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("reason", "required", "Say why the booking is cancelled.")
    with unit_of_work(database) as session:
        booking = _current(session, booking_id, expected_version)
        if booking.status != BookingStatus.BOOKED:
            raise ValidationError(
                "booking", "not_booked", "Only a booking still to come is cancelled."
            )
        booking.status = BookingStatus.CANCELLED
        booking.updated_by_id = actor.staff_id
        session.add(
            BookingEvent(
                booking_id=booking.id,
                staff_id=actor.staff_id,
                action="cancel",
                starts_at=booking.starts_at,
                ends_at=booking.ends_at,
                reason=reason,
            )
        )
        session.flush()
        booking_reminders.on_cancelled(session, booking, actor.staff_id)
        audit.record(session, actor, "cancel", "booking", booking.id, reason=reason)
        return _row(session, booking.id)


def add_resource(database: Database, actor: Actor, kind: ResourceKind, name: str) -> uuid.UUID:
    """A room or a device the clinic books (managers)."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    name = " ".join(name.split())
    if not name or len(name) > 40:
        raise ValidationError("name", "invalid", "1 to 40 characters.")
    with unit_of_work(database) as session:
        resource = Resource(kind=kind, name=name, updated_by_id=actor.staff_id)
        session.add(resource)
        session.flush()
        audit.record(session, actor, "create", "resource", resource.id, kind=kind, name=name)
        return resource.id


# --- reading -------------------------------------------------------------------------------


def bookings_between(
    database: Database,
    actor: Actor,
    start: dt.datetime,
    end: dt.datetime,
    *,
    staff_ids: list[uuid.UUID] | None = None,
    resource_ids: list[uuid.UUID] | None = None,
    include_cancelled: bool = False,
) -> list[BookingRow]:
    """Bookings starting in [start, end), by start: a day or a week, for some doctors and
    consultants and/or some rooms and devices (None: everyone)."""
    require(actor, Permission.VIEW_BOOKINGS, database)
    query = _between(staff_ids is not None, resource_ids is not None, include_cancelled)
    values = {"start": start, "end": end, "staff": staff_ids or [], "resources": resource_ids or []}
    with reading(database) as connection:
        found = connection.execute(query, values).all()
    return [BookingRow(*r) for r in found]


@functools.cache
def _between(staff: bool, resources: bool, include_cancelled: bool) -> sa.Select:
    """The statement for one shape of ``bookings_between``, built once with bound values:
    building it cost more than SQLite takes to run it for a week (benchmarks/bookings.py)."""
    query = _rows().where(
        Booking.starts_at >= sa.bindparam("start"), Booking.starts_at < sa.bindparam("end")
    )
    if not include_cancelled:
        query = query.where(Booking.status != BookingStatus.CANCELLED)
    who = []
    if staff:
        ids = sa.bindparam("staff", expanding=True)
        who += [Booking.doctor_id.in_(ids), Booking.consultant_id.in_(ids)]
    if resources:
        ids = sa.bindparam("resources", expanding=True)
        who += [Booking.room_id.in_(ids), Booking.device_id.in_(ids)]
    if who:
        query = query.where(sa.or_(*who))
    return query.order_by(Booking.starts_at, Booking.id)


@dataclass(frozen=True)
class ResourceRow:
    id: uuid.UUID
    kind: ResourceKind
    name: str


def resources(database: Database, actor: Actor) -> list[ResourceRow]:
    """Active rooms and devices in the clinic's order: the book's columns, the dialog's choices."""
    require(actor, Permission.VIEW_BOOKINGS, database)
    query = (
        sa.select(Resource.id, Resource.kind, Resource.name)
        .where(Resource.active)
        .order_by(Resource.kind, Resource.sort_order, Resource.name)
    )
    with reading(database) as connection:
        return [ResourceRow(*r) for r in connection.execute(query).all()]


@dataclass(frozen=True)
class HistoryRow:
    """One change to a booking as its history shows it: who did what, and when it was
    booked for before the change (moves and cancellations)."""

    at: dt.datetime
    staff: str  # display name; "" for the system
    action: str  # create, move, resize, cancel, arrive, no_show
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    reason: str


def history(database: Database, actor: Actor, booking_id: uuid.UUID) -> list[HistoryRow]:
    require(actor, Permission.VIEW_BOOKINGS, database)
    query = (
        sa.select(
            BookingEvent.at,
            sa.func.coalesce(Staff.display_name, ""),
            BookingEvent.action,
            BookingEvent.starts_at,
            BookingEvent.ends_at,
            BookingEvent.reason,
        )
        .outerjoin(Staff, Staff.id == BookingEvent.staff_id)
        .where(BookingEvent.booking_id == booking_id)
        .order_by(BookingEvent.at, BookingEvent.id)
    )
    with reading(database) as connection:
        return [HistoryRow(*r) for r in connection.execute(query).all()]


# --- inside --------------------------------------------------------------------------------


def _times(starts_at: dt.datetime, minutes: int) -> tuple[dt.datetime, dt.datetime]:
    if starts_at.tzinfo is None:
        raise ValueError("naive datetime given; bookings are aware UTC timestamps")
    if not 5 <= minutes <= MAX_MINUTES:
        raise ValidationError("minutes", "range", "5 minutes to 12 hours.")
    return starts_at, starts_at + dt.timedelta(minutes=minutes)


def _lead_mobile(draft: BookingDraft) -> str | None:
    if draft.patient_id is not None:
        return None
    if not " ".join(draft.lead_name.split()):
        raise ValidationError("lead_name", "required", "A patient, or a lead's name and mobile.")
    if not draft.lead_mobile.strip():
        raise ValidationError("lead_mobile", "required", "A lead's mobile is needed to call.")
    try:
        return identity.mobile(draft.lead_mobile).e164
    except ValidationError as exc:
        raise ValidationError("lead_mobile", exc.code, exc.message) from None


def _item(session: Session, name: str | None) -> TreatmentItem | None:
    if not name:
        return None
    item = session.scalar(sa.select(TreatmentItem).where(TreatmentItem.name == name))
    if item is None:
        raise ValidationError("item", "unknown", f"No item {name} in the catalogue.")
    return item


def _resource(
    session: Session, resource_id: uuid.UUID | None, kind: ResourceKind
) -> uuid.UUID | None:
    if resource_id is None:
        return None
    resource = session.get(Resource, resource_id)
    if resource is None or resource.kind != kind or not resource.active:
        raise ValidationError(f"{kind.value}_id", "invalid", f"Choose an active {kind.value}.")
    return resource.id


def _current(session: Session, booking_id: uuid.UUID, expected_version: int) -> Booking:
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise NotFoundError(f"No booking {booking_id}.")
    if booking.version != expected_version:
        raise conflict_with(session, booking)
    return booking


def _refuse_clashes(session: Session, database: Database, booking: Booking) -> None:
    """Under the lock of each doctor, room and device the booking holds, refuse it if one
    is booked in an overlapping time already."""
    held = [
        ("doctor", Booking.doctor_id, booking.doctor_id),
        ("room", Booking.room_id, booking.room_id),
        ("device", Booking.device_id, booking.device_id),
    ]
    held = [h for h in held if h[2] is not None]
    if database.kind == "postgresql":  # in a fixed order, so two bookings cannot deadlock
        for key in sorted(f"booking:{what}:{value}" for what, _c, value in held):
            session.execute(sa.select(sa.func.pg_advisory_xact_lock(zlib.crc32(key.encode()))))
    for what, column, value in held:
        clash = session.scalar(
            sa.select(Booking.id)
            .where(
                column == value,
                Booking.status.in_(HOLDING),
                Booking.starts_at < booking.ends_at,
                Booking.ends_at > booking.starts_at,
                Booking.id != booking.id if booking.id is not None else sa.true(),
            )
            .order_by(Booking.starts_at)
            .limit(1)
        )
        if clash is not None:
            raise BookingClashError(what, _row(session, clash))


@functools.lru_cache(maxsize=4096)
def _uuid_of_hex(text: str) -> uuid.UUID:
    return uuid.UUID(text)


class _SharedUuid(sa.TypeDecorator[uuid.UUID]):
    """A UUID that repeats down a week's rows (its doctors, consultants, rooms, devices):
    on SQLite, where UUIDs come back as text, each is made once, not once a row."""

    impl = sa.Uuid
    cache_ok = True

    def result_processor(self, dialect: sa.Dialect, coltype: object) -> object:
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        return lambda value: None if value is None else _uuid_of_hex(value)


def _rows() -> sa.Select[tuple[object, ...]]:
    doctor, consultant = aliased(Staff), aliased(Staff)
    room, device = aliased(Resource), aliased(Resource)
    return (
        sa.select(
            Booking.id,
            Booking.version,
            Booking.starts_at,
            Booking.ends_at,
            Booking.status,
            Booking.patient_id,
            Patient.record_no,
            sa.func.coalesce(Patient.name, Booking.lead_name, ""),
            sa.func.coalesce(Patient.mobile, Booking.lead_mobile, ""),
            TreatmentItem.name,
            sa.type_coerce(Booking.doctor_id, _SharedUuid),
            sa.func.coalesce(doctor.display_name, ""),
            sa.type_coerce(Booking.consultant_id, _SharedUuid),
            sa.func.coalesce(consultant.display_name, ""),
            sa.type_coerce(Booking.room_id, _SharedUuid),
            sa.func.coalesce(room.name, ""),
            sa.type_coerce(Booking.device_id, _SharedUuid),
            sa.func.coalesce(device.name, ""),
            Booking.arrived_at,
        )
        .outerjoin(Patient, Patient.id == Booking.patient_id)
        .outerjoin(TreatmentItem, TreatmentItem.id == Booking.item_id)
        .outerjoin(doctor, doctor.id == Booking.doctor_id)
        .outerjoin(consultant, consultant.id == Booking.consultant_id)
        .outerjoin(room, room.id == Booking.room_id)
        .outerjoin(device, device.id == Booking.device_id)
    )


def _checked_hours(database: Database, row: BookingRow) -> BookingRow:
    why = opening_hours.outside(opening_hours.opening_hours(database), row.starts_at, row.ends_at)
    return dataclasses.replace(row, outside=why)


def _row(session: Session, booking_id: uuid.UUID) -> BookingRow:
    return BookingRow(*session.execute(_rows().where(Booking.id == booking_id)).one())
