"""The camera inbox's parts: the waiting files' model and tiles, and the tags form (what a
set of photos shows).

Kept apart from ui/camera_inbox.py so each stays a readable size; nothing here touches
the folder or the database.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_app.models import PhotoAngle, PhotoStage
from desktop_app.services.camera_inbox import InboxFile
from desktop_app.services.consultations import AREAS
from desktop_app.services.photos import PhotoTags
from desktop_app.ui.clinical_names import AREA_NAMES, word
from desktop_app.ui.photo_ghost import fitted
from desktop_app.ui.photo_grid import ANGLE_NAMES, STAGE_NAMES, photo_word

_Index = QModelIndex | QPersistentModelIndex
TILE = 150  # thumbnail long side on screen
MAX_AREA = 60


class TagsForm(QWidget):
    """Stage (follow-up day N), angle, area and notes for every photo of the set."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxTags")
        self.stage = QComboBox()
        self.stage.setObjectName("inboxStage")
        self.day = QSpinBox()
        self.day.setObjectName("inboxFollowUpDay")
        self.day.setRange(1, 3650)
        self.day.setValue(7)
        self.angle_box = QComboBox()
        self.angle_box.setObjectName("inboxAngle")
        self.area = QComboBox()
        self.area.setObjectName("inboxArea")
        self.area.setEditable(True)
        self.area.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.notes = QLineEdit()
        self.notes.setObjectName("inboxNotes")
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field in zip(
            self.labels, (self.stage, self.day, self.angle_box, self.area, self.notes), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self.angle_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.area.editTextChanged.connect(lambda _t: self.changed.emit())
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(
            self.labels,
            (
                QCoreApplication.translate("CameraInbox", "&Stage"),
                QCoreApplication.translate("CameraInbox", "Follow-up &day"),
                QCoreApplication.translate("CameraInbox", "An&gle"),
                QCoreApplication.translate("CameraInbox", "A&rea"),
                QCoreApplication.translate("CameraInbox", "&Notes"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.day.setPrefix(QCoreApplication.translate("CameraInbox", "day "))
        self.day.setSuffix(
            QCoreApplication.translate(
                "CameraInbox", " ", "after the follow-up day number: nothing in English"
            )
        )
        self._fill(self.stage, [(photo_word(STAGE_NAMES, s), s) for s in PhotoStage])
        self._fill(
            self.angle_box, [("—", None)] + [(photo_word(ANGLE_NAMES, a), a) for a in PhotoAngle]
        )
        typed = self.area.currentText() if self.area.currentIndex() < 0 else None
        self._fill(self.area, [("", "")] + [(word(AREA_NAMES, a), a) for a in AREAS])
        if typed:
            self.area.setEditText(typed)
        self._stage_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _stage_changed(self) -> None:
        self.day.setEnabled(self.stage.currentData() == PhotoStage.FOLLOW_UP)
        self.changed.emit()

    def angle(self) -> PhotoAngle | None:
        return self.angle_box.currentData()

    def area_value(self) -> str:
        """The list's code when a listed area is shown, else what was typed."""
        text = self.area.currentText().strip()
        index = self.area.findText(text)
        return str(self.area.itemData(index)) if index >= 0 else text

    def problem(self) -> str:
        if len(self.area_value()) > MAX_AREA:
            return QCoreApplication.translate("CameraInbox", "The area is at most 60 characters.")
        return ""

    def tags(self) -> PhotoTags:
        stage = self.stage.currentData() or PhotoStage.OTHER
        return PhotoTags(
            stage=stage,
            follow_up_day=self.day.value() if stage == PhotoStage.FOLLOW_UP else None,
            angle=self.angle(),
            area=self.area_value(),
            notes=self.notes.text().strip(),
        )


REFUSAL_ROLE = Qt.ItemDataRole.UserRole + 1
REFUSED_COLOUR = QColor("#8a1c1c")


class InboxModel(QAbstractListModel):
    """The waiting files, thumbnails as they arrive, and why a file was refused."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files: list[InboxFile] = []
        self.thumbs: dict[tuple[str, int, int], QPixmap] = {}
        self.refusals: dict[tuple[str, int, int], str] = {}
        self.placeholder = QPixmap(TILE * 3 // 4, TILE)  # while the thumbnail is made
        self.placeholder.fill(QColor("#e3e6ea"))

    def set_files(self, files: list[InboxFile]) -> None:
        if [f.key for f in files] == [f.key for f in self.files]:
            return
        self.beginResetModel()
        self.files = files
        keys = {f.key for f in files}
        self.thumbs = {k: v for k, v in self.thumbs.items() if k in keys}
        self.refusals = {k: v for k, v in self.refusals.items() if k in keys}
        self.endResetModel()

    def set_thumb(self, key: tuple[str, int, int], image: QImage | None) -> None:
        self.thumbs[key] = QPixmap.fromImage(image) if image is not None else self._no_preview()
        self._changed(key)

    def _no_preview(self) -> QPixmap:
        """Damaged, unfinished or not an image: assigning it will say which."""
        pixmap = QPixmap(self.placeholder.size())
        pixmap.fill(QColor("#f3dede"))
        painter = QPainter(pixmap)
        painter.setPen(REFUSED_COLOUR)
        painter.drawText(
            pixmap.rect(),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            QCoreApplication.translate("CameraInbox", "No preview"),
        )
        painter.end()
        return pixmap

    def refuse(self, name: str, reason: str) -> None:
        for item in self.files:
            if item.name == name:
                self.refusals[item.key] = reason
                self._changed(item.key)

    def _changed(self, key: tuple[str, int, int]) -> None:
        for row, item in enumerate(self.files):
            if item.key == key:
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.files)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.files[index.row()]
        refusal = self.refusals.get(item.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.name}\n{refusal or taken_time(item)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbs.get(item.key, self.placeholder)
        if role == Qt.ItemDataRole.ToolTipRole:
            taken = item.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            return f"{item.name} · {taken}" + (f"\n{refusal}" if refusal else "")
        if role == REFUSAL_ROLE:
            return refusal
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None


def taken_time(item: InboxFile) -> str:
    return item.taken_at.astimezone().strftime("%H:%M:%S")


class TileDelegate(QStyledItemDelegate):
    """A photo tile: the thumbnail whole (never tinted when chosen), its name, its time or
    why it was refused."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(TILE + 16, TILE + 16 + 2 * option.fontMetrics.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item: InboxFile | None = index.data(Qt.ItemDataRole.UserRole)
        if item is None:
            return
        painter.save()
        rect = option.rect.adjusted(2, 2, -2, -2)
        highlight = option.palette.color(QPalette.ColorRole.Highlight)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            wash = QColor(highlight)
            wash.setAlpha(45)
            painter.fillRect(rect, wash)
        box = QRect(rect.x() + (rect.width() - TILE) // 2, rect.y() + 6, TILE, TILE)
        pixmap: QPixmap = index.data(Qt.ItemDataRole.DecorationRole)
        shown = fitted(pixmap.size(), box)
        painter.drawPixmap(shown, pixmap)
        refusal = index.data(REFUSAL_ROLE)
        if refusal:
            painter.setPen(QPen(REFUSED_COLOUR, 2))
            painter.drawRect(shown.adjusted(1, 1, -1, -1))
        metrics = option.fontMetrics
        line = QRect(rect.x() + 4, box.bottom() + 4, rect.width() - 8, metrics.height())
        text = option.palette.color(QPalette.ColorRole.Text)
        painter.setPen(text)
        elide = Qt.TextElideMode.ElideMiddle
        centre = Qt.AlignmentFlag.AlignHCenter
        painter.drawText(line, centre, metrics.elidedText(item.name, elide, line.width()))
        painter.setPen(
            REFUSED_COLOUR if refusal else option.palette.color(QPalette.ColorRole.PlaceholderText)
        )
        second = refusal or taken_time(item)
        line.translate(0, metrics.height())
        painter.drawText(
            line, centre, metrics.elidedText(second, Qt.TextElideMode.ElideRight, line.width())
        )
        if selected:
            painter.setPen(QPen(highlight, 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()
