"""Reading the audit log (managers): who did or saw what, filtered, a page at a time.

What the patient filter finds: events about the patient itself (registration, changes,
consents, the record's openings, photo galleries and exports), events about the
patient's own records — visits, consultations, assessments, plans, courses, treatments
and their face charts, printed documents, photos, reminders and follow-up calls,
bookings — found by their ids, and any event whose summary names the patient's id or
record number (a check-in, a photo opened, a reminder made). Not found by patient: bulk
events that list no patient (retagging several photos, the day's no-show sweep) and
refused attempts (a denial names the permission, not the record).

The summary is the event's recorded details as ``key: value`` text; codes (actions,
entity kinds) are left for the screen to put into words. Exporting is in audit_export.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from desktop_app.db import Database
from desktop_app.models import (
    Assessment,
    AuditEvent,
    Booking,
    Consultation,
    Course,
    FollowUp,
    Patient,
    Photo,
    PrintedDocument,
    Reminder,
    Staff,
    Treatment,
    TreatmentPlan,
    Visit,
)
from desktop_app.services.context import Actor, reading
from desktop_app.services.permissions import Permission, require

# The patient's own records, by the entity kind their audit rows name.
CHILDREN: dict[str, Any] = {
    "visit": Visit,
    "consultation": Consultation,
    "assessment": Assessment,
    "treatment_plan": TreatmentPlan,
    "course": Course,
    "treatment": Treatment,
    "face_chart": Treatment,  # a chart's rows name its treatment
    "printed_document": PrintedDocument,
    "photo": Photo,
    "reminder": Reminder,
    "follow_up": FollowUp,
    "booking": Booking,
}

# The actions services write, for the viewer's filter (a code not listed is still shown).
ACTIONS = (
    "view",
    "view_photos",
    "create",
    "change",
    "new_version",
    "sign",
    "addendum",
    "cancel",
    "check_in",
    "move",
    "assign",
    "arrive",
    "no_show",
    "call",
    "snooze",
    "print",
    "save",
    "reprint",
    "attach_scan",
    "grant_consent",
    "withdraw_consent",
    "import_photo",
    "retag_photos",
    "hide_photo",
    "export_photos",
    "export",
    "lot_recall",
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "denied",
)


@dataclass(frozen=True)
class AuditRow:
    id: uuid.UUID
    occurred_at: dt.datetime  # UTC
    staff_id: uuid.UUID | None
    who: str  # the staff member's display name; "" for the system or the command line
    workstation: str
    action: str
    entity_type: str
    entity_id: str | None
    patient: str  # "name (record no.)" of the patient it concerns, where known; else ""
    summary: str  # the recorded details, readable: "key: value; key: value"


@dataclass(frozen=True)
class Filters:
    staff_id: uuid.UUID | None = None
    patient_id: uuid.UUID | None = None
    action: str | None = None
    since: dt.date | dt.datetime | None = None  # a date: from its local midnight
    until: dt.date | dt.datetime | None = None  # a date: through the whole (local) day


def search(
    database: Database,
    actor: Actor,
    *,
    staff_id: uuid.UUID | None = None,
    patient_id: uuid.UUID | None = None,
    action: str | None = None,
    since: dt.date | dt.datetime | None = None,
    until: dt.date | dt.datetime | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[AuditRow]:
    """Events matching every filter given, newest first."""
    require(actor, Permission.VIEW_AUDIT, database)
    filters = Filters(staff_id, patient_id, action, since, until)
    with reading(database) as connection:
        return page(connection, filters, limit=limit, offset=offset)


def page(
    connection: Connection,
    filters: Filters,
    *,
    limit: int,
    offset: int = 0,
    before: tuple[dt.datetime, uuid.UUID] | None = None,
) -> list[AuditRow]:
    """One page (the permission already checked); ``before`` continues after the last row
    of the previous page (keyset: an export's pages neither skip nor repeat a row)."""
    event = AuditEvent
    query = (
        sa.select(
            event.id,
            event.occurred_at,
            event.staff_id,
            Staff.display_name.label("who"),
            event.workstation,
            event.action,
            event.entity_type,
            event.entity_id,
            event.summary,
        )
        .outerjoin(Staff, Staff.id == event.staff_id)
        .where(*_conditions(connection, filters))
        .order_by(event.occurred_at.desc(), event.id.desc())
        .limit(limit)
        .offset(offset)
    )
    if before is not None:
        at, last = before
        query = query.where(
            sa.or_(event.occurred_at < at, sa.and_(event.occurred_at == at, event.id < last))
        )
    rows = connection.execute(query).all()
    patients = _patients_of(connection, rows)
    return [
        AuditRow(
            row.id,
            row.occurred_at,
            row.staff_id,
            row.who or "",
            row.workstation,
            row.action,
            row.entity_type,
            row.entity_id,
            patients.get(row.id, ""),
            readable(row.summary),
        )
        for row in rows
    ]


def staff_choices(database: Database, actor: Actor) -> list[tuple[uuid.UUID, str]]:
    """Everyone who ever had an account (disabled ones too: their past acts stay), by name."""
    require(actor, Permission.VIEW_AUDIT, database)
    with reading(database) as connection:
        rows = connection.execute(
            sa.select(Staff.id, Staff.display_name).order_by(Staff.display_name)
        ).all()
    return [(staff_id, name) for staff_id, name in rows]


def readable(summary: str) -> str:
    """``{"a": 1, "b": [2, 3]}`` → ``a: 1; b: 2, 3``; text that is not JSON as it is."""
    try:
        data = json.loads(summary) if summary else {}
    except ValueError:
        return summary
    if not isinstance(data, dict):
        return _text(data)
    return "; ".join(
        f"{key}: {_text(value)}" for key, value in data.items() if value not in ("", None, [], {})
    )


def _text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}={_text(item)}" for key, item in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone(dt.UTC)


