"""Demo data (issue 4): realistic, valid, unique, deterministic, searchable, numbered in step."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from desktop_app.db import Database
from desktop_app.models import (
    Assessment,
    AssessmentAddendum,
    AuditEvent,
    Consultation,
    Course,
    Outcome,
    Patient,
    PatientTag,
    PlanItem,
    ProductLot,
    Role,
    Staff,
    Tag,
    TagGroup,
    TagKind,
    Treatment,
    TreatmentPlan,
    TreatmentProduct,
    Visit,
    VisitStatus,
    VisitType,
)
from desktop_app.models.patient import PatientNameSuffix, name_suffixes
from desktop_app.services import demo_data, identity
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.demo_data import DemoDataRefusedError, load_demo_data
from desktop_app.services.intake import PatientDraft, age_on
from desktop_app.services.patients import register_patient
from desktop_app.services.search import EXACT, search_patients
from desktop_app.services.timeline import EntryKind, patient_timeline
from desktop_app.services.treatments import SHORT_EXPIRY_DAYS, lot_recall
from tests.support.databases import sqlite_url
from tests.test_cli import clinic_desk

TODAY = dt.date(2026, 11, 23)
SEED_CHANNELS = {"抖音", "小红书", "大众点评", "美团", "朋友推荐", "老客转介绍", "自然到店", "其他"}


def patients(database: Database) -> list[Patient]:
    with unit_of_work(database, write=False) as session:
        query = sa.select(Patient).options(selectinload(Patient.name_suffixes))
        return list(session.scalars(query.order_by(Patient.record_no)))


def snapshot(database: Database) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Everything demo data decides, in a comparable form."""
    with unit_of_work(database, write=False) as session:
        people = session.execute(
            sa.select(
                Patient.id,
                Patient.record_no,
                Patient.name,
                Patient.sex,
                Patient.birth_date,
                Patient.mobile,
                Patient.id_number,
                Patient.region,
                Patient.source_channel,
            ).order_by(Patient.record_no)
        ).all()
        visits = session.execute(
            sa.select(
                Visit.patient_id, Visit.checked_in_at, Visit.status, Visit.visit_type
            ).order_by(Visit.id)
        ).all()
        clinical = session.execute(
            sa.select(
                Treatment.id,
                Treatment.patient_id,
                Treatment.started_at,
                Treatment.course_id,
                ProductLot.lot_number,
                TreatmentProduct.quantity,
            )
            .outerjoin(TreatmentProduct, TreatmentProduct.treatment_id == Treatment.id)
            .outerjoin(ProductLot, ProductLot.id == TreatmentProduct.lot_id)
            .order_by(Treatment.id, ProductLot.lot_number)
        ).all()
        clinical += session.execute(
            sa.select(Consultation.id, Consultation.visit_id, Consultation.outcome).order_by(
                Consultation.id
            )
        ).all()
        clinical += session.execute(
            sa.select(Assessment.id, Assessment.signed_at).order_by(Assessment.id)
        ).all()
    return [tuple(p) for p in people], [tuple(v) for v in visits], [tuple(c) for c in clinical]


@pytest.fixture
def demo(database: Database, manager: Actor) -> list[Patient]:
    result = load_demo_data(database, manager, 300, seed=7, today=TODAY)
    assert (result.patients, result.first_record_no, result.last_record_no) == (
        300,
        "000001",
        "000300",
    )
    return patients(database)


def test_patients_pass_the_intake_rules(database, demo):
    for p in demo:
        assert identity.mobile(p.mobile).e164 == p.mobile
        if p.id_number:
            checked = identity.resident_id(p.id_number)
            assert (checked.birth_date, checked.sex) == (p.birth_date, p.sex)
        assert 16 <= age_on(p.birth_date, TODAY) <= 70
        if age_on(p.birth_date, TODAY) < 18:
            assert p.guardian_name and p.guardian_relation and p.guardian_mobile
        assert p.source_channel in SEED_CHANNELS
        assert (p.name_pinyin, p.name_initials) == identity.name_keys(p.name)
        assert p.mobile_rev == p.mobile[::-1]
        assert p.id_rev == (p.id_number[::-1] if p.id_number else None)
        assert sorted(s.suffix for s in p.name_suffixes) == sorted(name_suffixes(p.name))
    mobiles = [p.mobile for p in demo]
    ids = [p.id_number for p in demo if p.id_number]
    assert len(set(mobiles)) == len(mobiles) and len(set(ids)) == len(ids)
    assert 0.8 * len(demo) < len(ids) < len(demo)  # most, not all, show an ID card


