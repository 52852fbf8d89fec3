"""The brief's paragraph: plain text read without the parser, lines kept per width."""

from __future__ import annotations

import pytest
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paraparser import ParaParser

from generator.brief.styles import Styles
from generator.brief.typesetting import Paragraph, plain_frags
from generator.model import Brand

STYLES = Styles(Brand())
ALL_STYLES = [value for value in vars(STYLES).values()
              if isinstance(value, rl_paragraph.ParagraphStyle)] + STYLES.toc_levels
TEXTS = ["One", "  leading and trailing  ", "several   spaces\tand\ttabs",
         "two\nlines\n\n and a gap", "no\u00a0break space", "\u2003em space first",
         "“quotes” – dashes — and ≈ signs €12", "中文 and العربية", "x" * 300,
         "a " * 200]


def _parsed(text: str, style) -> list[dict]:
    _, frags, _ = ParaParser(caseSensitive=1).parse(
        rl_paragraph.cleanBlockQuotedText(text), style)
    return [vars(f) for f in frags]


@pytest.mark.parametrize("text", TEXTS)
def test_plain_text_gives_the_fragments_the_parser_gives(text):
    for style in ALL_STYLES:
        assert [vars(f) for f in plain_frags(text, style)] == _parsed(text, style), style.name


@pytest.mark.parametrize("text", ["a <b>tag</b>", "R&amp;D", "", "   \n  "])
def test_markup_and_empty_text_are_left_to_the_parser(text):
    assert plain_frags(text, STYLES.body) is None


def test_plain_paragraphs_share_no_fragment_state():
    one, two = Paragraph("first", STYLES.body), Paragraph("second", STYLES.body)
    assert one.frags[0] is not two.frags[0]
    assert one.frags[0].link is not two.frags[0].link
    assert one.frags[0].us_lines is not two.frags[0].us_lines


@pytest.mark.parametrize("text", ["Plain words " * 30, "Some <b>bold</b> words " * 20])
def test_lines_and_height_match_reportlab_at_every_width(text):
    ours, theirs = Paragraph(text, STYLES.body), rl_paragraph.Paragraph(text, STYLES.body)
    for width in (300, 120, 300, 45, 120):
        assert ours.wrap(width, 800) == theirs.wrap(width, 800)
        assert [line[1] if isinstance(line, tuple) else [w.text for w in line.words]
                for line in ours.blPara.lines] == [
            line[1] if isinstance(line, tuple) else [w.text for w in line.words]
            for line in theirs.blPara.lines]
        assert [p.wrap(width, 800) for p in ours.split(width, 60)] == [
            p.wrap(width, 800) for p in theirs.split(width, 60)]
