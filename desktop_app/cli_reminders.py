"""``clinic-desk reminders``: what is due, for scripts (a JSON list) and people (a table), and
the daily birthday sweep. Registered by ``cli.build_parser``."""

from __future__ import annotations

import argparse
import datetime as dt
import unicodedata
from typing import TYPE_CHECKING

from desktop_app import cli

if TYPE_CHECKING:
    from desktop_app.services.reminders import ReminderRow

# The roles' values, spelled out: the models (and SQLAlchemy) load only when a command runs.
ROLES = ("receptionist", "consultant", "doctor", "nurse", "manager")
COLUMNS = ("id", "record_no", "patient_name", "reason", "due_date", "assignee")


def add_reminders(commands: argparse._SubParsersAction) -> None:
    reminders = commands.add_parser("reminders", help="follow-up and other reminders")
    actions = reminders.add_subparsers(dest="reminders_command", metavar="ACTION", required=True)
    due = actions.add_parser(
        "due",
        help="open reminders due on or before a day (default today)",
        description="Open reminders due on or before --date, overdue first, urgent first "
        "within a day. With --json a list of objects with the keys "
        + ", ".join(COLUMNS)
        + " (due_date as YYYY-MM-DD; assignee the person's name, else the role; for a lead,"
        " not registered yet, record_no is null and patient_name is the lead's name).",
    )
    due.add_argument("--date", dest="day", type=cli._date, metavar="YYYY-MM-DD")
    due.add_argument("--role", choices=ROLES, help="only those for this role")
    due.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    sweep = actions.add_parser(
        "sweep",
        help="make the birthday greetings due within the coming fortnight (once a day)",
    )
    sweep.add_argument("--date", dest="day", type=cli._date, metavar="YYYY-MM-DD")


def reminders_command(args: argparse.Namespace) -> int:
    from desktop_app.models import Role
    from desktop_app.services import reminders
    from desktop_app.services.context import Actor

    day = args.day or dt.date.today()
    with cli._open(args.database_url) as database:
        if args.reminders_command == "sweep":
            made = reminders.sweep(database, Actor.command_line(), day)
            print(f"Made {made} birthday greeting(s) due by {day + dt.timedelta(days=14)}.")
            return 0
        role = Role(args.role) if args.role else None
        rows = reminders.due_on_date(database, Actor.command_line(), day, role=role)
    found = [_as_dict(row) for row in rows]
    if args.json:
        cli.print_rows(found, True)
    else:
        print_table(found)
    return 0


def _as_dict(row: ReminderRow) -> dict[str, object]:
    return {
        "id": str(row.id),
        "record_no": row.record_no,
        "patient_name": row.patient_name,
        "reason": row.reason,
        "due_date": row.due_on.isoformat(),
        "assignee": row.assignee_name or (row.assignee_role.value if row.assignee_role else ""),
    }


def print_table(rows: list[dict[str, object]]) -> None:
    """Columns lined up for a terminal (Chinese characters count two), without the id."""
    shown = ("due_date", "record_no", "patient_name", "assignee", "reason")
    titles = ("Due", "Record", "Patient", "Assignee", "Reason")
    if not rows:
        print("Nothing due.")
        return
    # A lead has no record number yet: its column says so instead of "None".
    cells = [list(titles), *([_cell(row, c) for c in shown] for row in rows)]
    widths = [max(_width(line[i]) for line in cells) for i in range(len(shown) - 1)]
    for line in cells:
        padded = [
            text + " " * (width - _width(text))
            for text, width in zip(line[:-1], widths, strict=True)
        ]
        print("  ".join([*padded, line[-1]]))
    print(f"{len(rows)} reminder(s)")


def _cell(row: dict[str, object], column: str) -> str:
    value = row[column]
    if value is None:
        return "(lead)" if column == "record_no" else ""
    return str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
