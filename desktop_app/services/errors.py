"""What can go wrong in a service call, carrying enough for the UI to explain it."""

from __future__ import annotations

from datetime import datetime


class ServiceError(Exception):
    """Base of every error a service raises on purpose (str() is a readable sentence)."""


class ValidationError(ServiceError):
    """Bad input for one field; nothing was saved.

    ``code`` and ``params`` let the UI show the message in the user's language;
    ``message`` is the English sentence for the command line and logs.
    """

    def __init__(self, field: str, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message
        self.params = params


class NotFoundError(ServiceError):
    pass


class PermissionDeniedError(ServiceError):
    def __init__(self, role: str, permission: str) -> None:
        super().__init__(f"A {role} may not {permission.replace('_', ' ')}.")
        self.role = role
        self.permission = permission


class AuthenticationError(ServiceError):
    """Sign-in failed. Deliberately says nothing about which part was wrong."""

    def __init__(self) -> None:
        super().__init__("Wrong user name or password.")


class AccountLockedError(AuthenticationError):
    """Too many wrong passwords in a row: every sign-in is refused until ``until`` (UTC),
    the right password included, so guessing during the lock learns nothing."""

    def __init__(self, until: datetime) -> None:
        ServiceError.__init__(
            self,
            f"Too many wrong passwords: this account is locked until "
            f"{until.astimezone():%H:%M}. Try again then, or ask a manager to reset it.",
        )
        self.until = until


class SetupAlreadyDoneError(ServiceError):
    def __init__(self) -> None:
        super().__init__("This clinic has already been set up; sign in instead.")


class ConflictError(ServiceError):
    """Another station saved the record after this one loaded it; nothing was overwritten."""

    def __init__(
        self, entity: str, entity_id: str, changed_by: str | None, changed_at: datetime | None
    ) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.changed_by = changed_by
        self.changed_at = changed_at
        who = changed_by or "someone"
        when = f" at {changed_at.astimezone():%Y-%m-%d %H:%M}" if changed_at else ""
        super().__init__(
            f"This {entity} was changed by {who}{when} on another station. "
            "Reload it to see their changes; yours were not saved."
        )
