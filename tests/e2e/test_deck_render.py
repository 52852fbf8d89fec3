"""The deck as LibreOffice draws it: every word on the page and inside its own text box."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation
from test_deck import build

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None,
                                reason="LibreOffice (soffice) is not installed")

EMU_PER_PT = 12700
TOLERANCE = 2.0


def render(pptx: Path) -> Path:
    """Convert ``pptx`` to PDF with LibreOffice in a private profile; return the PDF."""
    profile = pptx.parent / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(pptx.parent), str(pptx)],
                   check=True, capture_output=True, timeout=240)
    return pptx.with_suffix(".pdf")


def rectangles(slide, scale: float) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Return (name, (x0, top, x1, bottom)) in PDF points of every text-bearing shape."""
    out = []
    for shape in slide.shapes:
        has_text = shape.has_text_frame and shape.text_frame.text.strip()
        if not (has_text or shape.has_table or shape.has_chart):
            continue
        x0, y0 = shape.left / EMU_PER_PT * scale, shape.top / EMU_PER_PT * scale
        out.append((shape.name, (x0, y0, x0 + shape.width / EMU_PER_PT * scale,
                                 y0 + shape.height / EMU_PER_PT * scale)))
    return out


def inside(word: dict, rect: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = rect
    return (word["x0"] >= x0 - TOLERANCE and word["x1"] <= x1 + TOLERANCE
            and word["top"] >= top - TOLERANCE and word["bottom"] <= bottom + TOLERANCE)


def overlap(a: tuple, b: tuple) -> bool:
    return a[0] + 0.5 < b[2] and b[0] + 0.5 < a[2] and a[1] + 0.5 < b[3] and b[1] + 0.5 < a[3]


def check_layout(pptx: Path) -> list[str]:
    """Return every layout problem LibreOffice's rendering of ``pptx`` shows."""
    prs = Presentation(str(pptx))
    problems = []
    with pdfplumber.open(render(pptx)) as pdf:
        assert len(pdf.pages) == len(prs.slides)
        for n, (page, slide) in enumerate(zip(pdf.pages, prs.slides, strict=True), 1):
            scale = float(page.width) / (prs.slide_width / EMU_PER_PT)
            rects = rectangles(slide, scale)
            for (na, a), (nb, b) in itertools.combinations(rects, 2):
                if overlap(a, b):
                    problems.append(f"slide {n}: {na} overlaps {nb}")
            for word in page.extract_words():
                if not (0 <= word["x0"] and word["x1"] <= page.width and 0 <= word["top"]
                        and word["bottom"] <= page.height):
                    problems.append(f"slide {n}: '{word['text']}' is off the page")
                elif not any(inside(word, r) for _, r in rects):
                    problems.append(f"slide {n}: '{word['text']}' at ({word['x0']:.0f}, "
                                    f"{word['top']:.0f}) is outside every text box")
    return problems


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_all_kinds_render_inside_their_boxes(tmp_path: Path, aspect: str) -> None:
    _, result = build(tmp_path, aspect=aspect)
    assert check_layout(result.path) == []


def test_overflowing_content_spills_onto_continued_slides(tmp_path: Path) -> None:
    _, result = build(tmp_path, "deck_overflow.yaml")
    assert not [f for f in result.findings if f.code == "overflow"]
    prs = Presentation(str(result.path))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles.count("Every reason we considered (continued)") >= 1
    assert titles.count("Every store we surveyed (continued)") >= 1
    bullets = [p.text for s in prs.slides if s.shapes.title.text_frame.text.startswith(
        "Every reason") for ph in s.placeholders if ph.placeholder_format.idx == 1
        for p in ph.text_frame.paragraphs]
    assert len(bullets) == 30 and bullets[-1].startswith("Reason 30,")
    rows = [r.cells[0].text for s in prs.slides for sh in s.shapes if sh.has_table
            for r in list(sh.table.rows)[1:]]
    assert rows == [f"Store {i}" for i in range(1, 46)]
    assert check_layout(result.path) == []
