"""Words for photos in the user's language: stages ("Follow-up day 14"), angles, captions,
the titles the gallery groups under, why a file was refused and what an import did.
Shared by the gallery, the import and the camera inbox."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.ui.clinical_names import AREA_NAMES, word

if TYPE_CHECKING:
    from desktop_app.services.photos import ImportReport, PhotoSummary, Refused

STAGE_NAMES = {
    "before": QT_TRANSLATE_NOOP("Photos", "Before"),
    "after": QT_TRANSLATE_NOOP("Photos", "After"),
    "follow_up": QT_TRANSLATE_NOOP("Photos", "Follow-up"),
    "other": QT_TRANSLATE_NOOP("Photos", "Other"),
}
ANGLE_NAMES = {
    "front": QT_TRANSLATE_NOOP("Photos", "Front"),
    "left_45": QT_TRANSLATE_NOOP("Photos", "Left 45°"),
    "right_45": QT_TRANSLATE_NOOP("Photos", "Right 45°"),
    "left_90": QT_TRANSLATE_NOOP("Photos", "Left 90°"),
    "right_90": QT_TRANSLATE_NOOP("Photos", "Right 90°"),
    "top": QT_TRANSLATE_NOOP("Photos", "Top"),
    "bottom": QT_TRANSLATE_NOOP("Photos", "Bottom"),
    "close_up": QT_TRANSLATE_NOOP("Photos", "Close-up"),
}


def photo_word(names: dict[str, str], code: str) -> str:
    """The translated word for a stage or angle code (marked above for lupdate)."""
    text = names.get(code)
    return QCoreApplication.translate("Photos", text) if text else code


def stage_text(photo: PhotoSummary) -> str:
    """ "Before", "After", "Follow-up day 14" … in the user's language."""
    if photo.stage == "follow_up" and photo.follow_up_day:
        text = QCoreApplication.translate("Photos", "Follow-up day {day}")
        return text.format(day=photo.follow_up_day)
    return photo_word(STAGE_NAMES, photo.stage)


def caption(photo: PhotoSummary) -> tuple[str, str]:
    """The two lines under a thumbnail: the stage, then angle · local date (a narrow cell
    drops the date rather than cut a word)."""
    when = f"{photo.taken_at.astimezone():%Y-%m-%d}"
    angle = photo_word(ANGLE_NAMES, photo.angle) if photo.angle else ""
    return stage_text(photo), f"{angle} · {when}" if angle else when


def details(photo: PhotoSummary) -> list[str]:
    """What else there is to say (tooltip, viewer): area, notes, file, camera."""
    area = word(AREA_NAMES, photo.area) if photo.area else ""
    return [text for text in (area, photo.notes, photo.source_name, photo.camera) if text]


def group_key(photo: PhotoSummary, grouping: str) -> tuple[Any, str]:
    """(sort key, title) of the group a photo falls in; groups come newest first."""
    if grouping == "treatment":
        if photo.treatment_id is None or photo.treated_at is None:
            return ("", ""), QCoreApplication.translate("Photos", "Not linked to a treatment")
        local = photo.treated_at.astimezone()
        title = f"{photo.treatment_item or ''} · {local:%Y-%m-%d}".strip(" ·")
        return (local.isoformat(), str(photo.treatment_id)), title
    day = f"{photo.taken_at.astimezone():%Y-%m-%d}"
    return (day, ""), day


REFUSALS = {
    "empty": QT_TRANSLATE_NOOP("PhotoImport", "the file is empty"),
    "not_image": QT_TRANSLATE_NOOP("PhotoImport", "not a picture Clinic Desk can read"),
    "truncated": QT_TRANSLATE_NOOP("PhotoImport", "the file is incomplete or damaged"),
    "too_large": QT_TRANSLATE_NOOP("PhotoImport", "the picture is over 100 megapixels"),
    "heic_unsupported": QT_TRANSLATE_NOOP(
        "PhotoImport", "HEIC photos cannot be read on this computer: save them as JPEG"
    ),
    "unreadable": QT_TRANSLATE_NOOP("PhotoImport", "the file could not be read"),
}


def refusal_text(refused: Refused) -> str:
    text = REFUSALS.get(refused.code)
    return QCoreApplication.translate("PhotoImport", text) if text else refused.message


def summary_text(report: ImportReport) -> str:
    """What happened to every file, in the user's words; refused ones each with a reason."""
    translate = QCoreApplication.translate
    count = len(report.imported)
    parts = [translate("PhotoImport", "%n photo(s) imported.", "", count)]
    if report.cancelled:
        parts.append(
            translate("PhotoImport", "Import stopped: the remaining files were not imported.")
        )
    if report.duplicates:
        names = ", ".join(d.file_name for d in report.duplicates)
        text = translate("PhotoImport", "Already in this record, not imported again: {files}")
        parts.append(text.format(files=names))
    if report.refused:
        lines = [f"• {r.file_name}: {refusal_text(r)}" for r in report.refused]
        heading = translate("PhotoImport", "Not imported:")
        parts.append(heading + "\n" + "\n".join(lines))
    return "\n\n".join(parts)
