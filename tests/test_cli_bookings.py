"""clinic-desk bookings: the real command, on both backends (issue 9).

The command runs with TZ=Asia/Shanghai, so "a day" and the printed times are that zone's
whatever the machine's: a booking at 00:15 local is on the previous day in UTC and must
still be listed on its local day.
"""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from desktop_app import cli_bookings
from desktop_app.models import ResourceKind, Role
from desktop_app.services import bookings
from desktop_app.services.bookings import BookingDraft
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff
from tests.test_cli import clinic_desk

SHANGHAI = ZoneInfo("Asia/Shanghai")
ENV = {"TZ": "Asia/Shanghai"}
DAY = dt.date.today() + dt.timedelta(days=2)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), SHANGHAI)


@pytest.fixture
def book(database, manager):
    """On DAY: a patient with the doctor in room 1 for 热玛吉 (09:00), a lead with only the
    consultant (00:15, UTC's previous day), one cancelled; around it, 23:30 the evening
    before and 09:00 the day after."""
    doctor = create_staff(
        database, manager, NewStaff("drwang", "王医生", Role.DOCTOR, "pw pw pw pw")
    )
    consultant = create_staff(
        database, manager, NewStaff("lily", "莉莉", Role.CONSULTANT, "pw pw pw pw")
    )
    room = bookings.add_resource(database, manager, ResourceKind.ROOM, "治疗室1")
    device = bookings.add_resource(database, manager, ResourceKind.DEVICE, "热玛吉机")
    patient = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))

    def make(start: dt.datetime, **kwargs: object) -> bookings.BookingRow:
        return bookings.book(database, manager, BookingDraft(start, **kwargs))  # type: ignore[arg-type]

    made = {
        "patient": make(
            local(DAY, 9),
            patient_id=patient.id,
            item="热玛吉",
            doctor_id=doctor.staff_id,
            consultant_id=consultant.staff_id,
            room_id=room,
            device_id=device,
        ),
        "lead": make(
            local(DAY, 0, 15),
            minutes=30,
            lead_name="小红书 李女士",
            lead_mobile="13900001111",
            consultant_id=consultant.staff_id,
        ),
        "before": make(local(DAY - dt.timedelta(days=1), 23, 30), patient_id=patient.id),
        "after": make(local(DAY + dt.timedelta(days=1), 9), patient_id=patient.id),
    }
    gone = make(local(DAY, 15), patient_id=patient.id)
    made["cancelled"] = bookings.cancel(database, manager, gone.id, gone.version, "换时间")
    return made, patient.record_no


def run(database, *args: str):
    url = database.url.render_as_string(hide_password=False)
    return clinic_desk("--database-url", url, "bookings", *args, env=ENV)


def test_a_days_bookings_as_json(database, book):
    made, record_no = book
    result = run(database, "--date", DAY.isoformat(), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [list(row) for row in rows] == [list(cli_bookings.COLUMNS)] * 2  # keys, in order
    lead, patient = rows  # by start: 00:15 before 09:00
    assert lead == {
        "id": str(made["lead"].id),
        "record_no": None,
        "lead_name": "小红书 李女士",
        "start": f"{DAY.isoformat()}T00:15:00+08:00",
        "end": f"{DAY.isoformat()}T00:45:00+08:00",
        "staff": "莉莉",  # no doctor: the consultant
        "doctor": None,
        "consultant": "莉莉",
        "room": None,
        "device": None,
        "item": None,
        "status": "booked",
    }
    assert patient == {
        "id": str(made["patient"].id),
        "record_no": record_no,
        "lead_name": None,
        "start": f"{DAY.isoformat()}T09:00:00+08:00",
        "end": f"{DAY.isoformat()}T10:00:00+08:00",  # the item's default length
        "staff": "王医生",  # the doctor first
        "doctor": "王医生",
        "consultant": "莉莉",
        "room": "治疗室1",
        "device": "热玛吉机",
        "item": "热玛吉",
        "status": "booked",
    }

    with_cancelled = json.loads(
        run(database, "--date", DAY.isoformat(), "--include-cancelled", "--json").stdout
    )
    assert [r["id"] for r in with_cancelled] == [
        str(made[k].id) for k in ("lead", "patient", "cancelled")
    ]
    assert with_cancelled[-1]["status"] == "cancelled"
    evening = json.loads(
        run(database, "--date", (DAY - dt.timedelta(days=1)).isoformat(), "--json").stdout
    )
    assert [r["id"] for r in evening] == [str(made["before"].id)]
    nothing = run(database, "--date", (DAY + dt.timedelta(days=5)).isoformat(), "--json")
    assert nothing.returncode == 0 and json.loads(nothing.stdout) == []


def test_the_date_defaults_to_today(database, manager):
    now = dt.datetime.now(SHANGHAI).replace(second=0, microsecond=0)
    patient = register_patient(database, manager, PatientDraft("李四", mobile="13700001111"))
    made = bookings.book(database, manager, BookingDraft(now, 5, patient_id=patient.id))
    result = run(database, "--json")
    assert result.returncode == 0, result.stderr
    if dt.datetime.now(SHANGHAI).date() == now.date():  # not past midnight in between
        assert [r["id"] for r in json.loads(result.stdout)] == [str(made.id)]


def test_a_days_bookings_as_a_table(database, book):
    _made, record_no = book
    result = run(database, "--date", DAY.isoformat())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Time", "Patient", "Staff", "Room", "Item", "Status"]
    assert len(lines) == 1 + 2 + 1 and lines[-1] == "2 booking(s)"
    assert lines[1].split() == ["00:15–00:45", "小红书", "李女士", "(lead)", "莉莉", "booked"]
    assert lines[2].split() == ["09:00–10:00", record_no, "王医生", "治疗室1", "/", "热玛吉机",
                                "热玛吉", "booked"]  # fmt: skip
    empty = run(database, "--date", (DAY + dt.timedelta(days=5)).isoformat())
    assert empty.returncode == 0 and empty.stdout == "No bookings.\n"


def test_bad_input_is_said_on_stderr_without_a_traceback(database, manager):
    bad_date = run(database, "--date", "2026-02-30", "--json")
    assert bad_date.returncode == 2 and bad_date.stdout == ""
    assert "expected a date as YYYY-MM-DD, got '2026-02-30'" in bad_date.stderr
    unreachable = clinic_desk(
        "--database-url", "postgresql://clinic@127.0.0.1:1/clinic", "bookings", "--json"
    )
    assert unreachable.returncode == 1 and unreachable.stderr.startswith("clinic-desk: ")
    assert unreachable.stdout == ""
    for result in (bad_date, unreachable):
        assert "Traceback" not in result.stderr
