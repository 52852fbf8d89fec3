"""A chart slide reads the same in deck.pptx and in deck.pdf: the same orientation (bars or
columns), the same value axis, value labels on the same charts, as the deck's plan says."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation

from generator import loader
from generator.cli import main
from generator.deck.elements import ChartFrame
from generator.deck.planner import plan
from generator.report import BuildOptions
from helpers import render

FIXTURE = Path(__file__).parents[1] / "fixtures" / "charts" / "parity.yaml"
NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
ASPECTS = ["16:9", "4:3"]


def _build(out: Path, aspect: str) -> Path:
    shutil.copy(FIXTURE, out / FIXTURE.name)
    result = CliRunner().invoke(main, ["build", str(out / FIXTURE.name), "--out", str(out),
                                       "--only", "deck", "--only", "slides-pdf", "--aspect",
                                       aspect])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module", params=ASPECTS)
def built(request, tmp_path_factory) -> tuple[str, Path]:
    """Build the parity fixture's deck.pptx and deck.pdf in one aspect."""
    return request.param, _build(tmp_path_factory.mktemp("parity"), request.param)


def _native(pptx: Path) -> dict[int, etree._Element]:
    """Return each chart's XML by its slide number."""
    out = {}
    for number, slide in enumerate(Presentation(pptx).slides, 1):
        for shape in slide.shapes:
            if shape.has_chart:
                out[number] = etree.fromstring(shape.chart.part.blob)
    return out


def _native_axis(xml) -> tuple[str, float, float]:
    """Return the native chart's orientation ('bar' or 'col'; a line chart's values run up,
    as a column chart's) and its value axis's minimum and maximum."""
    direction = xml.xpath("//c:barDir/@val", namespaces=NS)
    low = xml.xpath("//c:valAx/c:scaling/c:min/@val", namespaces=NS)
    high = xml.xpath("//c:valAx/c:scaling/c:max/@val", namespaces=NS)
    assert low and high, "the native chart leaves its axis range to the application"
    return (direction[0] if direction else "col"), float(low[0]), float(high[0])


def _number(text: str) -> float | None:
    cleaned = (text.replace("−", "-").replace("\u202f", "").replace("\xa0", "")
               .replace("%", "").replace(",", "."))
    try:
        return float(cleaned)
    except ValueError:
        return None


def _drawn_axis(page, box) -> tuple[str, float, float]:
    """Return the orientation and the value axis's extremes of the chart deck.pdf draws in
    ``box`` (x, y, w, h in points from the top left), read from its gridlines and the tick
    labels beside them: the gridlines are horizontal for columns and lines, vertical for
    bars; the labelled gridlines give the scale, the outermost the extremes."""
    x, y, w, h = box
    lines = [ln for ln in page.lines if x - 1 <= ln["x0"] and ln["x1"] <= x + w + 1
             and y - 1 <= ln["top"] and ln["bottom"] <= y + h + 1]
    level = [ln for ln in lines if abs(ln["top"] - ln["bottom"]) < 0.01 and ln["width"] > 20]
    upright = [ln for ln in lines if abs(ln["x0"] - ln["x1"]) < 0.01 and ln["height"] > 20]
    grid, direction = (upright, "bar") if len(upright) > len(level) else (level, "col")
    assert len(grid) >= 2, "no gridlines found"
    words = [(wd, _number(wd["text"])) for wd in page.extract_words()
             if x - 1 <= wd["x0"] and wd["x1"] <= x + w + 1 and y - 1 <= wd["top"]
             and wd["bottom"] <= y + h + 1]
    ticks = []
    for ln in grid:
        at = ln["x0"] if direction == "bar" else ln["top"]
        for wd, value in words:
            if value is None:
                continue
            if direction == "bar":
                beside = abs((wd["x0"] + wd["x1"]) / 2 - at) < 1 and wd["top"] >= ln["bottom"]
            else:
                beside = abs((wd["top"] + wd["bottom"]) / 2 - at) < 4 and wd["x1"] <= ln["x0"]
            if beside:
                ticks.append((at, value))
                break
    assert len(ticks) >= 2, "fewer than two labelled gridlines"
    (a0, v0), (a1, v1) = ticks[0], ticks[-1]
    per = (v1 - v0) / (a1 - a0)
    ends = [ln["x0"] if direction == "bar" else ln["top"] for ln in grid]
    values = sorted(v0 + (e - a0) * per for e in ends)
    return direction, round(values[0], 6), round(values[-1], 6)


def test_deck_pdf_draws_each_chart_as_the_native_chart_shows_it(built):
    aspect, out = built
    native = _native(out / "deck.pptx")
    plans = {s.number: s for s in plan(loader.load(out / FIXTURE.name).outline,
                                       BuildOptions(aspect=aspect)).slides}
    assert len(native) == 6
    seen = set()
    with pdfplumber.open(out / "deck.pdf") as pdf:
        for number, xml in native.items():
            frame = next(e for e in plans[number].elements if isinstance(e, ChartFrame))
            b = frame.box
            drawn = _drawn_axis(pdf.pages[number - 1], (b.x, b.y, b.w, b.h))
            assert drawn == _native_axis(xml), (aspect, plans[number].title)
            seen.add(drawn[0])
    assert seen == {"bar", "col"}


