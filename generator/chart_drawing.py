"""Charts as vector drawings (reportlab graphics), shared by the brief and the slides PDF.

Neutral: it knows a chart of the model and a ``ChartLook`` of plain values, nothing of
either document. Both PDF builders draw their charts here, so a chart reads the same in
the brief and on a slide.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from .model import Chart
from .text import plain

if TYPE_CHECKING:  # reportlab.graphics is imported only when a document has a chart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing

BASE_PT = 7
"""The type size the chart's spacing was drawn for; larger type scales the spacing with it."""
LEGEND_ROW = 14
"""Height of the legend band above a chart with several series, in points at ``BASE_PT``."""
DOUGHNUT_LABEL_RADIUS = 1.25
"""Where a doughnut's labels sit, as a multiple of its radius."""


@dataclass(frozen=True)
class ChartLook:
    """How a chart is drawn: its registered font, type size and '#RRGGBB' colours.

    ``grid`` colours the value grid lines, ``muted`` the axes and the unit, ``background``
    the gaps between pie slices; ``series`` are used in turn. With ``legend_below`` the
    legend is centred under the chart and a pie's slices are named there (labels show the
    values only), as the deck's native charts are drawn; otherwise it sits at the top right
    and a pie names each slice beside it.
    """

    font: str
    size: float
    text: str
    muted: str
    grid: str
    background: str
    series: tuple[str, ...]
    legend_below: bool = False

    @property
    def unit(self) -> float:
        """How much larger than ``BASE_PT`` the type is: spacing grows with it."""
        return self.size / BASE_PT

    def colour(self, name: str) -> colors.Color:
        """Return the reportlab colour of the look's field ``name``."""
        return colors.HexColor(getattr(self, name))

    def series_colour(self, i: int) -> colors.Color:
        """Return the colour of the ``i``-th series (or slice)."""
        return colors.HexColor(self.series[i % len(self.series)])


def formatter(number_format: str | None, values: list[float]) -> Callable[[float | None], str]:
    """Return a function that shows a value as the chart's number format asks ('' for a gap).

    See ``_format`` for the formats understood.
    """
    show = _format(number_format, values)
    return lambda v: "" if v is None else show(v)


def _format(number_format: str | None, values: list[float]) -> Callable[[float], str]:
    """Return a function that shows a value as the chart's number format asks.

    Understands the common Excel formats: '0', '0.0', '#,##0.00', '0%' and '0.0%'; without
    one, whole numbers show whole and others with up to two decimals.
    """
    if number_format:
        point = re.search(r"\.(0*)", number_format)
        decimals = len(point.group(1)) if point else 0
        thousands = "," if "," in number_format else ""
        if "%" in number_format:
            return lambda v: f"{v * 100:{thousands}.{decimals}f}%"
        return lambda v: f"{v:{thousands}.{decimals}f}"
    whole = all(v is None or float(v).is_integer() for v in values)
    if whole:
        return lambda v: f"{v:,.0f}"
    return lambda v: f"{v:,.2f}".rstrip("0").rstrip(".")


def _axis_formatter(number_format: str | None) -> Callable[[float], str]:
    """Return the tick label format: the data's percent scaling, no forced decimals."""
    scale, suffix = (100, "%") if number_format and "%" in number_format else (1, "")

    def show(v: float) -> str:
        v = 0.0 if abs(v) < 1e-9 else v * scale
        return f"{v:,.2f}".rstrip("0").rstrip(".") + suffix

    return show


def drawing(look: ChartLook, chart: Chart, width: float, height: float) -> Drawing:
    """Return ``chart`` drawn as vector graphics, ``width`` by ``height`` points."""
    if chart.type in ("pie", "doughnut"):
        return _pie(look, chart, width, height)
    return _xy(look, chart, width, height)


def _canvas(look: ChartLook, width: float, height: float) -> Drawing:
    """Return an empty drawing whose text defaults to the look's font, never Helvetica."""
    from reportlab.graphics.shapes import Drawing

    d = Drawing(width, height)
    d.initialFontName = look.font
    return d


def chart_values(chart: Chart) -> list[float]:
    """Return every value of ``chart``'s series, gaps left out."""
    return [v for s in chart.series for v in s.values if v is not None]


