"""Identity numbers, mobiles and name search keys: normalised once, the same everywhere.

Resident ID cards through python-stdnum (cn.ric), mobiles through phonenumbers (default
region CN), pinyin through pypinyin with common polyphonic surnames read as surnames.
Pure functions: used by intake, the importer and search alike.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from desktop_app.services.errors import ValidationError

ID_TYPES = ("resident_id", "passport", "hk_macau_permit", "taiwan_permit")

# Surnames whose reading differs from the character's most common one (曾 is ceng in
# 曾经 but zeng as a surname); two-character surnames first, as they are matched first.
SURNAME_READINGS = {
    "长孙": ("zhang", "sun"),
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "曾": ("zeng",),
    "单": ("shan",),
    "仇": ("qiu",),
    "解": ("xie",),
    "区": ("ou",),
    "查": ("zha",),
    "朴": ("piao",),
    "盖": ("ge",),
    "乐": ("yue",),
    "缪": ("miao",),
    "覃": ("qin",),
    "翟": ("zhai",),
    "召": ("shao",),
    "种": ("chong",),
    "员": ("yun",),
    "秘": ("bi",),
    "繁": ("po",),
    "句": ("gou",),
    "朝": ("chao",),
    "宓": ("fu",),
    "纪": ("ji",),
    "任": ("ren",),
    "华": ("hua",),
    "重": ("chong",),
}


@dataclass(frozen=True)
class ResidentId:
    number: str  # 18 characters, upper-case check character
    birth_date: dt.date
    sex: str  # "F" or "M"


@dataclass(frozen=True)
class Mobile:
    e164: str  # +8613800138000
    national: str  # digits as dialled inside its own region: 13800138000


def fold(text: str) -> str:
    """Full-width digits and letters to ASCII (NFKC), surrounding space removed."""
    return unicodedata.normalize("NFKC", text).strip()


def resident_id(text: str) -> ResidentId:
    """Check a resident ID card number; a 15-digit legacy number comes back as 18 digits."""
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError as StdnumError

    number = "".join(fold(text).split()).upper()
    if len(number) == 15 and number.isdigit():
        body = number[:6] + "19" + number[6:]
        number = body + ric.calc_check_digit(body + "?")  # it ignores the last character
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        raise ValidationError("id_number", "id_format", "A resident ID has 18 characters.")
    try:
        birth = ric.get_birth_date(number)
    except StdnumError as exc:
        raise ValidationError(
            "id_number", "id_birth_date", "The date of birth in this ID number is not a date."
        ) from exc
    if birth > dt.date.today():
        raise ValidationError(
            "id_number", "id_birth_date", "The date of birth in this ID number is in the future."
        )
    # Checksum and birth date only: stdnum's validate() also rejects birth-place codes it
    # does not know, and counties merged since a card was issued would fail real people.
    if ric.calc_check_digit(number) != number[17]:
        raise ValidationError(
            "id_number", "id_checksum", "This ID number's check digit is wrong: check for a typo."
        )
    return ResidentId(number, birth, "M" if int(number[16]) % 2 else "F")


def mobile(text: str) -> Mobile:
    """Normalise a mobile typed any way (full-width, spaces, dashes, +86, 0086)."""
    import phonenumbers

    folded = fold(text)
    if folded.startswith("00"):
        folded = "+" + folded[2:]
    try:
        parsed = phonenumbers.parse(folded, "CN")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError("mobile", "mobile_invalid", "This is not a phone number.") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(
            "mobile", "mobile_invalid", "This phone number cannot exist: check the digits."
        )
    national = phonenumbers.national_significant_number(parsed)
    return Mobile(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), national)


def mask_mobile(e164: str | None) -> str:
    """138****1234: enough to confirm with the patient, not enough to call them."""
    if not e164:
        return ""
    digits = e164[3:] if e164.startswith("+86") else e164.lstrip("+")
    if len(digits) < 7:
        return digits
    return f"{digits[:3]}****{digits[-4:]}"


def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials), lower case: 张三丰 → zhangsanfeng, zsf; Anna Li → annali, al."""
    import re

    from pypinyin import Style, lazy_pinyin

    name = fold(name)
    syllables: list[str] = []
    for length in (2, 1):
        reading = SURNAME_READINGS.get(name[:length])
        if reading and len(name) > length:
            syllables, name = list(reading), name[length:]
            break
    for piece in lazy_pinyin(name, style=Style.NORMAL):
        syllables.extend(re.findall(r"\w+", piece.lower()))  # Latin runs split into words
    return "".join(syllables), "".join(s[0] for s in syllables)
