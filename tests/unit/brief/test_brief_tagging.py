"""The structure tree as plain data, and the alt text charts are given."""

from __future__ import annotations

import copy

from generator.brief.styles import Styles
from generator.brief.tagging import Marks, Structure
from generator.brief.typesetting import Paragraph
from generator.model import Brand

STYLES = Styles(Brand())


def test_parts_nest_in_the_order_they_are_made():
    tags = Structure()
    with tags.part("Sect") as sect:
        head = tags.tag(Paragraph("Title", STYLES.h1))
        with tags.part("L") as items:
            tags.tag(Paragraph("one", STYLES.body), "LBody")
        tags.tag(Paragraph("after", STYLES.body))
    assert tags.root.kids == [sect]
    assert [kid.role for kid in sect.kids] == ["H1", "L", "P"]
    assert head._struct is sect.kids[0]
    assert items.kids[0].role == "LBody"
    assert tags.current is tags.root


def test_a_paragraph_takes_its_role_from_its_style():
    tags = Structure()
    roles = [tags.tag(Paragraph("x", style))._struct.role
             for style in (STYLES.h1, STYLES.h2, STYLES.h3, STYLES.table_head, STYLES.body,
                           STYLES.caption)]
    assert roles == ["H1", "H2", "H3", "Caption", "P", "P"]


def test_split_halves_and_copies_keep_the_one_element():
    tags = Structure()
    para = tags.tag(Paragraph("word " * 200, STYLES.body))
    para.wrap(200, 1000)
    halves = para.split(200, 100)
    assert len(halves) == 2
    assert all(half._struct is para._struct for half in halves)
    assert copy.deepcopy(para._struct) is para._struct


def test_marks_hold_only_the_last_drawing_pass():
    tags = Structure()
    with tags.part("Sect") as sect:
        para = tags.element("P")
        unused = tags.element("P")
    first = Marks(drawing=2)
    assert first.add_content(0, para) == 0
    assert first.add_content(0, para) == 1
    second = Marks(drawing=3)
    assert second.add_content(1, para) == 0
    assert para.content == [("mc", 1, 0)]
    assert sect.has_content(3) and not unused.has_content(3)
    assert not sect.has_content(2)


def test_a_citation_is_a_reference_around_a_link():
    tags = Structure()
    para = tags.element("P")
    marks = Marks(drawing=2)
    marks.add_content(0, para)
    link = marks.add_link(0, para, object(), "source-3", False, tags.root)
    kind, reference = para.content[-1]
    assert (kind, reference.role) == ("kid", "Reference")
    assert reference.content[0][1] is link.element
    assert link.element.role == "Link"
    url = marks.add_link(0, para, object(), "https://example.com", True, tags.root)
    assert para.content[-1] == ("kid", url.element)
