"""The words the Documents section shows for template data: kinds, placeholders, markup
errors, who saved a version. One place, so the list, the history and the editor agree."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.models import TemplateKind
from desktop_app.services.template_text import TemplateError


def kind_name(kind: TemplateKind | str) -> str:
    return {
        TemplateKind.CONSENT: QCoreApplication.translate("TemplateWords", "Consent"),
        TemplateKind.AFTERCARE: QCoreApplication.translate("TemplateWords", "Aftercare"),
        TemplateKind.GENERAL: QCoreApplication.translate("TemplateWords", "General"),
    }[TemplateKind(kind)]


def placeholder_description(name: str) -> str:
    """What a placeholder prints, for the Insert placeholder menu."""
    texts = {
        "patient.name": QCoreApplication.translate("TemplateWords", "Patient's name"),
        "patient.record_no": QCoreApplication.translate("TemplateWords", "Record number"),
        "patient.birth_date": QCoreApplication.translate("TemplateWords", "Date of birth"),
        "patient.age": QCoreApplication.translate("TemplateWords", "Age in years"),
        "patient.sex": QCoreApplication.translate("TemplateWords", "Sex"),
        "patient.mobile_masked": QCoreApplication.translate(
            "TemplateWords", "Mobile number, partly hidden (138****1234)"
        ),
        "guardian.name": QCoreApplication.translate(
            "TemplateWords", "Guardian's name (patients under 18)"
        ),
        "guardian.relation": QCoreApplication.translate(
            "TemplateWords", "Guardian's relation to the patient"
        ),
        "treatment.item": QCoreApplication.translate("TemplateWords", "Treatment item"),
        "treatment.areas": QCoreApplication.translate("TemplateWords", "Treated areas"),
        "treatment.products": QCoreApplication.translate(
            "TemplateWords", "Products used, with lot numbers and quantities"
        ),
        "treatment.operator": QCoreApplication.translate(
            "TemplateWords", "Who performs the treatment"
        ),
        "treatment.date": QCoreApplication.translate("TemplateWords", "Treatment date"),
        "treatment.next_review": QCoreApplication.translate("TemplateWords", "Next review date"),
        "clinic.name": QCoreApplication.translate("TemplateWords", "Clinic name"),
        "clinic.address": QCoreApplication.translate("TemplateWords", "Clinic address"),
        "clinic.phone": QCoreApplication.translate("TemplateWords", "Clinic phone"),
        "today": QCoreApplication.translate("TemplateWords", "Date the document is printed"),
    }
    return texts.get(name, name)


def saved_by(author: str | None, when: dt.datetime) -> str:
    """'王店长, 2026-11-24 10:42', or that the version came with the app."""
    stamp = f"{when.astimezone():%Y-%m-%d %H:%M}"
    if author is None:
        return QCoreApplication.translate("TemplateWords", "shipped with Clinic Desk")
    return QCoreApplication.translate("TemplateWords", "{who}, {when}").format(
        who=author, when=stamp
    )


_MARKUP_ERRORS = {
    "unknown_placeholder": QT_TRANSLATE_NOOP(
        "TemplateWords", "Unknown placeholder {detail}: choose one from Insert placeholder."
    ),
    "not_placeholder": QT_TRANSLATE_NOOP(
        "TemplateWords", "{detail} is not a placeholder. To print a brace itself, type it twice."
    ),
    "unclosed_brace": QT_TRANSLATE_NOOP(
        "TemplateWords", "The brace at column {detail} is never closed."
    ),
    "unopened_brace": QT_TRANSLATE_NOOP(
        "TemplateWords", "The closing brace at column {detail} has no opening brace."
    ),
    "unclosed_bold": QT_TRANSLATE_NOOP(
        "TemplateWords", "Bold text (**) is opened here but never closed."
    ),
}


def markup_error_text(exc: TemplateError) -> str:
    """A markup error in the user's language, with its line ("Line 3: …"); an error
    without a known code is shown as the parser wrote it rather than hidden."""
    message = exc.message
    if exc.code in _MARKUP_ERRORS:
        message = QCoreApplication.translate("TemplateWords", _MARKUP_ERRORS[exc.code]).format(
            detail=exc.detail
        )
    if not exc.line:
        return message
    return QCoreApplication.translate("TemplateWords", "Line {line}: {message}").format(
        line=exc.line, message=message
    )