def test_a_realistic_mix(database, demo):
    names = [p.name for p in demo]
    assert sum(p.sex == "F" for p in demo) > len(demo) / 2
    assert sum(20 <= age_on(p.birth_date, TODAY) <= 45 for p in demo) > 0.7 * len(demo)
    assert any(len(n) == 2 for n in names) and any(len(n) == 3 for n in names)
    assert len({p.source_channel for p in demo}) >= 5
    assert len({p.region for p in demo}) >= 10
    with unit_of_work(database, write=False) as session:
        visits = session.execute(sa.select(Visit.patient_id, Visit.checked_in_at, Visit.status))
        seen: dict[object, list[dt.datetime]] = {}
        for patient_id, at, status in visits:
            assert status in (VisitStatus.DONE, VisitStatus.LEFT)
            assert at.date() < TODAY
            seen.setdefault(patient_id, []).append(at)
    assert set(seen) == {p.id for p in demo}  # everyone came at least once
    years = {at.year for times in seen.values() for at in times}
    assert len(years) >= 4
    assert any(len(times) > 1 for times in seen.values())


def test_same_seed_same_data_however_it_is_drawn(database, manager, tmp_path, monkeypatch):
    """A seed fixes the data, whether one process or a pool of them draws the chunks."""
    monkeypatch.setattr(demo_data, "CHUNK", 100)
    load_demo_data(database, manager, 250, seed=3, today=TODAY, workers=0)
    other = Database(sqlite_url(tmp_path, "other.db"))
    different = Database(sqlite_url(tmp_path, "different.db"))
    try:
        from desktop_app.migrations import upgrade

        for db, seed in ((other, 3), (different, 4)):
            upgrade(db)
            load_demo_data(db, Actor.command_line(), 250, seed=seed, today=TODAY, workers=2)
        assert snapshot(other) == snapshot(database)
        assert snapshot(different)[0] != snapshot(database)[0]
        assert snapshot(different)[2] != snapshot(database)[2]
    finally:
        other.dispose()
        different.dispose()


def test_demo_patients_are_found_every_way(database, manager, demo):
    rng = random.Random(1)
    for p in rng.sample(demo, 10):
        exact = [(p.record_no, p.record_no), (p.mobile[3:], p.record_no)]
        if p.id_number:
            exact.append((p.id_number, p.record_no))
        for query, record_no in exact:
            hit = search_patients(database, manager, query)[0]
            assert (hit.record_no, hit.rank) == (record_no, EXACT), query
        for query in (p.name, p.name_pinyin, p.name_initials, p.mobile[-4:], p.name[1:]):
            found = search_patients(database, manager, query, limit=100)
            assert p.record_no in [h.record_no for h in found], query


def test_registration_after_demo_data_continues_the_numbering(database, manager, demo):
    record = register_patient(database, manager, PatientDraft("新来的", mobile="13912345678"))
    assert record.record_no == "000301"


def test_a_database_with_patients_is_refused_unless_forced(database, manager):
    first = register_patient(database, manager, PatientDraft("真病人", mobile="13912345678"))
    with pytest.raises(DemoDataRefusedError, match="already has 1 patients"):
        load_demo_data(database, manager, 50, today=TODAY)
    assert [p.record_no for p in patients(database)] == [first.record_no]

    result = load_demo_data(database, manager, 50, force=True, today=TODAY)
    assert (result.first_record_no, result.last_record_no) == ("000002", "000051")
    after = register_patient(database, manager, PatientDraft("又一个", mobile="13912345679"))
    assert after.record_no == "000052"


def test_a_clash_with_a_taken_number_is_redrawn_the_same_way_each_time():
    plan = demo_data._Plan(5, TODAY, ("抖音",), None)
    drawn = demo_data._draw_chunk(plan, 0, 1)[0]
    redraws = []
    for _ in range(2):
        taken = demo_data._Taken()
        taken.mobiles.add(drawn[0]["mobile"])
        redraws.append(taken.unique(plan, 0, 0, drawn)[0])
    assert redraws[0]["mobile"] != drawn[0]["mobile"]
    assert redraws[0] == redraws[1]


