"""New walk-in (新客登记): the keyboard-first intake form.

Tab order follows the form, Enter (or Ctrl+Enter in a text box) saves. Everything is
checked by the intake service; its errors appear under the field they concern. A valid
resident ID fills in date of birth and sex. A patient who is already registered is shown,
with a button to open them instead of creating a second record.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import ConsentKind
from desktop_app.services import identity
from desktop_app.services.errors import ValidationError
from desktop_app.services.intake import (
    ADULT_AGE,
    HISTORY_FLAGS,
    OWN_CONSENT_AGE,
    PatientDraft,
    age_on,
    parse_date,
)
from desktop_app.services.lookups import StaffChoice
from desktop_app.services.patients import DuplicatePatientError, PatientRecord, register_patient
from desktop_app.services.tags import TagGroupChoice
from desktop_app.ui.clinical_names import FLAG_NAMES, word
from desktop_app.ui.forms import ERROR_STYLE, FieldForm
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


class IntakeDialog(QDialog):
    """Register one walk-in. Afterwards ``saved`` or ``open_existing`` says what happened."""

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        channels: list[str],
        consultants: list[StaffChoice],
        tag_groups: list[TagGroupChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("New patient"))
        self.runner, self.database, self.actor = runner, database, actor
        self.saved: PatientRecord | None = None
        self.open_existing: uuid.UUID | None = None
        self.referrer_id: uuid.UUID | None = None
        self._allow_similar = False

        self.left, self.right = FieldForm(), FieldForm()
        self.forms = (self.left, self.right)
        self._build_identity(channels, consultants, tag_groups)
        self._build_health_and_guardian()

        self.duplicate = QFrame()
        self.duplicate.setObjectName("duplicatePanel")
        self.duplicate.setStyleSheet(
            "#duplicatePanel { background: #fff4e5; border: 1px solid #e8a33d; }"
        )
        self.duplicate_text = QLabel()
        self.duplicate_text.setObjectName("duplicateText")
        self.duplicate_text.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open this patient"))
        self.open_button.setObjectName("openExistingButton")
        self.open_button.clicked.connect(self._open_existing)
        self.anyway_button = QPushButton(self.tr("Register &anyway"))
        self.anyway_button.setObjectName("registerAnywayButton")
        self.anyway_button.clicked.connect(self._register_anyway)
        row = QHBoxLayout(self.duplicate)
        row.addWidget(self.duplicate_text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.anyway_button)
        self.duplicate.hide()
        self._matches: list = []

        self.general_error = QLabel()
        self.general_error.setObjectName("intakeError")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)

        columns = QHBoxLayout()
        left_box = QGroupBox(self.tr("Patient"))
        left_box.setLayout(self.left)
        right_column = QVBoxLayout()
        right_column.addWidget(self.health_box)
        right_column.addWidget(self.guardian_box)
        right_column.addWidget(self.consent_box)
        right_column.addStretch(1)
        columns.addWidget(left_box, 1)
        columns.addLayout(right_column, 1)
        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicate)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(1040, 760)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.save_button.setDefault(True)  # the button box resets it when shown
        self.inputs["name"].setFocus()

    # --- building ------------------------------------------------------------------------

    def _line(self, form: FieldForm, name: str, caption: str) -> QLineEdit:
        edit = QLineEdit()
        form.add_field(name, edit).setText(caption)
        self.inputs[name] = edit
        return edit

    def _build_identity(
        self,
        channels: list[str],
        consultants: list[StaffChoice],
        tag_groups: list[TagGroupChoice],
    ) -> None:
        form = self.left
        self.inputs: dict[str, QLineEdit] = {}
        self._line(form, "name", self.tr("&Name"))
        self.sex = QComboBox()
        for text, code in ((self.tr("—"), None), (self.tr("Female"), "F"), (self.tr("Male"), "M")):
            self.sex.addItem(text, code)
        form.add_field("sex", self.sex).setText(self.tr("Se&x"))
        self._line(form, "birth_date", self.tr("&Date of birth")).setPlaceholderText(
            self.tr("YYYY-MM-DD")
        )
        self._line(form, "mobile", self.tr("&Mobile"))
        self.id_type = QComboBox()
        for code, text in zip(
            identity.ID_TYPES,
            (
                self.tr("Resident ID card"),
                self.tr("Passport"),
                self.tr("Hong Kong/Macau permit"),
                self.tr("Taiwan permit"),
            ),
            strict=True,
        ):
            self.id_type.addItem(text, code)
        form.add_field("id_type", self.id_type).setText(self.tr("ID &type"))
        self._line(form, "id_number", self.tr("ID n&umber"))
        self.unverified = QCheckBox(self.tr("Number cannot be checked: save it as unverified"))
        self.unverified.setObjectName("idUnverified")
        form.addRow("", self.unverified)
        reason = self._line(form, "id_unverified_reason", self.tr("Reason"))
        reason.setEnabled(False)
        self.unverified.toggled.connect(reason.setEnabled)
        self._line(form, "region", self.tr("Re&gion"))
        self.channel = QComboBox()
        self.channel.addItem("", None)
        for channel in channels:
            self.channel.addItem(channel, channel)
        form.add_field("source_channel", self.channel).setText(self.tr("Sour&ce"))
        self.referrer = QPushButton(self.tr("Choose…"))
        self.referrer.setAutoDefault(False)  # Enter anywhere in the form saves; Space picks
        form.add_field("referrer_id", self.referrer).setText(self.tr("&Referred by"))
        self.referrer.clicked.connect(self._choose_referrer)
        self.consultant = QComboBox()
        self.consultant.addItem("", None)
        for person in consultants:
            self.consultant.addItem(person.display_name, person.id)
        form.add_field("consultant_id", self.consultant).setText(self.tr("C&onsultant"))
        self._line(form, "interests", self.tr("&Interested in"))
        self._build_tags(form, tag_groups)
        self._line(form, "emergency_name", self.tr("Emergency contact"))
        self._line(form, "emergency_phone", self.tr("Emergency phone"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        form.add_field("notes", self.notes).setText(self.tr("No&tes"))
        self.inputs["id_number"].editingFinished.connect(self._id_typed)
        self.inputs["birth_date"].editingFinished.connect(self._update_age_hints)

    def _build_tags(self, form: FieldForm, groups: list[TagGroupChoice]) -> None:
        """The clinic's tags as check boxes by group, then free tags typed with commas."""
        self.tag_boxes: list[QCheckBox] = []
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, group in enumerate(groups):
            grid.addWidget(QLabel(group.name), row, 0)
            for column, name in enumerate(group.tags, start=1):
                box = QCheckBox(name)
                box.setObjectName(f"tag_{row}_{column}")
                grid.addWidget(box, row, column)
                self.tag_boxes.append(box)
        form.addRow(self.tr("Tags"), holder)
        self._line(form, "tags", self.tr("Other ta&gs")).setPlaceholderText(
            self.tr("Separate tags with commas")
        )

    def _build_health_and_guardian(self) -> None:
        self.health_box = QGroupBox(self.tr("Health (matters for treatment)"))
        health = QVBoxLayout(self.health_box)
        self._line(self.right, "allergies", self.tr("A&llergies"))
        health.addLayout(self.right)
        grid = QGridLayout()
        self.flags: dict[str, QCheckBox] = {}
        for index, flag in enumerate(HISTORY_FLAGS):
            box = QCheckBox(word(FLAG_NAMES, flag))
            box.setObjectName(f"flag_{flag}")
            grid.addWidget(box, index // 2, index % 2)
            self.flags[flag] = box
        health.addLayout(grid)
        self.history_form = FieldForm()
        self.history_notes = QPlainTextEdit()
        self.history_notes.setTabChangesFocus(True)
        self.history_notes.setFixedHeight(54)
        self.history_form.add_field("history_notes", self.history_notes).setText(
            self.tr("History notes")
        )
        health.addLayout(self.history_form)

        self.guardian_box = QGroupBox(self.tr("Guardian (required under 18)"))
        self.guardian_form = FieldForm(self.guardian_box)
        self._line(self.guardian_form, "guardian_name", self.tr("Guardian's name"))
        self._line(self.guardian_form, "guardian_relation", self.tr("Relation"))
        self._line(self.guardian_form, "guardian_mobile", self.tr("Guardian's mobile"))

        self.consent_box = QGroupBox(self.tr("Consents (PIPL), each asked separately"))
        column = QVBoxLayout(self.consent_box)
        captions = {
            ConsentKind.PERSONAL_INFO: self.tr("Processing of personal information"),
            ConsentKind.HEALTH_INFO: self.tr("Processing of health information"),
            ConsentKind.PHOTOS_RECORD: self.tr("Photos for the medical record"),
            ConsentKind.PHOTOS_MARKETING: self.tr("Photos for marketing or teaching"),
            ConsentKind.CONTACT_FOLLOW_UP: self.tr("Contact for follow-up"),
            ConsentKind.CONTACT_MARKETING: self.tr("Contact for marketing"),
        }
        self.consents: dict[ConsentKind, QCheckBox] = {}
        for kind in ConsentKind:
            box = QCheckBox(captions[kind])
            box.setObjectName(f"consent_{kind.value}")
            column.addWidget(box)
            self.consents[kind] = box
        self.consent_hint = QLabel(self.tr("Under 14: these consents are the guardian's."))
        self.consent_hint.setObjectName("guardianConsentHint")
        self.consent_hint.hide()
        column.addWidget(self.consent_hint)
        self.forms = (self.left, self.right, self.history_form, self.guardian_form)

    # --- helpers while typing ------------------------------------------------------------

    def _id_typed(self) -> None:
        """Fill date of birth and sex from a valid resident ID; flag a mismatch at the field."""
        self._clear_error("id_number")
        text = self.inputs["id_number"].text()
        if self.id_type.currentData() != "resident_id" or not text.strip():
            return
        try:
            checked = identity.resident_id(text)
        except ValidationError as exc:
            if not self.unverified.isChecked():
                self._show_error(exc, focus=False)
            return
        self.inputs["id_number"].setText(checked.number)  # 15 digits become 18
        typed = self.inputs["birth_date"].text()
        try:
            birth = parse_date(typed)
        except ValidationError:
            birth = None
        if not typed.strip():
            self.inputs["birth_date"].setText(checked.birth_date.isoformat())
        elif birth != checked.birth_date:
            self._field_error("birth_date", self.tr("Does not match the ID number."))
        if self.sex.currentData() is None:
            self.sex.setCurrentIndex(self.sex.findData(checked.sex))
        elif self.sex.currentData() != checked.sex:
            self._field_error("sex", self.tr("Does not match the ID number."))
        self._update_age_hints()

    def _update_age_hints(self) -> None:
        try:
            birth = parse_date(self.inputs["birth_date"].text())
        except ValidationError:
            birth = None
        age = age_on(birth, dt.date.today()) if birth else None
        self.consent_hint.setVisible(age is not None and age < OWN_CONSENT_AGE)
        self.guardian_box.setStyleSheet(
            "QGroupBox { font-weight: bold; }" if age is not None and age < ADULT_AGE else ""
        )

    def _choose_referrer(self) -> None:
        from desktop_app.ui.patient_search import PatientPicker

        picker = PatientPicker(self.runner, self.database, self.actor, self)
        picker.accepted.connect(lambda: self._set_referrer(picker.picked))
        picker.open()

    def _set_referrer(self, hit: object) -> None:
        if hit is None:
            return
        self.referrer_id = hit.id  # type: ignore[attr-defined]
        self.referrer.setText(f"{hit.name} ({hit.record_no})")  # type: ignore[attr-defined]

    # --- saving --------------------------------------------------------------------------

    def draft(self) -> PatientDraft:
        """What the form says, as the intake service takes it; a bad date is a field error."""
        text = {name: edit.text() for name, edit in self.inputs.items()}
        reason = text["id_unverified_reason"].strip() if self.unverified.isChecked() else None
        if self.unverified.isChecked() and not reason:
            raise ValidationError(
                "id_unverified_reason", "required", "Say why the number cannot be checked."
            )
        return PatientDraft(
            name=text["name"],
            sex=self.sex.currentData(),
            birth_date=parse_date(text["birth_date"]),
            mobile=text["mobile"],
            id_type=self.id_type.currentData(),
            id_number=text["id_number"],
            id_unverified_reason=reason,
            region=text["region"],
            source_channel=self.channel.currentData(),
            referrer_id=self.referrer_id,
            consultant_id=self.consultant.currentData(),
            interests=text["interests"],
            allergies=text["allergies"],
            history_flags=tuple(flag for flag, box in self.flags.items() if box.isChecked()),
            history_notes=self.history_notes.toPlainText(),
            emergency_name=text["emergency_name"],
            emergency_phone=text["emergency_phone"],
            guardian_name=text["guardian_name"],
            guardian_relation=text["guardian_relation"],
            guardian_mobile=text["guardian_mobile"],
            notes=self.notes.toPlainText(),
            consents={kind: box.isChecked() for kind, box in self.consents.items()},
            tags=(
                *(box.text() for box in self.tag_boxes if box.isChecked()),
                *re.split(r"[,，、;；]", text["tags"]),
            ),
        )

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        self._clear_errors()
        try:
            draft = self.draft()
        except ValidationError as exc:
            self._show_error(exc)
            return
        allow_similar, self._allow_similar = self._allow_similar, False
        self._set_busy(True)
        database, actor = self.database, self.actor
        self.runner.run(
            lambda: register_patient(database, actor, draft, allow_similar=allow_similar),
            self._saved,
            self._failed,
        )

    def _saved(self, record: PatientRecord) -> None:
        self._set_busy(False)
        self.saved = record
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DuplicatePatientError):
            self._show_duplicates(exc)
        elif isinstance(exc, ValidationError):
            self._show_error(exc)
        else:  # database gone, conflict …: the form keeps everything typed
            headline, detail = describe(exc)
            self.general_error.setText(
                self.tr("{headline} Nothing was saved; the form is kept. ({detail})").format(
                    headline=headline, detail=detail
                )
            )
            self.general_error.show()

    def _show_duplicates(self, exc: DuplicatePatientError) -> None:
        reasons = {
            "mobile": self.tr("the same mobile"),
            "id_number": self.tr("the same ID number"),
            "name_birth": self.tr("the same name and date of birth"),
        }
        self._matches = exc.matches
        lines = [
            self.tr("{name} ({record_no}, {mobile}) has {reason}.").format(
                name=m.name, record_no=m.record_no, mobile=m.mobile_masked, reason=reasons[m.reason]
            )
            for m in exc.matches
        ]
        lead = (
            self.tr("This may be a patient who is already registered:")
            if exc.similar_only
            else self.tr("This patient is already registered:")
        )
        self.duplicate_text.setText("\n".join([lead, *lines]))
        self.anyway_button.setVisible(exc.similar_only)
        self.duplicate.show()
        self.open_button.setFocus()

    def _open_existing(self) -> None:
        if self._matches:
            self.open_existing = self._matches[0].id
            self.accept()

    def _register_anyway(self) -> None:
        self._allow_similar = True
        self.duplicate.hide()
        self.submit()

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("&Save"))

    # --- errors at the field -------------------------------------------------------------

    def _form_of(self, name: str) -> FieldForm | None:
        return next((form for form in self.forms if name in form.errors), None)

    def _field_error(self, name: str, message: str, *, focus: bool = True) -> None:
        form = self._form_of(name)
        if form is None:
            self.general_error.setText(message)
            self.general_error.show()
            return
        focused = self.focusWidget()
        form.show_error(name, message)
        if not focus and focused is not None:
            focused.setFocus()

    def _show_error(self, exc: ValidationError, *, focus: bool = True) -> None:
        self._field_error(
            exc.field, validation_text(exc.code, exc.params, exc.message), focus=focus
        )

    def _clear_error(self, name: str) -> None:
        form = self._form_of(name)
        if form is not None:
            form.errors[name].hide()

    def _clear_errors(self) -> None:
        for form in self.forms:
            form.clear_errors()
        self.general_error.hide()
        self.duplicate.hide()
