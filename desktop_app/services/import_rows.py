"""One row of an import file to a patient's column values, with what was wrong with it.

Pure: no database, no Qt. The clinic's staff and channels come in as lookups, so the
whole file is checked with the rules of the intake form (intake.clean) without a query
per row. A row is either *usable* (perhaps with warnings: an ID number kept unverified,
a date that could not be read and was left out) or *rejected* (no name, a mobile that
cannot exist), never silently changed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from desktop_app.services import identity, import_reading, intake
from desktop_app.services.errors import ValidationError

MAX_ID = 32  # patients.id_number's width


@dataclass(frozen=True)
class Problem:
    """Why a row is not clean: a code the report and the screen put into words.

    ``value`` is what the file held (or, for a duplicate, the record number or row it
    repeats), so the words can quote it.
    """

    code: str
    field: str = ""
    value: str = ""


@dataclass(frozen=True)
class Lookups:
    """The clinic's names, keyed by import_reading.header_key (so 李娜 matches 李 娜)."""

    consultants: Mapping[str, uuid.UUID] = field(default_factory=dict)
    channels: Mapping[str, str] = field(default_factory=dict)  # key → the channel's own name


@dataclass
class ParsedRow:
    row_no: int
    # intake.clean's columns without its search keys, and first_visit_on; None: rejected
    values: dict[str, object] | None
    problems: list[Problem]
    # ("mobile", "+86…") and ("id_number", "…"): what the row is deduped by
    keys: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class RowContext:
    """What checking a row needs besides the row: picklable, for worker processes.

    ``headers`` are the file's own column titles, which label values kept in the notes
    (a consultant who is not on the staff list).
    """

    mapping: Mapping[str, int]
    headers: Mapping[str, str]
    lookups: Lookups
    today: dt.date


def parse_batch(context: RowContext, rows: list[tuple[int, list[str]]]) -> list[ParsedRow]:
    return [parse_row(number, cells, context) for number, cells in rows]


def parse_row(row_no: int, cells: list[str], context: RowContext) -> ParsedRow:
    """Check one row as the intake form would.

    An unverified ID number's stored reason is its problem's code here; the caller words
    it (word_reasons) in the user's language, which a worker process does not have.
    """
    mapping, headers, lookups, today = (
        context.mapping,
        context.headers,
        context.lookups,
        context.today,
    )

    def cell(name: str) -> str:
        index = mapping.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    problems: list[Problem] = []
    name = import_reading.normal_text(cell("name"))
    raw_mobile, raw_id = cell("mobile"), cell("id_number")
    if not name:
        code = "no_name" if raw_mobile or raw_id else "no_name_or_contact"
        return ParsedRow(row_no, None, [Problem(code, "name")])
    mobile = None  # checked by intake.clean below, as typed ones are
    if raw_mobile:
        try:
            mobile = import_reading.normal_mobile(raw_mobile)
        except ValueError:
            return ParsedRow(row_no, None, [Problem("mobile_invalid", "mobile", raw_mobile)])
    if len("".join(raw_id.split())) > MAX_ID:
        return ParsedRow(row_no, None, [Problem("id_too_long", "id_number", raw_id)])
    sex = _optional(import_reading.normal_sex, cell("sex"), "sex", "sex_unknown", problems)
    birth = _date(cell("birth_date"), "birth_date", today, problems)
    id_values = _id_values(raw_id, problems)
    checked_birth, checked_sex = id_values.pop("checked", (None, None))  # type: ignore[misc]
    if checked_birth is not None:
        if birth not in (None, checked_birth):
            problems.append(Problem("birth_date_mismatch", "birth_date", cell("birth_date")))
        if sex not in (None, checked_sex):
            problems.append(Problem("sex_mismatch", "sex", cell("sex")))
        birth, sex = checked_birth, checked_sex
    notes = [cell("note")] if cell("note") else []
    channel = _looked_up("source", cell("source"), lookups.channels, headers, notes, problems)
    consultant = _looked_up(
        "consultant", cell("consultant"), lookups.consultants, headers, notes, problems
    )
    first_visit = _date(cell("first_visit"), "first_visit", today, problems)
    if mobile is None and id_values["id_number"] is None:
        problems.append(Problem("no_contact", "mobile"))
    draft = intake.PatientDraft(
        name=name,
        sex=sex,
        birth_date=birth,
        mobile=mobile,
        source_channel=channel,  # type: ignore[arg-type]
        consultant_id=consultant,  # type: ignore[arg-type]
        notes="\n".join(notes),
        **id_values,  # type: ignore[arg-type]
    )
    try:
        values = intake.clean(draft, today, guardian_required=False, with_search_keys=False)
    except ValidationError as exc:  # a mobile that cannot exist, a name too long
        value = raw_mobile if exc.field == "mobile" else cell(exc.field)
        return ParsedRow(row_no, None, [Problem(exc.code, exc.field, value)])
    if birth is not None and intake.age_on(birth, today) < intake.ADULT_AGE:
        problems.append(Problem("minor_no_guardian", "birth_date", birth.isoformat()))
    values["first_visit_on"] = first_visit
    keys = [(key, str(values[key])) for key in ("mobile", "id_number") if values[key]]
    return ParsedRow(row_no, values, problems, keys)


def _optional(parse, text: str, name: str, code: str, problems: list[Problem]):  # noqa: ANN001
    if not text:
        return None
    try:
        return parse(text)
    except ValueError:
        problems.append(Problem(code, name, text))
        return None


def _date(text: str, name: str, today: dt.date, problems: list[Problem]) -> dt.date | None:
    iso = _optional(import_reading.normal_date, text, name, "date_unreadable", problems)
    if iso is None:
        return None
    day = dt.date.fromisoformat(iso)
    if day > today:
        problems.append(Problem("date_future", name, text))
        return None
    return day


def _id_values(raw: str, problems: list[Problem]) -> dict[str, object]:
    """A resident ID checked (15 digits become 18), or kept unverified with the reason."""
    if not raw:
        return {"id_number": None}
    number = "".join(identity.fold(raw).split()).upper()
    try:
        checked = identity.resident_id(number)
    except ValidationError as exc:
        problems.append(Problem(exc.code, "id_number", raw))
        return {"id_number": number, "id_type": "resident_id", "id_unverified_reason": exc.code}
    return {
        "id_number": checked.number,
        "id_type": "resident_id",
        "checked": (checked.birth_date, checked.sex),
    }


def _looked_up(
    name: str,
    text: str,
    known: Mapping[str, object],
    headers: Mapping[str, str],
    notes: list[str],
    problems: list[Problem],
) -> object:
    """The clinic's own channel or staff member of that name; an unknown one is kept in
    the notes under the file's column title and reported, not dropped."""
    if not text:
        return None
    found = known.get(import_reading.header_key(text))
    if found is None:
        notes.append(f"{headers.get(name, name)}: {text}")
        problems.append(Problem(f"{name}_unknown", name, text))
    return found


def word_reasons(parsed: list[ParsedRow], words: Callable[[Problem], str]) -> None:
    """Replace each unverified ID number's reason code by its words."""
    for row in parsed:
        if row.values is None or not row.values.get("id_unverified_reason"):
            continue
        problem = next(p for p in row.problems if p.field == "id_number")
        row.values["id_unverified_reason"] = words(problem)
