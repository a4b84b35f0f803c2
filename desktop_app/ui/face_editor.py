"""The face chart editor: the diagram (front, left and right profile; Ctrl+1/2/3 or the
tabs) beside a panel that edits the chosen mark's lot, quantity, depth and note, lists the
marks, and shows how much of each recorded lot the marks use.

Clicks and drags on the diagram are ``face_marks``' business; the editor keeps the marks,
their numbers and the selection in step across the three views, the list and the fields.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import ChartView, InjectionDepth, MarkKind
from desktop_app.services import face_charts
from desktop_app.services.errors import ValidationError
from desktop_app.services.face_charts import ChartLot, MarkDraft
from desktop_app.ui import face_diagram
from desktop_app.ui.face_marks import (
    DiagramView,
    EditMark,
    FaceItem,
    H,
    LotKey,
    MarkItem,
    W,
    lot_key,
)
from desktop_app.ui.face_pictures import depth_name, view_name


def parse_amount(text: str) -> Decimal:
    """A typed quantity, or 0 when it is not a positive number."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return Decimal(0)
    return value if value.is_finite() and value > 0 else Decimal(0)


class FaceChartEditor(QWidget):
    changed = Signal()

    def __init__(
        self,
        lots: Sequence[ChartLot],
        marks: Sequence[MarkDraft],
        editable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("faceChartEditor")
        self.lots = list(lots)
        self.keys = [lot_key(x.product, x.brand, x.lot_number, x.expires_on) for x in self.lots]
        self.editable = editable
        self.marks: list[EditMark] = []
        self._syncing = False
        self.scenes: dict[ChartView, QGraphicsScene] = {}
        for view in ChartView:
            scene = QGraphicsScene(QRectF(-8, -8, W + 16, H + 16), self)
            scene.addItem(FaceItem(view))
            scene.selectionChanged.connect(self.selection_changed)
            self.scenes[view] = scene
        self.current = ChartView.FRONT
        self.tabs = QTabBar()
        self.tabs.setObjectName("chartViews")
        for view in ChartView:
            self.tabs.addTab(view_name(view))
        self.tabs.currentChanged.connect(lambda i: self.show_view(list(ChartView)[i]))
        self.view = DiagramView(self)
        self.view.setScene(self.scenes[self.current])
        self.hint = QLabel(
            QCoreApplication.translate(
                "FaceChart",
                "Click to add a point, drag to mark an area, drag a mark to move it. "
                "Delete removes the chosen mark.",
            )
            if editable
            else QCoreApplication.translate("FaceChart", "This chart can be viewed only.")
        )
        self.hint.setObjectName("chartHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5d6877;")
        left = QVBoxLayout()
        left.addWidget(self.tabs)
        left.addWidget(self.view, 1)
        left.addWidget(self.hint)

        self.legend = QLabel()
        self.legend.setObjectName("lotLegend")
        self.legend.setWordWrap(True)
        self.mark_list = QListWidget()
        self.mark_list.setObjectName("markList")
        self.mark_list.itemSelectionChanged.connect(self._list_chosen)
        self.mark_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.mark_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.lot = QComboBox()
        self.lot.setObjectName("lotCombo")
        for index, chart_lot in enumerate(self.lots):
            self.lot.addItem(
                f"{chart_lot.product} · {chart_lot.lot_number}"
                + (f" ({chart_lot.brand})" if chart_lot.brand else ""),
                index,
            )
        self.lot.currentIndexChanged.connect(self._lot_chosen)
        self.quantity = QLineEdit()
        self.quantity.setObjectName("quantityEdit")
        self.quantity.setPlaceholderText(QCoreApplication.translate("FaceChart", "e.g. 0.1 or 4"))
        self.quantity.textEdited.connect(lambda text: self._edit(quantity=text.strip()))
        self.unit = QLabel()
        self.unit.setObjectName("unitLabel")
        amount = QHBoxLayout()
        amount.addWidget(self.quantity, 1)
        amount.addWidget(self.unit)
        self.depth = QComboBox()
        self.depth.setObjectName("depthCombo")
        for depth in InjectionDepth:
            self.depth.addItem(depth_name(depth), depth)
        self.depth.currentIndexChanged.connect(
            lambda _i: self._edit(depth=self.depth.currentData())
        )
        self.note = QLineEdit()
        self.note.setObjectName("noteEdit")
        self.note.setMaxLength(face_charts.MAX_NOTE)
        self.note.textEdited.connect(lambda text: self._edit(note=text))
        self.remove = QPushButton(QCoreApplication.translate("FaceChart", "&Remove mark"))
        self.remove.setObjectName("removeMarkButton")
        self.remove.setAutoDefault(False)
        self.remove.clicked.connect(self.remove_selected)
        fields = QFormLayout()
        fields.addRow(QCoreApplication.translate("FaceChart", "L&ot"), self.lot)
        caption = QLabel(QCoreApplication.translate("FaceChart", "&Quantity"))
        caption.setBuddy(self.quantity)
        fields.addRow(caption, amount)
        fields.addRow(QCoreApplication.translate("FaceChart", "De&pth"), self.depth)
        fields.addRow(QCoreApplication.translate("FaceChart", "&Note"), self.note)
        fields.addRow("", self.remove)
        panel = QVBoxLayout()
        lots_used = QCoreApplication.translate("FaceChart", "Lots used")
        panel.addWidget(QLabel("<b>" + lots_used + "</b>"))
        panel.addWidget(self.legend)
        panel.addWidget(QLabel("<b>" + QCoreApplication.translate("FaceChart", "Marks") + "</b>"))
        panel.addWidget(self.mark_list, 1)
        panel.addLayout(fields)
        side = QWidget()
        side.setLayout(panel)
        side.setFixedWidth(330)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addWidget(side)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.mark_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        for number, view in enumerate(ChartView, 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda v=view: self.show_view(v))
        for mark in marks:
            self._place(EditMark.of(mark))
        self._refresh()

    # --- what the marks look like ------------------------------------------------------------

    def colour(self, mark: EditMark) -> QColor:
        return self._lot_colour(mark.lot)

    def _lot_colour(self, key: LotKey | None) -> QColor:
        if key is not None and key in self.keys:
            palette = face_diagram.PALETTE
            return QColor(palette[self.keys.index(key) % len(palette)])
        return QColor(face_diagram.UNKNOWN)

    def _dot(self, mark: EditMark) -> QIcon:
        picture = QPixmap(12, 12)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour(mark))
        if mark.kind is MarkKind.AREA:
            painter.setOpacity(0.55)
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        return QIcon(picture)

    def unit_of(self, mark: EditMark) -> str:
        return self.lots[self.keys.index(mark.lot)].unit if mark.lot in self.keys else ""

    def _text(self, number: int, mark: EditMark) -> str:
        lot = mark.lot[2] if mark.lot else "?"
        amount = f"{mark.quantity} {self.unit_of(mark)}".strip() if mark.quantity else "—"
        area = QCoreApplication.translate("FaceChart", "area") if mark.kind is MarkKind.AREA else ""
        return " · ".join(
            filter(
                None,
                (
                    f"{number}",
                    view_name(mark.view),
                    lot,
                    amount,
                    depth_name(mark.depth),
                    area,
                    mark.note,
                ),
            )
        )

    def _refresh(self) -> None:
        """Numbers, the list, the tab counts and the lot totals, after any change."""
        self._syncing = True
        self.mark_list.clear()
        for number, mark in enumerate(self.marks, 1):
            assert mark.item is not None
            mark.item.refresh(number)
            self.mark_list.addItem(QListWidgetItem(self._dot(mark), self._text(number, mark)))
            if mark.item.isSelected():
                self.mark_list.item(number - 1).setSelected(True)
        for index, view in enumerate(ChartView):
            count = sum(m.view is view for m in self.marks)
            self.tabs.setTabText(
                index, f"{view_name(view)} ({count})" if count else view_name(view)
            )
        self._syncing = False
        self._legend()
        self._fields()

    def _legend(self) -> None:
        if not self.lots:
            self.legend.setText(
                QCoreApplication.translate(
                    "FaceChart",
                    "Record the products used first: each mark takes its lot from them.",
                )
            )
            return
        used = self.totals()
        lines = []
        for key, chart_lot in zip(self.keys, self.lots, strict=True):
            colour = self._lot_colour(key).name()
            marked = used.get(key, Decimal(0))
            over = marked > chart_lot.quantity
            amount = f"{marked:.2f} / {chart_lot.quantity:.2f} {chart_lot.unit}"
            style = " style='color:#c92a2a'" if over else ""
            lines.append(
                f"<span style='color:{colour}'>■</span> "
                f"{html.escape(chart_lot.product)} {html.escape(chart_lot.lot_number)}"
                f" — <span{style}>{amount}</span>"
            )
        self.legend.setText("<br>".join(lines))

    def totals(self) -> dict[LotKey, Decimal]:
        found: dict[LotKey, Decimal] = {}
        for mark in self.marks:
            if mark.lot is not None:
                found[mark.lot] = found.get(mark.lot, Decimal(0)) + parse_amount(mark.quantity)
        return found

    # --- changing the marks ------------------------------------------------------------------

    def _place(self, mark: EditMark) -> None:
        mark.item = MarkItem(self, mark)
        self.scenes[mark.view].addItem(mark.item)
        self.marks.append(mark)

    def add_mark(self, x: float, y: float, kind: MarkKind, radius: float) -> None:
        if not self.lots:
            self.hint.setText(
                QCoreApplication.translate(
                    "FaceChart",
                    "Record the products used first: each mark takes its lot from them.",
                )
            )
            return
        model = (self.selected() or self.marks[-1:] or [None])[0]
        lot = model.lot if model is not None and model.lot in self.keys else self.keys[0]
        unit = self.lots[self.keys.index(lot)].unit
        depth = (
            model.depth
            if model is not None
            else (
                InjectionDepth.INTRAMUSCULAR if unit.casefold() == "u" else InjectionDepth.SUBDERMAL
            )
        )
        mark = EditMark(
            self.current,
            round(min(max(x, 0), 1), 4),
            round(min(max(y, 0), 1), 4),
            kind,
            round(radius, 4),
            lot,
            model.quantity if model else "",
            depth,
        )
        self._place(mark)
        self._select(mark)
        self._refresh()
        self.changed.emit()
        if not mark.quantity:
            self.quantity.setFocus()

    def remove_selected(self) -> None:
        chosen = self.selected()
        if not chosen or not self.editable:
            return
        for mark in chosen:
            assert mark.item is not None
            self.scenes[mark.view].removeItem(mark.item)
            self.marks.remove(mark)
        self._refresh()
        self.changed.emit()

    def _edit(self, **values: Any) -> None:
        if self._syncing:
            return
        for mark in self.selected():
            for name, value in values.items():
                setattr(mark, name, value)
            assert mark.item is not None
            mark.item.update()
        for row, mark in enumerate(self.marks):
            self.mark_list.item(row).setText(self._text(row + 1, mark))
            self.mark_list.item(row).setIcon(self._dot(mark))
        self._legend()
        self.unit.setText(self.unit_of(self.selected()[0]) if self.selected() else "")
        self.changed.emit()

    def _lot_chosen(self, index: int) -> None:
        if index >= 0 and not self._syncing:
            self._edit(lot=self.keys[self.lot.itemData(index)])

    # --- selection ---------------------------------------------------------------------------

    def selected(self) -> list[EditMark]:
        return [m for m in self.marks if m.item is not None and m.item.isSelected()]

    def _select(self, mark: EditMark) -> None:
        self._syncing = True
        for scene in self.scenes.values():
            scene.clearSelection()
        self._syncing = False
        self.show_view(mark.view)
        assert mark.item is not None
        mark.item.setSelected(True)

    def select_mark(self, number: int) -> None:
        """Show and choose mark ``number`` (from 1), e.g. the one an error names."""
        if 1 <= number <= len(self.marks):
            self._select(self.marks[number - 1])

    def selection_changed(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        chosen = self.selected()
        for row, mark in enumerate(self.marks[: self.mark_list.count()]):
            self.mark_list.item(row).setSelected(mark in chosen)
        self._syncing = False
        self._fields()

    def _list_chosen(self) -> None:
        if self._syncing:
            return
        rows = [index.row() for index in self.mark_list.selectedIndexes()]
        if rows:
            self._select(self.marks[rows[0]])

    def _fields(self) -> None:
        chosen = self.selected()
        mark = chosen[0] if chosen else None
        for widget in (self.lot, self.quantity, self.depth, self.note, self.remove):
            widget.setEnabled(mark is not None and self.editable)
        self._syncing = True
        self.lot.setCurrentIndex(
            self.keys.index(mark.lot) if mark and mark.lot in self.keys else -1
        )
        self.quantity.setText(mark.quantity if mark else "")
        self.unit.setText(self.unit_of(mark) if mark else "")
        self.depth.setCurrentIndex(self.depth.findData(mark.depth) if mark else -1)
        self.note.setText(mark.note if mark else "")
        self._syncing = False

    def show_view(self, view: ChartView) -> None:
        self.current = view
        index = list(ChartView).index(view)
        if self.tabs.currentIndex() != index:
            self.tabs.setCurrentIndex(index)
        self.view.setScene(self.scenes[view])
        self.view.fit()

    # --- the result --------------------------------------------------------------------------

    def drafts(self) -> list[MarkDraft]:
        return [mark.draft(self.unit_of(mark)) for mark in self.marks]

    def check(self) -> list[MarkDraft]:
        """The service's own checks on each mark, then the lots (as save would refuse them)."""
        drafts = face_charts.check_marks(self.drafts())
        used: dict[LotKey, Decimal] = {}
        for number, mark in enumerate(self.marks, 1):
            if mark.lot not in self.keys:
                raise ValidationError(
                    "marks",
                    "lot_not_recorded",
                    "Lot not recorded.",
                    mark=number,
                    lot=mark.lot[2] if mark.lot else "?",
                )
            used[mark.lot] = used.get(mark.lot, Decimal(0)) + parse_amount(mark.quantity)
            chart_lot = self.lots[self.keys.index(mark.lot)]
            if used[mark.lot] > chart_lot.quantity:
                raise ValidationError(
                    "marks",
                    "more_than_recorded",
                    "More than recorded.",
                    mark=number,
                    lot=chart_lot.lot_number,
                    unit=chart_lot.unit,
                    marked=str(used[mark.lot]),
                    recorded=str(chart_lot.quantity),
                )
        return drafts
