"""Before/after comparison: two photos side by side or under a slider, zoomed and panned as one.

Both views read one ``ViewState`` (zoom relative to "fit", and the point shown at the
centre in image fractions), so a wheel turn or a drag on either moves both and they always
show the same part of the face at the same relative size, even if the two photos differ
in resolution. Photos load on the Runner; only drawing happens on the UI thread.
"""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QStandardPaths, Qt
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from desktop_app.services import photos
from desktop_app.services.photo_export import ExportedPair, PairLabels, export_pair
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.photo_compare_view import (
    OverlayCanvas,
    PhotoCanvas,
    ViewState,
    title_text,
    when_text,
)
from desktop_app.ui.photo_grid import fitted
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.services.photos import PhotoSummary

ICON_SIZE = 40


class ComparisonDialog(QDialog):
    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        patient_id: uuid.UUID,
        first_id: uuid.UUID | None = None,
        second_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonDialog")
        self.setWindowTitle(self.tr("Compare photos"))
        self.runner, self.database, self.actor = runner, database, actor
        self.patient_id = patient_id
        self.photos: dict[uuid.UUID, PhotoSummary] = {}
        self.icons: dict[uuid.UUID, QIcon] = {}
        self.selected: list[uuid.UUID | None] = [None, None]
        self.images: list[QImage | None] = [None, None]
        self._loading: list[uuid.UUID | None] = [None, None]  # newest request per side wins
        self.state = ViewState(self)
        self.state.changed.connect(self._show_zoom)

        self.pickers = [QComboBox(), QComboBox()]
        self.views = [PhotoCanvas(self.state), PhotoCanvas(self.state)]
        self.captions = [QLabel(), QLabel()]
        for side, name in enumerate(("First", "Second")):
            self.pickers[side].setObjectName(f"compare{name}Picker")
            self.pickers[side].setMinimumContentsLength(24)
            self.pickers[side].setIconSize(QSize(ICON_SIZE // 2, ICON_SIZE // 2))
            self.pickers[side].setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.pickers[side].activated.connect(lambda _i, s=side: self._picked(s))
            self.views[side].setObjectName(f"compare{name}View")
            self.captions[side].setObjectName(f"compare{name}Caption")
            self.captions[side].setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.captions[side].setTextFormat(Qt.TextFormat.RichText)
        self.overlay = OverlayCanvas(self.state)
        self.overlay.setObjectName("compareOverlayView")
        side_by_side = QWidget()
        row = QHBoxLayout(side_by_side)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for view in self.views:
            row.addWidget(view, 1)
        self.stack = QStackedWidget()
        self.stack.setObjectName("compareStack")
        self.stack.addWidget(side_by_side)
        self.stack.addWidget(self.overlay)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.side_button = _button(self.tr("Si&de by side"), "compareSideBySide")
        self.slider_button = _button(
            self.tr("S&lider"),
            "compareSlider",
            self.tr("One photo over the other; drag the line or use ←/→"),
        )
        self.modes = QButtonGroup(self)
        for index, button in enumerate((self.side_button, self.slider_button)):
            button.setCheckable(True)
            self.modes.addButton(button, index)
        self.side_button.setChecked(True)
        self.modes.idClicked.connect(self.set_mode)
        self.zoom_out = _button("−", "compareZoomOut", self.tr("Zoom out (-)"))
        self.zoom_in = _button("+", "compareZoomIn", self.tr("Zoom in (+)"))
        for button in (self.zoom_out, self.zoom_in):
            button.setFixedWidth(button.sizeHint().height() + 8)
        self.fit = _button(self.tr("&Fit"), "compareFit", self.tr("Whole photos (0)"))
        self.zoom_level = QLabel()
        self.zoom_level.setObjectName("compareZoomLevel")
        self.zoom_level.setMinimumWidth(44)
        self.zoom_level.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_level.setToolTip(self.tr("Relative to the whole photo"))
        self.zoom_in.clicked.connect(lambda: self.state.zoom_by(1.25))
        self.zoom_out.clicked.connect(lambda: self.state.zoom_by(0.8))
        self.fit.clicked.connect(self.state.reset)
        self.export_button = _button(self.tr("&Export…"), "compareExport")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        self.close_button = _button(self.tr("Close"), "compareClose")
        self.close_button.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setObjectName("compareStatus")
        self.status.setWordWrap(True)
        for keys, slot in (
            (("+", "=", QKeySequence.StandardKey.ZoomIn), lambda: self.state.zoom_by(1.25)),
            (("-", QKeySequence.StandardKey.ZoomOut), lambda: self.state.zoom_by(0.8)),
            (("0",), self.state.reset),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)

        tools = QHBoxLayout()
        for widget in (self.side_button, self.slider_button):
            tools.addWidget(widget)
        tools.addSpacing(16)
        for widget in (self.zoom_out, self.zoom_level, self.zoom_in, self.fit):
            tools.addWidget(widget)
        tools.addWidget(self.status, 1)
        tools.addWidget(self.export_button)
        tools.addWidget(self.close_button)
        grid = QGridLayout(self)
        grid.addWidget(self.pickers[0], 0, 0)
        grid.addWidget(self.pickers[1], 0, 1)
        grid.addWidget(self.stack, 1, 0, 1, 2)
        grid.addWidget(self.captions[0], 2, 0)
        grid.addWidget(self.captions[1], 2, 1)
        grid.addLayout(tools, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        self.resize(1200, 820)
        self._show_zoom()
        self._set_message(self.tr("Loading…"))
        database_, actor_ = database, actor
        self.runner.run(
            lambda: _opening(database_, actor_, patient_id, first_id, second_id),
            self._opened,
            self._failed,
        )

    # --- choosing the photos -------------------------------------------------------------

    def _opened(self, opening: _Opening) -> None:
        gallery, chosen = opening.gallery, opening.chosen
        self.photos = {photo.id: photo for photo in gallery}
        if not any(chosen):
            self._set_message(self.tr("This patient has no photos to compare yet."))
        elif not all(chosen):
            self.status.setText(self.tr("Only one photo: choose another to compare it with."))
        elif opening.unpaired:
            self.status.setText(
                self.tr("No before/after pair of one angle: showing the oldest and newest.")
            )
        for side in (0, 1):
            self._select(side, chosen[side])
        ids = [photo.id for photo in gallery if not photo.hidden]
        database, actor = self.database, self.actor
        self.runner.run(lambda: _icons(database, actor, ids), self._iconed, lambda _e: None)

    def _iconed(self, icons: dict[uuid.UUID, QImage]) -> None:
        self.icons = {key: QIcon(QPixmap.fromImage(image)) for key, image in icons.items()}
        for side in (0, 1):
            self._fill_picker(side)

    def _picked(self, side: int) -> None:
        photo_id = self.pickers[side].currentData()
        if photo_id is not None and photo_id != self.selected[side]:
            self.status.clear()
            self._select(side, photo_id)

    def _select(self, side: int, photo_id: uuid.UUID | None) -> None:
        """Show ``photo_id`` on one side; the other picker reorders to put its angle first."""
        self.selected[side] = photo_id
        self.images[side] = None
        self._update_captions()
        self._fill_picker(side)
        self._fill_picker(1 - side)
        self._show_images()
        self.export_button.setEnabled(False)
        if photo_id is None:
            return
        self._loading[side] = photo_id
        database, actor = self.database, self.actor
        self.runner.run(
            lambda: _decoded(photos.image(database, actor, photo_id)),
            lambda image: self._loaded(side, photo_id, image),
            lambda exc: self._not_loaded(side, photo_id, exc),
        )

    def _loaded(self, side: int, photo_id: uuid.UUID, image: QImage) -> None:
        if self._loading[side] != photo_id:
            return  # the user chose another photo meanwhile
        self.images[side] = image
        self._show_images()
        self.export_button.setEnabled(all(self.images))

    def _not_loaded(self, side: int, photo_id: uuid.UUID, exc: BaseException) -> None:
        if self._loading[side] == photo_id:
            self.views[side].set_message(describe(exc)[0])
            self._failed(exc)

    def _fill_picker(self, side: int) -> None:
        """Every visible photo, those of the other side's angle first, oldest first."""
        picker, other = self.pickers[side], self.selected[1 - side]
        angle = self.photos[other].angle if other in self.photos else None
        shown = [
            photo
            for photo in self.photos.values()
            if not photo.hidden or photo.id == self.selected[side]
        ]
        shown.sort(key=lambda photo: (photo.angle != angle, photo.taken_at))
        current = -1
        picker.blockSignals(True)
        picker.clear()
        for index, photo in enumerate(shown):
            if index and photo.angle != angle and shown[index - 1].angle == angle:
                picker.insertSeparator(picker.count())
            if photo.id == self.selected[side]:
                current = picker.count()
            text = f"{title_text(photo)} · {photo.taken_at.astimezone():%Y-%m-%d}"
            picker.addItem(self.icons.get(photo.id, QIcon()), text, photo.id)
        picker.setCurrentIndex(current)  # (findData cannot compare UUIDs)
        picker.blockSignals(False)

    # --- showing them --------------------------------------------------------------------

    def set_mode(self, mode: int) -> None:
        """0: side by side; 1: slider overlay (keyboard focus goes to the slider)."""
        self.modes.button(mode).setChecked(True)
        self.stack.setCurrentIndex(mode)
        if mode == 1:
            self.overlay.setFocus()

    def _show_images(self) -> None:
        summaries = [self.summary(side) for side in (0, 1)]
        for side, view in enumerate(self.views):
            view.set_image(self.images[side])
            if summaries[side] is not None and self.images[side] is None:
                view.set_message(self.tr("Loading…"))
        self.overlay.set_images(self.images[0], self.images[1])
        self.overlay.set_labels(*(title_text(s) if s else "" for s in summaries))

    def _set_message(self, text: str) -> None:
        for view in (*self.views, self.overlay):
            view.set_message(text)

    def _update_captions(self) -> None:
        for side, caption in enumerate(self.captions):
            lines = [html.escape(line) for line in self.caption_lines(side)]
            caption.setText(f"<b>{lines[0]}</b><br>{lines[1]}" if lines else "")

    def caption_lines(self, side: int) -> tuple[str, ...]:
        """Under each photo (and in the export): what it shows, then when."""
        photo, other = self.summary(side), self.summary(1 - side)
        if photo is None:
            return ()
        return title_text(photo), when_text(photo, other.treated_at if other else None)

    def summary(self, side: int) -> PhotoSummary | None:
        key = self.selected[side]
        return None if key is None else self.photos.get(key)

    def _show_zoom(self) -> None:
        self.zoom_level.setText(f"{self.state.zoom * 100:.0f}%")

    # --- export --------------------------------------------------------------------------

    def export(self) -> None:
        first, second = self.selected
        if first is None or second is None:
            return
        dates = [self.photos[key].taken_at.astimezone() for key in (first, second)]
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        name = f"compare-{dates[0]:%Y%m%d}-{dates[1]:%Y%m%d}.jpg"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the pair"),
            f"{folder}/{name}" if folder else name,
            self.tr("JPEG image (*.jpg)"),
        )
        if not path:
            return
        labels = PairLabels(self.caption_lines(0), self.caption_lines(1))
        database, actor = self.database, self.actor
        self.export_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Exporting…"))
        self.runner.run(
            lambda: _export_to(database, actor, first, second, labels, path),
            lambda pair: self._exported(pair, path),
            self._failed,
        )

    def _exported(self, pair: ExportedPair, path: str) -> None:
        self.export_button.setEnabled(True)
        if pair.internal:
            self.status.setText(
                self.tr(
                    "Saved as internal (watermarked, no clinic name): the patient has not "
                    "consented to marketing use. {path}"
                ).format(path=path)
            )
        else:
            self.status.setText(self.tr("Saved: {path}").format(path=path))

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(all(self.images))
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(" ".join(describe(exc)))


def _button(text: str, name: str, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAutoDefault(False)  # Enter in the dialog is not "switch mode" or "zoom"
    return button


@dataclass(frozen=True)
class _Opening:
    gallery: list[PhotoSummary]
    chosen: tuple[uuid.UUID | None, uuid.UUID | None]
    unpaired: bool = False  # auto-pairing found no before/after of one angle


def _opening(
    database: Database,
    actor: Actor,
    patient_id: uuid.UUID,
    first_id: uuid.UUID | None,
    second_id: uuid.UUID | None,
) -> _Opening:
    """The patient's photos and the two to show first (on the Runner)."""
    gallery = photos.gallery(database, actor, patient_id, include_hidden=True)
    visible = sorted((p for p in gallery if not p.hidden), key=lambda photo: photo.taken_at)
    if first_id is None and second_id is None:
        pair = photos.auto_pair(database, actor, patient_id)
        if pair is not None:
            return _Opening(gallery, (pair[0].id, pair[1].id))
        if not visible:
            return _Opening(gallery, (None, None))
        newest = visible[-1].id if len(visible) > 1 else None
        return _Opening(gallery, (visible[0].id, newest), unpaired=newest is not None)
    if first_id is None or second_id is None:
        given = first_id or second_id
        angle = next((p.angle for p in gallery if p.id == given), None)
        others = [p for p in visible if p.id != given]
        others.sort(key=lambda photo: (photo.angle == angle, photo.taken_at))
        other = others[-1].id if others else None  # the newest of the same angle
        return _Opening(gallery, (given, other) if first_id else (other, given))
    return _Opening(gallery, (first_id, second_id))


def _decoded(rendition: Any) -> QImage:
    """Decoded on the worker thread (QImage, unlike QPixmap, may be made off the UI thread)."""
    image = QImage.fromData(rendition.data)
    if image.isNull():
        raise ValueError("The stored photo could not be decoded.")
    return image


def _icons(database: Database, actor: Actor, ids: list[uuid.UUID]) -> dict[uuid.UUID, QImage]:
    return fitted(photos.thumbnails(database, actor, ids), ICON_SIZE)


def _export_to(
    database: Database,
    actor: Actor,
    first: uuid.UUID,
    second: uuid.UUID,
    labels: PairLabels,
    path: str,
) -> ExportedPair:
    pair = export_pair(database, actor, first, second, labels)
    with open(path, "wb") as out:
        out.write(pair.rendition.data)
    return pair
