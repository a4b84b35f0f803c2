"""The import wizard's columns page: the file's first rows under its header, above each
column a choice of the field it holds (or "ignore"), what the prefill came from, and the
two choices the import takes (remember the mapping, fill a registered patient's blanks).

A field goes to one column only: choosing it for a second column sets the first back to
"ignore", so the mapping the table gives is always one check_mapping can accept but for
a missing name. Ignored columns are greyed, so what will not come in is seen at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.import_reading import COLUMN_ALIASES
from desktop_app.services.patient_import import ColumnMapping, Preview
from desktop_app.ui.forms import ERROR_STYLE
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
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
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
        self.retranslate()  # and fits the columns
        self.setRowHeight(0, self.combos[0].sizeHint().height() + 4)
        self._grey()

    def retranslate(self) -> None:
        for combo in self.combos:
            combo.setItemText(0, self.tr("(ignore)"))
            for index in range(1, combo.count()):
                combo.setItemText(index, column_label(combo.itemData(index)))
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column wide enough for its cells and for any field's name in its choice."""
        if not self.combos:
            return
        metrics = self.combos[0].fontMetrics()
        names = [self.combos[0].itemText(i) for i in range(self.combos[0].count())]
        choice = max(metrics.horizontalAdvance(name) for name in names) + 44  # arrow, frame
        self.resizeColumnsToContents()
        for column in range(self.columnCount()):
            self.setColumnWidth(column, min(max(self.columnWidth(column), choice), 260))

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


class MappingPage(QWidget):
    """The table, a note on where its prefill came from, an error line and the options."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importMappingPage")
        self.preview: Preview | None = None
        self.note = QLabel()
        self.note.setObjectName("importMappingNote")
        self.note.setWordWrap(True)
        self.table = MappingTable()
        self.error = QLabel()
        self.error.setObjectName("importMappingError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.table.changed.connect(self.error.hide)
        self.remember = QCheckBox()
        self.remember.setObjectName("rememberMapping")
        self.merge_empty = QCheckBox()
        self.merge_empty.setObjectName("mergeEmpty")
        column = QVBoxLayout(self)
        column.addWidget(self.note)
        column.addWidget(self.table, 1)
        column.addWidget(self.error)
        column.addWidget(self.remember)
        column.addWidget(self.merge_empty)
        self.retranslate()

    def retranslate(self) -> None:
        self.remember.setText(self.tr("&Remember this mapping for files like this"))
        self.merge_empty.setText(
            self.tr("If the patient is already registered, &fill in their empty fields")
        )
        self._show_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.table.set_preview(preview)
        self.remember.setChecked(False)
        self.error.hide()
        self._show_note()

    def mapping(self) -> ColumnMapping:
        assert self.preview is not None
        return ColumnMapping(self.preview.mapping.header_row, self.table.columns())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.table.setFocus()

    def _show_note(self) -> None:
        preview = self.preview
        if preview is None:
            self.note.clear()
            return
        if preview.saved:
            text = self.tr(
                "The columns are mapped as saved for files like this one. Correct any that "
                "are wrong."
            )
        elif preview.found:
            text = self.tr(
                "The columns were matched by their titles (row {row}). Check each one and "
                "correct any that are wrong; grey columns are not imported."
            )
        else:
            text = self.tr(
                "No column title was recognised: choose above each column what it holds. "
                "Row {row} is taken as the titles."
            )
        self.note.setText(text.format(row=preview.mapping.header_row))
