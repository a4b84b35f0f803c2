"""The face chart dialog, and where it opens from: the treatment form (the marks are saved
with the treatment) and a recorded treatment on the record screen (saved here, through
``face_charts.save_face_chart`` on the Runner, as a new version of the treatment).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app.services import face_charts
from desktop_app.services.errors import ValidationError
from desktop_app.services.face_charts import ChartLot, FaceChart, MarkDraft
from desktop_app.services.intake import parse_date
from desktop_app.services.permissions import Permission, allowed
from desktop_app.ui.face_editor import FaceChartEditor, parse_amount
from desktop_app.ui.face_marks import LotKey, lot_key
from desktop_app.ui.face_pictures import error_text
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.tasks import Runner


class FaceChartDialog(QDialog):
    """Done hands the marks to the treatment form; with a ``treatment_id`` Save saves them."""

    def __init__(
        self,
        lots: Sequence[ChartLot],
        marks: Sequence[MarkDraft],
        parent: QWidget | None = None,
        *,
        editable: bool = True,
        saving: tuple[Runner, Database, Actor, uuid.UUID, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("faceChartDialog")
        self.setWindowTitle(QCoreApplication.translate("FaceChart", "Face chart"))
        self.saving = saving
        self.marks: tuple[MarkDraft, ...] = tuple(marks)
        self.result_value: FaceChart | None = None
        self.editor = FaceChartEditor(lots, marks, editable, self)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        if editable:
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
            self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            self.save_button.setText(
                QCoreApplication.translate("FaceChart", "&Save")
                if saving
                else QCoreApplication.translate("FaceChart", "&Done")
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
                QCoreApplication.translate("FaceChart", "Cancel")
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName(
                "cancelButton"
            )
        else:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
            self.save_button.setText(QCoreApplication.translate("FaceChart", "Close"))
        self.save_button.setObjectName("saveButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.editor, 1)
        column.addWidget(self.error)
        column.addWidget(self.buttons)
        self.resize(940, 660)

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.error.hide()
        try:
            drafts = self.editor.check()
        except ValidationError as exc:
            self.show_error(exc)
            return
        if self.saving is None:
            self.marks = tuple(drafts)
            self.accept()
            return
        runner, database, actor, treatment_id, version = self.saving
        self.save_button.setEnabled(False)
        runner.run(
            lambda: face_charts.save_face_chart(database, actor, treatment_id, version, drafts),
            self._saved,
            self._failed,
        )

    def _saved(self, chart: FaceChart) -> None:
        self.save_button.setEnabled(True)
        self.result_value, self.marks = chart, chart.marks
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_error(exc)
            return
        headline, detail = describe(exc)
        self.error.setText(f"{headline} {detail}")
        self.error.show()

    def show_error(self, exc: ValidationError) -> None:
        self.error.setText(error_text(exc))
        self.error.show()
        number = exc.params.get("mark")
        if isinstance(number, int):
            self.editor.select_mark(number)


# --- where the chart opens from ---------------------------------------------------------------


def chart_button_text(count: int) -> str:
    return (
        QCoreApplication.translate("FaceChart", "Face &chart ({count})…").format(count=count)
        if count
        else QCoreApplication.translate("FaceChart", "Face &chart…")
    )


def lots_of_rows(form: Any) -> list[ChartLot]:
    """The treatment form's product rows as lots, with the form's own defaults (1, ml);
    a row not yet complete is left out."""
    lots: dict[LotKey, ChartLot] = {}
    for row in range(form.products.rowCount()):
        product, brand, lot_number, expires, quantity, unit = (form._cell(row, c) for c in range(6))
        try:
            expires_on = parse_date(expires, "products")
        except ValidationError:
            continue
        amount = parse_amount(quantity or "1")
        if not product or not lot_number or expires_on is None or not amount:
            continue
        key = lot_key(product, brand, lot_number, expires_on)
        known = lots.get(key)
        total = amount + (known.quantity if known else Decimal(0))
        lots[key] = ChartLot(key[0], key[1], key[2], expires_on, total, unit or "ml")
    return list(lots.values())


def chart_for_draft(form: Any) -> FaceChartDialog:
    """The treatment form's Face chart… button: marks on the products typed so far; Done
    keeps them in the form, which saves them with the treatment."""
    dialog = FaceChartDialog(lots_of_rows(form), form.marks, form)

    def keep() -> None:
        form.marks = dialog.marks
        form.chart_button.setText(chart_button_text(len(dialog.marks)))

    dialog.accepted.connect(keep)
    form.chart_dialog = dialog
    dialog.open()
    return dialog


def open_chart(
    parent: QWidget,
    runner: Runner,
    database: Database,
    actor: Actor,
    treatment_id: uuid.UUID,
    show: Callable[[QDialog], None],
    failed: Callable[[BaseException], None],
) -> None:
    """A recorded treatment's chart: read on the Runner, then shown (editable for the roles
    that record treatments)."""

    def arrived(chart: FaceChart) -> None:
        editable = allowed(actor, Permission.WRITE_TREATMENT)
        saving = (runner, database, actor, chart.treatment_id, chart.version)
        show(FaceChartDialog(chart.lots, chart.marks, parent, editable=editable, saving=saving))

    runner.run(lambda: face_charts.face_chart(database, actor, treatment_id), arrived, failed)
