"""The audit log: append-only in the database, openings of records and photos audited once,
the managers' search and the Excel export (issue 10), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from desktop_app.models import AuditEvent, Role
from desktop_app.services import audit, audit_log, photos, queue, timeline
from desktop_app.services.consultations import ConsultationDraft, record_consultation
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.record_header import record_header
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.photo_clinic import add_photos, make_clinic

APPEND_ONLY = "append-only"


def events(database, action=None, entity_type=None):
    with unit_of_work(database, write=False) as session:
        query = sa.select(AuditEvent).order_by(AuditEvent.occurred_at, AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        if entity_type:
            query = query.where(AuditEvent.entity_type == entity_type)
        return list(session.scalars(query))


def snapshot(database):
    return [
        (e.id, e.occurred_at, e.staff_id, e.workstation, e.action, e.entity_id, e.summary)
        for e in events(database)
    ]


# --- append-only -----------------------------------------------------------------------------


def test_audit_rows_cannot_be_changed_or_deleted_through_the_orm(database, manager):
    before = snapshot(database)
    assert before
    first = before[0][0]
    with pytest.raises(DBAPIError, match=APPEND_ONLY), unit_of_work(database) as session:
        session.get(AuditEvent, first).summary = "{}"
    with pytest.raises(DBAPIError, match=APPEND_ONLY), unit_of_work(database) as session:
        session.delete(session.get(AuditEvent, first))
    assert snapshot(database) == before


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET action = 'nothing'",
        "UPDATE audit_events SET staff_id = NULL",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",  # PostgreSQL's; SQLite has only DELETE FROM
    ],
)
def test_audit_rows_cannot_be_changed_or_deleted_by_raw_sql(database, manager, statement):
    if statement.startswith("TRUNCATE") and database.is_sqlite:
        statement = "DELETE FROM audit_events WHERE 1"
    before = snapshot(database)
    with (
        pytest.raises(DBAPIError, match=APPEND_ONLY),
        database.connect() as connection,
        connection.begin(),
    ):
        connection.exec_driver_sql(statement)
    assert snapshot(database) == before
    with unit_of_work(database) as session:  # adding stays possible
        audit.record(session, manager, "create", "tag", "still-writable")
    assert len(snapshot(database)) == len(before) + 1


# --- openings --------------------------------------------------------------------------------


def test_opening_a_record_is_audited_once(database, manager):
    patient = register_patient(database, manager, PatientDraft("李四", mobile="13900001111"))
    header = record_header(database, manager, patient.id)
    timeline.patient_timeline(database, manager, patient.id)  # the page: no row of its own
    record_header(database, manager, patient.id, opening=False)  # re-read after a print
    views = events(database, "view", "patient")
    assert [(e.entity_id, e.staff_id) for e in views] == [(str(patient.id), manager.staff_id)]
    assert json.loads(views[0].summary) == {"clinical": True}
    assert header.name == "李四"


def test_opening_a_photo_is_audited_once_per_photo_and_thumbnails_are_not(database):
    clinic = make_clinic(database)
    doctor = clinic.people[Role.DOCTOR]
    ids = add_photos(clinic, 3)
    photos.gallery(database, doctor, clinic.patient_id)
    photos.thumbnails(database, doctor, ids)
    photos.image(database, doctor, ids[0])
    photos.image(database, doctor, ids[2])
    assert [(e.entity_type, e.entity_id) for e in events(database, "view_photos")] == [
        ("patient", str(clinic.patient_id))
    ]
    opened = events(database, "view", "photo")
    assert [e.entity_id for e in opened] == [str(ids[0]), str(ids[2])]
    assert json.loads(opened[0].summary)["patient"] == str(clinic.patient_id)
    front = clinic.people[Role.RECEPTIONIST]
    with pytest.raises(PermissionDeniedError):
        photos.image(database, front, ids[1])
    assert len(events(database, "view", "photo")) == 2


# --- search ----------------------------------------------------------------------------------


@pytest.fixture
def day(database, manager):
    """Two patients: one checked in, consulted by Lily and opened; the other only registered."""
    lily = create_staff(
        database, manager, NewStaff("lily", "莉莉", Role.CONSULTANT, "correct horse battery")
    )
    first = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    other = register_patient(database, manager, PatientDraft("王五", mobile="13700001234"))
    card = queue.check_in(database, lily, first.id)
    record_consultation(database, lily, card.visit_id, ConsultationDraft(items=("水光针",)))
    record_header(database, lily, first.id)
    return {"lily": lily, "first": first, "other": other}


def test_search_by_patient_finds_the_record_and_its_children(database, manager, day):
    rows = audit_log.search(database, manager, patient_id=day["first"].id)
    found = {(row.action, row.entity_type) for row in rows}
    assert found == {
        ("create", "patient"),
        ("check_in", "visit"),  # names the record number in its summary
        ("create", "consultation"),  # found by the consultation's id
        ("view", "patient"),
    }
    assert {row.patient for row in rows} == {f"张三丰 ({day['first'].record_no})"}
    other = audit_log.search(database, manager, patient_id=day["other"].id)
    assert [(r.action, r.entity_type) for r in other] == [("create", "patient")]


def test_search_by_staff_action_and_dates(database, manager, day):
    lily = day["lily"]
    mine = audit_log.search(database, manager, staff_id=lily.staff_id)
    assert [r.action for r in mine] == ["view", "create", "check_in"]  # newest first
    assert {r.who for r in mine} == {"莉莉"} and mine[0].workstation == lily.workstation
    created = audit_log.search(database, manager, action="create")
    assert {r.entity_type for r in created} >= {"patient", "consultation", "staff"}
    today = dt.date.today()
    assert len(audit_log.search(database, manager, since=today, until=today)) == len(
        audit_log.search(database, manager)
    )
    assert audit_log.search(database, manager, until=today - dt.timedelta(days=1)) == []
    assert audit_log.search(database, manager, since=today + dt.timedelta(days=1)) == []
    two = audit_log.search(database, manager, limit=2)
    assert audit_log.search(database, manager, limit=2, offset=1)[0] == two[1]
    consult = next(r for r in mine if r.entity_type == "consultation")
    assert "水光针" not in consult.summary and "visit: " in consult.summary


def test_only_managers_read_the_log_and_a_refusal_is_audited(database, manager, day, tmp_path):
    denied = len(events(database, "denied"))
    with pytest.raises(PermissionDeniedError):
        audit_log.search(database, day["lily"])
    with pytest.raises(PermissionDeniedError):
        audit_log.export_xlsx(database, day["lily"], tmp_path / "x.xlsx")
    assert len(events(database, "denied")) == denied + 2
    assert not (tmp_path / "x.xlsx").exists()


# --- export ----------------------------------------------------------------------------------


def test_export_to_excel_reads_back(database, manager, day, tmp_path):
    with unit_of_work(database) as session:  # a summary Excel must not take for a formula
        audit.record(session, manager, "change", "patient", day["first"].id, note="=1+1")
    path = tmp_path / "audit.xlsx"
    shown = audit_log.search(database, manager, patient_id=day["first"].id)
    written = audit_log.export_xlsx(database, manager, path, patient_id=day["first"].id)
    assert written == len(shown) == 5
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == audit_log.HEADER
    assert len(rows) == 1 + written
    newest = rows[1]
    assert isinstance(newest[0], dt.datetime)
    local = shown[0].occurred_at.astimezone().replace(tzinfo=None)
    assert abs(newest[0] - local) < dt.timedelta(seconds=1)
    assert newest[1:5] == ("王店长", manager.workstation, "change", "patient")
    assert newest[7] == "note: =1+1"
    assert sheet.cell(row=2, column=1).number_format == "yyyy-mm-dd hh:mm:ss"
    assert sheet.column_dimensions["H"].width >= 60
    exported = events(database, "export", "audit_log")
    assert len(exported) == 1
    assert json.loads(exported[0].summary) == {
        "file": "audit.xlsx",
        "rows": 5,
        "patient_id": str(day["first"].id),
    }


def test_a_large_export_streams_in_pages(database, manager, tmp_path, monkeypatch):
    from desktop_app.services import audit_export

    monkeypatch.setattr(audit_export, "PAGE", 7)
    with unit_of_work(database) as session:
        for number in range(30):
            audit.record(session, manager, "create", "tag", f"tag {number}")
    total = len(audit_log.search(database, manager, limit=1000))
    path = tmp_path / "all.xlsx"
    assert audit_log.export_xlsx(database, manager, path) == total
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))[1:]
    assert len({row[5] for row in rows if row[3] == "create" and row[4] == "tag"}) == 30
    assert [row[0] for row in rows] == sorted((row[0] for row in rows), reverse=True)
