"""Inline markup and text measurement."""

from __future__ import annotations

import json

from generator.text import Run, citations, parse_inline, plain, text_width, wrap


def test_markup_becomes_runs():
    assert parse_inline("a **b** *c* [d](https://x.org) [@s1]") == [
        Run("a "), Run("b", bold=True), Run(" "), Run("c", italic=True), Run(" "),
        Run("d", link="https://x.org"), Run(" "), Run("", cite="s1")]


def test_angle_brackets_and_ampersands_are_literal():
    assert plain("<b>not bold</b> & ≈ 5") == "<b>not bold</b> & ≈ 5"


def test_backslash_escapes_markup():
    assert plain(r"2 \* 3 = 6 and \[x\]") == "2 * 3 = 6 and [x]"


def test_unclosed_markers_stay_literal():
    assert plain("a * b and **c") == "a * b and **c"


def test_citations_in_order_once():
    assert citations("x [@a] y [@b] z [@a]") == ["a", "b"]


def test_widths_are_arial_metrics():
    # Arial's advance widths: 'M' is 0.833 em, a space 0.278 em.
    assert round(text_width("M", 100, "Arial"), 1) == 83.3
    assert round(text_width(" ", 100, "Arial"), 1) == 27.8
    assert text_width("Bold", 20, "Arial", bold=True) > text_width("Bold", 20, "Arial")


def test_wrap_breaks_at_spaces_and_inside_long_words():
    lines = wrap("one two three four five six", 80, 20, "Arial")
    assert len(lines) > 1 and " ".join(lines) == "one two three four five six"
    assert all(text_width(line, 20, "Arial") <= 80 for line in lines)
    long = wrap("x" * 50, 100, 20, "Arial")
    assert "".join(long) == "x" * 50 and len(long) > 1


def test_cjk_breaks_between_characters():
    lines = wrap("小米人车家全生态战略" * 3, 100, 20, "Arial")
    assert len(lines) > 1


def test_bundled_metric_caches_match_the_font_files():
    from pathlib import Path

    from generator.text import metrics_cache_path, read_metrics

    folder = Path(__file__).parents[2] / "generator" / "fonts"
    fonts = sorted(folder.glob("*.ttf")) + sorted((folder / "fallback").glob("*.ttf"))
    assert fonts
    for font in fonts:
        cached = json.loads(metrics_cache_path(font).read_text())
        assert cached == json.loads(json.dumps(read_metrics(font))), font.name


def test_citations_as_users_write_them():
    assert [(r.cite, r.locator) for r in parse_inline("a [@x; @y, p. 12] b [@z p. 3]")
            if r.cite] == [("x", None), ("y", "p. 12"), ("z", "p. 3")]
    assert citations("[@x; @y, p. 12] [@x]") == ["x", "y"]
    assert plain(r"literal \[@x] stays") == "literal [@x] stays"
    assert parse_inline("[@ not a cite]") == [Run("[@ not a cite]")]


def _mended(text: str, **kw) -> str:
    from generator.text.markup import strip_citations

    return "".join(r.text for r in strip_citations(parse_inline(text), **kw))


def test_the_sentence_a_citation_leaves_reads_correctly():
    assert _mended("Quellen: [@a], [@b]; Werte gerundet.") == "Werte gerundet."
    assert _mended("Revenue grew 20% [@a; @b, p. 12].") == "Revenue grew 20%."
    assert _mended("Sales rose [@a], while costs fell ([@b]).") == (
        "Sales rose, while costs fell.")
    assert _mended("Schätzung auf Basis von [@a]; gerundet.", name=lambda cites: "IDC",
                   lead_words=frozenset({"von"})) == "Schätzung auf Basis von IDC; gerundet."
    for text in ("Quellen: [@a], [@b]; Werte gerundet.", "Basis von [@a]; gerundet.",
                 "x [@a], [@b]."):
        assert ",;" not in _mended(text) and " ;" not in _mended(text)


def test_plain_text_drops_a_citation_with_the_space_before_it():
    assert plain("retail payments [@bcb]. Growth") == "retail payments. Growth"
    assert plain("grew [@a; @b], and fell") == "grew, and fell"
    assert plain("grew [@a] in May") == "grew in May"
    assert plain("**Bold** claim [@a]!") == "Bold claim!"


def test_a_composed_sentence_ends_with_one_full_stop():
    from generator.locale import get

    marks = get("en").punctuation
    assert marks.ended("Where growth comes from") == "Where growth comes from."
    assert marks.ended("Is it growth?") == "Is it growth?"
    assert get("ja").punctuation.ended("成長の源泉") == "成長の源泉。"
