"""Text measurement: font metrics, line wrapping, widths and line height in points."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .. import brand as _brand
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


_BREAK = re.compile(r"\s+")


def _words(runs: Iterable[Run]) -> list[list[tuple[str, bool, bool]]]:
    """Split runs into words; a word is a list of (text, bold, italic) pieces."""
    words: list[list[tuple[str, bool, bool]]] = [[]]
    for run in runs:
        parts = _BREAK.split(run.text)
        for i, part in enumerate(parts):
            if i > 0:
                words.append([])
            if part.isascii():  # no wide characters: the part is one word
                if part:
                    words[-1].append((part, run.bold, run.italic))
                continue
            # Every wide (CJK) character is a break opportunity of its own.
            buf = ""
            for ch in part:
                if _wide(ch):
                    if buf:
                        words[-1].append((buf, run.bold, run.italic))
                        buf = ""
                    if words[-1]:
                        words.append([])
                    words[-1].append((ch, run.bold, run.italic))
                    words.append([])
                else:
                    buf += ch
            if buf:
                words[-1].append((buf, run.bold, run.italic))
    return [w for w in words if w]


def wrap_runs(runs: list[Run], width: float, size: float, family: str) -> list[str]:
    """Return the lines that ``runs`` wrap into in a box ``width`` points wide at ``size``.

    Words wider than the box are broken between characters, as presentation programs do.
    """
    space = metrics(family).width(" ", size)
    lines: list[str] = []
    line, line_w = "", 0.0
    for word in _words(runs):
        text = "".join(t for t, _, _ in word)
        w = sum(metrics(family, b, i).width(t, size) for t, b, i in word)
        if line and line_w + space + w <= width:
            line, line_w = f"{line} {text}", line_w + space + w
            continue
        if line:
            lines.append(line)
        if w <= width:
            line, line_w = text, w
            continue
        # break an over-long word between characters
        bold = any(b for _, b, _ in word)
        m = metrics(family, bold)
        line, line_w = "", 0.0
        for ch in text:
            cw = m.width(ch, size)
            if line and line_w + cw > width:
                lines.append(line)
                line, line_w = "", 0.0
            line, line_w = line + ch, line_w + cw
    if line or not lines:
        lines.append(line)
    return lines


def wrap(text: str, width: float, size: float, family: str, bold: bool = False) -> list[str]:
    """Return the lines that plain or marked-up ``text`` wraps into (citations dropped)."""
    return wrap_runs(parse_inline(text, bold=bold), width, size, family)


def line_height(size: float) -> float:
    """Return the height of one line of text at ``size`` points, in points."""
    return size * _brand.LINE_SPACING


def text_width(text: str, size: float, family: str, bold: bool = False) -> float:
    """Return the width of one line of plain text, in points."""
    return metrics(family, bold).width(text, size)
