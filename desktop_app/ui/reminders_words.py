"""What the reminder panel says when a change is refused, in the user's language.

The reminder services raise ValidationError codes the shared table in ui/messages.py does
not know (snooze to the past, closed meanwhile, nobody answered), and a stale change is
told as who changed the reminder and when, so the nurse knows whom to ask.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.models import ReminderStatus
from desktop_app.services.errors import ConflictError, ValidationError
from desktop_app.services.reminder_desk import SyncReport
from desktop_app.services.reminders import MAX_NOTE
from desktop_app.ui.messages import changed_by, validation_text


def reminder_error_text(exc: ValidationError) -> str:
    texts = {
        "not_future": QCoreApplication.translate("Reminders", "Snooze to a day after today."),
        "closed": QCoreApplication.translate(
            "Reminders", "This reminder was closed meanwhile: the list is reloaded."
        ),
        "range": QCoreApplication.translate("Reminders", "Satisfaction is 1 to 5."),
        "not_reached": QCoreApplication.translate(
            "Reminders", "Nobody answered: there is no reaction or satisfaction to record."
        ),
        "too_long": QCoreApplication.translate("Reminders", "At most {max} characters.").format(
            max=MAX_NOTE
        ),
        "required": QCoreApplication.translate("Reminders", "Choose a person or a role."),
        "invalid": QCoreApplication.translate("Reminders", "Choose an active staff member."),
        "past": QCoreApplication.translate("Reminders", "Choose today or a later day."),
    }
    if exc.field in ("until", "reminder", "satisfaction", "reached", "notes", "next_step"):
        text = texts.get(exc.code)
        if text:
            return text
    if exc.field in ("assignee", "due_on") and exc.code in texts:
        return texts[exc.code]
    return validation_text(exc.code, exc.params, exc.message)


def changed_text(exc: ConflictError) -> str:
    """ "李护士 changed this reminder at 10:42 …": who to ask, and that nothing was saved."""
    who, when = changed_by(exc)
    return QCoreApplication.translate(
        "Reminders",
        "{who} changed this reminder at {when}, after your list was loaded. Yours was not "
        "saved; the list now shows theirs.",
    ).format(who=who, when=when)


def status_text(status: ReminderStatus) -> str:
    return {
        ReminderStatus.OPEN: QCoreApplication.translate("Reminders", "open"),
        ReminderStatus.DONE: QCoreApplication.translate("Reminders", "done"),
        ReminderStatus.CANCELLED: QCoreApplication.translate("Reminders", "cancelled"),
    }[status]


def sync_text(report: SyncReport) -> str:
    """What the server took of the changes made offline, and what waits for a person."""
    applied, conflicts = report.applied, report.conflicts  # lupdate needs plain names
    text = QCoreApplication.translate(
        "Reminders", "Back online: %n change(s) made offline were sent.", "", applied
    )
    if conflicts:
        text += " " + QCoreApplication.translate(
            "Reminders",
            "%n could not be applied because the reminder changed meanwhile: see Conflicts.",
            "",
            conflicts,
        )
    return text