def test_one_audit_event_for_the_whole_load(database, manager, demo):
    with unit_of_work(database, write=False) as session:
        events = session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == "demo_data")
        ).all()
        suffixes = session.scalar(sa.select(sa.func.count()).select_from(PatientNameSuffix))
    [event] = events
    summary = json.loads(event.summary)
    assert summary["patients"] == 300 and summary["seed"] == 7
    assert summary["record_nos"] == ["000001", "000300"]
    assert summary["visits"] > 300
    assert summary["clinical"]["treatments"] > 0 and summary["lots"] > 100
    assert sorted(summary["demo_staff"])[0] == "demo-consultant-1"
    assert suffixes == sum(len(name_suffixes(p.name)) for p in demo)


def test_command_line(database):
    url = database.url.render_as_string(hide_password=False)
    loaded = clinic_desk("--database-url", url, "demo-data", "--patients", "120", "--seed", "2")
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.startswith("Added 120 patients (000001–000120) and ")

    again = clinic_desk("--database-url", url, "demo-data", "--patients", "10")
    assert again.returncode == 1
    assert "already has 120 patients" in again.stderr and "--force" in again.stderr
    assert "Traceback" not in again.stderr

    forced = clinic_desk("--database-url", url, "demo-data", "--patients", "10", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "(000121–000130)" in forced.stdout

    found = clinic_desk("--database-url", url, "search", "000125", "--json")
    assert json.loads(found.stdout)[0]["record_no"] == "000125"


def test_command_line_needs_a_positive_count(tmp_path):
    result = clinic_desk("--database-url", f"sqlite:///{tmp_path}/x.db", "demo-data")
    assert result.returncode == 2 and "--patients" in result.stderr
    result = clinic_desk(
        "--database-url", f"sqlite:///{tmp_path}/x.db", "demo-data", "--patients", "0"
    )
    assert result.returncode == 2 and "1 or more" in result.stderr


def test_patients_carry_the_clinics_tags_in_realistic_shares(database, demo):
    with unit_of_work(database, write=False) as session:
        kinds = session.execute(
            sa.select(PatientTag.patient_id, TagGroup.kind)
            .join(Tag, Tag.id == PatientTag.tag_id)
            .join(TagGroup, TagGroup.id == Tag.group_id)
        ).all()
        first_visits = dict(
            session.execute(
                sa.select(Visit.patient_id, sa.func.min(Visit.checked_in_at)).group_by(
                    Visit.patient_id
                )
            ).all()
        )
        added = session.execute(sa.select(PatientTag.patient_id, PatientTag.added_at)).all()
    per_kind = {kind: sum(1 for _, k in kinds if k == kind) for kind in TagKind}
    assert 0.45 * 300 < per_kind[TagKind.BASIC] < 0.75 * 300
    assert 0.18 * 300 < per_kind[TagKind.PERSONAL] < 0.42 * 300
    assert 0.06 * 300 < per_kind[TagKind.PREFERENCE] < 0.25 * 300
    assert len({(p, k) for p, k in kinds}) == len(kinds)  # one per kind of group at most
    assert all(at == first_visits[patient_id] for patient_id, at in added)


def test_a_patients_consultant_is_the_first_who_saw_them(database, demo):
    with unit_of_work(database, write=False) as session:
        first_seen = {}
        for patient_id, consultant_id in session.execute(
            sa.select(Visit.patient_id, Visit.consultant_id)
            .where(Visit.consultant_id.is_not(None))
            .order_by(Visit.checked_in_at)
        ):
            first_seen.setdefault(patient_id, consultant_id)
        assigned = dict(session.execute(sa.select(Patient.id, Patient.consultant_id)).all())
    assert first_seen and all(assigned[p] == c for p, c in first_seen.items())
    assert all(assigned[p] is None for p in assigned.keys() - first_seen.keys())


def test_visits_per_patient_sets_the_average(database, manager):
    """The benchmarks' million visits over 200,000 patients ask for five each."""
    result = load_demo_data(database, manager, 400, seed=4, today=TODAY, visits_per_patient=6)
    assert 5.0 < result.visits / 400 < 7.0
    default = demo_data._leaving(3.3, TODAY)
    assert abs(default - demo_data.LEAVING) < 0.05  # the default is the same history


def test_visits_per_patient_out_of_range_is_refused(database, manager, tmp_path):
    with pytest.raises(demo_data.ServiceError, match=r"1\.5 to 12"):
        load_demo_data(database, manager, 10, today=TODAY, visits_per_patient=40)
    assert patients(database) == []
    result = clinic_desk(
        "--database-url",
        f"sqlite:///{tmp_path}/x.db",
        "demo-data",
        "--patients",
        "5",
        "--visits-per-patient",
        "0.5",
    )
    assert result.returncode == 1 and "1.5 to 12" in result.stderr
    assert "Traceback" not in result.stderr


def count(session, model, *where) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(model).where(*where)) or 0


