"""The brief's charts: numbered, tagged figures of the shared vector drawing (``chart_drawing``).

The drawing itself (bar, column, line, pie and doughnut, every text placed clear of the
others) is neutral; here it gets the brief's font, type size, palette and glyph fallbacks,
and becomes a 'Figure' of the structure tree with its alt text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from .. import chart_colours
from .. import chart_drawing as _drawing
from ..chart_drawing import ChartLook, formatter, line_segments
from ..checks.charts import charts as _charts
from ..checks.glyphs import fallback_files
from ..model import Chart, ChartSlide, Outline, TwoColumnSlide
from ..pdf_tags import alt_text
from ..report import Finding
from .context import Context
from .flowables import bare_style, caption_markup
from .styles import (
    CHART_HEIGHT,
    CHART_PT,
    CHART_SHARE,
    FRAME_WIDTH,
    GUTTER,
    PIE_HEIGHT,
    SPACE,
)
from .typesetting import Tagged

T = TypeVar("T")

if TYPE_CHECKING:  # reportlab.graphics is imported only when a brief has a chart
    from reportlab.graphics.shapes import Drawing

__all__ = ["Exhibit", "alt_text", "drawing", "figure", "figure_pair", "formatter",
           "line_segments"]


@dataclass(frozen=True)
class Exhibit:
    """A chart as the brief shows it: the chart, its title and the sentence it makes."""

    chart: Chart
    title: str
    takeaway: str | None = None


def _figure(ctx: Context) -> str:
    """Return the markup of the current figure's label and the space after it: 'Figure 2. '."""
    return ctx.literal(ctx.word("figure", number=ctx.figures)) + " "


def figure(ctx: Context, exhibit: Exhibit) -> Flowable:
    """Return a numbered figure: title above; the drawing with its takeaway and caption beside."""
    ctx.figures += 1
    s = ctx.styles
    head = ctx.tagged(_figure(ctx) + ctx.markup(exhibit.title), s.h3, "H2")
    width, height = frame_size(exhibit.chart, paired=False)
    chart = tagged_drawing(ctx, exhibit, width, height)
    notes: list[Flowable] = []
    if exhibit.takeaway:
        notes.append(ctx.para(exhibit.takeaway, s.note))
    caption = caption_markup(ctx, exhibit.chart.caption, exhibit.chart.source,
                             exhibit.chart.unit)
    if caption:
        notes.append(ctx.tagged(caption, s.small))
    body = Table([[chart, notes or ""]],
                 colWidths=[width, FRAME_WIDTH - width], hAlign="LEFT")
    body.setStyle(bare_style(ctx, ("LEFTPADDING", (1, 0), (1, 0), GUTTER),
                             ("TOPPADDING", (1, 0), (1, 0), CHART_PT * 2)))
    return KeepTogether([head, body, Spacer(0, SPACE * 1.5)])


def figure_pair(ctx: Context, left: Exhibit, right: Exhibit) -> Flowable:
    """Return two numbered figures side by side, each with its caption and takeaway under it."""
    s = ctx.styles
    width = (FRAME_WIDTH - GUTTER) / 2
    cells = []
    for exhibit in (left, right):
        ctx.figures += 1
        cell: list[Flowable] = [
            ctx.tagged(_figure(ctx) + ctx.markup(exhibit.title), s.h3, "H2"),
            tagged_drawing(ctx, exhibit, *frame_size(exhibit.chart, paired=True))]
        caption = caption_markup(ctx, exhibit.chart.caption, exhibit.chart.source,
                                 exhibit.chart.unit)
        if caption:
            cell.append(ctx.tagged(caption, s.caption, "P"))
        if exhibit.takeaway:
            cell.append(ctx.para(exhibit.takeaway, s.note))
        cells.append(cell)
    body = Table([cells], colWidths=[width + GUTTER, width], hAlign="LEFT")
    body.setStyle(bare_style(ctx, ("RIGHTPADDING", (0, 0), (0, 0), GUTTER)))
    return KeepTogether([body, Spacer(0, SPACE)])


