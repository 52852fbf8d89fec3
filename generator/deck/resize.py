"""A laid-out deck scaled as a whole, for a template of the same shape at another size.

The planner lays slides out on its own page (960 x 540 pt for 16:9, 720 x 540 pt for 4:3,
864 x 540 pt for 16:10). A template of that shape at another size (Google Slides' and
pandoc's 10 x 5.625 in 16:9, for one) keeps its size: every position, size and font size
of the plan is multiplied by one factor, so the slides look exactly as they would on the
planner's page, shrunk or grown with the template's own artwork. Pure: plain data in and out.
"""

from __future__ import annotations

from dataclasses import replace

from .elements import (
    Cell,
    ChartFrame,
    DeckPlan,
    Element,
    Para,
    Picture,
    Shape,
    TableGrid,
    TextBox,
)
from .layout import Box

EMU_PER_PT = 12700
RATIO_TOLERANCE = 0.01
"""Two slide shapes are the same when their width-to-height ratios differ by less than this."""


def same_shape(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether sizes ``a`` and ``b`` (width, height) have the same shape."""
    return a[1] > 0 and b[1] > 0 and abs(a[0] / a[1] - b[0] / b[1]) < RATIO_TOLERANCE


def factor(size: tuple[int, int], width: float, height: float) -> float:
    """Return the factor a plan ``width`` x ``height`` points is scaled by onto a template
    whose slides are ``size`` (EMU): the template's height over the plan's when it has the
    plan's shape at another size, else 1 (the slides take the plan's size)."""
    planned = (int(round(width * EMU_PER_PT)), int(round(height * EMU_PER_PT)))
    if size == planned or not same_shape(size, planned):
        return 1.0
    return size[1] / planned[1]


def _box(b: Box, s: float) -> Box:
    return Box(b.x * s, b.y * s, b.w * s, b.h * s)


def _para(p: Para, s: float) -> Para:
    return replace(p, size=p.size * s, indent=p.indent * s, space_before=p.space_before * s,
                   hang=None if p.hang is None else p.hang * s)


def _paras(paras: tuple[Para, ...], s: float) -> tuple[Para, ...]:
    return tuple(_para(p, s) for p in paras)


def element(e: Element, s: float) -> Element:
    """Return ``e`` with every position and size multiplied by ``s``."""
    if isinstance(e, TextBox):
        return replace(e, box=_box(e.box, s), paras=_paras(e.paras, s))
    if isinstance(e, TableGrid):
        rows = tuple(tuple(Cell(_paras(c.paras, s), c.fill) for c in row) for row in e.rows)
        return replace(e, box=_box(e.box, s), widths=tuple(w * s for w in e.widths),
                       heights=tuple(h * s for h in e.heights), rows=rows, pad=e.pad * s,
                       pad_v=e.pad_v * s)
    if isinstance(e, ChartFrame):
        return replace(e, box=_box(e.box, s), size=e.size * s)
    if isinstance(e, (Shape, Picture)):
        return replace(e, box=_box(e.box, s))
    raise TypeError(f"cannot scale {type(e).__name__}")


def scaled(plan: DeckPlan, s: float) -> DeckPlan:
    """Return ``plan`` on a page ``s`` times the size, everything on it scaled alike."""
    slides = [replace(slide, elements=[element(e, s) for e in slide.elements])
              for slide in plan.slides]
    return DeckPlan(slides, list(plan.findings), plan.width * s, plan.height * s)
