"""Charts as vector drawings: bar, column, line, pie and doughnut in the brand's colours."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..model import Chart
from ..text import plain
from .context import Context
from .flowables import bare_style, caption_markup
from .paragraph import Paragraph
from .styles import (
    CHART_HEIGHT,
    CHART_PT,
    CHART_SHARE,
    FRAME_WIDTH,
    GUTTER,
    PIE_HEIGHT,
    SPACE,
)

if TYPE_CHECKING:  # reportlab.graphics is imported only when a brief has a chart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing

LEGEND_ROW = 14
"""Height of the legend band above a chart with several series, in points."""
DOUGHNUT_LABEL_RADIUS = 1.25
"""Where a doughnut's labels sit, as a multiple of its radius."""


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
        decimals = len(re.search(r"\.(0*)", number_format).group(1)) if "." in number_format else 0
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


@dataclass(frozen=True)
class Exhibit:
    """A chart as the brief shows it: the chart, its title and the sentence it makes."""

    chart: Chart
    title: str
    takeaway: str | None = None


def _figure(ctx: Context) -> str:
    """Return the markup of the current figure's label and the space after it: 'Figure 2. '."""
    return ctx.literal(ctx.word("figure", number=ctx.figures)) + " "


def figure(ctx: Context, exhibit: Exhibit) -> Flowable:
    """Return a numbered figure: title above; the drawing with its takeaway and caption beside."""
    ctx.figures += 1
    s = ctx.styles
    head = Paragraph(_figure(ctx) + ctx.markup(exhibit.title), s.h3)
    width = FRAME_WIDTH * CHART_SHARE
    notes: list[Flowable] = []
    if exhibit.takeaway:
        notes.append(ctx.para(exhibit.takeaway, s.note))
    caption = caption_markup(ctx, exhibit.chart.caption, exhibit.chart.source,
                             exhibit.chart.unit)
    if caption:
        notes.append(Paragraph(caption, s.small))
    body = Table([[drawing(ctx, exhibit.chart, width), notes or ""]],
                 colWidths=[width, FRAME_WIDTH - width], hAlign="LEFT")
    body.setStyle(bare_style(ctx, ("LEFTPADDING", (1, 0), (1, 0), GUTTER),
                             ("TOPPADDING", (1, 0), (1, 0), CHART_PT * 2)))
    return KeepTogether([head, body, Spacer(0, SPACE * 1.5)])


def figure_pair(ctx: Context, left: Exhibit, right: Exhibit) -> Flowable:
    """Return two numbered figures side by side, each with its caption and takeaway under it."""
    s = ctx.styles
    width = (FRAME_WIDTH - GUTTER) / 2
    cells = []
    for exhibit in (left, right):
        ctx.figures += 1
        cell: list[Flowable] = [Paragraph(_figure(ctx) + ctx.markup(exhibit.title), s.h3),
                                drawing(ctx, exhibit.chart, width, CHART_HEIGHT)]
        caption = caption_markup(ctx, exhibit.chart.caption, exhibit.chart.source,
                                 exhibit.chart.unit)
        if caption:
            cell.append(Paragraph(caption, s.caption))
        if exhibit.takeaway:
            cell.append(ctx.para(exhibit.takeaway, s.note))
        cells.append(cell)
    body = Table([cells], colWidths=[width + GUTTER, width], hAlign="LEFT")
    body.setStyle(bare_style(ctx, ("RIGHTPADDING", (0, 0), (0, 0), GUTTER)))
    return KeepTogether([body, Spacer(0, SPACE)])


def drawing(ctx: Context, chart: Chart, width: float = FRAME_WIDTH,
            height: float | None = None) -> Drawing:
    """Return ``chart`` drawn as vector graphics, ``width`` by ``height`` points.

    Without a height, pies and doughnuts are drawn ``PIE_HEIGHT`` high, others
    ``CHART_HEIGHT``.
    """
    if chart.type in ("pie", "doughnut"):
        return _pie(ctx, chart, width, height or PIE_HEIGHT)
    return _xy(ctx, chart, width, height or CHART_HEIGHT)


def _canvas(ctx: Context, width: float, height: float) -> Drawing:
    """Return an empty drawing whose text defaults to the brand font, never Helvetica."""
    from reportlab.graphics.shapes import Drawing

    d = Drawing(width, height)
    d.initialFontName = ctx.styles.body_font.regular
    return d


def _values(chart: Chart) -> list[float]:
    return [v for s in chart.series for v in s.values if v is not None]


