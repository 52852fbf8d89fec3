"""Text measurement: font metrics, line wrapping, widths and line height in points."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from functools import lru_cache
from pathlib import Path

from .. import brand as _brand
from ..model import Fonts
from .breaking import HYPHEN, Line, fill, glue, widest_piece
from .markup import Run, parse_inline

EM_CACHE = 1 << 16
"""How many texts' widths each font remembers."""


class FontMetrics:
    """Advance widths of one font file, in units of the em.

    Read with fontTools from the font file; for the bundled fonts, from a cache of the same
    numbers beside the file (``NAME.metrics.json``), which loads in a millisecond instead of
    a few hundred. The cache records the font file's SHA-256 and is ignored if it differs.
    """

    def __init__(self, path: str):
        self.path = path
        data = _cached_metrics(Path(path)) or read_metrics(Path(path))
        self.widths = {int(cp): w for cp, w in data["widths"].items()}
        self.missing_width = data["missing"]
        self.ascent = data["ascent"]
        self.descent = data["descent"]
        self._ems: dict[str, float] = {}

    def has(self, char: str) -> bool:
        """Whether the font has a glyph for ``char``."""
        return ord(char) in self.widths

    def width(self, text: str, size: float) -> float:
        """Return the advance width of ``text`` at ``size`` points, in points.

        The width in ems of each text is remembered (up to ``EM_CACHE`` texts): fitting
        measures the same words at many sizes and on many slides.
        """
        total = self._ems.get(text)
        if total is None:
            get = self.widths.get
            miss = self.missing_width
            total = 0.0
            for ch in text:
                w = get(ord(ch))
                if w is None:
                    w = 1.0 if _wide(ch) else miss
                total += w
            if len(self._ems) < EM_CACHE:
                self._ems[text] = total
        return total * size


def read_metrics(path: Path) -> dict:
    """Return the metrics of the font file at ``path`` read with fontTools, as plain data."""
    from fontTools.ttLib import TTFont  # imported here: only a build measures text

    font = TTFont(str(path), lazy=True)
    try:
        upm = font["head"].unitsPerEm
        hmtx = font["hmtx"].metrics
        hhea = font["hhea"]
        return {
            "font_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "ascent": hhea.ascent / upm,
            "descent": -hhea.descent / upm,
            "missing": hmtx[".notdef"][0] / upm if ".notdef" in hmtx else 0.6,
            "widths": {str(cp): hmtx[name][0] / upm
                       for cp, name in sorted(font.getBestCmap().items())},
        }
    finally:
        font.close()


def metrics_cache_path(font: Path) -> Path:
    """Return where the metrics cache of ``font`` lives."""
    return font.with_name(font.stem + ".metrics.json")


def _cached_metrics(font: Path) -> dict | None:
    cache = metrics_cache_path(font)
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        digest = hashlib.sha256(font.read_bytes()).hexdigest()
    except (OSError, ValueError):
        return None
    return data if data.get("font_sha256") == digest else None


@lru_cache(maxsize=32)
def metrics(family: str, bold: bool = False, italic: bool = False) -> FontMetrics:
    """Return the metrics that measure ``family`` in that style (cached)."""
    return FontMetrics(str(_brand.metric_file(family, bold, italic)))


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _advances(runs: list[Run] | tuple[Run, ...], size: float,
              family: str) -> tuple[str, list[float]]:
    """Return the runs' text joined and the advance width of each of its characters."""
    text: list[str] = []
    advances: list[float] = []
    for run in runs:
        advances += [w * size for w in _ems(run.text, family, run.bold, run.italic)]
        text.append(run.text)
    return "".join(text), advances


@lru_cache(maxsize=EM_CACHE)
def _ems(text: str, family: str, bold: bool, italic: bool) -> tuple[float, ...]:
    """Return the advance width of each character of ``text`` in ems (remembered: fitting
    measures the same runs at many sizes)."""
    m = metrics(family, bold, italic)
    get, miss = m.widths.get, m.missing_width
    out = []
    for ch in text:
        w = get(ord(ch))
        if w is None:
            w = 1.0 if _wide(ch) else miss
        out.append(w)
    return tuple(out)


def break_runs(runs: list[Run], width: float, size: float, family: str,
               language: str | None = None) -> tuple[str, list[Line]]:
    """Return the runs' text (spaces glued where they must not break) and its lines in a box
    ``width`` points wide at ``size``, by the shared rules of ``breaking``."""
    text, lines = _broken(tuple(runs), width, size, family, language)
    return text, list(lines)


