"""Characters no font draws: the brand fonts and the fallback fonts, read from their cmaps.

The deck and the brief set text in the same brand families (measured by the bundled
metric-compatible files), and the brief draws what those lack with a fallback font; a
character none of them has is an error before anything is built. Font tables are read with
fontTools (through ``text.FontMetrics``), never with a builder's library.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path

from .. import brand as _brand
from ..model import Outline, shown_text
from ..report import Finding
from ..text import FontMetrics, metrics, plain, typeface

FALLBACK_DIR = _brand.FONT_DIR / "fallback"
"""The bundled fallback fonts (DejaVu Sans for symbols, Droid Sans Fallback for CJK): they
draw the characters the brand fonts lack. An outline adds its own with ``brand.fonts.files``;
the installed package is never edited. (reportlab embeds TrueType outlines only, not CFF
.otf/.ttc.)"""


def fallback_files(outline: Outline | None = None) -> list[Path]:
    """Return the fallback font files in the order they are tried: the outline's own
    (``brand.fonts.files``), then the bundled ones."""
    own = [Path(f) for f in outline.brand.fonts.files] if outline is not None else []
    if not FALLBACK_DIR.is_dir():
        return own
    return own + sorted(p for p in FALLBACK_DIR.iterdir() if p.suffix.lower() == ".ttf")


@lru_cache(maxsize=8)
def fallback_metrics(path: str) -> FontMetrics:
    """Return the metrics (and so the character map) of the fallback font at ``path``."""
    return FontMetrics(path)


class Coverage:
    """Which characters the fonts draw: every style of the brand families, then fallbacks.

    The characters every brand font draws are kept as one set, so a text is checked with a
    set difference; the fallback fonts are read only when a character needs one.
    """

    def __init__(self, families: list[str], fallbacks: list[Path] | None = None):
        self._primary = [metrics(f, b, i)  # cached: each file is read once per process
                         for f in families for b in (False, True) for i in (False, True)]
        self._fallback_paths = fallback_files() if fallbacks is None else fallbacks
        self._brand = drawn_by_all(self._primary)

    @cached_property
    def _fallbacks(self) -> list[tuple[Path, FontMetrics]]:
        """The fallback fonts with their metrics, read only when a character needs one."""
        return [(p, fallback_metrics(str(p))) for p in self._fallback_paths]

    def covers(self, text: str) -> bool:
        """Whether the brand fonts draw every character of ``text`` that needs a glyph."""
        return all(not needs_glyph(char) for char in set(text).difference(self._brand))

    def drawable(self, char: str) -> bool:
        """Whether some font (brand or fallback) draws ``char``."""
        if char in self._brand or not needs_glyph(char):
            return True
        return any(m.has(char) for _, m in self._fallbacks)


_DRAWN: dict[tuple[str, ...], frozenset[str]] = {}


def drawn_by_all(fonts: list[FontMetrics]) -> frozenset[str]:
    """Return the characters that every one of ``fonts`` has a glyph for (worked out once)."""
    key = tuple(font.path for font in fonts)
    if key not in _DRAWN:
        common = set(fonts[0].widths)
        for font in fonts[1:]:
            common.intersection_update(font.widths)
        _DRAWN[key] = frozenset(map(chr, common))
    return _DRAWN[key]


def needs_glyph(char: str) -> bool:
    """Whether ``char`` is drawn with a glyph (not white space or a format character)."""
    return not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf"))


def findings(outline: Outline, coverage: Coverage | None = None) -> Iterator[Finding]:
    """Yield an error for each character of the outline's shown text that no font draws."""
    fonts = outline.brand.fonts
    families = [typeface(fonts, "body"), typeface(fonts, "heading")]
    coverage = coverage or Coverage(families, fallback_files(outline))
    names = ", ".join(sorted({_file_family(f) for f in families}))
    for path, text in shown_text(outline):
        if coverage.covers(text):
            continue
        seen = set()
        for char in plain(text):
            if char in seen or coverage.drawable(char):
                continue
            seen.add(char)
            yield Finding(
                path, f"character U+{ord(char):04X} '{char}' cannot be drawn: the fonts "
                f"({names}) have no glyph for it; expected a TrueType (.ttf) font that has it "
                "listed under brand.fonts.files (a path relative to the outline), or the "
                "character removed", "glyph", "error")


def _file_family(family: str) -> str:
    """Return the family of the file that stands for ``family``: 'Liberation Sans'."""
    if _brand.FILE_FACE in family:
        return _brand.family_name(family)
    stem = _brand.metric_file(family).stem.split("-")[0]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)
