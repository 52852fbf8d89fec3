"""Where the brief's paragraphs split a long word: the deck's rules (text.breaking), no cuts."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from generator.brief.flowables import PAD, column_widths, widest_piece
from generator.brief.styles import Styles
from generator.brief.typesetting import Paragraph
from generator.model import Brand

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
    """Every line but the last ends where the rules allow: a slash or hyphen, or before ?&."""
    return all(a.endswith(("/", "-", " ")) or b.startswith(("?", "&", "#"))
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
    lines = _lines(para, 190)
    assert any(ln.startswith("&format=json") for ln in lines), lines
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
    font, bold = STYLES.body_font.regular, STYLES.body_font.bold
    prose = "A resilience safeguard requires the structural deficit to fall toward 1.5% " * 2
    rows = [["Host", "Path or URL", "Note"], ["build-agent-07.ci.internal.example.com", URL, prose]]
    widths = column_widths(rows, 450, font, bold, language="en_US")
    assert abs(sum(widths) - 450) < 1e-6
    for i in range(3):
        assert widths[i] >= max(widest_piece(r[i], bold if j == 0 else font)
                                for j, r in enumerate(rows)) + 2 * PAD - 1e-6
    assert widths[1] <= 450 / 2
    assert widest_piece(URL, font) < stringWidth("session=8f14e45fceea167a5a36dedd4bea2543&",
                                                  font, 8)