def tagged_drawing(ctx: Context, exhibit: Exhibit, width: float,
                   height: float | None = None) -> Flowable:
    """Return the exhibit's chart drawn, a 'Figure' of the structure tree with its alt text."""
    figure = ctx.tags.element("Figure", alt=alt_text(exhibit.chart, exhibit.title))
    laid = _laid_out(look(ctx), exhibit.chart, width, _height(exhibit.chart, height))
    return Tagged(_drawing.render(laid), figure)


def pair_up(items: list[T]) -> list[tuple[T, T | None]]:
    """Return a section's charts as the brief sets them: side by side in pairs, in order,
    the last alone when their number is odd."""
    return [(items[k], items[k + 1] if k + 1 < len(items) else None)
            for k in range(0, len(items), 2)]


def frame_size(chart: Chart, paired: bool) -> tuple[float, float]:
    """Return the width and height a chart is drawn at: half the frame beside its pair, or
    ``CHART_SHARE`` of it beside its notes."""
    if paired:
        return (FRAME_WIDTH - GUTTER) / 2, CHART_HEIGHT
    return FRAME_WIDTH * CHART_SHARE, _height(chart, None)


def label_findings(outline: Outline) -> list[Finding]:
    """Return a finding, at the chart, for each label problem of each figure of the brief
    (``chart_drawing.proof``), naming the figure by its number.

    Worked out from the outline alone (the figures' order and sizes, no story), so
    ``deckgen check`` finds exactly what a build finds without typesetting the brief.
    """
    shown = outline_look(outline)
    out: list[Finding] = []
    number = 0
    paths = {id(chart): path for path, chart in _charts(outline)}
    for section in outline.sections:
        for first, second in pair_up([c for slide in section.slides for c in _charts_of(slide)]):
            for chart in (first, second):
                if chart is None:
                    continue
                number += 1
                width, height = frame_size(chart, second is not None)
                out += [Finding(paths[id(chart)], f"figure {number} of the brief: {sentence}",
                                "overflow")
                        for sentence in _drawing.proof(_laid_out(shown, chart, width, height))]
    return out


def _charts_of(slide) -> list[Chart]:
    """Return the charts a slide brings to the brief, in the order the story sets them."""
    if isinstance(slide, ChartSlide):
        return [slide.chart]
    if isinstance(slide, TwoColumnSlide):
        return [c.chart for c in (slide.left, slide.right) if c.chart is not None]
    return []


GROWTH = (1.0, 1.5, 2.0)
"""Heights a figure is tried at, as multiples of its own, until every label finds room (a
bar chart of many long names grows taller rather than leave names out)."""


def _laid_out(shown: ChartLook, chart: Chart, width: float, height: float
              ) -> _drawing.ChartLayout:
    """Return the chart laid out at the first height of ``GROWTH`` where its labels are
    clear, else at the tallest."""
    for grow in GROWTH:
        laid = _drawing.layout(shown, chart, width, height * grow)
        if not _drawing.proof(laid):
            break
    return laid


def _height(chart: Chart, height: float | None) -> float:
    if height is None:
        return PIE_HEIGHT if chart.type in ("pie", "doughnut") else CHART_HEIGHT
    return height


def drawing(ctx: Context, chart: Chart, width: float = FRAME_WIDTH,
            height: float | None = None) -> Drawing:
    """Return ``chart`` drawn as vector graphics, ``width`` by ``height`` points.

    Without a height, pies and doughnuts are drawn ``PIE_HEIGHT`` high, others
    ``CHART_HEIGHT``. The drawing itself is the neutral ``chart_drawing``'s, in the brief's
    font, type size and palette.
    """
    return _drawing.drawing(look(ctx), chart, width, _height(chart, height))


def look(ctx: Context) -> ChartLook:
    """Return how the brief draws its charts (``outline_look``)."""
    return outline_look(ctx.outline)


def outline_look(outline: Outline) -> ChartLook:
    """Return how the brief draws the charts of ``outline``: body font at ``CHART_PT``, brand
    palette, the brief's fallback fonts for characters the body font lacks, the outline's
    language."""
    p = outline.brand.palette
    return ChartLook(outline.brand.fonts.body, CHART_PT, p.text, p.muted, p.surface,
                     p.background, tuple(chart_colours.series_colours(outline.brand)),
                     tuple(str(f) for f in fallback_files(outline)), outline.meta.language)
