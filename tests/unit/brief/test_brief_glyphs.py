"""Every character is checked before layout, by the checks stage: undrawable ones are located
errors; the brief sets the characters the brand fonts lack in a fallback font."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from generator import build as builds
from generator import checks
from generator import loader as outlines
from generator.brief import BriefBuilder
from generator.brief.fonts import GlyphMap, register
from generator.brief.markup import markup
from generator.checks.glyphs import Coverage
from generator.errors import BuildError
from generator.model import Outline

DEJAVU = Path(__file__).parents[3] / "generator/fonts/fallback/DejaVuSans.ttf"


def _outline(title: str, prose: str = "Fine text.") -> Outline:
    return Outline.parse({
        "meta": {"title": "Brief"},
        "sections": [{"title": "One", "prose": ["ok"]},
                     {"title": title, "prose": [prose]}],
    })


def test_typographic_characters_are_drawable():
    outline = _outline("× ≈ “quotes” – — é ñ ü ß €")
    assert list(checks.glyphs.findings(outline, Coverage(["Arial"], fallbacks=[]))) == []


def test_undrawable_character_is_an_error_at_its_path():
    outline = _outline("Market कख", prose="Fine, then \U0001F525 here")
    glyphs = [f for f in checks.findings(outline) if f.code == "glyph"]
    assert [(f.path, f.severity) for f in glyphs] == [
        (("sections", 1, "title"), "error"), (("sections", 1, "title"), "error"),
        (("sections", 1, "prose", 0), "error")]
    assert any("U+0915 'क'" in f.message for f in glyphs[:2])
    assert "U+1F525 '\U0001F525'" in glyphs[2].message


def test_glyph_error_says_how_to_fix_it_without_touching_the_package():
    findings = [f for f in checks.findings(_outline("Market कख")) if f.code == "glyph"]
    assert findings[0].message.endswith(
        "; expected a TrueType (.ttf) font that has it listed under brand.fonts.files (a path "
        "relative to the outline), or the character removed")


def test_common_symbols_are_drawn_by_the_bundled_fallback():
    symbols = "✓ ✗ ★ ☆ → ← ↑ ↓ ∅ ≈ ≤ ≥ ± × ÷ € £ ¥ ₹ • § ¶ © ® ™"
    assert [f for f in checks.findings(_outline(symbols, symbols)) if f.code == "glyph"] == []


def test_build_with_undrawable_text_writes_no_pdf(tmp_path):
    source = tmp_path / "o.yaml"
    source.write_text("meta:\n  title: Brief\nsections:\n  - title: क\n", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        builds.build(outlines.load(source), tmp_path / "out", which=("brief",))
    assert [p.path for p in caught.value.problems] == ["sections[0].title"]
    assert "U+0915" in caught.value.problems[0].message
    assert not (tmp_path / "out" / "brief.pdf").exists()


def test_the_deck_alone_stops_at_an_undrawable_character_too(tmp_path):
    source = tmp_path / "o.yaml"
    source.write_text("meta:\n  title: Brief \U0001F525\nsections:\n  - title: One\n",
                      encoding="utf-8")
    with pytest.raises(BuildError):
        builds.build(outlines.load(source), tmp_path / "out", which=("deck",))
    assert not (tmp_path / "out" / "deck.pptx").exists()


def test_source_titles_are_checked_as_both_artifacts_draw_them():
    outline = Outline.parse({
        "meta": {"title": "Brief"}, "sections": [{"title": "One"}],
        "sources": [{"id": "a", "title": "Report \U0001F525",
                     "url": "https://example.com/\U0001F525"}]})
    assert [f.path for f in checks.findings(outline)] == [("sources", 0, "title")]


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs DejaVu Sans as a fallback font")
def test_a_fallback_font_draws_what_the_brand_fonts_lack():
    glyphs = GlyphMap(["Arial"], fallbacks=[DEJAVU])
    assert glyphs.drawable("✓")
    assert glyphs.fallback_for("✓") == "DejaVuSans"
    assert glyphs.fallback_for("a") is None


def test_text_the_brand_fonts_draw_needs_no_fallback():
    glyphs = GlyphMap(["Arial"], fallbacks=[])
    assert glyphs.covers("Plain text, “quotes” – € ≈ ×\u00ad\t\n")
    assert glyphs.fallbacks("Plain text, “quotes” – € ≈ ×") == {}
    assert not glyphs.covers("a ✓")
    assert glyphs.fallbacks("a ✓") == {}  # no fallback font draws it either


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs DejaVu Sans as a fallback font")
def test_only_the_characters_a_fallback_draws_are_set_in_it():
    glyphs = GlyphMap(["Arial"], fallbacks=[DEJAVU])
    assert glyphs.fallbacks("a ✓ b ✓") == {"✓": "DejaVuSans"}
    assert markup("a ✓ **b✓**", fallback=glyphs.fallbacks) == (
        'a <font face="DejaVuSans">✓</font> <b>b<font face="DejaVuSans">✓</font></b>')


def test_registered_fonts_measure_text_as_reportlab_does():
    family = register("Arial")
    font = pdfmetrics.getFont(family.bold)
    for text, size in [("word", 9.5), ("Another, longer text €12 ≈", 7.5), ("word", 8)]:
        expected = TTFont.stringWidth(font, text, size)
        assert pdfmetrics.stringWidth(text, family.bold, size) == expected
        assert pdfmetrics.stringWidth(text, family.bold, size) == expected  # remembered


def test_chinese_japanese_and_korean_render_with_the_bundled_fallback(tmp_path):
    from pypdf import PdfReader

    result = BriefBuilder().build(_outline("小米 人车家 かな 한국"), tmp_path / "b.pdf")
    assert result.findings == []
    reader = PdfReader(tmp_path / "b.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "小米" in text and "人车家" in text and "かな" in text and "한국" in text
    fonts = {str(f["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("DroidSansFallback" in name for name in fonts)
