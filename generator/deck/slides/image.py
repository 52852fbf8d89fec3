"""Image slides: the picture scaled into the body, with alt text and a caption."""

from __future__ import annotations

from ...model import ImageSlide
from ..context import Context
from ..elements import Element, Picture
from ..layout import Box
from .table import CAPTION_GAP, caption


def pages(ctx: Context, slide: ImageSlide, body: Box, path: tuple) -> list[list[Element]]:
    """Return the image slide: picture centred in the body, caption under it."""
    out: list[Element] = []
    if slide.caption:
        para, h = caption(ctx, slide.caption, body.w)
        body, line = body.take_bottom(h, gap=CAPTION_GAP)
        out.append(ctx.text(line, [para], role="caption"))
    return [[Picture(body, slide.image, slide.alt), *out]]
