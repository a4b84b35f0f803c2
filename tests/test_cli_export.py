"""clinic-desk export patients|reminders (issue 11), run in-process on both backends: the
file, the JSON line for scripts, and errors on stderr without a traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import json

import openpyxl
import pytest

from desktop_app import cli, cli_export
from desktop_app.services import reminders
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient

TODAY = dt.date.today()


def clinic_desk(*argv: str) -> int:
    """``cli.main`` with the export command registered as the lead wires it into cli.py."""
    parser = argparse.ArgumentParser(prog="clinic-desk")
    parser.add_argument("--database-url")
    cli_export.add_export(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    try:
        return cli_export.export_command(args)
    except Exception as exc:
        return cli._fail(exc)


@pytest.fixture
def url(database, manager) -> str:
    for name in ("张三丰", "张三", "李四"):
        made = register_patient(database, manager, PatientDraft(name, allergies="青霉素"))
    reminders.add_manual(database, manager, made.id, TODAY, "回访")
    return database.url.render_as_string(hide_password=False)


def test_patients_as_json(url, tmp_path, capsys):
    out = tmp_path / "patients"
    assert (
        clinic_desk("--database-url", url, "export", "patients", "--out", str(out), "--json") == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert result == {"rows": 3, "path": str(tmp_path / "patients.xlsx")}
    header, *lines = openpyxl.load_workbook(result["path"]).active.iter_rows(values_only=True)
    assert header[:2] == ("病历号", "姓名") and header[-3:] == ("过敏史", "病史", "病史备注")
    assert len(lines) == 3


def test_patients_a_search_finds(url, tmp_path, capsys):
    out = tmp_path / "found.xlsx"
    code = clinic_desk(
        "--database-url", url, "export", "patients", "--out", str(out), "--query", "张三"
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == f"Exported 2 row(s) to {out}"
    names = [
        row[1] for row in openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True)
    ]
    assert names == ["张三", "张三丰"]


def test_reminders_of_a_section(url, tmp_path, capsys):
    out = tmp_path / "calls.xlsx"
    base = ("--database-url", url, "export", "reminders", "--out", str(out), "--json")
    assert clinic_desk(*base, "--section", "today") == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 1
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "到期日" and rows[1][4] == "回访" and rows[1][8] == "今天"
    assert clinic_desk(*base, "--section", "overdue") == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 0


def test_an_unwritable_place_is_an_error_without_traceback(url, tmp_path, capsys):
    out = tmp_path / "missing" / "x.xlsx"
    assert clinic_desk("--database-url", url, "export", "patients", "--out", str(out)) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"clinic-desk: cannot write {out}")
    assert "Traceback" not in captured.err and captured.out == ""
    assert not (tmp_path / "missing").exists()


def test_the_real_command(url, tmp_path, capsys):
    out = tmp_path / "p.xlsx"
    assert cli.main(["--database-url", url, "export", "patients", "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 3
