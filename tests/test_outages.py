"""The database going away, and a station killed mid-write: clear messages, nothing half-saved."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from desktop_app.db import Database, DatabaseUnavailableError
from desktop_app.migrations import upgrade
from desktop_app.models import Patient
from desktop_app.services import patients, setup, staff
from desktop_app.services.context import unit_of_work
from desktop_app.services.patients import PatientDraft
from tests.conftest import MANAGER_PASSWORD
from tests.support.databases import admin_url, sqlite_url


@contextmanager
def server_unreachable(database: Database):
    """Cut every connection to the database and refuse new ones, then bring it back."""
    name = database.url.database
    admin = sa.create_engine(admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
        connection.execute(
            sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
            {"n": name},
        )
    try:
        yield
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()


def count_patients(database: Database) -> int:
    with unit_of_work(database, write=False) as session:
        return session.scalar(sa.select(sa.func.count()).select_from(Patient))


def test_server_going_away_is_a_clear_error_and_saves_nothing(postgres_database):
    manager = setup.complete_first_run(
        postgres_database, setup.FirstRun("C", "boss", "Boss", MANAGER_PASSWORD)
    )
    patients.register_patient(postgres_database, manager, PatientDraft("断网前"))

    with server_unreachable(postgres_database):
        with pytest.raises(DatabaseUnavailableError, match="Cannot reach the clinic database"):
            patients.register_patient(postgres_database, manager, PatientDraft("断网中"))
        with pytest.raises(DatabaseUnavailableError):
            postgres_database.ping()

    # Back: the same Database object reconnects by itself; the failed save left nothing.
    postgres_database.ping()
    assert count_patients(postgres_database) == 1
    patients.register_patient(postgres_database, manager, PatientDraft("恢复后"))
    assert count_patients(postgres_database) == 2


def test_status_bar_follows_the_connection(qtbot, qapp, postgres_database):
    from tests.test_ui_startup import make_window

    window = make_window(qtbot, qapp, postgres_database.url.render_as_string(False))
    assert window.connection_status.text() == "Connected"
    with server_unreachable(window.database):
        window.check_connection()
        assert window.connection_status.text() == "Not connected — retrying"
    window.check_connection()
    assert window.connection_status.text() == "Connected"


KILLED_WRITER = """
import sys
from sqlalchemy.engine import make_url
from desktop_app.db import Database
from desktop_app.services import staff
from desktop_app.services.patients import PatientDraft, register_patient
database = Database(make_url(sys.argv[1]))
actor = staff.sign_in(database, "boss", sys.argv[2])
print("ready", flush=True)
i = 0
while True:
    register_patient(database, actor, PatientDraft(f"病人{i}", mobile=f"1380000{i:04d}"))
    i += 1
"""


def test_station_killed_mid_write_leaves_a_consistent_database(tmp_path):
    url = sqlite_url(tmp_path)
    database = Database(url)
    upgrade(database)
    setup.complete_first_run(database, setup.FirstRun("C", "boss", "Boss", MANAGER_PASSWORD))
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(url), MANAGER_PASSWORD],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline().strip() == "ready"
    time.sleep(1.5)  # mid-stream of registrations
    writer.send_signal(signal.SIGKILL)
    writer.wait()

    with sqlite3.connect(url.database) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        saved = raw.execute("SELECT count(*) FROM patients").fetchone()[0]
        audited = raw.execute(
            "SELECT count(*) FROM audit_events WHERE action = 'create' AND entity_type = 'patient'"
        ).fetchone()[0]
        counter = raw.execute("SELECT next_value FROM record_counters").fetchone()[0]
    assert saved > 0
    assert audited == saved  # every saved patient has its audit row, and no row without one
    assert counter == saved + 1  # the numbering continues exactly where the last save ended
    actor = staff.sign_in(database, "boss", MANAGER_PASSWORD)
    record = patients.register_patient(database, actor, PatientDraft("之后"))
    assert record.record_no == f"{saved + 1:06d}"
    database.dispose()


def test_any_driver_error_while_the_server_is_gone_is_said_as_unreachable(postgres_database):
    """psycopg may report a connection cut mid-statement as a ProgrammingError ("can't
    change 'autocommit' now"): with the server gone that is "cannot reach", not a crash;
    with the server up the error stands (it is a real bug to see)."""
    broken = sa.exc.ProgrammingError("SELECT 1", {}, Exception("can't change 'autocommit' now"))
    unreachable = pytest.raises(DatabaseUnavailableError, match="Cannot reach the clinic")
    cut = server_unreachable(postgres_database)
    with cut, unreachable, unit_of_work(postgres_database, write=False):
        raise broken
    with pytest.raises(sa.exc.ProgrammingError), unit_of_work(postgres_database, write=False):
        raise broken
    # a constraint is the caller's to handle, whatever the server's state
    with pytest.raises(sa.exc.IntegrityError), unit_of_work(postgres_database, write=False):
        raise sa.exc.IntegrityError("INSERT", {}, Exception("duplicate key"))
