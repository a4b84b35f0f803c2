"""Which role may do what: one table, checked by every service call."""

from __future__ import annotations

import enum
from typing import NoReturn

from desktop_app.db import Database, DatabaseUnavailableError
from desktop_app.models import Role
from desktop_app.services import audit
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import PermissionDeniedError


class Permission(enum.StrEnum):
    REGISTER_PATIENT = "register_patient"
    EDIT_PATIENT = "edit_patient"
    VIEW_PATIENT = "view_patient"
    MANAGE_STAFF = "manage_staff"
    EDIT_CLINIC_SETTINGS = "edit_clinic_settings"
    CHECK_IN = "check_in"
    VIEW_QUEUE = "view_queue"
    MANAGE_QUEUE = "manage_queue"  # move cards, assign consultant, doctor and room
    VIEW_CONSULTATION = "view_consultation"
    WRITE_CONSULTATION = "write_consultation"  # and edit one's own
    VIEW_ASSESSMENT = "view_assessment"
    WRITE_ASSESSMENT = "write_assessment"  # doctors only: write, sign, add addenda
    VIEW_TREATMENT = "view_treatment"  # plans, courses, treatments, products used
    WRITE_PLAN = "write_plan"
    WRITE_TREATMENT = "write_treatment"
    EDIT_CATALOGUE = "edit_catalogue"
    LOT_RECALL = "lot_recall"
    VIEW_PHOTOS = "view_photos"  # the gallery, comparison, export (marketing consent permitting)
    ADD_PHOTOS = "add_photos"  # import, tag, link to a visit or treatment, hide one in error
    EDIT_TEMPLATES = "edit_templates"  # consent/aftercare wording: the clinic's legal text
    PRINT_DOCUMENTS = "print_documents"  # consent/aftercare: they name items, products, lots
    PRINT_GENERAL_DOCUMENTS = "print_general_documents"  # PIPL and photo consent at the desk
    WORK_REMINDERS = "work_reminders"  # one's own and one's role's: calls, snooze, hand over
    VIEW_ALL_REMINDERS = "view_all_reminders"  # everyone's (managers), and scripts' due lists
    EDIT_REMINDER_RULES = "edit_reminder_rules"
    VIEW_BOOKINGS = "view_bookings"  # the appointment book: everyone
    # Make, move and cancel bookings: the front desk, consultants, managers, and nurses,
    # whose course-session calls ("book the next session?") end in a booking.
    BOOK = "book"
    VIEW_AUDIT = "view_audit"  # the audit log: who saw and changed what (managers only)
    # Back up the whole database and restore one (managers): a backup holds every record
    # and photo, and a restore replaces them all.
    BACKUP = "backup"
    # Bring patients in from another system's Excel/CSV export (managers): thousands of
    # records at once, deduped against the database.
    IMPORT_PATIENTS = "import_patients"
    # Lists of patients to Excel (the desk and managers): a bulk export is how patients'
    # data leaves the clinic, so clinical roles, who need no list, do not hold it.
    EXPORT_DATA = "export_data"
    # The manager's reports (issue 12): where patients come from and what they buy, with
    # the patients behind every number (managers only).
    VIEW_REPORTS = "view_reports"


_QUEUE = {Permission.VIEW_QUEUE, Permission.MANAGE_QUEUE}
_FRONT_DESK = {
    Permission.REGISTER_PATIENT,
    Permission.EDIT_PATIENT,
    Permission.VIEW_PATIENT,
    Permission.CHECK_IN,
    Permission.PRINT_GENERAL_DOCUMENTS,
    Permission.WORK_REMINDERS,
    Permission.VIEW_BOOKINGS,
    Permission.BOOK,
    *_QUEUE,
}

_CLINICAL_READ = {
    Permission.VIEW_CONSULTATION,
    Permission.VIEW_ASSESSMENT,
    Permission.VIEW_TREATMENT,
    Permission.LOT_RECALL,
    Permission.VIEW_PHOTOS,
}
_CARE = {
    Permission.VIEW_PATIENT,
    Permission.EDIT_PATIENT,
    Permission.PRINT_DOCUMENTS,
    Permission.PRINT_GENERAL_DOCUMENTS,
    Permission.WORK_REMINDERS,
    Permission.VIEW_BOOKINGS,
    *_QUEUE,
    *_CLINICAL_READ,
}

# Receptionists see no clinical content, photos included (DESIGN §5); consultants see and
# write consultations and plans (they sell courses) but not the doctor's assessment; only
# doctors write assessments; nurses and doctors record treatments; managers hold every
# permission but writing an assessment or a treatment, which are clinical acts, and are the
# only ones to edit the wording of templates. Reception prints only the general documents
# (PIPL, photo consent): consent and aftercare sheets show items, products and lots.
MATRIX: dict[Role, frozenset[Permission]] = {
    Role.RECEPTIONIST: frozenset({*_FRONT_DESK, Permission.EXPORT_DATA}),
    Role.CONSULTANT: frozenset(
        {
            *_FRONT_DESK,
            Permission.VIEW_CONSULTATION,
            Permission.WRITE_CONSULTATION,
            Permission.VIEW_TREATMENT,
            Permission.WRITE_PLAN,
            Permission.VIEW_PHOTOS,  # consultants take the "before" set at the consultation
            Permission.ADD_PHOTOS,
            Permission.PRINT_DOCUMENTS,  # consultants go through the consent before treatment
        }
    ),
    Role.DOCTOR: frozenset(
        {
            *_CARE,
            Permission.WRITE_ASSESSMENT,
            Permission.WRITE_TREATMENT,
            Permission.WRITE_PLAN,
            Permission.ADD_PHOTOS,
        }
    ),
    Role.NURSE: frozenset(
        {*_CARE, Permission.WRITE_TREATMENT, Permission.ADD_PHOTOS, Permission.BOOK}
    ),
    Role.MANAGER: frozenset(
        set(Permission) - {Permission.WRITE_ASSESSMENT, Permission.WRITE_TREATMENT}
    ),
}


def allowed(actor: Actor, permission: Permission) -> bool:
    """Whether any of the actor's roles holds the permission (a person's roles add up)."""
    return any(permission in MATRIX[role] for role in actor.roles)


def require(actor: Actor, permission: Permission, database: Database | None = None) -> None:
    """Raise PermissionDeniedError unless the role allows it; a denial is audited when the
    database is given (every service call gives it)."""
    if allowed(actor, permission):
        return
    if database is None:
        raise PermissionDeniedError(actor.role.value, permission.value)
    refuse(database, actor, permission.value)


def refuse(database: Database, actor: Actor, what: str) -> NoReturn:
    """Audit a refused attempt (in its own transaction: call it outside any other), then raise."""
    try:
        with unit_of_work(database) as session:
            audit.record(session, actor, "denied", "permission", None, permission=what)
    except DatabaseUnavailableError:
        pass  # the refusal stands; the status bar already says the server is gone
    raise PermissionDeniedError(actor.role.value, what)
