"""Settings › Screen lock: the minutes without use after which every station locks
(clinic-wide; managers edit, everyone sees the value their station uses)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSpinBox

from desktop_app.services import screen_lock
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.tasks import Runner


class LockSettingsBox(SettingsBox):
    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("lockSettingsBox")
        self.runner = runner
        form = QFormLayout(self)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("lockMinutes")
        self.minutes.setRange(*screen_lock.LIMITS)
        self.minutes.setValue(screen_lock.DEFAULT_MINUTES)
        self.label = QLabel()
        self.label.setBuddy(self.minutes)
        form.addRow(self.label, self.minutes)
        self.save = QPushButton()
        self.save.setObjectName("saveLockMinutesButton")
        self.save.clicked.connect(self.submit)
        self.status = QLabel()
        self.status.setObjectName("lockSettingsStatus")
        self.status.setWordWrap(True)
        form.addRow(self.save, self.status)
        self.setMaximumWidth(720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Screen lock"))
        self.label.setText(self.tr("&Lock after"))
        self.minutes.setSuffix(self.tr(" min without use"))
        self.save.setText(self.tr("Save"))
        tip = self.tr("Every station hides patient data behind a lock screen after this time.")
        self.setToolTip(f"{tip} Ctrl+L")

    def bound(self) -> None:
        editable = self.allows(Permission.EDIT_CLINIC_SETTINGS)
        self.minutes.setEnabled(editable)
        self.save.setVisible(editable)
        self.status.clear()
        database = self.database
        if database is not None:
            self.runner.run(
                lambda: screen_lock.lock_minutes(database), self.minutes.setValue, self._failed
            )

    def submit(self) -> None:
        database, actor, minutes = self.database, self.actor, self.minutes.value()
        if database is None or actor is None:
            return
        self.runner.run(
            lambda: screen_lock.set_lock_minutes(database, actor, minutes),
            self._saved,
            self._failed,
        )

    def _saved(self, _result: object) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved. Each station uses it from its next sign-in."))

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError):
            self.status.setText(validation_text(exc.code, exc.params, exc.message))
        else:
            self.status.setText(" ".join(describe(exc)))
