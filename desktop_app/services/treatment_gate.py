"""The pre-treatment gate: is the item's consent signed, and are the "before" photos there?

A consent counts as signed when the patient signed it on its current template version
(on screen, or a signed paper copy scanned back; in either language), as
``document_archive.needs_signature`` says; signed only on an older version it must be
signed again. An item that requires before photos needs a non-hidden "before" photo of
the patient taken or imported that day, or linked to the visit. The clinic's setting
decides whether a gap only warns or blocks the treatment.

Reads the tables directly: ``documents`` imports ``treatments``, which calls this module.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import (
    DocumentTemplate,
    Photo,
    PhotoStage,
    PrintedDocument,
    TemplateVersion,
    TreatmentItem,
)
from desktop_app.models.document import signed_copy
from desktop_app.services import catalogue, clinic_settings
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.permissions import Permission, require

SIGNED = "signed"
OUTDATED = "outdated"  # signed only on an older version of the template: sign again
UNSIGNED = "unsigned"


@dataclass(frozen=True)
class GateCheck:
    """What the treatment form shows above its fields, and record_treatment enforces."""

    item: str
    consent_key: str | None  # the item's consent template, None when it has none
    consent_title: str  # the template's title (the key when the template is missing)
    consent: str | None  # SIGNED | OUTDATED | UNSIGNED, None when the item has no consent
    before_photos_missing: bool
    mode: str  # clinic_settings.GATE_WARN | GATE_BLOCK

    @property
    def missing(self) -> tuple[str, ...]:
        """Codes of what is missing, in the order the form lists them (ValidationError codes
        when blocking)."""
        codes = []
        if self.consent == UNSIGNED:
            codes.append("consent_unsigned")
        elif self.consent == OUTDATED:
            codes.append("consent_outdated")
        if self.before_photos_missing:
            codes.append("before_photos_missing")
        return tuple(codes)

    @property
    def blocking(self) -> bool:
        return self.mode == clinic_settings.GATE_BLOCK and bool(self.missing)

    def sentence(self) -> str:
        """The English account (logs, the command line, the ValidationError message)."""
        parts = {
            "consent_unsigned": f"the consent {self.consent_title} is not signed",
            "consent_outdated": f"the consent {self.consent_title} was signed on an older "
            "version and must be signed again",
            "before_photos_missing": "the before photos are missing",
        }
        text = "; ".join(parts[code] for code in self.missing)
        return text[:1].upper() + text[1:] + "."


def check(
    database: Database,
    actor: Actor,
    patient_id: uuid.UUID,
    item_name: str,
    *,
    visit_id: uuid.UUID | None = None,
    today: dt.date | None = None,
    language: str = "zh_CN",
) -> GateCheck:
    """The gate for treating ``patient_id`` with the catalogue item ``item_name`` today
    (the consent's title in ``language`` where the template has it)."""
    require(actor, Permission.VIEW_TREATMENT, database)
    with unit_of_work(database, write=False) as session:
        item = catalogue.item_by_name(session, item_name)
        return check_in(
            session, patient_id, item, visit_id=visit_id, today=today, language=language
        )


def check_in(
    session: Session,
    patient_id: uuid.UUID,
    item: TreatmentItem,
    *,
    visit_id: uuid.UUID | None = None,
    today: dt.date | None = None,
    language: str = "zh_CN",
) -> GateCheck:
    """``check`` inside the caller's transaction (record_treatment)."""
    key = item.consent_template
    consent = _consent_state(session, patient_id, key) if key else None
    missing_photos = item.before_photos_required and not _has_before_photo(
        session, patient_id, visit_id, today or dt.date.today()
    )
    return GateCheck(
        item.name,
        key,
        _title(session, key, language) if key else "",
        consent,
        missing_photos,
        clinic_settings.gate_mode(session),
    )


def _consent_state(session: Session, patient_id: uuid.UUID, key: str) -> str:
    newest = (
        sa.select(TemplateVersion.template_id, sa.func.max(TemplateVersion.number).label("n"))
        .group_by(TemplateVersion.template_id)
        .subquery()
    )
    signed = session.execute(
        sa.select(TemplateVersion.number, newest.c.n)
        .select_from(PrintedDocument)
        .join(TemplateVersion, TemplateVersion.id == PrintedDocument.template_version_id)
        .join(DocumentTemplate, DocumentTemplate.id == TemplateVersion.template_id)
        .join(newest, newest.c.template_id == DocumentTemplate.id)
        .where(
            PrintedDocument.patient_id == patient_id,
            DocumentTemplate.key == key,
            signed_copy(),
        )
    ).all()
    if any(number >= current for number, current in signed):
        return SIGNED
    return OUTDATED if signed else UNSIGNED


def _title(session: Session, key: str, language: str) -> str:
    """The current title in ``language``, else in another language, else the key."""
    rows = session.execute(
        sa.select(DocumentTemplate.language, TemplateVersion.title)
        .join(TemplateVersion, TemplateVersion.template_id == DocumentTemplate.id)
        .where(DocumentTemplate.key == key)
        .order_by(DocumentTemplate.language, TemplateVersion.number.desc())
    ).all()
    titles: dict[str, str] = {}
    for row_language, title in rows:
        titles.setdefault(row_language, title)  # the newest version's, per language
    return titles.get(language) or next(iter(titles.values()), key)


def _has_before_photo(
    session: Session, patient_id: uuid.UUID, visit_id: uuid.UUID | None, today: dt.date
) -> bool:
    """A non-hidden "before" photo taken or imported on ``today`` (this computer's time
    zone), or linked to the visit."""
    start = dt.datetime.combine(today, dt.time()).astimezone()
    end = dt.datetime.combine(today + dt.timedelta(days=1), dt.time()).astimezone()
    when = [
        sa.and_(Photo.taken_at >= start, Photo.taken_at < end),
        sa.and_(Photo.created_at >= start, Photo.created_at < end),
    ]
    if visit_id is not None:
        when.append(Photo.visit_id == visit_id)
    found = session.scalar(
        sa.select(Photo.id)
        .where(
            Photo.patient_id == patient_id,
            Photo.stage == PhotoStage.BEFORE,
            Photo.hidden_at.is_(None),
            sa.or_(*when),
        )
        .limit(1)
    )
    return found is not None
