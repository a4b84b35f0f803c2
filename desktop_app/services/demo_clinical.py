"""Demo patients' clinical record, drawn from each patient's visits for ``demo_data``.

Consultations, signed assessments (some with addenda), plans, courses and treatments with
the product lots they used, written as the services would have written them, so the record
screen, the timeline and lot recall show them like entered data:

- a visit with a purchase has a consultation ending in a deal and a plan; other visits have
  none, or one with a no-deal reason; a patient who walked out has no treatment;
- visit types are derived as check-in derives them (course sessions left → 疗程, …);
- assessments are signed by a doctor; addenda by a doctor later, never after today;
- a course's sessions are used only by its treatments, before it expires, never past total;
- a treatment uses only lots delivered shortly before and expiring well after that day
  (neither refused nor warned about by ``treatments.record_treatment``).

Most patients come a few times; regulars (``demo_data.REGULAR_SHARE``) come every couple of
weeks for years and so have hundreds of timeline entries. Each patient's record is drawn
from a random stream of its own (seed and patient id): it shifts no other patient's data,
and the same seed gives the same record however many processes draw it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.models import (
    Assessment,
    AssessmentAddendum,
    Consultation,
    Course,
    DiagnosisOption,
    NoDealReason,
    Outcome,
    PlanItem,
    Product,
    ProductLot,
    Role,
    Staff,
    Treatment,
    TreatmentItem,
    TreatmentItemProduct,
    TreatmentPlan,
    TreatmentProduct,
    VisitStatus,
    VisitType,
)
from desktop_app.services.assessments import contraindication_lines
from desktop_app.services.consultations import AREAS
from desktop_app.services.treatments import SHORT_EXPIRY_DAYS

# In the order they are written (each refers only to rows written before it).
TABLES: tuple[sa.Table, ...] = tuple(
    model.__table__  # type: ignore[misc]
    for model in (
        Consultation,
        Assessment,
        AssessmentAddendum,
        TreatmentPlan,
        PlanItem,
        Course,
        Treatment,
        TreatmentProduct,
    )
)
Rows = dict[str, list[dict[str, object]]]  # table name → rows

# Who does the clinical work, when the database has nobody in a role yet. "!" matches no
# argon2 hash, so these accounts cannot sign in.
DEMO_STAFF = {
    Role.CONSULTANT: ("周雨晴", "林思琪", "孙佳怡", "何梦洁"),
    Role.DOCTOR: ("张明远", "刘建华", "陈静"),
    Role.NURSE: ("黄丽", "吴婷婷", "郑小燕", "赵敏", "徐欣"),
}
UNUSABLE_PASSWORD_HASH = "!"

LOT_EVERY_DAYS = 20  # a new lot of each product arrives about this often …
LOT_IN_USE_DAYS = 60  # … and is used up within this many days
LOT_SHELF_DAYS = (540, 720)  # expiry after arrival
QUANTITIES = {"ml": ("1.0", "1.5", "2.0", "2.5"), "U": ("20", "30", "50", "64", "100")}


@dataclass(frozen=True)
class Practice:
    """How the clinic sells and does an item, for the texts and choices drawn."""

    weight: int  # how often patients ask for it
    areas: tuple[str, ...]  # codes from consultations.AREAS
    wishes: tuple[str, ...]
    diagnoses: tuple[str, ...]  # from the seeded pick list (revision 0005)
    settings: tuple[str, ...] = ("",)
    packages: tuple[int, ...] = ()  # sessions it is sold in as a course
    by_doctor: bool = False  # injections and surgery: a doctor operates, a nurse assists
    device: str = ""
    anaesthesia: str = ""
    same_day: float = 0.85  # bought and done at the same visit (surgery is often booked)


PRACTICE = {
    "水光针": Practice(
        25,
        ("forehead", "cheeks", "neck"),
        ("皮肤干、没有光泽", "想改善毛孔和肤色"),
        ("毛孔粗大", "敏感性皮肤", "皮肤松弛"),
        ("针深 0.8 mm，每点 0.02 ml", "针深 1.0 mm，每点 0.03 ml"),
        (3, 5),
        True,
        "水光注射仪",
        "表面麻醉膏",
    ),
    "热玛吉": Practice(
        6,
        ("eyes", "cheeks", "jawline", "neck"),
        ("脸部松弛下垂", "想要轮廓更紧致"),
        ("皮肤松弛",),
        ("900 发，3.0 档", "600 发，2.5 档", "1200 发，3.5 档"),
        device="Thermage FLX",
        anaesthesia="表面麻醉膏",
    ),
    "超声刀": Practice(
        5,
        ("cheeks", "jawline", "neck"),
        ("下颌线不清晰", "双下巴、脸部松弛"),
        ("皮肤松弛",),
        ("600 线，4.5 mm + 3.0 mm 探头", "400 线，3.0 mm 探头"),
        device="Ultherapy",
        anaesthesia="表面麻醉膏",
    ),
    "玻尿酸填充": Practice(
        12,
        ("temples", "nose", "cheeks", "lips", "chin"),
        ("太阳穴凹陷", "想让下巴更立体", "法令纹明显"),
        ("软组织容量缺失", "静态性皱纹"),
        ("线性注射", "扇形注射", "点状注射"),
        by_doctor=True,
        anaesthesia="表面麻醉膏",
    ),
    "肉毒素": Practice(
        15,
        ("forehead", "glabella", "eyes", "jawline"),
        ("抬头纹、川字纹明显", "想瘦脸（咬肌）", "鱼尾纹"),
        ("动态性皱纹",),
        ("多点注射",),
        by_doctor=True,
    ),
    "光子嫩肤": Practice(
        15,
        ("forehead", "nose", "cheeks", "chin"),
        ("脸上有斑、肤色不均", "泛红、痘印"),
        ("色素沉着", "痤疮及痤疮瘢痕", "敏感性皮肤"),
        ("560 nm，15 J/cm²", "590 nm，16 J/cm²", "640 nm，14 J/cm²"),
        (3, 5, 10),
        device="M22 IPL",
    ),
    "皮秒": Practice(
        10,
        ("forehead", "cheeks"),
        ("雀斑、晒斑", "痘印、肤色暗沉"),
        ("色素沉着",),
        ("光斑 6 mm，0.71 J/cm²", "光斑 8 mm，0.40 J/cm²"),
        (3, 5),
        device="PicoSure 755 nm",
        anaesthesia="表面麻醉膏",
    ),
    "线雕": Practice(
        4,
        ("cheeks", "jawline"),
        ("脸部下垂、想提升",),
        ("皮肤松弛",),
        ("PPDO 线 10 根", "锯齿线 6 根"),
        by_doctor=True,
        anaesthesia="局部麻醉",
        same_day=0.5,
    ),
    "双眼皮": Practice(
        4,
        ("eyes",),
        ("单眼皮，想做双眼皮", "眼皮松弛"),
        ("上睑皮肤松弛",),
        ("全切", "埋线"),
        by_doctor=True,
        anaesthesia="局部麻醉",
        same_day=0.5,
    ),
    "隆鼻": Practice(
        4,
        ("nose",),
        ("鼻梁低", "鼻头大、想要更精致"),
        ("鼻部形态不满意",),
        ("膨体假体", "硅胶假体＋耳软骨"),
        by_doctor=True,
        anaesthesia="局部麻醉",
        same_day=0.5,
    ),
}
OTHER_PRACTICE = Practice(3, ("cheeks",), ("想改善面部状态",), ())  # items a clinic added

CONCERNS = ("怕疼", "担心恢复期影响上班", "担心效果不自然", "担心安全性", "", "")
NO_DEAL_REASONS = {
    NoDealReason.PRICE: 35,
    NoDealReason.FEAR: 20,
    NoDealReason.COMPARE: 20,
    NoDealReason.FAMILY: 12,
    NoDealReason.NOT_SUITABLE: 5,
    NoDealReason.OTHER: 8,
}
SKIN_TYPES = {"I": 2, "II": 20, "III": 40, "IV": 30, "V": 7, "VI": 1}
SKIN_CONDITIONS = ("中性，轻度干燥", "混合性，T 区偏油", "干性，屏障轻度受损", "油性，毛孔粗大")
FINDINGS = ("轻度松弛", "细纹", "色斑散在", "容量不足", "未见异常")
REACTIONS = ("无明显不适",) * 16 + ("轻度红肿",) * 3 + ("轻度红斑",)
ADDENDA = (
    "术后电话回访：恢复良好，无不适。",
    "复诊：轻度肿胀已消退，效果满意。",
    "患者反馈局部淤青，已嘱冷敷，一周后复查。",
    "补充：再次确认无药物过敏史。",
)


@dataclass(frozen=True)
class Lot:
    id: uuid.UUID
    arrived: int  # date ordinals: cheap to pickle and compare
    expires: int


@dataclass(frozen=True)
class Item:
    id: uuid.UUID
    name: str
    price: Decimal
    practice: Practice
    products: tuple[tuple[uuid.UUID, str], ...]  # (product id, unit) it uses


@dataclass(frozen=True)
class Clinic:
    """What drawing records refers to; built once per load, sent to the worker processes."""

    today: dt.date
    items: tuple[Item, ...]
    consultants: tuple[uuid.UUID, ...]
    doctors: tuple[uuid.UUID, ...]
    nurses: tuple[uuid.UUID, ...]
    diagnoses: frozenset[str]
    lots: dict[uuid.UUID, tuple[Lot, ...]]  # product id → its lots by arrival
    new_staff: tuple[str, ...] = ()
    new_lots: int = 0

    def lots_on(self, product_id: uuid.UUID, day: dt.date) -> list[uuid.UUID]:
        """Lots of a product on the shelf that day, none expiring within the warning time."""
        lots = self.lots.get(product_id, ())
        today = day.toordinal()
        last = bisect.bisect_right(lots, today, key=lambda lot: lot.arrived)
        return [
            lot.id
            for lot in lots[max(0, last - 4) : last]
            if today - lot.arrived < LOT_IN_USE_DAYS and lot.expires - today > SHORT_EXPIRY_DAYS
        ]


def prepare(
    session: Session, seed: int, today: dt.date, since: dt.date, by: uuid.UUID | None
) -> Clinic:
    """The catalogue as seeded or edited, staff per role (demo ones if none), and a lot
    register covering ``since`` to ``today``, added to the database in ``session``."""
    joined = dt.datetime.combine(since - dt.timedelta(days=LOT_IN_USE_DAYS), dt.time(), dt.UTC)
    staff, new_staff = _staff(session, random.Random(f"{seed}:staff"), by, joined)
    uses: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
    for item_id, product_id, unit in session.execute(
        sa.select(TreatmentItemProduct.item_id, Product.id, Product.unit)
        .join(Product, Product.id == TreatmentItemProduct.product_id)
        .order_by(Product.name, Product.brand)
    ):
        uses.setdefault(item_id, []).append((product_id, unit))
    items = tuple(
        Item(
            row.id,
            row.name,
            row.default_price or Decimal(1000),
            PRACTICE.get(row.name, OTHER_PRACTICE),
            tuple(uses.get(row.id, ())),
        )
        for row in session.execute(
            sa.select(TreatmentItem.id, TreatmentItem.name, TreatmentItem.default_price)
            .where(TreatmentItem.active)
            .order_by(TreatmentItem.sort_order, TreatmentItem.name)
        )
    )
    diagnoses = frozenset(
        session.scalars(sa.select(DiagnosisOption.name).where(DiagnosisOption.active))
    )
    products = dict.fromkeys(p for item in items for p, _unit in item.products)  # same order always
    lots, new_lots = _lot_register(
        session, random.Random(f"{seed}:lots"), list(products), since, today
    )
    return Clinic(
        today,
        items,
        staff[Role.CONSULTANT],
        staff[Role.DOCTOR],
        staff[Role.NURSE],
        diagnoses,
        lots,
        tuple(new_staff),
        new_lots,
    )


def _staff(
    session: Session, rng: random.Random, by: uuid.UUID | None, joined: dt.datetime
) -> tuple[dict[Role, tuple[uuid.UUID, ...]], list[str]]:
    taken = set(session.scalars(sa.select(Staff.username)))
    found: dict[Role, tuple[uuid.UUID, ...]] = {}
    created: list[str] = []
    for role, names in DEMO_STAFF.items():
        found[role] = tuple(
            session.scalars(
                sa.select(Staff.id).where(Staff.role == role, Staff.active).order_by(Staff.username)
            )
        )
        if found[role]:
            continue
        ids = []
        for number, name in enumerate(names, 1):
            username = f"demo-{role.value}-{number}"
            while username in taken:
                username += "-demo"
            taken.add(username)
            staff_id = _uuid(rng)
            session.add(
                Staff(
                    id=staff_id,
                    username=username,
                    display_name=name,
                    role=role,
                    password_hash=UNUSABLE_PASSWORD_HASH,
                    active=True,
                    created_at=joined,  # before the first demo visit they worked on
                    updated_at=joined,
                    updated_by_id=by,
                )
            )
            ids.append(staff_id)
            created.append(username)
        found[role] = tuple(ids)
    session.flush()
    return found, created


def _lot_register(
    session: Session,
    rng: random.Random,
    product_ids: Sequence[uuid.UUID],
    since: dt.date,
    today: dt.date,
) -> tuple[dict[uuid.UUID, tuple[Lot, ...]], int]:
    """Deliveries of every product every few weeks; a lot number already registered (a
    second load) is reused with its own expiry, which ``lots_on`` then respects."""
    from desktop_app.services.identity import name_keys

    known = {
        (product_id, number): (lot_id, expires)
        for product_id, number, lot_id, expires in session.execute(
            sa.select(
                ProductLot.product_id, ProductLot.lot_number, ProductLot.id, ProductLot.expires_on
            )
        )
    }
    names = {row.id: row.name for row in session.execute(sa.select(Product.id, Product.name))}
    register: dict[uuid.UUID, tuple[Lot, ...]] = {}
    new_rows: list[dict[str, object]] = []
    for product_id in product_ids:
        prefix = name_keys(names[product_id])[1].upper() or "LOT"
        day = since - dt.timedelta(days=LOT_IN_USE_DAYS)
        lots = []
        while day <= today:
            number = f"{prefix}{day:%y%m%d}{rng.randrange(10, 100)}"
            expires = day + dt.timedelta(days=rng.randint(*LOT_SHELF_DAYS))
            lot_id, expires = known.get((product_id, number), (_uuid(rng), expires))
            if (product_id, number) not in known:
                new_rows.append(
                    {
                        "id": lot_id,
                        "product_id": product_id,
                        "lot_number": number,
                        "expires_on": expires,
                    }
                )
            lots.append(Lot(lot_id, day.toordinal(), expires.toordinal()))
            day += dt.timedelta(days=rng.randint(LOT_EVERY_DAYS - 5, LOT_EVERY_DAYS + 5))
        register[product_id] = tuple(lots)
    if new_rows:
        session.execute(sa.insert(ProductLot), new_rows)
    return register, len(new_rows)


def draw(
    clinic: Clinic, seed: int, patient: dict[str, object], visits: list[dict[str, object]]
) -> Rows:
    """The record of one patient over their visits (in order); sets each visit's derived
    type, consultant and doctor. Rows per table name, in ``TABLES`` order."""
    chart = _Chart(clinic, random.Random(f"{seed}:{patient['id']}"), patient)
    for visit in visits:
        chart.visit(visit)
    return chart.rows


@dataclass
class _Chart:
    clinic: Clinic
    rng: random.Random
    patient: dict[str, object]
    rows: Rows = field(default_factory=lambda: {table.name: [] for table in TABLES})
    courses: list[dict[str, object]] = field(default_factory=list)
    came: bool = False
    bought: bool = False

    def __post_init__(self) -> None:
        rng, clinic = self.rng, self.clinic
        self.consultant = rng.choice(clinic.consultants)  # patients keep to the same people
        self.doctor = rng.choice(clinic.doctors)
        self.favourite = self._any_item() if clinic.items else None
        self.contraindications = "\n".join(
            contraindication_lines(
                str(self.patient.get("allergies") or ""),
                str(self.patient.get("history_flags") or ""),
                str(self.patient.get("history_notes") or ""),
            )
        )

    def visit(self, visit: dict[str, object]) -> None:
        rng = self.rng
        at, end = visit["checked_in_at"], visit["status_since"]
        assert isinstance(at, dt.datetime) and isinstance(end, dt.datetime)
        visit["visit_type"] = self._visit_type().value
        self.came = True
        if self.favourite is None:
            return
        day = at.date()
        consultant = self.consultant if rng.random() < 0.85 else rng.choice(self.clinic.consultants)
        doctor = self.doctor if rng.random() < 0.85 else rng.choice(self.clinic.doctors)
        wanted = self._wanted()

        def moment(fraction: float) -> dt.datetime:
            return at + (end - at) * fraction

        if visit["status"] == VisitStatus.LEFT.value:  # walked out: at most a talk and a look
            if rng.random() < 0.7:
                self._consultation(visit, consultant, moment(0.2), wanted, Outcome.LEFT)
            if rng.random() < 0.1:
                self._assessment(visit, doctor, moment(0.5), moment(0.7), wanted[0])
            return
        sale = bool(visit["purchased"])
        course = self._course_due(day) if rng.random() < 0.9 else None
        if sale or (course is None and rng.random() < 0.9) or rng.random() < 0.1:
            outcome = Outcome.DEAL if sale else Outcome.THINKING
            self._consultation(visit, consultant, moment(0.1), wanted, outcome)
        new = not self.rows[Assessment.__tablename__]  # no doctor has seen them yet
        if rng.random() < (0.9 if sale or new else 0.3 if course is None else 0.4):
            item = wanted[0] if course is None or sale else self._item(course["item_id"])
            self._assessment(visit, doctor, moment(0.25), moment(0.35), item)
        done: list[tuple[Item, dict[str, object] | None]] = []
        if sale:
            for item, new_course in self._plan(visit, consultant, moment(0.45), wanted, day):
                if rng.random() < item.practice.same_day:
                    done.append((item, new_course))
        if course is not None:
            done.append((self._item(course["item_id"]), course))
        for slot, (item, used) in enumerate(done):
            span = 0.48 / len(done)
            self._treatment(
                visit,
                doctor,
                item,
                used,
                moment(0.5 + slot * span),
                moment(0.48 + (slot + 1) * span),
            )
        self.bought = self.bought or sale

    def _visit_type(self) -> VisitType:
        """As ``queue.derive_visit_type`` decides at check-in."""
        if any(c["sessions_total"] > c["sessions_used"] for c in self.courses):  # type: ignore[operator]
            return VisitType.COURSE
        if self.bought:
            return VisitType.REPURCHASE
        return VisitType.RETURN if self.came else VisitType.FIRST

    def _any_item(self) -> Item:
        items = self.clinic.items
        return self.rng.choices(items, [item.practice.weight for item in items])[0]

    def _item(self, item_id: object) -> Item:
        return next(item for item in self.clinic.items if item.id == item_id)

    def _wanted(self) -> list[Item]:
        """What the patient asks about: mostly their favourite, sometimes a second item."""
        assert self.favourite is not None
        first = self.favourite if self.rng.random() < 0.6 else self._any_item()
        second = self._any_item() if self.rng.random() < 0.25 else first
        return [first] if second is first else [first, second]

    def _course_due(self, day: dt.date) -> dict[str, object] | None:
        for course in self.courses:
            left = course["sessions_total"] > course["sessions_used"]  # type: ignore[operator]
            if left and course["expires_on"] >= day:  # type: ignore[operator]
                return course
        return None

    def _areas(self, items: Sequence[Item]) -> str:
        chosen = {a for item in items for a in self.rng.sample(item.practice.areas, 1)}
        return ",".join(a for a in AREAS if a in chosen)

    def _consultation(
        self,
        visit: dict[str, object],
        consultant: uuid.UUID,
        at: dt.datetime,
        wanted: list[Item],
        outcome: Outcome,
    ) -> None:
        rng = self.rng
        price = sum(item.price for item in wanted)
        has_budget = rng.random() < 0.7
        reason = None
        if outcome != Outcome.DEAL:
            reason = rng.choices(list(NO_DEAL_REASONS), list(NO_DEAL_REASONS.values()))[0]
        self.rows[Consultation.__tablename__].append(
            self._versioned(
                at,
                consultant,
                visit_id=visit["id"],
                patient_id=visit["patient_id"],
                author_id=consultant,
                wishes="；".join(rng.choice(item.practice.wishes) for item in wanted),
                concerns=rng.choice(CONCERNS),
                areas=self._areas(wanted),
                items=",".join(item.name for item in wanted),
                budget_min=_money(price * Decimal("0.5"), 100) if has_budget else None,
                budget_max=_money(price * Decimal("1.2"), 100) if has_budget else None,
                quote=_money(price * Decimal(rng.choice(("0.9", "0.95", "1"))), 10),
                outcome=outcome.value,
                no_deal_reason=reason.value if reason else None,
                reason_note="",
                replaces_id=None,
                replaced=False,
            )
        )
        visit["consultant_id"] = consultant

    def _assessment(
        self,
        visit: dict[str, object],
        doctor: uuid.UUID,
        at: dt.datetime,
        signed_at: dt.datetime,
        item: Item,
    ) -> None:
        rng = self.rng
        areas = self._areas([item])
        notes = {areas.split(",")[0]: rng.choice(FINDINGS)} if rng.random() < 0.5 else {}
        diagnoses = [d for d in item.practice.diagnoses if d in self.clinic.diagnoses]
        row = self._versioned(
            at,
            doctor,
            visit_id=visit["id"],
            patient_id=visit["patient_id"],
            doctor_id=doctor,
            chief_complaint=rng.choice(item.practice.wishes),
            skin_type=rng.choices(list(SKIN_TYPES), list(SKIN_TYPES.values()))[0],
            skin_condition=rng.choice(SKIN_CONDITIONS),
            areas_examined=areas,
            area_notes=json.dumps(notes, ensure_ascii=False),
            contraindications_shown=self.contraindications,
            contraindications_confirmed=True,
            diagnosis=rng.choice(diagnoses) if diagnoses else "",
            diagnosis_text="",
            recommendation=f"建议{item.name}",
            signed_at=signed_at,
            signed_by_id=doctor,
        )
        row["updated_at"] = signed_at
        self.rows[Assessment.__tablename__].append(row)
        visit["doctor_id"] = doctor
        later = signed_at + dt.timedelta(days=rng.randint(1, 14), minutes=rng.randrange(600))
        if rng.random() < 0.08 and later.date() < self.clinic.today:
            self.rows[AssessmentAddendum.__tablename__].append(
                {
                    "id": _uuid(rng),
                    "assessment_id": row["id"],
                    "text": rng.choice(ADDENDA),
                    "signed_by_id": doctor,
                    "signed_at": later,
                }
            )

    def _plan(
        self,
        visit: dict[str, object],
        consultant: uuid.UUID,
        at: dt.datetime,
        wanted: list[Item],
        day: dt.date,
    ) -> list[tuple[Item, dict[str, object] | None]]:
        """The plan agreed; each package opens a course. (item, its new course or None)."""
        rng = self.rng
        plan = self._versioned(
            at,
            consultant,
            patient_id=visit["patient_id"],
            visit_id=visit["id"],
            created_by_id=consultant,
            note="",
        )
        self.rows[TreatmentPlan.__tablename__].append(plan)
        bought: list[tuple[Item, dict[str, object] | None]] = []
        for item in wanted:
            packages = item.practice.packages
            sessions = rng.choice(packages) if packages and rng.random() < 0.6 else 1
            discount = Decimal(rng.choice(("1", "0.95", "0.9"))) * (
                Decimal("0.85") if sessions > 1 else 1
            )
            line = {
                "id": _uuid(rng),
                "plan_id": plan["id"],
                "item_id": item.id,
                "price": _money(item.price * sessions * discount, 10),
                "sessions": sessions,
            }
            self.rows[PlanItem.__tablename__].append(line)
            course = None
            if sessions > 1:
                course = self._versioned(
                    at,
                    consultant,
                    patient_id=visit["patient_id"],
                    item_name=item.name,
                    sessions_total=sessions,
                    sessions_used=0,
                    item_id=item.id,
                    plan_item_id=line["id"],
                    expires_on=day + dt.timedelta(days=730 if sessions >= 10 else 365),
                )
                self.rows[Course.__tablename__].append(course)
                self.courses.append(course)
            bought.append((item, course))
        return bought

    def _treatment(
        self,
        visit: dict[str, object],
        doctor: uuid.UUID,
        item: Item,
        course: dict[str, object] | None,
        start: dt.datetime,
        end: dt.datetime,
    ) -> None:
        rng, practice = self.rng, item.practice
        nurse = rng.choice(self.clinic.nurses)
        operator, assistant = (doctor, nurse) if practice.by_doctor else (nurse, None)
        row = self._versioned(
            start,
            operator,
            patient_id=visit["patient_id"],
            visit_id=visit["id"],
            item_id=item.id,
            course_id=course["id"] if course else None,
            areas=self._areas([item]),
            operator_id=operator,
            assistant_id=assistant,
            started_at=start,
            ended_at=end,
            device=practice.device,
            settings=rng.choice(practice.settings),
            anaesthesia=practice.anaesthesia,
            reaction=rng.choice(REACTIONS),
            notes="",
        )
        row["updated_at"] = end
        self.rows[Treatment.__tablename__].append(row)
        if practice.by_doctor:
            visit["doctor_id"] = doctor
        if course is not None:  # as treatments.record_treatment consumes a session
            course["sessions_used"] += 1  # type: ignore[operator]
            course["version"] += 1  # type: ignore[operator]
            course["updated_at"], course["updated_by_id"] = end, operator
        for product_id, unit in item.products:
            lots = self.clinic.lots_on(product_id, start.date())
            if not lots:
                continue
            amounts = QUANTITIES.get(unit, ("1",))
            for lot_id in rng.sample(lots, 2 if len(lots) > 1 and rng.random() < 0.12 else 1):
                self.rows[TreatmentProduct.__tablename__].append(
                    {
                        "id": _uuid(rng),
                        "treatment_id": row["id"],
                        "lot_id": lot_id,
                        "quantity": Decimal(rng.choice(amounts)),
                        "unit": unit,
                    }
                )

    def _versioned(self, at: dt.datetime, by: uuid.UUID, **values: object) -> dict[str, object]:
        """A row of a ``Versioned`` model as first saved."""
        return {
            "id": _uuid(self.rng),
            **values,
            "created_at": at,
            "updated_at": at,
            "version": 1,
            "updated_by_id": by,
        }


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _money(amount: Decimal, step: int) -> Decimal:
    """Rounded to ``step`` yuan, as prices are quoted."""
    return (amount / step).quantize(Decimal(1)) * step
