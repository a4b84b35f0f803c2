"""The audit log's codes (actions, kinds of record) in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

ACTION_NAMES = {
    "view": QT_TRANSLATE_NOOP("AuditWords", "Opened"),
    "view_photos": QT_TRANSLATE_NOOP("AuditWords", "Opened the photos"),
    "create": QT_TRANSLATE_NOOP("AuditWords", "Created"),
    "change": QT_TRANSLATE_NOOP("AuditWords", "Changed"),
    "new_version": QT_TRANSLATE_NOOP("AuditWords", "New version"),
    "sign": QT_TRANSLATE_NOOP("AuditWords", "Signed"),
    "addendum": QT_TRANSLATE_NOOP("AuditWords", "Addendum"),
    "cancel": QT_TRANSLATE_NOOP("AuditWords", "Cancelled"),
    "check_in": QT_TRANSLATE_NOOP("AuditWords", "Checked in"),
    "move": QT_TRANSLATE_NOOP("AuditWords", "Moved on the queue"),
    "assign": QT_TRANSLATE_NOOP("AuditWords", "Assigned"),
    "arrive": QT_TRANSLATE_NOOP("AuditWords", "Arrived"),
    "no_show": QT_TRANSLATE_NOOP("AuditWords", "No-shows marked"),
    "call": QT_TRANSLATE_NOOP("AuditWords", "Call recorded"),
    "snooze": QT_TRANSLATE_NOOP("AuditWords", "Snoozed"),
    "print": QT_TRANSLATE_NOOP("AuditWords", "Printed"),
    "save": QT_TRANSLATE_NOOP("AuditWords", "Saved"),
    "reprint": QT_TRANSLATE_NOOP("AuditWords", "Reprinted"),
    "attach_scan": QT_TRANSLATE_NOOP("AuditWords", "Scan attached"),
    "grant_consent": QT_TRANSLATE_NOOP("AuditWords", "Consent given"),
    "withdraw_consent": QT_TRANSLATE_NOOP("AuditWords", "Consent withdrawn"),
    "import_photo": QT_TRANSLATE_NOOP("AuditWords", "Photo imported"),
    "retag_photos": QT_TRANSLATE_NOOP("AuditWords", "Photos retagged"),
    "hide_photo": QT_TRANSLATE_NOOP("AuditWords", "Photo hidden"),
    "export_photos": QT_TRANSLATE_NOOP("AuditWords", "Photos exported"),
    "export": QT_TRANSLATE_NOOP("AuditWords", "Exported"),
    "lot_recall": QT_TRANSLATE_NOOP("AuditWords", "Lot recall"),
    "sign_in": QT_TRANSLATE_NOOP("AuditWords", "Signed in"),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditWords", "Sign-in failed"),
    "sign_out": QT_TRANSLATE_NOOP("AuditWords", "Signed out"),
    "denied": QT_TRANSLATE_NOOP("AuditWords", "Refused"),
    "account_locked": QT_TRANSLATE_NOOP("AuditWords", "Account locked"),
    "reset_password": QT_TRANSLATE_NOOP("AuditWords", "Password reset"),
    "set_roles": QT_TRANSLATE_NOOP("AuditWords", "Roles changed"),
    "lock": QT_TRANSLATE_NOOP("AuditWords", "Screen locked"),
    "seal": QT_TRANSLATE_NOOP("AuditWords", "Photos encrypted"),
    "import": QT_TRANSLATE_NOOP("AuditWords", "Imported"),
    "backup": QT_TRANSLATE_NOOP("AuditWords", "Backed up"),
    "restore": QT_TRANSLATE_NOOP("AuditWords", "Restored"),
    "first_run": QT_TRANSLATE_NOOP("AuditWords", "Clinic set up"),
    "demo_data": QT_TRANSLATE_NOOP("AuditWords", "Demo data loaded"),
    "install_defaults": QT_TRANSLATE_NOOP("AuditWords", "Defaults installed"),
}

ENTITY_NAMES = {
    "patient": QT_TRANSLATE_NOOP("AuditWords", "Patient"),
    "visit": QT_TRANSLATE_NOOP("AuditWords", "Visit"),
    "consultation": QT_TRANSLATE_NOOP("AuditWords", "Consultation"),
    "assessment": QT_TRANSLATE_NOOP("AuditWords", "Assessment"),
    "treatment_plan": QT_TRANSLATE_NOOP("AuditWords", "Plan"),
    "course": QT_TRANSLATE_NOOP("AuditWords", "Course"),
    "treatment": QT_TRANSLATE_NOOP("AuditWords", "Treatment"),
    "face_chart": QT_TRANSLATE_NOOP("AuditWords", "Face chart"),
    "printed_document": QT_TRANSLATE_NOOP("AuditWords", "Document"),
    "photo": QT_TRANSLATE_NOOP("AuditWords", "Photo"),
    "reminder": QT_TRANSLATE_NOOP("AuditWords", "Reminder"),
    "follow_up": QT_TRANSLATE_NOOP("AuditWords", "Follow-up call"),
    "booking": QT_TRANSLATE_NOOP("AuditWords", "Booking"),
    "staff": QT_TRANSLATE_NOOP("AuditWords", "Staff"),
    "permission": QT_TRANSLATE_NOOP("AuditWords", "Permission"),
    "audit_log": QT_TRANSLATE_NOOP("AuditWords", "Audit log"),
    "report": QT_TRANSLATE_NOOP("AuditWords", "Report"),
    "patient_list": QT_TRANSLATE_NOOP("AuditWords", "Patient list"),
    "reminder_list": QT_TRANSLATE_NOOP("AuditWords", "Reminder list"),
    "clinic_setting": QT_TRANSLATE_NOOP("AuditWords", "Clinic setting"),
    "data_key": QT_TRANSLATE_NOOP("AuditWords", "Data key"),
    "database": QT_TRANSLATE_NOOP("AuditWords", "Database"),
    "photo_blobs": QT_TRANSLATE_NOOP("AuditWords", "Stored photos"),
    "session": QT_TRANSLATE_NOOP("AuditWords", "Session"),
    "diagnosis_option": QT_TRANSLATE_NOOP("AuditWords", "Pick list"),
    "source_channel": QT_TRANSLATE_NOOP("AuditWords", "Source channel"),
    "tag": QT_TRANSLATE_NOOP("AuditWords", "Photo tag"),
    "document_template": QT_TRANSLATE_NOOP("AuditWords", "Document template"),
    "product_lot": QT_TRANSLATE_NOOP("AuditWords", "Product lot"),
    "reminder_rule": QT_TRANSLATE_NOOP("AuditWords", "Reminder rule"),
    "resource": QT_TRANSLATE_NOOP("AuditWords", "Room or device"),
    "treatment_item": QT_TRANSLATE_NOOP("AuditWords", "Catalogue item"),
}


def action_name(code: str) -> str:
    """The action in words; a code with no words yet shows as it is."""
    source = ACTION_NAMES.get(code)
    return QCoreApplication.translate("AuditWords", source) if source else code


def entity_name(code: str) -> str:
    source = ENTITY_NAMES.get(code)
    return QCoreApplication.translate("AuditWords", source) if source else code
