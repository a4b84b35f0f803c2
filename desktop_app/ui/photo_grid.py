"""The gallery's grid: its list model, the cell painter and the list view.

One list model over the gallery's summaries (no image bytes): filters and grouping are
applied in memory, so changing them costs no round trip and no extra audit row. Group
headers are rows of their own that the delegate makes as wide as the view, so the grid
stays one QListView in icon mode, never a widget per photo. Thumbnails are fetched only
for the cells being painted, a batch at a time on the Runner, decoded off the UI thread,
and kept as small pixmaps; a grey placeholder shows until they arrive.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.ui.photo_words import ANGLE_NAMES as ANGLE_NAMES  # re-exported: the inbox
from desktop_app.ui.photo_words import STAGE_NAMES as STAGE_NAMES
from desktop_app.ui.photo_words import caption, details, group_key
from desktop_app.ui.photo_words import photo_word as photo_word

if TYPE_CHECKING:
    from desktop_app.services.photos import PhotoSummary

_Index = QModelIndex | QPersistentModelIndex
HEADER_ROLE = Qt.ItemDataRole.UserRole + 1  # the group title, on header rows only
THUMB = 150  # the square a thumbnail is fitted into
CELL = QSize(THUMB + 36, THUMB + 50)
BATCH = 48  # thumbnails per round trip
CACHED = 600  # small pixmaps kept (≈40 MB at most)

GROUPINGS = ("date", "treatment", "none")
_ELIDE = Qt.TextElideMode.ElideRight


class PhotoGridModel(QAbstractListModel):
    """The rows the grid shows: the loaded photos filtered, with a header row per group."""

    failed = Signal(object)  # a batch of thumbnails could not be read: the exception

    def __init__(self, runner: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.photos: list[PhotoSummary] = []
        self.rows: list[PhotoSummary | str] = []  # a str is a group header
        self.stage: str | None = None
        self.angle: str | None = None
        self.area: str | None = None
        self.grouping = "date"
        self.fetch: Callable[[Sequence[uuid.UUID]], dict[uuid.UUID, bytes]] | None = None
        self.fetched = 0  # thumbnails asked for since the last patient (tests, benchmarks)
        self._pixmaps: OrderedDict[uuid.UUID, QPixmap] = OrderedDict()
        self._wanted: dict[uuid.UUID, None] = {}  # ordered set: most recently painted last
        self._in_flight: set[uuid.UUID] = set()
        self._row_of: dict[uuid.UUID, int] = {}
        self._generation = 0
        self._placeholder: QPixmap | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # after this paint: every cell it asked for in one batch
        self._timer.timeout.connect(self._fetch_batch)

    # --- what is shown --------------------------------------------------------------------

    def set_source(
        self, fetch: Callable[[Sequence[uuid.UUID]], dict[uuid.UUID, bytes]] | None
    ) -> None:
        """A new patient (or nobody): forget the old thumbnails and anything on its way."""
        self._generation += 1
        self.fetch = fetch
        self.fetched = 0
        self._pixmaps.clear()
        self._wanted.clear()
        self._in_flight.clear()
        self.set_photos([])

    def set_photos(self, photos: list[PhotoSummary]) -> None:
        self.photos = photos
        self._rebuild()

    def set_filters(self, stage: str | None, angle: str | None, area: str | None) -> None:
        self.stage, self.angle, self.area = stage, angle, area
        self._rebuild()

    def set_grouping(self, grouping: str) -> None:
        self.grouping = grouping
        self._rebuild()

    def areas(self) -> list[str]:
        return sorted({photo.area for photo in self.photos if photo.area})

    def shown(self) -> list[PhotoSummary]:
        return [row for row in self.rows if not isinstance(row, str)]

    def _rebuild(self) -> None:
        chosen = [
            photo
            for photo in self.photos
            if (self.stage is None or photo.stage == self.stage)
            and (self.angle is None or photo.angle == self.angle)
            and (self.area is None or photo.area == self.area)
        ]
        angles = list(ANGLE_NAMES)  # a set taken together reads front, left, right …
        chosen.sort(key=lambda photo: angles.index(photo.angle) if photo.angle else len(angles))
        chosen.sort(key=lambda photo: photo.taken_at, reverse=True)
        rows: list[PhotoSummary | str] = []
        if self.grouping == "none":
            rows = list(chosen)
        else:
            groups: dict[tuple[Any, str], list[PhotoSummary]] = {}
            for photo in chosen:  # newest first already: groups keep that order inside
                groups.setdefault(group_key(photo, self.grouping), []).append(photo)
            for (_key, title), members in sorted(groups.items(), reverse=True):
                if self.grouping == "treatment":
                    members.reverse()  # a treatment's story in order: before, after, follow-ups
                count = self.tr("%n photo(s)", "", len(members))
                rows.append(f"{title}  ·  {count}")
                rows += members
        self.beginResetModel()
        self.rows = rows
        self._row_of = {row.id: i for i, row in enumerate(rows) if not isinstance(row, str)}
        self.endResetModel()

    # --- the model ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self.rows[index.row()], str):
            return Qt.ItemFlag.NoItemFlags  # headers: not selectable, skipped by the keys
        return super().flags(index)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if isinstance(row, str):
            return row if role in (HEADER_ROLE, Qt.ItemDataRole.DisplayRole) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(caption(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((*caption(row), *details(row)))
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(row.id)
        return None

    # --- thumbnails -----------------------------------------------------------------------

    def has_thumbnail(self, photo_id: uuid.UUID) -> bool:
        return photo_id in self._pixmaps

    def placeholder(self) -> QPixmap:
        if self._placeholder is None:
            self._placeholder = QPixmap(THUMB, THUMB * 3 // 4)
            self._placeholder.fill(QColor("#e4e6e8"))
        return self._placeholder

    def thumbnail(self, photo_id: uuid.UUID) -> QPixmap:
        """The cached pixmap, or the placeholder and a request for it (painted → wanted)."""
        pixmap = self._pixmaps.get(photo_id)
        if pixmap is not None:
            self._pixmaps.move_to_end(photo_id)
            return pixmap
        if photo_id not in self._in_flight and self.fetch is not None:
            self._wanted.pop(photo_id, None)
            self._wanted[photo_id] = None
            while len(self._wanted) > 2 * BATCH:  # scrolled past: no longer about to show
                del self._wanted[next(iter(self._wanted))]
            if not self._timer.isActive():
                self._timer.start()
        return self.placeholder()

    def _fetch_batch(self) -> None:
        fetch = self.fetch
        if self._in_flight or not self._wanted or fetch is None:
            return  # one batch at a time; the next starts when this one arrives
        ids = list(self._wanted)[-BATCH:]  # the latest painted: what is on screen now
        for photo_id in ids:
            del self._wanted[photo_id]
        self._in_flight.update(ids)
        self.fetched += len(ids)
        generation = self._generation
        self.runner.run(
            lambda: fitted(fetch(ids)),
            lambda images: self._arrived(generation, ids, images),
            lambda exc: self._fetch_failed(generation, ids, exc),
        )

    def _fetch_failed(self, generation: int, ids: list[uuid.UUID], exc: BaseException) -> None:
        """Grey tiles, asked once; the owner says why (no data key on this computer …)."""
        self._arrived(generation, ids, {})
        if generation == self._generation:
            self.failed.emit(exc)

    def _arrived(
        self, generation: int, ids: list[uuid.UUID], images: dict[uuid.UUID, QImage]
    ) -> None:
        if generation != self._generation:
            return
        self._in_flight.difference_update(ids)
        for photo_id in ids:  # a photo without a thumbnail keeps a grey one, asked once
            image = images.get(photo_id)
            pixmap = QPixmap.fromImage(image) if image is not None else self.placeholder()
            self._pixmaps[photo_id] = pixmap
        while len(self._pixmaps) > CACHED:
            self._pixmaps.popitem(last=False)
        rows = sorted(self._row_of[i] for i in ids if i in self._row_of)
        if rows:
            roles = [Qt.ItemDataRole.DecorationRole]
            self.dataChanged.emit(self.index(rows[0]), self.index(rows[-1]), roles)
        if self._wanted:
            self._timer.start()


def fitted(blobs: dict[uuid.UUID, bytes], size: int = THUMB) -> dict[uuid.UUID, QImage]:
    """JPEG bytes → images fitted in a ``size`` square, on the worker thread (QImage is safe
    there); undecodable bytes are left out."""
    images: dict[uuid.UUID, QImage] = {}
    for photo_id, data in blobs.items():
        image = QImage.fromData(data)
        if not image.isNull():
            images[photo_id] = image.scaled(
                size,
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
    return images


class PhotoDelegate(QStyledItemDelegate):
    """A thumbnail with two caption lines; a header row as wide as the view."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        # Built once: a QFont made bold inside paint() crashed PySide6 6.12 at exit.
        self.plain = QFont(view.font())
        self.bold = QFont(view.font())
        self.bold.setBold(True)
        self.line_height = QFontMetrics(self.bold).height()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        if index.data(HEADER_ROLE):
            width = self.view.viewport().width() - 2 * self.view.spacing() - 2
            return QSize(max(width, CELL.width()), 34)
        return CELL

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect: QRect = option.rect  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        text_colour = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        painter.save()
        header = index.data(HEADER_ROLE)
        if header:  # drawn as enabled although the row is not selectable
            painter.setFont(self.bold)
            painter.setPen(text_colour)
            painter.drawText(rect.adjusted(4, 8, -4, 0), Qt.AlignmentFlag.AlignVCenter, header)
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(rect.left() + 4, rect.bottom(), rect.right() - 4, rect.bottom())
            painter.restore()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        highlight = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        if state & QStyle.StateFlag.State_Selected:
            fill = QColor(highlight)
            fill.setAlpha(60)
            painter.setBrush(fill)
            painter.setPen(highlight)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        box = QRect(rect.left() + (rect.width() - THUMB) // 2, rect.top() + 6, THUMB, THUMB)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            size = pixmap.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            # Bottom-aligned: the caption stays next to its picture, portrait or landscape.
            target = QRect(0, 0, size.width(), size.height())
            target.moveBottom(box.bottom())
            target.moveLeft(box.center().x() - size.width() // 2)
            painter.drawPixmap(target, pixmap)
        lines = str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")
        top = box.bottom() + 5
        for number, line in enumerate(lines[:2]):
            painter.setFont(self.bold if number == 0 else self.plain)
            colour = QColor(text_colour)
            colour.setAlpha(255 if number == 0 else 170)
            painter.setPen(colour)
            area = QRect(rect.left() + 4, top, rect.width() - 8, self.line_height)
            metrics = painter.fontMetrics()
            while " · " in line and metrics.horizontalAdvance(line) > area.width():
                line = line.rsplit(" · ", 1)[0]  # the date rather than "Right 4…"
            elided = metrics.elidedText(line, _ELIDE, area.width())
            painter.drawText(area, Qt.AlignmentFlag.AlignHCenter, elided)
            top += self.line_height + 1
        if state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(highlight)
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 6, 6)
        painter.restore()


class GalleryView(QListView):
    """The grid: icon mode, cells laid out in batches, files dropped on it to import."""

    files_dropped = Signal(list)  # [Path]

    def __init__(self, model: PhotoGridModel) -> None:
        super().__init__()
        self.setObjectName("photoGrid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(120)
        self.setSpacing(6)
        self.setWrapping(True)
        self.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no relayout
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(CELL.height() // 4)
        self.setDragEnabled(False)
        self.viewport().setAcceptDrops(True)  # drag events go to the viewport, not the view
        self.setDropIndicatorShown(False)
        self.setModel(model)
        self.setItemDelegate(PhotoDelegate(self))
        model.modelReset.connect(self._uniform)

    def _uniform(self) -> None:
        """Uniform cells make layout cheapest; headers need their own width, so only then."""
        model = self.model()
        self.setUniformItemSizes(isinstance(model, PhotoGridModel) and model.grouping == "none")

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if not self.uniformItemSizes():  # header rows follow the view's width
            self.scheduleDelayedItemsLayout()

    def moveCursor(self, action: QListView.CursorAction, modifiers: Any) -> QModelIndex:
        """The keys step over group headers (Home lands on the first photo, not a title)."""
        index = super().moveCursor(action, modifiers)
        rows = getattr(self.model(), "rows", [])
        if not index.isValid() or not isinstance(rows[index.row()], str):
            return index
        back = QListView.CursorAction
        step = -1 if action in (back.MoveUp, back.MoveLeft, back.MovePageUp) else 1
        row = index.row() + step
        while 0 <= row < len(rows) and isinstance(rows[row], str):
            row += step
        return self.model().index(row, 0) if 0 <= row < len(rows) else self.currentIndex()

    def _answer(self, event: Any) -> list[Path]:
        """Local files (not folders) accepted, anything else refused."""
        mime = event.mimeData()
        urls = mime.urls() if mime.hasUrls() else []
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        files = [path for path in paths if not path.is_dir()]
        if files:
            event.acceptProposedAction()
        else:
            event.ignore()
        return files

    def dragEnterEvent(self, event: Any) -> None:
        self._answer(event)

    def dragMoveEvent(self, event: Any) -> None:
        self._answer(event)

    def dropEvent(self, event: Any) -> None:
        files = self._answer(event)
        if files:
            self.files_dropped.emit(files)
