"""The Alembic revisions build exactly the models' schema, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.dialects import postgresql

from desktop_app import paths
from desktop_app.db import Database, DatabaseUnavailableError
from desktop_app.migrations import (
    SCHEMA_HEAD,
    BackupError,
    DatabaseTooNewError,
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
    upgrade,
)
from desktop_app.models import Base, FollowUp, Reminder, Role, Trigger, utcnow
from desktop_app.services import plans, treatments
from desktop_app.services.context import unit_of_work
from desktop_app.services.patients import PatientDraft, register_patient
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.databases import scratch_postgres_database, sqlite_url
from tests.support.local_time import local_at


def schema_differences(database: Database) -> list[object]:
    with database.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


def test_schema_head_constant_matches_the_newest_revision():
    assert head_revision() == SCHEMA_HEAD


def test_upgrade_builds_exactly_the_models(database: Database):
    assert current_revision(database) == SCHEMA_HEAD
    assert schema_differences(database) == []


def test_downgrade_then_upgrade_round_trips(database: Database):
    config = alembic_config()
    with database.connect() as connection, connection.begin():
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with database.connect() as connection:
        left = set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
    assert left == set()
    assert current_revision(database) is None
    upgrade(database)
    assert current_revision(database) == SCHEMA_HEAD
    assert schema_differences(database) == []


def test_sqlite_connection_settings(sqlite_database: Database):
    with sqlite_database.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000


def test_upgrade_on_current_database_changes_nothing_and_backs_up_nothing(
    sqlite_database: Database, tmp_path: Path
):
    result = upgrade(sqlite_database)
    assert result.backup is None
    assert list(tmp_path.glob("*.bak")) == []


def _scripts_with_pending_revision(tmp_path: Path) -> Path:
    """A copy of the real revisions plus one more, as a future release would ship."""
    scripts = tmp_path / "alembic-next"
    shutil.copytree(paths.ALEMBIC_SCRIPTS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_test.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '9999'\ndown_revision = {SCHEMA_HEAD!r}\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    op.create_table('future_things', sa.Column('id', sa.Integer, primary_key=True))\n"
        "def downgrade():\n    op.drop_table('future_things')\n"
    )
    return scripts


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_pending_migration_backs_up_sqlite_first(database, manager, tmp_path):
    register_patient(database, manager, PatientDraft("备份前的病人"))
    result = upgrade(database, _scripts_with_pending_revision(tmp_path))

    assert (result.from_revision, result.to_revision) == (SCHEMA_HEAD, "9999")
    assert result.backup is not None and result.backup.parent == tmp_path
    assert "before-9999" in result.backup.name
    with sqlite3.connect(result.backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
        assert copy.execute("SELECT name FROM patients").fetchall() == [("备份前的病人",)]
    assert current_revision(database) == "9999"


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_failed_backup_leaves_database_unmigrated(database, manager, tmp_path, monkeypatch):
    real_connect = sqlite3.connect

    def connect_with_full_disk(target, *args, **kwargs):
        if str(target).endswith(".bak"):
            Path(target).write_bytes(b"partial")  # what a full disk leaves behind
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect_with_full_disk)
    with pytest.raises(BackupError, match="Nothing was changed"):
        upgrade(database, _scripts_with_pending_revision(tmp_path))
    assert current_revision(database) == SCHEMA_HEAD
    assert list(tmp_path.glob("*.bak")) == []


def test_database_newer_than_the_code_is_refused_untouched(database: Database):
    with database.connect() as connection, connection.begin():
        connection.execute(sa.text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    with pytest.raises(DatabaseTooNewError, match="ffff_future"):
        upgrade(database)
    assert current_revision(database) == "ffff_future"


def test_unreachable_postgres_gives_a_clear_error():
    database = Database(sa.engine.make_url("postgresql+psycopg://clinic@127.0.0.1:1/clinic"))
    with pytest.raises(DatabaseUnavailableError) as caught:
        upgrade(database)
    message = str(caught.value)
    assert "127.0.0.1:1" in message and "clinic network" in message


def test_unopenable_sqlite_file_gives_a_clear_error(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(DatabaseUnavailableError, match="Cannot open the database file"):
        upgrade(Database(sqlite_url(blocker)))


def test_stations_starting_together_on_postgres_migrate_once(postgres_database: Database):
    # postgres_database is only used to check the server is there; migrate a fresh one.
    with scratch_postgres_database() as url:
        stations = [Database(url) for _ in range(3)]
        errors: list[BaseException] = []

        def start(station: Database) -> None:
            try:
                upgrade(station)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=start, args=(s,)) for s in stations]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert current_revision(stations[0]) == SCHEMA_HEAD
        for station in stations:
            station.dispose()


def test_a_station_waiting_for_another_to_migrate_is_told_so(postgres_database: Database):
    """The person at the second station reads why it waits (the first holds the lock)."""
    from desktop_app.migrations import _PG_MIGRATION_LOCK, UPGRADING, WAITING

    with scratch_postgres_database() as url:
        first, second = Database(url), Database(url)
        heard: list[str] = []
        waiting = threading.Event()

        def notify(state: str) -> None:
            heard.append(state)
            if state == WAITING:
                waiting.set()

        with first.connect() as holder:  # the first station, mid-migration
            holder.execute(sa.select(sa.func.pg_advisory_lock(_PG_MIGRATION_LOCK)))
            thread = threading.Thread(target=upgrade, args=(second,), kwargs={"notify": notify})
            thread.start()
            assert waiting.wait(30)
            assert current_revision(second) is None  # nothing done while it waits
            holder.execute(sa.select(sa.func.pg_advisory_unlock(_PG_MIGRATION_LOCK)))
            thread.join(60)
        assert heard == [WAITING, UPGRADING]
        assert current_revision(second) == SCHEMA_HEAD
        heard.clear()
        upgrade(first, notify=notify)  # nothing left to do: nothing said
        assert heard == []
        first.dispose()
        second.dispose()


def test_patients_from_before_intake_get_search_keys(database: Database):
    """A 0001 database with patients upgrades with pinyin, reversed keys and suffixes filled."""
    config = alembic_config()
    with database.connect() as connection, connection.begin():
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        connection.execute(
            sa.text(
                "INSERT INTO patients (id, record_no, name, mobile, id_number, created_at,"
                " updated_at, version) VALUES (:id, '000001', '曾小贤', '+8613800138000',"
                " '11010519491231002X', :now, :now, 1)"
            ),
            {
                "id": uuid.uuid4().hex if database.is_sqlite else uuid.uuid4(),
                "now": utcnow() if not database.is_sqlite else utcnow().replace(tzinfo=None),
            },
        )
    upgrade(database)
    with database.connect() as connection:
        row = connection.execute(
            sa.text("SELECT name_pinyin, name_initials, mobile_rev, id_rev FROM patients")
        ).one()
        channels = connection.execute(sa.text("SELECT count(*) FROM source_channels")).scalar()
        suffixes = (
            connection.execute(sa.text("SELECT suffix FROM patient_name_suffixes ORDER BY suffix"))
            .scalars()
            .all()
        )
    expected = ("zengxiaoxian", "zxx", "+8613800138000"[::-1], "11010519491231002X"[::-1])
    assert tuple(row) == expected
    assert channels == 8
    assert suffixes == sorted(["小贤", "贤"])


def test_postgres_collations_match_the_models(postgres_database: Database):
    """Autogenerate does not compare collations, yet search's index use depends on them."""
    dialect = postgresql.dialect()
    expected = {
        (table.name, column.name): getattr(column.type.dialect_impl(dialect), "collation", None)
        for table in Base.metadata.sorted_tables
        for column in table.columns
    }
    with postgres_database.connect() as connection:
        found = {
            (table, column): collation
            for table, column, collation in connection.execute(
                sa.text(
                    "SELECT table_name, column_name, collation_name"
                    " FROM information_schema.columns WHERE table_schema = 'public'"
                )
            )
        }
    assert {key: found[key] for key in expected} == expected
    assert expected[("patients", "name")] == "C"


