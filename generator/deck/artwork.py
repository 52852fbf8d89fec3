"""The plan against the template's artwork: content and footers clear of the master's logo.

A template's master and layouts draw shapes and pictures (a logo, a colour bar) on every
slide; deckgen never moves them. Where a planned text, chart, table or picture, or the
footer or slide number, lands on one (a logo drawn over the slide-number position, or a
16:9 template built at 4:3, whose artwork then sits mid-slide), that is a located finding,
a warning that ``--strict`` makes an error. Pure: one pass over each slide's elements
against its layout's few artwork boxes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import count
from .contract import place
from .elements import ChartFrame, Element, Picture, SlidePlan, TableGrid, TextBox
from .layout import WIDTHS, Box
from .resize import same_shape

if TYPE_CHECKING:
    from .template_reader import Artwork, Template

CHROME = {"footer": "footer", "number": "slide number"}
"""Text roles the deck writes into the layout's footer and slide-number placeholders (as
``pptx.slidexml.PLACEHOLDER_OF_ROLE``), and what a user calls them."""

MIN_OVERLAP = 1.0
"""Points two boxes must share, across and down, to count as overlapping."""

FULL_BLEED = 0.95
"""A picture this share of the slide's width and height is the slide's background."""


def findings(slides: list[SlidePlan], template: Template, width: float, height: float,
             logo: str | None = None) -> list[tuple[tuple, str]]:
    """Return (model path, message) for each planned element on a template's artwork.

    ``width`` and ``height`` are the plan's page in points; a template of the same shape at
    another size has its artwork scaled to the page as the writer scales the plan to it,
    one of another shape keeps it where it was drawn. ``logo`` is the brand's logo file (our
    own decoration, left out). A footer or slide number covered on many slides is reported
    once, at the first.
    """
    scale = _scale(template, width, height)
    hint = _hint(template, width, height)
    out: list[tuple[tuple, str]] = []
    chrome: dict[tuple[str, Artwork], list[SlidePlan]] = {}
    layouts: dict[tuple[str, str | None], tuple[Artwork, ...]] = {}
    for slide in slides:
        key = (slide.kind, slide.requested)
        if key not in layouts:
            layouts[key] = _artwork(template, slide)
        art = layouts[key]
        if not art:
            continue
        for element in slide.elements:
            name = _name(element, width, height, logo)
            if name is None:
                continue
            for piece in art:
                if not _overlap(element.box, piece, scale):
                    continue
                if isinstance(element, TextBox) and element.role in CHROME:
                    chrome.setdefault((element.role, piece), []).append(slide)
                    continue
                out.append((slide.path, f"slide {slide.number}: the {name} overlaps "
                            f"{_what(piece)}; expected content clear of the template's "
                            f"artwork{hint}"))
    for (role, piece), on in chrome.items():
        first = on[0]
        more = f" (and {count(len(on) - 1, 'other slide')})" if len(on) > 1 else ""
        out.append((first.path, f"slide {first.number}{more}: the {CHROME[role]} is covered by "
                    f"{_what(piece)}; expected the {CHROME[role]} clear of the template's "
                    f"artwork{hint or ' (move the artwork or the placeholder in the template)'}"))
    return out


def _artwork(template: Template, slide: SlidePlan) -> tuple[Artwork, ...]:
    """Return the artwork on ``slide``: its layout's, as the writer picks the layout."""
    placement = place(template, slide.kind, slide.requested)
    layout = template.layout(placement.layout) if placement.layout else None
    return layout.artwork if layout is not None else ()


def _scale(template: Template, width: float, height: float) -> float:
    """Return the factor from the template's points to the plan's: the writer scales a plan
    to a template of its shape at another size; else the slides take the plan's size."""
    size = template.points
    if size[1] > 0 and same_shape(size, (width, height)):
        return height / size[1]
    return 1.0


def _hint(template: Template, width: float, height: float) -> str:
    """Return ' (is the template 16:9 while --aspect is 4:3?)' when the shapes differ."""
    planned = next((name for name, w in WIDTHS.items()
                    if same_shape((w, height), (width, height))), None)
    shape = template.aspect
    if shape and planned and shape != planned:
        return f" (is the template {shape} while --aspect is {planned}?)"
    return ""


def _overlap(box: Box, piece: Artwork, scale: float) -> bool:
    x, y, w, h = (v * scale for v in piece.box)
    across = min(box.right, x + w) - max(box.x, x)
    down = min(box.bottom, y + h) - max(box.y, y)
    return across > MIN_OVERLAP and down > MIN_OVERLAP


def _name(e: Element, width: float, height: float, logo: str | None) -> str | None:
    """Return what a user calls ``e``, or None when it is not checked (decoration, empty
    text, the brand's logo, a full-bleed picture)."""
    if isinstance(e, TextBox):
        if not any(r.text.strip() for p in e.paras for r in p.runs):
            return None
        return CHROME.get(e.role) or f"{e.role} text"
    if isinstance(e, ChartFrame):
        return "chart"
    if isinstance(e, TableGrid):
        return "table"
    if isinstance(e, Picture):
        full = e.box.w >= FULL_BLEED * width and e.box.h >= FULL_BLEED * height
        return None if full or (logo and e.path == logo) else "picture"
    return None


def _what(piece: Artwork) -> str:
    return f"the template's artwork '{piece.name}' (on its {piece.owner})"


def report(template: Template) -> list[str]:
    """Return a line for each layout placeholder a piece of the layout's artwork covers."""
    out = []
    for layout in template.layouts:
        for kind, box in layout.boxes:
            covered = Box(*box)
            for piece in layout.artwork:
                if _overlap(covered, piece, 1.0):
                    out.append(f"  layout \"{layout.name}\": {_what(piece)} covers its "
                               f"{PLACEHOLDER_NAMES.get(kind, kind)} placeholder")
    return out


PLACEHOLDER_NAMES = {"sldNum": "slide-number", "ftr": "footer", "dt": "date", "obj": "content",
                     "ctrTitle": "title", "subTitle": "subtitle", "pic": "picture"}
"""What a user calls a placeholder type."""
