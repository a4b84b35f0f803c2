"""Shared fixtures: isolated station folders, real databases, a signed-in manager."""

from __future__ import annotations

import os
import shutil
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.memory_keyring.MemoryKeyring"

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.db import Database
from desktop_app.migrations import upgrade
from desktop_app.models import Role
from desktop_app.services import clinic_key
from desktop_app.services.context import Actor
from desktop_app.services.setup import FirstRun, complete_first_run
from tests.support.databases import (
    REQUIRE_PG_ENV,
    postgres_problem,
    scratch_postgres_database,
    sqlite_url,
)
from tests.support.memory_keyring import MemoryKeyring

# nurse, patient, filler: the document tests' clinic
pytest_plugins = [
    "tests.support.document_clinic",
    "tests.support.local_time",
    "tests.support.password_server",
]

MANAGER_PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def isolated_station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data and config folders and an empty keyring."""
    monkeypatch.setenv("CLINIC_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLINIC_DESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("CLINIC_DESK_DATABASE_URL", raising=False)
    MemoryKeyring.store.clear()
    clinic_key.forget_cached_keys()
    return tmp_path


@pytest.fixture
def local_midday(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time near noon whatever the hour: a test that checks in "11 minutes ago" and
    expects it on today's board would otherwise fail just after local midnight."""
    hours = (12 - time.gmtime().tm_hour + 12) % 24 - 12  # local = UTC + hours, in -12..11
    monkeypatch.setenv("TZ", f"CDT{-hours:+d}")  # POSIX sign: "CDT-5" is five hours east
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _require_postgres() -> None:
    problem = postgres_problem()
    if problem is None:
        return
    if os.environ.get(REQUIRE_PG_ENV):
        pytest.fail(f"PostgreSQL tests must run here but cannot: {problem}")
    pytest.skip(problem)


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated to the newest schema, copied for each test: migrating a
    fresh file takes ~0.5 s, copying it ~2 ms (test_migrations still migrates from empty)."""
    folder = tmp_path_factory.mktemp("migrated")
    database = Database(sqlite_url(folder))
    upgrade(database)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return folder / "clinic.db"


@pytest.fixture
def sqlite_database(tmp_path: Path, migrated_sqlite_file: Path) -> Iterator[Database]:
    shutil.copyfile(migrated_sqlite_file, tmp_path / "clinic.db")
    database = Database(sqlite_url(tmp_path))
    upgrade(database)  # at the newest schema already: the start-up check, as the app runs it
    yield database
    database.dispose()


@pytest.fixture
def postgres_database() -> Iterator[Database]:
    _require_postgres()
    with scratch_postgres_database() as url:
        database = Database(url)
        upgrade(database)
        yield database
        database.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest) -> Database:
    """Each test using this runs once on an SQLite file and once on a PostgreSQL server."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_database")
    return request.getfixturevalue("postgres_database")


@pytest.fixture
def manager(database: Database) -> Actor:
    actor = complete_first_run(
        database, FirstRun("Test Clinic 测试诊所", "boss", "王店长", MANAGER_PASSWORD)
    )
    assert actor.role is Role.MANAGER
    return actor