def test_lead_reminders_migrate_down_and_up_with_calls_on_them(database: Database, manager):
    """0012 copies reminders and follow_ups on SQLite (a column loses NOT NULL) although
    follow_ups' key points at reminders: every call stays attached to its reminder. Going
    down drops the leads' reminders and calls, which an older version cannot show."""
    patient = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    today = utcnow().date()
    with unit_of_work(database) as session:
        kept, lead = (
            Reminder(
                patient_id=patient.id if who is None else None,
                lead_name=who,
                lead_mobile="+8613700002222" if who else None,
                trigger=Trigger.MANUAL,
                reason=f"call {who or 'patient'}",
                scheduled_on=today,
                due_on=today,
                assignee_role=Role.NURSE,
            )
            for who in (None, "王小美")
        )
        session.add_all([kept, lead])
        session.flush()
        for reminder in (kept, lead):
            session.add(
                FollowUp(
                    reminder_id=reminder.id,
                    patient_id=reminder.patient_id,
                    author_id=manager.staff_id,
                    called_at=utcnow(),
                    reached=False,
                )
            )
    kept_id = kept.id

    def rows() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        with unit_of_work(database, write=False) as session:
            reminders = session.execute(sa.select(Reminder.id, Reminder.reason)).all()
            calls = session.execute(sa.select(FollowUp.reminder_id, FollowUp.reached)).all()
        return sorted(map(tuple, reminders)), sorted(map(tuple, calls))

    def broken_keys() -> list[object]:
        if not database.is_sqlite:
            return []  # PostgreSQL enforces them in every statement
        with database.connect() as connection:
            return connection.exec_driver_sql("PRAGMA foreign_key_check").all()

    downgrade(database, "0011")
    assert current_revision(database) == "0011"
    with database.connect() as connection:
        found = connection.execute(sa.text("SELECT id, reason FROM reminders")).all()
        calls = connection.execute(sa.text("SELECT reminder_id FROM follow_ups")).all()
    assert [reason for _id, reason in found] == ["call patient"]
    assert len(calls) == 1 and broken_keys() == []

    upgrade(database)
    assert current_revision(database) == SCHEMA_HEAD
    assert schema_differences(database) == []
    assert rows() == ([(kept_id, "call patient")], [(kept_id, False)])
    assert broken_keys() == []
    with database.connect() as connection:  # foreign keys are back on for the app
        if database.is_sqlite:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_treatments_from_before_0018_are_valued_as_they_are_now_recorded(database, manager):
    """The backfill's rule is record_treatment's: a course session's share of its plan
    price, else the catalogue price."""
    patient = register_patient(database, manager, PatientDraft("李四", mobile="13800131235"))
    nurse = create_staff(
        database, manager, NewStaff("nurse", "Nurse", Role.NURSE, "correct horse battery")
    )
    plans.create_plan(
        database,
        create_staff(
            database, manager, NewStaff("lily", "Lily", Role.CONSULTANT, "correct horse battery")
        ),
        patient.id,
        [plans.PlanLine("水光针", "1000", sessions=3), plans.PlanLine("肉毒素", "2800")],
    )
    [course] = plans.courses_of(database, nurse, patient.id)
    for draft in (
        treatments.TreatmentDraft("水光针", utcnow(), course_id=course.id),
        treatments.TreatmentDraft("肉毒素", utcnow()),
    ):
        treatments.record_treatment(database, nurse, patient.id, draft)

    def values() -> list[tuple[object, ...]]:
        with database.connect() as connection:
            return sorted(
                map(tuple, connection.execute(sa.text("SELECT id, value FROM treatments")))
            )

    recorded = values()
    assert sorted(Decimal(str(v)) for _id, v in recorded)[0] == Decimal("333.33")
    downgrade(database, "0017")
    upgrade(database)
    assert [(i, Decimal(str(v))) for i, v in values()] == [
        (i, Decimal(str(v))) for i, v in recorded
    ]
    assert schema_differences(database) == []


def test_treatments_from_before_0020_get_the_local_day_they_are_now_recorded_with(
    database, manager, beijing_time
):
    """At UTC+8 the local day is not the UTC day for a treatment at 00:30 local time; the
    backfill writes the day record_treatment writes."""
    patient = register_patient(database, manager, PatientDraft("王五", mobile="13800131236"))
    nurse = create_staff(
        database, manager, NewStaff("nurse", "Nurse", Role.NURSE, "correct horse battery")
    )
    for at in (local_at(2026, 3, 2, 0, 30), local_at(2026, 3, 2, 23, 50)):
        treatments.record_treatment(
            database, nurse, patient.id, treatments.TreatmentDraft("肉毒素", at)
        )

    def days() -> list[tuple[object, ...]]:
        with database.connect() as connection:
            query = "SELECT id, started_on FROM treatments ORDER BY started_at"
            return [(i, str(day)) for i, day in connection.execute(sa.text(query))]

    recorded = days()
    assert [day for _id, day in recorded] == ["2026-03-02", "2026-03-02"]
    downgrade(database, "0019")
    upgrade(database)
    assert days() == recorded
    assert schema_differences(database) == []
