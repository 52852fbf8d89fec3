"""Text fitting with real font metrics: measure paragraphs, shrink to a floor, spill onto pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from .. import brand as _brand
from .. import text as _text
from ..text import breaking as _breaking
from .elements import Para
from .layout import FIT_MARGIN, FIT_STEP, Box


def lines(para: Para, width: float) -> int:
    """Return how many lines ``para`` takes in a box ``width`` points wide."""
    return _line_count(para.runs, usable(para, width), para.size, para.font, para.lang)


def usable(para: Para, width: float) -> float:
    """Return the width the lines of ``para`` are broken to in a box ``width`` wide: less
    its indent, and less the fitting margin, so that no renderer breaks earlier. A font
    without bundled metrics gets less of the width (``brand.UNMEASURED_MARGIN``)."""
    margin = FIT_MARGIN if _brand.measurable(para.font) else FIT_MARGIN * _brand.UNMEASURED_MARGIN
    return max((width - para.indent) * margin, 1.0)


OVERFULL = 1000
"""The line count of a paragraph with a word that no allowed break makes fit: never fits."""


@lru_cache(maxsize=1 << 16)
def _line_count(runs: tuple, width: float, size: float, font: str, lang: str | None) -> int:
    """Return how many lines ``runs`` wrap into, or ``OVERFULL`` when a word would have to be
    cut (remembered: shrinking and paginating measure the same paragraph many times)."""
    _, lines = _text.break_runs(list(runs), width, size, font, lang)
    return OVERFULL if any(ln.forced for ln in lines) else len(lines)


def overfull(para: Para, width: float) -> str | None:
    """Return the first word of ``para`` that cannot fit ``width`` by any allowed break."""
    return _text.overfull(list(para.runs), usable(para, width), para.size, para.font, para.lang)


def height(paras: list[Para] | tuple[Para, ...], width: float) -> float:
    """Return the height in points that ``paras`` take in a box ``width`` wide."""
    return sum(lines(p, width) * _text.line_height(p.size) + p.space_before for p in paras)


def fits(paras: list[Para] | tuple[Para, ...], box: Box) -> bool:
    """Whether ``paras`` fit in ``box`` with the fitting margin to spare."""
    return height(paras, box.w) <= box.h * FIT_MARGIN


def sizes(preferred: float, floor: float) -> list[float]:
    """Return the sizes to try, from ``preferred`` down to ``floor``."""
    out, size = [], float(preferred)
    while size >= floor - 1e-9:
        out.append(size)
        size -= FIT_STEP
    return out


def shrink(make: Callable[[float], list[Para]], box: Box, preferred: float,
           floor: float) -> tuple[float, list[Para]] | None:
    """Return (size, paragraphs) at the largest size whose paragraphs fit ``box``, or None."""
    for size in sizes(preferred, floor):
        paras = make(size)
        if fits(paras, box):
            return size, paras
    return None


@dataclass
class Pages:
    """Items laid out over one or more boxes: each page's paragraphs, its size, and trouble."""

    pages: list[list[Para]]
    sizes: list[float]
    overflow: list[int]

    @property
    def smallest(self) -> float:
        """The smallest font size used on any page."""
        return min(self.sizes)


def _alone(make_item: Callable[[int, float, bool], list[Para]], i: int,
           size: float) -> list[Para]:
    return make_item(i, size, True)


def paginate(make_item: Callable[[int, float, bool], list[Para]], count: int, box: Box,
             preferred: float, floor: float) -> Pages:
    """Lay ``count`` items out in ``box``, shrinking first and spilling onto more pages after.

    ``make_item(i, size, first)`` returns item i's paragraphs; ``first`` is true for the
    first item on a page. Spilt items keep the preferred size, over as few pages as greedy
    filling needs, shared evenly (``balanced``). Items that do not fit alone even at
    ``floor`` are listed in ``overflow`` and placed alone at the floor size.
    """

    def make_all(size: float) -> list[Para]:
        return [p for i in range(count) for p in make_item(i, size, i == 0)]

    whole = shrink(make_all, box, preferred, floor)
    if whole:
        return Pages([whole[1]], [whole[0]], [])
    heights = [height(make_item(i, preferred, False), box.w) for i in range(count)]
    pages: list[list[Para]] = []
    page_sizes: list[float] = []
    overflow: list[int] = []
    for a, b in balanced(heights, box.h * FIT_MARGIN):
        page = [p for i in range(a, b) for p in make_item(i, preferred, i == a)]
        if fits(page, box) or b - a > 1:
            pages.append(page)
            page_sizes.append(preferred)
            continue
        fitted = shrink(partial(_alone, make_item, a), box, preferred, floor)
        if fitted is None:
            overflow.append(a)
            fitted = (floor, make_item(a, floor, True))
        pages.append(fitted[1])
        page_sizes.append(fitted[0])
    return Pages(pages, page_sizes, overflow)


