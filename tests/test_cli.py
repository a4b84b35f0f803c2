"""The clinic-desk command: version, db current/upgrade, errors without tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys

import sqlalchemy as sa

from desktop_app import __version__
from desktop_app.cli import main
from desktop_app.migrations import SCHEMA_HEAD
from tests.support.databases import sqlite_url


def clinic_desk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the real command in a fresh process, as a script or support person would."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_version():
    result = clinic_desk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"clinic-desk {__version__}"


def test_db_upgrade_then_current(tmp_path):
    url = str(sqlite_url(tmp_path))
    first = clinic_desk("--database-url", url, "db", "current")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("empty (no schema)")

    upgraded = clinic_desk("--database-url", url, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"→ {SCHEMA_HEAD}" in upgraded.stdout

    current = clinic_desk("--database-url", url, "db", "current")
    assert current.stdout.startswith(f"{SCHEMA_HEAD} (up to date)")


def test_db_upgrade_says_why_it_waits_for_another_computer(postgres_database):
    """While another station holds the migration lock, the command says so, then upgrades."""
    from desktop_app.migrations import _PG_MIGRATION_LOCK
    from tests.support.databases import scratch_postgres_database

    with scratch_postgres_database() as url:
        engine = sa.create_engine(url)
        with engine.connect() as holder:
            holder.execute(sa.select(sa.func.pg_advisory_lock(_PG_MIGRATION_LOCK)))
            command = subprocess.Popen(
                [sys.executable, "-m", "desktop_app", "--database-url",
                 url.render_as_string(hide_password=False), "db", "upgrade"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            said = command.stderr.readline()  # blocks until the command speaks
            assert said.startswith("Another computer is upgrading the clinic database")
            assert command.poll() is None  # still waiting
            holder.execute(sa.select(sa.func.pg_advisory_unlock(_PG_MIGRATION_LOCK)))
            out, _rest = command.communicate(timeout=120)
        engine.dispose()
        assert command.returncode == 0
        assert f"→ {SCHEMA_HEAD}" in out


def test_database_url_from_the_environment(tmp_path):
    url = str(sqlite_url(tmp_path, "from-env.db"))
    result = clinic_desk("db", "upgrade", env={"CLINIC_DESK_DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-env.db").exists()


def test_default_database_is_the_station_file(tmp_path, capsys):
    assert main(["db", "upgrade"]) == 0
    assert (tmp_path / "data" / "clinic.db").exists()
    assert "SQLite" in capsys.readouterr().out


def test_newer_database_is_refused_with_a_message_not_a_traceback(tmp_path):
    url = sqlite_url(tmp_path)
    assert main(["--database-url", str(url), "db", "upgrade"]) == 0
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = 'zz99'"))
    engine.dispose()

    for action in ("upgrade", "current"):
        result = clinic_desk("--database-url", str(url), "db", action)
        assert result.returncode == 1
        assert "newer version" in result.stderr and "zz99" in result.stderr
        assert "Traceback" not in result.stderr


def test_unreachable_server_is_a_clear_message():
    result = clinic_desk(
        "--database-url", "postgresql://clinic@127.0.0.1:1/clinic", "db", "current"
    )
    assert result.returncode == 1
    assert result.stderr.startswith("clinic-desk: Cannot reach the clinic database server")
    assert "Traceback" not in result.stderr


def test_bad_url_and_bad_usage(capsys):
    assert main(["--database-url", "mysql://x/y", "db", "current"]) == 1
    assert "Unsupported database 'mysql'" in capsys.readouterr().err
    result = clinic_desk("db", "explode")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_configured_server_without_password_and_no_terminal_fails_clearly(tmp_path):
    from desktop_app import station
    from desktop_app.station import ServerSettings, StationSettings

    station.save(StationSettings(database_kind="postgresql", server=ServerSettings("127.0.0.1")))
    result = clinic_desk(
        "db",
        "current",
        env={
            "CLINIC_DESK_CONFIG_DIR": str(tmp_path / "config"),
            "CLINIC_DESK_DATA_DIR": str(tmp_path / "data"),
        },
    )
    assert result.returncode == 1
    assert "password for the database account clinic_desk@127.0.0.1:5432" in result.stderr
