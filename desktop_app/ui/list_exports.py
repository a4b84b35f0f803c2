"""Exporting the patient list and the reminder list from their pages: the titles and words
in the user's language (the services keep Chinese defaults for the command line), the
dialog's caption and a dated file name, and the service call handed to ``ExcelExport``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.models import Priority, Role
from desktop_app.services.intake import HISTORY_FLAGS
from desktop_app.services.patient_export import export_patients
from desktop_app.services.reminder_export import export_reminders
from desktop_app.services.reminder_lists import Scope, Section
from desktop_app.ui.clinical_names import FLAG_NAMES, word
from desktop_app.ui.reminders_model import ROLE_GROUPS, priority_text

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.services.reminder_desk import ReminderDesk
    from desktop_app.ui.excel_export import ExcelExport

PATIENT_TITLES = {
    "sheet": QT_TRANSLATE_NOOP("ExportWords", "Patients"),
    "record_no": QT_TRANSLATE_NOOP("ExportWords", "Record no."),
    "name": QT_TRANSLATE_NOOP("ExportWords", "Name"),
    "sex": QT_TRANSLATE_NOOP("ExportWords", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("ExportWords", "Date of birth"),
    "mobile": QT_TRANSLATE_NOOP("ExportWords", "Mobile"),
    "id_number": QT_TRANSLATE_NOOP("ExportWords", "ID number"),
    "id_unverified": QT_TRANSLATE_NOOP("ExportWords", "Why the ID is unverified"),
    "source_channel": QT_TRANSLATE_NOOP("ExportWords", "Source"),
    "consultant": QT_TRANSLATE_NOOP("ExportWords", "Consultant"),
    "tags": QT_TRANSLATE_NOOP("ExportWords", "Tags"),
    "registered": QT_TRANSLATE_NOOP("ExportWords", "Registered"),
    "first_visit": QT_TRANSLATE_NOOP("ExportWords", "First visit"),
    "last_visit": QT_TRANSLATE_NOOP("ExportWords", "Last visit"),
    "notes": QT_TRANSLATE_NOOP("ExportWords", "Notes"),
    "allergies": QT_TRANSLATE_NOOP("ExportWords", "Allergies"),
    "history_flags": QT_TRANSLATE_NOOP("ExportWords", "Medical history"),
    "history_notes": QT_TRANSLATE_NOOP("ExportWords", "History notes"),
    "sex_F": QT_TRANSLATE_NOOP("ExportWords", "Female"),
    "sex_M": QT_TRANSLATE_NOOP("ExportWords", "Male"),
}

REMINDER_TITLES = {
    "sheet": QT_TRANSLATE_NOOP("ExportWords", "Reminders"),
    "due_on": QT_TRANSLATE_NOOP("ExportWords", "Due"),
    "patient": QT_TRANSLATE_NOOP("ExportWords", "Patient or lead"),
    "record_no": QT_TRANSLATE_NOOP("ExportWords", "Record no."),
    "mobile": QT_TRANSLATE_NOOP("ExportWords", "Mobile"),
    "reason": QT_TRANSLATE_NOOP("ExportWords", "Reason"),
    "assignee": QT_TRANSLATE_NOOP("ExportWords", "Assigned to"),
    "priority": QT_TRANSLATE_NOOP("ExportWords", "Priority"),
    "attempts": QT_TRANSLATE_NOOP("ExportWords", "Tries"),
    "section": QT_TRANSLATE_NOOP("ExportWords", "Status"),
    "lead": QT_TRANSLATE_NOOP("ExportWords", "{name} (lead)"),
    "post_op_day": QT_TRANSLATE_NOOP("ExportWords", "{reason} · day {day}"),
    "section_overdue": QT_TRANSLATE_NOOP("ExportWords", "Overdue"),
    "section_today": QT_TRANSLATE_NOOP("ExportWords", "Today"),
    "section_upcoming": QT_TRANSLATE_NOOP("ExportWords", "Upcoming"),
}


def _translated(table: dict[str, str]) -> dict[str, str]:
    return {key: QCoreApplication.translate("ExportWords", text) for key, text in table.items()}


def patient_titles() -> dict[str, str]:
    """Column titles, sexes and history flags (``flag_<key>``) for ``export_patients``."""
    titles = _translated(PATIENT_TITLES)
    titles.update({f"flag_{flag}": word(FLAG_NAMES, flag) for flag in HISTORY_FLAGS})
    return titles


def reminder_titles() -> dict[str, str]:
    """Column titles and words (priorities, roles, sections) for ``export_reminders``."""
    titles = _translated(REMINDER_TITLES)
    titles.update({f"priority_{p.value}": priority_text(p) for p in Priority})
    titles.update(
        {
            f"role_{role.value}": QCoreApplication.translate("Reminders", ROLE_GROUPS[role])
            for role in Role
        }
    )
    return titles


def start_patient_export(excel: ExcelExport, database: Database, actor: Actor, query: str) -> None:
    """Every patient the search finds for ``query`` (all of them), or everyone."""
    titles = patient_titles()
    caption = (
        QCoreApplication.translate("ListExports", "Export the patients found")
        if query
        else QCoreApplication.translate("ListExports", "Export every patient")
    )
    name = QCoreApplication.translate("ListExports", "Patients-{day}.xlsx")
    excel.start(
        caption,
        name.format(day=dt.date.today().isoformat()),
        lambda path, report: export_patients(
            database, actor, path, query=query, titles=titles, progress=report
        ),
    )


def start_reminder_export(
    excel: ExcelExport, desk: ReminderDesk, scope: Scope, section: Section
) -> None:
    """The reminder list as the page shows it: this scope, this section, every row."""
    titles = reminder_titles()
    names = {
        Section.OVERDUE: QCoreApplication.translate("ListExports", "Reminders-overdue-{day}.xlsx"),
        Section.TODAY: QCoreApplication.translate("ListExports", "Reminders-today-{day}.xlsx"),
        Section.UPCOMING: QCoreApplication.translate(
            "ListExports", "Reminders-upcoming-{day}.xlsx"
        ),
    }
    database, actor, horizon = desk.database, desk.actor, desk.horizon
    excel.start(
        QCoreApplication.translate("ListExports", "Export the reminders"),
        names[section].format(day=dt.date.today().isoformat()),
        lambda path, _report: export_reminders(
            database,
            actor,
            path,
            scope=scope,
            section=section,
            titles=titles,
            horizon=horizon,
        ),
    )
