"""What the document tests share: a nurse, a patient, a filler treatment with two lots,
and reading a PDF back as pdftotext does (a pytest plugin: see tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import uuid
from pathlib import Path

import pytest

from desktop_app.db import Database
from desktop_app.models import Role
from desktop_app.models.base import utcnow
from desktop_app.services import treatments
from desktop_app.services.context import Actor
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import PatientRecord, register_patient
from desktop_app.services.staff import NewStaff, create_staff

FAR = dt.date.today() + dt.timedelta(days=400)
CLINIC = "Test Clinic 测试诊所"  # the conftest manager's clinic


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text as pdftotext reads it, whitespace removed (lines may wrap anywhere)."""
    path = tmp_path / "read-back.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return squash(out.stdout.decode("utf-8"))


def lot(number: str, quantity: str = "1") -> treatments.ProductUse:
    return treatments.ProductUse("乔雅登", "艾尔建", number, FAR, quantity, "ml")


@pytest.fixture
def nurse(database: Database, manager: Actor) -> Actor:
    return create_staff(
        database, manager, NewStaff("nurse", "护士小李", Role.NURSE, "correct horse battery")
    )


@pytest.fixture
def patient(database: Database, manager: Actor) -> PatientRecord:
    return register_patient(
        database,
        manager,
        PatientDraft("张三丰", sex="F", birth_date=dt.date(1990, 5, 17), mobile="13800131234"),
    )


@pytest.fixture
def filler(database: Database, nurse: Actor, patient: PatientRecord) -> uuid.UUID:
    """A filler treatment of the lips with lots JVD123A (1 ml) and JVD777B (0.5 ml)."""
    return treatments.record_treatment(
        database,
        nurse,
        patient.id,
        treatments.TreatmentDraft(
            "玻尿酸填充",
            utcnow(),
            areas=("lips",),
            products=(lot("JVD123A"), lot("JVD777B", "0.5")),
        ),
    ).treatment_id
