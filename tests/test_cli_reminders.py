"""clinic-desk reminders due / sweep: the real command, on both backends."""

from __future__ import annotations

import datetime as dt
import json

from desktop_app import cli_reminders
from desktop_app.models import Role
from desktop_app.services import reminder_rules
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from tests.test_cli import clinic_desk

TODAY = dt.date.today()


def test_the_command_line_knows_every_role():
    assert tuple(r.value for r in Role) == cli_reminders.ROLES


def test_reminders_due_as_json_by_date_and_role(database, manager, nurse, patient, filler):
    url = database.url.render_as_string(hide_password=False)
    base = ("--database-url", url, "reminders", "due")

    result = clinic_desk(*base, "--date", (TODAY + dt.timedelta(days=3)).isoformat(), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [list(row) for row in rows] == [list(cli_reminders.COLUMNS)] * 2  # keys, in order
    assert [row["due_date"] for row in rows] == [
        (TODAY + dt.timedelta(days=n)).isoformat() for n in (1, 3)
    ]
    assert {(r["record_no"], r["patient_name"], r["assignee"]) for r in rows} == {
        (patient.record_no, "张三丰", "护士小李")
    }
    assert all("玻尿酸填充" in row["reason"] for row in rows)

    year = (TODAY + dt.timedelta(days=366)).isoformat()  # the birthday greeting too
    everyone = json.loads(clinic_desk(*base, "--date", year, "--json").stdout)
    nurses = json.loads(clinic_desk(*base, "--date", year, "--role", "nurse", "--json").stdout)
    consultants = clinic_desk(*base, "--date", year, "--role", "consultant", "--json")
    [greeting] = json.loads(consultants.stdout)
    assert len(nurses) == 4 and len(everyone) == 5
    assert {r["id"] for r in nurses} | {greeting["id"]} == {r["id"] for r in everyone}
    assert greeting["assignee"] == "consultant"  # nobody in particular: the role
    assert greeting["due_date"][5:] == "05-17"

    nothing = clinic_desk(*base, "--date", TODAY.isoformat(), "--json")
    assert nothing.returncode == 0 and json.loads(nothing.stdout) == []


def test_reminders_due_as_a_table(database, manager, nurse, patient, filler):
    url = database.url.render_as_string(hide_password=False)
    day = (TODAY + dt.timedelta(days=7)).isoformat()
    result = clinic_desk("--database-url", url, "reminders", "due", "--date", day)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Due", "Record", "Patient", "Assignee", "Reason"]
    assert len(lines) == 1 + 3 + 1 and lines[-1] == "3 reminder(s)"
    assert lines[1].startswith((TODAY + dt.timedelta(days=1)).isoformat())
    assert "张三丰" in lines[1] and "护士小李" in lines[1]


def test_bad_input_is_said_on_stderr_without_a_traceback(database, manager):
    url = database.url.render_as_string(hide_password=False)
    base = ("--database-url", url, "reminders")
    bad_date = clinic_desk(*base, "due", "--date", "2026-13-01", "--json")
    assert bad_date.returncode == 2 and bad_date.stdout == ""
    assert "expected a date as YYYY-MM-DD, got '2026-13-01'" in bad_date.stderr
    bad_role = clinic_desk(*base, "due", "--role", "janitor")
    assert bad_role.returncode == 2 and "invalid choice: 'janitor'" in bad_role.stderr
    no_action = clinic_desk(*base)
    assert no_action.returncode == 2 and "ACTION" in no_action.stderr
    unreachable = clinic_desk(
        "--database-url", "postgresql://clinic@127.0.0.1:1/clinic", "reminders", "due"
    )
    assert unreachable.returncode == 1 and unreachable.stderr.startswith("clinic-desk: ")
    for result in (bad_date, bad_role, no_action, unreachable):
        assert "Traceback" not in result.stderr


def test_sweep_makes_the_greetings_the_rule_missed(database, manager):
    rule = next(r for r in reminder_rules.list_rules(database, manager) if r.name == "生日祝福")
    draft = reminder_rules.RuleDraft(
        rule.name, rule.trigger, rule.offsets, assign_role=rule.assign_role, active=False
    )
    saved = reminder_rules.save_rule(database, manager, draft, rule.id, rule.version)
    soon = TODAY + dt.timedelta(days=5)
    born = dt.date(1990, soon.month, min(soon.day, 28))
    register_patient(database, manager, PatientDraft("李四", birth_date=born, mobile="13900139000"))
    on = reminder_rules.RuleDraft(
        rule.name, rule.trigger, rule.offsets, assign_role=rule.assign_role, active=True
    )
    reminder_rules.save_rule(database, manager, on, rule.id, saved.version)
    url = database.url.render_as_string(hide_password=False)

    made = clinic_desk("--database-url", url, "reminders", "sweep", "--date", TODAY.isoformat())
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Made 1 birthday greeting(s)")
    again = clinic_desk("--database-url", url, "reminders", "sweep")
    assert again.stdout.startswith("Made 0 birthday greeting(s)")  # once is enough
    due = clinic_desk(
        "--database-url", url, "reminders", "due", "--date", soon.isoformat(), "--json"
    )
    [greeting] = json.loads(due.stdout)
    assert greeting["patient_name"] == "李四" and greeting["due_date"][5:] == born.isoformat()[5:]
