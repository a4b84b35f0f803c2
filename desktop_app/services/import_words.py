"""The import's problems in English words, for the command line's report and the log.

The wizard words the same codes in the user's language (ui/import_words.py); these are
the sources it translates, kept here so a code without words fails a test, not a user.
"""

from __future__ import annotations

from desktop_app.services.import_rows import Problem

FILE_ERRORS = {
    "file_type": "{name}: only .xlsx and .csv files can be imported (save an .xls as .xlsx).",
    "encoding": "{name}: the text is neither UTF-8 nor GBK; save it as CSV UTF-8 and retry.",
    "header": "{name}: no header row with a name or mobile column was found in its first rows.",
    "empty": "{name}: the file has no rows.",
    "unreadable": "{name}: the file cannot be read; is it open in another program or damaged?",
}

FIELD_NAMES = {
    "name": "name",
    "mobile": "mobile",
    "id_number": "ID number",
    "sex": "sex",
    "birth_date": "date of birth",
    "source": "source",
    "consultant": "consultant",
    "note": "note",
    "first_visit": "first visit",
    "notes": "note",
}

PROBLEMS = {
    "no_name_or_contact": "No name, mobile or ID number: nothing to import.",
    "no_name": "No name: the intake form needs one.",
    "mobile_invalid": "The mobile {value} cannot exist: check the digits.",
    "id_too_long": "The ID number {value} is too long.",
    "id_format": "The ID number {value} is not 18 characters: imported as unverified.",
    "id_birth_date": "The ID number {value} holds no valid date of birth: imported as unverified.",
    "id_checksum": "The ID number {value} has a wrong check digit: imported as unverified.",
    "sex_unknown": "The sex {value} is not 男/女, M/F or 1/2: left empty.",
    "date_unreadable": "The {field} {value} is not a date: left empty.",
    "date_future": "The {field} {value} is in the future: left empty.",
    "birth_date_mismatch": (
        "The date of birth {value} differs from the ID number's: the ID's is used."
    ),
    "sex_mismatch": "The sex {value} differs from the ID number's: the ID's is used.",
    "source_unknown": "The source {value} is not one of the clinic's: kept in the notes.",
    "consultant_unknown": "No active staff member is called {value}: kept in the notes.",
    "no_contact": "No mobile or ID number: cannot be checked for duplicates.",
    "minor_no_guardian": "Under 18 and no guardian on file: add one at the next visit.",
    "duplicate_in_database": "Same {field} as patient {value} already registered.",
    "duplicate_in_file": "Same {field} as row {value} of this file.",
    "already_imported": "Imported earlier from this file as patient {value}.",
    "merged": "Empty fields filled in: {value}.",
    "too_long": "The {field} is too long.",
}


def describe(problem: Problem) -> str:
    """One problem as a sentence; an unknown code shows as itself rather than vanish."""
    text = PROBLEMS.get(problem.code, problem.code + ": {value}")
    field = FIELD_NAMES.get(problem.field, problem.field)
    value = problem.value
    if problem.code == "merged":  # the fields filled in, each in words
        value = ", ".join(FIELD_NAMES.get(name, name) for name in value.split(","))
    return text.format(field=field, value=value)
