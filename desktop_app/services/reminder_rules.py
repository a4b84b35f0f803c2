"""The clinic's reminder rules: listed for everyone who works reminders, edited by managers.

A rule is never deleted (its reminders point at it); switching it off stops new
reminders and leaves those already made alone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Priority, ReminderRule, Role, Staff, TreatmentItem, Trigger
from desktop_app.services import audit
from desktop_app.services.context import Actor, conflict_with, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.reminder_engine import parse_offsets

MAX_SCRIPT = 4000
# Triggers whose rule holds one interval rather than a series of calls.
SINGLE_OFFSET = {Trigger.COURSE_DUE, Trigger.SINCE_LAST_VISIT, Trigger.BIRTHDAY}


@dataclass(frozen=True)
class RuleDraft:
    name: str
    trigger: Trigger
    offsets: str  # "1,3,7,30"
    item: str | None = None  # a catalogue name, for TREATMENT
    category: str | None = None  # or every item of a category
    assign_role: Role | None = None  # None and no person: the default person
    assign_staff_id: uuid.UUID | None = None
    script: str = ""
    priority: Priority = Priority.NORMAL
    max_attempts: int = 3
    active: bool = True


@dataclass(frozen=True)
class RuleRow:
    id: uuid.UUID
    version: int
    name: str
    trigger: Trigger
    offsets: str
    item: str | None
    category: str | None
    assign_role: Role | None
    assign_staff_id: uuid.UUID | None
    assign_staff_name: str
    script: str
    priority: Priority
    max_attempts: int
    active: bool


def list_rules(database: Database, actor: Actor) -> list[RuleRow]:
    require(actor, Permission.WORK_REMINDERS, database)
    with unit_of_work(database, write=False) as session:
        rows = session.execute(
            sa.select(ReminderRule, TreatmentItem.name, Staff.display_name)
            .outerjoin(TreatmentItem, TreatmentItem.id == ReminderRule.item_id)
            .outerjoin(Staff, Staff.id == ReminderRule.assign_staff_id)
            .order_by(ReminderRule.trigger, ReminderRule.name)
        ).all()
        return [_row(rule, item, person) for rule, item, person in rows]


def save_rule(
    database: Database,
    actor: Actor,
    draft: RuleDraft,
    rule_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> RuleRow:
    """A new rule, or a change to the version the manager saw (stale → ConflictError)."""
    require(actor, Permission.EDIT_REMINDER_RULES, database)
    with unit_of_work(database) as session:
        values = _clean(session, draft)
        if rule_id is None:
            rule = ReminderRule(**values, updated_by_id=actor.staff_id)
            session.add(rule)
            action = "create"
        else:
            found = session.get(ReminderRule, rule_id)
            if found is None:
                raise NotFoundError(f"No reminder rule {rule_id}.")
            if found.version != expected_version:
                raise conflict_with(session, found)
            rule = found
            for key, value in values.items():
                setattr(rule, key, value)
            rule.updated_by_id = actor.staff_id
            action = "change"
        session.flush()
        audit.record(session, actor, action, "reminder_rule", rule.id, **_summary(values))
        item = session.get(TreatmentItem, rule.item_id) if rule.item_id else None
        person = session.get(Staff, rule.assign_staff_id) if rule.assign_staff_id else None
        return _row(rule, item.name if item else None, person.display_name if person else None)


def _clean(session: sa.orm.Session, draft: RuleDraft) -> dict[str, object]:
    name = " ".join(draft.name.split())
    if not name:
        raise ValidationError("name", "required", "Give the rule a name.")
    if len(name) > 80:
        raise ValidationError("name", "too_long", "At most 80 characters.", max=80)
    try:
        offsets = parse_offsets(draft.offsets)
    except ValueError:
        raise ValidationError(
            "offsets", "invalid", "Days after the event, 0 to 3650, separated by commas."
        ) from None
    if draft.trigger in SINGLE_OFFSET and len(offsets) > 1:
        raise ValidationError("offsets", "single", "This kind of rule takes one number of days.")
    item_id, category = None, None
    if draft.trigger == Trigger.TREATMENT:
        if draft.item:
            item_id = session.scalar(
                sa.select(TreatmentItem.id).where(TreatmentItem.name == draft.item)
            )
            if item_id is None:
                raise ValidationError("item", "unknown", f"No item {draft.item} in the catalogue.")
        elif draft.category and draft.category.strip():
            category = draft.category.strip()
        else:
            raise ValidationError("item", "required", "Choose an item or a category.")
    if draft.assign_staff_id is not None:
        person = session.get(Staff, draft.assign_staff_id)
        if person is None or not person.active:
            raise ValidationError("assign_staff_id", "invalid", "Choose an active staff member.")
    if len(draft.script) > MAX_SCRIPT:
        raise ValidationError(
            "script", "too_long", f"At most {MAX_SCRIPT} characters.", max=MAX_SCRIPT
        )
    if not 1 <= draft.max_attempts <= 10:
        raise ValidationError("max_attempts", "range", "Between 1 and 10 tries.")
    return {
        "name": name,
        "trigger": draft.trigger,
        "offsets": ",".join(str(d) for d in offsets),
        "item_id": item_id,
        "category": category,
        "assign_role": draft.assign_role,
        "assign_staff_id": draft.assign_staff_id,
        "script": "\n".join(
            line.strip() for line in draft.script.strip().splitlines() if line.strip()
        ),
        "priority": draft.priority,
        "max_attempts": draft.max_attempts,
        "active": draft.active,
    }


def _summary(values: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in values.items() if k != "script"}


def _row(rule: ReminderRule, item: str | None, person: str | None) -> RuleRow:
    return RuleRow(
        rule.id,
        rule.version,
        rule.name,
        rule.trigger,
        rule.offsets,
        item,
        rule.category,
        rule.assign_role,
        rule.assign_staff_id,
        person or "",
        rule.script,
        rule.priority,
        rule.max_attempts,
        rule.active,
    )
