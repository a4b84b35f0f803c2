"""What "Book now" on a reminder books: the patient (or the lead) the call is about, and
the item when the reminder knows it — the course's item for a session that is due, the
missed booking's item for a no-show's rebooking call. The booking dialog opens with them
filled in, so the desk only picks the doctor and the time while the patient is on the phone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import Booking, Course, Patient, Reminder, TreatmentItem, Trigger
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import NotFoundError
from desktop_app.services.permissions import Permission, require

# The calls that end in a booking: a session due, a missed booking, a revisit invitation.
BOOKABLE = frozenset({Trigger.COURSE_DUE, Trigger.NO_SHOW, Trigger.NO_DEAL})


@dataclass(frozen=True)
class BookNow:
    patient_id: uuid.UUID | None  # None: a lead, booked by name and mobile
    record_no: str | None
    name: str
    mobile: str  # E.164, the lead's (a patient's is on the record)
    item: str | None  # a catalogue name, when the reminder knows it


def book_now(database: Database, actor: Actor, reminder_id: uuid.UUID) -> BookNow:
    require(actor, Permission.BOOK, database)
    with unit_of_work(database, write=False) as session:
        reminder = session.get(Reminder, reminder_id)
        if reminder is None:
            raise NotFoundError(f"No reminder {reminder_id}.")
        item = _item(session, reminder)
        if reminder.patient_id is None:
            return BookNow(None, None, reminder.lead_name or "", reminder.lead_mobile or "", item)
        patient = session.get(Patient, reminder.patient_id)
        assert patient is not None  # a reminder's patient is never deleted
        return BookNow(patient.id, patient.record_no, patient.name, "", item)


def _item(session: Session, reminder: Reminder) -> str | None:
    if reminder.source_id is None:
        return None
    if reminder.trigger == Trigger.COURSE_DUE:
        name = session.scalar(sa.select(Course.item_name).where(Course.id == reminder.source_id))
    elif reminder.trigger == Trigger.NO_SHOW:
        name = session.scalar(
            sa.select(TreatmentItem.name)
            .join(Booking, Booking.item_id == TreatmentItem.id)
            .where(Booking.id == reminder.source_id)
        )
    else:
        return None
    # Only an item still in the active catalogue can be booked.
    active = sa.select(TreatmentItem.name).where(TreatmentItem.name == name, TreatmentItem.active)
    return session.scalar(active) if name else None
