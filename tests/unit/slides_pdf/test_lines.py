"""Text frames of the slides PDF break and place lines as the planner measured them."""

from __future__ import annotations

from generator import text as _text
from generator.deck import fit
from generator.deck.elements import Para, TextBox
from generator.deck.layout import Box
from generator.slides_pdf import lines


def _para(text: str, **kw) -> Para:
    return Para(tuple(_text.parse_inline(text)), kw.pop("size", 20.0), "Arial", "#000000",
                **kw)


def _line_texts(para: Para, width: float) -> list[str]:
    return ["".join(r.text for r in runs) for runs in lines.wrap(para, width)]


def test_lines_break_at_spaces_as_a_presentation_program_fills_the_frame():
    value = "Growth came from two regions and one new product line, led by retail"
    for width in (120.0, 240.0, 400.0):
        para = fit.settle(_para(value), width)
        assert _line_texts(para, width) == _text.wrap(value, width, 20.0, "Arial")


def test_a_word_the_planner_hyphenated_breaks_there_with_its_hyphen():
    # German at 20 pt in a narrow box: the plan hyphenates the compound (and writes the
    # break into the deck); deck.pdf shows the same lines, the hyphen drawn, no break mark
    value = "Die Donaudampfschifffahrtsgesellschaft meldet Rekordzahlen"
    plain = _para(value, lang="de")
    para = fit.settle(plain, 200.0)
    got = _line_texts(para, 200.0)
    planned = _text.wrap_runs(list(plain.runs), fit.usable(plain, 200.0), 20.0, "Arial", "de")
    assert got == planned and len(got) > 2
    assert any(line.endswith("-") for line in got)
    assert not any(_text.breaking.LINE_BREAK in line for line in got)
    assert "".join(line.removesuffix("-") + ("" if line.endswith("-") else " ")
                   for line in got).split() == value.split()


def test_white_space_is_kept_as_written_within_a_line():
    assert _line_texts(_para("Team  ·  Group"), 500.0) == ["Team  ·  Group"]


def test_styles_and_links_stay_on_their_words():
    runs = lines.wrap(_para("plain **bold** [site](https://example.com)"), 500.0)[0]
    # a space keeps the style of the run it is written in (as the deck's runs have it); a
    # link covers its own words, not the space before it
    assert [(r.text, r.bold, r.link) for r in runs] == [
        ("plain ", False, None), ("bold", True, None), (" ", False, None),
        ("site", False, "https://example.com")]


def test_an_over_long_word_breaks_between_characters():
    got = _line_texts(_para("Supercalifragilistic"), 60.0)
    assert len(got) > 1 and "".join(t.removesuffix("-") for t in got) == "Supercalifragilistic"


def test_baselines_follow_the_fixed_line_height_and_the_anchor():
    box = TextBox(Box(10, 100, 200, 100), (_para("one two three four five six", size=20),),
                  anchor="bottom")
    laid = lines.frame(box)[0]
    assert len(laid.lines) == 2
    assert laid.lines[1].baseline - laid.lines[0].baseline == 24.0  # 1.2 times the size
    height = 2 * 24.0
    assert laid.lines[0].baseline == 100 + 100 - height + lines.BASELINE_DROP * 20


def test_centred_lines_start_half_the_spare_width_in():
    laid = lines.frame(TextBox(Box(0, 0, 300, 50), (_para("Hi", align="center"),)))[0]
    line = laid.lines[0]
    assert abs(line.x - (300 - line.width) / 2) < 1e-9
