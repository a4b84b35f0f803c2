"""Demographics (issue 12) on a hand-built clinic, on SQLite and PostgreSQL: every count
below is tallied by hand from the patients' stories."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from desktop_app.models import AuditEvent, Patient, Role
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.report_demographics import (
    AGE_ORDER,
    DIMENSIONS,
    SEX_ORDER,
    _years_before,
    demographic_patients,
    demographics,
)
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.local_time import local

SINCE, UNTIL, TODAY = dt.date(2026, 3, 1), dt.date(2026, 3, 31), dt.date(2026, 6, 15)


D = dt.date
STORIES = {  # name: channel, birth date, sex, region, registered (local month, day …)
    "P1": ("抖音", D(2008, 6, 15), "F", "北京", (3, 1, 0, 30)),  # 18 on TODAY
    "P2": ("抖音", D(2008, 6, 16), "F", "北京", (3, 5)),  # 17, 18 tomorrow
    "P3": ("抖音", D(2001, 6, 16), "M", "上海", (3, 10)),  # 24
    "P4": ("小红书", D(1991, 6, 15), "F", "北京", (3, 12)),  # 35 on TODAY
    "P5": ("小红书", D(1991, 6, 16), None, None, (3, 20)),  # 34, sex and region unknown
    "P6": (None, D(1971, 6, 15), "M", "广州", (3, 25)),  # 55 on TODAY
    "P7": (None, None, "F", "", (3, 31, 23, 30)),  # no birth date
    "P8": ("小红书", D(1976, 1, 1), "F", "上海", (3, 15)),  # 50
    "P9": ("抖音", D(1990, 1, 1), "F", "北京", (2, 28, 23, 30)),  # before the period
    "P10": ("抖音", None, None, None, (4, 1, 0, 30)),  # after the period
    "P11": ("抖音", D(1985, 3, 3), "M", "深圳", (3, 18)),  # 41
}


@pytest.fixture
def clinic(database, manager, beijing_time):
    """Registered through the service, then given the facts the desk would have typed
    (set directly: a minor's guardian and an ID's checks are not this report's concern)."""
    ids = {}
    for n, (name, (channel, birth, sex, region, registered)) in enumerate(STORIES.items()):
        record = register_patient(
            database, manager, PatientDraft(name, mobile=f"1390000{n:04d}", source_channel=channel)
        )
        with unit_of_work(database) as session:
            session.execute(
                sa.update(Patient)
                .where(Patient.id == record.id)
                .values(birth_date=birth, sex=sex, region=region, created_at=local(*registered))
            )
        ids[name] = record.id
    return ids


# In March: P1–P8 and P11. 抖音 P1 P2 P3 P11, 小红书 P4 P5 P8, none P6 P7.
AGE = {  # band: {channel: patients}
    "under_18": {"抖音": 1},  # P2
    "18-24": {"抖音": 2},  # P1, P3
    "25-34": {"小红书": 1},  # P5
    "35-44": {"小红书": 1, "抖音": 1},  # P4, P11
    "45-54": {"小红书": 1},  # P8
    "55+": {"": 1},  # P6
    "unknown": {"": 1},  # P7
}
SEX = {
    "F": {"抖音": 2, "小红书": 2, "": 1},  # P1 P2, P4 P8, P7
    "M": {"抖音": 2, "": 1},  # P3 P11, P6
    "unknown": {"小红书": 1},  # P5
}
REGION_TOP_2 = [  # value (None: the other regions), {channel: patients}
    ("北京", {"抖音": 2, "小红书": 1}),  # P1 P2, P4
    ("上海", {"抖音": 1, "小红书": 1}),  # P3, P8
    ("", {"小红书": 1, "": 1}),  # P5 (none), P7 ("")
    (None, {"": 1, "抖音": 1}),  # P6 广州, P11 深圳
]
BEHIND = {
    ("age", "35-44", None): {"P4", "P11"},
    ("age", "18-24", "抖音"): {"P1", "P3"},
    ("sex", "unknown", None): {"P5"},
    ("sex", "F", ""): {"P7"},
    ("region", None, None): {"P6", "P11"},
    ("region", "", None): {"P5", "P7"},
}


def test_march_by_hand(database, manager, clinic):
    report = demographics(database, manager, SINCE, UNTIL, today=TODAY, top_regions=2)
    assert report.patients == 9
    assert report.channels == ("抖音", "小红书", "")  # 4, 3, 2 patients
    assert [row.value for row in report.age] == list(AGE_ORDER)
    assert {row.value: row.by_channel for row in report.age} == AGE
    assert [row.patients for row in report.age] == [1, 2, 1, 2, 1, 1, 1]
    assert [row.value for row in report.sex] == list(SEX_ORDER)
    assert {row.value: row.by_channel for row in report.sex} == SEX
    assert [(row.value, row.by_channel) for row in report.region] == REGION_TOP_2
    assert [row.patients for row in report.region] == [3, 2, 2, 2]
    assert report.age[0].count("小红书") == 0


def test_every_cell_lists_the_patients_behind_it(database, manager, clinic):
    report = demographics(database, manager, SINCE, UNTIL, today=TODAY, top_regions=2)
    args = {"since": SINCE, "until": UNTIL, "today": TODAY, "top_regions": 2}
    for dimension in DIMENSIONS:
        for row in getattr(report, dimension):
            listed = demographic_patients(database, manager, dimension, row.value, **args)
            assert len(listed) == row.patients, (dimension, row.value)
            for channel in report.channels:
                cell = demographic_patients(
                    database, manager, dimension, row.value, channel, **args
                )
                assert len(cell) == row.count(channel), (dimension, row.value, channel)
                assert [p.record_no for p in cell] == sorted(p.record_no for p in cell)
    for (dimension, value, channel), names in BEHIND.items():
        listed = demographic_patients(database, manager, dimension, value, channel, **args)
        assert {p.name for p in listed} == names, (dimension, value, channel)


def test_ages_are_at_today_and_all_patients_without_a_period(database, manager, clinic):
    # A day earlier P1 is 17, P4 34, P6 54; P2 and P3 keep their bands.
    earlier = demographics(database, manager, SINCE, UNTIL, today=D(2026, 6, 14))
    assert [row.patients for row in earlier.age] == [2, 1, 2, 1, 2, 0, 1]
    everyone = demographics(database, manager, today=TODAY)  # P9 and P10 too
    assert everyone.patients == 11
    assert everyone.channels == ("抖音", "小红书", "")
    assert {row.value: row.patients for row in everyone.age}["35-44"] == 3  # + P9
    assert {row.value: row.patients for row in everyone.age}["unknown"] == 2  # + P10
    # Ten regions fit: all four named, most patients first (北京 4 with P9), none folded.
    regions = {row.value: row.patients for row in everyone.region}
    assert regions == {"北京": 4, "上海": 2, "广州": 1, "深圳": 1, "": 3}
    assert everyone.region[0].value == "北京" and everyone.region[-1].value == ""
    listed = demographic_patients(database, manager, "sex", "unknown", today=TODAY)
    assert {p.name for p in listed} == {"P5", "P10"}
    empty = demographics(database, manager, D(2025, 1, 1), D(2025, 1, 31), today=TODAY)
    assert empty.patients == 0 and empty.channels == () and empty.region == ()
    assert [row.patients for row in empty.age] == [0] * len(AGE_ORDER)


def test_a_birthday_on_29_february():
    assert _years_before(D(2028, 2, 29), 18) == D(2010, 2, 28)
    assert _years_before(D(2026, 6, 15), 18) == D(2008, 6, 15)


def test_wrong_arguments_are_refused(database, manager, clinic):
    with pytest.raises(ValidationError):
        demographics(database, manager, SINCE, None)
    with pytest.raises(ValidationError):
        demographics(database, manager, UNTIL, SINCE)
    with pytest.raises(ValidationError):
        demographics(database, manager, top_regions=0)
    with pytest.raises(ValidationError):
        demographic_patients(database, manager, "income", "high")  # type: ignore[arg-type]


def test_only_managers_see_demographics_and_seeing_them_is_audited(database, manager, clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        demographics(database, front, SINCE, UNTIL)
    with pytest.raises(PermissionDeniedError):
        demographic_patients(database, front, "sex", "F")

    demographics(database, manager, SINCE, UNTIL, today=TODAY)
    demographic_patients(database, manager, "sex", "M", "抖音", SINCE, UNTIL, today=TODAY)
    with unit_of_work(database, write=False) as session:
        views = session.scalars(
            sa.select(AuditEvent.summary)
            .where(AuditEvent.action == "view", AuditEvent.entity_type == "report")
            .order_by(AuditEvent.occurred_at)
        ).all()
    assert json.loads(views[0]) == {
        "report": "demographics",
        "since": "2026-03-01",
        "until": "2026-03-31",
        "today": "2026-06-15",
    }
    drill = json.loads(views[1])
    assert (drill["report"], drill["dimension"], drill["value"], drill["channel"]) == (
        "demographic_patients",
        "sex",
        "M",
        "抖音",
    )
    assert drill["patients"] == 2  # P3, P11
