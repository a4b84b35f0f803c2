"""A treatment's value, fixed when recorded, and an index the reports read purchases from.

The value is what the reports sum (spend, price bands, churn by value): a course session's
share of its plan item's price, else the item's catalogue price, else 0, rounded to the
fen. Computed until now on every report by three joins per treatment; stored, a later
price change no longer rewrites past takings. Existing treatments are valued by that
rule at the prices they have now. ``ix_treatments_purchases`` replaces the patient index.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

BACKFILL = """
UPDATE treatments SET value = round(coalesce(
    (SELECT pi.price * 1.0 / nullif(pi.sessions, 0) FROM courses c
     JOIN plan_items pi ON pi.id = c.plan_item_id WHERE c.id = treatments.course_id),
    (SELECT i.default_price FROM treatment_items i WHERE i.id = treatments.item_id),
    0), 2)
"""


def upgrade() -> None:
    with op.batch_alter_table("treatments") as batch:
        batch.add_column(sa.Column("value", sa.Numeric(10, 2), server_default="0", nullable=False))
    op.execute(BACKFILL)
    op.drop_index("ix_treatments_patient_id", table_name="treatments")
    op.create_index(
        "ix_treatments_purchases",
        "treatments",
        ["patient_id", "cancelled_at", "started_at", "item_id", "value"],
    )


def downgrade() -> None:
    op.drop_index("ix_treatments_purchases", table_name="treatments")
    op.create_index("ix_treatments_patient_id", "treatments", ["patient_id"])
    with op.batch_alter_table("treatments") as batch:
        batch.drop_column("value")
