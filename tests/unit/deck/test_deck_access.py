"""The deck's accessibility findings on slide plans: real contrast pairs and reading order."""

from __future__ import annotations

from generator import brand
from generator.checks import access as outline_access
from generator.deck import access
from generator.deck.elements import ChartFrame, Para, Shape, SlidePlan, TextBox
from generator.deck.layout import Box
from generator.model import Chart
from generator.text import Run


def _para(text: str, colour: str = "#222222", size: float = 14, bold: bool = False) -> Para:
    return Para((Run(text),), size, "Arial", colour, bold=bold)


def _slide(*elements, background: str = "#FFFFFF") -> SlidePlan:
    return SlidePlan("bullets", "Title and Content", "T", background, list(elements), "",
                     "S", ("sections", 0, "slides", 0), number=7)


TITLE = TextBox(Box(40, 20, 880, 60), (_para("The title", size=28, bold=True),), role="title")


def test_large_text_needs_3_to_1_and_body_text_4_5_to_1():
    grey = "#8A8A8A"  # 3.45:1 on white
    assert 3 < brand.contrast(grey, "#FFFFFF") < 4.5
    assert access.required(_para("x", size=18)) == 3.0
    assert access.required(_para("x", size=14, bold=True)) == 3.0
    assert access.required(_para("x", size=14)) == 4.5
    slide = _slide(TITLE, TextBox(Box(40, 100, 880, 40), (_para("big", grey, 24),
                                                          _para("small", grey, 12))))
    [finding] = access.findings([slide])
    assert finding.code == "contrast" and finding.path == ("sections", 0, "slides", 0)
    assert finding.message == ("low contrast on slide 7: text 'small' (#8A8A8A on #FFFFFF, "
                               "12 pt) is 3.45:1; expected at least 4.5:1 (WCAG AA)")


def test_text_is_read_against_the_card_it_sits_on_and_the_dark_slide():
    card = Shape(Box(40, 100, 300, 200), "#1F3A5F")
    on_card = TextBox(Box(60, 120, 260, 40), (_para("dark on dark", "#222222"),), role="body")
    beside = TextBox(Box(400, 120, 260, 40), (_para("dark on white", "#222222"),))
    assert access.backdrop(_slide(card, on_card), 1, on_card.box) == "#1F3A5F"
    messages = [f.message for f in access.findings([_slide(TITLE, card, on_card, beside)])]
    assert len(messages) == 1 and "'dark on dark' (#222222 on #1F3A5F" in messages[0]
    divider = _slide(TextBox(Box(40, 200, 880, 60), (_para("Section", "#333333", 40),)),
                     background="#1F3A5F")
    assert "on #1F3A5F" in access.findings([divider])[0].message


def test_chart_series_need_3_to_1_and_pairs_the_brand_check_reports_are_not_repeated():
    chart = Chart.parse({"type": "column", "categories": ["a", "b"], "series": [
        {"name": "one", "values": [1, 2]}, {"name": "two", "values": [2, 3]}]})
    frame = ChartFrame(Box(40, 100, 600, 300), chart, ("#1F3A5F", "#C9D6E3", "#EEEEEE"),
                       "Arial", "#222222", 12)
    [finding] = access.findings([_slide(TITLE, frame)])
    assert finding.message == ("low contrast on slide 7: chart colour #C9D6E3 on #FFFFFF is "
                               "1.48:1; expected at least 3:1 for chart elements (WCAG AA)")
    assert access.findings([_slide(TITLE, frame)], frozenset({("#C9D6E3", "#FFFFFF")})) == []


def test_reading_order_follows_columns_and_rows_but_not_upwards_or_leftwards():
    left_head = TextBox(Box(40, 100, 400, 30), (_para("Left head"),), role="heading")
    left_body = TextBox(Box(40, 140, 400, 200), (_para("Left body"),))
    right_head = TextBox(Box(480, 100, 400, 30), (_para("Right head"),), role="heading")
    footer = TextBox(Box(40, 500, 400, 20), (_para("Footer"),), role="footer")
    columns = _slide(footer, TITLE, left_head, left_body, right_head)
    assert access.findings([columns]) == []  # column by column; the footer is an artifact
    [upwards] = access.findings([_slide(left_body, TITLE, left_head)])
    assert upwards.code == "reading-order"
    assert upwards.message == (
        "reading order on slide 7: text 'Left body' is read before title 'The title', which "
        "is shown above it; expected the shapes in visual order, top to bottom and left to "
        "right")
    [leftwards] = access.findings([_slide(TITLE, right_head, left_head)])
    assert "heading 'Right head' is read before heading 'Left head', which is shown left of" \
        in leftwards.message


def test_outline_checks_find_markup_only_titles_and_file_name_alt_text():
    assert outline_access.describes("A map of Europe", "img/map.png")
    assert not outline_access.describes("map.png", "img/map.png")
    assert not outline_access.describes("MAP", "img/map.png")
    assert not outline_access.describes("**  **", "map.png")
