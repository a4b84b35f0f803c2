"""Writing one Excel sheet a row at a time, for every export (audit log, patients,
reminders, reports).

A write-only openpyxl workbook keeps only the current row in memory, so 200,000 patients
export in flat memory. Text is always a text cell (a name or note starting with "=" must
never become a formula when the clinic opens the file), without the control characters
Excel refuses; dates and times are real Excel dates (local time: Excel has no time zones).
The file appears only when complete: it is written next to its place under a temporary
name and renamed at the end, so a full disk or a refused folder leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from desktop_app.db import Database
from desktop_app.services import audit
from desktop_app.services.context import Actor, unit_of_work

DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
_BOLD = Font(bold=True)


class SheetWriter:
    """One sheet: a bold, frozen header row of ``titles``, then rows of cells made by
    ``text``, ``date``, ``moment`` and ``number``. Used in a ``with`` block, so a sheet
    given up half-way (a refusal, a lost server) drops its temporary data at once."""

    def __init__(self, name: str, titles: Sequence[str], widths: Sequence[float]) -> None:
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet(name[:31])  # Excel's limit for a sheet name
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.sheet.freeze_panes = "A2"  # before any row: write-only sheets need it first
        self.sheet.append([self.text(title, bold=True) for title in titles])
        self.rows = 0  # written below the header

    def __enter__(self) -> SheetWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_details: object) -> None:
        if kind is not None:
            self._abandon()

    def text(self, value: object, *, bold: bool = False) -> WriteOnlyCell:
        """A text cell whatever the text starts with; None is an empty cell."""
        shown = "" if value is None else ILLEGAL_CHARACTERS_RE.sub("", str(value))
        cell = WriteOnlyCell(self.sheet, value=shown)
        cell.data_type = "s"
        if bold:
            cell.font = _BOLD
        return cell

    def date(self, value: dt.date | None) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell

    def moment(self, value: dt.datetime | None) -> WriteOnlyCell:
        """A date-time in this workstation's local time (an aware time is converted)."""
        if value is not None and value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.number_format = TIME_FORMAT
        return cell

    def number(self, value: int | float | None) -> WriteOnlyCell:
        return WriteOnlyCell(self.sheet, value=value)

    def append(self, cells: Iterable[WriteOnlyCell]) -> None:
        self.sheet.append(list(cells))
        self.rows += 1

    @contextlib.contextmanager
    def saving(self, path: Path) -> Iterator[None]:
        """Save to a temporary file beside ``path``; run the body (the audit row, say);
        then rename it to ``path``. Whatever fails, no partial file is left behind."""
        path = Path(path)
        temporary: Path | None = None
        try:
            handle, name = tempfile.mkstemp(prefix=".", suffix=".xlsx.part", dir=path.parent)
            os.close(handle)
            temporary = Path(name)
            self.book.save(temporary)
            yield
            os.replace(temporary, path)
        except BaseException:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            self._abandon()
            raise

    def save_exported(
        self, path: Path, database: Database, actor: Actor, kind: str, **summary: Any
    ) -> int:
        """Save as ``saving`` does, with the export's audit row (file, rows and
        ``summary``) written before the file appears; the number of rows written."""
        path = Path(path)
        with self.saving(path), unit_of_work(database) as session:
            audit.record(
                session, actor, "export", kind, None, file=path.name, rows=self.rows, **summary
            )
        return self.rows

    def _abandon(self) -> None:
        """Close a sheet never saved, so openpyxl's own temporary file goes too."""
        for sheet in self.book.worksheets:
            with contextlib.suppress(Exception):
                if not sheet.closed:
                    sheet.close()
                sheet._writer.cleanup()  # openpyxl has no public way to drop it


def xlsx_path(path: Path | str) -> Path:
    """The path with ``.xlsx`` added when the user typed a name without it."""
    path = Path(path)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
