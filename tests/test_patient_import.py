"""Importing a clinic's messy patient export: exact outcomes on SQLite and PostgreSQL.

The workbook below holds every mess the issue lists (title row over a merged range,
blank rows, trailing spaces, full-width digits, phones as numbers and with +86/dashes,
dates as Excel serials and in several text formats, sex as 男/女/M/F/1/2, a 15-digit and
an invalid ID number, duplicates within the file and against the database, a row with
neither name nor contact), so every assertion is about a row a clinic really sends.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import Workbook
from stdnum.cn import ric

from desktop_app.db import Database
from desktop_app.models import AuditEvent, ImportedRow, Patient, Role
from desktop_app.services import identity, patient_import
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.patient_import import (
    ColumnMapping,
    ImportFileError,
    describe,
    import_patients,
)
from desktop_app.services.patients import PatientDraft, register_patient

TODAY = dt.date(2026, 11, 24)


def resident_id(body17: str) -> str:
    return body17 + ric.calc_check_digit(body17 + "?")


ID_ZHANG = resident_id("11010519900517001")  # male (odd 17th digit), born 1990-05-17
ID_15 = "110105850301002"  # 15 digits: born 1985-03-01, female (even last digit)
ID_BAD = ID_ZHANG[:-1] + ("0" if ID_ZHANG[-1] != "0" else "1")  # wrong check digit
DB_MOBILE = "13900139000"

HEADER = [
    "客户姓名",
    "联系电话 ",
    "身份证号",
    "性　别",
    "出生日期",
    "来源",
    "咨询师",
    "备注",
    "建档日期",
]
ROWS: dict[int, list[object]] = {
    4: [
        "张三 ",
        13800138000,
        ID_ZHANG,
        "男",
        dt.datetime(1990, 5, 17),
        "抖音",
        "王店长",
        None,
        44927,
    ],
    # row 5 blank
    6: ["李四", 1.3800138001e10, None, "女", "1990/5/17", None, None, "  ", "2023年1月2日"],
    7: ["王五", "１３８００１３８００２", None, "F", 33010, None, None, "ＶＩＰ", None],
    8: ["赵六", "+86 138-0013-8003", ID_15, "2", "19850301", "小红书", None, None, "2019.3.4"],
    9: ["钱七", "138 0013 8004", ID_BAD, "M", None, None, None, None, None],
    10: ["孙八", "13800138000", None, "1", None, None, None, None, None],  # = row 4's mobile
    11: ["周九", DB_MOBILE, None, None, None, None, None, None, None],  # already registered
    12: [None, None, None, None, None, None, None, "无名无电话", None],
    13: ["吴十", "12345", None, None, None, None, None, None, None],
    14: ["郑十一", "13800138005", None, "1", "1992.3.4", "朋友圈", "不存在的人", None, None],
    15: ["冯十二", None, None, None, None, None, None, None, None],
}
SUMMARY = {"rows": 11, "imported": 7, "duplicates": 2, "rejected": 2, "warnings": 3}


def messy_workbook(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "2023年客户档案  "
    sheet.merge_cells("A1:I1")
    for column, title in enumerate(HEADER, start=1):
        sheet.cell(row=3, column=column, value=title)
    for number, values in ROWS.items():
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=number, column=column, value=value)
    workbook.save(path)
    return path


@pytest.fixture
def registered(database: Database, manager: Actor) -> None:
    register_patient(database, manager, PatientDraft(name="周九旧档", mobile=DB_MOBILE))


def patients(database: Database) -> dict[str, Patient]:
    with unit_of_work(database, write=False) as session:
        return {p.name: p for p in session.scalars(sa.select(Patient))}


def run(database: Database, actor: Actor, path: Path, **options: object):
    return import_patients(database, actor, path, today=TODAY, **options)  # type: ignore[arg-type]


def test_messy_workbook_imports_each_row_as_the_intake_form_would(
    database: Database, manager: Actor, registered: None, tmp_path: Path
) -> None:
    result = run(database, manager, messy_workbook(tmp_path / "客户.xlsx"))

    assert result.summary.as_dict() == SUMMARY
    people = patients(database)
    assert set(people) == {"周九旧档", "张三", "李四", "王五", "赵六", "钱七", "郑十一", "冯十二"}
    zhang = people["张三"]
    assert (zhang.mobile, zhang.id_number, zhang.sex) == ("+8613800138000", ID_ZHANG, "M")
    assert zhang.birth_date == dt.date(1990, 5, 17)
    assert zhang.source_channel == "抖音" and zhang.consultant_id == manager.staff_id
    assert zhang.first_visit_on == dt.date(2023, 1, 1)  # Excel serial 44927
    assert zhang.id_unverified_reason is None and zhang.name_pinyin == "zhangsan"
    li = people["李四"]
    assert (li.mobile, li.sex, li.birth_date) == ("+8613800138001", "F", dt.date(1990, 5, 17))
    assert li.first_visit_on == dt.date(2023, 1, 2) and li.notes == ""
    wang = people["王五"]
    assert (wang.mobile, wang.birth_date, wang.notes) == (
        "+8613800138002",
        dt.date(1990, 5, 17),  # serial 33010
        "ＶＩＰ",  # a note is the clinic's own text, kept as written
    )
    zhao = people["赵六"]  # the 15-digit number stored as its 18-digit form
    assert zhao.id_number == identity.resident_id(ID_15).number
    assert (zhao.birth_date, zhao.sex) == (dt.date(1985, 3, 1), "F")
    assert (zhao.mobile, zhao.source_channel) == ("+8613800138003", "小红书")
    assert zhao.first_visit_on == dt.date(2019, 3, 4)
    qian = people["钱七"]
    assert qian.id_number == ID_BAD and "check digit" in (qian.id_unverified_reason or "")
    zheng = people["郑十一"]
    assert zheng.consultant_id is None and zheng.source_channel is None
    assert zheng.notes == "来源: 朋友圈\n咨询师: 不存在的人"  # kept under the file's titles
    assert people["冯十二"].mobile is None


def test_report_has_one_exact_line_per_row_that_was_not_clean(
    database: Database, manager: Actor, registered: None, tmp_path: Path
) -> None:
    result = run(database, manager, messy_workbook(tmp_path / "客户.xlsx"))
    report = tmp_path / "report.csv"
    patient_import.write_report(result.reports, report)

    assert report.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
    with report.open(encoding="utf-8-sig", newline="") as file:
        lines = list(csv.reader(file))
    db_record = patients(database)["周九旧档"].record_no
    assert lines == [
        ["row", "outcome", "reason"],
        [
            "9",
            "warning",
            f"The ID number {ID_BAD} has a wrong check digit: imported as unverified.",
        ],
        ["10", "duplicate", "Same mobile as row 4 of this file."],
        ["11", "duplicate", f"Same mobile as patient {db_record} already registered."],
        ["12", "rejected", "No name, mobile or ID number: nothing to import."],
        ["13", "rejected", "The mobile 12345 cannot exist: check the digits."],
        [
            "14",
            "warning",
            "The source 朋友圈 is not one of the clinic's: kept in the notes.; "
            "No active staff member is called 不存在的人: kept in the notes.",
        ],
        ["15", "warning", "No mobile or ID number: cannot be checked for duplicates."],
    ]


def test_dry_run_reports_the_same_and_writes_nothing(
    database: Database, manager: Actor, registered: None, tmp_path: Path
) -> None:
    path = messy_workbook(tmp_path / "客户.xlsx")
    with unit_of_work(database, write=False) as session:
        events_before = session.scalar(sa.select(sa.func.count()).select_from(AuditEvent))

    dry = run(database, manager, path, dry_run=True)

    assert dry.summary.as_dict() == SUMMARY
    assert set(patients(database)) == {"周九旧档"}
    with unit_of_work(database, write=False) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(ImportedRow)) == 0
        events = session.scalar(sa.select(sa.func.count()).select_from(AuditEvent))
    assert events == events_before
    real = run(database, manager, path)
    assert [(r.row, r.outcome) for r in real.reports] == [(r.row, r.outcome) for r in dry.reports]


def test_rerun_imports_nothing_twice_even_rows_without_contact(
    database: Database, manager: Actor, registered: None, tmp_path: Path
) -> None:
    path = messy_workbook(tmp_path / "客户.xlsx")
    run(database, manager, path)
    count = len(patients(database))

    again = run(database, manager, path)

    assert again.summary.as_dict() == {
        "rows": 11,
        "imported": 0,
        "duplicates": 9,
        "rejected": 2,
        "warnings": 0,
    }
    assert len(patients(database)) == count
    feng = patients(database)["冯十二"].record_no
    assert (15, "already_imported", feng) in [
        (r.row, p.code, p.value) for r in again.reports for p in r.problems
    ]


def test_a_run_cut_short_resumes_where_it_stopped(
    database: Database, manager: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.csv"
    lines = ["姓名,手机"] + [f"客户{i},139{i:08d}" for i in range(1, 1201)]
    path.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr(patient_import, "BATCH_ROWS", 500)
    calls = 0

    def cancel_after_first_batch() -> bool:
        nonlocal calls
        calls += 1
        return calls == 1

    first = run(database, manager, path, cancelled=cancel_after_first_batch)
    assert first.cancelled and first.summary.imported == 500
    second = run(database, manager, path)
    assert second.summary.as_dict() == {
        "rows": 1200,
        "imported": 700,
        "duplicates": 500,
        "rejected": 0,
        "warnings": 0,
    }
    assert len(patients(database)) == 1200


def test_a_crash_inside_a_batch_leaves_no_half_batch(
    database: Database, manager: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "crash.csv"
    path.write_text("姓名,手机\n" + "\n".join(f"客户{i},139{i:08d}" for i in range(10)))
    real_insert = patient_import._insert

    def insert_then_die(session, actor, run_, new):
        real_insert(session, actor, run_, new)
        raise OSError("disk gone")

    monkeypatch.setattr(patient_import, "_insert", insert_then_die)
    with pytest.raises(OSError):
        run(database, manager, path)
    assert patients(database) == {}
    monkeypatch.setattr(patient_import, "_insert", real_insert)
    assert run(database, manager, path).summary.imported == 10


def test_gbk_csv_with_semicolons_is_detected_and_imported(
    database: Database, manager: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "旧系统导出.csv"
    text = "客户档案导出\n姓名;手机号;证件号码;生日\n"
    text += "刘一;13700137000;;1988年7月9日\n陈二;137-0013-7001;;\n"
    path.write_bytes(text.encode("gbk"))

    result = run(database, manager, path)

    assert result.summary.as_dict() == {
        "rows": 2,
        "imported": 2,
        "duplicates": 0,
        "rejected": 0,
        "warnings": 0,
    }
    people = patients(database)
    assert people["刘一"].birth_date == dt.date(1988, 7, 9)
    assert people["陈二"].mobile == "+8613700137001"


def test_duplicate_updates_nothing_unless_merging_empty_fields(
    database: Database, manager: Actor, tmp_path: Path
) -> None:
    record = register_patient(database, manager, PatientDraft(name="老客户", mobile=DB_MOBILE))
    path = tmp_path / "dup.csv"
    path.write_text(f"姓名,手机,生日,性别\n新名字,{DB_MOBILE},1980-01-02,女\n", encoding="utf-8")

    left = run(database, manager, path)
    patient = patients(database)["老客户"]
    assert left.summary.duplicates == 1 and patient.birth_date is None
    assert patient.version == record.version

    merged = import_patients(
        database, manager, path.rename(tmp_path / "dup2.csv"), merge_empty=True, today=TODAY
    )
    patient = patients(database)["老客户"]  # the name is never replaced
    assert (patient.birth_date, patient.sex) == (dt.date(1980, 1, 2), "F")
    [problems] = [r.problems for r in merged.reports]
    assert problems[-1].code == "merged" and problems[-1].value == "sex,birth_date"
    assert describe(problems[-1]) == "Empty fields filled in: sex, date of birth."


def test_id_number_duplicates_are_found_across_15_and_18_digits(
    database: Database, manager: Actor, tmp_path: Path
) -> None:
    eighteen = identity.resident_id(ID_15).number
    path = tmp_path / "ids.csv"
    path.write_text(f"姓名,身份证\n甲,{ID_15}\n乙,{eighteen}\n", encoding="utf-8")

    result = run(database, manager, path)

    assert (result.summary.imported, result.summary.duplicates) == (1, 1)
    [report] = [r for r in result.reports if r.outcome == "duplicate"]
    assert (report.row, report.problems[0].code, report.problems[0].field) == (
        3,
        "duplicate_in_file",
        "id_number",
    )
    assert patients(database)["甲"].id_number == eighteen


def test_header_not_found_needs_a_mapping_which_is_saved_for_the_next_file(
    database: Database, manager: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("客户,电话号码2\n韩梅,13600136000\n", encoding="utf-8")
    preview = patient_import.preview(database, manager, path)
    assert not preview.found and preview.headers == ["客户", "电话号码2"]
    assert preview.rows == [(2, ["韩梅", "13600136000"])]
    with pytest.raises(Exception, match="name"):
        run(database, manager, path)

    mapping = ColumnMapping(1, {"name": 0, "mobile": 1})
    patient_import.save_mapping(database, manager, path, mapping)
    again = tmp_path / "odd-next-month.csv"
    again.write_text("客户,电话号码2\n李雷,13600136001\n", encoding="utf-8")

    assert patient_import.preview(database, manager, again).saved
    assert run(database, manager, again).summary.imported == 1
    assert patients(database)["李雷"].mobile == "+8613600136001"


def test_files_that_cannot_be_imported_say_why(
    database: Database, manager: Actor, tmp_path: Path
) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFileError, match=r"\.xlsx") as caught:
        run(database, manager, old)
    assert caught.value.reason == "file_type"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ImportFileError) as caught:
        run(database, manager, broken)
    assert caught.value.reason == "unreadable"
    latin = tmp_path / "latin.csv"
    latin.write_bytes("姓名,手机\n".encode() + b"\xff\xfe\xfd,1\n")
    with pytest.raises(ImportFileError) as caught:
        run(database, manager, latin)
    assert caught.value.reason == "encoding"
    assert patients(database) == {}


def test_only_managers_import(database: Database, manager: Actor, tmp_path: Path) -> None:
    receptionist = Actor(None, "front", "前台", Role.RECEPTIONIST)
    with pytest.raises(PermissionDeniedError):
        run(database, receptionist, messy_workbook(tmp_path / "x.xlsx"), dry_run=True)


def test_each_imported_patient_and_the_run_are_audited(
    database: Database, manager: Actor, registered: None, tmp_path: Path
) -> None:
    run(database, manager, messy_workbook(tmp_path / "客户.xlsx"))
    with unit_of_work(database, write=False) as session:
        events = session.scalars(
            sa.select(AuditEvent).where(AuditEvent.staff_id == manager.staff_id)
        ).all()
    for event in events:  # written by hand for speed, exactly as audit.record writes them
        assert event.summary == json.dumps(
            json.loads(event.summary), ensure_ascii=False, default=str, sort_keys=True
        )
    created = [json.loads(e.summary) for e in events if e.action == "create"]
    assert sum(1 for s in created if s.get("imported_from") == "客户.xlsx") == 7
    [summary] = [json.loads(e.summary) for e in events if e.action == "import"]
    assert {k: summary[k] for k in SUMMARY} == SUMMARY and summary["file"] == "客户.xlsx"


def test_a_big_file_is_read_and_checked_in_a_worker_with_the_same_outcomes(
    database: Database,
    manager: Actor,
    registered: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(patient_import, "PARALLEL_FROM_ROWS", 0)
    monkeypatch.setattr(patient_import, "BATCH_ROWS", 4)  # several batches in flight
    result = run(database, manager, messy_workbook(tmp_path / "客户.xlsx"))

    assert result.summary.as_dict() == SUMMARY
    assert [(r.row, r.outcome) for r in result.reports] == [
        (9, "warning"),
        (10, "duplicate"),
        (11, "duplicate"),
        (12, "rejected"),
        (13, "rejected"),
        (14, "warning"),
        (15, "warning"),
    ]
    assert "check digit" in (patients(database)["钱七"].id_unverified_reason or "")


def test_a_file_error_in_the_worker_reaches_the_caller_in_words(tmp_path: Path) -> None:
    from desktop_app.services import import_pipeline
    from desktop_app.services.import_rows import Lookups, RowContext

    context = RowContext({"name": 0}, {}, Lookups(), TODAY)
    job = import_pipeline.Job(tmp_path / "gone.xlsx", 1, context, 10, frozenset())
    with pytest.raises(ImportFileError, match=r"gone\.xlsx") as caught:
        list(import_pipeline.checked_batches(job, in_worker=True))
    assert caught.value.reason == "unreadable"


def test_the_first_visit_from_the_file_is_in_the_patient_export(
    database: Database, manager: Actor, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from desktop_app.services.patient_export import export_patients

    path = tmp_path / "old.csv"
    path.write_text("姓名,手机,首次到院\n林一,13500135000,2018/3/9\n", encoding="utf-8")
    run(database, manager, path)

    export_patients(database, manager, tmp_path / "out.xlsx")
    header, row = load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True)
    assert row[header.index("首次到院")] == dt.datetime(2018, 3, 9)
