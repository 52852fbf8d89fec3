"""Layout under stress: long tables split with their header, nothing runs off the frame."""

from __future__ import annotations

import outloud
import pdfplumber
import pdfua
import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader

from generator.brief import BriefBuilder
from generator.brief.styles import MARGIN_X
from generator.model import Outline

LONG_WORD = "Supercalifragilisticexpialidocious-and-then-some-more-text-without-spaces"


def _outline(logo: str | None = None) -> Outline:
    rows = [[f"Row {n}", f"{n * 1000:,}", "A cell with several words that must wrap",
             LONG_WORD if n % 10 == 0 else "short", "x & y < z", "≈ 5×"] for n in range(80)]
    return Outline.parse({
        "meta": {"title": "Stress <test> & co", "organisation": "Stress Test Inc"},
        "brand": {"logo": logo} if logo else {},
        "sections": [{
            "title": "Tables and charts",
            "prose": ["Some prose."],
            "slides": [
                {"kind": "table", "title": "A long table",
                 "table": {"columns": ["Column A", "Amount", "Notes", "Word", "Markup",
                                       "Symbols"], "rows": rows}},
                {"kind": "chart", "title": "A doughnut",
                 "chart": {"type": "doughnut", "categories": ["a", "b", "c"],
                           "series": [{"name": "s", "values": [0.5, 0.3, 0.2]}],
                           "number_format": "0%"}},
                {"kind": "chart", "title": "Bars with a gap",
                 "chart": {"type": "bar", "categories": ["a", "b", "c"],
                           "series": [{"name": "one", "values": [1, None, 3]},
                                      {"name": "two", "values": [-2, 2, 4]}]}},
                {"kind": "chart", "title": "A line with a gap",
                 "chart": {"type": "line", "categories": ["a", "b", "c"],
                           "series": [{"name": "one", "values": [1.5, None, 3.25]}]}},
            ],
        }],
    })


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stress")
    logo = folder / "logo.png"
    Image.new("RGB", (200, 80), (200, 30, 30)).save(logo)
    result = BriefBuilder().build(_outline(str(logo)), folder / "brief.pdf")
    assert result.findings == []
    return result.path


def test_long_table_repeats_its_header_on_every_page_it_spans(pdf_path):
    with pdfplumber.open(pdf_path) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    spanned = [t for t in texts if "Row 4" in t or "Row 7" in t]
    assert len(spanned) >= 2
    assert all("Column A" in t and "Symbols" in t for t in spanned)


def test_nothing_runs_past_the_frame(pdf_path):
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            for word in page.extract_words():
                assert word["x0"] >= MARGIN_X - 1, word
                assert word["x1"] <= page.width - MARGIN_X + 1, word


def test_markup_in_cells_and_title_is_literal(pdf_path):
    with pdfplumber.open(pdf_path) as pdf:
        text = " ".join(" ".join(page.extract_text() or "" for page in pdf.pages).split())
    assert "x & y <" in text  # the cell wraps before "z"
    assert "Stress <test> & co" in text
    assert "50%" in text


def test_logo_is_drawn_on_the_cover(pdf_path):
    cover = PdfReader(pdf_path).pages[0]
    images = [x for x in cover["/Resources"].get("/XObject", {}).values()
              if x.get_object().get("/Subtype") == "/Image"]
    assert images


def _long_lists() -> Outline:
    dims = [{"id": f"d{i}", "label": f"Dimension {i}",
             "subject": "Our approach here, at some length so that the cell wraps"}
            for i in range(30)]
    peers = [{"name": f"Peer {n}", "headline": "A headline", "takeaway": "Take it away.",
              "contrasts": {f"d{i}": f"Their approach {n}.{i}, long enough to wrap a half column"
                            for i in range(30)}} for n in (1, 2, 3)]
    return Outline.parse({
        "meta": {"title": "Long lists"},
        "sources": [{"id": f"s{i}", "title": f"Source {i} with a title that may wrap",
                     "url": f"https://example.com/{'x' * 60}/{i}"} for i in range(50)],
        "sections": [{
            "title": "One", "prose": ["Text [@s1]."],
            "key_points": [f"Point {i} is a key point long enough to fill most of a line in "
                           "the box" for i in range(70)],
            "slides": [{"kind": "timeline", "title": "Long",
                        "events": [{"date": str(1900 + i), "title": f"Event {i}"}
                                   for i in range(80)]}]}],
        "playbooks": [{"title": "Peers", "subject": "Us", "headline": "H", "takeaway": "T",
                       "dimensions": dims, "peers": peers}],
    })


def test_lists_longer_than_a_page_split_across_pages(tmp_path):
    result = BriefBuilder().build(_long_lists(), tmp_path / "long.pdf")
    assert result.findings == []
    with pdfplumber.open(result.path) as pdf:
        text = " ".join(" ".join(page.extract_text() or "" for page in pdf.pages).split())
    for shown in ("Point 0 is", "Point 69 is", "Event 0", "Event 79", "[50] Source 49",
                  "Their approach 3.29", "Take it away."):
        assert shown in text


def _elements(element, found: list) -> list:
    """Return the structure elements under ``element`` (itself first), in tree order."""
    found.append(element)
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
            _elements(kid, found)
    return found


def test_long_table_is_one_table_in_the_tags_with_its_header_read_once(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        elements = _elements(pdf.Root.StructTreeRoot.K, [])
        tables = [e for e in elements if e.S == "/Table"]
        assert len(tables) == 1
        rows = [kid for kid in tables[0].K if kid.get("/S") == "/TR"]
        assert len(rows) == 81  # the header and 80 rows, over several pages
        headers = [e for e in elements if e.S == "/TH"]
        assert len(headers) == 6  # the header repeated on later pages is an artifact
        assert all(h.A.Scope == "/Column" for h in headers)


def test_stress_brief_passes_both_validators(pdf_path):
    assert [(f.rule_id, f.message) for f in pdfua.validate(str(pdf_path)).findings] == []
    result = outloud.check(str(pdf_path))
    assert [(f.rule, f.message) for f in result.findings
            if f.severity in ("error", "warning")] == []
