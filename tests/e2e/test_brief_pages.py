"""The brief's pages as a reader sees them: a 6-12 page report, set on one grid, in any theme.

Built from the shipped outline.yaml in its own theme and in the dark 'midnight' theme, and
from the sample fixture: chapters flow on and start in the top two thirds of a page, no
page is left half empty before the end (a short contents list shares its page with the
summary), no heading or exhibit title is left at a page foot, nothing leaves the text
frame, no words overlap.
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


FULL = ("outline", "outline-midnight")
"""The builds of a complete outline, which the brief's 6 to 12 pages are asked of. The sample
fixture holds less (three sections and a playbook): it fills the pages it needs, and filled
6 only while its five-entry contents stood alone on a page and its peers' reads were always
pushed to a new page (both left a page half empty)."""
HALF = 0.5
"""No page before the last ends above this share of the text frame's height."""


def test_is_a_brief_of_six_to_twelve_pages(pdf, request):
    if request.node.callspec.params["pdf"] in FULL:
        assert 6 <= len(pdf.pages) <= 12
    else:
        assert len(pdf.pages) <= 12


def _fill(lines: list[dict]) -> float:
    """Return how far down the text frame a page's body text runs, as a share of it."""
    return (lines[-1]["bottom"] - MARGIN_TOP) / FRAME_HEIGHT


def _part_height(lines: list[dict]) -> float:
    """Return the height of the part a page starts with: to its last line before the next
    part's heading (or the page's end)."""
    end = next((k for k, ln in enumerate(lines[1:], 1) if _size(ln) == H1_PT), len(lines))
    return lines[end - 1]["bottom"] - lines[0]["top"]


def test_no_page_before_the_last_is_left_half_empty(pdf):
    pages = [_body_lines(page) for page in pdf.pages]
    for number, lines in enumerate(pages[1:-1], 2):
        if _fill(lines) >= HALF:
            continue
        # only contents may stand alone, when the part after them would not fit under them
        nxt = pages[number]
        room = FRAME_HEIGHT * (1 - _fill(lines))
        assert lines[0]["text"] == "Contents" and _part_height(nxt) > room, (
            number, round(_fill(lines), 2), lines[0]["text"])


def test_a_short_contents_list_shares_its_page_with_the_summary(pdf, request):
    page = [ln["text"] for ln in _body_lines(pdf.pages[1])]
    assert page[0] == "Contents"
    if request.node.callspec.params["pdf"] not in FULL:  # five entries and a short summary
        assert "Executive summary" in page
    else:  # fourteen entries and a summary of most of a page, which starts a page whole
        assert "Executive summary" not in page
        assert _body_lines(pdf.pages[2])[0]["text"] == "Executive summary"


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


def test_a_short_sources_list_that_fits_stays_under_the_last_chapter(tmp_path):
    """The charts fixture's one-entry list fits under its last figure: it stays there
    (it stood alone on a fourth page while less than 120 pt were left), its heading with it."""
    path = ROOT / "tests" / "fixtures" / "charts" / "charts.yaml"
    out = tmp_path / "brief.pdf"
    BriefBuilder().build(_loader.load(path).outline, out, BuildOptions(timestamp=WHEN))
    with pdfplumber.open(out) as doc:
        last = [ln["text"] for ln in _body_lines(doc.pages[-1])]
    assert "Sources" in last and last.index("Sources") > 0, last
    assert last[-1].startswith("[1] "), last
