"""Face charts outside the editor: the timeline's thumbnails, the entry detail's picture
and mark list, and the words for views, depths and the chart's validation errors."""

from __future__ import annotations

import base64
import html
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QFontMetrics, QGuiApplication, QImage, QPixmap

from desktop_app.models import ChartView, InjectionDepth
from desktop_app.services import face_charts
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.timeline import Entry, EntryKind
from desktop_app.ui import face_diagram
from desktop_app.ui.messages import validation_text

if TYPE_CHECKING:
    from desktop_app.services.face_charts import MarkDraft
    from desktop_app.ui.patient_page import TimelineModel
    from desktop_app.ui.tasks import Runner

VIEW_NAMES = {
    ChartView.FRONT: QT_TRANSLATE_NOOP("FaceChart", "Front"),
    ChartView.LEFT: QT_TRANSLATE_NOOP("FaceChart", "Left side"),
    ChartView.RIGHT: QT_TRANSLATE_NOOP("FaceChart", "Right side"),
}
DEPTH_NAMES = {
    InjectionDepth.INTRADERMAL: QT_TRANSLATE_NOOP("FaceChart", "Intradermal"),
    InjectionDepth.SUBDERMAL: QT_TRANSLATE_NOOP("FaceChart", "Subdermal"),
    InjectionDepth.SUBCUTANEOUS: QT_TRANSLATE_NOOP("FaceChart", "Subcutaneous"),
    InjectionDepth.SUPRAPERIOSTEAL: QT_TRANSLATE_NOOP("FaceChart", "Supraperiosteal"),
    InjectionDepth.INTRAMUSCULAR: QT_TRANSLATE_NOOP("FaceChart", "Intramuscular"),
}


def t(text: str) -> str:
    return QCoreApplication.translate("FaceChart", text)


def view_name(view: ChartView) -> str:
    return t(VIEW_NAMES[view])


def depth_name(depth: InjectionDepth) -> str:
    return t(DEPTH_NAMES[depth])


def error_text(exc: ValidationError) -> str:
    """A chart's ValidationError in the user's language (its mark number in params)."""
    texts = {
        "lot_expired": QT_TRANSLATE_NOOP("FaceChart", "Mark {mark}: lot {lot} expired on {date}."),
        "lot_not_recorded": QT_TRANSLATE_NOOP(
            "FaceChart",
            "Mark {mark} uses lot {lot}, which is not among the products used. "
            "Add it to the products first.",
        ),
        "lot_expiry_mismatch": QT_TRANSLATE_NOOP(
            "FaceChart", "Mark {mark}: this lot is registered as expiring {expires_on}."
        ),
        "unit_mismatch": QT_TRANSLATE_NOOP("FaceChart", "Mark {mark}: this lot is used in {unit}."),
        "more_than_recorded": QT_TRANSLATE_NOOP(
            "FaceChart",
            "The marks use {marked} {unit} of lot {lot}, but {recorded} {unit} was recorded.",
        ),
        "mark_quantity": QT_TRANSLATE_NOOP(
            "FaceChart", "Mark {mark} needs its quantity, e.g. 0.1 or 4."
        ),
        "outside": QT_TRANSLATE_NOOP("FaceChart", "Mark {mark} is outside the diagram."),
        "lot_required": QT_TRANSLATE_NOOP(
            "FaceChart", "Mark {mark} needs a product lot: record the products used first."
        ),
        "too_many": QT_TRANSLATE_NOOP("FaceChart", "At most {max} marks."),
        "invalid": QT_TRANSLATE_NOOP("FaceChart", "Mark {mark} is not valid."),
        "too_long": QT_TRANSLATE_NOOP(
            "FaceChart", "Mark {mark}: the note is too long (at most {max} characters)."
        ),
    }
    template = texts.get(exc.code)
    if template is None or (exc.code != "too_many" and "mark" not in exc.params):
        return validation_text(exc.code, exc.params, exc.message)
    return t(template).format(**exc.params)