def _xy(ctx: Context, chart: Chart, width: float, height: float) -> Drawing:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import String
    from reportlab.graphics.widgets.markers import makeMarker

    s = ctx.styles
    font = s.body_font.regular
    fmt = formatter(chart.number_format, _values(chart))
    d = _canvas(ctx, width, height)
    cats = [plain(c) for c in chart.categories]
    several = len(chart.series) > 1
    top = height - (LEGEND_ROW + 6 if several else 6) - CHART_PT * 2
    if chart.type == "bar":
        plot = HorizontalBarChart()
        label_w = max(stringWidth(c, font, CHART_PT) for c in cats)
        plot.x = min(label_w + 10, width * 0.35)
        plot.y = 18
        plot.width = width - plot.x - 40
        plot.height = top - plot.y
        plot.categoryAxis.reverseDirection = 1
    elif chart.type == "column":
        plot = VerticalBarChart()
    else:
        plot = HorizontalLineChart()
    if chart.type != "bar":
        plot.x, plot.y = 36, 30
        plot.width, plot.height = width - plot.x - 10, top - 30
    plot.categoryAxis.categoryNames = cats
    _style_axes(plot, s, font)
    values = _values(chart)
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
    colours = s.palette.chart
    if chart.type == "line":
        plot.joinedLines = 1
        # Labels by position in each drawn row: reportlab numbers a row's points without its
        # gaps, so a label looked up by category would be shifted after a gap.
        plot.lineLabelFormat = "values"
        plot.lineLabelArray = [[fmt(v) for v in row if v is not None] for _, row in segments]
        plot.lineLabels.fontName = font
        plot.lineLabels.fontSize = CHART_PT - 0.5
        plot.lineLabels.fillColor = s.palette.text
        for r, (i, _) in enumerate(segments):
            plot.lines[r].strokeColor = colours[i % len(colours)]
            plot.lines[r].strokeWidth = 2
            plot.lines[r].symbol = makeMarker("FilledCircle", size=4,
                                              fillColor=colours[i % len(colours)])
        _separate_line_labels(plot, chart, segments)
    else:
        plot.barLabelFormat = fmt
        plot.barLabels.fontName = font
        plot.barLabels.fontSize = CHART_PT - 0.5
        plot.barLabels.fillColor = s.palette.text
        plot.barLabels.nudge = 5
        plot.barSpacing = 1
        plot.groupSpacing = 8 if several else 10
        for i in range(len(chart.series)):
            plot.bars[i].fillColor = colours[i % len(colours)]
            plot.bars[i].strokeColor = None
        if chart.type == "bar":
            plot.barLabels.boxAnchor = "w"
            plot.barLabels.dx = 0
        _room_for_negative_labels(plot, chart, fmt, font)
    d.add(plot)
    if chart.unit:
        d.add(String(plot.x, top + 10, chart.unit,
                     fontName=font, fontSize=CHART_PT, fillColor=s.palette.muted))
    if several:
        d.add(_legend(ctx, chart, width, height - LEGEND_ROW / 2))
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


def _separate_line_labels(plot: HorizontalLineChart, chart: Chart,
                          segments: list[tuple[int, tuple[float | None, ...]]]) -> None:
    """Put each point's label under the line when another series runs above it there."""
    below = -(2 * plot.lineLabelNudge + CHART_PT)
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
    high = max([0.0, *_values(chart)])
    plot.valueAxis.valueMin = low - need * (high - low) / max(length - need, 1.0)


def _style_axes(plot, s, font: str) -> None:
    pal = s.palette
    for axis in (plot.categoryAxis, plot.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = CHART_PT
        axis.labels.fillColor = pal.text
        axis.strokeColor = pal.muted
        axis.strokeWidth = 0.5
    plot.valueAxis.visibleGrid = 1
    plot.valueAxis.gridStrokeColor = pal.surface
    plot.valueAxis.gridStrokeWidth = 0.5
    plot.valueAxis.visibleAxis = 0
    plot.valueAxis.visibleTicks = 0
    plot.categoryAxis.visibleTicks = 0
    plot.categoryAxis.labelAxisMode = "low"  # labels beside the plot, clear of negative bars


def _legend(ctx: Context, chart: Chart, width: float, y: float) -> Legend:
    from reportlab.graphics.charts.legends import Legend

    s = ctx.styles
    legend = Legend()
    legend.fontName = s.body_font.regular
    legend.fontSize = CHART_PT
    legend.fillColor = s.palette.text
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.boxAnchor = "ne"
    legend.x, legend.y = width, y + 4
    legend.dx = legend.dy = 7
    legend.deltax = 0
    legend.dxTextSpace = 4
    legend.strokeColor = None
    legend.colorNamePairs = [(s.palette.chart[i % len(s.palette.chart)], plain(series.name))
                             for i, series in enumerate(chart.series)]
    # one row, right-aligned: reportlab lays out columns of `columnMaximum` entries
    legend.variColumn = 1
    legend.deltax = 18
    return legend


def _pie(ctx: Context, chart: Chart, width: float, height: float) -> Drawing:
    from reportlab.graphics.charts.doughnut import Doughnut
    from reportlab.graphics.charts.piecharts import Pie

    s = ctx.styles
    font = s.body_font.regular
    series = chart.series[0]
    pairs = [(plain(c), v) for c, v in zip(chart.categories, series.values, strict=True)
             if v is not None and v > 0]
    fmt = formatter(chart.number_format, [v for _, v in pairs])
    d = _canvas(ctx, width, height)
    pie = Doughnut() if chart.type == "doughnut" else Pie()
    size = height - 24
    if chart.type == "doughnut":
        # labels sit outside the ring, at DOUGHNUT_LABEL_RADIUS: keep them in the drawing
        size = min(size, 2 * (height / 2 - CHART_PT - 4) / DOUGHNUT_LABEL_RADIUS)
    pie.x = (width - size) / 2
    pie.y = (height - size) / 2
    if chart.type == "doughnut":
        pie.width = pie.height = size
    else:
        pie.width = pie.height = size
        pie.sideLabels = 1
        pie.sideLabelsOffset = 0.08
    pie.data = [v for _, v in pairs]
    pie.labels = [f"{c}  {fmt(v)}" for c, v in pairs]
    pie.startAngle = 90
    pie.direction = "clockwise"
    pie.slices.fontName = font
    pie.slices.fontSize = CHART_PT
    pie.slices.fontColor = s.palette.text
    pie.slices.strokeColor = s.palette.background
    pie.slices.strokeWidth = 1
    colours = s.palette.chart
    for i in range(len(pairs)):
        pie.slices[i].fillColor = colours[i % len(colours)]
        if chart.type == "doughnut":
            pie.slices[i].labelRadius = DOUGHNUT_LABEL_RADIUS
    d.add(pie)
    return d
