"""Treatment plans (方案): agreed items at agreed prices; a package becomes a course (疗程)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Course, PlanItem, TreatmentItem, TreatmentPlan, Visit
from desktop_app.services import audit, catalogue
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require

MAX_SESSIONS = 100


@dataclass(frozen=True)
class PlanLine:
    item: str  # catalogue name
    price: str | Decimal
    sessions: int = 1  # more than one: a course of that many sessions
    expires_on: dt.date | None = None  # a course's expiry


@dataclass(frozen=True)
class CourseState:
    id: uuid.UUID
    item: str
    sessions_total: int
    sessions_used: int
    expires_on: dt.date | None

    @property
    def sessions_left(self) -> int:
        return self.sessions_total - self.sessions_used


def create_plan(
    database: Database,
    actor: Actor,
    patient_id: uuid.UUID,
    lines: list[PlanLine],
    *,
    visit_id: uuid.UUID | None = None,
    note: str = "",
) -> uuid.UUID:
    """Record what was agreed; each package line opens a course. The visit becomes a sale."""
    require(actor, Permission.WRITE_PLAN, database)
    if not lines:
        raise ValidationError("items", "required", "Add at least one item.")
    today = dt.date.today()
    for line in lines:
        if not 1 <= line.sessions <= MAX_SESSIONS:
            raise ValidationError("sessions", "out_of_range", "1 to 100 sessions.", min=1, max=100)
        if line.expires_on is not None and line.expires_on < today:
            raise ValidationError("expires_on", "past_date", "The course would already be expired.")
    with unit_of_work(database) as session:
        plan = TreatmentPlan(
            patient_id=patient_id,
            visit_id=visit_id,
            created_by_id=actor.staff_id,
            note=note.strip(),
            updated_by_id=actor.staff_id,
        )
        session.add(plan)
        session.flush()
        for line in lines:
            item = catalogue.item_by_name(session, line.item)
            price = catalogue.money(line.price, "price")
            if price is None:
                raise ValidationError("price", "required", "Enter the agreed price.")
            plan_item = PlanItem(
                plan_id=plan.id, item_id=item.id, price=price, sessions=line.sessions
            )
            session.add(plan_item)
            session.flush()
            if line.sessions > 1:
                session.add(
                    Course(
                        patient_id=patient_id,
                        item_name=item.name,
                        item_id=item.id,
                        plan_item_id=plan_item.id,
                        sessions_total=line.sessions,
                        sessions_used=0,
                        expires_on=line.expires_on,
                        updated_by_id=actor.staff_id,
                    )
                )
        if visit_id is not None:
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise NotFoundError(f"No visit {visit_id}.")
            visit.purchased = True
        audit.record(
            session,
            actor,
            "create",
            "treatment_plan",
            plan.id,
            lines=[[line.item, str(line.price), line.sessions] for line in lines],
        )
        return plan.id


def courses_of(database: Database, actor: Actor, patient_id: uuid.UUID) -> list[CourseState]:
    require(actor, Permission.VIEW_TREATMENT, database)
    with unit_of_work(database, write=False) as session:
        rows = session.scalars(
            sa.select(Course).where(Course.patient_id == patient_id).order_by(Course.created_at)
        )
        return [
            CourseState(c.id, c.item_name, c.sessions_total, c.sessions_used, c.expires_on)
            for c in rows
        ]


def usable_course(session: sa.orm.Session, course_id: uuid.UUID, item: TreatmentItem) -> Course:
    """The course a treatment consumes a session of: same item, sessions left, not expired."""
    course = session.get(Course, course_id)
    if course is None:
        raise NotFoundError(f"No course {course_id}.")
    if course.item_id not in (None, item.id):
        raise ValidationError("course", "course_item", "This course is for another item.")
    if course.sessions_used >= course.sessions_total:
        raise ValidationError("course", "course_used_up", "No sessions are left on this course.")
    if course.expires_on is not None and course.expires_on < dt.date.today():
        raise ValidationError("course", "course_expired", "This course has expired.")
    return course
