"""The patient import's codes in the user's language (context "ImportWords").

The service words them in English for the command line (services/import_words.py); the
wizard passes ``describe`` below to the import, so the reason stored with an unverified
ID number and the saved report are in the language the user reads.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.services.import_rows import Problem

FILE_ERRORS = {
    "file_type": QT_TRANSLATE_NOOP(
        "ImportWords", "{name}: only .xlsx and .csv files can be imported (save an .xls as .xlsx)."
    ),
    "encoding": QT_TRANSLATE_NOOP(
        "ImportWords",
        "{name}: the text is neither UTF-8 nor GBK; save it as CSV UTF-8 and try again.",
    ),
    "header": QT_TRANSLATE_NOOP(
        "ImportWords", "{name}: no header row with a name or mobile column was found."
    ),
    "empty": QT_TRANSLATE_NOOP("ImportWords", "{name}: the file has no rows."),
    "unreadable": QT_TRANSLATE_NOOP(
        "ImportWords",
        "{name}: the file cannot be read. Is it open in another program, or damaged?",
    ),
}

FIELD_NAMES = {  # inside a sentence: "The date of birth … is not a date"
    "name": QT_TRANSLATE_NOOP("ImportWords", "name"),
    "mobile": QT_TRANSLATE_NOOP("ImportWords", "mobile"),
    "id_number": QT_TRANSLATE_NOOP("ImportWords", "ID number"),
    "sex": QT_TRANSLATE_NOOP("ImportWords", "sex"),
    "birth_date": QT_TRANSLATE_NOOP("ImportWords", "date of birth"),
    "source": QT_TRANSLATE_NOOP("ImportWords", "source"),
    "consultant": QT_TRANSLATE_NOOP("ImportWords", "consultant"),
    "note": QT_TRANSLATE_NOOP("ImportWords", "note"),
    "first_visit": QT_TRANSLATE_NOOP("ImportWords", "first visit"),
    "notes": QT_TRANSLATE_NOOP("ImportWords", "note"),
}

COLUMN_LABELS = {  # the wizard's choice above each column
    "name": QT_TRANSLATE_NOOP("ImportWords", "Name"),
    "mobile": QT_TRANSLATE_NOOP("ImportWords", "Mobile"),
    "id_number": QT_TRANSLATE_NOOP("ImportWords", "ID number"),
    "sex": QT_TRANSLATE_NOOP("ImportWords", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("ImportWords", "Date of birth"),
    "source": QT_TRANSLATE_NOOP("ImportWords", "Source"),
    "consultant": QT_TRANSLATE_NOOP("ImportWords", "Consultant"),
    "note": QT_TRANSLATE_NOOP("ImportWords", "Note"),
    "first_visit": QT_TRANSLATE_NOOP("ImportWords", "First visit"),
}

PROBLEMS = {
    "no_name_or_contact": QT_TRANSLATE_NOOP(
        "ImportWords", "No name, mobile or ID number: nothing to import."
    ),
    "no_name": QT_TRANSLATE_NOOP("ImportWords", "No name: the intake form needs one."),
    "mobile_invalid": QT_TRANSLATE_NOOP(
        "ImportWords", "The mobile {value} cannot exist: check the digits."
    ),
    "id_too_long": QT_TRANSLATE_NOOP("ImportWords", "The ID number {value} is too long."),
    "id_format": QT_TRANSLATE_NOOP(
        "ImportWords", "The ID number {value} is not 18 characters: imported as unverified."
    ),
    "id_birth_date": QT_TRANSLATE_NOOP(
        "ImportWords",
        "The ID number {value} holds no valid date of birth: imported as unverified.",
    ),
    "id_checksum": QT_TRANSLATE_NOOP(
        "ImportWords", "The ID number {value} has a wrong check digit: imported as unverified."
    ),
    "sex_unknown": QT_TRANSLATE_NOOP(
        "ImportWords", "The sex {value} is not 男/女, M/F or 1/2: left empty."
    ),
    "date_unreadable": QT_TRANSLATE_NOOP(
        "ImportWords", "The {field} {value} is not a date: left empty."
    ),
    "date_future": QT_TRANSLATE_NOOP(
        "ImportWords", "The {field} {value} is in the future: left empty."
    ),
    "birth_date_mismatch": QT_TRANSLATE_NOOP(
        "ImportWords", "The date of birth {value} differs from the ID number's: the ID's is used."
    ),
    "sex_mismatch": QT_TRANSLATE_NOOP(
        "ImportWords", "The sex {value} differs from the ID number's: the ID's is used."
    ),
    "source_unknown": QT_TRANSLATE_NOOP(
        "ImportWords", "The source {value} is not one of the clinic's: kept in the notes."
    ),
    "consultant_unknown": QT_TRANSLATE_NOOP(
        "ImportWords", "No active staff member is called {value}: kept in the notes."
    ),
    "no_contact": QT_TRANSLATE_NOOP(
        "ImportWords", "No mobile or ID number: cannot be checked for duplicates."
    ),
    "minor_no_guardian": QT_TRANSLATE_NOOP(
        "ImportWords", "Under 18 and no guardian on file: add one at the next visit."
    ),
    "duplicate_in_database": QT_TRANSLATE_NOOP(
        "ImportWords", "Same {field} as patient {value}, already registered."
    ),
    "duplicate_in_file": QT_TRANSLATE_NOOP(
        "ImportWords", "Same {field} as row {value} of this file."
    ),
    "already_imported": QT_TRANSLATE_NOOP(
        "ImportWords", "Imported earlier from this file as patient {value}."
    ),
    "merged": QT_TRANSLATE_NOOP("ImportWords", "Empty fields filled in: {value}."),
    "too_long": QT_TRANSLATE_NOOP("ImportWords", "The {field} is too long."),
}

OUTCOMES = {
    "imported": QT_TRANSLATE_NOOP("ImportWords", "New patient"),
    "warning": QT_TRANSLATE_NOOP("ImportWords", "New patient, to look at"),
    "duplicate": QT_TRANSLATE_NOOP("ImportWords", "Already registered"),
    "rejected": QT_TRANSLATE_NOOP("ImportWords", "Not imported"),
}

MAPPING_ERRORS = {
    "unknown_field": QT_TRANSLATE_NOOP("ImportWords", "A column is mapped to an unknown field."),
    "no_such_column": QT_TRANSLATE_NOOP("ImportWords", "A field is mapped to no column."),
    "column_twice": QT_TRANSLATE_NOOP("ImportWords", "One column is mapped to two fields."),
    "name_unmapped": QT_TRANSLATE_NOOP(
        "ImportWords", "Choose the column that holds the patient's name."
    ),
}


def _words(table: dict[str, str], code: str) -> str | None:
    source = table.get(code)
    return QCoreApplication.translate("ImportWords", source) if source else None


def field_name(code: str) -> str:
    """A field in words, inside a sentence; a field with no words yet shows as its code."""
    return _words(FIELD_NAMES, code) or code


def column_label(code: str) -> str:
    """A field as the wizard offers it above a column."""
    return _words(COLUMN_LABELS, code) or code


def describe(problem: Problem) -> str:
    """One problem as a sentence (services.import_words.describe's signature); an unknown
    code shows as itself rather than vanish. Safe from a worker thread."""
    text = _words(PROBLEMS, problem.code) or problem.code + ": {value}"
    field = field_name(problem.field) if problem.field else ""
    value = problem.value
    if problem.code == "merged":  # the fields filled in, each in words
        separator = QCoreApplication.translate("ImportWords", ", ")
        value = separator.join(field_name(name) for name in value.split(","))
    # a quoted value may hold braces: format the template only, never the value
    return text.replace("{field}", field).replace("{value}", value)


def file_error(reason: str, name: str) -> str:
    text = _words(FILE_ERRORS, reason) or _words(FILE_ERRORS, "unreadable") or reason
    return text.replace("{name}", name)


def outcome_name(code: str) -> str:
    return _words(OUTCOMES, code) or code


def mapping_error(code: str, english: str) -> str:
    return _words(MAPPING_ERRORS, code) or english
