"""The signature pad, driven as a signer would: mouse drags, a pen tablet's events and a
finger on a touch screen, then the dialog's buttons and shortcuts."""

from __future__ import annotations

import itertools
import json
import math

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt, QTranslator
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.services.document_pdf import PAD_ASPECT
from desktop_app.ui.signature_pad import MIN_STEP, SignatureDialog, SignaturePad, ask_signature

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def dialog(qtbot) -> SignatureDialog:
    dialog = SignatureDialog("patient", "张三丰")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def at(pad: SignaturePad, x: float, y: float) -> QPoint:
    """The widget pixel at (x, y) in 0..1 of the pad's drawing area (may lie outside it)."""
    rect = pad.pad_rect()
    return QPoint(round(rect.x() + x * rect.width()), round(rect.y() + y * rect.height()))


def drag(qtbot, pad: SignaturePad, points: list[tuple[float, float]]) -> None:
    qtbot.mousePress(pad, LEFT, pos=at(pad, *points[0]))
    for point in points[1:]:
        qtbot.mouseMove(pad, at(pad, *point))
    qtbot.mouseRelease(pad, LEFT, pos=at(pad, *points[-1]))


def line(start: tuple[float, float], end: tuple[float, float], steps: int = 8):
    return [
        (start[0] + (end[0] - start[0]) * n / steps, start[1] + (end[1] - start[1]) * n / steps)
        for n in range(steps + 1)
    ]


def in_unit_square(strokes) -> bool:
    return all(0 <= x <= 1 and 0 <= y <= 1 for stroke in strokes for x, y in stroke)


def test_a_mouse_drag_is_one_stroke_in_pad_units_with_y_down(qtbot, dialog) -> None:
    pad = dialog.pad
    assert pad.is_empty() and not dialog.accept_button.isEnabled()
    with qtbot.waitSignal(pad.changed):
        drag(qtbot, pad, [(0.2, 0.2), (0.22, 0.4), (0.25, 0.55), (0.27, 0.7), (0.3, 0.85)])
    (stroke,) = pad.strokes()
    assert len(stroke) >= 2 and in_unit_square(pad.strokes())
    assert stroke[0] == pytest.approx((0.2, 0.2), abs=0.01)
    assert stroke[-1] == pytest.approx((0.3, 0.85), abs=0.01)
    ys = [y for _, y in stroke]
    assert ys == sorted(ys)  # dragged down: y grows
    assert all(round(v, 4) == v for point in stroke for v in point)
    assert dialog.accept_button.isEnabled() and dialog.accept_button.isDefault()


def test_two_drags_are_two_strokes_and_undo_takes_back_the_last(qtbot, dialog) -> None:
    pad = dialog.pad
    drag(qtbot, pad, line((0.1, 0.5), (0.4, 0.6)))
    drag(qtbot, pad, line((0.5, 0.3), (0.8, 0.7)))
    first, second = pad.strokes()
    assert first[0] == pytest.approx((0.1, 0.5), abs=0.01)
    assert second[0] == pytest.approx((0.5, 0.3), abs=0.01)
    qtbot.mouseClick(dialog.undo_button, LEFT)
    assert pad.strokes() == (first,)
    QTest.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pad.is_empty()
    assert not dialog.accept_button.isEnabled() and not dialog.undo_button.isEnabled()


@pytest.mark.parametrize(
    "keys",
    [None, (Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_Delete,)],
)
def test_clear_empties_the_pad_and_disables_accept(qtbot, dialog, keys) -> None:
    pad = dialog.pad
    drag(qtbot, pad, line((0.1, 0.5), (0.4, 0.6)))
    drag(qtbot, pad, line((0.5, 0.3), (0.8, 0.7)))
    assert dialog.accept_button.isEnabled()
    with qtbot.waitSignal(pad.changed):
        if keys is None:
            qtbot.mouseClick(dialog.clear_button, LEFT)
        else:
            QTest.keyClick(dialog, *keys)
    assert pad.is_empty() and pad.strokes() == ()
    assert not dialog.accept_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # Enter on an empty pad signs nothing
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted


