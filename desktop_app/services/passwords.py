"""Staff password policy and argon2id hashing (argon2-cffi).

The policy: at least 10 characters, or a passphrase: Chinese characters count double,
since each is one of thousands (a five-character phrase such as 小猫爱睡觉 is about as
hard to guess as ten letters), and nothing made of a single repeated character.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from desktop_app.services.errors import ValidationError

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_LENGTH = 10

# argon2id cost, tuned for ~100 ms per sign-in on a front-desk PC: slow enough to make
# guessing a stolen hash expensive, quick enough not to be felt. Measured on the
# development VM (2-core AMD EPYC, argon2-cffi 25.1) with
#   python -c "…PasswordHasher(time_cost=t, memory_cost=m, parallelism=p).verify(…)"
# best of 7: t=3 m=64 MiB p=4 (the library default) 159 ms; t=2 m=64 MiB p=2 120 ms;
# t=2 m=46 MiB p=1 76 ms. A hash made with other parameters is redone at the next
# successful sign-in (``needs_rehash``), so changing these upgrades every account.
TIME_COST = 2
MEMORY_COST_KIB = 64 * 1024
PARALLELISM = 2


@cache
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher, Type

    return PasswordHasher(
        time_cost=TIME_COST,
        memory_cost=MEMORY_COST_KIB,
        parallelism=PARALLELISM,
        type=Type.ID,
    )


def strength_length(password: str) -> int:
    """The length the policy counts: a CJK ideograph counts as two characters."""
    return sum(2 if unicodedata.east_asian_width(ch) == "W" else 1 for ch in password)


def check_policy(password: str) -> None:
    if strength_length(password) < MIN_LENGTH:
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
    if len(set(password)) == 1:
        raise ValidationError(
            "password", "password_repeated", "The password may not be one character repeated."
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
    """True for a hash made with other parameters than today's (or unreadable)."""
    from argon2.exceptions import InvalidHashError

    try:
        return _hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@cache
def dummy_hash() -> str:
    """Verified against for unknown users, so timing does not reveal which names exist."""
    return hash_password("not-a-real-password")
