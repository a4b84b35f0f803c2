"""Cancel a treatment recorded in error or not done after all: kept and marked, never
deleted; its follow-up reminders are cancelled and a course session given back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.services import treatments
from desktop_app.ui.clinical_forms import ClinicalDialog
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


class CancelTreatmentDialog(ClinicalDialog):
    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        record: treatments.TreatmentRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("cancelTreatmentDialog")
        self.setWindowTitle(self.tr("Cancel treatment"))
        self.record = record
        when = f"{record.started_at.astimezone():%Y-%m-%d %H:%M}"
        explain = QLabel(
            self.tr(
                "{item} on {when} stays in the record, marked cancelled. Its open follow-up "
                "reminders are cancelled, and a course session it used is given back."
            ).format(item=record.item, when=when)
        )
        explain.setWordWrap(True)
        self.column.insertWidget(0, explain)
        self.reason = self.text_box("reason", self.tr("&Why"), 70)
        self.reason.setObjectName("cancelReason")
        self.save_button.setText(self.tr("Cancel &treatment"))
        self.finish_layout()

    def work(self) -> Callable[[], Any]:
        database, actor, record = self.database, self.actor, self.record
        reason = self.reason.toPlainText()
        return lambda: treatments.cancel_treatment(
            database, actor, record.id, record.version, reason
        )
