"""Words for the clinical record's codes (areas, outcomes, reasons, entry kinds), translated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

AREA_NAMES = {
    "forehead": QT_TRANSLATE_NOOP("Clinical", "Forehead"),
    "glabella": QT_TRANSLATE_NOOP("Clinical", "Glabella"),
    "eyes": QT_TRANSLATE_NOOP("Clinical", "Eyes"),
    "temples": QT_TRANSLATE_NOOP("Clinical", "Temples"),
    "nose": QT_TRANSLATE_NOOP("Clinical", "Nose"),
    "cheeks": QT_TRANSLATE_NOOP("Clinical", "Cheeks"),
    "lips": QT_TRANSLATE_NOOP("Clinical", "Lips"),
    "chin": QT_TRANSLATE_NOOP("Clinical", "Chin"),
    "jawline": QT_TRANSLATE_NOOP("Clinical", "Jawline"),
    "neck": QT_TRANSLATE_NOOP("Clinical", "Neck"),
    "decolletage": QT_TRANSLATE_NOOP("Clinical", "Décolletage"),
    "arms": QT_TRANSLATE_NOOP("Clinical", "Arms"),
    "abdomen": QT_TRANSLATE_NOOP("Clinical", "Abdomen"),
    "thighs": QT_TRANSLATE_NOOP("Clinical", "Thighs"),
    "buttocks": QT_TRANSLATE_NOOP("Clinical", "Buttocks"),
    "hands": QT_TRANSLATE_NOOP("Clinical", "Hands"),
}
OUTCOME_NAMES = {
    "deal": QT_TRANSLATE_NOOP("Clinical", "Deal"),
    "thinking": QT_TRANSLATE_NOOP("Clinical", "Thinking it over"),
    "left": QT_TRANSLATE_NOOP("Clinical", "Left"),
}
REASON_NAMES = {
    "price": QT_TRANSLATE_NOOP("Clinical", "Price"),
    "fear": QT_TRANSLATE_NOOP("Clinical", "Afraid of pain or risk"),
    "compare": QT_TRANSLATE_NOOP("Clinical", "Wants to compare"),
    "family": QT_TRANSLATE_NOOP("Clinical", "Needs to ask family"),
    "not_suitable": QT_TRANSLATE_NOOP("Clinical", "Not suitable"),
    "other": QT_TRANSLATE_NOOP("Clinical", "Other"),
}
KIND_NAMES = {
    "visit": QT_TRANSLATE_NOOP("Clinical", "Visit"),
    "consultation": QT_TRANSLATE_NOOP("Clinical", "Consultation"),
    "assessment": QT_TRANSLATE_NOOP("Clinical", "Doctor's assessment"),
    "plan": QT_TRANSLATE_NOOP("Clinical", "Treatment plan"),
    "course": QT_TRANSLATE_NOOP("Clinical", "Course"),
    "treatment": QT_TRANSLATE_NOOP("Clinical", "Treatment"),
    "document": QT_TRANSLATE_NOOP("Clinical", "Document"),
    "follow_up": QT_TRANSLATE_NOOP("Clinical", "Follow-up call"),
}
REACTION_NAMES = {
    "none": QT_TRANSLATE_NOOP("Clinical", "no reaction"),
    "mild": QT_TRANSLATE_NOOP("Clinical", "mild reaction"),
    "needs_review": QT_TRANSLATE_NOOP("Clinical", "reaction needs a doctor's review"),
}
STATE_NAMES = {
    "signed": QT_TRANSLATE_NOOP("Clinical", "signed"),
    "draft": QT_TRANSLATE_NOOP("Clinical", "draft, not signed"),
    # printed documents (timeline.DOCUMENT_STATES, and "scanned")
    "printed": QT_TRANSLATE_NOOP("Clinical", "printed"),
    "saved": QT_TRANSLATE_NOOP("Clinical", "saved as PDF"),
    "scanned": QT_TRANSLATE_NOOP("Clinical", "signed on paper, scan attached"),
    "outdated": QT_TRANSLATE_NOOP("Clinical", "on an older version"),
    "cancelled": QT_TRANSLATE_NOOP("Clinical", "cancelled"),
    "reached": QT_TRANSLATE_NOOP("Clinical", "reached"),
    "not_reached": QT_TRANSLATE_NOOP("Clinical", "not reached"),
}
LANGUAGE_NAMES = {
    "zh_CN": QT_TRANSLATE_NOOP("Clinical", "Chinese"),
    "en": QT_TRANSLATE_NOOP("Clinical", "English"),
}
FLAG_NAMES = {
    "pregnancy": QT_TRANSLATE_NOOP("Clinical", "Pregnant or breast-feeding"),
    "anticoagulants": QT_TRANSLATE_NOOP("Clinical", "Takes anticoagulants"),
    "keloid": QT_TRANSLATE_NOOP("Clinical", "Keloid / abnormal scarring"),
    "autoimmune": QT_TRANSLATE_NOOP("Clinical", "Autoimmune disease"),
    "isotretinoin": QT_TRANSLATE_NOOP("Clinical", "Isotretinoin in the last 6 months"),
    "implants_elsewhere": QT_TRANSLATE_NOOP("Clinical", "Implants or fillers elsewhere"),
}


def word(names: dict[str, str], code: str) -> str:
    """The translated word for a code; the code itself if it has none (never blank)."""
    text = names.get(code)
    return QCoreApplication.translate("Clinical", text) if text else code
