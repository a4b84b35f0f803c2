"""Course completion per item (issue 12) on a hand-built clinic, on SQLite and
PostgreSQL: the answers below are counted by hand from each course's story."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from desktop_app.models import AuditEvent, Course, Role
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.report_courses import (
    BUCKETS,
    all_items,
    course_completion,
    course_patients,
)
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.local_time import local

SINCE, UNTIL = dt.date(2026, 3, 1), dt.date(2026, 3, 31)
TODAY = dt.date(2026, 6, 1)
PHOTO, HYDRA, LASER, PEEL = "光子嫩肤", "Hydra 水光", "Laser 激光", "Peel 焕肤"


@pytest.fixture
def clinic(database, manager, beijing_time):
    """Each course's story (as of TODAY); the reports below are counted from these by hand."""
    ids: dict[str, object] = {}

    def patient(name):
        record = register_patient(database, manager, PatientDraft(name, mobile=None))
        ids[name] = record.id
        return record.id

    def course(patient_id, item, created, total, used, expires):
        with unit_of_work(database) as session:
            session.add(
                Course(
                    patient_id=patient_id,
                    item_name=item,
                    sessions_total=total,
                    sessions_used=used,
                    expires_on=expires,
                    created_at=created,
                )
            )

    p1, p2, p3, p4 = (patient(name) for name in ("一", "二", "三", "四"))
    course(p1, PHOTO, local(3, 2), 6, 6, dt.date(2026, 12, 31))  # completed, 1
    course(p1, PHOTO, local(3, 15), 6, 3, dt.date(2026, 12, 31))  # in progress, 1/2
    course(p2, PHOTO, local(3, 31, 23, 30), 4, 1, dt.date(2026, 5, 1))  # expired, 1/4
    course(p3, PHOTO, local(3, 1, 0, 10), 5, 5, dt.date(2026, 4, 1))  # completed, expired since
    course(p4, PHOTO, local(2, 28, 23, 30), 5, 0, None)  # February: not in the period
    course(p2, HYDRA, local(3, 10), 3, 0, None)  # in progress (never expires), 0
    course(p4, HYDRA, local(3, 20), 3, 2, dt.date(2026, 5, 31))  # expired the day before, 2/3
    course(p3, LASER, local(3, 5), 2, 1, dt.date(2026, 6, 1))  # in progress: expires today, 1/2
    course(p3, LASER, local(3, 6), 2, 2, None)  # completed, 1
    course(p1, PEEL, local(4, 1, 0, 30), 3, 0, None)  # 1 April locally (31 March in UTC)
    return ids


# item: (sold, completed, in progress, expired, share used)
BY_HAND = [
    (PHOTO, 4, 2, 1, 1, (1 + 1 / 2 + 1 / 4 + 1) / 4),
    (HYDRA, 2, 0, 1, 1, (0 + 2 / 3) / 2),  # two sold each: by name
    (LASER, 2, 1, 1, 0, (1 / 2 + 1) / 2),
]
# (item, bucket): the patient of each course, by record number (None: all items)
BEHIND = {
    (PHOTO, "started"): ["一", "一", "二", "三"],
    (PHOTO, "completed"): ["一", "三"],
    (PHOTO, "in_progress"): ["一"],
    (PHOTO, "expired"): ["二"],
    (HYDRA, "started"): ["二", "四"],
    (HYDRA, "completed"): [],
    (HYDRA, "in_progress"): ["二"],
    (HYDRA, "expired"): ["四"],
    (LASER, "started"): ["三", "三"],
    (LASER, "completed"): ["三"],
    (None, "started"): ["一", "一", "二", "二", "三", "三", "三", "四"],
    (None, "completed"): ["一", "三", "三"],
    (None, "in_progress"): ["一", "二", "三"],
    (None, "expired"): ["二", "四"],
}


def counts(row):
    return (row.item, row.started, row.completed, row.in_progress, row.expired)


def test_course_completion_per_item_counts_by_hand(database, manager, clinic):
    rows = course_completion(database, manager, SINCE, UNTIL, today=TODAY)
    assert [counts(row) for row in rows] == [hand[:5] for hand in BY_HAND]
    for row, hand in zip(rows, BY_HAND, strict=True):
        assert row.share_used == pytest.approx(hand[5])
    photo, hydra, laser = rows
    assert photo.completion_rate == 0.5
    assert hydra.completion_rate == 0
    assert laser.completion_rate == 0.5
    total = all_items(rows)
    assert counts(total) == (None, 8, 3, 3, 2)
    assert total.share_used == pytest.approx((1 + 1 / 2 + 1 / 4 + 1 + 2 / 3 + 1 / 2 + 1) / 8)
    assert total.completion_rate == pytest.approx(3 / 8)
    # Before the expiry days, nothing had expired yet.
    earlier = course_completion(database, manager, SINCE, UNTIL, today=dt.date(2026, 4, 1))
    assert [counts(row) for row in earlier] == [
        (PHOTO, 4, 2, 2, 0),
        (HYDRA, 2, 0, 2, 0),
        (LASER, 2, 1, 1, 0),
    ]
    # April: the peel bought in its first local minutes, alone.
    april = course_completion(database, manager, dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert [counts(row) for row in april] == [(PEEL, 1, 0, 1, 0)]


def test_every_course_number_lists_its_patients(database, manager, clinic):
    rows = course_completion(database, manager, SINCE, UNTIL, today=TODAY)
    for row in [*rows, all_items(rows)]:
        for bucket in BUCKETS:
            listed = course_patients(database, manager, SINCE, UNTIL, row.item, bucket, TODAY)
            assert len(listed) == getattr(row, bucket), (row.item, bucket)
            if (row.item, bucket) in BEHIND:
                assert [p.name for p in listed] == BEHIND[row.item, bucket]
    assert course_patients(database, manager, SINCE, UNTIL, PEEL, "started", TODAY) == []
    with pytest.raises(ValidationError):
        course_patients(database, manager, SINCE, UNTIL, PHOTO, "sold", TODAY)


def test_an_empty_period_has_no_rows(database, manager, clinic):
    assert course_completion(database, manager, dt.date(2025, 1, 1), dt.date(2025, 1, 31)) == []
    nothing = all_items([])
    assert (nothing.started, nothing.completion_rate, nothing.share_used) == (0, None, 0.0)
    with pytest.raises(ValidationError):
        course_completion(database, manager, UNTIL, SINCE)


def test_only_managers_see_course_completion_and_it_is_audited(database, manager, clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        course_completion(database, front, SINCE, UNTIL)
    with pytest.raises(PermissionDeniedError):
        course_patients(database, front, SINCE, UNTIL, None, "started")
    course_completion(database, manager, SINCE, UNTIL, today=TODAY)
    course_patients(database, manager, SINCE, UNTIL, HYDRA, "expired", TODAY)
    with unit_of_work(database, write=False) as session:
        views = session.scalars(
            sa.select(AuditEvent.summary)
            .where(AuditEvent.action == "view", AuditEvent.entity_type == "report")
            .order_by(AuditEvent.occurred_at)
        ).all()
    opened = [json.loads(view) for view in views]
    assert [view["report"] for view in opened] == [
        "course_completion",
        "course_completion_patients",
    ]
    assert (opened[1]["item"], opened[1]["bucket"], opened[1]["patients"]) == (HYDRA, "expired", 1)
