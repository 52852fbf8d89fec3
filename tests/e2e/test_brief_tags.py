"""The brief's structure tree read back: headings, table headers, alt texts, reading order.

pikepdf walks the tree; pdfplumber gives the text of each marked-content sequence (its
characters carry the MCID they were drawn in), so each element can be read as a screen
reader would read it.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from generator import alt_text
from generator import loader as _outline
from generator import locale as _locale
from generator.brief import BriefBuilder
from generator.model import ChartSlide, TableSlide, TwoColumnSlide
from generator.report import BuildOptions
from generator.text import plain

SAMPLE = Path(__file__).parent.parent / "fixtures" / "brief_sample.yaml"
WHEN = _dt.datetime(2025, 3, 14, 9, 30, tzinfo=_dt.UTC)


@dataclass
class Node:
    """A structure element as read back: type, attributes, text and kids, in tree order."""

    role: str
    alt: str | None = None
    scope: str | None = None
    marks: list[tuple[int, int]] = field(default_factory=list)
    """The (page index, MCID) of each marked-content sequence it holds, in order."""
    kids: list[Node] = field(default_factory=list)
    links: int = 0

    def walk(self):
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def text(self, texts: dict) -> str:
        """Return all the text under this element, in tree order, whitespace folded."""
        words = [texts.get(mark, "") for mark in self.marks]
        words += [kid.text(texts) for kid in self.kids]
        return " ".join(" ".join(words).split())

    def all_marks(self):
        yield from self.marks
        for kid in self.kids:
            yield from kid.all_marks()


@pytest.fixture(scope="module")
def sample():
    return _outline.load(SAMPLE).outline


@pytest.fixture(scope="module")
def path(sample, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tags") / "brief.pdf"
    BriefBuilder().build(sample, out, BuildOptions(timestamp=WHEN))
    return out


@pytest.fixture(scope="module")
def pdf(path):
    with pikepdf.open(path) as document:
        yield document


@pytest.fixture(scope="module")
def tree(pdf) -> Node:
    pages = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    return _read(pdf.Root.StructTreeRoot.K, pages, None)


@pytest.fixture(scope="module")
def texts(path) -> dict[tuple[int, int], str]:
    """The text of each marked-content sequence, by (page index, MCID)."""
    out: dict[tuple[int, int], list[str]] = {}
    tops: dict[tuple[int, int], float] = {}
    with pdfplumber.open(path) as document:
        for index, page in enumerate(document.pages):
            for char in page.chars:
                if char.get("mcid") is None:
                    continue
                key = (index, char["mcid"])
                if key in tops and abs(char["top"] - tops[key]) > 1:
                    out[key].append(" ")  # a new line
                tops[key] = char["top"]
                out.setdefault(key, []).append(char["text"])
    return {key: "".join(chars) for key, chars in out.items()}


def _read(element, pages: dict, page: int | None) -> Node:
    if "/Pg" in element:
        page = pages[element.Pg.objgen]
    node = Node(str(element.S)[1:], alt=str(element.Alt) if "/Alt" in element else None)
    if "/A" in element and "/Scope" in element.A:
        node.scope = str(element.A.Scope)[1:]
    kids = element.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, int):
            node.marks.append((page, int(kid)))
        elif kid.get("/Type") == "/MCR":
            node.marks.append((pages[kid.Pg.objgen], int(kid.MCID)))
        elif kid.get("/Type") == "/OBJR":
            node.links += 1
        else:
            node.kids.append(_read(kid, pages, page))
    return node


def _fold(text: str) -> str:
    return " ".join(plain(text).split())


def test_the_tree_is_a_document_of_sections(tree):
    assert tree.role == "Document"
    assert {kid.role for kid in tree.kids} == {"Sect"}


def test_headings_follow_the_brief_and_skip_no_level(sample, tree, texts):
    headings = [(n.role, n.text(texts)) for n in tree.walk() if re.fullmatch(r"H\d", n.role)]
    firsts = [text for role, text in headings if role == "H1"]
    chapters = [f"{i:02d} {_fold(s.title)}" for i, s in enumerate(sample.sections, 1)]
    assert firsts[:3] == [_fold(sample.meta.title), "Contents", "Executive summary"]
    assert [t for t in firsts if t in chapters] == chapters
    assert firsts[-1] == "Sources"
    level = 0
    for role, text in headings:
        assert int(role[1]) <= level + 1, f"{role} '{text}' skips a level"
        level = int(role[1])
    seconds = [text for role, text in headings if role == "H2"]
    assert "Key figures" in seconds
    assert any(text.startswith("Figure 1. ") for text in seconds)
    assert all(text for _, text in headings)


def test_tables_have_header_cells_with_a_scope(sample, tree, texts):
    tables = [n for n in tree.walk() if n.role == "Table"]
    slide = next(s for sec in sample.sections for s in sec.slides if isinstance(s, TableSlide))
    first = tables[0]
    assert first.kids[0].role == "Caption"
    assert first.kids[0].text(texts) == f"Table 1. {_fold(slide.title)}"
    rows = [kid for kid in first.kids if kid.role == "TR"]
    assert len(rows) == 1 + len(slide.table.rows)
    header = rows[0].kids
    assert [(c.role, c.scope, c.text(texts)) for c in header] == [
        ("TH", "Column", _fold(c)) for c in slide.table.columns]
    assert all(c.role == "TD" for row in rows[1:] for c in row.kids)
    comparison = next(t for t in tables if "against its peers" in t.kids[0].text(texts))
    body = [kid for kid in comparison.kids if kid.role == "TR"][1:]
    playbook = sample.playbooks[0]
    assert [(row.kids[0].role, row.kids[0].scope, row.kids[0].text(texts)) for row in body] == [
        ("TH", "Row", _fold(d.label)) for d in playbook.dimensions]


def test_figures_carry_alt_text_made_from_their_data(sample, tree):
    """Each figure says its chart in words, named by the kind it is drawn as (a column
    chart whose names cannot stand under its columns is drawn, and named, as bars)."""
    words = _locale.of(sample)
    charts = []
    for section in sample.sections:
        for slide in section.slides:
            if isinstance(slide, ChartSlide):
                charts.append((slide.chart, slide.title))
            elif isinstance(slide, TwoColumnSlide):  # titled by the slide, then the column
                charts += [(c.chart, f"{slide.title}: {c.heading}" if c.heading
                            else slide.title)
                           for c in (slide.left, slide.right) if c.chart is not None]
    expected = [alt_text.chart(chart, title, words) for chart, title in charts]
    figures = [n for n in tree.walk() if n.role == "Figure"]
    assert len(figures) == len(charts)
    for figure, (chart, title), own in zip(figures, charts, expected, strict=True):
        assert figure.alt in (own, alt_text.chart(chart, title, words, "bar"))
    assert figures[0].alt.startswith("Column chart: Mid-range units are growing faster than "
                                     "premium, in M units. ")
    assert any("Online: 16.5; Carrier: 13.2; Retail: 7.8; Other: 9.1." in alt for alt in expected)


def test_summary_page_reads_in_the_order_a_person_reads_it(sample, tree, texts, path):
    """Page 2, after the contents that share it: heading, the summary's paragraphs, then
    the key figures left to right."""
    page = 1
    order = [texts.get(mark, "") for mark in tree.all_marks() if mark[0] == page]
    read = [" ".join(t.split()) for t in order]
    assert read[0] == "Contents"
    read = read[read.index("Executive summary"):]
    assert all("Executive summary" not in t for t in read[1:])  # the summary read once, whole
    summary = [t for t in read[1:1 + len(sample.summary)]]
    assert [t[:20] for t in summary] == [_fold(p)[:20] for p in sample.summary]
    stats = next(s for sec in sample.sections for s in sec.slides
                 if hasattr(s, "stats")).stats
    assert read[1 + len(sample.summary)] == "Key figures"
    values = [t for t in read if t in {_fold(s.value) for s in stats}]
    assert values == [_fold(s.value) for s in stats]
    with pdfplumber.open(path) as document:
        chars = document.pages[page].chars
        lefts = {}
        for char in chars:
            if char.get("mcid") is not None:
                key = " ".join(texts[(page, char["mcid"])].split())
                lefts.setdefault(key, char["x0"])
        assert [lefts[v] for v in values] == sorted(lefts[v] for v in values)
        furniture = {c["text"] for c in chars if c.get("mcid") is None}
        assert furniture  # the running header and the page number are drawn ...
        assert all(c.get("tag") == "Artifact" for c in chars if c.get("mcid") is None)
    assert not any("page 2 of" in t for t in read)  # ... and are artifacts, not read


def test_links_are_described_tagged_and_printed(pdf, tree):
    described = 0
    for page in pdf.pages:
        annots = page.obj.get("/Annots") or []
        if annots:
            assert page.obj.Tabs == "/S"
        for annot in annots:
            assert str(annot.Contents)
            assert int(annot.F) & 4
            assert "/StructParent" in annot
            described += 1
    assert described == sum(n.links for n in tree.walk())
    sources = [str(a.Contents) for p in pdf.pages for a in (p.obj.get("/Annots") or [])
               if str(a.Contents).startswith("Source ")]
    assert "Source 1: Worldwide Quarterly Mobile Phone Tracker" in sources


def test_document_says_it_is_tagged_pdf_ua(pdf, sample):
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == sample.meta.language
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    meta = pdf.open_metadata()
    assert meta["dc:title"] == sample.meta.title
    assert meta["pdfuaid:part"] == "1"
    assert meta["xmp:CreateDate"] == "2025-03-14T09:30:00Z"
