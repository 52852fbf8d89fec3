"""The brief's charts: numbered, tagged figures of the shared vector drawing (``chart_drawing``).

The drawing itself (bar, column, line, pie and doughnut, every text placed clear of the
others) is neutral; here it gets the brief's font, type size, palette and glyph fallbacks,
and becomes a 'Figure' of the structure tree with its alt text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from .. import alt_text
from .. import chart_drawing as _drawing
from ..chart_drawing import ChartLook, formatter, line_segments
from ..model import Chart
from .context import Context
from .figures import frame_size, height_of, laid_out, outline_look
from .flowables import PAIRED_READ_SHARE, bare_style, caption_markup, stacked_height
from .styles import (
    CHART_PT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    GUTTER,
    SPACE,
)
from .typesetting import Tagged

if TYPE_CHECKING:  # reportlab.graphics is imported only when a brief has a chart
    from reportlab.graphics.shapes import Drawing

__all__ = ["Exhibit", "drawing", "figure", "figure_pair", "formatter",
           "line_segments"]


@dataclass(frozen=True)
class Exhibit:
    """A chart as the brief shows it: the chart, its title and the sentence it makes, and
    what its slide shows beside it (the other column of a two-column slide)."""

    chart: Chart
    title: str
    takeaway: str | None = None
    beside: Callable[[float], list[Flowable]] | None = None
    """Makes, for a width, what stands beside the chart (made when the figure is, so that
    it follows the figure in the structure tree)."""


def _figure(ctx: Context) -> str:
    """Return the markup of the current figure's label and the space after it: 'Figure 2. '."""
    return ctx.literal(ctx.word("figure", number=ctx.figures)) + " "


def figure(ctx: Context, exhibit: Exhibit) -> list[Flowable]:
    """Return a numbered figure: title above; the drawing with its caption under it, and
    beside it the takeaway and what the slide shows beside the chart."""
    ctx.figures += 1
    s = ctx.styles
    head = ctx.tagged(_figure(ctx) + ctx.markup(exhibit.title), s.h3, "H2")
    width, height = frame_size(exhibit.chart, paired=False)
    drawn: list[Flowable] = [tagged_drawing(ctx, exhibit, width, height)]
    caption = caption_markup(ctx, exhibit.chart.caption, exhibit.chart.source,
                             exhibit.chart.unit)
    if caption:
        drawn.append(ctx.tagged(caption, s.caption, "P"))
    notes: list[Flowable] = []
    if exhibit.takeaway:
        notes.append(ctx.para(exhibit.takeaway, s.note))
    under: list[Flowable] = []
    if exhibit.beside is not None:
        beside = exhibit.beside(FRAME_WIDTH - width - GUTTER)
        if stacked_height(beside, FRAME_WIDTH - width - GUTTER) > FRAME_HEIGHT * PAIRED_READ_SHARE:
            under = exhibit.beside(FRAME_WIDTH)  # too long to stand beside: it follows
        else:
            notes += beside
    body = Table([[drawn, notes or ""]],
                 colWidths=[width, FRAME_WIDTH - width], hAlign="LEFT")
    body.setStyle(bare_style(ctx, ("LEFTPADDING", (1, 0), (1, 0), GUTTER),
                             ("TOPPADDING", (1, 0), (1, 0), CHART_PT * 2)))
    return [KeepTogether([head, body, Spacer(0, SPACE)]), *under]


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
    laid = laid_out(look(ctx), exhibit.chart, width, height_of(exhibit.chart, height))
    kind = laid.form.kind if laid.form else ""  # a column chart drawn as bars is a bar chart
    figure = ctx.tags.element("Figure", alt=alt_text.chart(exhibit.chart, exhibit.title,
                                                           ctx.locale, kind))
    return Tagged(_drawing.render(laid), figure)


def drawing(ctx: Context, chart: Chart, width: float = FRAME_WIDTH,
            height: float | None = None) -> Drawing:
    """Return ``chart`` drawn as vector graphics, ``width`` by ``height`` points.

    Without a height, pies and doughnuts are drawn ``PIE_HEIGHT`` high, others
    ``CHART_HEIGHT``. The drawing itself is the neutral ``chart_drawing``'s, in the brief's
    font, type size and palette.
    """
    return _drawing.drawing(look(ctx), chart, width, height_of(chart, height))


def look(ctx: Context) -> ChartLook:
    """Return how the brief draws its charts (``outline_look``)."""
    return outline_look(ctx.outline)
