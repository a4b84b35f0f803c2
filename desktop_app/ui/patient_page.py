"""The patient's record: who, the flags that matter, and the whole history as a timeline.

The timeline is a list model (timeline_model.py) that fetches a page at a time as the view
scrolls. Choosing an entry shows its detail; the buttons open the forms the signed-in role
may use, and the Documents menu (record_documents.py) prints from the record.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import Role
from desktop_app.services import timeline
from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.record_header import RecordHeader, record_header
from desktop_app.services.timeline import Entry, EntryKind
from desktop_app.services.treatments import TreatmentRecord
from desktop_app.station import StationSettings
from desktop_app.ui import entry_detail
from desktop_app.ui.clinical_names import FLAG_NAMES, KIND_NAMES, word
from desktop_app.ui.face_pictures import ChartThumbnails
from desktop_app.ui.messages import describe
from desktop_app.ui.photo_gallery import PhotoGallery
from desktop_app.ui.record_documents import RecordDocuments
from desktop_app.ui.tasks import Runner
from desktop_app.ui.timeline_model import TimelineModel

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.document_preview import DocumentPreview, DocumentRequest

__all__ = ["PatientPage", "TimelineModel"]


class PatientPage(QWidget):
    """Patients section: the record of the patient chosen at the front desk."""

    saved = Signal(object)  # what a form saved (tests and the status line use it)
    patient_shown = Signal(object, str)  # (id, name) of the open record, (None, "") for none

    def __init__(self, runner: Runner, station: StationSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("patientsPage")
        self.runner = runner
        # this computer's settings (the last printer per document kind is kept there)
        self.station = station or StationSettings()
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.header: RecordHeader | None = None
        self.title = QLabel()
        self.title.setObjectName("recordTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.flags = QLabel()
        self.flags.setObjectName("recordFlags")
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("color: #8a1c1c;")
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("timelineFilter")
        self.model = TimelineModel(runner, self)
        self.model.failed.connect(self._show_error)
        self.thumbnails = ChartThumbnails(self.model, runner)
        self.list = QListView()
        self.list.setObjectName("timeline")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.detail = QTextBrowser()
        self.detail.setObjectName("entryDetail")
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for name in ("consultation", "assessment", "plan", "treatment"):
            button = QPushButton()
            button.setObjectName(f"new_{name}")
            button.clicked.connect(lambda _=False, n=name: self.open_form(n))
            bar.addWidget(button)
            self.buttons[name] = button
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editConsultationButton")
        self.edit_button.clicked.connect(self.edit_consultation)
        bar.addWidget(self.edit_button)
        self.addendum_button = QPushButton()
        self.addendum_button.setObjectName("addendumButton")
        self.addendum_button.clicked.connect(self.open_addendum)
        bar.addWidget(self.addendum_button)
        self.chart_button = QPushButton()
        self.chart_button.setObjectName("faceChartButton")
        self.chart_button.clicked.connect(self.open_chart)
        bar.addWidget(self.chart_button)
        self.remind_button = QPushButton()
        self.remind_button.setObjectName("addReminderButton")
        self.remind_button.clicked.connect(self.add_reminder)
        bar.addWidget(self.remind_button)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelTreatmentButton")
        self.cancel_button.clicked.connect(self.cancel_treatment)
        bar.addWidget(self.cancel_button)
        self.documents = RecordDocuments(self)  # the Documents menu, Ctrl+P, Ctrl+Shift+P
        bar.addWidget(self.documents.button)
        bar.addStretch(1)
        bar.addWidget(self.kind_filter)
        self.notice = QLabel()
        self.notice.setObjectName("recordNotice")
        self.notice.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.gallery = PhotoGallery(runner)
        self.gallery.compare_requested.connect(self.compare)
        self.tabs = QTabWidget()  # Alt+T timeline, Alt+P photos (mnemonics in the tab titles)
        self.tabs.setObjectName("recordTabs")
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.gallery, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.flags)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.list.selectionModel().currentChanged.connect(lambda current, _p: self._detail(current))
        self.list.activated.connect(self._detail)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "consultation": self.tr("Consultation…"),
            "assessment": self.tr("Assessment…"),
            "plan": self.tr("Plan…"),
            "treatment": self.tr("Treatment…"),
        }
        for name, button in self.buttons.items():
            button.setText(texts[name])
        self.addendum_button.setText(self.tr("Addendum…"))
        self.edit_button.setText(self.tr("Edit consultation…"))
        self.chart_button.setText(self.tr("Face &chart…"))
        self.cancel_button.setText(self.tr("Cancel treatment…"))
        self.remind_button.setText(self.tr("Add &reminder…"))
        self.documents.retranslate()
        self.tabs.setTabText(0, self.tr("&Timeline"))
        self.tabs.setTabText(1, self.tr("&Photos"))
        current = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("Everything"), None)
        kinds = timeline.visible_kinds(self.actor) if self.actor else list(EntryKind)
        for kind in kinds:
            self.kind_filter.addItem(word(KIND_NAMES, kind), kind)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(current)))
        self.kind_filter.blockSignals(False)
        self._show_header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        self.header = None
        self.patient_shown.emit(None, "")
        self.model.clear()
        self.detail.clear()
        self.gallery.bind(database, actor)
        self.tabs.setTabVisible(1, actor is not None and allowed(actor, Permission.VIEW_PHOTOS))
        can = {
            "consultation": Permission.WRITE_CONSULTATION,
            "assessment": Permission.WRITE_ASSESSMENT,
            "plan": Permission.WRITE_PLAN,
            "treatment": Permission.WRITE_TREATMENT,
        }
        for name, button in self.buttons.items():
            button.setVisible(actor is not None and allowed(actor, can[name]))
            button.setEnabled(False)
        self.addendum_button.setVisible(
            actor is not None and allowed(actor, Permission.WRITE_ASSESSMENT)
        )
        self.addendum_button.setEnabled(False)
        self.edit_button.setVisible(
            actor is not None and allowed(actor, Permission.WRITE_CONSULTATION)
        )
        self.edit_button.setEnabled(False)
        self.chart_button.setVisible(
            actor is not None and allowed(actor, Permission.VIEW_TREATMENT)
        )
        self.chart_button.setEnabled(False)
        self.cancel_button.setVisible(
            actor is not None and allowed(actor, Permission.WRITE_TREATMENT)
        )
        self.cancel_button.setEnabled(False)
        self.remind_button.setVisible(
            actor is not None and allowed(actor, Permission.WORK_REMINDERS)
        )
        self.remind_button.setEnabled(False)
        self.documents.bind()
        self.notice.clear()
        self.retranslate()

    def show_patient(self, patient_id: uuid.UUID) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self.detail.clear()
        self.runner.run(
            lambda: record_header(database, actor, patient_id),
            self._header_loaded,
            self._show_error,
        )

    def reload(self) -> None:
        if self.header is not None and self.database is not None and self.actor is not None:
            kind = self.kind_filter.currentData()
            self.model.load(self.database, self.actor, self.header.id, {kind} if kind else None)

    def _header_loaded(self, header: RecordHeader) -> None:
        self.header = header
        for button in (*self.buttons.values(), self.remind_button):
            button.setEnabled(True)
        self._show_header()
        self.reload()
        self.documents.patient_shown()
        self.gallery.show_patient(header.id)
        self.patient_shown.emit(header.id, header.name)

    def _show_header(self) -> None:
        header = self.header
        if header is None:
            self.title.setText(self.tr("Choose a patient at the front desk (Ctrl+F)."))
            self.flags.clear()
            return
        self.title.setText(f"{header.name} · {header.record_no} · {header.mobile_masked}")
        flags: list[str] = []
        if header.allergies:
            flags.append(self.tr("Allergies: {text}").format(text=header.allergies))
        flags += [word(FLAG_NAMES, flag) for flag in header.history_flags or ()]
        if header.minor:
            flags.append(self.tr("Minor: a guardian must be present"))
        if header.missing_consents:
            flags.append(self.tr("Consent to process personal or health information is missing"))
        if header.id_unverified_reason:
            flags.append(self.tr("ID unverified"))
        if header.review_needed:
            flags.append(
                self.tr("Adverse reaction reported on a follow-up call: doctor's review needed")
            )
        for again in header.sign_again:
            flags.append(self.tr("Consent to sign again: {title}").format(title=again.title))
        if header.no_shows:
            flags.append(self.tr("No-shows: {n}").format(n=header.no_shows))
        self.flags.setText(" · ".join(flags))
        self.flags.setVisible(bool(flags))

    def _detail(self, index: QModelIndex) -> None:
        entry = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        self.addendum_button.setEnabled(
            entry is not None and entry.kind == EntryKind.ASSESSMENT and entry.state == "signed"
        )
        self.edit_button.setEnabled(entry is not None and entry.kind == EntryKind.CONSULTATION)
        self.chart_button.setEnabled(entry is not None and entry.kind == EntryKind.TREATMENT)
        self.cancel_button.setEnabled(False)  # once the treatment's version has been read
        self.documents.entry_changed(entry)
        if entry is None or self.database is None or self.actor is None:
            return
        database, actor = self.database, self.actor
        self.runner.run(
            lambda: entry_detail.load(database, actor, entry),
            lambda detail: self._show_detail(entry, detail),
            self._show_error,
        )

    def _show_detail(self, entry: Entry, detail: object) -> None:
        self.detail.setHtml(entry_detail.html(entry, detail))
        self.shown = detail
        live = isinstance(detail, TreatmentRecord) and detail.cancelled_at is None
        self.cancel_button.setEnabled(live)

    def refresh_record(self) -> None:
        """A document was kept or a scan attached: the flags and the timeline change."""
        database, actor, header = self.database, self.actor, self.header
        if database is not None and actor is not None and header is not None:
            self.runner.run(
                lambda: record_header(database, actor, header.id, opening=False),
                self._header_refreshed,
                self._show_error,
            )

    def _header_refreshed(self, header: RecordHeader) -> None:
        if self.header is None or self.header.id != header.id:
            return  # another record was opened meanwhile
        self.header = header
        self._show_header()
        self.reload()

    def open_document(self, request: DocumentRequest) -> DocumentPreview | None:
        """A preview of a new document for this record (the treatment form's consent)."""
        return self.documents.open_document(request)

    def _show_error(self, exc: BaseException) -> None:
        headline, detail = describe(exc)
        self.detail.setPlainText(f"{headline}\n{detail}")

    # --- forms ---------------------------------------------------------------------------

    def open_form(self, kind: str) -> None:
        """Read what the form offers (on the Runner), then open it."""
        from desktop_app.ui import clinical_forms
        from desktop_app.ui.treatment_form import TreatmentDialog

        header, database, actor = self.header, self.database, self.actor
        if header is None or database is None or actor is None:
            return

        def lists() -> dict[str, object]:
            from desktop_app.services import assessments, catalogue, plans, queue

            found: dict[str, object] = {
                "visit": queue.latest_visit(database, actor, header.id),
                "items": [item.name for item in catalogue.items(database, actor)],
            }
            if kind == "assessment":
                found["contraindications"] = assessments.contraindications(
                    database, actor, header.id
                )
                found["diagnoses"] = assessments.diagnosis_options(database, actor)
            if kind == "treatment":
                found["courses"] = plans.courses_of(database, actor, header.id)
            return found

        def show(found: dict[str, Any]) -> None:
            visit = found["visit"]
            if visit is None and kind in ("consultation", "assessment"):
                self.notice.setText(self.tr("Check the patient in first: notes belong to a visit."))
                return
            visit_id = visit.visit_id if visit else None
            forms = clinical_forms
            if kind == "consultation":
                dialog: QDialog = forms.ConsultationDialog(
                    self.runner, database, actor, visit_id, found["items"], self
                )
            elif kind == "assessment":
                dialog = forms.AssessmentDialog(
                    self.runner,
                    database,
                    actor,
                    visit_id,
                    found["contraindications"],
                    found["diagnoses"],
                    self,
                )
            elif kind == "plan":
                dialog = forms.PlanDialog(
                    self.runner, database, actor, header.id, visit_id, found["items"], self
                )
            else:
                dialog = TreatmentDialog(
                    self.runner,
                    database,
                    actor,
                    header.id,
                    visit_id,
                    found["items"],
                    found["courses"],
                    self,
                    documents=self.open_document,  # its Print consent opens our preview
                )
            self._open(dialog)

        self.runner.run(lists, show, self._show_error)

    def edit_consultation(self) -> None:
        """One's own consultation; the service refuses (and audits) anyone else's."""
        from desktop_app.services import catalogue, consultations
        from desktop_app.ui.clinical_forms import ConsultationDialog

        entry = self.list.currentIndex().data(Qt.ItemDataRole.UserRole)
        database, actor = self.database, self.actor
        if entry is None or database is None or actor is None:
            return

        def load() -> tuple[consultations.ConsultationRecord, list[str]]:
            record = consultations.get_consultation(database, actor, entry.id)
            return record, [item.name for item in catalogue.items(database, actor)]

        def show(found: tuple[consultations.ConsultationRecord, list[str]]) -> None:
            record, items = found
            self._open(
                ConsultationDialog(
                    self.runner, database, actor, record.visit_id, items, self, existing=record
                )
            )

        self.runner.run(load, show, self._show_error)

    def open_addendum(self) -> None:
        from desktop_app.ui.clinical_forms import AddendumDialog

        entry = self.list.currentIndex().data(Qt.ItemDataRole.UserRole)
        if entry is None or self.database is None or self.actor is None:
            return
        self._open(AddendumDialog(self.runner, self.database, self.actor, entry.id, self))

    def open_chart(self) -> None:
        """The chosen treatment's face chart (editable by the roles that record treatments)."""
        from desktop_app.ui.face_chart import open_chart

        entry = self.list.currentIndex().data(Qt.ItemDataRole.UserRole)
        if entry is None or self.database is None or self.actor is None:
            return
        open_chart(
            self, self.runner, self.database, self.actor, entry.id, self._open, self._show_error
        )

    def add_reminder(self) -> None:
        """A reminder written by hand for this patient (for me, someone, or a role)."""
        from desktop_app.services.lookups import staff_choices
        from desktop_app.ui.manual_reminder import ManualReminderDialog

        database, actor, header = self.database, self.actor, self.header
        if database is None or actor is None or header is None:
            return
        self.runner.run(
            lambda: staff_choices(database, actor, list(Role)),
            lambda people: self._open(
                ManualReminderDialog(self.runner, database, actor, header.id, people, self)
            ),
            self._show_error,
        )

    def cancel_treatment(self) -> None:
        from desktop_app.ui.treatment_cancel import CancelTreatmentDialog

        record = getattr(self, "shown", None)
        if not isinstance(record, TreatmentRecord) or self.database is None or self.actor is None:
            return
        self._open(CancelTreatmentDialog(self.runner, self.database, self.actor, record, self))

    def photos_added(self, patient_id: uuid.UUID) -> None:
        """Photos came in from elsewhere (the camera inbox): show them if this is their record."""
        if self.header is not None and self.header.id == patient_id:
            self.gallery.show_patient(patient_id)

    def compare(self, first: uuid.UUID | None, second: uuid.UUID | None) -> None:
        """Before/after of the open record: the two given, or paired automatically."""
        from desktop_app.ui.photo_compare import ComparisonDialog

        if self.header is None or self.database is None or self.actor is None:
            return
        self.comparison = ComparisonDialog(
            self.runner, self.database, self.actor, self.header.id, first, second, self
        )
        self.comparison.show()

    def _open(self, dialog: QDialog) -> None:
        self.form = dialog
        dialog.accepted.connect(lambda: self._form_saved(dialog))
        dialog.open()

    def _form_saved(self, dialog: QDialog) -> None:
        value = getattr(dialog, "result_value", None)
        warnings = getattr(value, "warnings", ())
        notice = (
            self.tr("Saved. Lots expiring within 30 days: {lots}").format(lots="; ".join(warnings))
            if warnings
            else self.tr("Saved.")
        )
        gate = getattr(value, "gate", None)
        if gate is not None:  # a treatment saved despite the pre-treatment gate's warning
            from desktop_app.ui.gate_strip import gate_lines

            notice = " ".join([notice, *gate_lines(gate)])
        self.notice.setText(notice)
        self.saved.emit(value)
        self.reload()
