"""Fonts of the brief: the bundled TTFs registered as families, and fallback fonts per character."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import brand as _brand
from ..checks.glyphs import Coverage, needs_glyph


@dataclass(frozen=True)
class Family:
    """A registered font family: the reportlab names of its four styles."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def register(family_name: str) -> Family:
    """Register the bundled font files that stand for ``family_name``; return their names.

    TTFont embeds each font as a subset, so no base-14 font is ever needed.
    """
    names = {}
    for bold in (False, True):
        for italic in (False, True):
            path = _brand.metric_file(family_name, bold, italic)
            names[(bold, italic)] = _register_file(path)
    family = Family(names[(False, False)], names[(True, False)], names[(False, True)],
                    names[(True, True)])
    pdfmetrics.registerFontFamily(family.regular, normal=family.regular, bold=family.bold,
                                  italic=family.italic, boldItalic=family.bold_italic)
    for (bold, italic), name in names.items():
        addMapping(family.regular, int(bold), int(italic), name)
    return family


def _register_file(path: Path) -> str:
    name = path.stem
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_MeasuredFont(name, str(path)))
    return name


WIDTH_CACHE = 1 << 16
"""How many (text, size) widths each registered font remembers."""


class _MeasuredFont(TTFont):
    """A TrueType font that remembers the width of each text at each size it measured.

    Breaking lines measures every word of every paragraph, again for each width tried, and
    words repeat: a width measured before is looked up, not summed again glyph by glyph.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._widths: dict[tuple, float] = {}

    def stringWidth(self, text, size, encoding="utf8"):
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            width = super().stringWidth(text, size, encoding)
            if len(self._widths) < WIDTH_CACHE:
                self._widths[key] = width
        return width


class GlyphMap(Coverage):
    """Which font draws each character: the brand fonts, a fallback, or none.

    The answer for each character the brand fonts lack is remembered, and its fallback font
    registered with reportlab the first time it is needed.
    """

    def __init__(self, families: list[str], fallbacks: list[Path] | None = None):
        super().__init__(families, fallbacks)
        self._fonts: dict[str, str | None] = {}

    def fallback_for(self, char: str) -> str | None:
        """Return the reportlab name of the fallback font that draws ``char``, if one is needed.

        Returns None when the brand fonts draw it, or when no font does.
        """
        if char in self._brand:
            return None
        try:
            return self._fonts[char]
        except KeyError:
            font = self._fonts[char] = self._find_fallback(char)
            return font

    def fallbacks(self, text: str) -> dict[str, str]:
        """Return the fallback font of each character of ``text`` that needs one.

        Empty, and found in time linear in the text, when the brand fonts draw it all.
        """
        rest = set(text).difference(self._brand)
        if not rest:
            return {}
        return {char: font for char in rest if (font := self.fallback_for(char))}

    def _find_fallback(self, char: str) -> str | None:
        if not needs_glyph(char) or all(m.has(char) for m in self._primary):
            return None
        for path, font in self._fallbacks:
            if font.has(char):
                return _register_file(path)
        return None
