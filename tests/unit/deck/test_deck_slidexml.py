"""Slide XML written directly: schema order, escaping, placeholders, notes and whole decks."""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from deck_schema import NS, problems
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.oxml.slide import CT_Slide
from pptx.slide import Slide

from generator import loader as _loader
from generator.deck import DeckBuilder
from generator.deck.elements import Cell, Para, Shape, TableGrid, TextBox
from generator.deck.layout import Box
from generator.deck.pptx import slidexml
from generator.report import BuildOptions
from generator.text import Run

FIXTURES = Path(__file__).parents[2] / "fixtures"
WHEN = _dt.datetime(2025, 3, 14, tzinfo=_dt.UTC)
A = NS["a"]
R_ID = f"{{{NS['r']}}}id"


def para(*runs: Run, **style) -> Para:
    values = {"size": 18.0, "font": "Arial", "colour": "#1F2328", **style}
    return Para(tuple(runs), **values)


def writer(links: dict[str, str] | None = None) -> slidexml.TextWriter:
    links = {} if links is None else links

    def link(url: str) -> str:
        return links.setdefault(url, f"rId{len(links) + 2}")

    return slidexml.TextWriter(slidexml.Prototypes("en-GB"), link)


def text(el) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{{{A}}}t")) for p in el.iter(f"{{{A}}}p")]


# --- elements ------------------------------------------------------------------------


def test_text_box_runs_carry_font_size_colour_language_and_links() -> None:
    links: dict[str, str] = {}
    box = TextBox(Box(10, 20, 300, 40), (para(Run("Plain "), Run("bold", bold=True),
                                              Run(" and "), Run("site", link="https://x.org"),
                                              bullet="•", indent=16.2),), role="footnote")
    sp = slidexml.text_box(7, box, writer(links))
    assert problems(sp) == []
    c_nv_pr = sp.find(f".//{{{NS['p']}}}cNvPr")
    assert (c_nv_pr.get("id"), c_nv_pr.get("name")) == ("7", "Source Note 7")
    off, ext = sp.find(f".//{{{A}}}off"), sp.find(f".//{{{A}}}ext")
    assert (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy")) == (
        "127000", "254000", "3810000", "508000")
    runs = sp.findall(f".//{{{A}}}r")
    assert [r.find(f"{{{A}}}t").text for r in runs] == ["Plain ", "bold", " and ", "site"]
    props = [r.find(f"{{{A}}}rPr") for r in runs]
    assert [p.get("b") for p in props] == ["0", "1", "0", "0"]
    assert {(p.get("sz"), p.get("lang"), p.get("cap")) for p in props} == {("1800", "en-GB",
                                                                             "none")}
    assert props[0].find(f"{{{A}}}solidFill/{{{A}}}srgbClr").get("val") == "1F2328"
    assert props[0].find(f"{{{A}}}latin").get("typeface") == "Arial"
    assert props[3].find(f"{{{A}}}hlinkClick").get(R_ID) == links["https://x.org"]
    p_pr = sp.find(f".//{{{A}}}pPr")
    assert (p_pr.get("marL"), p_pr.get("indent")) == ("205740", "-205740")
    assert p_pr.find(f"{{{A}}}buChar").get("char") == "•"
    body = sp.find(f".//{{{A}}}bodyPr")
    assert dict(body.attrib) == {"wrap": "square", "lIns": "0", "rIns": "0", "tIns": "0",
                                 "bIns": "0", "anchor": "t"}


def test_markup_characters_are_escaped_and_control_characters_written_as_codes() -> None:
    box = TextBox(Box(0, 0, 100, 20), (para(Run('a < b & "c" > d\x07')),))
    xml = etree.tostring(slidexml.text_box(2, box, writer()))
    assert b"a &lt; b &amp; \"c\" &gt; d_x0007_" in xml
    assert text(etree.fromstring(xml)) == ['a < b & "c" > d_x0007_']


