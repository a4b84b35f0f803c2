"""Demo data (issue 4): realistic, valid, unique, deterministic, searchable, numbered in step."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from desktop_app.db import Database
from desktop_app.models import AuditEvent, Patient, Visit, VisitStatus
from desktop_app.models.patient import PatientNameSuffix, name_suffixes
from desktop_app.services import demo_data, identity
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.demo_data import DemoDataRefusedError, load_demo_data
from desktop_app.services.intake import PatientDraft, age_on
from desktop_app.services.patients import register_patient
from desktop_app.services.search import EXACT, search_patients
from tests.support.databases import sqlite_url
from tests.test_cli import clinic_desk

TODAY = dt.date(2026, 11, 23)
SEED_CHANNELS = {"抖音", "小红书", "大众点评", "美团", "朋友推荐", "老客转介绍", "自然到店", "其他"}


def patients(database: Database) -> list[Patient]:
    with unit_of_work(database, write=False) as session:
        query = sa.select(Patient).options(selectinload(Patient.name_suffixes))
        return list(session.scalars(query.order_by(Patient.record_no)))


def snapshot(database: Database) -> tuple[list[tuple], list[tuple]]:
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
            sa.select(Visit.patient_id, Visit.checked_in_at, Visit.status).order_by(Visit.id)
        ).all()
    return [tuple(p) for p in people], [tuple(v) for v in visits]


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
