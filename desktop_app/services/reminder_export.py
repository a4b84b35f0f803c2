"""The reminder list to Excel: the calls the panel shows (mine, my role's or everyone's; one
section or all three), for a caller working from paper or a manager's review (issue 11).

The rows are the panel's own (``reminder_lists.due_reminders``, with its permission
checks), so the file never says more than the screen; on top of that the person needs
``EXPORT_DATA``. Titles and words come from the caller, else the Chinese defaults below.
Audited ("export", "reminder_list").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from openpyxl.cell import WriteOnlyCell

from desktop_app.db import Database
from desktop_app.models import Trigger
from desktop_app.services.context import Actor
from desktop_app.services.patient_export import plain_mobile
from desktop_app.services.permissions import Permission, require
from desktop_app.services.reminder_lists import (
    HORIZON_DAYS,
    ReminderRow,
    Scope,
    Section,
    due_reminders,
)
from desktop_app.services.xlsx_writing import SheetWriter

COLUMNS = (
    "due_on",
    "patient",
    "record_no",
    "mobile",
    "reason",
    "assignee",
    "priority",
    "attempts",
    "section",
)
SECTIONS = (Section.OVERDUE, Section.TODAY, Section.UPCOMING)

TITLES: dict[str, str] = {
    "sheet": "回访提醒",
    "due_on": "到期日",
    "patient": "患者/意向客户",
    "record_no": "病历号",
    "mobile": "手机",
    "reason": "事由",
    "assignee": "负责人",
    "priority": "优先级",
    "attempts": "已拨打次数",
    "section": "状态",
    "lead": "{name}（意向客户）",
    "post_op_day": "{reason} · 第{day}天",
    "priority_low": "低",
    "priority_normal": "普通",
    "priority_high": "高",
    "priority_urgent": "紧急",
    "role_receptionist": "任一前台",
    "role_consultant": "任一咨询师",
    "role_doctor": "任一医生",
    "role_nurse": "任一护士",
    "role_manager": "任一店长",
    "section_overdue": "已逾期",
    "section_today": "今天",
    "section_upcoming": "即将到期",
}
WIDTHS = (12, 20, 12, 16, 40, 14, 8, 10, 10)
PAGE = 500


def export_reminders(
    database: Database,
    actor: Actor,
    path: Path,
    *,
    scope: Scope,
    section: Section | None,
    titles: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    horizon: int = HORIZON_DAYS,
) -> int:
    """Write one section of the panel (``None``: all three, overdue first) to ``path``."""
    require(actor, Permission.EXPORT_DATA, database)
    scope, section = Scope(scope), None if section is None else Section(section)
    words = {**TITLES, **(titles or {})}
    with SheetWriter(words["sheet"], [words[key] for key in COLUMNS], WIDTHS) as writer:
        today = today or dt.date.today()
        for shown in SECTIONS if section is None else (section,):
            offset = 0
            while True:
                rows = due_reminders(
                    database,
                    actor,
                    scope=scope,
                    section=shown,
                    today=today,
                    horizon=horizon,
                    limit=PAGE,
                    offset=offset,
                )
                for row in rows:
                    writer.append(_cells(writer, row, shown, words))
                if len(rows) < PAGE:
                    break
                offset += PAGE
        return writer.save_exported(
            path,
            database,
            actor,
            "reminder_list",
            scope=scope.value,
            section=section.value if section is not None else "all",
        )


def _cells(
    writer: SheetWriter, row: ReminderRow, section: Section, words: Mapping[str, str]
) -> list[WriteOnlyCell]:
    name = words["lead"].format(name=row.patient_name) if row.is_lead else row.patient_name
    reason = row.reason
    if row.trigger == Trigger.TREATMENT and row.step > 0:
        reason = words["post_op_day"].format(reason=row.reason, day=row.step)
    assignee = row.assignee_name
    if not assignee and row.assignee_role is not None:
        assignee = words.get(f"role_{row.assignee_role.value}", row.assignee_role.value)
    return [
        writer.date(row.due_on),
        writer.text(name),
        writer.text(row.record_no),
        writer.text(plain_mobile(row.mobile)),
        writer.text(reason),
        writer.text(assignee),
        writer.text(words.get(f"priority_{row.priority.value}", row.priority.value)),
        writer.number(row.attempts),
        writer.text(words.get(f"section_{section.value}", section.value)),
    ]
