"""Where this station keeps its files. Environment variables override for tests and support."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ClinicDesk"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ALEMBIC_SCRIPTS = Path(__file__).resolve().parent.parent / "alembic"


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
