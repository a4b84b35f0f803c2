"""Turning what the front desk typed into a patient's column values, or field errors.

The rules of the intake form (issue 4): ID numbers checked (or marked unverified with a
reason), mobiles normalised, minors need a guardian, the date of birth and sex agree with
a valid ID number. Shared by registration, corrections and, later, the importer.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from desktop_app.models import ConsentKind
from desktop_app.services import identity
from desktop_app.services.errors import ValidationError

HISTORY_FLAGS = (
    "pregnancy",  # pregnant or breast-feeding
    "anticoagulants",
    "keloid",  # keloid or abnormal scarring
    "autoimmune",
    "isotretinoin",  # in the last six months
    "implants_elsewhere",  # implants or fillers done elsewhere
)
ADULT_AGE = 18
OWN_CONSENT_AGE = 14  # PIPL: under 14, a guardian consents
MAX_NOTE = 20_000
# Columns clean() derives for search; not what anyone typed, so not shown in the audit log.
SEARCH_KEYS = frozenset({"name_pinyin", "name_initials", "mobile_rev", "id_rev"})


@dataclass(frozen=True)
class PatientDraft:
    """The intake form as typed. Only the name is required by itself."""

    name: str
    sex: str | None = None
    birth_date: dt.date | None = None
    mobile: str | None = None
    id_type: str | None = None  # one of identity.ID_TYPES; resident_id when a number is typed
    id_number: str | None = None
    id_unverified_reason: str | None = None  # lets an invalid ID number be saved, flagged
    region: str | None = None
    source_channel: str | None = None
    referrer_id: uuid.UUID | None = None
    consultant_id: uuid.UUID | None = None
    interests: str = ""
    allergies: str = ""
    history_flags: tuple[str, ...] = ()
    history_notes: str = ""
    emergency_name: str | None = None
    emergency_phone: str | None = None
    guardian_name: str | None = None
    guardian_relation: str | None = None
    guardian_mobile: str | None = None
    notes: str = ""
    consents: dict[ConsentKind, bool] = field(default_factory=dict)
    tags: tuple[str, ...] = ()  # the clinic's tags or free ones; not a Patient column


def parse_date(text: str, field_name: str = "birth_date") -> dt.date | None:
    """A date typed at the desk: 1990-05-20, 1990/5/20, 1990.5.20 or 19900520; blank is None."""
    import re

    folded = identity.fold(text)
    if not folded:
        return None
    parts = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", folded) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", folded
    )
    try:
        if parts is None:
            raise ValueError(folded)
        return dt.date(*(int(part) for part in parts.groups()))
    except ValueError as exc:
        raise ValidationError(
            field_name, "date_format", "Type the date as YYYY-MM-DD, e.g. 1990-05-20."
        ) from exc


def age_on(birth_date: dt.date, today: dt.date) -> int:
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - before_birthday


def clean(
    draft: PatientDraft,
    today: dt.date | None = None,
    *,
    guardian_required: bool = True,
    with_search_keys: bool = True,
) -> dict[str, object]:
    """Column values for a Patient, or ValidationError naming the first bad field.

    ``guardian_required=False`` lets the importer bring in a minor whose old record has no
    guardian (reported, for the desk to complete); the form itself always asks. The
    importer also leaves the search keys out (``with_search_keys=False``) and adds them
    with search_keys() in the process that has time for them.
    """
    today = today or dt.date.today()
    name = " ".join(identity.fold(draft.name).split()) if draft.name else ""
    if not name:
        raise ValidationError("name", "required", "Enter the patient's name.")
    if len(name) > 100:
        raise ValidationError("name", "too_long", "A name has at most 100 characters.", max=100)
    values: dict[str, object] = {"name": name, "sex": draft.sex, "birth_date": draft.birth_date}
    if draft.sex not in (None, "F", "M"):
        raise ValidationError("sex", "invalid", "Sex is F, M or not given.")
    values.update(_id_values(draft, values))
    birth = values["birth_date"]
    if isinstance(birth, dt.date) and birth > today:
        raise ValidationError("birth_date", "future_date", "The date of birth is in the future.")
    values["mobile"] = identity.mobile(draft.mobile).e164 if _given(draft.mobile) else None
    born = birth if isinstance(birth, dt.date) and guardian_required else None
    values.update(_guardian_values(draft, born, today))
    unknown = set(draft.history_flags) - set(HISTORY_FLAGS)
    if unknown:
        raise ValidationError("history_flags", "invalid", f"Unknown flags: {sorted(unknown)}")
    for name_, text in (
        ("notes", draft.notes),
        ("history_notes", draft.history_notes),
        ("allergies", draft.allergies),
        ("interests", draft.interests),
    ):
        if len(text) > MAX_NOTE:
            raise ValidationError(name_, "too_long", "This text is too long.", max=MAX_NOTE)
    emergency = draft.emergency_phone
    values.update(
        region=_text(draft.region),
        source_channel=_text(draft.source_channel),
        referrer_id=draft.referrer_id,
        consultant_id=draft.consultant_id,
        interests=draft.interests.strip(),
        allergies=draft.allergies.strip(),
        history_flags=",".join(f for f in HISTORY_FLAGS if f in draft.history_flags),
        history_notes=draft.history_notes.strip(),
        emergency_name=_text(draft.emergency_name),
        emergency_phone=_phone("emergency_phone", emergency) if _given(emergency) else None,
        notes=draft.notes.strip(),
    )
    if with_search_keys:
        values.update(search_keys(values))
    return values


def search_keys(values: dict[str, object]) -> dict[str, object]:
    """The SEARCH_KEYS columns of clean()'s values: pinyin of the name, reversed numbers."""
    full, initials = identity.name_keys(str(values["name"]))
    mobile, id_number = values["mobile"], values["id_number"]
    return {
        "name_pinyin": full,
        "name_initials": initials,
        "mobile_rev": str(mobile)[::-1] if mobile else None,
        "id_rev": str(id_number)[::-1] if id_number else None,
    }


