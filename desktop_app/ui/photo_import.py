"""Adding photos to a record: choose or drop files, say what they show, import with progress.

The flow (``ImportFlow``): the patient's photo consent and visits/treatments are read on
the Runner; without "photos for the medical record" the user must choose to import anyway;
the tags dialog says what the set shows; the import runs on the Runner with a progress
dialog (file i of n, Cancel); a summary names every duplicate and every refused file with
its reason. ``TagsDialog`` also serves bulk tagging from the gallery (each field "as it is"
unless changed).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import PhotoAngle, PhotoStage
from desktop_app.services import photos, timeline
from desktop_app.services.consultations import AREAS
from desktop_app.services.errors import ValidationError
from desktop_app.services.photo_files import IMAGE_SUFFIXES
from desktop_app.services.photos import ImportReport, PhotoTags, TagChanges
from desktop_app.services.timeline import Entry, EntryKind
from desktop_app.ui.clinical_names import AREA_NAMES, KIND_NAMES, word
from desktop_app.ui.forms import ERROR_STYLE, FieldForm
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.photo_words import ANGLE_NAMES, STAGE_NAMES, photo_word, summary_text
from desktop_app.ui.photo_words import refusal_text as refusal_text  # re-exported: the inbox
from desktop_app.ui.tasks import Progress, Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

LINKS = 60  # the patient's latest visits and treatments offered to link to


def link_text(entry: Entry) -> str:
    when = f"{entry.at.astimezone():%Y-%m-%d}"
    kind = word(KIND_NAMES, entry.kind)
    return (
        f"{when} · {kind} · {entry.label}"
        if entry.kind == EntryKind.TREATMENT
        else f"{when} · {kind}"
    )


def load_links(database: Database, actor: Actor, patient_id: uuid.UUID) -> list[Entry]:
    """The visits and treatments a set of photos may belong to, newest first."""
    kinds = {EntryKind.VISIT, EntryKind.TREATMENT}
    return timeline.patient_timeline(database, actor, patient_id, kinds=kinds, limit=LINKS)


class TagsDialog(QDialog):
    """What a set of photos shows. Import: values for the set (``tags``). Bulk (``bulk``):
    every field starts as "keep as it is" and only what is changed is written (``changes``)."""

    def __init__(self, links: list[Entry], parent: QWidget | None = None, *, bulk: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("photoTagsDialog")
        self.bulk = bulk
        keep = self.tr("Keep as it is")
        self.setWindowTitle(
            self.tr("Tag %n photo(s)", "", bulk) if bulk else self.tr("What do these photos show?")
        )
        self.form = FieldForm()
        self.stage = QComboBox()
        if bulk:
            self.stage.addItem(keep, None)
        for stage in PhotoStage:
            self.stage.addItem(photo_word(STAGE_NAMES, stage), stage)
        self.form.add_field("stage", self.stage).setText(self.tr("&Stage"))
        self.day = QSpinBox()
        self.day.setRange(0, 3650)
        self.day.setSpecialValueText(" ")  # 0: not given yet
        self.day.setPrefix(self.tr("day "))
        self.day.setSuffix(self.tr(" ", "after the follow-up day number: nothing in English"))
        self.form.add_field("follow_up_day", self.day).setText(self.tr("Follow-up &day"))
        self.angle = QComboBox()
        self.angle.addItem(keep if bulk else self.tr("Not set"), None)
        for angle in PhotoAngle:
            self.angle.addItem(photo_word(ANGLE_NAMES, angle), angle)
        self.form.add_field("angle", self.angle).setText(self.tr("&Angle"))
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.addItem("", "")
        for area in AREAS:
            self.area.addItem(word(AREA_NAMES, area), area)
        self.area.lineEdit().setMaxLength(60)
        self.area.lineEdit().setPlaceholderText(keep if bulk else "")
        self.form.add_field("area", self.area).setText(self.tr("A&rea"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.notes.setPlaceholderText(keep if bulk else "")
        self.form.add_field("notes", self.notes).setText(self.tr("&Notes"))
        self.link = QComboBox()
        self.link.addItem(keep if bulk else self.tr("Not linked"), None)
        for entry in links:
            self.link.addItem(link_text(entry), (entry.kind, entry.id))
        self.form.add_field("link", self.link).setText(self.tr("&Belongs to"))
        if not bulk:  # today's treatment (or visit) is nearly always the one
            today = dt.datetime.now().astimezone().date()
            for row, entry in enumerate(links, start=1):
                if entry.at.astimezone().date() == today:
                    self.link.setCurrentIndex(row)
                    break
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("saveButton")
        self.ok_button.setText(self.tr("&Save tags") if bulk else self.tr("&Import"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self.stage.currentIndexChanged.connect(lambda _i: self._stage_changed())
        self._stage_changed()
        self.resize(460, self.sizeHint().height())

    def _stage_changed(self) -> None:
        self.day.setEnabled(self.stage.currentData() == PhotoStage.FOLLOW_UP)

    def _area(self) -> str:
        text = self.area.currentText().strip()
        found = self.area.findText(text)
        return str(self.area.itemData(found)) if found > 0 else text

    def _link(self) -> tuple[uuid.UUID | None, uuid.UUID | None]:
        chosen = self.link.currentData()
        if chosen is None:
            return None, None
        kind, entry_id = chosen
        return (entry_id, None) if kind == EntryKind.VISIT else (None, entry_id)

    def _day(self) -> int | None:
        if self.stage.currentData() != PhotoStage.FOLLOW_UP:
            return None
        if self.day.value() == 0:
            message = "Say on which day after the treatment the photos were taken."
            raise ValidationError("follow_up_day", "required", message)
        return self.day.value()

    def tags(self) -> PhotoTags:
        """The import's tags; a missing follow-up day is an error at its field."""
        visit_id, treatment_id = self._link()
        tags = PhotoTags(
            stage=self.stage.currentData(),
            follow_up_day=self._day(),
            angle=self.angle.currentData(),
            area=self._area(),
            notes=self.notes.toPlainText().strip(),
            visit_id=visit_id,
            treatment_id=treatment_id,
        )
        photos.checked_tags(tags)  # the service's own rules, before any file is read
        return tags

    def changes(self) -> TagChanges:
        """Only what was changed; an empty area or note leaves the photos' own."""
        visit_id, treatment_id = self._link()
        return TagChanges(
            stage=self.stage.currentData(),
            follow_up_day=self._day(),
            angle=self.angle.currentData(),
            area=self._area() or None,
            notes=self.notes.toPlainText().strip() or None,
            visit_id=visit_id,
            treatment_id=treatment_id,
        )

    def submit(self) -> None:
        self.form.clear_errors()
        self.error.hide()
        try:
            self.value: PhotoTags | TagChanges = self.changes() if self.bulk else self.tags()
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()

    def show_error(self, exc: ValidationError) -> None:
        message = validation_text(exc.code, exc.params, exc.message)
        field = "link" if exc.field in ("visit_id", "treatment_id") else exc.field
        if field in self.form.errors:
            self.form.show_error(field, message)
        else:
            self.error.setText(message)
            self.error.show()


