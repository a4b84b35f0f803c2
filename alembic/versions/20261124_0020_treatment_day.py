"""A treatment's local day, stored when recorded, and the indexes the reports read it from.

The reports count purchase *days* (frequency, repurchase, intervals between purchases):
computed from ``started_at`` on every report, 580,000 date conversions made churn and RFM
take over 2 s on SQLite at 200,000 patients. Stored, they are read from
``ix_treatments_purchases`` (now with the day) and the new ``ix_treatments_item_days``
(each patient's days per item, pre-sorted). Existing rows get the day at the upgrading
station's present UTC offset, as the reports computed it.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-24
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

PURCHASES_BEFORE = ["patient_id", "cancelled_at", "started_at", "item_id", "value"]
PURCHASES = ["patient_id", "cancelled_at", "started_on", "started_at", "item_id", "value"]
ITEM_DAYS = ["patient_id", "item_id", "cancelled_at", "started_on"]


def upgrade() -> None:
    op.add_column("treatments", sa.Column("started_on", sa.Date(), nullable=True))
    op.execute(f"UPDATE treatments SET started_on = {_local_day()}")
    with op.batch_alter_table("treatments") as batch:
        batch.alter_column("started_on", existing_type=sa.Date(), nullable=False)
    op.drop_index("ix_treatments_purchases", table_name="treatments")
    op.create_index("ix_treatments_purchases", "treatments", PURCHASES)
    op.create_index("ix_treatments_item_days", "treatments", ITEM_DAYS)


def downgrade() -> None:
    op.drop_index("ix_treatments_item_days", table_name="treatments")
    op.drop_index("ix_treatments_purchases", table_name="treatments")
    op.create_index("ix_treatments_purchases", "treatments", PURCHASES_BEFORE)
    with op.batch_alter_table("treatments") as batch:
        batch.drop_column("started_on")


def _local_day() -> str:
    """SQL for the local day of ``started_at`` (report_common.local_day, as of 0019)."""
    offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    if op.get_bind().dialect.name == "postgresql":
        return f"CAST(timezone('UTC', started_at) + interval '{minutes} minutes' AS date)"
    return f"date(started_at, '{minutes:+d} minutes')"
