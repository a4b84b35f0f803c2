"""Reading messy patient exports: real .xlsx and .csv files built here, exact rows out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.services.import_reading import (
    find_header,
    normal_date,
    normal_mobile,
    normal_sex,
    normal_text,
    open_rows,
)


def _messy_workbook(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "2023年客户档案  "
    sheet.merge_cells("A1:G1")
    # row 2 left blank
    header = ["客户姓名", "联系电话 ", "性　别", "出生日期", "首次到院", "渠道", "备注"]
    for column, title in enumerate(header, start=1):
        sheet.cell(row=3, column=column, value=title)
    rows = [
        ["张三 ", 13800138000, "男", dt.datetime(1990, 5, 17), "44927", "抖音", None],
        [None, None, None, None, None, None, None],  # row 5: blank
        ["李四", 1.3800138001e10, "女", "1990/5/17", 44928.0, None, "  "],
        ["王五", "１３８００１３８００２", "F", None, None, None, "ＶＩＰ"],
    ]
    for row_number, values in enumerate(rows, start=4):
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=row_number, column=column, value=value)
    workbook.save(path)


def test_xlsx_rows_are_strings_with_source_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "客户.xlsx"
    _messy_workbook(path)

    assert list(open_rows(path)) == [
        (1, ["2023年客户档案"]),
        (3, ["客户姓名", "联系电话", "性　别", "出生日期", "首次到院", "渠道", "备注"]),
        (4, ["张三", "13800138000", "男", "1990-05-17", "44927", "抖音"]),
        (6, ["李四", "13800138001", "女", "1990/5/17", "44928"]),
        (7, ["王五", "１３８００１３８００２", "F", "", "", "", "ＶＩＰ"]),
    ]


def test_header_below_a_title_row_is_found_and_mapped(tmp_path: Path) -> None:
    path = tmp_path / "客户.xlsx"
    _messy_workbook(path)

    assert find_header(open_rows(path)) == (
        3,
        {
            "name": 0,
            "mobile": 1,
            "sex": 2,
            "birth_date": 3,
            "first_visit": 4,
            "source": 5,
            "note": 6,
        },
    )


def test_header_matching_ignores_case_spaces_and_unknown_columns() -> None:
    rows = [
        (1, ["Patients export"]),
        (2, ["Name"]),  # one known column is not a header
        (5, ["No.", "ＮＡＭＥ", "Date of  Birth", "ID", "Phone", "Mobile", "Colour"]),
    ]
    assert find_header(iter(rows)) == (
        5,
        {"name": 1, "birth_date": 2, "id_number": 3, "mobile": 4},
    )


def test_no_header_in_the_first_rows_is_refused() -> None:
    rows = [(n, ["x", "y"]) for n in range(1, 30)] + [(30, ["姓名", "手机"])]
    with pytest.raises(ValueError, match="header"):
        find_header(iter(rows))
    assert find_header(iter(rows), max_scan=30) == (30, {"name": 0, "mobile": 1})


def test_csv_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(
        "姓名,手机号\r\n张三 ,13800138000\r\n,\r\n李四,138-0013-8001\r\n".encode("utf-8-sig")
    )

    assert list(open_rows(path)) == [
        (1, ["姓名", "手机号"]),
        (2, ["张三", "13800138000"]),
        (4, ["李四", "138-0013-8001"]),
    ]


def test_csv_gbk_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    text = "客户档案\n姓名,性别,备注\n张三,男,老客户介绍\n赵敏,女,\n"
    path.write_bytes(text.encode("gbk"))

    rows = list(open_rows(path))
    assert rows == [
        (1, ["客户档案"]),
        (2, ["姓名", "性别", "备注"]),
        (3, ["张三", "男", "老客户介绍"]),
        (4, ["赵敏", "女"]),
    ]
    assert find_header(iter(rows)) == (2, {"name": 0, "sex": 1, "note": 2})


def test_csv_plain_utf8_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    text = 'Name;Mobile;Notes\nAnna Li;+86 138 0013 8000;"allergic; penicillin"\n\nBob;;\n'
    path.write_text(text, encoding="utf-8")

    assert list(open_rows(path)) == [
        (1, ["Name", "Mobile", "Notes"]),
        (2, ["Anna Li", "+86 138 0013 8000", "allergic; penicillin"]),
        (4, ["Bob"]),
    ]


def test_other_file_types_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValueError, match="file_type"):
        open_rows(path)


def test_normal_text() -> None:
    assert normal_text("  张　三  ") == "张 三"
    assert normal_text("ＡＢＣ１２３") == "ABC123"
    assert normal_text("Anna   Li\t") == "Anna Li"
    assert normal_text("") == ""


@pytest.mark.parametrize(
    "text",
    [
        "13800138000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "8613800138000",
        "0086 13800138000",
        "1.38001380E10",
        "1.38001380e+10",
        "13800138000.0",
        "１３８００１３８０００",
        "(138) 0013 8000",
    ],
)
def test_normal_mobile_accepts_the_usual_spellings(text: str) -> None:
    assert normal_mobile(text) == "13800138000"


@pytest.mark.parametrize("text", ["", "none", "138-0013-800x", "1234", "1.3800138123456E10"])
def test_normal_mobile_refuses_what_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError, match="mobile"):
        normal_mobile(text)


@pytest.mark.parametrize(
    "text",
    [
        "1990-05-17",
        "1990/5/17",
        "1990.05.17",
        "19900517",
        "1990年5月17日",
        "1990 年 5 月 17 日",
        "１９９０－０５－１７",
        "1990-05-17 00:00:00",
        "33010",
        "33010.5",
    ],
)
def test_normal_date_accepts_the_usual_spellings(text: str) -> None:
    assert normal_date(text) == "1990-05-17"


def test_normal_date_reads_excel_serials() -> None:
    assert normal_date("44927") == "2023-01-01"


@pytest.mark.parametrize(
    "text", ["", "1990-02-30", "19901317", "1990-13-01", "0000-01-01", "1990", "17/05/1990", "?"]
)
def test_normal_date_refuses_impossible_or_unknown_dates(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        normal_date(text)


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("男", "M"),
        ("女", "F"),
        ("M", "M"),
        ("f", "F"),
        ("1", "M"),
        ("２", "F"),
        ("Male", "M"),
        ("FEMALE", "F"),
        (" 女 ", "F"),
    ],
)
def test_normal_sex(text: str, sex: str) -> None:
    assert normal_sex(text) == sex


@pytest.mark.parametrize("text", ["", "未知", "3", "x"])
def test_normal_sex_refuses_others(text: str) -> None:
    with pytest.raises(ValueError, match="sex"):
        normal_sex(text)
