"""Deck charts as a presenter sees them in LibreOffice Impress: no value over another word,
legends in series order, a value on every doughnut slice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
import yaml
from click.testing import CliRunner

from generator.chart_geometry import Rect, collisions
from generator.cli import main
from helpers import render

FIXTURE = Path(__file__).parents[1] / "fixtures" / "charts" / "charts.yaml"
pytestmark = [pytest.mark.render,
              pytest.mark.skipif(shutil.which("soffice") is None,
                                 reason="LibreOffice (soffice) is not installed")]


@pytest.fixture(scope="module", params=["16:9", "4:3"])
def pages(request, tmp_path_factory) -> dict[str, list[dict]]:
    """Build and render the chart fixture's deck; return each chart slide's words by title."""
    out = tmp_path_factory.mktemp("charts")
    result = CliRunner().invoke(main, ["build", str(FIXTURE), "--out", str(out), "--only",
                                       "deck", "--aspect", request.param])
    assert result.exit_code == 0, result.output
    slides = {}
    with pdfplumber.open(render(out / "deck.pptx")) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            if words:
                lines = (page.extract_text() or "").splitlines()
                slides[lines[0] if lines else ""] = words
    return slides


def _texts(words: list[dict]) -> list[str]:
    return [w["text"] for w in words]


def test_no_chart_word_is_drawn_over_another(pages):
    outline = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    titles = [slide["title"] for slide in outline["sections"][0]["slides"]]
    assert set(titles) <= set(pages)
    for title in titles:
        words = pages[title]
        boxes = [Rect(w["x0"], w["top"], w["x1"], w["bottom"]) for w in words]
        clashes = [(words[i]["text"], words[j]["text"]) for i, j in collisions(boxes)]
        assert not clashes, (title, clashes)


def test_a_bar_chart_legend_reads_in_series_order_like_its_bars(pages):
    words = pages["Two series bars"]
    first = [w for w in words if w["text"] == "First"]
    second = [w for w in words if w["text"] == "Second"]
    assert len(first) == len(second) == 1
    # the legend (one row above the plot) reads First year, Second year
    assert (round(first[0]["top"]), first[0]["x0"]) < (round(second[0]["top"]), second[0]["x0"])
    top_labels = {w["text"]: w["top"] for w in words if w["text"] in ("4.5", "5.2")}
    assert top_labels["4.5"] < top_labels["5.2"]  # first series' bar above the second's


@pytest.mark.parametrize(("title", "shown"), [
    ("A doughnut of counts", ["38%", "27%", "13%", "5%", "17%"]),
    ("A doughnut of percentages", ["35%", "65%"]),
    ("A pie of counts", ["28%", "24%", "16%", "12%", "11%", "9%"]),
])
def test_every_slice_shows_its_share(pages, title, shown):
    texts = _texts(pages[title])
    for value in shown:
        assert value in texts, (title, value, texts)
