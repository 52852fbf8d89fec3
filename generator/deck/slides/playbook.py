"""Playbook slides: the overview table of subject against peers, and one slide per peer."""

from __future__ import annotations

from ... import brand as _brand
from ...model import Peer, Playbook
from .. import fit, scale
from ..context import Context
from ..elements import Element, Shape
from ..layout import BODY_GAP, FIT_MARGIN, GUTTER, PANEL_PAD, Box
from . import chart, table

BAND_PT = 16
"""Size of the takeaway band under a dense overview table."""
BAND_PAD = 8.0


def _with_takeaway(ctx: Context, value: str, body: Box, path: tuple, header: list[str],
                   rows: list[list[str]], title: str) -> list[list[Element]]:
    para = ctx.para(value, scale.BODY_PT, bold=True)
    h = fit.height([para], body.w - 2 * PANEL_PAD - 4) / FIT_MARGIN + 2 * PANEL_PAD + 2
    room, _ = body.take_bottom(h, gap=GUTTER)
    grids = table.grids(ctx, header, rows, room, path, first_bold=True, grow=True,
                        title=title)
    pages: list[list[Element]] = [[g] for g in grids]
    panel = Box(body.x, grids[-1].box.bottom + GUTTER, body.w, h)
    pages[-1] += chart.takeaway(ctx, value, panel, (*path, "takeaway"))
    return pages


def _with_band(ctx: Context, value: str, body: Box, path: tuple, header: list[str],
               rows: list[list[str]], title: str) -> list[list[Element]]:
    """Return a dense table with its takeaway in a compact band under it."""
    inner_w = body.w - chart.BAR_W - 2 * BAND_PAD
    fitted = fit.shrink(lambda s: [ctx.para(value, s, bold=True)],
                        Box(0, 0, inner_w, 2 * BAND_PT * _brand.LINE_SPACING), BAND_PT,
                        scale.BODY_MIN_PT)
    size, paras = fitted or (scale.BODY_MIN_PT, [ctx.para(value, scale.BODY_MIN_PT,
                                                           bold=True)])
    if fitted is None:
        ctx.note((*path, "takeaway"), "takeaway does not fit in two lines under the table; "
                 "expected one sentence", "overflow", "error")
    elif size < BAND_PT:
        ctx.note((*path, "takeaway"), f"takeaway shrunk to {size:g} pt to fit", "shrunk")
    text_h = fit.height(paras, inner_w) / FIT_MARGIN + 2
    h = text_h + 2 * BAND_PAD
    room, _ = body.take_bottom(h, gap=BODY_GAP)
    grids = table.grids(ctx, header, rows, room, path, first_bold=True, grow=True,
                        title=title)
    pages: list[list[Element]] = [[g] for g in grids]
    band = Box(body.x, grids[-1].box.bottom + BODY_GAP, body.w, h)
    inner = Box(band.x + chart.BAR_W + BAND_PAD, band.y + BAND_PAD, inner_w, text_h)
    pages[-1] += [Shape(band, ctx.palette.surface),
                  Shape(Box(band.x, band.y, chart.BAR_W, band.h), ctx.palette.primary),
                  ctx.text(inner, paras, role="takeaway", anchor="middle")]
    return pages


def overview(ctx: Context, playbook: Playbook, body: Box, path: tuple) -> list[list[Element]]:
    """Return the overview: one row per dimension, the subject and each peer as columns.

    With many peers the table is dense, and its takeaway sits in a compact band under it.
    """
    header = ["", playbook.subject, *[p.name for p in playbook.peers]]
    rows = [[d.label, d.subject, *[p.contrasts[d.id] for p in playbook.peers]]
            for d in playbook.dimensions]
    dense = len(header) >= table.DENSE_COLUMNS
    lay = _with_band if dense else _with_takeaway
    return lay(ctx, playbook.takeaway, body, path, header, rows, playbook.headline)


def peer(ctx: Context, playbook: Playbook, peer: Peer, body: Box,
         path: tuple) -> list[list[Element]]:
    """Return the side-by-side slide of the subject against one peer."""
    header = ["", playbook.subject, peer.name]
    rows = [[d.label, peer.subject.get(d.id, d.subject), peer.contrasts[d.id]]
            for d in playbook.dimensions]
    return _with_takeaway(ctx, peer.takeaway, body, path, header, rows,
                          peer_title(ctx, peer))


def peer_title(ctx: Context, peer: Peer) -> str:
    """Return a peer slide's title: 'Peer: headline', punctuated in the outline's language."""
    return f"{peer.name}{ctx.locale.punctuation.colon}{peer.headline}"
