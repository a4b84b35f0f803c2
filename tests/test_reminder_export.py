"""The reminder list to Excel (issue 11): the panel's own rows for a scope and section,
Chinese titles, the panel's permissions plus EXPORT_DATA, audited."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
import sqlalchemy as sa

from desktop_app.models import AuditEvent, Reminder, Role
from desktop_app.services import reminders
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.reminder_export import COLUMNS, TITLES, export_reminders
from desktop_app.services.reminders import Scope, Section
from desktop_app.services.staff import NewStaff, create_staff

TODAY = dt.date.today()


@pytest.fixture
def desk(database, manager, patient):
    """A receptionist with calls overdue, today and upcoming, and a doctor."""
    rita = create_staff(
        database, manager, NewStaff("rita", "前台小丽", Role.RECEPTIONIST, "correct horse battery")
    )
    made = {}
    for days, reason in ((-2, "逾期回访"), (0, "=1+1"), (5, "下周回访")):
        made[reason] = reminders.add_manual(database, rita, patient.id, TODAY, reason)
        with unit_of_work(database) as session:
            session.get(Reminder, made[reason]).due_on = TODAY + dt.timedelta(days=days)
    doctor = create_staff(
        database, manager, NewStaff("doc", "王医生", Role.DOCTOR, "correct horse battery")
    )
    return {"rita": rita, "doctor": doctor}


def read(path) -> list[tuple]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def exported(database) -> list[dict]:
    with unit_of_work(database, write=False) as session:
        return [
            json.loads(summary)
            for summary in session.scalars(
                sa.select(AuditEvent.summary).where(
                    AuditEvent.action == "export", AuditEvent.entity_type == "reminder_list"
                )
            )
        ]


def test_one_section_of_my_list(database, desk, patient, tmp_path):
    path = tmp_path / "today.xlsx"
    written = export_reminders(
        database, desk["rita"], path, scope=Scope.MINE, section=Section.TODAY
    )

    rows = read(path)
    assert written == 1
    assert rows[0] == tuple(TITLES[key] for key in COLUMNS)
    assert rows[0][:4] == ("到期日", "患者/意向客户", "病历号", "手机")
    line = dict(zip(COLUMNS, rows[1], strict=True))
    assert line["due_on"] == dt.datetime.combine(TODAY, dt.time())  # a real date
    assert (line["patient"], line["record_no"]) == ("张三丰", patient.record_no)
    assert line["mobile"] == "13800131234" and line["reason"] == "=1+1"  # text, not a formula
    assert (line["assignee"], line["priority"], line["attempts"], line["section"]) == (
        "前台小丽",
        "普通",
        0,
        "今天",
    )
    assert openpyxl.load_workbook(path).active.cell(row=2, column=5).data_type == "s"
    assert exported(database) == [
        {"file": "today.xlsx", "rows": 1, "scope": "mine", "section": "today"}
    ]


def test_every_section_overdue_first(database, desk, tmp_path):
    path = tmp_path / "all.xlsx"
    written = export_reminders(database, desk["rita"], path, scope=Scope.MINE, section=None)
    rows = read(path)[1:]
    assert written == 3
    assert [(row[4], row[8]) for row in rows] == [
        ("逾期回访", "已逾期"),
        ("=1+1", "今天"),
        ("下周回访", "即将到期"),
    ]


def test_a_managers_view_of_everyone_with_english_words(database, manager, desk, filler, tmp_path):
    path = tmp_path / "everyone.xlsx"
    titles = {"due_on": "Due", "section_upcoming": "Upcoming", "post_op_day": "{reason}, day {day}"}
    export_reminders(
        database, manager, path, scope=Scope.EVERYONE, section=Section.UPCOMING, titles=titles
    )
    rows = read(path)
    assert rows[0][0] == "Due"
    assert "下周回访" in [row[4] for row in rows[1:]]
    nurse_calls = [row for row in rows[1:] if row[5] == "护士小李"]
    assert nurse_calls and all(", day " in row[4] for row in nurse_calls)
    assert {row[8] for row in rows[1:]} == {"Upcoming"}


@pytest.mark.parametrize("who", ["doctor", "nurse"])
def test_clinical_roles_may_not_export(database, desk, nurse, who, tmp_path):
    actor = desk["doctor"] if who == "doctor" else nurse
    with pytest.raises(PermissionDeniedError):
        export_reminders(database, actor, tmp_path / "x.xlsx", scope=Scope.MINE, section=None)
    assert not (tmp_path / "x.xlsx").exists() and exported(database) == []


def test_the_desk_may_not_export_everyones_list(database, desk, tmp_path):
    with pytest.raises(PermissionDeniedError):
        export_reminders(
            database, desk["rita"], tmp_path / "x.xlsx", scope=Scope.EVERYONE, section=None
        )
    assert list(tmp_path.glob("*.xlsx*")) == [] and exported(database) == []
