"""Service layer on real databases: transactions, audit, conflicts, numbering, sign-in."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import AuditEvent, Patient, Role, Staff
from desktop_app.services import clinic_settings, patients, setup, staff
from desktop_app.services.context import Actor, reading, unit_of_work
from desktop_app.services.errors import (
    AuthenticationError,
    ConflictError,
    PermissionDeniedError,
    SetupAlreadyDoneError,
    ValidationError,
)
from desktop_app.services.patients import PatientDraft
from tests.conftest import MANAGER_PASSWORD


def audit_rows(database: Database, action: str | None = None) -> list[AuditEvent]:
    with unit_of_work(database, write=False) as session:
        query = sa.select(AuditEvent).order_by(AuditEvent.occurred_at)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(session.scalars(query))


def add_receptionist(database: Database, manager: Actor, username: str = "amy") -> Actor:
    return staff.create_staff(
        database, manager, staff.NewStaff(username, "李前台", Role.RECEPTIONIST, "front desk pw 1")
    )


# --- first run and sign-in ---------------------------------------------------------------


def test_first_run_creates_clinic_and_manager_once(database: Database):
    assert setup.needs_first_run(database)
    actor = setup.complete_first_run(
        database, setup.FirstRun(" 美丽诊所 ", "Boss", "王店长", MANAGER_PASSWORD)
    )
    assert (actor.username, actor.role) == ("boss", Role.MANAGER)
    assert not setup.needs_first_run(database)
    assert clinic_settings.get(database, clinic_settings.CLINIC_NAME) == "美丽诊所"
    with pytest.raises(SetupAlreadyDoneError):
        setup.complete_first_run(database, setup.FirstRun("X", "other", "Other", MANAGER_PASSWORD))
    [event] = audit_rows(database, "first_run")
    assert event.staff_id == actor.staff_id


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        (setup.FirstRun("", "boss", "Boss", MANAGER_PASSWORD), "clinic_name"),
        (setup.FirstRun("C", "", "Boss", MANAGER_PASSWORD), "username"),
        (setup.FirstRun("C", "two words", "Boss", MANAGER_PASSWORD), "username"),
        (setup.FirstRun("C", "boss", " ", MANAGER_PASSWORD), "display_name"),
        (setup.FirstRun("C", "boss", "Boss", "short"), "password"),
    ],
)
def test_first_run_rejects_bad_answers_and_saves_nothing(sqlite_database, answers, field):
    with pytest.raises(ValidationError) as caught:
        setup.complete_first_run(sqlite_database, answers)
    assert caught.value.field == field
    assert setup.needs_first_run(sqlite_database)
    assert clinic_settings.get(sqlite_database, clinic_settings.CLINIC_NAME) == ""


def _png(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (width, height), (0, 128, 128, 128)).save(out, "PNG")
    return out.getvalue()


def test_first_run_keeps_the_letterhead_in_the_same_transaction(database: Database):
    answers = setup.FirstRun(
        "美丽诊所",
        "boss",
        "王店长",
        MANAGER_PASSWORD,
        address="  上海市 静安区  南京西路 1 号 ",
        phone="021-5555 0000",
        logo=_png(2400, 800),
    )
    setup.complete_first_run(database, answers)
    assert clinic_settings.get(database, clinic_settings.CLINIC_ADDRESS) == (
        "上海市 静安区 南京西路 1 号"
    )
    assert clinic_settings.get(database, clinic_settings.CLINIC_PHONE) == "021-5555 0000"
    import io

    from PIL import Image

    logo = clinic_settings.logo_png(database)
    assert logo is not None
    with Image.open(io.BytesIO(logo)) as stored:  # scaled to the letterhead, on white
        assert stored.size == (1800, 600) and stored.mode == "RGB"
    [event] = audit_rows(database, "first_run")
    summary = json.loads(event.summary)
    assert (summary["phone"], summary["logo"]) == ("021-5555 0000", "yes")


@pytest.mark.parametrize(
    ("letterhead", "field"),
    [
        ({"address": "路" * 201}, "clinic_address"),
        ({"phone": "1" * 41}, "clinic_phone"),
        ({"logo": b"GIF89a not a picture"}, "logo"),
    ],
)
def test_a_bad_letterhead_at_first_run_saves_nothing(sqlite_database, letterhead, field):
    answers = setup.FirstRun("C", "boss", "Boss", MANAGER_PASSWORD, **letterhead)
    with pytest.raises(ValidationError) as caught:
        setup.complete_first_run(sqlite_database, answers)
    assert caught.value.field == field
    assert setup.needs_first_run(sqlite_database)
    assert clinic_settings.get(sqlite_database, clinic_settings.CLINIC_NAME) == ""


def test_sign_in_success_and_failure_are_audited(database: Database, manager: Actor):
    actor = staff.sign_in(database, " BOSS ", MANAGER_PASSWORD)
    assert actor.staff_id == manager.staff_id and actor.display_name == "王店长"

    with pytest.raises(AuthenticationError) as wrong_password:
        staff.sign_in(database, "boss", "not the password")
    with pytest.raises(AuthenticationError) as unknown_user:
        staff.sign_in(database, "nobody", MANAGER_PASSWORD)
    # The same words whatever was wrong: nothing revealed about which accounts exist.
    assert str(wrong_password.value) == str(unknown_user.value) == "Wrong user name or password."

    assert len(audit_rows(database, "sign_in")) == 1
    failures = audit_rows(database, "sign_in_failed")
    assert [json.loads(f.summary)["username"] for f in failures] == ["boss", "nobody"]
    assert failures[0].entity_id == str(manager.staff_id) and failures[1].entity_id is None


def test_passwords_are_stored_as_argon2id(database: Database, manager: Actor):
    with unit_of_work(database, write=False) as session:
        stored = session.get(Staff, manager.staff_id)
        assert stored is not None
        assert stored.password_hash.startswith("$argon2id$")
        assert MANAGER_PASSWORD not in stored.password_hash


def test_disabled_account_cannot_sign_in(database: Database, manager: Actor):
    amy = add_receptionist(database, manager)
    with unit_of_work(database) as session:
        session.get(Staff, amy.staff_id).active = False
    with pytest.raises(AuthenticationError):
        staff.sign_in(database, "amy", "front desk pw 1")


# --- permissions and audit -----------------------------------------------------------------


def test_every_change_writes_one_audit_row_in_the_same_transaction(database, manager):
    before = len(audit_rows(database))
    record = patients.register_patient(
        database, manager, PatientDraft("张三丰", mobile="13800138000")
    )
    patients.update_patient(
        database, manager, record.id, record.version, PatientDraft("张三", mobile="13800138000")
    )
    clinic_settings.put(database, manager, "opening_hours", "09:00-18:00")
    rows = audit_rows(database)[before:]
    assert [(r.action, r.entity_type) for r in rows] == [
        ("create", "patient"),
        ("change", "patient"),
        ("change", "clinic_setting"),
    ]
    assert all(r.staff_id == manager.staff_id and r.workstation for r in rows)
    assert json.loads(rows[1].summary)["changes"] == {"name": ["张三丰", "张三"]}


def test_failed_change_leaves_neither_record_nor_audit(database: Database, manager: Actor):
    before = len(audit_rows(database))
    with pytest.raises(ValidationError):
        patients.register_patient(database, manager, PatientDraft("   "))
    with unit_of_work(database, write=False) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Patient)) == 0
    assert len(audit_rows(database)) == before


def test_roles_are_checked(database: Database, manager: Actor):
    amy = add_receptionist(database, manager)
    with pytest.raises(PermissionDeniedError):
        clinic_settings.put(database, amy, "opening_hours", "never")
    with pytest.raises(PermissionDeniedError):
        staff.create_staff(database, amy, staff.NewStaff("eve", "Eve", Role.MANAGER, "x" * 12))
    assert patients.register_patient(database, amy, PatientDraft("王小明")).record_no


def test_unicode_names_are_kept_as_typed(database: Database, manager: Actor):
    record = patients.register_patient(database, manager, PatientDraft("  𠮷田·Anna  "))
    assert patients.get_patient(database, manager, record.id).name == "𠮷田·Anna"


# --- stale writes ----------------------------------------------------------------------------


def test_stale_write_through_the_service_is_a_conflict(database: Database, manager: Actor):
    amy = add_receptionist(database, manager)
    seen = patients.register_patient(database, manager, PatientDraft("赵敏"))
    patients.update_patient(database, amy, seen.id, seen.version, PatientDraft("赵敏敏"))

    with pytest.raises(ConflictError) as caught:
        patients.update_patient(database, manager, seen.id, seen.version, PatientDraft("赵明"))
    assert caught.value.changed_by == "李前台"
    assert caught.value.changed_at is not None
    assert "李前台" in str(caught.value)
    assert patients.get_patient(database, manager, seen.id).name == "赵敏敏"


def test_two_stations_racing_on_one_row_one_wins_other_is_told(database, manager):
    """Two real sessions save the same patient at once; nobody's write is silently lost.

    PostgreSQL: both transactions run; the later flush finds the version moved on.
    SQLite: the second writer waits for the first (BEGIN IMMEDIATE), then finds the
    version it was editing is no longer current. Either way: one winner, one ConflictError.
    """
    amy = add_receptionist(database, manager)
    seen = patients.register_patient(database, manager, PatientDraft("周芷若"))
    outcome: dict[str, object] = {}

    def station_b() -> None:
        try:
            patients.update_patient(database, amy, seen.id, seen.version, PatientDraft("周芷若B"))
            outcome["b"] = "saved"
        except ConflictError as exc:
            outcome["b"] = exc

    other = threading.Thread(target=station_b)
    try:
        with unit_of_work(database) as session:  # station A, mid-transaction
            mine = session.get(Patient, seen.id)
            mine.name = "周芷若A"
            mine.updated_by_id = manager.staff_id
            session.flush() if database.is_sqlite else None
            other.start()
            other.join(timeout=2)  # PostgreSQL: B commits now; SQLite: B waits for A
        outcome["a"] = "saved"
    except ConflictError as exc:
        outcome["a"] = exc
    other.join()

    winner, loser = ("a", "b") if outcome["a"] == "saved" else ("b", "a")
    assert outcome[winner] == "saved"
    assert isinstance(outcome[loser], ConflictError)
    assert outcome[loser].changed_by == {"a": "王店长", "b": "李前台"}[winner]
    final = patients.get_patient(database, manager, seen.id)
    assert final.name == f"周芷若{winner.upper()}"
    assert final.version == seen.version + 1


# --- record numbers --------------------------------------------------------------------------


def _register_concurrently(database: Database, actor: Actor, threads: int, each: int) -> list:
    barrier = threading.Barrier(threads)

    def work(worker: int) -> list[str]:
        barrier.wait()
        return [
            patients.register_patient(database, actor, PatientDraft(f"并发{worker}-{i}")).record_no
            for i in range(each)
        ]

    with ThreadPoolExecutor(threads) as pool:
        return [no for batch in pool.map(work, range(threads)) for no in batch]


def test_record_numbers_are_unique_under_concurrent_registration_on_postgres(
    postgres_database: Database,
):
    manager = setup.complete_first_run(
        postgres_database, setup.FirstRun("C", "boss", "Boss", MANAGER_PASSWORD)
    )
    numbers = _register_concurrently(postgres_database, manager, threads=8, each=50)
    assert len(numbers) == 400 == len(set(numbers))
    assert sorted(numbers) == [f"{n:06d}" for n in range(1, 401)]  # no failures, no gaps


def test_record_numbers_are_unique_under_concurrent_registration_on_sqlite(
    sqlite_database: Database,
):
    manager = setup.complete_first_run(
        sqlite_database, setup.FirstRun("C", "boss", "Boss", MANAGER_PASSWORD)
    )
    numbers = _register_concurrently(sqlite_database, manager, threads=4, each=25)
    assert sorted(numbers) == [f"{n:06d}" for n in range(1, 101)]


def test_reading_runs_each_statement_outside_a_transaction(database: Database, manager: Actor):
    """Opening a record reads without BEGIN/ROLLBACK; it sees what others committed meanwhile."""
    with reading(database) as connection:
        if database.kind == "postgresql":
            started = [connection.exec_driver_sql("SELECT now()").scalar() for _ in range(2)]
            assert started[0] != started[1]  # now() is per transaction: one per statement here
        else:
            connection.exec_driver_sql("SELECT count(*) FROM staff").scalar()
            assert not connection.connection.driver_connection.in_transaction
        with unit_of_work(database) as other:
            other.add(Staff(username="new", display_name="New", role=Role.NURSE, password_hash="!"))
        assert connection.exec_driver_sql("SELECT count(*) FROM staff").scalar() == 2
    with unit_of_work(database, write=False) as session:  # other reads keep their transaction
        connection = session.connection()
        connection.exec_driver_sql("SELECT 1")
        if database.kind == "sqlite":
            assert connection.connection.driver_connection.in_transaction
        else:
            assert not connection.connection.driver_connection.autocommit
