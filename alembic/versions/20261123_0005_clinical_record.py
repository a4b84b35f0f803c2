"""Clinical record: catalogue, products and lots, consultations, assessments, plans, treatments.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "diagnosis_options",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diagnosis_options")),
        sa.UniqueConstraint("name", name=op.f("uq_diagnosis_options_name")),
    )
    op.create_table(
        "products",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("brand", sa.String(length=80), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("name", "brand", name=op.f("uq_products_name")),
    )
    op.create_table(
        "product_lots",
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("lot_number", sa.String(length=60), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_product_lots_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_lots")),
        sa.UniqueConstraint("product_id", "lot_number", name=op.f("uq_product_lots_product_id")),
    )
    with op.batch_alter_table("product_lots", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_product_lots_lot_number"), ["lot_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_product_lots_product_id"), ["product_id"], unique=False
        )

    op.create_table(
        "treatment_items",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("default_price", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("consent_template", sa.String(length=60), nullable=True),
        sa.Column("aftercare_template", sa.String(length=60), nullable=True),
        sa.Column("reminder_rule", sa.String(length=60), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_treatment_items_updated_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_items")),
        sa.UniqueConstraint("name", name=op.f("uq_treatment_items_name")),
    )
    op.create_table(
        "treatment_item_products",
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["treatment_items.id"],
            name=op.f("fk_treatment_item_products_item_id_treatment_items"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_treatment_item_products_product_id_products"),
        ),
        sa.PrimaryKeyConstraint("item_id", "product_id", name=op.f("pk_treatment_item_products")),
    )
    op.create_table(
        "assessments",
        sa.Column("visit_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("doctor_id", sa.Uuid(), nullable=False),
        sa.Column("chief_complaint", sa.Text(), nullable=False),
        sa.Column("skin_type", sa.String(length=3), nullable=True),
        sa.Column("skin_condition", sa.Text(), nullable=False),
        sa.Column("areas_examined", sa.String(length=300), nullable=False),
        sa.Column("area_notes", sa.Text(), nullable=False),
        sa.Column("contraindications_shown", sa.Text(), nullable=False),
        sa.Column("contraindications_confirmed", sa.Boolean(), nullable=False),
        sa.Column("diagnosis", sa.String(length=60), nullable=False),
        sa.Column("diagnosis_text", sa.Text(), nullable=False),
        sa.Column("recommendation", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signed_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["staff.id"], name=op.f("fk_assessments_doctor_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_assessments_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"], ["staff.id"], name=op.f("fk_assessments_signed_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_assessments_updated_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_assessments_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessments_patient_id"), ["patient_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assessments_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "consultations",
        sa.Column("visit_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("wishes", sa.Text(), nullable=False),
        sa.Column("concerns", sa.Text(), nullable=False),
        sa.Column("areas", sa.String(length=300), nullable=False),
        sa.Column("items", sa.String(length=600), nullable=False),
        sa.Column("budget_min", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("budget_max", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("quote", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "deal",
                "thinking",
                "left",
                name="outcome",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column(
            "no_deal_reason",
            sa.Enum(
                "price",
                "fear",
                "compare",
                "family",
                "not_suitable",
                "other",
                name="no_deal_reason",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("reason_note", sa.Text(), nullable=False),
        sa.Column("replaces_id", sa.Uuid(), nullable=True),
        sa.Column("replaced", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"], ["staff.id"], name=op.f("fk_consultations_author_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_consultations_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["consultations.id"],
            name=op.f("fk_consultations_replaces_id_consultations"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_consultations_updated_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_consultations_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultations_patient_id"), ["patient_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consultations_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "treatment_plans",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("visit_id", sa.Uuid(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_treatment_plans_created_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_treatment_plans_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_treatment_plans_updated_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_treatment_plans_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_plans")),
    )
    with op.batch_alter_table("treatment_plans", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_treatment_plans_patient_id"), ["patient_id"], unique=False
        )

    op.create_table(
        "assessment_addenda",
        sa.Column("assessment_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("signed_by_id", sa.Uuid(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_assessment_addenda_assessment_id_assessments"),
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"], ["staff.id"], name=op.f("fk_assessment_addenda_signed_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_addenda")),
    )
    with op.batch_alter_table("assessment_addenda", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_addenda_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "plan_items",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("price", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["treatment_items.id"], name=op.f("fk_plan_items_item_id_treatment_items")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["treatment_plans.id"], name=op.f("fk_plan_items_plan_id_treatment_plans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_items")),
    )
    with op.batch_alter_table("plan_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_items_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "treatments",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("visit_id", sa.Uuid(), nullable=True),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("course_id", sa.Uuid(), nullable=True),
        sa.Column("areas", sa.String(length=300), nullable=False),
        sa.Column("operator_id", sa.Uuid(), nullable=False),
        sa.Column("assistant_id", sa.Uuid(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("anaesthesia", sa.String(length=80), nullable=False),
        sa.Column("reaction", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assistant_id"], ["staff.id"], name=op.f("fk_treatments_assistant_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_treatments_course_id_courses")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["treatment_items.id"], name=op.f("fk_treatments_item_id_treatment_items")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["staff.id"], name=op.f("fk_treatments_operator_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_treatments_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_treatments_updated_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_treatments_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatments")),
    )
    with op.batch_alter_table("treatments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_treatments_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "treatment_products",
        sa.Column("treatment_id", sa.Uuid(), nullable=False),
        sa.Column("lot_id", sa.Uuid(), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["product_lots.id"], name=op.f("fk_treatment_products_lot_id_product_lots")
        ),
        sa.ForeignKeyConstraint(
            ["treatment_id"],
            ["treatments.id"],
            name=op.f("fk_treatment_products_treatment_id_treatments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_products")),
    )
    with op.batch_alter_table("treatment_products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_treatment_products_lot_id"), ["lot_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_treatment_products_treatment_id"), ["treatment_id"], unique=False
        )

    with op.batch_alter_table("courses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("item_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("plan_item_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("expires_on", sa.Date(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_courses_item_id_treatment_items"), "treatment_items", ["item_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_courses_plan_item_id_plan_items"), "plan_items", ["plan_item_id"], ["id"]
        )

    _seed()


# (name, category, price, consent template, aftercare template, reminder rule, products)
SEED_ITEMS = (
    ("水光针", "注射", "1280", "injection", "injection_aftercare", "repeat_28d", ("嗨体",)),
    ("热玛吉", "光电", "19800", "energy_device", "energy_aftercare", "follow_up_7d", ()),
    ("超声刀", "光电", "12800", "energy_device", "energy_aftercare", "follow_up_7d", ()),
    ("玻尿酸填充", "注射", "4800", "filler", "filler_aftercare", "follow_up_3d", ("乔雅登",)),
    ("肉毒素", "注射", "2800", "toxin", "toxin_aftercare", "repeat_120d", ("保妥适",)),
    ("光子嫩肤", "光电", "980", "energy_device", "energy_aftercare", "repeat_28d", ()),
    ("皮秒", "光电", "1980", "energy_device", "energy_aftercare", "repeat_28d", ()),
    ("线雕", "手术", "8800", "thread_lift", "thread_aftercare", "follow_up_3d", ()),
    ("双眼皮", "手术", "6800", "surgery", "surgery_aftercare", "follow_up_1d", ()),
    ("隆鼻", "手术", "16800", "surgery", "surgery_aftercare", "follow_up_1d", ()),
)
# (name, brand, unit)
SEED_PRODUCTS = (("嗨体", "爱美客", "ml"), ("乔雅登", "艾尔建", "ml"), ("保妥适", "艾尔建", "U"))
SEED_DIAGNOSES = (
    "皮肤松弛",
    "色素沉着",
    "痤疮及痤疮瘢痕",
    "动态性皱纹",
    "静态性皱纹",
    "软组织容量缺失",
    "毛孔粗大",
    "敏感性皮肤",
    "上睑皮肤松弛",
    "鼻部形态不满意",
)


def _seed() -> None:
    """A starting catalogue, product list and diagnosis pick list that clinics edit."""
    now = datetime.now(UTC)
    if op.get_bind().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # stored naive UTC there (models.base.UTCDateTime)
    uid = sa.Uuid()
    items = sa.table(
        "treatment_items",
        sa.column("id", uid),
        sa.column("default_price", sa.Numeric(10, 2)),
        *(sa.column(c) for c in ("name", "category", "consent_template")),
        *(sa.column(c) for c in ("aftercare_template", "reminder_rule", "active", "sort_order")),
        *(sa.column(c) for c in ("created_at", "updated_at", "version")),
    )
    products = sa.table(
        "products", sa.column("id", uid), *(sa.column(c) for c in ("name", "brand", "unit"))
    )
    links = sa.table(
        "treatment_item_products", sa.column("item_id", uid), sa.column("product_id", uid)
    )
    diagnoses = sa.table(
        "diagnosis_options",
        sa.column("id", uid),
        *(sa.column(c) for c in ("name", "active", "sort_order")),
    )
    product_ids = {name: uuid.uuid4() for name, _brand, _unit in SEED_PRODUCTS}
    op.bulk_insert(
        products,
        [
            {"id": product_ids[name], "name": name, "brand": brand, "unit": unit}
            for name, brand, unit in SEED_PRODUCTS
        ],
    )
    item_rows, link_rows = [], []
    for order, (name, category, price, consent, aftercare, rule, uses) in enumerate(SEED_ITEMS):
        item_id = uuid.uuid4()
        item_rows.append(
            {
                "id": item_id,
                "name": name,
                "category": category,
                "default_price": Decimal(price),
                "consent_template": consent,
                "aftercare_template": aftercare,
                "reminder_rule": rule,
                "active": True,
                "sort_order": order,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
        link_rows += [{"item_id": item_id, "product_id": product_ids[u]} for u in uses]
    op.bulk_insert(items, item_rows)
    op.bulk_insert(links, link_rows)
    op.bulk_insert(
        diagnoses,
        [
            {"id": uuid.uuid4(), "name": name, "active": True, "sort_order": order}
            for order, name in enumerate(SEED_DIAGNOSES)
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("courses", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_courses_plan_item_id_plan_items"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_courses_item_id_treatment_items"), type_="foreignkey"
        )
        batch_op.drop_column("expires_on")
        batch_op.drop_column("plan_item_id")
        batch_op.drop_column("item_id")

    with op.batch_alter_table("treatment_products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_treatment_products_treatment_id"))
        batch_op.drop_index(batch_op.f("ix_treatment_products_lot_id"))

    op.drop_table("treatment_products")
    with op.batch_alter_table("treatments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_treatments_patient_id"))

    op.drop_table("treatments")
    with op.batch_alter_table("plan_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_items_plan_id"))

    op.drop_table("plan_items")
    with op.batch_alter_table("assessment_addenda", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_addenda_assessment_id"))

    op.drop_table("assessment_addenda")
    with op.batch_alter_table("treatment_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_treatment_plans_patient_id"))

    op.drop_table("treatment_plans")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultations_visit_id"))
        batch_op.drop_index(batch_op.f("ix_consultations_patient_id"))

    op.drop_table("consultations")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessments_visit_id"))
        batch_op.drop_index(batch_op.f("ix_assessments_patient_id"))

    op.drop_table("assessments")
    op.drop_table("treatment_item_products")
    op.drop_table("treatment_items")
    with op.batch_alter_table("product_lots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_lots_product_id"))
        batch_op.drop_index(batch_op.f("ix_product_lots_lot_number"))

    op.drop_table("product_lots")
    op.drop_table("products")
    op.drop_table("diagnosis_options")
