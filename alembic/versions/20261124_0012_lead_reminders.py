"""Reminders (and their calls) for leads: a booking's name and mobile, no patient yet.

``reminders.patient_id`` and ``follow_ups.patient_id`` become nullable; a reminder holds
``lead_name``/``lead_mobile`` instead, and a CHECK keeps one of the two set.

SQLite cannot drop NOT NULL in place, so both tables are copied (batch mode). Dropping the
old ``reminders`` would, with foreign keys enforced, delete through ``follow_ups``' key to
it; desktop_app.migrations runs every migration with SQLite's foreign keys off and checks
them (PRAGMA foreign_key_check) before committing, as SQLite's own procedure for
changing a table asks.

The downgrade deletes the leads' reminders and calls: an older Clinic Desk cannot show a
reminder without a patient.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reminders", recreate="auto") as batch:
        batch.add_column(sa.Column("lead_name", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("lead_mobile", sa.String(length=32), nullable=True))
        batch.alter_column("patient_id", existing_type=sa.Uuid(), nullable=True)
        batch.create_check_constraint(
            op.f("ck_reminders_patient_or_lead"),
            "patient_id IS NOT NULL OR lead_name IS NOT NULL",
        )
    with op.batch_alter_table("follow_ups", recreate="auto") as batch:
        batch.alter_column("patient_id", existing_type=sa.Uuid(), nullable=True)


def downgrade() -> None:
    leads = "SELECT id FROM reminders WHERE patient_id IS NULL"
    op.execute(f"DELETE FROM follow_ups WHERE patient_id IS NULL OR reminder_id IN ({leads})")
    op.execute("DELETE FROM reminders WHERE patient_id IS NULL")
    with op.batch_alter_table("follow_ups", recreate="auto") as batch:
        batch.alter_column("patient_id", existing_type=sa.Uuid(), nullable=False)
    with op.batch_alter_table("reminders", recreate="auto") as batch:
        batch.drop_constraint(op.f("ck_reminders_patient_or_lead"), type_="check")
        batch.alter_column("patient_id", existing_type=sa.Uuid(), nullable=False)
        batch.drop_column("lead_mobile")
        batch.drop_column("lead_name")
