"""Staff password policy and argon2id hashing (argon2-cffi)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from desktop_app.services.errors import ValidationError

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_LENGTH = 10


@cache
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher, Type

    return PasswordHasher(type=Type.ID)


def check_policy(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            "password",
            "password_too_short",
            f"Use at least {MIN_LENGTH} characters (a short phrase is easiest).",
            min=MIN_LENGTH,
        )
    if password.strip() != password:
        raise ValidationError(
            "password", "password_spaces", "The password may not start or end with a space."
        )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher().check_needs_rehash(password_hash)


@cache
def dummy_hash() -> str:
    """Verified against for unknown users, so timing does not reveal which names exist."""
    return hash_password("not-a-real-password")
