"""Where the brief's paragraphs split a long word: the deck's rules (text.breaking), no cuts."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from generator.brief import columns
from generator.brief.fonts import GlyphMap
from generator.brief.geometry import PAD
from generator.brief.markup import literal
from generator.brief.styles import Styles
from generator.brief.typesetting import Paragraph
from generator.checks.glyphs import fallback_files
from generator.model import Brand
from generator.text import breaking, wrap

STYLES = Styles(Brand(), "en")
GERMAN = Styles(Brand(), "de")
PATH = "/var/lib/buildkite-agent/builds/build-agent-07/monorepo/services/payments-gateway/"
URL = ("https://telemetry-cdn-eu-west.example-analytics.net/api/v2/collect?"
       "session=8f14e45fceea167a5a36dedd4bea2543&format=json")


def _lines(para: Paragraph, width: float) -> list[str]:
    para.wrap(width, 10_000)
    out = []
    for line in para.blPara.lines:
        if isinstance(line, tuple):
            out.append(" ".join(line[1]))
        else:
            out.append("".join(w.text for w in line.words).strip())
    return out


def _fair(lines: list[str]) -> bool:
    """Every line but the last ends where the rules allow: a slash or hyphen (in a web
    address also '_' or '='), or before ?&."""
    return all(a.endswith(("/", "-", " ", "_", "=")) or b.startswith(("?", "&", "#"))
               for a, b in zip(lines, lines[1:], strict=False))


def test_a_path_in_a_narrow_cell_breaks_after_its_slashes_only():
    para = Paragraph(PATH, STYLES.cell)
    lines = _lines(para, 120)
    assert len(lines) > 1 and "".join(lines) == PATH
    assert _fair(lines) and not para.cut
    assert all(stringWidth(ln, STYLES.cell.fontName, STYLES.cell.fontSize) <= 120
               for ln in lines)


def test_a_query_string_breaks_before_its_ampersand_even_on_a_continued_line():
    # the tail 'collect?session=...&format=json' has no slash of its own: it is still a URL
    para = Paragraph(f"See {URL.replace('&', '&amp;')} for the beacon.", STYLES.cell)
    lines = _lines(para, 150)  # '8f14...2543&format=json' is too wide for a line
    assert any(ln.startswith("&format=json") for ln in lines), lines
    assert _fair(lines) and not para.cut, lines
    assert _fair(lines) and not para.cut


def test_a_linked_url_of_several_fragments_breaks_by_the_same_rules():
    markup = f'Source <b>title</b>. <a href="{URL}">{URL.replace("&", "&amp;")}</a>'
    para = Paragraph(markup, STYLES.source)
    lines = _lines(para, 150)
    assert len(lines) > 2 and _fair(lines) and not para.cut, lines


def test_a_word_hyphenates_only_when_its_line_would_stay_less_than_full():
    para = Paragraph("Das Gebäudeenergiegesetz gilt.", GERMAN.body)
    lines = _lines(para, stringWidth("Das Gebäudeenergie", GERMAN.body.fontName,
                                     GERMAN.body.fontSize) + 1)
    assert lines[0].endswith("-") and not para.cut, lines
    full = Paragraph("Eine lange Reihe von Wörtern Gebäudeenergiegesetz gilt.", GERMAN.body)
    width = stringWidth("Eine lange Reihe von Wörtern Gebäude", GERMAN.body.fontName,
                        GERMAN.body.fontSize) + 1
    assert _lines(full, width)[0] == "Eine lange Reihe von Wörtern"


def test_a_piece_wider_than_its_line_is_cut_and_says_so():
    para = Paragraph("3b1f0c9e5d7a2b4c6e8f0a1b3c5d7e9f2a4b6c8d0e1f3a5b7c9d1e3f5a7b9c0d",
                     STYLES.cell)
    _lines(para, 80)
    assert para.cut


def test_columns_get_their_widest_unbreakable_piece_and_a_url_does_not_take_the_table():
    family = Brand().fonts.body
    prose = "A resilience safeguard requires the structural deficit to fall toward 1.5% " * 2
    grid = columns.Grid([["Host", "Path or URL", "Note"],
                         ["build-agent-07.ci.internal.example.com", URL, prose]])
    widths = columns.column_widths(grid, 450, family, language="en")
    assert abs(sum(widths) - 450) < 1e-6
    for i in range(3):
        assert widths[i] >= max(columns.widest_piece(r[i], family, j == 0)
                                for j, r in enumerate(grid.rows)) + 2 * PAD - 1e-6
    assert widths[1] <= 450 / 2
    assert columns.widest_piece(URL, family) < columns.widest_piece(
        "session=8f14e45fceea167a5a36dedd4bea2543&", family)
    assert list(columns.overfull(grid, widths, family, language="en")) == []


def test_a_word_no_column_can_hold_is_a_located_error_not_a_cut():
    family = Brand().fonts.body
    digest = "3b1f0c9e5d7a2b4c6e8f0a1b3c5d7e9f2a4b6c8d0e1f3a5b7c9d1e3f5a7b9c0d" * 2
    grid = columns.Grid([["Artifact", "Digest", "Note", "Owner"],
                         ["wheel", digest, "checked", "CI"]],
                        [[("h", 0), ("h", 1), ("h", 2), ("h", 3)],
                         [("r", 0), ("r", 1), ("r", 2), ("r", 3)]])
    widths = columns.column_widths(grid, 300, family)
    assert [path for path, _ in columns.overfull(grid, widths, family)] == [("r", 1)]


def test_a_web_address_with_long_segments_breaks_after_underscores_and_equals_signs():
    """Style guides' URL breaks: after '/' (also before a query), '_' and '=', before '&';
    never a hyphen added inside a web address."""
    urls = ["https://www.mhlw.go.jp/topics/dl/gaiyou_data_and_supplementary_tables_for_"
            "chouzai_iryouhi_no_doukou_R05.pdf",
            "https://www.nikkei.com/article/DGXZQOUC1100Z0R10C25A4000000/?n_cid=NMAIL007_"
            "20250411_A&utm_source=newsletter&utm_medium=email&utm_campaign=morning"]
    for url in urls:
        para = Paragraph(url.replace("&", "&amp;"), STYLES.cell)
        lines = _lines(para, 150)
        assert len(lines) > 2 and "".join(lines) == url, lines
        assert not para.cut
        assert all(a.endswith(("/", "_", "=")) or b.startswith(("?", "&"))
                   for a, b in zip(lines, lines[1:], strict=False)), lines
        assert all(stringWidth(ln, STYLES.cell.fontName, STYLES.cell.fontSize) <= 150
                   for ln in lines)


JAPANESE = Styles(Brand(), "ja")


def test_a_japanese_paragraph_never_ends_on_one_character_alone():
    style = JAPANESE.cell
    width = stringWidth("東京都千代田", style.fontName, style.fontSize) + 1
    assert _lines(Paragraph("東京都千代田区", style), width) == ["東京都千代", "田区"]
    # a word of several fragments too, and one followed by another word keeps its split
    assert _lines(Paragraph("<b>東京都</b>千代田区", style), width)[-1] != "区"
    twice = _lines(Paragraph("東京都千代田区 東京都千代田区", style), width)
    assert twice[0] == "東京都千代田" and twice[-1] == "代田区", twice


def test_the_brief_breaks_japanese_where_the_deck_does():
    # as the brief sets it: each character the body font lacks in the fallback font
    style = JAPANESE.cell
    glyphs = GlyphMap(["Liberation Sans"], fallback_files())
    text = "市場は成長しており、スピードが勝負を決める。顧客は「速さ」を求めている。"
    for width in range(40, 300, 7):
        brief = _lines(Paragraph(literal(text, glyphs.fallbacks), style), width)
        assert brief == wrap(text, width, style.fontSize, "Liberation Sans", language="ja"), width
        assert not breaking.lone(brief[-1]), width
