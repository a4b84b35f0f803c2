"""This workstation's own settings: database, language, window geometry, camera folder.

Declared once, typed, with defaults; stored as JSON in the user's config folder. Never
holds a password: the PostgreSQL password lives in the OS keyring (see secrets.py).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Literal

from desktop_app import paths

DatabaseKind = Literal["sqlite", "postgresql"]
# After a photo from the camera folder is safely in the database: "remove" it from this
# PC's disk (face photos must not pile up there, PIPL), or "keep" it (moved aside).
AfterImport = Literal["remove", "keep"]
AFTER_IMPORT: tuple[AfterImport, ...] = ("remove", "keep")


@dataclass
class ServerSettings:
    """Where the clinic's PostgreSQL server is; the password is kept in the keyring."""

    host: str = ""
    port: int = 5432
    database: str = "clinic_desk"
    user: str = "clinic_desk"

    def keyring_account(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


@dataclass
class BackupSchedule:
    """This workstation's scheduled backup (the one holding the SQLite file, or the one
    chosen for the server): daily at ``at`` (local HH:MM), keeping the newest ``keep``."""

    enabled: bool = False
    at: str = "21:00"
    keep: int = 7
    folder: str = ""  # empty: the backups folder in the user's data folder
    last_run: str = ""  # ISO 8601 (UTC) of the last scheduled backup attempt
    last_result: str = ""  # the file it wrote, or why it failed


@dataclass
class StationSettings:
    database_kind: DatabaseKind = "sqlite"
    sqlite_path: str = ""  # empty: the default file in the user's data folder
    server: ServerSettings = field(default_factory=ServerSettings)
    language: str = ""  # empty: follow the system locale; otherwise "zh_CN" or "en"
    window_geometry: str = ""  # base64 of QWidget.saveGeometry(), written by the UI
    # The folder a tethered camera or phone sync writes to on this PC; None: no inbox.
    camera_folder: str | None = None
    camera_after_import: AfterImport = "remove"
    # The printer last chosen for each document kind (consent, aftercare, general).
    printers: dict[str, str] = field(default_factory=dict)
    backup: BackupSchedule = field(default_factory=BackupSchedule)

    def sqlite_file(self) -> Path:
        return Path(self.sqlite_path) if self.sqlite_path else paths.default_sqlite_path()

    def camera_folder_path(self) -> Path | None:
        return Path(self.camera_folder) if self.camera_folder else None


def settings_file() -> Path:
    return paths.config_dir() / "station.json"


def load(path: Path | None = None) -> StationSettings:
    """Read the settings; a missing or damaged file gives the defaults, never a crash."""
    path = path or settings_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return StationSettings()
    if not isinstance(raw, dict):
        return StationSettings()
    known = {f.name for f in fields(StationSettings)} - {"server", "backup"}
    settings = StationSettings(**{k: v for k, v in raw.items() if k in known})
    if not isinstance(settings.camera_folder, str) or not settings.camera_folder:
        settings.camera_folder = None
    if not isinstance(settings.printers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in settings.printers.items()
    ):
        settings.printers = {}
    if settings.camera_after_import not in AFTER_IMPORT:
        settings.camera_after_import = "remove"  # the safe default for face photos
    server = raw.get("server")
    if isinstance(server, dict):
        names = {f.name for f in fields(ServerSettings)}
        settings.server = ServerSettings(**{k: v for k, v in server.items() if k in names})
    settings.backup = _backup_schedule(raw.get("backup"))
    return settings


def _backup_schedule(raw: object) -> BackupSchedule:
    """A damaged schedule falls back field by field: a wrong type is never run."""
    schedule = BackupSchedule()
    if not isinstance(raw, dict):
        return schedule
    for item in fields(BackupSchedule):
        value = raw.get(item.name)
        if isinstance(value, type(getattr(schedule, item.name))):
            setattr(schedule, item.name, value)
    if not 1 <= schedule.keep <= 365:
        schedule.keep = BackupSchedule.keep
    return schedule


def save(settings: StationSettings, path: Path | None = None) -> None:
    """Write atomically, so a crash mid-write leaves the previous file intact."""
    import tempfile

    path = path or settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".station-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(settings), handle, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
