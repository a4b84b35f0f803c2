"""What the main window does to keep the clinic's data safe around a sign-in: this
computer's data key (and sealing photos stored before encryption), the station's
scheduled backup, signing everyone out after a restore, and the idle lock. A mixin of
MainWindow, kept apart so each module stays readable.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.gate import Gate
    from desktop_app.ui.idle_lock import WindowLock
    from desktop_app.ui.key_check import KeyCheck
    from desktop_app.ui.tasks import Runner
    from desktop_app.ui.workspace import Workspace

log = logging.getLogger(__name__)

BACKUP_CHECK_MS = 5 * 60_000


class WindowSafety:
    """Needs MainWindow's database, actor, offline, runner, gate, workspace, sign_out."""

    database: Database | None
    actor: Actor | None
    offline: bool
    runner: Runner
    gate: Gate
    workspace: Workspace | None
    window_lock: WindowLock | None
    key_check: KeyCheck | None
    backup_timer: QTimer

    def _backup_timer(self) -> QTimer:
        """The station's scheduled backup (Settings › Backup), checked while someone works."""
        timer = QTimer(self)  # type: ignore[arg-type]
        timer.setInterval(BACKUP_CHECK_MS)
        timer.timeout.connect(self.backup_if_due)
        return timer

    def _safety_signed_in(self) -> None:
        if not self.offline:
            self.backup_timer.start()
            self.check_key()
        if self.window_lock is None:
            from desktop_app.ui.idle_lock import WindowLock

            self.window_lock = WindowLock(self)  # type: ignore[arg-type]
        self.window_lock.signed_in()

    def _safety_signed_out(self) -> None:
        if self.window_lock is not None:
            self.window_lock.signed_out()
        self.backup_timer.stop()

    def check_key(self) -> None:
        """This computer's data key (made if the clinic has none) and the photos stored
        before encryption sealed, on the Runner; a missing key is said once, plainly."""
        if self.database is None or self.actor is None:
            return
        if self.key_check is None:
            from desktop_app.ui.key_check import KeyCheck

            self.key_check = KeyCheck(self.runner, self)  # type: ignore[arg-type]
            self.key_check.finished.connect(self._key_checked)
        self.key_check.start(self.database, self.actor)

    def _key_checked(self, _problem: object) -> None:
        """Settings › Security says whether this computer holds the key: ask it again."""
        if self.workspace is not None:
            self.workspace.settings_page.security.bind(self.database, self.actor)

    def backup_if_due(self) -> None:
        """The schedule's backup, when due; its result (or failure) shows in Settings."""
        from desktop_app.services import backup_schedule

        database = self.database
        if database is not None and self.actor is not None and not self.offline:
            self.runner.run(
                lambda: backup_schedule.run_if_due(database),
                lambda _result: None,
                lambda exc: log.warning("Scheduled backup: %s", exc),
            )

    def _restored(self, _result: object) -> None:
        """A backup replaced the database: the people and their rights may differ, so
        everyone signs in again."""
        self.sign_out()  # type: ignore[attr-defined]
        self.gate.sign_in.show_error(
            QCoreApplication.translate(
                "MainWindow",
                "The backup was restored. Sign in again to work on the restored data.",
            )
        )

    def lock(self) -> None:
        """Ctrl+L: leaving the desk for a moment, the record out of sight at once."""
        if self.window_lock is not None:
            self.window_lock.lock()
