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
from dataclasses import dataclass, replace
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from generator import build as builds
from generator import loader, pdfium
from generator.deck import DeckBuilder
from generator.deck.elements import ChartFrame, DeckPlan
from generator.deck.layout import Box
from generator.report import BuildOptions
from generator.slides_pdf import SlidesPdfBuilder
from helpers import (
    BAR_RGB,
    EMU_PER_PT,
    FONTS,
    LOGO_RGB,
    WHEN,
    art_template,
    outline_on,
    render,
)
from helpers import build_deck as build

pytestmark = [pytest.mark.render,
              pytest.mark.skipif(shutil.which("soffice") is None,
                                 reason="LibreOffice (soffice) is not installed")]

TOLERANCE = 4.0
"""Points a word of deck.pdf may lie from the same word in LibreOffice's rendering."""
KERNING_DRIFT = 0.01
"""On a template in Calibri (Carlito, its metric twin, drawn by LibreOffice), LibreOffice's
pair kerning moves a word of a long bold title up to 0.8% of its distance from the left
edge (4.5 points at 590 points); baselines agree to 0.1 point."""


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


def _compare(plan: DeckPlan, ours: Path, theirs: Path, scale: float = 1.0,
             drift: float = 0.0) -> int:
    """Assert every word of ``ours`` lies within ``TOLERANCE`` of the same word in
    ``theirs`` (across, or ``drift`` times its distance from the slide's left edge when
    that is more), page by page, outside the charts of ``plan`` (drawn ``scale`` times its
    size); return how many words were compared."""
    mine_all, lo_all = _words(ours), _words(theirs)
    assert len(mine_all) == len(lo_all) == len(plan.slides)
    compared = 0
    for n, (slide, mine, lo) in enumerate(zip(plan.slides, mine_all, lo_all, strict=True), 1):
        charts = [Box(e.box.x * scale, e.box.y * scale, e.box.w * scale, e.box.h * scale)
                  for e in slide.elements if isinstance(e, ChartFrame)]
        mine, lo = _outside(mine, charts), _outside(lo, charts)
        assert sorted(w[0] for w in mine) == sorted(w[0] for w in lo), f"slide {n}: words"
        places = defaultdict(list)
        for text, x, y in lo:
            places[text].append((x, y))
        for text, x, y in mine:
            near = min(places[text], key=lambda p: abs(p[0] - x) + abs(p[1] - y))
            across = max(TOLERANCE, drift * x)
            assert abs(near[0] - x) <= across and abs(near[1] - y) <= TOLERANCE, (
                f"slide {n}: '{text}' at ({x:.1f}, {y:.1f}) in deck.pdf, "
                f"({near[0]:.1f}, {near[1]:.1f}) in LibreOffice")
            compared += 1
    return compared


def test_every_word_of_deck_pdf_lands_where_libreoffice_draws_it(tmp_path):
    loaded, result = build(tmp_path)
    options = BuildOptions(timestamp=WHEN)
    builder = SlidesPdfBuilder()
    plan = builder.plan(loaded.outline, options)
    builder.build(loaded.outline, tmp_path / "slides.pdf", options)
    assert _compare(plan, tmp_path / "slides.pdf", render(result.path)) > 500


# --- on a template of another size, with artwork ------------------------------------------

SIZES = {"16:9-10in": (9144000, 5143500), "4:3-10in": (9144000, 6858000)}
"""Templates whose slides are not deckgen's 13.33 x 7.5 in: Google Slides' and pandoc's
16:9 (the plan is scaled onto it) and PowerPoint's 4:3 (planned at its own size)."""


@dataclass
class _Built:
    plan: DeckPlan
    ours: Path
    theirs: Path
    pptx: Path
    size: tuple[float, float]
    bar: tuple[float, float, float, float]
    logo: tuple[float, float, float, float]


