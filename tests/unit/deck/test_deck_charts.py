"""Deck charts as a presenter sees them: values on every slice, labels that cannot touch,
tick formats of their own, legends in series order, colours that show on every theme."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from generator import brand, chart_colours, loader, themes
from generator.deck import DeckBuilder
from generator.report import BuildOptions

FIXTURE = Path(__file__).parents[2] / "fixtures" / "charts" / "charts.yaml"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"c": C, "a": A}


def _charts(folder: Path, theme: str = "default",
            aspect: str = "16:9") -> dict[str, etree._Element]:
    """Build the chart fixture's deck; return each chart's XML by its slide title."""
    shutil.copy(FIXTURE, folder / FIXTURE.name)
    loaded = loader.load(folder / FIXTURE.name, brand=theme)
    DeckBuilder().build(loaded.outline, folder / "deck.pptx", BuildOptions(aspect=aspect))
    out = {}
    for slide in Presentation(folder / "deck.pptx").slides:
        for shape in slide.shapes:
            if shape.has_chart:
                out[slide.shapes.title.text] = etree.fromstring(shape.chart.part.blob)
    return out


@pytest.fixture(scope="module")
def charts(tmp_path_factory) -> dict[str, etree._Element]:
    return _charts(tmp_path_factory.mktemp("charts"))


def _one(xml, path: str):
    found = xml.xpath(path, namespaces=NS)
    assert len(found) == 1, (path, len(found))
    return found[0]


def _val(xml, path: str) -> str:
    return _one(xml, path).get("val")


def test_a_pie_of_counts_shows_each_slice_as_a_share_of_the_whole(charts):
    pie = charts["A pie of counts"]
    assert _val(pie, "//c:plotArea//c:dLbls/c:showPercent") == "1"
    assert _val(pie, "//c:plotArea//c:dLbls/c:showVal") == "0"
    assert _one(pie, "//c:plotArea//c:dLbls/c:numFmt").get("formatCode") == "0%"
    assert _val(pie, "//c:plotArea//c:dLbls/c:dLblPos") == "outEnd"


@pytest.mark.parametrize(("title", "percent", "fmt"), [
    ("A doughnut of counts", "1", "0%"),
    ("A doughnut of percentages", "0", "0%"),
])
def test_every_doughnut_slice_carries_its_value_in_a_colour_that_reads_on_it(
        charts, title, percent, fmt):
    doughnut = charts[title]
    fills = [p.get("val") for p in doughnut.xpath(
        "//c:ser/c:dPt/c:spPr/a:solidFill/a:srgbClr", namespaces=NS)]
    labels = doughnut.xpath("//c:ser/c:dLbls/c:dLbl", namespaces=NS)
    assert len(labels) == len(fills) == len(doughnut.xpath("//c:cat//c:pt", namespaces=NS))
    for label, fill in zip(labels, fills, strict=True):
        assert _val(label, "c:showPercent") == percent
        assert _val(label, "c:showVal") == ("0" if percent == "1" else "1")
        assert _one(label, "c:numFmt").get("formatCode") == fmt
        text = _one(label, ".//a:defRPr/a:solidFill/a:srgbClr").get("val")
        assert brand.contrast(f"#{text}", f"#{fill}") >= brand.AA_LARGE


def test_labels_of_thin_slices_that_would_sit_on_others_are_left_out(charts):
    doughnut = charts["Small slices side by side"]
    labels = doughnut.xpath("//c:ser/c:dLbls/c:dLbl", namespaces=NS)
    hidden = [int(_val(d, "c:idx")) for d in labels if d.find(f"{{{C}}}delete") is not None]
    assert hidden and set(hidden) <= {1, 2, 3, 4}  # thin ones only; 70 and 25 keep theirs
    assert len(hidden) < 4  # not every thin slice: those with room keep their label
    for label in labels:
        if int(_val(label, "c:idx")) in hidden:
            assert _val(label, "c:delete") == "1"
            assert [child.tag.split("}")[1] for child in label] == ["idx", "delete"]


def test_percent_values_show_a_percent_sign(charts):
    pie = charts["CJK pie"]
    assert _one(pie, "//c:plotArea//c:dLbls/c:numFmt").get("formatCode") == '0.0"%"'


def test_the_axis_has_its_own_tick_format_and_a_round_scale(charts):
    columns = charts["Mixed-sign columns"]
    assert _one(columns, "//c:valAx/c:numFmt").get("formatCode") == "0.0"  # step 2.5
    assert _val(columns, "//c:valAx/c:majorUnit") == "2.5"
    bars = charts["All-negative bars"]
    assert _one(bars, "//c:valAx/c:numFmt").get("formatCode") == "+0;−0;0"
    assert _one(bars, "//c:plotArea//c:dLbls/c:numFmt").get("formatCode") == "+0.0;−0.0;0.0"
    long = charts["Long category labels"]
    assert _one(long, "//c:valAx/c:numFmt").get("formatCode") == "#,##0"


@pytest.mark.parametrize("title", ["Mixed-sign columns", "All-negative bars",
                                   "CJK lines with negatives"])
def test_category_names_sit_at_the_low_end_when_values_are_negative(charts, title):
    assert _val(charts[title], "//c:catAx/c:tickLblPos") == "low"


def test_positive_charts_keep_their_names_next_to_the_axis(charts):
    assert not charts["Long category labels"].xpath("//c:catAx/c:tickLblPos[@val='low']",
                                                    namespaces=NS)


def test_close_lines_carry_no_value_labels(charts):
    lines = charts["Seven close lines"]
    assert not lines.xpath("//c:dLbls/c:showVal[@val='1']", namespaces=NS)
    assert not lines.xpath("//c:dLbl", namespaces=NS)


def test_lines_whose_ends_are_apart_are_labelled_at_their_ends_only(charts):
    lines = charts["CJK lines with negatives"]
    for series in lines.xpath("//c:ser", namespaces=NS):
        labels = series.xpath("c:dLbls/c:dLbl", namespaces=NS)
        assert [_val(d, "c:idx") for d in labels] == ["5"]
        assert _val(labels[0], "c:dLblPos") == "r"
        assert _val(labels[0], "c:showVal") == "1"


def test_a_single_spaced_line_is_labelled_at_every_point(charts):
    line = charts["One line, spaced"]
    assert _val(line, "//c:plotArea//c:dLbls/c:showVal") == "1"
    assert _val(line, "//c:plotArea//c:dLbls/c:dLblPos") == "t"


def test_the_legend_lists_the_series_in_outline_order(charts):
    lines = charts["Seven close lines"]
    series = lines.xpath("//c:ser", namespaces=NS)
    assert [int(_val(s, "c:order")) for s in series] == list(range(7))
    names = [s.xpath("c:tx//c:v", namespaces=NS)[0].text for s in series]
    assert names[:2] == ["Lower Rhine", "Middle Rhine"] and names[-1] == "Lower Danube"
    assert not lines.xpath("//c:legend/c:legendEntry", namespaces=NS)
    assert _val(lines, "//c:legend/c:legendPos") == "b"


@pytest.mark.parametrize("theme", themes.names())
def test_series_colours_show_on_the_plot_in_every_theme(tmp_path, theme):
    charts = _charts(tmp_path, theme, "4:3")
    loaded = loader.load(tmp_path / FIXTURE.name, brand=theme)
    background = loaded.outline.brand.palette.background
    for title, xml in charts.items():
        colours = [c.get("val") for c in xml.xpath(
            "//c:ser/c:spPr/a:solidFill/a:srgbClr | //c:ser/c:spPr/a:ln/a:solidFill/a:srgbClr"
            " | //c:ser/c:dPt/c:spPr/a:solidFill/a:srgbClr", namespaces=NS)]
        assert colours, title
        for colour in colours:
            assert brand.contrast(f"#{colour}", background) >= 3.0, (title, colour)
        distinct = list(dict.fromkeys(colours))
        for a, b in zip(distinct, distinct[1:], strict=False):
            assert chart_colours.distance(f"#{a}", f"#{b}") >= chart_colours.MIN_DISTANCE


def _line_series(xml: etree._Element) -> list[tuple[str, str, str]]:
    """Return each line series of a native chart as (colour, dash, marker) as the file says
    them ('' where the file leaves it to the application: solid, its automatic marker)."""
    out = []
    for ser in xml.xpath("//c:lineChart/c:ser", namespaces=NS):
        colour = ser.xpath("c:spPr/a:ln/a:solidFill/a:srgbClr/@val", namespaces=NS)[0]
        dash = "".join(ser.xpath("c:spPr/a:ln/a:prstDash/@val", namespaces=NS))
        marker = "".join(ser.xpath("c:marker/c:symbol/@val", namespaces=NS))
        out.append((colour, dash or "solid", marker))
    return out


@pytest.mark.parametrize("theme", themes.names())
def test_close_line_series_differ_in_dash_and_marker_in_every_theme(tmp_path, theme):
    charts = _charts(tmp_path, theme)
    for title in ("Five lines", "Seven close lines"):
        series = _line_series(charts[title])
        for i, (a, dash_a, marker_a) in enumerate(series):
            for b, dash_b, marker_b in series[i + 1:]:
                if chart_colours.distance(f"#{a}", f"#{b}") < chart_colours.CLEAR_DISTANCE:
                    assert marker_a and marker_b, (title, "markers are set, not automatic")
                    assert (dash_a, marker_a) != (dash_b, marker_b), (title, a, b)
    five = _line_series(charts["Five lines"])
    if theme == "default":  # the reported case: four blue-greys, now five dashes and markers
        assert len({dash for _, dash, _ in five}) == len({m for _, _, m in five}) == 5
