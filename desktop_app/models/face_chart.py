"""A treatment's face chart (面部注射图): where each product lot went, on a front face
diagram and the left and right profiles.

A mark is a point or a round area at normalised coordinates of its view's diagram (0..1
across and down), so the chart does not depend on how large it is drawn. Marks are never
updated: saving a chart replaces its set, and the replaced marks stay, stamped with
``replaced_at``, because nothing in the clinical record is hard-deleted.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, text_enum, utcnow


class ChartView(enum.StrEnum):
    FRONT = "front"
    LEFT = "left"  # the patient's left side: the nose points to the viewer's left
    RIGHT = "right"


class MarkKind(enum.StrEnum):
    POINT = "point"  # an injection point
    AREA = "area"  # a round area treated (fanning, a bolus spread, a thread's field)


class InjectionDepth(enum.StrEnum):
    INTRADERMAL = "intradermal"
    SUBDERMAL = "subdermal"
    SUBCUTANEOUS = "subcutaneous"
    SUPRAPERIOSTEAL = "supraperiosteal"
    INTRAMUSCULAR = "intramuscular"


class FaceChartMark(UUIDPrimaryKey, Base):
    __tablename__ = "face_chart_marks"
    __table_args__ = (
        sa.CheckConstraint("x >= 0 AND x <= 1 AND y >= 0 AND y <= 1", name="inside"),
        sa.CheckConstraint("radius >= 0 AND radius <= 0.5", name="radius"),
        sa.CheckConstraint("quantity > 0", name="quantity"),
    )

    treatment_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("treatments.id"), index=True)
    seq: Mapped[int] = mapped_column(sa.Integer)  # the number shown beside the mark, from 1
    view: Mapped[ChartView] = mapped_column(text_enum(ChartView, "chart_view", 10))
    kind: Mapped[MarkKind] = mapped_column(text_enum(MarkKind, "mark_kind", 10))
    x: Mapped[float] = mapped_column(sa.Float)
    y: Mapped[float] = mapped_column(sa.Float)
    radius: Mapped[float] = mapped_column(sa.Float, default=0.0)  # areas: share of the width
    # Lot recall looks marks up by lot, as it does the treatment's products.
    lot_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("product_lots.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    unit: Mapped[str] = mapped_column(sa.String(10))
    depth: Mapped[InjectionDepth] = mapped_column(text_enum(InjectionDepth, "injection_depth", 20))
    note: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    replaced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
