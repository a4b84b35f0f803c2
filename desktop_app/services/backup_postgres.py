"""PostgreSQL's side of backup and restore: ``pg_dump -Fc``, ``pg_restore`` and ``psql``.

The client tools must be of the server's major version or newer (pg_dump refuses a newer
server). There is no fallback without them: a portable dump would have to reproduce
types, sequences, triggers and the audit log's protection by hand, and a backup that
restores almost everything is worse than a clear "install the client tools".

The dump runs on a snapshot exported by the transaction that counts the rows, so the
manifest's counts are those of the dump even while the clinic keeps working.

A restore replaces the whole ``public`` schema in one ``psql --single-transaction``:
dropped, recreated and filled from the dump, so a failure anywhere leaves the database as
it was, and tables a newer schema added do not linger beside an older backup's.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.services.errors import ServiceError

BIN_ENV = "CLINIC_DESK_PG_BIN"  # a folder holding pg_dump, pg_restore and psql
_PRELUDE = "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
# Run last inside the restore's transaction: a restored database has its schema revision.
_CHECK = "SELECT version_num FROM public.alembic_version"


class ToolMissingError(ServiceError):
    """The PostgreSQL client tools this needs are not on this computer."""


class ToolFailedError(ServiceError):
    """pg_dump, pg_restore or psql reported an error."""


def server_major(database: Database) -> int:
    with database.connect() as connection:
        number = connection.execute(sa.text("SHOW server_version_num")).scalar_one()
    return int(number) // 10000


def tool(name: str, major: int) -> Path:
    """``name`` (pg_dump, pg_restore, psql) of version ``major`` or newer."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    candidates: list[str] = []
    if os.environ.get(BIN_ENV):
        candidates.append(str(Path(os.environ[BIN_ENV]) / exe))
    patterns = ("/usr/lib/postgresql/*/bin", "C:/Program Files/PostgreSQL/*/bin")
    folders = [folder for pattern in patterns for folder in glob.glob(pattern)]
    folders.sort(key=_version_of_folder, reverse=True)  # the newest first
    candidates += [str(Path(folder) / exe) for folder in folders]
    on_path = shutil.which(name)
    if on_path:
        candidates.append(on_path)
    for candidate in candidates:
        if Path(candidate).is_file() and (_major_of(candidate) or 0) >= major:
            return Path(candidate)
    raise ToolMissingError(
        f"{name} of PostgreSQL {major} or newer was not found on this computer, so the "
        f"server's database cannot be backed up or restored here. Install the PostgreSQL "
        f"client tools (on Debian and Ubuntu: postgresql-client-{major}), or set {BIN_ENV} "
        "to the folder holding pg_dump, pg_restore and psql."
    )


def _version_of_folder(folder: str) -> int:
    found = re.search(r"(\d+)[/\\]bin$", folder.replace("\\", "/"))
    return int(found.group(1)) if found else 0


def _major_of(executable: str) -> int | None:
    try:
        out = subprocess.run(
            [executable, "--version"], capture_output=True, text=True, timeout=20, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"\s(\d+)(?:\.\d+)?", out)
    return int(found.group(1)) if found else None


def _environment(database: Database) -> dict[str, str]:
    """libpq's variables for the database (the password never on a command line)."""
    url = database.url
    env = dict(os.environ)
    env.update(
        PGHOST=url.host or "localhost",
        PGPORT=str(url.port or 5432),
        PGDATABASE=url.database or "",
        PGCONNECT_TIMEOUT="10",
    )
    if url.username:
        env["PGUSER"] = url.username
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return env


def _run(command: list[str], env: dict[str, str], **kwargs: object) -> None:
    result = subprocess.run(command, env=env, capture_output=True, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        detail = (result.stderr or b"").decode(errors="replace").strip().splitlines()
        raise ToolFailedError(
            f"{Path(command[0]).name} failed: " + (detail[-1] if detail else "no message")
        )


@contextmanager
def snapshot(database: Database) -> Iterator[tuple[str, dict[str, int]]]:
    """An exported snapshot and every table's row count in it, held while in the block."""
    with database.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            name = connection.execute(sa.text("SELECT pg_export_snapshot()")).scalar_one()
            tables = connection.execute(
                sa.text(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    "'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
                )
            ).scalars()
            counts = {
                table: connection.execute(
                    sa.text(f'SELECT count(*) FROM public."{table}"')
                ).scalar_one()
                for table in tables
            }
            yield name, counts


def dump(database: Database, target: Path) -> dict[str, int]:
    """``pg_dump -Fc`` of the database into ``target``; the row counts of the dump."""
    pg_dump = tool("pg_dump", server_major(database))
    with snapshot(database) as (name, counts):
        _run(
            [str(pg_dump), "-Fc", "--no-owner", "--no-privileges",
             f"--snapshot={name}", "-f", str(target)],
            _environment(database),
        )  # fmt: skip
    return counts


def list_dump(dump_file: Path) -> list[str]:
    """The dump's table of contents (pg_restore --list): proof it is a whole archive."""
    pg_restore = tool("pg_restore", 0)
    result = subprocess.run(
        [str(pg_restore), "--list", str(dump_file)], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise ToolFailedError(f"pg_restore cannot read the dump: {result.stderr.strip()}")
    return [line for line in result.stdout.splitlines() if line and not line.startswith(";")]


def restore(database: Database, dump_file: Path) -> None:
    """Replace the database's ``public`` schema with the dump's, all or nothing.

    pg_restore writes the script to a file first: piped straight into psql, a pg_restore
    failing halfway would end psql's input early and commit half a database."""
    major = server_major(database)
    pg_restore, psql = tool("pg_restore", major), tool("psql", major)
    env = _environment(database)
    script = dump_file.with_suffix(".sql")
    try:
        _run(
            [str(pg_restore), "--no-owner", "--no-privileges", "-f", str(script),
             str(dump_file)],
            env,
        )  # fmt: skip
        _run(
            [str(psql), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
             "-c", _PRELUDE, "-f", str(script), "-c", _CHECK],
            env,
        )  # fmt: skip
    finally:
        script.unlink(missing_ok=True)
