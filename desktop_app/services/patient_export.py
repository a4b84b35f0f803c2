"""The patient list to Excel: every patient, or those a search finds, for the clinic's own
mailings, a move to another system or an inspector (issue 11).

Streamed: all patients are read in keyset pages by record number into a write-only sheet,
so 200,000 of them export in flat memory; a query exports exactly what the search box
finds for it, in the same order. Clinical columns (allergies, history) are written only
for someone who may read the clinical record: a receptionist's file has none. Titles come
from the caller (the screen, in the user's language), else the Chinese defaults below.
Every export is audited with its row count, query and columns.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import sqlalchemy as sa
from openpyxl.cell import WriteOnlyCell
from sqlalchemy.engine import Connection

from desktop_app.db import Database
from desktop_app.models import Patient, PatientTag, Staff, Tag, Visit
from desktop_app.services.context import Actor, reading
from desktop_app.services.permissions import Permission, allowed, require
from desktop_app.services.search import search_patients
from desktop_app.services.xlsx_writing import SheetWriter

Progress = Callable[[int, int], None]  # (rows written, rows in all)

COLUMNS = (
    "record_no",
    "name",
    "sex",
    "birth_date",
    "mobile",
    "id_number",
    "id_unverified",
    "source_channel",
    "consultant",
    "tags",
    "registered",
    "first_visit",  # as another system recorded it, for imported patients
    "last_visit",
    "notes",
)
CLINICAL_COLUMNS = ("allergies", "history_flags", "history_notes")

# Titles and words when the caller gives none (the command line has no translator).
TITLES: dict[str, str] = {
    "sheet": "患者名单",
    "record_no": "病历号",
    "name": "姓名",
    "sex": "性别",
    "birth_date": "出生日期",
    "mobile": "手机",
    "id_number": "证件号码",
    "id_unverified": "证件未核验原因",
    "source_channel": "来源",
    "consultant": "咨询师",
    "tags": "标签",
    "registered": "建档时间",
    "first_visit": "首次到院",
    "last_visit": "最近到院",
    "notes": "备注",
    "allergies": "过敏史",
    "history_flags": "病史",
    "history_notes": "病史备注",
    "sex_M": "男",
    "sex_F": "女",
    "flag_pregnancy": "孕期或哺乳期",
    "flag_anticoagulants": "服用抗凝药",
    "flag_keloid": "瘢痕体质",
    "flag_autoimmune": "自身免疫性疾病",
    "flag_isotretinoin": "近6个月服用异维A酸",
    "flag_implants_elsewhere": "曾在他处注射或植入",
}
WIDTHS = {
    "record_no": 12,
    "name": 12,
    "sex": 6,
    "birth_date": 12,
    "mobile": 16,
    "id_number": 22,
    "id_unverified": 20,
    "source_channel": 12,
    "consultant": 12,
    "tags": 24,
    "registered": 20,
    "first_visit": 12,
    "last_visit": 20,
    "notes": 40,
    "allergies": 24,
    "history_flags": 30,
    "history_notes": 40,
}
PAGE = 1000
SEARCH_LIMIT = 10_000_000  # "all of them": a bound the search needs, no clinic reaches
LIST_SEPARATOR = "、"


def columns_for(actor: Actor) -> tuple[str, ...]:
    """The columns this person's export has: clinical ones only for clinical readers."""
    clinical = allowed(actor, Permission.VIEW_ASSESSMENT) or allowed(
        actor, Permission.VIEW_CONSULTATION
    )
    return COLUMNS + CLINICAL_COLUMNS if clinical else COLUMNS


