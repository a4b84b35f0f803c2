"""A scripted clinic day through the services, on SQLite and PostgreSQL: every act and every
opening of the record or a photo is in the audit log exactly once, and nothing else is
(issue 10)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import sqlalchemy as sa

from desktop_app.models import AuditEvent, DocumentAction, PhotoStage, Role, Trigger, utcnow
from desktop_app.services import (
    assessments,
    audit_log,
    booking_arrivals,
    bookings,
    documents,
    face_charts,
    photos,
    plans,
    queue,
    reminders,
    treatments,
)
from desktop_app.services.bookings import BookingDraft
from desktop_app.services.consultations import (
    ConsultationDraft,
    get_consultation,
    record_consultation,
)
from desktop_app.services.context import unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.record_header import record_header
from desktop_app.services.reminders import CallOutcome
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.photo_clinic import face

PASSWORD = "correct horse battery"
FAR = dt.date.today() + dt.timedelta(days=400)


@pytest.fixture(autouse=True)
def _midday(local_midday):
    """Today stays today while the day runs."""


def log_after(database, marker: dt.datetime) -> list[AuditEvent]:
    with unit_of_work(database, write=False) as session:
        return list(
            session.scalars(
                sa.select(AuditEvent)
                .where(AuditEvent.occurred_at > marker)
                .order_by(AuditEvent.occurred_at)
            )
        )


def test_a_scripted_day_is_audited_exactly_once_per_act(database, manager):
    people = {
        role: create_staff(database, manager, NewStaff(name, name.title(), role, PASSWORD))
        for role, name in (
            (Role.RECEPTIONIST, "front"),
            (Role.CONSULTANT, "lily"),
            (Role.DOCTOR, "drwang"),
            (Role.NURSE, "nurse"),
        )
    }
    front, lily = people[Role.RECEPTIONIST], people[Role.CONSULTANT]
    doctor, nurse = people[Role.DOCTOR], people[Role.NURSE]
    start = utcnow()

    # The desk registers and checks in; the consultant consults and plans.
    patient = register_patient(database, front, PatientDraft("张三丰", mobile="13800131234"))
    record_header(database, front, patient.id)  # the desk opens the record
    visit = queue.check_in(database, front, patient.id).visit_id
    consultation = record_consultation(
        database, lily, visit, ConsultationDraft(items=("玻尿酸填充",), quote="4800")
    )
    plans.create_plan(database, lily, patient.id, [plans.PlanLine("玻尿酸填充", "4800")])

    # The doctor opens the record, reads the consultation, assesses and signs.
    record_header(database, doctor, patient.id)
    get_consultation(database, doctor, consultation.id)
    draft = assessments.AssessmentDraft(
        chief_complaint="唇部干瘪", contraindications_confirmed=True, recommendation="玻尿酸"
    )
    assessment = assessments.save_assessment(database, doctor, visit, draft)
    assessments.sign_assessment(database, doctor, assessment.id, assessment.version)
    assessments.get_assessment(database, doctor, assessment.id)

    # The nurse takes the before photo, prints the consent, treats, and looks at the photo.
    photo = photos.import_file(
        database,
        nurse,
        patient.id,
        "before.jpg",
        face(1),
        photos.PhotoTags(stage=PhotoStage.BEFORE),
        consent_confirmed=True,
    )
    lot = treatments.ProductUse("乔雅登", "艾尔建", "JVD123A", FAR, "1", "ml")
    treatment_draft = treatments.TreatmentDraft(
        "玻尿酸填充", utcnow(), visit_id=visit, products=(lot,)
    )
    prepared = documents.prepare_document(
        database, nurse, "filler", patient.id, draft=treatment_draft, language="zh_CN"
    )
    documents.keep_document(database, nurse, prepared, DocumentAction.PRINT)
    treatment = treatments.record_treatment(
        database, nurse, patient.id, treatment_draft
    ).treatment_id
    photos.gallery(database, nurse, patient.id)
    photos.thumbnails(database, nurse, [photo])  # the gallery's cells: its one row covers them
    photos.image(database, nurse, photo)
    treatments.get_treatment(database, nurse, treatment)
    face_charts.face_chart(database, nurse, treatment)

    # The follow-up call on the treatment's reminder, then opened from the record.
    with unit_of_work(database, write=False) as session:
        from desktop_app.models import FollowUp, Reminder

        call = session.scalars(
            sa.select(Reminder)
            .where(Reminder.patient_id == patient.id, Reminder.trigger == Trigger.TREATMENT)
            .order_by(Reminder.due_on, Reminder.step)
        ).first()
        assert call is not None
        call_id, call_version = call.id, call.version
    reminders.record_call(database, nurse, call_id, call_version, CallOutcome(True, "恢复良好"))
    with unit_of_work(database, write=False) as session:
        follow_up = session.scalar(sa.select(FollowUp.id).where(FollowUp.reminder_id == call_id))
    reminders.get_follow_up(database, nurse, follow_up)

    # The next session is booked, and the patient arrives for it.
    at = dt.datetime.combine(dt.date.today(), dt.time(16)).astimezone().astimezone(dt.UTC)
    booked = bookings.book(database, front, BookingDraft(at, 30, patient_id=patient.id))
    booking_arrivals.arrive(database, front, booked.id, booked.version, at)

    day = Counter((e.action, e.entity_type) for e in log_after(database, start))
    expected = Counter(
        {
            ("create", "patient"): 1,
            ("check_in", "visit"): 1,
            ("create", "consultation"): 1,
            ("create", "treatment_plan"): 1,
            ("create", "assessment"): 1,
            ("sign", "assessment"): 1,
            ("import_photo", "photo"): 1,
            ("print", "printed_document"): 1,
            ("create", "treatment"): 1,
            ("call", "reminder"): 1,
            ("create", "booking"): 1,
            ("arrive", "booking"): 1,
            # the openings
            ("view", "patient"): 2,  # the desk's and the doctor's
            ("view", "consultation"): 1,
            ("view", "assessment"): 1,
            ("view_photos", "patient"): 1,
            ("view", "photo"): 1,
            ("view", "treatment"): 1,
            ("view", "face_chart"): 1,
            ("view", "follow_up"): 1,
        }
    )
    assert day == expected

    # The manager finds the whole day under the patient's name, each row naming them.
    rows = audit_log.search(database, manager, patient_id=patient.id, since=dt.date.today())
    assert Counter((r.action, r.entity_type) for r in rows) == expected
    assert {(r.action, r.entity_type, r.patient) for r in rows if not r.patient} == set()
    assert {r.patient for r in rows} == {f"张三丰 ({patient.record_no})"}
    by_who = Counter(r.who for r in rows)
    assert by_who["Nurse"] == 9 and by_who["Drwang"] == 5
