"""The follow-up call's outcome (回访结果): reached or not, the script's questions, recovery
notes, adverse reaction, satisfaction and the next step.

The dialog only writes down what the caller heard; the page sends it through the desk. It
checks with the same rules the service uses (reminders.check_outcome), so a mistake shows
at its field and nothing half-saved reaches the database.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import Reaction
from desktop_app.services.errors import ValidationError
from desktop_app.services.reminders import CallOutcome, ReminderRow, check_outcome
from desktop_app.ui.forms import ERROR_STYLE, FieldForm
from desktop_app.ui.reminders_model import patient_text, readable_phone, reason_text
from desktop_app.ui.reminders_words import reminder_error_text

WARNING_STYLE = "color: #9a5b00;"
REACTIONS = (Reaction.NONE, Reaction.MILD, Reaction.NEEDS_REVIEW)


class FollowUpDialog(QDialog):
    """Fill in and ``accept()``: the page reads ``outcome()`` and records it."""

    def __init__(self, row: ReminderRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpDialog")
        self.row = row
        self.heading = QLabel()
        self.heading.setObjectName("followUpHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)

        self.reached = QRadioButton()
        self.reached.setObjectName("followUpReached")
        self.not_reached = QRadioButton()
        self.not_reached.setObjectName("followUpNotReached")
        self.answer = QButtonGroup(self)
        self.answer.addButton(self.reached)
        self.answer.addButton(self.not_reached)
        self.answer.buttonToggled.connect(lambda *_: self._answer_changed())
        self.tries = QLabel()
        self.tries.setObjectName("followUpTries")
        self.tries.setStyleSheet(WARNING_STYLE)
        self.tries.setWordWrap(True)
        self.tries.hide()
        radios = QWidget()
        answer_column = QVBoxLayout(radios)
        answer_column.setContentsMargins(0, 0, 0, 0)
        radio_row = QHBoxLayout()
        radio_row.addWidget(self.reached)
        radio_row.addWidget(self.not_reached)
        radio_row.addStretch(1)
        answer_column.addLayout(radio_row)
        answer_column.addWidget(self.tries)

        self.questions = [line.strip() for line in row.script.splitlines() if line.strip()]
        self.checks: list[QCheckBox] = []
        self.script_box = QGroupBox()
        self.script_box.setObjectName("followUpScript")
        script_layout = QVBoxLayout(self.script_box)
        for number, question in enumerate(self.questions):
            check = QCheckBox(question)
            check.setObjectName(f"followUpAsked{number}")
            script_layout.addWidget(check)
            self.checks.append(check)

        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.reaction = QComboBox()
        self.review_note = QLabel()
        self.review_note.setObjectName("followUpReviewNote")
        self.review_note.setStyleSheet(ERROR_STYLE)
        self.review_note.setWordWrap(True)
        self.review_note.hide()
        self.reaction.currentIndexChanged.connect(self._reaction_changed)
        self.satisfaction = QComboBox()
        self.next_step = QLineEdit()

        self.form = FieldForm()
        self.reached_caption = self.form.add_field("reached", radios)
        if self.questions:
            self.form.addRow(self.script_box)
        self.notes_caption = self.form.add_field("notes", self.notes)
        self.reaction_caption = self.form.add_field("reaction", self.reaction)
        self.reaction.parentWidget().layout().insertWidget(1, self.review_note)
        self.satisfaction_caption = self.form.add_field("satisfaction", self.satisfaction)
        self.next_caption = self.form.add_field("next_step", self.next_step)
        # The names tests and accessibility use (add_field named the fields by their key).
        radios.setObjectName("followUpAnswer")
        self.notes.setObjectName("followUpNotes")
        self.reaction.setObjectName("followUpReaction")
        self.satisfaction.setObjectName("followUpSatisfaction")
        self.next_step.setObjectName("followUpNextStep")
        self.form.fields["reached"] = self.reached  # an error there puts focus on the answer
        self.reached_caption.setBuddy(self.reached)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("followUpButtons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("followUpSave")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("followUpCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        self._answer_changed()
        self.reached.setFocus()

    # --- language ----------------------------------------------------------------------

    def retranslate(self) -> None:
        row = self.row
        self.setWindowTitle(self.tr("Follow-up call"))
        phone = readable_phone(row.mobile) or self.tr("no phone number")
        self.heading.setText(f"{patient_text(row)} · {phone}\n{reason_text(row)}")
        self.reached.setText(self.tr("&Reached"))
        self.not_reached.setText(self.tr("&Not reached"))
        self.reached_caption.setText(self.tr("Answered"))
        self.script_box.setTitle(self.tr("Questions asked"))
        self.notes_caption.setText(self.tr("Recovery n&otes"))
        self.reaction_caption.setText(self.tr("Adverse re&action"))
        self.satisfaction_caption.setText(self.tr("&Satisfaction"))
        self.next_caption.setText(self.tr("Ne&xt step"))
        self.review_note.setText(
            self.tr("An urgent reminder will go to the doctor, and the patient is flagged.")
        )
        reaction = self.reaction.currentIndex()
        self.reaction.clear()
        self.reaction.addItems(
            [self.tr("None"), self.tr("Mild"), self.tr("Needs review by a doctor")]
        )
        self.reaction.setCurrentIndex(max(0, reaction))
        satisfaction = self.satisfaction.currentIndex()
        self.satisfaction.clear()
        self.satisfaction.addItem(self.tr("Not asked"), None)
        for score, text in (
            (1, self.tr("1 — very unhappy")),
            (2, self.tr("2 — unhappy")),
            (3, self.tr("3 — all right")),
            (4, self.tr("4 — happy")),
            (5, self.tr("5 — very happy")),
        ):
            self.satisfaction.addItem(text, score)
        self.satisfaction.setCurrentIndex(max(0, satisfaction))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the outcome (Ctrl+Return)"))
        self._answer_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the form --------------------------------------------------------------------------

    def _answer_changed(self) -> None:
        """Nobody answered: no reaction or satisfaction to write, and say what happens next."""
        missed = self.not_reached.isChecked()
        for widget in (self.reaction, self.satisfaction):
            widget.setEnabled(not missed)
        if missed:
            self.reaction.setCurrentIndex(0)
            self.satisfaction.setCurrentIndex(0)
            attempt = self.row.attempts + 1
            if attempt >= self.row.max_attempts:
                self.tries.setText(
                    self.tr("Not reached, last try ({n} of {n}): this closes the reminder.").format(
                        n=self.row.max_attempts
                    )
                )
            else:
                self.tries.setText(
                    self.tr("Not reached: will be tried again tomorrow (try {n} of {max}).").format(
                        n=attempt + 1, max=self.row.max_attempts
                    )
                )
        self.tries.setVisible(missed)
        if hasattr(self, "form"):  # not yet while building
            self.form.errors["reached"].hide()

    def _reaction_changed(self, index: int) -> None:
        needs_review = 0 <= index < len(REACTIONS) and REACTIONS[index] == Reaction.NEEDS_REVIEW
        self.review_note.setVisible(needs_review)

    def outcome(self) -> CallOutcome:
        reaction = REACTIONS[max(0, self.reaction.currentIndex())]
        return CallOutcome(
            reached=self.reached.isChecked(),
            notes=self.notes.toPlainText().strip(),
            reaction=reaction if self.reached.isChecked() else Reaction.NONE,
            satisfaction=self.satisfaction.currentData() if self.reached.isChecked() else None,
            next_step=self.next_step.text().strip(),
            asked=tuple(
                q for q, check in zip(self.questions, self.checks, strict=True) if check.isChecked()
            ),
        )

    def accept(self) -> None:
        """Save only a complete, valid outcome; otherwise say what is wrong at its field."""
        self.form.clear_errors()
        if not (self.reached.isChecked() or self.not_reached.isChecked()):
            self.form.show_error("reached", self.tr("Say whether the patient answered."))
            return
        try:
            check_outcome(self.outcome())
        except ValidationError as exc:
            self.form.show_error(exc.field, reminder_error_text(exc))
            return
        super().accept()
