"""Text frames laid out as the presentation programs do: lines of styled pieces, in points.

Lines break by the one line breaker the deck and the brief use (``text.breaking``): at the
breaks the planner placed inside words (hyphenated by the paragraph's language, written
into the deck), and at spaces as a presentation program fills the frame's full width.
Lines are exactly ``LINE_SPACING`` times the size apart, as the deck's paragraphs say
(``a:lnSpc``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import brand as _brand
from .. import text as _text
from ..deck.elements import Para, TextBox
from ..text import Run, metrics

ASCENT = 0.905
"""Liberation Sans' ascent (hhea), a share of the size: the first baseline's drop."""
DESCENT = 0.212
"""Liberation Sans' descent, a share of the size."""
BASELINE_DROP = 1.0
"""Where a line's baseline sits below the line's top, as a multiple of the size: measured on
LibreOffice's rendering of the deck's fixed line height (1.2 times the size), where it is
0.999 to 1.000 for Liberation Sans at every size from 10 to 44 points."""


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


def _width(run: Run, family: str, size: float) -> float:
    return metrics(family, run.bold, run.italic).width(run.text, size)


def wrap(para: Para, width: float) -> list[list[Run]]:
    """Return the lines of ``para`` in a frame ``width`` points wide (its indent included),
    as lists of runs.

    The planner wrote every line break it makes inside a word into the paragraph
    (``deck.fit.settle``: a ``breaking.LINE_BREAK``, after the hyphen of a hyphenated
    word), and glued the spaces that must not break; a presentation program breaks the rest
    at spaces, as far along as the frame's full width allows. deck.pdf does the same, with
    the one line breaker (``text.breaking``): the planned breaks end lines (their hyphens
    are in the text), and it adds no hyphenation of its own, so the PDF shows the plan's.
    Runs keep their style and link; white space inside a line is kept as written.
    """
    runs = [Run(r.text, r.bold or para.bold, r.italic or para.italic, r.link)
            for r in para.runs if r.text]
    text, lines = _text.break_runs(runs, max(width - para.indent, 1.0), para.size, para.font)
    return [_merge(_slice(runs, text, line.start, line.end)) for line in lines]


def _slice(runs: list[Run], text: str, start: int, end: int) -> list[Run]:
    """Return the runs' characters ``start`` to ``end`` of ``text`` (the runs joined, as
    the breaker glued them), each piece in its run's style."""
    out = []
    pos = 0
    for run in runs:
        lo, hi = max(start, pos), min(end, pos + len(run.text))
        if lo < hi:
            out.append(Run(text[lo:hi], run.bold, run.italic, run.link))
        pos += len(run.text)
    return out


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
        for runs in wrap(para, width):
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
