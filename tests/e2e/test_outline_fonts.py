"""Extra fonts come from the outline (``brand.fonts.files``), path-checked like images."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from pypdf import PdfReader

from generator import build as builds
from generator import checks, loader
from generator.errors import OutlineError

KA = "\u0915"  # DEVANAGARI LETTER KA: no bundled font draws it


def _font(path: Path) -> None:
    """Write a tiny TrueType font whose one glyph, a square, stands for KA."""
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder([".notdef", "ka"])
    fb.setupCharacterMap({ord(KA): "ka"})
    pen = TTGlyphPen(None)
    pen.moveTo((100, 0))
    pen.lineTo((100, 700))
    pen.lineTo((600, 700))
    pen.lineTo((600, 0))
    pen.closePath()
    square = pen.glyph()
    fb.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "ka": square})
    fb.setupHorizontalMetrics({".notdef": (500, 0), "ka": (700, 100)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Test Ka", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    fb.save(str(path))


def _outline(folder: Path, files: str = "") -> Path:
    source = folder / "outline.yaml"
    brand = f"brand:\n  fonts:\n    files: [{files}]\n" if files else ""
    source.write_text(f"meta:\n  title: Letter {KA}\n{brand}sections:\n  - title: One\n",
                      encoding="utf-8")
    return source


def test_without_the_font_the_character_is_a_located_error(tmp_path: Path) -> None:
    findings = [f for f in checks.findings(loader.load(_outline(tmp_path)).outline)
                if f.code == "glyph"]
    assert [f.path for f in findings] == [("meta", "title")]
    assert "brand.fonts.files" in findings[0].message


def test_a_font_the_outline_names_draws_what_the_bundled_fonts_lack(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    _font(tmp_path / "fonts" / "TestKa.ttf")
    loaded = loader.load(_outline(tmp_path, "fonts/TestKa.ttf"))
    assert [f for f in checks.findings(loaded.outline) if f.code == "glyph"] == []
    builds.build(loaded, tmp_path / "out", which=("brief",))
    reader = PdfReader(str(tmp_path / "out" / "brief.pdf"))
    fonts = {str(f["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("Test-Ka" in name for name in fonts)


@pytest.mark.parametrize(("files", "message"), [
    ("fonts/Missing.ttf", "5:13: brand.fonts.files[0]: no file at 'fonts/Missing.ttf'; "
                          "expected a TrueType (.ttf) font relative to the outline's folder"),
    ("outline.yaml", "5:13: brand.fonts.files[0]: 'outline.yaml' is not a TrueType font "
                     "with glyph outlines; expected a .ttf file"),
    ("../x.ttf", "5:13: brand.fonts.files[0]: '../x.ttf' is outside the outline's folder"),
])
def test_font_paths_are_checked_like_images(tmp_path: Path, files: str, message: str) -> None:
    folder = tmp_path / "o"
    folder.mkdir()
    (tmp_path / "x.ttf").write_bytes(b"\x00\x01\x00\x00")
    with pytest.raises(OutlineError) as caught:
        loader.load(_outline(folder, files))
    assert message in str(caught.value.problems[0])
