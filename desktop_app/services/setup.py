"""First run: name the clinic, its letterhead and its first manager, exactly once.

The clinic's data key (``clinic_key``) is made in the same transaction, so every photo the
clinic ever stores is sealed. A station with no keyring still sets the clinic up (its
records need no key); it cannot store photos until a station with one makes the key
(``clinic_key.ensure_key`` at start) and it imports the key file.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from desktop_app.db import Database
from desktop_app.models import ClinicSetting, Role, Staff
from desktop_app.services import (
    audit,
    catalogue,
    clinic_key,
    clinic_settings,
    photo_encryption,
    staff,
)
from desktop_app.services.clinic_settings import (
    CLINIC_ADDRESS,
    CLINIC_LOGO,
    CLINIC_NAME,
    CLINIC_PHONE,
)
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import SetupAlreadyDoneError
from desktop_app.services.templates import install_defaults


@dataclass(frozen=True)
class FirstRun:
    clinic_name: str
    username: str
    display_name: str
    password: str
    address: str = ""  # the letterhead, printed on every document; editable in Settings
    phone: str = ""
    logo: bytes | None = None  # a PNG or JPEG file's bytes, checked and scaled here


def needs_first_run(database: Database) -> bool:
    with unit_of_work(database, write=False) as session:
        return session.scalar(sa.select(sa.func.count()).select_from(Staff)) == 0


def complete_first_run(database: Database, answers: FirstRun) -> Actor:
    """Create the clinic's letterhead and first manager; refuses if another station did it
    first. Everything is checked before anything is written: one wrong field saves nothing."""
    letterhead = {
        key: clinic_settings.checked(key, value)
        for key, value in (
            (CLINIC_NAME, answers.clinic_name),
            (CLINIC_ADDRESS, answers.address),
            (CLINIC_PHONE, answers.phone),
        )
    }
    if answers.logo is not None:
        png = clinic_settings.logo_from_file(answers.logo)
        letterhead[CLINIC_LOGO] = base64.b64encode(png).decode("ascii")
    manager = staff.validate(
        staff.NewStaff(answers.username, answers.display_name, Role.MANAGER, answers.password)
    )
    try:
        actor = _create_clinic(database, letterhead, manager)
    except IntegrityError as exc:
        raise SetupAlreadyDoneError from exc
    install_defaults(database)  # a clinic starts with the shipped consent/aftercare texts
    return actor


def _create_clinic(
    database: Database, letterhead: dict[str, str], manager: staff.NewStaff
) -> Actor:
    with unit_of_work(database) as session:
        if session.scalar(sa.select(sa.func.count()).select_from(Staff)):
            raise SetupAlreadyDoneError
        # Inserted first: its primary key makes a second station's concurrent setup fail.
        session.add(ClinicSetting(key=CLINIC_NAME, value=letterhead[CLINIC_NAME]))
        session.flush()
        created = staff.add_staff(session, None, manager)
        for key, value in letterhead.items():
            if key != CLINIC_NAME and value:
                session.add(ClinicSetting(key=key, value=value, updated_by_id=created.id))
        catalogue.mark_shipped_items(session)
        actor = Actor.of(created)
        audit.record(
            session,
            actor,
            "first_run",
            "clinic_setting",
            CLINIC_NAME,
            clinic_name=letterhead[CLINIC_NAME],
            address=letterhead[CLINIC_ADDRESS],
            phone=letterhead[CLINIC_PHONE],
            logo="yes" if CLINIC_LOGO in letterhead else "no",
        )
        try:
            clinic_key.make_key_within(session, actor)
        except clinic_key.KeyMissingError:  # no keyring here: nothing was written for it
            pass
        else:  # a new clinic never had an unsealed photo: refuse any from the start
            photo_encryption.mark_sealed_within(session, actor)
        return actor
