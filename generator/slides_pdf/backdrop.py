"""What deck.pdf's slides are drawn on, as deck.pptx has it: the slide size and the template's art.

The PPTX writer scales a plan onto a template of its shape at another size (10 x 5.625 in
for 16:9, say; ``deck.resize.factor``) and leaves the template's master and layout artwork
where the template draws it. deck.pdf does the same: its pages are the PPTX's slide size,
the plan is drawn scaled by the same factor, and each slide shows the art of the layout it
is built on (``deck.contract.place``, as the writer picks it) behind its own content.
Pure: no reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..deck import resize
from ..deck.contract import place
from ..deck.elements import DeckPlan, SlidePlan
from ..model import Outline
from ..report import BuildOptions

if TYPE_CHECKING:
    from ..deck.template_reader import Art, Template


@dataclass
class Backdrop:
    """The page every slide of a deck is drawn on: ``width`` x ``height`` points (the
    PPTX's slide size), the plan drawn ``scale`` times its size, and the template the
    slides are built on (None: python-pptx's own, which draws no art)."""

    width: float
    height: float
    scale: float = 1.0
    template: Template | None = None
    _layouts: dict[tuple[str, str | None], tuple[Art, ...]] = field(default_factory=dict,
                                                                    repr=False)

    def art(self, slide: SlidePlan) -> tuple[Art, ...]:
        """Return the art the template shows behind ``slide``, bottom first (in points of
        the page)."""
        if self.template is None:
            return ()
        key = (slide.kind, slide.requested)
        if key not in self._layouts:
            placement = place(self.template, slide.kind, slide.requested)
            layout = self.template.layout(placement.layout) if placement.layout else None
            self._layouts[key] = layout.art if layout is not None else ()
        return self._layouts[key]


def plain(plan: DeckPlan) -> Backdrop:
    """Return the backdrop of a deck without a template: the plan's own page."""
    return Backdrop(plan.width, plan.height)


def of(plan: DeckPlan, outline: Outline, options: BuildOptions) -> Backdrop:
    """Return the backdrop of ``plan`` as the PPTX writer builds it: on the brand's template
    (as the loader read it, else read now), scaled to its size when it has the plan's shape
    at another size. Without a template, or when it cannot be read (the deck's build
    reports that), the plan's own page."""
    template = _template(outline, options)
    if template is None:
        return plain(plan)
    s = resize.factor(template.size, plan.width, plan.height)
    return Backdrop(plan.width * s, plan.height * s, s, template)


def _template(outline: Outline, options: BuildOptions) -> Template | None:
    path = outline.brand.template
    if path is None:
        return None
    parsed = options.template
    if parsed is not None and Path(parsed.path) == Path(path):
        return parsed
    from ..deck import template_reader

    try:
        return template_reader.read(Path(path))
    except template_reader.TemplateProblem:
        return None
