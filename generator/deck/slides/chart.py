"""Chart slides: a native, editable chart in brand colours, with an optional takeaway."""

from __future__ import annotations

from ... import brand as _brand
from ...model import Chart, ChartSlide
from .. import alt, fit, scale
from ..context import Context
from ..elements import ChartFrame, Element, Shape
from ..layout import GUTTER, PANEL_PAD, Box
from .table import CAPTION_GAP, caption

CHART_TEXT_PT = 12
TAKEAWAY_SHARE = 0.32
BAR_W = 4.0


def frame(ctx: Context, chart: Chart, box: Box, title: str = "") -> list[Element]:
    """Return the chart in ``box`` with its caption (and unit) in a line under it.

    Its alt text is the chart's ``alt`` or is made from its data, under ``title``.
    """
    note = " ".join(p for p in (chart.caption, f"({chart.unit})" if chart.unit else None) if p)
    out: list[Element] = []
    if note:
        para, h = caption(ctx, note, box.w)
        box, line = box.take_bottom(h, gap=CAPTION_GAP)
        out.append(ctx.text(line, [para], role="caption"))
    colours = tuple(_brand.chart_colours(ctx.brand))
    out.insert(0, ChartFrame(box, chart, colours, ctx.body_font, ctx.palette.text,
                             CHART_TEXT_PT, alt.chart(chart, title)))
    return out


def takeaway(ctx: Context, value: str, box: Box, path: tuple) -> list[Element]:
    """Return a takeaway panel: surface fill, primary bar, text shrunk to fit."""
    inner = Box(box.x + BAR_W + PANEL_PAD, box.y + PANEL_PAD, box.w - BAR_W - 2 * PANEL_PAD,
                box.h - 2 * PANEL_PAD)
    fitted = fit.shrink(lambda s: [ctx.para(value, s, bold=True)], inner, scale.BODY_PT,
                        scale.BODY_MIN_PT)
    if fitted is None:
        ctx.note(path, "takeaway does not fit beside the chart; expected one sentence",
                 "overflow", "error")
        fitted = (scale.BODY_MIN_PT, [ctx.para(value, scale.BODY_MIN_PT, bold=True)])
    elif fitted[0] < scale.BODY_PT:
        ctx.note(path, f"takeaway shrunk to {fitted[0]:g} pt to fit", "shrunk")
    return [Shape(box, ctx.palette.surface), Shape(Box(box.x, box.y, BAR_W, box.h),
                                                   ctx.palette.primary),
            ctx.text(inner, fitted[1], role="takeaway", anchor="middle")]


def pages(ctx: Context, slide: ChartSlide, body: Box, path: tuple) -> list[list[Element]]:
    """Return the chart slide; with a takeaway the chart takes the left two thirds."""
    if not slide.takeaway:
        return [frame(ctx, slide.chart, body, slide.title)]
    side = body.w * TAKEAWAY_SHARE
    left = Box(body.x, body.y, body.w - side - GUTTER, body.h)
    right = Box(left.right + GUTTER, body.y, side, min(body.h, 200.0))
    return [frame(ctx, slide.chart, left, slide.title) + takeaway(ctx, slide.takeaway, right,
                                                     (*path, "takeaway"))]
