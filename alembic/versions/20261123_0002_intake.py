"""Intake: patient identity/contact/history fields, search keys, PIPL consents, channels.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CONSENT_KINDS = (
    "personal_info",
    "health_info",
    "photos_record",
    "photos_marketing",
    "contact_follow_up",
    "contact_marketing",
)
SEED_CHANNELS = ("抖音", "小红书", "大众点评", "美团", "朋友推荐", "老客转介绍", "自然到店", "其他")
TEXT_COLUMNS = ("interests", "allergies", "history_notes", "notes")


def upgrade() -> None:
    channels = op.create_table(
        "source_channels",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_source_channels_updated_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_channels")),
        sa.UniqueConstraint("name", name=op.f("uq_source_channels_name")),
    )
    now = datetime.now(UTC)
    if op.get_bind().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # stored naive UTC there (models.base.UTCDateTime)
    op.bulk_insert(
        channels,
        [
            {
                "id": uuid.uuid4(),
                "name": name,
                "sort_order": order,
                "active": True,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
            for order, name in enumerate(SEED_CHANNELS)
        ],
    )
    op.create_table(
        "patient_consents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                *CONSENT_KINDS,
                name="consent_kind",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("given_by", sa.String(length=10), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_patient_consents_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_patient_consents_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_consents")),
    )
    op.create_index(op.f("ix_patient_consents_patient_id"), "patient_consents", ["patient_id"])

    with op.batch_alter_table("patients") as batch:
        batch.add_column(sa.Column("id_type", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("id_unverified_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("region", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("source_channel", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("referrer_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("consultant_id", sa.Uuid(), nullable=True))
        for name in TEXT_COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("history_flags", sa.String(length=200), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("emergency_name", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("emergency_phone", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("guardian_name", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("guardian_relation", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("guardian_mobile", sa.String(length=32), nullable=True))
        batch.add_column(
            sa.Column("name_pinyin", sa.String(length=400), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("name_initials", sa.String(length=100), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("mobile_rev", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("id_rev", sa.String(length=32), nullable=True))
        batch.drop_index("ix_patients_id_number")
        batch.create_index("ix_patients_id_number", ["id_number"], unique=True)
        batch.drop_index("ix_patients_mobile")
        batch.create_index("ix_patients_mobile", ["mobile"], unique=True)
        batch.create_index("ix_patients_id_rev", ["id_rev"])
        batch.create_index("ix_patients_mobile_rev", ["mobile_rev"])
        batch.create_index("ix_patients_name_initials", ["name_initials"])
        batch.create_index("ix_patients_name_pinyin", ["name_pinyin"])
        batch.create_foreign_key(
            "fk_patients_consultant_id_staff", "staff", ["consultant_id"], ["id"]
        )
        batch.create_foreign_key(
            "fk_patients_referrer_id_patients", "patients", ["referrer_id"], ["id"]
        )
    _fill_search_keys()


def _fill_search_keys() -> None:
    """Patients registered before this revision get their pinyin and reversed keys."""
    from desktop_app.services.identity import name_keys

    patients = sa.table(
        "patients",
        sa.column("id", sa.Uuid()),
        sa.column("name", sa.String()),
        sa.column("mobile", sa.String()),
        sa.column("id_number", sa.String()),
        sa.column("name_pinyin", sa.String()),
        sa.column("name_initials", sa.String()),
        sa.column("mobile_rev", sa.String()),
        sa.column("id_rev", sa.String()),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(patients.c.id, patients.c.name, patients.c.mobile, patients.c.id_number)
    ).all()
    for row in rows:
        full, initials = name_keys(row.name)
        bind.execute(
            patients.update()
            .where(patients.c.id == row.id)
            .values(
                name_pinyin=full,
                name_initials=initials,
                mobile_rev=row.mobile[::-1] if row.mobile else None,
                id_rev=row.id_number[::-1] if row.id_number else None,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("patients") as batch:
        batch.drop_constraint("fk_patients_referrer_id_patients", type_="foreignkey")
        batch.drop_constraint("fk_patients_consultant_id_staff", type_="foreignkey")
        for index in ("name_pinyin", "name_initials", "mobile_rev", "id_rev"):
            batch.drop_index(f"ix_patients_{index}")
        batch.drop_index("ix_patients_mobile")
        batch.create_index("ix_patients_mobile", ["mobile"])
        batch.drop_index("ix_patients_id_number")
        batch.create_index("ix_patients_id_number", ["id_number"])
        for column in (
            "id_rev",
            "mobile_rev",
            "name_initials",
            "name_pinyin",
            "guardian_mobile",
            "guardian_relation",
            "guardian_name",
            "emergency_phone",
            "emergency_name",
            "history_flags",
            *TEXT_COLUMNS,
            "consultant_id",
            "referrer_id",
            "source_channel",
            "region",
            "id_unverified_reason",
            "id_type",
        ):
            batch.drop_column(column)
    op.drop_index(op.f("ix_patient_consents_patient_id"), table_name="patient_consents")
    op.drop_table("patient_consents")
    op.drop_table("source_channels")
