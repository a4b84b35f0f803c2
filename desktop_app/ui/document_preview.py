"""The document preview: a rendered consent or aftercare sheet, signed, printed or saved.

SKELETON (issue 7): the lead defined this module's interface so the patient page and the
treatment form can open a preview; a helper fills it in.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from desktop_app.services.treatments import TreatmentDraft


@dataclass(frozen=True)
class DocumentRequest:
    """What to render: template ``key`` for a patient, for a recorded treatment, the
    treatment form's draft (a consent before the treatment is saved), or neither (the
    patient's latest treatment of the item, or a general document)."""

    key: str
    patient_id: uuid.UUID
    treatment_id: uuid.UUID | None = None
    draft: TreatmentDraft | None = None
    language: str = "zh_CN"
