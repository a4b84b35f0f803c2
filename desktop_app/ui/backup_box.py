"""Settings › Backup (managers): back up now, this workstation's daily schedule, restore.

Both long jobs run on the Runner with the buttons off meanwhile. A restore asks first,
naming what the backup holds and that the current data is backed up before it is
replaced; afterwards ``restored`` tells the window, which must reconnect (the engine was
disposed under it) and sign in again: the restored staff list may differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app import station
from desktop_app.services import backup, backup_postgres, backup_schedule
from desktop_app.services.backup_format import NotABackupError
from desktop_app.services.permissions import Permission
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.tasks import Runner

ChooseFile = Callable[[QWidget], str]  # "" when cancelled
Confirm = Callable[[QWidget, str], bool]


def _choose_file(parent: QWidget) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("BackupBox", "Restore from backup"),
        str(backup.backups_folder(station.load().backup.folder)),
        QCoreApplication.translate("BackupBox", "Clinic Desk backups (*.cdbackup);;All files (*)"),
    )
    return path


def _confirm(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("BackupBox", "Restore from backup"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class BackupBox(SettingsBox):
    permission = Permission.BACKUP

    restored = Signal(object)  # backup.RestoreResult: reconnect and sign in again

    def __init__(
        self,
        runner: Runner,
        choose_file: ChooseFile = _choose_file,
        confirm: Confirm = _confirm,
    ) -> None:
        super().__init__()
        self.setObjectName("backupBox")
        self.runner, self.choose_file, self.confirm = runner, choose_file, confirm
        self.back_up_button = QPushButton()
        self.back_up_button.setObjectName("backUpNow")
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.restore)
        self.enabled = QCheckBox()
        self.enabled.setObjectName("backupDaily")
        self.at = QTimeEdit()
        self.at.setObjectName("backupAt")
        self.at.setDisplayFormat("HH:mm")
        self.keep = QSpinBox()
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 365)
        self.keep_label = QLabel()
        self.keep_label.setBuddy(self.keep)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveBackupSchedule")
        self.save_button.clicked.connect(self.save_schedule)
        self.last = QLabel()
        self.last.setObjectName("lastBackup")
        self.last.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.enabled, 0, 0)
        grid.addWidget(self.at, 0, 1)
        grid.addWidget(self.keep_label, 1, 0)
        grid.addWidget(self.keep, 1, 1)
        grid.addWidget(self.save_button, 2, 0, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addWidget(self.last)
        self.setMaximumWidth(720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Backup"))
        self.back_up_button.setText(self.tr("&Back up now"))
        self.restore_button.setText(self.tr("&Restore…"))
        self.enabled.setText(self.tr("Back up &every day at"))
        self.keep_label.setText(self.tr("&Keep the newest"))
        self.keep.setSuffix(self.tr(" backups"))
        self.save_button.setText(self.tr("&Save schedule"))
        self.show_last(station.load().backup)

    def bound(self) -> None:
        self.status.clear()
        schedule = station.load().backup
        self.enabled.setChecked(schedule.enabled)
        at = backup_schedule.at_time(schedule)
        self.at.setTime(QTime(at.hour, at.minute))
        self.keep.setValue(schedule.keep)
        self.show_last(schedule)

    def show_last(self, schedule: station.BackupSchedule) -> None:
        when = backup_schedule.last_run(schedule)
        if when is None:
            self.last.setText(self.tr("No scheduled backup has run on this computer yet."))
            return
        stamp = when.astimezone().strftime("%Y-%m-%d %H:%M")
        if schedule.last_result.startswith("failed:"):
            detail = schedule.last_result.removeprefix("failed:").strip()
            text = self.tr("Last scheduled backup, {time}, failed: {reason}")
            self.last.setText(text.format(time=stamp, reason=detail))
        else:
            text = self.tr("Last scheduled backup: {time}, verified, in {file}")
            self.last.setText(text.format(time=stamp, file=schedule.last_result))

    def _busy(self, text: str) -> None:
        for button in (self.back_up_button, self.restore_button, self.save_button):
            button.setEnabled(not text)
        self.status.setStyleSheet("")
        self.status.setText(text)

    def back_up_now(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        folder = backup.backups_folder(station.load().backup.folder)
        target = folder / backup.backup_name("manual")
        self._busy(self.tr("Backing up…"))
        self.runner.run(
            lambda: backup.backup(database, actor, target), self._backed_up, self._failed
        )

    def _backed_up(self, result: backup.BackupResult) -> None:
        self._busy("")
        self.status.setText(self.tr("Backed up and verified: {file}").format(file=result.path))

    def save_schedule(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        at = self.at.time().toPython()
        assert isinstance(at, dt.time)
        enabled, keep = self.enabled.isChecked(), self.keep.value()
        self.runner.run(
            lambda: backup_schedule.set_schedule(database, actor, enabled, at, keep),
            self._schedule_saved,
            self._failed,
        )

    def _schedule_saved(self, schedule: station.BackupSchedule) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Schedule saved."))
        self.show_last(schedule)

    def restore(self) -> None:
        database = self.database
        if database is None or self.actor is None:
            return
        chosen = self.choose_file(self)
        if not chosen:
            return
        path = Path(chosen)
        self._busy(self.tr("Opening the backup…"))
        self.runner.run(
            lambda: backup.read_manifest(path, database),
            lambda manifest: self._ask(path, manifest),
            self._failed,
        )

    def _ask(self, path: Path, manifest: backup.Manifest) -> None:
        self._busy("")
        made = dt.datetime.fromisoformat(manifest.created_at).astimezone()
        text = (
            self.tr(
                "Replace everything in the current database with the backup made {time} "
                "({clinic}: {patients} patients, {photos} photos)?\n\nA backup of the "
                "current data is made first. Everyone else must close Clinic Desk before "
                "you go on."
            )
        ).format(
            time=made.strftime("%Y-%m-%d %H:%M"),
            clinic=manifest.clinic_name,
            patients=manifest.counts.get("patients", 0),
            photos=manifest.counts.get("photos", 0),
        )
        database, actor = self.database, self.actor
        if database is None or actor is None or not self.confirm(self, text):
            return
        self._busy(self.tr("Backing up the current data, then restoring…"))
        self.runner.run(lambda: backup.restore(database, actor, path), self._restored, self._failed)

    def _restored(self, result: backup.RestoreResult) -> None:
        self._busy("")
        before = str(result.pre_restore) if result.pre_restore else self.tr("(it was empty)")
        self.status.setText(
            self.tr("Restored. The data as it was before is backed up in {file}").format(
                file=before
            )
        )
        self.restored.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy("")
        self.status.setStyleSheet(ERROR_STYLE)
        ours = (
            backup.BackupError,
            NotABackupError,
            backup_postgres.ToolMissingError,
            backup_postgres.ToolFailedError,
        )
        if isinstance(exc, ours):  # describe() knows only the general errors
            parts = (self.tr("The backup or restore did not go through."), str(exc))
        else:
            parts = describe(exc)
        self.status.setText(" ".join(part for part in parts if part))
