"""Where this station keeps its files. Environment variables override for tests and support."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ClinicDesk"


def bundle_root() -> Path:
    """The folder holding resources/ and alembic/: the checkout, or the installed bundle.

    A PyInstaller build unpacks its data files into ``sys._MEIPASS`` (the ``_internal``
    folder beside the executable), where ``__file__`` no longer leads to them.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


RESOURCES = bundle_root() / "resources"
ALEMBIC_SCRIPTS = bundle_root() / "alembic"
ICONS = RESOURCES / "icons"


def data_dir() -> Path:
    """The per-user data folder that holds the embedded SQLite database."""
    override = os.environ.get("CLINIC_DESK_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The per-user folder for this station's settings file."""
    override = os.environ.get("CLINIC_DESK_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def default_sqlite_path() -> Path:
    return data_dir() / "clinic.db"
