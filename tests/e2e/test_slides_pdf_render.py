"""deck.pdf against LibreOffice's rendering of deck.pptx: every word in the same place.

Both are drawn from the same slide plans; this checks that the PDF painter lays text out as
a presentation program does. Words inside charts are left out: the native chart is drawn
by LibreOffice's own chart engine, deck.pdf's by the shared vector chart drawing.

Tolerance: ``TOLERANCE`` points across and down (baseline). LibreOffice applies the font's
pair kerning, which deckgen's measurement (and PowerPoint, by default) does not: a long
line drifts by up to about 3.5 points by its end; baselines agree to 0.1 point.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest

from generator.deck.elements import ChartFrame
from generator.report import BuildOptions
from generator.slides_pdf import SlidesPdfBuilder
from helpers import WHEN, render
from helpers import build_deck as build

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None,
                                reason="LibreOffice (soffice) is not installed")

TOLERANCE = 4.0
"""Points a word of deck.pdf may lie from the same word in LibreOffice's rendering."""


def _words(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """Return, per page, each word's text, left edge and baseline (points from the top)."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            words = page.extract_words(return_chars=True)
            out.append([(w["text"], w["x0"], page.height - w["chars"][0]["matrix"][5])
                        for w in words])
    return out


def _outside(words, boxes):
    return [w for w in words if not any(b.x - 2 <= w[1] <= b.right + 2
                                        and b.y - 2 <= w[2] <= b.bottom + 12 for b in boxes)]


def test_every_word_of_deck_pdf_lands_where_libreoffice_draws_it(tmp_path):
    loaded, result = build(tmp_path)
    options = BuildOptions(timestamp=WHEN)
    builder = SlidesPdfBuilder()
    plan = builder.plan(loaded.outline, options)
    builder.build(loaded.outline, tmp_path / "slides.pdf", options)
    ours = _words(tmp_path / "slides.pdf")
    theirs = _words(render(result.path))
    assert len(ours) == len(theirs) == len(plan.slides)
    compared = 0
    for n, (slide, mine, lo) in enumerate(zip(plan.slides, ours, theirs, strict=True), 1):
        charts = [e.box for e in slide.elements if isinstance(e, ChartFrame)]
        mine, lo = _outside(mine, charts), _outside(lo, charts)
        assert sorted(w[0] for w in mine) == sorted(w[0] for w in lo), f"slide {n}: words"
        places = defaultdict(list)
        for text, x, y in lo:
            places[text].append((x, y))
        for text, x, y in mine:
            near = min(places[text], key=lambda p: abs(p[0] - x) + abs(p[1] - y))
            assert abs(near[0] - x) <= TOLERANCE and abs(near[1] - y) <= TOLERANCE, (
                f"slide {n}: '{text}' at ({x:.1f}, {y:.1f}) in deck.pdf, "
                f"({near[0]:.1f}, {near[1]:.1f}) in LibreOffice")
            compared += 1
    assert compared > 500

