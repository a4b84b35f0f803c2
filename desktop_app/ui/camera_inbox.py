"""Camera inbox (issue 6): photos waiting in this PC's camera folder, assigned to the patient.

The folder is watched (QFileSystemWatcher, plus a slow poll for network shares where
change notices do not arrive); each look and each thumbnail runs on the Runner, since a
share can take seconds to answer. The person picks some or all, says what they show
(stage, angle, area, notes for the set) and assigns them to the patient whose record is
open; assigned files leave the folder (services.camera_inbox.assign).

Open it with ``CameraInboxDialog(runner, database, actor, settings, parent)`` and keep it
told who is in front of you with ``set_patient(patient_id, name)``.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QFileSystemWatcher,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import camera_inbox
from desktop_app.services.camera_inbox import CameraFolderError, InboxFile, Scan
from desktop_app.services.permissions import Permission, allowed
from desktop_app.station import StationSettings
from desktop_app.ui import camera_inbox_words as words
from desktop_app.ui.camera_inbox_parts import TILE, InboxModel, TagsForm, TileDelegate
from desktop_app.ui.photo_ghost import to_qimage
from desktop_app.ui.tasks import Progress, Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

POLL_MS = 5_000  # network shares send no change notices
RELOOK_MS = 1_000  # a file still being written: look again
SETTLE_MS = 250  # a camera writes several files in a burst: one look after it


class CameraInboxPanel(QWidget):
    """The inbox for one workstation's camera folder; assigns to the open record's patient."""

    assigned = Signal(object)  # the patient id photos were just imported for

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        settings: StationSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraInbox")
        self.runner, self.database, self.actor, self.settings = runner, database, actor, settings
        self.patient: tuple[uuid.UUID, str] | None = None
        self.scanner: camera_inbox.InboxScanner | None = None
        self._scanning = self._again = self._importing = False
        self._pending_thumbs: set[tuple[str, int, int]] = set()
        self.progress: Progress | None = None
        self.folder_label = QLabel()
        self.folder_label.setObjectName("inboxFolder")
        self.folder_label.setWordWrap(True)
        self.model = InboxModel(self)
        self.list = QListView()
        self.list.setObjectName("inboxFiles")
        self.list.setModel(self.model)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setItemDelegate(TileDelegate(self.list))
        self.list.setSpacing(4)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.tags = TagsForm()
        self.tags.changed.connect(self._update_buttons)
        self.select_all = QPushButton()
        self.select_all.setObjectName("inboxSelectAll")
        self.select_all.clicked.connect(self.list.selectAll)
        self.compare = QPushButton()
        self.compare.setObjectName("inboxCompare")
        self.compare.clicked.connect(self.compare_with_baseline)
        self.assign_button = QPushButton()
        self.assign_button.setObjectName("inboxAssign")
        self.assign_button.clicked.connect(self.assign)
        self.why = QLabel()
        self.why.setObjectName("inboxWhy")
        self.why.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("inboxProgress")
        self.bar.hide()
        self.cancel = QPushButton()
        self.cancel.setObjectName("inboxCancel")
        self.cancel.hide()
        self.cancel.clicked.connect(lambda: self.progress and self.progress.cancel())
        self.result = QLabel()
        self.result.setObjectName("inboxResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.select_all)
        buttons.addWidget(self.compare)
        buttons.addStretch(1)
        buttons.addWidget(self.assign_button)
        working = QHBoxLayout()
        working.addWidget(self.bar, 1)
        working.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.tags)
        layout.addLayout(buttons)
        layout.addWidget(self.why)
        layout.addLayout(working)
        layout.addWidget(self.result)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self.settle.start())
        self.settle = self._timer(SETTLE_MS, single=True)
        self.relook = self._timer(RELOOK_MS, single=True)
        self.poll = self._timer(POLL_MS, single=False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # not setShortcut: setText resets that
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.assign)
        for button in (self.select_all, self.compare, self.assign_button, self.cancel):
            button.setAutoDefault(False)  # Return in the notes must not assign the photos
        self.list.activated.connect(lambda _i: self.compare.isEnabled() and self.compare.click())
        self.retranslate()

    def _timer(self, msecs: int, *, single: bool) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(msecs)
        timer.setSingleShot(single)
        timer.timeout.connect(self.refresh)
        return timer

    # --- what the caller tells it -------------------------------------------------------

    def set_patient(self, patient_id: uuid.UUID | None, name: str = "") -> None:
        """The patient whose record is open (None: nobody; assigning is disabled)."""
        self.patient = (patient_id, name) if patient_id is not None else None
        self._update_buttons()

    def refresh(self) -> None:
        """Look at the folder now (on the Runner); the watcher and the poll call this."""
        if not self.isVisible():
            return
        if self._scanning:
            self._again = True
            return
        folder = self.settings.camera_folder_path()
        if folder is None:
            self._show_folder_problem(CameraFolderError(None, "not_set"))
            return
        if self.scanner is None or self.scanner.folder != folder:
            self.scanner = camera_inbox.InboxScanner(folder)
            self.model.set_files([])
        scanner = self.scanner
        self._scanning = True
        self.runner.run(scanner.scan, lambda s: self._scanned(scanner, s), self._scan_failed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.poll.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self.poll.stop()
        self.relook.stop()
        super().hideEvent(event)

    # --- looking at the folder ------------------------------------------------------------

    def _scanned(self, scanner: camera_inbox.InboxScanner, scan: Scan) -> None:
        self._scanning = False
        folder = str(scanner.folder)
        if folder not in self.watcher.directories():  # back after an unplug, or new
            for old in self.watcher.directories():
                self.watcher.removePath(old)
            self.watcher.addPath(folder)
        if scanner is self.scanner:
            self._show_files(scan.ready)
            self._load_thumbs()
            self.folder_label.setText(words.folder_line(folder, len(scan.ready)))
            self.folder_label.setStyleSheet("")
            if scan.waiting:
                self.relook.start()
        self._update_buttons()
        if self._again:
            self._again = False
            self.refresh()

    def _scan_failed(self, exc: BaseException) -> None:
        self._scanning = False
        self._show_folder_problem(exc)
        if self._again:
            self._again = False
            self.refresh()

    def _show_files(self, files: list[InboxFile]) -> None:
        """The new list, keeping what the person had chosen (files come while they choose)."""
        chosen = {item.key for item in self.selected()}
        self.model.set_files(files)
        selection = self.list.selectionModel()
        for row, item in enumerate(self.model.files):
            if item.key in chosen and not selection.isRowSelected(row):
                selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.Select)

    def _show_folder_problem(self, exc: BaseException) -> None:
        self.model.set_files([])
        self.folder_label.setText(words.folder_problem(exc))
        self.folder_label.setStyleSheet("color: #8a1c1c;")
        self._update_buttons()

    def _load_thumbs(self) -> None:
        for item in self.model.files:
            key = item.key
            if key in self.model.thumbs or key in self._pending_thumbs:
                continue
            self._pending_thumbs.add(key)
            path = item.path
            self.runner.run(
                lambda p=path: camera_inbox.read_preview(p, TILE),
                lambda preview, k=key: self._thumb_arrived(k, preview),
                lambda _exc, k=key: self._thumb_arrived(k, None),
            )

    def _thumb_arrived(self, key: tuple[str, int, int], preview: Any) -> None:
        self._pending_thumbs.discard(key)
        self.model.set_thumb(key, to_qimage(preview) if preview is not None else None)

    # --- choosing and assigning -----------------------------------------------------------

    def selected(self) -> list[InboxFile]:
        rows = sorted(index.row() for index in self.list.selectionModel().selectedIndexes())
        return [self.model.files[row] for row in rows if row < len(self.model.files)]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        may = allowed(self.actor, Permission.ADD_PHOTOS)
        name = self.patient[1] if self.patient else ""
        self.assign_button.setText(words.assign_label(len(chosen), name))
        problem = words.why_not(
            may=may,
            has_patient=self.patient is not None,
            has_files=bool(self.model.files),
            chosen=len(chosen),
            busy=self._importing,
            tags_problem=self.tags.problem(),
        )
        self.why.setText(problem)
        self.why.setVisible(bool(problem))
        self.assign_button.setEnabled(not problem)
        self.compare.setEnabled(
            may
            and self.patient is not None
            and len(chosen) == 1
            and self.tags.angle() is not None
            and not self._importing
        )
        self.compare.setToolTip("" if self.tags.angle() else words.compare_needs_angle())
        self.select_all.setEnabled(bool(self.model.files))

    def assign(self, *, consent_confirmed: bool = False) -> None:
        chosen, folder = self.selected(), self.settings.camera_folder_path()
        if not self.assign_button.isEnabled() or self.patient is None or folder is None:
            return
        patient_id, name = self.patient
        tags = self.tags.tags()
        database, actor = self.database, self.actor
        after = self.settings.camera_after_import
        if self.progress is not None:
            self.progress.deleteLater()
        progress = self.progress = Progress(self)
        progress.changed.connect(self._progressed)
        self._set_importing(True, len(chosen))

        def work() -> camera_inbox.AssignReport:
            return camera_inbox.assign(
                database,
                actor,
                patient_id,
                folder,
                chosen,
                tags,
                after_import=after,
                consent_confirmed=consent_confirmed,
                progress=progress.report,
                cancelled=progress.cancelled,
            )

        self.runner.run(work, lambda r: self._assigned(name, r), self._assign_failed)

    def _progressed(self, done: int, total: int, file_name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"%v / %m  {file_name}")

    def _set_importing(self, importing: bool, total: int = 0) -> None:
        self._importing = importing
        self.bar.setVisible(importing)
        self.cancel.setVisible(importing)
        if importing:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(0)
            self.result.clear()
        self.tags.setEnabled(not importing)
        self._update_buttons()

    def _assigned(self, name: str, report: camera_inbox.AssignReport) -> None:
        self._set_importing(False)
        for refused in report.imported.refused:
            self.model.refuse(refused.file_name, words.refusal(refused))
        self.result.setText(words.report_text(name, report))
        self.list.clearSelection()
        self.refresh()
        if report.imported.imported and self.patient is not None:
            self.assigned.emit(self.patient[0])

    def _assign_failed(self, exc: BaseException) -> None:
        from desktop_app.services.photos import PhotoConsentRequiredError

        self._set_importing(False)
        if isinstance(exc, PhotoConsentRequiredError):
            title, text = words.consent_question(self.patient[1] if self.patient else "")
            answer = QMessageBox.question(
                self,
                title,
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.assign(consent_confirmed=True)
            return
        self.result.setText(words.error_text(exc))

    def compare_with_baseline(self) -> None:
        from desktop_app.ui.photo_ghost import GhostOverlayDialog

        chosen, angle = self.selected(), self.tags.angle()
        if len(chosen) != 1 or angle is None or self.patient is None:
            return
        self.ghost = GhostOverlayDialog(
            self.runner, self.database, self.actor, self.patient[0], chosen[0].path, angle, self
        )
        self.ghost.open()

    # --- words -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.select_all.setText(self.tr("Select &all"))
        self.compare.setText(self.tr("Compare with &baseline…"))
        self.cancel.setText(self.tr("Cancel"))
        self.tags.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CameraInboxDialog(QDialog):
    """The panel in a window of its own, beside the record (not modal)."""

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        settings: StationSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraInboxDialog")
        self.panel = CameraInboxPanel(runner, database, actor, settings, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.panel)
        self.setWindowTitle(self.tr("Camera inbox"))
        self.resize(860, 680)

    def set_patient(self, patient_id: uuid.UUID | None, name: str = "") -> None:
        self.panel.set_patient(patient_id, name)