def _xy(look: ChartLook, chart: Chart, width: float, height: float) -> Drawing:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import String
    from reportlab.graphics.widgets.markers import makeMarker

    font, size, u = look.font, look.size, look.unit
    fmt = formatter(chart.number_format, chart_values(chart))
    d = _canvas(look, width, height)
    cats = [plain(c) for c in chart.categories]
    several = len(chart.series) > 1
    above = several and not look.legend_below
    below = LEGEND_ROW * u if several and look.legend_below else 0.0
    top = height - ((LEGEND_ROW + 6) * u if above else 6 * u) - size * 2
    if chart.type == "bar":
        plot = HorizontalBarChart()
        label_w = max(stringWidth(c, font, size) for c in cats)
        plot.x = min(label_w + 10 * u, width * 0.35)
        plot.y = 18 * u + below
        plot.width = width - plot.x - 40 * u
        plot.height = top - plot.y
        plot.categoryAxis.reverseDirection = 1
    elif chart.type == "column":
        plot = VerticalBarChart()
    else:
        plot = HorizontalLineChart()
    if chart.type != "bar":
        plot.x, plot.y = 36 * u, 30 * u + below
        plot.width, plot.height = width - plot.x - 10 * u, top - plot.y
    plot.categoryAxis.categoryNames = cats
    _style_axes(plot, look)
    values = chart_values(chart)
    if chart.type != "line":
        plot.data = [tuple(series.values) for series in chart.series]
        plot.valueAxis.valueMin = min([0.0, *values])
    else:
        segments = line_segments(chart)
        plot.data = [row for _, row in segments]
        if values:
            low, high = min(values), max(values)
            span = (high - low) or abs(high) or 1.0
            # room under the lowest line for labels set below it (see _separate_line_labels)
            room = 0.65 if several else 0.45
            plot.valueAxis.valueMin = (max(0.0, low - room * span) if low >= 0
                                       else low - room * span)
            plot.valueAxis.valueMax = high + 0.15 * span
    plot.valueAxis.labelTextFormat = _axis_formatter(chart.number_format)
    if chart.type == "line":
        plot.joinedLines = 1
        # Labels by position in each drawn row: reportlab numbers a row's points without its
        # gaps, so a label looked up by category would be shifted after a gap.
        plot.lineLabelFormat = "values"
        plot.lineLabelArray = [[fmt(v) for v in row if v is not None] for _, row in segments]
        plot.lineLabels.fontName = font
        plot.lineLabels.fontSize = size - 0.5
        plot.lineLabels.fillColor = look.colour("text")
        plot.lineLabelNudge = plot.lineLabelNudge * u
        for r, (i, _) in enumerate(segments):
            plot.lines[r].strokeColor = look.series_colour(i)
            plot.lines[r].strokeWidth = 2 * u
            plot.lines[r].symbol = makeMarker("FilledCircle", size=4 * u,
                                              fillColor=look.series_colour(i))
        _separate_line_labels(plot, look, chart, segments)
    else:
        plot.barLabelFormat = fmt
        plot.barLabels.fontName = font
        plot.barLabels.fontSize = size - 0.5
        plot.barLabels.fillColor = look.colour("text")
        plot.barLabels.nudge = 5 * u
        plot.barSpacing = 1 * u
        plot.groupSpacing = (8 if several else 10) * u
        for i in range(len(chart.series)):
            plot.bars[i].fillColor = look.series_colour(i)
            plot.bars[i].strokeColor = None
        if chart.type == "bar":
            plot.barLabels.boxAnchor = "w"
            plot.barLabels.dx = 0
        _room_for_negative_labels(plot, chart, fmt, font)
    d.add(plot)
    if chart.unit:
        d.add(String(plot.x, top + 10 * u, chart.unit,
                     fontName=font, fontSize=size, fillColor=look.colour("muted")))
    if above:
        d.add(_legend(look, chart, width, height - LEGEND_ROW * u / 2))
    elif several:
        d.add(_legend_below(look, [plain(s.name) for s in chart.series], width))
    return d


def line_segments(chart: Chart) -> list[tuple[int, tuple[float | None, ...]]]:
    """Return the rows a line chart draws: each series cut at its gaps, with its index.

    A row holds one unbroken run of a series and None elsewhere, so a gap (null value)
    breaks the line instead of being bridged.
    """
    rows = []
    for i, series in enumerate(chart.series):
        run: list[int] = []
        for j, value in enumerate([*series.values, None]):
            if value is not None:
                run.append(j)
            elif run:
                rows.append((i, tuple(series.values[k] if k in run else None
                                      for k in range(len(series.values)))))
                run = []
    return rows


def _separate_line_labels(plot: HorizontalLineChart, look: ChartLook, chart: Chart,
                          segments: list[tuple[int, tuple[float | None, ...]]]) -> None:
    """Put each point's label under the line when another series runs above it there."""
    below = -(2 * plot.lineLabelNudge + look.size)
    where = {}
    for r, (i, row) in enumerate(segments):
        drawn = [j for j, v in enumerate(row) if v is not None]
        for k, j in enumerate(drawn):
            where[(i, j)] = (r, k)
    for j in range(len(chart.categories)):
        points = [(series.values[j], i) for i, series in enumerate(chart.series)
                  if series.values[j] is not None]
        if len(points) < 2:
            continue
        for _, i in sorted(points)[:-1]:
            plot.lineLabels[where[(i, j)]].dy = below