def _bound(value: dt.date | dt.datetime, *, end: bool) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.astimezone(dt.UTC)  # naive: local time
    return _local_midnight(value + dt.timedelta(days=1) if end else value)


def _conditions(connection: Connection, filters: Filters) -> list[sa.ColumnElement[bool]]:
    conditions: list[sa.ColumnElement[bool]] = []
    if filters.staff_id is not None:
        conditions.append(AuditEvent.staff_id == filters.staff_id)
    if filters.action:
        conditions.append(AuditEvent.action == filters.action)
    if filters.since is not None:
        conditions.append(AuditEvent.occurred_at >= _bound(filters.since, end=False))
    if filters.until is not None:
        end = _bound(filters.until, end=True)
        date_only = not isinstance(filters.until, dt.datetime)
        conditions.append(
            AuditEvent.occurred_at < end if date_only else AuditEvent.occurred_at <= end
        )
    if filters.patient_id is not None:
        conditions.append(_about_patient(connection, filters.patient_id))
    return conditions


def _about_patient(connection: Connection, patient_id: uuid.UUID) -> sa.ColumnElement[bool]:
    """The patient, their records by id, or a summary naming their id or record number."""
    ways: list[sa.ColumnElement[bool]] = [
        sa.and_(AuditEvent.entity_type == "patient", AuditEvent.entity_id == str(patient_id)),
        AuditEvent.summary.contains(f'"{patient_id}"', autoescape=True),
    ]
    record_no = connection.scalar(sa.select(Patient.record_no).where(Patient.id == patient_id))
    if record_no:
        ways.append(AuditEvent.summary.contains(f'"{record_no}"', autoescape=True))
    ids_of: dict[Any, list[str]] = {}
    for model in dict.fromkeys(CHILDREN.values()):
        ids_of[model] = [
            str(i)
            for i in connection.scalars(sa.select(model.id).where(model.patient_id == patient_id))
        ]
    for kind, model in CHILDREN.items():
        if ids_of[model]:
            ways.append(
                sa.and_(AuditEvent.entity_type == kind, AuditEvent.entity_id.in_(ids_of[model]))
            )
    return sa.or_(*ways)


def _patients_of(connection: Connection, events: Sequence[Row[Any]]) -> dict[uuid.UUID, str]:
    """Event id → "name (record no.)" for the events of a page that concern a patient: a
    few statements per page, never one per row."""
    wanted: dict[uuid.UUID, uuid.UUID | str] = {}  # event → patient id, or a record number
    by_kind: dict[str, dict[uuid.UUID, list[uuid.UUID]]] = {}  # kind → {child id: events}
    for event in events:
        named = _named_patient(event.summary)
        if event.entity_type == "patient" and event.entity_id:
            found = _uuid(event.entity_id)
            if found is not None:
                wanted[event.id] = found
        elif named is not None:
            wanted[event.id] = named
        elif event.entity_type in CHILDREN and event.entity_id:
            child = _uuid(event.entity_id)
            if child is not None:
                by_kind.setdefault(event.entity_type, {}).setdefault(child, []).append(event.id)
    for kind, children in by_kind.items():
        model = CHILDREN[kind]
        rows = connection.execute(
            sa.select(model.id, model.patient_id).where(model.id.in_(list(children)))
        )
        for child, owner in rows:
            for about in children[child] if owner is not None else ():
                wanted[about] = owner
    ids = {value for value in wanted.values() if isinstance(value, uuid.UUID)}
    numbers = {value for value in wanted.values() if isinstance(value, str)}
    people: dict[uuid.UUID | str, str] = {}
    if ids or numbers:
        rows = connection.execute(
            sa.select(Patient.id, Patient.record_no, Patient.name).where(
                sa.or_(Patient.id.in_(list(ids)), Patient.record_no.in_(list(numbers)))
            )
        )
        for patient_id, record_no, name in rows:
            people[patient_id] = people[record_no] = f"{name} ({record_no})"
    return {event: people[key] for event, key in wanted.items() if key in people}


def _named_patient(summary: str) -> uuid.UUID | str | None:
    """The ``patient`` a summary names: an id, or a record number (check-in)."""
    if '"patient"' not in summary:
        return None
    try:
        value = json.loads(summary).get("patient")
    except (ValueError, AttributeError):
        return None
    if not isinstance(value, str) or not value:
        return None
    return _uuid(value) or value


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


# Exporting lives in audit_export, which uses the reading above: imported at the end.
from desktop_app.services.audit_export import HEADER, export_xlsx  # noqa: E402

__all__ = [
    "ACTIONS",
    "CHILDREN",
    "HEADER",
    "AuditRow",
    "Filters",
    "export_xlsx",
    "page",
    "readable",
    "search",
    "staff_choices",
]
