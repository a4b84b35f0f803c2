"""What the reminder rules make of what happens: called inside the transaction of the
treatment, consultation, check-in or patient change that triggers them, so a reminder
exists exactly when its cause was saved.

Creating is idempotent (the rule, the source and the step are unique), rescheduling moves
the open reminder, and a cause that goes away cancels its open reminders, never deletes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.models import (
    Course,
    Patient,
    Priority,
    Reminder,
    ReminderRule,
    ReminderStatus,
    Role,
    Staff,
    Treatment,
    TreatmentItem,
    Trigger,
    Visit,
)

# Why an open reminder was closed without a call: codes the UI puts into words.
CANCELLED_TREATMENT = "treatment_cancelled"
CANCELLED_DEAL = "deal"
CANCELLED_COURSE_DONE = "course_finished"
CANCELLED_RESCHEDULED = "rescheduled"


def parse_offsets(text: str) -> tuple[int, ...]:
    """Parse "1, 3,7 30" as (1, 3, 7, 30); ValueError for anything else (checked when saved)."""
    parts = [p for p in text.replace("，", ",").replace(" ", ",").split(",") if p]
    days = tuple(sorted({int(p) for p in parts}))
    if not days or days[0] < 0 or days[-1] > 3650:
        raise ValueError(text)
    return days


@dataclass(frozen=True)
class Planned:
    """One reminder a rule asks for: pure data, written by ``_create`` or bulk by demo-data."""

    rule_id: uuid.UUID | None  # None: the built-in escalation, no rule behind it
    trigger: Trigger
    step: int
    due_on: dt.date
    reason: str
    priority: Priority
    max_attempts: int
    assignee_id: uuid.UUID | None
    assignee_role: Role | None


People = Mapping[Role, uuid.UUID | None]


@dataclass(frozen=True)
class Lead:
    """Whom a reminder is about when there is no patient yet: a booking's name and mobile."""

    name: str
    mobile: str | None


Subject = uuid.UUID | Lead  # a patient's id, or a lead


def subject_of(reminder: Reminder) -> Subject:
    """Whom an existing reminder is about, for the reminders it leads to."""
    if reminder.patient_id is not None:
        return reminder.patient_id
    return Lead(reminder.lead_name or "", reminder.lead_mobile)


def plan(
    rule: ReminderRule, day: dt.date, subject: str, people: People, default_role: Role
) -> list[Planned]:
    """The reminders ``rule`` makes of a trigger on ``day`` (one per offset).

    ``people`` are this patient's own people by role (the treating nurse or doctor, the
    visit's doctor, the assigned consultant): a rule naming a role goes to the patient's
    person of that role when there is one, else to everyone of the role; a rule naming
    nobody goes to the ``default_role``'s person (the treating nurse, the consultant …).
    """
    role = rule.assign_role or default_role
    person = rule.assign_staff_id or people.get(role)
    reason = f"{rule.name} · {subject}" if subject else rule.name
    return [
        Planned(
            rule.id,
            rule.trigger,
            offset,
            day + dt.timedelta(days=offset),
            reason[:200],
            rule.priority,
            rule.max_attempts,
            person,
            role,
        )
        for offset in parse_offsets(rule.offsets)
    ]


def people_of(
    session: Session,
    patient_id: uuid.UUID,
    visit_id: uuid.UUID | None = None,
    operator: uuid.UUID | None = None,
) -> tuple[dict[Role, uuid.UUID | None], Role | None]:
    """The patient's consultant, the visit's consultant and doctor, and the operator (who
    counts for their own role); returns them with the operator's role."""
    people: dict[Role, uuid.UUID | None] = {}
    patient = session.get(Patient, patient_id)
    if patient is not None:
        people[Role.CONSULTANT] = patient.consultant_id
    visit = session.get(Visit, visit_id) if visit_id is not None else None
    if visit is not None:
        people[Role.CONSULTANT] = visit.consultant_id or people.get(Role.CONSULTANT)
        people[Role.DOCTOR] = visit.doctor_id
    role = session.scalar(sa.select(Staff.role).where(Staff.id == operator)) if operator else None
    if role is not None:
        people[role] = operator
    return people, role


def rules_for(session: Session, trigger: Trigger) -> Sequence[ReminderRule]:
    return session.scalars(
        sa.select(ReminderRule).where(ReminderRule.trigger == trigger, ReminderRule.active)
    ).all()


def treatment_rules(rules: Iterable[ReminderRule], item: TreatmentItem) -> list[ReminderRule]:
    """The rules a treatment of ``item`` triggers: its own, and its category's."""
    return [
        r
        for r in rules
        if r.item_id == item.id or (r.item_id is None and r.category == item.category)
    ]