def settle(para: Para, width: float, *, balance: bool = False) -> Para:
    """Return ``para`` as the deck writes it in a box ``width`` wide: its spaces glued where
    a line must not break, and an explicit line break (after a hyphen, where a word is
    hyphenated) wherever a line ends other than at a space.

    Presentation programs wrap text themselves and know neither our hyphenation nor our
    URL and CJK rules; they break at spaces where we measured (the fitting margin leaves
    them room), and the explicit breaks make them break inside words exactly where we did.

    With ``balance`` (titles) a paragraph whose last line would be short (one word, or less
    than ``SHORT_LAST_LINE`` of the width) is broken as narrow as it can be in as many lines,
    every line ending in an explicit break: lines of even length, not a full line over a
    last word alone. Other titles keep the program's own wrapping, free to edit.
    """
    runs = list(para.runs)
    measure = usable(para, width)
    balanced = _balanced_width(para, measure) if balance else None
    text, lines = _text.break_runs(runs, balanced or measure, para.size, para.font,
                                   None if balanced else para.lang)  # balanced: no hyphens
    inserts = {ln.end: (_breaking.HYPHEN if ln.hyphen else "") + _breaking.LINE_BREAK
               for ln in lines[:-1] if ln.kind not in ("space", "hard")}
    spaces = {ln.end for ln in lines[:-1] if balanced and ln.kind == "space"}
    if not inserts and not spaces and text == "".join(r.text for r in runs):
        return para
    out, pos = [], 0
    for run in runs:
        end = pos + len(run.text)
        pieces = []
        for k in range(pos, end):
            pieces.append(_breaking.LINE_BREAK if k in spaces else text[k])
            if k + 1 in inserts:
                pieces.append(inserts[k + 1])
        out.append(replace(run, text="".join(pieces)))
        pos = end
    return replace(para, runs=tuple(out))


SHORT_LAST_LINE = 0.4
"""A title whose last line is shorter than this share of its box is balanced."""


def _balanced_width(para: Para, width: float) -> float | None:
    """Return the narrowest width (to a point) at which ``para`` takes no more lines than
    at ``width``; None for one line, for text that cannot fit, and when the last line is
    long enough already."""
    count = _line_count(para.runs, width, para.size, para.font, para.lang)
    if count < 2 or count >= OVERFULL:
        return None
    text, lines = _text.break_runs(list(para.runs), width, para.size, para.font, para.lang)
    if any(ln.hyphen or ln.forced for ln in lines):
        return None  # a title hyphenated to fit keeps its lines
    last = text[lines[-1].start:lines[-1].end].strip()
    bold = any(r.bold for r in para.runs) or para.bold
    if " " in last and _text.text_width(last, para.size, para.font, bold) >= \
            SHORT_LAST_LINE * width:
        return None
    lo, hi = width / count, width
    while hi - lo > 1.0:  # the narrowest width that still breaks at spaces in as many lines
        mid = (lo + hi) / 2
        if _line_count(para.runs, mid, para.size, para.font, None) <= count:
            hi = mid
        else:
            lo = mid
    return hi


def balanced(heights: list[float], room: float) -> list[tuple[int, int]]:
    """Return [start, end) ranges that split items of ``heights`` over as few pages of
    ``room`` as greedy filling needs, with the pages as even as possible.

    An item taller than ``room`` gets a page of its own (its caller reports it).
    """
    def split(cap: float) -> list[tuple[int, int]]:
        out, start, used = [], 0, 0.0
        for i, h in enumerate(heights):
            if i > start and used + h > cap:
                out.append((start, i))
                start, used = i, 0.0
            used += h
        out.append((start, len(heights)))
        return out

    if not heights:
        return [(0, 0)]
    count = len(split(room))
    lo, hi = max(min(max(heights), room), sum(heights) / count), room
    for _ in range(30):  # the smallest page height that still needs no more pages
        mid = (lo + hi) / 2
        if len(split(mid)) <= count:
            hi = mid
        else:
            lo = mid
    return split(hi)


def even_chunks(count: int, most: int) -> list[tuple[int, int]]:
    """Return [start, end) ranges that split ``count`` items into as few chunks of at most
    ``most`` as possible, their sizes differing by one at most (14 by 7: 7 + 7)."""
    chunks = -(-count // max(most, 1)) or 1
    base, extra = divmod(count, chunks)
    out, start = [], 0
    for k in range(chunks):
        end = start + base + (1 if k < extra else 0)
        out.append((start, end))
        start = end
    return out