def test_prototypes_are_copied_so_no_element_shares_children_with_another() -> None:
    w = writer()
    first = slidexml.text_box(2, TextBox(Box(0, 0, 10, 10), (para(Run("one")),)), w)
    second = slidexml.text_box(3, TextBox(Box(5, 5, 10, 10), (para(Run("two")),)), w)
    assert text(first) == ["one"] and text(second) == ["two"]
    assert first.find(f".//{{{A}}}off").get("x") == "0"
    rect = slidexml.shape(4, Shape(Box(0, 0, 5, 5), "#FF0000"), w.protos)
    oval = slidexml.shape(5, Shape(Box(0, 0, 5, 5), "#FF0000", kind="oval"), w.protos)
    assert rect.find(f".//{{{A}}}prstGeom").get("prst") == "rect"
    assert oval.find(f".//{{{A}}}prstGeom").get("prst") == "ellipse"
    assert rect.find(f".//{{{NS['p']}}}cNvPr").get("name") == "Rectangle 3"
    assert problems(rect) == [] and problems(oval) == []


def test_agenda_jump_replaces_a_link_instead_of_adding_a_second() -> None:
    w = writer()
    box = TextBox(Box(0, 0, 100, 20), (para(Run("01 "), Run("Intro", link="https://x.org"),
                                            jump="section:intro"),))
    sp = slidexml.text_box(2, box, w)
    assert [anchor for _, anchor in w.jumps] == ["section:intro", "section:intro"]
    for r_pr, _ in w.jumps:
        slidexml.jump(r_pr, "rId9")
        assert r_pr.get("u") == "none"
    links = sp.findall(f".//{{{A}}}hlinkClick")
    assert len(links) == 2
    assert {(link.get(R_ID), link.get("action")) for link in links} == {
        ("rId9", "ppaction://hlinksldjump")}
    assert problems(sp) == []


def test_table_cells_hold_paragraphs_fill_and_margins_in_schema_order() -> None:
    rows = ((Cell((para(Run("Head")),), "#1F4E79"), Cell((para(Run("Two")),), "#1F4E79")),
            (Cell((para(Run("a")),), "#FFFFFF"), Cell((para(Run("b")),), "#EEF2F6")))
    grid = TableGrid(Box(48, 136, 400, 60), (150.0, 250.0), (30.0, 30.0), rows, 6.0)
    frame = slidexml.table(5, grid, writer())
    assert problems(frame) == []
    assert frame.find(f".//{{{A}}}ext").get("cx") == str(150 * 12700 + 250 * 12700)
    cells = frame.findall(f".//{{{A}}}tc")
    assert [text(c) for c in cells] == [["Head"], ["Two"], ["a"], ["b"]]
    tc_pr = cells[3].find(f"{{{A}}}tcPr")
    # centred vertically: a row grown to fill its slide keeps its text in the middle
    assert (tc_pr.get("marL"), tc_pr.get("marT"), tc_pr.get("anchor")) == ("76200", "50800",
                                                                           "ctr")
    assert tc_pr.find(f"{{{A}}}solidFill/{{{A}}}srgbClr").get("val") == "EEF2F6"


def test_picture_and_chart_frames_are_in_schema_order() -> None:
    pic = slidexml.picture(3, "rId2", 'A "quoted" picture', 10, 20, 30, 40)
    assert problems(pic) == []
    assert pic.find(f".//{{{NS['p']}}}cNvPr").get("descr") == 'A "quoted" picture'
    chart = slidexml.chart(4, "rId3", Box(0, 0, 100, 50))
    assert problems(chart) == []
    assert chart.find(f".//{{{NS['c']}}}chart").get(R_ID) == "rId3"


