"""The clinical record's services (issue 5) on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from desktop_app.models import (
    Assessment,
    AuditEvent,
    Consultation,
    NoDealReason,
    Outcome,
    Role,
    SignedRecordError,
    Treatment,
    TreatmentItem,
    TreatmentProduct,
    VisitStatus,
    VisitType,
    utcnow,
)
from desktop_app.services import assessments, catalogue, plans, queue, treatments
from desktop_app.services.consultations import (
    ConsultationDraft,
    consultations_of,
    record_consultation,
    update_consultation,
)
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import ConflictError, PermissionDeniedError, ValidationError
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
        "consultant2": make("anna", Role.CONSULTANT),
        "doctor": make("drwang", Role.DOCTOR),
        "nurse": make("nurse", Role.NURSE),
    }


@pytest.fixture
def visit(database, manager):
    patient = register_patient(
        database,
        manager,
        PatientDraft(
            "张三丰", mobile="13800131234", allergies="利多卡因", history_flags=("keloid",)
        ),
    )
    return queue.check_in(database, manager, patient.id)


def close(database, actor, visit_id) -> None:
    """Move the visit to done, from whatever version it is at now."""
    card = next(c for c in queue.todays_board(database, actor).cards if c.visit_id == visit_id)
    queue.move(database, actor, visit_id, card.version, VisitStatus.DONE)


def denials(database) -> int:
    with unit_of_work(database, write=False) as session:
        return session.scalar(
            sa.select(sa.func.count()).select_from(AuditEvent).where(AuditEvent.action == "denied")
        )


# --- consultations ---------------------------------------------------------------------------


def test_consultation_with_a_no_deal_reason_and_edits_by_its_author(database, team, visit):
    lily = team["consultant"]
    with pytest.raises(ValidationError) as error:
        record_consultation(
            database, lily, visit.visit_id, ConsultationDraft(outcome=Outcome.THINKING)
        )
    assert error.value.field == "no_deal_reason"
    draft = ConsultationDraft(
        wishes="想要皮肤更水润",
        concerns="怕疼",
        areas=("cheeks", "forehead"),
        items=("水光针",),
        budget_min="3000",
        budget_max="5000",
        quote="3840",
        outcome=Outcome.THINKING,
        no_deal_reason=NoDealReason.PRICE,
    )
    saved = record_consultation(database, lily, visit.visit_id, draft)
    assert saved.draft.quote == Decimal("3840.00") and saved.draft.areas == ("forehead", "cheeks")

    changed = update_consultation(
        database,
        lily,
        saved.id,
        saved.version,
        ConsultationDraft(outcome=Outcome.DEAL, quote="3600"),
    )
    assert changed.id == saved.id and changed.draft.no_deal_reason is None  # open visit: in place
    with pytest.raises(ConflictError):  # a stale version
        update_consultation(database, lily, saved.id, saved.version, draft)
    before = denials(database)
    with pytest.raises(PermissionDeniedError):  # another consultant's notes
        update_consultation(database, team["consultant2"], saved.id, changed.version, draft)
    assert denials(database) == before + 1
    # A deal makes the next visit 再消费.
    close(database, team["manager"], visit.visit_id)
    again = queue.check_in(database, team["manager"], visit.patient_id)
    assert again.visit_type == VisitType.REPURCHASE


def test_after_the_visit_closes_an_edit_is_a_new_version_that_keeps_the_old(database, team, visit):
    lily = team["consultant"]
    saved = record_consultation(database, lily, visit.visit_id, ConsultationDraft(wishes="原话"))
    close(database, team["manager"], visit.visit_id)
    newer = update_consultation(
        database, lily, saved.id, saved.version, ConsultationDraft(wishes="补充")
    )
    assert newer.id != saved.id and newer.replaces_id == saved.id
    shown = consultations_of(database, lily, visit.patient_id)
    assert [c.draft.wishes for c in shown] == ["补充"]
    everything = consultations_of(database, lily, visit.patient_id, include_replaced=True)
    assert sorted(c.draft.wishes for c in everything) == ["原话", "补充"]
    with pytest.raises(ValidationError):  # the replaced one no longer changes
        update_consultation(database, lily, saved.id, saved.version + 1, ConsultationDraft())


# --- assessments -----------------------------------------------------------------------------


def test_doctor_signs_once_then_only_addenda(database, team, visit):
    doctor = team["doctor"]
    draft = assessments.AssessmentDraft(
        chief_complaint="面部松弛",
        skin_type="III",
        areas_examined=("cheeks", "jawline"),
        area_notes={"jawline": "下颌缘轻度下垂"},
        diagnosis="皮肤松弛",
        recommendation="热玛吉全面部",
    )
    saved = assessments.save_assessment(database, doctor, visit.visit_id, draft)
    assert "allergy: 利多卡因" in saved.contraindications
    with pytest.raises(ValidationError) as error:  # the contraindications were not confirmed
        assessments.sign_assessment(database, doctor, saved.id, saved.version)
    assert error.value.code == "confirm_contraindications"
    confirmed = assessments.save_assessment(
        database,
        doctor,
        visit.visit_id,
        assessments.AssessmentDraft(**{**draft.__dict__, "contraindications_confirmed": True}),
        assessment_id=saved.id,
        expected_version=saved.version,
    )
    signed = assessments.sign_assessment(database, doctor, confirmed.id, confirmed.version)
    assert signed.signed_by == "Drwang" and signed.signed_at is not None

    with pytest.raises(assessments.AlreadySignedError):
        assessments.sign_assessment(database, doctor, signed.id, signed.version)
    with pytest.raises(assessments.AlreadySignedError):
        assessments.save_assessment(
            database,
            doctor,
            visit.visit_id,
            draft,
            assessment_id=signed.id,
            expected_version=signed.version,
        )
    with pytest.raises(SignedRecordError), unit_of_work(database) as session:  # any other path
        session.get(Assessment, signed.id).recommendation = "改了"
    after = assessments.add_addendum(database, doctor, signed.id, "术后一周复诊，恢复良好")
    assert [a.text for a in after.addenda] == ["术后一周复诊，恢复良好"]
    assert after.draft.recommendation == "热玛吉全面部"


def test_only_doctors_write_assessments_and_receptionists_see_none(database, team, visit):
    for who in ("nurse", "consultant", "manager", "reception"):
        with pytest.raises(PermissionDeniedError):
            assessments.save_assessment(
                database, team[who], visit.visit_id, assessments.AssessmentDraft()
            )
    for who in ("reception", "consultant"):
        with pytest.raises(PermissionDeniedError):
            assessments.contraindications(database, team[who], visit.patient_id)
    assert assessments.contraindications(database, team["nurse"], visit.patient_id)


# --- plans, courses, treatments, lots --------------------------------------------------------


def lot(lot_number, expires_on=FAR, quantity="1", product="乔雅登", unit="ml"):
    return treatments.ProductUse(product, "艾尔建", lot_number, expires_on, quantity, unit)


def test_a_course_session_is_consumed_by_the_treatment_that_uses_it(database, team, visit):
    plans.create_plan(
        database,
        team["consultant"],
        visit.patient_id,
        [
            plans.PlanLine("水光针", "3840", sessions=3, expires_on=FAR),
            plans.PlanLine("肉毒素", "2800"),
        ],
        visit_id=visit.visit_id,
    )
    [course] = plans.courses_of(database, team["nurse"], visit.patient_id)
    assert (course.item, course.sessions_left) == ("水光针", 3)
    for _ in range(3):
        treatments.record_treatment(
            database,
            team["nurse"],
            visit.patient_id,
            treatments.TreatmentDraft("水光针", utcnow(), course_id=course.id),
        )
    assert plans.courses_of(database, team["nurse"], visit.patient_id)[0].sessions_left == 0
    single = treatments.record_treatment(
        database, team["nurse"], visit.patient_id, treatments.TreatmentDraft("肉毒素", utcnow())
    )
    with unit_of_work(database, write=False) as session:
        values = session.execute(
            sa.select(Treatment.course_id.is_not(None), Treatment.value).order_by(
                Treatment.created_at
            )
        ).all()
        catalogue_price = session.scalar(
            sa.select(TreatmentItem.default_price).where(TreatmentItem.name == "肉毒素")
        )
        assert session.get(Treatment, single.treatment_id).value == catalogue_price
    # a course session is worth its share of the plan's price, fixed when recorded
    assert [tuple(v) for v in values] == [(True, Decimal("1280.00"))] * 3 + [
        (False, catalogue_price)
    ]
    with pytest.raises(ValidationError) as error:
        treatments.record_treatment(
            database,
            team["nurse"],
            visit.patient_id,
            treatments.TreatmentDraft("水光针", utcnow(), course_id=course.id),
        )
    assert error.value.code == "course_used_up"


def test_treatment_with_two_lots_expired_refused_short_expiry_warned(database, team, visit):
    nurse = team["nurse"]
    recorded = treatments.record_treatment(
        database,
        nurse,
        visit.patient_id,
        treatments.TreatmentDraft(
            "玻尿酸填充",
            utcnow(),
            areas=("lips",),
            products=(
                lot("JVD123A", quantity="1"),
                lot("jvd777b", TODAY + dt.timedelta(days=10), "0.5"),
            ),
        ),
    )
    assert recorded.warnings == (f"乔雅登 JVD777B: {(TODAY + dt.timedelta(days=10)).isoformat()}",)
    with pytest.raises(ValidationError) as error:
        treatments.record_treatment(
            database,
            nurse,
            visit.patient_id,
            treatments.TreatmentDraft(
                "玻尿酸填充", utcnow(), products=(lot("OLD1", TODAY - dt.timedelta(days=1)),)
            ),
        )
    assert error.value.code == "lot_expired"
    with unit_of_work(database, write=False) as session:  # the refused one left nothing behind
        assert session.scalar(sa.select(sa.func.count()).select_from(TreatmentProduct)) == 2
    assert {k.lot_number for k in catalogue.known_lots(database, nurse, "乔雅登")} == {
        "JVD123A",
        "JVD777B",
    }
    with pytest.raises(ValidationError) as error:  # a known lot with another expiry is a typo
        treatments.record_treatment(
            database,
            nurse,
            visit.patient_id,
            treatments.TreatmentDraft(
                "玻尿酸填充", utcnow(), products=(lot("JVD123A", FAR + dt.timedelta(days=1)),)
            ),
        )
    assert error.value.code == "lot_expiry_mismatch"


def test_lot_recall_finds_exactly_the_patients_who_received_it(database, team, visit):
    other = register_patient(database, team["manager"], PatientDraft("李四", mobile="13900139999"))
    third = register_patient(database, team["manager"], PatientDraft("王五", mobile="13700137000"))
    nurse = team["nurse"]
    for patient_id, lots in (
        (visit.patient_id, ("A1",)),
        (other.id, ("A1", "B2")),
        (third.id, ("B2",)),
    ):
        treatments.record_treatment(
            database,
            nurse,
            patient_id,
            treatments.TreatmentDraft("玻尿酸填充", utcnow(), products=tuple(lot(n) for n in lots)),
        )
    hits = treatments.lot_recall(database, team["manager"], "a1")
    assert sorted(h.name for h in hits) == ["张三丰", "李四"]
    assert {h.mobile_masked for h in hits} == {"138****1234", "139****9999"}
    by_product = treatments.lot_recall(
        database, nurse, product="乔雅登", between=(TODAY - dt.timedelta(days=1), TODAY)
    )
    assert len(by_product) == 4
    assert treatments.lot_recall(database, nurse, product="乔雅登", between=(FAR, FAR)) == []
    with pytest.raises(PermissionDeniedError):
        treatments.lot_recall(database, team["reception"], "A1")


def test_roles_per_call(database, team, visit):
    """Each write is allowed to exactly the roles the issue names; denials are audited."""
    calls = {
        "consultation": lambda who: record_consultation(
            database, who, visit.visit_id, ConsultationDraft()
        ),
        "treatment": lambda who: treatments.record_treatment(
            database, who, visit.patient_id, treatments.TreatmentDraft("皮秒", utcnow())
        ),
        "plan": lambda who: plans.create_plan(
            database, who, visit.patient_id, [plans.PlanLine("皮秒", "1980")]
        ),
        "catalogue": lambda who: catalogue.save_item(
            database, who, f"新项目{who.username}", "光电", "100"
        ),
        "consultations_read": lambda who: consultations_of(database, who, visit.patient_id),
    }
    allowed = {
        "consultation": {"consultant", "consultant2", "manager"},
        "treatment": {"nurse", "doctor"},
        "plan": {"consultant", "consultant2", "doctor", "manager"},
        "catalogue": {"manager"},
        "consultations_read": {"consultant", "consultant2", "doctor", "nurse", "manager"},
    }
    for name, call in calls.items():
        for who, actor in team.items():
            before = denials(database)
            if who in allowed[name]:
                call(actor)
            else:
                with pytest.raises(PermissionDeniedError):
                    call(actor)
                assert denials(database) == before + 1, (name, who)


def test_catalogue_is_seeded_and_edited_by_managers(database, team):
    names = [item.name for item in catalogue.items(database, team["reception"])]
    assert names[:3] == ["水光针", "热玛吉", "超声刀"] and "隆鼻" in names
    hyaluronic = next(
        i for i in catalogue.items(database, team["manager"]) if i.name == "玻尿酸填充"
    )
    assert hyaluronic.products == ("乔雅登",) and hyaluronic.consent_template == "filler"
    catalogue.save_item(
        database, team["manager"], "玻尿酸填充", "注射", "5200", consent_template="filler"
    )
    changed = next(i for i in catalogue.items(database, team["manager"]) if i.name == "玻尿酸填充")
    assert changed.default_price == Decimal("5200.00")
    with pytest.raises(ValidationError):
        catalogue.save_item(database, team["manager"], "坏价格", "注射", "12.345")
    with unit_of_work(database, write=False) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Consultation)) == 0


# --- timeline --------------------------------------------------------------------------------


def test_timeline_is_newest_first_per_role_and_pages_without_gaps(database, team, visit):
    from desktop_app.services import timeline

    start = utcnow() - dt.timedelta(hours=2)
    record_consultation(
        database, team["consultant"], visit.visit_id, ConsultationDraft(items=("皮秒",))
    )
    assessments.save_assessment(
        database, team["doctor"], visit.visit_id, assessments.AssessmentDraft()
    )
    plans.create_plan(
        database, team["consultant"], visit.patient_id, [plans.PlanLine("皮秒", "1980", sessions=5)]
    )
    for minutes in range(12):
        treatments.record_treatment(
            database,
            team["nurse"],
            visit.patient_id,
            treatments.TreatmentDraft("光子嫩肤", start + dt.timedelta(minutes=minutes)),
        )
    from desktop_app.services import reminders

    call = reminders.add_manual(
        database, team["nurse"], visit.patient_id, dt.date.today(), "问问恢复情况"
    )
    outcome = reminders.CallOutcome(True, "不红不肿", satisfaction=5)
    reminders.record_call(database, team["nurse"], call, 1, outcome)
    nurse_view = timeline.patient_timeline(database, team["nurse"], visit.patient_id)
    assert [e.at for e in nurse_view] == sorted((e.at for e in nurse_view), reverse=True)
    assert {e.kind for e in nurse_view} == set(timeline.EntryKind) - {timeline.EntryKind.DOCUMENT}
    follow_up = next(e for e in nurse_view if e.kind == timeline.EntryKind.FOLLOW_UP)
    assert (follow_up.label, follow_up.state) == ("问问恢复情况", "none/5")
    course = next(e for e in nurse_view if e.kind == timeline.EntryKind.COURSE)
    assert (course.label, course.state) == ("皮秒", "0/5")

    reception_view = timeline.patient_timeline(database, team["reception"], visit.patient_id)
    assert {e.kind for e in reception_view} == {timeline.EntryKind.VISIT}
    consultant_view = timeline.patient_timeline(database, team["consultant"], visit.patient_id)
    assert timeline.EntryKind.ASSESSMENT not in {e.kind for e in consultant_view}

    pages, cursor = [], None
    while True:
        page = timeline.patient_timeline(
            database, team["nurse"], visit.patient_id, before=cursor, limit=4
        )
        if not page:
            break
        pages += page
        cursor = (page[-1].at, page[-1].id)
    assert [e.id for e in pages] == [e.id for e in nurse_view]
    only = timeline.patient_timeline(
        database, team["nurse"], visit.patient_id, kinds={timeline.EntryKind.TREATMENT}
    )
    assert len(only) == 12 and only[0].label == "光子嫩肤"


def test_command_line_lot_recall_prints_json(database, team, visit):
    import json

    from tests.test_cli import clinic_desk

    treatments.record_treatment(
        database,
        team["nurse"],
        visit.patient_id,
        treatments.TreatmentDraft(
            "玻尿酸填充", utcnow(), products=(lot("A1"), lot("B2", quantity="0.5"))
        ),
    )
    url = database.url.render_as_string(hide_password=False)
    result = clinic_desk("--database-url", url, "lot-recall", "B2", "--json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert (row["record_no"], row["name"], row["mobile_masked"]) == (
        visit.record_no,
        "张三丰",
        "138****1234",
    )
    assert (row["lot_number"], row["product"], row["quantity"], row["unit"]) == (
        "B2",
        "乔雅登",
        "0.50",
        "ml",
    )
    by_product = clinic_desk(
        "--database-url",
        url,
        "lot-recall",
        "--product",
        "乔雅登",
        "--from",
        TODAY.isoformat(),
        "--json",
    )
    assert len(json.loads(by_product.stdout)) == 2
    nothing = clinic_desk("--database-url", url, "lot-recall", "--json")
    assert nothing.returncode == 1 and "lot number or a product" in nothing.stderr
    assert "Traceback" not in nothing.stderr


def test_diagnosis_pick_list_is_edited_by_managers(database, team):
    assert len(assessments.diagnosis_options(database, team["doctor"])) == 10
    assessments.add_diagnosis(database, team["manager"], "黄褐斑")
    assessments.set_diagnosis_active(database, team["manager"], "毛孔粗大", False)
    offered = assessments.diagnosis_options(database, team["doctor"])
    assert "黄褐斑" in offered and "毛孔粗大" not in offered
    with pytest.raises(ValidationError):
        assessments.add_diagnosis(database, team["manager"], "黄褐斑")
    with pytest.raises(PermissionDeniedError):
        assessments.add_diagnosis(database, team["doctor"], "玫瑰痤疮")


def test_two_doctors_editing_one_draft_conflict_instead_of_overwriting(database, team, visit):
    other = create_staff(
        database, team["manager"], NewStaff("drli", "李医生", Role.DOCTOR, "correct horse battery")
    )
    doctor = team["doctor"]
    seen = assessments.save_assessment(
        database, doctor, visit.visit_id, assessments.AssessmentDraft()
    )
    assessments.save_assessment(
        database,
        other,
        visit.visit_id,
        assessments.AssessmentDraft(chief_complaint="李医生写的"),
        assessment_id=seen.id,
        expected_version=seen.version,
    )
    with pytest.raises(ConflictError) as conflict:
        assessments.save_assessment(
            database,
            doctor,
            visit.visit_id,
            assessments.AssessmentDraft(chief_complaint="覆盖"),
            assessment_id=seen.id,
            expected_version=seen.version,
        )
    assert conflict.value.changed_by == "李医生"
    assert (
        assessments.get_assessment(database, doctor, seen.id).draft.chief_complaint == "李医生写的"
    )
