"""Reminder rules (提醒规则), the reminders they create (提醒), follow-up call outcomes
(回访) and the receipts that let a station's offline changes replay exactly once."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, Versioned, text_enum, utcnow
from desktop_app.models.staff import Role


class Trigger(enum.StrEnum):
    TREATMENT = "treatment"  # a treatment of the rule's item, or of any item of its category
    NO_DEAL = "no_deal"  # a consultation ended without a deal
    COURSE_DUE = "course_due"  # the interval since a course's last session has passed
    BIRTHDAY = "birthday"
    SINCE_LAST_VISIT = "since_last_visit"  # N days without a visit
    MANUAL = "manual"  # added by hand for one patient
    ADVERSE_REACTION = "adverse_reaction"  # a follow-up call found a reaction needing review
    CONFIRM_BOOKING = "confirm_booking"  # the day-before call for a booking
    NO_SHOW = "no_show"  # a booked patient did not come: the inviting consultant rebooks


class Priority(enum.StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


# Sorting: urgent first among reminders due the same day.
PRIORITY_RANK = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.NORMAL: 2, Priority.LOW: 3}


class ReminderStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"  # no longer needed: kept, with the reason


class Reaction(enum.StrEnum):
    NONE = "none"
    MILD = "mild"
    NEEDS_REVIEW = "needs_review"  # an urgent reminder for the doctor; the patient is flagged


class ReminderRule(UUIDPrimaryKey, Versioned, Base):
    """A rule: when X happens, N days later remind R to do Y. Edited by managers.

    ``offsets`` holds one or more day counts ("1,3,7,30": one reminder each). For
    COURSE_DUE it is the interval after a session, for SINCE_LAST_VISIT the days without a
    visit, for BIRTHDAY days after the birthday (0: on the day). No role and no person
    means the default person: the treating nurse or doctor, the consultant, the doctor.
    """

    __tablename__ = "reminder_rules"

    name: Mapped[str] = mapped_column(sa.String(80))
    trigger: Mapped[Trigger] = mapped_column(text_enum(Trigger, "reminder_trigger", 20))
    item_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("treatment_items.id"))
    category: Mapped[str | None] = mapped_column(sa.String(40))
    offsets: Mapped[str] = mapped_column(sa.String(100))
    assign_role: Mapped[Role | None] = mapped_column(text_enum(Role, "reminder_rule_role", 20))
    assign_staff_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    script: Mapped[str] = mapped_column(sa.Text, default="")  # one question per line
    priority: Mapped[Priority] = mapped_column(
        text_enum(Priority, "reminder_priority", 10), default=Priority.NORMAL
    )
    max_attempts: Mapped[int] = mapped_column(sa.Integer, default=3)
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)


class Reminder(UUIDPrimaryKey, Versioned, Base):
    """A dated task for a person or a role. Never deleted: done or cancelled with a reason.

    It is about a patient, or about a lead (a booking's name and mobile, not registered
    yet: ``lead_name``/``lead_mobile`` copied from the booking, ``patient_id`` None until
    the lead arrives and becomes, or is linked to, a patient).

    ``source_id`` is what triggered it (treatment, consultation, course, visit, follow-up,
    or the patient for birthdays); with the rule and ``step`` (the offset in days; for a birthday
    its date as 20270315) it is unique, so a trigger replayed creates nothing twice.
    ``scheduled_on`` is the date the rule set; ``due_on`` moves when snoozed.
    """

    __tablename__ = "reminders"
    __table_args__ = (
        sa.UniqueConstraint("rule_id", "source_id", "step", name="uq_reminders_rule_source_step"),
        sa.Index("ix_reminders_assignee", "assignee_id", "status", "due_on", "closed_at"),
        sa.Index("ix_reminders_role", "assignee_role", "status", "due_on"),
        # closed_at here and above, assignee_id here: the staff report counts a period's
        # calls per person from an index alone, whichever the planner picks (SQLite the
        # one above, by person; PostgreSQL this one, by day)
        sa.Index("ix_reminders_status_due", "status", "due_on", "assignee_id", "closed_at"),
        # (patient or source, status …): with status alone SQLite would pick the status
        # index and read every open reminder of the clinic for one patient's flag.
        sa.Index("ix_reminders_patient", "patient_id", "status", "trigger"),
        sa.Index("ix_reminders_source", "source_id", "status"),
        sa.CheckConstraint("attempts >= 0", name="attempts"),
        sa.CheckConstraint(
            "patient_id IS NOT NULL OR lead_name IS NOT NULL", name="patient_or_lead"
        ),
    )

    patient_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("patients.id"))
    lead_name: Mapped[str | None] = mapped_column(sa.String(100))
    lead_mobile: Mapped[str | None] = mapped_column(sa.String(32))  # E.164
    rule_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("reminder_rules.id"))
    trigger: Mapped[Trigger] = mapped_column(text_enum(Trigger, "reminder_trigger", 20))
    source_id: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid)
    step: Mapped[int] = mapped_column(sa.Integer, default=0)
    reason: Mapped[str] = mapped_column(sa.String(200))
    scheduled_on: Mapped[dt.date] = mapped_column(sa.Date)
    due_on: Mapped[dt.date] = mapped_column(sa.Date)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    assignee_role: Mapped[Role | None] = mapped_column(text_enum(Role, "reminder_role", 20))
    priority: Mapped[Priority] = mapped_column(
        text_enum(Priority, "reminder_priority", 10), default=Priority.NORMAL
    )
    status: Mapped[ReminderStatus] = mapped_column(
        text_enum(ReminderStatus, "reminder_status", 10), default=ReminderStatus.OPEN
    )
    attempts: Mapped[int] = mapped_column(sa.Integer, default=0)  # calls not answered
    max_attempts: Mapped[int] = mapped_column(sa.Integer, default=3)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    close_reason: Mapped[str] = mapped_column(sa.String(40), default="")


class FollowUp(UUIDPrimaryKey, Base):
    """One call's outcome (回访). ``called_at`` is when it was made, which for a call
    recorded offline is earlier than ``recorded_at``, when it reached the database.
    ``patient_id`` is None for a call to a lead, filled in when the lead becomes a patient."""

    __tablename__ = "follow_ups"
    __table_args__ = (
        sa.CheckConstraint("satisfaction BETWEEN 1 AND 5", name="satisfaction"),
        sa.Index("ix_follow_ups_patient", "patient_id", "called_at"),
        # the staff report's satisfaction per caller in a period, from the index alone
        sa.Index("ix_follow_ups_called", "called_at", "author_id", "satisfaction"),
    )

    reminder_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("reminders.id"), index=True)
    patient_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("patients.id"))
    author_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("staff.id"))
    called_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reached: Mapped[bool] = mapped_column(sa.Boolean)
    asked: Mapped[str] = mapped_column(sa.Text, default="")  # the script's questions ticked
    notes: Mapped[str] = mapped_column(sa.Text, default="")  # recovery notes
    reaction: Mapped[Reaction | None] = mapped_column(text_enum(Reaction, "reaction", 20))
    satisfaction: Mapped[int | None] = mapped_column(sa.Integer)
    next_step: Mapped[str] = mapped_column(sa.Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncReceipt(Base):
    """A change sent with an idempotency key, applied once: sending it again is a no-op
    that answers with what the first sending did."""

    __tablename__ = "sync_receipts"

    key: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True)
    action: Mapped[str] = mapped_column(sa.String(20))
    reminder_id: Mapped[uuid.UUID] = mapped_column(sa.Uuid)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    workstation: Mapped[str] = mapped_column(sa.String(100))
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(sa.Integer)  # the reminder's version afterwards
