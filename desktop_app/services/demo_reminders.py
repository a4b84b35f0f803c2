"""Demo patients' reminders and follow-up calls, drawn from their clinical record.

The clinic's own rules (read once per load, ``prepare``) are applied through the rule
engine's pure ``reminder_engine.plan`` to what the record holds, as the services would have
applied them when it was entered: post-op calls and repurchase or review reminders after
treatments, a revisit call after a consultation without a deal, the next course session,
birthday greetings (the one set at registration, then each year's from the daily sweep),
when the clinic switched it on, "N days since the last visit"; and, after some
consultations, a reminder the consultant wrote by hand.

What was due before ``Clinic.today`` has mostly been worked: calls (``FollowUp`` rows)
that mostly reached the patient, some not (tried again the next day up to the rule's
tries, then closed as unreachable), a few mild reactions and, rarely, one needing review,
which made the doctor's urgent reminder as ``reminders.record_call`` does. A few recent
ones are still open (the panel's overdue section); everything due from today on is open.
A course's next-session reminder moves with each session and is cancelled when the course
is finished, as ``reminder_engine.course_session_done`` does.

Each patient's reminders come from a random stream of their own, so they change nothing
else the seed decides.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.models import (
    Consultation,
    Course,
    FollowUp,
    Outcome,
    Priority,
    Reaction,
    Reminder,
    ReminderRule,
    ReminderStatus,
    Role,
    Staff,
    Treatment,
    TreatmentItem,
    Trigger,
)
from desktop_app.services import reminder_engine
from desktop_app.services.demo_clinic import Clinic, new_uuid
from desktop_app.services.demo_practice import (
    CALL_NOTES,
    MANUAL_REASONS,
    MILD_NOTES,
    NEXT_STEPS,
    RECOVERY_NOTES,
    REVIEW_NOTES,
)
from desktop_app.services.reminder_engine import CANCELLED_COURSE_DONE as COURSE_DONE
from desktop_app.services.reminder_engine import Planned
from desktop_app.services.reminders import CLOSED_UNREACHABLE, HORIZON_DAYS

# In the order they are written (follow-ups refer to reminders).
TABLES: tuple[sa.Table, ...] = (Reminder.__table__, FollowUp.__table__)  # type: ignore[assignment]
Rows = dict[str, list[dict[str, object]]]

NOT_REACHED = 0.15  # a call nobody answers
LATE_CALL = 0.2  # made a day or two after the due date
STILL_OVERDUE_DAYS = 10  # of the reminders due this recently …
STILL_OVERDUE = 0.25  # … this share has not been worked yet
MILD, NEEDS_REVIEW = 0.06, 0.004  # reactions found by a post-treatment call
SATISFACTION = {5: 55, 4: 33, 3: 8, 2: 3, 1: 1}
MANUAL_SHARE = 0.3  # consultations after which the consultant notes a reminder by hand


@dataclass(frozen=True)
class Rules:
    """The active rules as drawing needs them (transient copies: sent to the workers)."""

    by_item: dict[uuid.UUID, tuple[ReminderRule, ...]]  # treatment rules per catalogue item
    by_trigger: dict[Trigger, tuple[ReminderRule, ...]]
    staff: dict[uuid.UUID, Role]  # active staff: who a person-assigned reminder goes to
    callers: dict[Role, tuple[uuid.UUID, ...]]  # who works a role's reminders


def prepare(session: Session) -> Rules:
    """The clinic's active rules and staff, as ``reminder_engine`` reads them."""
    rules = [_copy(rule) for rule in session.scalars(sa.select(ReminderRule))]
    active = [rule for rule in rules if rule.active]
    treatment = [rule for rule in active if rule.trigger == Trigger.TREATMENT]
    by_item = {
        item.id: tuple(reminder_engine.treatment_rules(treatment, item))
        for item in session.scalars(sa.select(TreatmentItem))
    }
    staff = dict(session.execute(sa.select(Staff.id, Staff.role).where(Staff.active)).all())
    callers: dict[Role, tuple[uuid.UUID, ...]] = {
        role: tuple(sorted(i for i, r in staff.items() if r == role)) for role in Role
    }
    return Rules(
        {item: found for item, found in by_item.items() if found},
        {t: tuple(r for r in active if r.trigger == t) for t in Trigger if t != Trigger.TREATMENT},
        staff,
        callers,
    )


