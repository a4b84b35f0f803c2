"""The report charts' value axes print their ticks truthfully (the Reports page, issue 12)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.report_charts import bar_chart, line_chart


def ticks(chart) -> list[float]:
    (axis,) = chart.axes(Qt.Orientation.Vertical)
    step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    return [axis.min() + step * index for index in range(axis.tickCount())]


@pytest.mark.parametrize("top", [3, 19, 312, 4_861])
def test_count_axes_tick_on_whole_numbers_and_reach_the_highest_bar(qapp, top):
    """With "%d" labels, a tick at 4.75 would read "4": every tick is a whole number."""
    for chart in (
        bar_chart("t", ["a", "b"], [("n", [top, 1])]),
        bar_chart("t", ["a", "b"], [("n", [top - 1, 1]), ("m", [1, 0])], stacked=True),
        line_chart("t", ["2026-01", "2026-02"], [("n", [top, 1])]),
    ):
        marks = ticks(chart)
        assert all(mark == int(mark) for mark in marks), marks
        assert marks[0] == 0 and marks[-1] >= top


def test_money_axes_tick_on_round_amounts(qapp):
    marks = ticks(bar_chart("t", ["a"], [("value", [12_760_821.67])], whole=False))
    assert marks[-1] >= 12_760_821.67
    assert all(mark % 1_000_000 == 0 for mark in marks), marks
