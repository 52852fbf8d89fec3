"""The brief's figures planned without drawing them: which charts pair up, the size each is
drawn at, where its labels go, and the label findings (``chart_drawing.proof``).

No reportlab: ``deckgen check`` reports a build's chart-label findings without loading the
typesetter. ``charts`` draws the figures this module plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from .. import chart_colours
from .. import chart_drawing as _drawing
from ..chart_drawing import ChartLook
from ..checks.charts import charts as _charts
from ..checks.glyphs import fallback_files
from ..model import Chart, ChartSlide, Outline, TwoColumnSlide
from ..report import Finding
from .geometry import CHART_HEIGHT, CHART_PT, CHART_SHARE, FRAME_WIDTH, GUTTER, PIE_HEIGHT

T = TypeVar("T")


def pair_up(items: list[T]) -> list[tuple[T, T | None]]:
    """Return charts as the brief sets them: side by side in pairs, in order, the last alone
    when their number is odd."""
    return [(items[k], items[k + 1] if k + 1 < len(items) else None)
            for k in range(0, len(items), 2)]


@dataclass(frozen=True)
class Placement:
    """Where figures stand in a section: at slide ``at``, the charts of ``slides`` (one
    chart, or two side by side)."""

    at: int
    slides: tuple[int, ...]
    charts: tuple[Chart, ...]

    @property
    def paired(self) -> bool:
        """Whether two charts stand side by side, each half the frame wide."""
        return len(self.charts) == 2


def placements(slides: list) -> list[Placement]:
    """Return a section's figures as the brief places them, in reading order.

    Chart slides pair up in order (``pair_up``), the pair standing where its first chart
    would. A two-column slide's charts stand where the slide is, as the slide shows them:
    its two charts side by side, or its one chart with the other column beside it (never
    paired with another slide's chart, which would part it from that column).
    """
    out = [Placement(a, (a,) if b is None else (a, b),
                     (slides[a].chart,) if b is None else (slides[a].chart, slides[b].chart))
           for a, b in pair_up([i for i, s in enumerate(slides) if isinstance(s, ChartSlide)])]
    out += [Placement(i, (i,), tuple(charts_of(s))) for i, s in enumerate(slides)
            if isinstance(s, TwoColumnSlide) and charts_of(s)]
    return sorted(out, key=lambda p: p.at)


def frame_size(chart: Chart, paired: bool) -> tuple[float, float]:
    """Return the width and height a chart is drawn at: half the frame beside its pair, or
    ``CHART_SHARE`` of it beside its notes."""
    if paired:
        return (FRAME_WIDTH - GUTTER) / 2, CHART_HEIGHT
    return FRAME_WIDTH * CHART_SHARE, height_of(chart, None)


def label_findings(outline: Outline) -> list[Finding]:
    """Return a finding, at the chart, for each label problem of each figure of the brief
    (``chart_drawing.proof``), naming the figure by its number.

    Worked out from the outline alone (``figure_layouts``, no story), so ``deckgen check``
    finds exactly what a build finds without typesetting the brief.
    """
    return [Finding(path, f"figure {number} of the brief: {sentence}", "overflow")
            for path, number, laid in figure_layouts(outline)
            for sentence in _drawing.proof(laid)]


def figure_layouts(outline: Outline) -> list[tuple[tuple, int, _drawing.ChartLayout]]:
    """Return each figure of the brief laid out as the build draws it: the chart's path in
    the outline, the figure's number and its layout (every label with its text and box).

    Worked out from the outline alone: the figures' order and sizes, no story.
    """
    shown = outline_look(outline)
    out = []
    number = 0
    paths = {id(chart): path for path, chart in _charts(outline)}
    for section in outline.sections:
        for placed in placements(list(section.slides)):
            for chart in placed.charts:
                number += 1
                width, height = frame_size(chart, placed.paired)
                out.append((paths[id(chart)], number, laid_out(shown, chart, width, height)))
    return out


def charts_of(slide) -> list[Chart]:
    """Return the charts a slide brings to the brief, in the order the story sets them."""
    if isinstance(slide, ChartSlide):
        return [slide.chart]
    if isinstance(slide, TwoColumnSlide):
        return [c.chart for c in (slide.left, slide.right) if c.chart is not None]
    return []


GROWTH = (1.0, 1.5, 2.0)
"""Heights a figure is tried at, as multiples of its own, until every label finds room (a
bar chart of many long names grows taller rather than leave names out)."""


def laid_out(shown: ChartLook, chart: Chart, width: float, height: float
              ) -> _drawing.ChartLayout:
    """Return the chart laid out at the first height of ``GROWTH`` where its labels are
    clear, else at the tallest."""
    for grow in GROWTH:
        laid = _drawing.layout(shown, chart, width, height * grow)
        if not _drawing.proof(laid):
            break
    return laid


def height_of(chart: Chart, height: float | None) -> float:
    if height is None:
        return PIE_HEIGHT if chart.type in ("pie", "doughnut") else CHART_HEIGHT
    return height


def outline_look(outline: Outline) -> ChartLook:
    """Return how the brief draws the charts of ``outline``: body font at ``CHART_PT``, brand
    palette, the brief's fallback fonts for characters the body font lacks, the outline's
    language."""
    p = outline.brand.palette
    return ChartLook(outline.brand.fonts.body, CHART_PT, p.text, p.muted, p.surface,
                     p.background, tuple(chart_colours.series_colours(outline.brand)),
                     tuple(str(f) for f in fallback_files(outline)), outline.meta.language)