def test_placeholder_cloned_by_python_pptx_is_positioned_and_filled() -> None:
    layout = Presentation().slide_layouts[1]  # Title and Content
    scratch = Slide(CT_Slide.new(), None)
    scratch.shapes.clone_layout_placeholders(layout)
    title = next(iter(scratch.placeholders))._element
    slidexml.fill_placeholder(title, TextBox(Box(48, 42, 864, 80), (para(Run("Title")),),
                                             role="title", placeholder=0), writer())
    assert problems(title) == []
    assert text(title) == ["Title"]
    assert title.find(f".//{{{A}}}xfrm/{{{A}}}off").get("y") == str(42 * 12700)


def test_notes_page_has_one_paragraph_per_line_and_breaks_for_vertical_tabs() -> None:
    prs = Presentation()
    master = prs.notes_master
    from generator.deck.pptx.writer import _notes_page

    page = _notes_page(master, "en")
    notes = page.make("First line\nSecond\vwith a break\n\nafter a blank <&>")
    assert problems(notes) == []
    body = notes.findall(f".//{{{A}}}p")
    assert [text_of(p) for p in body] == ["First line", "Second|with a break", "",
                                         "after a blank <&>"]
    again = page.make("Other")
    assert [text_of(p) for p in again.findall(f".//{{{A}}}p")] == ["Other"]


def test_notes_read_markup_and_lists_as_real_paragraphs() -> None:
    from generator.deck.pptx.writer import _notes_page

    page = _notes_page(Presentation().notes_master, "en-GB")
    links: list[str] = []
    notes = page.make("Open with **the number**, then *pause*.\n- North [@annual]\n"
                      "  - three partners\n- see [the store](https://example.com/s)",
                      lambda url: links.append(url) or f"rId{len(links) + 9}")
    assert problems(notes) == []
    paras = notes.findall(f".//{{{A}}}p")
    assert [text_of(p).replace("|", "") for p in paras] == [
        "Open with the number, then pause.", "North", "three partners", "see the store"]
    bold = paras[0].findall(f"{{{A}}}r/{{{A}}}rPr[@b='1']")
    italic = paras[0].findall(f"{{{A}}}r/{{{A}}}rPr[@i='1']")
    assert len(bold) == 1 and len(italic) == 1
    levels = [p.find(f"{{{A}}}pPr") for p in paras]
    assert levels[0] is None
    assert [lv.get("lvl", "0") for lv in levels[1:]] == ["0", "1", "0"]
    assert all(lv.find(f"{{{A}}}buChar") is not None for lv in levels[1:])
    assert links == ["https://example.com/s"]
    assert paras[3].find(f".//{{{A}}}hlinkClick").get(R_ID) == "rId10"


def text_of(p) -> str:
    return "|".join(t.text or "" for t in p.iter(f"{{{A}}}t"))


# --- whole decks ---------------------------------------------------------------------


def _deck(tmp_path: Path, name: str, aspect: str = "16:9") -> Path:
    shutil.copy(FIXTURES / name, tmp_path / name)
    Image.new("RGB", (600, 350), (200, 210, 220)).save(tmp_path / "deck_image.png")
    loaded = _loader.load(tmp_path / name)
    target = tmp_path / "deck.pptx"
    DeckBuilder().build(loaded.outline, target, BuildOptions(timestamp=WHEN, aspect=aspect))
    return target


@pytest.mark.parametrize("name, aspect", [("deck_all_kinds.yaml", "16:9"),
                                          ("deck_all_kinds.yaml", "4:3"),
                                          ("deck_overflow.yaml", "16:9")])
def test_every_slide_and_notes_page_is_in_schema_order(tmp_path, name, aspect) -> None:
    deck = _deck(tmp_path, name, aspect)
    with zipfile.ZipFile(deck) as zf:
        parts = [n for n in zf.namelist()
                 if re.fullmatch(r"ppt/(slides/slide|notesSlides/notesSlide)\d+\.xml", n)]
        assert parts
        found = {n: problems(etree.fromstring(zf.read(n))) for n in parts}
    assert {n: p for n, p in found.items() if p} == {}