def export_patients(
    database: Database,
    actor: Actor,
    path: Path,
    *,
    query: str = "",
    titles: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the patients (all, or what ``query`` finds) to ``path``; the rows written."""
    require(actor, Permission.EXPORT_DATA, database)
    require(actor, Permission.VIEW_PATIENT, database)
    words = {**TITLES, **(titles or {})}
    keys = columns_for(actor)
    text = query.strip()
    found = (
        [hit.id for hit in search_patients(database, actor, text, limit=SEARCH_LIMIT)]
        if text
        else None
    )
    header = [words[key] for key in keys]
    with SheetWriter(words["sheet"], header, [WIDTHS[k] for k in keys]) as writer:
        with reading(database) as connection:
            total = len(found) if found is not None else _count(connection)
            if progress is not None:
                progress(0, total)
            batches = _all_pages(connection) if found is None else _found_pages(connection, found)
            for rows in batches:
                tags = _tags(connection, [row.id for row in rows])
                for row in rows:
                    writer.append(_cells(writer, keys, row, tags.get(row.id, []), words))
                if progress is not None:
                    progress(writer.rows, total)
        return writer.save_exported(
            path, database, actor, "patient_list", query=text, columns=list(keys)
        )


def plain_mobile(e164: str | None) -> str:
    """A mainland mobile as the clinic writes it (11 digits); any other number in E.164."""
    if not e164:
        return ""
    return e164[3:] if e164.startswith("+86") and len(e164) == 14 else e164


# --- reading -------------------------------------------------------------------------------------


def _statement() -> sa.Select:
    p = Patient.__table__.c
    staff = Staff.__table__
    visits = Visit.__table__
    last_visit = (
        sa.select(sa.func.max(visits.c.checked_in_at))
        .where(visits.c.patient_id == p.id)
        .scalar_subquery()
    )
    return sa.select(
        p.id,
        p.record_no,
        p.name,
        p.sex,
        p.birth_date,
        p.mobile,
        p.id_number,
        p.id_unverified_reason,
        p.source_channel,
        staff.c.display_name.label("consultant"),
        p.created_at,
        p.first_visit_on,
        last_visit.label("last_visit"),
        p.notes,
        p.allergies,
        p.history_flags,
        p.history_notes,
    ).outerjoin_from(Patient.__table__, staff, staff.c.id == p.consultant_id)


def _count(connection: Connection) -> int:
    return int(connection.execute(sa.select(sa.func.count()).select_from(Patient)).scalar_one())


def _all_pages(connection: Connection) -> Iterator[Sequence[sa.Row]]:
    """Every patient by record number, a page at a time (keyset: each page an index range)."""
    after: str | None = None
    record_no = Patient.__table__.c.record_no
    while True:
        statement = _statement().order_by(record_no).limit(PAGE)
        if after is not None:
            statement = statement.where(record_no > after)
        rows = connection.execute(statement).all()
        if rows:
            yield rows
        if len(rows) < PAGE:
            return
        after = rows[-1].record_no


def _found_pages(connection: Connection, ids: list[uuid.UUID]) -> Iterator[Sequence[sa.Row]]:
    """The search's patients in the search's order, a page of ids at a time."""
    patient_id = Patient.__table__.c.id
    for start in range(0, len(ids), PAGE):
        wanted = ids[start : start + PAGE]
        rows = {r.id: r for r in connection.execute(_statement().where(patient_id.in_(wanted)))}
        yield [rows[i] for i in wanted if i in rows]


def _tags(connection: Connection, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    found: dict[uuid.UUID, list[str]] = {}
    if not ids:
        return found
    statement = (
        sa.select(PatientTag.patient_id, Tag.name)
        .join(Tag, Tag.id == PatientTag.tag_id)
        .where(PatientTag.patient_id.in_(ids))
        .order_by(Tag.name)
    )
    for patient_id, name in connection.execute(statement):
        found.setdefault(patient_id, []).append(name)
    return found


def _cells(
    writer: SheetWriter,
    keys: Sequence[str],
    row: sa.Row,
    tags: list[str],
    words: Mapping[str, str],
) -> list[WriteOnlyCell]:
    flags = [words.get(f"flag_{k}", k) for k in filter(None, (row.history_flags or "").split(","))]
    values = {
        "record_no": writer.text(row.record_no),
        "name": writer.text(row.name),
        "sex": writer.text(words.get(f"sex_{row.sex}", row.sex or "")),
        "birth_date": writer.date(row.birth_date),
        "mobile": writer.text(plain_mobile(row.mobile)),
        "id_number": writer.text(row.id_number),
        "id_unverified": writer.text(row.id_unverified_reason),
        "source_channel": writer.text(row.source_channel),
        "consultant": writer.text(row.consultant),
        "tags": writer.text(LIST_SEPARATOR.join(tags)),
        "registered": writer.moment(row.created_at),
        "first_visit": writer.date(row.first_visit_on),
        "last_visit": writer.moment(row.last_visit),
        "notes": writer.text(row.notes),
        "allergies": writer.text(row.allergies),
        "history_flags": writer.text(LIST_SEPARATOR.join(flags)),
        "history_notes": writer.text(row.history_notes),
    }
    return [values[key] for key in keys]
