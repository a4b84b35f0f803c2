"""Catalogue items that need a "before" photo of the day for the pre-treatment gate.

Existing items get False: a clinic decides which of its items require photos (a new
clinic's shipped items are marked at first run, services/setup.py).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


# A plain ALTER TABLE on both backends: SQLite adds (and, from 3.35, drops) a column in
# place, whereas a batch copy would drop treatment_items, which foreign keys refer to.


def upgrade() -> None:
    op.add_column(
        "treatment_items",
        sa.Column(
            "before_photos_required", sa.Boolean(), server_default=sa.false(), nullable=False
        ),
    )


def downgrade() -> None:
    op.drop_column("treatment_items", "before_photos_required")
