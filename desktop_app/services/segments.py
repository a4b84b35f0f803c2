"""Saved segments (issue 12): a manager's named conditions on tags, sex, age, channel and
purchases, their sizes today, their patients, and a reminder for each of them.

A segment stores only its conditions; ``segment_query`` turns them into one SELECT of
patient ids (EXISTS per tag, a grouped purchases subquery for value and recency), so a
size is a COUNT in the database and the list reads the same SELECT.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import asdict, dataclass, fields
from decimal import Decimal

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import (
    Patient,
    PatientTag,
    Reminder,
    ReminderStatus,
    Role,
    Segment,
    Tag,
    TreatmentItem,
)
from desktop_app.services import audit, reminder_making, tags
from desktop_app.services.context import Actor, reading, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.report_common import (
    ReportPatient,
    audit_opening,
    local_midnight,
    patients_in,
    purchases,
)

MAX_NAME = 60


@dataclass(frozen=True)
class Conditions:
    """All given conditions hold at once; an empty field is no condition."""

    all_tags: tuple[str, ...] = ()  # carries every one
    any_tags: tuple[str, ...] = ()  # carries at least one
    sex: str | None = None  # "F" or "M"
    age_min: int | None = None  # in whole years today, inclusive
    age_max: int | None = None
    channel: str | None = None  # the source channel, as recorded
    bought_item: str | None = None  # a treatment item's name, bought at least once
    min_value: Decimal | None = None  # all purchases together at least this
    last_purchase_before_days: int | None = None  # bought, but not in the last N days

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in (None, ())}
        if self.min_value is not None:
            data["min_value"] = str(self.min_value)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Conditions:
        data = json.loads(text)
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in data.items() if k in known}
        for key in ("all_tags", "any_tags"):
            data[key] = tuple(data.get(key, ()))
        if data.get("min_value") is not None:
            data["min_value"] = Decimal(data["min_value"])
        return cls(**data)


@dataclass(frozen=True)
class SegmentSummary:
    id: uuid.UUID
    name: str
    conditions: Conditions
    size: int  # patients matching today
    created_by_id: uuid.UUID | None


def checked(conditions: Conditions) -> Conditions:
    """The conditions with tag names normalised as the desk types them, or a field error."""
    tag_lists = {}
    for name in ("all_tags", "any_tags"):
        try:
            tag_lists[name] = tags.normalise(getattr(conditions, name))
        except ValidationError as error:
            raise ValidationError(name, error.code, error.message, **error.params) from None
    if conditions.sex not in (None, "F", "M"):
        raise ValidationError("sex", "invalid", "Sex is F, M or not given.")
    for name in ("age_min", "age_max", "last_purchase_before_days"):
        value = getattr(conditions, name)
        if value is not None and not 0 <= value <= 150 * 366:
            raise ValidationError(name, "out_of_range", "Give a number that is not negative.")
    if (
        conditions.age_min is not None
        and conditions.age_max is not None
        and conditions.age_min > conditions.age_max
    ):
        raise ValidationError("age_max", "below_min", "The oldest age is below the youngest.")
    if conditions.min_value is not None and conditions.min_value < 0:
        raise ValidationError("min_value", "negative", "Give an amount that is not negative.")
    channel = (conditions.channel or "").strip() or None
    item = (conditions.bought_item or "").strip() or None
    result = Conditions(
        tag_lists["all_tags"],
        tag_lists["any_tags"],
        conditions.sex,
        conditions.age_min,
        conditions.age_max,
        channel,
        item,
        conditions.min_value,
        conditions.last_purchase_before_days,
    )
    if result == Conditions():
        raise ValidationError("conditions", "empty", "Choose at least one condition.")
    return result


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def segment_query(
    database: Database, conditions: Conditions, today: dt.date | None = None
) -> sa.Select:
    """One SELECT of the ids of the patients meeting every condition, on ``today``."""
    today = today or dt.date.today()
    query = sa.select(Patient.id)

    def carries(names: tuple[str, ...]) -> sa.ColumnElement[bool]:
        return (
            sa.exists()
            .where(PatientTag.patient_id == Patient.id, PatientTag.tag_id == Tag.id)
            .where(Tag.name.in_(names))
        )

    for name in conditions.all_tags:
        query = query.where(carries((name,)))
    if conditions.any_tags:
        query = query.where(carries(conditions.any_tags))
    if conditions.sex:
        query = query.where(Patient.sex == conditions.sex)
    if conditions.age_min is not None:  # had their age_min-th birthday by today
        query = query.where(Patient.birth_date <= years_before(today, conditions.age_min))
    if conditions.age_max is not None:  # not yet their (age_max + 1)-th
        query = query.where(Patient.birth_date > years_before(today, conditions.age_max + 1))
    if conditions.channel:
        query = query.where(Patient.source_channel == conditions.channel)
    bought = purchases().subquery()
    if conditions.bought_item:
        query = query.where(
            sa.exists().where(
                bought.c.patient_id == Patient.id,
                bought.c.item_id == TreatmentItem.id,
                TreatmentItem.name == conditions.bought_item,
            )
        )
    # Spend and recency are both conditions on a buyer's purchases taken together: one
    # grouped pass decides them, not an EXISTS per patient.
    together: list[sa.ColumnElement[bool]] = []
    if conditions.min_value is not None:
        together.append(sa.func.sum(bought.c.value) >= conditions.min_value)
    if conditions.last_purchase_before_days is not None:  # bought, but not since ``recent``
        recent = local_midnight(today - dt.timedelta(days=conditions.last_purchase_before_days - 1))
        together.append(sa.func.max(bought.c.started_at) < recent)
    if together:
        buyers = sa.select(bought.c.patient_id).group_by(bought.c.patient_id).having(*together)
        query = query.where(Patient.id.in_(buyers))
    return query


def segment_size(
    database: Database, actor: Actor, conditions: Conditions, today: dt.date | None = None
) -> int:
    """How many patients the conditions pick today: the preview before saving."""
    require(actor, Permission.VIEW_REPORTS, database)
    ids = segment_query(database, checked(conditions), today).subquery()
    with reading(database) as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(ids)).scalar_one()


def save_segment(
    database: Database,
    actor: Actor,
    name: str,
    conditions: Conditions,
    segment_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Save new conditions under a name, or change a saved segment (``segment_id``)."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    name = " ".join(name.split())
    if not name:
        raise ValidationError("name", "required", "Give the segment a name.")
    if len(name) > MAX_NAME:
        raise ValidationError("name", "too_long", f"At most {MAX_NAME} characters.", max=MAX_NAME)
    conditions = checked(conditions)
    with unit_of_work(database) as session:
        if conditions.bought_item and not session.scalar(
            sa.select(TreatmentItem.id).where(TreatmentItem.name == conditions.bought_item)
        ):
            raise ValidationError("bought_item", "unknown", "No such treatment item.")
        clash = session.scalar(sa.select(Segment.id).where(Segment.name == name))
        if clash is not None and clash != segment_id:
            raise ValidationError("name", "exists", f"A segment is already called {name}.")
        if segment_id is None:
            segment = Segment(name=name, created_by_id=actor.staff_id)
            session.add(segment)
        else:
            found = session.get(Segment, segment_id)
            if found is None:
                raise NotFoundError(f"No segment {segment_id}.")
            segment = found
        segment.name = name
        segment.conditions = conditions.to_json()
        segment.updated_by_id = actor.staff_id
        session.flush()
        action = "create" if segment_id is None else "change"
        audit.record(session, actor, action, "segment", segment.id, name=name)
        return segment.id


def list_segments(
    database: Database, actor: Actor, today: dt.date | None = None
) -> list[SegmentSummary]:
    """The saved segments by name, each with its size today (one COUNT per segment)."""
    require(actor, Permission.VIEW_REPORTS, database)
    result = []
    with reading(database) as connection:
        rows = connection.execute(
            sa.select(Segment.id, Segment.name, Segment.conditions, Segment.created_by_id).order_by(
                Segment.name
            )
        ).all()
        for row in rows:
            conditions = Conditions.from_json(row.conditions)
            ids = segment_query(database, conditions, today).subquery()
            size = connection.execute(sa.select(sa.func.count()).select_from(ids)).scalar_one()
            result.append(SegmentSummary(row.id, row.name, conditions, size, row.created_by_id))
        audit_opening(connection, actor, "segments", segments=len(result))
    return result


def delete_segment(database: Database, actor: Actor, segment_id: uuid.UUID) -> None:
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    with unit_of_work(database) as session:
        segment = session.get(Segment, segment_id)
        if segment is None:
            raise NotFoundError(f"No segment {segment_id}.")
        audit.record(session, actor, "delete", "segment", segment.id, name=segment.name)
        session.delete(segment)


def segment_patients(
    database: Database, actor: Actor, segment_id: uuid.UUID, today: dt.date | None = None
) -> list[ReportPatient]:
    """The patients a saved segment picks today, by record number."""
    require(actor, Permission.VIEW_REPORTS, database)
    with reading(database) as connection:
        name, conditions = _load(connection, segment_id)
        rows = patients_in(connection, segment_query(database, conditions, today))
        audit_opening(connection, actor, "segment_patients", segment=name, patients=len(rows))
    return rows


def segment_reminders(
    database: Database,
    actor: Actor,
    segment_id: uuid.UUID,
    due_on: dt.date,
    reason: str,
    staff_id: uuid.UUID | None = None,
    role: Role | None = None,
) -> int:
    """A hand-written reminder for each patient of the segment, skipping those who already
    have an open one with the same reason; returns how many were made."""
    require(actor, Permission.VIEW_REPORTS, database)
    reason = reminder_making.checked_manual(reason, due_on)
    with reading(database) as connection:
        name, conditions = _load(connection, segment_id)
        already = sa.exists().where(
            Reminder.patient_id == Patient.id,
            Reminder.status == ReminderStatus.OPEN,
            Reminder.reason == reason,
        )
        ids = segment_query(database, conditions).where(~already).order_by(Patient.record_no)
        patient_ids = list(connection.execute(ids).scalars())
    for patient_id in patient_ids:
        reminder_making.add_manual(
            database, actor, patient_id, due_on, reason, staff_id=staff_id, role=role
        )
    with unit_of_work(database) as session:
        audit.record(
            session,
            actor,
            "create",
            "segment_reminders",
            segment_id,
            segment=name,
            reason=reason,
            reminders=len(patient_ids),
        )
    return len(patient_ids)


def _load(connection: sa.Connection, segment_id: uuid.UUID) -> tuple[str, Conditions]:
    row = connection.execute(
        sa.select(Segment.name, Segment.conditions).where(Segment.id == segment_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"No segment {segment_id}.")
    return row.name, Conditions.from_json(row.conditions)