def test_a_column_chart_whose_names_cannot_stand_is_bars_in_both(tmp_path):
    out = _build(tmp_path, "4:3")
    xml = _native(out / "deck.pptx")[3]  # Orders by customer industry, beside a takeaway
    assert _native_axis(xml)[0] == "bar"
    assert xml.xpath("//c:barChart/c:grouping/@val", namespaces=NS) == ["clustered"]
    # names stand level: a bar chart's category axis has no text body that turns its names
    # (nor one that lets LibreOffice wrap them into a narrow column, cutting words)
    assert xml.xpath("//c:catAx/c:txPr", namespaces=NS) == []
    with pdfplumber.open(out / "deck.pdf") as pdf:
        page = pdf.pages[2]
        words = {w["text"]: w for w in page.extract_words()}
        assert _drawn_axis(page, _chart_box(out, "4:3", 3))[0] == "bar"
    # deck.pdf's names stand whole, left of the plot, like the native bar chart's
    plot_left = (words["-40"]["x0"] + words["-40"]["x1"]) / 2  # the lowest tick's gridline
    assert all(words[n]["x1"] < plot_left
               for n in ("Automobilindustrie", "Allgemeiner", "Maschinenbau"))


def _chart_box(out: Path, aspect: str, number: int) -> tuple[float, float, float, float]:
    deck = plan(loader.load(out / FIXTURE.name).outline, BuildOptions(aspect=aspect))
    frame = next(e for e in deck.slides[number - 1].elements if isinstance(e, ChartFrame))
    return frame.box.x, frame.box.y, frame.box.w, frame.box.h


@pytest.mark.parametrize("aspect", ASPECTS)
def test_the_native_chart_has_value_labels_where_the_plan_puts_them(tmp_path, aspect):
    out = _build(tmp_path, aspect)
    native = _native(out / "deck.pptx")
    deck = plan(loader.load(out / FIXTURE.name).outline, BuildOptions(aspect=aspect))
    frames = {s.number: next(e for e in s.elements if isinstance(e, ChartFrame))
              for s in deck.slides if s.number in native}
    for number, frame in frames.items():
        xml = native[number]
        shown = xml.xpath("//c:plotArea/*/c:dLbls/c:showVal/@val", namespaces=NS)
        if frame.labels.points == "all":
            assert shown == ["1"], frame.chart.categories
            assert xml.xpath("//c:plotArea/*/c:dLbls/c:numFmt/@formatCode",
                             namespaces=NS) == [frame.labels.number_format]
        else:
            assert shown != ["1"]
    # every column chart of the fixture has its values written on it, in the outline's
    # number format with the unit's percent sign, in deck.pptx and in deck.pdf alike
    labelled = [f for f in frames.values() if f.chart.type == "column"]
    assert labelled and all(f.labels.points == "all" for f in labelled)
    assert frames[3].labels.number_format == frames[4].labels.number_format == '0.0"%"'
    with pdfplumber.open(out / "deck.pdf") as pdf:
        for number in (3, 4):
            text = pdf.pages[number - 1].extract_text()
            for series in frames[number].chart.series:
                assert all(f"{v:.1f}%" in text for v in series.values), (number, text)


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed")
@pytest.mark.parametrize("aspect", ASPECTS)
def test_libreoffice_shows_the_native_value_labels(tmp_path, aspect):
    out = _build(tmp_path, aspect)
    pdf = render(out / "deck.pptx")
    for page, values in ((3, ["-8.5%", "12.0%", "-25.0%", "-9.8%"]),
                         (4, ["23.5%", "-17.2%", "9.1%", "0.8%"])):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout",
                               str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
        for value in values:
            assert value in text, (aspect, page, value, text)


DENSE = """meta: {title: Dense axis, language: de}
sources: [{id: s, title: Erfundene Zahlen}]
sections:
  - title: Monate
    slides:
      - kind: chart
        title: Monatswerte
        notes: Zwölf Monate neben einer Aussage.
        chart:
          type: line
          categories: [Januar, Februar, März, April, Mai, Juni, Juli, August, September,
                       Oktober, November, Dezember]
          series: [{name: Aufträge, values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}]
          source: s
        takeaway: Ein längerer Satz neben dem Diagramm, der seinen Platz braucht.
"""


def test_a_dense_axis_names_the_same_categories_in_both(tmp_path):
    (tmp_path / "outline.yaml").write_text(DENSE, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "outline.yaml"), "--out",
                                       str(tmp_path), "--only", "deck", "--only",
                                       "slides-pdf", "--aspect", "4:3"])
    assert result.exit_code == 0, result.output
    (number, xml), = _native(tmp_path / "deck.pptx").items()
    skip = xml.xpath("//c:catAx/c:tickLblSkip/@val", namespaces=NS)
    assert skip and int(skip[0]) > 1
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember"]
    with pdfplumber.open(tmp_path / "deck.pdf") as pdf:
        words = {w["text"] for w in pdf.pages[number - 1].extract_words()}
    assert [m for m in months if m in words] == months[::int(skip[0])]
