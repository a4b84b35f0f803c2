"""The face chart's scene: the diagram item, the marks, and the view that draws them.

Click the diagram to add an injection point; drag from an empty spot to mark a round area;
drag a mark to move it; Delete removes the selection. Marks keep their position as 0..1 of
the diagram, so the scene's size is the editor's business only.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
)

from desktop_app.models import ChartView, InjectionDepth, MarkKind
from desktop_app.services import face_charts
from desktop_app.services.face_charts import MarkDraft
from desktop_app.ui import face_diagram

if TYPE_CHECKING:
    from desktop_app.ui.face_chart import FaceChartEditor

W, H = 400.0, 500.0  # the scene's diagram, 4:5 like the design box
POINT_PX = 7.0
LotKey = tuple[str, str, str, dt.date]


def lot_key(product: str, brand: str, lot_number: str, expires_on: dt.date) -> LotKey:
    return (
        " ".join(product.split()),
        " ".join(brand.split()),
        lot_number.strip().upper(),
        expires_on,
    )


@dataclass
class EditMark:
    """A mark while it is being drawn and edited."""

    view: ChartView
    x: float
    y: float
    kind: MarkKind
    radius: float
    lot: LotKey | None
    quantity: str
    depth: InjectionDepth
    note: str = ""
    item: MarkItem | None = None

    @classmethod
    def of(cls, mark: MarkDraft) -> EditMark:
        key = lot_key(mark.product, mark.brand, mark.lot_number, mark.expires_on)
        return cls(
            mark.view,
            mark.x,
            mark.y,
            mark.kind,
            mark.radius,
            key,
            str(mark.quantity),
            mark.depth,
            mark.note,
        )

    def draft(self, unit: str) -> MarkDraft:
        product, brand, lot_number, expires_on = self.lot or ("", "", "", dt.date.min)
        return MarkDraft(
            self.view,
            self.x,
            self.y,
            product,
            brand,
            lot_number,
            expires_on,
            self.quantity,
            unit,
            self.depth,
            self.kind,
            self.radius,
            self.note,
        )


class FaceItem(QGraphicsItem):
    """The diagram of one view, under the marks."""

    def __init__(self, view: ChartView) -> None:
        super().__init__()
        self.view = view
        self.setZValue(-1)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, W, H)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _w: Any = None) -> None:
        face_diagram.paint_face(painter, self.boundingRect(), self.view)


class MarkItem(QGraphicsItem):
    """A point (a dot of constant size on screen) or an area (a circle on the diagram)."""

    def __init__(self, editor: FaceChartEditor, mark: EditMark) -> None:
        super().__init__()
        self.editor, self.mark = editor, mark
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, editor.editable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setFlag(
            QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations,
            mark.kind is MarkKind.POINT,
        )
        self.setCursor(
            Qt.CursorShape.SizeAllCursor if editor.editable else Qt.CursorShape.ArrowCursor
        )
        self.label = QGraphicsSimpleTextItem(self)
        self.label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.label.setBrush(QColor("#1f2933"))
        self.setPos(mark.x * W, mark.y * H)

    def radius(self) -> float:
        return POINT_PX if self.mark.kind is MarkKind.POINT else self.mark.radius * W

    def boundingRect(self) -> QRectF:
        r = self.radius() + 4
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _w: Any = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour, r = self.editor.colour(self.mark), self.radius()
        if self.mark.kind is MarkKind.AREA:
            fill = QColor(colour)
            fill.setAlpha(64)
            pen = QPen(colour, 2)
            pen.setCosmetic(True)
            if self.isSelected():
                pen = QPen(QColor("#1f2933"), 2, Qt.PenStyle.DashLine)
                pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawEllipse(QPointF(0, 0), r, r)
            return
        if self.isSelected():
            painter.setPen(QPen(QColor("#1f2933"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 2.5, r + 2.5)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(QPointF(0, 0), r, r)

    def refresh(self, number: int) -> None:
        self.label.setText(str(number))
        offset = POINT_PX + 2 if self.mark.kind is MarkKind.POINT else 0
        self.label.setPos(offset, -offset - 14 if offset else -8)
        self.update()

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            return QPointF(min(max(value.x(), 0.0), W), min(max(value.y(), 0.0), H))
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.mark.x, self.mark.y = round(value.x() / W, 4), round(value.y() / H, 4)
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.editor.selection_changed()
        return super().itemChange(change, value)


class DiagramView(QGraphicsView):
    """Click: a point; drag from an empty spot: an area; Delete: remove the selection."""

    def __init__(self, editor: FaceChartEditor) -> None:
        super().__init__()
        self.setObjectName("faceChartView")
        self.editor = editor
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor("white"))
        self.setMinimumSize(340, 420)
        self._press: QPointF | None = None
        self._preview: QGraphicsEllipseItem | None = None
        if editor.editable:
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def fit(self) -> None:
        self.fitInView(QRectF(-8, -8, W + 16, H + 16), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

    def mousePressEvent(self, event: Any) -> None:
        hit = self.itemAt(event.position().toPoint())
        on_mark = isinstance(hit, MarkItem) or isinstance(hit and hit.parentItem(), MarkItem)
        if on_mark or not self.editor.editable or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        at = self.mapToScene(event.position().toPoint())
        if QRectF(0, 0, W, H).contains(at):
            self._press = at
            event.accept()

    def _radius(self, event: Any) -> float:
        assert self._press is not None
        at = self.mapToScene(event.position().toPoint())
        distance = math.hypot(at.x() - self._press.x(), at.y() - self._press.y())
        return min(distance, face_charts.MAX_RADIUS * W)

    def mouseMoveEvent(self, event: Any) -> None:
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        radius = self._radius(event)
        if radius * self.transform().m11() < 10:  # a few pixels of jitter is still a click
            return
        if self._preview is None:
            self._preview = self.scene().addEllipse(
                QRectF(), QPen(QColor("#1f2933"), 0, Qt.PenStyle.DashLine)
            )
        self._preview.setRect(
            QRectF(self._press.x() - radius, self._press.y() - radius, 2 * radius, 2 * radius)
        )

    def mouseReleaseEvent(self, event: Any) -> None:
        if self._press is None:
            super().mouseReleaseEvent(event)
            return
        press, preview = self._press, self._preview
        self._press = self._preview = None
        x, y = press.x() / W, press.y() / H
        if preview is not None:
            self.scene().removeItem(preview)
            radius = max(preview.rect().width() / 2 / W, 0.02)
            self.editor.add_mark(x, y, MarkKind.AREA, radius)
        else:
            self.editor.add_mark(x, y, MarkKind.POINT, 0.0)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.editor.remove_selected()
            return
        super().keyPressEvent(event)
