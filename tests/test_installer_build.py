"""The installed build works without a checkout: the PyInstaller folder is built (or given),
then its executable is run as a clinic would run it.

Skipped only where PyInstaller is not installed (it is not in requirements.lock: the
ordinary `python3 dev.py test` on a fresh checkout skips this). Where it is, the folder is
built first (minutes), unless CLINIC_DESK_BUILT_APP names one already built:

    .venv/bin/python -m pip install -r installer/requirements.txt
    .venv/bin/python -m pytest tests/test_installer_build.py                  # builds, then tests
    CLINIC_DESK_BUILT_APP=dist/clinic-desk .venv/bin/python -m pytest tests/test_installer_build.py

.ci/run installs PyInstaller, builds with installer/build.py and then runs this with
CLINIC_DESK_BUILT_APP, where a missing build fails rather than skips. Linux only: Windows
builds are checked by hand (installer/README.md).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.migrations import SCHEMA_HEAD
from tests.conftest import _require_postgres
from tests.support.databases import scratch_postgres_database

ROOT = Path(__file__).resolve().parent.parent
BUILT_ENV = "CLINIC_DESK_BUILT_APP"

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build's test"),
    pytest.mark.skipif(
        not os.environ.get(BUILT_ENV) and importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (installer/requirements.txt)",
    ),
    pytest.mark.timeout(1800),
]


def _version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


@pytest.fixture(scope="module")
def app_folder() -> Path:
    given = os.environ.get(BUILT_ENV)
    if given:
        folder = Path(given).resolve()
        assert (folder / "clinic-desk").is_file(), f"{BUILT_ENV}={given} holds no clinic-desk"
        return folder
    subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--no-install"],
        cwd=ROOT,
        check=True,
        timeout=1500,
    )
    return ROOT / "dist" / "clinic-desk"


@pytest.fixture
def station(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An environment with this station's folders in tmp_path and nothing from the checkout."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CLINIC_DESK_", "PYTHON", "VIRTUAL_ENV"))
    }
    env.update(
        CLINIC_DESK_DATA_DIR=str(tmp_path / "data"),  # its folder is the working directory
        CLINIC_DESK_CONFIG_DIR=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
    )
    yield env


def run(folder: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The built executable, started from outside the checkout so nothing leaks in from it."""
    return subprocess.run(
        [str(folder / "clinic-desk"), *args],
        env=env,
        cwd=Path(env["CLINIC_DESK_DATA_DIR"]).parent,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_version_is_the_projects(app_folder: Path, station: dict[str, str]) -> None:
    result = run(app_folder, station, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"clinic-desk {_version()}"


def test_creates_and_migrates_a_new_sqlite_database(
    app_folder: Path, station: dict[str, str], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    upgraded = run(app_folder, station, "--database-url", url, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"Upgraded empty database → {SCHEMA_HEAD}" in upgraded.stdout

    current = run(app_folder, station, "--database-url", url, "db", "current")
    assert current.returncode == 0, current.stderr
    assert current.stdout.startswith(f"{SCHEMA_HEAD} (up to date)")


@pytest.mark.postgres
def test_migrates_a_clinic_server_database(app_folder: Path, station: dict[str, str]) -> None:
    """The PostgreSQL driver (psycopg with its bundled libpq) is in the build."""
    _require_postgres()
    with scratch_postgres_database() as server_url:
        url = server_url.render_as_string(hide_password=False)
        upgraded = run(app_folder, station, "--database-url", url, "db", "upgrade")
        assert upgraded.returncode == 0, upgraded.stderr
        current = run(app_folder, station, "--database-url", url, "db", "current")
        assert current.stdout.startswith(f"{SCHEMA_HEAD} (up to date)"), current.stderr
        assert "PostgreSQL" in current.stdout


def test_window_starts_headless_and_opens_a_new_database(
    app_folder: Path, station: dict[str, str], tmp_path: Path
) -> None:
    """The startup probe's "ready" mark: the database is created, migrated and open, and the
    window closes itself (desktop_app/ui/app.py)."""
    probe = tmp_path / "probe.txt"
    env = {**station, "CLINIC_DESK_STARTUP_PROBE": str(probe)}
    result = run(app_folder, env)
    assert result.returncode == 0, result.stderr
    marks = [line.split()[0] for line in probe.read_text().splitlines()]
    assert marks == ["shown", "ready"]
    assert (tmp_path / "data" / "clinic.db").is_file()
    current = run(app_folder, station, "db", "current")
    assert current.stdout.startswith(f"{SCHEMA_HEAD} (up to date)"), current.stderr


def test_renders_a_chinese_consent_with_the_bundled_font_and_template(
    app_folder: Path, station: dict[str, str], tmp_path: Path
) -> None:
    demo = run(app_folder, station, "demo-data", "--patients", "1")
    assert demo.returncode == 0, demo.stderr
    record_no = re.search(r"\(([^–)]+)–", demo.stdout)
    assert record_no, demo.stdout
    pdf = tmp_path / "consent.pdf"
    rendered = run(
        app_folder,
        station,
        "render-document",
        "pipl_consent",
        "--patient",
        record_no.group(1),
        "--language",
        "zh_CN",
        "--out",
        str(pdf),
    )
    assert rendered.returncode == 0, rendered.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) reads the PDF's text"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "个人信息" in text  # the PIPL consent's own words, in the embedded CJK font


def test_worker_processes_start_from_the_frozen_executable(
    app_folder: Path, station: dict[str, str]
) -> None:
    """Over one chunk of demo patients, worker processes draw them: each is started from
    the executable itself, which must run the worker, not a second application
    (multiprocessing.freeze_support in installer/clinic_desk_main.py)."""
    from desktop_app.services.demo_data import CHUNK

    demo = run(app_folder, station, "demo-data", "--patients", str(CHUNK + 1))
    assert demo.returncode == 0, demo.stderr
    assert f"Added {CHUNK + 1:,} patients" in demo.stdout
