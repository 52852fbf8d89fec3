"""Text frames laid out as the presentation programs do: lines of styled pieces, in points.

The breaking rule is the planner's (``text.wrap_runs``): words join with one space while
they fit the frame's width, a word wider than the frame breaks between characters, and
every wide (CJK) character is a break opportunity. Lines are exactly ``LINE_SPACING`` times
the size apart, as the deck's paragraphs say (``a:lnSpc``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from .. import brand as _brand
from ..deck.elements import Para, TextBox
from ..text import Run, metrics
from ..text.breaking import LINE_BREAK

ASCENT = 0.905
"""Liberation Sans' ascent (hhea), a share of the size: the first baseline's drop."""
DESCENT = 0.212
"""Liberation Sans' descent, a share of the size."""
BASELINE_DROP = 1.0
"""Where a line's baseline sits below the line's top, as a multiple of the size: measured on
LibreOffice's rendering of the deck's fixed line height (1.2 times the size), where it is
0.999 to 1.000 for Liberation Sans at every size from 10 to 44 points."""
_BREAK = re.compile(r"(\s+)")


@dataclass(frozen=True)
class Piece:
    """Text of one style on a line, ``x`` points from the line's start."""

    text: str
    bold: bool
    italic: bool
    link: str | None
    x: float
    width: float


@dataclass(frozen=True)
class Line:
    """One line of a paragraph: its pieces, width, baseline below the frame's top, and its
    start ``x`` from the paragraph's left edge (non-zero when centred or set right)."""

    pieces: tuple[Piece, ...]
    width: float
    baseline: float
    x: float = 0.0


@dataclass(frozen=True)
class LaidPara:
    """A paragraph laid out: where its text starts, its lines, and its bullet (if any)."""

    para: Para
    left: float
    lines: tuple[Line, ...]


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _words(runs: tuple[Run, ...], bold: bool, italic: bool
           ) -> list[tuple[str, list[Run]]]:
    """Split runs into words, each with the white space before it (kept as written, as the
    presentation programs show it); a word is a list of runs (styles and links kept)."""
    words: list[list[Run]] = [[]]
    gaps: list[str] = [""]
    for run in runs:
        if run.cite and not run.text:
            continue
        b, i = run.bold or bold, run.italic or italic
        for k, part in enumerate(_BREAK.split(run.text)):
            if k % 2:
                words.append([])
                gaps.append(part)
                continue
            if part.isascii():  # no wide (CJK) characters: the part is one word
                if part:
                    words[-1].append(Run(part, b, i, run.link))
                continue
            buf = ""
            for ch in part:
                if _wide(ch):
                    if buf:
                        words[-1].append(Run(buf, b, i, run.link))
                        buf = ""
                    if words[-1]:
                        words.append([])
                        gaps.append("")
                    words[-1].append(Run(ch, b, i, run.link))
                    words.append([])
                    gaps.append("")
                else:
                    buf += ch
            if buf:
                words[-1].append(Run(buf, b, i, run.link))
    out: list[tuple[str, list[Run]]] = []
    gap = ""
    for space, word in zip(gaps, words, strict=True):
        gap += space
        if word:
            out.append((gap, word))
            gap = ""
    return out


def _width(run: Run, family: str, size: float) -> float:
    return metrics(family, run.bold, run.italic).width(run.text, size)


def wrap(para: Para, width: float) -> list[list[Run]]:
    """Return the lines of ``para`` in a frame ``width`` points wide, as lists of runs.

    Runs on a line are separated by the single spaces that joined the words. A line break
    the planner placed (``text.breaking.LINE_BREAK``, where it split a word) ends a line.
    """
    out: list[list[Run]] = []
    for segment in _segments(para.runs):
        out += _wrap(segment, para, width)
    return out


def _segments(runs: tuple[Run, ...]) -> list[tuple[Run, ...]]:
    """Return ``runs`` cut at every planned line break, the breaks left out."""
    segments: list[list[Run]] = [[]]
    for run in runs:
        parts = run.text.split(LINE_BREAK)
        for k, part in enumerate(parts):
            if k:
                segments.append([])
            if part or len(parts) == 1:
                segments[-1].append(run if len(parts) == 1 else replace(run, text=part))
    return [tuple(segment) for segment in segments]


def _wrap(runs: tuple[Run, ...], para: Para, width: float) -> list[list[Run]]:
    family, size = para.font, para.size
    lines: list[list[Run]] = []
    line: list[Run] = []
    line_w = 0.0
    for gap, word in _words(runs, para.bold, para.italic):
        w = sum(_width(r, family, size) for r in word)
        space = metrics(family).width(gap or " ", size) if gap else 0.0
        if line and line_w + space + w <= width:
            line += [Run(gap, word[0].bold, word[0].italic, _shared_link(line[-1], word[0])),
                     *word]
            line_w += space + w
            continue
        if line:
            lines.append(line)
        if w <= width:
            line, line_w = list(word), w
            continue
        line, line_w = [], 0.0  # break an over-long word between characters
        for run in word:
            m = metrics(family, run.bold, run.italic)
            for ch in run.text:
                cw = m.width(ch, size)
                if line and line_w + cw > width:
                    lines.append(line)
                    line, line_w = [], 0.0
                line.append(Run(ch, run.bold, run.italic, run.link))
                line_w += cw
    if line or not lines:
        lines.append(line)
    return [_merge(line) for line in lines]


def _shared_link(left: Run, right: Run) -> str | None:
    return left.link if left.link == right.link else None


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic, out[-1].link) == (run.bold, run.italic,
                                                                     run.link):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic, run.link)
        else:
            out.append(run)
    return out


def line_height(size: float) -> float:
    """Return the distance between two baselines at ``size`` points."""
    return size * _brand.LINE_SPACING


def first_baseline(size: float) -> float:
    """Return how far below a line's top its baseline sits: ``BASELINE_DROP`` times the size."""
    return BASELINE_DROP * size


def layout(paras: tuple[Para, ...], width: float) -> tuple[list[LaidPara], float]:
    """Return the paragraphs laid out in a frame ``width`` wide, and their total height.

    Baselines are measured from the frame's top; space before a paragraph is kept, also
    before the first.
    """
    out: list[LaidPara] = []
    y = 0.0
    for para in paras:
        y += para.space_before
        lh = line_height(para.size)
        drop = first_baseline(para.size)
        laid: list[Line] = []
        room = max(width - para.indent, 1.0)
        for runs in wrap(para, room):
            pieces = []
            x = 0.0
            for run in runs:
                w = _width(run, para.font, para.size)
                pieces.append(Piece(run.text, run.bold, run.italic, run.link, x, w))
                x += w
            start = {"center": (room - x) / 2, "right": room - x}.get(para.align, 0.0)
            laid.append(Line(tuple(pieces), x, y + drop, start))
            y += lh
        out.append(LaidPara(para, para.indent, tuple(laid)))
    return out, y


def frame(box: TextBox) -> list[LaidPara]:
    """Return the paragraphs of ``box`` laid out, baselines measured from the slide's top."""
    paras, height = layout(box.paras, box.box.w)
    shift = box.box.y
    if box.anchor == "middle":
        shift += (box.box.h - height) / 2
    elif box.anchor == "bottom":
        shift += box.box.h - height
    return [LaidPara(p.para, p.left, tuple(Line(ln.pieces, ln.width, ln.baseline + shift,
                                                ln.x) for ln in p.lines)) for p in paras]
