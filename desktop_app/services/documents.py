"""Printing a template for a patient: fill it, render the PDF, keep the exact bytes.

Every printed, saved or signed copy is a ``PrintedDocument`` with its SHA-256 and PDF
bytes, so the clinic can show later exactly what a patient signed, and a reprint gives
the very same bytes rather than a re-render that a newer template or font would change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import (
    ClinicSetting,
    DocumentAction,
    DocumentBlobKind,
    DocumentTemplate,
    Patient,
    PrintedDocument,
    PrintedDocumentBlob,
    Product,
    ProductLot,
    Staff,
    TemplateKind,
    TemplateVersion,
    Treatment,
    TreatmentItem,
    TreatmentProduct,
)
from desktop_app.services import audit, templates
from desktop_app.services.clinic_settings import CLINIC_NAME
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.document_pdf import (
    Letterhead,
    PatientLine,
    Signatures,
    Signer,
    render_pdf,
)
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.identity import mask_mobile
from desktop_app.services.intake import ADULT_AGE, age_on
from desktop_app.services.permissions import Permission, require
from desktop_app.services.template_text import fill, parse

CLINIC_ADDRESS = "clinic_address"
CLINIC_PHONE = "clinic_phone"
Strokes = tuple[tuple[tuple[float, float], ...], ...]

_SEX = {"zh_CN": {"F": "女", "M": "男"}, "en": {"F": "Female", "M": "Male"}}
# Area codes in the document's own language (not the UI's: services carry no Qt translator);
# the same words as ui/clinical_names.py and its zh_CN translation.
_AREAS = {
    "forehead": ("额头", "Forehead"), "glabella": ("眉间", "Glabella"), "eyes": ("眼周", "Eyes"),
    "temples": ("太阳穴", "Temples"), "nose": ("鼻部", "Nose"), "cheeks": ("面颊", "Cheeks"),
    "lips": ("唇部", "Lips"), "chin": ("下巴", "Chin"), "jawline": ("下颌缘", "Jawline"),
    "neck": ("颈部", "Neck"), "decolletage": ("肩颈前胸", "Décolletage"), "arms": ("手臂", "Arms"),
    "abdomen": ("腹部", "Abdomen"), "thighs": ("大腿", "Thighs"), "buttocks": ("臀部", "Buttocks"),
    "hands": ("手部", "Hands"),
}  # fmt: skip
_REVIEW_RULE = re.compile(r"(?:follow_up|repeat)_(\d+)d")


@dataclass(frozen=True)
class RenderedDocument:
    document_id: uuid.UUID
    key: str
    language: str
    version: int
    title: str
    sha256: str
    pdf: bytes


def _date(day: dt.date | None, language: str) -> str:
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日" if language == "zh_CN" else day.isoformat()


def _quantity(value: Decimal) -> str:
    return format(value.normalize(), "f")  # 1.00 → 1, 0.50 → 0.5


def _products(session: Session, treatment_id: uuid.UUID, language: str) -> str:
    rows = session.execute(
        sa.select(
            Product.name,
            Product.brand,
            ProductLot.lot_number,
            TreatmentProduct.quantity,
            TreatmentProduct.unit,
        )
        .join(ProductLot, ProductLot.id == TreatmentProduct.lot_id)
        .join(Product, Product.id == ProductLot.product_id)
        .where(TreatmentProduct.treatment_id == treatment_id)
        .order_by(Product.name, ProductLot.lot_number)
    ).all()
    if language == "zh_CN":
        parts = [
            f"{name}{f'（{brand}）' if brand else ''} 批号 {lot} {_quantity(qty)} {unit}"
            for name, brand, lot, qty, unit in rows
        ]
        return "；".join(parts)
    parts = [
        f"{name}{f' ({brand})' if brand else ''}, lot {lot}, {_quantity(qty)} {unit}"
        for name, brand, lot, qty, unit in rows
    ]
    return "; ".join(parts)


def _treatment_for(
    session: Session, patient: Patient, key: str, treatment_id: uuid.UUID | None
) -> Treatment | None:
    """The treatment asked for, or the patient's latest one of an item using ``key``."""
    if treatment_id is not None:
        treatment = session.get(Treatment, treatment_id)
        if treatment is None or treatment.patient_id != patient.id:
            raise NotFoundError(f"No treatment {treatment_id} for patient {patient.record_no}.")
        return treatment
    return session.scalar(
        sa.select(Treatment)
        .join(TreatmentItem, TreatmentItem.id == Treatment.item_id)
        .where(
            Treatment.patient_id == patient.id,
            sa.or_(TreatmentItem.consent_template == key, TreatmentItem.aftercare_template == key),
        )
        .order_by(Treatment.started_at.desc())
        .limit(1)
    )


