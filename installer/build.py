#!/usr/bin/env python3
"""Build Clinic Desk for this operating system, from a checkout, with Python 3.11+.

    python3 installer/build.py               # Linux: dist/clinic-desk/ and the tarball
    py -3.11 installer\\build.py              # Windows: dist\\clinic-desk\\ and, with Inno
                                             # Setup's ISCC on PATH, the setup .exe
    python3 installer/build.py --no-install  # never pip-install PyInstaller; say how instead

Sets up .venv as dev.py does, compiles the translations, installs the pinned PyInstaller
(installer/requirements.txt) into .venv if it is missing, and runs installer/clinic-desk.spec
with its work files in build/pyinstaller/ and the result in dist/ (both gitignored).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_FOLDER = DIST / "clinic-desk"
REQUIREMENTS = INSTALLER / "requirements.txt"
ISS = INSTALLER / "windows" / "clinic-desk.iss"

sys.path.insert(0, str(ROOT))
import dev  # noqa: E402 - the checkout's bootstrap: the .venv and the translations


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def tarball_name(app_version: str) -> str:
    return f"clinic-desk-{app_version}-linux-x86_64.tar.gz"


def iscc_command(iscc: str, app_version: str) -> list[str]:
    """Inno Setup's compiler, given the version from pyproject.toml and the folder to pack."""
    return [
        iscc,
        f"/DAppVersion={app_version}",
        f"/DAppFolder={APP_FOLDER}",
        f"/O{DIST}",
        str(ISS),
    ]


def has_pyinstaller() -> bool:
    probe = [str(dev.PYTHON), "-c", "import PyInstaller"]
    return subprocess.run(probe, cwd=ROOT, capture_output=True).returncode == 0


def ensure_pyinstaller(may_install: bool) -> None:
    if has_pyinstaller():
        return
    command = [str(dev.PYTHON), "-m", "pip", "install", "-r", str(REQUIREMENTS)]
    if not may_install:
        sys.exit(f"PyInstaller is not installed in .venv. Install it with:\n  {' '.join(command)}")
    print("Installing PyInstaller into .venv (installer/requirements.txt) …", flush=True)
    subprocess.check_call([*command, "-q", "--disable-pip-version-check"], cwd=ROOT)


def run_pyinstaller() -> None:
    subprocess.check_call(
        [
            str(dev.PYTHON),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={WORK}",
            str(INSTALLER / "clinic-desk.spec"),
        ],
        cwd=ROOT,
    )


def package_linux(app_version: str) -> Path:
    """The folder plus a .desktop entry, its icon and install.sh, as one tarball."""
    shutil.copy2(INSTALLER / "linux" / "clinic-desk.desktop", APP_FOLDER)
    shutil.copy2(INSTALLER / "linux" / "install.sh", APP_FOLDER)
    shutil.copy2(
        ROOT / "resources" / "icons" / "clinic-desk-256.png", APP_FOLDER / "clinic-desk.png"
    )
    (APP_FOLDER / "install.sh").chmod(0o755)
    target = DIST / tarball_name(app_version)
    # gzip level 6: a quarter of level 9's time for 0.5 % more bytes on this folder.
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(APP_FOLDER, arcname=APP_FOLDER.name)
    return target


def package_windows(app_version: str) -> Path | None:
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    if iscc is None and (default / "Inno Setup 6" / "ISCC.exe").exists():
        iscc = str(default / "Inno Setup 6" / "ISCC.exe")
    if iscc is None:
        print("Inno Setup 6 (ISCC.exe) not found: the folder is built, the setup .exe is not.")
        print(
            "Install Inno Setup 6 and run again, or: " + " ".join(iscc_command("ISCC", app_version))
        )
        return None
    subprocess.check_call(iscc_command(iscc, app_version), cwd=ROOT)
    return DIST / f"clinic-desk-{app_version}-windows-setup.exe"


def size_mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-install", action="store_true", help="do not pip-install PyInstaller if missing"
    )
    args = parser.parse_args(argv)
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before the venv exists
        sys.exit(f"Building needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    started = time.monotonic()
    app_version = version()
    dev.ensure_environment()
    dev.compile_translations()
    ensure_pyinstaller(not args.no_install)
    run_pyinstaller()
    print(f"Built {APP_FOLDER} ({size_mib(APP_FOLDER):.0f} MiB)")
    package: Path | None = None
    if sys.platform.startswith("linux"):
        package = package_linux(app_version)
    elif sys.platform == "win32":
        package = package_windows(app_version)
    if package is not None:
        print(f"Packaged {package} ({size_mib(package):.0f} MiB)")
    print(f"Done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
