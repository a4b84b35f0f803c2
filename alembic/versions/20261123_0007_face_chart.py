"""Face charts: the marks of a treatment (view, point or area, lot, quantity, depth).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _enum(name: str, length: int, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=length)


def upgrade() -> None:
    op.create_table(
        "face_chart_marks",
        sa.Column("treatment_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("view", _enum("chart_view", 10, "front", "left", "right"), nullable=False),
        sa.Column("kind", _enum("mark_kind", 10, "point", "area"), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("radius", sa.Float(), nullable=False),
        sa.Column("lot_id", sa.Uuid(), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column(
            "depth",
            _enum(
                "injection_depth",
                20,
                "intradermal",
                "subdermal",
                "subcutaneous",
                "supraperiosteal",
                "intramuscular",
            ),
            nullable=False,
        ),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_face_chart_marks_quantity")),
        sa.CheckConstraint(
            "radius >= 0 AND radius <= 0.5", name=op.f("ck_face_chart_marks_radius")
        ),
        sa.CheckConstraint(
            "x >= 0 AND x <= 1 AND y >= 0 AND y <= 1", name=op.f("ck_face_chart_marks_inside")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_face_chart_marks_created_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"],
            ["product_lots.id"],
            name=op.f("fk_face_chart_marks_lot_id_product_lots"),
        ),
        sa.ForeignKeyConstraint(
            ["treatment_id"],
            ["treatments.id"],
            name=op.f("fk_face_chart_marks_treatment_id_treatments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_chart_marks")),
    )
    with op.batch_alter_table("face_chart_marks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_face_chart_marks_lot_id"), ["lot_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_face_chart_marks_treatment_id"), ["treatment_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("face_chart_marks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_face_chart_marks_treatment_id"))
        batch_op.drop_index(batch_op.f("ix_face_chart_marks_lot_id"))

    op.drop_table("face_chart_marks")