@pytest.fixture(scope="module", params=list(SIZES))
def art_deck(request, tmp_path_factory) -> _Built:
    """A deck built on a template of another size whose master draws a bar and a logo:
    deck.pptx rendered by LibreOffice (with the bundled fonts, Carlito for Calibri) and
    deck.pdf, from the same options as ``deckgen build``."""
    folder = tmp_path_factory.mktemp(request.param.replace(":", "x"))
    size = SIZES[request.param]
    w, h = size[0] / EMU_PER_PT, size[1] / EMU_PER_PT
    bar, logo = (0.0, 0.0, 18.0, h), (w - 96.0, 10.0, 72.0, 24.0)
    art_template(folder / "corporate.pptx", size, bar=bar, logo=logo)
    loaded = loader.load(outline_on(folder, "corporate.pptx"))
    options = replace(builds.options_for(loaded), timestamp=WHEN)
    deck = DeckBuilder().build(loaded.outline, folder / "deck.pptx", options)
    builder = SlidesPdfBuilder()
    builder.build(loaded.outline, folder / "slides.pdf", options)
    return _Built(builder.plan(loaded.outline, options), folder / "slides.pdf",
                  render(deck.path, FONTS), deck.path, (w, h), bar, logo)


def test_deck_pdf_pages_are_the_pptx_slide_size_on_a_template_of_another_size(art_deck):
    prs = Presentation(str(art_deck.pptx))
    size = (prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT)
    assert size == pytest.approx(art_deck.size, abs=0.01)
    for pdf in (art_deck.ours, art_deck.theirs):
        with pdfplumber.open(pdf) as doc:
            assert {(round(p.width, 1), round(p.height, 1)) for p in doc.pages} == {
                (round(size[0], 1), round(size[1], 1))}, pdf.name


def test_every_word_lands_where_libreoffice_draws_it_on_a_template_of_another_size(art_deck):
    scale = art_deck.size[1] / art_deck.plan.height
    assert _compare(art_deck.plan, art_deck.ours, art_deck.theirs, scale, KERNING_DRIFT) > 400


def _found(image, rgb: tuple[int, int, int], box: tuple[float, ...], margin: float = 12.0,
           near: int = 24) -> tuple[int, int, int, int] | None:
    """Return the bounding box (x0, y0, x1, y1, in pixels of 1 pt) of the pixels within
    ``near`` of colour ``rgb`` around ``box`` (x, y, w, h in points), or None."""
    x, y, w, h = box
    window = (max(int(x - margin), 0), max(int(y - margin), 0),
              min(int(x + w + margin), image.width), min(int(y + h + margin), image.height))
    crop = image.crop(window)
    px = crop.load()
    hits = [(i, j) for j in range(crop.height) for i in range(crop.width)
            if sum(abs(a - b) for a, b in zip(px[i, j], rgb, strict=True)) <= near]
    if not hits:
        return None
    xs, ys = [i for i, _ in hits], [j for _, j in hits]
    return (window[0] + min(xs), window[1] + min(ys), window[0] + max(xs) + 1,
            window[1] + max(ys) + 1)


def test_the_masters_bar_and_logo_are_drawn_where_libreoffice_draws_them(art_deck):
    ours = dict(pdfium.images(art_deck.ours, None, 1.0))
    theirs = dict(pdfium.images(art_deck.theirs, None, 1.0))
    assert len(ours) == len(theirs) == len(art_deck.plan.slides)
    for n in ours:
        for name, rgb, box in (("bar", BAR_RGB, art_deck.bar), ("logo", LOGO_RGB, art_deck.logo)):
            lo, mine = _found(theirs[n], rgb, box), _found(ours[n], rgb, box)
            assert lo is not None, f"slide {n + 1}: LibreOffice draws no {name}"
            assert mine is not None, f"slide {n + 1}: deck.pdf draws no {name}"
            assert all(abs(a - b) <= 2 for a, b in zip(mine, lo, strict=True)), (
                f"slide {n + 1}: the {name} at {mine} in deck.pdf, {lo} in LibreOffice")
            x, y, w, h = box
            assert abs(mine[0] - x) <= 2 and abs(mine[2] - (x + w)) <= 2, (n, name, mine)
