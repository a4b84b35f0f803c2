"""Which role may do what: one table, checked by every service call."""

from __future__ import annotations

import enum

from desktop_app.models import Role
from desktop_app.services.context import Actor
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


_QUEUE = {Permission.VIEW_QUEUE, Permission.MANAGE_QUEUE}
_FRONT_DESK = {
    Permission.REGISTER_PATIENT,
    Permission.EDIT_PATIENT,
    Permission.VIEW_PATIENT,
    Permission.CHECK_IN,
    *_QUEUE,
}

MATRIX: dict[Role, frozenset[Permission]] = {
    Role.RECEPTIONIST: frozenset(_FRONT_DESK),
    Role.CONSULTANT: frozenset(_FRONT_DESK),
    Role.DOCTOR: frozenset({Permission.VIEW_PATIENT, Permission.EDIT_PATIENT, *_QUEUE}),
    Role.NURSE: frozenset({Permission.VIEW_PATIENT, Permission.EDIT_PATIENT, *_QUEUE}),
    Role.MANAGER: frozenset(Permission),
}


def allowed(actor: Actor, permission: Permission) -> bool:
    return permission in MATRIX[actor.role]


def require(actor: Actor, permission: Permission) -> None:
    if not allowed(actor, permission):
        raise PermissionDeniedError(actor.role.value, permission.value)
