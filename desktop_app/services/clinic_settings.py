"""Settings shared by the whole clinic (stored in the database, not on one station).

The letterhead (name, address, phone, logo) is printed on every document; the gate mode
says whether a treatment without a signed consent or "before" photos is only warned about
or refused (services/treatment_gate.py).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import warnings

from PIL import Image, ImageOps
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import ClinicSetting
from desktop_app.services import audit
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require

CLINIC_NAME = "clinic_name"
CLINIC_ADDRESS = "clinic_address"  # printed under the name on every document
CLINIC_PHONE = "clinic_phone"
# A PNG, base64 in the Text value (unbounded on SQLite and PostgreSQL; a few hundred KB at
# most after set_logo scales it). Only set_logo/clear_logo write it: put_many would copy
# the whole image into the audit log.
CLINIC_LOGO = "clinic_logo"
TREATMENT_GATE = "treatment_gate"  # GATE_WARN (default) | GATE_BLOCK
GATE_WARN = "warn"
GATE_BLOCK = "block"
GATE_MODES = (GATE_WARN, GATE_BLOCK)

MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_PIXELS = 40_000_000  # refused before decoding: a small file can unpack to gigabytes
LOGO_MAX_HEIGHT = 600
LOGO_MAX_WIDTH = 1800  # the letterhead draws it at most 45 mm wide
# key → longest text; the name as at first run (services/setup.py)
TEXT_LIMITS = {CLINIC_NAME: 200, CLINIC_ADDRESS: 200, CLINIC_PHONE: 40}


def get(database: Database, key: str, default: str = "") -> str:
    with unit_of_work(database, write=False) as session:
        row = session.get(ClinicSetting, key)
        return row.value if row else default


def put(database: Database, actor: Actor, key: str, value: str) -> None:
    put_many(database, actor, {key: value})


def put_many(database: Database, actor: Actor, values: dict[str, str]) -> None:
    """Save several settings in one transaction, each change in the audit log.

    The letterhead texts are trimmed and checked first (a ValidationError names the key
    as its field), so nothing is saved when one of them is wrong."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    values = {key: checked(key, value) for key, value in values.items()}
    with unit_of_work(database) as session:
        for key, value in values.items():
            _write(session, actor, key, value, old=None)


def checked(key: str, value: str) -> str:
    """The value as stored (letterhead texts trimmed), or a ValidationError naming the key."""
    if key == CLINIC_LOGO:
        raise ValidationError("logo", "invalid", "Choose the logo with set_logo.")
    if key == TREATMENT_GATE and value not in GATE_MODES:
        raise ValidationError(key, "invalid", f"The gate is one of {', '.join(GATE_MODES)}.")
    if key not in TEXT_LIMITS:
        return value
    value = " ".join(value.split())
    if key == CLINIC_NAME and not value:
        raise ValidationError(key, "required", "Enter the clinic's name as patients know it.")
    if len(value) > TEXT_LIMITS[key]:
        raise ValidationError(
            key, "too_long", f"At most {TEXT_LIMITS[key]} characters.", max=TEXT_LIMITS[key]
        )
    return value


def _write(
    session: Session, actor: Actor, key: str, value: str | None, old: dict[str, str] | None
) -> None:
    """Set (or with None remove) one setting; ``old`` replaces the audited before/after
    values (the logo is audited by its hash, not its bytes)."""
    row = session.get(ClinicSetting, key)
    before = row.value if row else None
    if before == value:
        return
    if value is None:
        assert row is not None
        session.delete(row)
    elif row is None:
        session.add(ClinicSetting(key=key, value=value, updated_by_id=actor.staff_id))
    else:
        row.value = value
        row.updated_by_id = actor.staff_id
    summary = old if old is not None else {"old": before, "new": value}
    audit.record(session, actor, "change", "clinic_setting", key, **summary)


def gate_mode(session: Session) -> str:
    """What the pre-treatment gate does when something is missing: warn or block."""
    row = session.get(ClinicSetting, TREATMENT_GATE)
    return row.value if row is not None and row.value in GATE_MODES else GATE_WARN


def set_logo(database: Database, actor: Actor, image_bytes: bytes) -> bytes:
    """Check, flatten and scale a PNG or JPEG file and keep it as the letterhead's logo.

    Returns the stored PNG. A file that is not a PNG or JPEG image, or is over 5 MB, is a
    ValidationError on the field ``logo`` and the old logo stays."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    png = logo_from_file(image_bytes)
    digest = hashlib.sha256(png).hexdigest()
    with unit_of_work(database) as session:
        _write(
            session,
            actor,
            CLINIC_LOGO,
            base64.b64encode(png).decode("ascii"),
            old={"new_sha256": digest, "bytes": str(len(png))},
        )
    return png


def clear_logo(database: Database, actor: Actor) -> None:
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    with unit_of_work(database) as session:
        _write(session, actor, CLINIC_LOGO, None, old={"removed": "logo"})


def logo_png(database: Database) -> bytes | None:
    with unit_of_work(database, write=False) as session:
        return stored_logo(session)


def stored_logo(session: Session) -> bytes | None:
    """The logo's PNG bytes, or None (none chosen, or the stored text is damaged)."""
    row = session.get(ClinicSetting, CLINIC_LOGO)
    if row is None or not row.value:
        return None
    try:
        return base64.b64decode(row.value, validate=True)
    except (binascii.Error, ValueError):
        return None


def logo_from_file(data: bytes) -> bytes:
    """A PNG of at most 600 px tall on white, from the bytes of a PNG or JPEG file."""
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError("logo", "logo_too_large", "The logo file is larger than 5 MB.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in ("PNG", "JPEG"):
                    raise ValidationError("logo", "logo_type", "Choose a PNG or JPEG picture.")
                if image.width * image.height > MAX_LOGO_PIXELS:
                    raise ValidationError(
                        "logo", "logo_too_large", "The logo picture is too large."
                    )
                flat = _flattened(ImageOps.exif_transpose(image))
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning) as exc:
        raise ValidationError(
            "logo", "logo_unreadable", "This file is not a PNG or JPEG picture."
        ) from exc
    flat.thumbnail((LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    flat.save(out, "PNG", optimize=True)
    return out.getvalue()


def _flattened(image: Image.Image) -> Image.Image:
    """RGB, with any transparency laid on white (paper), as the letterhead prints it."""
    transparent = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if not transparent:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(paper, rgba).convert("RGB")
