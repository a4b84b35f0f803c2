"""Saved segments (issue 12) on a hand-built clinic, on SQLite and PostgreSQL: each
condition's members are read off the patients' stories below by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from desktop_app.models import (
    AuditEvent,
    Reminder,
    Role,
    Segment,
    Treatment,
    TreatmentItem,
    Trigger,
)
from desktop_app.services import reminder_making
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.segments import (
    Conditions,
    delete_segment,
    list_segments,
    save_segment,
    segment_patients,
    segment_reminders,
    segment_size,
)
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.local_time import local
from tests.support.purchases import price_of

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def clinic(database, manager, beijing_time):
    """Ages are on TODAY (15 June 2026)."""
    items = {}
    with unit_of_work(database) as session:
        for name, price in (("段甲", "800"), ("段乙", "3000")):
            item = TreatmentItem(name=name, category="测试", default_price=Decimal(price))
            session.add(item)
            session.flush()
            items[name] = item.id

    def patient(name, mobile, sex=None, born=None, channel=None, tags=()):
        draft = PatientDraft(
            name, sex=sex, birth_date=born, mobile=mobile, source_channel=channel, tags=tags
        )
        return register_patient(database, manager, draft).id

    def bought(patient_id, item, at, *, cancelled=False):
        with unit_of_work(database) as session:
            session.add(
                Treatment(
                    patient_id=patient_id,
                    item_id=items[item],
                    value=price_of(session, items[item]),
                    operator_id=manager.staff_id,
                    started_at=at,
                    cancelled_at=at if cancelled else None,
                    cancel_reason="录错了" if cancelled else "",
                )
            )

    # 36 today; 3,800 in all; last bought 5 days ago
    s1 = patient("段一", "13700000001", "F", dt.date(1990, 6, 15), "抖音", ("怕疼", "爱喝奶茶"))
    bought(s1, "段甲", local(6, 10))
    bought(s1, "段乙", local(1, 5))
    # 35 (36 tomorrow); 6,000 in all; last bought 1 March
    s2 = patient("段二", "13700000002", "F", dt.date(1990, 6, 16), "小红书", ("怕疼",))
    bought(s2, "段乙", local(3, 1))
    bought(s2, "段乙", local(3, 1, 15))
    # 26; only a cancelled purchase: bought nothing
    s3 = patient("段三", "13700000003", "M", dt.date(2000, 1, 1), "抖音", ("爱喝奶茶",))
    bought(s3, "段甲", local(6, 14), cancelled=True)
    # nothing known; bought on the local day 30 days ago, in its last minutes
    s4 = patient("段四", "13700000004")
    bought(s4, "段甲", local(5, 16, 23, 30))
    # 70 today; never bought
    s5 = patient("段五", "13700000005", "F", dt.date(1956, 6, 15), "抖音")
    return {"段一": s1, "段二": s2, "段三": s3, "段四": s4, "段五": s5}


def members(database, manager, **conditions) -> tuple[int, list[str]]:
    given = Conditions(**conditions)
    size = segment_size(database, manager, given, TODAY)
    segment_id = save_segment(database, manager, "试算", given)
    listed = [p.name for p in segment_patients(database, manager, segment_id, TODAY)]
    delete_segment(database, manager, segment_id)
    assert size == len(listed)
    return size, listed


@pytest.mark.parametrize(
    ("conditions", "expected"),
    [
        ({"all_tags": ("怕疼", "爱喝奶茶")}, ["段一"]),
        ({"any_tags": ("怕疼", "爱喝奶茶")}, ["段一", "段二", "段三"]),
        ({"sex": "F"}, ["段一", "段二", "段五"]),
        ({"age_min": 36, "age_max": 69}, ["段一"]),  # 36 today counts; 70 does not
        ({"age_max": 35}, ["段二", "段三"]),
        ({"channel": "抖音"}, ["段一", "段三", "段五"]),
        ({"bought_item": "段甲"}, ["段一", "段四"]),  # a cancelled one is not bought
        ({"min_value": Decimal(3800)}, ["段一", "段二"]),  # at least: 3,800 counts
        ({"min_value": Decimal(5000)}, ["段二"]),
        ({"last_purchase_before_days": 30}, ["段二", "段四"]),  # 30 local days ago counts
        ({"last_purchase_before_days": 31}, ["段二"]),
        ({"sex": "F", "channel": "抖音", "any_tags": ("怕疼",)}, ["段一"]),
        ({"channel": "微信"}, []),
    ],
)
def test_each_condition_picks_the_patients_counted_by_hand(
    database, manager, clinic, conditions, expected
):
    assert members(database, manager, **conditions) == (len(expected), expected)


def test_saved_segments_are_listed_with_their_sizes(database, manager, clinic):
    ladies = save_segment(database, manager, "怕疼的女士", Conditions(sex="F", any_tags=("怕疼",)))
    save_segment(database, manager, "沉睡客户", Conditions(last_purchase_before_days=30))
    listed = list_segments(database, manager, TODAY)
    assert {s.name: s.size for s in listed} == {"怕疼的女士": 2, "沉睡客户": 2}
    assert {s.name: s.conditions for s in listed}["怕疼的女士"] == Conditions(
        any_tags=("怕疼",), sex="F"
    )
    # Changed in place: the same segment, new conditions, its size follows.
    assert save_segment(database, manager, "怕疼的女士", Conditions(sex="M"), ladies) == ladies
    sizes = {s.name: s.size for s in list_segments(database, manager, TODAY)}
    assert sizes == {"怕疼的女士": 1, "沉睡客户": 2}
    delete_segment(database, manager, ladies)
    assert [s.name for s in list_segments(database, manager, TODAY)] == ["沉睡客户"]
    with unit_of_work(database, write=False) as session:
        actions = session.execute(
            sa.select(AuditEvent.action, AuditEvent.entity_type).where(
                AuditEvent.entity_type == "segment"
            )
        ).all()
    assert sorted(a for a, _t in actions) == ["change", "create", "create", "delete"]


def test_conditions_survive_saving_as_json():
    given = Conditions(("怕疼",), ("甲", "乙"), "F", 20, 40, "抖音", "段甲", Decimal("99.50"), 7)
    assert Conditions.from_json(given.to_json()) == given
    assert Conditions.from_json(Conditions(sex="M").to_json()) == Conditions(sex="M")


@pytest.mark.parametrize(
    ("name", "conditions", "field"),
    [
        ("", Conditions(sex="F"), "name"),
        ("空的", Conditions(), "conditions"),
        ("空的", Conditions(all_tags=("  ",)), "conditions"),
        ("性别", Conditions(sex="X"), "sex"),
        ("年龄", Conditions(age_min=40, age_max=30), "age_max"),
        ("年龄", Conditions(age_min=-1), "age_min"),
        ("消费", Conditions(min_value=Decimal(-1)), "min_value"),
        ("标签", Conditions(any_tags=("长" * 41,)), "any_tags"),
        ("项目", Conditions(bought_item="没有这个"), "bought_item"),
    ],
)
def test_bad_segments_are_field_errors(database, manager, name, conditions, field):
    with pytest.raises(ValidationError) as error:
        save_segment(database, manager, name, conditions)
    assert error.value.field == field
    with unit_of_work(database, write=False) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Segment)) == 0


def test_a_name_is_used_once(database, manager):
    save_segment(database, manager, "女士", Conditions(sex="F"))
    with pytest.raises(ValidationError) as error:
        save_segment(database, manager, " 女士 ", Conditions(sex="M"))
    assert error.value.field == "name"


def test_a_segment_becomes_one_reminder_per_patient_not_twice(database, manager, clinic):
    today = dt.date.today()
    segment = save_segment(database, manager, "怕疼", Conditions(any_tags=("怕疼",)))
    reminder_making.add_manual(database, manager, clinic["段二"], today, "回访  满意度")
    made = segment_reminders(database, manager, segment, today, " 回访 满意度 ")
    assert made == 1  # 段二 already has that open reminder
    assert segment_reminders(database, manager, segment, today, "回访 满意度") == 0
    assert (
        segment_reminders(database, manager, segment, today, "新品通知", role=Role.CONSULTANT) == 2
    )
    with unit_of_work(database, write=False) as session:
        rows = session.execute(
            sa.select(Reminder.patient_id, Reminder.reason).where(
                Reminder.trigger == Trigger.MANUAL
            )
        ).all()
    assert sorted((str(p), r) for p, r in rows) == sorted(
        [
            (str(clinic["段一"]), "回访 满意度"),
            (str(clinic["段二"]), "回访 满意度"),
            (str(clinic["段一"]), "新品通知"),
            (str(clinic["段二"]), "新品通知"),
        ]
    )
    with pytest.raises(ValidationError) as error:
        segment_reminders(database, manager, segment, today - dt.timedelta(days=1), "回访")
    assert error.value.field == "due_on"
    with pytest.raises(ValidationError) as error:
        segment_reminders(database, manager, segment, today, "  ")
    assert error.value.field == "reason"


def test_only_managers_work_with_segments(database, manager, clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    segment = save_segment(database, manager, "女士", Conditions(sex="F"))
    for call in (
        lambda: save_segment(database, front, "男士", Conditions(sex="M")),
        lambda: list_segments(database, front),
        lambda: segment_patients(database, front, segment),
        lambda: segment_reminders(database, front, segment, dt.date.today(), "回访"),
        lambda: delete_segment(database, front, segment),
    ):
        with pytest.raises(PermissionDeniedError):
            call()
    segment_patients(database, manager, segment, TODAY)
    with unit_of_work(database, write=False) as session:
        opened = session.scalars(
            sa.select(AuditEvent.summary).where(
                AuditEvent.action == "view", AuditEvent.entity_type == "report"
            )
        ).all()
    assert any('"segment_patients"' in s and '"patients": 3' in s for s in opened)
