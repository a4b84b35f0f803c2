"""The record's Photos tab: the grid, its filters and grouping, and what staff do with photos.

Import… (Ctrl+I, or drop files on the grid), Tag selected… (Ctrl+T, bulk, with the versions
seen: a stale write is explained and the grid reloads), Hide… (Delete, with a reason:
photos are never deleted), Compare (Ctrl+B: two selected, or none to pair automatically;
emitted as ``compare_requested`` for the comparison dialog), Enter or double-click opens
one large. The summaries load once per patient when the tab is first shown; filtering and
grouping then happen in memory (see ``photo_grid``).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import PhotoAngle, PhotoStage
from desktop_app.services import photos
from desktop_app.services.errors import ConflictError
from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.photos import PhotoSummary, TagChanges
from desktop_app.ui.clinical_names import AREA_NAMES, word
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.photo_grid import GalleryView, PhotoGridModel
from desktop_app.ui.photo_import import ImportFlow, TagsDialog, load_links
from desktop_app.ui.photo_words import ANGLE_NAMES, STAGE_NAMES
from desktop_app.ui.photo_words import photo_word as _word
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.services.timeline import Entry


class PhotoGallery(QWidget):
    compare_requested = Signal(object, object)  # (older id, newer id), or (None, None): pair
    changed = Signal()  # photos were imported, tagged or hidden

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoGallery")
        self.runner = runner
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.patient_id: uuid.UUID | None = None
        self._stale = False  # the patient changed while the tab was hidden
        self._generation = 0
        self.model = PhotoGridModel(runner, self)
        self.model.failed.connect(self._failed)  # e.g. no data key here: say so, not grey tiles
        self.view = GalleryView(self.model)
        self.importer = ImportFlow(runner, self)
        self.importer.finished.connect(lambda _report: self._changed())
        self.actions_: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for name, keys, slot in (
            ("import", "Ctrl+I", self.importer.choose_files),
            ("tag", "Ctrl+T", self.tag_selected),
            ("hide", "Delete", self.hide_selected),
            ("compare", "Ctrl+B", self.compare),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            button = QPushButton()
            button.setObjectName(f"photo_{name}")
            button.clicked.connect(action.trigger)
            bar.addWidget(button)
            self.actions_[name], self.buttons[name] = action, button
        bar.addStretch(1)
        self.stage_filter = self._combo("photoStageFilter", bar)
        self.angle_filter = self._combo("photoAngleFilter", bar)
        self.area_filter = self._combo("photoAreaFilter", bar)
        self.grouping = self._combo("photoGrouping", bar)
        self.status = QLabel()
        self.status.setObjectName("galleryStatus")
        self.notice = QLabel()
        self.notice.setObjectName("galleryNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.view.activated.connect(self.open_photo)
        self.view.files_dropped.connect(self.importer.start)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.retranslate()

    def _combo(self, name: str, bar: QHBoxLayout) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.currentIndexChanged.connect(lambda _i: self._filter())
        bar.addWidget(combo)
        return combo

    # --- words ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = {
            "import": self.tr("Import… (Ctrl+I)"),
            "tag": self.tr("Tag selected… (Ctrl+T)"),
            "hide": self.tr("Hide…"),
            "compare": self.tr("Compare (Ctrl+B)"),
        }
        for name, button in self.buttons.items():
            button.setText(texts[name])
            self.actions_[name].setText(texts[name])
        self.buttons["hide"].setToolTip(self.tr("Hide the selected photos (Delete), with a reason"))
        self.buttons["compare"].setToolTip(
            self.tr("Two selected photos side by side, or none: the first before and latest after")
        )
        self._fill(
            self.stage_filter,
            self.tr("All stages"),
            [(s, _word(STAGE_NAMES, s)) for s in PhotoStage],
        )
        self._fill(
            self.angle_filter,
            self.tr("All angles"),
            [(a, _word(ANGLE_NAMES, a)) for a in PhotoAngle],
        )
        self._fill_areas()
        groupings = [("treatment", self.tr("By treatment")), ("none", self.tr("No grouping"))]
        self._fill(self.grouping, self.tr("By date"), groupings, first="date")
        self._show_status()

    def _fill(
        self,
        combo: QComboBox,
        everything: str,
        items: list[tuple[object, str]],
        first: object = None,
    ) -> None:
        current = combo.currentData() if combo.count() else first
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, first)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _fill_areas(self) -> None:
        areas = [(area, word(AREA_NAMES, area)) for area in self.model.areas()]
        self._fill(self.area_filter, self.tr("All areas"), areas)
        self.area_filter.setEnabled(bool(areas))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.set_photos(self.model.photos)  # captions and group titles
        super().changeEvent(event)

    # --- whose photos ---------------------------------------------------------------------

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        can_add = actor is not None and allowed(actor, Permission.ADD_PHOTOS)
        for name in ("import", "tag", "hide"):
            self.buttons[name].setVisible(can_add)
            self.actions_[name].setEnabled(can_add)
        self.view.viewport().setAcceptDrops(can_add)
        self.show_patient(None)

    def show_patient(self, patient_id: uuid.UUID | None) -> None:
        """Remember whose photos to show; read them now if the tab is showing, else when it is."""
        database, actor = self.database, self.actor
        self.patient_id = patient_id
        self.importer.bind(database, actor, patient_id)
        self._generation += 1
        fetch = None
        if patient_id is not None and database is not None and actor is not None:
            fetch = lambda ids: photos.thumbnails(database, actor, ids)  # noqa: E731
        self.model.set_source(fetch)
        self.notice.hide()
        can_view = actor is not None and allowed(actor, Permission.VIEW_PHOTOS)
        self._stale = fetch is not None and can_view  # receptionists: never read
        if self._stale and self.isVisible():
            self.reload()
        self._after_load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.setFocus()  # Alt+P lands in the grid, ready for the arrow keys
        if self._stale:
            self.reload()

    def reload(self) -> None:
        database, actor, patient_id = self.database, self.actor, self.patient_id
        if database is None or actor is None or patient_id is None:
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.runner.run(
            lambda: photos.gallery(database, actor, patient_id),
            lambda found: self._loaded(generation, found),
            self._failed,
        )

    def _loaded(self, generation: int, found: list[PhotoSummary]) -> None:
        if generation != self._generation:
            return
        keep = {photo.id for photo in self.selected()}
        self.model.photos = found  # _filter rebuilds the rows
        self._fill_areas()
        self._filter()
        selection = self.view.selectionModel()
        for row, item in enumerate(self.model.rows):
            if not isinstance(item, str) and item.id in keep:
                selection.select(self.model.index(row), selection.SelectionFlag.Select)

    def _filter(self) -> None:
        self.model.set_filters(
            self.stage_filter.currentData(),
            self.angle_filter.currentData(),
            self.area_filter.currentData(),
        )
        if self.grouping.currentData() != self.model.grouping:
            self.model.set_grouping(self.grouping.currentData() or "date")
        self._after_load()

    def _after_load(self) -> None:
        self._show_status()
        self._update_actions()

    def _show_status(self) -> None:
        total, shown = len(self.model.photos), len(self.model.shown())
        if self.patient_id is None:
            text = ""
        elif not total:
            text = self.tr("No photos yet. Import them with Ctrl+I or drop files here.")
        elif shown == total:
            text = self.tr("%n photo(s)", "", total)
        else:
            text = self.tr("{shown} of {total} photos").format(shown=shown, total=total)
        self.status.setText(text)

    def selected(self) -> list[PhotoSummary]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedIndexes())
        return [item for row in rows if not isinstance(item := self.model.rows[row], str)]

    def _update_actions(self) -> None:
        count = len(self.selected())
        has_patient = self.patient_id is not None
        can_add = self.actor is not None and allowed(self.actor, Permission.ADD_PHOTOS)
        self.buttons["import"].setEnabled(has_patient and can_add)
        for name in ("tag", "hide"):
            self.buttons[name].setEnabled(can_add and count > 0)
        self.buttons["compare"].setEnabled(has_patient and count in (0, 2))

    def _say(self, text: str, error: bool = False) -> None:
        self.notice.setStyleSheet(ERROR_STYLE if error else "")
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _failed(self, exc: BaseException) -> None:
        headline, detail = describe(exc)
        self._say(f"{headline} {detail}", error=True)
        if isinstance(exc, ConflictError):
            self.reload()  # show what the other station saved

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    # --- actions --------------------------------------------------------------------------

    def tag_selected(self) -> None:
        chosen = self.selected()
        database, actor, patient_id = self.database, self.actor, self.patient_id
        if not chosen or database is None or actor is None or patient_id is None:
            return
        versions = {photo.id: photo.version for photo in chosen}  # what the user saw

        def ask(links: list[Entry]) -> None:
            dialog = TagsDialog(links, self, bulk=len(chosen))
            self.tags_dialog = dialog
            dialog.accepted.connect(lambda: self._retag(versions, dialog.value))
            dialog.open()

        self.runner.run(lambda: load_links(database, actor, patient_id), ask, self._failed)

    def _retag(self, versions: dict[uuid.UUID, int], changes: object) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None or not isinstance(changes, TagChanges):
            return
        done = self.tr("%n photo(s) tagged.", "", len(versions))
        self.runner.run(
            lambda: photos.retag(database, actor, versions, changes),
            lambda _r: (self._say(done), self._changed()),
            self._failed,
        )

    def hide_selected(self) -> None:
        chosen = self.selected()
        database, actor = self.database, self.actor
        if not chosen or database is None or actor is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Hide photos"),
            self.tr(
                "Why hide %n photo(s)? They stay in the record, out of the gallery.",
                "",
                len(chosen),
            ),
        )
        reason = reason.strip()
        if not ok or not reason:
            return

        def hide() -> None:
            for photo in chosen:
                photos.hide(database, actor, photo.id, photo.version, reason)

        hidden = self.tr("%n photo(s) hidden.", "", len(chosen))
        self.runner.run(hide, lambda _r: (self._say(hidden), self._changed()), self._failed)

    def compare(self) -> None:
        chosen = self.selected()
        if self.patient_id is None:
            return
        if not chosen:
            self.compare_requested.emit(None, None)
        elif len(chosen) == 2:
            older, newer = sorted(chosen, key=lambda photo: photo.taken_at)
            self.compare_requested.emit(older.id, newer.id)
        else:
            self._say(self.tr("Select two photos to compare, or none to pair them automatically."))

    def open_photo(self, index: QModelIndex) -> None:
        from desktop_app.ui.photo_viewer import PhotoViewer

        photo = index.data(Qt.ItemDataRole.UserRole)
        if not isinstance(photo, PhotoSummary) or self.database is None or self.actor is None:
            return
        shown = self.model.shown()
        self.viewer = PhotoViewer(
            self.runner, self.database, self.actor, shown, shown.index(photo), self
        )
        self.viewer.open()