def on_treatment(session: Session, treatment: Treatment, item: TreatmentItem) -> None:
    """Follow-up calls, repurchase and review reminders after a treatment; the course's
    next-session reminder when it used a course."""
    day = treatment.started_at.astimezone().date()
    people, role = people_of(
        session, treatment.patient_id, treatment.visit_id, treatment.operator_id
    )
    for rule in treatment_rules(rules_for(session, Trigger.TREATMENT), item):
        planned = plan(rule, day, item.name, people, role or Role.NURSE)
        _create(session, treatment.patient_id, treatment.id, planned)
    if treatment.course_id is not None:
        course = session.get(Course, treatment.course_id)
        if course is not None:
            course_session_done(session, course, day, treatment.operator_id)


def on_treatment_cancelled(session: Session, treatment: Treatment, by: uuid.UUID | None) -> None:
    cancel(session, [treatment.id], CANCELLED_TREATMENT, by)


def course_session_done(
    session: Session, course: Course, day: dt.date, operator: uuid.UUID | None
) -> None:
    """The next session falls due an interval after this one; a finished course needs none."""
    open_ = _open(session, [course.id], Trigger.COURSE_DUE)
    if course.sessions_used >= course.sessions_total:
        _close(open_, CANCELLED_COURSE_DONE, operator)
        return
    for rule in rules_for(session, Trigger.COURSE_DUE):
        people, role = people_of(session, course.patient_id, None, operator)
        wanted = plan(rule, day, course.item_name, people, role or Role.NURSE)[0]
        mine = [r for r in open_ if r.rule_id == rule.id]
        if mine:  # reschedule the open one: it is the same "next session" reminder
            _move(mine[0], wanted.due_on, course.sessions_used, operator)
        else:
            _create(
                session, course.patient_id, course.id, [_with_step(wanted, course.sessions_used)]
            )


def on_consultation(
    session: Session, visit: Visit, consultant: uuid.UUID | None, dealt: bool, day: dt.date
) -> None:
    """A consultation without a deal asks for a revisit call; a deal cancels that call."""
    if dealt:
        cancel(session, [visit.id], CANCELLED_DEAL, consultant, trigger=Trigger.NO_DEAL)
        return
    for rule in rules_for(session, Trigger.NO_DEAL):
        _create(
            session,
            visit.patient_id,
            visit.id,
            plan(rule, day, "", {Role.CONSULTANT: consultant}, Role.CONSULTANT),
        )


def on_check_in(session: Session, visit: Visit) -> None:
    """The "N days since the last visit" reminder starts again from this visit."""
    day = visit.checked_in_at.astimezone().date()
    people, _role = people_of(session, visit.patient_id, visit.id)
    for rule in rules_for(session, Trigger.SINCE_LAST_VISIT):
        wanted = plan(rule, day, "", people, Role.CONSULTANT)[0]
        current = next(iter(_open_of(session, rule, visit.patient_id)), None)
        if current is not None:
            current.source_id = visit.id
            _move(current, wanted.due_on, wanted.step, None)
        else:
            _create(session, visit.patient_id, visit.id, [wanted])


