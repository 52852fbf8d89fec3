"""The brief built from a sample outline, read back: pages, bookmarks, fonts, text, links."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from generator import loader as _loader
from generator.brief import BriefBuilder
from generator.report import BuildOptions
from generator.text import plain
from helpers import golden_json, internal_links

SAMPLE = Path(__file__).parent.parent / "fixtures" / "brief_sample.yaml"
GOLDEN = Path(__file__).parent.parent / "golden" / "brief-sample-pages.json"
WHEN = _dt.datetime(2025, 3, 14, 9, 30, tzinfo=_dt.UTC)


@pytest.fixture(scope="module")
def sample():
    return _loader.load(SAMPLE).outline


@pytest.fixture(scope="module")
def built(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("brief") / "brief.pdf"
    result = BriefBuilder().build(sample, path, BuildOptions(timestamp=WHEN))
    return result


@pytest.fixture(scope="module")
def reader(built):
    return PdfReader(built.path)


@pytest.fixture(scope="module")
def pages(built) -> list[str]:
    """The text of each page, whitespace folded."""
    with pdfplumber.open(built.path) as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


@pytest.fixture(scope="module")
def text(pages):
    return " ".join(pages)


def test_page_count_is_a_brief(built, reader):
    assert built.unit == "pages"
    assert built.findings == []
    assert built.count == len(reader.pages)
    # a complete outline makes 6 to 12 pages (tests/e2e/test_outline_yaml.py); this sample
    # holds three sections and a playbook, its short contents share a page with the summary,
    # and it fills 6: its two-column slide's pie stands with the slide's stat beside it,
    # no longer paired with the next chart slide's figure (it filled 5 while the stat stood
    # in a row under the pair), so its sources list starts the last page
    assert built.count == 6


def test_footer_counts_every_page(built, text):
    assert f"page 2 of {built.count}" in text
    assert f"page {built.count} of {built.count}" in text


def _titles(items) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, list):
            out += _titles(item)
        else:
            out.append(item.title)
    return out


def test_bookmarks_name_front_matter_and_every_chapter(sample, reader):
    titles = _titles(reader.outline)
    for i, section in enumerate(sample.sections, 1):
        assert f"{i}. {plain(section.title)}" in titles
    for name in ("Cover", "Contents", "Executive summary", "Sources"):
        assert name in titles
    assert plain(sample.playbooks[0].title) in titles


def test_metadata_and_language(sample, reader):
    meta = reader.metadata
    assert meta.title == sample.meta.title
    assert meta.author == sample.meta.author
    assert meta.subject == sample.meta.subtitle
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert meta["/CreationDate"].startswith("D:20250314093000")


def _fonts(resources, seen: set) -> list:
    out = []
    if resources is None:
        return out
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if id(font) not in seen:
            seen.add(id(font))
            out.append(font)
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            out += _fonts(xobject.get("/Resources"), seen)
    return out


def test_every_font_is_embedded(reader):
    seen: set = set()
    fonts = [f for page in reader.pages for f in _fonts(page.get("/Resources"), seen)]
    assert fonts
    for font in fonts:
        described = font
        if font.get("/Subtype") == "/Type0":
            described = font["/DescendantFonts"][0].get_object()
        descriptor = described.get("/FontDescriptor")
        assert descriptor is not None, f"{font.get('/BaseFont')} is not embedded"
        descriptor = descriptor.get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
            f"{font.get('/BaseFont')} has no font file")
        assert "Helvetica" not in str(font.get("/BaseFont"))


def test_every_section_title_is_in_the_text(sample, text):
    for section in sample.sections:
        assert plain(section.title) in text


def test_every_stat_value_and_chart_number_is_in_the_text(text):
    for value in ("41%", "3.4 yrs", "2×", "€380M"):
        assert value in text
    for number in ("480", "505", "532", "566", "310", "329", "16.5", "13.2", "7.8", "9.1",
                   "10.5", "9.5", "45", "30", "25"):
        assert number in text


def test_markup_characters_show_literally(text):
    assert "a tag like <b> is text, R&D is one word, and 3 < 4 > 2" in text
    assert "≈ 12 million" in text
    assert "“good enough, for longer”" in text
    assert "Acme's position & the gap to close" in text


def test_inline_styles_render_without_their_markers(text):
    assert "**" not in text
    assert "[@" not in text
    assert "survey notes" in text


def test_citations_link_to_their_source_entries(reader):
    last = len(reader.pages) - 1
    with pdfplumber.open(reader.stream) as pdf:
        words = {n: pdf.pages[n].extract_words() for n in range(len(pdf.pages))}
    internal = 0
    for n, target, (x0, top, x1, bottom) in internal_links(reader):
        over = [w["text"] for w in words[n]
                if w["x0"] >= x0 - 1 and w["x1"] <= x1 + 1
                and w["bottom"] <= bottom + 2 and w["top"] >= top - 2]
        if over and all(w.startswith("[") for w in over):
            internal += 1
            assert target == last  # the sources list
    assert internal >= 5


def test_external_links_are_uri_actions(reader):
    uris = {annot.get_object()["/A"]["/URI"] for page in reader.pages
            for annot in page.get("/Annots") or [] if "/A" in annot.get_object()}
    assert "https://example.com/notes?a=1&b=2" in uris
    assert "https://www.idc.com/tracker/mobile" in uris


def test_sources_are_numbered_by_first_citation(text):
    sources = text[text.rindex("Sources"):]
    assert "[1] Worldwide Quarterly Mobile Phone Tracker" in sources
    assert "[2] Acme operations review 2024" in sources
    assert "[3] Mid-range buyer survey" in sources
    assert "[4] Background reading on handset margins" in sources


def test_same_outline_gives_identical_bytes(sample, built, tmp_path):
    again = BriefBuilder().build(sample, tmp_path / "again.pdf", BuildOptions(timestamp=WHEN))
    assert again.path.read_bytes() == built.path.read_bytes()


def test_plan_is_pure(sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    brief = BriefBuilder().plan(sample, BuildOptions(timestamp=WHEN))
    assert brief.story and brief.findings == []
    assert list(tmp_path.iterdir()) == []


def test_contents_give_the_page_each_chapter_starts_on(sample, built, reader):
    with pdfplumber.open(built.path) as pdf:
        lines = pdf.pages[1].extract_text().splitlines()
    starts = {item.title: reader.get_destination_page_number(item) + 1
              for item in reader.outline if not isinstance(item, list)}
    for i, section in enumerate(sample.sections, 1):
        title = f"{i}. {plain(section.title)}"
        line = next(line for line in lines if line.startswith(title))
        assert int(line.split()[-1].lstrip(".")) == starts[title]


def test_text_per_page_matches_golden(pages, update_golden):
    """What each page says, as a reviewable JSON diff; `pytest --update-goldens` rewrites it."""
    shown = [{"page": n, "text": re.sub(r"( ?\.){4,}", " …", t)}
             for n, t in enumerate(pages, 1)]
    assert golden_json(GOLDEN, shown, update_golden) == shown


def test_summary_shows_the_first_stats_once_when_there_are_no_key_figures(sample, pages):
    assert not sample.key_figures
    summary = next(p for p in pages if "Executive summary Acme sells" in p)
    assert "Key figures" in summary
    for label in ("of units sold in 2024", "average time a phone is kept",
                  "repair-shop density vs. nearest rival"):
        assert summary.count(label) == 1
        assert sum(p.count(label) for p in pages) == 1, f"{label!r} is shown twice"
    assert "The band in numbers" not in " ".join(pages)

