"""The brief's pages as a reader sees them: a 6-14 page report, set on one grid, in any theme.

Built from the shipped outline.yaml in its own theme and in the dark 'midnight' theme, and
from the sample fixture: chapters flow on and start in the top two thirds of a page, no
heading or exhibit title is left at a page foot, nothing leaves the text frame, no words
overlap.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import pdfplumber
import pytest

from generator import loader as _loader
from generator.brief import BriefBuilder
from generator.brief.styles import FRAME_HEIGHT, H1_PT, H2_PT, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X
from generator.report import BuildOptions

ROOT = Path(__file__).parents[2]
WHEN = _dt.datetime(2025, 8, 1, tzinfo=_dt.UTC)
BUILDS = {
    "outline": (ROOT / "outline.yaml", None),
    "outline-midnight": (ROOT / "outline.yaml", "midnight"),
    "sample": (ROOT / "tests" / "fixtures" / "brief_sample.yaml", None),
}
CHAPTER_HEAD = re.compile(r"(\d\d\s|Playbook\b)")


@pytest.fixture(scope="module", params=sorted(BUILDS))
def pdf(request, tmp_path_factory):
    path, brand = BUILDS[request.param]
    outline = _loader.load(path, brand=brand).outline
    out = tmp_path_factory.mktemp(request.param) / "brief.pdf"
    result = BriefBuilder().build(outline, out, BuildOptions(timestamp=WHEN))
    assert result.findings == []
    with pdfplumber.open(out) as doc:
        yield doc


def _body_lines(page) -> list[dict]:
    return [ln for ln in page.extract_text_lines()
            if MARGIN_TOP - 1 < ln["top"] and ln["bottom"] < page.height - MARGIN_BOTTOM + 1]


def _size(line: dict) -> float:
    return round(line["chars"][0]["size"], 1)


def test_is_a_brief_of_six_to_fourteen_pages(pdf):
    # the shipped outline's brief is 14 pages: it carries every column of its seven
    # two-column slides (once left out) and opens no chapter in a page's bottom third
    assert 6 <= len(pdf.pages) <= 14


def test_chapters_start_in_the_top_two_thirds_of_a_page(pdf):
    for number, page in enumerate(pdf.pages[2:], 3):
        for line in _body_lines(page):
            if _size(line) == H1_PT and CHAPTER_HEAD.match(line["text"]):
                assert line["top"] < MARGIN_TOP + FRAME_HEIGHT * 2 / 3, (number, line["text"])


def test_no_heading_or_exhibit_title_ends_a_page(pdf):
    for number, page in enumerate(pdf.pages[1:-1], 2):
        last = _body_lines(page)[-1]
        assert _size(last) not in (H1_PT, H2_PT), (number, last["text"])
        assert not re.match(r"(Figure|Table) \d+\. ", last["text"]), (number, last["text"])


def test_text_stays_inside_the_frame(pdf):
    for number, page in enumerate(pdf.pages[1:], 2):
        for word in page.extract_words():
            assert MARGIN_X - 1 <= word["x0"] and word["x1"] <= page.width - MARGIN_X + 1, (
                number, word["text"])


def _overlap(a: dict, b: dict) -> bool:
    return (min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > 0.5
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5)


def test_no_words_overlap(pdf):
    for number, page in enumerate(pdf.pages, 1):
        words = page.extract_words()
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                assert not _overlap(a, b), (number, a["text"], b["text"])
