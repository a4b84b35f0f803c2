"""Search indexes: name prefix, name suffixes for "contains", code-point order on PostgreSQL.

Patient search must stay instant at 200,000 patients (issue 4). Every way of matching
becomes a range over a B-tree index: a name prefix (new index on ``name``), pinyin,
initials, mobile/ID tails (reversed), and "name contains", through a new table of each
name's endings (``patient_name_suffixes``) instead of a full scan.

On PostgreSQL the name and the search keys get the "C" collation, so that those ranges
can use plain indexes (also in prepared statements) and compare by code point exactly as
SQLite does; ordering Chinese names by any collation was never meaningful (sort by pinyin).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Column and length of each patients column compared by code point on PostgreSQL.
SEARCH_KEYS = (
    ("name", 100, False),
    ("name_pinyin", 400, False),
    ("name_initials", 100, False),
    ("mobile_rev", 32, True),
    ("id_rev", 32, True),
)
BATCH = 5_000


def upgrade() -> None:
    op.create_table(
        "patient_name_suffixes",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column(
            "suffix",
            sa.String(length=100).with_variant(sa.String(length=100, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_patient_name_suffixes_patient_id_patients"),
        ),
        sa.PrimaryKeyConstraint("patient_id", "suffix", name=op.f("pk_patient_name_suffixes")),
    )
    op.create_index(
        "ix_patient_name_suffixes_suffix", "patient_name_suffixes", ["suffix", "patient_id"]
    )
    _set_collation("C")
    op.create_index(op.f("ix_patients_name"), "patients", ["name"])
    _fill_suffixes()


def _set_collation(collation: str | None) -> None:
    """PostgreSQL only; SQLite compares by code point already. Indexes are rebuilt."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for column, length, nullable in SEARCH_KEYS:
        op.alter_column(
            "patients",
            column,
            type_=sa.String(length=length, collation=collation),
            existing_type=sa.String(length=length),
            existing_nullable=nullable,
        )


def _fill_suffixes() -> None:
    """Patients registered before this revision get their name suffixes."""
    from desktop_app.models.patient import name_suffixes

    patients = sa.table("patients", sa.column("id", sa.Uuid()), sa.column("name", sa.String()))
    suffixes = sa.table(
        "patient_name_suffixes",
        sa.column("patient_id", sa.Uuid()),
        sa.column("suffix", sa.String()),
    )
    bind = op.get_bind()
    result = bind.execute(sa.select(patients.c.id, patients.c.name))
    while rows := result.fetchmany(BATCH):
        values = [
            {"patient_id": id_, "suffix": suffix}
            for id_, name in rows
            for suffix in name_suffixes(name)
        ]
        if values:
            bind.execute(suffixes.insert(), values)


def downgrade() -> None:
    op.drop_index(op.f("ix_patients_name"), table_name="patients")
    _set_collation(None)
    op.drop_index("ix_patient_name_suffixes_suffix", table_name="patient_name_suffixes")
    op.drop_table("patient_name_suffixes")
