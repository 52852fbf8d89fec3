"""A template's master and layout art as deck.pdf paints it: shapes, colours, groups, order."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.util import Pt

from generator.deck import template_reader
from generator.deck.template_reader import _modified
from helpers import make_template

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _colour(xml: str) -> tuple[str, float]:
    el = etree.fromstring(f'<a:srgbClr xmlns:a="{A}" val="2A9362">{xml}</a:srgbClr>')
    return _modified("2A9362", 1.0, el)


def test_colour_modifiers_are_applied_as_powerpoint_does():
    assert _colour("") == ("#2A9362", 1.0)
    assert _colour('<a:lumMod val="75000"/>') == ("#1F6E4A", 1.0)  # 'darker 25%'
    assert _colour('<a:lumMod val="40000"/><a:lumOff val="60000"/>')[0] == "#9BE2C1"  # lighter 60%
    assert _colour('<a:tint val="0"/>')[0] == "#FFFFFF"
    assert _colour('<a:shade val="0"/>')[0] == "#000000"
    assert _colour('<a:alpha val="50000"/>') == ("#2A9362", 0.5)


def _master_template(path: Path, build) -> Path:
    """Write a 4:3 (720 x 540 pt) template whose master and layouts ``build(prs, scratch)``
    draws on."""
    make_template(path, colours={"accent1": "2A9362", "accent2": "C01030"}, wide=False)
    prs = Presentation(str(path))
    scratch = prs.slides.add_slide(prs.slide_master.slide_layouts[6])
    build(prs, scratch)
    prs.part.drop_rel(prs.slides._sldIdLst[0].rId)
    prs.slides._sldIdLst.remove(prs.slides._sldIdLst[0])
    prs.save(str(path))
    return path


def _move(shape, tree) -> None:
    tree.append(shape._element)


def test_master_and_layout_art_in_order_with_colours_resolved(tmp_path):
    def build(prs, scratch):
        master_tree = prs.slide_master.shapes._spTree
        bar = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Pt(20), Pt(540))
        bar.fill.solid()
        bar.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_2
        bar.line.fill.background()
        _move(bar, master_tree)
        hidden = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Pt(50), Pt(50))
        hidden._element.nvSpPr.cNvPr.set("hidden", "1")
        _move(hidden, master_tree)
        backdrop = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Pt(720), Pt(540))
        backdrop.fill.solid()
        backdrop.fill.fore_color.rgb = RGBColor(0xF0, 0xF0, 0xF0)
        _move(backdrop, master_tree)  # slide-sized: drawn, though not 'artwork' for findings
        rule = scratch.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(36), Pt(80), Pt(684),
                                            Pt(80))
        rule.line.color.rgb = RGBColor(0x11, 0x22, 0x33)
        rule.line.width = Pt(2)
        title_only = prs.slide_master.slide_layouts[5]
        _move(rule, title_only.shapes._spTree)
        blank = prs.slide_master.slide_layouts[6]
        blank._element.set("showMasterSp", "0")
        dot = scratch.shapes.add_shape(MSO_SHAPE.OVAL, Pt(10), Pt(10), Pt(30), Pt(30))
        _move(dot, blank.shapes._spTree)  # its fill and line from the shape's style

    template = template_reader.read(_master_template(tmp_path / "t.pptx", build))
    content = template.layout("Title and Content")
    # the backdrop's outline is the theme's line style 1 in accent1, shaded 95% there
    assert [(a.kind, a.fill, a.line) for a in content.art] == [
        ("rect", "#C01030", None), ("rect", "#F0F0F0", "#299060")]
    assert [a.name for a in content.artwork] == ["Rectangle 1"]  # the bar alone is in the way
    title_only = template.layout("Title Only")
    assert [a.kind for a in title_only.art] == ["rect", "rect", "line"]  # master's first
    line = title_only.art[-1]
    assert line.line == "#112233" and line.line_width == pytest.approx(2.0)
    assert line.box == pytest.approx((36.0, 80.0, 648.0, 0.0))
    blank = template.layout("Blank")
    assert [a.kind for a in blank.art] == ["ellipse"]  # the master's art hidden
    assert blank.art[0].fill is not None and blank.art[0].line is not None


def test_group_members_are_placed_by_the_group(tmp_path):
    def build(prs, scratch):
        group = scratch.shapes.add_group_shape()
        first = group.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(100), Pt(100), Pt(20), Pt(10))
        group.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(140), Pt(100), Pt(20), Pt(10))
        first.fill.solid()
        first.fill.fore_color.rgb = RGBColor(0, 0, 0)
        xfrm = group._element.grpSpPr.find(f"{{{A}}}xfrm")
        xfrm.find(f"{{{A}}}off").set("x", str(Pt(200)))  # moved, and twice the size
        xfrm.find(f"{{{A}}}ext").set("cx", str(Pt(120)))
        xfrm.find(f"{{{A}}}ext").set("cy", str(Pt(20)))
        _move(group, prs.slide_master.shapes._spTree)

    template = template_reader.read(_master_template(tmp_path / "g.pptx", build))
    boxes = [a.box for a in template.layout("Title Only").art]
    assert boxes == [pytest.approx((200.0, 100.0, 40.0, 20.0)),
                     pytest.approx((280.0, 100.0, 40.0, 20.0))]
