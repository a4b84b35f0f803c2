"""The import wizard's preview: the file's first rows under its header, and above each
column a choice of the field it holds (or "ignore").

A field goes to one column only: choosing it for a second column sets the first back to
"ignore", so the mapping the table gives is always one check_mapping can accept but for
a missing name. Ignored columns are greyed, so what will not come in is seen at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableWidget, QTableWidgetItem

from desktop_app.services.import_reading import COLUMN_ALIASES
from desktop_app.services.patient_import import Preview
from desktop_app.ui.import_words import column_label

IGNORED = QColor("#9aa0a6")
HEADER_BACKGROUND = QColor("#eef1f5")


class MappingTable(QTableWidget):
    """Row 0: the field chosen for each column; row 1: the file's header; then its rows."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importMappingTable")
        self.combos: list[QComboBox] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setTabKeyNavigation(False)  # Tab goes through the choices, not every cell
        self.horizontalHeader().setVisible(False)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignRight)
        self.setWordWrap(False)

    def set_preview(self, preview: Preview) -> None:
        self.clear()
        self.combos = []
        width = max(len(preview.headers), 1)
        self.setColumnCount(width)
        self.setRowCount(2 + len(preview.rows))
        numbers = ["", str(preview.mapping.header_row)] + [str(n) for n, _ in preview.rows]
        self.setVerticalHeaderLabels(numbers)
        field_of = {index: name for name, index in preview.mapping.columns.items()}
        bold = QFont(self.font())
        bold.setBold(True)
        for column in range(width):
            combo = QComboBox()
            combo.setObjectName(f"importField{column}")
            combo.addItem("", None)
            for name in COLUMN_ALIASES:
                combo.addItem("", name)
            combo.setCurrentIndex(max(combo.findData(field_of.get(column)), 0))
            combo.currentIndexChanged.connect(lambda _i, c=column: self._chosen(c))
            self.setCellWidget(0, column, combo)
            self.combos.append(combo)
            title = preview.headers[column] if column < len(preview.headers) else ""
            item = QTableWidgetItem(title)
            item.setFont(bold)
            item.setBackground(QBrush(HEADER_BACKGROUND))
            self.setItem(1, column, item)
        for row, (_number, cells) in enumerate(preview.rows, start=2):
            for column in range(width):
                text = cells[column] if column < len(cells) else ""
                self.setItem(row, column, QTableWidgetItem(text))
        self.retranslate()
        self.resizeColumnsToContents()
        for column in range(width):
            wanted = max(self.columnWidth(column), self.combos[column].sizeHint().width())
            self.setColumnWidth(column, min(wanted, 260))
        self.setRowHeight(0, self.combos[0].sizeHint().height() + 4)
        self._grey()

    def retranslate(self) -> None:
        for combo in self.combos:
            combo.setItemText(0, self.tr("(ignore)"))
            for index in range(1, combo.count()):
                combo.setItemText(index, column_label(combo.itemData(index)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def columns(self) -> dict[str, int]:
        """{field: column index} as chosen now."""
        return {
            combo.currentData(): column
            for column, combo in enumerate(self.combos)
            if combo.currentData() is not None
        }

    def choose(self, column: int, field: str | None) -> None:
        """Set a column's field as the user would (scripts and tests)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(field), 0))

    def _chosen(self, column: int) -> None:
        field = self.combos[column].currentData()
        for other, combo in enumerate(self.combos):
            if other != column and field is not None and combo.currentData() == field:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        self._grey()
        self.changed.emit()

    def _grey(self) -> None:
        for column, combo in enumerate(self.combos):
            ignored = combo.currentData() is None
            for row in range(1, self.rowCount()):
                item = self.item(row, column)
                if item is not None:
                    item.setForeground(QBrush(IGNORED) if ignored else QBrush())
                    if row > 1:
                        item.setToolTip(self.tr("Not imported") if ignored else "")
