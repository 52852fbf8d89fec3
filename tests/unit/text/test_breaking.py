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
    ("R$ 0,38, abaixo", "R$\u00a00,38, abaixo"),
    ("custa US$ 1.2bn", "custa US$\u00a01.2bn"),
    ("(€ 12)", "(€\u00a012)"),
    ("CHF -3 net", "CHF\u00a0-3 net"),
    ("the $ sign", "the $ sign"),
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
    assert kinds == {"after", "fallback"}  # the fallback after 'https://', no hyphen
    ends = {url[:b.end] for b in breaking.breaks(url, "en")}
    assert "https://example.org/newsletter/subscription?utm_source=" in ends  # after '='
    # never inside a parameter's name, nor after 'https://' unless the address overflows
    assert "https://example.org/newsletter/subscription?utm_" not in ends


def test_a_line_of_text_does_not_end_on_a_bare_scheme():
    text = "Read the full methodology online at https://example.org/reports/2024/"
    lines = wrap(text, 330, 11, FONT, language="en")
    assert len(lines) > 1 and not any(line.endswith("://") for line in lines), lines
    alone = wrap("https://averyveryveryverylonghostname.example.org/x", 120, 14, FONT,
                 language="en")
    assert alone[0] == "https://", alone  # too wide for any line: it breaks there after all


@pytest.mark.parametrize("text", ["東京都千代田区", "市場は成長しており、スピードが勝負を決める。",
                                  "顧客はスピードを求めている「速さ」", "北京市朝阳区建国门外大街"])
def test_no_cjk_paragraph_ends_on_a_lone_character(text):
    for width in range(30, 260, 3):
        greedy = _greedy_lines(text, width)
        lines = wrap(text, width, 14, FONT, language="ja")
        assert len(lines) == len(greedy)  # the line count never changes
        assert "".join(lines) == text
        if len(lines) > 1 and breaking.lone(lines[-1]):
            assert not _could_carry(text, lines, width), (width, lines)
        for line in lines:
            assert _width(line) <= width


def _width(line: str) -> float:
    from generator.text import text_width
    return text_width(line, 14, FONT)


def _greedy_lines(text: str, width: float) -> list[str]:
    from generator.text import measure
    advances = [measure.text_width(ch, 14, FONT) for ch in text]
    cum = [0.0]
    for w in advances:
        cum.append(cum[-1] + w)
    lines = breaking._greedy(text, cum, breaking._plain_breaks(text), width, 0.0, "ja")
    return [text[ln.start:ln.end] for ln in lines]


def _could_carry(text: str, lines: list[str], width: float) -> bool:
    """Whether the line before the last has a break from which the rest fits and is not
    lone (the breaker should then have taken it)."""
    start = len("".join(lines[:-2]))
    end = len(text) - len(lines[-1])
    return any(start < b.end < end and _width(text[b.next:]) <= width
               and not breaking.lone(text[b.next:]) for b in breaking.breaks(text, "ja"))


def test_the_line_before_gives_its_last_characters_to_a_lone_last_line():
    width = _width("東京都千代") + 1
    assert wrap("東京都千代田区", width, 14, FONT, language="ja") == ["東京都千代", "田区"]
    width = _width("東京都千代田") + 1
    assert wrap("東京都千代田区", width, 14, FONT, language="ja") == ["東京都千代", "田区"]
    # one character and its closing marks is alone too; kinsoku still holds
    width = _width("売上は前年比で増加し") + 1
    assert wrap("売上は前年比で増加した。", width, 14, FONT, language="ja") == [
        "売上は前年比で増加", "した。"]


def test_a_lone_last_line_stays_when_nothing_may_carry():
    # a number keeps its counter, and the line before has no break to give from
    assert wrap("12345 円", _width("12345") + 1, 14, FONT, language="ja") == ["12345", "円"]
    # Latin text is not touched
    assert wrap("a b c d e f g h i j", _width("a b c d e") + 1, 14, FONT) == [
        "a b c d e", "f g h i j"]


@pytest.mark.parametrize(("text", "never"), [
    ("東京々", [2]),              # iteration mark
    ("2024年に", [4, 1, 2, 3]),   # a number and its counter
    ("１，２００円", [1, 2, 3, 4, 5]),
    ("東京……大阪", [3]),          # a doubled ellipsis
    ("価格は￥1200", [4]),         # a currency sign before its number
    ("ェ〜ェ", [1]),                # the wave dash opens no line
    ("［注］本文", [1]),            # an opening bracket closes no line
    ("一〇〇℃で", [3]),            # a unit after a number
])
def test_cjk_kinsoku_and_numbers(text, never):
    ends = {b.end for b in breaking.breaks(text, "ja")}
    assert not ends & set(never), ends


def test_the_narrowest_box_of_a_cjk_paragraph_leaves_no_character_alone():
    # '拠点' may break between its characters, but a box one character wide would leave
    # '点' alone: the narrowest box holds two
    for text in ("拠点", "東京都千代田区", "売上は増加した。"):
        runs = parse_inline(text)
        narrowest = longest_piece(runs, 14, FONT, "ja")
        lines = wrap(text, narrowest, 14, FONT, language="ja")
        assert not (len(lines) > 1 and breaking.lone(lines[-1])), (text, lines)
    assert longest_piece(parse_inline("拠点"), 14, FONT, "ja") == _width("拠点")
    assert longest_piece(parse_inline("区"), 14, FONT, "ja") == _width("区")
    # nor alone on the first of two lines: a short word is the narrowest box's width
    for word in ("スピード", "拠点1"):
        assert longest_piece(parse_inline(word), 14, FONT, "ja") == _width(word)
    assert longest_piece(parse_inline("東京都千代田区"), 14, FONT, "ja") == _width("田区")
