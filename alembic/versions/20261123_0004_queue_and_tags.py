"""Queue and tags: visit type, state clock, assignment and room; courses; tag groups.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (group, kind, tags): a starting point each clinic edits.
SEED_TAGS = (
    ("基本信息", "basic", ("学生", "上班族", "宝妈", "企业主")),
    ("个性特点", "personal", ("怕疼", "敏感肌", "价格敏感", "决策快")),
    ("服务偏好", "preference", ("周末到店", "偏好女医生", "需要安静", "不接受电话回访")),
)


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
    ]


def upgrade() -> None:
    groups = op.create_table(
        "tag_groups",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "basic",
                "personal",
                "preference",
                name="tag_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_tag_groups_updated_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_groups")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_groups_name")),
    )
    tags = op.create_table(
        "tags",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["tag_groups.id"], name=op.f("fk_tags_group_id_tag_groups")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_index(op.f("ix_tags_group_id"), "tags", ["group_id"])
    op.create_table(
        "patient_tags",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("tag_id", sa.Uuid(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["staff.id"], name=op.f("fk_patient_tags_added_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_patient_tags_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], name=op.f("fk_patient_tags_tag_id_tags")),
        sa.PrimaryKeyConstraint("patient_id", "tag_id", name=op.f("pk_patient_tags")),
    )
    op.create_table(
        "courses",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("item_name", sa.String(length=100), nullable=False),
        sa.Column("sessions_total", sa.Integer(), nullable=False),
        sa.Column("sessions_used", sa.Integer(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_courses_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_courses_updated_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courses")),
    )
    op.create_index(op.f("ix_courses_patient_id"), "courses", ["patient_id"])

    with op.batch_alter_table("visits") as batch:
        batch.add_column(
            sa.Column(
                "visit_type",
                sa.Enum(
                    "first",
                    "return",
                    "repurchase",
                    "course",
                    name="visit_type",
                    native_enum=False,
                    create_constraint=True,
                    length=20,
                ),
                nullable=True,
            )
        )
        batch.add_column(sa.Column("status_since", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("consultant_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("doctor_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("room", sa.String(length=40), nullable=True))
        batch.add_column(
            sa.Column("purchased", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.create_foreign_key(
            "fk_visits_consultant_id_staff", "staff", ["consultant_id"], ["id"]
        )
        batch.create_foreign_key("fk_visits_doctor_id_staff", "staff", ["doctor_id"], ["id"])
    op.execute("UPDATE visits SET status_since = checked_in_at")
    _seed_tags(groups, tags)


def _seed_tags(groups: sa.Table, tags: sa.Table) -> None:
    now = datetime.now(UTC)
    if op.get_bind().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # stored naive UTC there (models.base.UTCDateTime)
    group_rows, tag_rows = [], []
    for order, (name, kind, names) in enumerate(SEED_TAGS):
        group_id = uuid.uuid4()
        group_rows.append(
            {
                "id": group_id,
                "name": name,
                "kind": kind,
                "sort_order": order,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
        tag_rows += [
            {"id": uuid.uuid4(), "name": tag, "group_id": group_id, "active": True} for tag in names
        ]
    op.bulk_insert(groups, group_rows)
    op.bulk_insert(tags, tag_rows)


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_constraint("fk_visits_doctor_id_staff", type_="foreignkey")
        batch.drop_constraint("fk_visits_consultant_id_staff", type_="foreignkey")
        for column in ("purchased", "room", "doctor_id", "consultant_id", "status_since"):
            batch.drop_column(column)
        batch.drop_constraint(op.f("ck_visits_visit_type"), type_="check")
        batch.drop_column("visit_type")
    op.drop_index(op.f("ix_courses_patient_id"), table_name="courses")
    op.drop_table("courses")
    op.drop_table("patient_tags")
    op.drop_index(op.f("ix_tags_group_id"), table_name="tags")
    op.drop_table("tags")
    op.drop_table("tag_groups")
