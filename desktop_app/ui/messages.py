"""Errors from services and the database, told to the user in their language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from desktop_app.services.errors import ConflictError


def validation_text(code: str, params: dict[str, object], english: str) -> str:
    """The translated sentence for a ValidationError code; English if the code is new."""
    texts = {
        "required": QCoreApplication.translate("Messages", "This field is required."),
        "too_long": QCoreApplication.translate("Messages", "At most {max} characters."),
        "username_format": QCoreApplication.translate(
            "Messages", "A user name is one word of at most 64 characters."
        ),
        "username_taken": QCoreApplication.translate(
            "Messages", "This user name is already taken."
        ),
        "password_too_short": QCoreApplication.translate(
            "Messages", "Use at least {min} characters (a short phrase is easiest)."
        ),
        "password_spaces": QCoreApplication.translate(
            "Messages", "The password may not start or end with a space."
        ),
        "password_repeated": QCoreApplication.translate(
            "Messages", "The password may not be one character repeated."
        ),
        "password_mismatch": QCoreApplication.translate(
            "Messages", "The two passwords are not the same."
        ),
        "invalid": QCoreApplication.translate("Messages", "This value is not valid."),
        "exists": QCoreApplication.translate("Messages", "This name is already on the list."),
        "out_of_range": QCoreApplication.translate("Messages", "Between {min} and {max}."),
        "date_format": QCoreApplication.translate(
            "Messages", "Type the date as YYYY-MM-DD, e.g. 1990-05-20."
        ),
        "future_date": QCoreApplication.translate("Messages", "This date is in the future."),
        "id_format": QCoreApplication.translate(
            "Messages",
            "A resident ID has 18 characters (or 15 digits on an old card). If it cannot be "
            "checked, save it as unverified with a reason.",
        ),
        "id_birth_date": QCoreApplication.translate(
            "Messages",
            "The date of birth in this ID number is not possible. If it cannot be checked, "
            "save it as unverified with a reason.",
        ),
        "id_checksum": QCoreApplication.translate(
            "Messages",
            "The check digit is wrong: look for a typo. If it cannot be checked, save it as "
            "unverified with a reason.",
        ),
        "id_mismatch": QCoreApplication.translate("Messages", "Does not match the ID number."),
        "mobile_invalid": QCoreApplication.translate(
            "Messages", "This phone number cannot exist: check the digits."
        ),
        "guardian_required": QCoreApplication.translate(
            "Messages", "The patient is under 18: a guardian is required."
        ),
        # the pre-treatment gate, when the clinic blocks (services/treatment_gate.py)
        "consent_unsigned": QCoreApplication.translate(
            "Messages", "The consent {title} is not signed: the clinic requires it first."
        ),
        "consent_outdated": QCoreApplication.translate(
            "Messages",
            "The consent {title} was signed on an older version: ask the patient to sign "
            "the current one first.",
        ),
        "before_photos_missing": QCoreApplication.translate(
            "Messages", "Take or import today's before photos first: the clinic requires them."
        ),
        "logo_type": QCoreApplication.translate("Messages", "Choose a PNG or JPEG picture."),
        "logo_too_large": QCoreApplication.translate(
            "Messages", "This picture is too large: choose a file under 5 MB."
        ),
        "logo_unreadable": QCoreApplication.translate(
            "Messages", "This file is not a PNG or JPEG picture, or it is damaged."
        ),
    }
    template = texts.get(code)
    try:
        return template.format(**params) if template else english
    except (KeyError, IndexError):  # a service that gave no {max}: its own sentence
        return english


def changed_by(exc: ConflictError) -> tuple[str, str]:
    """Who saved first and when, for the "… changed this at …, after you opened it"
    sentences each screen words its own way."""
    who = exc.changed_by or QCoreApplication.translate("Messages", "Someone")
    when = f"{exc.changed_at.astimezone():%Y-%m-%d %H:%M}" if exc.changed_at else "?"
    return who, when


def describe(exc: BaseException) -> tuple[str, str]:
    """A translated headline and the detail (the English text from below) for an error."""
    from desktop_app.db import DatabaseUnavailableError, DatabaseUrlError
    from desktop_app.migrations import BackupError, DatabaseTooNewError
    from desktop_app.services.clinic_key import KeyMissingError
    from desktop_app.services.crypto import TamperedError
    from desktop_app.services.errors import (
        AccountLockedError,
        AuthenticationError,
        ConflictError,
        PermissionDeniedError,
        SetupAlreadyDoneError,
    )
    from desktop_app.services.queue import AlreadyCheckedInError

    if isinstance(exc, KeyMissingError):  # the whole message, translated: nothing to add
        return key_missing_text(exc.reason)
    headlines: list[tuple[type[BaseException], str]] = [
        (
            DatabaseUnavailableError,
            QCoreApplication.translate("Messages", "The database cannot be reached."),
        ),
        (
            DatabaseTooNewError,
            QCoreApplication.translate(
                "Messages", "This database was upgraded by a newer version of Clinic Desk."
            ),
        ),
        (
            BackupError,
            QCoreApplication.translate(
                "Messages", "The safety copy before upgrading the database could not be made."
            ),
        ),
        (
            DatabaseUrlError,
            QCoreApplication.translate("Messages", "The database address is not valid."),
        ),
        (
            AuthenticationError,
            QCoreApplication.translate("Messages", "Wrong user name or password."),
        ),
        (
            SetupAlreadyDoneError,
            QCoreApplication.translate(
                "Messages", "This clinic has already been set up on another station. Sign in."
            ),
        ),
        (
            PermissionDeniedError,
            QCoreApplication.translate("Messages", "Your role does not allow this."),
        ),
        (
            AlreadyCheckedInError,
            QCoreApplication.translate("Messages", "This patient is already in today's queue."),
        ),
        (
            ConflictError,
            QCoreApplication.translate("Messages", "Someone else saved this record first."),
        ),
        (
            TamperedError,
            QCoreApplication.translate(
                "Messages", "Stored data was refused: it was changed or damaged."
            ),
        ),
    ]
    if isinstance(exc, AccountLockedError):  # before AuthenticationError: it is one
        headline = QCoreApplication.translate(
            "Messages",
            "Too many wrong passwords: this account is locked until {time}. Try again then, "
            "or ask a manager to reset the password.",
        )
        return headline.format(time=f"{exc.until.astimezone():%H:%M}"), str(exc)
    for kind, headline in headlines:
        if isinstance(exc, kind):
            return headline, str(exc)
    return QCoreApplication.translate("Messages", "Something went wrong."), str(exc)


def key_missing_text(reason: str) -> tuple[str, str]:
    """Why photos (and backups) cannot be opened on this computer, and what to do: a
    headline and its remedy, both translated (the English detail would say it again)."""
    remedy = QCoreApplication.translate(
        "Messages",
        "Photos and backups cannot be opened or made here. Import the clinic's key file, "
        "which a manager exports: Settings › Security › Import key file.",
    )
    if reason == "wrong":
        return QCoreApplication.translate(
            "Messages", "The data key on this computer is not this clinic's."
        ), remedy
    if reason == "no_store":
        return QCoreApplication.translate(
            "Messages", "This computer has no secure key store (keyring) for the clinic's data key."
        ), QCoreApplication.translate(
            "Messages", "Photos and backups cannot be opened or made on this computer."
        )
    return QCoreApplication.translate(
        "Messages", "This computer does not hold the clinic's data key."
    ), remedy
