"""The Reports section: what the manager's reports will be (issue 12 builds them), and
today the audit log viewer — who saw and changed what, for managers only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.ui.audit_viewer import AuditViewer
from desktop_app.ui.pages import ComingPage
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

REPORTS = 5  # the section's row in the navigation


class ReportsPage(ComingPage):
    def __init__(self, runner: Runner) -> None:
        super().__init__(REPORTS)
        self.audit = AuditViewer(runner)
        layout = self.layout()
        layout.takeAt(layout.count() - 1)  # the page's closing stretch: the log takes it
        layout.addWidget(self.audit, 1)

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.audit.bind(database, actor)
