"""The consultant's notes for a visit (咨询)."""

from __future__ import annotations

import enum
import uuid
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UUIDPrimaryKey, Versioned, text_enum
from desktop_app.models.catalogue import MONEY


class Outcome(enum.StrEnum):
    DEAL = "deal"
    THINKING = "thinking"  # thinking it over
    LEFT = "left"


class NoDealReason(enum.StrEnum):
    PRICE = "price"
    FEAR = "fear"  # of pain or risk
    COMPARE = "compare"  # wants to compare clinics
    FAMILY = "family"  # needs to ask family
    NOT_SUITABLE = "not_suitable"
    OTHER = "other"


class Consultation(UUIDPrimaryKey, Versioned, Base):
    """Edited in place by its author while the visit is open; afterwards a correction is a
    new row whose ``replaces_id`` points at the old one, which is kept and marked replaced."""

    __tablename__ = "consultations"
    __table_args__ = (
        # what the staff report counts of a period's consultations, from the index alone
        sa.Index(
            "ix_consultations_visit_id",
            "visit_id",
            "replaced",
            "author_id",
            "outcome",
            "patient_id",
        ),
    )

    visit_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("visits.id"))
    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"), index=True)
    author_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("staff.id"))
    wishes: Mapped[str] = mapped_column(sa.Text, default="")
    concerns: Mapped[str] = mapped_column(sa.Text, default="")
    areas: Mapped[str] = mapped_column(sa.String(300), default="")  # comma-separated codes
    items: Mapped[str] = mapped_column(sa.String(600), default="")  # catalogue names, commas
    budget_min: Mapped[Decimal | None] = mapped_column(MONEY)
    budget_max: Mapped[Decimal | None] = mapped_column(MONEY)
    quote: Mapped[Decimal | None] = mapped_column(MONEY)
    outcome: Mapped[Outcome | None] = mapped_column(text_enum(Outcome, "outcome", 20))
    no_deal_reason: Mapped[NoDealReason | None] = mapped_column(
        text_enum(NoDealReason, "no_deal_reason", 20)
    )
    reason_note: Mapped[str] = mapped_column(sa.Text, default="")
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("consultations.id"))
    replaced: Mapped[bool] = mapped_column(sa.Boolean, default=False)
