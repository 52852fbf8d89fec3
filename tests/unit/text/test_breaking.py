"""The shared line breaker: where lines may end, hyphenation, glued spaces, CJK kinsoku."""

from __future__ import annotations

import pytest

from generator.deck import fit
from generator.deck.elements import Para
from generator.text import breaking, glue, longest_piece, overfull, parse_inline, wrap

FONT = "Arial"


def test_a_long_german_compound_is_hyphenated_and_shows_its_hyphen():
    lines = wrap("Das Gebäudeenergiegesetz gilt ab 2024", 110, 14, FONT, language="de")
    assert any(line.endswith("-") for line in lines)
    joined = "".join(line[:-1] if line.endswith("-") else line + " " for line in lines)
    assert "Gebäudeenergiegesetz" in joined


def test_without_a_dictionary_a_word_too_wide_is_overfull_not_cut_silently():
    assert overfull(parse_inline("Metsäteollisuusyhtiöidenkilpailukyky"), 80, 14, FONT,
                    "fi") == "Metsäteollisuusyhtiöidenkilpailukyky"
    assert overfull(parse_inline("short words only"), 200, 14, FONT, "fi") is None


@pytest.mark.parametrize(("text", "glued"), [
    ("down 48 %", "down 48\u00a0%"),
    ("12 GWh in 2024", "12\u00a0GWh in 2024"),
    ("un record !", "un record\u00a0!"),
    ("« en ligne »", "«\u00a0en ligne\u00a0»"),
    ("a , b", "a\u00a0, b"),
    ("in 2024 the", "in 2024 the"),
])
def test_glue_keeps_marks_and_units_off_the_line_start(text, glued):
    assert glue(text) == glued


def test_no_line_starts_with_a_lone_mark_or_unit():
    text = "Les ventes ont progressé de 12 % : un record ! −48 %"
    for width in range(60, 200, 7):  # (narrower, a glued group is overfull: never fits)
        assert overfull(parse_inline(text), width, 14, FONT, "fr") is None
        for line in wrap(text, width, 14, FONT, language="fr"):
            assert line.split()[0] not in {"%", ":", "!"}


def test_urls_break_after_slashes_and_before_query_marks():
    url = "https://example.org/reports/2024/annual-report?lang=en&page=2"
    lines = wrap(url, 120, 14, FONT, language="en")
    assert len(lines) > 1
    for upper, lower in zip(lines, lines[1:], strict=False):
        assert upper.endswith(("/", "-")) or lower.startswith(("?", "&"))


def test_a_url_may_break_before_its_query_but_a_question_mark_never_opens_a_line():
    ends = {b.end for b in breaking.breaks("example.org/api/collect?session=8f14&format=json")}
    assert len("example.org/api/collect") in ends
    assert len("example.org/api/collect?session=8f14") in ends
    assert not {b.end for b in breaking.breaks("Did you read example.org/faq?")
                } & {len("Did you read example.org/faq")}


def test_cjk_breaks_between_characters_with_kinsoku():
    lines = wrap("コンビニエンスストアの売上は、前年比で増加した。「安い」", 70, 14, FONT,
                 language="ja")
    assert len(lines) > 1
    assert not any(line[0] in breaking.NO_LINE_START for line in lines[1:])
    assert not any(line[-1] in breaking.NO_LINE_END for line in lines)


def test_longest_piece_is_narrower_with_hyphenation():
    runs = parse_inline("Donaudampfschifffahrtsgesellschaft")
    assert longest_piece(runs, 14, FONT, "de") < longest_piece(runs, 14, FONT, "de",
                                                               hyphenate=False)


def test_settle_writes_the_hyphen_and_a_line_break_where_the_word_splits():
    para = Para(tuple(parse_inline("Das Gebäudeenergiegesetz gilt")), 14, FONT, "#000000",
                lang="de")
    text = "".join(r.text for r in fit.settle(para, 100).runs)
    assert "-\v" in text
    assert text.replace("-\v", "") == "Das Gebäudeenergiegesetz gilt"


def test_a_paragraph_with_a_cut_word_never_fits():
    para = Para(tuple(parse_inline("Metsäteollisuusyhtiöidenkilpailukyky")), 14, FONT,
                "#000000", lang="fi")
    assert fit.lines(para, 80) == fit.OVERFULL


def test_balanced_pagination_evens_the_pages():
    assert fit.even_chunks(14, 8) == [(0, 7), (7, 14)]
    assert fit.even_chunks(14, 6) == [(0, 5), (5, 10), (10, 14)]
    pages = fit.balanced([1.0] * 10, 6.0)
    assert [b - a for a, b in pages] == [5, 5]


@pytest.mark.parametrize("word", ["2026-10-01", "75–150", "€/kg", "and/or", "km/h"])
def test_dates_ranges_and_units_with_a_slash_never_break(word):
    assert breaking.breaks(word, "en") == ()


@pytest.mark.parametrize(("word", "lines"), [
    ("e-scooter-battery", ["e-scooter-", "battery"]),
    ("Battery-swapping", ["Battery-", "swapping"]),
    ("quick-commerce", ["quick-", "commerce"]),
])
def test_a_hyphenated_compound_breaks_at_its_own_hyphen(word, lines):
    """Not 'quick-com-merce' or 'e-s-cooter': a second hyphen beside the word's own."""
    assert wrap(word, 80, 14, FONT, language="en") == lines
    assert {b.kind for b in breaking.breaks(word, "en")} == {"after"}


def test_a_long_part_of_a_compound_is_still_hyphenated():
    kinds = [b.kind for b in breaking.breaks("Wasserstoff-Elektrolyseurkapazität", "de")]
    assert "after" in kinds and "hyphen" in kinds



def test_a_web_address_is_never_hyphenated():
    url = "https://example.org/newsletter/subscription?utm_source=newsletter"
    kinds = {b.kind for b in breaking.breaks(url, "en")}
    assert kinds == {"after"}
    assert "https://example.org/newsletter/subscription?utm_" in {
        url[:b.end] for b in breaking.breaks(url, "en")}