def _setting(session: Session, key: str) -> str:
    row = session.get(ClinicSetting, key)
    return row.value if row else ""


def _values(
    session: Session,
    patient: Patient,
    treatment: Treatment | None,
    language: str,
    today: dt.date,
) -> dict[str, str]:
    birth = patient.birth_date
    values = {
        "patient.name": patient.name,
        "patient.record_no": patient.record_no,
        "patient.birth_date": _date(birth, language),
        "patient.age": str(age_on(birth, today)) if birth else "",
        "patient.sex": _SEX[language].get(patient.sex or "", ""),
        "patient.mobile_masked": mask_mobile(patient.mobile),
        "guardian.name": patient.guardian_name or "",
        "guardian.relation": patient.guardian_relation or "",
        "clinic.name": _setting(session, CLINIC_NAME),
        "clinic.address": _setting(session, CLINIC_ADDRESS),
        "clinic.phone": _setting(session, CLINIC_PHONE),
        "today": _date(today, language),
    }
    treatment_values = dict.fromkeys(
        ("item", "areas", "products", "operator", "date", "next_review"), ""
    )
    if treatment is not None:
        item = session.get(TreatmentItem, treatment.item_id)
        operator = session.get(Staff, treatment.operator_id)
        day = treatment.started_at.astimezone().date()
        rule = _REVIEW_RULE.fullmatch(item.reminder_rule or "") if item else None
        review = day + dt.timedelta(days=int(rule.group(1))) if rule else None
        separator, which = ("、", 0) if language == "zh_CN" else (", ", 1)
        areas = [_AREAS[a][which] if a in _AREAS else a for a in treatment.areas.split(",") if a]
        treatment_values = {
            "item": item.name if item else "",
            "areas": separator.join(areas),
            "products": _products(session, treatment.id, language),
            "operator": operator.display_name if operator else "",
            "date": _date(day, language),
            "next_review": _date(review, language),
        }
    values.update({f"treatment.{k}": v for k, v in treatment_values.items()})
    return values


def _signatures(
    kind: TemplateKind,
    patient: Patient,
    operator: str,
    minor: bool,
    strokes: Mapping[str, Strokes],
    today: str,
) -> Signatures | None:
    """Consents and general consents are signed by the patient (and a minor's guardian);
    a treatment consent also by the doctor. Aftercare sheets are handed over unsigned."""
    if kind is TemplateKind.AFTERCARE:
        return None
    signers = [Signer("patient", patient.name, strokes=strokes.get("patient", ()))]
    if minor:
        signers.append(
            Signer(
                "guardian",
                patient.guardian_name or "",
                patient.guardian_relation or "",
                strokes.get("guardian", ()),
            )
        )
    if kind is TemplateKind.CONSENT:
        signers.append(Signer("doctor", operator, strokes=strokes.get("doctor", ())))
    return Signatures(tuple(signers), today if strokes else "")


