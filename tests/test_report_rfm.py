"""RFM segments (issue 12) on a hand-built clinic, on SQLite and PostgreSQL: ten buyers,
so each quintile holds two, and every score below is ranked by hand from the stories."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
import sqlalchemy as sa

from desktop_app.models import AuditEvent, Patient, Role, Treatment, TreatmentItem
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.report_rfm import (
    GRID,
    SEGMENTS,
    rfm_patients,
    rfm_scores,
    rfm_segments,
    segment_of,
)
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.local_time import local_at as local
from tests.support.purchases import price_of

TODAY = dt.date(2026, 4, 30)


@pytest.fixture
def clinic(database, manager, beijing_time):
    """Patients A … J buy (registered in that order, so record numbers rank them the same
    way on ties); K and L are not buyers on TODAY."""
    with unit_of_work(database) as session:
        items = {
            "X": TreatmentItem(name="RFM X", category="t", default_price=Decimal("100")),
            "Y": TreatmentItem(name="RFM Y", category="t", default_price=Decimal("300")),
            "Z": TreatmentItem(name="RFM Z", category="t", default_price=None),  # worth 0
        }
        session.add_all(items.values())
        session.flush()
        item_ids = {key: item.id for key, item in items.items()}
    ids: dict[str, object] = {}
    for n, name in enumerate("ABCDEFGHIJKL"):
        ids[name] = register_patient(
            database, manager, PatientDraft(f"客{name}", mobile=f"1380000{n:04d}")
        ).id

    def bought(name, item, at, *, cancelled=False):
        with unit_of_work(database) as session:
            session.add(
                Treatment(
                    patient_id=ids[name],
                    item_id=item_ids[item],
                    value=price_of(session, item_ids[item]),
                    operator_id=manager.staff_id,
                    started_at=at,
                    cancelled_at=at + dt.timedelta(hours=1) if cancelled else None,
                    cancel_reason="录错了" if cancelled else "",
                )
            )

    # A: last 4-29, 5 days, 1000 (two purchases on 4-29 are one day)
    for item, at in [("Y", (4, 29)), ("X", (4, 29)), ("Y", (4, 20)), ("X", (4, 10))]:
        bought("A", item, local(2026, *at))
    bought("A", "X", local(2026, 4, 1))
    bought("A", "X", local(2026, 3, 15))
    # B: last 4-28 (00:10 local, 4-27 in UTC), 4 days, 800
    bought("B", "Y", local(2026, 4, 28, 0, 10))
    bought("B", "Y", local(2026, 4, 5))
    bought("B", "X", local(2026, 3, 5))
    bought("B", "X", local(2026, 2, 5))
    # C: last 4-20, 1 day, 100; a later purchase was cancelled
    bought("C", "X", local(2026, 4, 20))
    bought("C", "Y", local(2026, 4, 26), cancelled=True)
    # D: last 4-25, 2 days, 200
    bought("D", "X", local(2026, 4, 25))
    bought("D", "X", local(2026, 4, 2))
    # E: last 3-01, 6 days, 1500 (the 1-10 item has no price: a day, worth 0)
    for month, day in [(3, 1), (2, 20), (2, 10), (2, 1), (1, 20)]:
        bought("E", "Y", local(2026, month, day))
    bought("E", "Z", local(2026, 1, 10))
    # F: last 2-01, 1 day, 100
    bought("F", "X", local(2026, 2, 1))
    # G: last 1-15, 3 days, 300
    bought("G", "X", local(2026, 1, 15))
    bought("G", "X", local(2026, 1, 5))
    bought("G", "X", local(2025, 12, 20))
    # H: last 4-30 (23:30 local, today's last minutes), 1 day, 300; 5-01 is after today
    bought("H", "Y", local(2026, 4, 30, 23, 30))
    bought("H", "Y", local(2026, 5, 1))
    # I: last 3-20, 2 days, 600
    bought("I", "Y", local(2026, 3, 20))
    bought("I", "Y", local(2026, 3, 10))
    # J: last 1-01, 1 day, 100
    bought("J", "X", local(2026, 1, 1))
    # K: only a cancelled purchase; L: only one after today — neither is a buyer
    bought("K", "Y", local(2026, 4, 1), cancelled=True)
    bought("L", "Y", local(2026, 5, 2))
    return ids


# By hand, ordering ascending with record number (A < B < …) breaking ties, two per fifth:
# R by last day: J G | F E | I C | D B | A H
# F by days:     C F | H J | D I | G B | A E   (C, F, H, J all 1 day: H, J score 2)
# M by value:    C F | J D | G H | I B | A E
EXPECTED = {  # name: recency days, frequency, monetary, R, F, M, segment
    "A": (1, 5, "1000.00", 5, 5, 5, "champions"),
    "B": (2, 4, "800.00", 4, 4, 4, "champions"),
    "C": (10, 1, "100.00", 3, 1, 1, "about_to_sleep"),
    "D": (5, 2, "200.00", 4, 3, 2, "loyal"),
    "E": (60, 6, "1500.00", 2, 5, 5, "at_risk"),
    "F": (88, 1, "100.00", 2, 1, 1, "hibernating"),
    "G": (105, 3, "300.00", 1, 4, 3, "at_risk"),
    "H": (0, 1, "300.00", 5, 2, 3, "potential_loyalists"),
    "I": (41, 2, "600.00", 3, 3, 4, "need_attention"),
    "J": (119, 1, "100.00", 1, 2, 2, "hibernating"),
}
SEGMENT_COUNTS = {  # segment: patients, value — in the report's order
    "champions": (2, "1800.00"),
    "loyal": (1, "200.00"),
    "potential_loyalists": (1, "300.00"),
    "new": (0, "0.00"),
    "promising": (0, "0.00"),
    "need_attention": (1, "600.00"),
    "about_to_sleep": (1, "100.00"),
    "at_risk": (2, "1800.00"),
    "cant_lose": (0, "0.00"),
    "hibernating": (2, "200.00"),
    "lost": (0, "0.00"),
}


def test_the_grid_puts_every_cell_in_exactly_one_segment():
    assert sorted(GRID) == [1, 2, 3, 4, 5]
    cells = {(r, f): segment_of(r, f) for r in range(1, 6) for f in range(1, 6)}
    assert len(cells) == 25 and set(cells.values()) == set(SEGMENTS)
    assert all(len(row) == 5 for row in GRID.values())
    assert {cell for cell, s in cells.items() if s == "champions"} == {
        (4, 4), (4, 5), (5, 4), (5, 5)
    }  # fmt: skip
    assert (segment_of(5, 1), segment_of(4, 1), segment_of(1, 5), segment_of(1, 1)) == (
        "new",
        "promising",
        "cant_lose",
        "lost",
    )


def test_each_buyer_is_scored_by_quintile_by_hand(database, manager, clinic):
    scores = rfm_scores(database, manager, today=TODAY)
    assert [s.name for s in scores] == [f"客{n}" for n in "ABCDEFGHIJ"]  # not K, L
    got = {
        s.name[1]: (s.recency_days, s.frequency, str(s.monetary), s.r, s.f, s.m, s.segment)
        for s in scores
    }
    assert got == EXPECTED
    assert scores[0].last_day == dt.date(2026, 4, 29) and scores[0].id == clinic["A"]
    assert scores[1].last_day == dt.date(2026, 4, 28)  # the local day, not UTC's 4-27
    assert scores[0].mobile_masked == "138****0000"


def test_segments_count_and_value_by_hand_and_list_the_same_patients(database, manager, clinic):
    rows = rfm_segments(database, manager, today=TODAY)
    assert [row.segment for row in rows] == list(SEGMENTS)
    assert {row.segment: (row.patients, str(row.value)) for row in rows} == SEGMENT_COUNTS
    for row in rows:
        listed = rfm_patients(database, manager, row.segment, today=TODAY)
        assert len(listed) == row.patients, row.segment
        assert [p.record_no for p in listed] == sorted(p.record_no for p in listed)
        expected = {n for n, e in EXPECTED.items() if e[-1] == row.segment}
        assert {p.name[1] for p in listed} == expected


def test_few_or_no_buyers(database, manager, clinic):
    # On 2026-01-01 only G (12-20) and J (1-01) had bought: two buyers fill fifths 1 and 2.
    early = rfm_scores(database, manager, today=dt.date(2026, 1, 1))
    assert [(s.name, s.r, s.f, s.m, s.segment) for s in early] == [
        ("客G", 1, 1, 1, "lost"),
        ("客J", 2, 2, 2, "hibernating"),
    ]
    nobody = rfm_segments(database, manager, today=dt.date(2025, 1, 1))
    assert [(r.patients, r.value) for r in nobody] == [(0, Decimal("0.00"))] * len(SEGMENTS)
    assert rfm_patients(database, manager, "champions", today=dt.date(2025, 1, 1)) == []


def test_only_managers_see_rfm_and_seeing_it_is_audited(database, manager, clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    for call in (
        lambda: rfm_segments(database, front, today=TODAY),
        lambda: rfm_patients(database, front, "champions", today=TODAY),
        lambda: rfm_scores(database, front, today=TODAY),
    ):
        with pytest.raises(PermissionDeniedError):
            call()
    with pytest.raises(ValidationError):
        rfm_patients(database, manager, "vip", today=TODAY)

    rfm_segments(database, manager, today=TODAY)
    rfm_patients(database, manager, "at_risk", today=TODAY)
    with unit_of_work(database, write=False) as session:
        views = session.scalars(
            sa.select(AuditEvent.summary)
            .where(AuditEvent.action == "view", AuditEvent.entity_type == "report")
            .order_by(AuditEvent.occurred_at)
        ).all()
        assert session.scalar(sa.select(sa.func.count()).select_from(Patient)) >= 12
    assert json.loads(views[0]) == {"report": "rfm_segments", "today": "2026-04-30"}
    assert json.loads(views[1]) == {
        "report": "rfm_patients",
        "today": "2026-04-30",
        "segment": "at_risk",
        "patients": 2,
    }
