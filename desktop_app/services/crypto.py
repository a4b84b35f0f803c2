"""Authenticated encryption of stored bytes (photos, backups) with AES-256-GCM.

A sealed blob is ``MAGIC`` + a random 12-byte nonce + the ciphertext with its 16-byte tag,
so it says what it is, and any change to it — one flipped bit, a truncated file — is
refused rather than decrypted into something wrong. ``aad`` binds a blob to its place
(a photo's id and rendition), so bytes copied onto another row do not open either.
"""

from __future__ import annotations

import os

from desktop_app.services.errors import ServiceError

MAGIC = b"CDE1"  # Clinic Desk Encrypted, format 1
NONCE_BYTES = 12
KEY_BYTES = 32


class TamperedError(ServiceError):
    """The bytes are not what was sealed under this key: changed, cut short, or sealed
    under another clinic's key."""

    def __init__(self, what: str = "The stored data") -> None:
        super().__init__(f"{what} could not be decrypted: it was changed, cut short, or "
                         "sealed under another key.")  # fmt: skip


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def is_sealed(blob: bytes) -> bool:
    return blob[: len(MAGIC)] == MAGIC


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, plaintext, aad or None)


def open_sealed(key: bytes, blob: bytes, aad: bytes = b"", what: str = "The stored data") -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not is_sealed(blob) or len(blob) < len(MAGIC) + NONCE_BYTES + 16:
        raise TamperedError(what)
    nonce = blob[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, blob[len(MAGIC) + NONCE_BYTES :], aad or None)
    except InvalidTag:
        raise TamperedError(what) from None