def render_document(
    database: Database,
    actor: Actor,
    key: str,
    patient_id: uuid.UUID,
    *,
    treatment_id: uuid.UUID | None = None,
    language: str = "zh_CN",
    action: DocumentAction = DocumentAction.PRINT,
    strokes: Mapping[str, Strokes] | None = None,
    today: dt.date | None = None,
) -> RenderedDocument:
    """Render the current version of template ``key`` for a patient and record the copy.

    A consent or aftercare template needs a treatment: without ``treatment_id`` the
    patient's latest treatment of an item linked to ``key`` is used, or ValidationError.
    ``strokes`` maps a signer role (patient, guardian, doctor) to on-screen signature strokes.
    """
    require(actor, Permission.VIEW_PATIENT, database)
    today = today or dt.date.today()
    strokes = strokes or {}
    with unit_of_work(database, write=False) as session:
        template = templates.find(session, key, language)
    require(actor, print_permission(template.kind), database)
    with unit_of_work(database) as session:
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFoundError(f"No patient with id {patient_id}.")
        treatment = _treatment_for(session, patient, key, treatment_id)
        if treatment is None and (
            template.kind is not TemplateKind.GENERAL or "{treatment." in template.body
        ):
            raise ValidationError(
                "treatment",
                "required",
                f"{template.title} is printed for a treatment, and patient {patient.record_no} "
                f"has no treatment of an item using '{key}'. Record the treatment or name one.",
                key=key,
            )
        values = _values(session, patient, treatment, language, today)
        minor = patient.birth_date is not None and age_on(patient.birth_date, today) < ADULT_AGE
        pdf = render_pdf(
            template.title,
            fill(parse(template.body), values),
            Letterhead(values["clinic.name"], values["clinic.address"], values["clinic.phone"]),
            PatientLine(patient.name, patient.record_no, values["patient.birth_date"]),
            _signatures(
                template.kind,
                patient,
                values["treatment.operator"],
                minor,
                strokes,
                values["today"],
            ),
            language,
        )
        digest = hashlib.sha256(pdf).hexdigest()
        document = PrintedDocument(
            template_version_id=template.version_id,
            patient_id=patient.id,
            treatment_id=treatment.id if treatment else None,
            language=language,
            action=action,
            created_by_id=actor.staff_id,
            sha256=digest,
            signature_strokes=json.dumps(strokes) if strokes else None,
        )
        session.add(document)
        session.flush()
        session.add(
            PrintedDocumentBlob(
                document_id=document.id,
                kind=DocumentBlobKind.PDF,
                media_type="application/pdf",
                data=pdf,
            )
        )
        audit.record(
            session, actor, action.value, "printed_document", document.id,
            key=key, language=language, version=template.number, sha256=digest,
        )  # fmt: skip
        return RenderedDocument(
            document.id, key, language, template.number, template.title, digest, pdf
        )


def reprint(database: Database, actor: Actor, document_id: uuid.UUID) -> RenderedDocument:
    """The stored bytes of a printed document: identical to the original, hash and all."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        row = session.execute(
            sa.select(PrintedDocument, TemplateVersion)
            .join(TemplateVersion, TemplateVersion.id == PrintedDocument.template_version_id)
            .where(PrintedDocument.id == document_id)
        ).one_or_none()
        if row is None:
            raise NotFoundError(f"No printed document {document_id}.")
        document, version = row
        template = session.get(DocumentTemplate, version.template_id)
        assert template is not None
        pdf = session.scalar(
            sa.select(PrintedDocumentBlob.data).where(
                PrintedDocumentBlob.document_id == document_id,
                PrintedDocumentBlob.kind == DocumentBlobKind.PDF,
            )
        )
    require(actor, print_permission(template.kind), database)
    if pdf is None or hashlib.sha256(pdf).hexdigest() != document.sha256:
        raise NotFoundError(f"The PDF of printed document {document_id} is missing or damaged.")
    with unit_of_work(database) as session:
        audit.record(session, actor, "reprint", "printed_document", document_id)
    return RenderedDocument(
        document.id,
        template.key,
        document.language,
        version.number,
        version.title,
        document.sha256,
        pdf,
    )


def print_permission(kind: TemplateKind) -> Permission:
    if kind is TemplateKind.GENERAL:
        return Permission.PRINT_GENERAL_DOCUMENTS
    return Permission.PRINT_DOCUMENTS
