"""Native charts: embedded, editable data in brand colours, with labels and number formats."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Pt
from xlsxwriter import Workbook

from ... import text as _text
from ...model import Chart
from ..elements import ChartFrame

TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
}
GRID = "D9DEE4"
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
    """Return the chart's data for python-pptx: plain category labels, series values."""
    data = ChartData(when, chart.number_format or "General")
    data.categories = [_text.plain(c) for c in chart.categories]
    for series in chart.series:
        data.add_series(_text.plain(series.name), series.values)
    return data


C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


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
    chart.font.name = frame.font
    chart.font.size = Pt(frame.size)
    chart.font.color.rgb = _rgb(frame.colour)
    chart.has_legend = round_ or len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(frame.size)
    plot = chart.plots[0]
    colours = frame.colours
    if round_:
        plot.vary_by_categories = True
        for i, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = _rgb(colours[i % len(colours)])
    else:
        plot.vary_by_categories = False
        for i, series in enumerate(plot.series):
            _colour_series(series, spec.type, colours[i % len(colours)])
        _axes(chart, spec)
        if spec.type in ("bar", "column"):
            plot.gap_width = GAP_WIDTH
    if round_ or len(spec.series) == 1:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.font.size = Pt(frame.size)
        if spec.number_format:
            labels.number_format = spec.number_format
            labels.number_format_is_linked = False
        if spec.type in ("bar", "column"):
            labels.position = XL_LABEL_POSITION.OUTSIDE_END
        elif spec.type == "line":
            labels.position = XL_LABEL_POSITION.ABOVE
        elif spec.type == "pie":
            labels.position = XL_LABEL_POSITION.OUTSIDE_END


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


def _axes(chart, spec: Chart) -> None:
    values = chart.value_axis
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = _rgb(GRID)
    values.format.line.fill.background()
    if spec.number_format:
        values.tick_labels.number_format = spec.number_format
        values.tick_labels.number_format_is_linked = False
    chart.category_axis.format.line.color.rgb = _rgb(GRID)
    chart.category_axis.has_major_gridlines = False
    if spec.type == "bar":
        chart.category_axis.reverse_order = True  # first category on top, as it is read
    if spec.type in ("bar", "column") and not _has_negatives(spec):
        values.minimum_scale = 0  # bars start at zero, so close values look close


def _has_negatives(spec: Chart) -> bool:
    """Whether any value of the chart is below zero."""
    return any(v is not None and v < 0 for s in spec.series for v in s.values)
