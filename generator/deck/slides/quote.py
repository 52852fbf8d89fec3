"""Quote slides: a large quotation beside an accent bar, with attribution and role."""

from __future__ import annotations

from ...model import QuoteSlide
from .. import fit, scale
from ..context import Context
from ..elements import Element, Para, Shape
from ..layout import FIT_MARGIN, Box

QUOTE_PT = 28
BAR_W = 6.0
INDENT = 30.0


def _paras(ctx: Context, slide: QuoteSlide, size: float) -> list[Para]:
    out = [ctx.para(ctx.locale.quote(slide.quote), size, italic=True, heading=True)]
    small = max(size * 0.65, scale.BODY_MIN_PT)
    out.append(ctx.para(f"— {slide.attribution}", small, bold=True, colour=ctx.palette.primary,
                        space_before=0.8 * size))
    if slide.role:
        out.append(ctx.para(slide.role, small - 2, colour=ctx.palette.muted,
                            space_before=0.2 * size))
    return out


def pages(ctx: Context, slide: QuoteSlide, body: Box, path: tuple) -> list[list[Element]]:
    """Return the quote slide, the quotation centred in the body height."""
    area = Box(body.x + INDENT, body.y, min(body.w - INDENT, body.w * 0.85), body.h)
    fitted = fit.shrink(lambda s: _paras(ctx, slide, s), area, QUOTE_PT, scale.BODY_MIN_PT)
    if fitted is None:
        ctx.note((*path, "quote"), "the quote does not fit on a slide; expected a shorter "
                 "excerpt", "overflow", "error")
        fitted = (scale.BODY_MIN_PT, _paras(ctx, slide, scale.BODY_MIN_PT))
    elif fitted[0] < QUOTE_PT:
        ctx.note(path, f"quote shrunk to {fitted[0]:g} pt to fit", "shrunk")
    h = min(fit.height(fitted[1], area.w) / FIT_MARGIN + 4, area.h)
    box = Box(area.x, body.y + (body.h - h) / 2, area.w, h)
    return [[Shape(Box(body.x, box.y, BAR_W, h), ctx.palette.primary),
             ctx.text(box, fitted[1], role="quote")]]
