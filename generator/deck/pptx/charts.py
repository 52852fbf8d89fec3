"""Native charts: embedded, editable data in brand colours, with labels and number formats."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml.ns import qn
from pptx.util import Pt
from xlsxwriter import Workbook

from ... import brand as _brand
from ... import text as _text
from ...chart_colours import PLAIN, LineStyle, line_styles, slice_colour
from ...model import Chart
from ..elements import ChartFrame

TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
}
LINE_PT = 2.25
GAP_WIDTH = 60


class _StampedWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx's workbook writer with the workbook's created and modified times fixed.

    XlsxWriter already dates every zip entry 1980-01-01 when it writes in memory; only the
    document properties would carry the wall clock.
    """

    def __init__(self, chart_data, when: datetime):
        super().__init__(chart_data)
        self._when = when

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        workbook = Workbook(xlsx_file, {"in_memory": True})
        workbook.set_properties({"created": self._when})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class ChartData(CategoryChartData):
    """Category chart data whose embedded workbook is stamped ``when``, not with the clock."""

    def __init__(self, when: datetime, number_format: str):
        super().__init__(number_format=number_format)
        self._writer = _StampedWorkbookWriter(self, when)

    @property
    def _workbook_writer(self):
        return self._writer


def chart_data(chart: Chart, when: datetime) -> ChartData:
    """Return the chart's data for python-pptx: plain category labels, series values.

    A bar chart's categories and series are written last first (see ``drawn_order``).
    """
    data = ChartData(when, chart.number_format or "General")
    order = drawn_order(chart)
    data.categories = order([_text.plain(c) for c in chart.categories])
    for series in order(list(chart.series)):
        data.add_series(_text.plain(series.name), order(list(series.values)))
    return data


C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def drawn_order(chart: Chart):
    """Return the function that puts ``chart``'s categories and series in written order.

    Horizontal bars are drawn from the bottom up, and PowerPoint and LibreOffice list a bar
    chart's side legend bottom up too. Written last first, the first category is on top,
    the first series is the top bar of each group, and the legend reads in outline order,
    with no axis reversed.
    """
    if chart.type == "bar":
        return lambda items: items[::-1]
    return lambda items: items


def add(slide_part, frame: ChartFrame, when: datetime) -> str:
    """Add ``frame``'s chart as a new chart part related to ``slide_part``; return its rId.

    The chart part and its embedded workbook (stamped ``when``, a naive UTC time) come from
    python-pptx; the caller places the graphic frame that shows it (``slidexml.chart``).
    """
    r_id = slide_part.add_chart_part(TYPES[frame.chart.type], chart_data(frame.chart, when))
    part = slide_part.related_part(r_id)
    _style(part.chart, frame)
    _positive_axis_ids(part._element)
    return r_id


def _positive_axis_ids(chart_space) -> None:
    """Make the axis ids python-pptx writes (negative numbers) positive, as the schema asks
    (``c:axId`` and ``c:crossAx`` are unsigned ints), and below 2**31, as readers that
    hold them in a signed int need; each keeps its pairing (the low 31 bits differ)."""
    for el in chart_space.iter(f"{{{C}}}axId", f"{{{C}}}crossAx"):
        value = int(el.get("val"))
        if value < 0:
            el.set("val", str(value & 0x7FFFFFFF))


def _rgb(hexstr: str) -> RGBColor:
    return RGBColor.from_string(hexstr.lstrip("#").upper())


def _style(chart, frame: ChartFrame) -> None:
    spec = frame.chart
    round_ = spec.type in ("pie", "doughnut")
    chart.has_title = False
    chart.font.name = _brand.family_name(frame.font)
    chart.font.size = Pt(frame.size)
    chart.font.color.rgb = _rgb(frame.colour)
    chart.has_legend = round_ or len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = (XL_LEGEND_POSITION.RIGHT if spec.type == "bar"
                                 else XL_LEGEND_POSITION.BOTTOM)
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(frame.size)
    plot = chart.plots[0]
    colours = frame.colours
    if round_:
        plot.vary_by_categories = True
        points = plot.series[0].points
        for i, point in enumerate(points):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = _rgb(slice_colour(colours, i, len(points)))
        _slice_labels(plot, frame)
        return
    plot.vary_by_categories = False
    indexes = drawn_order(spec)(list(range(len(spec.series))))
    styles = line_styles(colours, len(spec.series))
    styled = spec.type == "line" and any(style != PLAIN for style in styles)
    for i, series in zip(indexes, plot.series, strict=True):
        _colour_series(series, spec.type, colours[i % len(colours)])
        if styled:  # series told apart by more than colour: each its dash and marker
            _style_line(series, styles[i])
    _axes(chart, frame)
    if spec.type in ("bar", "column"):
        plot.gap_width = GAP_WIDTH
    _value_labels(plot, frame)


