"""Staff performance (issue 12): per person — consultations and deals, patients treated,
follow-up calls on time, late or overdue, and the satisfaction their calls heard; ranked.

Events (a person, a patient, which measure, a score) are consultations, treatments,
reminders and follow-ups in the period, one selectable per kind. The report groups each
kind per person and adds those rows up; a drill-down reads the union of the same
selectables, so a list is always the patients behind its number.

Counts are of what the measure names — consultations, deals, calls — except treated
patients, which are distinct patients. A drill-down lists distinct patients: a patient
consulted twice appears once under a count of 2, and a call to a lead not yet registered
counts but lists nobody.
"""

from __future__ import annotations

import datetime as dt
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import (
    Consultation,
    FollowUp,
    Outcome,
    Reminder,
    ReminderStatus,
    Role,
    Staff,
    Treatment,
    Visit,
)
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.report_common import (
    ReportPatient,
    audit_opening,
    check_period,
    local_day,
    patients_in,
    rate,
    within,
)

Measure = Literal[
    "consultations",
    "deals",
    "treated",
    "calls_on_time",
    "calls_late",
    "calls_open_overdue",
    "satisfaction",
]
MEASURES: tuple[Measure, ...] = (
    "consultations",
    "deals",
    "treated",
    "calls_on_time",
    "calls_late",
    "calls_open_overdue",
    "satisfaction",
)

CONCURRENT_KINDS = 2  # connections at once: a station's cores, most have two or more
# The per-person sums: each measure's count, satisfaction as a sum and a count of scores.
TOTALS = (*MEASURES[:-1], "score_sum", "satisfaction_count")


@dataclass(frozen=True)
class StaffRow:
    """One person's period. ``satisfaction_avg`` is None when no call of theirs was rated."""

    staff_id: uuid.UUID
    name: str
    role: Role
    consultations: int
    deals: int
    treated_patients: int
    calls_on_time: int
    calls_late: int
    calls_open_overdue: int
    satisfaction_avg: float | None
    satisfaction_count: int

    @property
    def deal_rate(self) -> float | None:
        return rate(self.deals, self.consultations)


def staff_performance(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    *,
    today: dt.date | None = None,
) -> list[StaffRow]:
    """Everyone, active or not, who did anything from ``since`` to ``until`` (local days,
    inclusive); most deals first, then most treated patients, then by name. A call still
    open is overdue when its due day is before ``today`` (the station's local today)."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    today = today or dt.date.today()
    # Each kind of event grouped per person on its own (grouping their union would first
    # copy every event of the period), the kinds at once on connections of their own —
    # they read different tables — and the few rows per person added up here.
    kinds = _events(database, since, until, today)
    with ThreadPoolExecutor(max_workers=CONCURRENT_KINDS) as pool:
        per_kind = list(pool.map(lambda kind: _counted(database, *kind), kinds))
    totals: dict[uuid.UUID, dict[str, float]] = {}
    for rows in per_kind:
        for row in rows:
            person = totals.setdefault(row.staff_id, dict.fromkeys(TOTALS, 0.0))
            for name in TOTALS:
                person[name] += float(row._mapping[name] or 0)
    with reading(database) as connection:
        people = connection.execute(  # in the database's order of names, for ties
            sa.select(Staff.id, Staff.display_name, Staff.role)
            .where(Staff.id.in_(list(totals)))
            .order_by(Staff.display_name, Staff.id)
        ).all()
        audit_opening(connection, actor, "staff_performance", since=since, until=until)
    ranked = sorted(
        enumerate(people),
        key=lambda at: (-totals[at[1].id]["deals"], -totals[at[1].id]["treated"], at[0]),
    )
    return [_row(person, totals[person.id]) for _order, person in ranked]


def _counted(database: Database, events: sa.Select, measures: tuple[Measure, ...]) -> list[sa.Row]:
    with reading(database) as connection:
        return list(connection.execute(_per_person(events.subquery(), measures)))


def _row(person: sa.Row, total: dict[str, float]) -> StaffRow:
    rated = int(total["satisfaction_count"])
    return StaffRow(
        person.id,
        person.display_name,
        Role(person.role),
        int(total["consultations"]),
        int(total["deals"]),
        int(total["treated"]),
        int(total["calls_on_time"]),
        int(total["calls_late"]),
        int(total["calls_open_overdue"]),
        total["score_sum"] / rated if rated else None,
        rated,
    )


def staff_patients(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    staff_id: uuid.UUID,
    measure: Measure,
    *,
    today: dt.date | None = None,
) -> list[ReportPatient]:
    """The distinct patients behind one number of ``staff_performance``, by record number."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    if measure not in MEASURES:
        raise ValidationError("measure", "invalid", f"Choose one of {', '.join(MEASURES)}.")
    kinds = _events(database, since, until, today or dt.date.today())
    events = sa.union_all(*(kind for kind, _measures in kinds)).subquery()
    ids = sa.select(events.c.patient_id).where(
        events.c.staff_id == staff_id,
        _matches(events, measure),
        events.c.patient_id.is_not(None),
    )
    with reading(database) as connection:
        listed = patients_in(connection, ids)
        audit_opening(
            connection,
            actor,
            "staff_performance_patients",
            since=since,
            until=until,
            staff=str(staff_id),
            measure=measure,
            patients=len(listed),
        )
    return listed


