"""The audit log to an Excel workbook, for an inspector or the clinic's own review.

Streamed: rows are read a page at a time (keyset, newest first) into a write-only
workbook, so a year's log never sits in memory. Times are real Excel date-times in this
workstation's local time (Excel has no time zones); text is always written as text, so a
summary starting with "=" is never taken for a formula. The export itself is audited.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path

from desktop_app.db import Database
from desktop_app.services.context import Actor, reading
from desktop_app.services.permissions import Permission, require
from desktop_app.services.xlsx_writing import SheetWriter

# Column titles when the caller gives none (the screen passes them in the user's language).
HEADER = ("When", "Who", "Workstation", "Action", "Entity", "Entity id", "Patient", "Summary")
WIDTHS = (20, 18, 18, 16, 16, 38, 26, 80)
PAGE = 2000


def export_xlsx(
    database: Database,
    actor: Actor,
    path: Path,
    *,
    header: Sequence[str] = HEADER,
    staff_id: uuid.UUID | None = None,
    patient_id: uuid.UUID | None = None,
    action: str | None = None,
    since: dt.date | dt.datetime | None = None,
    until: dt.date | dt.datetime | None = None,
) -> int:
    """Write every event matching the filters to ``path``; the number of rows written."""
    from desktop_app.services.audit_log import Filters, page

    require(actor, Permission.VIEW_AUDIT, database)
    filters = Filters(staff_id, patient_id, action, since, until)
    with SheetWriter("Audit log", header, WIDTHS) as writer:
        before: tuple[dt.datetime, uuid.UUID] | None = None
        with reading(database) as connection:
            while True:
                rows = page(connection, filters, limit=PAGE, before=before)
                for row in rows:
                    writer.append(
                        [
                            writer.moment(row.occurred_at),
                            *(
                                writer.text(value)
                                for value in (
                                    row.who,
                                    row.workstation,
                                    row.action,
                                    row.entity_type,
                                    row.entity_id or "",
                                    row.patient,
                                    row.summary,
                                )
                            ),
                        ]
                    )
                if len(rows) < PAGE:
                    break
                before = (rows[-1].occurred_at, rows[-1].id)
        chosen = {key: value for key, value in vars(filters).items() if value is not None}
        return writer.save_exported(path, database, actor, "audit_log", **chosen)
