"""The brief's exhibits as a reader sees them: every column of a two-column slide, captions
that name the slide, the unit and source line under its figure, tables split with rows
enough on each side and a '(continued)' caption over each continuation."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
import yaml

from generator.brief import BriefBuilder
from generator.brief.styles import FRAME_WIDTH, GUTTER, MARGIN_X
from generator.model import Outline
from helpers import FIXTURES

PIE = {"type": "pie", "categories": ["North", "South"],
       "series": [{"name": "Share", "values": [60, 40]}], "unit": "%"}
COLUMNS = {"type": "column", "categories": ["2026", "2027", "2028"],
           "series": [{"name": "Cost", "values": [4, 6, 5]}], "unit": "€M"}
LINE = {"type": "line", "categories": ["2024", "2025", "2026", "2027"],
        "series": [{"name": "Staff", "values": [10, 12, 15, 19]}], "unit": "FTE"}
TWO_COLUMN = [
    ("Text beside a chart", {"heading": "Cost by year", "chart": COLUMNS},
     {"heading": "Reading", "text": "Costs peak in 2027."}),
    ("Bullets beside a chart", {"heading": "Option A", "bullets": [
        "Cap the book", {"text": "Run off loans", "sub": ["Worst first"]}]},
     {"heading": "Option B", "chart": PIE}),
    ("A stat beside a chart", {"heading": "Revenue", "chart": COLUMNS},
     {"heading": "Riders", "stat": {"value": "+9 M", "label": "more trips a year"}}),
    ("Two charts", {"heading": "Mix", "chart": PIE}, {"heading": "Trend", "chart": LINE}),
    ("Two texts", {"heading": "Risks", "text": "Costs may drift."},
     {"heading": "Remedies", "text": "A fixed-price contract."}),
    ("Bullets and a stat", {"heading": "Today", "bullets": ["Two sites", "No academy"]},
     {"heading": "Goal", "stat": {"value": "400", "label": "trainees a year"}}),
    ("Two stats", {"stat": {"value": "12", "label": "sites"}},
     {"stat": {"value": "3", "label": "countries"}}),
]
"""(slide title, left column, right column) of every kind of column pairing."""


def _words(side: dict) -> list[str]:
    """Return what a reader should find of a column that is not a chart."""
    out = [side["heading"]] if "heading" in side else []
    if "text" in side:
        out.append(side["text"])
    for bullet in side.get("bullets", []):
        out += [bullet] if isinstance(bullet, str) else [bullet["text"], *bullet["sub"]]
    if "stat" in side:
        out += [side["stat"]["value"], side["stat"]["label"]]
    return out


def _text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


@pytest.fixture(scope="module")
def columns_brief(tmp_path_factory) -> Path:
    slides = [{"kind": "two-column", "title": title, "left": left, "right": right}
              for title, left, right in TWO_COLUMN]
    slides.insert(3, {"kind": "chart", "title": "A chart slide alone", "chart": LINE})
    outline = Outline.parse({"meta": {"title": "Columns"}, "sections": [
        {"title": "Every pairing", "prose": ["Two columns, every way."], "slides": slides},
        {"title": "A lone figure", "prose": ["One chart."], "slides": [
            {"kind": "chart", "title": "The only chart here", "chart": PIE}]}]})
    path = tmp_path_factory.mktemp("columns") / "brief.pdf"
    assert BriefBuilder().build(outline, path).findings == []
    return path


def test_every_column_of_every_two_column_slide_is_in_the_brief(columns_brief):
    text = " ".join(_text(columns_brief))
    for title, left, right in TWO_COLUMN:
        assert title in text
        for side in (left, right):
            if "chart" not in side:
                for words in _words(side):
                    assert words in text, (title, words)


def test_a_figure_from_a_column_is_captioned_by_its_slide_and_column(columns_brief):
    text = " ".join(_text(columns_brief))
    for expected in ("Text beside a chart: Cost by year", "Bullets beside a chart: Option B",
                     "A stat beside a chart: Revenue", "Two charts: Mix", "Two charts: Trend"):
        assert re.search(rf"Figure \d+\. {re.escape(expected)}", text), expected
    numbers = [int(n) for n in re.findall(r"Figure (\d+)\. ", text)]
    assert numbers == list(range(1, 8))  # numbered in reading order


def test_the_unit_and_source_line_sits_under_its_figure(columns_brief):
    """Under the drawing, at the left edge of its figure (whose title is straight above it):
    never beside the drawing, level with its top."""
    seen = 0
    with pdfplumber.open(columns_brief) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            for unit in (w for w in words if w["text"] == "Unit:"):
                seen += 1
                assert min(abs(unit["x0"] - x) for x in (
                    MARGIN_X, MARGIN_X + (FRAME_WIDTH + GUTTER) / 2)) < 1, unit
                title = max((w for w in words if w["text"] == "Figure"
                             and abs(w["x0"] - unit["x0"]) < 1 and w["top"] < unit["top"]),
                            key=lambda w: w["top"])
                assert unit["top"] - title["bottom"] > 100, unit
    assert seen == 7


def _long_tables(language: str = "en") -> Outline:
    """Ten-row tables one after another, seven to a chapter, with prose of a line more
    before each chapter, so that page breaks fall at one row or another of a table (a
    chapter of two tables would fill two thirds of a page, and the next would start a page:
    no table would split)."""
    slides = []
    prose = "A line of prose that fills the frame from one side to the other, with words."
    for t in range(14):
        slides.append({"kind": "table", "title": f"Tab{t}",
                       "table": {"columns": ["Name", "Value"],
                                 "rows": [[f"T{t}R{r}", str(r)] for r in range(10)]}})
    sections = [{"title": f"Part {k}", "prose": [" ".join([prose] * (k + 1))],
                 "slides": slides[7 * k:7 * k + 7]} for k in range(2)]
    return Outline.parse({"meta": {"title": "Tables", "language": language},
                          "sections": sections})


@pytest.fixture(scope="module")
def tables_brief(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tables") / "brief.pdf"
    assert BriefBuilder().build(_long_tables(), path).findings == []
    return path


def test_a_table_split_leaves_three_rows_on_each_side_under_a_continued_caption(tables_brief):
    pages = _text(tables_brief)
    split = 0
    for t in range(14):
        where = [(n, sum(f"T{t}R{r} " in page for r in range(10)))
                 for n, page in enumerate(pages)]
        parts = [(n, rows) for n, rows in where if rows]
        assert sum(rows for _, rows in parts) == 10
        if len(parts) > 1:
            split += 1
            assert all(rows >= 3 for _, rows in parts), (t, parts)
            assert f"Tab{t} (continued)" in pages[parts[1][0]]
            assert f"Tab{t} (continued)" not in pages[parts[0][0]]
        else:
            assert f"Tab{t} (continued)" not in " ".join(pages)
    assert split >= 2  # the outline does split tables


def test_a_continued_caption_is_in_the_brief_language(tmp_path):
    path = tmp_path / "brief.pdf"
    BriefBuilder().build(_long_tables("de"), path)
    text = " ".join(_text(path))
    assert re.search(r"Tabelle \d+\. Tab\d+ \(Fortsetzung\)", text)


def test_a_table_longer_than_a_page_continues_under_its_caption_on_every_page(tmp_path):
    rows = [[f"Row {n}", str(n)] for n in range(120)]
    outline = Outline.parse({"meta": {"title": "Long"}, "sections": [{
        "title": "One long table", "slides": [
            {"kind": "table", "title": "Everything", "table": {"columns": ["A", "B"],
                                                               "rows": rows}}]}]})
    path = tmp_path / "brief.pdf"
    BriefBuilder().build(outline, path)
    pages = [p for p in _text(path) if "Row " in p]
    assert len(pages) >= 3
    assert "Table 1. Everything" in pages[0] and "(continued)" not in pages[0]
    assert all("Table 1. Everything (continued)" in p for p in pages[1:])


def test_peer_reads_share_the_page_of_the_comparison_when_they_fit(tmp_path):
    """A playbook's last peer reads, kept with the takeaway, follow the comparison table
    on its page instead of leaving the page mostly empty. The sample without the slides of
    the section the playbook follows: with them, the table starts low on its page and the
    reads cannot fit under it."""
    data = yaml.safe_load((FIXTURES / "brief_sample.yaml").read_text(encoding="utf-8"))
    data["brand"] = {}
    for section in data["sections"]:
        keep = section.get("id") != data["playbooks"][0]["after"]
        section["slides"] = [s for s in section.get("slides", [])
                             if keep and s.get("kind") != "image"]
    sample = Outline.parse(data)
    path = tmp_path / "brief.pdf"
    BriefBuilder().build(sample, path)
    pages = _text(path)
    table = next(p for p in pages if "Acme against its peers Dimension" in p)
    playbook = sample.playbooks[0]
    for peer in playbook.peers:
        assert peer.headline in table, peer.name


def test_a_column_too_long_to_stand_beside_follows_and_still_builds(tmp_path):
    """A column longer than a page cannot stand in a table row beside a chart or another
    column: it follows, and the brief builds without a finding."""
    long = " ".join(f"Word{n} of a very long column." for n in range(400))
    outline = Outline.parse({"meta": {"title": "Long columns"}, "sections": [{
        "title": "Long", "slides": [
            {"kind": "two-column", "title": "A chart and a long text",
             "left": {"chart": PIE}, "right": {"heading": "Notes", "text": long}},
            {"kind": "two-column", "title": "Two long texts",
             "left": {"text": long}, "right": {"heading": "More", "text": long}}]}]})
    path = tmp_path / "brief.pdf"
    result = BriefBuilder().build(outline, path)
    assert result.findings == []
    text = " ".join(_text(path))
    assert text.count("Word399 of a very long column.") == 3
    assert "Figure 1. A chart and a long text" in text
