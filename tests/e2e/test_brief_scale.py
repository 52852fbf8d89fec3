"""A long brief read back: contents and sources over several pages, every number and link right.

The brief is laid out once without drawing and then drawn, and long lists are set as runs of
short tables: these tests hold the reader's view of that fixed - contents entries give the
page their chapter starts on and link to it, every citation links to its entry, and the
build takes two passes.
"""

from __future__ import annotations

import datetime as _dt
import gc
import re

import pdfplumber
import pytest
from pypdf import PdfReader

from generator.brief import BriefBuilder
from generator.brief.pages import BriefDocument
from generator.brief.story import plan
from generator.model import Outline
from generator.report import BuildOptions
from helpers import internal_links

CHAPTERS = 50
SOURCES = 160
WHEN = _dt.datetime(2025, 8, 1, tzinfo=_dt.UTC)
ENTRY = re.compile(r"^(\d+)\. (Chapter \d+ of the long brief)[ .]*?(\d+)$")


def _long_brief() -> Outline:
    return Outline.parse({
        "meta": {"title": "A long brief"},
        "sources": [{"id": f"s{i}", "title": f"Source {i} with a longer title",
                     "url": f"https://example.com/source/{i}"} for i in range(SOURCES)],
        "sections": [{
            "title": f"Chapter {i} of the long brief",
            "summary": f"Chapter {i} cites [@s{2 * i}] and then [@s{2 * i + 1}].",
            "prose": [f"Prose of chapter {i}, long enough to wrap onto a second line of the "
                      "page, with a citation of an earlier source [@s0]."],
        } for i in range(CHAPTERS)],
    })


@pytest.fixture(scope="module")
def outline() -> Outline:
    return _long_brief()


@pytest.fixture(scope="module")
def pdf_path(outline, tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / "brief.pdf"
    result = BriefBuilder().build(outline, path, BuildOptions(timestamp=WHEN))
    assert result.findings == []
    return path


@pytest.fixture(scope="module")
def reader(pdf_path):
    return PdfReader(pdf_path)


@pytest.fixture(scope="module")
def page_lines(pdf_path) -> list[list[str]]:
    with pdfplumber.open(pdf_path) as pdf:
        return [(page.extract_text() or "").splitlines() for page in pdf.pages]


def _chapter_starts(reader) -> dict[str, int]:
    return {item.title: reader.get_destination_page_number(item) + 1
            for item in reader.outline if not isinstance(item, list)}


def test_contents_over_several_pages_give_each_chapter_its_start_page(reader, page_lines):
    starts = _chapter_starts(reader)
    listed = {}
    for number, lines in enumerate(page_lines, 1):
        for line in lines:
            match = ENTRY.match(line)
            if match:
                listed[f"{match[1]}. {match[2]}"] = (int(match[3]), number)
    assert len(listed) == CHAPTERS
    contents_pages = {page for _, page in listed.values()}
    assert len(contents_pages) >= 2, "the contents should run over more than one page"
    for title, (shown, _) in listed.items():
        assert shown == starts[title], title


def test_contents_entries_link_to_their_parts(reader, page_lines):
    starts = _chapter_starts(reader)
    expected = {page for title, page in starts.items() if title not in ("Cover", "Contents")}
    contents = [n for n, lines in enumerate(page_lines) if any(map(ENTRY.match, lines))]
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, 1)}
    targets = [pages[annot.get_object()["/Dest"][0].idnum]
               for n in contents for annot in reader.pages[n].get("/Annots") or []
               if "/Dest" in annot.get_object()]
    assert len(targets) >= CHAPTERS
    assert set(targets) == expected


def test_every_source_is_listed_once_on_the_pages_its_citations_link_to(reader, pdf_path):
    with pdfplumber.open(pdf_path) as pdf:
        words = [page.extract_words() for page in pdf.pages]
    entry_page = {}
    for number, page_words in enumerate(words):
        for word in page_words:
            match = re.fullmatch(r"\[(\d+)\]", word["text"])
            if match and any(w["text"] == "Source" and abs(w["top"] - word["top"]) < 2
                             for w in page_words):
                entry_page.setdefault(int(match[1]), number)
    assert sorted(entry_page) == list(range(1, SOURCES + 1))
    assert len(set(entry_page.values())) >= 2, "the sources should run over several pages"
    linked = 0
    for n, target, (x0, top, x1, bottom) in internal_links(reader):
        shown = [w["text"] for w in words[n] if x0 - 1 <= w["x0"] < x1
                 and w["bottom"] <= bottom + 2 and w["top"] >= top - 2]
        cited = [int(m[1]) for w in shown if (m := re.fullmatch(r"\[(\d+)\][.,]?", w))]
        if len(cited) == 1 and n not in entry_page.values():
            assert target == entry_page[cited[0]], cited
            linked += 1
    assert linked >= CHAPTERS * 2


def test_the_brief_is_laid_out_once_and_drawn_once(outline, tmp_path):
    brief = plan(outline, BuildOptions(timestamp=WHEN))
    doc = BriefDocument(str(tmp_path / "b.pdf"), outline, brief.context, WHEN, brief.total)
    assert doc.multiBuild(brief.story) == 2


def test_the_cycle_collector_runs_again_after_a_build(outline, tmp_path):
    assert gc.isenabled()
    BriefBuilder().build(outline, tmp_path / "b.pdf", BuildOptions(timestamp=WHEN))
    assert gc.isenabled()
