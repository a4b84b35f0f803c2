"""``clinic-desk bookings``: one day of the appointment book, for scripts (a JSON list) and
people (a table). Registered by ``cli.build_parser``.

The day is the station's local day (local midnight to midnight) and times are printed in
local time with their offset, as the front desk reads them; the database keeps UTC.
"""

from __future__ import annotations

import argparse
import datetime as dt
import unicodedata
from typing import TYPE_CHECKING

from desktop_app import cli

if TYPE_CHECKING:
    from desktop_app.services.bookings import BookingRow

COLUMNS = (
    "id",
    "record_no",
    "lead_name",
    "start",
    "end",
    "staff",
    "doctor",
    "consultant",
    "room",
    "device",
    "item",
    "status",
)


def add_bookings(commands: argparse._SubParsersAction) -> None:
    bookings = commands.add_parser(
        "bookings",
        help="one day's bookings (default today)",
        description="The bookings starting on --date (local midnight to midnight), by start. "
        "With --json a list of objects with the keys "
        + ", ".join(COLUMNS)
        + " (record_no for a patient, lead_name for a lead not registered yet, the other "
        "null; start and end in ISO 8601 local time with offset; staff the doctor, else the "
        "consultant; null where there is none).",
    )
    bookings.add_argument("--date", dest="day", type=cli._date, metavar="YYYY-MM-DD")
    bookings.add_argument(
        "--include-cancelled", action="store_true", help="list cancelled bookings too"
    )
    bookings.add_argument("--json", action="store_true", help="print a JSON list for scripts")


def bookings_command(args: argparse.Namespace) -> int:
    from desktop_app.services import bookings
    from desktop_app.services.context import Actor

    start, end = day_bounds(args.day or dt.date.today())
    with cli._open(args.database_url) as database:
        rows = bookings.bookings_between(
            database,
            Actor.command_line(),
            start,
            end,
            include_cancelled=args.include_cancelled,
        )
    found = [as_dict(row) for row in rows]
    if args.json:
        cli.print_rows(found, True)
    else:
        print_table(found)
    return 0


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Local midnight to the next local midnight, as aware datetimes (a DST day is 23 or
    25 hours long)."""
    after = day + dt.timedelta(days=1)
    return (
        dt.datetime.combine(day, dt.time()).astimezone(),
        dt.datetime.combine(after, dt.time()).astimezone(),
    )


def as_dict(row: BookingRow) -> dict[str, object]:
    lead = row.patient_id is None
    staff = row.doctor or row.consultant or None
    return {
        "id": str(row.id),
        "record_no": None if lead else row.record_no,
        "lead_name": row.name if lead else None,
        "start": row.starts_at.astimezone().isoformat(),
        "end": row.ends_at.astimezone().isoformat(),
        "staff": staff,
        "doctor": row.doctor or None,
        "consultant": row.consultant or None,
        "room": row.room or None,
        "device": row.device or None,
        "item": row.item,
        "status": row.status.value,
    }


def print_table(rows: list[dict[str, object]]) -> None:
    """Columns lined up for a terminal (Chinese characters count two), without the id."""
    if not rows:
        print("No bookings.")
        return
    titles = ["Time", "Patient", "Staff", "Room", "Item", "Status"]
    cells = [titles]
    for row in rows:
        start, end = str(row["start"]), str(row["end"])
        cells.append(
            [
                f"{start[11:16]}–{end[11:16]}",
                str(row["record_no"] or f"{row['lead_name']} (lead)"),
                str(row["staff"] or ""),
                " / ".join(str(row[k]) for k in ("room", "device") if row[k]),
                str(row["item"] or ""),
                str(row["status"]),
            ]
        )
    widths = [max(_width(line[i]) for line in cells) for i in range(len(titles) - 1)]
    for line in cells:
        padded = [
            text + " " * (width - _width(text))
            for text, width in zip(line[:-1], widths, strict=True)
        ]
        print("  ".join([*padded, line[-1]]))
    print(f"{len(rows)} booking(s)")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
