"""Bullet slides: one level of sub-bullets, shrunk to fit and spilt onto continued slides."""

from __future__ import annotations

from dataclasses import replace

from ...model import Bullet, BulletsSlide
from .. import fit, scale
from ..context import Context
from ..elements import Element, Para
from ..layout import BULLET_INDENT, SUB_BULLET_INDENT, Box


def item(ctx: Context, bullet: Bullet, size: float, first: bool) -> list[Para]:
    """Return a bullet and its sub-bullets as paragraphs at body ``size``: '•' and '–' at
    the deck's indents, or on a template with list levels (``ctx.levels``), its bullets at
    its indents, measured as the template sets them."""
    sub = max(size - scale.SUB_BULLET_DELTA_PT, scale.BODY_MIN_PT)
    out = [replace(ctx.para(bullet.text, size, space_before=0.0 if first else 0.6 * size),
                   **_look(ctx, 0, size))]
    out += [replace(ctx.para(s, sub, space_before=0.25 * size, colour=ctx.palette.text,
                             level=1), **_look(ctx, 1, size))
            for s in bullet.sub]
    return out


def _look(ctx: Context, level: int, size: float) -> dict:
    """Return the bullet, indent, hang and bullet font of list ``level`` at body ``size``."""
    if len(ctx.levels) > level:
        lv = ctx.levels[level]
        return {"bullet": lv.bullet, "indent": lv.indent, "hang": lv.hang,
                "bullet_font": lv.bullet_font}
    return {"bullet": ("•", "–")[level],
            "indent": (BULLET_INDENT, SUB_BULLET_INDENT)[level] * size}


def layout(ctx: Context, bullets: list[Bullet], box: Box) -> fit.Pages:
    """Return the bullets laid out over as many boxes as they need."""
    return fit.paginate(lambda i, size, first: item(ctx, bullets[i], size, first),
                        len(bullets), box, scale.BODY_PT, scale.BODY_MIN_PT)


def pages(ctx: Context, slide: BulletsSlide, body: Box, path: tuple) -> list[list[Element]]:
    """Return the pages of a bullets slide, noting shrinking and overflow."""
    laid = layout(ctx, slide.bullets, body)
    report(ctx, laid, path, "bullets", scale.BODY_PT)
    return [[ctx.text(body, paras, placeholder=1)] for paras in laid.pages]


def report(ctx: Context, laid: fit.Pages, path: tuple, what: str, preferred: float) -> None:
    """Record findings for items that overflow and for text shrunk below ``preferred``."""
    for i in laid.overflow:
        ctx.note((*path, what, i), f"{what[:-1] if what.endswith('s') else what} {i + 1} does "
                 "not fit on a slide even alone at the smallest size; expected shorter text",
                 "overflow", "error")
    if laid.smallest < preferred and not laid.overflow:
        ctx.note(path, f"{what} shrunk to {laid.smallest:g} pt to fit (preferred "
                 f"{preferred:g} pt)", "shrunk")
