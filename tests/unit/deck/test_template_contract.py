"""The template contract and theme reader: which layout each slide kind gets, and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import brand as _brand
from generator.deck import contract, template_report
from generator.deck import template_reader as templates
from generator.deck.contract import place
from generator.deck.template_reader import Layout, Template, Theme

THEME = Theme({"dk1": "#101820", "lt1": "#FFFFFF", "dk2": "#0B3D2E", "lt2": "#EEF5F1",
               "accent1": "#0B7A53", "accent2": "#A1521B"}, "Georgia", "Verdana")


def template(*layouts: Layout) -> Template:
    return Template(Path("t.pptx"), layouts, THEME, (12192000, 6858000))


COVER = Layout("Title Slide", ("ctrTitle", "subtitle"))
CONTENT = Layout("Title and Content", ("title", "content"))
SECTION = Layout("Section Header", ("title", "body"))
TWO = Layout("Two Content", ("title", "content", "content"))
ONLY = Layout("Title Only", ("title",))
BLANK = Layout("Blank", ())


def test_default_mapping_by_name():
    t = template(COVER, CONTENT, SECTION, TWO, ONLY, BLANK)
    got = {p.kind: (p.layout, p.how) for p in contract.contract(t)}
    assert got["title"] == ("Title Slide", "name")
    assert got["divider"] == ("Section Header", "name")
    assert got["bullets"] == got["agenda"] == got["sources"] == ("Title and Content", "name")
    assert got["two-column"] == ("Two Content", "name")
    assert {got[k] for k in ("stats", "chart", "table", "timeline", "quote", "image",
                             "playbook", "peer", "closing")} == {("Title Only", "name")}


def test_names_match_without_case():
    assert place(template(Layout("title only", ("title",))), "chart").layout == "title only"


def test_renamed_layouts_found_by_placeholders():
    t = template(BLANK, Layout("Heading", ("title",)), Layout("Chapter", ("title", "body")),
                 Layout("Text", ("title", "content")), Layout("Cover", ("ctrTitle", "subtitle")),
                 Layout("Split", ("title", "content", "content")))
    assert place(t, "title") == contract.Placement("title", "Cover", "placeholders")
    assert place(t, "divider").layout == "Chapter"      # a text body, not content
    assert place(t, "bullets").layout == "Text"
    assert place(t, "two-column").layout == "Split"
    assert place(t, "stats").layout == "Heading"         # the fewest unused placeholders


def test_missing_layout_falls_back_and_says_what_is_missing():
    t = template(COVER, CONTENT)
    p = place(t, "two-column")
    assert (p.layout, p.how, p.missing) == ("Title and Content", "fallback", ("body",))
    assert place(template(ONLY), "title").missing == ("subtitle",)


def test_no_title_layout_cannot_place():
    p = place(template(BLANK), "bullets")
    assert not p.placeable and p.how == "none"
    lines, ok = template_report.report(template(BLANK))
    assert not ok and lines[-1].startswith("15 slide kinds cannot be placed: title, agenda")


def test_outline_layout_wins_and_unknown_is_none():
    t = template(COVER, CONTENT, ONLY)
    assert place(t, "bullets", "Title Only") == contract.Placement(
        "bullets", "Title Only", "outline", ("body",))
    assert place(t, "bullets", "Fancy").layout is None


def test_brand_values_from_theme():
    values = templates.brand_values(template(ONLY))
    assert values["fonts"] == {"heading": "Georgia", "body": "Verdana"}
    palette = values["palette"]
    assert (palette["text"], palette["background"], palette["secondary"], palette["surface"],
            palette["primary"], palette["accent"]) == ("#101820", "#FFFFFF", "#0B3D2E",
                                                       "#EEF5F1", "#0B7A53", "#A1521B")
    assert palette["chart"] == ["#0B7A53", "#A1521B"]
    assert _brand.contrast(palette["muted"], "#FFFFFF") >= _brand.AA_BODY
    assert palette["muted"] != palette["text"]


@pytest.mark.parametrize("name, data, message", [
    ("a.txt", b"x", "expected a PowerPoint .pptx or .potx file"),
    ("a.pptx", b"not a zip", "not a readable PowerPoint file"),
])
def test_read_rejects_non_templates(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(templates.TemplateProblem, match=message):
        templates.read(tmp_path / name)


def test_read_default_template():
    t = templates.read(templates.default_path())
    assert t.names[:3] == ["Title Slide", "Title and Content", "Section Header"]
    assert t.layout("Title Slide").roles == ("ctrTitle", "subtitle")
    assert t.theme.colours["accent1"] == "#4F81BD" and t.theme.body == "Calibri"