class ImportFlow(QObject):
    """From files to photos in the record; ``finished`` carries the report when done."""

    finished = Signal(object)  # ImportReport

    def __init__(self, runner: Runner, owner: QWidget) -> None:
        super().__init__(owner)
        self.runner, self.owner = runner, owner
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.patient_id: uuid.UUID | None = None
        self.folder = ""
        self.tags_dialog: TagsDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.progress: Progress | None = None  # the running import's
        self.summary: QMessageBox | None = None

    def bind(
        self, database: Database | None, actor: Actor | None, patient: uuid.UUID | None
    ) -> None:
        self.database, self.actor, self.patient_id = database, actor, patient

    def choose_files(self) -> None:
        if self.patient_id is None:
            return
        patterns = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_SUFFIXES))
        names, _filter = QFileDialog.getOpenFileNames(
            self.owner,
            self.tr("Import photos"),
            self.folder,
            self.tr("Photos ({patterns})").format(patterns=patterns),
        )
        if names:
            self.folder = str(Path(names[0]).parent)
            self.start([Path(name) for name in names])

    def start(self, paths: list[Path]) -> None:
        """Consent first (asked before anything is tagged), then the tags, then the import."""
        database, actor, patient_id = self.database, self.actor, self.patient_id
        if not paths or database is None or actor is None or patient_id is None:
            return

        def read() -> tuple[Any, list[Entry]]:
            consent = photos.photo_consent(database, actor, patient_id)
            return consent, load_links(database, actor, patient_id)

        self.runner.run(read, lambda found: self._ask(paths, *found), self._failed)

    def _ask(self, paths: list[Path], consent: Any, links: list[Entry]) -> None:
        confirmed = False
        if not consent.record:
            answer = QMessageBox.question(
                self.owner,
                self.tr("No consent to photos"),
                self.tr(
                    "This patient has not consented to photos for the medical record. "
                    "Import %n photo(s) anyway?",
                    "",
                    len(paths),
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            confirmed = True
        self._tag(paths, links, confirmed)

    def _tag(
        self,
        paths: list[Path],
        links: list[Entry],
        confirmed: bool,
        error: ValidationError | None = None,
        previous: TagsDialog | None = None,
    ) -> None:
        dialog = previous or TagsDialog(links, self.owner)
        self.tags_dialog = dialog
        if error is not None:
            dialog.show_error(error)
        dialog.accepted.connect(lambda: self._run(paths, links, confirmed, dialog))
        dialog.open()

    def _run(
        self, paths: list[Path], links: list[Entry], confirmed: bool, dialog: TagsDialog
    ) -> None:
        dialog.accepted.disconnect()
        database, actor, patient_id = self.database, self.actor, self.patient_id
        if database is None or actor is None or patient_id is None:
            return
        tags = dialog.value
        assert isinstance(tags, PhotoTags)
        progress = Progress(self)
        progress.changed.connect(self._progressed)
        self.progress = progress
        window = self._progress_window()
        window.reset()
        window.setRange(0, len(paths))
        window.setLabelText(self.tr("Reading %n file(s)…", "", len(paths)))

        def work() -> ImportReport:
            return photos.import_files(
                database,
                actor,
                patient_id,
                paths,
                tags,
                consent_confirmed=confirmed,
                progress=progress.report,
                cancelled=progress.cancelled,
            )

        def failed(exc: BaseException) -> None:
            self._close_progress()
            if isinstance(exc, ValidationError):  # back to the tags, error at the field
                self._tag(paths, links, confirmed, exc, dialog)
            else:
                self._failed(exc)

        self.runner.run(work, self._done, failed)

    def _progress_window(self) -> QProgressDialog:
        """One per flow, reused: Cancel stops whichever import is running."""
        if self.progress_dialog is None:
            window = QProgressDialog(self.owner)
            window.setObjectName("importProgress")
            window.setWindowTitle(self.tr("Importing photos"))
            window.setCancelButtonText(self.tr("Cancel"))
            window.setMinimumDuration(500)
            window.setMinimumWidth(420)  # room for a file name
            window.setAutoClose(False)
            window.setAutoReset(False)
            window.canceled.connect(lambda: self.progress is not None and self.progress.cancel())
            self.progress_dialog = window
        return self.progress_dialog

    def _progressed(self, done: int, total: int, name: str) -> None:
        window = self.progress_dialog
        if window is None:
            return
        window.setMaximum(total)
        window.setLabelText(
            self.tr("File {number} of {total}: {name}").format(number=done, total=total, name=name)
        )
        window.setValue(done)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()

    def _done(self, report: ImportReport) -> None:
        self._close_progress()
        icon = QMessageBox.Icon.Warning if report.refused else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.tr("Photos imported"), summary_text(report), parent=self.owner)
        box.setObjectName("importSummary")
        self.summary = box
        box.open()
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        headline, detail = describe(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, headline, detail, parent=self.owner)
        box.setObjectName("importSummary")
        self.summary = box
        box.open()
