"""What a screen reader or a low-vision reader meets on each planned slide: contrast and order.

Pure checks over the slide plans (no python-pptx): the real foreground/background pair of
every paragraph (text on a card or panel is read against that card, text on a dark divider
against the dark slide), chart series against what they are drawn on, and the order the
shapes are written in (the order a screen reader reads them) against the order a sighted
reader sees them. Outline-level checks (pictures without alt text, slides without a title)
are the checks stage's (``checks.access``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import brand as _brand
from ..report import Finding
from ..text import plain
from .elements import ChartFrame, Para, Shape, SlidePlan, TableGrid, TextBox
from .layout import Box

LARGE_PT = 18.0
"""Text this size or larger is large text (WCAG): 3:1 is enough."""

LARGE_BOLD_PT = 14.0
"""Bold text this size or larger is large text too."""

CHROME = frozenset({"footer", "number"})
"""Text box roles that repeat on every slide (artifacts): not part of the reading order."""

_SLACK = 1.0
"""Points two boxes may overlap and still count as one above (or beside) the other."""


def findings(slides: list[SlidePlan], reported: frozenset[tuple[str, str]] = frozenset()
             ) -> list[Finding]:
    """Return the contrast and reading-order warnings of every slide, once each.

    ``reported`` holds the (foreground, background) pairs the brand check already warns
    about (``brand.low_pairs``): a pale palette is one warning, not one per slide.
    """
    out: list[Finding] = []
    seen: set[tuple[tuple, str]] = set()
    for slide in slides:
        for finding in [*contrast_findings(slide, reported), *order_findings(slide)]:
            key = (finding.path, finding.message)
            if key not in seen:
                seen.add(key)
                out.append(finding)
    return out


# --- contrast -----------------------------------------------------------------------


def required(para: Para) -> float:
    """Return the contrast ratio WCAG AA asks of ``para``: 3:1 for large text, else 4.5:1."""
    large = para.size >= LARGE_PT or (para.bold and para.size >= LARGE_BOLD_PT)
    return _brand.AA_LARGE if large else _brand.AA_BODY


def backdrop(slide: SlidePlan, index: int, box: Box) -> str:
    """Return the colour behind ``box``, the element at ``index``: the last shape drawn before
    it that holds the box's centre, else the slide's background."""
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    for element in reversed(slide.elements[:index]):
        if isinstance(element, Shape) and _holds(element.box, cx, cy):
            return element.fill
    return slide.background


def contrast_findings(slide: SlidePlan, reported: frozenset[tuple[str, str]] = frozenset()
                      ) -> Iterator[Finding]:
    """Yield a warning for each text colour, table cell and chart series on ``slide`` below
    its WCAG AA ratio against what it is drawn on, but for the pairs in ``reported``."""
    seen: set[tuple[str, str]] = set()
    for finding in _contrast_findings(slide):  # one per colour pair and slide
        pair = (finding.pair[0].upper(), finding.pair[1].upper())
        if pair not in reported and pair not in seen:
            seen.add(pair)
            yield finding.finding


@dataclass(frozen=True)
class _Low:
    """A contrast finding and the colour pair it is about."""

    finding: Finding
    pair: tuple[str, str]


def _contrast_findings(slide: SlidePlan) -> Iterator[_Low]:
    for index, element in enumerate(slide.elements):
        if isinstance(element, TextBox):
            back = backdrop(slide, index, element.box)
            for para in element.paras:
                yield from _text_contrast(slide, para, back, _where(element.role))
        elif isinstance(element, TableGrid):
            for r, row in enumerate(element.rows):
                for cell in row:
                    for para in cell.paras:
                        yield from _text_contrast(slide, para, cell.fill,
                                                  "table header" if r == 0 else "table cell")
        elif isinstance(element, ChartFrame):
            yield from _chart_contrast(slide, element, backdrop(slide, index, element.box))


def _text_contrast(slide: SlidePlan, para: Para, back: str, where: str) -> Iterator[_Low]:
    text = _snippet(plain("".join(run.text for run in para.runs)))
    if not text:
        return
    need = required(para)
    ratio = _brand.contrast(para.colour, back)
    if ratio + 1e-9 < need:
        yield _Low(Finding(slide.path, f"low contrast on slide {slide.number}: {where} "
                           f"'{text}' ({para.colour} on {back}, {para.size:g} pt"
                           f"{' bold' if para.bold else ''}) is {ratio:.2f}:1; expected at "
                           f"least {need:g}:1 (WCAG AA)", "contrast"), (para.colour, back))


def _chart_contrast(slide: SlidePlan, frame: ChartFrame, back: str) -> Iterator[_Low]:
    text_need = _brand.AA_LARGE if frame.size >= LARGE_PT else _brand.AA_BODY
    ratio = _brand.contrast(frame.colour, back)
    if ratio + 1e-9 < text_need:
        yield _Low(Finding(slide.path, f"low contrast on slide {slide.number}: chart labels "
                           f"({frame.colour} on {back}) are {ratio:.2f}:1; expected at least "
                           f"{text_need:g}:1 (WCAG AA)", "contrast"), (frame.colour, back))
    count = len(frame.chart.series) if frame.chart.type not in ("pie", "doughnut") else len(
        frame.chart.categories)
    for colour in frame.colours[:count]:
        ratio = _brand.contrast(colour, back)
        if ratio + 1e-9 < _brand.AA_LARGE:
            yield _Low(Finding(slide.path, f"low contrast on slide {slide.number}: chart "
                               f"colour {colour} on {back} is {ratio:.2f}:1; expected at "
                               f"least {_brand.AA_LARGE:g}:1 for chart elements (WCAG AA)",
                               "contrast"), (colour, back))


def _where(role: str) -> str:
    return {"body": "text"}.get(role, role.replace("-", " "))


# --- reading order ------------------------------------------------------------------


def order_findings(slide: SlidePlan) -> Iterator[Finding]:
    """Yield a warning when a shape is read (written) before one a reader sees first: one
    wholly above it in the same column, or wholly left of it in the same row.

    Columns read top to bottom one after the other (a stat card's value, then its label,
    then the next card) are in visual order: only shapes that share a column or a row are
    compared. Footers and slide numbers are artifacts and are left out.
    """
    read = [(e.box, _name(e)) for e in slide.elements
            if isinstance(e, TableGrid | ChartFrame)
            or (isinstance(e, TextBox) and e.role not in CHROME)]
    for i, (first, first_name) in enumerate(read):
        for later, later_name in read[i + 1:]:
            if _seen_before(later, first):
                yield Finding(slide.path, f"reading order on slide {slide.number}: "
                              f"{first_name} is read before {later_name}, which is shown "
                              f"{'above' if _above(later, first) else 'left of'} it; expected "
                              "the shapes in visual order, top to bottom and left to right",
                              "reading-order")
                return


def _seen_before(b: Box, a: Box) -> bool:
    """Whether a reader sees ``b`` before ``a``: above it in its column or left of it in its
    row."""
    return ((_above(b, a) and _overlap(b.x, b.w, a.x, a.w))
            or (_left_of(b, a) and _overlap(b.y, b.h, a.y, a.h)))


def _above(b: Box, a: Box) -> bool:
    return b.y + b.h <= a.y + _SLACK


def _left_of(b: Box, a: Box) -> bool:
    return b.x + b.w <= a.x + _SLACK


def _overlap(start: float, size: float, other: float, other_size: float) -> bool:
    return min(start + size, other + other_size) - max(start, other) > _SLACK


def _holds(box: Box, x: float, y: float) -> bool:
    return box.x <= x <= box.x + box.w and box.y <= y <= box.y + box.h


def _name(element: TextBox | TableGrid | ChartFrame) -> str:
    if isinstance(element, TableGrid):
        return "the table"
    if isinstance(element, ChartFrame):
        return "the chart"
    text = " ".join(plain("".join(r.text for r in p.runs)) for p in element.paras)
    return f"{_where(element.role)} '{_snippet(text)}'"


def _snippet(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
