"""A timeline entry's full content, read (and the reading audited) when it is opened."""

from __future__ import annotations

import html as html_lib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_app.services import (
    assessments,
    consultations,
    document_entries,
    reminders,
    treatments,
)
from desktop_app.services.document_entries import DocumentDetail
from desktop_app.services.timeline import Entry, EntryKind
from desktop_app.ui.clinical_names import (
    AREA_NAMES,
    KIND_NAMES,
    LANGUAGE_NAMES,
    OUTCOME_NAMES,
    REACTION_NAMES,
    REASON_NAMES,
    STATE_NAMES,
    word,
)
from desktop_app.ui.face_pictures import detail_html
from desktop_app.ui.queue_cards import STATUS_NAMES, TYPE_NAMES, queue_text

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


def entry_text(entry: Entry) -> str:
    """One line: date and time, what it was, the gist, who."""
    when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
    kind = word(KIND_NAMES, entry.kind)
    if entry.kind == EntryKind.VISIT:
        gist = " · ".join(
            filter(
                None,
                (
                    queue_text(TYPE_NAMES.get(entry.label, entry.label)) if entry.label else "",
                    queue_text(STATUS_NAMES.get(entry.state, entry.state)),
                ),
            )
        )
    elif entry.kind == EntryKind.CONSULTATION:
        outcome = word(OUTCOME_NAMES, entry.label) if entry.label else ""
        gist = " · ".join(filter(None, (outcome, entry.state)))
    elif entry.kind == EntryKind.ASSESSMENT:
        gist = " · ".join(filter(None, (entry.label, word(STATE_NAMES, entry.state))))
    elif entry.kind == EntryKind.COURSE:
        gist = f"{entry.label} · {entry.state}"
    elif entry.kind == EntryKind.DOCUMENT:
        state = word(STATE_NAMES, entry.state)
        if entry.outdated:
            state += " · " + word(STATE_NAMES, "outdated")
        gist = f"{entry.label} · {state}"
    elif entry.kind == EntryKind.FOLLOW_UP:
        gist = f"{entry.label} · {follow_up_gist(entry.state)}"
    elif entry.kind == EntryKind.TREATMENT and entry.state == "cancelled":
        gist = f"{entry.label} · {word(STATE_NAMES, 'cancelled')}"
    else:
        gist = entry.label
    return "  ".join(filter(None, (when, kind, gist, entry.person)))


def follow_up_gist(state: str) -> str:
    """ "not_reached", or "reaction/satisfaction" → reached · mild reaction · satisfaction 4."""
    if state == "not_reached":
        return word(STATE_NAMES, state)
    reaction, _, satisfaction = state.partition("/")
    parts = [word(STATE_NAMES, "reached")]
    if reaction:
        parts.append(word(REACTION_NAMES, reaction))
    if satisfaction:
        parts.append(
            QCoreApplication.translate("EntryDetail", "satisfaction {n}/5").format(n=satisfaction)
        )
    return " · ".join(parts)


def load(database: Database, actor: Actor, entry: Entry) -> object | None:
    """The service record behind an entry (runs on the Runner); None for one-line kinds."""
    if entry.kind == EntryKind.CONSULTATION:
        return consultations.get_consultation(database, actor, entry.id)
    if entry.kind == EntryKind.ASSESSMENT:
        return assessments.get_assessment(database, actor, entry.id)
    if entry.kind == EntryKind.TREATMENT:
        return treatments.get_treatment(database, actor, entry.id)
    if entry.kind == EntryKind.DOCUMENT:
        return document_entries.document_entry(database, actor, entry.id)
    if entry.kind == EntryKind.FOLLOW_UP:
        return reminders.get_follow_up(database, actor, entry.id)
    return None