def test_a_pen_tablet_draws_and_its_events_are_accepted(qtbot, dialog) -> None:
    pad = dialog.pad
    pen = QPointingDevice(
        "test pen", 42, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2,
    )  # fmt: skip
    sequence = [(QEvent.Type.TabletMove, (0.1, 0.1), 0.0)]  # hovering: no ink
    sequence += [(QEvent.Type.TabletPress, (0.2, 0.3), 0.4)]
    sequence += [(QEvent.Type.TabletMove, p, 0.6) for p in line((0.2, 0.3), (0.6, 0.75))[1:]]
    sequence += [(QEvent.Type.TabletRelease, (0.6, 0.75), 0.0)]
    for kind, point, pressure in sequence:
        position = QPointF(at(pad, *point))
        buttons = Qt.MouseButton.NoButton if pressure == 0 else LEFT
        event = QTabletEvent(
            kind, pen, position, QPointF(pad.mapToGlobal(position)), pressure, 0.0, 0.0, 0.0,
            0.0, 0.0, Qt.KeyboardModifier.NoModifier, LEFT, buttons,
        )  # fmt: skip
        event.setAccepted(False)
        QApplication.sendEvent(pad, event)
        if buttons != Qt.MouseButton.NoButton or kind != QEvent.Type.TabletMove:
            assert event.isAccepted()  # so Qt does not repeat the pen as a mouse
        if kind == QEvent.Type.TabletPress:  # a mouse meanwhile is not a second stroke
            qtbot.mousePress(pad, LEFT, pos=at(pad, 0.9, 0.1))
            qtbot.mouseRelease(pad, LEFT, pos=at(pad, 0.9, 0.1))
    (stroke,) = pad.strokes()
    assert stroke[0] == pytest.approx((0.2, 0.3), abs=0.01)
    assert stroke[-1] == pytest.approx((0.6, 0.75), abs=0.01)
    assert dialog.accept_button.isEnabled()


def test_one_finger_on_a_touch_screen_draws(qtbot, dialog) -> None:
    """Through the window, as the platform delivers touches (PySide's widget overload of
    QTest.touchEvent sends nothing)."""
    pad, window = dialog.pad, dialog.windowHandle()
    screen = QTest.createTouchDevice()

    def on_window(x: float, y: float) -> QPoint:
        return pad.mapTo(dialog, at(pad, x, y))

    assert pad.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    QTest.touchEvent(window, screen).press(0, on_window(0.3, 0.2)).commit()
    # a second finger put down meanwhile neither draws nor stops the first
    QTest.touchEvent(window, screen).stationary(0).press(1, on_window(0.9, 0.9)).commit()
    for x, y in line((0.3, 0.2), (0.7, 0.8))[1:]:
        QTest.touchEvent(window, screen).move(0, on_window(x, y)).stationary(1).commit()
    QTest.touchEvent(window, screen).release(0, on_window(0.7, 0.8)).stationary(1).commit()
    QTest.touchEvent(window, screen).release(1, on_window(0.9, 0.9)).commit()
    (stroke,) = pad.strokes()
    assert len(stroke) >= 2
    assert stroke[0] == pytest.approx((0.3, 0.2), abs=0.01)
    assert stroke[-1] == pytest.approx((0.7, 0.8), abs=0.01)
    assert dialog.accept_button.isEnabled()


def test_points_dragged_outside_the_pad_are_clamped(qtbot, dialog) -> None:
    pad = dialog.pad
    drag(qtbot, pad, [(0.5, 0.5), (0.8, 0.3), (1.3, -0.4), (0.9, 1.6), (-0.3, 1.2)])
    (stroke,) = pad.strokes()
    assert in_unit_square(pad.strokes())
    assert stroke[2:] == ((1.0, 0.0), (0.9, 1.0), (0.0, 1.0))