def test_clinical_record_in_realistic_proportions(database, demo):
    """Consultations at most visits, sales with a deal and a plan, treatments with products."""
    with unit_of_work(database, write=False) as session:
        visits = count(session, Visit)
        sales = count(session, Visit, Visit.purchased)
        consultations = count(session, Consultation)
        deals = session.execute(
            sa.select(Consultation.visit_id, Visit.purchased)
            .join(Visit, Visit.id == Consultation.visit_id)
            .where(Consultation.outcome == Outcome.DEAL)
        ).all()
        plans = session.scalars(sa.select(TreatmentPlan.visit_id)).all()
        assessments = count(session, Assessment)
        addenda = count(session, AssessmentAddendum)
        treatments = count(session, Treatment)
        with_products = session.scalar(
            sa.select(sa.func.count(sa.distinct(TreatmentProduct.treatment_id)))
        )
        courses = count(session, Course)
        visit_counts = sorted(
            session.scalars(
                sa.select(sa.func.count()).select_from(Visit).group_by(Visit.patient_id)
            )
        )
    assert 0.5 * visits < consultations < visits
    assert all(purchased for _visit, purchased in deals)  # a deal marks the visit a sale
    assert len(deals) == sales == len(plans) and set(plans) == {v for v, _ in deals}
    assert 0.3 * visits < assessments < visits and 0 < addenda < 0.2 * assessments
    assert 0.5 * sales < treatments and 0.1 * treatments < with_products < treatments
    assert 0.1 * sales < courses < sales
    assert visit_counts[len(visit_counts) // 2] <= 3  # most patients come a few times


def test_regulars_have_hundreds_of_entries(database, manager, monkeypatch):
    monkeypatch.setattr(demo_data, "REGULAR_SHARE", 0.05)
    load_demo_data(database, manager, 200, seed=11, today=TODAY)
    entries = sa.union_all(
        *(
            sa.select(model.patient_id)
            for model in (Visit, Consultation, Assessment, TreatmentPlan, Course, Treatment)
        )
    ).subquery()
    with unit_of_work(database, write=False) as session:
        sizes = session.scalars(
            sa.select(sa.func.count()).select_from(entries).group_by(entries.c.patient_id)
        ).all()
    heavy = [n for n in sizes if n >= 200]
    assert 0 < len(heavy) < 0.15 * len(sizes) and max(sizes) >= 500
    assert sorted(sizes)[len(sizes) // 2] < 20


def test_assessments_are_signed_by_doctors(database, demo):
    with unit_of_work(database, write=False) as session:
        rows = session.execute(
            sa.select(Assessment, Staff.role).join(Staff, Staff.id == Assessment.signed_by_id)
        ).all()
        unsigned = count(session, Assessment, Assessment.signed_at.is_(None))
        addenda = session.execute(
            sa.select(AssessmentAddendum, Assessment.signed_at, Staff.role)
            .join(Assessment, Assessment.id == AssessmentAddendum.assessment_id)
            .join(Staff, Staff.id == AssessmentAddendum.signed_by_id)
        ).all()
    assert rows and unsigned == 0
    for assessment, role in rows:
        assert role is Role.DOCTOR and assessment.signed_by_id == assessment.doctor_id
        assert assessment.signed_at.tzinfo == dt.UTC
        assert assessment.created_at <= assessment.signed_at
        assert assessment.contraindications_confirmed
    assert addenda
    for addendum, signed_at, role in addenda:
        assert role is Role.DOCTOR and signed_at < addendum.signed_at
        assert addendum.signed_at.date() < TODAY


def test_no_treatment_used_a_lot_expired_or_about_to(database, demo):
    with unit_of_work(database, write=False) as session:
        uses = session.execute(
            sa.select(Treatment.started_at, ProductLot.expires_on)
            .join(TreatmentProduct, TreatmentProduct.treatment_id == Treatment.id)
            .join(ProductLot, ProductLot.id == TreatmentProduct.lot_id)
        ).all()
        lots = count(session, ProductLot)
    assert uses and 100 < lots < 1000
    for started_at, expires_on in uses:
        assert (expires_on - started_at.date()).days > SHORT_EXPIRY_DAYS


def test_courses_are_used_within_their_limits(database, demo):
    with unit_of_work(database, write=False) as session:
        courses = session.execute(
            sa.select(Course, PlanItem.sessions).join(PlanItem, PlanItem.id == Course.plan_item_id)
        ).all()
        used = dict(
            session.execute(
                sa.select(Treatment.course_id, sa.func.count())
                .where(Treatment.course_id.is_not(None))
                .group_by(Treatment.course_id)
            ).all()
        )
        sessions = session.execute(
            sa.select(
                Treatment.started_at, Treatment.item_id, Course.item_id, Course.expires_on
            ).join(Course, Course.id == Treatment.course_id)
        ).all()
    assert courses and sessions
    assert any(c.sessions_used == c.sessions_total for c, _ in courses)
    for course, bought in courses:
        assert 0 <= course.sessions_used <= course.sessions_total == bought
        assert bought > 1 and used.get(course.id, 0) == course.sessions_used
    for started_at, item_id, course_item_id, expires_on in sessions:
        assert item_id == course_item_id and started_at.date() <= expires_on


def test_visit_types_follow_the_check_in_rules(database, demo):
    with unit_of_work(database, write=False) as session:
        visits = session.execute(
            sa.select(Visit.patient_id, Visit.visit_type, Visit.purchased).order_by(
                Visit.patient_id, Visit.checked_in_at
            )
        ).all()
    previous = None
    bought = False
    for patient_id, kind, purchased in visits:
        if patient_id != previous:
            assert kind is VisitType.FIRST
            previous, bought = patient_id, False
        elif kind is not VisitType.COURSE:
            assert kind is (VisitType.REPURCHASE if bought else VisitType.RETURN)
        bought = bought or purchased
    assert {kind for _, kind, _ in visits} == set(VisitType)


def test_the_timeline_shows_every_kind(database, manager, demo):
    with unit_of_work(database, write=False) as session:
        patient_id = session.scalar(
            sa.select(Course.patient_id)
            .join(Treatment, Treatment.course_id == Course.id)
            .order_by(Course.id)
            .limit(1)
        )
    entries = patient_timeline(database, manager, patient_id, limit=1000)
    assert {entry.kind for entry in entries} == set(EntryKind) - {EntryKind.DOCUMENT}
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    assert all(e.person for e in entries if e.kind is not EntryKind.VISIT)


def test_lot_recall_finds_who_received_a_generated_lot(database, manager, demo):
    with unit_of_work(database, write=False) as session:
        lot = session.scalar(
            sa.select(ProductLot.lot_number)
            .join(TreatmentProduct, TreatmentProduct.lot_id == ProductLot.id)
            .group_by(ProductLot.lot_number)
            .order_by(sa.func.count().desc(), ProductLot.lot_number)
            .limit(1)
        )
        expected = session.scalars(
            sa.select(Patient.record_no)
            .join(Treatment, Treatment.patient_id == Patient.id)
            .join(TreatmentProduct, TreatmentProduct.treatment_id == Treatment.id)
            .join(ProductLot, ProductLot.id == TreatmentProduct.lot_id)
            .where(ProductLot.lot_number == lot)
        ).all()
    hits = lot_recall(database, manager, lot.lower())
    assert len(expected) > 1
    assert sorted(h.record_no for h in hits) == sorted(expected)
    assert {h.lot_number for h in hits} == {lot}


def test_a_second_load_reuses_the_demo_staff_and_lot_register(database, manager):
    def sizes() -> tuple[int, int, int]:
        with unit_of_work(database, write=False) as session:
            return count(session, Staff), count(session, ProductLot), count(session, Treatment)

    load_demo_data(database, manager, 40, seed=5, today=TODAY)
    staff, lots, treatments = sizes()
    load_demo_data(database, manager, 40, seed=5, force=True, today=TODAY)
    assert sizes()[:2] == (staff, lots) and sizes()[2] > treatments
