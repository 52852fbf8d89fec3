"""Two-column slides: each column a heading over text, bullets, a stat or a chart."""

from __future__ import annotations

from ... import brand as _brand
from ...model import Column, TwoColumnSlide
from .. import fit, scale
from ..context import Context
from ..elements import Element
from ..layout import FIT_MARGIN, GUTTER, PANEL_PAD, Box
from . import bullets, chart, stats

HEADING_PT = 22
HEADING_MIN_PT = 18
HEADING_GAP = 10.0


def _heading_h(ctx: Context, columns: list[Column], width: float) -> tuple[float, float]:
    """Return (size, height) of the headings, shared so both columns line up."""
    heads = [c.heading for c in columns if c.heading]
    if not heads:
        return HEADING_PT, 0.0
    for size in fit.sizes(HEADING_PT, HEADING_MIN_PT):
        h = max(fit.height([_head(ctx, t, size)], width) for t in heads)
        if h <= 2 * size * _brand.LINE_SPACING:
            return size, h / FIT_MARGIN + 2
    size = HEADING_MIN_PT
    return size, max(fit.height([_head(ctx, t, size)], width) for t in heads) / FIT_MARGIN + 2


def _head(ctx: Context, value: str, size: float):
    return ctx.para(value, size, heading=True, bold=True, colour=ctx.palette.primary)


def _body(ctx: Context, column: Column, box: Box, path: tuple, idx: int) -> list[Element]:
    if column.chart is not None:
        return chart.frame(ctx, column.chart, box, column.heading or "")
    if column.stat is not None:
        inner = Box(box.x + PANEL_PAD, box.y + PANEL_PAD + stats.BAR_H, box.w - 2 * PANEL_PAD,
                    box.h - 2 * PANEL_PAD - stats.BAR_H)
        texts = stats.block(ctx, [column.stat], [inner], (*path, "stat"))
        panel_h = stats.height(texts) + stats.BAR_H + 2 * PANEL_PAD + 8
        return [*stats.panels(ctx, [Box(box.x, box.y, box.w, min(panel_h, box.h))]), *texts]
    items, text = column.bullets, column.text or ""  # a column without bullets has text
    if items is not None:
        laid = fit.shrink(lambda s: [p for i, b in enumerate(items)
                                     for p in bullets.item(ctx, b, s, i == 0)],
                          box, scale.BODY_PT, scale.BODY_MIN_PT)
    else:
        laid = fit.shrink(lambda s: [ctx.para(text, s)], box, scale.BODY_PT,
                          scale.BODY_MIN_PT)
    if laid is None:
        ctx.note(path, "column text does not fit even at the smallest size; expected less "
                 "text or a bullets slide", "overflow", "error")
        size = scale.BODY_MIN_PT
        paras = ([p for i, b in enumerate(items) for p in bullets.item(ctx, b, size, i == 0)]
                 if items is not None else [ctx.para(text, size)])
        laid = (size, paras)
    elif laid[0] < scale.BODY_PT:
        ctx.note(path, f"column text shrunk to {laid[0]:g} pt to fit", "shrunk")
    return [ctx.text(box, laid[1], placeholder=idx)]


def pages(ctx: Context, slide: TwoColumnSlide, body: Box, path: tuple) -> list[list[Element]]:
    """Return the two-column slide, headings aligned across columns."""
    columns = [slide.left, slide.right]
    boxes = body.columns(2, GUTTER * 1.5)
    size, head_h = _heading_h(ctx, columns, boxes[0].w)
    out: list[Element] = []
    for idx, (column, box, name) in enumerate(zip(columns, boxes, ("left", "right"),
                                                  strict=True), 1):
        rest = box
        if head_h:
            top, rest = box.take_top(head_h, gap=HEADING_GAP)
            if column.heading:
                out.append(ctx.text(top, [_head(ctx, column.heading, size)], role="heading"))
        out += _body(ctx, column, rest, (*path, name), idx)
    return [out]
