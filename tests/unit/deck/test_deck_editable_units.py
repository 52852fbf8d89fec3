"""Pure parts of the editable deck: alt text, plan scaling, slide shapes, notes paragraphs."""

from __future__ import annotations

from pathlib import Path

from generator.deck import resize
from generator.deck.elements import DeckPlan, Para, Shape, SlidePlan, TableGrid, TextBox
from generator.deck.layout import Box
from generator.deck.pptx.slidexml import notes_blocks
from generator.deck.template_reader import Template, Theme
from generator.text import Run


def test_scaled_plan_multiplies_positions_and_type() -> None:
    para = Para((Run("x"),), 20.0, "Arial", "#000000", indent=18.0, space_before=6.0)
    grid = TableGrid(Box(0, 0, 100, 40), (60.0, 40.0), (20.0, 20.0), (), 6.0)
    slide = SlidePlan("bullets", "L", "T", "#FFFFFF",
                      [TextBox(Box(48, 42, 864, 80), (para,)), Shape(Box(48, 30, 48, 4), "#111111"),
                       grid], "", "S", ())
    out = resize.scaled(DeckPlan([slide], [], 960.0, 540.0), 0.75)
    assert (out.width, out.height) == (720.0, 405.0)
    box = out.slides[0].elements[0]
    assert box.box == Box(36.0, 31.5, 648.0, 60.0)
    assert (box.paras[0].size, box.paras[0].indent, box.paras[0].space_before) == (15.0, 13.5,
                                                                                   4.5)
    assert out.slides[0].elements[1].box == Box(36.0, 22.5, 36.0, 3.0)
    table = out.slides[0].elements[2]
    assert (table.widths, table.pad, table.pad_v) == ((45.0, 30.0), 4.5, 3.0)
    assert slide.elements[0].box == Box(48, 42, 864, 80)  # the plan itself is untouched


def test_template_shape_is_read_from_the_ratio_at_any_size() -> None:
    def shape(cx: int, cy: int) -> str | None:
        return Template(Path("t.pptx"), (), Theme({}, None, None), (cx, cy)).aspect

    assert shape(12192000, 6858000) == "16:9"
    assert shape(9144000, 5143500) == "16:9"
    assert shape(9144000, 6858000) == "4:3"
    assert shape(9144000, 5715000) == "16:10"
    assert shape(6858000, 9144000) is None
    assert shape(0, 0) is None


def test_notes_lines_become_paragraphs_and_list_items_with_levels() -> None:
    assert notes_blocks("Intro\n\n- one\n  - sub\n* two\n•  three") == [
        (None, "Intro"), (None, ""), (0, "one"), (1, "sub"), (0, "two"), (0, "three")]


def test_a_font_without_metrics_gets_one_warning_and_a_safety_margin() -> None:
    from generator import brand as _brand
    from generator import checks
    from generator.deck import fit
    from generator.model import Outline

    outline = Outline.parse({"meta": {"title": "T"}, "sections": [{"title": "S"}],
                                      "brand": {"fonts": {"heading": "Aptos",
                                                          "body": "Aptos"}}})
    fonts = [f for f in checks.findings(outline) if f.code == "font"]
    assert len(fonts) == 1 and "12% safety margin" in fonts[0].message
    text = (Run("word " * 40),)
    wide = fit.lines(Para(text, 20.0, "Aptos", "#000000"), 400)
    arial = fit.lines(Para(text, 20.0, "Arial", "#000000"), 400)
    assert wide > arial  # measured as Arial, but given less room
    assert _brand.measurable("Calibri") and _brand.measurable("cambria")


def test_a_typeface_given_by_files_measures_with_the_nearest_style() -> None:
    from generator import brand as _brand

    face = _brand.file_face("Deckgen Wide", {(False, False): "/f/W-Regular.ttf",
                                             (True, False): "/f/W-Bold.ttf"})
    assert _brand.family_name(face) == "Deckgen Wide"
    assert _brand.measurable(face) and not _brand.measurable("Deckgen Wide")
    assert str(_brand.metric_file(face)) == "/f/W-Regular.ttf"
    assert str(_brand.metric_file(face, bold=True)) == "/f/W-Bold.ttf"
    assert str(_brand.metric_file(face, bold=True, italic=True)) == "/f/W-Bold.ttf"
    assert str(_brand.metric_file(face, italic=True)) == "/f/W-Regular.ttf"
    assert _brand.family_name("Arial") == "Arial"


def test_a_masters_list_levels_are_read_nearest_style_first() -> None:
    from lxml import etree

    from generator.deck.template_reader import ListLevel, list_levels

    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"

    def master(body_lvl1: str) -> etree._Element:
        return etree.fromstring(
            f'<p:sldMaster xmlns:p="{p}" xmlns:a="{a}"><p:cSld><p:spTree><p:sp><p:nvSpPr>'
            '<p:cNvPr id="2" name="b"/><p:cNvSpPr/><p:nvPr><p:ph type="body" idx="1"/>'
            f'</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle>{body_lvl1}'
            '</a:lstStyle></p:txBody></p:sp></p:spTree></p:cSld><p:txStyles><p:bodyStyle>'
            '<a:lvl1pPr marL="342900" indent="-342900"><a:buFont typeface="Arial"/>'
            '<a:buChar char="&#8226;"/></a:lvl1pPr>'
            '<a:lvl2pPr marL="742950" indent="-285750"><a:buChar char="-"/></a:lvl2pPr>'
            '</p:bodyStyle></p:txStyles></p:sldMaster>')

    assert list_levels(master("")) == (ListLevel(27.0, 27.0, "•", "Arial"),
                                       ListLevel(58.5, 22.5, "-", None))
    moved = list_levels(master('<a:lvl1pPr marL="457200"><a:buNone/></a:lvl1pPr>'))
    assert moved[0] == ListLevel(36.0, 27.0, None, None)
    assert list_levels(master('<a:lvl1pPr><a:buAutoNum type="arabicPeriod"/></a:lvl1pPr>')) == ()
    assert list_levels(master('<a:lvl1pPr indent="12700"/>')) == ()