@lru_cache(maxsize=1 << 14)
def _broken(runs: tuple[Run, ...], width: float, size: float, family: str,
            language: str | None) -> tuple[str, tuple[Line, ...]]:
    """``break_runs``, remembered: fitting, settling and proving a plan break the same
    paragraph in the same box several times."""
    text, advances = _advances(runs, size, family)
    text = glue(text)
    hyphen = metrics(family).width(HYPHEN, size)
    return text, tuple(fill(text, advances, width, hyphen, language))


def wrap_runs(runs: list[Run], width: float, size: float, family: str,
              language: str | None = None) -> list[str]:
    """Return the lines that ``runs`` wrap into in a box ``width`` points wide at ``size``.

    A line that ends at a hyphenation point shows its hyphen. A word wider than the box with
    no break point that fits is broken between characters (``overfull`` tells).
    """
    text, lines = break_runs(runs, width, size, family, language)
    return [text[ln.start:ln.end] + (HYPHEN if ln.hyphen else "") for ln in lines]


def overfull(runs: list[Run], width: float, size: float, family: str,
             language: str | None = None) -> str | None:
    """Return the first piece of ``runs`` that no allowed break makes fit ``width``, or None."""
    text, lines = break_runs(runs, width, size, family, language)
    for ln in lines:
        if ln.forced:
            nxt = text.find(" ", ln.start)
            return text[ln.start:nxt if nxt > 0 else len(text)]
    return None


def longest_piece(runs: list[Run], size: float, family: str, language: str | None = None,
                  *, hyphenate: bool = True) -> float:
    """Return the width of the widest piece of ``runs`` that no line break may split: the
    narrowest box they fit without a cut word (with ``hyphenate``, pieces end at hyphenation
    points and carry their hyphen; without, they are whole words, URLs split at slashes)."""
    return size * _unit_piece(tuple(runs), family, language, hyphenate)


@lru_cache(maxsize=1 << 14)
def _unit_piece(runs: tuple[Run, ...], family: str, language: str | None,
                hyphenate: bool) -> float:
    """``longest_piece`` at 1 pt (widths scale with the size; remembered: a table tries
    its cells at several sizes)."""
    text, advances = _advances(runs, 1.0, family)
    hyphen = metrics(family).width(HYPHEN, 1.0)
    return widest_piece(glue(text), advances, hyphen, language, hyphenate=hyphenate)


def wrap(text: str, width: float, size: float, family: str, bold: bool = False,
         language: str | None = None) -> list[str]:
    """Return the lines that plain or marked-up ``text`` wraps into (citations dropped)."""
    return wrap_runs(parse_inline(text, bold=bold), width, size, family, language)


def line_height(size: float) -> float:
    """Return the height of one line of text at ``size`` points, in points."""
    return size * _brand.LINE_SPACING


def text_width(text: str, size: float, family: str, bold: bool = False) -> float:
    """Return the width of one line of plain text, in points."""
    return metrics(family, bold).width(text, size)


# --- typefaces from the outline's own font files ------------------------------------------


def typeface(fonts: Fonts, role: str) -> str:
    """Return the typeface that sets and measures the brand's ``role`` ('heading' or 'body').

    When ``fonts.files`` has a file of that family (by the family name in the font's name
    table, any case), the typeface is those files (``brand.file_face``): both artifacts
    measure and draw with them, and the deck names the file's family. Otherwise it is the
    family name, measured by its bundled metric-compatible font or, without one, by
    ``brand.FALLBACK_METRICS`` with ``brand.UNMEASURED_MARGIN``.
    """
    family = getattr(fonts, role)
    wanted = family.strip().casefold()
    styles: dict[tuple[bool, bool], str] = {}
    name = family
    for path in fonts.files:
        face = font_face(path)
        if face is not None and face[0].casefold() == wanted:
            name = face[0]
            styles.setdefault(face[1:], path)
    if (False, False) not in styles:
        return family
    return _brand.file_face(name, styles)


@lru_cache(maxsize=64)
def font_face(path: str) -> tuple[str, bool, bool] | None:
    """Return (family name, bold, italic) of the TrueType font at ``path`` from its name and
    OS/2 tables, or None when it cannot be read. The family is the typographic one (name 16)
    where the font gives it, else name 1."""
    from fontTools.ttLib import TTFont  # imported here: only a build reads font names

    try:
        font = TTFont(path, lazy=True)
    except Exception:  # any unreadable font is simply not a brand typeface
        return None
    try:
        names = font["name"]
        family = names.getDebugName(16) or names.getDebugName(1)
        selection = font["OS/2"].fsSelection if "OS/2" in font else 0
        mac = font["head"].macStyle
        bold = bool(selection & 0x20 or mac & 1)
        italic = bool(selection & 0x01 or mac & 2)
    except Exception:  # a table missing or damaged: the same
        return None
    finally:
        font.close()
    return (family.strip(), bold, italic) if family else None
