"""The shared vector charts: one drawing for the brief's look and the slides' look."""

from __future__ import annotations

from dataclasses import replace

from reportlab.graphics.shapes import String

from generator.chart_drawing import ChartLook, _Canvas, drawing, findings, layout, proof
from generator.chart_geometry import Rect, collisions
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


def test_the_proof_names_labels_drawn_over_each_other_and_off_the_chart():
    c = _Canvas(LOOK, 100, 60)
    c.text(10, 30, "North", role="category")
    c.text(14, 30, "12.5")
    c.text(80, 10, "Legend name", role="legend")
    assert proof(c.out) == [
        "the category name 'North' and the value label '12.5' overlap; expected fewer or "
        "shorter labels, or a larger chart",
        "the legend entry 'Legend name' runs outside the chart; expected shorter labels or a "
        "larger chart"]


def test_a_legend_with_no_room_leaves_names_out_and_says_so():
    chart = Chart.parse({"type": "column", "categories": ["a", "b"], "series": [
        {"name": f"A rather long series name number {k}", "values": [1, 2]} for k in range(12)]})
    laid = layout(LOOK, chart, 150, 80)
    assert all(label.box.inside(Rect(0, 0, 150, 80)) for label in laid.labels)
    assert proof(laid)[0] == (
        "5 of 12 series names do not fit in the legend (such as 'A rather long series name "
        "num…') and are left out; expected fewer series or shorter names")


def test_a_chart_that_holds_its_labels_has_an_empty_proof():
    for kind in ("bar", "column", "line", "pie", "doughnut"):
        assert findings(LOOK, _chart(kind, series=1 if kind in ("pie", "doughnut") else 3),
                        300, 200) == [], kind


def test_every_label_is_measured_with_the_bundled_metrics():
    from generator.text import metrics

    laid = layout(LOOK, _chart("column", series=2), 400, 300)
    for label in laid.labels:
        width = metrics("Helvetica").width(label.text, label.size)
        assert abs(label.box.width - width) < 1e-6, label.text


def test_slice_labels_wrap_by_the_shared_breaker_with_the_outlines_hyphenation():
    name = "Donaudampfschifffahrtsgesellschaftskapitän"
    chart = Chart.parse({"type": "pie", "categories": [name, "b"],
                         "series": [{"name": "s", "values": [1, 3]}]})
    german = replace(LOOK, language="de")
    lines = [label.text for label in layout(german, chart, 260, 160).labels
             if label.role == "slice"]
    assert len(lines) > 2 and lines[0].endswith("-")
    assert "".join(t.rstrip("-") for t in lines[:-1]).replace("\u00a0", " ").startswith(name)


def test_laying_a_chart_out_needs_no_reportlab():
    import subprocess
    import sys

    code = ("import sys\nfrom generator.chart_drawing import ChartLook, layout\n"
            "from generator.model import Chart\n"
            "look = ChartLook('Arial', 7, '#222222', '#666666', '#DDDDDD', '#FFFFFF',"
            " ('#1F4E79',))\n"
            "chart = Chart.parse({'type': 'bar', 'categories': ['a', 'b'],"
            " 'series': [{'name': 's', 'values': [1, 2]}]})\n"
            "assert layout(look, chart, 300, 200).labels\n"
            "assert not [m for m in sys.modules if m.startswith('reportlab')]\n")
    subprocess.run([sys.executable, "-c", code], check=True)
