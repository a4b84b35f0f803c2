"""``clinic-desk export patients|reminders --out FILE``: the Excel exports for scripts, thin
shells over services/patient_export.py and reminder_export.py, registered by
``cli.build_parser``. The command line acts as a manager (``Actor.command_line``), so a
patient export has the clinical columns and the reminder export is everyone's; both are
audited like the screen's. Titles are the services' Chinese defaults.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop_app import cli

SECTIONS = ("overdue", "today", "upcoming")  # reminder_lists.Section, spelled out


def add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export",
        help="write the patient list or the reminder list to an Excel file",
        description="Write a list to an .xlsx file with Chinese headers (the file appears "
        "only when complete). Prints the rows written; with --json "
        '{"rows": N, "path": "..."}.',
    )
    lists = export.add_subparsers(dest="export_command", metavar="LIST", required=True)
    patients = lists.add_parser(
        "patients",
        help="every patient by record number, or those a search finds",
        description="Every patient ordered by record number, or with --query exactly the "
        "patients the search box finds for that text, in its order.",
    )
    patients.add_argument("--query", default="", metavar="TEXT", help="as in the search box")
    reminders = lists.add_parser(
        "reminders",
        help="everyone's open reminders: overdue, today's and upcoming",
        description="Everyone's open reminders as the reminder panel lists them, overdue "
        "first, or only one --section.",
    )
    reminders.add_argument("--section", choices=SECTIONS, help="only this section")
    for command in (patients, reminders):
        command.add_argument("--out", type=Path, required=True, metavar="FILE", help="write here")
        command.add_argument("--json", action="store_true", help="print the result as JSON")


def export_command(args: argparse.Namespace) -> int:
    from desktop_app.services.context import Actor
    from desktop_app.services.xlsx_writing import xlsx_path

    path = xlsx_path(args.out).absolute()
    try:
        with cli._open(args.database_url) as database:
            if args.export_command == "patients":
                from desktop_app.services.patient_export import export_patients

                rows = export_patients(database, Actor.command_line(), path, query=args.query)
            else:
                from desktop_app.services.reminder_export import export_reminders
                from desktop_app.services.reminder_lists import Scope, Section

                section = Section(args.section) if args.section else None
                rows = export_reminders(
                    database, Actor.command_line(), path, scope=Scope.EVERYONE, section=section
                )
    except OSError as exc:  # a full disk, a missing or refused folder: no file was left
        print(f"clinic-desk: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return cli.EXIT_ERROR
    if args.json:
        json.dump({"rows": rows, "path": str(path)}, sys.stdout, ensure_ascii=False)
        print()
    else:
        print(f"Exported {rows} row(s) to {path}")
    return 0
