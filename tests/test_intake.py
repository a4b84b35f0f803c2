"""Registering walk-ins (issue 4, service layer): the intake rules on both databases."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import ConsentKind, Patient, PatientConsent
from desktop_app.services import consents, patients
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import DuplicatePatientError, find_duplicates

ADULT_ID = "11010519491231002X"  # female, born 1949-12-31


def stored(database: Database, record_id) -> Patient:
    with unit_of_work(database, write=False) as session:
        return session.get(Patient, record_id)


def field_error(database, manager, draft) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        patients.register_patient(database, manager, draft)
    return caught.value.field, caught.value.code


def test_walk_in_with_everything(database: Database, manager: Actor):
    draft = PatientDraft(
        name=" 张三丰 ",
        mobile="１３８-００１３-８０００",
        id_number=ADULT_ID.lower(),
        region="上海市",
        source_channel="小红书",
        interests="水光针, 热玛吉",
        allergies="利多卡因",
        history_flags=("keloid", "anticoagulants"),
        emergency_name="张夫人",
        emergency_phone="13900139000",
        notes="想改善法令纹 🙂",
        consents={
            ConsentKind.PERSONAL_INFO: True,
            ConsentKind.HEALTH_INFO: True,
            ConsentKind.PHOTOS_MARKETING: False,
        },
    )
    record = patients.register_patient(database, manager, draft)
    patient = stored(database, record.id)
    assert (patient.name, patient.mobile, patient.id_number) == (
        "张三丰",
        "+8613800138000",
        ADULT_ID,
    )
    assert (patient.birth_date, patient.sex) == (dt.date(1949, 12, 31), "F")  # from the ID
    assert (patient.name_pinyin, patient.name_initials) == ("zhangsanfeng", "zsf")
    assert patient.history_flags == "anticoagulants,keloid"
    assert patient.emergency_phone == "+8613900139000"
    assert patient.notes == "想改善法令纹 🙂"
    state = consents.current_consents(database, manager, record.id)
    assert state[ConsentKind.PERSONAL_INFO].granted
    assert not state[ConsentKind.PHOTOS_MARKETING].granted
    assert state[ConsentKind.HEALTH_INFO].given_by == "patient"
    assert state[ConsentKind.HEALTH_INFO].recorded_by == "王店长"


def test_invalid_id_blocks_unless_marked_unverified(database, manager):
    bad = "110105194912310021"
    assert field_error(database, manager, PatientDraft("李四", id_number=bad)) == (
        "id_number",
        "id_checksum",
    )
    record = patients.register_patient(
        database,
        manager,
        PatientDraft("李四", id_number=bad, id_unverified_reason="证件磨损，号码看不清"),
    )
    assert record.id_number == bad
    assert record.id_unverified_reason == "证件磨损，号码看不清"


def test_legacy_15_digit_id_is_stored_as_18(database, manager):
    record = patients.register_patient(
        database, manager, PatientDraft("王五", id_number="110105491231002")
    )
    assert record.id_number == ADULT_ID


def test_typed_birth_date_or_sex_contradicting_the_id_is_flagged(database, manager):
    wrong_day = PatientDraft("赵六", id_number=ADULT_ID, birth_date=dt.date(1950, 1, 1))
    assert field_error(database, manager, wrong_day) == ("birth_date", "id_mismatch")
    wrong_sex = PatientDraft("赵六", id_number=ADULT_ID, sex="M")
    assert field_error(database, manager, wrong_sex) == ("sex", "id_mismatch")


def test_impossible_mobile_is_a_field_error(database, manager):
    assert field_error(database, manager, PatientDraft("钱七", mobile="1380013800")) == (
        "mobile",
        "mobile_invalid",
    )


def test_minor_needs_a_guardian_and_under_14_the_guardian_consents(database, manager):
    today = dt.date.today()
    sixteen = today.replace(year=today.year - 16) - dt.timedelta(days=1)
    twelve = today.replace(year=today.year - 12) - dt.timedelta(days=1)
    assert field_error(database, manager, PatientDraft("孙小小", birth_date=sixteen)) == (
        "guardian_name",
        "guardian_required",
    )
    partial = PatientDraft(
        "孙小小", birth_date=sixteen, guardian_name="孙妈妈", guardian_relation="母亲"
    )
    assert field_error(database, manager, partial) == ("guardian_mobile", "guardian_required")

    child = patients.register_patient(
        database,
        manager,
        PatientDraft(
            "孙小小",
            birth_date=twelve,
            guardian_name="孙妈妈",
            guardian_relation="母亲",
            guardian_mobile="13700137000",
            consents={ConsentKind.PERSONAL_INFO: True},
        ),
    )
    state = consents.current_consents(database, manager, child.id)
    assert state[ConsentKind.PERSONAL_INFO].given_by == "guardian"


def test_duplicate_mobile_or_id_finds_the_existing_patient(database, manager):
    first = patients.register_patient(
        database, manager, PatientDraft("周芷若", mobile="13800138000", id_number=ADULT_ID)
    )
    same_mobile = PatientDraft("周芷若", mobile="+86 138 0013 8000")
    [match] = find_duplicates(database, manager, same_mobile)
    assert (match.id, match.reason, match.mobile_masked) == (first.id, "mobile", "138****8000")
    with pytest.raises(DuplicatePatientError) as caught:
        patients.register_patient(database, manager, same_mobile)
    assert caught.value.matches[0].record_no == first.record_no
    assert not caught.value.similar_only
    with pytest.raises(DuplicatePatientError):
        patients.register_patient(database, manager, PatientDraft("另一人", id_number=ADULT_ID))


def test_same_name_and_birth_date_warns_and_may_be_overridden(database, manager):
    born = dt.date(1990, 5, 1)
    patients.register_patient(database, manager, PatientDraft("王芳", birth_date=born))
    with pytest.raises(DuplicatePatientError) as caught:
        patients.register_patient(database, manager, PatientDraft("王芳", birth_date=born))
    assert caught.value.similar_only
    second = patients.register_patient(
        database, manager, PatientDraft("王芳", birth_date=born), allow_similar=True
    )
    assert second.record_no == "000002"


def test_two_stations_registering_the_same_person_at_once(postgres_database):
    """Both pass the duplicate check before either commits; the unique index decides."""
    from desktop_app.services.setup import FirstRun, complete_first_run
    from tests.conftest import MANAGER_PASSWORD

    manager = complete_first_run(postgres_database, FirstRun("C", "b", "B", MANAGER_PASSWORD))
    barrier = threading.Barrier(2)
    outcomes: list[object] = []
    real_matches = patients._matches

    first_checks = threading.local()

    def check_then_wait(*args, **kwargs):
        found = real_matches(*args, **kwargs)
        if not getattr(first_checks, "done", False):  # hold each station's pre-save check
            first_checks.done = True
            barrier.wait(timeout=10)  # both have looked, found nothing, and go on to insert
        return found

    def station(name: str) -> None:
        try:
            outcomes.append(
                patients.register_patient(
                    postgres_database, manager, PatientDraft(name, mobile="13800138000")
                )
            )
        except DuplicatePatientError as exc:
            outcomes.append(exc)

    patients._matches = check_then_wait
    try:
        threads = [threading.Thread(target=station, args=(n,)) for n in ("甲", "乙")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        patients._matches = real_matches

    saved = [o for o in outcomes if isinstance(o, patients.PatientRecord)]
    refused = [o for o in outcomes if isinstance(o, DuplicatePatientError)]
    assert len(saved) == 1 and len(refused) == 1
    assert refused[0].matches[0].record_no == saved[0].record_no
    with unit_of_work(postgres_database, write=False) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Patient)) == 1


def test_rare_characters_and_long_notes_round_trip(database, manager):
    note = "术前沟通记录。" * 1500  # 10,500 characters
    record = patients.register_patient(
        database, manager, PatientDraft("𠮷田·Anna", notes=note + " 🙂")
    )
    patient = stored(database, record.id)
    assert patient.name == "𠮷田·Anna"
    assert patient.notes == note + " 🙂"


def test_source_channel_must_be_on_the_clinic_list(database, manager):
    assert field_error(database, manager, PatientDraft("吴九", source_channel="电视")) == (
        "source_channel",
        "invalid",
    )
    assert patients.register_patient(
        database, manager, PatientDraft("吴九", source_channel="抖音")
    ).record_no


def test_withdrawn_consent_is_recorded_not_deleted(database, manager):
    record = patients.register_patient(
        database, manager, PatientDraft("郑十", consents={ConsentKind.CONTACT_MARKETING: True})
    )
    consents.record_consent(database, manager, record.id, ConsentKind.CONTACT_MARKETING, False)
    assert not consents.current_consents(database, manager, record.id)[
        ConsentKind.CONTACT_MARKETING
    ].granted
    with unit_of_work(database, write=False) as session:
        rows = session.scalars(
            sa.select(PatientConsent.granted).order_by(PatientConsent.recorded_at)
        ).all()
    assert rows == [True, False]
