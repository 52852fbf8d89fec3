"""Fonts of the brief: the bundled TTFs registered as families, and the glyph check."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import brand as _brand
from ..model import Outline
from ..node import Node
from ..report import Finding
from ..text import FontMetrics, metrics, plain

FALLBACK_DIR = _brand.FONT_DIR / "fallback"
"""Drop a TrueType (glyf) .ttf here, e.g. a CJK font, and characters the brand fonts lack
are drawn with it. (reportlab embeds TrueType outlines only, not CFF .otf/.ttc.)"""

_NOT_SHOWN = frozenset({"id", "source", "sources", "url", "layout", "kind", "notes", "brand",
                        "number_format", "after", "image", "values"})
"""Outline keys whose values the brief never draws as text."""


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


@lru_cache(maxsize=8)
def _metrics(path: str) -> FontMetrics:
    return FontMetrics(path)


def fallback_files() -> list[Path]:
    """Return the fallback font files, in the order they are tried."""
    if not FALLBACK_DIR.is_dir():
        return []
    return sorted(p for p in FALLBACK_DIR.iterdir() if p.suffix.lower() == ".ttf")


class GlyphMap:
    """Which font draws each character: the brand fonts, a fallback, or none.

    The characters every brand font draws are kept as one set, so a text is checked with a
    set difference, and the answer for each other character is remembered.
    """

    def __init__(self, families: list[str], fallbacks: list[Path] | None = None):
        primary = [metrics(f, b, i)  # the deck's cache: each file is read once per build
                   for f in families for b in (False, True) for i in (False, True)]
        self._fallback_paths = fallback_files() if fallbacks is None else fallbacks
        self._primary = primary
        self._brand = _drawn_by_all(primary)
        self._fonts: dict[str, str | None] = {}

    @cached_property
    def _fallbacks(self) -> list[tuple[Path, FontMetrics]]:
        """The fallback fonts with their metrics, read only when a character needs one."""
        return [(p, _metrics(str(p))) for p in self._fallback_paths]

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

    def covers(self, text: str) -> bool:
        """Whether the brand fonts draw every character of ``text`` that needs a glyph."""
        return all(not _needs_glyph(char) for char in set(text).difference(self._brand))

    def drawable(self, char: str) -> bool:
        """Whether some font of the brief draws ``char``."""
        if char in self._brand or not _needs_glyph(char):
            return True
        return any(m.has(char) for _, m in self._fallbacks)

    def _find_fallback(self, char: str) -> str | None:
        if not _needs_glyph(char) or all(m.has(char) for m in self._primary):
            return None
        for path, font in self._fallbacks:
            if font.has(char):
                return _register_file(path)
        return None


_DRAWN: dict[tuple[str, ...], frozenset[str]] = {}


def _drawn_by_all(fonts: list[FontMetrics]) -> frozenset[str]:
    """Return the characters that every one of ``fonts`` has a glyph for (worked out once)."""
    key = tuple(font.path for font in fonts)
    if key not in _DRAWN:
        common = set(fonts[0].widths)
        for font in fonts[1:]:
            common.intersection_update(font.widths)
        _DRAWN[key] = frozenset(map(chr, common))
    return _DRAWN[key]


def _needs_glyph(char: str) -> bool:
    return not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf"))


def glyph_findings(outline: Outline, glyphs: GlyphMap) -> list[Finding]:
    """Return an error for each character of the outline's text that no font can draw."""
    findings = []
    for path, text in shown_text(outline):
        if glyphs.covers(text):
            continue
        seen = set()
        for char in plain(text):
            if char in seen or glyphs.drawable(char):
                continue
            seen.add(char)
            findings.append(Finding(
                path, f"character U+{ord(char):04X} '{char}' cannot be drawn: the brief's "
                "fonts (Liberation Sans) have no glyph for it; add a TrueType (.ttf) font "
                f"that has it to {fallback_hint()} or remove the character", "glyph", "error"))
    return findings


def fallback_hint() -> str:
    """Return the fallback folder as a user finds it: relative to the working folder if in it.

    In a checkout that is 'generator/fonts/fallback/'; an installed package gives its full path.
    """
    try:
        where = FALLBACK_DIR.relative_to(Path.cwd())
    except ValueError:
        where = FALLBACK_DIR
    return f"{where.as_posix()}/"


def shown_text(node: object, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Yield (model path, text) for every text value of ``node`` that the brief draws."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from shown_text(item, (*path, i))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from shown_text(value, (*path, key))
    elif isinstance(node, Node):
        for name in type(node).fields:
            if name not in _NOT_SHOWN:
                yield from shown_text(getattr(node, name), (*path, name))
