#!/usr/bin/env python3
"""Bootstrap and run Clinic Desk from a checkout, with nothing but Python 3.11+.

    python3 dev.py start [clinic-desk options]   # the application, on the embedded SQLite file
    python3 dev.py test [pytest options]          # the whole test suite
    python3 dev.py lint                           # ruff: lint and formatting check

Both create ./.venv on first use, install the pinned versions in requirements.lock
(again only when that file or pyproject.toml changes), compile the translations, and
then run. The application migrates its database itself when it starts.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".clinic-desk-installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before the venv exists
        sys.exit(f"Clinic Desk needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    command, rest = (argv[0], argv[1:]) if argv else ("start", [])
    if command not in ("start", "test", "lint", "lock"):
        sys.exit(__doc__)
    ensure_environment()
    compile_translations()
    if command == "start":
        return run([str(PYTHON), "-m", "desktop_app", *rest])
    if command == "test":
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        # One worker per core (pytest-xdist): the suite is mostly waiting on two databases.
        workers = [] if any(a.startswith("-n") for a in rest) else ["-n", "auto"]
        return run([str(PYTHON), "-m", "pytest", *workers, *rest], env=env)
    if command == "lint":
        ruff = str(BIN / "ruff")
        return run([ruff, "check", "."]) or run([ruff, "format", "--check", "."])
    return lock()


def run(command: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.call(command, cwd=ROOT, env=env)


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_environment() -> None:
    """Create .venv and install the pinned packages, unless already done for this lock."""
    if not PYTHON.exists():
        print("Creating the Python environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    fingerprint = _fingerprint()
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    print("Installing pinned dependencies (requirements.lock) …", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.check_call([*pip, "-r", str(LOCK)], cwd=ROOT)
    subprocess.check_call([*pip, "--no-deps", "-e", "."], cwd=ROOT)
    STAMP.write_text(fingerprint)


def compile_translations() -> None:
    """Build .qm files from the .ts sources when a source is newer than its output."""
    lrelease = BIN / ("pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease")
    for source in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        target = source.with_suffix(".qm")
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            subprocess.check_call(
                [str(lrelease), "-silent", str(source), "-qm", str(target)], cwd=ROOT
            )


def lock() -> int:
    """Re-resolve pyproject.toml's dependencies (with dev extras) into requirements.lock."""
    scratch = ROOT / "build" / "lock-venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(scratch)
    python = scratch / BIN.name / PYTHON.name
    subprocess.check_call([str(python), "-m", "pip", "install", "-q", "-e", ".[dev]"], cwd=ROOT)
    frozen = subprocess.check_output(
        [str(python), "-m", "pip", "freeze", "--exclude-editable"], cwd=ROOT, text=True
    )
    linux_only = ("jeepney==", "SecretStorage==")
    lines = [
        f'{line} ; sys_platform == "linux"' if line.startswith(linux_only) else line
        for line in frozen.splitlines()
        if line and not line.startswith("clinic")
    ]
    header = [
        "# Pinned versions of everything Clinic Desk and its tests need; installed by dev.py.",
        "# Regenerate with: python3 dev.py lock (after changing pyproject.toml).",
    ]
    footer = ['pywin32-ctypes==0.2.3 ; sys_platform == "win32"']
    LOCK.write_text("\n".join([*header, *lines, *footer]) + "\n")
    print(f"Wrote {LOCK.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
