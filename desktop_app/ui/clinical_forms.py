"""The clinical forms: consultation, doctor's assessment (sign, addendum), plan (the
treatment form is in treatment_form.py).

Each is a dialog over one service call run on the Runner; a ValidationError appears under
its field and the form keeps what was typed. Enter in a one-line field saves.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import SKIN_TYPES, NoDealReason, Outcome
from desktop_app.services import assessments, plans
from desktop_app.services.consultations import (
    AREAS,
    ConsultationDraft,
    ConsultationRecord,
    record_consultation,
    update_consultation,
)
from desktop_app.services.errors import ValidationError
from desktop_app.services.intake import parse_date
from desktop_app.ui.clinical_names import AREA_NAMES, OUTCOME_NAMES, REASON_NAMES, word
from desktop_app.ui.forms import FieldForm, error_line, save_cancel
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


class ClinicalDialog(QDialog):
    """Shared frame: a FieldForm, an error line, Save/Cancel, and running the save."""

    def __init__(
        self, runner: Runner, database: Database, actor: Actor, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.runner, self.database, self.actor = runner, database, actor
        self.result_value: Any = None
        self.form = FieldForm()
        self.error = error_line("formError")
        self.buttons, self.save_button = save_cancel(self, "")
        self.column = QVBoxLayout(self)
        self.column.addLayout(self.form)

    def finish_layout(self) -> None:
        self.column.addWidget(self.error)
        self.column.addWidget(self.buttons)

    def text_box(self, name: str, caption: str, height: int = 56) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(height)
        self.form.add_field(name, box).setText(caption)
        return box

    def line(self, name: str, caption: str) -> QLineEdit:
        edit = QLineEdit()
        self.form.add_field(name, edit).setText(caption)
        return edit

    def area_boxes(
        self, name: str, caption: str, checked: tuple[str, ...] = ()
    ) -> dict[str, QCheckBox]:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        boxes: dict[str, QCheckBox] = {}
        for index, area in enumerate(AREAS):
            box = QCheckBox(word(AREA_NAMES, area))
            box.setObjectName(f"{name}_{area}")
            grid.addWidget(box, index // 4, index % 4)
            boxes[area] = box
        self.form.add_field(name, holder).setText(caption)
        return boxes

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.form.clear_errors()
        self.error.hide()
        try:
            work = self.work()
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.save_button.setEnabled(False)
        self.runner.run(work, self._done, self._failed)

    def work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def _done(self, value: Any) -> None:
        self.save_button.setEnabled(True)
        self.result_value = value
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
        if exc.field == "marks":  # the treatment's face chart, in its own words
            from desktop_app.ui.face_pictures import error_text

            message = error_text(exc)
        else:
            message = validation_text(exc.code, exc.params, exc.message)
        if exc.field in self.form.errors:
            self.form.show_error(exc.field, message)
        else:
            self.error.setText(message)
            self.error.show()


def _checked(boxes: dict[str, QCheckBox]) -> tuple[str, ...]:
    return tuple(code for code, box in boxes.items() if box.isChecked())


class ConsultationDialog(ClinicalDialog):
    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        visit_id: uuid.UUID,
        items: list[str],
        parent: QWidget | None = None,
        existing: ConsultationRecord | None = None,
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("consultationDialog")
        self.setWindowTitle(self.tr("Consultation"))
        self.visit_id = visit_id
        self.existing = existing  # editing one's own: in place, or a new version once closed
        self.wishes = self.text_box("wishes", self.tr("&Wishes (their words)"))
        self.concerns = self.text_box("concerns", self.tr("&Concerns"))
        self.areas = self.area_boxes("areas", self.tr("Areas"))
        self.items = QListWidget()
        self.items.setFixedHeight(90)
        for name in items:
            entry = QListWidgetItem(name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(entry)
        self.form.add_field("items", self.items).setText(self.tr("&Items of interest"))
        self.budget_min = self.line("budget_min", self.tr("Budget &from"))
        self.budget_max = self.line("budget_max", self.tr("Budget &to"))
        self.quote = self.line("quote", self.tr("&Quote given"))
        self.outcome = QComboBox()
        self.outcome.addItem("", None)
        for outcome in Outcome:
            self.outcome.addItem(word(OUTCOME_NAMES, outcome), outcome)
        self.form.add_field("outcome", self.outcome).setText(self.tr("&Outcome"))
        self.reason = QComboBox()
        self.reason.addItem("", None)
        for reason in NoDealReason:
            self.reason.addItem(word(REASON_NAMES, reason), reason)
        self.form.add_field("no_deal_reason", self.reason).setText(self.tr("&Why not a deal"))
        self.reason_note = self.line("reason_note", self.tr("Reason in their words"))
        self.finish_layout()
        if existing is not None:
            self._fill(existing.draft)

    def _fill(self, draft: ConsultationDraft) -> None:
        self.wishes.setPlainText(draft.wishes)
        self.concerns.setPlainText(draft.concerns)
        for area, box in self.areas.items():
            box.setChecked(area in draft.areas)
        for row in range(self.items.count()):
            entry = self.items.item(row)
            wanted = entry.text() in draft.items
            entry.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        for edit, value in (
            (self.budget_min, draft.budget_min),
            (self.budget_max, draft.budget_max),
            (self.quote, draft.quote),
        ):
            edit.setText("" if value is None else str(value))
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(draft.outcome)))
        self.reason.setCurrentIndex(max(0, self.reason.findData(draft.no_deal_reason)))
        self.reason_note.setText(draft.reason_note)

    def work(self) -> Callable[[], Any]:
        draft = ConsultationDraft(
            wishes=self.wishes.toPlainText(),
            concerns=self.concerns.toPlainText(),
            areas=_checked(self.areas),
            items=tuple(
                self.items.item(i).text()
                for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked
            ),
            budget_min=self.budget_min.text(),
            budget_max=self.budget_max.text(),
            quote=self.quote.text(),
            outcome=self.outcome.currentData(),
            no_deal_reason=self.reason.currentData(),
            reason_note=self.reason_note.text(),
        )
        database, actor, visit_id, existing = (
            self.database,
            self.actor,
            self.visit_id,
            self.existing,
        )
        if existing is not None:
            return lambda: update_consultation(
                database, actor, existing.id, existing.version, draft
            )
        return lambda: record_consultation(database, actor, visit_id, draft)


class AssessmentDialog(ClinicalDialog):
    """A new assessment: Save keeps a draft; Sign saves and signs (after confirming)."""

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        visit_id: uuid.UUID,
        contraindications: list[str],
        diagnoses: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("assessmentDialog")
        self.setWindowTitle(self.tr("Doctor's assessment"))
        self.visit_id = visit_id
        shown = QLabel("\n".join(contraindications) or self.tr("None recorded."))
        shown.setObjectName("contraindications")
        shown.setStyleSheet("color: #8a1c1c;")
        self.form.add_field("contraindications", shown).setText(self.tr("Allergies and history"))
        self.confirmed = QCheckBox(self.tr("I have checked these with the patient"))
        self.form.add_field("contraindications_confirmed", self.confirmed).setText("")
        self.complaint = self.line("chief_complaint", self.tr("Chief &complaint"))
        self.skin_type = QComboBox()
        self.skin_type.addItem("", None)
        for skin in SKIN_TYPES:
            self.skin_type.addItem(skin, skin)
        self.form.add_field("skin_type", self.skin_type).setText(self.tr("Skin type (Fitzpatrick)"))
        self.condition = self.line("skin_condition", self.tr("Skin condition"))
        self.areas = self.area_boxes("areas_examined", self.tr("Areas examined"))
        self.diagnosis = QComboBox()
        self.diagnosis.addItem("", "")
        for name in diagnoses:
            self.diagnosis.addItem(name, name)
        self.form.add_field("diagnosis", self.diagnosis).setText(self.tr("&Diagnosis"))
        self.diagnosis_text = self.line("diagnosis_text", self.tr("Diagnosis notes"))
        self.recommendation = self.text_box("recommendation", self.tr("&Recommendation"))
        self.sign_button = QPushButton(self.tr("Save and si&gn"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.setAutoDefault(False)
        self.sign_button.clicked.connect(self.sign)
        self.buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._sign = False
        self.draft_saved: assessments.AssessmentRecord | None = None  # a failed sign keeps it
        self.finish_layout()

    def sign(self) -> None:
        self._sign = True
        try:
            self.submit()
        finally:
            self._sign = False

    def work(self) -> Callable[[], Any]:
        draft = assessments.AssessmentDraft(
            chief_complaint=self.complaint.text(),
            skin_type=self.skin_type.currentData(),
            skin_condition=self.condition.text(),
            areas_examined=_checked(self.areas),
            contraindications_confirmed=self.confirmed.isChecked(),
            diagnosis=self.diagnosis.currentData(),
            diagnosis_text=self.diagnosis_text.text(),
            recommendation=self.recommendation.toPlainText(),
        )
        database, actor, visit_id, sign = self.database, self.actor, self.visit_id, self._sign
        earlier = self.draft_saved

        def save() -> assessments.AssessmentRecord:
            saved = assessments.save_assessment(
                database,
                actor,
                visit_id,
                draft,
                assessment_id=earlier.id if earlier else None,
                expected_version=earlier.version if earlier else None,
            )
            self.draft_saved = saved  # a second attempt updates this draft, never a new one
            if sign:
                return assessments.sign_assessment(database, actor, saved.id, saved.version)
            return saved

        return save


class AddendumDialog(ClinicalDialog):
    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        assessment_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("addendumDialog")
        self.setWindowTitle(self.tr("Addendum to a signed assessment"))
        self.assessment_id = assessment_id
        self.text = self.text_box("addendum", self.tr("&Addendum"), 110)
        self.save_button.setText(self.tr("Sign &addendum"))
        self.finish_layout()

    def work(self) -> Callable[[], Any]:
        database, actor, assessment_id = self.database, self.actor, self.assessment_id
        text = self.text.toPlainText()
        return lambda: assessments.add_addendum(database, actor, assessment_id, text)


class PlanDialog(ClinicalDialog):
    """One agreed item per plan here; more sessions than one make it a course."""

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        patient_id: uuid.UUID,
        visit_id: uuid.UUID | None,
        items: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("planDialog")
        self.setWindowTitle(self.tr("Treatment plan"))
        self.patient_id, self.visit_id = patient_id, visit_id
        self.item = QComboBox()
        self.item.addItems(items)
        self.form.add_field("items", self.item).setText(self.tr("&Item"))
        self.price = self.line("price", self.tr("Agreed &price"))
        self.sessions = QSpinBox()
        self.sessions.setRange(1, plans.MAX_SESSIONS)
        self.form.add_field("sessions", self.sessions).setText(self.tr("&Sessions"))
        self.expires = self.line("expires_on", self.tr("Course &expires"))
        self.expires.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.finish_layout()

    def work(self) -> Callable[[], Any]:
        line = plans.PlanLine(
            self.item.currentText(),
            self.price.text(),
            self.sessions.value(),
            parse_date(self.expires.text(), "expires_on"),
        )
        database, actor, patient_id, visit_id = (
            self.database,
            self.actor,
            self.patient_id,
            self.visit_id,
        )
        return lambda: plans.create_plan(database, actor, patient_id, [line], visit_id=visit_id)