def _document_rows(d: DocumentDetail) -> list[tuple[str, str]]:
    """Which version (and whether to sign again), what was done, by whom, and its hash."""
    if d.version >= d.current_version:
        version = QCoreApplication.translate("EntryDetail", "version {number} (current)").format(
            number=d.version
        )
    elif d.sign_again:
        version = QCoreApplication.translate(
            "EntryDetail",
            "signed on version {signed}; version {current} is current — ask the patient to "
            "sign again",
        ).format(signed=d.version, current=d.current_version)
    else:
        version = QCoreApplication.translate(
            "EntryDetail", "version {number}; version {current} is current"
        ).format(number=d.version, current=d.current_version)
    actions = {
        "print": QCoreApplication.translate("EntryDetail", "Printed"),
        "save": QCoreApplication.translate("EntryDetail", "Saved as PDF"),
        "sign": QCoreApplication.translate("EntryDetail", "Signed on screen"),
    }
    return [
        (QCoreApplication.translate("EntryDetail", "Document"), d.title),
        (QCoreApplication.translate("EntryDetail", "Version"), version),
        (
            QCoreApplication.translate("EntryDetail", "Action"),
            actions.get(d.action.value, d.action.value),
        ),
        (
            QCoreApplication.translate("EntryDetail", "By"),
            d.created_by or QCoreApplication.translate("EntryDetail", "the command line"),
        ),
        (
            QCoreApplication.translate("EntryDetail", "When"),
            f"{d.created_at.astimezone():%Y-%m-%d %H:%M}",
        ),
        (QCoreApplication.translate("EntryDetail", "Language"), word(LANGUAGE_NAMES, d.language)),
        ("SHA-256", d.sha256),
        (
            QCoreApplication.translate("EntryDetail", "Signed scan"),
            QCoreApplication.translate("EntryDetail", "attached")
            if d.scanned
            else QCoreApplication.translate("EntryDetail", "none"),
        ),
        (QCoreApplication.translate("EntryDetail", "Treatment"), d.treatment or ""),
    ]


def _follow_up_rows(call: reminders.FollowUpDetail) -> list[tuple[str, str]]:
    """Who called when (and when it reached the server, if later: made offline), the answers."""
    when = f"{call.called_at.astimezone():%Y-%m-%d %H:%M}"
    if (call.recorded_at - call.called_at).total_seconds() > 300:
        when += " " + QCoreApplication.translate(
            "EntryDetail", "(recorded {when}, made offline)"
        ).format(when=f"{call.recorded_at.astimezone():%Y-%m-%d %H:%M}")
    return [
        (QCoreApplication.translate("EntryDetail", "Reminder"), call.reason),
        (QCoreApplication.translate("EntryDetail", "Called by"), call.author),
        (QCoreApplication.translate("EntryDetail", "When"), when),
        (
            QCoreApplication.translate("EntryDetail", "Answered"),
            word(STATE_NAMES, "reached" if call.reached else "not_reached"),
        ),
        (QCoreApplication.translate("EntryDetail", "Asked"), "\n".join(call.asked)),
        (QCoreApplication.translate("EntryDetail", "Recovery notes"), call.notes),
        (
            QCoreApplication.translate("EntryDetail", "Reaction"),
            word(REACTION_NAMES, call.reaction.value) if call.reaction else "",
        ),
        (
            QCoreApplication.translate("EntryDetail", "Satisfaction"),
            f"{call.satisfaction}/5" if call.satisfaction else "",
        ),
        (QCoreApplication.translate("EntryDetail", "Next step"), call.next_step),
    ]


