"""A new booking, made from the keyboard: a patient found with the search box or a lead's
name and mobile, the item (choosing it puts its usual length in the length box, to change
if need be), who and where, the source. A caller that knows the patient and item already
("Book now" on a reminder) passes them, and the desk only picks the doctor and time.

Bad input is told at its field; a doctor, room or device already booked then is told with
the booking in the way named, and the form keeps everything typed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import ResourceKind, Role
from desktop_app.services import bookings, catalogue, lookups
from desktop_app.services.bookings import BookingClashError, BookingDraft, BookingRow
from desktop_app.services.errors import ValidationError
from desktop_app.services.search import SearchHit
from desktop_app.ui.forms import ERROR_STYLE, FieldForm
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.patient_search import PatientPicker

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.tasks import Runner


def clash_text(exc: BookingClashError) -> str:
    """'The doctor is booked then already: 张三丰, 10:00–11:00 (2026-11-25).'"""
    what = {
        "doctor": QCoreApplication.translate("Bookings", "The doctor"),
        "room": QCoreApplication.translate("Bookings", "The room"),
        "device": QCoreApplication.translate("Bookings", "The device"),
    }.get(exc.what, exc.what)
    clash = exc.clash
    start, end = clash.starts_at.astimezone(), clash.ends_at.astimezone()
    return QCoreApplication.translate(
        "Bookings", "{what} is booked then already: {name}, {start}–{end} ({day})."
    ).format(
        what=what, name=clash.name, start=f"{start:%H:%M}", end=f"{end:%H:%M}", day=start.date()
    )


DEFAULT_MINUTES = 60  # without an item, as bookings.book


def find_data(combo: QComboBox, value: object) -> int:
    """``findData`` by equality: PySide's matches only the very same Python object."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


@dataclass(frozen=True)
class _Choices:
    doctors: list[lookups.StaffChoice]
    consultants: list[lookups.StaffChoice]
    resources: list[bookings.ResourceRow]
    items: dict[str, int]  # name → its usual length in minutes
    sources: list[str]


