"""The charts of the slides PDF: how they look, and the labels their drawing cannot keep apart.

Pure (no reportlab): ``deckgen check`` asks for the findings without drawing a page.
"""

from __future__ import annotations

from .. import chart_drawing as _drawing
from ..chart_drawing import ChartForm, ChartLook
from ..checks.charts import charts as _charts
from ..checks.glyphs import fallback_files
from ..deck.elements import ChartFrame, DeckPlan
from ..model import Outline
from ..report import Finding


def look(element: ChartFrame, outline: Outline, background: str) -> ChartLook:
    """Return how deck.pdf draws the chart of ``element`` on a slide of ``background``: the
    deck's chart font, size and colours, the bundled fallback fonts, the outline's language,
    and the form the deck's plan chose for a bar, column or line chart (``form``), which
    the native chart follows too; its value labels stay where a native chart puts them."""
    return ChartLook(element.font, element.size, element.colour,
                     outline.brand.palette.muted, element.grid, background, element.colours,
                     tuple(str(f) for f in fallback_files()), outline.meta.language,
                     form(element), movable_labels=False)


def form(element: ChartFrame) -> ChartForm | None:
    """Return the form the deck's plan chose for the chart of ``element`` (None for a pie
    or doughnut, or a plan without an axis)."""
    labels = element.labels
    if element.chart.type in ("pie", "doughnut") or labels.axis is None:
        return None
    return ChartForm(labels.kind or element.chart.type, labels.axis, labels.points,
                     labels.name_step, labels.below)


def findings(deck: DeckPlan, outline: Outline) -> list[Finding]:
    """Return a finding, at the chart in the outline, for each label problem of each chart
    the slides PDF draws (``chart_drawing.proof``)."""
    paths = {id(chart): path for path, chart in _charts(outline)}
    out = []
    for slide in deck.slides:
        for element in slide.elements:
            if not isinstance(element, ChartFrame):
                continue
            b = element.box
            sentences = _drawing.findings(look(element, outline, slide.background),
                                          element.chart, b.w, b.h)
            path = paths.get(id(element.chart), slide.path)
            out += [Finding(path, f"slide {slide.number} of the slides PDF: {sentence}",
                            "overflow") for sentence in sentences]
    return out
