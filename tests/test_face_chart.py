"""Face charts (issue 6) on SQLite and PostgreSQL: marks round trip, the lot rules, recall."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from desktop_app.models import (
    AuditEvent,
    ChartView,
    FaceChartMark,
    InjectionDepth,
    MarkKind,
    Role,
    Treatment,
    utcnow,
)
from desktop_app.services import catalogue, face_charts, treatments
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import ConflictError, PermissionDeniedError, ValidationError
from desktop_app.services.face_charts import MarkDraft
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff

TODAY = dt.date.today()
FAR = TODAY + dt.timedelta(days=400)


@pytest.fixture
def team(database, manager):
    def make(username, role):
        return create_staff(
            database, manager, NewStaff(username, username.title(), role, "correct horse battery")
        )

    return {
        "manager": manager,
        "reception": make("front", Role.RECEPTIONIST),
        "consultant": make("lily", Role.CONSULTANT),
        "doctor": make("drwang", Role.DOCTOR),
        "nurse": make("nurse", Role.NURSE),
    }


@pytest.fixture
def patient(database, manager):
    return register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))


FILLER = treatments.ProductUse("乔雅登", "艾尔建", "JVD123A", FAR, "1", "ml")
TOXIN = treatments.ProductUse("保妥适", "艾尔建", "BTX42", FAR, "20", "U")


def mark(use=FILLER, quantity="0.3", view=ChartView.FRONT, x=0.4, y=0.7, **more) -> MarkDraft:
    depth = more.pop("depth", InjectionDepth.SUBDERMAL)
    return MarkDraft(
        view,
        x,
        y,
        use.product,
        use.brand,
        use.lot_number,
        use.expires_on,
        quantity,
        more.pop("unit", ""),
        depth,
        **more,
    )


def treat(database, actor, patient_id, products=(FILLER, TOXIN), marks=()) -> object:
    return treatments.record_treatment(
        database,
        actor,
        patient_id,
        treatments.TreatmentDraft("玻尿酸填充", utcnow(), products=products, marks=tuple(marks)),
    )


def count(database, model, *where) -> int:
    with unit_of_work(database, write=False) as session:
        return session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def test_marks_round_trip_with_the_treatment_and_a_saved_set_replaces_them(database, team, patient):
    nurse = team["nurse"]
    drawn = [
        mark(quantity="0.3", x=0.3712, y=0.69, note="鼻唇沟 左"),
        mark(quantity="0.25", view=ChartView.LEFT, kind=MarkKind.AREA, radius=0.08),
        mark(TOXIN, "4", ChartView.RIGHT, 0.62, 0.31, depth=InjectionDepth.INTRAMUSCULAR),
    ]
    recorded = treat(database, nurse, patient.id, marks=drawn)
    chart = face_charts.face_chart(database, team["doctor"], recorded.treatment_id)
    expected = [
        mark(quantity=Decimal("0.30"), x=0.3712, y=0.69, note="鼻唇沟 左", unit="ml"),
        mark(
            quantity=Decimal("0.25"),
            view=ChartView.LEFT,
            kind=MarkKind.AREA,
            radius=0.08,
            unit="ml",
        ),
        mark(
            TOXIN,
            Decimal("4.00"),
            ChartView.RIGHT,
            0.62,
            0.31,
            depth=InjectionDepth.INTRAMUSCULAR,
            unit="U",
        ),
    ]
    assert list(chart.marks) == expected
    assert sorted((lot.lot_number, lot.quantity, lot.unit) for lot in chart.lots) == [
        ("BTX42", Decimal("20.00"), "U"),
        ("JVD123A", Decimal("1.00"), "ml"),
    ]
    record = treatments.get_treatment(database, nurse, recorded.treatment_id)
    assert list(record.marks) == expected  # the entry detail shows the chart

    replacement = [mark(quantity="1"), mark(TOXIN, "20", ChartView.FRONT, 0.5, 0.3)]
    saved = face_charts.save_face_chart(
        database, team["doctor"], recorded.treatment_id, chart.version, replacement
    )
    assert saved.version == chart.version + 1
    assert [(m.quantity, m.view) for m in saved.marks] == [
        (Decimal("1.00"), ChartView.FRONT),
        (Decimal("20.00"), ChartView.FRONT),
    ]
    assert face_charts.face_chart(database, nurse, recorded.treatment_id).marks == saved.marks
    # The replaced set is kept, stamped; nothing clinical is deleted.
    assert count(database, FaceChartMark, FaceChartMark.replaced_at.is_not(None)) == 3
    with pytest.raises(ConflictError) as error:  # charted on another station meanwhile
        face_charts.save_face_chart(database, nurse, recorded.treatment_id, chart.version, [])
    assert "Drwang" in str(error.value)
    face_charts.save_face_chart(database, nurse, recorded.treatment_id, saved.version, [])
    assert face_charts.face_chart(database, nurse, recorded.treatment_id).marks == ()

    other = treat(database, nurse, patient.id, marks=[mark()])
    found = face_charts.sketches(
        database, nurse, [recorded.treatment_id, other.treatment_id, other.treatment_id]
    )
    assert list(found) == [other.treatment_id] and len(found[other.treatment_id]) == 1


def test_a_marks_lot_must_be_a_recorded_product_unexpired_and_not_overused(database, team, patient):
    nurse = team["nurse"]
    recorded = treat(database, nurse, patient.id, marks=[mark()])
    version = face_charts.face_chart(database, nurse, recorded.treatment_id).version

    def refused(marks) -> ValidationError:
        with pytest.raises(ValidationError) as error:
            face_charts.save_face_chart(database, nurse, recorded.treatment_id, version, marks)
        assert error.value.field == "marks"
        return error.value

    expired = treatments.ProductUse(
        "乔雅登", "艾尔建", "OLD1", TODAY - dt.timedelta(days=1), "1", "ml"
    )
    error = refused([mark(), mark(expired)])
    assert (error.code, error.params["mark"], error.params["lot"]) == ("lot_expired", 2, "OLD1")
    stranger = treatments.ProductUse("瑞蓝", "Galderma", "R1", FAR, "1", "ml")
    assert refused([mark(stranger)]).code == "lot_not_recorded"
    other_expiry = treatments.ProductUse(
        "乔雅登", "艾尔建", "jvd123a", FAR + dt.timedelta(days=1), "1", "ml"
    )
    assert refused([mark(other_expiry)]).code == "lot_expiry_mismatch"
    assert refused([mark(unit="U")]).code == "unit_mismatch"
    error = refused([mark(quantity="0.6"), mark(quantity="0.5")])  # 1.1 of the 1 ml recorded
    assert (error.code, error.params["mark"], error.params["marked"]) == (
        "more_than_recorded",
        2,
        "1.10",
    )
    assert refused([mark(x=1.2)]).code == "outside"
    assert refused([mark(quantity="")]).code == "mark_quantity"
    assert refused([mark(kind=MarkKind.AREA, radius=0)]).code == "invalid"
    # Nothing of the refused attempts was written: the first chart stands.
    assert len(face_charts.face_chart(database, nurse, recorded.treatment_id).marks) == 1
    assert count(database, FaceChartMark) == 1

    # With the treatment, a bad mark refuses the whole treatment: nothing half-saved.
    treatments_before = count(database, Treatment)
    with pytest.raises(ValidationError) as error:
        treat(database, nurse, patient.id, marks=[mark(stranger)])
    assert error.value.code == "lot_not_recorded"
    assert count(database, Treatment) == treatments_before


def test_lot_recall_finds_patients_through_marks_once_per_treatment(database, team, patient):
    nurse = team["nurse"]
    other = register_patient(database, team["manager"], PatientDraft("李四", mobile="13900139999"))
    treat(database, nurse, patient.id, marks=[mark(quantity="0.3"), mark(quantity="0.2")])
    # An older or imported chart whose lot is only on the chart, not in the products.
    charted = treat(database, nurse, other.id, products=(TOXIN,))
    with unit_of_work(database) as session:
        lot = catalogue.lot_for(session, "乔雅登", "艾尔建", "ml", "JVD123A", FAR)
        for seq, replaced in ((1, None), (2, None), (3, utcnow())):
            session.add(
                FaceChartMark(
                    treatment_id=charted.treatment_id,
                    seq=seq,
                    view=ChartView.FRONT,
                    kind=MarkKind.POINT,
                    x=0.5,
                    y=0.5,
                    lot_id=lot.id,
                    quantity=Decimal("0.4"),
                    unit="ml",
                    depth=InjectionDepth.SUBDERMAL,
                    replaced_at=replaced,
                )
            )
    hits = treatments.lot_recall(database, team["manager"], "jvd123a")
    assert sorted((h.name, h.quantity) for h in hits) == [
        ("张三丰", Decimal("1.00")),  # its product row; its two marks add no second hit
        ("李四", Decimal("0.80")),  # through the chart: current marks summed, replaced ignored
    ]
    assert {h.lot_number for h in hits} == {"JVD123A"}
    by_product = treatments.lot_recall(
        database, nurse, product="乔雅登", between=(TODAY - dt.timedelta(days=1), TODAY)
    )
    assert sorted(h.name for h in by_product) == ["张三丰", "李四"]
    toxin = treatments.lot_recall(database, nurse, "BTX42")
    assert [h.name for h in toxin] == ["李四", "张三丰"]  # newest treatment first


def test_who_may_chart_and_who_may_see_a_chart(database, team, patient):
    recorded = treat(database, team["nurse"], patient.id)

    def denials() -> int:
        return count(database, AuditEvent, AuditEvent.action == "denied")

    for who in ("nurse", "doctor"):
        version = face_charts.face_chart(database, team[who], recorded.treatment_id).version
        face_charts.save_face_chart(database, team[who], recorded.treatment_id, version, [mark()])
    for who in ("manager", "consultant", "reception"):
        before = denials()
        with pytest.raises(PermissionDeniedError):
            face_charts.save_face_chart(database, team[who], recorded.treatment_id, 99, [mark()])
        assert denials() == before + 1
    for who in ("manager", "consultant", "doctor", "nurse"):
        assert len(face_charts.face_chart(database, team[who], recorded.treatment_id).marks) == 1
    with pytest.raises(PermissionDeniedError):
        face_charts.face_chart(database, team["reception"], recorded.treatment_id)
    with pytest.raises(PermissionDeniedError):
        face_charts.sketches(database, team["reception"], [recorded.treatment_id])
    views = count(
        database,
        AuditEvent,
        AuditEvent.action == "view",
        AuditEvent.entity_type == "face_chart",
    )
    saves = count(
        database,
        AuditEvent,
        AuditEvent.action == "save",
        AuditEvent.entity_type == "face_chart",
    )
    assert (views, saves) == (6, 2)
