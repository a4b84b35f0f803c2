"""Tag usage (issue 12) on a hand-built clinic, on SQLite and PostgreSQL: stored tags per
group, and the preference tags derived from purchases (items bought, price band), counted
by hand from each patient's story below."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
import sqlalchemy as sa

from desktop_app.models import AuditEvent, Role, TagKind, Treatment, TreatmentItem
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.report_tags import tag_patients, tag_usage
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.purchases import price_of


def add_item(database, name: str, price: str) -> object:
    with unit_of_work(database) as session:
        item = TreatmentItem(name=name, category="测试", default_price=Decimal(price))
        session.add(item)
        session.flush()
        return item.id


@pytest.fixture
def clinic(database, manager, beijing_time):
    """The counts in the tests are read off these comments by hand."""
    a = add_item(database, "测试甲", "800")
    b = add_item(database, "测试乙", "3000")
    c = add_item(database, "测试丙", "25000")
    at = dt.datetime(2026, 3, 5, 2, tzinfo=dt.UTC)

    def patient(name, mobile, tags=()):
        return register_patient(database, manager, PatientDraft(name, mobile=mobile, tags=tags)).id

    def bought(patient_id, item_id, *, cancelled=False):
        with unit_of_work(database) as session:
            session.add(
                Treatment(
                    patient_id=patient_id,
                    item_id=item_id,
                    value=price_of(session, item_id),
                    operator_id=manager.staff_id,
                    started_at=at,
                    cancelled_at=at if cancelled else None,
                    cancel_reason="录错了" if cancelled else "",
                )
            )

    p1 = patient("标一", "13900000001", ("怕疼", "爱喝奶茶"))  # 甲 ×2 = 1,600: 1000-5000
    bought(p1, a)
    bought(p1, a)
    p2 = patient("标二", "13900000002", ("怕疼",))  # 乙 3,000 (a cancelled 乙 adds nothing)
    bought(p2, b)
    bought(p2, b, cancelled=True)
    p3 = patient("标三", "13900000003")  # 甲 800: <1000
    bought(p3, a)
    p4 = patient("标四", "13900000004", ("爱喝奶茶",))  # 丙 25,000: >=20000
    bought(p4, c)
    p5 = patient("标五", "13900000005")  # only a cancelled 乙: bought nothing, no band
    bought(p5, b, cancelled=True)
    return {"标一": p1, "标二": p2, "标三": p3, "标四": p4, "标五": p5}


def usage(database, manager):
    return {(r.source, r.tag): r for r in tag_usage(database, manager)}


def test_stored_tags_are_counted_per_group_and_free(database, manager, clinic):
    rows = usage(database, manager)
    pain = rows["group", "怕疼"]
    assert (pain.kind, pain.patients) == (TagKind.PERSONAL, 2)
    assert pain.group != ""
    tea = rows["free", "爱喝奶茶"]
    assert (tea.group, tea.kind, tea.patients) == ("", None, 2)
    unused = [r for r in rows.values() if r.source == "group" and r.tag != "怕疼"]
    assert unused and all(r.patients == 0 for r in unused)  # the seeded tags nobody carries
    order = [r.source for r in tag_usage(database, manager)]
    assert order == sorted(order, key=["group", "free", "item", "price_band"].index)


def test_derived_preference_tags_count_items_bought_and_price_bands(database, manager, clinic):
    rows = usage(database, manager)
    items = {tag: r.patients for (source, tag), r in rows.items() if source == "item"}
    assert items == {"测试甲": 2, "测试乙": 1, "测试丙": 1}
    bands = [(r.tag, r.patients) for r in tag_usage(database, manager) if r.source == "price_band"]
    assert bands == [("<1000", 1), ("1000-5000", 2), ("5000-20000", 0), (">=20000", 1)]
    assert all(r.kind is TagKind.PREFERENCE for r in rows.values() if r.source == "item")


def names(rows) -> list[str]:
    return [row.name for row in rows]


def test_every_number_lists_the_patients_behind_it(database, manager, clinic):
    for row in tag_usage(database, manager):
        listed = tag_patients(database, manager, row.source, row.tag)
        assert len(listed) == row.patients, row
    assert names(tag_patients(database, manager, "group", "怕疼")) == ["标一", "标二"]
    assert names(tag_patients(database, manager, "item", "测试甲")) == ["标一", "标三"]
    assert names(tag_patients(database, manager, "price_band", "1000-5000")) == ["标一", "标二"]
    assert names(tag_patients(database, manager, "price_band", ">=20000")) == ["标四"]
    assert tag_patients(database, manager, "item", "测试乙")[0].mobile_masked != "13900000002"


def test_bad_drill_downs_are_field_errors(database, manager, clinic):
    with pytest.raises(ValidationError) as error:
        tag_patients(database, manager, "price_band", "cheap")
    assert error.value.field == "tag"
    with pytest.raises(ValidationError) as error:
        tag_patients(database, manager, "nonsense", "x")  # type: ignore[arg-type]
    assert error.value.field == "source"


def test_only_managers_see_tag_usage_and_seeing_it_is_audited(database, manager, clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        tag_usage(database, front)
    with pytest.raises(PermissionDeniedError):
        tag_patients(database, front, "group", "怕疼")
    tag_patients(database, manager, "item", "测试丙")
    with unit_of_work(database, write=False) as session:
        summaries = session.scalars(
            sa.select(AuditEvent.summary).where(AuditEvent.entity_type == "report")
        ).all()
    opened = [json.loads(s) if isinstance(s, str) else s for s in summaries]
    assert {"report": "tag_patients", "source": "item", "tag": "测试丙", "patients": 1} in opened
