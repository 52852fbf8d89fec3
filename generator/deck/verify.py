"""The plan's proof that it fits: no two text-bearing boxes overlap, every text fits its box.

Run on the finished plan, after every slide is fitted, so that whatever a slide planner got
wrong shows as a located finding (an error) instead of text drawn over text on the slide.
"""

from __future__ import annotations

from itertools import combinations

from . import fit
from .elements import ChartFrame, Element, SlidePlan, TableGrid, TextBox
from .layout import Box

SLACK = 1.0
"""Points a text's wrapped height may exceed its box by (rounding in the writer)."""


def findings(slide: SlidePlan) -> list[tuple[tuple, str]]:
    """Return (model path, message) for each collision and each overfull text on ``slide``."""
    out: list[tuple[tuple, str]] = []
    where = f"slide {slide.number}"
    bearing = [e for e in slide.elements if isinstance(e, TextBox | TableGrid | ChartFrame)
               and _has_text(e)]
    for a, b in combinations(bearing, 2):
        if a.box.overlaps(b.box):
            out.append((slide.path, f"{where}: the {_name(a)} and the {_name(b)} overlap; "
                        "expected separate boxes"))
    for e in bearing:
        out += [(slide.path, f"{where}: {m}") for m in _overfull(e)]
    return out


def _has_text(e: Element) -> bool:
    if isinstance(e, TextBox):
        return any(r.text.strip() for p in e.paras for r in p.runs)
    return True


ROLE_NAMES = {"footnote": "source note"}
"""How a finding names a text box of a role, where its role is not the word a user knows."""


def _name(e: Element) -> str:
    if isinstance(e, TextBox):
        return ROLE_NAMES.get(e.role, f"{e.role} text")
    return "table" if isinstance(e, TableGrid) else "chart"


def _overfull(e: Element) -> list[str]:
    if isinstance(e, TextBox):
        return _text_overfull(e.paras, e.box, f"{e.role} text")
    if isinstance(e, TableGrid):
        out = []
        for r, row in enumerate(e.rows):
            for c, cell in enumerate(row):
                box = Box(0, 0, e.widths[c] - 2 * e.pad, e.heights[r])
                out += _text_overfull(cell.paras, box, f"table cell (row {r}, column {c + 1})",
                                      height=False)
        return out
    return []


def _text_overfull(paras, box: Box, name: str, height: bool = True) -> list[str]:
    out = []
    for p in paras:
        word = fit.overfull(p, box.w)
        if word:
            out.append(f"'{word}' in the {name} is wider than its box at {p.size:g} pt; "
                       "expected a shorter word or more room")
            return out
    need = fit.height(paras, box.w)
    if height and need > box.h + SLACK:
        out.append(f"the {name} needs {need:.0f} pt but its box is {box.h:.0f} pt high")
    return out
