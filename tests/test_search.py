"""Finding patients every way the desk does (issue 4, service layer), on both databases."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.db import Database
from desktop_app.models import Visit, utcnow
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.search import EXACT, NAME_PREFIX, OTHER, PINYIN, search_patients
from tests.test_cli import clinic_desk

PEOPLE = [
    PatientDraft("张三丰", mobile="13800131234", id_number="11010519491231002X"),
    PatientDraft("张三", mobile="13900139999"),
    PatientDraft("曾小贤", mobile="13700137000"),
    PatientDraft("单田芳", mobile="13600136000"),
    PatientDraft("仇晓", mobile="13500135000"),
    PatientDraft("解晓东", mobile="13400134000"),
    PatientDraft("区志明", mobile="13300133000"),
    PatientDraft("李张华", mobile="13200131234"),
    PatientDraft("Anna Li", mobile="+852 6123 4567"),
]


@pytest.fixture
def clinic(database: Database, manager: Actor) -> dict[str, str]:
    """Registers PEOPLE; returns name → record number."""
    return {p.name: register_patient(database, manager, p).record_no for p in PEOPLE}


def names(database, manager, query: str) -> list[str]:
    return [hit.name for hit in search_patients(database, manager, query)]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("张三丰", "张三丰"),
        ("三丰", "张三丰"),  # part of a name
        ("zhangsanfeng", "张三丰"),
        ("zsf", "张三丰"),
        ("ZSF", "张三丰"),
        ("zeng", "曾小贤"),  # polyphonic surnames read as surnames
        ("zxx", "曾小贤"),
        ("shan", "单田芳"),
        ("qiu", "仇晓"),
        ("xie", "解晓东"),
        ("ouzhiming", "区志明"),
        ("13800131234", "张三丰"),  # whole mobile
        ("138 0013 1234", "张三丰"),
        ("9999", "张三"),  # mobile tail
        ("1002X", "张三丰"),  # ID tail
        ("11010519491231002x", "张三丰"),  # whole ID
        ("anna", "Anna Li"),
        ("4567", "Anna Li"),
    ],
)
def test_every_way_of_finding(database, manager, clinic, query, first):
    assert names(database, manager, query)[0] == first


def test_record_number_is_exact(database, manager, clinic):
    hits = search_patients(database, manager, clinic["曾小贤"])
    assert (hits[0].name, hits[0].rank) == ("曾小贤", EXACT)


def test_ranking_exact_then_prefix_then_pinyin_then_rest(database, manager, clinic):
    hits = search_patients(database, manager, "张三")
    assert [(h.name, h.rank) for h in hits] == [("张三", NAME_PREFIX), ("张三丰", NAME_PREFIX)]
    hits = search_patients(database, manager, "张")
    assert [h.rank for h in hits] == [NAME_PREFIX, NAME_PREFIX, OTHER]
    assert hits[-1].name == "李张华"
    tail = search_patients(database, manager, "1234")
    assert {h.name for h in tail} == {"张三丰", "李张华"}
    assert all(h.rank == OTHER for h in tail)
    assert search_patients(database, manager, "zhang")[0].rank == PINYIN


def test_recent_visitors_come_first_within_a_rank(database, manager, clinic):
    with unit_of_work(database) as session:
        from desktop_app.models import Patient

        zhangsanfeng = session.query(Patient).filter_by(name="张三丰").one()
        session.add(Visit(patient_id=zhangsanfeng.id, checked_in_at=utcnow()))
    assert names(database, manager, "张")[:2] == ["张三丰", "张三"]


def test_results_carry_what_the_list_shows(database, manager, clinic):
    [hit] = search_patients(database, manager, "11010519491231002X")
    assert hit.mobile_masked == "138****1234"
    assert hit.birth_date == dt.date(1949, 12, 31)


def test_nothing_found_and_empty_queries(database, manager, clinic):
    assert search_patients(database, manager, "  ") == []
    assert search_patients(database, manager, "不存在的人") == []
    assert search_patients(database, manager, "%") == []  # wildcards are literal


def test_command_line_search_prints_the_json_scripts_rely_on(database, manager, clinic):
    """`clinic-desk search QUERY --json`: the exact keys, best first, masked mobiles."""
    url = database.url.render_as_string(hide_password=False)
    result = clinic_desk("--database-url", url, "search", "zsf", "--limit", "5", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0] == {
        "record_no": clinic["张三丰"],
        "name": "张三丰",
        "mobile_masked": "138****1234",
        "birth_date": "1949-12-31",
    }
    assert all(list(row) == ["record_no", "name", "mobile_masked", "birth_date"] for row in rows)

    none = clinic_desk("--database-url", url, "search", "nobody-here", "--json")
    assert none.returncode == 0 and json.loads(none.stdout) == []


def test_command_line_search_rejects_a_bad_limit_without_a_traceback(tmp_path):
    result = clinic_desk(
        "--database-url", f"sqlite:///{tmp_path}/x.db", "search", "a", "--limit", "0"
    )
    assert result.returncode != 0
    assert "1 or more" in result.stderr and "Traceback" not in result.stderr


def test_name_contains_ignores_latin_case_on_both_backends(database, manager, clinic):
    hits = search_patients(database, manager, "LI")
    assert [(h.name, h.rank) for h in hits] == [("李张华", PINYIN), ("Anna Li", OTHER)]


def test_prefix_ranges_cover_exactly_the_names_that_start_with_the_text():
    from desktop_app.services.search import _successor

    assert _successor("张") == "弡"
    assert _successor("zh") == "zi"
    assert _successor("a\U0010ffff") == "b"  # nothing sorts between a\U0010ffff… and b
    assert _successor("\ud7ff") == "\ue000"  # surrogates are skipped, never stored
    for name in ("张三", "张", "张\U0010ffff"):
        assert "张" <= name < _successor("张")
    assert not ("张" <= "弡" < _successor("张"))
