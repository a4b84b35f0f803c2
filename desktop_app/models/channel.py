"""Where patients come from (抖音, 小红书 …): a list each clinic edits."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UUIDPrimaryKey, Versioned


class SourceChannel(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "source_channels"

    name: Mapped[str] = mapped_column(sa.String(40), unique=True)
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
