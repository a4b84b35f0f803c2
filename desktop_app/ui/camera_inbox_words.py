"""The camera inbox's sentences, translated (context "CameraInbox"); stage and angle names
and refusal reasons are the gallery's (photo_grid, photo_import), so each has one wording.

Plain functions of what happened, so the panel's code reads as what it does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.services.camera_inbox import AssignReport, CameraFolderError
from desktop_app.ui.messages import describe
from desktop_app.ui.photo_import import refusal_text as refusal


def folder_line(folder: str, waiting: int) -> str:
    return QCoreApplication.translate(
        "CameraInbox", "Camera folder {folder} · waiting: %n", None, waiting
    ).format(folder=folder)


def folder_problem(exc: BaseException) -> str:
    if isinstance(exc, CameraFolderError):
        texts = {
            "not_set": QCoreApplication.translate(
                "CameraInbox",
                "No camera folder is set for this computer: choose one in Settings › "
                "Camera folder on this computer.",
            ),
            "missing": QCoreApplication.translate(
                "CameraInbox",
                "The camera folder {folder} cannot be found. Is the camera, USB drive or "
                "network share connected? Looking again every few seconds.",
            ),
            "not_folder": QCoreApplication.translate(
                "CameraInbox", "{folder} is not a folder: choose the camera folder in Settings."
            ),
            "unreadable": QCoreApplication.translate(
                "CameraInbox",
                "The camera folder {folder} cannot be read ({detail}). Looking again every "
                "few seconds.",
            ),
        }
        return texts[exc.code].format(folder=exc.folder, detail=exc.detail)
    return error_text(exc)


def assign_label(chosen: int, name: str) -> str:
    if not name:
        return QCoreApplication.translate("CameraInbox", "Assign to the patient")
    if not chosen:
        return QCoreApplication.translate("CameraInbox", "Assign to {name}").format(name=name)
    return QCoreApplication.translate(
        "CameraInbox", "Assign to {name} (%n chosen)", None, chosen
    ).format(name=name)


def why_not(
    *, may: bool, has_patient: bool, has_files: bool, chosen: int, busy: bool, tags_problem: str
) -> str:
    """Why assigning is not possible now; "" when it is."""
    if not may:
        return QCoreApplication.translate(
            "CameraInbox", "Your role does not add photos to the record."
        )
    if not has_patient:
        return QCoreApplication.translate(
            "CameraInbox", "Open a patient's record to assign photos to them."
        )
    if busy:
        return QCoreApplication.translate("CameraInbox", "Importing…")
    if not has_files:
        return QCoreApplication.translate("CameraInbox", "No photos waiting.")
    if not chosen:
        return QCoreApplication.translate(
            "CameraInbox", "Choose the photos to assign (Ctrl+A: all of them)."
        )
    return tags_problem


def compare_needs_angle() -> str:
    return QCoreApplication.translate(
        "CameraInbox",
        "Choose the angle first: the baseline is the first 'before' photo of that angle.",
    )


def consent_question(name: str) -> tuple[str, str]:
    return (
        QCoreApplication.translate("CameraInbox", "Photo consent missing"),
        QCoreApplication.translate(
            "CameraInbox",
            "{name} has not consented to photos for the medical record. Add these photos "
            "anyway? Record the patient's consent as soon as you can.",
        ).format(name=name),
    )


def report_text(name: str, report: AssignReport) -> str:
    """What assigning did, one line per outcome; the first says how many were added."""
    imported = report.imported
    # Counts as plain names: lupdate drops a call whose count is any other expression.
    added_n, duplicate_n = len(imported.imported), len(imported.duplicates)
    removed_n, kept_n = len(report.removed), len(report.kept)
    lines: list[str] = []
    if imported.imported or not (imported.duplicates or imported.refused):
        added = QCoreApplication.translate(
            "CameraInbox", "Added to the record of {name}: %n.", None, added_n
        )
        lines.append(added.format(name=name))
    if imported.duplicates:
        lines.append(
            QCoreApplication.translate(
                "CameraInbox", "Already in the record: %n.", None, duplicate_n
            )
        )
    if report.removed:
        lines.append(
            QCoreApplication.translate(
                "CameraInbox", "Removed from this computer: %n.", None, removed_n
            )
        )
    if report.kept:
        lines.append(
            QCoreApplication.translate(
                "CameraInbox", "Moved to the 'imported' subfolder: %n.", None, kept_n
            )
        )
    for item in imported.refused:
        lines.append(
            QCoreApplication.translate(
                "CameraInbox", "Refused, left in the folder: {file} — {reason}"
            ).format(file=item.file_name, reason=refusal(item))
        )
    for problem in report.not_removed:
        lines.append(
            QCoreApplication.translate(
                "CameraInbox",
                "In the record, but could not be removed from the folder: {file} ({why})",
            ).format(file=problem.file_name, why=problem.message)
        )
    if report.changed:
        lines.append(
            QCoreApplication.translate(
                "CameraInbox", "Changed while you chose, left in the inbox: {files}"
            ).format(files=", ".join(report.changed))
        )
    if imported.cancelled:
        lines.append(
            QCoreApplication.translate(
                "CameraInbox", "Import cancelled: the rest stay in the inbox."
            )
        )
    return "\n".join(lines)


def error_text(exc: BaseException) -> str:
    from desktop_app.services.errors import ValidationError
    from desktop_app.ui.messages import validation_text

    if isinstance(exc, ValidationError):
        return validation_text(exc.code, exc.params, exc.message)
    headline, detail = describe(exc)
    return f"{headline}\n{detail}" if detail and detail != headline else headline
