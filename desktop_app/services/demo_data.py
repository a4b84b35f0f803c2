"""Realistic made-up patients and visits in bulk, for training, screenshots and benchmarks.

Every patient goes through the intake rules registration uses (``intake.clean``: valid
resident ID checksums, E.164 mobiles, pinyin and reversed search keys, guardians for
minors), gets its name suffixes (``models.patient.name_suffixes``) and a record number
from the same series, so the data is indistinguishable from registered patients and
later registrations continue the numbering.

Speed: 200,000 patients, with ~3 million rows of visits and clinical record
(``demo_clinical``), load in two to three minutes on two cores; with their ~2 million
reminders and ~2.3 million follow-up calls (``demo_reminders``), about seven minutes on two
busy cores (docs/benchmarks.md, Reminders). The intake rules and the
record cost ~0.4 ms a patient, so chunks of patients are drawn in worker processes while
this one writes (executemany on SQLite, COPY on PostgreSQL), all in one transaction. Each
chunk has its own seeded random stream, so the same seed on the same day gives the same
data however many processes drew it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import (
    Patient,
    PatientTag,
    SourceChannel,
    TagKind,
    Visit,
    VisitStatus,
    VisitType,
)
from desktop_app.models.patient import PatientNameSuffix, name_suffixes
from desktop_app.services import audit, demo_clinic, demo_clinical, demo_reminders
from desktop_app.services.bulk_insert import insert_rows
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import ServiceError
from desktop_app.services.intake import ADULT_AGE, PatientDraft, age_on, clean
from desktop_app.services.permissions import Permission, require
from desktop_app.services.record_numbers import allocate_record_nos

CHUNK = 5_000  # patients drawn, and written, at a time
MAX_PATIENTS = 5_000_000
MAX_WORKERS = 4
YEARS_OF_VISITS = 6
REGULAR_SHARE = 0.005  # patients who come every couple of weeks, for years
LEAVING = 0.35  # the chance that a visit is a patient's last: ~3.3 visits per patient
VISITS_PER_PATIENT = (1.5, 12.0)  # the averages --visits-per-patient accepts
SQLITE_CACHE_KIB = 256 * 1024  # index pages of a large load stay in memory

# (surname, relative frequency): the commonest surnames, the polyphonic ones search reads
# specially (曾 单 仇 解 区 查 朴) and a few two-character ones.
SURNAMES = (
    *((s, 30) for s in "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭肖田董袁潘"),
    *(
        (s, 8)
        for s in "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹"
        "薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    ),
    ("曾", 12),
    *((s, 2) for s in "单仇解区查朴"),
    *((s, 1) for s in ("欧阳", "司马", "上官", "诸葛", "长孙", "尉迟")),
)
_SURNAME_NAMES, _SURNAME_WEIGHTS = zip(*SURNAMES, strict=True)
GIVEN = {
    "F": "婷丽芳娜静敏燕艳霞玲雪琳欣怡佳颖梦思雨晴悦萱涵诗瑶琪蕾倩洁慧丹妍璐薇岚月秀美兰凤"
    "晓小文嘉子若依可",
    "M": "伟强磊军勇杰涛明超辉鹏浩宇轩博文俊峰建华志平刚斌鑫宁晨阳昊天翔晓小子嘉",
}
LATIN_GIVEN = ("Anna", "Grace", "Emily", "Sophie", "Lily", "Chloe", "David", "Kevin", "Jason")
# Real county-level codes (an ID number's first six digits) and the region as typed.
REGIONS = (
    ("110105", "北京市朝阳区"),
    ("110108", "北京市海淀区"),
    ("120101", "天津市和平区"),
    ("210202", "大连市中山区"),
    ("310104", "上海市徐汇区"),
    ("310115", "上海市浦东新区"),
    ("320102", "南京市玄武区"),
    ("320506", "苏州市吴中区"),
    ("330106", "杭州市西湖区"),
    ("350203", "厦门市思明区"),
    ("370212", "青岛市崂山区"),
    ("420106", "武汉市武昌区"),
    ("430104", "长沙市岳麓区"),
    ("440106", "广州市天河区"),
    ("440304", "深圳市福田区"),
    ("440305", "深圳市南山区"),
    ("500103", "重庆市渝中区"),
    ("510107", "成都市武侯区"),
    ("530102", "昆明市五华区"),
    ("610113", "西安市雁塔区"),
)
# Mainland mobile prefixes that phonenumbers accepts whatever eight digits follow.
MOBILE_PREFIXES = (
    *range(130, 140),
    *(150, 151, 152, 153, 155, 156, 157, 158, 159),
    *(166, 173, 175, 176, 177, 178),
    *range(180, 190),
    *(191, 193, 195, 196, 197, 198, 199),
)
CHANNEL_WEIGHTS = {
    "抖音": 25,
    "小红书": 20,
    "大众点评": 12,
    "美团": 10,
    "朋友推荐": 12,
    "老客转介绍": 10,
    "自然到店": 8,
    "其他": 3,
}
# The share of patients carrying one tag of each kind of group: the desk's basic ones
# for most, the consultants' personal ones and observed preferences for fewer.
TAG_SHARES = {TagKind.BASIC: 0.6, TagKind.PERSONAL: 0.3, TagKind.PREFERENCE: 0.15}
CLINIC_HOURS_UTC = (2, 11)  # check-ins 10:00-19:59 in China (UTC+8)


class DemoDataRefusedError(ServiceError):
    """Demo patients would be mixed into a database that already has patients."""

    def __init__(self, existing: int) -> None:
        super().__init__(
            f"This database already has {existing} patients; demo data is meant for an empty "
            "database (training, benchmarks). Use --force to add it anyway."
        )
        self.existing = existing


@dataclass(frozen=True)
class DemoDataResult:
    patients: int
    visits: int
    first_record_no: str
    last_record_no: str
    clinical: dict[str, int]  # rows per table: consultations, assessments, treatments …
    reminders: dict[str, int] = dataclasses.field(default_factory=dict)  # and follow-ups
    tags: int = 0  # patients' tags


Progress = Callable[[int, int], None]


def load_demo_data(
    database: Database,
    actor: Actor,
    patients: int,
    *,
    seed: int = 0,
    force: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    visits_per_patient: float | None = None,
) -> DemoDataResult:
    """Add ``patients`` made-up patients with their past visits and clinical record
    (``demo_clinical``), in one transaction.

    Refuses a database that already has patients unless ``force``; even then numbering
    and the unique mobiles and ID numbers stay intact. ``progress(done, total)`` is
    called after each chunk. ``workers``: processes drawing patients (default: one per
    CPU, at most four; 0 draws them in this process). ``visits_per_patient``: about how
    many visits a patient has on average (default ~3.3; the benchmarks' million visits
    over 200,000 patients take 5).
    """
    require(actor, Permission.REGISTER_PATIENT, database)
    if not 1 <= patients <= MAX_PATIENTS:
        raise ServiceError(f"The number of patients must be 1 to {MAX_PATIENTS:,}.")
    low, high = VISITS_PER_PATIENT
    if visits_per_patient is not None and not low <= visits_per_patient <= high:
        raise ServiceError(f"Visits per patient must be {low:g} to {high:g} on average.")
    with unit_of_work(database) as session:
        existing = session.scalar(sa.select(sa.func.count()).select_from(Patient)) or 0
        if existing and not force:
            raise DemoDataRefusedError(existing)
        today = today or dt.date.today()
        since = today - dt.timedelta(days=365 * YEARS_OF_VISITS + 1)
        clinic = demo_clinic.prepare(session, seed, today, since, actor.staff_id)
        rules = demo_reminders.prepare(session)  # after the demo staff are in
        leaving = LEAVING if visits_per_patient is None else _leaving(visits_per_patient, today)
        plan = _Plan(seed, today, tuple(_channels(session)), actor.staff_id, clinic, rules, leaving)
        taken = _Taken.of(session) if existing else _Taken()
        record_nos = iter(allocate_record_nos(session, patients))
        if database.is_sqlite:
            session.connection().exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        sizes = [min(CHUNK, patients - start) for start in range(0, patients, CHUNK)]
        if workers is None:
            workers = min(os.cpu_count() or 1, MAX_WORKERS) if len(sizes) > 1 else 0
        done = visits = tagged = 0
        clinical = dict.fromkeys((table.name for table in demo_clinical.TABLES), 0)
        reminders = dict.fromkeys((table.name for table in demo_reminders.TABLES), 0)
        first_record_no = last_record_no = ""
        for chunk, drawn in enumerate(_drawn_chunks(plan, sizes, workers)):
            patient_rows: list[dict[str, object]] = []
            suffix_rows: list[dict[str, object]] = []
            visit_rows: list[dict[str, object]] = []
            tag_rows: list[dict[str, object]] = []
            record: demo_clinical.Rows = {name: [] for name in (*clinical, *reminders)}
            for index, patient in enumerate(drawn):
                values, seen, chart = taken.unique(plan, chunk, index, patient)
                values["record_no"] = last_record_no = next(record_nos)
                first_record_no = first_record_no or last_record_no
                patient_rows.append(values)
                suffix_rows += [
                    {"patient_id": values["id"], "suffix": suffix}
                    for suffix in name_suffixes(str(values["name"]))
                ]
                visit_rows += seen
                tag_rows += _tags(plan, values, seen)
                for name, rows in chart.items():
                    record[name] += rows
            insert_rows(session, Patient.__table__, patient_rows)
            insert_rows(session, PatientNameSuffix.__table__, suffix_rows)
            insert_rows(session, Visit.__table__, visit_rows)
            insert_rows(session, PatientTag.__table__, tag_rows)
            tagged += len(tag_rows)
            for table in (*demo_clinical.TABLES, *demo_reminders.TABLES):
                insert_rows(session, table, record[table.name])
                counts = clinical if table.name in clinical else reminders
                counts[table.name] += len(record[table.name])
            done += len(patient_rows)
            visits += len(visit_rows)
            if progress:
                progress(done, patients)
        if database.is_sqlite:
            session.connection().exec_driver_sql("PRAGMA cache_size = -2000")  # the default
        else:
            # Statistics for tables that just grew a thousandfold: without them PostgreSQL
            # may plan the search's last-visit lookup as a scan (seconds, not milliseconds)
            # until autovacuum, if it is on at all, gets round to it.
            tables = ["patients", "patient_name_suffixes", "visits", "patient_tags"]
            tables += [*clinical, *reminders]
            session.connection().exec_driver_sql(f"ANALYZE {', '.join(tables)}")
        audit.record(
            session,
            actor,
            "demo_data",
            "patient",
            None,
            patients=patients,
            visits=visits,
            seed=seed,
            record_nos=[first_record_no, last_record_no],
            clinical=clinical,
            reminders=reminders,
            tags=tagged,
            demo_staff=list(clinic.new_staff),
            lots=clinic.new_lots,
        )
    return DemoDataResult(
        patients, visits, first_record_no, last_record_no, clinical, reminders, tagged
    )


def _channels(session: Session) -> list[str]:
    return list(
        session.scalars(
            sa.select(SourceChannel.name)
            .where(SourceChannel.active)
            .order_by(SourceChannel.sort_order, SourceChannel.name)
        )
    )


@dataclass(frozen=True)
class _Plan:
    """What drawing a patient depends on; sent to the worker processes."""

    seed: int
    today: dt.date
    channels: tuple[str, ...]
    staff_id: uuid.UUID | None
    clinic: demo_clinic.Clinic | None = None  # None: patients and visits only
    rules: demo_reminders.Rules | None = None  # None: no reminders
    leaving: float = LEAVING  # the chance that a visit is the patient's last


_Drawn = tuple[dict[str, object], list[dict[str, object]], demo_clinical.Rows]


class _Taken:
    """Mobiles and ID numbers in use (both unique), and redrawing a patient who clashes."""

    def __init__(self) -> None:
        self.mobiles: set[object] = set()
        self.id_numbers: set[object] = set()

    @classmethod
    def of(cls, session: Session) -> _Taken:
        taken = cls()
        for mobile, id_number in session.execute(sa.select(Patient.mobile, Patient.id_number)):
            taken.mobiles.add(mobile)
            taken.id_numbers.add(id_number)
        return taken

    def unique(self, plan: _Plan, chunk: int, index: int, patient: _Drawn) -> _Drawn:
        """``patient``, or a redraw from a stream of its own if either number is taken."""
        attempt = 0
        while patient[0]["mobile"] in self.mobiles or (
            patient[0]["id_number"] and patient[0]["id_number"] in self.id_numbers
        ):
            attempt += 1
            patient = _draw(plan, random.Random(f"{plan.seed}:{chunk}:{index}:{attempt}"))
        self.mobiles.add(patient[0]["mobile"])
        self.id_numbers.add(patient[0]["id_number"])
        return patient


def _drawn_chunks(plan: _Plan, sizes: list[int], workers: int) -> Iterator[list[_Drawn]]:
    """Chunks in order, drawn ahead by ``workers`` processes (a few chunks at most, so
    memory stays bounded), or here when ``workers`` is 0."""
    if workers < 1:
        for chunk, size in enumerate(sizes):
            yield _draw_chunk(plan, chunk, size)
        return
    # "spawn" everywhere: a forked child would inherit this process's open database.
    import multiprocessing

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        ahead: deque[Future[list[_Drawn]]] = deque()
        for chunk, size in enumerate(sizes):
            ahead.append(pool.submit(_draw_chunk, plan, chunk, size))
            if len(ahead) > 2 * workers:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)


def _draw_chunk(plan: _Plan, chunk: int, size: int) -> list[_Drawn]:
    rng = random.Random(f"{plan.seed}:{chunk}")
    return [_draw(plan, rng) for _ in range(size)]


def _draw(plan: _Plan, rng: random.Random) -> _Drawn:
    """One patient, through the intake rules, their visits and clinical record (without a
    record number)."""
    sex = "F" if rng.random() < 0.8 else "M"  # aesthetics clinics see mostly women
    birth = _years_before(plan.today, _age(rng)) - dt.timedelta(days=rng.randrange(365))
    code, region = rng.choice(REGIONS)
    channels = plan.channels or ("",)
    draft = PatientDraft(
        name=_name(rng, sex),
        sex=sex,
        birth_date=birth,
        mobile=_mobile(rng),
        id_number=_id_number(rng, code, birth, sex) if rng.random() < 0.9 else None,
        region=region if rng.random() < 0.8 else rng.choice(REGIONS)[1],
        source_channel=rng.choices(channels, [CHANNEL_WEIGHTS.get(c, 3) for c in channels])[0],
    )
    if age_on(birth, plan.today) < ADULT_AGE:
        draft = dataclasses.replace(
            draft,
            guardian_name=_name(rng, "F"),
            guardian_relation="母亲",
            guardian_mobile=_mobile(rng),
        )
    values = clean(draft, plan.today)
    patient_id = uuid.UUID(int=rng.getrandbits(128), version=4)
    visits = _visits(rng, plan, patient_id)
    values.update(
        id=patient_id,
        created_at=visits[0]["checked_in_at"],
        updated_at=visits[0]["checked_in_at"],
        version=1,
        updated_by_id=plan.staff_id,
    )
    record = demo_clinical.draw(plan.clinic, plan.seed, values, visits) if plan.clinic else {}
    # The consultant who first saw them stays theirs (churn reminders go to them).
    values["consultant_id"] = next((v["consultant_id"] for v in visits if v["consultant_id"]), None)
    if plan.clinic and plan.rules:
        record |= demo_reminders.draw(plan.clinic, plan.rules, plan.seed, values, visits, record)
    return values, visits, record


def _tags(
    plan: _Plan, patient: dict[str, object], visits: list[dict[str, object]]
) -> list[dict[str, object]]:
    """The patient's tags, at most one per kind of group, added on their first visit; from
    a stream of the patient's own, so the rest of the data is the same with or without."""
    tags = plan.clinic.tags if plan.clinic else ()
    rng = random.Random(f"{plan.seed}:tags:{patient['id']}")
    rows: list[dict[str, object]] = []
    for kind, share in TAG_SHARES.items():
        choices = [tag_id for tag_id, tag_kind in tags if tag_kind == kind]
        if choices and rng.random() < share:
            rows.append(
                {
                    "patient_id": patient["id"],
                    "tag_id": rng.choice(choices),
                    "added_at": visits[0]["checked_in_at"],
                    "added_by_id": plan.staff_id,
                }
            )
    return rows


