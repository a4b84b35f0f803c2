"""The reminder rules service on both databases: the seeds, saving, every field's check,
a stale save refused, and who may change rules."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from desktop_app.models import AuditEvent, Priority, Role, Staff, Trigger
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import ConflictError, PermissionDeniedError, ValidationError
from desktop_app.services.reminder_rules import MAX_SCRIPT, RuleDraft, list_rules, save_rule
from desktop_app.services.staff import NewStaff, create_staff


def by_name(database, actor):
    return {rule.name: rule for rule in list_rules(database, actor)}


def test_the_seed_rules_a_clinic_recognises(database, manager):
    rules = by_name(database, manager)
    assert rules["注射术后回访"].offsets == "1,3,7,30"
    assert rules["注射术后回访"].category == "注射" and rules["注射术后回访"].item is None
    assert rules["手术术后回访"].priority == Priority.HIGH
    assert (rules["水光针复购提醒"].item, rules["水光针复购提醒"].offsets) == ("水光针", "28")
    assert rules["热玛吉年度复查"].offsets == "365"
    assert rules["未成交回访"].trigger == Trigger.NO_DEAL and rules["未成交回访"].offsets == "3"
    assert rules["生日祝福"].assign_role == Role.CONSULTANT
    assert not rules["久未到院回访"].active
    assert rules["不良反应复查"].priority == Priority.URGENT
    assert all(rule.version == 1 and rule.max_attempts == 3 for rule in rules.values())
    assert "疼痛" in rules["注射术后回访"].script


def test_a_new_rule_is_saved_cleaned_and_audited(database, manager):
    doctor = create_staff(
        database, manager, NewStaff("drli", "李医生", Role.DOCTOR, "correct horse battery")
    )
    draft = RuleDraft(
        "  光电   术后回访 ",
        Trigger.TREATMENT,
        "14， 2 2,7",
        category=" 光电 ",
        assign_staff_id=doctor.staff_id,
        script=" 有无红肿？\n\n  对效果满意吗？ \n",
        priority=Priority.HIGH,
        max_attempts=5,
    )
    made = save_rule(database, manager, draft)
    assert (made.name, made.offsets, made.category, made.item) == (
        "光电 术后回访",
        "2,7,14",
        "光电",
        None,
    )
    assert (made.assign_staff_id, made.assign_staff_name) == (doctor.staff_id, "李医生")
    assert made.script == "有无红肿？\n对效果满意吗？"
    assert (made.priority, made.max_attempts, made.active, made.version) == (
        Priority.HIGH,
        5,
        True,
        1,
    )
    assert by_name(database, manager)["光电 术后回访"] == made
    with unit_of_work(database, write=False) as session:
        [event] = session.scalars(
            sa.select(AuditEvent).where(AuditEvent.entity_type == "reminder_rule")
        ).all()
    assert event.action == "create" and event.entity_id == str(made.id)


def test_a_change_to_the_version_seen(database, manager):
    hydra = by_name(database, manager)["水光针复购提醒"]
    draft = RuleDraft(
        hydra.name, hydra.trigger, "30", item="水光针", assign_role=Role.CONSULTANT, active=False
    )
    changed = save_rule(database, manager, draft, hydra.id, hydra.version)
    assert (changed.offsets, changed.active, changed.version) == ("30", False, 2)
    assert changed.script == ""  # what the draft said: the editor sends the whole rule


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"name": "   "}, "name", "required"),
        ({"name": "长" * 81}, "name", "too_long"),
        ({"offsets": ""}, "offsets", "invalid"),
        ({"offsets": "1,x"}, "offsets", "invalid"),
        ({"offsets": "-1"}, "offsets", "invalid"),
        ({"offsets": "3651"}, "offsets", "invalid"),
        ({"item": "没有的项目"}, "item", "unknown"),
        ({"item": None}, "item", "required"),
        ({"item": None, "category": "  "}, "item", "required"),
        ({"assign_staff_id": uuid.uuid4()}, "assign_staff_id", "invalid"),
        ({"script": "问" * (MAX_SCRIPT + 1)}, "script", "too_long"),
        ({"max_attempts": 0}, "max_attempts", "range"),
        ({"max_attempts": 11}, "max_attempts", "range"),
        ({"trigger": Trigger.BIRTHDAY, "offsets": "0,1"}, "offsets", "single"),
        ({"trigger": Trigger.COURSE_DUE, "offsets": "28,56"}, "offsets", "single"),
    ],
)
def test_each_field_is_checked_and_nothing_saved(database, manager, changes, field, code):
    values = {"name": "规则", "trigger": Trigger.TREATMENT, "offsets": "7", "item": "水光针"}
    values.update(changes)
    with pytest.raises(ValidationError) as refused:
        save_rule(database, manager, RuleDraft(**values))  # type: ignore[arg-type]
    assert (refused.value.field, refused.value.code) == (field, code)
    assert "规则" not in by_name(database, manager)


def test_an_inactive_person_cannot_be_given_rules(database, manager):
    nurse = create_staff(
        database, manager, NewStaff("gone", "离职护士", Role.NURSE, "correct horse battery")
    )
    with unit_of_work(database) as session:
        session.get(Staff, nurse.staff_id).active = False
    draft = RuleDraft("规则", Trigger.NO_DEAL, "3", assign_staff_id=nurse.staff_id)
    with pytest.raises(ValidationError) as refused:
        save_rule(database, manager, draft)
    assert refused.value.field == "assign_staff_id"


def test_a_stale_save_is_a_conflict_and_overwrites_nothing(database, manager):
    seen = by_name(database, manager)["未成交回访"]
    first = RuleDraft(seen.name, seen.trigger, "5", script=seen.script)
    second = RuleDraft(seen.name, seen.trigger, "10", script=seen.script)
    save_rule(database, manager, first, seen.id, seen.version)
    with pytest.raises(ConflictError) as stale:
        save_rule(database, manager, second, seen.id, seen.version)
    assert stale.value.changed_by == "王店长"
    now = by_name(database, manager)["未成交回访"]
    assert (now.offsets, now.version) == ("5", 2)


def test_everyone_who_works_reminders_reads_rules_only_managers_change_them(database, manager):
    nurse = create_staff(
        database, manager, NewStaff("nurse", "护士小李", Role.NURSE, "correct horse battery")
    )
    rules = by_name(database, nurse)
    assert len(rules) >= 10
    seen = rules["未成交回访"]
    with pytest.raises(PermissionDeniedError):
        save_rule(database, nurse, RuleDraft(seen.name, seen.trigger, "1"), seen.id, seen.version)
    with pytest.raises(PermissionDeniedError):
        save_rule(database, nurse, RuleDraft("新规则", Trigger.NO_DEAL, "1"))
    assert by_name(database, manager)["未成交回访"].version == 1
