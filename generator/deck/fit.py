"""Text fitting with real font metrics: measure paragraphs, shrink to a floor, spill onto pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

from .. import brand as _brand
from .. import text as _text
from .elements import Para
from .layout import FIT_MARGIN, FIT_STEP, Box


def lines(para: Para, width: float) -> int:
    """Return how many lines ``para`` takes in a box ``width`` points wide.

    A font without bundled metrics gets less of the width (``brand.UNMEASURED_MARGIN``).
    """
    margin = FIT_MARGIN if _brand.measurable(para.font) else FIT_MARGIN * _brand.UNMEASURED_MARGIN
    usable = max((width - para.indent) * margin, 1.0)
    return _line_count(para.runs, usable, para.size, para.font)


@lru_cache(maxsize=1 << 16)
def _line_count(runs: tuple, width: float, size: float, font: str) -> int:
    """Return how many lines ``runs`` wrap into (remembered: shrinking and paginating
    measure the same paragraph at the same size many times)."""
    return len(_text.wrap_runs(list(runs), width, size, font))


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
    first item on a page. Items that do not fit alone even at ``floor`` are listed in
    ``overflow`` and placed alone at the floor size.
    """

    def make_all(size: float) -> list[Para]:
        return [p for i in range(count) for p in make_item(i, size, i == 0)]

    whole = shrink(make_all, box, preferred, floor)
    if whole:
        return Pages([whole[1]], [whole[0]], [])
    pages: list[list[Para]] = []
    page_sizes: list[float] = []
    overflow: list[int] = []
    current: list[Para] = []
    for i in range(count):
        trial = current + make_item(i, preferred, not current)
        if fits(trial, box):
            current = trial
            continue
        if current:
            pages.append(current)
            page_sizes.append(preferred)
        alone = make_item(i, preferred, True)
        if fits(alone, box):
            current = alone
            continue
        fitted = shrink(partial(_alone, make_item, i), box, preferred, floor)
        if fitted is None:
            overflow.append(i)
            fitted = (floor, make_item(i, floor, True))
        pages.append(fitted[1])
        page_sizes.append(fitted[0])
        current = []
    if current:
        pages.append(current)
        page_sizes.append(preferred)
    return Pages(pages, page_sizes, overflow)
