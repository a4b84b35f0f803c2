"""Patient import: the first visit another system recorded, and the rows already imported.

``patients.first_visit_on`` keeps 首次到院/建档日期 from an imported file.
``imported_rows`` names each imported row (file SHA-256, row number) with its patient, so
re-running the same file, or resuming one cut short, imports nothing twice.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("patients", sa.Column("first_visit_on", sa.Date(), nullable=True))
    op.create_table(
        "imported_rows",
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_imported_rows_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("file_sha256", "row_no", name=op.f("pk_imported_rows")),
    )
    op.create_index(
        op.f("ix_imported_rows_patient_id"), "imported_rows", ["patient_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_imported_rows_patient_id"), table_name="imported_rows")
    op.drop_table("imported_rows")
    op.drop_column("patients", "first_visit_on")
