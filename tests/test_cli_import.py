"""clinic-desk import-patients: the exact --json summary, the report file, the dry run,
and errors in words without a traceback, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from desktop_app import cli
from tests.test_patient_import import SUMMARY, messy_workbook, patients


@pytest.fixture
def run(database, manager, registered, capsys):
    """``clinic-desk --database-url URL import-patients ARGS``: exit code, stdout, stderr."""
    url = database.url.render_as_string(hide_password=False)

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--database-url", url, "import-patients", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def registered(database, manager):
    from desktop_app.services.patients import PatientDraft, register_patient
    from tests.test_patient_import import DB_MOBILE

    register_patient(database, manager, PatientDraft(name="周九旧档", mobile=DB_MOBILE))


def test_json_summary_and_report(database, run, tmp_path: Path) -> None:
    path = messy_workbook(tmp_path / "客户.xlsx")
    report = tmp_path / "report.csv"

    code, out, err = run(str(path), "--json", "--report", str(report))

    assert (code, err) == (0, "")
    assert json.loads(out) == SUMMARY
    assert list(json.loads(out)) == ["rows", "imported", "duplicates", "rejected", "warnings"]
    with report.open(encoding="utf-8-sig", newline="") as file:
        lines = list(csv.reader(file))
    assert [line[:2] for line in lines[1:]] == [
        ["9", "warning"],
        ["10", "duplicate"],
        ["11", "duplicate"],
        ["12", "rejected"],
        ["13", "rejected"],
        ["14", "warning"],
        ["15", "warning"],
    ]
    assert len(patients(database)) == 8


def test_dry_run_writes_nothing_and_says_would(database, run, tmp_path: Path) -> None:
    code, out, err = run(str(messy_workbook(tmp_path / "客户.xlsx")), "--dry-run")

    assert (code, err) == (0, "")
    assert out.strip() == ("11 rows: would import 7 (3 with warnings), 2 duplicates, 2 rejected")
    assert set(patients(database)) == {"周九旧档"}


def test_errors_are_words_on_stderr(run, tmp_path: Path) -> None:
    code, out, err = run(str(tmp_path / "missing.xlsx"))
    assert code == 1 and out == ""
    assert (
        err == "clinic-desk: missing.xlsx: the file cannot be read; is it open in another "
        "program or damaged?\n"
    )
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf")
    code, _, err = run(str(old))
    assert code == 1 and "only .xlsx and .csv" in err and "Traceback" not in err
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("手机,生日\n13800138000,1990-01-01\n", encoding="utf-8")
    code, _, err = run(str(nameless))
    assert code == 1 and "name" in err and "Traceback" not in err
