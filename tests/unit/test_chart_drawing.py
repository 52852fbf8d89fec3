"""The shared vector charts: one drawing for the brief's look and the slides' look."""

from __future__ import annotations

from dataclasses import replace

from reportlab.graphics.shapes import String

from generator.chart_drawing import ChartLook, _Canvas, drawing
from generator.chart_geometry import collisions
from generator.model import Chart

LOOK = ChartLook("Helvetica", 7, "#222222", "#666666", "#DDDDDD", "#FFFFFF",
                 ("#1F4E79", "#2E86AB", "#8DB6E0"))


def _chart(kind: str, series: int = 1, categories=("a", "b", "c")) -> Chart:
    return Chart.parse({"type": kind, "categories": list(categories),
                        "series": [{"name": f"s{k}", "values": [1, 2, 3]}
                                   for k in range(series)]})


def _strings(d) -> list[String]:
    return [s for s in d.contents if isinstance(s, String)]


def test_a_pie_names_each_slice_outside_with_its_share_at_any_type_size():
    for look in (LOOK, replace(LOOK, size=14)):
        texts = [s.text for s in _strings(drawing(look, _chart("pie"), 400, 300))]
        assert sorted(texts) == ["a 17%", "b 33%", "c 50%"]


def test_larger_type_scales_the_text_and_keeps_every_box_apart():
    # the slides draw at their own size with the same drawing the brief uses
    big = replace(LOOK, size=14)
    d = drawing(big, _chart("column", series=2), 500, 300)
    assert {s.fontSize for s in _strings(d)} == {14}
    c = _Canvas(big, 500, 300)
    boxes = [c.box(s.x, s.y, s.text) for s in _strings(d)]
    assert not collisions(boxes)


def test_characters_the_font_lacks_are_set_in_the_looks_fallback_font():
    from generator.checks.glyphs import fallback_files

    look = replace(LOOK, fallback_files=tuple(str(f) for f in fallback_files()))
    d = drawing(look, _chart("bar", categories=("東京", "b", "c")), 400, 300)
    fonts = {s.text: s.fontName for s in _strings(d)}
    assert fonts["東京"] == "DroidSansFallback" and fonts["b"] == "LiberationSans-Regular"
