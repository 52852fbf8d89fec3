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
