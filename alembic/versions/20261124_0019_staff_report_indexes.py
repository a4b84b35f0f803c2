"""Indexes for the staff report's consultations and treatments in a period.

A period's visits give their ids from ``ix_visits_checked_in_at`` (now with the id), their
consultations what the report counts from ``ix_consultations_visit_id`` (now with replaced,
author, outcome and patient), and ``ix_treatments_started`` is new: none of them reads a
table row.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

CONSULTATION = ["visit_id", "replaced", "author_id", "outcome", "patient_id"]
STARTED = ["started_at", "cancelled_at", "operator_id", "patient_id"]


def upgrade() -> None:
    op.drop_index("ix_visits_checked_in_at", table_name="visits")
    op.create_index("ix_visits_checked_in_at", "visits", ["checked_in_at", "id"])
    op.drop_index("ix_consultations_visit_id", table_name="consultations")
    op.create_index("ix_consultations_visit_id", "consultations", CONSULTATION)
    op.create_index("ix_treatments_started", "treatments", STARTED)


def downgrade() -> None:
    op.drop_index("ix_treatments_started", table_name="treatments")
    op.drop_index("ix_consultations_visit_id", table_name="consultations")
    op.create_index("ix_consultations_visit_id", "consultations", ["visit_id"])
    op.drop_index("ix_visits_checked_in_at", table_name="visits")
    op.create_index("ix_visits_checked_in_at", "visits", ["checked_in_at"])