def _copy(rule: ReminderRule) -> ReminderRule:
    names = ("id", "name", "trigger", "item_id", "category", "offsets", "assign_role")
    more = ("assign_staff_id", "script", "priority", "max_attempts", "active")
    return ReminderRule(**{name: getattr(rule, name) for name in (*names, *more)})


def draw(
    clinic: Clinic,
    rules: Rules,
    seed: int,
    patient: dict[str, object],
    visits: list[dict[str, object]],
    record: Rows,
) -> Rows:
    """Reminders and follow-ups of one patient whose visits and record are drawn."""
    desk = _Desk(clinic, rules, random.Random(f"{seed}:{patient['id']}:reminders"), patient)
    desk.work(visits, record)
    return desk.rows


class _Desk:
    """Makes the reminders in the order their causes happened, and works the due ones."""

    def __init__(
        self, clinic: Clinic, rules: Rules, rng: random.Random, patient: dict[str, object]
    ) -> None:
        self.clinic, self.rules, self.rng, self.patient = clinic, rules, rng, patient
        self.today = clinic.today
        self.rows: Rows = {table.name: [] for table in TABLES}
        self.scripts = {
            rule.id: rule.script for rules in rules.by_trigger.values() for rule in rules
        }
        self.scripts.update((r.id, r.script) for found in rules.by_item.values() for r in found)
        self.names = {item.id: item.name for item in clinic.items}

    def work(self, visits: list[dict[str, object]], record: Rows) -> None:
        by_visit = {visit["id"]: visit for visit in visits}
        consulted = {
            row["visit_id"]: row
            for row in record.get(Consultation.__tablename__, ())
            if row["outcome"] != Outcome.DEAL.value
        }
        talks: dict[object, list[dict[str, object]]] = {}
        for row in record.get(Consultation.__tablename__, ()):
            talks.setdefault(row["visit_id"], []).append(row)
        treated: dict[object, list[dict[str, object]]] = {}
        for row in record.get(Treatment.__tablename__, ()):
            treated.setdefault(row["visit_id"], []).append(row)
        courses = {row["id"]: row for row in record.get(Course.__tablename__, ())}
        since_last: dict[uuid.UUID, dict[str, object]] = {}
        course_open: dict[tuple[object, uuid.UUID], dict[str, object]] = {}
        used: dict[object, int] = {}
        for visit in visits:
            at = visit["checked_in_at"]
            assert isinstance(at, dt.datetime)
            day = at.astimezone().date()
            for rule in self.rules.by_trigger[Trigger.SINCE_LAST_VISIT]:
                self._since_last_visit(since_last, rule, visit, day, at)
            for talk in talks.get(visit["id"], ()):
                if self.rng.random() < MANUAL_SHARE:
                    self._manual(talk, day)
            if (talk := consulted.get(visit["id"])) is not None:
                for rule in self.rules.by_trigger[Trigger.NO_DEAL]:
                    people = {Role.CONSULTANT: _id(talk["author_id"])}
                    planned = reminder_engine.plan(rule, day, "", people, Role.CONSULTANT)
                    for row in self._made(planned, visit["id"], talk["created_at"]):
                        self._settle(row)
            for treatment in treated.get(visit["id"], ()):
                self._treatment(treatment, by_visit, courses, course_open, used)
        for row in (*since_last.values(), *course_open.values()):
            self._settle(row)
        self._birthdays()

    # --- what the rule engine makes -----------------------------------------------------------

    def _treatment(
        self,
        treatment: dict[str, object],
        by_visit: dict[object, dict[str, object]],
        courses: dict[object, dict[str, object]],
        course_open: dict[tuple[object, uuid.UUID], dict[str, object]],
        used: dict[object, int],
    ) -> None:
        """As ``reminder_engine.on_treatment``: the item's series, then the course's next."""
        start, end = treatment["started_at"], treatment["ended_at"]
        assert isinstance(start, dt.datetime) and isinstance(end, dt.datetime)
        day, operator = start.astimezone().date(), _id(treatment["operator_id"])
        visit = by_visit[treatment["visit_id"]]
        doctor = _id(visit["doctor_id"])
        people, role = self._people(visit, operator)
        subject = self.names.get(_id(treatment["item_id"]) or uuid.UUID(int=0), "")
        for rule in self.rules.by_item.get(_id(treatment["item_id"]) or uuid.UUID(int=0), ()):
            planned = reminder_engine.plan(rule, day, subject, people, role or Role.NURSE)
            for row in self._made(planned, treatment["id"], end):
                self._settle(row, doctor=doctor)
        course = courses.get(treatment["course_id"]) if treatment["course_id"] else None
        if course is None:
            return
        used[course["id"]] = done = used.get(course["id"], 0) + 1
        finished = done >= course["sessions_total"]  # type: ignore[operator]
        for rule in self.rules.by_trigger[Trigger.COURSE_DUE]:
            key = (course["id"], rule.id)
            current = course_open.pop(key, None)
            if current is not None and self._settle(current, until=day):
                current = None  # worked (or closed) before this session
            if finished:
                if current is not None:
                    self._close(current, ReminderStatus.CANCELLED, end, operator, COURSE_DONE)
                continue
            people, role = self._people(None, operator)
            subject = str(course["item_name"])
            wanted = reminder_engine.plan(rule, day, subject, people, role or Role.NURSE)
            due = wanted[0].due_on
            if current is not None:  # the same "next session" reminder, moved
                current.update(scheduled_on=due, due_on=due, step=done, attempts=0)
                current.update(updated_at=end, version=current["version"] + 1)  # type: ignore[operator]
                course_open[key] = current
            else:
                course_open[key] = self._made([_step(wanted[0], done)], course["id"], end)[0]

    def _since_last_visit(
        self,
        since_last: dict[uuid.UUID, dict[str, object]],
        rule: ReminderRule,
        visit: dict[str, object],
        day: dt.date,
        at: dt.datetime,
    ) -> None:
        """As ``reminder_engine.on_check_in``: the open one restarts from this visit."""
        people, _role = self._people(visit, None)
        wanted = reminder_engine.plan(rule, day, "", people, Role.CONSULTANT)[0]
        current = since_last.pop(rule.id, None)
        if current is not None and not self._settle(current, until=day):
            current.update(source_id=visit["id"], scheduled_on=wanted.due_on, due_on=wanted.due_on)
            current.update(attempts=0, updated_at=at, version=current["version"] + 1)  # type: ignore[operator]
            since_last[rule.id] = current
        else:
            since_last[rule.id] = self._made([wanted], visit["id"], at)[0]

    def _manual(self, talk: dict[str, object], day: dt.date) -> None:
        """A reminder the consultant wrote by hand for the patient (``reminders.add_manual``):
        for themselves, a week to two months on."""
        due = day + dt.timedelta(days=self.rng.randint(7, 60))
        consultant = _id(talk["author_id"]) or self._caller(Role.CONSULTANT)
        reason = self.rng.choice(MANUAL_REASONS)
        rule = self.rules.by_trigger[Trigger.MANUAL][:1]
        tries = rule[0].max_attempts if rule else 3
        planned = Planned(None, Trigger.MANUAL, 0, due, reason, Priority.NORMAL, tries,
                          consultant, Role.CONSULTANT)  # fmt: skip
        for row in self._made([planned], None, talk["created_at"]):
            row["updated_by_id"] = consultant
            self._settle(row)

    def _birthdays(self) -> None:
        """The greeting set at registration, then each year's made by the sweep a fortnight
        before (``reminders.sweep``) — up to the one within the coming fortnight."""
        born, created = self.patient.get("birth_date"), self.patient["created_at"]
        if not isinstance(born, dt.date) or not isinstance(created, dt.datetime):
            return
        birthday = reminder_engine.next_birthday(born, created.astimezone().date())
        first = True
        while first or birthday <= self.today + dt.timedelta(days=HORIZON_DAYS):
            made_at = created
            if not first:
                sweep = birthday - dt.timedelta(days=HORIZON_DAYS)
                made_at = dt.datetime.combine(sweep, dt.time(1, self.rng.randrange(60)), dt.UTC)
            for rule in self.rules.by_trigger[Trigger.BIRTHDAY]:
                people = {Role.CONSULTANT: _id(self.patient.get("consultant_id"))}
                planned = reminder_engine.plan(rule, birthday, "", people, Role.CONSULTANT)
                step = _step(planned[0], reminder_engine._day_step(birthday))  # one per birthday
                for row in self._made([step], self.patient["id"], made_at):
                    self._settle(row)
            first = False
            birthday = reminder_engine.next_birthday(born, birthday + dt.timedelta(days=1))

    def _people(
        self, visit: dict[str, object] | None, operator: uuid.UUID | None
    ) -> tuple[dict[Role, uuid.UUID | None], Role | None]:
        """As ``reminder_engine.people_of``: the consultant (the visit's, else the
        patient's), the visit's doctor, and the operator for their own role."""
        people = {Role.CONSULTANT: _id(self.patient.get("consultant_id"))}
        if visit is not None:
            people[Role.CONSULTANT] = _id(visit["consultant_id"]) or people[Role.CONSULTANT]
            people[Role.DOCTOR] = _id(visit["doctor_id"])
        role = self.rules.staff.get(operator) if operator else None
        if role is not None:
            people[role] = operator
        return people, role

    def _made(self, planned: list[Planned], source: object, at: object) -> list[dict[str, object]]:
        """Open reminder rows, assigned as ``reminder_engine.assign`` does."""
        made = []
        for p in planned:
            person = p.assignee_id if p.assignee_id in self.rules.staff else None
            role = self.rules.staff[person] if person else (p.assignee_role or Role.MANAGER)
            row = {
                "id": new_uuid(self.rng),
                "patient_id": self.patient["id"],
                "rule_id": p.rule_id,
                "trigger": p.trigger.value,
                "source_id": source,
                "step": p.step,
                "reason": p.reason,
                "scheduled_on": p.due_on,
                "due_on": p.due_on,
                "assignee_id": person,
                "assignee_role": role.value,
                "priority": p.priority.value,
                "status": ReminderStatus.OPEN.value,
                "attempts": 0,
                "max_attempts": p.max_attempts,
                "closed_at": None,
                "closed_by_id": None,
                "close_reason": "",
                "created_at": at,
                "updated_at": at,
                "version": 1,
                "updated_by_id": None,
            }
            self.rows[Reminder.__tablename__].append(row)
            made.append(row)
        return made

    # --- working them -----------------------------------------------------------------------

    def _settle(
        self, row: dict[str, object], until: dt.date | None = None, doctor: uuid.UUID | None = None
    ) -> bool:
        """The calls made on ``row`` before ``until`` (default: today); True once closed."""
        rng, final = self.rng, until is None
        until = until or self.today
        while row["status"] == ReminderStatus.OPEN.value:
            due = row["due_on"]
            assert isinstance(due, dt.date)
            if due >= until:
                return False
            late = rng.randint(1, 2) if rng.random() < LATE_CALL else 0
            day = due + dt.timedelta(days=late)
            recent = (self.today - due).days <= STILL_OVERDUE_DAYS
            if day >= until or (final and recent and rng.random() < STILL_OVERDUE):
                return False
            self._call(row, day, doctor)
        return True

    def _call(self, row: dict[str, object], day: dt.date, doctor: uuid.UUID | None) -> None:
        """One call, as ``reminders.record_call`` records it."""
        rng = self.rng
        at = dt.datetime.combine(day, dt.time(rng.randint(1, 11), rng.randrange(60)), dt.UTC)
        by = row["assignee_id"] or self._caller(Role(row["assignee_role"]))
        reached = rng.random() >= NOT_REACHED
        trigger = Trigger(row["trigger"])
        reaction, notes, satisfaction = Reaction.NONE, "", None
        if reached:
            roll = rng.random()
            if trigger == Trigger.TREATMENT and roll < NEEDS_REVIEW:
                reaction, notes = Reaction.NEEDS_REVIEW, rng.choice(REVIEW_NOTES)
            elif trigger == Trigger.TREATMENT and roll < NEEDS_REVIEW + MILD:
                reaction, notes = Reaction.MILD, rng.choice(MILD_NOTES)
            else:
                notes = rng.choice(CALL_NOTES.get(trigger, RECOVERY_NOTES))
            if trigger != Trigger.BIRTHDAY and rng.random() < 0.85:
                satisfaction = rng.choices(list(SATISFACTION), list(SATISFACTION.values()))[0]
        follow_up = {
            "id": new_uuid(rng),
            "reminder_id": row["id"],
            "patient_id": row["patient_id"],
            "author_id": by,
            "called_at": at,
            "reached": reached,
            "asked": self.scripts.get(row["rule_id"], "") if reached else "",  # type: ignore[arg-type]
            "notes": notes,
            "reaction": reaction.value if reached else None,
            "satisfaction": satisfaction,
            "next_step": rng.choice(NEXT_STEPS) if reached else "",
            "recorded_at": at,
        }
        self.rows[FollowUp.__tablename__].append(follow_up)
        row.update(version=row["version"] + 1, updated_at=at, updated_by_id=by)  # type: ignore[operator]
        if reached:
            self._close(row, ReminderStatus.DONE, at, by, "")
        else:
            row["attempts"] = attempts = row["attempts"] + 1  # type: ignore[operator]
            if attempts >= row["max_attempts"]:  # type: ignore[operator]
                self._close(row, ReminderStatus.DONE, at, by, CLOSED_UNREACHABLE)
            else:
                row["due_on"] = max(row["due_on"], day + dt.timedelta(days=1))  # type: ignore[type-var]
        if reaction == Reaction.NEEDS_REVIEW:
            self._escalate(row, follow_up["id"], day, at, doctor)

    def _escalate(
        self,
        row: dict[str, object],
        follow_up: object,
        day: dt.date,
        at: dt.datetime,
        doctor: uuid.UUID | None,
    ) -> None:
        """As ``reminder_engine.escalate``: the doctor's urgent reminder, due that day."""
        rules = self.rules.by_trigger[Trigger.ADVERSE_REACTION]
        reason = str(row["reason"])
        planned = [
            p
            for r in rules
            for p in reminder_engine.plan(r, day, reason, {Role.DOCTOR: doctor}, Role.DOCTOR)
        ]
        if not planned:  # built in when the clinic switched the rule off
            planned = [reminder_engine.builtin_escalation(day, reason, doctor)]
        for made in self._made(planned, follow_up, at):
            self._settle(made)

    def _close(
        self, row: dict[str, object], status: ReminderStatus, at: object, by: object, why: str
    ) -> None:
        if status == ReminderStatus.CANCELLED:
            row.update(version=row["version"] + 1, updated_at=at, updated_by_id=by)  # type: ignore[operator]
        row.update(status=status.value, closed_at=at, closed_by_id=by, close_reason=why)

    def _caller(self, role: Role) -> uuid.UUID:
        people = self.rules.callers.get(role) or self.rules.callers[Role.CONSULTANT]
        return self.rng.choice(people)


def _step(planned: Planned, step: int) -> Planned:
    return Planned(**{**planned.__dict__, "step": step})


def _id(value: object) -> uuid.UUID | None:
    return value if isinstance(value, uuid.UUID) else None
