"""Real databases for tests: an SQLite file per test, a fresh PostgreSQL database per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

ADMIN_URL_ENV = "CLINIC_DESK_TEST_PG_URL"
REQUIRE_PG_ENV = "CLINIC_DESK_REQUIRE_PG"
DEFAULT_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def admin_url() -> URL:
    return make_url(os.environ.get(ADMIN_URL_ENV, DEFAULT_ADMIN_URL))


def postgres_problem() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when the server answers."""
    try:
        engine = sa.create_engine(admin_url(), connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any reason at all is a reason to report
        return f"PostgreSQL at {admin_url().render_as_string(hide_password=True)}: {exc}"
    return None


@contextmanager
def scratch_postgres_database() -> Iterator[URL]:
    """Create an empty database for one test and drop it afterwards."""
    name = f"clinic_desk_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url().set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def sqlite_url(folder: Path, name: str = "clinic.db") -> URL:
    return URL.create("sqlite", database=str(folder / name))
