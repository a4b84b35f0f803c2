"""The installer's pieces that can be checked without building: where the installed app
finds its files, the version each package is given, the Linux menu entry and the files the
Windows script refers to."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

from desktop_app import paths

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
ISS = INSTALLER / "windows" / "clinic-desk.iss"


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("installer_build", INSTALLER / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def test_a_checkout_finds_its_files_beside_the_package(monkeypatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.bundle_root() == ROOT
    assert (paths.RESOURCES / "fonts").is_dir()
    assert (paths.ALEMBIC_SCRIPTS / "env.py").is_file()


def test_an_installed_build_finds_its_files_in_the_bundle(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.bundle_root() == tmp_path


def test_every_resource_path_goes_through_paths() -> None:
    """Fonts, templates, translations and icons are found where a frozen build puts them."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop_app").rglob("*.py")
        if path.name != "paths.py" and "__file__" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_the_icons_exist_in_every_size_the_packages_use() -> None:
    for size in (16, 32, 48, 256):
        with Image.open(paths.ICONS / f"clinic-desk-{size}.png") as image:
            assert image.size == (size, size)
    with Image.open(paths.ICONS / "clinic-desk.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    assert "<svg" in (paths.ICONS / "clinic-desk.svg").read_text(encoding="utf-8")


def test_packages_are_named_and_versioned_from_pyproject() -> None:
    build = _build_module()
    version = _pyproject_version()
    assert build.version() == version
    assert build.tarball_name(version) == f"clinic-desk-{version}-linux-x86_64.tar.gz"
    command = build.iscc_command("ISCC", version)
    assert f"/DAppVersion={version}" in command
    assert command[-1] == str(ISS)


def test_the_pinned_pyinstaller_is_the_one_the_spec_was_written_for() -> None:
    pins = (INSTALLER / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^pyinstaller==6\.", pins, re.MULTILINE)
    assert re.search(r"^pyinstaller-hooks-contrib==", pins, re.MULTILINE)


def test_the_windows_script_refers_to_files_that_exist() -> None:
    text = ISS.read_text(encoding="utf-8")
    default = re.search(r'#define AppVersion "([^"]+)"', text)
    assert default, "the .iss needs a default version for a build by hand"
    assert re.fullmatch(r"\d+\.\d+\.\d+", default.group(1))
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", text, re.MULTILINE)
    assert "PrivilegesRequired=admin" in text
    assert "[UninstallDelete]" not in text.replace("No [UninstallDelete]", "")
    root = ISS.parent / ".." / ".."
    for match in re.finditer(r"\{#Root\}\\([^\s\"]+)", text):
        relative = match.group(1).replace("\\", "/")
        if relative != "dist":  # made by the build
            assert (root / relative).exists(), relative
    assert "clinic-desk.exe" in text and "{autodesktop}" in text and "{autoprograms}" in text


def test_the_linux_menu_entry_is_complete() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(INSTALLER / "linux" / "clinic-desk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "Clinic Desk" and desktop["Name[zh_CN]"]
    assert desktop["Exec"] == '"@APPDIR@/clinic-desk"'
    assert desktop["Icon"] == "clinic-desk"
    assert {"Office", "MedicalSoftware"} <= set(desktop["Categories"].strip(";").split(";"))


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_install_sh_adds_and_removes_the_menu_entry(tmp_path) -> None:
    folder = tmp_path / "opt" / "clinic desk"  # a space, as in a path a user might pick
    icons = folder / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    for size in (48, 256):
        shutil.copy2(paths.ICONS / f"clinic-desk-{size}.png", icons)
    shutil.copy2(INSTALLER / "linux" / "clinic-desk.desktop", folder)
    shutil.copy2(INSTALLER / "linux" / "install.sh", folder)
    share = tmp_path / "share"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(share)}

    subprocess.run(["sh", str(folder / "install.sh")], env=env, check=True, capture_output=True)
    installed = (share / "applications" / "clinic-desk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/clinic-desk"' in installed
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "clinic-desk.png").is_file()

    subprocess.run(
        ["sh", str(folder / "install.sh"), "--remove"], env=env, check=True, capture_output=True
    )
    assert not (share / "applications" / "clinic-desk.desktop").exists()
    assert not (share / "icons" / "hicolor" / "48x48" / "apps" / "clinic-desk.png").exists()
