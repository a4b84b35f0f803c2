"""The patient list to Excel (issue 11): Chinese titles, no clinical column for the desk,
a query exporting what the search finds, text never a formula, dates as dates, audited,
and no file at all when writing fails."""

from __future__ import annotations

import datetime as dt
import errno
import json
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from desktop_app.models import AuditEvent, Role
from desktop_app.services import patient_export, queue, xlsx_writing
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patient_export import COLUMNS, TITLES, export_patients
from desktop_app.services.patients import register_patient
from desktop_app.services.search import search_patients
from desktop_app.services.staff import NewStaff, create_staff

PASSWORD = "correct horse battery"


def staff(database, manager, username: str, name: str, role: Role):
    return create_staff(database, manager, NewStaff(username, name, role, PASSWORD))


@pytest.fixture
def clinic(database, manager):
    consultant = staff(database, manager, "amy", "咨询师小美", Role.CONSULTANT)
    first = register_patient(
        database,
        manager,
        PatientDraft(
            "张三丰",
            sex="F",
            birth_date=dt.date(1990, 5, 17),
            mobile="13800131234",
            source_channel="美团",
            consultant_id=consultant.staff_id,
            allergies="青霉素",
            history_flags=("keloid", "pregnancy"),
            history_notes='=HYPERLINK("x")',
            notes="=1+1",
            tags=("VIP",),
        ),
    )
    second = register_patient(database, manager, PatientDraft("李四", sex="M", notes="a\x01b"))
    third = register_patient(database, manager, PatientDraft("张三", sex="F"))
    queue.check_in(database, manager, first.id)
    return {
        "first": first,
        "second": second,
        "third": third,
        "receptionist": staff(database, manager, "rita", "前台小丽", Role.RECEPTIONIST),
        "doctor": staff(database, manager, "doc", "王医生", Role.DOCTOR),
    }


def read(path: Path) -> list[tuple]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def exports(database) -> list[dict]:
    with unit_of_work(database, write=False) as session:
        events = session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.action == "export", AuditEvent.entity_type == "patient_list")
            .order_by(AuditEvent.occurred_at)
        ).all()
        return [json.loads(event.summary) for event in events]


def test_a_receptionists_export_has_no_clinical_column(database, clinic, tmp_path):
    path = tmp_path / "患者名单.xlsx"
    written = export_patients(database, clinic["receptionist"], path)

    rows = read(path)
    assert written == 3 and len(rows) == 4
    assert rows[0] == tuple(TITLES[key] for key in COLUMNS)
    assert rows[0][:4] == ("病历号", "姓名", "性别", "出生日期")
    assert not {"过敏史", "病史", "病史备注"} & set(rows[0])
    assert not any("青霉素" in str(value) for row in rows for value in row)
    numbers = [row[0] for row in rows[1:]]
    assert numbers == sorted(
        p.record_no for p in (clinic["first"], clinic["second"], clinic["third"])
    )
    first = dict(zip(COLUMNS, rows[1 + numbers.index(clinic["first"].record_no)], strict=True))
    assert first["name"] == "张三丰" and first["sex"] == "女"
    assert first["birth_date"] == dt.datetime(1990, 5, 17)  # a real date cell
    assert first["mobile"] == "13800131234"  # the whole number, as text
    assert first["notes"] == "=1+1"  # text, never a formula
    assert (first["source_channel"], first["consultant"], first["tags"]) == (
        "美团",
        "咨询师小美",
        "VIP",
    )
    assert isinstance(first["registered"], dt.datetime)
    assert isinstance(first["last_visit"], dt.datetime)
    second = dict(zip(COLUMNS, rows[1 + numbers.index(clinic["second"].record_no)], strict=True))
    assert second["sex"] == "男" and second["notes"] == "ab"  # control character dropped
    assert second["last_visit"] is None

    sheet = openpyxl.load_workbook(path).active
    note = sheet.cell(
        row=2 + numbers.index(clinic["first"].record_no), column=1 + COLUMNS.index("notes")
    )
    assert note.data_type == "s"
    assert sheet.freeze_panes == "A2"

    [event] = exports(database)
    assert event["rows"] == 3 and event["query"] == "" and event["columns"] == list(COLUMNS)
    assert event["file"] == "患者名单.xlsx"


def test_a_managers_export_has_the_clinical_columns(database, manager, clinic, tmp_path):
    path = tmp_path / "all.xlsx"
    export_patients(database, manager, path, titles={"flag_keloid": "Keloid", "name": "Name"})

    rows = read(path)
    assert rows[0][-3:] == ("过敏史", "病史", "病史备注")
    assert rows[0][1] == "Name"
    [first] = [row for row in rows if row[0] == clinic["first"].record_no]
    assert first[-3:] == ("青霉素", "孕期或哺乳期、Keloid", '=HYPERLINK("x")')
    assert exports(database)[0]["columns"][-3:] == ["allergies", "history_flags", "history_notes"]


def test_a_doctor_may_not_export_a_list(database, clinic, tmp_path):
    path = tmp_path / "x.xlsx"
    with pytest.raises(PermissionDeniedError):
        export_patients(database, clinic["doctor"], path)
    assert not path.exists() and exports(database) == []


def test_a_query_exports_exactly_what_the_search_finds(database, manager, clinic, tmp_path):
    path = tmp_path / "found.xlsx"
    written = export_patients(database, clinic["receptionist"], path, query=" 张三 ")

    names = [row[1] for row in read(path)[1:]]
    found = search_patients(database, manager, "张三", limit=50)
    assert written == 2 and names == [hit.name for hit in found] == ["张三", "张三丰"]
    assert exports(database)[0]["query"] == "张三"

    assert export_patients(database, manager, tmp_path / "none.xlsx", query="nobody") == 0
    assert read(tmp_path / "none.xlsx")[1:] == []


def test_every_patient_in_pages_with_progress(database, manager, clinic, tmp_path, monkeypatch):
    monkeypatch.setattr(patient_export, "PAGE", 2)
    seen: list[tuple[int, int]] = []
    written = export_patients(
        database, manager, tmp_path / "p.xlsx", progress=lambda d, t: seen.append((d, t))
    )
    assert written == 3 and len(read(tmp_path / "p.xlsx")) == 4
    assert seen == [(0, 3), (2, 3), (3, 3)]


def test_a_failed_write_leaves_no_file(database, manager, clinic, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsx_writing.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space"):
        export_patients(database, manager, folder / "list.xlsx")
    assert list(folder.iterdir()) == []

    monkeypatch.undo()
    with pytest.raises(FileNotFoundError):
        export_patients(database, manager, tmp_path / "missing" / "list.xlsx")
    assert not (tmp_path / "missing").exists()


def test_no_file_when_the_audit_row_cannot_be_written(
    database, manager, clinic, tmp_path, monkeypatch
):
    def refuse(*_args, **_kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(xlsx_writing.audit, "record", refuse)  # where exports audit
    with pytest.raises(RuntimeError):
        export_patients(database, manager, tmp_path / "list.xlsx")
    assert list(tmp_path.glob("*.xlsx*")) == [] and list(tmp_path.glob(".*")) == []