def _event(
    staff: sa.ColumnElement, patient: sa.ColumnElement, measure: sa.ColumnElement | str
) -> list[sa.ColumnElement]:
    label = sa.literal(measure, sa.String) if isinstance(measure, str) else measure
    return [
        staff.label("staff_id"),
        patient.label("patient_id"),
        label.label("measure"),
        sa.cast(sa.null(), sa.Integer).label("score"),
    ]


def _matches(events: sa.Subquery, measure: Measure) -> sa.ColumnElement[bool]:
    """An event counts under ``measure``: its own, or a deal under consultations."""
    if measure == "consultations":
        return events.c.measure.in_(("consultations", "deals"))
    return events.c.measure == measure


def _per_person(events: sa.Subquery, measures: tuple[Measure, ...]) -> sa.Select:
    """One kind of event's counts per person, in the columns every kind shares: those of
    its ``measures`` counted, the others 0 (no CASE evaluated for them on every row)."""

    def counted(measure: Measure) -> sa.ColumnElement[int]:
        return sa.func.coalesce(sa.func.sum(sa.case((_matches(events, measure), 1))), 0)

    zero = sa.literal(0, sa.Integer)
    columns: dict[str, sa.ColumnElement] = {name: zero for name in TOTALS}
    for measure in measures:
        if measure == "treated":
            columns[measure] = sa.func.count(sa.distinct(events.c.patient_id))
        elif measure == "satisfaction":
            columns["score_sum"] = sa.func.coalesce(sa.func.sum(events.c.score), 0)
            columns["satisfaction_count"] = sa.func.count(events.c.score)
        else:
            columns[measure] = counted(measure)
    labelled = (column.label(name) for name, column in columns.items())
    return sa.select(events.c.staff_id, *labelled).group_by(events.c.staff_id)


def _events(
    database: Database, since: dt.date, until: dt.date, today: dt.date
) -> tuple[tuple[sa.Select, tuple[Measure, ...]], ...]:
    """Each kind of thing a person did in the period, one row per event: (staff_id,
    patient_id, measure, score), with the measures its rows can have; the union of the
    kinds is every event.

    A consultation is dated by its visit (a correction made later stays on the visit's
    day) and counted in its current version only. A call is a reminder assigned to the
    person and due in the period (its due day moves when a call goes unanswered): done on
    or before that day is on time, after it late; a cancelled one is no call.
    """

    # One row per consultation, its measure "deals" when it was one: a deal is a
    # consultation too (``_matches``), and the period's consultations are read once.
    deal_or_not = sa.case(
        (Consultation.outcome == Outcome.DEAL, "deals"), else_=sa.literal("consultations")
    )
    consulted = (
        sa.select(*_event(Consultation.author_id, Consultation.patient_id, deal_or_not))
        .join(Visit, Visit.id == Consultation.visit_id)
        .where(sa.not_(Consultation.replaced), within(Visit.checked_in_at, since, until))
    )
    treated = sa.select(*_event(Treatment.operator_id, Treatment.patient_id, "treated")).where(
        Treatment.cancelled_at.is_(None), within(Treatment.started_at, since, until)
    )
    done = Reminder.status == ReminderStatus.DONE
    closed_on = local_day(database, Reminder.closed_at)
    kind = sa.case(
        (sa.and_(done, closed_on <= Reminder.due_on), "calls_on_time"),
        (done, "calls_late"),
        (
            sa.and_(Reminder.status == ReminderStatus.OPEN, Reminder.due_on < today),
            "calls_open_overdue",
        ),
    )
    called = sa.select(*_event(Reminder.assignee_id, Reminder.patient_id, kind)).where(
        Reminder.assignee_id.is_not(None),
        Reminder.due_on.between(since, until),
        # not "!= cancelled": the IN lets the (status, due_on) index find the period's calls
        Reminder.status.in_([ReminderStatus.DONE, ReminderStatus.OPEN]),
        sa.or_(done, Reminder.due_on < today),
    )
    rated = sa.select(
        FollowUp.author_id.label("staff_id"),
        FollowUp.patient_id.label("patient_id"),
        sa.literal("satisfaction", sa.String).label("measure"),
        FollowUp.satisfaction.label("score"),
    ).where(FollowUp.satisfaction.is_not(None), within(FollowUp.called_at, since, until))
    return (
        (consulted, ("consultations", "deals")),
        (treated, ("treated",)),
        (called, ("calls_on_time", "calls_late", "calls_open_overdue")),
        (rated, ("satisfaction",)),
    )
