"""Saved segments in words: a segment's conditions as one line, and the list's model
(name, conditions, patients today) for the Reports page's segments view."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.services.segments import Conditions, SegmentSummary
from desktop_app.ui.rows_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex


def amount(value: Decimal) -> str:
    """¥5,000 or ¥5,000.50: whole yuan without the decimals."""
    whole = value == value.to_integral_value()
    return f"¥{value:,.0f}" if whole else f"¥{value:,.2f}"


def conditions_text(given: Conditions) -> str:
    """A segment's conditions as one line of words, in the order the editor asks them."""
    parts = []
    if given.all_tags:
        parts.append(
            QCoreApplication.translate("Segments", "tags {tags}").format(
                tags=" + ".join(given.all_tags)
            )
        )
    if given.any_tags:
        parts.append(
            QCoreApplication.translate("Segments", "any of {tags}").format(
                tags=" / ".join(given.any_tags)
            )
        )
    if given.sex == "F":
        parts.append(QCoreApplication.translate("Segments", "women"))
    elif given.sex == "M":
        parts.append(QCoreApplication.translate("Segments", "men"))
    if given.age_min is not None and given.age_max is not None:
        parts.append(
            QCoreApplication.translate("Segments", "aged {low}–{high}").format(
                low=given.age_min, high=given.age_max
            )
        )
    elif given.age_min is not None:
        parts.append(
            QCoreApplication.translate("Segments", "aged {low} or more").format(low=given.age_min)
        )
    elif given.age_max is not None:
        parts.append(
            QCoreApplication.translate("Segments", "aged {high} or less").format(high=given.age_max)
        )
    if given.channel:
        parts.append(
            QCoreApplication.translate("Segments", "from {channel}").format(channel=given.channel)
        )
    if given.bought_item:
        parts.append(
            QCoreApplication.translate("Segments", "bought {item}").format(item=given.bought_item)
        )
    if given.min_value is not None:
        parts.append(
            QCoreApplication.translate("Segments", "spent at least {amount}").format(
                amount=amount(given.min_value)
            )
        )
    if given.last_purchase_before_days is not None:
        days = given.last_purchase_before_days  # a name: lupdate drops an attribute count
        parts.append(
            QCoreApplication.translate("Segments", "no purchase in the last %n day(s)", "", days)
        )
    return QCoreApplication.translate("Segments", "; ").join(parts)


class SegmentsModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Segment"), self.tr("Conditions"), self.tr("Patients today"))

    def cell(self, row: SegmentSummary, column: int) -> Any:
        return (row.name, conditions_text(row.conditions), row.size)[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 2 and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)