def consent_giver(values: dict[str, object], today: dt.date | None = None) -> str:
    """Who gives PIPL consent: the patient, or under 14 the guardian."""
    birth = values.get("birth_date")
    if isinstance(birth, dt.date) and age_on(birth, today or dt.date.today()) < OWN_CONSENT_AGE:
        return "guardian"
    return "patient"


def _given(text: str | None) -> bool:
    return bool(text and text.strip())


def _text(text: str | None) -> str | None:
    return text.strip() or None if text else None


def _phone(field_name: str, text: str) -> str:
    try:
        return identity.mobile(text).e164
    except ValidationError as exc:
        raise ValidationError(field_name, exc.code, exc.message) from exc


def _id_values(draft: PatientDraft, typed: dict[str, object]) -> dict[str, object]:
    if not _given(draft.id_number):
        return {"id_type": None, "id_number": None, "id_unverified_reason": None}
    id_type = draft.id_type or "resident_id"
    if id_type not in identity.ID_TYPES:
        raise ValidationError("id_type", "invalid", "Unknown ID type.")
    raw = "".join(identity.fold(draft.id_number or "").split()).upper()
    reason = _text(draft.id_unverified_reason)
    if id_type != "resident_id":
        return {"id_type": id_type, "id_number": raw, "id_unverified_reason": reason}
    try:
        checked = identity.resident_id(raw)
    except ValidationError:
        if reason is None:
            raise
        return {"id_type": id_type, "id_number": raw, "id_unverified_reason": reason}
    if typed["birth_date"] not in (None, checked.birth_date):
        raise ValidationError(
            "birth_date", "id_mismatch", "The date of birth does not match the ID number."
        )
    if typed["sex"] not in (None, checked.sex):
        raise ValidationError("sex", "id_mismatch", "The sex does not match the ID number.")
    return {
        "id_type": id_type,
        "id_number": checked.number,
        "id_unverified_reason": None,
        "birth_date": checked.birth_date,
        "sex": checked.sex,
    }


def _guardian_values(
    draft: PatientDraft, birth: dt.date | None, today: dt.date
) -> dict[str, object]:
    values = {
        "guardian_name": _text(draft.guardian_name),
        "guardian_relation": _text(draft.guardian_relation),
        "guardian_mobile": (
            _phone("guardian_mobile", draft.guardian_mobile or "")
            if _given(draft.guardian_mobile)
            else None
        ),
    }
    if birth is not None and age_on(birth, today) < ADULT_AGE:
        for name_, label in (
            ("guardian_name", "name"),
            ("guardian_relation", "relation"),
            ("guardian_mobile", "mobile"),
        ):
            if values[name_] is None:
                raise ValidationError(
                    name_, "guardian_required", f"A minor needs a guardian: enter their {label}."
                )
    return values
