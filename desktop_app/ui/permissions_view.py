"""Settings › Permissions: the permission matrix, read-only, drawn from
``permissions.MATRIX`` itself so what it shows is what every service call checks.

Also home of the translated names of roles and permissions that the staff box uses.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.models import Role
from desktop_app.services.permissions import MATRIX, Permission
from desktop_app.ui.settings_box import SettingsBox

ALLOWED_MARK = "✓"

ROLE_TITLES = {
    Role.RECEPTIONIST: QT_TRANSLATE_NOOP("Permissions", "Receptionist"),
    Role.CONSULTANT: QT_TRANSLATE_NOOP("Permissions", "Consultant"),
    Role.DOCTOR: QT_TRANSLATE_NOOP("Permissions", "Doctor"),
    Role.NURSE: QT_TRANSLATE_NOOP("Permissions", "Nurse"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Permissions", "Manager"),
}

# By value, so a permission another change adds still shows (by its code) until named here;
# tests/test_ui_staff_settings.py fails until it is.
PERMISSION_NAMES = {
    "register_patient": QT_TRANSLATE_NOOP("Permissions", "Register patients"),
    "edit_patient": QT_TRANSLATE_NOOP("Permissions", "Edit patient details"),
    "view_patient": QT_TRANSLATE_NOOP("Permissions", "See patient details"),
    "manage_staff": QT_TRANSLATE_NOOP("Permissions", "Manage staff accounts and roles"),
    "edit_clinic_settings": QT_TRANSLATE_NOOP("Permissions", "Change clinic settings"),
    "check_in": QT_TRANSLATE_NOOP("Permissions", "Check patients in"),
    "view_queue": QT_TRANSLATE_NOOP("Permissions", "See today's queue"),
    "manage_queue": QT_TRANSLATE_NOOP("Permissions", "Move the queue, assign staff and rooms"),
    "view_consultation": QT_TRANSLATE_NOOP("Permissions", "Read consultations"),
    "write_consultation": QT_TRANSLATE_NOOP("Permissions", "Write consultations"),
    "view_assessment": QT_TRANSLATE_NOOP("Permissions", "Read doctors' assessments"),
    "write_assessment": QT_TRANSLATE_NOOP("Permissions", "Write and sign assessments"),
    "view_treatment": QT_TRANSLATE_NOOP("Permissions", "Read plans and treatments"),
    "write_plan": QT_TRANSLATE_NOOP("Permissions", "Write treatment plans"),
    "write_treatment": QT_TRANSLATE_NOOP("Permissions", "Record treatments"),
    "edit_catalogue": QT_TRANSLATE_NOOP("Permissions", "Edit the catalogue"),
    "lot_recall": QT_TRANSLATE_NOOP("Permissions", "Look up a product lot"),
    "view_photos": QT_TRANSLATE_NOOP("Permissions", "See and export photos"),
    "add_photos": QT_TRANSLATE_NOOP("Permissions", "Add and tag photos"),
    "edit_templates": QT_TRANSLATE_NOOP("Permissions", "Edit consent and aftercare texts"),
    "print_documents": QT_TRANSLATE_NOOP("Permissions", "Print consent and aftercare"),
    "print_general_documents": QT_TRANSLATE_NOOP("Permissions", "Print privacy and photo consents"),
    "work_reminders": QT_TRANSLATE_NOOP("Permissions", "Work one's own reminders"),
    "view_all_reminders": QT_TRANSLATE_NOOP("Permissions", "See everyone's reminders"),
    "edit_reminder_rules": QT_TRANSLATE_NOOP("Permissions", "Edit reminder rules"),
    "view_bookings": QT_TRANSLATE_NOOP("Permissions", "See the appointment book"),
    "book": QT_TRANSLATE_NOOP("Permissions", "Make, move and cancel bookings"),
    "view_audit": QT_TRANSLATE_NOOP("Permissions", "Read the audit log"),
    "backup": QT_TRANSLATE_NOOP("Permissions", "Back up and restore the database"),
    "import_patients": QT_TRANSLATE_NOOP("Permissions", "Import patients from Excel or CSV"),
    "export_data": QT_TRANSLATE_NOOP("Permissions", "Export patient lists to Excel"),
    "view_reports": QT_TRANSLATE_NOOP("Permissions", "See the manager's reports"),
}


def role_title(role: Role) -> str:
    return QCoreApplication.translate("Permissions", ROLE_TITLES[role])


def permission_name(permission: Permission) -> str:
    name = PERMISSION_NAMES.get(permission.value)
    return QCoreApplication.translate("Permissions", name) if name else permission.value


class PermissionsBox(SettingsBox):
    """Rows are permissions, columns roles, a tick where the role holds it.

    Everyone signed in sees it (knowing why a button is off helps); read-only.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("permissionsBox")
        self.roles = list(Role)
        self.permissions = list(Permission)
        self.table = QTableWidget(len(self.permissions), len(self.roles))
        self.table.setObjectName("permissionsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(320)
        for row, permission in enumerate(self.permissions):
            for column, role in enumerate(self.roles):
                item = QTableWidgetItem(ALLOWED_MARK if permission in MATRIX[role] else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.hint = QLabel()
        self.hint.setObjectName("permissionsHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        self.setMaximumWidth(1080)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Permissions"))
        self.table.setHorizontalHeaderLabels([role_title(role) for role in self.roles])
        self.table.setVerticalHeaderLabels([permission_name(p) for p in self.permissions])
        self.hint.setText(
            self.tr(
                "What each role may do; this is the table every action is checked against. "
                "Someone with several roles may do what any of their roles may."
            )
        )
