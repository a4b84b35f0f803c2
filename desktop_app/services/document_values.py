"""The values a template's placeholders are filled with, in the document's own language.

A treatment's values come from the recorded treatment or, for a consent signed before the
treatment is saved, from the treatment form's draft, written the same way, so the paper
the patient signs names the item, areas and lots the nurse has entered.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.models import (
    ClinicSetting,
    Patient,
    Product,
    ProductLot,
    Role,
    Staff,
    Treatment,
    TreatmentItem,
    TreatmentProduct,
    Visit,
)
from desktop_app.services.clinic_settings import (
    CLINIC_ADDRESS,
    CLINIC_NAME,
    CLINIC_PHONE,
    stored_logo,
)
from desktop_app.services.consultations import AREAS
from desktop_app.services.context import Actor
from desktop_app.services.errors import NotFoundError
from desktop_app.services.identity import mask_mobile
from desktop_app.services.intake import age_on
from desktop_app.services.treatments import TreatmentDraft

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
# (name, brand, lot, quantity, unit) of one product used
ProductLine = tuple[str, str, str, Decimal, str]


def date_text(day: dt.date | None, language: str) -> str:
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日" if language == "zh_CN" else day.isoformat()


def _quantity(value: Decimal) -> str:
    return format(value.normalize(), "f")  # 1.00 → 1, 0.50 → 0.5


def _products_text(rows: Iterable[ProductLine], language: str) -> str:
    if language == "zh_CN":
        return "；".join(
            f"{name}{f'（{brand}）' if brand else ''} 批号 {lot} {_quantity(qty)} {unit}"
            for name, brand, lot, qty, unit in rows
        )
    return "; ".join(
        f"{name}{f' ({brand})' if brand else ''}, lot {lot}, {_quantity(qty)} {unit}"
        for name, brand, lot, qty, unit in rows
    )


def _recorded_products(session: Session, treatment_id: uuid.UUID) -> list[ProductLine]:
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
    return [tuple(row) for row in rows]  # type: ignore[misc]


def _draft_products(draft: TreatmentDraft) -> list[ProductLine]:
    lines: list[ProductLine] = []
    for use in draft.products:
        try:
            quantity = Decimal(str(use.quantity))
        except ArithmeticError:
            quantity = Decimal(0)
        lines.append((use.product, use.brand, use.lot_number, quantity, use.unit))
    return sorted(lines, key=lambda line: (line[0], line[2]))


def treatment_for(
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


def setting(session: Session, key: str) -> str:
    row = session.get(ClinicSetting, key)
    return row.value if row else ""


def logo(session: Session) -> bytes | None:
    """The clinic's logo (a PNG) for the letterhead, or None."""
    return stored_logo(session)


def _treatment_values(
    item: TreatmentItem | None,
    areas: Iterable[str],
    products: list[ProductLine],
    operator: str,
    day: dt.date,
    language: str,
) -> dict[str, str]:
    rule = _REVIEW_RULE.fullmatch(item.reminder_rule or "") if item else None
    review = day + dt.timedelta(days=int(rule.group(1))) if rule else None
    separator, which = ("、", 0) if language == "zh_CN" else (", ", 1)
    words = [_AREAS[a][which] if a in _AREAS else a for a in areas if a]
    return {
        "item": item.name if item else "",
        "areas": separator.join(words),
        "products": _products_text(products, language),
        "operator": operator,
        "date": date_text(day, language),
        "next_review": date_text(review, language),
    }


def doctor(session: Session, treatment: Treatment | TreatmentDraft | None, actor: Actor) -> str:
    """Who signs the consent's doctor box: the doctor the visit was assigned to, else the
    operator if a doctor, else nobody named (a nurse's name never goes in a doctor's box;
    the doctor writes their name on paper)."""
    visit_id = treatment.visit_id if treatment is not None else None
    if visit_id is not None:
        name = session.scalar(
            sa.select(Staff.display_name)
            .join(Visit, Visit.doctor_id == Staff.id)
            .where(Visit.id == visit_id)
        )
        if name:
            return name
    if isinstance(treatment, Treatment):
        operator = session.get(Staff, treatment.operator_id)
        return operator.display_name if operator and operator.role is Role.DOCTOR else ""
    return actor.display_name if actor.role is Role.DOCTOR else ""


def values(
    session: Session,
    patient: Patient,
    treatment: Treatment | TreatmentDraft | None,
    operator: str,
    language: str,
    today: dt.date,
) -> dict[str, str]:
    """Placeholder → text. ``operator`` names who does a drafted treatment (the user)."""
    birth = patient.birth_date
    filled = {
        "patient.name": patient.name,
        "patient.record_no": patient.record_no,
        "patient.birth_date": date_text(birth, language),
        "patient.age": str(age_on(birth, today)) if birth else "",
        "patient.sex": _SEX[language].get(patient.sex or "", ""),
        "patient.mobile_masked": mask_mobile(patient.mobile),
        "guardian.name": patient.guardian_name or "",
        "guardian.relation": patient.guardian_relation or "",
        "clinic.name": setting(session, CLINIC_NAME),
        "clinic.address": setting(session, CLINIC_ADDRESS),
        "clinic.phone": setting(session, CLINIC_PHONE),
        "today": date_text(today, language),
    }
    facts = dict.fromkeys(("item", "areas", "products", "operator", "date", "next_review"), "")
    if isinstance(treatment, Treatment):
        item = session.get(TreatmentItem, treatment.item_id)
        staff = session.get(Staff, treatment.operator_id)
        facts = _treatment_values(
            item,
            treatment.areas.split(","),
            _recorded_products(session, treatment.id),
            staff.display_name if staff else "",
            treatment.started_at.astimezone().date(),
            language,
        )
    elif isinstance(treatment, TreatmentDraft):
        item = session.scalar(sa.select(TreatmentItem).where(TreatmentItem.name == treatment.item))
        facts = _treatment_values(
            item,
            [a for a in AREAS if a in treatment.areas],  # as a saved treatment orders them
            _draft_products(treatment),
            operator,
            treatment.started_at.astimezone().date(),
            language,
        )
    filled.update({f"treatment.{k}": v for k, v in facts.items()})
    return filled
