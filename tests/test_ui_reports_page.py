"""The Reports section holds the audit log viewer, for managers only (issue 10)."""

from __future__ import annotations

from desktop_app.station import StationSettings
from desktop_app.ui.tasks import SyncRunner
from desktop_app.ui.workspace import Workspace


def test_the_reports_section_shows_the_audit_log_to_managers_only(qtbot, database, manager, nurse):
    workspace = Workspace(StationSettings(), SyncRunner())
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.bind(database, manager)
    workspace.show_section(5)
    assert workspace.pages.currentWidget() is workspace.reports_page
    workspace.reports_page.show_report("audit_log")
    assert workspace.reports_page.audit.isVisible()
    assert workspace.reports_page.audit.model.rowCount() > 0  # the manager's own sign-up
    workspace.bind(database, nurse)
    assert not workspace.reports_page.audit.isVisible()
