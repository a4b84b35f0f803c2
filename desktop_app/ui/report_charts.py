"""The Reports page's chart builders (QtCharts): grouped or stacked bars for counts by
category, lines for counts over time (months), and a pie for the shares of one whole (RFM
segments, sex)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt


def bar_chart(
    title: str,
    categories: Sequence[str],
    bars: Sequence[tuple[str, Sequence[float]]],
    *,
    stacked: bool = False,
    whole: bool = True,
    horizontal: bool = False,
) -> QChart:
    """Bars: one set per entry of ``bars`` (its name, a value per category), side by side
    or ``stacked`` (the parts of each category's total); ``horizontal`` for long names
    (tags, items) that would be cut short under the bars. ``whole``: counts, no fractions."""
    chart = QChart()
    chart.setTitle(title)
    if horizontal:
        series: QBarSeries | QStackedBarSeries | QHorizontalBarSeries = QHorizontalBarSeries()
    else:
        series = QStackedBarSeries() if stacked else QBarSeries()
    for name, values in bars:
        bar_set = QBarSet(name)
        bar_set.append([float(value) for value in values])
        series.append(bar_set)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([html.escape(name) for name in categories])  # labels are rich text: "<1000"
    left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
    chart.addAxis(axis_x, left if horizontal else bottom)
    series.attachAxis(axis_x)
    if stacked:
        top = max((sum(parts) for parts in zip(*(v for _n, v in bars), strict=True)), default=0)
    else:
        top = max((value for _name, values in bars for value in values), default=0)
    axis_y = _value_axis(top, whole)
    chart.addAxis(axis_y, bottom if horizontal else left)
    series.attachAxis(axis_y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setVisible(len(bars) > 1 or stacked)
    return chart


def line_chart(
    title: str, categories: Sequence[str], lines: Sequence[tuple[str, Sequence[float]]]
) -> QChart:
    """Lines over time: one per entry of ``lines`` (its name, a value per category, the
    categories in order — months), each point marked so a single month still shows."""
    chart = QChart()
    chart.setTitle(title)
    axis_x = QBarCategoryAxis()
    axis_x.append([html.escape(name) for name in categories])
    if len(categories) > 6:  # "2026-03" side by side: cut short from about seven months on
        axis_x.setLabelsAngle(-90)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    top = max((value for _name, values in lines for value in values), default=0)
    axis_y = _value_axis(top + 1, whole=True)  # the highest point clear of the frame
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for name, values in lines:
        series = QLineSeries()
        series.setName(name)
        series.setPointsVisible(True)
        for index, value in enumerate(values):  # a category axis counts its labels 0, 1, …
            series.append(float(index), float(value))
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setVisible(len(lines) > 1)
    return chart


def _value_axis(top: float, whole: bool) -> QValueAxis:
    """From 0 to the largest value; ``whole``: counts, no fractions."""
    axis = QValueAxis()
    axis.setLabelFormat("%d" if whole else "%.1f")
    axis.setRange(0, max(1, float(top)))
    if whole and top < 10:  # whole patients: no 0.5 ticks on a small clinic's axis
        axis.setTickCount(int(max(1, top)) + 1)
    else:  # ticks at 0, 5, 10 … 20, not 0, 4.75, 9.5 … 19 printed as "4", "9"
        axis.applyNiceNumbers()
    return axis


def pie_chart(title: str, slices: Sequence[tuple[str, float]]) -> QChart:
    """A pie of the non-empty ``slices`` (label, value); the legend gives each its share
    (labels on the slices overlap and get cut short on a narrow chart)."""
    chart = QChart()
    chart.setTitle(title)
    series = QPieSeries()
    total = sum(value for _label, value in slices)
    for label, value in slices:
        if value > 0:
            series.append(f"{label} {value / total:.0%}", float(value))
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart
