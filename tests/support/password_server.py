"""A private PostgreSQL server that demands a password, for the wrong-password paths.

The shared test server trusts every local connection, so a wrong password cannot be shown
against it. This starts a throw-away cluster (initdb with SCRAM authentication) on a free
port, as the ``postgres`` system user when the tests run as root (initdb refuses root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

PASSWORD = "correct horse battery"


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def problem() -> str | None:
    """Why such a server cannot be started here, or None."""
    if _bin("initdb") is None or _bin("pg_ctl") is None:
        return "initdb and pg_ctl (PostgreSQL server binaries) are not installed"
    if os.name != "posix":
        return "needs a POSIX system"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser to become postgres"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def password_server() -> Iterator[URL]:
    """Yield the URL (user postgres, database postgres, no password) of a fresh server
    whose password is ``PASSWORD``; stopped and removed afterwards."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    assert initdb and pg_ctl, problem()
    folder = Path(tempfile.mkdtemp(prefix="clinic-desk-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    password_file = folder / "password"
    password_file.write_text(PASSWORD + "\n")
    if as_postgres:
        shutil.chown(password_file, "postgres")
    data = folder / "data"
    port = _free_port()
    create = [initdb, "-D", str(data), "-U", "postgres", "--auth=scram-sha-256", "-N"]
    subprocess.run(
        [*as_postgres, *create, f"--pwfile={password_file}"], check=True, capture_output=True
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = [*as_postgres, pg_ctl, "-D", str(data), "-o", options, "-w", "-l"]
    subprocess.run([*start, str(folder / "log"), "start"], check=True, capture_output=True)
    try:
        yield URL.create(
            "postgresql+psycopg", username="postgres", host="127.0.0.1", port=port,
            database="postgres",
        )  # fmt: skip
    finally:
        subprocess.run(
            [*as_postgres, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def password_protected_server() -> Iterator[URL]:
    """The server of ``password_server`` for a test module; where PostgreSQL tests must run
    (CI), failing to start it fails the test rather than skipping it."""
    from tests.support.databases import REQUIRE_PG_ENV

    reason = problem()
    if reason is not None:
        if os.environ.get(REQUIRE_PG_ENV):
            pytest.fail(f"The password-protected server must run here but cannot: {reason}")
        pytest.skip(reason)
    with password_server() as url:
        yield url
