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

from ..errors import quoted
from . import resize
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
    """Return (model path, message) for each piece of a template's artwork that planned
    elements land on, once per piece and layout: the slides it affects in one message
    ('slides 3–9, 12: the body text and chart overlap ...'), located at the first of them.

    ``width`` and ``height`` are the plan's page in points; a template of the same shape at
    another size has its artwork scaled to the page as the writer scales the plan to it,
    one of another shape keeps it where it was drawn. ``logo`` is the brand's logo file (our
    own decoration, left out). A footer or slide number on a piece is its own finding, as
    the remedy differs (the template's placeholder, not the outline).
    """
    scale = _scale(template, width, height)
    hint = _hint(template, width, height)
    groups: dict[tuple[Artwork, str, str], _Group] = {}
    layouts: dict[tuple[str, str | None], tuple[str, tuple[Artwork, ...]]] = {}
    for slide in slides:
        key = (slide.kind, slide.requested)
        if key not in layouts:
            layouts[key] = _artwork(template, slide)
        name, art = layouts[key]
        for element in slide.elements if art else ():
            what = _name(element, width, height, logo)
            if what is None:
                continue
            chrome = isinstance(element, TextBox) and element.role in CHROME
            for piece in art:
                if _overlap(element.box, piece, scale):
                    group = groups.setdefault((piece, name, what if chrome else ""), _Group())
                    group.add(slide, what)
    out = []
    for (piece, layout, role), group in sorted(groups.items(),
                                               key=lambda item: item[1].slides[0].number):
        first = group.slides[0]
        where = f"{numbers(s.number for s in group.slides)}: "
        if role:
            message = (f"the {role} is covered by {_what(piece, layout)}; expected the {role} "
                       "clear of the template's artwork"
                       f"{hint or ' (move the artwork or the placeholder in the template)'}")
        else:
            verb = "overlaps" if len(group.names) == 1 else "overlap"
            message = (f"the {_and(group.names)} {verb} {_what(piece, layout)}; expected "
                       f"content clear of the template's artwork{hint}")
        out.append((first.path, where + message))
    return out


PICTURE_LOST = 0.25
"""A template picture of which more than this share nearly matches the colour deckgen
paints a slide (under 1.5:1) is partly lost on it (as ``checks.style.LOGO_LOST``)."""


def faint_pictures(slides: list[SlidePlan], template: Template) -> list[tuple[tuple, str]]:
    """Return (model path, message) for each picture a template's master or layout shows
    (a logo, say) that much of vanishes on the colour deckgen paints the slides built on
    that layout: the dark title, divider and closing slides, most often. One finding per
    picture, layout and colour, naming the slides, located at the first of them."""
    from .. import images

    groups: dict[tuple[bytes, str, str], list[SlidePlan]] = {}
    for slide in slides:
        placement = place(template, slide.kind, slide.requested)
        laid = template.layout(placement.layout) if placement.layout else None
        if laid is None:
            continue
        for piece in laid.art:
            if piece.kind == "picture" and piece.image:
                groups.setdefault((piece.image, laid.name, slide.background), []).append(slide)
    out = []
    shares: dict[tuple[bytes, str], float | None] = {}
    for (image, layout, colour), group in sorted(groups.items(),
                                                 key=lambda item: item[1][0].number):
        if (image, colour) not in shares:
            shares[image, colour] = images.lost_share(image, colour)
        share = shares[image, colour]
        if share is None or share <= PICTURE_LOST:
            continue
        out.append((group[0].path,
                    f"{numbers(s.number for s in group)}: {share:.0%} of the template's "
                    f"picture on layout {quoted(layout)} is nearly the colour deckgen paints "
                    f"these slides ({colour}) and barely shows there; expected a palette "
                    "colour that sets it off (brand.palette.secondary for the title, divider "
                    "and closing slides, brand.palette.background for the others), or a "
                    "picture in the template that contrasts with it"))
    return out


class _Group:
    """The slides one piece of artwork is in the way on, and what it covers there."""

    def __init__(self) -> None:
        self.slides: list[SlidePlan] = []
        self.names: list[str] = []

    def add(self, slide: SlidePlan, name: str) -> None:
        if not self.slides or self.slides[-1] is not slide:
            self.slides.append(slide)
        if name not in self.names:
            self.names.append(name)


def numbers(values) -> str:
    """Return slide numbers as a reader writes them: 'slide 4', 'slides 3–9, 12' (a run of
    three or more joined by an en dash)."""
    ns = sorted(set(values))
    runs: list[list[int]] = []
    for n in ns:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0]}\u2013{run[-1]}")
        else:
            parts += [str(n) for n in run]
    return f"{'slide' if len(ns) == 1 else 'slides'} {', '.join(parts)}"


def _and(names: list[str]) -> str:
    """Return 'chart', 'chart and table', 'body text, chart and table'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _artwork(template: Template, slide: SlidePlan) -> tuple[str, tuple[Artwork, ...]]:
    """Return the name of the layout ``slide`` is built on, as the writer picks it, and the
    artwork it shows."""
    placement = place(template, slide.kind, slide.requested)
    layout = template.layout(placement.layout) if placement.layout else None
    return (layout.name, layout.artwork) if layout is not None else ("", ())


def _scale(template: Template, width: float, height: float) -> float:
    """Return the factor from the template's points to the plan's: the writer scales a plan
    to a template of its shape at another size; else the slides take the plan's size."""
    return 1.0 / resize.factor(template.size, width, height)


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


def _what(piece: Artwork, layout: str = "") -> str:
    """Return "the template's artwork 'Logo' (on its master) on the layout 'Title Only'"."""
    on = f" on the layout {quoted(layout)}" if layout else ""
    return f"the template's artwork '{piece.name}' (on its {piece.owner}){on}"


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
