"""The channel funnel (issue 12): per source channel — or per local month of registration,
to see it over time — how many of the patients registered in a period arrived, consulted,
were treated and came back for more, and who they are.

One SQL statement per answer: a per-patient row of 0/1 step flags (EXISTS and a correlated
count) inside, conditional sums per channel outside, so a clinic of 200,000 patients is
counted by the database and never loaded. The drill-down reads the same flags, so its
lists always match the counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Consultation, Patient, Treatment, Visit
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.report_common import (
    ReportPatient,
    audit_opening,
    check_period,
    flag,
    local_day,
    rate,
    within,
)

Step = Literal["new", "arrived", "consulted", "dealt", "repurchased"]
STEPS: tuple[Step, ...] = ("new", "arrived", "consulted", "dealt", "repurchased")


class StepRates:
    """The rates between the five steps, for a row that has their counts."""

    new: int
    arrived: int
    consulted: int
    dealt: int
    repurchased: int

    @property
    def arrival_rate(self) -> float | None:
        return rate(self.arrived, self.new)

    @property
    def consultation_rate(self) -> float | None:
        return rate(self.consulted, self.arrived)

    @property
    def deal_rate(self) -> float | None:
        return rate(self.dealt, self.consulted)

    @property
    def repurchase_rate(self) -> float | None:
        return rate(self.repurchased, self.dealt)


@dataclass(frozen=True)
class FunnelRow(StepRates):
    """One channel's steps; ``channel`` "" is patients with no channel recorded."""

    channel: str
    new: int
    arrived: int
    consulted: int
    dealt: int
    repurchased: int
    share: float | None = None  # of all new patients in the period


@dataclass(frozen=True)
class MonthRow(StepRates):
    """One local calendar month's registrations ("2026-03") and their steps."""

    month: str
    new: int
    arrived: int
    consulted: int
    dealt: int
    repurchased: int


FunnelPatient = ReportPatient  # the drill-down's rows


def channel_funnel(
    database: Database, actor: Actor, since: dt.date, until: dt.date
) -> list[FunnelRow]:
    """Patients registered from ``since`` to ``until`` (local days, inclusive), per channel,
    each counted once per step reached at any time up to now; most new patients first."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    with reading(database) as connection:
        flags = _flags(since, until).subquery()
        total = sa.func.count()
        query = (
            sa.select(
                flags.c.channel,
                total.label("new"),
                *(sa.func.sum(flags.c[step]).label(step) for step in STEPS[1:]),
            )
            .group_by(flags.c.channel)
            .order_by(total.desc(), flags.c.channel)
        )
        rows = connection.execute(query).all()
        audit_opening(connection, actor, "channel_funnel", since=since, until=until)
    everyone = sum(row.new for row in rows)
    return [
        FunnelRow(
            row.channel,
            row.new,
            *(int(row._mapping[step] or 0) for step in STEPS[1:]),
            share=rate(row.new, everyone),
        )
        for row in rows
    ]


def funnel_patients(
    database: Database, actor: Actor, since: dt.date, until: dt.date, channel: str, step: Step
) -> list[FunnelPatient]:
    """The patients behind one number of ``channel_funnel``, by record number."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    return _listed(
        database,
        actor,
        since,
        until,
        step,
        lambda flags: flags.c.channel == channel,
        "channel_funnel_patients",
        channel=channel,
    )


def monthly_funnel(
    database: Database, actor: Actor, since: dt.date, until: dt.date
) -> list[MonthRow]:
    """``channel_funnel`` per local month of registration instead of per channel, oldest
    first; a month of the period nobody registered in is a row of zeros, so a line over the
    months does not skip it. No registration at all in the period: no rows."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    with reading(database) as connection:
        flags = _flags(since, until).subquery()
        month = _month(database, flags.c.created_at).label("month")
        query = sa.select(
            month,
            sa.func.count().label("new"),
            *(sa.func.sum(flags.c[step]).label(step) for step in STEPS[1:]),
        ).group_by(month)
        counted = {
            row.month: [int(row._mapping[step] or 0) for step in STEPS]
            for row in connection.execute(query)
        }
        audit_opening(connection, actor, "monthly_funnel", since=since, until=until)
    if not counted:
        return []
    nobody = [0] * len(STEPS)
    return [MonthRow(name, *counted.get(name, nobody)) for name in months(since, until)]


def month_patients(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    month: str,
    step: Step,
) -> list[FunnelPatient]:
    """The patients behind one number of ``monthly_funnel``, by record number."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    if month not in months(since, until):
        raise ValidationError("month", "invalid", "Choose a month of the period.")
    return _listed(
        database,
        actor,
        since,
        until,
        step,
        lambda flags: _month(database, flags.c.created_at) == month,
        "monthly_funnel_patients",
        month=month,
    )


def _listed(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    step: Step,
    where: Callable[[sa.Subquery], sa.ColumnElement[bool]],
    report: str,
    **summary: object,
) -> list[FunnelPatient]:
    """The cohort's patients ``where`` picks who reached ``step``, audited as ``report``."""
    if step not in STEPS:
        raise ValidationError("step", "invalid", f"Choose one of {', '.join(STEPS)}.")
    flags = _flags(since, until).subquery()
    query = sa.select(flags.c.id, flags.c.record_no, flags.c.name, flags.c.mobile).where(
        where(flags)
    )
    if step != "new":
        query = query.where(flags.c[step] == 1)
    with reading(database) as connection:
        rows = connection.execute(query.order_by(flags.c.record_no)).all()
        audit_opening(
            connection,
            actor,
            report,
            since=since,
            until=until,
            **summary,
            step=step,
            patients=len(rows),
        )
    return [ReportPatient.of(row) for row in rows]


def months(since: dt.date, until: dt.date) -> list[str]:
    """The calendar months ("2026-03") the local days ``since`` … ``until`` touch."""
    first, last = since.year * 12 + since.month - 1, until.year * 12 + until.month - 1
    return [f"{index // 12:04d}-{index % 12 + 1:02d}" for index in range(first, last + 1)]


def _month(database: Database, column: sa.ColumnElement) -> sa.ColumnElement[str]:
    """The local calendar month ("2026-03") of a UTC timestamp: of its local day."""
    day = local_day(database, column)
    if database.kind == "postgresql":
        return sa.func.to_char(day, "YYYY-MM")
    return sa.func.substr(day, 1, 7)  # SQLite's date() is text: "2026-03-31"


def _flags(since: dt.date, until: dt.date) -> sa.Select:
    """One row per patient of the cohort: its registration, channel and a 0/1 column per
    step."""
    kept = Treatment.cancelled_at.is_(None)
    # A visit is a check-in (a no-show booking has none); leaving untreated is still arriving.
    arrived = sa.exists().where(Visit.patient_id == Patient.id)
    consulted = sa.exists().where(Consultation.patient_id == Patient.id)
    dealt = sa.exists().where(Treatment.patient_id == Patient.id, kept)
    treated_days = (
        sa.select(sa.func.count(sa.distinct(Treatment.started_on)))
        .where(Treatment.patient_id == Patient.id, kept)
        .scalar_subquery()
    )
    return sa.select(
        Patient.id,
        Patient.record_no,
        Patient.name,
        Patient.mobile,
        Patient.created_at,
        sa.func.coalesce(Patient.source_channel, "").label("channel"),
        flag(arrived).label("arrived"),
        flag(consulted).label("consulted"),
        flag(dealt).label("dealt"),
        flag(treated_days >= 2).label("repurchased"),
    ).where(within(Patient.created_at, since, until))
