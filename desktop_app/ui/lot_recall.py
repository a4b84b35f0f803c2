"""Lot recall: who received lot X, or product Y between two dates (one query, off the UI thread)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.errors import ValidationError
from desktop_app.services.intake import parse_date
from desktop_app.services.treatments import RecallHit, lot_recall
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.rows_model import RowsModel
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

_Index = QModelIndex | QPersistentModelIndex
_FIRST, _LAST = dt.date(2000, 1, 1), dt.date(2999, 12, 31)  # an open end of the range


class RecallModel(RowsModel):
    COLUMNS = (
        "record_no",
        "name",
        "mobile_masked",
        "treated_at",
        "item",
        "product",
        "lot_number",
        "quantity",
    )

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Record no."),
            self.tr("Name"),
            self.tr("Mobile"),
            self.tr("Treated"),
            self.tr("Item"),
            self.tr("Product"),
            self.tr("Lot"),
            self.tr("Quantity"),
        )

    def cell(self, hit: RecallHit, column: int) -> str:
        name = self.COLUMNS[column]
        if name == "treated_at":
            return hit.treated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if name == "quantity":
            return f"{hit.quantity} {hit.unit}"
        return str(getattr(hit, name))


class LotRecallDialog(QDialog):
    def __init__(
        self, runner: Runner, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lotRecallDialog")
        self.setWindowTitle(self.tr("Lot recall"))
        self.runner, self.database, self.actor = runner, database, actor
        self.lot = QLineEdit()
        self.lot.setObjectName("recallLot")
        self.product = QLineEdit()
        self.product.setObjectName("recallProduct")
        self.date_from = QLineEdit()
        self.date_from.setObjectName("recallFrom")
        self.date_to = QLineEdit()
        self.date_to.setObjectName("recallTo")
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        for edit in (self.lot, self.product, self.date_from, self.date_to):
            edit.returnPressed.connect(self.search)
        form = QFormLayout()
        form.addRow(self.tr("&Lot number"), self.lot)
        form.addRow(self.tr("or &product"), self.product)
        form.addRow(self.tr("&From"), self.date_from)
        form.addRow(self.tr("&To"), self.date_to)
        self.button = QPushButton(self.tr("Find patients"))
        self.button.setObjectName("recallButton")
        self.button.clicked.connect(self.search)
        self.status = QLabel()
        self.status.setObjectName("recallStatus")
        self.model = RecallModel(self)
        self.table = QTableView()
        self.table.setObjectName("recallResults")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.button)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.resize(900, 560)

    def search(self) -> None:
        self.status.setStyleSheet("")
        try:
            start = parse_date(self.date_from.text(), "date_from")
            end = parse_date(self.date_to.text(), "date_to")
        except ValidationError as exc:
            self._failed(exc)
            return
        between = (start or _FIRST, end or _LAST) if (start or end) else None
        lot, product = self.lot.text().strip() or None, self.product.text().strip() or None
        database, actor = self.database, self.actor
        self.status.setText(self.tr("Searching…"))
        self.runner.run(
            lambda: lot_recall(database, actor, lot, product=product, between=between),
            self._found,
            self._failed,
        )

    def _found(self, hits: list[RecallHit]) -> None:
        self.model.set_rows(hits)
        patients = len({hit.record_no for hit in hits})
        self.status.setText(self.tr("%n patient(s) received it.", "", patients))

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError):
            self.status.setText(validation_text(exc.code, exc.params, exc.message))
        else:
            self.status.setText(" ".join(describe(exc)))