def _slice_labels(plot, frame: ChartFrame) -> None:
    """Label every slice: outside a pie, on a doughnut's ring in a colour that reads on it.

    The labels show each slice's share of the whole, or its value when the values are
    percentages already (``frame.labels.percent``).
    """
    look = frame.labels
    labels = plot.series[0].data_labels  # the series' own: its points' labels live beside
    labels.font.size = Pt(frame.size)
    labels.number_format = look.number_format
    labels.number_format_is_linked = False
    labels.show_percentage = look.percent
    labels.show_value = not look.percent
    labels.show_category_name = False
    if frame.chart.type == "pie":
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    else:
        labels.font.bold = True
    for i, colour in enumerate(look.label_colours):
        label = plot.series[0].points[i].data_label
        label.font.size = Pt(frame.size)
        label.font.bold = True
        label.font.color.rgb = _rgb(colour)
        _show(label, look.percent, look.number_format)
    for i in look.hidden:
        _hide(plot.series[0].points[i].data_label)


def _hide(label) -> None:
    """Leave out one point's label: its ``c:dLbl`` holds only its index and ``c:delete``."""
    d_lbl = label._get_or_add_dLbl()
    for child in list(d_lbl):
        if child.tag != qn("c:idx"):
            d_lbl.remove(child)
    d_lbl.append(d_lbl.makeelement(qn("c:delete"), {"val": "1"}))


def _show(label, percent: bool, number_format: str) -> None:
    """Make one point's own label show its value or its share, in ``number_format``.

    A point's ``c:dLbl`` replaces the series' labels for that point, so it must say again
    what to show (python-pptx exposes no per-point switches: the element is set directly).
    """
    d_lbl = label._get_or_add_dLbl()  # python-pptx's new c:dLbl has every show* switch
    d_lbl.find(qn("c:showVal")).set("val", "0" if percent else "1")
    d_lbl.find(qn("c:showPercent")).set("val", "1" if percent else "0")
    num = d_lbl.find(qn("c:numFmt"))
    if num is None:
        num = d_lbl.makeelement(qn("c:numFmt"), {})
        d_lbl.find(qn("c:spPr")).addprevious(num)
    num.set("formatCode", number_format)
    num.set("sourceLinked", "0")


def _value_labels(plot, frame: ChartFrame) -> None:
    """Label the points the plan chose: all of them, the end of each line, or none."""
    look = frame.labels
    if look.points == "none":
        return
    if look.points == "all":
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.font.size = Pt(frame.size)
        labels.number_format = look.number_format
        labels.number_format_is_linked = False
        labels.show_value = True
        labels.position = (XL_LABEL_POSITION.ABOVE if frame.chart.type == "line"
                           else XL_LABEL_POSITION.OUTSIDE_END)
        return
    for series, spec in zip(plot.series, frame.chart.series, strict=True):
        last = max((j for j, v in enumerate(spec.values) if v is not None), default=None)
        if last is None:
            continue
        label = series.points[last].data_label
        label.font.size = Pt(frame.size)
        label.position = XL_LABEL_POSITION.RIGHT
        _show(label, False, look.number_format)


def _colour_series(series, kind: str, colour: str) -> None:
    if kind == "line":
        series.format.line.color.rgb = _rgb(colour)
        series.format.line.width = Pt(LINE_PT)
        series.smooth = False
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = _rgb(colour)
        series.marker.format.line.color.rgb = _rgb(colour)
    else:
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(colour)


DASH_STYLES = {"solid": MSO_LINE_DASH_STYLE.SOLID, "dash": MSO_LINE_DASH_STYLE.DASH,
               "dot": MSO_LINE_DASH_STYLE.ROUND_DOT, "dashdot": MSO_LINE_DASH_STYLE.DASH_DOT,
               "longdash": MSO_LINE_DASH_STYLE.LONG_DASH,
               "longdashdot": MSO_LINE_DASH_STYLE.LONG_DASH_DOT}
"""PowerPoint's dash style of each dash pattern (``chart_colours.DASHES``)."""
MARKER_STYLES = {"circle": XL_MARKER_STYLE.CIRCLE, "square": XL_MARKER_STYLE.SQUARE,
                 "triangle": XL_MARKER_STYLE.TRIANGLE, "diamond": XL_MARKER_STYLE.DIAMOND,
                 "x": XL_MARKER_STYLE.X, "plus": XL_MARKER_STYLE.PLUS}
"""PowerPoint's marker of each marker shape (``chart_colours.MARKERS``)."""
MARKER_SIZE = 7
"""Marker size of a line series told apart by its marker, in points (PowerPoint: 2-72)."""


def _style_line(series, style: LineStyle) -> None:
    """Give a line series its dash pattern and marker shape (``chart_colours.line_styles``)."""
    series.format.line.dash_style = DASH_STYLES[style.dash]
    series.marker.style = MARKER_STYLES[style.marker]
    series.marker.size = MARKER_SIZE


def _axes(chart, frame: ChartFrame) -> None:
    """Style the axes: the planned scale, tick labels in their own format, faint gridlines,
    category names at the low end of the plot when values are negative."""
    look = frame.labels
    values = chart.value_axis
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = _rgb(frame.grid)
    values.format.line.fill.background()
    values.tick_labels.number_format = look.axis_format
    values.tick_labels.number_format_is_linked = False
    if look.axis is not None:
        values.minimum_scale, values.maximum_scale, values.major_unit = look.axis
    categories = chart.category_axis
    categories.format.line.color.rgb = _rgb(frame.grid)
    categories.has_major_gridlines = False
    if look.low_categories:
        categories.tick_label_position = XL_TICK_LABEL_POSITION.LOW
