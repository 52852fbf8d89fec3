"""Inline markup and text measurement, shared by both builders."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from . import brand as _brand

# Labels, ids and URLs have a length cap so that an unclosed '[' costs a bounded scan, not
# one to the end of the text (quadratic in a long paragraph); a URL may hold balanced '()'.
_INLINE = re.compile(
    r"""\\(?P<esc>[\\*\[\]])
    |\[@(?P<cite>[^\]\s]{1,200})\]
    |\[(?P<label>[^\]]{1,1000})\]\((?P<url>(?:[^()\s]|\([^()\s]*\)){1,2000})\)
    |\*\*(?P<bold>.+?)\*\*
    |\*(?P<ital>[^*\s](?:[^*]*?[^*\s])?)\*
    """,
    re.X | re.S,
)


@dataclass(frozen=True)
class Run:
    """A piece of inline text with one style. ``cite`` is a source id, the run's text empty."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    cite: str | None = None


def parse_inline(text: str, *, bold: bool = False, italic: bool = False,
                 link: str | None = None) -> list[Run]:
    """Return the runs of ``text``: **bold**, *italic*, [label](url) and [@source-id].

    Everything else, including '<', '>' and '&', is literal text. A backslash escapes
    '*', '[', ']' and itself.
    """
    runs: list[Run] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos:m.start()], bold, italic, link))
        if m.group("esc"):
            runs.append(Run(m.group("esc"), bold, italic, link))
        elif m.group("cite"):
            runs.append(Run("", bold, italic, link, cite=m.group("cite")))
        elif m.group("label"):
            runs.extend(parse_inline(m.group("label"), bold=bold, italic=italic,
                                     link=m.group("url")))
        elif m.group("bold"):
            runs.extend(parse_inline(m.group("bold"), bold=True, italic=italic, link=link))
        else:
            runs.extend(parse_inline(m.group("ital"), bold=bold, italic=True, link=link))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:], bold, italic, link))
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if out and not run.cite and not out[-1].cite and (run.bold, run.italic, run.link) == (
                out[-1].bold, out[-1].italic, out[-1].link):
            out[-1] = replace(out[-1], text=out[-1].text + run.text)
        elif run.text or run.cite:
            out.append(run)
    return out


def citations(text: str) -> list[str]:
    """Return the source ids that ``text`` cites, in order, each once."""
    seen: list[str] = []
    for run in parse_inline(text):
        if run.cite and run.cite not in seen:
            seen.append(run.cite)
    return seen


def render_cites(runs: Iterable[Run], label: Callable[[str], str]) -> list[Run]:
    """Return the runs with each citation replaced by ``label(source_id)`` as plain text."""
    out = []
    for run in runs:
        if run.cite:
            shown = label(run.cite)
            if shown:
                out.append(Run(shown, run.bold, run.italic, run.link))
        else:
            out.append(run)
    return _merge(out)


def plain(text: str) -> str:
    """Return ``text`` without markup or citations, whitespace folded."""
    runs = parse_inline(text)
    return " ".join("".join(r.text for r in runs).split())


def word_count(text: str) -> int:
    """Return how many words a reader sees in ``text``."""
    return len(plain(text).split())


# --- measurement ------------------------------------------------------------------


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