def test_a_tap_is_a_one_point_stroke(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.pad, LEFT, pos=at(dialog.pad, 0.75, 0.25))
    (stroke,) = dialog.pad.strokes()
    assert stroke == (pytest.approx((0.75, 0.25), abs=0.01),)


def test_a_long_signature_stays_a_few_kilobytes(qtbot, dialog) -> None:
    """A pixel-by-pixel scribble: close points dropped, straight runs simplified."""
    pad = dialog.pad
    steps = 1500
    points = [
        (0.05 + 0.6 * t + 0.03 * math.cos(40 * t), 0.7 - 0.3 * abs(math.sin(20 * t)))
        for t in (n / steps for n in range(steps + 1))
    ]
    drag(qtbot, pad, points)
    (stroke,) = pad.strokes()
    assert 20 < len(stroke) < 400
    gaps = [math.dist(a, b) for a, b in itertools.pairwise(stroke)]
    assert min(gaps) >= MIN_STEP - 1e-9
    assert len(json.dumps(pad.strokes())) < 8000


def test_the_pad_keeps_its_aspect_ratio_and_room_for_a_finger(qtbot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    assert pad.minimumWidth() >= 600 and pad.minimumHeight() >= 600 / PAD_ASPECT - 1
    for width, height in ((900, 200), (600, 400)):
        pad.resize(width, height)
        rect = pad.pad_rect()
        assert rect.width() / rect.height() == pytest.approx(PAD_ASPECT)
        assert rect.width() == pytest.approx(min(width, height * PAD_ASPECT))
        assert pad.rect().toRectF().contains(rect)


def test_accept_returns_the_strokes_and_cancel_none(qtbot, dialog) -> None:
    drag(qtbot, dialog.pad, line((0.1, 0.6), (0.9, 0.4)))
    drawn = dialog.pad.strokes()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.accept_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.strokes() == drawn

    other = SignatureDialog("doctor", "王医生")
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    drag(qtbot, other.pad, line((0.1, 0.6), (0.9, 0.4)))
    with qtbot.waitSignal(other.rejected):
        QTest.keyClick(other, Qt.Key.Key_Escape)
    assert other.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize("accepted", [True, False])
def test_ask_signature_gives_the_strokes_or_none(qtbot, monkeypatch, accepted) -> None:
    def sign(self: SignatureDialog) -> int:
        self.show()
        drag(qtbot, self.pad, line((0.2, 0.5), (0.7, 0.5)))
        (self.accept if accepted else self.reject)()
        return self.result()

    monkeypatch.setattr(SignatureDialog, "exec", sign)
    strokes = ask_signature(None, "guardian", "李四")
    if accepted:
        assert strokes is not None and len(strokes) == 1 and in_unit_square(strokes)
    else:
        assert strokes is None


def test_the_heading_names_the_signer_in_translated_words(qtbot) -> None:
    class Catalogue(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            words = {"Patient: {name}": "患者：{name}", "Guardian: {name}": "监护人：{name}"}
            return words.get(source, "") if context == "SignatureDialog" else ""

        def isEmpty(self) -> bool:
            return False

    catalogue = Catalogue()
    QCoreApplication.installTranslator(catalogue)
    try:
        patient = SignatureDialog("patient", "张三丰")
        guardian = SignatureDialog("guardian", "李四")
    finally:
        QCoreApplication.removeTranslator(catalogue)
    qtbot.addWidget(patient)
    qtbot.addWidget(guardian)
    assert patient.heading.text() == "患者：张三丰"
    assert guardian.heading.text() == "监护人：李四"
    doctor = SignatureDialog("doctor", "王医生")
    qtbot.addWidget(doctor)
    assert doctor.heading.text() == "Doctor: 王医生"
    with pytest.raises(ValueError):
        SignatureDialog("witness", "赵六")
