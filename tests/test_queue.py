"""Today's queue (issue 4): check-in, derived visit type, moves, time limits, conflicts."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import AuditEvent, Course, Role, Visit, VisitStatus, VisitType, utcnow
from desktop_app.services import queue
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import ConflictError, PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff

NOW = dt.datetime.now(dt.UTC)


def patient(database, actor, name="张三丰", mobile="13800131234"):
    return register_patient(database, actor, PatientDraft(name, mobile=mobile))


def staff(database, manager, username, role) -> Actor:
    new = NewStaff(username, f"{username} 老师", role, "correct horse battery")
    return create_staff(database, manager, new)


def past_visit(database, patient_id, days_ago: int, *, purchased=False) -> None:
    when = NOW - dt.timedelta(days=days_ago)
    with unit_of_work(database) as session:
        session.add(
            Visit(
                patient_id=patient_id,
                checked_in_at=when,
                status=VisitStatus.DONE,
                status_since=when,
                purchased=purchased,
            )
        )


def test_visit_type_is_derived_from_history(database: Database, manager: Actor):
    first = patient(database, manager, "初诊", "13800000001")
    returning = patient(database, manager, "复诊", "13800000002")
    buyer = patient(database, manager, "再消费", "13800000003")
    course = patient(database, manager, "疗程", "13800000004")
    used_up = patient(database, manager, "疗程用完", "13800000005")
    past_visit(database, returning.id, 30)
    past_visit(database, buyer.id, 400, purchased=True)
    past_visit(database, buyer.id, 30)
    past_visit(database, course.id, 14, purchased=True)
    past_visit(database, used_up.id, 14, purchased=True)
    with unit_of_work(database) as session:
        session.add(
            Course(patient_id=course.id, item_name="水光针", sessions_total=3, sessions_used=1)
        )
        session.add(
            Course(patient_id=used_up.id, item_name="光子嫩肤", sessions_total=3, sessions_used=3)
        )

    types = {
        p.name: queue.check_in(database, manager, p.id).visit_type
        for p in (first, returning, buyer, course, used_up)
    }
    assert types == {
        "初诊": VisitType.FIRST,
        "复诊": VisitType.RETURN,
        "再消费": VisitType.REPURCHASE,
        "疗程": VisitType.COURSE,
        "疗程用完": VisitType.REPURCHASE,
    }


def test_check_in_puts_the_patient_on_todays_board_once(database, manager):
    p = patient(database, manager)
    card = queue.check_in(database, manager, p.id)
    assert (card.name, card.record_no, card.status) == ("张三丰", p.record_no, VisitStatus.WAITING)
    with pytest.raises(queue.AlreadyCheckedInError):
        queue.check_in(database, manager, p.id)
    board = queue.todays_board(database, manager)
    assert [c.visit_id for c in board.cards] == [card.visit_id]
    with unit_of_work(database, write=False) as session:
        assert (
            session.scalar(
                sa.select(AuditEvent.action).where(AuditEvent.entity_id == str(card.visit_id))
            )
            == "check_in"
        )

    done = queue.move(database, manager, card.visit_id, card.version, VisitStatus.DONE)
    again = queue.check_in(database, manager, p.id)  # came back the same day: a new visit
    assert again.visit_type == VisitType.RETURN and again.visit_id != done.visit_id


def test_yesterdays_visits_are_not_on_todays_board(database, manager):
    p = patient(database, manager)
    past_visit(database, p.id, 1)
    assert queue.todays_board(database, manager).cards == []


def test_moves_through_the_states_restart_the_clock_and_are_audited(
    database, manager, local_midday
):
    p = patient(database, manager)
    start = utcnow() - dt.timedelta(minutes=30)
    card = queue.check_in(database, manager, p.id, now=start)
    assert card.minutes_in_state(start + dt.timedelta(minutes=30)) == 30
    for status in (
        VisitStatus.WITH_CONSULTANT,
        VisitStatus.WITH_DOCTOR,
        VisitStatus.IN_TREATMENT,
        VisitStatus.DONE,
    ):
        card = queue.move(database, manager, card.visit_id, card.version, status)
        assert card.status == status
    assert card.minutes_in_state(utcnow()) == 0
    with unit_of_work(database, write=False) as session:
        moves = session.scalars(
            sa.select(AuditEvent.summary).where(AuditEvent.action == "move")
        ).all()
    assert [json.loads(m)["new"] for m in moves] == [
        "with_consultant",
        "with_doctor",
        "in_treatment",
        "done",
    ]


def test_a_card_past_its_state_limit_is_flagged(database, manager, local_midday):
    p = patient(database, manager)
    queue.set_time_limits(database, manager, {VisitStatus.WAITING: 10})
    card = queue.check_in(database, manager, p.id, now=utcnow() - dt.timedelta(minutes=11))
    board = queue.todays_board(database, manager)
    assert board.limits[VisitStatus.WAITING] == 10
    assert board.overdue(board.cards[0], utcnow())
    assert not board.overdue(board.cards[0], card.status_since + dt.timedelta(minutes=9))
    moved = queue.move(database, manager, card.visit_id, card.version, VisitStatus.WITH_CONSULTANT)
    assert not queue.todays_board(database, manager).overdue(moved, utcnow())


def test_time_limits_are_checked_and_only_managers_set_them(database, manager):
    with pytest.raises(ValidationError) as error:
        queue.set_time_limits(database, manager, {VisitStatus.WAITING: 0})
    assert error.value.field == "limit_waiting"
    reception = staff(database, manager, "front", Role.RECEPTIONIST)
    with pytest.raises(PermissionDeniedError):
        queue.set_time_limits(database, reception, {VisitStatus.WAITING: 20})
    assert (
        queue.time_limits(database)[VisitStatus.WAITING]
        == queue.DEFAULT_LIMITS[VisitStatus.WAITING]
    )


def test_a_move_on_a_card_another_station_changed_is_a_conflict(database, manager):
    p = patient(database, manager)
    nurse = staff(database, manager, "nurse", Role.NURSE)
    seen = queue.check_in(database, manager, p.id)
    queue.move(database, nurse, seen.visit_id, seen.version, VisitStatus.WITH_CONSULTANT)
    with pytest.raises(ConflictError) as conflict:
        queue.move(database, manager, seen.visit_id, seen.version, VisitStatus.LEFT)
    assert conflict.value.changed_by == "nurse 老师"
    [card] = queue.todays_board(database, manager).cards
    assert card.status == VisitStatus.WITH_CONSULTANT  # nothing overwritten


def test_assign_consultant_doctor_and_room(database, manager):
    p = patient(database, manager)
    consultant = staff(database, manager, "lily", Role.CONSULTANT)
    doctor = staff(database, manager, "drwang", Role.DOCTOR)
    card = queue.check_in(database, manager, p.id)
    card = queue.assign(
        database,
        manager,
        card.visit_id,
        card.version,
        consultant_id=consultant.staff_id,
        doctor_id=doctor.staff_id,
        room=" 3号诊室 ",
    )
    assert (card.consultant, card.doctor, card.room) == ("lily 老师", "drwang 老师", "3号诊室")
    with pytest.raises(ValidationError) as error:
        queue.assign(
            database,
            manager,
            card.visit_id,
            card.version,
            consultant_id=None,
            doctor_id=consultant.staff_id,
            room=None,
        )
    assert error.value.field == "doctor_id"


def test_the_token_changes_with_every_change_to_todays_visits(database, manager):
    p = patient(database, manager)
    before = queue.board_token(database, manager)
    card = queue.check_in(database, manager, p.id)
    after_check_in = queue.board_token(database, manager)
    queue.move(database, manager, card.visit_id, card.version, VisitStatus.WITH_DOCTOR)
    after_move = queue.board_token(database, manager)
    assert len({before, after_check_in, after_move}) == 3
    assert queue.todays_board(database, manager).token == after_move


def test_day_bounds_are_the_local_calendar_day():
    start, end = queue.day_bounds(dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC))
    assert end - start == dt.timedelta(days=1)
    assert (
        start.astimezone().hour == 0
        and start <= dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC) < end
    )
