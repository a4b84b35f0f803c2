"""The Reports section, for managers: a list of reports on the left (those in
``report_specs.REPORTS``, and the audit log), the chosen one on the right.

A report is computed the first time it is shown after signing in (that opening is
audited by its service), then on Refresh; staff without the permission see a line saying
reports are for managers, and no report is ever computed for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.permissions import Permission, allowed
from desktop_app.ui.audit_viewer import AuditViewer
from desktop_app.ui.excel_export import AskPath, Tell, ask_save_path, tell_in_box
from desktop_app.ui.pages import ComingPage
from desktop_app.ui.report_action import Confirm, confirm_in_box
from desktop_app.ui.report_specs import REPORTS as SPECS
from desktop_app.ui.report_table import ReportSpec, words
from desktop_app.ui.report_view import ReportView
from desktop_app.ui.segments_view import SegmentsView
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

REPORTS = 5  # the section's row in the navigation
SEGMENTS = "segments"  # the saved segments' key in the list
AUDIT = "audit_log"  # the audit viewer's key in the list


class ReportsPage(ComingPage):
    open_record = Signal(object)  # a patient's uuid.UUID, from a report's drill-down

    def __init__(
        self,
        runner: Runner,
        specs: tuple[ReportSpec, ...] = SPECS,
        ask_path: AskPath = ask_save_path,
        tell: Tell = tell_in_box,
        confirm: Confirm = confirm_in_box,
    ) -> None:
        super().__init__(REPORTS)
        self.specs = specs
        self.views: dict[str, ReportView] = {}
        self.reports = QListWidget()
        self.reports.setObjectName("reportList")
        self.reports.setFixedWidth(170)
        self.reports.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        self.stack.setObjectName("reportStack")
        for spec in specs:
            view = ReportView(spec, runner, ask_path, tell, confirm)
            view.open_record.connect(self.open_record)
            self.views[spec.key] = view
            self._add(spec.key, view)
        self.segments = SegmentsView(runner, confirm)
        self.segments.open_record.connect(self.open_record)
        self._add(SEGMENTS, self.segments)
        self.audit = AuditViewer(runner)
        # In a holder of its own: the viewer shows or hides itself on bind, which would
        # otherwise show it over the stack's current report.
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.audit)
        self._add(AUDIT, holder)
        self.reports.currentRowChanged.connect(self._chosen)
        self.content = QWidget()
        self.content.setObjectName("reportsContent")
        row = QHBoxLayout(self.content)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reports)
        row.addWidget(self.stack, 1)
        layout = self.layout()
        layout.setContentsMargins(16, 12, 16, 12)
        layout.takeAt(layout.count() - 1)  # the page's closing stretch: the reports take it
        layout.addWidget(self.content, 1)
        self.actor: Actor | None = None
        self.reports.setCurrentRow(0)
        self.retranslate()

    def _add(self, key: str, widget: QWidget) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.reports.addItem(item)
        self.stack.addWidget(widget)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "reports"):
            return  # the base class's first call, before the list exists
        for spec in self.specs:
            self._item(spec.key).setText(words(spec.title))
        self._item(SEGMENTS).setText(self.tr("Saved segments"))
        self._item(AUDIT).setText(self.tr("Audit log"))
        if self.actor is not None and allowed(self.actor, Permission.VIEW_REPORTS):
            self.body.setText(
                self.tr(
                    "Choose a report: the channel funnel, funnel by month, staff, repurchase "
                    "by item or by channel, course completion, churn warning, RFM segments, "
                    "demographics or tags, or your saved segments. Pick a period and Refresh (F5); "
                    "double-click a number to see the patients behind it."
                )
            )
        else:
            self.body.setText(self.tr("Reports are for managers."))

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.actor = actor
        reports = actor is not None and allowed(actor, Permission.VIEW_REPORTS)
        audit = actor is not None and allowed(actor, Permission.VIEW_AUDIT)
        for view in self.views.values():  # no actor: nothing is ever computed for them
            view.bind(database, actor if reports else None)
        self.segments.bind(database, actor if reports else None)
        self.audit.bind(database, actor)
        for spec in self.specs:
            self._item(spec.key).setHidden(not reports)
        self._item(SEGMENTS).setHidden(not reports)
        self._item(AUDIT).setHidden(not audit)
        self.content.setVisible(reports or audit)
        first = next(
            (row for row in range(self.reports.count()) if not self.reports.item(row).isHidden()),
            -1,
        )
        if first >= 0:
            self.reports.setCurrentRow(first)
        self.retranslate()
        self._compute_shown()

    def _item(self, key: str) -> QListWidgetItem:
        return self.reports.item(self._row(key))

    def _row(self, key: str) -> int:
        keys = [
            self.reports.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.reports.count())
        ]
        return keys.index(key)

    def show_report(self, key: str) -> None:
        self.reports.setCurrentRow(self._row(key))

    def _chosen(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            self._compute_shown()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._compute_shown()

    def _compute_shown(self) -> None:
        """A report is computed when the manager looks at it, not at every sign-in."""
        view = self.stack.currentWidget()
        if isinstance(view, ReportView) and self.isVisible():
            view.ensure_computed()