def on_patient_saved(session: Session, patient: Patient, today: dt.date) -> int:
    """The next birthday's greeting, moved when the birth date is corrected; returns how
    many reminders it made."""
    made = 0
    for rule in rules_for(session, Trigger.BIRTHDAY):
        current = _open_of(session, rule, patient.id)
        if patient.birth_date is None:
            _close(current, CANCELLED_RESCHEDULED, None)
            continue
        birthday = next_birthday(patient.birth_date, today)
        wanted = _with_step(
            plan(rule, birthday, "", {Role.CONSULTANT: patient.consultant_id}, Role.CONSULTANT)[0],
            _day_step(birthday),
        )
        born = patient.birth_date
        # An open greeting for another day of this birth date (overdue, say) stays; one
        # for a birth date since corrected is cancelled.
        wrong = [
            r
            for r in current
            if _day_step(next_birthday(born, dt.date(r.step // 10_000, 1, 1))) != r.step
        ]
        _close(wrong, CANCELLED_RESCHEDULED, None)
        if not any(r.step == wanted.step for r in current):
            made += len(_create(session, patient.id, patient.id, [wanted]))
    return made


def _day_step(day: dt.date) -> int:
    """A birthday reminder's step: its date as 20270315, one greeting per birthday even
    when a corrected birth date moves it within the same year."""
    return day.year * 10_000 + day.month * 100 + day.day


def next_birthday(born: dt.date, today: dt.date) -> dt.date:
    """This year's birthday if still to come (today included), else next year's; 29 Feb
    is celebrated on 28 Feb in common years."""
    for year in (today.year, today.year + 1):
        try:
            day = born.replace(year=year)
        except ValueError:
            day = dt.date(year, 2, 28)
        if day >= today:
            return day
    raise AssertionError("unreachable")


def escalate(
    session: Session,
    subject: Subject,
    follow_up_id: uuid.UUID,
    doctor: uuid.UUID | None,
    day: dt.date,
    reason: str,
) -> list[Reminder]:
    """An adverse reaction needing review: an urgent reminder for the doctor, due today.
    Built in if the clinic switched its rule off, because this one must never be lost."""
    rules = rules_for(session, Trigger.ADVERSE_REACTION)
    people = {Role.DOCTOR: doctor}
    planned = [p for rule in rules for p in plan(rule, day, reason, people, Role.DOCTOR)]
    if not planned:
        planned = [builtin_escalation(day, reason, doctor)]
    return _create(session, subject, follow_up_id, planned)


def builtin_escalation(day: dt.date, subject: str, doctor: uuid.UUID | None) -> Planned:
    """The doctor's urgent review when the clinic has switched its rule off."""
    role = None if doctor else Role.DOCTOR
    return Planned(
        None,
        Trigger.ADVERSE_REACTION,
        0,
        day,
        subject[:200] or "!",
        Priority.URGENT,
        3,
        doctor,
        role,
    )


def cancel(
    session: Session,
    source_ids: Sequence[uuid.UUID],
    reason: str,
    by: uuid.UUID | None,
    *,
    trigger: Trigger | None = None,
) -> None:
    _close(_open(session, source_ids, trigger), reason, by)


def _open_of(session: Session, rule: ReminderRule, patient_id: uuid.UUID) -> list[Reminder]:
    """A patient's open reminders from one rule (index on patient_id)."""
    return list(
        session.scalars(
            sa.select(Reminder).where(
                Reminder.patient_id == patient_id,
                Reminder.rule_id == rule.id,
                Reminder.status == ReminderStatus.OPEN,
            )
        )
    )


def _open(
    session: Session, source_ids: Sequence[uuid.UUID], trigger: Trigger | None
) -> list[Reminder]:
    query = sa.select(Reminder).where(
        Reminder.source_id.in_(source_ids), Reminder.status == ReminderStatus.OPEN
    )
    if trigger is not None:
        query = query.where(Reminder.trigger == trigger)
    return list(session.scalars(query))


def _close(reminders: Iterable[Reminder], reason: str, by: uuid.UUID | None) -> None:
    for reminder in reminders:
        reminder.status = ReminderStatus.CANCELLED
        reminder.close_reason = reason
        reminder.closed_at = dt.datetime.now(dt.UTC)
        reminder.closed_by_id = by
        reminder.updated_by_id = by


def _move(reminder: Reminder, due_on: dt.date, step: int, by: uuid.UUID | None) -> None:
    reminder.scheduled_on = reminder.due_on = due_on
    reminder.step = step
    reminder.attempts = 0
    reminder.updated_by_id = by


def _with_step(planned: Planned, step: int) -> Planned:
    return Planned(**{**planned.__dict__, "step": step})


def _create(
    session: Session, subject: Subject, source_id: uuid.UUID, planned: Sequence[Planned]
) -> list[Reminder]:
    """Add what is not there yet (rule, source and step are unique); returns the new ones.
    ``subject`` is the patient's id, or a lead's name and mobile."""
    if not planned:
        return []
    have = set(
        session.execute(
            sa.select(Reminder.rule_id, Reminder.step).where(Reminder.source_id == source_id)
        ).all()
    )
    patient_id, lead = (None, subject) if isinstance(subject, Lead) else (subject, None)
    made = []
    for p in planned:
        if (p.rule_id, p.step) in have:
            continue
        reminder = Reminder(
            patient_id=patient_id,
            lead_name=lead.name[:100] if lead else None,
            lead_mobile=lead.mobile if lead else None,
            rule_id=p.rule_id,
            trigger=p.trigger,
            source_id=source_id,
            step=p.step,
            reason=p.reason,
            scheduled_on=p.due_on,
            due_on=p.due_on,
            priority=p.priority,
            max_attempts=p.max_attempts,
        )
        assign(session, reminder, p.assignee_id, p.assignee_role)
        session.add(reminder)
        made.append(reminder)
    session.flush()
    return made


def assign(
    session: Session, reminder: Reminder, staff_id: uuid.UUID | None, role: Role | None
) -> None:
    """A person (if active) with their role, so "my role" lists it too; else the role;
    else the managers, so that someone always sees it."""
    person = session.get(Staff, staff_id) if staff_id is not None else None
    if person is not None and person.active:
        reminder.assignee_id, reminder.assignee_role = person.id, person.role
    else:
        reminder.assignee_id, reminder.assignee_role = None, role or Role.MANAGER
