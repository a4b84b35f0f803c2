"""A template's unsaved text rendered with made-up values: the manager's preview.

The editor shows how a wording will look on paper before it becomes a version patients
sign, so the sample goes through the same parser, filler, renderer and signature rules
as a real document; only the patient and the treatment are invented. The clinic's own
name, address, phone and logo come from its settings, as on a real copy.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop_app.db import Database
from desktop_app.models import Patient, TemplateKind
from desktop_app.services import document_values
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.document_pdf import Letterhead, PatientLine, render_pdf
from desktop_app.services.documents import _signatures
from desktop_app.services.permissions import Permission, require
from desktop_app.services.template_text import check, fill, parse
from desktop_app.services.treatments import ProductUse, TreatmentDraft

SAMPLE_BIRTH_DATE = dt.date(1990, 5, 17)
SAMPLE_RECORD_NO = "000000"
REVIEW_DAYS = 14  # the sample's next review: a typical follow-up

# Made-up people and things, in the document's language (services carry no translator).
_SAMPLE: dict[str, dict[str, str]] = {
    "zh_CN": {
        "patient": "示例患者",
        "guardian": "示例监护人",
        "relation": "母亲",
        "operator": "示例医生",
        "item": "示例项目",
        "product": "示例产品",
        "brand": "示例品牌",
    },
    "en": {
        "patient": "Sample Patient",
        "guardian": "Sample Guardian",
        "relation": "Mother",
        "operator": "Dr Sample",
        "item": "Sample treatment",
        "product": "Sample product",
        "brand": "Sample brand",
    },
}


def _sample_patient(words: dict[str, str]) -> Patient:
    """A transient patient (never added to a session) for the value and signature rules."""
    return Patient(
        name=words["patient"],
        record_no=SAMPLE_RECORD_NO,
        sex="F",
        birth_date=SAMPLE_BIRTH_DATE,
        mobile="+8613800138000",
        guardian_name=words["guardian"],
        guardian_relation=words["relation"],
    )


def _sample_draft(words: dict[str, str], today: dt.date) -> TreatmentDraft:
    expires = today + dt.timedelta(days=365)
    started = dt.datetime.combine(today, dt.time(10, 0)).astimezone()
    return TreatmentDraft(
        words["item"],
        started,
        areas=("forehead", "glabella"),
        products=(
            ProductUse(words["product"], words["brand"], "LOT0001A", expires, Decimal("1"), "ml"),
            ProductUse(words["product"], words["brand"], "LOT0002B", expires, Decimal("0.5"), "ml"),
        ),
    )


def sample_pdf(
    database: Database,
    actor: Actor,
    title: str,
    body: str,
    kind: TemplateKind | str,
    language: str,
    *,
    today: dt.date | None = None,
) -> bytes:
    """Render ``title``/``body`` as template ``kind`` would print, for a sample patient.

    Bad markup or an unknown placeholder raises ``TemplateError`` with its line, exactly
    as saving would. Every placeholder gets a value, so a blank in the preview is a blank
    in the clinic's settings (say, no phone number), not in the template.
    """
    require(actor, Permission.EDIT_TEMPLATES, database)
    kind = TemplateKind(kind)
    today = today or dt.date.today()
    words = _SAMPLE.get(language, _SAMPLE["en"])
    blocks = parse(body)
    check(body)
    patient = _sample_patient(words)
    with unit_of_work(database, write=False) as session:
        values = document_values.values(
            session, patient, _sample_draft(words, today), words["operator"], language, today
        )
        logo = document_values.logo(session)
    # The sample item is not in the catalogue: its name and a review date are filled here.
    values["treatment.item"] = values["treatment.item"] or words["item"]
    review = today + dt.timedelta(days=REVIEW_DAYS)
    values["treatment.next_review"] = values["treatment.next_review"] or (
        document_values.date_text(review, language)
    )
    signatures = _signatures(kind, patient, words["operator"], False, {}, values["today"])
    return render_pdf(
        title.strip() or " ",
        fill(blocks, values),
        Letterhead(values["clinic.name"], values["clinic.address"], values["clinic.phone"], logo),
        PatientLine(patient.name, patient.record_no, values["patient.birth_date"]),
        signatures,
        language,
    )
