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

What the record refers to (catalogue, staff, lot register) is ``demo_clinic``; the words
and habits it is written in are ``demo_practice``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import sqlalchemy as sa

from desktop_app.models import (
    Assessment,
    AssessmentAddendum,
    Consultation,
    Course,
    Outcome,
    PlanItem,
    Treatment,
    TreatmentPlan,
    TreatmentProduct,
    VisitStatus,
    VisitType,
)
from desktop_app.models.treatment import local_day_of
from desktop_app.services.assessments import contraindication_lines
from desktop_app.services.consultations import AREAS
from desktop_app.services.demo_clinic import Clinic, Item, new_uuid
from desktop_app.services.demo_practice import (
    ADDENDA,
    CONCERNS,
    FINDINGS,
    NO_DEAL_REASONS,
    QUANTITIES,
    REACTIONS,
    SKIN_CONDITIONS,
    SKIN_TYPES,
)
from desktop_app.services.treatments import session_value

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
    session_values: dict[object, Decimal] = field(default_factory=dict)  # per course id
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
                    "id": new_uuid(rng),
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
                "id": new_uuid(rng),
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
                price = line["price"]
                assert isinstance(price, Decimal)
                self.session_values[course["id"]] = session_value(item.price, price, sessions)
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
            value=self.session_values[course["id"]] if course else session_value(item.price),
            areas=self._areas([item]),
            operator_id=operator,
            assistant_id=assistant,
            started_at=start,
            started_on=local_day_of(start),
            ended_at=end,
            device=practice.device,
            settings=rng.choice(practice.settings),
            anaesthesia=practice.anaesthesia,
            reaction=rng.choice(REACTIONS),
            notes="",
            cancelled_at=None,
            cancel_reason="",
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
                        "id": new_uuid(rng),
                        "treatment_id": row["id"],
                        "lot_id": lot_id,
                        "quantity": Decimal(rng.choice(amounts)),
                        "unit": unit,
                    }
                )

    def _versioned(self, at: dt.datetime, by: uuid.UUID, **values: object) -> dict[str, object]:
        """A row of a ``Versioned`` model as first saved."""
        return {
            "id": new_uuid(self.rng),
            **values,
            "created_at": at,
            "updated_at": at,
            "version": 1,
            "updated_by_id": by,
        }


def _money(amount: Decimal, step: int) -> Decimal:
    """Rounded to ``step`` yuan, as prices are quoted."""
    return (amount / step).quantize(Decimal(1)) * step
