"""Native charts: embedded, editable data in brand colours, with labels and number formats."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Pt

from .. import text as _text
from ..model import Chart
from .elements import ChartFrame

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


def chart_data(chart: Chart) -> CategoryChartData:
    """Return the chart's data for python-pptx: plain category labels, series values."""
    data = CategoryChartData(number_format=chart.number_format or "General")
    data.categories = [_text.plain(c) for c in chart.categories]
    for series in chart.series:
        data.add_series(_text.plain(series.name), series.values)
    return data


def add(shapes, frame: ChartFrame, emu, when: datetime):
    """Add ``frame`` as a native chart to ``shapes``; return the graphic frame."""
    b = frame.box
    graphic = shapes.add_chart(TYPES[frame.chart.type], emu(b.x), emu(b.y), emu(b.w), emu(b.h),
                               chart_data(frame.chart))
    chart = graphic.chart
    _style(chart, frame)
    _normalise_workbook(chart, when)
    return graphic


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


def _normalise_workbook(chart, when: datetime) -> None:
    """Stamp the embedded workbook with ``when`` instead of the wall clock."""
    workbook = chart.part.chart_workbook
    xlsx = workbook.xlsx_part
    if xlsx is None:
        return
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(xlsx.blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>"
                              + stamp.encode(), data)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)),
                         data, zipfile.ZIP_DEFLATED)
    workbook.update_from_xlsx_blob(out.getvalue())
