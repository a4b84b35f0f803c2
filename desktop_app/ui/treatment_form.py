"""The treatment form: item, course, areas, settings, products with lots, the face chart,
and at the top the pre-treatment gate (consent signed, before photos) with Print consent.

Split from clinical_forms.py, whose ClinicalDialog frame it shares.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QPushButton, QTableWidget, QTableWidgetItem, QWidget

from desktop_app.models import utcnow
from desktop_app.services import plans, treatment_gate, treatments
from desktop_app.services.errors import ValidationError
from desktop_app.services.intake import parse_date
from desktop_app.ui import face_chart
from desktop_app.ui.clinical_forms import ClinicalDialog, _checked
from desktop_app.ui.gate_strip import GateStrip
from desktop_app.ui.i18n import document_language
from desktop_app.ui.messages import describe
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.document_preview import DocumentRequest


PRODUCT_COLUMNS = ("product", "brand", "lot_number", "expires_on", "quantity", "unit")


class TreatmentDialog(ClinicalDialog):
    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        patient_id: uuid.UUID,
        visit_id: uuid.UUID | None,
        items: list[str],
        courses: list[plans.CourseState],
        parent: QWidget | None = None,
        *,
        documents: Callable[[DocumentRequest], Any] | None = None,
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("treatmentDialog")
        self.setWindowTitle(self.tr("Treatment"))
        self.patient_id, self.visit_id = patient_id, visit_id
        self.documents = documents  # opens a document preview (the patient page's)
        self.started_at = utcnow()
        self.gate: treatment_gate.GateCheck | None = None
        self.gate_strip = GateStrip()
        self.gate_strip.print_consent.connect(self.print_consent)
        self.gate_strip.recheck.connect(self.recheck)
        self.column.insertWidget(0, self.gate_strip)
        self.item = QComboBox()
        self.item.addItems(items)
        self.item.currentTextChanged.connect(lambda _text: self.recheck())
        self.form.add_field("item", self.item).setText(self.tr("&Item"))
        self.course = QComboBox()
        self.course.addItem(self.tr("Not on a course"), None)
        for course in courses:
            if course.sessions_left > 0:
                self.course.addItem(
                    self.tr("{item}: {left} of {total} left").format(
                        item=course.item, left=course.sessions_left, total=course.sessions_total
                    ),
                    course.id,
                )
        self.form.add_field("course", self.course).setText(self.tr("&Course"))
        self.areas = self.area_boxes("areas", self.tr("Areas"))
        self.device = self.line("device", self.tr("&Device"))
        self.settings = self.line("settings", self.tr("&Settings (energy, shots)"))
        self.anaesthesia = self.line("anaesthesia", self.tr("&Anaesthesia"))
        self.products = QTableWidget(0, len(PRODUCT_COLUMNS))
        self.products.setObjectName("productsTable")
        self.products.setHorizontalHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Brand"),
                self.tr("Lot"),
                self.tr("Expires"),
                self.tr("Quantity"),
                self.tr("Unit"),
            ]
        )
        self.products.setFixedHeight(130)
        self.form.add_field("products", self.products).setText(self.tr("Products used"))
        self.add_row = QPushButton(self.tr("Add a product"))
        self.add_row.setObjectName("addProductButton")
        self.add_row.setAutoDefault(False)
        self.add_row.clicked.connect(lambda: self.add_product())
        self.form.addRow("", self.add_row)
        self.marks: tuple[Any, ...] = ()  # the face chart's marks, saved with the treatment
        self.chart_button = QPushButton(face_chart.chart_button_text(0))
        self.chart_button.setObjectName("faceChartButton")
        self.chart_button.setAutoDefault(False)
        self.chart_button.clicked.connect(lambda: face_chart.chart_for_draft(self))
        self.form.addRow("", self.chart_button)
        self.reaction = self.line("reaction", self.tr("Immediate &reaction"))
        self.notes = self.text_box("notes", self.tr("&Notes"))
        self.finish_layout()
        self.recheck()

    def recheck(self) -> None:
        """Ask the gate about the chosen item (on open, on a change, after a signature)."""
        item = self.item.currentText()
        if not item:
            return
        database, actor, patient_id, visit_id = (
            self.database,
            self.actor,
            self.patient_id,
            self.visit_id,
        )
        language = document_language()
        self.runner.run(
            lambda: treatment_gate.check(
                database, actor, patient_id, item, visit_id=visit_id, language=language
            ),
            self._gate_checked,
            lambda exc: self._gate_failed(item, exc),
        )

    def _gate_checked(self, check: treatment_gate.GateCheck) -> None:
        if check.item != self.item.currentText():
            return  # the answer for an item chosen before: a newer check is on its way
        self.gate = check
        self.gate_strip.show_check(check, can_print=self.documents is not None)
        self._apply_gate()

    def _gate_failed(self, item: str, exc: BaseException) -> None:
        if item != self.item.currentText():
            return
        self.gate = None  # unknown: Save stays on, record_treatment checks again
        self.gate_strip.show_failure(" ".join(describe(exc)))
        self._apply_gate()

    def _apply_gate(self) -> None:
        blocked = self.gate is not None and self.gate.blocking
        self.save_button.setEnabled(not blocked)
        self.save_button.setToolTip(
            self.tr("The clinic requires a signed consent and before photos first.")
            if blocked
            else ""
        )

    def _done(self, value: Any) -> None:
        super()._done(value)
        self._apply_gate()

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        self._apply_gate()
        if isinstance(exc, ValidationError) and exc.field == "item":
            self.recheck()  # refused by the gate: the clinic's setting or the record changed

    def print_consent(self) -> None:
        """The item's consent, filled from what the form holds now, in the preview; a
        signed or printed copy re-checks the gate."""
        gate = self.gate
        if self.documents is None or gate is None or gate.consent_key is None:
            return
        from desktop_app.ui.document_preview import DocumentRequest

        self.form.clear_errors()
        self.error.hide()
        try:
            draft = self.build_draft()
        except ValidationError as exc:
            self.show_error(exc)
            return
        opened = self.documents(
            DocumentRequest(
                gate.consent_key, self.patient_id, draft=draft, language=document_language()
            )
        )
        kept = getattr(opened, "kept", None)
        if kept is not None:
            kept.connect(lambda _document: self.recheck())

    def add_product(self, *values: str) -> None:
        row = self.products.rowCount()
        self.products.insertRow(row)
        for column, value in enumerate(values):
            self.products.setItem(row, column, QTableWidgetItem(value))

    def _cell(self, row: int, column: int) -> str:
        item = self.products.item(row, column)
        return item.text().strip() if item else ""

    def build_draft(self) -> treatments.TreatmentDraft:
        """What the form holds, as record_treatment (and a consent's preview) take it."""
        uses = []
        for row in range(self.products.rowCount()):
            cells = [self._cell(row, c) for c in range(len(PRODUCT_COLUMNS))]
            if not any(cells):
                continue
            expires = parse_date(cells[3], "products")
            if expires is None or not cells[0] or not cells[2]:
                raise ValidationError(
                    "products", "product_row", "Each product needs its name, lot and expiry date."
                )
            uses.append(
                treatments.ProductUse(
                    cells[0], cells[1], cells[2], expires, cells[4] or "1", cells[5] or "ml"
                )
            )
        return treatments.TreatmentDraft(
            item=self.item.currentText(),
            started_at=self.started_at,
            ended_at=max(utcnow(), self.started_at),
            areas=_checked(self.areas),
            device=self.device.text(),
            settings=self.settings.text(),
            anaesthesia=self.anaesthesia.text(),
            reaction=self.reaction.text(),
            notes=self.notes.toPlainText(),
            products=tuple(uses),
            course_id=self.course.currentData(),
            visit_id=self.visit_id,
            marks=self.marks,
        )

    def work(self) -> Callable[[], Any]:
        draft = self.build_draft()
        database, actor, patient_id = self.database, self.actor, self.patient_id
        return lambda: treatments.record_treatment(database, actor, patient_id, draft)