def _age(rng: random.Random) -> int:
    """16 to 70, mostly 20 to 45."""
    roll = rng.random()
    if roll < 0.8:
        return rng.randint(20, 45)
    return rng.randint(16, 19) if roll < 0.85 else rng.randint(46, 70)


def _name(rng: random.Random, sex: str) -> str:
    surname = rng.choices(_SURNAME_NAMES, _SURNAME_WEIGHTS)[0]
    if rng.random() < 0.005:
        from desktop_app.services.identity import name_keys

        return f"{rng.choice(LATIN_GIVEN)} {name_keys(surname)[0].capitalize()}"
    return surname + "".join(rng.choice(GIVEN[sex]) for _ in range(1 if rng.random() < 0.3 else 2))


def _mobile(rng: random.Random) -> str:
    return f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**8):08d}"


def _id_number(rng: random.Random, code: str, birth: dt.date, sex: str) -> str:
    """Birthplace, birth date, a sequence whose last digit is odd for men, check digit."""
    from stdnum.cn import ric

    sequence = rng.randrange(100) * 10 + rng.randrange(5) * 2 + (1 if sex == "M" else 0)
    body = f"{code}{birth:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "?")  # it ignores the last character


def _visits(rng: random.Random, plan: _Plan, patient_id: uuid.UUID) -> list[dict[str, object]]:
    """A first visit in the last few years (recent ones likelier), then returns, some buying;
    a regular's first visit is years back, and they keep coming every couple of weeks."""
    regular = rng.random() < REGULAR_SHARE
    days_back = int((1 - rng.random() ** 0.6) * 365 * YEARS_OF_VISITS) + 1
    if regular:
        days_back = rng.randint(365 * (YEARS_OF_VISITS - 2), 365 * YEARS_OF_VISITS)
    day = plan.today - dt.timedelta(days=days_back)
    visits: list[dict[str, object]] = []
    bought = False
    while day < plan.today:
        at = dt.datetime.combine(
            day, dt.time(rng.randint(*CLINIC_HOURS_UTC), rng.randrange(60)), dt.UTC
        )
        left = rng.random() < 0.1
        purchased = not left and rng.random() < 0.4
        kind = VisitType.REPURCHASE if bought else VisitType.RETURN if visits else VisitType.FIRST
        finished = at + dt.timedelta(minutes=rng.randint(30, 150))
        visits.append(
            {
                "id": uuid.UUID(int=rng.getrandbits(128), version=4),
                "patient_id": patient_id,
                "checked_in_at": at,
                "status": (VisitStatus.LEFT if left else VisitStatus.DONE).value,
                "visit_type": kind.value,
                "status_since": finished,
                "purchased": purchased,
                "consultant_id": None,  # demo_clinical names who saw the patient
                "doctor_id": None,
                "created_at": at,
                "updated_at": finished,
                "version": 1,
                "updated_by_id": plan.staff_id,
            }
        )
        bought = bought or purchased
        if not regular and rng.random() < plan.leaving:  # does not come back
            break
        gap = rng.expovariate(1 / 7) + 5 if regular else rng.expovariate(1 / 90) + 7
        day += dt.timedelta(days=int(gap))
    return visits


def _leaving(visits_per_patient: float, today: dt.date) -> float:
    """The chance of not coming back that gives ``visits_per_patient`` on average.

    Found by bisection over a fixed sample of drawn visit histories, because the regulars
    and the histories cut short by today make the average no simple function of it.
    """
    low, high = 0.01, 1.0
    for _ in range(14):
        leaving = (low + high) / 2
        plan = _Plan(0, today, (), None, leaving=leaving)
        rng = random.Random("visits per patient")
        sample = [len(_visits(rng, plan, uuid.UUID(int=0))) for _ in range(4_000)]
        if sum(sample) / len(sample) < visits_per_patient:
            high = leaving
        else:
            low = leaving
    return (low + high) / 2


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (the 28th for a 29 February with none)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