def thumbnail(marks: Sequence[MarkDraft], height: int, ratio: float = 1.0) -> QImage:
    """One small diagram, the view with the most marks, dots without numbers."""
    views = list(ChartView)
    best = max(views, key=lambda v: (sum(m.view is v for m in marks), -views.index(v)))
    return face_diagram.chart_image(marks, height, views=[best], numbers=False, ratio=ratio)


class ChartThumbnails(QObject):
    """Shows a treatment's chart as a small picture on its timeline line.

    Every line gets a picture of the same size (a blank one where there is no chart), so
    the lines stay aligned and the list's uniform row height holds. The marks of each
    page's treatments are read in one statement on the Runner."""

    def __init__(self, model: TimelineModel, runner: Runner) -> None:
        super().__init__(model)
        self.model, self.runner = model, runner
        self.pictures: dict[uuid.UUID, QPixmap] = {}
        self._blank: QPixmap | None = None
        model.decorate = self.decoration
        model.rowsInserted.connect(self._added)
        model.modelReset.connect(self.pictures.clear)

    def _size(self) -> tuple[int, float]:
        app = QGuiApplication.instance()
        ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
        return max(18, QFontMetrics(QGuiApplication.font()).height() + 2), ratio

    def decoration(self, entry: Entry) -> QPixmap:
        if entry.id in self.pictures:
            return self.pictures[entry.id]
        if self._blank is None:
            height, ratio = self._size()
            width = round(height * face_diagram.WIDTH / face_diagram.HEIGHT)
            self._blank = QPixmap(round(width * ratio), round(height * ratio))
            self._blank.setDevicePixelRatio(ratio)
            self._blank.fill(Qt.GlobalColor.transparent)
        return self._blank

    def _added(self, _parent: QModelIndex, first: int, last: int) -> None:
        source = self.model.source
        if source is None:
            return
        database, actor = source[0], source[1]
        if not allowed(actor, Permission.VIEW_TREATMENT):
            return
        ids = [e.id for e in self.model.entries[first : last + 1] if e.kind == EntryKind.TREATMENT]
        if ids:
            self.runner.run(
                lambda: face_charts.sketches(database, actor, ids), self._arrived, _ignore
            )

    def _arrived(self, found: dict[uuid.UUID, tuple[MarkDraft, ...]]) -> None:
        height, ratio = self._size()
        for treatment_id, marks in found.items():
            self.pictures[treatment_id] = QPixmap.fromImage(thumbnail(marks, height, ratio))
        for row, entry in enumerate(self.model.entries):
            if entry.id in found:
                index = self.model.index(row)
                self.model.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def _ignore(_exc: BaseException) -> None:
    """A thumbnail that cannot be read is left out; the timeline reports its own errors."""


def detail_html(marks: Sequence[MarkDraft]) -> str:
    """The chart under a treatment's detail: its views, then one line per mark."""
    if not marks:
        return ""
    height = 170
    image = face_diagram.chart_image(marks, height, ratio=2.0)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    encoded = base64.b64encode(bytes(data.data())).decode("ascii")
    width = round(image.width() / 2)
    colours = face_diagram.lot_colours([face_diagram.mark_key(m) for m in marks])
    rows = "".join(
        "<tr><td style='color:{colour}'>●&nbsp;{n}</td><td>{view}</td><td>{what}</td>"
        "<td>{quantity}</td><td>{depth}</td><td>{note}</td></tr>".format(
            colour=colours[face_diagram.mark_key(m)].name(),
            n=n,
            view=html.escape(view_name(m.view)),
            what=html.escape(f"{m.product} {m.lot_number}"),
            quantity=html.escape(f"{m.quantity} {m.unit}"),
            depth=html.escape(depth_name(m.depth)),
            note=html.escape(m.note),
        )
        for n, m in enumerate(marks, 1)
    )
    title = html.escape(QCoreApplication.translate("FaceChart", "Face chart"))
    return (
        f"<p><b>{title}</b></p>"
        f"<p><img src='data:image/png;base64,{encoded}' width='{width}' height='{height}'></p>"
        f"<table cellspacing='4'>{rows}</table>"
    )