def html(entry: Entry, record: object | None) -> str:
    rows: list[tuple[str, str]] = []
    if isinstance(record, consultations.ConsultationRecord):
        d = record.draft
        rows = [
            (QCoreApplication.translate("EntryDetail", "Consultant"), record.author),
            (QCoreApplication.translate("EntryDetail", "Wishes"), d.wishes),
            (QCoreApplication.translate("EntryDetail", "Concerns"), d.concerns),
            (
                QCoreApplication.translate("EntryDetail", "Areas"),
                "、".join(word(AREA_NAMES, a) for a in d.areas),
            ),
            (QCoreApplication.translate("EntryDetail", "Items"), "、".join(d.items)),
            (
                QCoreApplication.translate("EntryDetail", "Budget"),
                " – ".join(str(v) for v in (d.budget_min, d.budget_max) if v is not None),
            ),
            (QCoreApplication.translate("EntryDetail", "Quote"), str(d.quote or "")),
            (
                QCoreApplication.translate("EntryDetail", "Outcome"),
                word(OUTCOME_NAMES, d.outcome) if d.outcome else "",
            ),
            (
                QCoreApplication.translate("EntryDetail", "Why not"),
                word(REASON_NAMES, d.no_deal_reason) if d.no_deal_reason else "",
            ),
        ]
    elif isinstance(record, assessments.AssessmentRecord):
        d = record.draft
        rows = [
            (QCoreApplication.translate("EntryDetail", "Doctor"), record.doctor),
            (QCoreApplication.translate("EntryDetail", "Chief complaint"), d.chief_complaint),
            (QCoreApplication.translate("EntryDetail", "Skin type"), d.skin_type or ""),
            (QCoreApplication.translate("EntryDetail", "Skin condition"), d.skin_condition),
            (
                QCoreApplication.translate("EntryDetail", "Areas examined"),
                "、".join(word(AREA_NAMES, a) for a in d.areas_examined),
            ),
            *((word(AREA_NAMES, a), note) for a, note in d.area_notes.items()),
            (
                QCoreApplication.translate("EntryDetail", "Diagnosis"),
                " ".join(filter(None, (d.diagnosis, d.diagnosis_text))),
            ),
            (QCoreApplication.translate("EntryDetail", "Recommendation"), d.recommendation),
            (
                QCoreApplication.translate("EntryDetail", "Signed"),
                f"{record.signed_by} {record.signed_at.astimezone():%Y-%m-%d %H:%M}"
                if record.signed_at
                else QCoreApplication.translate("EntryDetail", "not yet"),
            ),
            *(
                (
                    QCoreApplication.translate("EntryDetail", "Addendum {when}").format(
                        when=f"{a.signed_at.astimezone():%Y-%m-%d %H:%M}"
                    ),
                    f"{a.text} — {a.signed_by}",
                )
                for a in record.addenda
            ),
        ]
    elif isinstance(record, treatments.TreatmentRecord):
        lot_word, expires_word = (
            QCoreApplication.translate("EntryDetail", "lot"),
            QCoreApplication.translate("EntryDetail", "expires"),
        )
        rows = [
            (QCoreApplication.translate("EntryDetail", "Operator"), record.operator),
            (
                QCoreApplication.translate("EntryDetail", "Areas"),
                "、".join(word(AREA_NAMES, a) for a in record.areas),
            ),
            (
                QCoreApplication.translate("EntryDetail", "Device and settings"),
                " ".join(filter(None, (record.device, record.settings))),
            ),
            (QCoreApplication.translate("EntryDetail", "Anaesthesia"), record.anaesthesia),
            *(
                (
                    QCoreApplication.translate("EntryDetail", "Product"),
                    f"{name} {brand} · {lot_word} {lot} · {expires_word} {expiry} · {qty} {unit}",
                )
                for name, brand, lot, expiry, qty, unit in record.products
            ),
            (QCoreApplication.translate("EntryDetail", "Reaction"), record.reaction),
            (QCoreApplication.translate("EntryDetail", "Notes"), record.notes),
            (
                QCoreApplication.translate("EntryDetail", "Cancelled"),
                f"{record.cancelled_at.astimezone():%Y-%m-%d %H:%M} {record.cancel_reason}"
                if record.cancelled_at
                else "",
            ),
        ]
    elif isinstance(record, DocumentDetail):
        rows = _document_rows(record)
    elif isinstance(record, reminders.FollowUpDetail):
        rows = _follow_up_rows(record)
    cells = "".join(
        f"<tr><th align='left' valign='top'>{html_lib.escape(k)}</th>"
        f"<td>{html_lib.escape(v).replace(chr(10), '<br>')}</td></tr>"
        for k, v in rows
        if v
    )
    chart = detail_html(record.marks) if isinstance(record, treatments.TreatmentRecord) else ""
    return (
        f"<p><b>{html_lib.escape(entry_text(entry))}</b></p><table cellspacing='4'>{cells}</table>"
        + chart
    )
