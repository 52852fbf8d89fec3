"""Runs to reportlab markup: escaping, styles, links and citation numbers."""

from __future__ import annotations

from xml.sax import saxutils

import pytest
from reportlab.lib.colors import toColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from generator.brief import fonts
from generator.brief.markup import Citations, colour, escape, literal, markup, quoteattr
from generator.model import Source

SOURCES = [Source(id="a", title="A"), Source(id="b", title="B"), Source(id="c", title="C")]


def _shown(text: str) -> str:
    """Return the text a reader sees once reportlab has parsed ``text``'s markup."""
    family = fonts.register("Arial")
    para = Paragraph(text, ParagraphStyle("t", fontName=family.regular))
    para.wrap(400, 100)
    return " ".join("".join(w.text if hasattr(w, "text") else str(w) for w in line.words)
                    if hasattr(line, "words") else " ".join(line[1])
                    for line in para.blPara.lines)


def test_markup_characters_are_escaped():
    assert markup("<b>x</b> & ≈ > 3") == "&lt;b&gt;x&lt;/b&gt; &amp; ≈ &gt; 3"


def test_escaped_text_reads_back_literally():
    assert _shown(markup("a <b>tag</b> & ≈")) == "a <b>tag</b> & ≈"


def test_literal_ignores_inline_markup():
    assert literal("**not bold** <i>") == "**not bold** &lt;i&gt;"


def test_bold_italic_and_links_become_tags():
    assert markup("**b** *i* [x](https://e.org/?a=1&b=2)") == (
        '<b>b</b> <i>i</i> <a href="https://e.org/?a=1&amp;b=2" color="#1F4E79">x</a>')


def test_quotes_in_urls_cannot_break_the_attribute():
    out = markup('[x](https://e.org/"onclick)')
    assert "&quot;" in out or "'https://e.org/\"onclick'" in out
    Paragraph(out, ParagraphStyle("t", fontName=fonts.register("Arial").regular))


def test_citations_become_numbered_internal_links():
    cites = Citations(SOURCES)
    assert markup("x [@b]", cites) == 'x <a href="#source-1" color="#1F4E79">[1]</a>'


def test_citations_are_dropped_without_a_numbering():
    assert markup("x [@b]") == "x "


def test_sources_are_numbered_in_order_of_first_citation():
    cites = Citations(SOURCES)
    markup("[@c] then [@a] then [@c] again", cites)
    assert [(n, s.id) for n, s in cites.numbered()] == [(1, "c"), (2, "a"), (3, "b")]


def test_unknown_source_has_no_number():
    assert Citations(SOURCES).number("nope") is None


@pytest.mark.parametrize("text", ["", "plain", "a&b<c>d", '"', "'", "\"'", "x\ny\tz\rq",
                                  "https://e.org/?a=1&b=2", 'https://e.org/"onclick', "&amp;"])
def test_escaping_matches_the_standard_library(text):
    assert escape(text) == saxutils.escape(text)
    assert quoteattr(text) == saxutils.quoteattr(text)


def test_colours_are_written_as_rgb_reportlab_reads_as_the_same_colour():
    assert colour("#1F4E79") == "rgb(31,78,121)"
    for hex_colour in ("#000000", "#FFFFFF", "#1f4e79", "#C00000", "#0A0B0C"):
        assert toColor(colour(hex_colour)) == toColor(hex_colour)


def test_citations_next_to_each_other_share_one_bracket():
    citations = Citations(SOURCES)
    assert _shown(markup("x [@b] [@a] [@b].", citations)) == "x [1, 2]."
    assert _shown(markup("y [@a; @c, p. 12] [@a]", citations)) == "y [2; 3, p. 12]"
    assert "[2] [2]" not in _shown(markup("z [@a] [@a]", citations))