class BookingDialog(QDialog):
    """Fill in, Enter saves; ``saved`` holds the booking made."""

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        starts_at: dt.datetime,
        preset: dict[str, uuid.UUID],
        parent: QWidget | None = None,
        *,
        patient: SearchHit | None = None,
        item: str | None = None,
    ) -> None:
        """``preset``: column field → id (the doctor or room of the slot); ``patient`` and
        ``item`` fill those in (the item once the catalogue has loaded)."""
        super().__init__(parent)
        self.setObjectName("bookingDialog")
        self.setWindowTitle(self.tr("New booking"))
        self.runner, self.database, self.actor = runner, database, actor
        self.preset = preset
        self.saved: BookingRow | None = None
        self.patient: SearchHit | None = None
        self.picker: PatientPicker | None = None
        self.preset_item = item
        self.item_minutes: dict[str, int] = {}

        self.form = FieldForm()
        self.start = QDateTimeEdit(QDateTime(starts_at.astimezone().replace(tzinfo=None)))
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.patient_box = QLineEdit()
        self.patient_box.setObjectName("bookingPatient")
        self.patient_box.setReadOnly(True)
        self.find_button = QPushButton()
        self.find_button.setObjectName("bookingFindPatient")
        self.find_button.clicked.connect(self.find_patient)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("bookingClearPatient")
        self.clear_button.clicked.connect(lambda: self.set_patient(None))
        patient_row = QWidget()
        row = QHBoxLayout(patient_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.patient_box, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.clear_button)
        self.lead_name, self.lead_mobile, self.note = QLineEdit(), QLineEdit(), QLineEdit()
        self.item = QComboBox()
        self.item.currentIndexChanged.connect(lambda _i: self._item_chosen())
        self.minutes = QSpinBox()
        self.minutes.setRange(5, bookings.MAX_MINUTES)  # what bookings.book accepts
        self.minutes.setSingleStep(15)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.combos = {name: QComboBox() for name in ("doctor_id", "consultant_id", "room_id",
                                                      "device_id", "invited_by_id")}  # fmt: skip
        self.source = QComboBox()
        self.source.setEditable(True)
        fields: list[tuple[str, QWidget]] = [
            ("starts_at", self.start),
            ("patient", patient_row),
            ("lead_name", self.lead_name),
            ("lead_mobile", self.lead_mobile),
            ("item", self.item),
            ("minutes", self.minutes),
            *self.combos.items(),
            ("source", self.source),
            ("note", self.note),
        ]
        for name, field in fields:
            self.form.add_field(name, field)
        for name, field in fields:
            if field is not patient_row:
                field.setObjectName(f"booking_{name}")
        self.form.labels["patient"].setBuddy(self.find_button)
        self.general_error = QLabel()
        self.general_error.setObjectName("bookingError")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("bookingButtons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("bookingSave")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("F4"), self, self.find_patient)
        QShortcut(QKeySequence("Ctrl+F"), self, self.find_patient)
        self.retranslate()
        self.set_patient(patient)
        self.runner.run(self._load_choices, self._fill, self._failed)
        if patient is not None or item is not None:
            self.combos["doctor_id"].setFocus()  # the rest is known: who sees them, when
        else:
            self.find_button.setFocus()

    def retranslate(self) -> None:
        captions = {
            "starts_at": self.tr("&Starts"),
            "patient": self.tr("&Patient"),
            "lead_name": self.tr("or a lead: &name"),
            "lead_mobile": self.tr("lead's &mobile"),
            "item": self.tr("&Item"),
            "minutes": self.tr("&Length (minutes)"),
            "doctor_id": self.tr("&Doctor"),
            "consultant_id": self.tr("&Consultant"),
            "room_id": self.tr("&Room"),
            "device_id": self.tr("De&vice"),
            "invited_by_id": self.tr("&Invited by"),
            "source": self.tr("S&ource"),
            "note": self.tr("No&te"),
        }
        for name, text in captions.items():
            self.form.labels[name].setText(text)
        self.find_button.setText(self.tr("Find… (F4)"))
        self.clear_button.setText(self.tr("Clear"))

    # --- choices -------------------------------------------------------------------------

    def _load_choices(self) -> _Choices:
        database, actor = self.database, self.actor
        return _Choices(
            lookups.staff_choices(database, actor, [Role.DOCTOR]),
            lookups.staff_choices(database, actor, [Role.CONSULTANT]),
            bookings.resources(database, actor),
            {i.name: i.default_minutes for i in catalogue.items(database, actor)},
            lookups.source_channels(database, actor),
        )

    def _fill(self, choices: _Choices) -> None:
        options = {
            "doctor_id": [(p.display_name, p.id) for p in choices.doctors],
            "consultant_id": [(p.display_name, p.id) for p in choices.consultants],
            "invited_by_id": [(p.display_name, p.id) for p in choices.consultants],
            "room_id": [(r.name, r.id) for r in choices.resources if r.kind == ResourceKind.ROOM],
            "device_id": [
                (r.name, r.id) for r in choices.resources if r.kind == ResourceKind.DEVICE
            ],
        }
        for name, combo in self.combos.items():
            combo.clear()
            combo.addItem("", None)
            for text, value in options[name]:
                combo.addItem(text, value)
            if name in self.preset:
                combo.setCurrentIndex(max(0, find_data(combo, self.preset[name])))
        self.item.blockSignals(True)
        self.item.clear()
        self.item.addItem("", None)
        for name in choices.items:
            self.item.addItem(name, name)
        self.item_minutes = choices.items
        self.item.blockSignals(False)
        if self.preset_item is not None:
            self.item.setCurrentIndex(max(0, find_data(self.item, self.preset_item)))
        self.source.clear()
        self.source.addItems(["", *choices.sources])

    # --- the patient ---------------------------------------------------------------------

    def find_patient(self) -> None:
        self.picker = PatientPicker(self.runner, self.database, self.actor, self)
        self.picker.accepted.connect(
            lambda: self.set_patient(self.picker.picked if self.picker else None)
        )
        self.picker.open()

    def set_patient(self, hit: SearchHit | None) -> None:
        """A registered patient, or (None) a lead typed below."""
        self.patient = hit
        self.patient_box.setText(
            f"{hit.name} · {hit.record_no}" if hit else self.tr("(none — book for a lead)")
        )
        self.lead_name.setEnabled(hit is None)
        self.lead_mobile.setEnabled(hit is None)
        self.clear_button.setEnabled(hit is not None)
        if hit is not None:
            self.item.setFocus()

    def _item_chosen(self) -> None:
        """The item's usual length, shown so the desk sees how long it books and can change
        it (60 minutes without an item)."""
        name = self.item.currentData()
        self.minutes.setValue(self.item_minutes.get(name, DEFAULT_MINUTES))

    # --- saving --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter saves from any field (the button box's default is not kept reliably)."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not isinstance(self.focusWidget(), QPushButton):
            self.save()
            return
        super().keyPressEvent(event)

    def draft(self) -> BookingDraft:
        starts = self.start.dateTime().toPython().astimezone().astimezone(dt.UTC)
        chosen = {name: combo.currentData() for name, combo in self.combos.items()}
        return BookingDraft(
            starts_at=starts,
            minutes=self.minutes.value(),  # what the desk sees is what is booked
            patient_id=self.patient.id if self.patient else None,
            lead_name="" if self.patient else self.lead_name.text(),
            lead_mobile="" if self.patient else self.lead_mobile.text(),
            item=self.item.currentData(),
            source=self.source.currentText().strip() or None,
            note=self.note.text(),
            **chosen,
        )

    def save(self) -> None:
        self.form.clear_errors()
        self.general_error.hide()
        draft = self.draft()
        database, actor = self.database, self.actor
        self.save_button.setEnabled(False)
        self.runner.run(lambda: bookings.book(database, actor, draft), self._saved, self._failed)

    def _saved(self, row: BookingRow) -> None:
        self.save_button.setEnabled(True)
        self.saved = row
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.field in self.form.fields:
            self.form.show_error(exc.field, validation_text(exc.code, exc.params, exc.message))
            return
        if isinstance(exc, BookingClashError):
            text = clash_text(exc)
        elif isinstance(exc, ValidationError):
            text = validation_text(exc.code, exc.params, exc.message)
        else:
            headline, detail = describe(exc)
            text = self.tr("{headline} Nothing was saved. ({detail})").format(
                headline=headline, detail=detail
            )
        self.general_error.setText(text)
        self.general_error.show()
