"""Settings › Queue: minutes per state before a card on the board is flagged (clinic-wide)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSpinBox

from desktop_app.services import queue
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.queue_cards import STATUS_NAMES, queue_text
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.tasks import Runner


class QueueLimitsBox(SettingsBox):
    """Managers edit; everyone else sees the limits the board uses."""

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("queueLimitsBox")
        self.runner = runner
        form = QFormLayout(self)
        self.spins: dict[queue.VisitStatus, QSpinBox] = {}
        self.labels: dict[queue.VisitStatus, QLabel] = {}
        for status in queue.DEFAULT_LIMITS:
            spin = QSpinBox()
            spin.setObjectName(f"limit_{status.value}")
            spin.setRange(1, queue.MAX_LIMIT)
            label = QLabel()
            label.setBuddy(spin)
            form.addRow(label, spin)
            self.spins[status], self.labels[status] = spin, label
        self.save = QPushButton()
        self.save.setObjectName("saveQueueLimitsButton")
        self.save.clicked.connect(self.submit)
        self.status = QLabel()
        self.status.setObjectName("queueLimitsStatus")
        self.status.setWordWrap(True)
        form.addRow(self.save, self.status)
        self.setMaximumWidth(720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Queue board: minutes before a card is flagged"))
        for status, label in self.labels.items():
            label.setText(queue_text(STATUS_NAMES[status]))
        for spin in self.spins.values():
            spin.setSuffix(self.tr(" min"))
        self.save.setText(self.tr("Save time limits"))

    def bound(self) -> None:
        editable = self.allows(Permission.EDIT_CLINIC_SETTINGS)
        for spin in self.spins.values():
            spin.setEnabled(editable)
        self.save.setVisible(editable)
        self.status.clear()
        database = self.database
        if database is not None:
            self.runner.run(lambda: queue.time_limits(database), self._show, self._failed)

    def _show(self, limits: dict[queue.VisitStatus, int]) -> None:
        for status, minutes in limits.items():
            self.spins[status].setValue(minutes)

    def submit(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        limits = {status: spin.value() for status, spin in self.spins.items()}
        self.runner.run(
            lambda: queue.set_time_limits(database, actor, limits), self._saved, self._failed
        )

    def _saved(self, _result: object) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved. Every station's board uses the new limits."))

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError):
            self.status.setText(validation_text(exc.code, exc.params, exc.message))
        else:
            self.status.setText(" ".join(describe(exc)))
