"""The shared vector charts: the brief's look and the slides' look (legend below)."""

from __future__ import annotations

from dataclasses import replace

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie

from generator.chart_drawing import ChartLook, drawing
from generator.model import Chart

LOOK = ChartLook("Helvetica", 12, "#222222", "#666666", "#DDDDDD", "#FFFFFF",
                 ("#1F4E79", "#2E86AB", "#8DB6E0"))


def _chart(kind: str, series: int = 1) -> Chart:
    return Chart.parse({"type": kind, "categories": ["a", "b", "c"],
                                 "series": [{"name": f"s{k}", "values": [1, 2, 3]}
                                            for k in range(series)]})


def _parts(d, kind):
    return [c for c in d.contents if isinstance(c, kind)]


def test_a_pie_on_a_slide_shows_values_on_slices_and_names_below():
    d = drawing(replace(LOOK, legend_below=True), _chart("pie"), 400, 300)
    pie, legend = _parts(d, Pie)[0], _parts(d, Legend)[0]
    assert pie.labels == ["1", "2", "3"]
    assert [name for _, name in legend.colorNamePairs] == ["a", "b", "c"]
    assert legend.y < pie.y, "the legend sits under the pie"


def test_the_brief_look_names_slices_beside_them_and_puts_series_top_right():
    d = drawing(LOOK, _chart("pie"), 400, 300)
    assert _parts(d, Pie)[0].labels == ["a  1", "b  2", "c  3"]
    assert not _parts(d, Legend)
    legend = _parts(drawing(LOOK, _chart("column", series=2), 400, 300), Legend)[0]
    assert legend.boxAnchor == "ne" and legend.y > 250