def _room_for_negative_labels(plot, chart: Chart, fmt: Callable[[float | None], str],
                              font: str) -> None:
    """Set negative bars' labels beyond their ends, and lower the axis so they fit inside it.

    Without the room a negative bar's label would run into the category names at the
    plot's edge.
    """
    negatives = [(i, j, v) for i, series in enumerate(chart.series)
                 for j, v in enumerate(series.values) if v is not None and v < 0]
    if not negatives:
        return
    horizontal = chart.type == "bar"
    size = plot.barLabels.fontSize
    if horizontal:
        for i, j, _ in negatives:
            plot.barLabels[(i, j)].boxAnchor = "e"
        need = max(stringWidth(fmt(v), font, size) for _, _, v in negatives)
        length = plot.width
    else:
        need = size
        length = plot.height
    need += plot.barLabels.nudge + 3
    low = min(v for _, _, v in negatives)
    high = max([0.0, *chart_values(chart)])
    plot.valueAxis.valueMin = low - need * (high - low) / max(length - need, 1.0)


def _style_axes(plot, look: ChartLook) -> None:
    for axis in (plot.categoryAxis, plot.valueAxis):
        axis.labels.fontName = look.font
        axis.labels.fontSize = look.size
        axis.labels.fillColor = look.colour("text")
        axis.strokeColor = look.colour("muted")
        axis.strokeWidth = 0.5
    plot.valueAxis.visibleGrid = 1
    plot.valueAxis.gridStrokeColor = look.colour("grid")
    plot.valueAxis.gridStrokeWidth = 0.5
    plot.valueAxis.visibleAxis = 0
    plot.valueAxis.visibleTicks = 0
    plot.categoryAxis.visibleTicks = 0
    plot.categoryAxis.labelAxisMode = "low"  # labels beside the plot, clear of negative bars


def _legend(look: ChartLook, chart: Chart, width: float, y: float) -> Legend:
    from reportlab.graphics.charts.legends import Legend

    u = look.unit
    legend = Legend()
    legend.fontName = look.font
    legend.fontSize = look.size
    legend.fillColor = look.colour("text")
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.boxAnchor = "ne"
    legend.x, legend.y = width, y + 4 * u
    legend.dx = legend.dy = 7 * u
    legend.deltax = 0
    legend.dxTextSpace = 4 * u
    legend.strokeColor = None
    legend.colorNamePairs = [(look.series_colour(i), plain(series.name))
                             for i, series in enumerate(chart.series)]
    # one row, right-aligned: reportlab lays out columns of `columnMaximum` entries
    legend.variColumn = 1
    legend.deltax = 18 * u
    return legend


def _legend_below(look: ChartLook, names: list[str], width: float) -> Legend:
    """Return a one-row legend of ``names`` centred under a chart ``width`` wide."""
    from reportlab.graphics.charts.legends import Legend

    u = look.unit
    legend = Legend()
    legend.fontName = look.font
    legend.fontSize = look.size
    legend.fillColor = look.colour("text")
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.variColumn = 1
    legend.boxAnchor = "s"
    legend.x, legend.y = width / 2, 2 * u
    legend.dx = legend.dy = 0.8 * look.size
    legend.dxTextSpace = 4 * u
    legend.deltax = 18 * u
    legend.strokeColor = None
    legend.colorNamePairs = [(look.series_colour(i), name) for i, name in enumerate(names)]
    return legend


def _pie(look: ChartLook, chart: Chart, width: float, height: float) -> Drawing:
    from reportlab.graphics.charts.doughnut import Doughnut
    from reportlab.graphics.charts.piecharts import Pie

    series = chart.series[0]
    pairs = [(plain(c), v) for c, v in zip(chart.categories, series.values, strict=True)
             if v is not None and v > 0]
    fmt = formatter(chart.number_format, [v for _, v in pairs])
    d = _canvas(look, width, height)
    pie = Doughnut() if chart.type == "doughnut" else Pie()
    below = LEGEND_ROW * look.unit if look.legend_below else 0.0
    size = height - 24 * look.unit - below
    if chart.type == "doughnut":
        # labels sit outside the ring, at DOUGHNUT_LABEL_RADIUS: keep them in the drawing
        size = min(size, 2 * (height / 2 - look.size - 4 * look.unit) / DOUGHNUT_LABEL_RADIUS)
    pie.x = (width - size) / 2
    pie.y = below + (height - below - size) / 2
    pie.width = pie.height = size
    if chart.type != "doughnut" and not look.legend_below:
        pie.sideLabels = 1
        pie.sideLabelsOffset = 0.08
    pie.data = [v for _, v in pairs]
    pie.labels = [fmt(v) if look.legend_below else f"{c}  {fmt(v)}" for c, v in pairs]
    pie.startAngle = 90
    pie.direction = "clockwise"
    pie.slices.fontName = look.font
    pie.slices.fontSize = look.size
    pie.slices.fontColor = look.colour("text")
    pie.slices.strokeColor = look.colour("background")
    pie.slices.strokeWidth = 1
    for i in range(len(pairs)):
        pie.slices[i].fillColor = look.series_colour(i)
        if chart.type == "doughnut":
            pie.slices[i].labelRadius = DOUGHNUT_LABEL_RADIUS
    d.add(pie)
    if look.legend_below:
        d.add(_legend_below(look, [c for c, _ in pairs], width))
    return d
