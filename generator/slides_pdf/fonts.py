"""Fonts of the slides PDF: the bundled TTFs registered with reportlab, and a CJK fallback."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import brand as _brand
from ..text import FontMetrics, metrics

FALLBACK_DIR = _brand.FONT_DIR / "fallback"
"""TrueType fonts tried, in name order, for characters the brand fonts lack (as the brief)."""


def register(path: Path | str) -> str:
    """Register the font file at ``path`` under its file name; return that name."""
    path = Path(path)
    name = f"slides-{path.stem}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


@lru_cache(maxsize=64)
def face(family: str, bold: bool = False, italic: bool = False) -> str:
    """Return the reportlab name of the bundled file that draws ``family`` in that style.

    It is the file text measurement uses, so a line breaks in the PDF where the planner
    measured it.
    """
    return register(_brand.metric_file(family, bold, italic))


@lru_cache(maxsize=1)
def _fallbacks() -> tuple[tuple[Path, FontMetrics], ...]:
    if not FALLBACK_DIR.is_dir():
        return ()
    files = sorted(p for p in FALLBACK_DIR.iterdir() if p.suffix.lower() == ".ttf")
    return tuple((p, FontMetrics(str(p))) for p in files)


@lru_cache(maxsize=16)
def _covered(font: FontMetrics) -> frozenset[str]:
    """The characters ``font`` has a glyph for, and white space."""
    return frozenset(map(chr, font.widths)) | frozenset(" \t\n\u00a0")


def split(text: str, family: str, bold: bool, italic: bool) -> list[tuple[str, str, FontMetrics]]:
    """Return ``text`` cut into pieces, each with the font name and metrics that draw it.

    Characters the brand font lacks are drawn by the first fallback font that has them
    (the brand font's own missing glyph stays when none does).
    """
    main = metrics(family, bold, italic)
    name = face(family, bold, italic)
    if text.isascii() or _covered(main).issuperset(text):
        return [(text, name, main)]
    out: list[tuple[str, str, FontMetrics]] = []
    for ch in text:
        font, m = name, main
        if not (main.has(ch) or ch.isspace()):
            for path, fm in _fallbacks():
                if fm.has(ch):
                    font, m = register(path), fm
                    break
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + ch, font, m)
        else:
            out.append((ch, font, m))
    return out
