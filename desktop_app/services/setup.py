"""First run: name the clinic and create its first manager, exactly once.

The clinic's data key (``clinic_key``) is made in the same transaction, so every photo the
clinic ever stores is sealed. A station with no keyring still sets the clinic up (its
records need no key); it cannot store photos until a station with one makes the key
(``clinic_key.ensure_key`` at start) and it imports the key file.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from desktop_app.db import Database
from desktop_app.models import ClinicSetting, Role, Staff
from desktop_app.services import audit, catalogue, clinic_key, photo_encryption, staff
from desktop_app.services.clinic_settings import CLINIC_NAME
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import SetupAlreadyDoneError, ValidationError
from desktop_app.services.templates import install_defaults


@dataclass(frozen=True)
class FirstRun:
    clinic_name: str
    username: str
    display_name: str
    password: str


def needs_first_run(database: Database) -> bool:
    with unit_of_work(database, write=False) as session:
        return session.scalar(sa.select(sa.func.count()).select_from(Staff)) == 0


def complete_first_run(database: Database, answers: FirstRun) -> Actor:
    """Create the clinic's name and first manager; refuses if another station did it first."""
    clinic_name = answers.clinic_name.strip()
    if not clinic_name:
        raise ValidationError(
            "clinic_name", "required", "Enter the clinic's name as patients know it."
        )
    if len(clinic_name) > 200:
        raise ValidationError("clinic_name", "too_long", "At most 200 characters.", max=200)
    manager = staff.validate(
        staff.NewStaff(answers.username, answers.display_name, Role.MANAGER, answers.password)
    )
    try:
        actor = _create_clinic(database, clinic_name, manager)
    except IntegrityError as exc:
        raise SetupAlreadyDoneError from exc
    install_defaults(database)  # a clinic starts with the shipped consent/aftercare texts
    return actor


def _create_clinic(database: Database, clinic_name: str, manager: staff.NewStaff) -> Actor:
    with unit_of_work(database) as session:
        if session.scalar(sa.select(sa.func.count()).select_from(Staff)):
            raise SetupAlreadyDoneError
        # Inserted first: its primary key makes a second station's concurrent setup fail.
        session.add(ClinicSetting(key=CLINIC_NAME, value=clinic_name))
        session.flush()
        created = staff.add_staff(session, None, manager)
        catalogue.mark_shipped_items(session)
        actor = Actor.of(created)
        audit.record(
            session, actor, "first_run", "clinic_setting", CLINIC_NAME, clinic_name=clinic_name
        )
        try:
            clinic_key.make_key_within(session, actor)
        except clinic_key.KeyMissingError:  # no keyring here: nothing was written for it
            pass
        else:  # a new clinic never had an unsealed photo: refuse any from the start
            photo_encryption.mark_sealed_within(session, actor)
        return actor
