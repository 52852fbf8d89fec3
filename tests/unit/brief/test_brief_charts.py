"""Charts drawn as a reader sees them: gaps break lines, labels stay clear of each other."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Group, PolyLine, UserNode

from generator.brief import charts
from generator.brief.context import Context
from generator.model import Chart, Outline


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context(Outline.parse({"meta": {"title": "Charts"},
                                           "sections": [{"title": "One"}]}))


def _chart(kind: str, values: list, categories: list[str] | None = None, **kw) -> Chart:
    categories = categories or [f"c{i}" for i in range(len(values))]
    return Chart.parse({"type": kind, "categories": categories,
                                 "series": [{"name": "one", "values": values}], **kw})


def _words(ctx: Context, chart: Chart, tmp_path: Path) -> list[dict]:
    """Return the words of ``chart`` drawn alone on a page, with their boxes."""
    path = tmp_path / "chart.pdf"
    renderPDF.drawToFile(charts.drawing(ctx, chart), str(path))
    with pdfplumber.open(path) as pdf:
        return pdf.pages[0].extract_words()


def _shapes(node, out: list) -> list:
    if isinstance(node, UserNode):
        return _shapes(node.provideNode(), out)
    if isinstance(node, Group):
        for child in node.contents:
            _shapes(child, out)
    else:
        out.append(node)
    return out


def test_a_gap_breaks_the_line(ctx):
    chart = _chart("line", [1.5, None, 3.25, 4.0])
    lines = [s for s in _shapes(charts.drawing(ctx, chart), []) if isinstance(s, PolyLine)]
    # one run before the gap (a single point) and one after it; none bridges the gap
    assert sorted(len(line.points) // 2 for line in lines) == [1, 2]


def _centre(word: dict) -> float:
    return (word["x0"] + word["x1"]) / 2


def test_each_point_after_a_gap_is_labelled_over_its_own_category(ctx, tmp_path):
    chart = _chart("line", [1.5, None, 3.25, 4.75], ["Qa", "Qb", "Qc", "Qd"],
                   number_format="0.00")
    words = _words(ctx, chart, tmp_path)
    x = {w["text"]: _centre(w) for w in words}
    assert x["1.50"] == pytest.approx(x["Qa"], abs=2)
    assert x["3.25"] == pytest.approx(x["Qc"], abs=2)
    assert x["4.75"] == pytest.approx(x["Qd"], abs=2)


def test_line_segments_cut_each_series_at_its_gaps():
    chart = Chart.parse({
        "type": "line", "categories": ["a", "b", "c", "d", "e"],
        "series": [{"name": "one", "values": [1, 2, None, 4, None]},
                   {"name": "two", "values": [5, 6, 7, 8, 9]}]})
    assert charts.line_segments(chart) == [
        (0, (1, 2, None, None, None)), (0, (None, None, None, 4, None)),
        (1, (5, 6, 7, 8, 9))]


def test_labels_of_lower_series_at_a_gap_column_are_placed(ctx, tmp_path):
    chart = Chart.parse({
        "type": "line", "categories": ["a", "b", "c"],
        "series": [{"name": "high", "values": [10, None, 12]},
                   {"name": "low", "values": [5, 6, 7]}]})
    words = [w["text"] for w in _words(ctx, chart, tmp_path)]
    for label in ("10", "12", "5", "6", "7"):
        assert label in words


@pytest.mark.parametrize("values", [[-12.5, 3.0, 8.0], [-40.0, -2.0, 1.5], [-0.25, -7.75]])
def test_negative_bar_labels_clear_the_category_names(ctx, tmp_path, values):
    names = ["Alpha region", "Beta region", "Gamma region"][:len(values)]
    words = _words(ctx, _chart("bar", values, names, number_format="0.00"), tmp_path)
    labels = {f"{v:.2f}" for v in values if v < 0}
    name_words = [w for w in words if w["text"] in {"Alpha", "Beta", "Gamma", "region"}]
    right_of_names = max(w["x1"] for w in name_words)
    for word in words:
        if word["text"] in labels:
            assert word["x0"] > right_of_names + 1, (word, right_of_names)
            labels.discard(word["text"])
    assert not labels, f"labels not drawn: {labels}"


def test_negative_column_labels_stay_above_the_category_names(ctx, tmp_path):
    words = _words(ctx, _chart("column", [-9.0, 4.0, 6.0], ["North", "South", "East"]),
                   tmp_path)
    label = next(w for w in words if w["text"] == "-9")
    names = [w for w in words if w["text"] in ("North", "South", "East")]
    assert label["bottom"] < min(w["top"] for w in names)


# --- every label clear of every other: the chart fixture and the stress corpus ------------

FIXTURES = Path(__file__).parents[2] / "fixtures"
CHART_OUTLINES = [path for path in [FIXTURES / "charts" / "charts.yaml",
                                     *sorted((FIXTURES / "stress").glob("*.yaml"))]
                  if "chart:" in path.read_text(encoding="utf-8")]


def _outline_charts(path: Path, theme: str) -> list[tuple[str, Context, Chart]]:
    from generator import loader
    from generator.checks.charts import charts as all_charts

    loaded = loader.load(path, brand=theme)
    context = Context(loaded.outline)
    return [(f"{path.stem}:{'.'.join(map(str, where))}", context, chart)
            for where, chart in all_charts(loaded.outline)]


def _drawn_words(ctx: Context, chart: Chart, width: float, tmp_path: Path):
    d = charts.drawing(ctx, chart, width)
    path = tmp_path / "chart.pdf"
    renderPDF.drawToFile(d, str(path))
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        return d, page.extract_words(keep_blank_chars=False, use_text_flow=False), page


def _boxes(words: list[dict]) -> list:
    from generator.chart_geometry import Rect

    return [Rect(w["x0"], w["top"], w["x1"], w["bottom"]) for w in words]


@pytest.mark.parametrize("theme", ["default", "midnight"])
@pytest.mark.parametrize("outline", CHART_OUTLINES, ids=lambda p: p.stem)
def test_no_chart_text_is_drawn_over_other_text(outline, theme, tmp_path):
    from generator.brief.styles import FRAME_WIDTH, GUTTER
    from generator.chart_geometry import collisions

    cases = _outline_charts(outline, theme)
    assert cases
    for name, context, chart in cases:
        for width in (FRAME_WIDTH * 0.62, (FRAME_WIDTH - GUTTER) / 2):
            d, words, page = _drawn_words(context, chart, width, tmp_path)
            assert words, name
            boxes = _boxes(words)
            clashes = [(words[i]["text"], words[j]["text"]) for i, j in collisions(boxes)]
            assert not clashes, (name, width, clashes)
            for w in words:  # nothing cut at the drawing's edge
                assert -0.5 <= w["x0"] and w["x1"] <= page.width + 0.5, (name, w["text"])
                assert -0.5 <= w["top"] and w["bottom"] <= page.height + 0.5, (name, w["text"])


@pytest.fixture(scope="module")
def fixture_charts() -> dict[str, tuple[Context, Chart]]:
    from generator import loader
    from generator.checks.charts import charts as all_charts

    loaded = loader.load(FIXTURES / "charts" / "charts.yaml")
    context = Context(loaded.outline)
    titles = [s.title for s in loaded.outline.sections[0].slides]
    return {title: (context, chart)
            for title, (_, chart) in zip(titles, all_charts(loaded.outline), strict=True)}


def test_long_category_names_wrap_under_their_own_columns(fixture_charts, tmp_path):
    context, chart = fixture_charts["Long category labels"]
    _, words, _ = _drawn_words(context, chart, 240, tmp_path)
    texts = [w["text"] for w in words]
    assert not [t for t in texts if "beforeHeat" in t or "afterGas" in t]
    assert texts.count("before") == 2 and texts.count("after") == 2


def test_names_too_long_for_columns_turn_the_chart_into_bars(ctx, tmp_path):
    names = ["Donaudampfschifffahrtsgesellschaft", "Elektrizitätswirtschaft", "Ost"]
    chart = _chart("column", [3.0, 5.0, 4.0], names)
    d, words, page = _drawn_words(ctx, chart, 240, tmp_path)
    rows = {w["text"]: (w["top"] + w["bottom"]) / 2 for w in words if w["text"] in names}
    assert len(rows) == 3
    assert rows[names[0]] < rows[names[1]] < rows[names[2]]  # one name a row, top down
    bars = [s for s in _shapes(d, []) if type(s).__name__ == "Rect" and s.fillColor]
    assert all(b.height < b.width or b.width < 1 for b in bars if b.height > 0)


def test_cjk_labels_are_set_in_the_fallback_font(fixture_charts, tmp_path):
    context, chart = fixture_charts["CJK pie"]
    path = tmp_path / "cjk.pdf"
    renderPDF.drawToFile(charts.drawing(context, chart, 240), str(path))
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    cjk = [c for c in chars if c["text"] == "宁"]
    assert cjk and all("DroidSansFallback" in c["fontname"] for c in cjk)
    assert all("Liberation" in c["fontname"] for c in chars if c["text"] in "0123456789")


@pytest.mark.parametrize("title", ["A pie of counts", "A doughnut of counts", "CJK pie"])
def test_slice_labels_sit_outside_the_circle_with_leader_lines(fixture_charts, title,
                                                               tmp_path):
    from reportlab.graphics.shapes import Wedge

    context, chart = fixture_charts[title]
    d, words, page = _drawn_words(context, chart, 300, tmp_path)
    wedges = [s for s in _shapes(d, []) if isinstance(s, Wedge)]
    cx, cy, r = wedges[0].centerx, page.height - wedges[0].centery, wedges[0].radius
    for w in words:
        nearest_x = min(max(cx, w["x0"]), w["x1"])
        nearest_y = min(max(cy, w["top"]), w["bottom"])
        assert ((nearest_x - cx) ** 2 + (nearest_y - cy) ** 2) ** 0.5 > r, w["text"]
    leaders = [s for s in _shapes(d, []) if isinstance(s, PolyLine)]
    assert len(leaders) == len(wedges)


def test_a_pie_of_counts_shows_shares_and_a_pie_of_percentages_its_values(fixture_charts,
                                                                          tmp_path):
    context, chart = fixture_charts["A pie of counts"]
    texts = [w["text"] for w in _drawn_words(context, chart, 300, tmp_path)[1]]
    assert "28%" in texts and "57" not in texts  # 57 of 200
    context, chart = fixture_charts["CJK pie"]
    texts = [w["text"] for w in _drawn_words(context, chart, 300, tmp_path)[1]]
    assert "45.1%" in texts


@pytest.mark.parametrize("title", ["Mixed-sign columns", "CJK lines with negatives"])
def test_category_names_are_under_the_plot_when_values_are_negative(fixture_charts, title,
                                                                    tmp_path):
    context, chart = fixture_charts[title]
    d, words, page = _drawn_words(context, chart, 240, tmp_path)
    names = [w for w in words if w["text"].startswith(("2019", "2020", "2021", "2022"))]
    assert len(names) == 4
    lowest = min(s.getBounds()[1] for s in _shapes(d, [])
                 if type(s).__name__ in ("Rect", "Circle") and s.fillColor is not None)
    for w in names:
        assert w["top"] > page.height - lowest, w["text"]


def test_close_lines_are_labelled_at_their_ends_only_in_order(fixture_charts, tmp_path):
    context, chart = fixture_charts["Seven close lines"]
    _, words, _ = _drawn_words(context, chart, 300, tmp_path)
    ends = [f"{s.values[-1]:.1f}" for s in chart.series]
    labels = [w for w in words if w["text"] in ends]
    assert sorted(w["text"] for w in labels) == sorted(ends)
    inner = {f"{v:.1f}" for s in chart.series for v in s.values[1:-1]} - set(ends)
    plot_left = min(w["x0"] for w in words if w["text"] == "2019")  # ticks stand left of it
    assert not [w for w in words if w["text"] in inner and w["x0"] > plot_left]
    # read top to bottom, the labels keep the order of the line ends
    by_height = [w["text"] for w in sorted(labels, key=lambda w: w["top"])]
    assert by_height == sorted(ends, key=float, reverse=True)


def test_a_dense_line_axis_names_every_other_category_rather_than_cutting_them(ctx, tmp_path):
    from generator.chart_geometry import collisions

    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember"]
    chart = _chart("line", [float(i % 5) for i in range(12)], months)
    _, words, _ = _drawn_words(ctx, chart, 200, tmp_path)
    shown = [w["text"] for w in words if w["text"] in months]
    assert shown and len(shown) < len(months)
    assert shown == [m for m in months if m in shown]
    assert not [w for w in words if w["text"] not in months and w["text"].isalpha()]
    assert not collisions(_boxes(words))
